"""Terminal UI speed: time to first paint, to a fully shown comparison, and key-press latency,
on the seed articles and on a synthetic corpus (300 articles by default).

    python bench/tui.py [--articles 300] [--size 120x40] [--repeat 3]

* first paint / fully shown: a fresh Python process runs the app headless; times are from
  the moment the process is started (interpreter start-up and imports included) to the first
  screen refresh, and to the first refresh after the comparison's data is on screen; also
  the imports alone and the time from ``app.run()`` to the first paint.
* key latency: in one running app (comparison already computed), from a key event reaching
  the app to the end of the first screen refresh after it ("answered": the screen shows the
  key's effect) and to the end of the last refresh it causes ("settled": Textual redraws the
  scrollbars one frame later when the content height changes, and the details pane fills in
  from a worker). Textual repaints at most 60 times a second: up to a frame of waiting is
  included.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, os, sys, time
t0 = float(os.environ["BENCH_T0"])
from textual.screen import Screen
marks = {}
original = Screen._compositor_refresh

def refresh(self):
    original(self)
    app = self.app
    now = time.time() - t0
    if "first_paint" not in marks:
        marks["first_paint"] = now
        marks["run_to_paint"] = time.time() - t_run
    if getattr(app, "version", 0) and "full" not in marks:
        marks["full"] = now
        app.exit()

Screen._compositor_refresh = refresh
from corpusdiff.tui.app import CorpusdiffApp
app = CorpusdiffApp(json.loads(os.environ["BENCH_PATHS"]))
marks["imports"] = time.time() - t0
t_run = time.time()
app.run(headless=True, size=(120, 40))
print(json.dumps(marks))
"""


def cold_start(paths: list[str]) -> dict[str, float]:
    """First paint and fully shown, in seconds from process start."""
    env = dict(os.environ, BENCH_T0=repr(time.time()), BENCH_PATHS=json.dumps(paths))
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True,
                         text=True, check=True, timeout=300, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


async def _latencies(comparison: object, size: tuple[int, int], script: list[str],
                     repeat: int) -> dict[str, list[tuple[float, float]]]:
    from textual import events
    from textual.screen import Screen

    from corpusdiff.tui.app import CorpusdiffApp

    refreshes: list[float] = []
    original = Screen._compositor_refresh

    def refresh(self: Screen[object]) -> None:
        original(self)
        refreshes.append(time.perf_counter())

    Screen._compositor_refresh = refresh  # type: ignore[method-assign]
    results: dict[str, list[tuple[float, float]]] = {}
    try:
        app = CorpusdiffApp([], comparison=comparison)  # type: ignore[arg-type]
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for _ in range(repeat):
                for step in script:
                    label, key = step.split("=") if "=" in step else (step, step)
                    n0 = len(refreshes)
                    start = time.perf_counter()
                    char = key if len(key) == 1 else None
                    app._driver.send_message(events.Key(key, char))  # type: ignore[union-attr]
                    while time.perf_counter() - start < 5:
                        await asyncio.sleep(0.002)
                        if len(refreshes) > n0 and time.perf_counter() - refreshes[-1] > 0.12:
                            break
                    if len(refreshes) > n0:
                        results.setdefault(label, []).append(
                            (refreshes[n0] - start, refreshes[-1] - start))
                    await pilot.pause()
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]
    return results


#: label=key steps, in order; screen switches come back to the alignment
SCRIPT = [
    "overview down=down", "overview pagedown=pagedown", "to alignment 2=2", "down", "pagedown",
    "n", "p", "s (unified)=s", "n (unified)=n", "s (side by side)=s", "w (no wrap)=w",
    "w (wrap)=w", "b (show boilerplate)=b", "b (hide)=b", "right (outlets)=right",
    "left (outlets)=left", "d (details)=d", "down (details open)=down", "d (close)=d",
    "search /=slash", "type b=b", "type a=a", "search enter=enter", "next match enter=enter",
    "clear escape=escape", "to quotes 3=3", "to overview 1=1", "to alignment 2=2",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--sentences", type=int, default=30)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))

    from corpusdiff.pipeline import compare

    with tempfile.TemporaryDirectory(prefix="corpusdiff-bench-") as tmp:
        synth = Path(tmp) / "synth"
        sys.path.insert(0, str(ROOT / "bench"))
        from synth import generate

        generate(synth, args.articles, args.sentences, seed=0)
        corpora = {"seeds": [str(ROOT / "seeds")],
                   f"synthetic {args.articles}": [str(synth)]}
        print(f"corpusdiff TUI bench ({os.cpu_count()} CPUs, terminal {width}x{height})")
        print("\nstart-up (fresh process; s from process start)")
        for name, paths in corpora.items():
            runs = [cold_start(paths) for _ in range(args.repeat)]
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            print(f"  {name:<16} imports {med['imports']:5.2f} s   first paint "
                  f"{med['first_paint']:5.2f} s (app.run -> paint {med['run_to_paint']:5.2f} s)"
                  f"   fully shown {med['full']:5.2f} s")
        for name, paths in corpora.items():
            started = time.perf_counter()
            comparison = compare(paths)
            took = time.perf_counter() - started
            print(f"\nkey latency, {name} ({comparison.articles.height} articles, "
                  f"{comparison.sentences.height} sentences, {comparison.groups.height} "
                  f"groups; compare() alone {took:.2f} s)")
            lat = asyncio.run(_latencies(comparison, (width, height), SCRIPT, args.repeat))
            print(f"  {'ms, median of ' + str(args.repeat):<24} {'answered':>9} {'settled':>9}")
            worst = [0.0, 0.0]
            for label, times in lat.items():
                answered = statistics.median(t[0] for t in times) * 1000
                settled = statistics.median(t[1] for t in times) * 1000
                worst = [max(worst[0], answered), max(worst[1], settled)]
                print(f"  {label:<24} {answered:9.1f} {settled:9.1f}")
            print(f"  {'worst':<24} {worst[0]:9.1f} {worst[1]:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

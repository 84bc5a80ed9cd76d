"""Terminal UI speed: time to first paint, to a fully shown comparison, and key-press latency,
on the seed articles, a synthetic corpus (300 articles by default) and, when the shared dev
sets are there, 300 real articles (scale_polnear).

    python bench/tui.py [--articles 300] [--size 120x40] [--repeat 3] [--only NAME]
                        [--startup-only]

* first paint / fully shown: a fresh Python process runs the app headless; times are from
  the moment the process is started (interpreter start-up and imports included) to the first
  screen refresh, to the end of compare() (the views start), to the first refresh after the
  comparison's data is on screen, and to every screen visited with its data shown (its
  workers done); also the imports alone, CPU seconds and peak RSS of the process. A large
  corpus starts a helper process (corpusdiff.background; before the UI is imported, as the
  command does): its CPU seconds are added, and its
  peak RSS is added to the app's (an upper bound of the pair's peak).
* key latency: in one running app (comparison already computed), from a key event reaching
  the app to the end of the first screen refresh after it ("answered": the screen shows the
  key's effect) and to the end of the last refresh it causes ("settled": Textual redraws the
  scrollbars one frame later when the content height changes, and the details pane fills in
  from a worker). Textual repaints at most 60 times a second: up to a frame of waiting is
  included. The p95 and max are over every press of every step.
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
import asyncio, json, os, resource, sys, time
t0 = float(os.environ["BENCH_T0"])
# as the command does: a large corpus's helper process starts before the UI is imported
from corpusdiff import background
from corpusdiff.ingest import input_bytes
from corpusdiff.options import Options
early = background.early(input_bytes(json.loads(os.environ["BENCH_PATHS"])), Options().embedder)
from textual.screen import Screen
marks = {}
original = Screen._compositor_refresh

def cpu():
    # this process and its helper process (corpusdiff.background), once that has exited
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

async def visit(app):
    # every other screen, each until its workers are done and it has painted
    for mode in ("alignment", "quotes", "conflicts", "omissions", "framing"):
        await app.switch_mode(mode)
        idle = 0
        while idle < 2:
            await app.workers.wait_for_complete()
            await asyncio.sleep(0.01)
            idle = idle + 1 if not any(w.is_running for w in app.workers) else 0
    marks["all_screens"] = time.time() - t0
    marks["cpu"] = cpu()
    # both peaks added: an upper bound of the pair's peak (they need not coincide)
    marks["rss_mb"] = sum(resource.getrusage(w).ru_maxrss
                          for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    app.exit()

def refresh(self):
    original(self)
    app = self.app
    now = time.time() - t0
    if "first_paint" not in marks:
        marks["first_paint"] = now
        marks["run_to_paint"] = time.time() - t_run
        marks["first_paint_cpu"] = cpu()
    if getattr(app, "version", 0) and "full" not in marks:
        marks["full"] = now
        tasks.append(asyncio.get_running_loop().create_task(visit(app)))

tasks = []
Screen._compositor_refresh = refresh
import corpusdiff.tui.app as tui_app
_build = tui_app.build

def build(*args, **kwargs):
    if "compared" not in marks:  # compare() is done, the views start
        marks["compared"] = time.time() - t0
        marks["compared_cpu"] = cpu()
    return _build(*args, **kwargs)

tui_app.build = build
from corpusdiff.tui.app import CorpusdiffApp
app = CorpusdiffApp(json.loads(os.environ["BENCH_PATHS"]), early=early)
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
                     repeat: int) -> dict[str, list[tuple[float, float, float]]]:
    """label -> (answered, settled, CPU seconds to answered) of each press."""
    from textual import events
    from textual.screen import Screen

    from corpusdiff.tui.app import CorpusdiffApp

    refreshes: list[float] = []
    cpu: list[float] = []  # process CPU time (every thread) at each refresh
    original = Screen._compositor_refresh

    def refresh(self: Screen[object]) -> None:
        original(self)
        refreshes.append(time.perf_counter())
        cpu.append(time.process_time())

    Screen._compositor_refresh = refresh  # type: ignore[method-assign]
    results: dict[str, list[tuple[float, float, float]]] = {}
    try:
        app = CorpusdiffApp([], comparison=comparison)  # type: ignore[arg-type]
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for _ in range(repeat):
                for step in script:
                    label, key = step.split("=") if "=" in step else (step, step)
                    n0 = len(refreshes)
                    start, cpu0 = time.perf_counter(), time.process_time()
                    char = key if len(key) == 1 else None
                    app._driver.send_message(events.Key(key, char))  # type: ignore[union-attr]
                    while time.perf_counter() - start < 5:
                        await asyncio.sleep(0.002)
                        if len(refreshes) > n0 and time.perf_counter() - refreshes[-1] > 0.12:
                            break
                    if len(refreshes) > n0:
                        results.setdefault(label, []).append(
                            (refreshes[n0] - start, refreshes[-1] - start, cpu[n0] - cpu0))
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


#: the real-news scale set (300 articles), when the shared dev sets are there
REAL = ROOT.parent / "shared" / "dev" / "scale_polnear"
#: targets (issue 15)
P95_TARGET_MS, FIRST_PAINT_TARGET_S = 50.0, 0.5


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0-1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--sentences", type=int, default=30)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="run only the corpora whose name contains this")
    parser.add_argument("--startup-only", action="store_true", help="skip the key latencies")
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
        if REAL.is_dir():
            corpora["real 300 (polnear)"] = [str(REAL)]
        if args.only:
            corpora = {k: v for k, v in corpora.items() if args.only in k}
        print(f"corpusdiff TUI bench ({os.cpu_count()} CPUs, terminal {width}x{height}, "
              f"median of {args.repeat})")
        if not REAL.is_dir():
            print(f"(real 300 skipped: {REAL} is absent)")
        print("\nstart-up (fresh process; s from process start; all screens = every screen "
              "visited and its data shown; views = all screens minus compare)")
        print(f"  {'':<20} {'imports':>7} {'1st paint':>9} {'(CPU)':>6} {'compared':>8} "
              f"{'shown':>6} {'all scr.':>8} {'views':>6} {'(CPU)':>6} {'CPU s':>6} {'RSS MB':>6}")
        for name, paths in corpora.items():
            runs = [cold_start(paths) for _ in range(args.repeat)]
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            views = statistics.median(r["all_screens"] - r["compared"] for r in runs)
            views_cpu = statistics.median(r["cpu"] - r["compared_cpu"] for r in runs)
            print(f"  {name:<20} {med['imports']:7.2f} {med['first_paint']:9.2f} "
                  f"{med['first_paint_cpu']:6.2f} {med['compared']:8.2f} {med['full']:6.2f} "
                  f"{med['all_screens']:8.2f} {views:6.2f} {views_cpu:6.2f} {med['cpu']:6.2f} "
                  f"{med['rss_mb']:6.0f}")
        print(f"  (first paint target <= {FIRST_PAINT_TARGET_S} s; (CPU): the process's CPU "
              "seconds at first paint, and spent on the views; CPU s: at all screens)")
        for name, paths in corpora.items() if not args.startup_only else ():
            started = time.perf_counter()
            comparison = compare(paths)
            took = time.perf_counter() - started
            print(f"\nkey latency, {name} ({comparison.articles.height} articles, "
                  f"{comparison.sentences.height} sentences, {comparison.groups.height} "
                  f"groups; compare() alone {took:.2f} s)")
            lat = asyncio.run(_latencies(comparison, (width, height), SCRIPT, args.repeat))
            print(f"  {'ms, median of ' + str(args.repeat):<24} {'answered':>9} {'settled':>9}"
                  f" {'CPU':>6}")
            for label, times in lat.items():
                med = [statistics.median(t[k] for t in times) * 1000 for k in range(3)]
                print(f"  {label:<24} {med[0]:9.1f} {med[1]:9.1f} {med[2]:6.1f}")
            every = [t for times in lat.values() for t in times]
            for what, q in (("p95", 0.95), ("max", 1.0)):
                cols = [percentile([t[k] for t in every], q) * 1000 for k in range(3)]
                print(f"  {what + f' of {len(every)} presses':<24} {cols[0]:9.1f} "
                      f"{cols[1]:9.1f} {cols[2]:6.1f}")
            print(f"  (target: answered p95 <= {P95_TARGET_MS:.0f} ms; CPU: process CPU "
                  "seconds, every thread, from the key to the answer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

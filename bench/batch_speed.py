"""``corpusdiff batch`` against running the stories one after another.

Stories: the six of ``../shared/dev/basil`` (one sub-folder each) plus the seeds, linked into a
temporary folder. Printed, wall time of:

1. one ``python -m corpusdiff export STORY --output OUT/STORY.md`` after another (a fresh
   interpreter per story: what a shell loop does);
2. ``corpusdiff batch STORIES -o OUT --force --jobs 1`` (one process, one story after another);
3. ``corpusdiff batch STORIES -o OUT --force --jobs N`` (N worker processes; default 2).

    python bench/batch_speed.py [--jobs 2] [--repeat 3] [--format markdown|json]

Skips with a message when ``../shared/dev/basil`` is absent. Python 3.11 stdlib only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
BASIL = REPO.parent / "shared" / "dev" / "basil"


def env() -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), out.get("PYTHONPATH")]))
    return out


def timed(cmds: Sequence[Sequence[str]], expect: set[int]) -> float:
    """Wall time of running ``cmds`` one after another; exits when one fails unexpectedly."""
    start = time.perf_counter()
    for cmd in cmds:
        proc = subprocess.run(cmd, cwd=REPO, env=env(), capture_output=True, text=True,
                              check=False)
        if proc.returncode not in expect:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--repeat", type=int, default=3, help="runs of each; the fastest counts")
    p.add_argument("--format", default="markdown", choices=("markdown", "json"))
    p.add_argument("--python", default=sys.executable)
    args = p.parse_args(argv)
    stories = sorted(d for d in BASIL.glob("*") if d.is_dir()) if BASIL.is_dir() else []
    if not stories:
        print(f"skipped: {BASIL} not found (needs ../shared/dev)")
        return 0
    suffix = ".md" if args.format == "markdown" else ".json"
    with tempfile.TemporaryDirectory(prefix="corpusdiff-batch-") as name:
        root, out = Path(name) / "stories", Path(name) / "out"
        root.mkdir()
        out.mkdir()
        for story in [*stories, REPO / "seeds"]:
            (root / story.name).symlink_to(story, target_is_directory=True)
        names = sorted(d.name for d in root.iterdir())
        py = [args.python, "-m", "corpusdiff"]
        serial = [[*py, "export", str(root / s), "--format", args.format,
                   "--output", str(out / f"loop-{s}{suffix}")] for s in names]

        def batch(jobs: int) -> list[list[str]]:
            return [[*py, "batch", str(root), "-o", str(out / f"batch-{jobs}"), "--format",
                     args.format, "--force", "--jobs", str(jobs)]]

        timed(batch(1), {0})  # warm-up: .pyc files, disk cache
        rows = [
            ("export, one story after another", min(timed(serial, {0})
                                                     for _ in range(args.repeat))),
            ("batch --jobs 1", min(timed(batch(1), {0}) for _ in range(args.repeat))),
            (f"batch --jobs {args.jobs}", min(timed(batch(args.jobs), {0})
                                              for _ in range(args.repeat))),
        ]
    print(f"{len(names)} stories ({len(stories)} of basil + the seeds), {args.format}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; fastest of {args.repeat}")
    width = max(len(r[0]) for r in rows)
    for label, seconds in rows:
        print(f"  {label:<{width}}  {seconds:6.2f} s")
    print(f"  batch --jobs {args.jobs} vs one after another: "
          f"{rows[0][1] / rows[2][1]:.1f}x faster; vs batch --jobs 1: "
          f"{rows[1][1] / rows[2][1]:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

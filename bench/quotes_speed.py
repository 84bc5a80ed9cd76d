"""CPU time and peak memory of the three quote functions on the 300 real articles of
``../shared/dev/scale_polnear``, each measured alone in a fresh interpreter.

    python bench/quotes_speed.py [--cache DIR] [--snapshot DIR | --check DIR] [--repeat N]

The comparison's inputs (articles, sentences, alignment members) are computed once with
``compare`` and kept as parquet in ``--cache`` (default: a directory under the system temp dir).
Then, for each of :func:`extract_quotes`, :func:`compare_quotes` and :func:`paraphrased`, a
child process loads them, computes what the function needs (untimed), and runs it: printed are
its CPU seconds (``time.process_time``, best of ``--repeat``), the process's resident set size
before the call and its peak while the call runs (``/proc/self/statm`` sampled every 2 ms),
and the rise. ``--snapshot`` writes the three outputs as parquet; ``--check`` compares them
with such a snapshot (identical output, row for row).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "scale_polnear"
FUNCS = ("extract_quotes", "compare_quotes", "paraphrased")
PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024


def rss() -> int:
    """Current resident set size in bytes."""
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * PAGE


def prepare(cache: Path) -> None:
    """Write the comparison's articles, sentences and members to ``cache`` unless there."""
    if (cache / "members.parquet").exists():
        return
    from corpusdiff.pipeline import compare

    cache.mkdir(parents=True, exist_ok=True)
    cmp = compare([DEV])
    cmp.articles.select("id", "text").write_parquet(cache / "articles.parquet")
    cmp.sentences.write_parquet(cache / "sentences.parquet")
    cmp.members.write_parquet(cache / "members.parquet")


def one(func: str, cache: Path, repeat: int, out: Path | None) -> dict[str, float]:
    """Measure ``func`` in this process: CPU seconds, RSS before and peak MiB."""
    from corpusdiff.analyze.quotes import compare_quotes, extract_quotes, paraphrased

    articles = pl.read_parquet(cache / "articles.parquet")
    sentences = pl.read_parquet(cache / "sentences.parquet")
    members = pl.read_parquet(cache / "members.parquet")
    quotes = compare_q = None
    if func != "extract_quotes":
        quotes = extract_quotes(articles, sentences)
    if func == "paraphrased":
        compare_q = compare_quotes(quotes, members)
    calls = {"extract_quotes": lambda: extract_quotes(articles, sentences),
             "compare_quotes": lambda: compare_quotes(quotes, members),
             "paraphrased": lambda: paraphrased(compare_q, sentences, members)}
    best = float("inf")
    base = peak = 0
    result = None
    for k in range(repeat):
        result = None
        gc.collect()
        before = rss()
        top = [before]
        done = threading.Event()

        def sample(top: list[int] = top, done: threading.Event = done) -> None:
            while not done.is_set():
                top[0] = max(top[0], rss())
                time.sleep(0.002)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        c0 = time.process_time()
        result = calls[func]()
        cpu = time.process_time() - c0
        done.set()
        sampler.join()
        best = min(best, cpu)
        if k == 0:  # the first call's memory: nothing cached yet
            base, peak = before, max(top[0], rss())
    if out is not None and result is not None:
        result.write_parquet(out / f"{func}.parquet")
    return {"cpu_s": round(best, 3), "rss_before_mib": round(base / MIB, 1),
            "peak_mib": round(peak / MIB, 1), "rise_mib": round((peak - base) / MIB, 1)}


def check(snapshot: Path, now: Path) -> list[str]:
    """The functions whose output differs from the snapshot."""
    bad = []
    for func in FUNCS:
        a = pl.read_parquet(snapshot / f"{func}.parquet")
        b = pl.read_parquet(now / f"{func}.parquet")
        if not a.equals(b):
            bad.append(f"{func}: {a.height} rows in the snapshot, {b.height} now")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "corpusdiff-quotes-speed")
    parser.add_argument("--snapshot", type=Path)
    parser.add_argument("--check", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", choices=FUNCS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.cache, args.repeat, args.out)))
        return
    if not DEV.is_dir():
        print(f"skipped: {DEV} is absent", file=sys.stderr)
        return
    prepare(args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.snapshot or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for func in FUNCS:
            child = subprocess.run(
                [sys.executable, __file__, "--one", func, "--cache", str(args.cache),
                 "--repeat", str(args.repeat), "--out", str(out)],
                check=True, capture_output=True, text=True)
            r = json.loads(child.stdout)
            print(f"{func:15} CPU {r['cpu_s']:.3f} s  RSS before {r['rss_before_mib']:6.1f} MiB"
                  f"  peak {r['peak_mib']:6.1f} MiB  (+{r['rise_mib']:.1f})")
        if args.check:
            bad = check(args.check, out)
            print("identical to the snapshot" if not bad else "DIFFERS: " + "; ".join(bad))
            if bad:
                sys.exit(1)


if __name__ == "__main__":
    main()

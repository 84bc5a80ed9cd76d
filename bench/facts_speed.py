"""CPU time and peak memory of the fact functions, measured one by one, and a snapshot of
their output to check that a speed change leaves it identical.

The corpus is read, segmented, cleaned and aligned once and cached as parquet (``--cache DIR``,
default a folder under the system temp dir, keyed by the corpus name); then, in a fresh child
process, ``extract_facts``, ``conflict_pairs``, ``conflicts`` and ``exclusive_facts`` run in
pipeline order on the cached tables. For each function the bench prints CPU seconds
(``time.process_time``: all threads of the process, so polars' worker threads count) and the
peak resident set size sampled every 2 ms while it ran, with the RSS before the call (what the
cached tables and imports already hold).

    python bench/facts_speed.py                  # real-300 (if present), synth-300, synth-1000
    python bench/facts_speed.py --corpus real-300 --snapshot DIR   # write facts/conflicts/...
    python bench/facts_speed.py --corpus real-300 --check DIR      # compare with a snapshot

Corpora: ``real-300`` (``../shared/dev/scale_polnear``, skipped with a message when absent),
``synth-N`` (``bench/synth.py``, N articles x 30 sentences), ``seeds``. Exits 1 when ``--check``
finds a difference.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
REAL_DIR = REPO.parent / "shared" / "dev" / "scale_polnear"
PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024
FUNCTIONS = ("extract_facts", "conflict_pairs", "conflicts", "exclusive_facts")


def _rss() -> int:
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * PAGE


def _paths(corpus: str, work: Path) -> list[str]:
    if corpus == "real-300":
        return sorted(str(p) for p in REAL_DIR.glob("*.txt"))
    if corpus == "seeds":
        return sorted(str(p) for p in (REPO / "seeds").glob("*.txt"))
    n = int(corpus.split("-")[1])
    sys.path.insert(0, str(BENCH))
    from synth import generate
    return [str(p) for p in generate(work / corpus, n, 30, 0)]


def _prepare(corpus: str, cache: Path) -> Path:
    """Align the corpus once; its sentences and members as parquet under ``cache``."""
    where = cache / corpus
    if (where / "members.parquet").exists():
        return where
    where.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(REPO))
    from corpusdiff.align import align_all
    from corpusdiff.clean import mark_boilerplate
    from corpusdiff.ingest import ingest
    from corpusdiff.model import Options
    from corpusdiff.segment import segment

    articles, _ = ingest(_paths(corpus, where), None)
    sentences = mark_boilerplate(segment(articles), articles)
    alignment = align_all(sentences, Options(), lambda _s, _f: None)
    alignment.sentences.write_parquet(where / "sentences.parquet")
    alignment.members.write_parquet(where / "members.parquet")
    return where


def _measure(where: Path, snapshot: Path | None, check: Path | None) -> dict[str, object]:
    """Run the fact functions on the cached tables; seconds and peak MiB of each."""
    sys.path.insert(0, str(REPO))
    import gc

    import polars as pl

    from corpusdiff.analyze import conflicts as C
    from corpusdiff.analyze import facts as F
    from corpusdiff.cli import GC_THRESHOLDS

    # the garbage collector as the command sets it (with the default thresholds it adds
    # 0.1-0.2 s of collections to extract_facts on 300 real articles that the command skips)
    gc.set_threshold(*GC_THRESHOLDS)

    sentences = pl.read_parquet(where / "sentences.parquet")
    members = pl.read_parquet(where / "members.parquet")
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.002):
            peak[0] = max(peak[0], _rss())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out: dict[str, object] = {}
    results: dict[str, pl.DataFrame] = {}

    def run(name: str, fn, *args):  # type: ignore[no-untyped-def]
        before = _rss()
        peak[0] = before
        cpu = time.process_time()
        result = fn(*args)
        cpu = time.process_time() - cpu
        peak[0] = max(peak[0], _rss())
        out[name] = {"cpu_s": round(cpu, 3), "rss_before_mib": round(before / MIB, 1),
                     "peak_mib": round(peak[0] / MIB, 1)}
        return result

    facts = run("extract_facts", F.extract_facts, sentences)
    pairs = run("conflict_pairs", C.conflict_pairs, facts, members, sentences)
    found = run("conflicts", C.conflicts, facts, pairs, sentences)
    exclusive = run("exclusive_facts", F.exclusive_facts, facts)
    done.set()
    results = {"facts": facts, "pairs": pairs, "conflicts": found, "exclusive": exclusive}
    out["rows"] = {k: v.height for k, v in results.items()}
    out["close_pairs"] = pairs.filter(pl.col("source") == "close").height
    out["close_conflicts"] = found.filter(pl.col("source") == "close").height \
        if "source" in found.columns else None
    if snapshot is not None:
        snapshot.mkdir(parents=True, exist_ok=True)
        for k, v in results.items():
            v.write_parquet(snapshot / f"{k}.parquet")
    if check is not None:
        diffs = {}
        for k, v in results.items():
            if not (check / f"{k}.parquet").exists():
                diffs[k] = f"no snapshot {check / k}.parquet"
                continue
            old = pl.read_parquet(check / f"{k}.parquet")
            if not old.equals(v):
                cols = [c for c in v.columns if c not in old.columns
                        or not old[c].equals(v[c])]
                same_rows = old.sort(old.columns).equals(v.sort(v.columns))
                diffs[k] = (f"{old.height} rows before, {v.height} now; columns {cols}; "
                            f"{'same rows in another order' if same_rows else 'rows differ'}")
        out["differs"] = diffs
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", action="append",
                   help="real-300, synth-N or seeds (repeatable; default real-300, synth-300, "
                        "synth-1000)")
    p.add_argument("--cache", type=Path,
                   default=Path(tempfile.gettempdir()) / "corpusdiff-facts-bench")
    p.add_argument("--snapshot", type=Path, help="write the outputs as parquet under DIR/corpus")
    p.add_argument("--check", type=Path, help="compare the outputs with DIR/corpus")
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        snap = args.snapshot / args.child if args.snapshot else None
        chk = args.check / args.child if args.check else None
        print(json.dumps(_measure(args.cache / args.child, snap, chk)))
        return 0
    corpora = args.corpus or ["real-300", "synth-300", "synth-1000"]
    status = 0
    for corpus in corpora:
        if corpus == "real-300" and not REAL_DIR.is_dir():
            print(f"{corpus}: skipped ({REAL_DIR} is absent)")
            continue
        _prepare(corpus, args.cache)
        cmd = [sys.executable, __file__, "--child", corpus, "--cache", str(args.cache)]
        if args.snapshot:
            cmd += ["--snapshot", str(args.snapshot)]
        if args.check:
            cmd += ["--check", str(args.check)]
        res = json.loads(subprocess.run(cmd, check=True, capture_output=True,
                                        text=True).stdout)
        print(f"{corpus}: rows {res['rows']}, close pairs {res['close_pairs']}")
        total = 0.0
        for name in FUNCTIONS:
            r = res[name]
            total += r["cpu_s"]
            print(f"  {name:16s} cpu {r['cpu_s']:7.3f} s   peak {r['peak_mib']:7.1f} MiB "
                  f"(before {r['rss_before_mib']:.1f})")
        print(f"  {'total':16s} cpu {total:7.3f} s")
        if res.get("differs"):
            print(f"  DIFFERS from snapshot: {res['differs']}")
            status = 1
        elif args.check:
            print("  identical to snapshot")
    return status


if __name__ == "__main__":
    raise SystemExit(main())

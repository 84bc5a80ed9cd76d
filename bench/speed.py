"""Speed benchmark for ``corpusdiff export``.

What it measures:

1. Wall time (s) and peak resident memory (MiB) of ``python -m corpusdiff export FILES
   --format json|markdown --output TMP`` run as a child process -- a fresh interpreter, so
   interpreter start-up and imports are included. Peak memory is the summed RSS of the child
   and its helper process, sampled every 5 ms (the child's ``ru_maxrss`` where there is no
   /proc). Corpora: the seeds (``seeds/*.txt``) and synthetic corpora of
   50, 100, 300 and 1000 articles x 30 sentences from ``bench/synth.py``. Targets: seeds <= 1 s;
   300 x 30 <= 5 s and <= 600 MiB.
2. Growth between consecutive synthetic sizes: time per sentence and the local exponent
   (1 = linear, 2 = quadratic), raw and net of the fixed start-up cost (taken as the seeds time).
3. A naive baseline: ``difflib.SequenceMatcher(None, a, b).ratio()`` over every cross-article
   pair of sentences (regex-split) on small subsets of the 300-article corpus, timed in-process
   and extrapolated by pair count (quadratic) to 300 articles, next to corpusdiff's measured time.
4. Imports: ``python -X importtime -m corpusdiff export seeds/*.txt --output /dev/null`` -- does
   anything import textual, and how long polars and corpusdiff take to import.
5. Real text: the 300 real articles of ``../shared/dev/scale_polnear`` (11,239 sentences) beside
   the synthetic corpora, with the same targets as 300 synthetic articles (skipped with a
   message when the folder is absent).
6. Per stage (``bench/stages.py`` in a child per corpus): seconds and peak MiB of ingest,
   segment, clean, embed, align, quotes, facts, omissions, nearest (says differently), framing,
   glue (titles, warnings) and export (JSON), for the seeds, the real corpus and the synthetic
   corpora of 300 articles and more; ``other`` (what no stage covers) stays near 0.

    python bench/speed.py            # seeds + 50, 100, 300, 1000 articles + real 300
    python bench/speed.py --quick    # seeds + 300 synthetic + 300 real articles
    python bench/speed.py --stages-only --quick   # only the per-stage table
    python bench/speed.py --stages-only   # the table for seeds, real 300, synthetic 300 and 1000
    python bench/speed.py --baseline-only

Exits 1 with the child's stderr when an export fails; with ``--strict`` also when a target is
missed. Python 3.11 stdlib only.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import itertools
import json
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from synth import generate  # noqa: E402

FORMATS = ("json", "markdown")
SEED_TARGET_S = 1.0
SYNTH_TARGET = (300, 30)  # articles x sentences the 5 s / 600 MiB target is about
SYNTH_TARGET_S = 5.0
SYNTH_TARGET_MIB = 600.0
#: the real corpus: 300 articles of the POLNEAR development set, if present
REAL_DIR = REPO.parent / "shared" / "dev" / "scale_polnear"
REAL_NAME = "real-300"

#: the "simple splitter": after . ! ? (optionally followed by a closing quote) or at a newline
SPLIT_RE = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][”’\"'])\s+|\n+")


# --------------------------------------------------------------------------------------------
# Running a child and measuring it
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    returncode: int
    stderr: str
    timed_out: bool = False


def child_env() -> dict[str, str]:
    """The environment for children: the repository first on PYTHONPATH, so ``-m corpusdiff``
    finds the package whether or not it is installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def tree_rss_mib(pid: int) -> float:
    """Resident MiB of process ``pid`` and all its descendants, summed (0 without /proc)."""
    total, todo = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * page
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total / 2**20


class TreePeak(threading.Thread):
    """Samples the summed RSS of a process tree every 5 ms (a helper process counts with its
    parent: ``ru_maxrss`` would only give the larger of the two)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.005):
            self.peak = max(self.peak, tree_rss_mib(self.pid))


def run_measured(cmd: Sequence[str], timeout: float) -> Run:
    """Run ``cmd`` (cwd = repository), return its wall time, peak RSS (of the process tree:
    the sampled sum over it and its descendants; the child's ``ru_maxrss`` without /proc),
    exit code and stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=REPO,
            env=child_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        sampler = TreePeak(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            sampler.done.set()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # we reaped it, tell Popen
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # the sampled sum where /proc exists: the child's ru_maxrss counts the memory of this
    # process at the fork (subprocess starts the child with vfork and exec, and exec keeps the
    # old address space's high-water mark), 930 MiB once the synthetic corpora are built
    peak = sampler.peak or usage.ru_maxrss / 1024
    return Run(seconds, peak, proc.returncode, stderr, killed.is_set())


def export_cmd(python: str, files: Sequence[Path], fmt: str | None, output: str) -> list[str]:
    cmd = [python, "-m", "corpusdiff", "export", *map(str, files)]
    if fmt:
        cmd += ["--format", fmt]
    return [*cmd, "--output", output]


class ExportFailed(Exception):
    pass


def describe_failure(what: str, cmd: Sequence[str], run: Run, tail: int = 20) -> str:
    files = [c for c in cmd if c.endswith((".txt", ".md", ".html"))]
    shown = [c for c in cmd if c not in files]
    shown.insert(4, f"<{len(files)} files>")
    status = "timed out" if run.timed_out else f"exit status {run.returncode}"
    lines = run.stderr.rstrip().splitlines()[-tail:] or ["(no stderr)"]
    return "\n".join(
        [
            f"corpusdiff export failed on {what}: {status} after {run.seconds:.1f} s",
            f"  command: {' '.join(shown)}",
            "  stderr:",
        ]
        + [f"    {line}" for line in lines]
    )


# --------------------------------------------------------------------------------------------
# Corpora and sentence counts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    name: str
    files: list[Path]
    articles: int
    sentences_per_article: int | None = None  # synthetic corpora only


def split_sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in SPLIT_RE.split(text)) if s]


def read_split(files: Sequence[Path]) -> list[list[str]]:
    return [split_sentences(f.read_text(encoding="utf-8", errors="replace")) for f in files]


def sentences_from_json(path: Path) -> int | None:
    """Number of sentences in an export: the length of its ``sentences`` list (or of one of its
    columns, or the sum over ``articles[*].sentences``); None when the shape is unknown."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    sentences = data.get("sentences")
    if isinstance(sentences, list):
        return len(sentences)
    if isinstance(sentences, dict) and sentences:  # column-oriented
        first = next(iter(sentences.values()))
        return len(first) if isinstance(first, list) else None
    articles = data.get("articles")
    if isinstance(articles, list) and all(
        isinstance(a, dict) and isinstance(a.get("sentences"), list) for a in articles
    ):
        return sum(len(a["sentences"]) for a in articles)
    return None


# --------------------------------------------------------------------------------------------
# The export table
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    corpus: Corpus
    fmt: str
    sentences: int
    from_json: bool  # False: counted with the simple splitter
    run: Run

    def checks(self) -> list[tuple[str, bool]]:
        """(description, met) for each target that applies to this row."""
        c = self.corpus
        if c.name == "seeds":
            return [(f"≤{SEED_TARGET_S:g} s", self.run.seconds <= SEED_TARGET_S)]
        if (c.articles, c.sentences_per_article) == SYNTH_TARGET or c.name == REAL_NAME:
            return [
                (f"≤{SYNTH_TARGET_S:g} s", self.run.seconds <= SYNTH_TARGET_S),
                (f"≤{SYNTH_TARGET_MIB:g} MiB", self.run.peak_mib <= SYNTH_TARGET_MIB),
            ]
        return []

    def target_text(self) -> str:
        return ", ".join(f"{d} {'ok' if met else 'MISS'}" for d, met in self.checks()) or "-"


def measure_corpus(
    corpus: Corpus, python: str, tmp: Path, repeat: int, timeout: float
) -> list[Row]:
    """One row per format; the sentence count comes from the JSON export when it can."""
    rows: list[Row] = []
    count: int | None = None
    for fmt in FORMATS:
        out = tmp / f"{corpus.name}.{fmt}"
        cmd = export_cmd(python, corpus.files, fmt, str(out))
        runs = []
        for _ in range(repeat):
            run = run_measured(cmd, timeout)
            if run.returncode != 0 or run.timed_out:
                raise ExportFailed(describe_failure(f"{corpus.name} ({fmt})", cmd, run))
            runs.append(run)
        best = min(runs, key=lambda r: r.seconds)
        best = Run(best.seconds, max(r.peak_mib for r in runs), 0, best.stderr)
        if fmt == "json":
            count = sentences_from_json(out)
        from_json = count is not None
        if count is None:
            count = sum(map(len, read_split(corpus.files)))
        rows.append(Row(corpus, fmt, count, from_json, best))
    return rows


#: (title, width, align) of the export table; printed a corpus at a time, so fixed widths
TABLE = (
    ("corpus", 10, "<"),
    ("articles", 8, ">"),
    ("sentences", 9, ">"),
    ("format", 8, "<"),
    ("seconds", 7, ">"),
    ("peak MiB", 8, ">"),
    ("target", 0, "<"),
)


def table_line(cells: Sequence[str]) -> str:
    parts = [f"{c:{align}{width}}" for c, (_, width, align) in zip(cells, TABLE, strict=True)]
    return "  " + "  ".join(parts).rstrip()


def print_table_header() -> None:
    print(table_line([title for title, _, _ in TABLE]), flush=True)


def print_rows(rows: Sequence[Row]) -> None:
    for r in rows:
        sentences = f"{'' if r.from_json else '~'}{r.sentences:,}"
        cells = (
            r.corpus.name,
            f"{r.corpus.articles:,}",
            sentences,
            r.fmt,
            f"{r.run.seconds:.2f}",
            f"{r.run.peak_mib:.0f}",
            r.target_text(),
        )
        print(table_line(cells), flush=True)


def print_columns(header: Sequence[str], body: Sequence[Sequence[str]], right: set[int]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *body]) for i in range(len(header))]
    for row in [header, *body]:
        cells = [
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip())


def exponent(t1: float, t2: float, n1: int, n2: int) -> float | None:
    if t1 <= 0 or t2 <= 0 or n1 <= 0 or n2 <= n1:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def print_growth(rows: Sequence[Row], startup: float) -> None:
    """Consecutive synthetic sizes (json): how time grows with the number of sentences."""
    synth = [r for r in rows if r.fmt == "json" and r.corpus.sentences_per_article]
    if len(synth) < 2:
        return
    header = (
        "from → to",
        "sentences ×",
        "time ×",
        "ms/sentence",
        "per-sentence ×",
        "exponent",
        "net exponent",
    )
    body = []
    for a, b in itertools.pairwise(synth):
        ta, tb = a.run.seconds, b.run.seconds
        per_a, per_b = ta / a.sentences, tb / b.sentences
        raw = exponent(ta, tb, a.sentences, b.sentences)
        net = exponent(ta - startup, tb - startup, a.sentences, b.sentences)
        body.append(
            (
                f"{a.corpus.name} → {b.corpus.name}",
                f"{b.sentences / a.sentences:.2f}",
                f"{tb / ta:.2f}",
                f"{per_a * 1e3:.3f} → {per_b * 1e3:.3f}",
                f"{per_b / per_a:.2f}",
                "-" if raw is None else f"{raw:.2f}",
                "-" if net is None else f"{net:.2f}",
            )
        )
    print()
    print("growth (json export; exponent = log(time ×) / log(sentences ×): 1 linear, 2 quadratic;")
    print(f"net = minus a fixed start-up cost of {startup:.2f} s, the seeds time)")
    print_columns(header, body, right={1, 2, 3, 4, 5, 6})


# --------------------------------------------------------------------------------------------
# Naive baseline
# --------------------------------------------------------------------------------------------


def cross_pairs(articles: Sequence[Sequence[str]]) -> int:
    """Pairs of sentences from different articles: (S² - Σ sᵢ²) / 2."""
    sizes = [len(a) for a in articles]
    return (sum(sizes) ** 2 - sum(s * s for s in sizes)) // 2


def naive_all_pairs(articles: Sequence[Sequence[str]]) -> tuple[int, float]:
    """Score every cross-article sentence pair the naive way; return (pairs, seconds)."""
    pairs = 0
    start = time.perf_counter()
    for i, left in enumerate(articles):
        for right in articles[i + 1 :]:
            for a in left:
                for b in right:
                    difflib.SequenceMatcher(None, a, b).ratio()
                    pairs += 1
    return pairs, time.perf_counter() - start


def run_baseline(corpus: Corpus, subsets: Sequence[int], measured: float | None) -> None:
    articles = read_split(corpus.files)
    print()
    print("naive baseline: difflib.SequenceMatcher(None, a, b).ratio() for every cross-article")
    print(f"sentence pair (regex-split), in-process, on the first articles of {corpus.name}")
    header = ("articles", "sentences", "pairs", "seconds", "µs/pair")
    body = []
    per_pair = 0.0
    for k in subsets:
        subset = articles[:k]
        pairs, seconds = naive_all_pairs(subset)
        per_pair = seconds / max(1, pairs)
        body.append(
            (
                str(k),
                f"{sum(map(len, subset)):,}",
                f"{pairs:,}",
                f"{seconds:.2f}",
                f"{per_pair * 1e6:.0f}",
            )
        )
    total_pairs = cross_pairs(articles)
    estimate = total_pairs * per_pair
    body.append(
        (
            f"{corpus.articles} (est.)",
            f"{sum(map(len, articles)):,}",
            f"{total_pairs:,}",
            f"{estimate:,.0f}",
            f"{per_pair * 1e6:.0f}",
        )
    )
    print_columns(header, body, right={0, 1, 2, 3, 4})
    print(
        f"  estimate = all {total_pairs:,} pairs × the µs/pair of the {subsets[-1]}-article run "
        f"(≈ {estimate / 3600:.1f} h)"
    )
    if measured:
        print(
            f"  corpusdiff, {corpus.name} json, measured: {measured:.2f} s -> "
            f"{estimate / measured:,.0f}× faster than the naive estimate"
        )


# --------------------------------------------------------------------------------------------
# Import check
# --------------------------------------------------------------------------------------------

IMPORTTIME_RE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)")


@dataclass(frozen=True)
class ImportReport:
    returncode: int
    textual: list[str]  # modules (or other stderr lines) that mention textual
    polars_ms: float | None
    corpusdiff_ms: float | None
    total_ms: float


def parse_importtime(stderr: str) -> tuple[list[str], float | None, float | None, float]:
    textual: list[str] = []
    polars = corpusdiff = None
    total = 0.0
    for line in stderr.splitlines():
        m = IMPORTTIME_RE.match(line)
        if not m:
            if "textual" in line:
                textual.append(line.strip())
            continue
        cumulative_ms, level, name = int(m.group(2)) / 1000, len(m.group(3)) // 2, m.group(4)
        if "textual" in name:
            textual.append(name)
        if name == "polars" and polars is None:
            polars = cumulative_ms
        if level == 0:
            total += cumulative_ms
            if name == "corpusdiff" or name.startswith("corpusdiff."):
                corpusdiff = (corpusdiff or 0.0) + cumulative_ms
    return textual, polars, corpusdiff, total


def check_imports(python: str, seeds: Sequence[Path], timeout: float) -> ImportReport:
    cmd = [python, "-X", "importtime", *export_cmd(python, seeds, None, os.devnull)[1:]]
    run = run_measured(cmd, timeout)
    textual, polars, corpusdiff, total = parse_importtime(run.stderr)
    return ImportReport(run.returncode, textual, polars, corpusdiff, total)


def print_imports(report: ImportReport, n_seeds: int) -> None:
    def ms(value: float | None) -> str:
        return "not imported" if value is None else f"{value:.0f} ms cumulative"

    print()
    print(
        f"imports: python -X importtime -m corpusdiff export seeds/*.txt ({n_seeds} files) "
        "--output /dev/null"
    )
    if report.returncode != 0:
        print(f"  (the export exited with status {report.returncode})")
    if report.textual:
        shown = ", ".join(dict.fromkeys(report.textual[:5]))
        print(f"  textual imported: YES ({len(report.textual)} lines, e.g. {shown})")
    else:
        print("  textual imported: no")
    print(f"  polars: {ms(report.polars_ms)}")
    print(
        f"  corpusdiff: {ms(report.corpusdiff_ms)} (top-level corpusdiff modules with what "
        "they import)"
    )
    print(f"  all imports: {report.total_ms:.0f} ms")


# --------------------------------------------------------------------------------------------
# Per-stage table
# --------------------------------------------------------------------------------------------


def measure_stages(corpus: Corpus, python: str, timeout: float) -> dict[str, object]:
    """``bench/stages.py`` on ``corpus`` in a child process; its JSON report."""
    paths = [str(REAL_DIR)] if corpus.name == REAL_NAME else list(map(str, corpus.files))
    cmd = [python, str(BENCH / "stages.py"), "--format", "json", *paths]
    proc = subprocess.run(cmd, cwd=REPO, env=child_env(), capture_output=True, text=True,
                          timeout=timeout, check=False)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.rstrip().splitlines()[-20:])
        raise ExportFailed(f"bench/stages.py failed on {corpus.name}:\n{tail}")
    return json.loads(proc.stdout)


def print_stages(reports: Sequence[tuple[Corpus, dict[str, object]]]) -> None:
    """One row per stage, a seconds and a peak-MiB column per corpus."""
    from stages import STAGES

    print()
    print("per stage (bench/stages.py, in-process after imports; json export; seconds are "
          "exclusive,")
    print("cpu = CPU seconds of the process, all threads, while the stage ran (robust to load);")
    print("peak MiB = highest RSS sampled every 2 ms while the stage ran; total = ru_maxrss)")
    header = ["stage"]
    for corpus, _ in reports:
        header += [f"{corpus.name} s", "cpu", "MiB"]
    body = []
    for stage in [*STAGES, "other"]:
        row = [stage]
        for _, report in reports:
            cell = report["stages"].get(stage, {"seconds": 0.0, "peak_mib": 0.0})  # type: ignore[union-attr]
            row += [f"{cell['seconds']:.2f}", f"{cell.get('cpu_seconds', 0.0):.2f}",
                    f"{cell['peak_mib']:.0f}"]
        body.append(row)
    row = ["imports"]
    for _, report in reports:
        row += [f"{report['import_seconds']:.2f}", "", ""]
    body.append(row)
    row = ["total"]
    for _, report in reports:
        row += [f"{report['total_seconds']:.2f}", f"{report.get('total_cpu_seconds', 0.0):.2f}",
                f"{report['peak_mib']:.0f}"]
    body.append(row)
    # a large corpus's embedding and extractions run in a helper process beside the stages
    row = ["helper"]
    for _, report in reports:
        row += ["", f"{report.get('helper_cpu_seconds', 0.0):.2f}",
                f"{report.get('helper_peak_mib', 0.0):.0f}"]
    body.append(row)
    print_columns(header, body, right=set(range(1, len(header))))
    print("  (helper: the process corpusdiff.background starts for a large corpus: it embeds the "
          "sentences and extracts quotes and facts while the stages above run; its CPU is not in "
          "theirs)")
    missing = sorted({m for _, r in reports for m in r.get("missing", [])})  # type: ignore[union-attr]
    if missing:
        print(f"  no step yet for: {', '.join(missing)} (reads 0)")


def real_corpus() -> Corpus | None:
    """The 300 real articles, or None (with a message) when the folder is absent."""
    files = sorted(p for p in REAL_DIR.glob("*") if p.suffix in (".txt", ".md", ".html"))
    if not files:
        print(f"real corpus skipped: {REAL_DIR} not found (needs ../shared/dev)", flush=True)
        return None
    return Corpus(REAL_NAME, files, len(files))


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    return sorted({int(s) for s in text.split(",") if s.strip()})


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[50, 100, 300, 1000],
        help="synthetic corpus sizes in articles (default 50,100,300,1000)",
    )
    p.add_argument("--sentences", type=int, default=30, help="sentences per synthetic article")
    p.add_argument(
        "--quick", action="store_true", help="seeds and 300 articles only, smaller baseline subsets"
    )
    p.add_argument(
        "--baseline",
        type=parse_sizes,
        default=None,
        help="article counts for the naive baseline (default 10,20; --quick 4,8; '0' to skip)",
    )
    p.add_argument(
        "--baseline-only", action="store_true", help="only the naive baseline (no corpusdiff runs)"
    )
    p.add_argument("--repeat", type=int, default=1, help="runs per export; the fastest counts")
    p.add_argument("--timeout", type=float, default=300, help="seconds before a run is killed")
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpora")
    p.add_argument("--python", default=sys.executable, help="interpreter for the children")
    p.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    p.add_argument("--no-real", action="store_true", help="leave the real corpus out")
    p.add_argument("--no-stages", action="store_true", help="leave the per-stage table out")
    p.add_argument("--stages-only", action="store_true", help="only the per-stage table")
    args = p.parse_args(argv)
    if args.quick:
        args.sizes = [300]
    if args.baseline is None:
        args.baseline = [4, 8] if args.quick else [10, 20]
    args.baseline = [k for k in args.baseline if k > 0]
    return args


def warn_if_busy() -> None:
    """Other processes on the machine inflate wall times; say so."""
    load, cpus = os.getloadavg()[0], os.cpu_count() or 1
    if load > cpus / 2:
        print(
            f"warning: load average {load:.1f} on {cpus} CPUs; times may be inflated "
            "(try --repeat 3)",
            flush=True,
        )


def synthetic(tmp: Path, articles: int, sentences: int, seed: int) -> Corpus:
    files = generate(tmp / f"synth-{articles}", articles, sentences, seed)
    return Corpus(f"synth-{articles}", files, articles, sentences)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="corpusdiff-speed-") as name:
        tmp = Path(name)
        baseline_corpus = synthetic(tmp, 300, args.sentences, args.seed)
        if args.baseline_only:
            run_baseline(baseline_corpus, args.baseline or [4, 8], None)
            return 0

        corpora = [Corpus("seeds", seeds, len(seeds))]
        corpora += [
            baseline_corpus if n == 300 else synthetic(tmp, n, args.sentences, args.seed)
            for n in args.sizes
        ]
        real = None if args.no_real else real_corpus()
        staged = [c for c in corpora if c.name == "seeds" or c.articles >= 300]
        if real is not None:
            staged.insert(1, real)
        if args.stages_only:
            warn_if_busy()
            try:
                print_stages([(c, measure_stages(c, args.python, args.timeout)) for c in staged])
            except ExportFailed as exc:
                print(exc, file=sys.stderr)
                return 1
            return 0
        if real is not None:
            corpora.append(real)
        print(
            f"python: {args.python}  (child processes; interpreter start-up included)", flush=True
        )
        warn_if_busy()
        # untimed: compiles the .pyc files and warms the disk cache; fails fast if export fails
        warm_cmd = export_cmd(args.python, seeds, "json", str(tmp / "warm.json"))
        warm = run_measured(warm_cmd, args.timeout)
        if warm.returncode != 0 or warm.timed_out:
            print(describe_failure("seeds (warm-up run)", warm_cmd, warm), file=sys.stderr)
            return 1

        rows: list[Row] = []
        print_table_header()
        try:
            for corpus in corpora:
                rows += measure_corpus(corpus, args.python, tmp, args.repeat, args.timeout)
                print_rows(rows[-len(FORMATS) :])
        except ExportFailed as exc:
            print(exc, file=sys.stderr)
            return 1
        if not all(r.from_json for r in rows):
            print("  ~ counted with a simple regex splitter (no `sentences` list in the JSON)")

        seeds_time = next(r.run.seconds for r in rows if r.corpus.name == "seeds")
        print_growth(rows, startup=seeds_time)
        if args.baseline:
            measured = next(
                (r.run.seconds for r in rows if r.corpus is baseline_corpus and r.fmt == "json"),
                None,
            )
            run_baseline(baseline_corpus, args.baseline, measured)
        print_imports(check_imports(args.python, seeds, args.timeout), len(seeds))
        if not args.no_stages:
            try:
                print_stages([(c, measure_stages(c, args.python, args.timeout)) for c in staged])
            except ExportFailed as exc:
                print(exc, file=sys.stderr)
                return 1

    missed = [f"{r.corpus.name} {r.fmt}" for r in rows if not all(m for _, m in r.checks())]
    if missed:
        print(f"\ntargets missed: {', '.join(missed)}")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Framing flags against the BASIL lexical-bias spans, fit stories vs held-out stories.

    .venv/bin/python bench/framing_quality.py              # recall and flags per 100 words
    .venv/bin/python bench/framing_quality.py -v           # ... and the spans missed
    .venv/bin/python bench/framing_quality.py --sample 50  # 50 random flags in their sentences
    .venv/bin/python bench/framing_quality.py --sample 50 --blind  # ... without kind or rule
    .venv/bin/python bench/framing_quality.py --folder ../shared/dev/scale_polnear --sample 50
        # 50 random flags of another folder's articles, compared as one corpus (no gold)
    .venv/bin/python bench/framing_quality.py --folder ../shared/dev/scale_polnear --list
        # every flag of that folder in its sentence, one a line (diff two runs: flags removed;
        # without --folder, basil_framing's)
    .venv/bin/python bench/framing_quality.py --scale      # time of framing() on 300 articles
    .venv/bin/python bench/framing_quality.py --scale --cold   # ... as the first call of a run

A gold span is found when a flag of its article overlaps one of its occurrences in the text.
Flags are the loaded words (kinds verb, hedge, evaluative, label); the words of sourcing
(kind "sourcing", "reportedly") are not claims of slant: counted apart, never sampled.
The constants were fitted on the first 20 stories (sorted by id); the last 10 are held out.
Reads ``../shared/dev``; skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

from corpusdiff.analyze.framing import framing
from corpusdiff.model import FRAMING_SOURCING
from corpusdiff.pipeline import compare

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev"
FIT = 20
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _occurrences(text: str, span: str) -> list[tuple[int, int]]:
    pattern = re.escape(span.translate(_FOLD).lower()).replace(r"\ ", r"\s+")
    return [m.span() for m in re.finditer(pattern, text.translate(_FOLD).lower())]


def story(folder: Path) -> dict[str, object]:
    """Flags, gold spans found/missed and word counts of one story."""
    files = sorted(folder.glob("*.txt"))
    comparison = compare(files)
    everything = framing(comparison.sentences, comparison.members, comparison.quotes)
    flags = everything.filter(pl.col("kind") != FRAMING_SOURCING)
    texts = dict(zip(comparison.articles["id"], comparison.articles["text"], strict=True))
    outlet_of = {ident: ident.lower()[:3] for ident in texts}
    gold = json.loads((folder / "bias.json").read_text("utf-8"))["lexical"]
    found, missed = [], []
    for outlet, span, _polarity in gold:
        ident = next(i for i, o in outlet_of.items() if o == outlet)
        mine = flags.filter(pl.col("article") == ident)
        hit = any(
            s < e2 and s2 < e
            for s, e in _occurrences(texts[ident], span)
            for s2, e2 in mine.select("start", "end").iter_rows())
        (found if hit else missed).append((outlet, span))
    words = sum(len(re.findall(r"\w+", x)) for x in texts.values())
    flagged_words = sum(len(re.findall(r"\w+", x)) for x in flags["text"])
    return {"flags": flags, "texts": texts, "found": found, "missed": missed, "words": words,
            "flagged_words": flagged_words, "sentences": comparison.sentences,
            "sourcing": everything.height - flags.height}


def unscored(folder: Path) -> dict[str, object]:
    """Flags and texts of a folder's articles compared as one corpus, without gold."""
    comparison = compare([folder])
    texts = dict(zip(comparison.articles["id"], comparison.articles["text"], strict=True))
    return {"flags": comparison.framing.filter(pl.col("kind") != FRAMING_SOURCING), "texts": texts,
            "sentences": comparison.sentences}


def report(name: str, results: list[dict[str, object]], verbose: bool) -> None:
    found = sum(len(r["found"]) for r in results)  # type: ignore[arg-type]
    total = found + sum(len(r["missed"]) for r in results)  # type: ignore[arg-type]
    words = sum(r["words"] for r in results)  # type: ignore[misc]
    flags = sum(r["flags"].height for r in results)  # type: ignore[union-attr]
    fw = sum(r["flagged_words"] for r in results)  # type: ignore[misc]
    print(f"{name}: recall {found}/{total} = {found / max(total, 1):.2f}; "
          f"{flags} flags = {100 * flags / words:.2f} per 100 words; "
          f"{fw} flagged words = {100 * fw / words:.2f} per 100 words ({words} words); "
          f"{sum(r['sourcing'] for r in results)} words of sourcing apart")  # type: ignore[misc]
    if verbose:
        for r in results:
            for outlet, span in r["missed"]:  # type: ignore[attr-defined]
                print(f"  missed {outlet}: {span}")


def sample(results: list[dict[str, object]], n: int, seed: int | None,
           blind: bool = False) -> None:
    """``n`` random flags (every flag in article order, one a line, when ``seed`` is None),
    each in its whole sentence with the flagged words in [[ ]] (and the sentence before it when
    the flag is in the sentence's first words). Unless ``blind``, each also shows its kind,
    polarity and source and the other outlets' words for the same place; blind, only the
    article and the sentence, so a reader judges the words without the rule."""
    rows = []
    for r in results:
        sentences = r["sentences"].select("article", "index", "start", "end")  # type: ignore[union-attr]
        bounds = {(a, i): (s, e) for a, i, s, e in sentences.iter_rows()}
        for f in r["flags"].iter_rows(named=True):  # type: ignore[union-attr]
            rows.append((r["texts"], bounds, f))
    picked = rows if seed is None else random.Random(seed).sample(rows, min(n, len(rows)))
    for k, (texts, bounds, f) in enumerate(picked, 1):
        text = texts[f["article"]]
        s0, s1 = bounds[(f["article"], f["sentence"])]
        before = ""
        if len(text[s0:f["start"]].split()) < 3 and (f["article"], f["sentence"] - 1) in bounds:
            p0, p1 = bounds[(f["article"], f["sentence"] - 1)]
            before = " ".join(text[p0:p1].split()) + " "
        left = " ".join(text[s0:f["start"]].split())
        right = " ".join(text[f["end"]:s1].split())
        line = f"{before}{left} [[{f['text']}]] {right}".replace(" [[", " [[" if left else "[[")
        head = f"{k:3}. {f['article']}" if seed is not None else f"{f['article']}\t{f['text']}"
        if not blind:
            others = "; ".join(f"{c['article']}: {c['text']!r}" for c in f["counterparts"])
            head += f" [{f['kind']}/{f['polarity'] or '-'}/{f['source']}]"
            line += f"  (others: {others})" if others else ""
        print(f"{head}\n     {line.strip()}" if seed is not None else f"{head}\t{line.strip()}")


def scale() -> None:
    """Time framing() alone on the 300 real articles of scale_polnear: the first call (tables
    loaded, regexes compiled) and the best of 3 more; wall clock and CPU time of the process."""
    comparison = compare([DEV / "scale_polnear"])
    times = []
    for _ in range(4):
        w0, c0 = time.perf_counter(), time.process_time()
        flags = framing(comparison.sentences, comparison.members, comparison.quotes)
        times.append((time.perf_counter() - w0, time.process_time() - c0))
    warm = min(times[1:])
    print(f"scale_polnear: {comparison.articles.height} articles, "
          f"{comparison.sentences.height} sentences, {flags.height} flags: framing() first call "
          f"{times[0][0]:.3f} s wall / {times[0][1]:.3f} s CPU, then {warm[0]:.3f} s wall / "
          f"{warm[1]:.3f} s CPU (best of 3)")


def cold_one() -> None:
    """In this (fresh) process, run ``compare`` on scale_polnear as an export does, timing only
    its framing() call; print {"wall": s, "cpu": s} as JSON."""
    import corpusdiff.pipeline as pipeline

    timed: dict[str, float] = {}
    inner = pipeline.framing

    def framed(*args: object) -> pl.DataFrame:
        w0, c0 = time.perf_counter(), time.process_time()
        out = inner(*args)  # type: ignore[arg-type]
        timed.update(wall=time.perf_counter() - w0, cpu=time.process_time() - c0)
        return out

    pipeline.framing = framed  # type: ignore[assignment]
    pipeline.compare([DEV / "scale_polnear"])
    print(json.dumps(timed))


def cold(runs: int) -> None:
    """framing() as the first call of a run: ``runs`` fresh processes, each running the steps
    of an export up to framing on scale_polnear (:func:`cold_one`)."""
    got = []
    for _ in range(runs):
        # framing() in this process: a large corpus's helper process would find it
        child = subprocess.run([sys.executable, __file__, "--cold-one"], check=True,
                               capture_output=True, text=True,
                               env={**os.environ, "CORPUSDIFF_BACKGROUND": "0"})
        got.append(json.loads(child.stdout))
    cpu = [g["cpu"] for g in got]
    print(f"scale_polnear: framing() as the first call of a run, {runs} fresh processes: CPU "
          + " ".join(f"{c:.3f}" for c in cpu)
          + f" s (median {statistics.median(cpu):.3f}, best {min(cpu):.3f}); wall median "
          f"{statistics.median(g['wall'] for g in got):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--blind", action="store_true",
                        help="with --sample: no kind, polarity, source or counterparts")
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--cold", action="store_true",
                        help="with --scale: framing() as the first call of fresh processes")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for --cold")
    parser.add_argument("--folder", type=Path,
                        help="sample or list the flags of this folder's articles (no gold)")
    parser.add_argument("--list", action="store_true",
                        help="every flag (of --folder or basil_framing), tab-separated: "
                             "article, words, line")
    parser.add_argument("--cold-one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_one:
        cold_one()
        return
    if args.folder:
        if not args.folder.is_dir():
            print(f"skipped: {args.folder} is absent", file=sys.stderr)
            return
        found = [unscored(args.folder)]
        if args.list:
            sample(found, 0, None, blind=True)
        else:
            sample(found, args.sample or 50, args.seed, args.blind)
        return
    root = DEV / "basil_framing"
    if not root.is_dir():
        print(f"skipped: {root} is absent", file=sys.stderr)
        return
    if args.scale and args.cold:
        if not (DEV / "scale_polnear").is_dir():
            print(f"skipped: {DEV / 'scale_polnear'} is absent", file=sys.stderr)
            return
        cold(args.runs)
        return
    if args.scale:
        scale()
        return
    stories = sorted(p for p in root.iterdir() if p.is_dir())
    results = [story(p) for p in stories]
    if args.list:
        sample(results, 0, None, blind=True)
        return
    if args.sample:
        sample(results, args.sample, args.seed, args.blind)
        return
    report(f"fit ({FIT} stories)", results[:FIT], args.verbose)
    report(f"held-out ({len(stories) - FIT} stories)", results[FIT:], args.verbose)
    report(f"all ({len(stories)} stories)", results, False)
    by = pl.concat([r["flags"] for r in results])  # type: ignore[misc]
    print("flags by kind:", dict(sorted(by.group_by("kind").len().iter_rows())))
    print("flags by source:", dict(sorted(by.group_by("source").len().iter_rows())))


if __name__ == "__main__":
    main()

"""Quote quality: score corpusdiff's quote extraction and comparison against hand labels.

For the five seed articles (``tests/data/gold/quotes_seeds.tsv``) and the hard-case corpus
(``tests/data/gold/quotes_cases.tsv``, articles in ``tests/data/quotes_cases/``) this prints:

* quote recall and precision: a gold quote is found when an extracted quote's text equals it
  after folding quote marks and whitespace, allowing one trailing ``,``/``.`` difference (rows are
  a multiset: each extracted quote matches at most one gold row);
* speaker accuracy on found gold quotes of kind ``quote`` (exact match, null == empty);
* scare/title accuracy: found gold rows of kind scare or title that get the same kind;
* variant accuracy of :func:`corpusdiff.analyze.quotes.compare_quotes` on
  ``tests/data/gold/quote_variants.tsv`` (the seeds and the mini corpus in
  ``tests/data/quotes_extra/``);
* the extraction time on the seeds.

Usage, from the repository root::

    python bench/quotes_quality.py [--verbose]
    python bench/quotes_quality.py --polnear [DIR] [--verbose]

``--polnear`` scores real political news instead (``../shared/dev/polnear``: 40 article pairs
with the direct quotes of one named person, scored with that set's ``score.py``): quote recall
and speaker accuracy on the cases the rules were fitted on (case01-case25) and, separately, on
the held-out cases (case26-case40), and the extraction time per article.

:func:`load_gold`, :func:`score`, :func:`variant_score` and :func:`corpus_quotes` are reusable
by tests.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"

#: corpus name -> (article directory, gold file)
CORPORA: dict[str, tuple[Path, Path]] = {
    "seeds": (ROOT / "seeds", GOLD_DIR / "quotes_seeds.tsv"),
    "cases": (ROOT / "tests" / "data" / "quotes_cases", GOLD_DIR / "quotes_cases.tsv"),
}
#: variant gold: (article directory) per corpus, one gold file over all of them
VARIANT_CORPORA: dict[str, Path] = {
    "seeds": ROOT / "seeds",
    "extra": ROOT / "tests" / "data" / "quotes_extra",
}
VARIANT_GOLD = GOLD_DIR / "quote_variants.tsv"

TARGET_RECALL = 0.95
TARGET_SPEAKER = 0.95

_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class GoldQuote:
    """One hand-labelled quotation."""

    article: str
    quote: str
    speaker: str
    kind: str


@dataclass
class Scores:
    """Figures for one corpus, with the misses for ``--verbose``."""

    gold: int = 0
    extracted: int = 0
    found: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    kind_total: int = 0
    kind_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return min(self.found, self.extracted) / self.extracted if self.extracted else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.kind_total if self.kind_total else 1.0


def key(text: str) -> str:
    """Comparison key of a quote's text: marks folded, whitespace collapsed, one trailing
    comma or period dropped."""
    text = " ".join(text.translate(_FOLD).split())
    return text[:-1] if text[-1:] in ",." else text


def load_gold(path: Path) -> list[GoldQuote]:
    """Rows of a quote gold file (tab-separated, no quoting)."""
    with path.open(encoding="utf-8", newline="") as fh:
        header, *rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
    assert header == ["article", "quote", "speaker", "kind"], header
    return [GoldQuote(*row) for row in rows]


def corpus_quotes(directory: Path) -> tuple[pl.DataFrame, object]:
    """(quotes table, comparison) of the articles in ``directory``."""
    from corpusdiff.analyze.quotes import extract_quotes
    from corpusdiff.pipeline import compare

    cmp = compare([directory])
    return extract_quotes(cmp.articles, cmp.sentences), cmp


def score(gold: Sequence[GoldQuote], quotes: pl.DataFrame) -> Scores:
    """Recall, precision, speaker and kind accuracy of ``quotes`` against ``gold``."""
    s = Scores(gold=len(gold), extracted=quotes.height)
    pool: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in quotes.iter_rows(named=True):
        pool.setdefault((row["article"], key(row["text"])), []).append(row)
    for g in gold:
        cands = pool.get((g.article, key(g.quote)))
        if not cands:
            s.misses.append(f"missed   {g.article}: {g.quote[:70]!r}")
            continue
        row = cands.pop(0)
        s.found += 1
        if g.kind == "quote":
            s.speaker_total += 1
            got = row["speaker"] or ""
            if got == g.speaker:
                s.speaker_right += 1
            else:
                s.misses.append(f"speaker  {g.article}: {g.quote[:50]!r}: gold {g.speaker!r}, "
                                f"got {got!r} ({row['cue']})")
        else:
            s.kind_total += 1
            if row["kind"] == g.kind:
                s.kind_right += 1
            else:
                s.misses.append(f"kind     {g.article}: {g.quote[:50]!r}: gold {g.kind}, "
                                f"got {row['kind']}")
        if g.kind == "quote" and row["kind"] != "quote":
            s.misses.append(f"kind     {g.article}: {g.quote[:50]!r}: gold quote, "
                            f"got {row['kind']}")
    for rows in pool.values():
        for row in rows:
            s.misses.append(f"extra    {row['article']}: {row['text'][:70]!r} ({row['kind']})")
    return s


def load_variant_gold(path: Path = VARIANT_GOLD) -> list[tuple[str, str, str]]:
    """(article, quote, variant) rows of the variant gold file."""
    with path.open(encoding="utf-8", newline="") as fh:
        header, *rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
    assert header == ["article", "quote", "variant"], header
    return [(a, q, v) for a, q, v in rows]


def variant_score(gold: Sequence[tuple[str, str, str]], compared: pl.DataFrame
                  ) -> tuple[int, int, list[str]]:
    """(right, total, misses) of the ``variant`` column against gold rows."""
    pool: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in compared.filter(pl.col("kind") == "quote").iter_rows(named=True):
        pool.setdefault((row["article"], key(row["text"])), []).append(row)
    right, misses = 0, []
    for article, quote, variant in gold:
        cands = pool.get((article, key(quote)))
        if not cands:
            misses.append(f"variant  {article}: {quote[:50]!r}: not extracted")
            continue
        row = cands.pop(0)
        if row["variant"] == variant:
            right += 1
        else:
            misses.append(f"variant  {article}: {quote[:50]!r}: gold {variant}, "
                          f"got {row['variant']}")
    return right, len(gold), misses


def compared_corpus(directory: Path) -> pl.DataFrame:
    """extract_quotes + compare_quotes (with the alignment members) on a directory."""
    from corpusdiff.analyze.quotes import compare_quotes

    quotes, cmp = corpus_quotes(directory)
    return compare_quotes(quotes, cmp.members)  # type: ignore[attr-defined]


POLNEAR = ROOT.parent / "shared" / "dev" / "polnear"
#: cases the rules were developed on; the others are only measured
POLNEAR_FIT = frozenset(f"case{n:02}" for n in range(1, 26))


def polnear(directory: Path, verbose: bool) -> int:
    """Quote recall and speaker accuracy on the polnear dev set, fit and held-out parts."""
    import importlib.util
    import json

    from corpusdiff.analyze.quotes import extract_quotes
    from corpusdiff.clean import mark_boilerplate
    from corpusdiff.ingest import ingest
    from corpusdiff.segment import segment

    if not (directory / "case01").is_dir():
        print(f"no polnear set at {directory}: skipped")
        return 0
    spec = importlib.util.spec_from_file_location("dev_score", directory.parent / "score.py")
    assert spec is not None and spec.loader is not None
    dev_score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev_score)
    totals = {part: [0, 0, 0, 0] for part in ("fit", "held-out")}
    elapsed, n_articles = 0.0, 0
    for case in sorted(p for p in directory.iterdir() if p.is_dir()):
        articles, _ = ingest(sorted(case.glob("*.txt")))
        sentences = mark_boilerplate(segment(articles), articles)
        t0 = time.perf_counter()
        quotes = extract_quotes(articles, sentences)
        elapsed += time.perf_counter() - t0
        n_articles += articles.height
        export = {"quotes": quotes.to_dicts()}
        gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
        _r, _s, n, misses, cnt = dev_score.score_quotes(export, gold)
        t = totals["fit" if case.name in POLNEAR_FIT else "held-out"]
        t[0] += n
        t[1] += cnt["found"]
        t[2] += cnt["scorable"]
        t[3] += cnt["speaker_ok"]
        if verbose:
            for miss in misses:
                print(f"    {case.name} {miss}")
    every = [sum(t[k] for t in totals.values()) for k in range(4)]
    for part, (n, found, scorable, ok) in [*totals.items(), ("all", every)]:
        print(f"polnear {part:8} quotes {n:3}  recall {_fmt(found / max(n, 1))}  "
              f"speaker {_fmt(ok / max(scorable, 1))} ({ok}/{scorable})")
    print(f"extract_quotes on polnear: {elapsed * 1000 / max(n_articles, 1):.1f} ms per article")
    return 0


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list misses")
    parser.add_argument("--polnear", nargs="?", const=POLNEAR, type=Path, default=None,
                        metavar="DIR", help="score the polnear dev set instead")
    args = parser.parse_args(argv)
    if args.polnear is not None:
        return polnear(args.polnear, args.verbose)
    ok = True
    for name, (directory, gold_path) in CORPORA.items():
        gold = load_gold(gold_path)
        quotes, _ = corpus_quotes(directory)
        s = score(gold, quotes)
        print(f"{name:6} gold {s.gold:3}  extracted {s.extracted:3}  "
              f"recall {_fmt(s.recall)}  precision {_fmt(s.precision)}  "
              f"speaker {_fmt(s.speaker_accuracy)} ({s.speaker_right}/{s.speaker_total})  "
              f"scare/title {_fmt(s.kind_accuracy)} ({s.kind_right}/{s.kind_total})")
        ok &= s.recall >= TARGET_RECALL and s.speaker_accuracy >= TARGET_SPEAKER
        if args.verbose:
            for miss in s.misses:
                print("   ", miss)
    if VARIANT_GOLD.exists():
        gold_v = load_variant_gold()
        right = total = 0
        misses: list[str] = []
        for name, directory in VARIANT_CORPORA.items():
            compared = compared_corpus(directory)
            sub = [g for g in gold_v if (directory / f"{g[0]}.txt").exists()]
            r, t, m = variant_score(sub, compared)
            right, total, misses = right + r, total + t, misses + m
            print(f"variants {name:6} {_fmt(r / t if t else 1.0)} ({r}/{t})")
        print(f"variants all    {_fmt(right / total if total else 1.0)} ({right}/{total})")
        if args.verbose:
            for miss in misses:
                print("   ", miss)
    from corpusdiff.analyze.quotes import compare_quotes, extract_quotes, paraphrased
    from corpusdiff.pipeline import compare

    cmp = compare([ROOT / "seeds"])
    quotes = extract_quotes(cmp.articles, cmp.sentences)  # warm up
    for name, step in (
        ("extract_quotes", lambda: extract_quotes(cmp.articles, cmp.sentences)),
        ("compare_quotes", lambda: compare_quotes(quotes, cmp.members)),
        ("paraphrased", lambda: paraphrased(quotes, cmp.sentences, cmp.members)),
    ):
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            step()
            times.append(time.perf_counter() - t0)
        times.sort()
        print(f"{name} on the seeds: min {times[0] * 1000:.1f} ms, "
              f"median {times[len(times) // 2] * 1000:.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())


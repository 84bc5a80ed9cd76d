"""HTML article quality: how much of a real page's article corpusdiff keeps, and how much page
furniture it lets in, next to trafilatura on its own.

On ``../shared/dev/html`` (60 saved web pages with a ``gold.json`` of strings the article must
keep, ``with``, and page furniture it must not, ``without``), each page is compared beside one
seed article; a ``with`` string is *kept* when the page's non-boilerplate sentences contain it
(whitespace and quote marks normalised, case-folded), a ``without`` string *leaks* when they
contain it. A page that cannot be read counts as failing (nothing of it kept or leaked).

trafilatura alone is scored the same way on ``trafilatura.extract`` of the page.

The pages are split in two halves (alternating, in file-name order): *fit* (the half any
constant was tuned on) and *held-out* (checked only); both are printed, with the total, and the
time per page of corpusdiff's HTML reading (after the one-time import).

Usage, from the repository root::

    python bench/html_quality.py [--dev DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "html"
SEED = ROOT / "seeds" / "000_339f8661db4e05a7.txt"

TARGET_KEPT = 0.95
TARGET_LEAKED = 0.12

_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                       "‚": "'", "`": "'", "\u00a0": " "})


def normalise(text: str) -> str:
    """Quote marks folded, whitespace collapsed, case-folded."""
    return " ".join(text.translate(_FOLD).split()).casefold()


@dataclass
class Score:
    """Counts over a set of pages."""

    kept: int = 0
    n_with: int = 0
    leaked: int = 0
    n_without: int = 0
    failing: int = 0
    pages: int = 0

    def add(self, text: str | None, gold: dict) -> tuple[list[str], list[str]]:
        """Score one page's article text (None: the page failed); returns (missed, leaked)."""
        self.pages += 1
        self.n_with += len(gold["with"])
        self.n_without += len(gold["without"])
        if text is None:
            self.failing += 1
            return list(gold["with"]), []
        norm = normalise(text)
        missed = [s for s in gold["with"] if normalise(s) not in norm]
        leaks = [s for s in gold["without"] if normalise(s) in norm]
        self.kept += len(gold["with"]) - len(missed)
        self.leaked += len(leaks)
        return missed, leaks

    def line(self) -> str:
        kept = self.kept / max(1, self.n_with)
        leaked = self.leaked / max(1, self.n_without)
        return (f"kept {kept:.3f} ({self.kept}/{self.n_with})  leaked {leaked:.3f} "
                f"({self.leaked}/{self.n_without})  failing {self.failing}/{self.pages}")


def corpusdiff_text(page: Path) -> str | None:
    """The page's non-boilerplate sentences (joined by a space) when compared beside a seed;
    None when the comparison refuses the page."""
    import polars as pl

    from corpusdiff.model import CorpusdiffError
    from corpusdiff.pipeline import compare

    try:
        comparison = compare([page, SEED])
    except CorpusdiffError as exc:
        print(f"  {page.name}: {exc}", file=sys.stderr)
        return None
    ident = comparison.articles.filter(pl.col("path") == str(page))["id"][0]
    kept = comparison.sentences.filter(
        (pl.col("article") == ident) & (pl.col("kind") != "boilerplate")).sort("index")
    return " ".join(kept["text"].to_list())


def trafilatura_text(page: Path) -> str | None:
    """trafilatura's own article text (its defaults), or None when it finds none."""
    import trafilatura

    return trafilatura.extract(page.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="the html dev set directory")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list misses and leaks (of the fit half only, unless --all)")
    parser.add_argument("--all", action="store_true", help="with -v: of the held-out half too")
    args = parser.parse_args(argv)
    gold_file = args.dev / "gold.json"
    if not gold_file.is_file():
        print(f"skipped: no dev set at {args.dev} (needs gold.json)")
        return 0
    gold = sorted(json.loads(gold_file.read_text()), key=lambda g: g["file"])
    halves = {"fit": gold[0::2], "held-out": gold[1::2]}

    from corpusdiff.ingest import SkipFile, read_article

    start = time.process_time()
    read_article(args.dev / gold[0]["file"])  # the one-time import of the HTML reader
    import_s = time.process_time() - start
    start = time.process_time()
    for g in gold:
        with contextlib.suppress(SkipFile):  # a page that fails is counted below
            read_article(args.dev / g["file"])
    per_page_ms = (time.process_time() - start) / len(gold) * 1000

    print(f"{len(gold)} pages in {args.dev}")
    print(f"{'':10} {'':9} {'corpusdiff':<56} | trafilatura alone")
    totals = {"corpusdiff": Score(), "trafilatura": Score()}
    for half, rows in halves.items():
        scores = {"corpusdiff": Score(), "trafilatura": Score()}
        for g in rows:
            page = args.dev / g["file"]
            for name, fn in (("corpusdiff", corpusdiff_text), ("trafilatura", trafilatura_text)):
                text = fn(page)
                for score in (scores[name], totals[name]):
                    missed, leaks = score.add(text, g)
                shown = args.verbose and (half == "fit" or args.all)
                if shown and name == "corpusdiff" and (missed or leaks or text is None):
                    print(f"  {g['file']}: missed {missed} leaked {leaks}"
                          + (" (failed)" if text is None else ""))
        print(f"{half:10} {len(rows):3} pages {scores['corpusdiff'].line():<56} | "
              f"{scores['trafilatura'].line()}")
    print(f"{'all':10} {len(gold):3} pages {totals['corpusdiff'].line():<56} | "
          f"{totals['trafilatura'].line()}")
    print(f"targets: kept >= {TARGET_KEPT}, leaked <= {TARGET_LEAKED}, no page failing")
    print(f"reading an HTML page (CPU time): {per_page_ms:.1f} ms a page after a first page of "
          f"{import_s * 1000:.0f} ms (imports included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

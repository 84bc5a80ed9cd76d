"""Boilerplate quality: precision and recall of :func:`corpusdiff.clean.mark_boilerplate` against
hand-labelled gold, where every sentence is labelled ``body`` or ``boilerplate``:

* ``tests/data/gold/boilerplate_seeds.tsv``: the five seed articles (the rules were written
  looking at them);
* ``bench/data/boilerplate_basil.tsv``: the six stories of ``../shared/dev/basil`` (labelled by
  reading each sentence; the caption, repeated-line and edge-paragraph rules were then checked
  on them, so the figure is not blind). Skipped with a message when ``../shared`` is absent.

A gold row names its article and the sentence's text (whitespace collapsed); a text said twice
in one article is matched in order. Boilerplate is the positive class. Usage, from the
repository root::

    python bench/boilerplate_quality.py [--verbose]

:func:`load_gold` and :func:`score` are free of printing so tests can reuse them.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpusdiff.pipeline import compare  # noqa: E402

SEEDS_GOLD = ROOT / "tests" / "data" / "gold" / "boilerplate_seeds.tsv"
BASIL_GOLD = ROOT / "bench" / "data" / "boilerplate_basil.tsv"
BASIL = ROOT.parent / "shared" / "dev" / "basil"


def load_gold(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """story ("" when the file has no story column) -> [(article, label, text)] in file order."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells, strict=True))
        out[row.get("story", "")].append((row["article"], row["label"], row["text"]))
    return dict(out)


def score(sentences: pl.DataFrame, gold: list[tuple[str, str, str]]
          ) -> tuple[dict[str, int], list[tuple[str, str, str, str]]]:
    """Counts tp/fp/fn/tn/unmatched and the disagreements (article, gold, predicted, text).

    Raises ValueError when a gold text is not a sentence of its article (the segmentation
    changed) or a sentence has no gold row."""
    queue: dict[tuple[str, str], list[str]] = defaultdict(list)
    for article, label, text in gold:
        queue[(article, text)].append(label)
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    wrong = []
    for article, text, kind, reason in sentences.sort("article", "index").select(
            "article", "text", "kind", "reason").iter_rows():
        key = (article, " ".join(text.split()))
        if not queue.get(key):
            raise ValueError(f"no gold label for {article}: {text[:60]!r}")
        truth = queue[key].pop(0) == "boilerplate"
        pred = kind == "boilerplate"
        counts[("t" if truth == pred else "f") + ("p" if pred else "n")] += 1
        if truth != pred:
            wrong.append((article, "boilerplate" if truth else "body",
                          f"boilerplate ({reason})" if pred else "body", text))
    left = [k for k, v in queue.items() if v]
    if left:
        raise ValueError(f"gold rows not found among the sentences: {left[:3]}")
    return counts, wrong


def prf(counts: dict[str, int]) -> tuple[float, float]:
    """Precision and recall of the boilerplate class."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    sets: list[tuple[str, list[Path], list[tuple[str, str, str]]]] = []
    seeds = load_gold(SEEDS_GOLD)[""]
    sets.append(("seeds", sorted((ROOT / "seeds").glob("*.txt")), seeds))
    if BASIL.is_dir():
        for story, rows in sorted(load_gold(BASIL_GOLD).items()):
            sets.append((f"basil/{story[:8]}", sorted((BASIL / story).glob("*.txt")), rows))
    else:
        print(f"basil skipped: {BASIL} is absent", file=sys.stderr)
    totals: dict[str, dict[str, int]] = {}
    for name, paths, gold in sets:
        counts, wrong = score(compare(paths).sentences, gold)
        group = name.split("/")[0]
        acc = totals.setdefault(group, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
        for k, v in counts.items():
            acc[k] += v
        if args.verbose:
            for article, truth, pred, text in wrong:
                print(f"  {name} {article}: gold {truth}, got {pred}: {text[:90]}")
    for group, counts in totals.items():
        p, r = prf(counts)
        n = sum(counts.values())
        print(f"{group}: {n} sentences, {counts['tp'] + counts['fn']} boilerplate; "
              f"precision {p:.3f} recall {r:.3f} (tp {counts['tp']}, fp {counts['fp']}, "
              f"fn {counts['fn']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

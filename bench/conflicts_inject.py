"""Conflict injection: does corpusdiff report a conflict when one outlet changes a day, a number,
a month or a year in a statement another outlet shares?

For each strong pair of ``../shared/dev/basil`` (gold.json: two outlets' sentences stating the
same thing) and each cluster pair of the project's invented corpus
(``tests/data/gold/align_invented.tsv``) whose two sentences share a weekday, a number, a month
or a year, the bench writes a copy of the story with that token changed in the second outlet's
sentence (Friday -> Saturday, 84,000 -> 126,000, December -> January, 2014 -> 2012) and runs
:func:`corpusdiff.pipeline.compare` on it. A hit is a conflict row with the changed sentence on
one side and the changed token inside that side's mention. Recall = hits / injections, overall
and per token type.

It then lists every conflict reported on the unchanged stories (and the seeds), to be read and
judged by hand. Usage, from the repository root::

    python bench/conflicts_inject.py [--verbose]

basil is skipped with a message when ``../shared/dev/basil`` is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpusdiff.model import Options  # noqa: E402
from corpusdiff.pipeline import compare  # noqa: E402

BASIL = ROOT.parent / "shared" / "dev" / "basil"
INVENTED = ROOT / "tests" / "data" / "invented"
INVENTED_GOLD = ROOT / "tests" / "data" / "gold" / "align_invented.tsv"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September",
          "October", "November", "December"]  # "May" is a verb too: left out
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d{2})(?![\d,])")
_NUMBER = re.compile(r"(?<![\w,.$-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w,-]|\.\d)")


def _changed(kind: str, token: str) -> str:
    if kind == "weekday":
        return WEEKDAYS[(WEEKDAYS.index(token) + 1) % 7]
    if kind == "month":
        return MONTHS[(MONTHS.index(token) + 1) % len(MONTHS)]
    if kind == "year":
        return str(int(token) - 2)
    n = int(token.replace(",", ""))
    new = n * 3 // 2 if n >= 10 else n + 1
    return f"{new:,}" if "," in token else str(new)


def _shared_tokens(a: str, b: str) -> list[tuple[str, str]]:
    """(kind, token) for the first token of each kind that both sentences write."""
    out = []
    for kind, rx in (("weekday", _WEEKDAY), ("month", _MONTH), ("year", _YEAR),
                     ("number", _NUMBER)):
        in_a = [m.group(1) for m in rx.finditer(a)]
        for m in rx.finditer(b):
            tok = m.group(1)
            if kind == "number" and _YEAR.fullmatch(tok):
                continue
            if tok in in_a:
                out.append((kind, tok))
                break
    return out


def _locate(sentences: pl.DataFrame, article: str, snippet: str) -> tuple[int, str] | None:
    norm = " ".join(snippet.split())
    rows = sentences.filter((pl.col("article") == article)
                            & pl.col("text").str.contains(norm, literal=True))
    if rows.is_empty():
        return None
    return rows["index"][0], rows["text"][0]


def _stories() -> list[tuple[str, dict[str, Path], list[tuple[tuple[str, str], tuple[str, str]]]]]:
    """(name, article id -> path, strong pairs as ((article, snippet), (article, snippet)))."""
    out = []
    if BASIL.is_dir():
        for story in sorted(BASIL.iterdir()):
            gold = json.loads((story / "gold.json").read_text())
            files = {p.stem: p for p in sorted(story.glob("*.txt"))}
            pairs = [((a[0], a[1]), (b[0], b[1])) for a, b in gold["strong"]]
            out.append((f"basil/{story.name[:8]}", files, pairs))
    else:
        print(f"basil skipped: {BASIL} is absent", file=sys.stderr)
    clusters: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in INVENTED_GOLD.read_text().splitlines()[1:]:
        c, art, snip = line.split("\t")
        clusters[c].append((art, snip))
    pairs = [(x, y) for members in clusters.values() for i, x in enumerate(members)
             for y in members[i + 1:] if x[0] != y[0]]
    out.append(("invented", {p.stem: p for p in sorted(INVENTED.glob("*.txt"))}, pairs))
    return out


def _run(files: dict[str, Path], texts: dict[str, str] | None = None) -> tuple:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for ident, path in files.items():
            target = Path(tmp) / f"{ident}.txt"
            target.write_text(texts[ident] if texts and ident in texts else path.read_text())
            paths.append(target)
        cmp = compare(paths, Options())
    return cmp, cmp.conflicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    unchanged = []
    for name, files, pairs in _stories():
        cmp, found = _run(files)
        unchanged.append((name, cmp, found))
        sents = cmp.sentences
        done: dict[tuple[str, int, str, str], bool] = {}
        for (art_a, snip_a), (art_b, snip_b) in pairs:
            a = _locate(sents, art_a, snip_a)
            b = _locate(sents, art_b, snip_b)
            if a is None or b is None:
                print(f"{name}: snippet not found: {snip_a if a is None else snip_b!r}",
                      file=sys.stderr)
                continue
            for kind, token in _shared_tokens(a[1], b[1]):
                key = (art_b, b[0], kind, token)
                if key not in done:
                    row = sents.filter((pl.col("article") == art_b)
                                       & (pl.col("index") == b[0])).row(0, named=True)
                    new = _changed(kind, token)
                    original = cmp.articles.filter(pl.col("id") == art_b)["text"][0]
                    span = original[row["start"]:row["end"]]
                    at = r"(?<![\w$])(?<!\d[,.])" + re.escape(token) + r"(?!\w|[,.]\d)"
                    changed_span = re.sub(at, new, span, count=1)
                    text = original[:row["start"]] + changed_span + original[row["end"]:]
                    _cmp2, got = _run(files, {art_b: text})
                    mine = pl.concat([
                        got.filter((pl.col("article_a") == art_b)
                                   & (pl.col("sentence_a") == b[0])
                                   & pl.col("text_a").str.contains(new, literal=True)),
                        got.filter((pl.col("article_b") == art_b)
                                   & (pl.col("sentence_b") == b[0])
                                   & pl.col("text_b").str.contains(new, literal=True)),
                    ])
                    done[key] = not mine.is_empty()
                    if not done[key]:
                        misses.append((name, kind, token, new, a[1], changed_span))
                hits[kind][0] += done[key]
                hits[kind][1] += 1
    total_hit = sum(h for h, _ in hits.values())
    total = sum(n for _, n in hits.values())
    print(f"injected conflicts found: {total_hit}/{total} = "
          f"{total_hit / max(total, 1):.3f}")
    for kind in sorted(hits):
        h, n = hits[kind]
        print(f"  {kind:8s} {h}/{n} = {h / max(n, 1):.3f}")
    if args.verbose:
        for name, kind, token, new, other, changed in misses:
            print(f"MISS {name} {kind} {token}->{new}\n   other: {other}\n   changed: {changed}")
    print("\nconflicts on the unchanged stories (judge each by hand):")
    seeds_cmp, seeds_found = _run({p.stem: p for p in sorted((ROOT / "seeds").glob("*.txt"))})
    unchanged.append(("seeds", seeds_cmp, seeds_found))
    for name, _cmp, found in unchanged:
        print(f"{name}: {found.height}")
        for r in found.iter_rows(named=True):
            label = r.get("label", r["slot"])
            print(f"  [{r.get('source', 'group')}] {label}: {r['article_a']}({r['sentence_a']}) "
                  f"{r['text_a']!r} vs {r['article_b']}({r['sentence_b']}) {r['text_b']!r}")
            if args.verbose:
                sent = _cmp.sentences
                for art, idx in ((r["article_a"], r["sentence_a"]),
                                 (r["article_b"], r["sentence_b"])):
                    t = sent.filter((pl.col("article") == art)
                                    & (pl.col("index") == idx))["text"][0]
                    print(f"      {art}: {t}")
    on_basil = sum(found.height for name, _cmp, found in unchanged if name.startswith("basil/"))
    print(f"\nsummary: injection recall {total_hit}/{total} = {total_hit / max(total, 1):.3f}; "
          f"conflicts on the unchanged basil stories: {on_basil}; "
          + "; ".join(f"{name}: {found.height}" for name, _cmp, found in unchanged
                      if not name.startswith("basil/")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

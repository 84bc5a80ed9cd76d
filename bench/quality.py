"""Alignment quality: score corpusdiff's sentence groups against hand-labelled gold clusters.

For each corpus (the five seed articles and the invented four-outlet corpus) this runs
:func:`corpusdiff.pipeline.compare` and compares the aligned cross-article sentence *pairs* with
the gold pairs in ``tests/data/gold/align_<corpus>.tsv``:

* a predicted pair is two sentences of different articles that share a non-null ``group``;
* a gold pair is two sentences of different articles in the same gold cluster;
* precision, recall and F1 are computed over those pairs.

A second gold file, ``align_<corpus>_possible.tsv`` (same format), lists pairs that are
acceptable but not required (headlines restating a clustered sentence, subordinate-clause
overlaps, borderline calls: see ``tests/data/gold/README.md``). They never count for recall; the
strict precision counts them as false positives, the lenient precision leaves them out.

Usage, from the repository root::

    python bench/quality.py [--verbose] [--corpus seeds|invented] [--threshold 0.35]
    python bench/quality.py --check-gold    # validate the gold files only (no pipeline)
    python bench/quality.py --basil         # ../shared/dev/basil: precision-recall over thresholds

The functions :func:`load_gold`, :func:`gold_pairs`, :func:`predicted_pairs` and :func:`score`
are small and free of I/O besides reading the gold file, so tests can reuse them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"

#: a sentence: (article id, sentence index)
SentenceKey = tuple[str, int]
#: an unordered cross-article pair, stored with the smaller key first
Pair = tuple[SentenceKey, SentenceKey]

GOLD_SCHEMA = pl.Schema({"cluster": pl.Int64, "article": pl.String, "snippet": pl.String})
SNIPPET_MIN, SNIPPET_MAX = 25, 80


@dataclass(frozen=True)
class Corpus:
    """A set of articles with its alignment gold."""

    name: str
    #: glob of the article files, relative to the repository root
    pattern: str
    #: the required (sure) gold clusters
    gold: Path
    #: pairs that are acceptable but not required (may be missing)
    possible: Path

    def paths(self) -> list[Path]:
        """The corpus's article files, sorted."""
        return sorted(ROOT.glob(self.pattern))


def _corpus(name: str, pattern: str) -> Corpus:
    return Corpus(name, pattern, GOLD_DIR / f"align_{name}.tsv",
                  GOLD_DIR / f"align_{name}_possible.tsv")


CORPORA: dict[str, Corpus] = {
    "seeds": _corpus("seeds", "seeds/*.txt"),
    "invented": _corpus("invented", "tests/data/invented/*.txt"),
}


class GoldError(ValueError):
    """A gold file that does not fit its articles (snippet missing, ambiguous, malformed)."""


# --------------------------------------------------------------------------------------------
# pair logic


def load_gold(path: str | Path) -> pl.DataFrame:
    """Read a gold TSV (header ``cluster<TAB>article<TAB>snippet``) into a DataFrame.

    Columns: ``row`` (line number, for messages), ``cluster`` (int), ``article`` (id = file
    stem), ``snippet``. No quoting: snippets keep their straight and curly quote marks as
    written. Lines starting with ``#`` are comments. Raises :class:`GoldError` on a bad file.
    """
    path = Path(path)
    try:
        header = path.read_text(encoding="utf-8").split("\n", 1)[0].rstrip("\r")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    if header.split("\t") != GOLD_SCHEMA.names():
        raise GoldError(f"{path}: header must be {chr(9).join(GOLD_SCHEMA.names())!r}, "
                        f"got {header!r}")
    try:
        gold = pl.read_csv(path, separator="\t", quote_char=None, comment_prefix="#",
                           schema=GOLD_SCHEMA, has_header=True)
    except pl.exceptions.PolarsError as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    if gold.null_count().sum_horizontal().item():
        raise GoldError(f"{path}: empty field in a row")
    # ``row``: the line number in the file, for error messages (comment lines shift it)
    return gold.with_row_index("row", offset=2).with_columns(pl.col("row").cast(pl.Int64))


def _pair(a: SentenceKey, b: SentenceKey) -> Pair:
    return (a, b) if a <= b else (b, a)


def _cluster_pairs(keyed: pl.DataFrame, cluster_col: str) -> set[Pair]:
    """All cross-article pairs of (article, index) rows that share ``cluster_col``."""
    pairs: set[Pair] = set()
    for (_cluster,), part in keyed.group_by(cluster_col):
        members = sorted(set(zip(part["article"].to_list(), part["index"].to_list(),
                                 strict=True)))
        for a, b in combinations(members, 2):
            if a[0] != b[0]:
                pairs.add(_pair(a, b))
    return pairs


def locate(gold: pl.DataFrame, sentences: pl.DataFrame,
           articles: pl.DataFrame) -> pl.DataFrame:
    """Add ``index`` (the sentence holding each snippet) and ``offset`` to the gold rows.

    The snippet is found with ``str.find`` in the article's ``text``; the sentence is the one
    whose ``[start, end)`` span contains the snippet's first character. Raises
    :class:`GoldError` naming every snippet that is missing, ambiguous or outside all sentences.
    """
    texts = dict(zip(articles["id"].to_list(), articles["text"].to_list(), strict=True))
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for art, idx, start, end in sentences.select("article", "index", "start", "end").iter_rows():
        spans.setdefault(art, []).append((start, end, idx))
    problems: list[str] = []
    indexes: list[int | None] = []
    offsets: list[int | None] = []
    for row, art, snippet in gold.select("row", "article", "snippet").iter_rows():
        index = offset = None
        where = f"line {row}: {art}: snippet {snippet!r}"
        text = texts.get(art)
        if text is None:
            problems.append(f"{where}: no such article (have {', '.join(sorted(texts))})")
        elif (offset := text.find(snippet)) < 0:
            problems.append(f"{where}: not found in the article text")
        elif text.find(snippet, offset + 1) >= 0:
            problems.append(f"{where}: occurs more than once in the article text")
        else:
            index = next((i for s, e, i in spans.get(art, []) if s <= offset < e), None)
            if index is None:
                problems.append(f"{where}: starts outside every sentence (offset {offset})")
        indexes.append(index)
        offsets.append(offset if index is not None else None)
    if problems:
        raise GoldError("gold snippets do not fit the articles:\n  " + "\n  ".join(problems))
    return gold.with_columns(index=pl.Series(indexes, dtype=pl.Int64),
                             offset=pl.Series(offsets, dtype=pl.Int64))


def gold_pairs(gold: pl.DataFrame, sentences: pl.DataFrame,
               articles: pl.DataFrame) -> set[Pair]:
    """Cross-article sentence pairs that share a gold cluster.

    Each snippet is mapped to its sentence with :func:`locate` (raises :class:`GoldError` when a
    snippet is not found). Two rows that land in the same sentence count once.
    """
    if gold.is_empty():
        return set()
    return _cluster_pairs(locate(gold, sentences, articles), "cluster")


def predicted_pairs(sentences: pl.DataFrame) -> set[Pair]:
    """Cross-article sentence pairs that the aligner put in the same (non-null) ``group``.

    Pairs of two headlines are left out: the headline row (every outlet's title in one group)
    is shown by design, not a claim that the titles say the same thing; the gold does not
    label them.
    """
    pairs = _cluster_pairs(sentences.filter(pl.col("group").is_not_null()), "group")
    titles = {(a, i) for a, i in sentences.filter(pl.col("kind") == "headline")
              .select("article", "index").iter_rows()}
    return {p for p in pairs if not (p[0] in titles and p[1] in titles)}


def _ratio(num: int, den: int, empty: float) -> float:
    return num / den if den else empty


def score(pred: set[Pair], gold: set[Pair], possible: set[Pair] | None = None) -> dict:
    """Precision, recall and F1 of ``pred`` against ``gold`` (sets of pairs).

    ``possible`` pairs (optional) are neither required nor, for the lenient precision, wrong.
    With nothing predicted, precision is 1.0 if the gold is empty too and 0.0 otherwise; with
    an empty gold, recall is 1.0.
    """
    possible = (possible or set()) - gold
    tp = len(pred & gold)
    fp = len(pred - gold)
    fn = len(gold - pred)
    fp_possible = len((pred - gold) & possible)
    precision = _ratio(tp, len(pred), 1.0 if not gold else 0.0)
    recall = _ratio(tp, len(gold), 1.0)
    f1 = _ratio(2 * precision * recall, precision + recall, 0.0)
    lenient_den = len(pred) - fp_possible
    precision_lenient = _ratio(tp, lenient_den, 1.0 if not gold else 0.0)
    f1_lenient = _ratio(2 * precision_lenient * recall, precision_lenient + recall, 0.0)
    return {
        "pred": len(pred), "gold": len(gold), "tp": tp, "fp": fp, "fn": fn,
        "fp_possible": fp_possible,
        "precision": precision, "recall": recall, "f1": f1,
        "precision_lenient": precision_lenient, "f1_lenient": f1_lenient,
    }


# --------------------------------------------------------------------------------------------
# gold validation without the pipeline


def _read_text(path: Path) -> str:
    """An article's text roughly as ingest reads a plain-text file (UTF-8, ``\\n`` newlines)."""
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def check_gold(gold: pl.DataFrame, texts: dict[str, str]) -> list[str]:
    """Problems with a gold table against the raw article texts, as messages (empty: all good).

    Each snippet must be 25-80 characters, without surrounding spaces, and occur exactly once
    in its article; every cluster must span at least two articles.
    """
    problems: list[str] = []
    for row, art, snippet in gold.select("row", "article", "snippet").iter_rows():
        where = f"line {row}: {art}: {snippet!r}"
        if not SNIPPET_MIN <= len(snippet) <= SNIPPET_MAX:
            problems.append(f"{where}: length {len(snippet)} outside "
                            f"{SNIPPET_MIN}-{SNIPPET_MAX}")
        if snippet != snippet.strip():
            problems.append(f"{where}: leading or trailing whitespace")
        text = texts.get(art)
        if text is None:
            problems.append(f"{where}: no such article")
            continue
        count = text.count(snippet)
        if count != 1:
            problems.append(f"{where}: occurs {count} times in the article (must be once)")
    spans = gold.group_by("cluster").agg(pl.col("article").n_unique().alias("n"))
    problems.extend(f"cluster {c}: only {n} article(s)"
                    for c, n in spans.filter(pl.col("n") < 2).sort("cluster").iter_rows())
    return problems


def check_corpus(corpus: Corpus) -> list[str]:
    """Validate ``corpus``'s gold files against its article files."""
    texts = {p.stem: _read_text(p) for p in corpus.paths()}
    problems: list[str] = []
    for path, possible in ((corpus.gold, False), (corpus.possible, True)):
        if not path.exists():
            if not possible:
                problems.append(f"{path}: missing")
            continue
        try:
            gold = load_gold(path)
        except GoldError as exc:
            problems.append(str(exc))
            continue
        problems.extend(f"{path.name}: {p}" for p in check_gold(gold, texts))
    return problems


# --------------------------------------------------------------------------------------------
# running the aligner


@dataclass
class Result:
    """One corpus scored: the numbers and what is needed to explain them."""

    corpus: Corpus
    scores: dict
    counts: dict
    sentences: pl.DataFrame
    pred: set[Pair]
    gold: set[Pair]
    possible: set[Pair]
    warnings: list[str]


def _shared_sentences(located: pl.DataFrame) -> list[str]:
    """Warnings for gold rows of different clusters that land in one sentence (the segmenter
    did not split where the gold expected a boundary)."""
    clash = (located.group_by("article", "index")
             .agg(pl.col("cluster").unique().sort(), pl.col("snippet"))
             .filter(pl.col("cluster").list.len() > 1)
             .sort("article", "index"))
    return [f"{a}#{i}: snippets of clusters {c} share one sentence: {s}"
            for a, i, c, s in clash.iter_rows()]


def run_corpus(corpus: Corpus, threshold: float | None = None,
               embedder: str | None = None) -> Result:
    """Run the pipeline on ``corpus`` and score it against its gold (``embedder`` overrides
    the default one)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from corpusdiff.model import Options
    from corpusdiff.pipeline import compare

    options = Options()
    if threshold is not None:
        options = replace(options, threshold=threshold)
    if embedder is not None:
        options = replace(options, embedder=embedder)
    cmp = compare(corpus.paths(), options)
    sentences, articles = cmp.sentences, cmp.articles
    gold_df = load_gold(corpus.gold)
    located = locate(gold_df, sentences, articles)
    warnings = _shared_sentences(located)
    gold = _cluster_pairs(located, "cluster")
    possible: set[Pair] = set()
    if corpus.possible.exists():
        possible = gold_pairs(load_gold(corpus.possible), sentences, articles)
    pred = predicted_pairs(sentences)
    kinds = dict(zip(zip(sentences["article"].to_list(), sentences["index"].to_list(),
                         strict=True), sentences["kind"].to_list(), strict=True))
    for key in sorted({k for p in gold for k in p}):
        if kinds.get(key) == "boilerplate":
            warnings.append(f"{key[0]}#{key[1]}: a gold sentence is marked boilerplate")
    groups = sentences["group"].drop_nulls()
    counts = {
        "articles": articles.height,
        "sentences": sentences.height,
        "aligned": groups.len(),
        "groups": groups.n_unique(),
        "gold_clusters": gold_df["cluster"].n_unique(),
        "gold_rows": gold_df.height,
    }
    return Result(corpus, score(pred, gold, possible), counts, sentences, pred, gold, possible,
                  warnings)


def _describe(pair: Pair, sentences: pl.DataFrame) -> list[str]:
    lines = []
    for art, idx in pair:
        row = sentences.filter((pl.col("article") == art) & (pl.col("index") == idx)).row(
            0, named=True)
        group = "-" if row["group"] is None else str(row["group"])
        lines.append(f"      {art}#{idx} [{row['kind']}, group {group}] {row['text']}")
    return lines


def report(result: Result, verbose: bool = False) -> str:
    """A human-readable report of one corpus's scores (and, verbose, its errors)."""
    s, c = result.scores, result.counts
    out = [
        f"== {result.corpus.name}: {c['articles']} articles, {c['sentences']} sentences, "
        f"{c['aligned']} aligned in {c['groups']} groups; gold {c['gold_clusters']} clusters "
        f"({c['gold_rows']} rows)",
        f"   pairs: predicted {s['pred']}, gold {s['gold']}, tp {s['tp']}, fp {s['fp']} "
        f"({s['fp_possible']} of them 'possible'), fn {s['fn']}",
        f"   precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}   "
        f"(lenient precision {s['precision_lenient']:.3f}, F1 {s['f1_lenient']:.3f})",
    ]
    out.extend(f"   warning: {w}" for w in result.warnings)
    if verbose:
        fps = sorted(result.pred - result.gold)
        fns = sorted(result.gold - result.pred)
        if fps:
            out.append(f"   false positives ({len(fps)}):")
            for pair in fps:
                tag = "  (possible)" if pair in result.possible else ""
                out.append(f"    FP {pair[0][0]}#{pair[0][1]} ~ {pair[1][0]}#{pair[1][1]}{tag}")
                out.extend(_describe(pair, result.sentences))
        if fns:
            out.append(f"   false negatives ({len(fns)}):")
            for pair in fns:
                out.append(f"    FN {pair[0][0]}#{pair[0][1]} ~ {pair[1][0]}#{pair[1][1]}")
                out.extend(_describe(pair, result.sentences))
    return "\n".join(out)


#: the basil figures when the semantic alignment issue was filed (lexical aligner), for the
#: table's first line: recall, precision, false statement omissions, claims
BASIL_BEFORE = (0.381, 0.956, 15, 46)


def basil_table(embedder: str) -> int:
    """Print recall, precision and false statement omissions on ../shared/dev/basil (the rule
    of its score.py) at each threshold of bench/fit_align.py's CUTS, beside the figures before
    the semantic alignment; skip with a message when the dev set is absent."""
    sys.path.insert(0, str(ROOT / "bench"))
    import fit_align

    from corpusdiff import embed
    from corpusdiff.analyze.nearest import SAYS_DIFFERENTLY
    from corpusdiff.model import Options

    score, folders = fit_align.scorer(), fit_align.stories()
    if score is None or not folders:
        print(f"basil: skipped (no dev set at {fit_align.DEV / 'basil'})")
        return 0
    emb = embed.load(embedder)
    rec, prec, false, claims = BASIL_BEFORE
    print(f"basil, {len(folders)} stories, embedder {embedder}")
    print(f"{'threshold':>10} {'recall':>7} {'precision':>9} {'false omissions':>16}")
    print(f"{'(before)':>10} {rec:7.3f} {prec:9.3f} {f'{false}/{claims}':>16}")
    default = Options().threshold
    for cut in sorted({*fit_align.CUTS, default}):
        r = fit_align.evaluate(folders, score, emb, cut, SAYS_DIFFERENTLY)
        mark = " <- default" if cut == default else ""
        omitted = f"{r['false']}/{r['claims']}"
        print(f"{cut:10.2f} {r['found'] / max(r['strong'], 1):7.3f} "
              f"{r['ok'] / max(r['pred'], 1):9.3f} {omitted:>16}{mark}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: score every corpus (or one) and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list false positives and false negatives with their text")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append",
                        help="score only this corpus (repeatable; default: all)")
    parser.add_argument("--threshold", type=float, default=None,
                        help="override Options.threshold")
    parser.add_argument("--embedder", default=None,
                        help="override Options.embedder (none, wordllama, ...)")
    parser.add_argument("--check-gold", action="store_true",
                        help="only validate the gold files against the article files")
    parser.add_argument("--basil", action="store_true",
                        help="score the basil dev stories instead: a precision-recall table "
                        "over thresholds and the false statement omissions")
    args = parser.parse_args(argv)
    if args.basil:
        return basil_table(args.embedder or "wordllama")
    corpora = [CORPORA[name] for name in (args.corpus or CORPORA)]

    if args.check_gold:
        bad = 0
        for corpus in corpora:
            problems = check_corpus(corpus)
            bad += len(problems)
            print(f"{corpus.name}: " + ("ok" if not problems else f"{len(problems)} problem(s)"))
            for p in problems:
                print(f"  {p}")
        return 1 if bad else 0

    status = 0
    for corpus in corpora:
        try:
            result = run_corpus(corpus, args.threshold, args.embedder)
        except GoldError as exc:
            print(f"== {corpus.name}: error: {exc}", file=sys.stderr)
            status = 1
            continue
        print(report(result, args.verbose))
    return status


if __name__ == "__main__":
    raise SystemExit(main())

"""Display-ready views of a Comparison: row layout, filters, differences, search, details.

Everything here is a pure function of a :class:`~corpusdiff.model.Comparison` (plain Python and
polars, no UI toolkit), so the terminal UI and the exports can share it and tests can call each
step alone.

The central view is the *layout*: the rows a side-by-side alignment shows. Each alignment group
is one row; each sentence no other outlet shares is a row of its own. Rows follow the reading
order of a reference outlet; a sentence the reference does not carry is placed after the last
sentence of its own article that the reference does carry (so an outlet's extra paragraph shows
up next to the context it had in that outlet), or just before the first one when it comes
before all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import polars as pl

from corpusdiff.analyze.coverage import article_stats, coverage
from corpusdiff.analyze.nearest import CLOSEST_SHOWN
from corpusdiff.display import RowFilter
from corpusdiff.model import Comparison, reference_first

#: the layout's rows (see :class:`Layout`)
ROWS = pl.Schema({"row": pl.Int64, "group": pl.Int64, "kind": pl.String,
                  "n_articles": pl.Int64})
#: the layout's cells: the sentences of each row
CELLS = pl.Schema({"row": pl.Int64, "article": pl.String, "index": pl.Int64,
                   "text": pl.String, "kind": pl.String, "reason": pl.String})


def display_rank(ids: list[str], column: str = "article") -> pl.Expr:
    """Each row's outlet position in display order (``ids``, the reference first); an id not
    in ``ids`` sorts last."""
    order = {ident: n for n, ident in enumerate(ids)}
    return pl.col(column).replace_strict(order, default=len(order), return_dtype=pl.Int64)


def ordered_ids(comparison: Comparison, reference: str | None = None) -> list[str]:
    """Article ids in display order with ``reference`` (default: the comparison's) first."""
    return reference_first(comparison.article_ids, reference)


def articles_view(comparison: Comparison, reference: str | None = None) -> pl.DataFrame:
    """One row per article in display order: id, code, label, title, sentences, shared,
    unique, boilerplate."""
    ids = ordered_ids(comparison, reference)
    codes = comparison.codes
    order = pl.DataFrame({"id": ids, "code": [codes[i] for i in ids],
                          "_rank": list(range(len(ids)))})
    return (
        order.join(comparison.articles.select("id", "label", "title"), on="id")
        .join(article_stats(comparison.sentences), on="id", how="left")
        .with_columns(pl.col("sentences", "shared", "unique", "boilerplate").fill_null(0))
        .sort("_rank").drop("_rank")
    )


@dataclass(frozen=True)
class Layout:
    """The rows of the alignment in reference order.

    ``rows``: row, group (null for a single sentence), kind (see :data:`ROW_KINDS`),
    n_articles. ``cells``: row, article, index, text, kind, reason: the sentences in each row
    (several for one outlet when a group holds more than one of its sentences).
    """

    reference: str
    ids: tuple[str, ...]
    rows: pl.DataFrame
    cells: pl.DataFrame
    #: article id -> letter, fixed by the articles' order (not the reference; do not modify)
    codes: dict[str, str] = field(default_factory=dict)


def layout(comparison: Comparison, reference: str | None = None) -> Layout:
    """Order groups and single sentences by the reference outlet (see the module docstring).

    A sentence of another outlet gets the sort key (anchor, outlet rank, its index), where the
    anchor is the reference position of the last reference-carried group at or before it in
    its own article (before its article's first such group: just before that group; in an
    article sharing nothing with the reference: the end). A group takes the smallest key of
    its members, so a group the reference carries sits at the reference's position.
    """
    ids = ordered_ids(comparison, reference)
    ref = ids[0]
    rank = pl.DataFrame({"article": ids, "rank": list(range(len(ids)))})
    s = comparison.sentences.select("article", "index", "text", "kind", "reason", "group")
    s = s.join(rank, on="article")
    anchors = (
        s.filter((pl.col("rank") == 0) & pl.col("group").is_not_null())
        .group_by("group").agg(anchor=pl.col("index").min())
    )
    after = pl.col("anchor").forward_fill().over("article")
    before = pl.col("anchor").backward_fill().over("article") - 0.5
    s = (
        s.join(anchors, on="group", how="left")
        .sort("rank", "index")
        .with_columns(
            a=pl.when(pl.col("rank") == 0).then(pl.col("index").cast(pl.Float64))
            .otherwise(pl.coalesce(after.cast(pl.Float64), before.cast(pl.Float64),
                                   pl.lit(float("inf"))))
        )
    )
    # one row key per group and per single sentence: group -> smallest member key
    keyed = s.with_columns(
        unit=pl.when(pl.col("group").is_not_null())
        .then(pl.format("g{}", pl.col("group")))
        .otherwise(pl.format("s{}:{}", pl.col("rank"), pl.col("index")))
    )
    units = (
        keyed.sort("a", "rank", "index")
        .group_by("unit", maintain_order=True)
        .agg(group=pl.col("group").first(), skind=pl.col("kind").first(),
             n_articles=pl.col("article").n_unique())
        .with_row_index("row")
        .with_columns(pl.col("row").cast(pl.Int64))
    )
    gkinds = comparison.groups.select(pl.col("id").alias("group"), pl.col("kind").alias("gkind"))
    rows = (
        units.join(gkinds, on="group", how="left", maintain_order="left")
        .with_columns(
            kind=pl.when(pl.col("group").is_not_null()).then(pl.col("gkind"))
            .when(pl.col("skind") == "boilerplate").then(pl.lit("boilerplate"))
            .otherwise(pl.lit("unique"))
        )
        .select(list(ROWS)).cast(dict(ROWS))
    )
    cells = (
        keyed.join(units.select("unit", "row"), on="unit")
        .sort("row", "rank", "index")
        .select(list(CELLS)).cast(dict(CELLS))
    )
    return Layout(reference=ref, ids=tuple(ids), rows=rows, cells=cells,
                  codes=comparison.codes)


def quote_sentences(comparison: Comparison) -> pl.DataFrame:
    """article, index of every sentence holding a direct quotation.

    Uses the ``quotes`` analysis table when it was computed; otherwise any sentence with a
    quotation mark counts.
    """
    return comparison.quotes.select("article", pl.col("sentence").alias("index")).unique()


def visible_rows(lay: Layout, flt: RowFilter | None = None,
                 quotes: pl.DataFrame | None = None) -> pl.DataFrame:
    """The rows a filter lets through, in layout order, with row, group, kind, n_articles,
    n_shown (outlets of the filter carrying the row), has_quote, outlet (the one outlet of a
    row only one shown outlet carries) and is_difference.

    A row is a *difference* unless it is an identical group carried by every shown outlet.
    ``quotes`` (article, index; see :func:`quote_sentences`) is needed for ``only_quotes``
    and ``has_quote``.
    """
    flt = flt or RowFilter()
    cells = lay.cells
    shown = list(lay.ids) if flt.outlets is None else [i for i in lay.ids if i in flt.outlets]
    cells = cells.filter(pl.col("article").is_in(shown))
    if quotes is not None:
        cells = cells.join(quotes.with_columns(_q=pl.lit(True)), on=["article", "index"],
                           how="left")
    else:
        cells = cells.with_columns(_q=pl.lit(False))
    per_row = cells.group_by("row").agg(
        n_shown=pl.col("article").n_unique().cast(pl.Int64),
        has_quote=pl.col("_q").fill_null(False).any(),
        outlet=pl.col("article").first(),
    )
    rows = lay.rows.join(per_row, on="row", how="inner").sort("row")
    rows = rows.with_columns(
        is_difference=(pl.col("kind") != "boilerplate")
        & ~((pl.col("kind") == "identical") & (pl.col("n_shown") >= len(shown))),
        outlet=pl.when(pl.col("n_shown") == 1).then(pl.col("outlet")),
    )
    kinds = set(flt.kinds) | ({"boilerplate"} if flt.show_boilerplate else set())
    rows = rows.filter(pl.col("kind").is_in(sorted(kinds)))
    if flt.only_differences:
        rows = rows.filter(pl.col("is_difference"))
    if flt.only_quotes:
        rows = rows.filter(pl.col("has_quote"))
    return rows


def differences(rows: pl.DataFrame) -> list[int]:
    """Positions (0-based, in ``rows``) where a difference starts, for n/p.

    Like a diff tool's hunks: each shared row that differs is one, and a run of consecutive
    rows that one outlet alone carries is one (the outlet's extra paragraph), not one per
    sentence.
    """
    run = (pl.col("kind") == "unique") & pl.col("is_difference")
    same_run = run & run.shift(1).fill_null(False) & (pl.col("outlet") == pl.col("outlet")
                                                      .shift(1)).fill_null(False)
    return (rows.with_row_index("_pos")
            .filter(pl.col("is_difference") & ~same_run)["_pos"].to_list())


#: a run of at least this many rows one outlet alone carries folds into one row
MIN_FOLD = 2


def fold_runs(rows: pl.DataFrame, minimum: int = MIN_FOLD) -> pl.DataFrame:
    """``rows`` (from :func:`visible_rows`) with ``run``, the row id that starts the run of
    consecutive rows one outlet alone carries (its extra paragraph; delta and difftastic fold
    the like), and ``run_length``; both null outside runs of at least ``minimum`` rows."""
    single = (pl.col("kind") == "unique") & pl.col("outlet").is_not_null()
    same = (pl.col("outlet") == pl.col("outlet").shift(1)).fill_null(False)
    out = (
        rows.with_columns(_single=single)
        .with_columns(_start=pl.col("_single")
                      & ~(pl.col("_single").shift(1).fill_null(False) & same))
        .with_columns(_id=pl.col("_start").cum_sum())
        .with_columns(
            run=pl.when("_single").then(pl.col("row").first().over("_id")),
            run_length=pl.when("_single")
            .then(pl.col("_single").sum().over("_id").cast(pl.Int64)),
        )
    )
    long = pl.col("run_length") >= minimum
    return out.with_columns(run=pl.when(long).then("run"),
                            run_length=pl.when(long).then("run_length")
                            ).drop("_single", "_start", "_id")


def search(lay: Layout, query: str, rows: pl.DataFrame | None = None,
           outlets: Iterable[str] | None = None) -> pl.DataFrame:
    """Case-insensitive literal matches of ``query``: row, article, index, start, end
    (character offsets into the sentence), in row then outlet order. ``rows`` and
    ``outlets`` restrict the search to what is shown."""
    schema = {"row": pl.Int64, "article": pl.String, "index": pl.Int64,
              "start": pl.Int64, "end": pl.Int64}
    if not query:
        return pl.DataFrame(schema=schema)
    cells = lay.cells
    if rows is not None:
        cells = cells.join(rows.select("row"), on="row", how="semi")
    if outlets is not None:
        cells = cells.filter(pl.col("article").is_in(list(outlets)))
    rank = {a: i for i, a in enumerate(lay.ids)}
    hits = cells.filter(pl.col("text").str.to_lowercase().str.contains(query.lower(),
                                                                       literal=True))
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    out = [(r, a, i, m.start(), m.end())
           for r, a, i, text in hits.select("row", "article", "index", "text").iter_rows()
           for m in pattern.finditer(text)]
    out.sort(key=lambda t: (t[0], rank.get(t[1], 0), t[2], t[3]))
    return pl.DataFrame(out, schema=schema, orient="row")


def row_of_group(lay: Layout, group: int) -> int | None:
    """The layout row holding ``group``."""
    hit = lay.rows.filter(pl.col("group") == group)
    return int(hit["row"][0]) if hit.height else None


def row_of_sentence(lay: Layout, article: str, index: int) -> int | None:
    """The layout row holding sentence ``index`` of ``article``."""
    hit = lay.cells.filter((pl.col("article") == article) & (pl.col("index") == index))
    return int(hit["row"][0]) if hit.height else None


def group_members(comparison: Comparison, group: int,
                  ids: list[str] | None = None) -> pl.DataFrame:
    """article, label, index, text, score of a group's members in display order."""
    ids = ids or comparison.article_ids
    rank = pl.DataFrame({"article": ids, "_rank": list(range(len(ids)))})
    return (
        comparison.members.filter(pl.col("group") == group)
        .join(comparison.sentences.select("article", "index", "text"), on=["article", "index"])
        .join(comparison.articles.select(pl.col("id").alias("article"), "label"), on="article")
        .join(rank, on="article")
        .sort("_rank", "index")
        .select("article", "label", "index", "text", "score")
    )


def rows_about(table: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Rows of an analysis table with article and sentence columns (quotes, facts) that sit
    in the given sentences (article, index)."""
    keys = sentences.select("article", pl.col("index").alias("sentence"))
    return table.join(keys, on=["article", "sentence"], how="semi")


def with_closest(omissions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """``omissions`` with ``closest_text``: for a statement an outlet is said to leave out, the
    text of that outlet's closest sentence to it when it scores at least
    :data:`~corpusdiff.analyze.nearest.CLOSEST_SHOWN` (else null). A claim comes with what a
    reader needs to check it: the closest sentence scored below the says-differently
    threshold, and some still say the same thing in other words."""
    near = sentences.select("article", pl.col("index").alias("nearest_index"),
                            pl.col("text").alias("closest_text"))
    return (omissions.join(near, on=["article", "nearest_index"], how="left",
                           maintain_order="left")
            .with_columns(closest_text=pl.when(pl.col("nearest_score") >= CLOSEST_SHOWN)
                          .then(pl.col("closest_text"))))


def coverage_view(comparison: Comparison, lay: Layout) -> pl.DataFrame:
    """The coverage matrix in group order (as in the report): group, kind, n_articles,
    statement (the first member's text in display order), then one column per article id
    holding identical, reworded, partial or absent."""
    if comparison.groups.is_empty():
        return pl.DataFrame(schema={"group": pl.Int64, "kind": pl.String,
                                    "n_articles": pl.Int64, "statement": pl.String,
                                    **{i: pl.String for i in lay.ids}})
    cov = coverage(comparison)
    statement = (
        lay.cells.join(lay.rows.filter(pl.col("group").is_not_null()).select("row", "group"),
                       on="row")
        .group_by("group", maintain_order=True).agg(statement=pl.col("text").first())
    )
    order = lay.rows.filter(pl.col("group").is_not_null()).select("row", "group", "n_articles")
    return (
        order.join(cov, on="group").join(statement, on="group").sort("group")
        .select("group", "kind", "n_articles", "statement", *lay.ids)
    )


def speakers(quotes: pl.DataFrame) -> pl.DataFrame:
    """speaker (null as 'unattributed'), quotes, outlets: who is quoted, most quoted first."""
    return (
        quotes.with_columns(pl.col("speaker").fill_null("unattributed"))
        .group_by("speaker")
        .agg(quotes=pl.len().cast(pl.Int64), outlets=pl.col("article").n_unique().cast(pl.Int64))
        .sort(["quotes", "speaker"], descending=[True, False])
    )


def framing_spans(comparison: Comparison) -> pl.DataFrame:
    """The loaded words of ``comparison.framing`` placed in their sentences: article,
    index, start, end (character offsets into the sentence's text), text, kind."""
    sentences = comparison.sentences.select("article", pl.col("index").alias("sentence"),
                                            pl.col("start").alias("_s0"), "text")
    return (
        comparison.framing.select("article", "sentence", "start", "end", "kind")
        .join(sentences, on=["article", "sentence"])
        .select("article", pl.col("sentence").alias("index"),
                (pl.col("start") - pl.col("_s0")).alias("start"),
                (pl.col("end") - pl.col("_s0")).alias("end"), "text", "kind")
        .filter((pl.col("start") >= 0) & (pl.col("end") <= pl.col("text").str.len_chars()))
        .sort("article", "index", "start")
    )

"""Omissions: for each outlet, what at least k other outlets report that it leaves out.

Three kinds of content are counted: aligned statements (groups), quotations (quote groups) and
facts (entities and numbers). ``k`` defaults to a majority of the other outlets.
"""

from __future__ import annotations

import polars as pl

from corpusdiff.analyze.facts import counted_facts, own_voice
from corpusdiff.analyze.person_keys import surname
from corpusdiff.model import OMISSIONS, empty


def default_k(n_articles: int) -> int:
    """A majority of the other outlets (at least one)."""
    return max(1, (n_articles - 1) // 2 + 1)


def _fact_refs(facts: pl.DataFrame) -> pl.DataFrame:
    """ref, article, text, label: each fact an outlet carries, as ``kind:value``. A number is
    one fact with its unit ("number:2 senators", not the same as "two terms"); a number
    without a unit ("No. 2", "97") is claimed by no one but carries every number of its value
    with a unit in its outlet, since it may be any of them."""
    number = pl.col("kind") == "number"
    unit = pl.col("unit")
    keyed = facts.select(
        "article", "value", "text", "label", _bare=number & unit.is_null(),
        ref=pl.concat_str("kind", pl.lit(":"), "value",
                          pl.when(number).then(pl.lit(" ") + unit).otherwise(pl.lit(""))))
    counted = keyed.filter(~pl.col("_bare"))
    bare = (keyed.filter(pl.col("_bare")).select("article", "value").unique()
            .join(counted.filter(pl.col("ref").str.starts_with("number:"))
                  .select("value", "ref").unique(), on="value")
            .with_columns(text=pl.lit(None, pl.String), label=pl.lit(None, pl.String)))
    cols = ["ref", "article", "text", "label"]
    return pl.concat([counted.select(cols), bare.select(cols)])


def _missing(carried: pl.DataFrame, article_ids: list[str], what: str, k: int) -> pl.DataFrame:
    """carried: ref, article, text, label (one row per outlet carrying ref) -> omission rows
    with article, what, ref, carried_by, carriers, text, label."""
    schema = {"article": pl.String, "what": pl.String, "ref": pl.String,
              "carried_by": pl.Int64, "carriers": pl.List(pl.String), "text": pl.String,
              "label": pl.String, "nearest_index": pl.Int64, "nearest_score": pl.Float64}
    if carried.is_empty():
        return pl.DataFrame(schema=schema)
    per_ref = (
        carried.sort("ref", "article", maintain_order=True)  # first mention shown
        .group_by("ref", maintain_order=True)
        .agg(
            pl.col("article").unique(maintain_order=True).alias("carriers"),
            # rows without a text only stand for a carrier (see _fact_refs)
            pl.col("text").drop_nulls().first(),
            pl.col("label").filter(pl.col("text").is_not_null()).first(),
        )
        .with_columns(carried_by=pl.col("carriers").list.len())
        .filter(pl.col("carried_by") >= k)
    )
    outlets = pl.DataFrame({"article": article_ids})
    # each outlet against each ref it does not carry: an anti join, not a scan of the list of
    # carriers per (outlet, ref) (with many outlets the lists are long)
    return (
        outlets.join(per_ref.select("ref"), how="cross", maintain_order="left_right")
        .join(carried.select("ref", "article"), on=["ref", "article"], how="anti",
              nulls_equal=True, maintain_order="left")
        .join(per_ref, on="ref", how="left", nulls_equal=True, maintain_order="left")
        .select(
            "article",
            what=pl.lit(what),
            ref=pl.col("ref").cast(pl.String),
            carried_by=pl.col("carried_by").cast(pl.Int64),
            carriers="carriers",
            text="text",
            label="label",
            nearest_index=pl.lit(None, pl.Int64),
            nearest_score=pl.lit(None, pl.Float64),
        )
        .cast(schema)
    )


def _unsure_surnames_out(missing: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """``missing`` (fact rows) without the people an outlet may name by their surname: a lone
    surname no full name resolved ("Clinton" where Bill and Hillary Clinton are both named)
    is not left out by an outlet naming anyone with that surname, nor is a full name by an
    outlet whose own lone surname could be that person. ``people``: the person facts."""
    value = pl.col("ref").str.strip_prefix("person:")
    claims = missing.with_columns(
        _last=pl.when(pl.col("ref").str.starts_with("person:")).then(surname(value)),
        _lone=~value.str.contains(" "))
    named = people.select("article", _last=surname(pl.col("value")),
                          _has_lone=~pl.col("value").str.contains(" ")).unique()
    unsure = (claims.join(named, on=["article", "_last"])
              .filter(pl.col("_lone") | pl.col("_has_lone"))
              .select("article", "ref").unique())
    return missing.join(unsure, on=["article", "ref"], how="anti", maintain_order="left")


def omissions(sentences: pl.DataFrame, members: pl.DataFrame, article_ids: list[str],
              k: int | None = None, quotes: pl.DataFrame | None = None,
              facts: pl.DataFrame | None = None, nearest: pl.DataFrame | None = None
              ) -> pl.DataFrame:
    """What each outlet leaves out that at least ``k`` others carry
    (:data:`~corpusdiff.model.OMISSIONS`): per outlet in ``article_ids`` order, most carried
    first, then statements, quotes, facts.

    ``quotes`` (quote groups) and ``facts`` may be None to count statements only; facts count
    only where the outlet states them in its own voice (:func:`.facts.own_voice`). ``nearest``
    (group, article, nearest_index, nearest_score; see analyze/nearest.py) fills the nearest_*
    columns of statement rows (the pipeline then moves those its outlet says differently out).
    """
    k = default_k(len(article_ids)) if k is None else k
    # the headline row is every outlet's title, not a statement one of them leaves out
    texts = sentences.filter(pl.col("kind") != "headline").select("article", "index", "text")
    groups = (
        members.join(texts, on=["article", "index"])
        .sort("group", "article", "index")
        .select(ref=pl.col("group").cast(pl.String), article="article", text="text",
                label=pl.lit("statement"))
    )
    parts = [_missing(groups, article_ids, "group", k)]
    if quotes is not None and not quotes.is_empty():
        q = quotes.filter((pl.col("kind") == "quote") & pl.col("quote_group").is_not_null())
        parts.append(_missing(
            q.select(ref=pl.col("quote_group").cast(pl.String), article="article", text="text",
                     label=pl.when(pl.col("speaker").is_not_null())
                     .then(pl.lit("quote by ") + pl.col("speaker"))),
            article_ids, "quote", k).with_columns(pl.col("label").fill_null("quote")))
    if facts is not None and not facts.is_empty():
        # only what an outlet says in its own voice: not quoted words, not boilerplate; a
        # person's title is compared by the conflicts, not counted here ("Mayor" and "Los
        # Angeles Mayor" are one title in two wordings)
        named = facts.filter(pl.col("kind") == "person")
        facts = own_voice(counted_facts(facts), sentences, quotes)
        parts.append(_unsure_surnames_out(_missing(
            _fact_refs(facts), article_ids, "fact", k), named))
    order = {ident: n for n, ident in enumerate(article_ids)}
    out = pl.concat(parts)
    if out.is_empty():
        return empty(OMISSIONS)
    if nearest is not None:
        near = nearest.select(pl.col("group").cast(pl.String).alias("ref"), "article",
                              "nearest_index", "nearest_score", what=pl.lit("group"))
        out = (
            out.drop("nearest_index", "nearest_score")
            .join(near, on=["what", "ref", "article"], how="left", maintain_order="left")
        )
    fact = pl.col("ref").str.splitn(":", 2).struct
    # a number's ref ends with its unit ("number:2 senators")
    value = pl.when(fact.field("field_0") == "number").then(
        fact.field("field_1").str.extract(r"^(\S+)")).otherwise(fact.field("field_1"))
    return (
        out.with_columns(
            group=pl.when(pl.col("what") == "group").then(pl.col("ref").cast(pl.Int64,
                                                                             strict=False)),
            quote_group=pl.when(pl.col("what") == "quote")
            .then(pl.col("ref").cast(pl.Int64, strict=False)),
            fact_kind=pl.when(pl.col("what") == "fact").then(fact.field("field_0")),
            fact_value=pl.when(pl.col("what") == "fact").then(value),
            outlets=pl.col("carriers").list.join(", "),
            _o=pl.col("article").replace_strict(order, return_dtype=pl.Int64),
            _w=pl.col("what").replace_strict({"group": 0, "quote": 1, "fact": 2},
                                             return_dtype=pl.Int64),
            _n=pl.col("ref").cast(pl.Int64, strict=False),
        )
        .sort(["_o", "carried_by", "_w", "_n", "ref"],
              descending=[False, True, False, False, False], nulls_last=True)
        .select(OMISSIONS.names())
        .cast(dict(OMISSIONS))
    )

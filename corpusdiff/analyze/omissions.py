"""Omissions: for each outlet, what at least k other outlets report that it leaves out.

Three kinds of content are counted: aligned statements (groups), quotations (quote groups) and
facts (entities and numbers). ``k`` defaults to a majority of the other outlets.
"""

from __future__ import annotations

import polars as pl

from corpusdiff.analyze.facts import own_voice

#: columns of the omissions table
OMISSIONS = pl.Schema(
    {
        "article": pl.String,
        "what": pl.String,  # group | quote | fact
        "ref": pl.String,  # group id, quote group id, or fact kind:value
        "carried_by": pl.Int64,
        "outlets": pl.String,  # the outlets that carry it, comma-separated ids
        "text": pl.String,  # a representative wording
        "label": pl.String,  # what it is, in words: "statement", "quote by Karen Bass",
        # "day: Tuesday"
    }
)


def default_k(n_articles: int) -> int:
    """A majority of the other outlets (at least one)."""
    return max(1, (n_articles - 1) // 2 + 1)


def _missing(carried: pl.DataFrame, article_ids: list[str], what: str, k: int) -> pl.DataFrame:
    """carried: ref, article, text, label (one row per outlet carrying ref) -> omission
    rows."""
    if carried.is_empty():
        return pl.DataFrame(schema=OMISSIONS)
    per_ref = (
        carried.sort("ref", "article")
        .group_by("ref", maintain_order=True)
        .agg(
            pl.col("article").unique(maintain_order=True).alias("carriers"),
            pl.col("text").first(),
            pl.col("label").drop_nulls().first(),
        )
        .with_columns(carried_by=pl.col("carriers").list.len())
        .filter(pl.col("carried_by") >= k)
    )
    outlets = pl.DataFrame({"article": article_ids})
    return (
        outlets.join(per_ref, how="cross")
        .filter(~pl.col("carriers").list.contains(pl.col("article")))
        .select(
            "article",
            what=pl.lit(what),
            ref=pl.col("ref").cast(pl.String),
            carried_by=pl.col("carried_by").cast(pl.Int64),
            outlets=pl.col("carriers").list.join(", "),
            text="text",
            label="label",
        )
    )


def omissions(sentences: pl.DataFrame, members: pl.DataFrame, article_ids: list[str],
              k: int | None = None, quotes: pl.DataFrame | None = None,
              facts: pl.DataFrame | None = None) -> pl.DataFrame:
    """What each outlet leaves out that at least ``k`` others carry, most carried first.

    ``quotes`` needs columns article, quote_group, text, kind, speaker, start, end; ``facts``
    needs article, sentence, start, end, kind, value, text (label if shown). Facts count only
    where the outlet states them in its own voice (:func:`.facts.own_voice`). Either may be
    None (not computed).
    """
    k = default_k(len(article_ids)) if k is None else k
    texts = sentences.select("article", "index", "text")
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
        facts = own_voice(facts.filter(pl.col("kind") != "title"), sentences, quotes)
        parts.append(_missing(
            facts.select(ref=pl.concat_str("kind", pl.lit(":"), "value"), article="article",
                         text="text", label=pl.col("label") if "label" in facts.columns
                         else pl.lit(None, pl.String)),
            article_ids, "fact", k))
    order = {ident: n for n, ident in enumerate(article_ids)}
    return (
        pl.concat(parts)
        .with_columns(_o=pl.col("article").replace_strict(order, return_dtype=pl.Int64),
                      _w=pl.col("what").replace_strict({"group": 0, "quote": 1, "fact": 2},
                                                       return_dtype=pl.Int64))
        .with_columns(_n=pl.col("ref").cast(pl.Int64, strict=False))
        .sort(["_o", "carried_by", "_w", "_n", "ref"],
              descending=[False, True, False, False, False], nulls_last=True)
        .select(OMISSIONS.names())
    )

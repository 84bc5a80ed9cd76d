"""Who carries what: per-article counts and the groups x outlets coverage matrix."""

from __future__ import annotations

import polars as pl

from corpusdiff.model import Comparison

#: how an outlet carries a group, as shown in coverage cells
CARRY_KINDS = ("identical", "reworded", "partial", "absent")


def article_stats(comparison: Comparison) -> pl.DataFrame:
    """id, sentences, shared, unique, boilerplate: counts per article."""
    s = comparison.sentences
    return (
        s.group_by("article")
        .agg(
            sentences=pl.len(),
            shared=pl.col("group").is_not_null().sum(),
            unique=(pl.col("group").is_null() & (pl.col("kind") != "boilerplate")).sum(),
            boilerplate=(pl.col("kind") == "boilerplate").sum(),
        )
        .rename({"article": "id"})
        .with_columns(pl.exclude("id").cast(pl.Int64))
    )


def carries(comparison: Comparison) -> pl.DataFrame:
    """group, article, carry, n: how each outlet carries each group (long form).

    An outlet carries a group ``identical`` when its text is the group's most common wording,
    ``partial`` when it contributes several sentences or the group is partial, else ``reworded``.
    """
    m = comparison.members.join(
        comparison.sentences.select("article", "index", "text"), on=["article", "index"]
    )
    kinds = comparison.groups.select(pl.col("id").alias("group"), pl.col("kind").alias("gkind"))
    norm = pl.col("text").str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", "")
    per = (
        m.with_columns(_norm=norm)
        .join(kinds, on="group")
        .group_by("group", "article")
        .agg(n=pl.len(), gkind=pl.col("gkind").first(), _norm=pl.col("_norm").first())
    )
    return per.with_columns(
        carry=pl.when(pl.col("gkind") == "identical").then(pl.lit("identical"))
        .when((pl.col("n") > 1) | (pl.col("gkind") == "partial")).then(pl.lit("partial"))
        .otherwise(pl.lit("reworded"))
    ).select("group", "article", "carry", "n").sort("group", "article")


def coverage(comparison: Comparison) -> pl.DataFrame:
    """Coverage matrix: one row per group, one column per article id (in display order) holding
    the carry kind or ``absent``."""
    ids = comparison.article_ids
    wide = carries(comparison).pivot(on="article", index="group", values="carry")
    for ident in ids:
        if ident not in wide.columns:
            wide = wide.with_columns(pl.lit(None, dtype=pl.String).alias(ident))
    return (
        comparison.groups.select(pl.col("id").alias("group"), "kind")
        .join(wide, on="group", how="left")
        .with_columns(pl.col(ids).fill_null("absent"))
        .select("group", "kind", *ids)
        .sort("group")
    )

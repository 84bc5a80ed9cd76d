"""Who carries what: per-article counts and the groups x outlets coverage matrix."""

from __future__ import annotations

import polars as pl

from corpusdiff.model import COVERAGE, Comparison, GroupKind

#: how an outlet carries a group, as shown in coverage cells
CARRY_KINDS = ("identical", "reworded", "partial", "absent")


def article_stats(sentences: pl.DataFrame) -> pl.DataFrame:
    """id, sentences, shared, unique, boilerplate: counts per article of ``sentences``."""
    s = sentences
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


def carries(sentences: pl.DataFrame, members: pl.DataFrame, groups: pl.DataFrame
            ) -> pl.DataFrame:
    """group, article, carry, n (:data:`~corpusdiff.model.COVERAGE`): how each outlet carries
    each group, long form (an absent outlet has no row).

    ``identical`` when the outlet's words are the group's most common wording and another
    outlet uses them too; ``partial`` when it contributes several sentences or the group as a
    whole only overlaps in part; else ``reworded``.
    """
    norm = pl.col("text").str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", "")
    per = (
        members.join(sentences.select("article", "index", "text"), on=["article", "index"])
        .with_columns(_norm=norm)
        .sort("group", "article", "index")
        .group_by("group", "article", maintain_order=True)
        .agg(n=pl.len(), _norm=pl.col("_norm").str.join("\n"))
    )
    consensus = (
        per.group_by("group", "_norm").agg(outlets=pl.len())
        .sort(["group", "outlets", "_norm"], descending=[False, True, False])
        .group_by("group", maintain_order=True).first()
        .select("group", _consensus="_norm", _outlets="outlets")
    )
    kinds = groups.select(pl.col("id").alias("group"), pl.col("kind").alias("gkind"))
    return (
        per.join(consensus, on="group").join(kinds, on="group")
        .with_columns(
            carry=pl.when(pl.col("gkind") == GroupKind.IDENTICAL)
            .then(pl.lit(GroupKind.IDENTICAL.value))
            .when(pl.col("n") > 1).then(pl.lit(GroupKind.PARTIAL.value))
            .when((pl.col("_norm") == pl.col("_consensus")) & (pl.col("_outlets") >= 2))
            .then(pl.lit(GroupKind.IDENTICAL.value))
            .when(pl.col("gkind") == GroupKind.PARTIAL).then(pl.lit(GroupKind.PARTIAL.value))
            .otherwise(pl.lit(GroupKind.REWORDED.value))
        )
        .select("group", "article", "carry", "n")
        .sort("group", "article")
        .cast(dict(COVERAGE))
    )


def coverage(comparison: Comparison) -> pl.DataFrame:
    """Coverage matrix: one row per group, one column per article id (in display order) holding
    the carry kind or ``absent``; pivoted from ``comparison.coverage``."""
    ids = comparison.article_ids
    wide = comparison.coverage.pivot(on="article", index="group", values="carry")
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

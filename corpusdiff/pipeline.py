"""compare(paths, options) -> Comparison: the only entry point the views use."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable

import polars as pl

from corpusdiff.align import Progress, align
from corpusdiff.analyze.coverage import carries
from corpusdiff.analyze.facts import conflict_pairs, conflicts, exclusive_facts, extract_facts
from corpusdiff.analyze.omissions import omissions
from corpusdiff.analyze.quotes import compare_quotes, extract_quotes, paraphrased
from corpusdiff.clean import mark_boilerplate
from corpusdiff.ingest import ingest
from corpusdiff.model import Comparison, CorpusdiffError, Options
from corpusdiff.segment import segment


def _titles(articles: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Plain-text articles take their title from their first headline that is not boilerplate
    (a page note above the headline is not the title)."""
    first = (
        sentences.filter(pl.col("kind") != "boilerplate")
        .sort("article", pl.col("kind") != "headline", "index")
        .group_by("article", maintain_order=True)
        .first()
        .select(pl.col("article").alias("id"), pl.col("text").alias("_t"))
    )
    return (
        articles.join(first, on="id", how="left", maintain_order="left")
        .with_columns(
            title=pl.when(pl.col("format") == "txt").then(pl.col("_t")).otherwise(pl.col("title"))
            .fill_null(pl.col("title"))
        )
        .drop("_t")
    )


def compare(paths: Iterable[str | os.PathLike[str]], options: Options | None = None,
            labels: dict[str, str] | None = None,
            progress: Progress | None = None) -> Comparison:
    """Read, clean, segment and align articles; raise CorpusdiffError on unusable input."""
    options = options or Options()
    report = progress or (lambda _stage, _fraction: None)
    report("reading articles", 0.0)
    articles, warnings = ingest(paths, labels)
    if articles.height < 2:
        where = f" ({articles['path'][0]})" if articles.height else ""
        skipped = [w for w in warnings if ": skipped: " in w]
        if skipped:
            where += f"; {len(skipped)} skipped, first {skipped[0].replace(': skipped', '')}"
        raise CorpusdiffError(
            f"need at least two articles to compare, got {articles.height}{where}")
    if options.reference is not None and options.reference not in articles["id"].to_list():
        raise CorpusdiffError(f"unknown reference article {options.reference!r}; articles are "
                              + ", ".join(articles["id"].to_list()))
    report("splitting sentences", 0.1)
    sentences = segment(articles)
    if options.boilerplate:
        sentences = mark_boilerplate(sentences, articles)
        hollow = (
            sentences.group_by("article").agg(pl.col("kind").eq("boilerplate").all())
            .filter(pl.col("kind")).join(articles, left_on="article", right_on="id")
            .sort("article")["path"].to_list()
        )
        warnings = [*warnings, *(f"{path}: every sentence is boilerplate; nothing of it is "
                                 "compared" for path in hollow)]
    articles = _titles(articles, sentences)

    def aligned(stage: str, fraction: float) -> None:
        report(stage, 0.2 + 0.4 * fraction)

    sentences, groups, members = align(sentences, options, aligned)
    # the analysis takes as long as the alignment on big corpora: it gets its share of the bar
    report("finding quotes", 0.6)
    quotes = compare_quotes(extract_quotes(articles, sentences), members)
    report("finding paraphrases", 0.72)
    paraphrases = paraphrased(quotes, sentences, members)
    report("finding facts", 0.78)
    facts = extract_facts(sentences)
    report("comparing facts", 0.92)
    tables = {
        "quotes": quotes,
        "paraphrases": paraphrases,
        "facts": facts,
        # sentence pairs that state the same thing: alignment groups, and close pairs
        "conflicts": conflicts(facts, conflict_pairs(facts, members, sentences), sentences),
        "exclusive_facts": exclusive_facts(facts),
    }
    comparison = Comparison(articles=articles, sentences=sentences, groups=groups,
                            members=members, options=options, warnings=tuple(warnings))
    tables["omissions"] = omissions(sentences, members, comparison.article_ids,
                                    options.omission_k, quotes, facts)
    # long form (group, article, carry, n): an absent outlet has no row; views pivot it
    tables["coverage"] = carries(comparison)
    report("done", 1.0)
    return dataclasses.replace(comparison, tables=tables)

"""compare(paths, options) -> Comparison: the only entry point the views use."""

from __future__ import annotations

import os
from collections.abc import Iterable

import polars as pl

from corpusdiff import background
from corpusdiff.align import PAIRS, Progress, align_all
from corpusdiff.analyze.conflicts import conflict_pairs, conflicts
from corpusdiff.analyze.coverage import carries
from corpusdiff.analyze.facts import exclusive_facts, extract_facts
from corpusdiff.analyze.framing import framing
from corpusdiff.analyze.nearest import (
    SAYS_DIFFERENTLY,
    nearest_elsewhere,
    nearest_to_groups,
    said_differently,
)
from corpusdiff.analyze.omissions import default_k, omissions
from corpusdiff.analyze.person_keys import complete_speakers
from corpusdiff.analyze.quotes import (
    compare_quotes,
    extract_quotes,
    paraphrased,
    sentence_stems,
)
from corpusdiff.clean import mark_boilerplate, web_page_warnings
from corpusdiff.ingest import ingest
from corpusdiff.model import Comparison, CorpusdiffError, Options, empty, reference_first
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
            progress: Progress | None = None,
            early: background.Extraction | None = None) -> Comparison:
    """Read, clean, segment and align articles; raise CorpusdiffError on unusable input.
    ``early``: the helper process :func:`.background.early` started for these paths (used for
    a large corpus, stopped otherwise)."""
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
    # a large corpus: a second process embeds the sentences and extracts quotes and facts
    # while this one aligns
    extraction = background.start(articles, options.embedder, early)
    report("splitting sentences", 0.1)
    sentences = segment(articles)
    if extraction is not None:  # the child embeds while this process cleans
        extraction.send_texts(sentences["text"].unique(maintain_order=True).to_list())
    if options.boilerplate:
        sentences = mark_boilerplate(sentences, articles)
        hollow = (
            sentences.group_by("article").agg(pl.col("kind").eq("boilerplate").all())
            .filter(pl.col("kind")).join(articles, left_on="article", right_on="id")
            .sort("article")["path"].to_list()
        )
        warnings = [*warnings, *(f"{path}: every sentence is boilerplate; nothing of it is "
                                 "compared" for path in hollow),
                    *web_page_warnings(sentences, articles)]
    articles = _titles(articles, sentences)
    if extraction is not None:
        extraction.send(articles, sentences)

    def aligned(stage: str, fraction: float) -> None:
        report(stage, 0.2 + 0.4 * fraction)

    alignment = align_all(
        sentences, options, aligned,
        embedder="options" if extraction is None else extraction.embedder(options.embedder))
    sentences, groups, members = alignment.sentences, alignment.groups, alignment.members
    # the sentence pairs (the largest table: 5.1 M rows on 1,000 synthetic articles) are
    # handed over, not kept here: analyze lets them go once it has read them
    handed = {"pairs": alignment.pairs}
    del alignment
    # the analysis takes as long as the alignment on big corpora: it gets its share of the bar
    return analyze(articles, sentences, groups, members, options, warnings,
                   lambda stage, fraction: report(stage, 0.6 + 0.4 * fraction),
                   pairs=handed.pop("pairs"), extraction=extraction)


def analyze(articles: pl.DataFrame, sentences: pl.DataFrame, groups: pl.DataFrame,
            members: pl.DataFrame, options: Options | None = None,
            warnings: Iterable[str] = (), progress: Progress | None = None,
            pairs: pl.DataFrame | None = None,
            extraction: background.Extraction | None = None) -> Comparison:
    """The analysis of aligned sentences (quotes, facts, conflicts, omissions, coverage,
    framing), in one forward pass, and the Comparison that holds every table. ``pairs``: the
    aligner's scored sentence pairs (:data:`corpusdiff.align.PAIRS`), which tell what an outlet
    says in other words. ``extraction``: the quote marks, facts, fact conflicts and loaded
    words being found in a second process (:mod:`corpusdiff.background`); found here when it
    is None or fails."""
    options = options or Options()
    report = progress or (lambda _stage, _fraction: None)
    report("finding quotes and facts", 0.0)
    if extraction is not None:  # the child compares facts and finds loaded words
        extraction.send_alignment(sentences, members)
    ids = reference_first(articles["id"].to_list(), options.reference)
    pairs = empty(PAIRS) if pairs is None else pairs
    k = default_k(len(ids)) if options.omission_k is None else options.omission_k
    # what needs neither quotes nor facts comes first: on a large corpus it runs while the
    # helper process is still extracting them (the sentences' content words are kept for
    # paraphrased)
    near = nearest_to_groups(members, pairs, k)
    coverage = carries(sentences, members, groups)
    unaligned = nearest_elsewhere(sentences, pairs)
    del pairs  # read: its memory goes (the caller holds no other reference)
    sentence_stems(sentences)
    extracted = extraction.result() if extraction is not None else None
    if extracted is not None:
        marks, facts = extracted
    else:
        marks = extract_quotes(articles, sentences)
        # quotes and facts share their people: one key per person and article (person_keys)
        facts = extract_facts(sentences, marks)
    quotes = compare_quotes(complete_speakers(marks, facts), members)
    report("finding paraphrases", 0.3)
    paraphrases = paraphrased(quotes, sentences, members)
    report("comparing facts", 0.8)
    exclusive = exclusive_facts(facts)
    # a statement an outlet says in other words (its closest sentence scores high) is not
    # claimed as left out: it is listed as said differently
    claims = omissions(sentences, members, ids, k, quotes, facts, near)
    missing = claims.filter(pl.col("nearest_score").fill_null(0.0) < SAYS_DIFFERENTLY)
    report("finding loaded words", 0.9)
    analysed = extraction.analysed() if extraction is not None else None
    if analysed is not None:
        conflicting, framed = analysed
    else:
        # sentence pairs that state the same thing: alignment groups, and close pairs
        conflicting = conflicts(facts, conflict_pairs(facts, members, sentences), sentences,
                                articles)
        framed = framing(sentences, members, quotes)
    report("done", 1.0)
    return Comparison(
        articles=articles, sentences=sentences, groups=groups, members=members,
        quotes=quotes, paraphrases=paraphrases, facts=facts, conflicts=conflicting,
        exclusive_facts=exclusive, omissions=missing, coverage=coverage, framing=framed,
        said_differently=said_differently(claims, near, sentences),
        unaligned_nearest=unaligned,
        options=options, warnings=tuple(warnings),
    )

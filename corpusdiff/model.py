"""Schemas of every table corpusdiff computes, the options, and the Comparison that holds them.

Every step of the pipeline is a function from these tables to these tables; the views (export,
TUI) only read a finished :class:`Comparison`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import polars as pl

# defined in a polars-free module (the CLI and the TUI import them before polars is needed)
from corpusdiff.options import CorpusdiffError as CorpusdiffError
from corpusdiff.options import Options as Options

SCHEMA_VERSION = "corpusdiff/1"

#: One row per input article; ``text`` is the article's text as read (decoded, HTML/Markdown
#: reduced to text, line endings normalised to ``\n``); every offset points into it.
ARTICLES = pl.Schema(
    {
        "id": pl.String,
        "path": pl.String,
        "label": pl.String,
        "title": pl.String,
        "text": pl.String,
        "encoding": pl.String,
        "format": pl.String,  # txt | md | html
        # web pages (empty elsewhere): site name, author, publication date (YYYY-MM-DD)
        "site": pl.String,
        "author": pl.String,
        "date": pl.String,
        # web pages: offset in ``text`` where the page text outside the article begins
        "layout_start": pl.Int64,
    }
)

#: One row per sentence, boilerplate included; ``index`` is the 0-based position in its article.
#: ``kind`` is headline | body | boilerplate; ``reason`` says why a sentence is boilerplate.
#: ``group`` is the alignment group id, null for a sentence no other article shares.
SENTENCES = pl.Schema(
    {
        "article": pl.String,
        "index": pl.Int64,
        "paragraph": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "text": pl.String,
        "kind": pl.String,
        "reason": pl.String,
        "group": pl.Int64,
    }
)

#: One row per alignment group. ``kind`` is identical | reworded | partial.
GROUPS = pl.Schema(
    {
        "id": pl.Int64,
        "kind": pl.String,
        "n_articles": pl.Int64,
        "n_members": pl.Int64,
        "score": pl.Float64,
    }
)

#: One row per (group, sentence); ``score`` is the member's best similarity to another member.
MEMBERS = pl.Schema(
    {
        "group": pl.Int64,
        "article": pl.String,
        "index": pl.Int64,
        "score": pl.Float64,
    }
)

SENTENCE_KINDS = ("headline", "body", "boilerplate")


class GroupKind(StrEnum):
    """How the members of an alignment group relate."""

    IDENTICAL = "identical"  #: the same words (quote marks, dashes, case and spacing aside)
    REWORDED = "reworded"  #: the same statement in other words
    PARTIAL = "partial"  #: the members overlap in part (one adds or merges content)


GROUP_KINDS = tuple(GroupKind)

#: How an outlet carries an alignment group (long form: an absent outlet has no row).
#: ``carry`` is identical | reworded | partial; ``n`` the outlet's sentences in the group.
COVERAGE = pl.Schema(
    {
        "group": pl.Int64,
        "article": pl.String,
        "carry": pl.String,
        "n": pl.Int64,
    }
)

#: What an outlet leaves out that at least k other outlets carry. ``what`` is group | quote |
#: fact; the typed keys say which: ``group`` (an alignment group id), ``quote_group`` (a quote
#: group id), ``fact_kind``/``fact_value``. ``carriers`` are the outlets that carry it (ids,
#: sorted). ``ref`` and ``outlets`` are the same as strings (kept for the corpusdiff/1
#: contract: group id, quote group id or "kind:value"; comma-separated ids). For a statement,
#: ``nearest_index``/``nearest_score``: the outlet's closest sentence to it and their pair
#: score, when one was scored (below the "says it differently" cut of analyze/nearest.py).
#: ``label``: what it is, in words ("statement", "quote by Karen Bass", "day: Tuesday").
OMISSIONS = pl.Schema(
    {
        "article": pl.String,
        "what": pl.String,
        "ref": pl.String,
        "group": pl.Int64,
        "quote_group": pl.Int64,
        "fact_kind": pl.String,
        "fact_value": pl.String,
        "carried_by": pl.Int64,
        "carriers": pl.List(pl.String),
        "outlets": pl.String,
        "text": pl.String,
        "label": pl.String,
        "nearest_index": pl.Int64,
        "nearest_score": pl.Float64,
    }
)


def empty(schema: pl.Schema) -> pl.DataFrame:
    """An empty frame with ``schema``."""
    return pl.DataFrame(schema=schema)


def reference_first(ids: list[str], reference: str | None) -> list[str]:
    """``ids`` with ``reference`` moved to the front (unchanged when it is not among them)."""
    if reference is None or reference not in ids:
        return list(ids)
    return [reference, *(i for i in ids if i != reference)]


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`corpusdiff.pipeline.compare`: every table the views show, each
    with its schema (see the constants of this module and of ``corpusdiff.analyze``)."""

    articles: pl.DataFrame  #: ARTICLES
    sentences: pl.DataFrame  #: SENTENCES
    groups: pl.DataFrame  #: GROUPS
    members: pl.DataFrame  #: MEMBERS
    quotes: pl.DataFrame  #: analyze.quotes.COMPARED: quotes with their cross-outlet variants
    paraphrases: pl.DataFrame  #: analyze.quotes.PARAPHRASES
    facts: pl.DataFrame  #: analyze.facts.FACTS
    conflicts: pl.DataFrame  #: analyze.facts.CONFLICTS
    exclusive_facts: pl.DataFrame  #: analyze.facts.EXCLUSIVE
    omissions: pl.DataFrame  #: OMISSIONS
    coverage: pl.DataFrame  #: COVERAGE
    framing: pl.DataFrame  #: analyze.framing.FRAMING: loaded words in each outlet's own voice
    #: statement omissions the outlet says in other words (analyze.nearest.said_differently)
    said_differently: pl.DataFrame
    #: each sentence in no group and its closest sentence elsewhere (analyze.nearest.ELSEWHERE)
    unaligned_nearest: pl.DataFrame
    options: Options
    warnings: tuple[str, ...] = ()

    @property
    def article_ids(self) -> list[str]:
        """Article ids in display order (the reference first)."""
        return reference_first(self.articles["id"].to_list(), self.options.reference)

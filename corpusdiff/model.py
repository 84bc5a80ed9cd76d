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

#: One row per pair of quote marks. ``start``/``end`` are offsets of the quoted words in the
#: article text (marks and one trailing ``,``/``.`` excluded): ``text == article[start:end]``.
#: ``sentence``/``end_sentence``: indexes of the sentences where the quote starts and ends.
#: ``kind``: quote | scare | title. ``cue``: the attribution pattern that found the speaker.
#: ``confidence``: how sure the speaker value (a name or null) is, 0-1.
QUOTE_MARKS = pl.Schema(
    {
        "article": pl.String,
        "sentence": pl.Int64,
        "end_sentence": pl.Int64,
        "paragraph": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "text": pl.String,
        "kind": pl.String,
        "speaker": pl.String,
        "role": pl.String,
        "confidence": pl.Float64,
        "cue": pl.String,
        "boilerplate": pl.Boolean,
    }
)


#: :data:`QUOTE_MARKS` plus the cross-outlet comparison. ``quote_group`` numbers the same statement
#: across outlets (null for scare/title rows); ``variant`` is verbatim | trimmed | reworded |
#: misattributed | exclusive; ``match_*`` is the other outlet's quote the variant refers to and
#: ``similarity`` its content-word overlap (0-1).
QUOTES = pl.Schema(
    {
        **dict(QUOTE_MARKS),
        "quote_group": pl.Int64,
        "variant": pl.String,
        "match_article": pl.String,
        "match_text": pl.String,
        "match_speaker": pl.String,
        "similarity": pl.Float64,
    }
)


#: A quote reported without quote marks in another outlet.
PARAPHRASES = pl.Schema(
    {
        "article": pl.String,
        "sentence": pl.Int64,
        "text": pl.String,
        "speaker": pl.String,
        "quote_group": pl.Int64,
        "other_article": pl.String,
        "other_sentence": pl.Int64,
        "other_text": pl.String,
        "score": pl.Float64,
    }
)


#: One row per fact mention in a non-boilerplate sentence. ``start``/``end`` are offsets into
#: the sentence text; ``text`` is the mention as written; ``value`` is normalised for comparison
#: (people, organisations and places: their corpus-wide key; ``title``: the normalised role).
#: ``unit``: for numbers the counted noun ("agents"), for money the currency, for durations
#: ``days``, for places the place type (city|state|country|site). ``qualifier``: ">", ">=",
#: "<", "<=" or "~" for "more than", "at least", "under", "within", "about". ``amount``: the
#: magnitude of numbers, money, percentages and durations (in days). ``role``: for a person the
#: title written next to the name. ``entity``: the corpus-wide key of the person, organisation
#: or place (for a title: of its person). ``label``: the fact in human words ("day: Tuesday",
#: "month: December", "title: Representative").
FACTS = pl.Schema(
    {
        "article": pl.String,
        "sentence": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "kind": pl.String,
        "text": pl.String,
        "value": pl.String,
        "unit": pl.String,
        "qualifier": pl.String,
        "amount": pl.Float64,
        "role": pl.String,
        "entity": pl.String,
        "label": pl.String,
    }
)


#: One row per pair of sentences of two outlets filling a slot with incompatible values.
#: ``group``: the alignment group holding both sentences (for a close pair: one holding either,
#: or null); ``source``: where the pair comes from ("group" or "close"); ``label``: the slot in
#: words ("day", "number of agents", "title of Karen Bass"); ``said_a``/``said_b``: each value
#: in words ("Friday", "5 p.m.", "$2,500,000", "Deputy Fire Chief").
CONFLICTS = pl.Schema(
    {
        "group": pl.Int64,
        "kind": pl.String,
        "slot": pl.String,
        "article_a": pl.String,
        "sentence_a": pl.Int64,
        "value_a": pl.String,
        "text_a": pl.String,
        "article_b": pl.String,
        "sentence_b": pl.Int64,
        "value_b": pl.String,
        "text_b": pl.String,
        "source": pl.String,
        "label": pl.String,
        "said_a": pl.String,
        "said_b": pl.String,
    }
)


#: One row per fact (kind, value, unit) that exactly one outlet mentions: its first mention.
EXCLUSIVE_FACTS = pl.Schema(
    {
        "article": pl.String,
        "kind": pl.String,
        "value": pl.String,
        "unit": pl.String,
        "text": pl.String,
        "sentence": pl.Int64,
        "mentions": pl.Int64,
        "label": pl.String,
    }
)


#: One row per flagged word or phrase. ``start``/``end`` are character offsets into the
#: article's text; ``sentence`` its index and ``group`` its alignment group (null when no other
#: outlet shares the sentence). ``kind`` is one of :data:`FRAMING_KINDS`; ``polarity`` negative |
#: positive (the table's, else VADER's), null where the direction depends on the context.
#: ``source`` says what found it: ``table`` (the framing tables) or ``comparison`` (another
#: outlet's milder word for the same place). ``counterparts``: the other outlets' words for
#: the same place in the same statement ("" where an outlet leaves it out).
#: The loaded kinds; ``sourcing`` ("reportedly") is the outlet's distance from what it reports,
#: listed and counted apart from them.
FRAMING_LOADED_KINDS = ("verb", "hedge", "evaluative", "label")
FRAMING_SOURCING = "sourcing"
FRAMING_KINDS = (*FRAMING_LOADED_KINDS, FRAMING_SOURCING)
FRAMING = pl.Schema(
    {
        "article": pl.String,
        "sentence": pl.Int64,
        "group": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "text": pl.String,
        "kind": pl.String,
        "polarity": pl.String,
        "source": pl.String,
        "counterparts": pl.List(pl.Struct({"article": pl.String, "text": pl.String})),
    }
)


#: one row per sentence in no group: its closest sentence in another outlet
UNALIGNED_NEAREST = pl.Schema({"article": pl.String, "index": pl.Int64,
                               "near_article": pl.String, "near_index": pl.Int64,
                               "near_score": pl.Float64, "near_text": pl.String})


SENTENCE_KINDS = ("headline", "body", "boilerplate")


class GroupKind(StrEnum):
    """How the members of an alignment group relate."""

    IDENTICAL = "identical"  #: the same words (quote marks, dashes, case and spacing aside)
    REWORDED = "reworded"  #: the same statement in other words
    PARTIAL = "partial"  #: the members overlap in part (one adds or merges content)


GROUP_KINDS = tuple(GroupKind)

#: A statement most other outlets carry that an outlet says in other words (its closest
#: sentence scores at or above the "says it differently" cut): not an omission.
SAID_DIFFERENTLY = pl.Schema(
    {
        "article": pl.String,
        "group": pl.Int64,
        "carried_by": pl.Int64,
        "outlets": pl.String,
        "text": pl.String,
        "nearest_index": pl.Int64,
        "nearest_score": pl.Float64,
        "nearest_text": pl.String,
    }
)

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
    with its schema (the constants of this module)."""

    articles: pl.DataFrame  #: ARTICLES
    sentences: pl.DataFrame  #: SENTENCES
    groups: pl.DataFrame  #: GROUPS
    members: pl.DataFrame  #: MEMBERS
    quotes: pl.DataFrame  #: QUOTES: quotes with their cross-outlet variants
    paraphrases: pl.DataFrame  #: PARAPHRASES
    facts: pl.DataFrame  #: FACTS
    conflicts: pl.DataFrame  #: CONFLICTS
    exclusive_facts: pl.DataFrame  #: EXCLUSIVE_FACTS
    omissions: pl.DataFrame  #: OMISSIONS
    coverage: pl.DataFrame  #: COVERAGE
    framing: pl.DataFrame  #: FRAMING: loaded words in each outlet's own voice
    #: statement omissions the outlet says in other words (SAID_DIFFERENTLY)
    said_differently: pl.DataFrame
    #: each sentence in no group and its closest sentence elsewhere (UNALIGNED_NEAREST)
    unaligned_nearest: pl.DataFrame
    options: Options
    warnings: tuple[str, ...] = ()

    @property
    def article_ids(self) -> list[str]:
        """Article ids in display order (the reference first)."""
        return reference_first(self.articles["id"].to_list(), self.options.reference)

    @property
    def codes(self) -> dict[str, str]:
        """Article id -> letter (A, B, ...) in the articles' order, whatever the reference:
        the report and the terminal UI letter the outlets alike."""
        from corpusdiff.display import outlet_letters

        return outlet_letters(self.articles["id"].to_list())

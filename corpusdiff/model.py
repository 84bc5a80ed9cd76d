"""Schemas of every table corpusdiff computes, the options, and the Comparison that holds them.

Every step of the pipeline is a function from these tables to these tables; the views (export,
TUI) only read a finished :class:`Comparison`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
GROUP_KINDS = ("identical", "reworded", "partial")


def empty(schema: pl.Schema) -> pl.DataFrame:
    """An empty frame with ``schema``."""
    return pl.DataFrame(schema=schema)


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`corpusdiff.pipeline.compare`: every table the views show."""

    articles: pl.DataFrame
    sentences: pl.DataFrame
    groups: pl.DataFrame
    members: pl.DataFrame
    options: Options = field(default_factory=Options)
    warnings: tuple[str, ...] = ()
    #: extra tables added by later analysis steps (quotes, facts, ...), by name
    tables: dict[str, pl.DataFrame] = field(default_factory=dict)

    @property
    def article_ids(self) -> list[str]:
        """Article ids in display order (the reference first)."""
        ids = self.articles["id"].to_list()
        ref = self.options.reference
        if ref in ids:
            ids.remove(ref)
            ids.insert(0, ref)
        return ids

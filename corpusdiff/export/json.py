"""Comparison -> JSON (schema ``corpusdiff/1``, see ARCHITECTURE.md: keys are a public contract).

Layout: one top-level key per line and one table row per line, so the file diffs well and
streams; the rows are written by polars (``write_ndjson``), which is what keeps a 300-article
export fast (the stdlib encoder with ``indent`` is pure Python).
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from corpusdiff.analyze.coverage import article_stats
from corpusdiff.model import SCHEMA_VERSION, Comparison

#: The public contract: every key of the document in order and, for a table, its columns in
#: order (None for a plain value). docs/json.md describes each one; a test checks both against
#: a real export. Columns an analysis step computes for itself stay out unless listed here.
CONTRACT: dict[str, tuple[str, ...] | None] = {
    "schema": None,
    "articles": ("id", "path", "label", "title", "encoding", "format", "sentences", "shared",
                 "unique", "boilerplate"),
    "sentences": ("article", "index", "text", "kind", "start", "end", "group", "paragraph",
                  "reason"),
    "groups": ("id", "kind", "members", "n_articles", "score"),
    "quotes": ("article", "sentence", "end_sentence", "paragraph", "start", "end", "text",
               "kind", "speaker", "role", "confidence", "cue", "boilerplate", "quote_group",
               "variant", "match_article", "match_text", "match_speaker", "similarity"),
    "paraphrases": ("article", "sentence", "text", "speaker", "quote_group", "other_article",
                    "other_sentence", "other_text", "score"),
    "facts": ("article", "sentence", "start", "end", "kind", "text", "value", "unit",
              "qualifier", "amount", "role", "entity", "label"),
    "conflicts": ("group", "kind", "slot", "article_a", "sentence_a", "value_a", "text_a",
                  "article_b", "sentence_b", "value_b", "text_b", "source", "label", "said_a",
                  "said_b"),
    "exclusive_facts": ("article", "kind", "value", "unit", "text", "sentence", "mentions",
                        "label"),
    "omissions": ("article", "what", "ref", "carried_by", "outlets", "text", "group",
                  "quote_group", "fact_kind", "fact_value", "carriers", "label",
                  "nearest_index", "nearest_score"),
    "said_differently": ("article", "group", "carried_by", "outlets", "text", "nearest_index",
                         "nearest_score", "nearest_text"),
    "unaligned_nearest": ("article", "index", "near_article", "near_index", "near_score",
                          "near_text"),
    "coverage": ("group", "article", "carry", "n"),
    "framing": ("article", "sentence", "group", "start", "end", "text", "kind", "polarity",
                "source", "counterparts"),
    "options": None,
    "warnings": None,
}


def _round(frame: pl.DataFrame, digits: int = 4) -> pl.DataFrame:
    floats = [c for c, t in frame.schema.items() if t == pl.Float64]
    return frame.with_columns(pl.col(floats).round(digits)) if floats else frame


def tables(comparison: Comparison) -> dict[str, pl.DataFrame | Any]:
    """The document's parts in contract order (:data:`CONTRACT`): frames (written as lists of
    row objects) and plain values."""
    stats = article_stats(comparison.sentences)
    members = _round(comparison.members).sort("group", "article", "index")
    by_group = (
        members.group_by("group", maintain_order=True)
        .agg(pl.struct("article", "index", "score").alias("members"))
    )
    frames = {
        "articles": comparison.articles.join(stats, on="id", how="left", maintain_order="left"),
        "sentences": comparison.sentences,
        "groups": comparison.groups.join(by_group, left_on="id", right_on="group", how="left",
                                         maintain_order="left"),
        "quotes": comparison.quotes,
        "paraphrases": comparison.paraphrases,
        "facts": comparison.facts,
        "conflicts": comparison.conflicts,
        "exclusive_facts": comparison.exclusive_facts,
        "omissions": comparison.omissions,
        "said_differently": comparison.said_differently,
        "unaligned_nearest": comparison.unaligned_nearest,
        "coverage": comparison.coverage,
        "framing": comparison.framing,
    }
    values = {
        "schema": SCHEMA_VERSION,
        "options": {
            "threshold": comparison.options.threshold,
            "boilerplate": comparison.options.boilerplate,
            "reference": comparison.options.reference,
            "omission_k": comparison.options.omission_k,
            "embedder": comparison.options.embedder,
        },
        "warnings": list(comparison.warnings),
    }
    return {key: values[key] if columns is None else _round(frames[key].select(columns))
            for key, columns in CONTRACT.items()}
def to_json(comparison: Comparison) -> str:
    """The JSON export: UTF-8 text, keys in contract order, one row a line, newline at end."""
    parts = tables(comparison)
    # pieces joined once: each copy of the tens of megabytes a large export holds costs
    out = ["{\n"]
    last = len(parts) - 1
    for n, (key, value) in enumerate(parts.items()):
        comma = "," if n < last else ""
        name = json.dumps(key)
        if isinstance(value, pl.DataFrame):
            if value.is_empty():
                out.append(f"  {name}: []{comma}\n")
                continue
            # one row object a line (ndjson escapes newlines inside strings); every line end
            # but the last gets the comma and the indent of the next row
            rows = value.write_ndjson()
            out.append(f"  {name}: [\n    ")
            out.append(rows.replace("\n", ",\n    ", rows.count("\n") - 1))
            out.append(f"  ]{comma}\n")
        else:
            out.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}{comma}\n")
    out.append("}\n")
    return "".join(out)

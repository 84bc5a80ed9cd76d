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


def _round(frame: pl.DataFrame, digits: int = 4) -> pl.DataFrame:
    floats = [c for c, t in frame.schema.items() if t == pl.Float64]
    return frame.with_columns(pl.col(floats).round(digits)) if floats else frame


def tables(comparison: Comparison) -> dict[str, pl.DataFrame | Any]:
    """The document's parts in contract order: frames (written as lists of row objects) and
    plain values."""
    stats = article_stats(comparison)
    articles = (
        comparison.articles.join(stats, on="id", how="left", maintain_order="left")
        .select("id", "path", "label", "title", "encoding", "format", "sentences", "shared",
                "unique", "boilerplate")
    )
    sentences = comparison.sentences.select(
        "article", "index", "text", "kind", "start", "end", "group", "paragraph", "reason"
    )
    members = _round(comparison.members).sort("group", "article", "index")
    by_group = (
        members.group_by("group", maintain_order=True)
        .agg(pl.struct("article", "index", "score").alias("members"))
    )
    groups = (
        _round(comparison.groups)
        .join(by_group, left_on="id", right_on="group", how="left", maintain_order="left")
        .select("id", "kind", "members", "n_articles", "score")
    )
    parts: dict[str, pl.DataFrame | Any] = {
        "schema": SCHEMA_VERSION,
        "articles": articles,
        "sentences": sentences,
        "groups": groups,
    }
    for name, table in comparison.tables.items():
        parts[name] = _round(table)
    parts["options"] = {
        "threshold": comparison.options.threshold,
        "boilerplate": comparison.options.boilerplate,
        "reference": comparison.options.reference,
        "omission_k": comparison.options.omission_k,
    }
    parts["warnings"] = list(comparison.warnings)
    return parts


def to_json(comparison: Comparison) -> str:
    """The JSON export: UTF-8 text, keys in contract order, one row a line, newline at end."""
    parts = tables(comparison)
    out = ["{"]
    last = len(parts) - 1
    for n, (key, value) in enumerate(parts.items()):
        comma = "," if n < last else ""
        name = json.dumps(key)
        if isinstance(value, pl.DataFrame):
            if value.is_empty():
                out.append(f"  {name}: []{comma}")
                continue
            rows = value.write_ndjson().rstrip("\n").split("\n")
            out.append(f"  {name}: [")
            out.append(",\n".join(f"    {row}" for row in rows))
            out.append(f"  ]{comma}")
        else:
            out.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON document as plain Python objects."""
    return json.loads(to_json(comparison))

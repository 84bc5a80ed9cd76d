"""Comparison -> JSON (schema ``corpusdiff/1``, see ARCHITECTURE.md: keys are a public contract)."""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from corpusdiff.analyze.coverage import article_stats
from corpusdiff.model import SCHEMA_VERSION, Comparison


def _round(frame: pl.DataFrame, digits: int = 4) -> pl.DataFrame:
    floats = [c for c, t in frame.schema.items() if t == pl.Float64]
    return frame.with_columns(pl.col(floats).round(digits)) if floats else frame


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON document as plain Python objects."""
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
    doc: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "articles": articles.to_dicts(),
        "sentences": sentences.to_dicts(),
        "groups": groups.to_dicts(),
    }
    for name, table in comparison.tables.items():
        doc[name] = _round(table).to_dicts()
    doc["options"] = {
        "threshold": comparison.options.threshold,
        "boilerplate": comparison.options.boilerplate,
        "reference": comparison.options.reference,
    }
    doc["warnings"] = list(comparison.warnings)
    return doc


def to_json(comparison: Comparison) -> str:
    """The JSON export: UTF-8 text, two-space indent, keys in contract order, newline at end."""
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"

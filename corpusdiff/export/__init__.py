"""Comparison -> text: Markdown for people, JSON for machines; both byte-for-byte deterministic."""

from corpusdiff.export.json import to_json
from corpusdiff.export.markdown import to_markdown

FORMATS = {"markdown": to_markdown, "json": to_json}

__all__ = ["FORMATS", "to_json", "to_markdown"]

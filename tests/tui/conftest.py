"""Fixtures for the terminal UI tests: comparisons computed once, small corpora on disk."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from corpusdiff.model import Comparison
from corpusdiff.pipeline import compare

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
#: four invented articles on one story, with conflicting numbers and omissions
INVENTED = ROOT / "tests" / "data" / "invented"
SIZE = (120, 40)


def run(scenario: Callable[[], Awaitable[Any]]) -> Any:
    """Run an async test body (the suite has no asyncio plugin)."""
    return asyncio.run(scenario())


@pytest.fixture(scope="session")
def seeds() -> Comparison:
    """The seed articles compared with the default options."""
    return compare([str(SEEDS)])


@pytest.fixture(scope="session")
def invented() -> Comparison:
    """The invented corpus: it has conflicts (a duration, a count) and omissions."""
    return compare([str(INVENTED)])


#: an article full of things that must stay data: Rich markup, a link tag, ANSI escapes,
#: control characters, Markdown and HTML
HOSTILE = (
    "Council [bold]approves[/bold] the harbor budget\n"
    "The council voted 7-2 on Tuesday to approve the harbor budget of $4.2 million. "
    "Mayor Ana Ruiz called it [link=https://evil.example]a fair deal[/link] for the port. "
    "A red \x1b[31mwarning\x1b[0m flag and a bell \x07 stay visible. "
    "Critics said the plan **ignores** <b>dock workers</b> entirely.\n"
)
PLAIN = (
    "Council approves the harbor budget\n"
    "The council voted 7-2 on Tuesday to approve the harbor budget of $4.2 million. "
    "Mayor Ana Ruiz called it a fair deal for the port. "
    "Dock workers plan a protest next week.\n"
)


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> list[str]:
    """Two articles; one carries markup, escapes and control characters in its text."""
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(PLAIN, encoding="utf-8")
    return [str(tmp_path / "hostile.txt"), str(tmp_path / "plain.txt")]

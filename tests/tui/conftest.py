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


#: folders named like the dev sets' (long ids, two sharing their first 24 characters), each
#: with articles of the same names: the ids differ only by folder
SAME_NAME_FOLDERS = ("87609973-bd58-42a5-96e2-ee5aa47433f5", "87609973-bd58-42a5-96e2-0ffb34cdc367",
                     "2f3e86b6-8443-47bd-9cd3-491c90a59fe9")


def write_same_name_corpus(root: Path) -> list[str]:
    """The five seed articles as fox.txt in three folders and nyt.txt in two (ids such as
    ``87609973-bd58-42a5-96e2-ee5aa47433f5/fox``); returns the folders."""
    seeds = sorted(SEEDS.glob("*.txt"))
    names = [(f, "fox") for f in SAME_NAME_FOLDERS] + [(f, "nyt") for f in SAME_NAME_FOLDERS[:2]]
    for (folder, name), seed in zip(names, seeds, strict=True):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / f"{name}.txt").write_bytes(seed.read_bytes())
    return [str(root / f) for f in SAME_NAME_FOLDERS]


@pytest.fixture(scope="session")
def same_name(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Comparison]:
    """The same-name corpus on disk and its comparison."""
    paths = write_same_name_corpus(tmp_path_factory.mktemp("same-name"))
    return paths, compare(paths)

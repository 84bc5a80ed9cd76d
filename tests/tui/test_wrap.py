"""The line wrap the alignment and the analysis screens measure and paint with: the fast path
for plain ASCII text cuts exactly where the general word-by-word wrap does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff.tui.widgets.text import _NARROW, _wrap_narrow, _wrap_words, wrap_offsets
from tests.tui.conftest import SEEDS

# long and short words, runs of spaces, words longer than a line
WORDS = st.text(alphabet="ab “—é ", min_size=1, max_size=120).filter(
    lambda t: not t.startswith(" "))


@settings(max_examples=400, deadline=None)
@given(WORDS, st.integers(min_value=1, max_value=30))
def test_the_narrow_wrap_cuts_where_the_word_wrap_does(text: str, width: int) -> None:
    assert _wrap_narrow(text, width) == _wrap_words(text, width)


def test_the_seed_articles_wrap_the_same_either_way() -> None:
    checked = 0
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            paragraph = paragraph.strip()
            if not paragraph or not _NARROW.issuperset(paragraph):
                continue
            for width in (7, 19, 33, 58, 101):
                assert _wrap_narrow(paragraph, width) == _wrap_words(paragraph, width)
                assert wrap_offsets(paragraph, width) == _wrap_words(paragraph, width)
                checked += 1
    assert checked > 50


def test_the_narrow_characters_are_one_cell_and_only_the_space_is_whitespace() -> None:
    from rich.cells import cell_len

    assert all(cell_len(c) == 1 for c in _NARROW)
    assert [c for c in _NARROW if c.isspace()] == [" "]
    assert {"“", "”", "’", "—", "–", "…", "é"} <= _NARROW


def test_text_with_wide_characters_or_tabs_takes_the_word_wrap() -> None:
    # a CJK word takes two cells a character; a tab is whitespace the fast path leaves alone
    assert wrap_offsets("東京 東京 東京", 5) == (0, 3, 6)
    assert wrap_offsets("ab\tcd ef", 5) == _wrap_words("ab\tcd ef", 5)

"""The word diff (corpusdiff.diff) on its own: spans, folding, marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff.diff import changed_spans, marked, word_diff


def test_spans_cover_both_sentences_in_order() -> None:
    a = "The council voted 7-2 on Tuesday."
    b = "The council voted 6-3 on Wednesday night."
    spans = word_diff(a, b)
    assert spans[0].tag == spans[-1].tag == "equal"
    changed = [(a[s.a_start:s.a_end], b[s.b_start:s.b_end]) for s in spans if s.tag != "equal"]
    # a tally's dash is a token of its own: only the numbers differ
    assert changed == [("7", "6"), ("2", "3"), ("Tuesday", "Wednesday night")]


def test_quote_marks_apostrophes_and_dashes_are_no_difference() -> None:
    a = "“Go home,” the mayor’s aide said — twice."
    b = "\"Go home,\" the mayor's aide said - twice."
    assert [s.tag for s in word_diff(a, b)] == ["equal"]
    assert changed_spans(a, b) == ([], [])


def test_whitespace_is_never_a_difference() -> None:
    assert changed_spans("The  bridge\nclosed.", "The bridge closed.") == ([], [])


def test_an_inserted_clause_is_one_insert() -> None:
    a = "The bridge closes on Monday."
    b = "The bridge, built in 1931, closes on Monday."
    removed, added = changed_spans(a, b)
    assert removed == [] and [b[s:e] for s, e in added] == [", built in 1931,"]


def test_marked_strikes_the_base_words_where_they_would_stand() -> None:
    base = "Officials said the bridge will reopen in June."
    other = "Officials said the bridge will stay closed."
    parts = marked(base, other)
    assert [t for t, mark in parts if mark == "insert"] == ["stay closed"]
    assert [t for t, mark in parts if mark == "delete" and not t.isspace()] == ["reopen in June"]
    assert "".join(t for t, mark in parts if mark != "delete") == other


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab c.,“”—-'’\n")), max_size=40),
       st.text(alphabet=st.sampled_from(list("ab c.,“”—-'’\n")), max_size=40))
def test_spans_are_ordered_and_inside_the_texts(a: str, b: str) -> None:
    last_a = last_b = 0
    for s in word_diff(a, b):
        assert last_a <= s.a_start <= s.a_end <= len(a)
        assert last_b <= s.b_start <= s.b_end <= len(b)
        last_a, last_b = s.a_end, s.b_end
    assert "".join(t for t, mark in marked(a, b) if mark != "delete") == b

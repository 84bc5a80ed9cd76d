"""The word diff (corpusdiff.diff) on its own: spans, folding, marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff.diff import (
    _TOKEN,
    changed_spans,
    keys_and_offsets,
    marked,
    quotations,
    token_keys,
    word_diff,
)
from corpusdiff.text import FOLD


def test_spans_cover_both_sentences_in_order() -> None:
    a = "The council voted 7-2 on Tuesday."
    b = "The council voted 6-3 on Wednesday night."
    spans = word_diff(a, b)
    assert spans[0].tag == spans[-1].tag == "equal"
    changed = [(a[s.a_start:s.a_end], b[s.b_start:s.b_end]) for s in spans if s.tag != "equal"]
    # the tally changes as one (its dash is no anchor); "on" is kept: it is longer than the
    # changes beside it would be apart
    assert changed == [("7-2", "6-3"), ("Tuesday", "Wednesday night")]


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
    assert "".join(t for t, mark in marked(a, b, quoted=True)) == b


def _changes(a: str, b: str) -> list[tuple[str, str]]:
    return [(a[s.a_start:s.a_end], b[s.b_start:s.b_end]) for s in word_diff(a, b)
            if s.tag != "equal"]


def test_a_change_is_not_anchored_on_small_words() -> None:
    # two replacements around "his" are one change: the reader anchors on content words
    a = "Rep. Smith wrote about his resignation on Friday."
    b = "Rep. Smith wrote thanking his staff on Friday."
    assert _changes(a, b) == [("about his resignation", "thanking his staff")]
    parts = marked(a, b)
    assert [t for t, m in parts if m == "insert"] == ["thanking his staff"]
    assert "".join(t for t, m in parts if m != "delete") == b


def test_small_words_next_to_an_insertion_stay_anchors() -> None:
    # seeds 000 and 001 (group 1): "“The" is where 001's quotation starts in both; merging it
    # into the dropped narration before it would strike the quote's first word
    a = ("When pressed on whether a compromise was possible with federal authorities, she "
         "replied, “The deal that needs to be made is for them to go home.”")
    b = ("“The only deal is for ICE to go home,” she reportedly said, making it clear she had "
         "no interest in working with the agency.")
    changes = _changes(a, b)
    assert changes[0] == ("When pressed on whether a compromise was possible with federal "
                          "authorities, she replied,", "")
    assert ("", "only") in changes
    assert ("them", "ICE") in changes


def test_content_words_still_anchor_between_changes() -> None:
    # seeds: "Karen Bass" is no glue, so the title and the verb are two changes around it
    a = "Los Angeles Mayor Karen Bass said the raids must stop."
    b = "Los Angeles Democratic Mayor Karen Bass demanded the raids must stop."
    assert _changes(a, b) == [("", "Democratic"), ("said", "demanded")]


def test_quotations_are_found_with_curly_and_straight_marks() -> None:
    text = 'He said “go home,” and then "leave now" and “never'
    assert [text[s:e] for s, e in quotations(text)] == ["“go home,”", '"leave now"', "“never"]


def test_no_word_of_the_base_is_struck_inside_a_quotation() -> None:
    # seeds 000 (Fox) quotes only "go home"; 001 quotes "The only deal is for ICE to go home"
    fox = ("Los Angeles Mayor Karen Bass faced sharp backlash Tuesday after demanding that "
           "federal immigration agents “go home,” a remark that quickly drew national attention.")
    blog = "“The only deal is for ICE to go home,” she reportedly said."
    parts = marked(blog, fox)
    assert "".join(t for t, m in parts if m != "delete") == fox
    start, end = quotations(fox)[0]
    pos = 0
    for text, mark in parts:
        if mark == "delete":
            assert not start < pos < end, f"{text!r} struck inside Fox's quotation"
        else:
            pos += len(text)
    struck = " ".join(t for t, m in parts if m == "delete" and not t.isspace())
    assert "she reportedly said" in struck  # outside the quotation the base's words still show


def test_a_quotation_compared_as_a_whole_shows_only_its_own_words() -> None:
    base = "The deal that needs to be made is for them to go home"
    other = "The only deal is for ICE to go home"
    parts = marked(base, other, quoted=True)
    assert all(m != "delete" for _, m in parts)
    assert [t for t, m in parts if m == "insert"] == ["only", "ICE"]
    assert "".join(t for t, _ in parts) == other


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1_ .,'’‘`“”—-\u00e9\u0301\t\n\u2028²"), max_size=40))
def test_token_offsets_are_the_matches_of_the_token_pattern(text: str) -> None:
    found = list(_TOKEN.finditer(text.translate(FOLD)))
    keys, starts, ends = keys_and_offsets(text)
    assert keys == tuple(m.group() for m in found) == token_keys(text)
    assert list(zip(starts, ends, strict=True)) == [m.span() for m in found]


def test_token_offsets_on_a_sentence_with_curly_marks() -> None:
    text = "  “It’s over,” the mayor said — twice.  "
    keys, starts, ends = keys_and_offsets(text)
    assert keys == ('"', "It's", "over", ",", '"', "the", "mayor", "said", "-", "twice", ".")
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)][:2] == ["“", "It’s"]

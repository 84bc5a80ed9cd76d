"""Sentence splitting: a table of hard cases, offsets, headlines, and the seeds."""

from __future__ import annotations

import polars as pl
import pytest

from corpusdiff.ingest import ingest
from corpusdiff.segment import segment, split_paragraph, split_text


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in split_paragraph(text)]


HARD_CASES = [
    # abbreviations and titles
    ("Mr. Smith went to Washington. He stayed.",
     ["Mr. Smith went to Washington.", "He stayed."]),
    ("Dr. Ana Ruiz and Gov. Lee met Sen. Park on Jan. 5 at the U.S. Capitol. They talked.",
     ["Dr. Ana Ruiz and Gov. Lee met Sen. Park on Jan. 5 at the U.S. Capitol.", "They talked."]),
    # basil_framing 08bb9bee (Fox): a plural title cut the list of senators in two
    ("It came from Sen. Roy Blunt, and former Sens. John Ashcroft and Kit Bond. Reps. Lee "
     "and Park agreed.",
     ["It came from Sen. Roy Blunt, and former Sens. John Ashcroft and Kit Bond.",
      "Reps. Lee and Park agreed."]),
    ("He lives at No. 2 Main St. in town. It is small.",
     ["He lives at No. 2 Main St. in town.", "It is small."]),
    ("They used this to send the U.S. Marines into a city. The U.S. The end.",
     ["They used this to send the U.S. Marines into a city.", "The U.S.", "The end."]),
    ("The meeting ran until 10 p.m. The vote followed.",
     ["The meeting ran until 10 p.m.", "The vote followed."]),
    # initials
    ("John F. Kennedy was president. J. R. R. Tolkien wrote books.",
     ["John F. Kennedy was president.", "J. R. R. Tolkien wrote books."]),
    # decimals and money
    ("The repair costs $2.5 million. That is 3.5% more than planned.",
     ["The repair costs $2.5 million.", "That is 3.5% more than planned."]),
    # ellipses
    ("He paused... then went on. Wait… What happened?",
     ["He paused... then went on.", "Wait…", "What happened?"]),
    # a sentence ending inside quote marks
    ("She told them to “go home.” Nobody moved.",
     ["She told them to “go home.”", "Nobody moved."]),
    ('He said "we are done." Then he left.',
     ['He said "we are done."', "Then he left."]),
    # a quote whose attribution follows in lower case stays one sentence
    ("“Go home!” she shouted at the agents. They stayed.",
     ["“Go home!” she shouted at the agents.", "They stayed."]),
    ("“Is this legal?” he asked. No one knew.",
     ["“Is this legal?” he asked.", "No one knew."]),
    # a quotation over several sentences is split at its sentence ends
    ("“We would like the raids to stop. We would like them to go home,” Bass said.",
     ["“We would like the raids to stop.", "We would like them to go home,” Bass said."]),
    # a new quotation opens the next sentence
    ("Covington said so. “ICE isn’t going anywhere.”",
     ["Covington said so.", "“ICE isn’t going anywhere.”"]),
    # brackets and question/exclamation marks
    ("It worked (mostly). Really! Is it over? Yes.",
     ["It worked (mostly).", "Really!", "Is it over?", "Yes."]),
    # numbers starting the next sentence
    ("The vote was close. 12 members voted yes.",
     ["The vote was close.", "12 members voted yes."]),
    # no final period
    ("Council splits 5-2 on shutting Alder Street Bridge",
     ["Council splits 5-2 on shutting Alder Street Bridge"]),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES, ids=[c[0][:30] for c in HARD_CASES])
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_offsets_rebuild_the_text() -> None:
    text = "Headline without period\n\nFirst one. Second one!\n  Third “quoted.” Fourth\n"
    spans = split_text(text)
    assert [text[s:e] for _, s, e in spans] == [
        "Headline without period", "First one.", "Second one!", "Third “quoted.”", "Fourth"]
    assert [p for p, _, _ in spans] == [0, 1, 1, 2, 2]
    # only whitespace lies between sentences
    pos = 0
    for _, s, e in spans:
        assert text[pos:s].strip() == ""
        pos = e
    assert text[pos:].strip() == ""


def test_seed_sentences_keep_offsets_and_kinds() -> None:
    articles, _ = ingest(["seeds"])
    sentences = segment(articles)
    texts = dict(zip(articles["id"], articles["text"], strict=True))
    rebuilt = sentences.select(
        ok=pl.struct("article", "start", "end", "text").map_elements(
            lambda r: texts[r["article"]][r["start"]:r["end"]] == r["text"],
            return_dtype=pl.Boolean)
    )
    assert rebuilt["ok"].all()
    assert sentences.group_by("article").agg(
        (pl.col("index") == pl.int_range(pl.len())).all().alias("dense"))["dense"].all()
    first = sentences.filter(pl.col("index") == 0).sort("article")
    # 000 and 004 open with a headline without a final period; 002 opens with a body sentence
    kinds = dict(zip(first["article"], first["kind"], strict=True))
    assert kinds["000_339f8661db4e05a7"] == "headline"
    assert kinds["004_9b8d3d308970a96a"] == "headline"
    assert kinds["002_46bad65b491da5a9"] == "body"
    # "U.S. Marines" does not end a sentence
    assert sentences.filter(pl.col("text").str.contains("U.S. Marines into an American city"))[
        "text"].str.ends_with("she claimed.").all()


def test_title_case_headline_with_exclamation_is_a_headline() -> None:
    text = "Mayor Sparks Outrage: Agency Operations Must Halt Now!\nThe mayor spoke on Monday."
    frame = pl.DataFrame({"id": ["x"], "text": [text]})
    kinds = segment(frame)["kind"].to_list()
    assert kinds == ["headline", "body"]


def test_a_title_with_a_short_kicker_stays_one_headline() -> None:
    # Fox News' title of a real story: the kicker "'Jail!'" is part of the title, which the
    # headline row must show whole
    text = ("'Jail!' Trump slams 'crooked' Hillary aide Huma, calls on 'Deep State' DOJ to act\n"
            "President Trump went after the aide on Tuesday.")
    frame = segment(pl.DataFrame({"id": ["x"], "text": [text]}))
    assert frame["kind"].to_list() == ["headline", "body"]
    assert frame["text"][0].startswith("'Jail!' Trump slams")


def test_a_title_followed_by_more_text_on_its_line_is_still_split() -> None:
    # the seeds' SEO page: the title, then keywords after "!" on the same line
    text = ("Mayor Sparks Outrage: Agency Operations Must Halt Now! — Mayor agency halt, city "
            "policy 2025, leaders oppose actions\nThe mayor spoke on Monday.")
    frame = segment(pl.DataFrame({"id": ["x"], "text": [text]}))
    assert frame["text"][0] == "Mayor Sparks Outrage: Agency Operations Must Halt Now!"
    assert frame.height == 3

"""conflict_pairs and conflicts share the mentions they read (conflicts._mentions): the answer
is the same whether or not conflict_pairs ran first on the same tables, and a table read before
is not mistaken for another. A corpus where nothing conflicts gives the exact CONFLICTS schema.
The titles of the headline row are compared as close pairs, not as one statement."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from corpusdiff.analyze.conflicts import conflict_pairs, conflicts
from corpusdiff.analyze.fact_pairs import group_pairs
from corpusdiff.analyze.facts import extract_facts
from corpusdiff.model import CONFLICTS, SENTENCES
from corpusdiff.pipeline import compare

ROOT = Path(__file__).resolve().parent.parent
NO_MEMBERS = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String, "index": pl.Int64,
                                  "score": pl.Float64})


def _sentences(texts: dict[str, list[str]]) -> pl.DataFrame:
    rows = [(article, i, 0, 0, len(t), t, "body", None, None)
            for article, lines in texts.items() for i, t in enumerate(lines)]
    return pl.DataFrame(rows, schema=SENTENCES, orient="row")


def _said(found: pl.DataFrame) -> list[tuple[str, str, str]]:
    return found.select("slot", "said_a", "said_b").rows()


EMAILS = {"a": ["The State Department released the emails on Friday."],
          "b": ["The State Department released the emails on Saturday.",
                "The senator spoke to reporters on Sunday."]}
AGENTS = {"a": ["Officials said 300 federal agents were sent to the park."],
          "b": ["Officials said 200 federal agents were sent to the park."]}


def test_conflicts_read_the_same_after_conflict_pairs() -> None:
    frame = _sentences(EMAILS)
    facts = extract_facts(frame)
    pairs = conflict_pairs(facts, NO_MEMBERS, frame)
    after_pairs = conflicts(facts, pairs, frame)
    # another table with the same rows: nothing remembered applies, all is read again
    fresh = conflicts(facts, pairs, frame.clone())
    assert _said(after_pairs) == [("weekday", "Friday", "Saturday")]
    assert after_pairs.equals(fresh)


def test_conflicts_of_another_corpus_are_its_own() -> None:
    emails = _sentences(EMAILS)
    emails_facts = extract_facts(emails)
    conflict_pairs(emails_facts, NO_MEMBERS, emails)  # remembered: the emails' mentions
    agents = _sentences(AGENTS)
    group = pl.DataFrame({"group": [0, 0], "article": ["a", "b"], "index": [0, 0],
                          "score": [1.0, 1.0]})
    found = conflicts(extract_facts(agents), group_pairs(group), agents)
    assert _said(found) == [("number:agents", "300 agents", "200 agents")]


def test_no_conflict_gives_the_conflicts_schema() -> None:
    cmp = compare([ROOT / "seeds"])
    facts = extract_facts(cmp.sentences)
    found = conflicts(facts, conflict_pairs(facts, cmp.members, cmp.sentences), cmp.sentences)
    assert found.is_empty()
    assert found.schema == CONFLICTS


def _story(tmp_path: Path, titles: tuple[str, str]) -> pl.DataFrame:
    """The conflicts of a two-outlet story whose bodies agree, under ``titles``."""
    body = ("The Millbrook City Council voted to close the Alder Street Bridge for repairs.\n"
            "Drivers will use the Route 9 detour while the bridge is closed.\n")
    for name, title in zip(("a", "b"), titles, strict=True):
        (tmp_path / f"{name}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    return compare([tmp_path]).conflicts


def test_titles_of_two_statements_do_not_conflict(tmp_path: Path) -> None:
    # the headline row holds both titles, but they tell two things about two countries
    found = _story(tmp_path, ("Mayor Ruiz praises Mexico as Millbrook bridge closes",
                              "Mayor Ruiz blames Canada for Millbrook bridge delays"))
    assert found.is_empty()


def test_titles_of_one_event_still_conflict(tmp_path: Path) -> None:
    # the same statement with two days: compared as a close pair of sentences
    found = _story(tmp_path, ("Council closes the Alder Street Bridge on Monday",
                              "Council closes the Alder Street Bridge on Tuesday"))
    assert found.select("said_a", "said_b").rows() == [("Monday", "Tuesday")]

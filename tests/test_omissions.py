"""Omissions and coverage on the invented corpus, where who carries what is known."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from corpusdiff.analyze.coverage import article_stats, coverage
from corpusdiff.analyze.facts import extract_facts
from corpusdiff.analyze.omissions import default_k, omissions
from corpusdiff.model import SENTENCES
from corpusdiff.pipeline import compare

ROOT = Path(__file__).resolve().parent.parent


def invented():
    return compare(sorted((ROOT / "tests/data/invented").glob("*.txt")))


def test_default_k_is_a_majority_of_the_others() -> None:
    assert [default_k(n) for n in (2, 3, 4, 5, 6)] == [1, 2, 2, 3, 3]


def test_omissions_rank_what_most_others_carry() -> None:
    cmp = invented()
    om = omissions(cmp.sentences, cmp.members, cmp.article_ids)
    assert om["carried_by"].min() >= default_k(4)
    courier = om.filter(pl.col("article") == "courier")
    # the cost of the repair is in the three other outlets, not in the Courier
    assert courier["carried_by"][0] == 3
    assert any("$4.2 million" in t for t in courier.filter(pl.col("carried_by") == 3)["text"])
    assert "courier" not in courier["outlets"][0]
    # ranked: most carried first within each outlet
    for part in om.partition_by("article"):
        assert part["carried_by"].to_list() == sorted(part["carried_by"], reverse=True)
    # an outlet never "omits" what it carries itself
    carried = cmp.members.select("group", "article").unique()
    ours = om.filter(pl.col("what") == "group").select(
        pl.col("ref").cast(pl.Int64).alias("group"), "article")
    assert ours.join(carried, on=["group", "article"]).is_empty()


def test_k_is_an_option() -> None:
    cmp = invented()
    assert omissions(cmp.sentences, cmp.members, cmp.article_ids, k=3)["carried_by"].min() == 3
    assert omissions(cmp.sentences, cmp.members, cmp.article_ids, k=4).is_empty()


def test_coverage_matrix_and_counts() -> None:
    cmp = invented()
    cov = coverage(cmp)
    assert cov.columns == ["group", "kind", *cmp.article_ids]
    assert cov.height == cmp.groups.height
    assert set(cov.select(cmp.article_ids).unpivot()["value"]) <= {
        "identical", "reworded", "partial", "absent"}
    stats = article_stats(cmp.sentences).sort("id")
    assert (stats["shared"] + stats["unique"] + stats["boilerplate"] == stats["sentences"]).all()


def _sentences(texts: dict[str, list[str]]) -> pl.DataFrame:
    """A sentences table: each article's sentences in order, one paragraph."""
    rows = [(art, i, 0, 0, len(t), t, "body", None, None)
            for art, lines in texts.items() for i, t in enumerate(lines)]
    return pl.DataFrame(rows, schema=SENTENCES, orient="row")


def test_a_number_is_one_fact_with_its_unit() -> None:
    # basil_framing 1b96a5db: Fox's "the Senate's No. 2 Republican" and HuffPost's "Two
    # senators didn't vote" made "NYT leaves out number: 2"; "two men" and "two countries"
    # were one fact on other stories
    texts = {
        "a": ["Cornyn, the Senate's No. 2 Republican, backed it.", "Two senators did not vote.",
              "The final tally was 97-1.", "Two men were charged."],
        "b": ["Two senators did not vote at all.", "The Senate voted 97-1.",
              "Two countries objected."],
        "c": ["The bill now goes to the president.", "The 97 votes came quickly."],
    }
    frame = _sentences(texts)
    facts = extract_facts(frame)
    members = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String, "index": pl.Int64})
    found = omissions(frame, members, list(texts), facts=facts).filter(
        pl.col("what") == "fact", pl.col("fact_kind") == "number")
    # C leaves out the two senators and the tally, and only those: "No. 2" is a rank, and
    # two men are not two countries
    assert sorted(found["ref"]) == ["number:2 senators", "number:97-1 tally"]
    assert set(found["article"]) == {"c"}
    assert found.filter(pl.col("ref") == "number:2 senators")["fact_value"].item() == "2"
    assert found.filter(pl.col("ref") == "number:2 senators")["label"].item() == (
        "number of senators: 2")


def test_a_bare_number_carries_the_counts_of_its_value() -> None:
    # a headline's "More Than 100" may be any count of 100: no outlet that writes it is said
    # to leave out "100 delegates", and the bare number is claimed by no one
    texts = {
        "a": ["He won more than 100 delegates on Tuesday."],
        "b": ["He won more than 100 delegates in the primaries."],
        "c": ["The tally passed 100 after the count."],
        "d": ["The count went on.", "It reached 100."],
    }
    frame = _sentences(texts)
    members = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String, "index": pl.Int64})
    found = omissions(frame, members, list(texts), facts=extract_facts(frame)).filter(
        pl.col("what") == "fact")
    assert not found["ref"].str.starts_with("number:").any()


def test_nine_eleven_is_the_date_of_the_sept_11_attacks() -> None:
    # basil_framing 1b96a5db: HuffPost writes "9/11", Fox and NYT "the Sept. 11 attacks";
    # the report said HuffPost leaves out "date: September 11"
    texts = {
        "a": ["Families of the victims of the Sept. 11 attacks may sue."],
        "b": ["Fifteen of the 19 Sept. 11 hijackers were Saudi nationals."],
        "c": ["Fifteen of the 19 hijackers on 9/11 were Saudi citizens."],
    }
    frame = _sentences(texts)
    facts = extract_facts(frame)
    assert facts.filter(pl.col("text") == "9/11")[["value", "unit"]].row(0) == (
        "--09-11", "event")
    members = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String, "index": pl.Int64})
    found = omissions(frame, members, list(texts), facts=facts)
    assert not found["ref"].str.starts_with("date:").any()

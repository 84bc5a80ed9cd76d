"""Omissions and coverage on the invented corpus, where who carries what is known."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from corpusdiff.analyze.coverage import article_stats, coverage
from corpusdiff.analyze.omissions import default_k, omissions
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

"""The closest sentence elsewhere to a group: ties, and the groups too thin to be omitted."""

from __future__ import annotations

import polars as pl

from corpusdiff.analyze.nearest import nearest_to_groups

#: group 0 carried by a and b, group 1 by a only; c and d score against both
MEMBERS = pl.DataFrame({"group": [0, 0, 1], "article": ["a", "b", "a"], "index": [1, 1, 2]})
PAIRS = pl.DataFrame({
    "article": ["a", "b", "a", "a", "a"], "index": [1, 1, 1, 2, 2],
    "other_article": ["c", "c", "d", "c", "b"], "other_index": [7, 3, 2, 9, 1],
    "score": [0.6, 0.6, 0.4, 0.8, 0.9]})


def test_equal_scores_go_to_the_lowest_index() -> None:
    near = nearest_to_groups(MEMBERS, PAIRS)
    assert near.rows() == [(0, "c", 3, 0.6), (0, "d", 2, 0.4), (1, "b", 1, 0.9),
                           (1, "c", 9, 0.8)]


def test_min_outlets_keeps_only_groups_that_many_outlets_carry() -> None:
    full = nearest_to_groups(MEMBERS, PAIRS)
    assert nearest_to_groups(MEMBERS, PAIRS, min_outlets=2).rows() == (
        full.filter(pl.col("group") == 0).rows())
    assert nearest_to_groups(MEMBERS, PAIRS, min_outlets=3).is_empty()


def test_said_differently_keeps_the_order_of_the_claims() -> None:
    from corpusdiff.analyze.nearest import said_differently

    # claims: outlet b first (display order), then a; within b the most carried group first
    claims = pl.DataFrame({"article": ["b", "b", "a"], "what": ["group"] * 3,
                           "ref": ["7", "2", "5"], "carried_by": [5, 3, 4],
                           "outlets": ["x"] * 3, "text": ["seven", "two", "five"]})
    # the closest sentences come sorted by group, and with rows no claim asks for
    nearest = pl.DataFrame({"group": [1, 2, 5, 7, 9], "article": ["a", "b", "a", "b", "b"],
                            "nearest_index": [0, 1, 2, 3, 4],
                            "nearest_score": [0.9, 0.8, 0.7, 0.6, 0.9]})
    sentences = pl.DataFrame({"article": ["a", "b", "b"], "index": [2, 1, 3],
                              "text": ["A two.", "B one.", "B three."]})
    out = said_differently(claims, nearest, sentences, threshold=0.5)
    assert out.select("article", "group", "nearest_text").rows() == [
        ("b", 7, "B three."), ("b", 2, "B one."), ("a", 5, "A two.")]

"""Check before claiming: an outlet's closest sentence to a statement it seems to leave out, and
the closest sentence elsewhere to a sentence that seems to be only in one outlet.

Both read the alignment's scored sentence pairs (``Alignment.pairs``): the same pair score the
grouping used, over the candidates it considered (each sentence's nearest neighbours in every
other outlet among them). A statement is "said differently" by an outlet when that outlet's
closest sentence scores at least SAYS_DIFFERENTLY, even though the grouping kept them apart
(the sentence already belongs to another group, or the join would have made a group
incoherent).
"""

from __future__ import annotations

import polars as pl

from corpusdiff.model import SAID_DIFFERENTLY, UNALIGNED_NEAREST

#: pair score from which an outlet's closest sentence counts as saying the statement in other
#: words; fitted on the basil dev stories by bench/fit_align.py (omission claims that the gold
#: shows false against true claims kept)
SAYS_DIFFERENTLY = 0.15
#: pair score from which a sentence only in one outlet shows its closest sentence elsewhere: a
#: hint beside every such sentence, so it is kept to candidates the grouping nearly took (below
#: it, on the seeds, the hints are chance neighbours: "Bass's response was unequivocal.")
CLOSEST_ELSEWHERE = 0.52

#: pair score from which a statement omission shows the outlet's closest sentence beside the
#: claim (below it the closest is a chance neighbour): on the 150 judged claims of
#: bench/omission_claims.py, 12 of the 16 false claims whose closest sentence is the one that
#: reports the statement score at least 0.1, 4 of the 60 claims below it
CLOSEST_SHOWN = 0.1
#: group, article, nearest_index, nearest_score: an outlet's closest sentence to a group
NEAREST = pl.Schema({"group": pl.Int64, "article": pl.String, "nearest_index": pl.Int64,
                     "nearest_score": pl.Float64})



def nearest_to_groups(members: pl.DataFrame, pairs: pl.DataFrame,
                      min_outlets: int = 1) -> pl.DataFrame:
    """For each group and each outlet not in it, that outlet's best-scoring sentence against
    any member of the group (only outlets with a scored candidate get a row; ties go to the
    lowest index). ``min_outlets``: only groups that at least this many outlets carry (an
    omission is claimed only for a group k outlets carry: the others need no row)."""
    if members.is_empty() or pairs.is_empty():
        return pl.DataFrame(schema=NEAREST)
    members = members.lazy()
    if min_outlets > 1:
        members = members.filter(pl.col("article").n_unique().over("group") >= min_outlets)
    inside = members.select("group", "article").unique()
    return (
        members.select("group", "article", "index")
        .join(pairs.lazy(), on=["article", "index"])
        .select("group", article="other_article", nearest_index="other_index",
                nearest_score="score")
        .join(inside, on=["group", "article"], how="anti")
        .group_by("group", "article")
        .agg(pl.col("nearest_index").sort_by("nearest_score", "nearest_index",
                                             descending=[True, False]).first(),
             pl.col("nearest_score").max())
        .sort("group", "article")
        .select(NEAREST.names())
        .cast(dict(NEAREST))
        .collect()
    )


def nearest_elsewhere(sentences: pl.DataFrame, pairs: pl.DataFrame,
                      floor: float = CLOSEST_ELSEWHERE) -> pl.DataFrame:
    """For each sentence that is only in its outlet (no group, not boilerplate), the
    best-scoring sentence of another outlet when it scores at least ``floor``."""
    alone = sentences.filter(pl.col("group").is_null() & (pl.col("kind") != "boilerplate"))
    if alone.is_empty() or pairs.is_empty():
        return pl.DataFrame(schema=UNALIGNED_NEAREST)
    return (
        alone.lazy().select("article", "index")
        .join(pairs.lazy().filter(pl.col("score") >= floor), on=["article", "index"])
        .group_by("article", "index")
        .agg(pl.all().sort_by("score", "other_article", "other_index",
                              descending=[True, False, False]).first())
        .sort("article", "index")
        .select("article", "index", near_article="other_article", near_index="other_index",
                near_score="score")
        .join(sentences.lazy().select(near_article="article", near_index="index",
                                      near_text="text"),
              on=["near_article", "near_index"], how="left", maintain_order="left")
        .cast(dict(UNALIGNED_NEAREST))
        .collect()
    )


def said_differently(claims: pl.DataFrame, nearest: pl.DataFrame, sentences: pl.DataFrame,
                     threshold: float = SAYS_DIFFERENTLY) -> pl.DataFrame:
    """The statement omissions (``what`` == "group" rows of the omissions table, before the
    check) whose outlet has a sentence scoring at least ``threshold`` against the statement:
    article, group, carried_by, outlets, text, nearest_index, nearest_score, nearest_text; in
    the order of ``claims`` (per outlet, most carried first)."""
    texts = sentences.select("article", nearest_index="index", nearest_text="text")
    return (
        claims.filter(pl.col("what") == "group")
        .with_columns(group=pl.col("ref").cast(pl.Int64))
        .join(nearest, on=["group", "article"], maintain_order="left")
        .filter(pl.col("nearest_score") >= threshold)
        .join(texts, on=["article", "nearest_index"], how="left", maintain_order="left")
        .select(SAID_DIFFERENTLY.names())
        .cast(dict(SAID_DIFFERENTLY))
    )

"""per_table: the word weights and sentence stems two analyses share are computed once per
sentences table, and forgotten with it."""

from __future__ import annotations

import gc
from pathlib import Path

import polars as pl

from corpusdiff.analyze.fact_pairs import word_weights
from corpusdiff.analyze.per_table import per_table
from corpusdiff.analyze.quotes import sentence_stems
from corpusdiff.clean import mark_boilerplate
from corpusdiff.ingest import ingest
from corpusdiff.segment import segment

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _sentences() -> pl.DataFrame:
    articles, _ = ingest(SEEDS)
    return mark_boilerplate(segment(articles), articles)


def test_same_table_same_answer_a_copy_recomputed_alike() -> None:
    sentences = _sentences()
    weights = word_weights(sentences)
    assert word_weights(sentences) is weights  # kept: conflict_pairs and conflicts share it
    copy = sentences.clone()
    again = word_weights(copy)
    assert again is not weights  # another table: computed for it
    assert again.sort("token").equals(weights.sort("token"))
    stems = sentence_stems(sentences)
    assert sentence_stems(sentences) is stems
    assert {"article", "index", "token"} == set(stems.columns)
    # the stems are the unquoted words of live sentences only
    live = set(sentences.filter(pl.col("kind") != "boilerplate")
               .select("article", "index").iter_rows())
    assert set(stems.select("article", "index").unique().iter_rows()) <= live


def test_answer_dropped_with_its_table() -> None:
    seen: list[int] = []

    @per_table
    def height(frame: pl.DataFrame) -> list[int]:
        seen.append(frame.height)
        return [frame.height]

    sentences = _sentences()
    first = height(sentences)
    assert height(sentences) is first and len(seen) == 1
    del sentences
    gc.collect()
    cells = [c.cell_contents for c in height.__closure__ or () if c.cell_contents is None]
    assert cells == [None]  # the remembered answer went with the table
    other = _sentences().head(3)
    assert height(other) == [3] and seen[-1] == 3

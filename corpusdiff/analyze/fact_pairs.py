"""Which sentences of different outlets :func:`.facts.conflicts` compares: the pair table.

A pair is two sentences of two outlets that state the same thing: both in one alignment group
(``source="group"``), or scored as close by another measure (``source="close"``). Until the
semantic alignment supplies its "says it differently" pairs, :func:`close_pairs` finds close
pairs the cheap way: two mentions of one slot (a weekday, a count of one unit, a month...) whose
surrounding words agree ("the State Department released emails on Friday" / "emails released
by the State Department on Saturday"), in sentences the aligner left apart.

:func:`mention_contexts` and :func:`context_agreement` are the shared measure: the words around
a mention, weighted by their rarity in the corpus, and how much of the lighter side's weight the
other side shares. :func:`.facts.conflicts` uses it to check that a close pair's two mentions
are about the same subject.
"""

from __future__ import annotations

import math

import polars as pl

from corpusdiff.tokens import content_tokens

#: one row per sentence pair to compare; ``group`` is the alignment group that holds both
#: sentences (null for close pairs); article_a < article_b
PAIRS = pl.Schema(
    {
        "group": pl.Int64,
        "article_a": pl.String,
        "index_a": pl.Int64,
        "article_b": pl.String,
        "index_b": pl.Int64,
        "source": pl.String,
    }
)

#: characters read on each side of a mention for its context (clipped to the sentence)
CONTEXT_CHARS = 120
#: two mentions are about the same subject when the words around them share at least this
#: share of the lighter context's weight ...
CONTEXT_SHARE = 0.3
#: ... and at least this many distinct words
CONTEXT_MIN_WORDS = 2


def group_pairs(members: pl.DataFrame) -> pl.DataFrame:
    """Every pair of sentences of two outlets inside one alignment group (schema
    :data:`PAIRS`, ``source="group"``)."""
    m = members.select("group", "article", "index")
    return (
        m.join(m, on="group", suffix="_b")
        .filter(pl.col("article") < pl.col("article_b"))
        .select("group", article_a="article", index_a="index", article_b="article_b",
                index_b="index_b", source=pl.lit("group"))
        .sort("group", "article_a", "index_a", "article_b", "index_b")
        .cast(dict(PAIRS))  # type: ignore[arg-type]
    )


def word_weights(sentences: pl.DataFrame) -> pl.DataFrame:
    """token -> weight: the log inverse share of the corpus's live sentences that use it."""
    live = sentences.filter(pl.col("kind") != "boilerplate")
    n = max(live.height, 1)
    tokens = content_tokens(live, ["article", "index"]).filter(~pl.col("is_number"))
    return (
        tokens.group_by("token").agg(df=pl.struct("article", "index").n_unique())
        .select("token", weight=(pl.lit(float(n + 1)) / (pl.col("df") + 1)).log()
                .clip(lower_bound=math.log(1.5)))
    )


def mention_contexts(mentions: pl.DataFrame, sentences: pl.DataFrame,
                     weights: pl.DataFrame) -> pl.DataFrame:
    """mentions (mid, article, sentence, start, end) -> mid, token, weight: the content words
    of the sentence within :data:`CONTEXT_CHARS` of the mention, the mention's own words left
    out, each counted once."""
    texts = sentences.select("article", pl.col("index").alias("sentence"),
                             pl.col("text").alias("_s"))
    lo = (pl.col("start") - CONTEXT_CHARS).clip(lower_bound=0)
    ctx = (
        mentions.select("mid", "article", "sentence", "start", "end")
        .join(texts, on=["article", "sentence"])
        .select("mid", _ctx=pl.concat_str(
            pl.col("_s").str.slice(lo, pl.col("start") - lo), pl.lit(" \u2016 "),
            pl.col("_s").str.slice(pl.col("end"), CONTEXT_CHARS)))
    )
    return (
        content_tokens(ctx, ["mid"], col="_ctx").filter(~pl.col("is_number"))
        .select("mid", "token").unique()
        .join(weights, on="token")
    )


def context_agreement(pairs: pl.DataFrame, contexts: pl.DataFrame) -> pl.DataFrame:
    """pairs (mid_a, mid_b) -> the pairs whose contexts agree (see :data:`CONTEXT_SHARE`), with
    ``agreement``: the shared weight over the geometric mean of the two contexts' weights (a
    cosine, so that a short context does not win by being short)."""
    totals = contexts.group_by("mid").agg(total=pl.col("weight").sum())
    shared = (
        pairs.select("mid_a", "mid_b").unique()
        .join(contexts.rename({"mid": "mid_a"}), on="mid_a")
        .join(contexts.select(pl.col("mid").alias("mid_b"), "token"), on=["mid_b", "token"])
        .group_by("mid_a", "mid_b").agg(shared=pl.col("weight").sum(), n=pl.len())
        .join(totals.rename({"mid": "mid_a", "total": "total_a"}), on="mid_a")
        .join(totals.rename({"mid": "mid_b", "total": "total_b"}), on="mid_b")
    )
    return shared.filter(
        (pl.col("n") >= CONTEXT_MIN_WORDS)
        & (pl.col("shared") >= CONTEXT_SHARE * pl.min_horizontal("total_a", "total_b"))
    ).select("mid_a", "mid_b",
             agreement=pl.col("shared") / (pl.col("total_a") * pl.col("total_b")).sqrt())


def close_pairs(slots: pl.DataFrame, sentences: pl.DataFrame,
                members: pl.DataFrame) -> pl.DataFrame:
    """Sentence pairs of two outlets, not in one alignment group, holding a mention of one slot
    each whose contexts agree (schema :data:`PAIRS`, ``source="close"``).

    ``slots``: mentions with mid, article, sentence, start, end, slot (see
    :func:`.facts.conflicts`). Candidates are blocked on (slot, context word), so the cost
    follows the shared words, not the square of the mentions."""
    weights = word_weights(sentences)
    contexts = mention_contexts(slots, sentences, weights)
    keyed = contexts.join(slots.select("mid", "article", "slot"), on="mid")
    # a word in too many mentions of a slot says nothing about which one: not a block key
    cap = max(50, int(4 * math.sqrt(max(slots.height, 1))))
    blocks = keyed.filter(pl.len().over("slot", "token") <= cap)
    candidates = (
        blocks.select("slot", "token", mid_a="mid", art_a="article")
        .join(blocks.select("slot", "token", mid_b="mid", art_b="article"),
              on=["slot", "token"])
        .filter(pl.col("art_a") < pl.col("art_b"))
        .select("mid_a", "mid_b").unique()
    )
    agreeing = context_agreement(candidates, contexts).select("mid_a", "mid_b")
    where = slots.select("mid", "article", "sentence")
    same_group = members.select("group", "article", "index")
    pairs = (
        agreeing.join(where.rename({"mid": "mid_a", "article": "article_a",
                                    "sentence": "index_a"}), on="mid_a")
        .join(where.rename({"mid": "mid_b", "article": "article_b", "sentence": "index_b"}),
              on="mid_b")
        .select("article_a", "index_a", "article_b", "index_b").unique()
    )
    grouped = (
        pairs.join(same_group.rename({"article": "article_a", "index": "index_a"}),
                   on=["article_a", "index_a"])
        .join(same_group.rename({"article": "article_b", "index": "index_b"}),
              on=["group", "article_b", "index_b"])
        .select("article_a", "index_a", "article_b", "index_b")
    )
    return (
        pairs.join(grouped, on=["article_a", "index_a", "article_b", "index_b"], how="anti")
        .select(pl.lit(None, pl.Int64).alias("group"), "article_a", "index_a", "article_b",
                "index_b", source=pl.lit("close"))
        .sort("article_a", "index_a", "article_b", "index_b")
        .cast(dict(PAIRS))  # type: ignore[arg-type]
    )


__all__ = ["PAIRS", "close_pairs", "context_agreement", "group_pairs", "mention_contexts",
           "word_weights"]

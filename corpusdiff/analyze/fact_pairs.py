"""Which sentences of different outlets :func:`.conflicts.conflicts` compares: the pair table.

A pair is two sentences of two outlets that state the same thing: both in one alignment group
(``source="group"``), or scored as close by another measure (``source="close"``). Until the
semantic alignment supplies its "says it differently" pairs, :func:`close_pairs` finds close
pairs the cheap way: two mentions of one slot (a weekday, a count of one unit, a month...) whose
surrounding words agree ("the State Department released emails on Friday" / "emails released
by the State Department on Saturday"), in sentences the aligner left apart.

:func:`mention_contexts` and :func:`context_agreement` are the shared measure: the words around
a mention, weighted by their rarity in the corpus, and how much of the lighter side's weight the
other side shares. :func:`.conflicts.conflicts` uses it to check that a close pair's two mentions
are about the same subject.
"""

from __future__ import annotations

import math

import polars as pl

from corpusdiff.analyze.per_table import per_table
from corpusdiff.tokens import STOPWORDS, WORD_PATTERN, content_words, stem_expr

#: one row per sentence pair to compare; ``group`` is the alignment group that holds both
#: sentences (null for close pairs); article_a < article_b. A group row with a null b side
#: names one sentence of the group (:func:`group_members`): it is compared with the group's
#: other outlets
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
#: close pairs are searched among mentions of one slot sharing a context word that at most
#: this many mentions of the slot have (a rare word: the search stays linear)
BLOCK_CAP = 30
#: each mention keeps at most this many close partners, the best agreeing
CLOSE_TOP = 3


def group_members(members: pl.DataFrame) -> pl.DataFrame:
    """One row per sentence of an alignment group that holds sentences of two outlets or more
    (schema :data:`PAIRS`, ``source="group"``, the b side null): the groups
    :func:`.conflicts.conflicts` compares inside, without listing their pairs (a group of n
    sentences has n² / 2)."""
    m = members.select("group", "article", "index")
    return (
        m.filter(pl.col("article").n_unique().over("group") > 1)
        .select("group", article_a="article", index_a="index",
                article_b=pl.lit(None, pl.String), index_b=pl.lit(None, pl.Int64),
                source=pl.lit("group"))
        .unique()
        .sort("group", "article_a", "index_a")
        .cast(dict(PAIRS))  # type: ignore[arg-type]
    )


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


def _words(frame: pl.DataFrame, id_cols: list[str], col: str) -> pl.DataFrame:
    """``id_cols`` + token: each distinct stemmed content word of ``col`` that is not a number
    (the tokens of :func:`corpusdiff.tokens.content_tokens` without their flags, read the
    cheap way: each distinct word is stemmed once)."""
    words = (
        frame.select(*id_cols, word=pl.col(col).str.extract_all(WORD_PATTERN))
        .explode("word")
        .drop_nulls("word")
    )
    # each distinct word is checked and stemmed once per process (tokens.content_words), the
    # rows take it by a join
    stems = content_words(words.get_column("word")).filter(~pl.col("is_number"))
    return words.join(stems, on="word").select(*id_cols, "token").unique()


@per_table
def word_weights(sentences: pl.DataFrame) -> pl.DataFrame:
    """token -> weight: the log inverse share of the corpus's live sentences that use it
    (computed once per sentences table: the close pairs and the conflicts weigh the words of
    one table)."""
    live = sentences.filter(pl.col("kind") != "boilerplate")
    n = max(live.height, 1)
    # a corpus repeats sentences (wire copy): each distinct text is read once, and counts for
    # every sentence that carries it
    texts = live.group_by("text").agg(_n=pl.len())
    return (
        _words(texts.with_row_index("_t"), ["_t"], "text")
        .join(texts.with_row_index("_t").select("_t", "_n"), on="_t")
        .group_by("token").agg(df=pl.col("_n").sum())
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
    return _words(ctx, ["mid"], "_ctx").join(weights, on="token")


#: the words next to a mention that tell what it is about: this many content words each side
WINDOW_WORDS = 4


def window_words(mentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """mentions (mid, article, sentence, start, end) -> mid, token, name: the stemmed
    :data:`WINDOW_WORDS` content words on each side of each mention, each once, and whether
    the word is written as a name (capitalised)."""
    texts = sentences.select("article", pl.col("index").alias("sentence"),
                             pl.col("text").alias("_s"))
    stop = list(STOPWORDS)

    def content(expr: pl.Expr) -> pl.Expr:
        return expr.str.extract_all(WORD_PATTERN).list.eval(
            pl.element().filter(~pl.element().str.to_lowercase().is_in(stop)
                                & ~pl.element().str.contains(r"\p{N}")))

    lo = (pl.col("start") - CONTEXT_CHARS).clip(lower_bound=0)
    words = (
        mentions.select("mid", "article", "sentence", "start", "end")
        .join(texts, on=["article", "sentence"], how="left")
        .select("mid", _w=pl.concat_list(
            content(pl.col("_s").str.slice(lo, pl.col("start") - lo)).list.tail(WINDOW_WORDS),
            content(pl.col("_s").str.slice(pl.col("end"), CONTEXT_CHARS)).list.head(
                WINDOW_WORDS)))
        .explode("_w").drop_nulls("_w")
        .select("mid", name=pl.col("_w").str.contains(r"^\p{Lu}"),
                lower=pl.col("_w").str.to_lowercase().str.replace_all("’", "'"))
    )
    # each distinct word is stemmed once (the regexes are the cost)
    stems = words.select(pl.col("lower").unique()).with_columns(token=stem_expr(pl.col("lower")))
    return (words.join(stems, on="lower").select("mid", "name", "token")
            .unique(["mid", "token"], keep="first", maintain_order=True))


def window_overlap(pairs: pl.DataFrame, windows: pl.DataFrame) -> pl.DataFrame:
    """pairs (mid_a, mid_b) -> mid_a, mid_b, shared: how many words of
    :func:`window_words` the two mentions share (pairs sharing none are left out)."""
    return (
        pairs.select("mid_a", "mid_b").unique()
        .join(windows.select(mid_a="mid", token="token"), on="mid_a")
        .join(windows.select(mid_b="mid", token="token"), on=["mid_b", "token"])
        .group_by("mid_a", "mid_b").agg(shared=pl.len())
    )


def same_subject(found: pl.DataFrame, sentences: pl.DataFrame) -> pl.Series:
    """For rows with article_a, sentence_a, start_a, end_a and the same for b (two mentions
    found to conflict): whether the mentions attach to the same thing: the
    :data:`WINDOW_WORDS` content words on each side of each mention share a word ("released
    Sunday" and "told The Washington Post on Tuesday" are two events)."""
    where = ["article", "sentence", "start", "end"]
    sides = [found.select(**{c: f"{c}_{side}" for c in where}) for side in ("a", "b")]
    # each mention's words are read once, however many rows it is in
    mentions = (pl.concat(sides).unique().sort(where)
                .with_row_index("mid").with_columns(pl.col("mid").cast(pl.Int64)))
    rows = found.select(**{f"{c}_{side}": f"{c}_{side}" for side in ("a", "b") for c in where})
    for side in ("a", "b"):
        rows = rows.join(mentions.rename({c: f"{c}_{side}" for c in [*where, "mid"]}),
                         on=[f"{c}_{side}" for c in where], how="left", maintain_order="left")
    shared = window_overlap(rows, window_words(mentions, sentences))
    return (
        rows.join(shared, on=["mid_a", "mid_b"], how="left", maintain_order="left")
        .select(pl.col("shared").fill_null(0) > 0)
        .to_series()
    )


def context_agreement(pairs: pl.DataFrame, contexts: pl.DataFrame) -> pl.DataFrame:
    """pairs (mid_a, mid_b) -> the pairs whose contexts agree (see :data:`CONTEXT_SHARE`), with
    ``agreement``: the shared weight over the geometric mean of the two contexts' weights (a
    cosine, so that a short context does not win by being short)."""
    shared = (
        pairs.select("mid_a", "mid_b").unique()
        .join(contexts.rename({"mid": "mid_a"}), on="mid_a")
        .join(contexts.select(pl.col("mid").alias("mid_b"), "token"), on=["mid_b", "token"])
        .group_by("mid_a", "mid_b").agg(shared=pl.col("weight").sum(), n=pl.len())
    )
    return _agreeing(shared, contexts)


def _agreeing(shared: pl.DataFrame, contexts: pl.DataFrame) -> pl.DataFrame:
    """mid_a, mid_b, shared (weight), n (words) -> the pairs that agree, with ``agreement``."""
    # sums are rounded: polars adds in no fixed order, and equal agreements (two mentions of
    # one sentence) must tie exactly for the tie-break by mention id to hold
    totals = contexts.group_by("mid").agg(total=pl.col("weight").sum().round(9))
    shared = (
        shared.with_columns(pl.col("shared").round(9))
        .filter(pl.col("n") >= CONTEXT_MIN_WORDS)
        .join(totals.rename({"mid": "mid_a", "total": "total_a"}), on="mid_a")
        .join(totals.rename({"mid": "mid_b", "total": "total_b"}), on="mid_b")
    )
    return shared.filter(
        pl.col("shared") >= CONTEXT_SHARE * pl.min_horizontal("total_a", "total_b")
    ).select("mid_a", "mid_b",
             agreement=(pl.col("shared") / (pl.col("total_a") * pl.col("total_b")).sqrt())
             .round(9))


def close_pairs(slots: pl.DataFrame, contexts: pl.DataFrame,
                members: pl.DataFrame) -> pl.DataFrame:
    """Sentence pairs of two outlets, not in one alignment group, holding a mention of one slot
    each whose contexts agree (schema :data:`PAIRS`, ``source="close"``).

    ``slots``: mentions with mid, article, sentence, start, end, slot (see
    :func:`.conflicts.conflicts`); ``contexts``: their :func:`mention_contexts`. Candidates are
    blocked on (slot, context word), so the cost follows the shared words, not the square of
    the mentions."""
    # articles by number, in the order of their ids (the candidate join compares them)
    keyed = contexts.join(slots.select("mid", "slot", art=pl.col("article").rank("dense")),
                          on="mid")
    # a word in too many mentions of a slot says nothing about which one: not a block key
    keyed = keyed.with_columns(_rare=pl.len().over("slot", "token") <= BLOCK_CAP)
    blocks = keyed.filter(pl.col("_rare"))
    # the candidates and the weight of the words they share, in one join: a shared word is a
    # block key of both (the two mentions fill one slot), or a common word of the slot
    shared = (
        blocks.select("slot", "token", "weight", mid_a="mid", art_a="art")
        .join(blocks.select("slot", "token", mid_b="mid", art_b="art"), on=["slot", "token"])
        .filter(pl.col("art_a") < pl.col("art_b"))
        .group_by("mid_a", "mid_b").agg(shared=pl.col("weight").sum(), n=pl.len())
    )
    common = keyed.filter(~pl.col("_rare")).select("mid", "token", "weight")
    if not common.is_empty():
        extra = (
            shared.select("mid_a", "mid_b")
            .join(common.rename({"mid": "mid_a"}), on="mid_a")
            .join(common.select(pl.col("mid").alias("mid_b"), "token"), on=["mid_b", "token"])
            .group_by("mid_a", "mid_b").agg(_w=pl.col("weight").sum(), _n=pl.len())
        )
        shared = (shared.join(extra, on=["mid_a", "mid_b"], how="left")
                  .with_columns(shared=pl.col("shared") + pl.col("_w").fill_null(0.0),
                                n=pl.col("n") + pl.col("_n").fill_null(0)))
    # each mention keeps its few best partners: on a corpus of many stories, a day or a count
    # told in like words by dozens of sentences is a habit of wording, not one fact
    agreeing = (
        _agreeing(shared, contexts)
        .sort("mid_a", "agreement", "mid_b", descending=[False, True, False])
        .filter(pl.int_range(pl.len()).over("mid_a") < CLOSE_TOP)
        .sort("mid_b", "agreement", "mid_a", descending=[False, True, False])
        .filter(pl.int_range(pl.len()).over("mid_b") < CLOSE_TOP)
        .select("mid_a", "mid_b")
    )
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


__all__ = ["PAIRS", "close_pairs", "context_agreement", "group_members", "group_pairs",
           "mention_contexts", "same_subject", "window_overlap", "window_words", "word_weights"]

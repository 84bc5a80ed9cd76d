"""Content words of sentences as polars expressions: the vocabulary alignment and cleaning share."""

from __future__ import annotations

import polars as pl

from corpusdiff.text import STOPWORDS

#: a word: letters/digits with inner apostrophes, hyphens or decimal points ($2.5, don't, co-op)
WORD_PATTERN = r"[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*"


def normalise_expr(col: str = "text") -> pl.Expr:
    """Lower-case text with quote and dash variants folded and whitespace collapsed."""
    return (
        pl.col(col)
        .str.to_lowercase()
        .str.replace_all(r"[“”„‟″«»]", '"')
        .str.replace_all(r"[‘’‚‛′`]", "'")
        .str.replace_all(r"[‐‑‒–—―−]", "-")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


#: stems are cut to this many characters: responded/response, officials/official meet
STEM_LENGTH = 6


def stem_expr(word: pl.Expr) -> pl.Expr:
    """A light stemmer: plurals, possessives, -ing/-ed stripped, then the first
    ``STEM_LENGTH`` characters (numbers are kept whole)."""
    stripped = (
        word.str.replace(r"['’]s$", "")
        .str.replace(r"^(.{3,})ies$", "${1}y")
        .str.replace(r"^(.{3,}[^s])s$", "${1}")
        .str.replace(r"^(.{3,})ing$", "${1}")
        .str.replace(r"^(.{3,})ed$", "${1}")
        .str.replace(r"^(.{3,})e$", "${1}")
    )
    return pl.when(word.str.contains(r"\p{N}")).then(word).otherwise(
        stripped.str.slice(0, STEM_LENGTH)
    )


def content_tokens(frame: pl.DataFrame, id_cols: list[str], col: str = "text") -> pl.DataFrame:
    """Explode ``frame`` to one row per content word: ``id_cols`` (which identify its rows) +
    token, is_number, is_name, quoted. A name is a capitalised word that does not start the
    sentence; ``quoted`` marks words inside quotation marks."""
    n_words = pl.col("_n") - pl.col("_marks")
    words = (
        frame.select(
            *id_cols,
            pl.col(col)
            .str.replace_all(r"[“”\"]", "\u0001")  # quote marks -> a sentinel kept as a token
            .str.extract_all(WORD_PATTERN + "|\u0001")
            .alias("word"),
            _marks=pl.col(col).str.count_matches(r"[“”\"]").cast(pl.Int64),
        )
        .with_columns(_n=pl.col("word").list.len().cast(pl.Int64))
        # what comes before each row (quote marks, words) once exploded: the counts within a
        # row are then global running counts less these (no window per row)
        .with_columns(_marks0=pl.col("_marks").cum_sum() - pl.col("_marks"),
                      _words0=n_words.cum_sum() - n_words)
        .drop("_marks", "_n")
        .explode("word")
        .drop_nulls("word")
    )
    marks = (pl.col("word") == "\u0001").cast(pl.Int64)
    words = words.with_columns(
        quoted=((marks.cum_sum() - pl.col("_marks0")) % 2 == 1),
    ).filter(pl.col("word") != "\u0001").with_columns(
        pos=pl.int_range(pl.len(), dtype=pl.Int64) - pl.col("_words0"))
    # a corpus repeats its words: each distinct word is lower-cased, checked and stemmed once
    # (regexes are the cost), and the rows take it by a join
    distinct = content_words(words.get_column("word"))
    return (
        words.join(distinct, on="word", how="inner", maintain_order="left")
        .with_columns(is_name=pl.col("_cap") & (pl.col("pos") > 0))
        .select(*id_cols, "token", "is_number", "is_name", "quoted")
    )


#: every word :func:`content_tokens` has read (word, token, is_number, _cap, keep): a word is
#: stemmed once per process, not once per call (the sentences, the nodes, the paragraphs and
#: the quotes of one comparison share their vocabulary); dropped when it grows past
#: LEXICON_MAX words
_known: pl.DataFrame | None = None
LEXICON_MAX = 500_000


def content_words(words: pl.Series) -> pl.DataFrame:
    """word, token, is_number, _cap (capitalised) for the content words among ``words``
    (stopwords and one-letter stems dropped, numbers kept), from the process's table of the
    words read so far (the rows may hold other words too: join on ``word``)."""
    global _known
    distinct = words.unique().to_frame("word")
    known = _known
    if known is not None and known.height > LEXICON_MAX:
        known = None
    new = distinct if known is None else distinct.join(known, on="word", how="anti")
    if known is None or new.height:
        lower = new.with_columns(lower=pl.col("word").str.to_lowercase().str.replace_all("’", "'"))
        new = lower.select(
            "word",
            token=stem_expr(pl.col("lower")),
            is_number=pl.col("word").str.contains(r"\p{N}"),
            _cap=pl.col("word").str.contains(r"^\p{Lu}"),
            # "it's", "that's", "there's": a function word with its 's
            keep=~pl.col("lower").is_in(list(STOPWORDS))
            & ~pl.col("lower").str.strip_suffix("'s").is_in(list(STOPWORDS)),
        ).with_columns(
            keep=pl.col("keep") & ((pl.col("token").str.len_chars() > 1) | pl.col("is_number")))
        known = new if known is None else pl.concat([known, new])
        _known = known
    return known.filter(pl.col("keep")).drop("keep")  # type: ignore[union-attr]

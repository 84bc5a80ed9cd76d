"""Direct quotations with their speakers, and how each outlet words the same statement.

* :func:`extract_quotes` finds every pair of quote marks paragraph by paragraph (curly and
  straight double marks; single marks only in headlines and headings; single marks inside a double
  span belong to it; an unclosed quote runs to the end of its paragraph), classifies the span as a
  ``quote``, a ``scare`` quote (one to three words no speech verb touches: “sanctuary” policies,
  nicknames) or a ``title`` (title case after a work noun or an artist's possessive), and
  attributes a speaker with the patterns of news prose. ``cue`` names the pattern:

  ``X said`` / ``X told`` / ``X wrote`` (subject then verb after the quote, titles, appositives
  and adverbs allowed between), ``said X`` / ``appositive`` (inverted, with a role after the
  name), ``according to``, ``colon`` (``Lee said: “…”``, a block-quote paragraph after an
  introducing paragraph ending in a colon, a headline ``Lee: … ‘…’``), ``before`` (an
  attribution earlier in the sentence: ``Ruiz said the plan was “dead on arrival.”``),
  ``pronoun`` (he/she resolved to the most recent named person of fitting gender; gender from
  first names, honorifics, gendered nouns and pronouns seen with the person; an unnamed
  "a woman" is a referent too, and then the speaker is null), ``continuation`` (the rest of an
  interrupted quote, a quote paragraph after one quoting someone, a quote after a sentence
  reporting someone's words) and ``same quote`` (words the article gives to a named person
  elsewhere, e.g. an embedded post).

  People are normalised within an article ("Governor Ana Lee", "Lee", "the governor" are
  "Ana Lee", role "Governor"); institutions speak too ("White House"). No speaker found is null,
  never a guess: ``confidence`` is how sure the speaker value (a name or null) is, from 0.95 for
  ``X said`` down to 0.6 for a pronoun whose referent's gender is unknown and 0.3 when no cue
  was found at all.
* :func:`compare_quotes` matches the same statement across outlets (``quote_group``) and labels
  each quote ``verbatim``, ``trimmed``, ``reworded``, ``misattributed`` or ``exclusive``.
* :func:`paraphrased` lists quotes that another outlet reports without quote marks.

Everything is rule based on the text (no model). For each article, :mod:`.quote_spans` finds
the quote marks, :mod:`.mentions` the people the article names and :mod:`.speakers` who said
each quote, with the vocabulary of :mod:`.quote_words` (general English news usage, not the
words of any one corpus); this module holds the tables and the comparison across outlets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from functools import lru_cache

import numpy as np
import polars as pl
from rapidfuzz import fuzz

from corpusdiff.analyze.quote_spans import fold
from corpusdiff.analyze.speakers import article_quotes
from corpusdiff.model import PARAPHRASES, QUOTE_MARKS, QUOTES
from corpusdiff.tokens import content_tokens

KINDS = ("quote", "scare", "title")


class Variant(StrEnum):
    """How a quote relates to the same statement in the other outlets (the ``variant`` column;
    the exported strings are the values)."""

    VERBATIM = "verbatim"
    TRIMMED = "trimmed"
    REWORDED = "reworded"
    MISATTRIBUTED = "misattributed"
    EXCLUSIVE = "exclusive"


VARIANTS = tuple(v.value for v in Variant)


class _Relation(IntEnum):
    """How one quote relates to one quote of another outlet, strongest first (a quote takes its
    strongest relation); both ways of trimming are the variant "trimmed"."""

    VERBATIM = 0
    MISATTRIBUTED = 1
    PART = 2  # its words are a part of the other's
    REWORDED = 3
    WHOLE = 4  # it holds all of the other's words

    @property
    def variant(self) -> Variant:
        return _VARIANT_OF[self]


_VARIANT_OF = {
    _Relation.VERBATIM: Variant.VERBATIM, _Relation.MISATTRIBUTED: Variant.MISATTRIBUTED,
    _Relation.PART: Variant.TRIMMED, _Relation.REWORDED: Variant.REWORDED,
    _Relation.WHOLE: Variant.TRIMMED,
}


def extract_quotes(articles: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Every quoted span of every article with its kind and speaker (schema :data:`QUOTE_MARKS`),
    in article order then text order."""
    rows: list[tuple[object, ...]] = []
    parts: dict[str, list[tuple[int, int, int, int, str]]] = {}
    s = sentences.sort("article", "index")
    for art_id, *rest in zip(s["article"], s["index"], s["paragraph"], s["start"], s["end"],
                             s["kind"], strict=True):
        parts.setdefault(art_id, []).append(tuple(rest))  # type: ignore[arg-type]
    for ident, text in zip(articles["id"], articles["text"], strict=True):
        sents = parts.get(ident)
        if not sents or text is None:
            continue
        rows.extend(article_quotes(ident, text, sents))
    return pl.DataFrame(rows, schema=QUOTE_MARKS, orient="row")


# --------------------------------------------------------------------------------------------
# across outlets
# --------------------------------------------------------------------------------------------

#: content-word overlap (Jaccard) for "reworded": alone, or with the sentences aligned
_REWORDED_SIM, _REWORDED_ALIGNED_SIM = 0.4, 0.2
#: a quote "contains" another outlet's only from this many words (shorter ones: coincidence)
_MIN_CONTAINED, _MIN_MISATTRIBUTED = 2, 3


#: how many of a quote's rarest content words find its candidates in other outlets
_BLOCK_WORDS = 4


#: rapidfuzz score from which two word strings are the same words (ratio) or one is in the
#: other (partial_ratio)
_FUZZY_EQUAL = 95


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


# compared by identity, never printed: no generated __eq__/__repr__ (a cheaper import)
@dataclass(eq=False, repr=False)
class _Row:
    pos: int
    article: str
    paragraph: int
    text: str
    speaker: str | None
    words: str  # folded text
    stems: frozenset[str]
    groups: frozenset[int]  # alignment groups of the quote's sentences
    statement: str = ""  # folded text of the whole statement the row is a piece of


def _relation(a: _Row, b: _Row) -> tuple[_Relation, float] | None:
    """How row ``a`` relates to row ``b`` of another outlet: (relation, similarity), or None."""
    # wire copy repeats the same quote in many outlets: the same texts meet again and again
    return _text_relation(a.words, a.statement, a.speaker, a.stems, b.words, b.statement,
                          b.speaker, b.stems, bool(a.groups & b.groups))


@lru_cache(maxsize=1 << 16)
def _text_relation(a_words: str, a_statement: str, a_speaker: str | None,
                   a_stems: frozenset[str], b_words: str, b_statement: str,
                   b_speaker: str | None, b_stems: frozenset[str],
                   aligned: bool) -> tuple[_Relation, float] | None:
    shared = len(a_stems & b_stems)
    union = len(a_stems | b_stems)
    sim = shared / union if union else 0.0
    conflict = a_speaker is not None and b_speaker is not None and a_speaker != b_speaker
    na, nb = len(a_words.split()), len(b_words.split())
    # cheap tests first; rapidfuzz with a score_cutoff returns 0 below it (same outcome)
    equal = a_words == b_words or (min(na, nb) >= 5 and fuzz.ratio(
        a_words, b_words, score_cutoff=_FUZZY_EQUAL) >= _FUZZY_EQUAL)
    a_in_b = na >= _MIN_CONTAINED and (_contains(b_words, a_words)
                                       or _contains(b_statement, a_words)
                                       or (na >= 5 and nb > na and fuzz.partial_ratio(
                                           a_words, b_statement, score_cutoff=_FUZZY_EQUAL)
                                           >= _FUZZY_EQUAL))
    b_in_a = nb >= _MIN_CONTAINED and (_contains(a_words, b_words)
                                       or _contains(a_statement, b_words))
    if equal and not conflict:
        return _Relation.VERBATIM, 1.0
    if conflict:
        same_words = equal or (a_in_b and na >= _MIN_MISATTRIBUTED) or (
            b_in_a and nb >= _MIN_MISATTRIBUTED)
        return (_Relation.MISATTRIBUTED, max(sim, 0.9)) if same_words else None
    if a_in_b:
        return _Relation.PART, sim
    if b_in_a:
        return _Relation.WHOLE, sim
    if (shared >= 3 and sim >= _REWORDED_SIM) or (
            aligned and shared >= 2 and sim >= _REWORDED_ALIGNED_SIM):
        return _Relation.REWORDED, sim
    return None


def _rows(quotes: pl.DataFrame, members: pl.DataFrame | None) -> list[_Row]:
    """The kind=quote rows of ``quotes`` with folded words, content stems, alignment groups and
    the statement each is a piece of."""
    q = quotes.with_row_index("_pos").filter(pl.col("kind") == "quote")
    stems = content_tokens(q.select("_pos", "text"), ["_pos"])
    by_pos: dict[int, set[str]] = {}
    for pos, token in zip(stems["_pos"], stems["token"], strict=True):
        by_pos.setdefault(pos, set()).add(token)
    aligned: dict[tuple[str, int], int] = {}
    if members is not None and members.height:
        aligned = {(a, i): g for a, i, g in zip(members["article"], members["index"],
                                                members["group"], strict=True)}
    rows: list[_Row] = []
    for r in q.iter_rows(named=True):
        groups = frozenset(aligned[(r["article"], i)]
                           for i in range(r["sentence"], r["end_sentence"] + 1)
                           if (r["article"], i) in aligned)
        rows.append(_Row(r["_pos"], r["article"], r["paragraph"], r["text"], r["speaker"],
                         fold(r["text"]), frozenset(by_pos.get(r["_pos"], ())), groups))
    # pieces of one statement: consecutive quotes of one speaker in one paragraph
    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and rows[j].article == rows[i].article and \
                rows[j].paragraph == rows[i].paragraph and rows[j].speaker is not None and \
                rows[j].speaker == rows[i].speaker:
            j += 1
        joined = " ".join(r.words for r in rows[i:j])
        for r in rows[i:j]:
            r.statement = joined
        i = j
    return rows


def _may_relate(pairs: pl.DataFrame, stems: pl.DataFrame, reps: list[_Row]) -> pl.DataFrame:
    """The candidate ``pairs`` (keys a, b; ``reps`` their rows) for which :func:`_text_relation`
    can find a relation in one direction or the other, in the same order: those sharing two
    content words (reworded), or whose words are equal or one in the other (verbatim, trimmed,
    misattributed). The same tests, vectorised where they can be: most candidates share one
    rare word only."""
    if pairs.is_empty():
        return pairs
    shared = (
        pairs.join(stems.rename({"key": "a"}), on="a")
        .join(stems.rename({"key": "b", "token": "token_b"}), left_on=["b", "token"],
              right_on=["b", "token_b"])
        .group_by("a", "b").len("shared")
    )
    keys = pl.DataFrame(
        {"k": range(len(reps)),
         "w": [f" {r.words} " for r in reps],
         "st": [f" {r.statement} " for r in reps],
         "n": [len(r.words.split()) for r in reps]},
        schema={"k": pl.Int64, "w": pl.String, "st": pl.String, "n": pl.Int64})
    p = (
        pairs.with_row_index("_order")
        .join(shared, on=["a", "b"], how="left")
        .join(keys.rename(lambda c: c + "_a"), left_on="a", right_on="k_a")
        .join(keys.rename(lambda c: c + "_b"), left_on="b", right_on="k_b")
        .with_columns(
            # _contains(longer, shorter) on padded strings, both ways, words and statements
            sub=((pl.col("n_a") >= _MIN_CONTAINED) & (
                pl.col("w_b").str.contains(pl.col("w_a"), literal=True)
                | pl.col("st_b").str.contains(pl.col("w_a"), literal=True)))
            | ((pl.col("n_b") >= _MIN_CONTAINED) & (
                pl.col("w_a").str.contains(pl.col("w_b"), literal=True)
                | pl.col("st_a").str.contains(pl.col("w_b"), literal=True)))
            | (pl.col("w_a") == pl.col("w_b")),
        )
        .sort("_order")
    )
    keep = ((p["shared"].fill_null(0) >= 2) | p["sub"]).to_list()
    a_idx, b_idx, n_a, n_b = p["a"].to_list(), p["b"].to_list(), p["n_a"].to_list(), \
        p["n_b"].to_list()
    # the fuzzy tests of _text_relation (both from five words), for the pairs still undecided
    for i in range(len(keep)):
        if keep[i] or min(n_a[i], n_b[i]) < 5:
            continue
        a, b = reps[a_idx[i]], reps[b_idx[i]]
        if n_a[i] > n_b[i]:
            a, b = b, a  # the shorter quote's words in the longer one's statement
        keep[i] = fuzz.ratio(a.words, b.words, score_cutoff=_FUZZY_EQUAL) >= _FUZZY_EQUAL or (
            n_a[i] != n_b[i] and fuzz.partial_ratio(a.words, b.statement,
                                                     score_cutoff=_FUZZY_EQUAL) >= _FUZZY_EQUAL)
    return p.filter(pl.Series(keep)).select("a", "b")


def compare_quotes(quotes: pl.DataFrame, members: pl.DataFrame | None = None) -> pl.DataFrame:
    """Match each quote with the same statement in the other outlets (schema :data:`QUOTES`).

    Quotes of two outlets are candidates when they share a content word; a quote is
    ``verbatim`` when its words equal another outlet's (quote marks, dashes, case and
    punctuation folded), ``trimmed`` when one's words are a part of the other's (or of the whole
    statement the other outlet splits in pieces), ``reworded`` when the same speaker says the same
    content in other words (content-word overlap, more lenient when the alignment ``members``
    put the two sentences in one group), ``misattributed`` when the same words have another
    speaker, and ``exclusive`` otherwise. ``quote_group`` numbers the connected statements in
    order of first appearance; scare quotes and titles get nulls.
    """
    rows = _rows(quotes, members)
    # wire copy puts the very same quote in many outlets: rows that agree on everything a
    # relation reads share one key, and relations are computed once per pair of keys
    keys: dict[tuple[object, ...], list[int]] = {}
    for k, r in enumerate(rows):
        keys.setdefault((r.words, r.statement, r.speaker, r.groups), []).append(k)
    copies = list(keys.values())
    # candidate pairs: keys where one holds one of the other's rarest content words (a polars
    # join). Every relation needs that (a quote contained in another has all its words there,
    # rarest included), so the cost stays near-linear in the quotes
    stems = pl.DataFrame(
        [(c, s) for c, members_ in enumerate(copies) for s in rows[members_[0]].stems],
        schema={"key": pl.Int64, "token": pl.String}, orient="row")
    rarest = (
        stems.with_columns(df=pl.len().over("token"))
        .sort(["key", "df", "token"])
        .group_by("key", maintain_order=True)
        .head(_BLOCK_WORDS)
    )
    pairs = (
        rarest.join(stems, on="token", suffix="_b")
        .filter(pl.col("key") != pl.col("key_b"))
        .select(a=pl.min_horizontal("key", "key_b"), b=pl.max_horizontal("key", "key_b"))
        .unique().sort("a", "b")
    )
    pairs = _may_relate(pairs, stems, [rows[c[0]] for c in copies])
    parent = list(range(len(rows)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    def other_outlet(x: int, among: list[int]) -> int | None:
        return next((y for y in among if rows[y].article != rows[x].article), None)

    found: dict[int, list[tuple[int, float, int]]] = {}  # row -> (relation, -similarity, other)
    for same in copies:  # the same words in several outlets: verbatim
        for x in same:
            y = other_outlet(x, same)
            if y is not None:
                union(x, y)
                found.setdefault(x, []).append((_Relation.VERBATIM, -1.0, y))
    for ka, kb in zip(pairs["a"], pairs["b"], strict=True):
        for xs, ys in ((copies[ka], copies[kb]), (copies[kb], copies[ka])):
            rel = _relation(rows[xs[0]], rows[ys[0]])
            if rel is None:
                continue
            for x in xs:
                y = other_outlet(x, ys)
                if y is not None:
                    union(x, y)
                    found.setdefault(x, []).append((rel[0], -rel[1], y))
    best: dict[int, tuple[int, float, int]] = {}
    for x, rels in found.items():
        # misattributed only when no other outlet gives these words to the same speaker
        agreed = [r for r in rels if r[0] in (_Relation.VERBATIM, _Relation.PART,
                                               _Relation.WHOLE)]
        best[x] = min(r for r in rels if not agreed or r[0] != _Relation.MISATTRIBUTED)
    for k in range(1, len(rows)):
        if rows[k].statement == rows[k - 1].statement and rows[k].article == rows[k - 1].article:
            union(k, k - 1)
    numbers: dict[int, int] = {}
    n = quotes.height
    group: list[int | None] = [None] * n
    variant: list[str | None] = [None] * n
    m_article: list[str | None] = [None] * n
    m_text: list[str | None] = [None] * n
    m_speaker: list[str | None] = [None] * n
    similarity: list[float | None] = [None] * n
    for k, r in enumerate(rows):
        group[r.pos] = numbers.setdefault(find(k), len(numbers))
        if k in best:
            rank, neg_sim, other = best[k]
            variant[r.pos] = _Relation(rank).variant.value
            m_article[r.pos] = rows[other].article
            m_text[r.pos] = rows[other].text
            m_speaker[r.pos] = rows[other].speaker
            similarity[r.pos] = round(-neg_sim, 3)
        else:
            variant[r.pos] = Variant.EXCLUSIVE.value
    return quotes.with_columns(
        pl.Series("quote_group", group, dtype=pl.Int64),
        pl.Series("variant", variant, dtype=pl.String),
        pl.Series("match_article", m_article, dtype=pl.String),
        pl.Series("match_text", m_text, dtype=pl.String),
        pl.Series("match_speaker", m_speaker, dtype=pl.String),
        pl.Series("similarity", similarity, dtype=pl.Float64),
    ).select(QUOTES.names()).cast(dict(QUOTES))


#: bins of one counting pass of :func:`_shared_words` (quotes x sentences of a slice of quotes:
#: bounds its memory to 32 MiB)
_COUNT_BINS = 1 << 22


def _cat(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, np.int64)


def _shared_words(q_stems: pl.DataFrame, s_stems: pl.DataFrame) -> pl.DataFrame:
    """(_pos, n_words, other_article, other_sentence, shared) for every quote and sentence
    sharing at least three words, exactly: words and sentences as integers, each quote word
    joined with the sentences holding it, and the pairs counted (a bincount) a slice of quotes
    at a time."""
    vocab = q_stems.select("token").unique().with_row_index("w")
    sents = s_stems.select("article", "index").unique().with_row_index("sid")
    s_codes = s_stems.join(vocab, on="token").join(sents, on=["article", "index"]).select(
        "w", "sid")
    quotes = q_stems.select("_pos", "n_words").unique("_pos").sort("_pos").with_row_index("qid")
    pairs = (q_stems.join(vocab, on="token").join(quotes, on="_pos").select("qid", "w")
             .join(s_codes, on="w").select("qid", "sid").sort("qid"))
    n_sents = max(sents.height, 1)
    qid, sid = pairs["qid"].to_numpy(), pairs["sid"].to_numpy()
    step = max(1, _COUNT_BINS // n_sents)  # quotes per slice
    found_q: list[np.ndarray] = []
    found_s: list[np.ndarray] = []
    found_n: list[np.ndarray] = []
    for lo in range(0, quotes.height, step):
        a, b = np.searchsorted(qid, [lo, lo + step])
        counts = np.bincount((qid[a:b].astype(np.int64) - lo) * n_sents + sid[a:b],
                             minlength=step * n_sents)
        cells = np.flatnonzero(counts >= 3)
        found_q.append(cells // n_sents + lo)
        found_s.append(cells % n_sents)
        found_n.append(counts[cells])
    shared = pl.DataFrame({"qid": _cat(found_q), "sid": _cat(found_s), "shared": _cat(found_n)},
                          schema={"qid": pl.UInt32, "sid": pl.UInt32, "shared": pl.UInt32})
    return (
        shared.join(quotes, on="qid")
        .join(sents, on="sid")
        .select("_pos", "n_words", pl.col("article").alias("other_article"),
                pl.col("index").alias("other_sentence"), "shared")
    )


#: a sentence paraphrases a quote when it carries this share of the quote's content words
_PARAPHRASE_COVER, _PARAPHRASE_ALIGNED_COVER, _PARAPHRASE_MIN_WORDS = 0.5, 0.3, 4


def paraphrased(quotes: pl.DataFrame, sentences: pl.DataFrame,
                members: pl.DataFrame | None = None) -> pl.DataFrame:
    """Statements one outlet quotes and another reports without quote marks (schema
    :data:`PARAPHRASES`): for each quote (kind quote, not boilerplate, at least four content
    words) and each other outlet that does not quote the same statement, that outlet's sentence
    whose unquoted words cover most of the quote's content words (at least half; 30% when the
    alignment ``members`` put it in a group with the quote's sentence).
    """
    if "quote_group" not in quotes.columns:
        quotes = compare_quotes(quotes, members)
    q = quotes.with_row_index("_pos").filter(
        (pl.col("kind") == "quote") & ~pl.col("boilerplate"))
    # names are who the statement is about, not what it says
    q_stems = (content_tokens(q.select("_pos", "text"), ["_pos"]).filter(~pl.col("is_name"))
               .select("_pos", "token").unique())
    q_stems = q_stems.join(q_stems.group_by("_pos").len("n_words"), on="_pos").filter(
        pl.col("n_words") >= _PARAPHRASE_MIN_WORDS)
    s = sentences.filter(pl.col("kind") != "boilerplate").select("article", "index", "text")
    s_stems = (content_tokens(s, ["article", "index"]).filter(~pl.col("quoted"))
               .select("article", "index", "token").unique())
    hits = _shared_words(q_stems, s_stems).join(
        q.select("_pos", "article", "sentence", "end_sentence", "text", "speaker",
                 "quote_group"), on="_pos"
    ).filter(pl.col("other_article") != pl.col("article")).with_columns(
        score=pl.col("shared") / pl.col("n_words"))
    # outlets that quote the statement themselves are not paraphrasing it
    carried = quotes.filter(pl.col("quote_group").is_not_null()).select(
        "quote_group", pl.col("article").alias("other_article")).unique()
    hits = hits.join(carried, on=["quote_group", "other_article"], how="anti")
    if members is not None and members.height:
        own = q.select("_pos", "article", "sentence", "end_sentence").join(
            members.select("article", "index", "group"), on="article").filter(
            pl.col("index").is_between(pl.col("sentence"), pl.col("end_sentence"))
        ).select("_pos", "group")
        other = members.select(pl.col("article").alias("other_article"),
                               pl.col("index").alias("other_sentence"), "group")
        aligned = own.join(other, on="group").select(
            "_pos", "other_article", "other_sentence").unique().with_columns(aligned=pl.lit(True))
        hits = hits.join(aligned, on=["_pos", "other_article", "other_sentence"], how="left")
    else:
        hits = hits.with_columns(aligned=pl.lit(None, dtype=pl.Boolean))
    hits = hits.filter(
        (pl.col("shared") >= 3) & ((pl.col("score") >= _PARAPHRASE_COVER)
                                   | (pl.col("aligned").fill_null(False)
                                      & (pl.col("score") >= _PARAPHRASE_ALIGNED_COVER))))
    texts = sentences.select(pl.col("article").alias("other_article"),
                             pl.col("index").alias("other_sentence"),
                             pl.col("text").alias("other_text"))
    return (
        hits.sort("_pos", "other_article", pl.col("score"), "other_sentence",
                  descending=[False, False, True, False])
        .group_by("_pos", "other_article", maintain_order=True).first()
        .join(texts, on=["other_article", "other_sentence"], how="left")
        .with_columns(pl.col("score").round(3))
        .sort("_pos", "other_article")
        .select(PARAPHRASES.names()).cast(dict(PARAPHRASES))
    )

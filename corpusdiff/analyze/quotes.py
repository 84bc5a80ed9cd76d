"""Direct quotations with their speakers, and how each outlet words the same statement.

* :func:`extract_quotes` finds every pair of quote marks paragraph by paragraph (curly and
  straight double marks; single marks only in headlines and headings; single marks inside a double
  span belong to it; an unclosed quote runs to the end of its paragraph), classifies the span as a
  ``quote``, a ``scare`` quote (one to three words no speech verb touches: “sanctuary” policies,
  nicknames; a label after a naming verb: calls himself the “toughest sheriff”; a word or two
  modifying the noun after it: a “catch-and-release” policy) or a ``title`` (title case after a
  work noun or an artist's possessive), and attributes a speaker with the patterns of news
  prose (a dateline, a gerund or the object of a participle is never one). ``cue`` names the
  pattern:

  ``X said`` / ``X told`` / ``X wrote`` (subject then verb after the quote, titles, appositives
  and adverbs allowed between), ``said X`` / ``appositive`` (inverted, with a role after the
  name), ``according to``, ``colon`` (``Lee said: “…”``, a block-quote paragraph after an
  introducing paragraph ending in a colon, a headline ``Lee: … ‘…’``), ``before`` (an
  attribution earlier in the sentence: ``Ruiz said the plan was “dead on arrival.”``),
  ``pronoun`` (he/she resolved to the most recent named person of fitting gender; gender from
  first names, honorifics, gendered nouns and pronouns seen with the person; an unnamed
  "a woman" is a referent too, and then the speaker is null), ``continuation`` (a quote
  paragraph after one quoting someone, a quote after a sentence reporting someone's words, a
  quote inside a sentence no verb reports in a paragraph quoting someone), ``interrupted`` (the
  rest of a quote its attribution interrupts, “We will rebuild,” Lee said, “and we will do it
  together.”, or “…,” Lee said in a statement. “…” with no attribution of its own: the pieces
  are one statement) and ``same quote`` (words the article gives to a named person elsewhere,
  e.g. an embedded post); a quote of four words or more that no verb reports is the words of the
  sentence's subject a few words before it (``before``: Trump attacked “…”).

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

import numpy as np
import polars as pl
from rapidfuzz import fuzz

from corpusdiff.analyze.per_table import per_table
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
    s = sentences.sort("article", "index")
    # each article's sentences are one slice of the sorted columns
    cols = [s[c].to_list() for c in ("index", "paragraph", "start", "end", "kind")]
    counts = s.group_by("article", maintain_order=True).len()
    bounds: dict[str, tuple[int, int]] = {}
    at = 0
    for art_id, n in zip(counts["article"], counts["len"], strict=True):
        bounds[art_id] = (at, at + n)
        at += n
    for ident, text in zip(articles["id"], articles["text"], strict=True):
        if ident not in bounds or text is None:
            continue
        lo, hi = bounds[ident]
        sents = list(zip(*(c[lo:hi] for c in cols), strict=True))
        rows.extend(article_quotes(ident, text, sents))
    if not rows:
        return pl.DataFrame(schema=QUOTE_MARKS)
    return pl.DataFrame(dict(zip(QUOTE_MARKS.names(), map(list, zip(*rows, strict=True)),
                                 strict=True)), schema=QUOTE_MARKS)


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


# compared by identity, never printed: no generated __eq__/__repr__ (a cheaper import)
@dataclass(eq=False, repr=False)
class _Row:
    pos: int
    article: str
    paragraph: int
    text: str
    speaker: str | None
    cue: str | None
    words: str  # folded text
    stems: frozenset[str]
    groups: frozenset[int]  # alignment groups of the quote's sentences
    statement: str = ""  # folded text of the whole statement the row is a piece of


def _rows(quotes: pl.DataFrame, members: pl.DataFrame | None) -> list[_Row]:
    """The kind=quote rows of ``quotes`` with folded words, content stems, alignment groups and
    the statement each is a piece of."""
    q = quotes.with_row_index("_pos").filter(pl.col("kind") == "quote")
    stems = content_tokens(q.select("_pos", "text"), ["_pos"]).group_by("_pos").agg("token")
    by_pos = dict(zip(stems["_pos"].to_list(), stems["token"].to_list(), strict=True))
    aligned: dict[tuple[str, int], int] = {}
    if members is not None and members.height:
        aligned = dict(zip(zip(members["article"].to_list(), members["index"].to_list(),
                               strict=True), members["group"].to_list(), strict=True))
    # wire copy repeats a quote word for word: each distinct text is folded once
    folded: dict[str, str] = {}
    rows: list[_Row] = []
    for pos, art, para, first, last, text, speaker, cue in zip(
            *(q[c].to_list() for c in ("_pos", "article", "paragraph", "sentence",
                                       "end_sentence", "text", "speaker", "cue")), strict=True):
        groups = frozenset(aligned[(art, i)] for i in range(first, last + 1)
                           if (art, i) in aligned)
        words = folded.get(text)
        if words is None:
            words = folded[text] = fold(text)
        rows.append(_Row(pos, art, para, text, speaker, cue, words,
                         frozenset(by_pos.get(pos, ())), groups))
    # pieces of one statement: a quote and the rest its attribution interrupts (two different
    # statements of one speaker, even in one paragraph, stay two)
    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and rows[j].article == rows[i].article and \
                rows[j].paragraph == rows[i].paragraph and rows[j].cue == "interrupted" and \
                rows[j].speaker is not None and rows[j].speaker == rows[i].speaker:
            j += 1
        joined = " ".join(r.words for r in rows[i:j])
        for r in rows[i:j]:
            r.statement = joined
        i = j
    return rows


#: character classes of :func:`_char_counts`: a-z, 0-9, space, then the rest hashed
_CHAR_CLASSES = 64
_CLASS_OF = np.array([ord(c) - 97 if "a" <= c <= "z" else ord(c) - 48 + 26 if "0" <= c <= "9"
                      else 36 if c == " " else 37 + ord(c) % 27 for c in map(chr, range(128))],
                     dtype=np.int64)


def _char_counts(texts: list[str]) -> np.ndarray:
    """How many characters of each class each text holds (texts x :data:`_CHAR_CLASSES`)."""
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    classes = np.where(codes < 128, _CLASS_OF[np.minimum(codes, 127)], 37 + codes % 27)
    rows = np.repeat(np.arange(len(texts)), [len(t) for t in texts])
    return np.bincount(rows * _CHAR_CLASSES + classes,
                       minlength=len(texts) * _CHAR_CLASSES).reshape(len(texts), _CHAR_CLASSES)


def _may_match(counts_a: np.ndarray, counts_b: np.ndarray, need: np.ndarray) -> np.ndarray:
    """Whether the characters two texts have in common (by class, a bound on the characters
    any alignment of them matches) reach ``need``, for rows of counts."""
    return np.minimum(counts_a, counts_b).sum(axis=1) >= need


#: character trigrams are hashed to this many bits (:class:`_Trigrams`)
_GRAM_BITS = 14


class _Trigrams:
    """The character trigrams of some texts, hashed: as needles, the trigrams at every
    ``step``-th position in order; as haystacks (``bits``), a bit set per text of the trigrams
    it has at any position."""

    def __init__(self, texts: list[str], step: int = 1, bits: bool = False) -> None:
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        ends = np.cumsum(lengths)
        cp = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        starts = ends - lengths
        # a trigram starts at every step-th position but the last two of its text
        self.n = (np.maximum(lengths - 2, 0) + step - 1) // step
        self.offset = np.cumsum(self.n) - self.n
        pos = (np.arange(int(self.n.sum())) - np.repeat(self.offset, self.n)) * step \
            + np.repeat(starts, self.n)
        self.codes = (cp[pos] * 961 + cp[pos + 1] * 31 + cp[pos + 2]) % 16381
        self.bits = np.zeros(len(texts) * (1 << (_GRAM_BITS - 3)) if bits else 0, np.uint8)
        if bits and pos.size:
            owner = np.repeat(np.arange(len(texts)), self.n)
            v = np.sort(owner * (1 << _GRAM_BITS) + self.codes)
            byte, bit = v >> 3, (1 << (v & 7)).astype(np.uint8)
            first = np.flatnonzero(np.r_[True, byte[1:] != byte[:-1]])
            self.bits[byte[first]] = np.bitwise_or.reduceat(bit, first)

    def present(self, needles: np.ndarray, hay: _Trigrams, haystacks: np.ndarray
                ) -> np.ndarray:
        """For each pair (``needles[k]`` of these texts, ``haystacks[k]`` of ``hay``): how many
        of the needle's trigram positions hold a trigram the haystack has."""
        if len(needles) > 1 << 14:  # slices bound the memory of the gathered arrays
            return np.concatenate([self.present(needles[lo:lo + (1 << 14)], hay,
                                                haystacks[lo:lo + (1 << 14)])
                                   for lo in range(0, len(needles), 1 << 14)])
        n = self.n[needles]
        total = int(n.sum())
        pair = np.repeat(np.arange(len(needles)), n)
        idx = np.arange(total) - np.repeat(np.cumsum(n) - n, n) + np.repeat(self.offset[needles],
                                                                            n)
        code = self.codes[idx]
        byte = np.repeat(haystacks, n) * (1 << (_GRAM_BITS - 3)) + (code >> 3)
        hit = (hay.bits[byte] >> (code & 7)) & 1
        return np.bincount(pair, weights=hit, minlength=len(needles))


def _may_contain(words: _Trigrams, statements: _Trigrams, lw: np.ndarray, ls: np.ndarray,
                 needles: np.ndarray, haystacks: np.ndarray) -> np.ndarray:
    """Whether partial_ratio(words of ``needles[k]``, statement of ``haystacks[k]``) can reach
    95. It compares the shorter text with windows of the longer no longer than it: a score of 95
    allows D <= 10% of the shorter's length in insertions and deletions (``words``: trigrams
    at every third position, disjoint), and each destroys at most one of its disjoint
    trigrams, so at least (their number - 0.1 length) of them are trigrams of the longer text.
    Pairs whose words are longer than the statement are always tried."""
    ln = lw[needles]
    ok = ln > ls[haystacks]
    rest = np.flatnonzero(~ok)
    if rest.size:
        found = words.present(needles[rest], statements, haystacks[rest])
        ok[rest] = found >= words.n[needles[rest]] - 0.1 * ln[rest] - 0.5
    return ok


def _fuzzy(a: np.ndarray, b: np.ndarray, reps: list[_Row]) -> tuple[np.ndarray, np.ndarray,
                                                                    np.ndarray]:
    """The rapidfuzz tests of :func:`_relations` for key pairs (``a``, ``b``): words equal
    (ratio, both from five words), ``a``'s words in ``b``'s statement and ``b``'s in ``a``'s
    (partial_ratio, the shorter quote from five words). rapidfuzz runs only where the texts
    allow the score: a ratio of 95 needs 95% of the two lengths' mean matched (bounded by the
    characters they share), a partial ratio the trigrams of :func:`_may_contain`."""
    n = np.array([len(r.words.split()) for r in reps], dtype=np.int64)
    words = [r.words for r in reps]
    statements = [r.statement for r in reps]
    lw = np.array([len(t) for t in words], dtype=np.int64)
    ls = np.array([len(t) for t in statements], dtype=np.int64)
    cw = _char_counts(words)
    gw, gs = _Trigrams(words, step=3), _Trigrams(statements, bits=True)
    equal = np.zeros(len(a), dtype=bool)
    a_in_b = np.zeros(len(a), dtype=bool)
    b_in_a = np.zeros(len(a), dtype=bool)
    five = np.minimum(n[a], n[b]) >= 5
    # ratio: 2 * matched / (la + lb), and matched <= the shorter length, <= shared characters
    need = 0.95 * (lw[a] + lw[b]) / 2
    k_eq = np.flatnonzero(five & (np.minimum(lw[a], lw[b]) >= need))
    k_eq = k_eq[_may_match(cw[a[k_eq]], cw[b[k_eq]], need[k_eq])]
    for k in k_eq:
        equal[k] = fuzz.ratio(words[a[k]], words[b[k]], score_cutoff=_FUZZY_EQUAL) \
            >= _FUZZY_EQUAL
    for x, y, into in ((a, b, a_in_b), (b, a, b_in_a)):
        k_in = np.flatnonzero(five & (n[y] > n[x]))
        k_in = k_in[_may_contain(gw, gs, lw, ls, x[k_in], y[k_in])]
        for k in k_in:
            into[k] = fuzz.partial_ratio(words[x[k]], statements[y[k]],
                                         score_cutoff=_FUZZY_EQUAL) >= _FUZZY_EQUAL
    return equal, a_in_b, b_in_a


#: key pairs tested at once by :meth:`_KeySets.count_in` (bounds the memory of its arrays)
_PAIR_SLICE = 1 << 16
#: a :class:`_KeySets` keeps a bitmap of (key, item) up to this many bits (32 MiB)
_BITMAP_BITS = 1 << 28


class _KeySets:
    """A set of integer items per key (words, stems, alignment groups), sorted, for counting
    over many key pairs how many of one key's items the other's set holds (numpy, no join)."""

    def __init__(self, owner: np.ndarray, item: np.ndarray, n_keys: int, width: int) -> None:
        """``owner[i]`` holds ``item[i]`` (items below ``width``; duplicates are not allowed)."""
        order = np.lexsort((item, owner))
        self.items = item[order].astype(np.int64)
        self.off = np.concatenate([[0], np.cumsum(np.bincount(owner, minlength=n_keys))])
        self.width = width
        self.codes = owner[order].astype(np.int64) * width + self.items  # ascending
        self.n_keys = n_keys
        self._bits: np.ndarray | None = None

    def bits(self) -> np.ndarray | None:
        """A bit per (key, item), built when first looked up, where that fits in a few MiB (a
        lookup instead of a search); None when it does not."""
        if self._bits is None and self.n_keys * self.width <= _BITMAP_BITS:
            self._bits = np.zeros((self.n_keys * self.width + 7) // 8, np.uint8)
            byte, bit = self.codes >> 3, (1 << (self.codes & 7)).astype(np.uint8)
            if byte.size:  # codes ascend: the bits of one byte are neighbours
                first = np.flatnonzero(np.r_[True, byte[1:] != byte[:-1]])
                self._bits[byte[first]] = np.bitwise_or.reduceat(bit, first)
        return self._bits

    def count_in(self, x: np.ndarray, y: np.ndarray, other: _KeySets) -> np.ndarray:
        """For each pair k: how many items of key ``x[k]`` here ``other`` holds for ``y[k]``."""
        if len(x) > _PAIR_SLICE:
            return np.concatenate([self.count_in(x[lo:lo + _PAIR_SLICE], y[lo:lo + _PAIR_SLICE],
                                                 other)
                                   for lo in range(0, len(x), _PAIR_SLICE)])
        n = self.off[x + 1] - self.off[x]
        at = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n) + np.repeat(self.off[x], n)
        code = np.repeat(y, n) * other.width + self.items[at]
        bits = other.bits()
        if bits is not None:
            hit = (bits[code >> 3] >> (code & 7)) & 1
        elif len(other.codes):
            found = np.searchsorted(other.codes, code)
            hit = other.codes[np.minimum(found, len(other.codes) - 1)] == code
        else:
            hit = np.zeros(len(code), dtype=bool)
        return np.bincount(np.repeat(np.arange(len(x)), n), weights=hit,
                           minlength=len(x)).astype(np.int64)


def _contained(a: np.ndarray, b: np.ndarray, reps: list[_Row], n: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """For key pairs (a, b): whether a's words (from two) are in b's words or statement, and the
    other way (whole words). Words of a key are in the other's statement only if its two rarest
    words are (integer sets); the strings are compared for those only."""
    texts = pl.DataFrame({"st": [r.statement for r in reps], "w": [r.words for r in reps]},
                         schema={"st": pl.String, "w": pl.String}).with_row_index("k")
    st_words = texts.select("k", word=pl.col("st").str.split(" ")).explode("word").unique()
    vocab = st_words.select("word").unique().with_columns(wid=pl.col("word").rank("dense"))
    st_words = st_words.join(vocab, on="word").select("k", "wid")
    st_sets = _KeySets(st_words["k"].to_numpy().astype(np.int64),
                       st_words["wid"].to_numpy().astype(np.int64), len(reps), vocab.height + 1)
    # each key's two rarest words (by how many statements hold them): its own statement's words
    rarest = (
        texts.select("k", word=pl.col("w").str.split(" ")).explode("word").unique()
        .join(vocab, on="word").join(st_words.group_by("wid").len("df"), on="wid")
        .sort("k", "df", "wid").group_by("k", maintain_order=True).head(2)
    )
    rarest = _KeySets(rarest["k"].to_numpy().astype(np.int64),
                      rarest["wid"].to_numpy().astype(np.int64), len(reps), st_sets.width)
    need = np.diff(rarest.off)
    padded = [f" {r.words} " for r in reps]
    st_padded = [f" {r.statement} " for r in reps]
    out = []
    for x, y in ((a, b), (b, a)):
        hit = np.zeros(len(a), dtype=bool)
        maybe = np.flatnonzero((n[x] >= _MIN_CONTAINED)
                               & (rarest.count_in(x, y, st_sets) == need[x]))
        for k in maybe.tolist():
            kx, ky = int(x[k]), int(y[k])
            hit[k] = padded[kx] in padded[ky] or padded[kx] in st_padded[ky]
        out.append(hit)
    return out[0], out[1]


def _relations(pairs: pl.DataFrame, stems: pl.DataFrame, reps: list[_Row]) -> pl.DataFrame:
    """How the keys of each candidate pair relate, both ways (``reps``: a row of each key):
    columns x, y, rank (a :class:`_Relation`) and sim for the directions that relate, pair by
    pair (a to b, then b to a).

    x's relation to y of another outlet: ``VERBATIM`` when the words are equal (or rapidfuzz
    ratio >= 95 from five words) and the speakers do not conflict; with conflicting speakers
    ``MISATTRIBUTED`` (similarity at least 0.9) when the words are equal or one holds the other's
    (from three words), else none; ``PART`` when x's words (from two) are in y's words or
    statement (or, from five words and with fewer words than y, partial_ratio >= 95 in y's
    statement); ``WHOLE`` when y's are in x's; ``REWORDED`` when they share three content words
    at a Jaccard similarity of 0.4, or two at 0.2 with their sentences aligned. Most candidates
    share one rare word only: every test is vectorised (integer sets per key, gathered by
    pair), rapidfuzz runs where :func:`_fuzzy` cannot rule it out."""
    out_schema = {"x": pl.Int64, "y": pl.Int64, "rank": pl.Int64, "sim": pl.Float64}
    if pairs.is_empty():
        return pl.DataFrame(schema=out_schema)
    a, b = pairs["a"].to_numpy().astype(np.int64), pairs["b"].to_numpy().astype(np.int64)
    n_keys = len(reps)
    # content words the two share
    tok = stems["token"].to_numpy().astype(np.int64)
    stem_sets = _KeySets(stems["key"].to_numpy().astype(np.int64), tok, n_keys,
                         int(tok.max()) + 1 if tok.size else 1)
    shared = stem_sets.count_in(a, b, stem_sets)
    # their sentences in one alignment group
    g_owner = [k for k, r in enumerate(reps) for _g in r.groups]
    g_item = [g for r in reps for g in r.groups]
    group_sets = _KeySets(np.array(g_owner, np.int64), np.array(g_item, np.int64), n_keys,
                          max(g_item, default=0) + 1)
    aligned = group_sets.count_in(a, b, group_sets) > 0
    text_ids: dict[str | None, int] = {None: -1}
    wid = np.array([text_ids.setdefault(r.words, len(text_ids)) for r in reps], np.int64)
    # a statement an attribution interrupts is its pieces' words joined
    sid = np.array([text_ids.setdefault(r.statement, len(text_ids)) for r in reps], np.int64)
    spk = np.array([text_ids.setdefault(r.speaker, len(text_ids)) for r in reps], np.int64)
    n = np.array([len(r.words.split()) for r in reps], np.int64)
    ns = np.array([len(r.stems) for r in reps], np.int64)
    equal, fuzzy_ab, fuzzy_ba = _fuzzy(a, b, reps)
    a_in_b, b_in_a = _contained(a, b, reps, n)
    union = ns[a] + ns[b] - shared
    with np.errstate(divide="ignore", invalid="ignore"):
        sim = np.where(union > 0, shared / np.maximum(union, 1), 0.0)
    p = pl.DataFrame({
        "_order": np.arange(len(a), dtype=np.int64), "a": a, "b": b, "n_a": n[a], "n_b": n[b],
        "fuzzy_ab": fuzzy_ab, "fuzzy_ba": fuzzy_ba, "a_in_b": a_in_b, "b_in_a": b_in_a,
        # the same words, or the same statement split by an inserted attribution ("…," he
        # said in a statement, "…") in one outlet or both
        "equal": (wid[a] == wid[b]) | (sid[a] == sid[b]) | equal,
        "conflict": (spk[a] >= 0) & (spk[b] >= 0) & (spk[a] != spk[b]),
        "shared": shared, "sim": sim, "aligned": aligned,
    })

    def direction(x: str, y: str) -> pl.DataFrame:
        x_in_y = pl.col(f"{x}_in_{y}") | pl.col(f"fuzzy_{x}{y}")
        y_in_x = pl.col(f"{y}_in_{x}")
        same_words = pl.col("equal") | (x_in_y & (pl.col(f"n_{x}") >= _MIN_MISATTRIBUTED)) | (
            y_in_x & (pl.col(f"n_{y}") >= _MIN_MISATTRIBUTED))
        reworded = ((pl.col("shared") >= 3) & (pl.col("sim") >= _REWORDED_SIM)) | (
            pl.col("aligned") & (pl.col("shared") >= 2)
            & (pl.col("sim") >= _REWORDED_ALIGNED_SIM))
        rank = (
            pl.when(pl.col("equal") & ~pl.col("conflict")).then(int(_Relation.VERBATIM))
            .when(pl.col("conflict")).then(
                pl.when(same_words).then(int(_Relation.MISATTRIBUTED)))
            .when(x_in_y).then(int(_Relation.PART))
            .when(y_in_x).then(int(_Relation.WHOLE))
            .when(reworded).then(int(_Relation.REWORDED))
        )
        sim = (pl.when(pl.col("equal") & ~pl.col("conflict")).then(1.0)
               .when(pl.col("conflict")).then(pl.max_horizontal("sim", pl.lit(0.9)))
               .otherwise(pl.col("sim")))
        return p.select("_order", x=pl.col(x), y=pl.col(y), rank=rank, sim=sim,
                        way=pl.lit(0 if x == "a" else 1))

    return (
        pl.concat([direction("a", "b"), direction("b", "a")])
        .drop_nulls("rank").sort("_order", "way").select(list(out_schema)).cast(out_schema)
    )


def _candidate_pairs(owner: np.ndarray, token: np.ndarray, n_keys: int) -> pl.DataFrame:
    """Key pairs (a < b, sorted) where one key holds one of the other's :data:`_BLOCK_WORDS`
    rarest tokens (fewest keys, then lowest id), from ``owner[i]`` holding ``token[i]``: each
    rare token's postings, gathered (numpy, no join)."""
    if not owner.size:
        return pl.DataFrame(schema={"a": pl.Int64, "b": pl.Int64})
    df = np.bincount(token)
    order = np.lexsort((token, df[token], owner))  # by key, then rarity, then token
    key_sorted = owner[order]
    rank = np.arange(len(order)) - np.searchsorted(key_sorted, key_sorted)
    rare = order[rank < _BLOCK_WORDS]
    post_key = owner[np.lexsort((owner, token))]  # the keys holding each token, by token
    post_off = np.concatenate([[0], np.cumsum(df)])
    r_key, r_tok = owner[rare], token[rare]
    n = df[r_tok]
    at = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n) + np.repeat(post_off[r_tok], n)
    x, y = np.repeat(r_key, n), post_key[at]
    x, y = x[x != y], y[x != y]
    code = np.unique(np.minimum(x, y) * n_keys + np.maximum(x, y))
    return pl.DataFrame({"a": code // n_keys, "b": code % n_keys},
                        schema={"a": pl.Int64, "b": pl.Int64})


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
    # candidate pairs: keys where one holds one of the other's rarest content words. Every
    # relation needs that (a quote contained in another has all its words there, rarest
    # included), so the cost stays near-linear in the quotes
    # tokens as integers, numbered in their sort order (ties below break the same way)
    vocab = {t: i for i, t in enumerate(sorted({t for r in rows for t in r.stems}))}
    owner = np.array([c for c, same in enumerate(copies) for _s in rows[same[0]].stems],
                     dtype=np.int64)
    token = np.array([vocab[s] for same in copies for s in rows[same[0]].stems], dtype=np.int64)
    stems = pl.DataFrame({"key": owner, "token": token},
                         schema={"key": pl.Int64, "token": pl.Int64})
    pairs = _candidate_pairs(owner, token, len(copies))
    related = _relations(pairs, stems, [rows[c[0]] for c in copies])
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
    for kx, ky, rank, sim in related.iter_rows():
        ys = copies[ky]
        for x in copies[kx]:
            y = other_outlet(x, ys)
            if y is not None:
                union(x, y)
                found.setdefault(x, []).append((rank, -sim, y))
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


#: sentences tokenised at once by :func:`paraphrased`
_TOKEN_SLICE = 4096

#: bins of one counting pass of :func:`_shared_words` (quotes x sentences of a slice of quotes:
#: bounds its memory to 8 MiB)
_COUNT_BINS = 1 << 20


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
    q_codes = q_stems.join(vocab, on="token").join(quotes, on="_pos").select("qid", "w").sort(
        "qid", "w")
    qid, qw = q_codes["qid"].to_numpy().astype(np.int64), q_codes["w"].to_numpy()
    # the sentences holding each word: an inverted index (postings of word w at
    # post_sid[post_off[w]:post_off[w + 1]])
    s_codes = s_codes.sort("w", "sid")
    post_sid = s_codes["sid"].to_numpy().astype(np.int64)
    post_off = np.concatenate([[0], np.cumsum(np.bincount(s_codes["w"].to_numpy(),
                                                          minlength=vocab.height))])
    n_sents = max(sents.height, 1)
    step = max(1, _COUNT_BINS // n_sents)  # quotes per slice
    found_q: list[np.ndarray] = []
    found_s: list[np.ndarray] = []
    found_n: list[np.ndarray] = []
    for lo in range(0, quotes.height, step):
        a, b = np.searchsorted(qid, [lo, lo + step])
        first, n = post_off[qw[a:b]], post_off[qw[a:b] + 1] - post_off[qw[a:b]]
        pos = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n) + np.repeat(first, n)
        counts = np.bincount((np.repeat(qid[a:b], n) - lo) * n_sents + post_sid[pos],
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


@per_table
def sentence_stems(sentences: pl.DataFrame) -> pl.DataFrame:
    """article, index, token: each content word of a live sentence outside its quotation
    marks, once (computed once per sentences table; the pipeline computes it while the helper
    process extracts the quotes)."""
    s = sentences.filter(pl.col("kind") != "boilerplate").select("article", "index", "text")
    if not s.height:
        return content_tokens(s, ["article", "index"]).select("article", "index", "token")
    # a slice of sentences at a time: the words exploded at once are what the memory holds
    return pl.concat([
        content_tokens(part, ["article", "index"]).filter(~pl.col("quoted"))
        .select("article", "index", "token").unique()
        for part in s.iter_slices(_TOKEN_SLICE)
    ])


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
    hits = _shared_words(q_stems, sentence_stems(sentences)).join(
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
        # only the pairs found are looked up: a group of every outlet's copy of a sentence,
        # joined whole, is quotes x outlets rows
        aligned = (
            hits.select("_pos", "other_article", "other_sentence").unique()
            .join(own, on="_pos")
            .join(other, on=["other_article", "other_sentence", "group"], how="semi")
            .select("_pos", "other_article", "other_sentence").unique()
            .with_columns(aligned=pl.lit(True))
        )
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

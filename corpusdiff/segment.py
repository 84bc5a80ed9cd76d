"""Articles -> sentences, with character offsets into each article's text.

Every line of an article is a paragraph; a paragraph is cut into sentences at ``.``, ``!``, ``?``
or an ellipsis (closing quotes and brackets stay with the sentence they end) when the next word
starts a sentence. Abbreviations, initials, decimals and a quote followed by its lower-case
attribution (``"Go home!" she said``) do not end a sentence. ``text[start:end]`` is always the
sentence, and only whitespace lies between sentences.
"""

from __future__ import annotations

import re

import polars as pl

from corpusdiff.model import SENTENCES

#: titles before a name: never the end of a sentence
TITLES = frozenset(
    "mr mrs ms mx dr prof sen rep gov lt gen col sgt capt cpl pvt maj adm cmdr det insp supt "
    "rev hon pres atty messrs mme mlle st ft mt fr sr jr sec amb asst assoc dept sens reps govs "
    "drs profs gens".split()
)
#: abbreviations that end a sentence only before a word that clearly starts one
ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "sun no nos vol vols fig figs approx est inc ltd co corp bros vs etc al ave blvd rd hwy "
    "univ natl intl ariz calif colo conn fla ill ind kan mass mich minn miss nev okla ore penn "
    "tenn tex va wash wis wyo pp ch art sec op cf".split()
)
#: words that start a sentence after an ambiguous abbreviation (``U.S. The`` vs ``U.S. Marines``)
STARTERS = frozenset(
    "the a an he she it they we i you this that these those there but and so yet or in on at "
    "for after before when while if as meanwhile however still then now his her their its our "
    "my no one some many most both each".split()
)
_NUMBER_ABBREV = frozenset("no nos vol vols fig figs pp ch art sec op".split())

# a run of . ! ? … (the same strings as ellipses and stops in a row), opening with a character
# class so that the re module skips ahead to it
_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+\S)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_INITIAL = re.compile(r"[A-Z]")
_OPENERS = "\"“‘'«([¿¡"
_NEXT_WORD = re.compile(r"(\s*)[\"“‘'«(\[]*([\w’']+)?")
#: how far back a word before a period is looked for
_MAX_WORD = 40


def _is_boundary(para: str, dot_start: int, end: int) -> bool:
    """Whether the terminal punctuation at para[dot_start:end] ends a sentence."""
    # every look is bounded: a paragraph can be megabytes long (no slicing to its end)
    nxt_match = _NEXT_WORD.match(para, end)  # always matches: every part is optional
    nxt = para[nxt_match.end(1)]
    word = nxt_match.group(2) or ""
    opens_capitalised = nxt in _OPENERS and word[:1].isupper()
    # a lower-case (or caseless) word goes on the same sentence: "Go home!" she said
    if not opens_capitalised and nxt.isalnum() and not (nxt.isupper() or nxt.isdigit()):
        return False
    punct = para[dot_start:end]
    if not punct.startswith("."):
        return True  # ! ? and ellipses followed by a capital end a sentence
    if punct.startswith(("...", "…")):
        return True
    token = para[max(0, dot_start - _MAX_WORD):dot_start].rsplit(None, 1)[-1:]
    if not token or para[dot_start - 1:dot_start].isspace():
        return True
    token = token[0].lstrip("\"“‘'«([")
    low = token.lower().rstrip(".")
    if punct.rstrip("\"”’'»)]") != ".":
        return True  # a closing quote or bracket after the period: the sentence is over
    if low in TITLES:
        return False
    if low in _NUMBER_ABBREV and nxt.isdigit():
        return False
    if low in ABBREVIATIONS:
        return word.lower() in STARTERS or not (nxt.isdigit() or nxt.isupper())
    if _DOTTED.fullmatch(token):  # U.S, L.A, a.m, e.g
        return word.lower() in STARTERS
    # an initial (John F. Kennedy) does not end a sentence
    return not _INITIAL.fullmatch(token)


def split_paragraph(para: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(para):
        if m.end() <= start:
            continue
        if _is_boundary(para, m.start(), m.end()):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(para)))
    out = []
    for s, e in spans:
        chunk = para[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


#: a first line of at most this many words, not ending with a full stop, is the title
TITLE_WORDS = 30
#: a title keeps a kicker of at most this many words before its "!" or "?" as part of it
KICKER_WORDS = 3


def _title_line(line: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the article's first line is one title with a short kicker ('Jail!' Trump slams
    ...) rather than a title followed by more text (a subtitle, SEO keywords)."""
    kicker = line[spans[0][0]:spans[-1][0]]
    return (len(line.split()) <= TITLE_WORDS and not line.rstrip().endswith(".")
            and len(kicker.split()) <= KICKER_WORDS)


def split_text(text: str) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of every sentence in ``text``; paragraphs are non-blank lines."""
    out: list[tuple[int, int, int]] = []
    offset = 0
    paragraph = 0
    for line in text.split("\n"):
        if line.strip():
            spans = split_paragraph(line)
            if paragraph == 0 and len(spans) > 1 and _title_line(line, spans):
                spans = [(spans[0][0], spans[-1][1])]
            out.extend((paragraph, offset + s, offset + e) for s, e in spans)
            paragraph += 1
        offset += len(line) + 1
    return out


def segment(articles: pl.DataFrame) -> pl.DataFrame:
    """Articles table -> sentences table (kind headline|body; boilerplate is marked later)."""
    ids: list[str] = []
    paras: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    for ident, text in zip(articles["id"], articles["text"], strict=True):
        for p, s, e in split_text(text):
            ids.append(ident)
            paras.append(p)
            starts.append(s)
            ends.append(e)
            # sliced here: polars slices strings by characters from their start, which is
            # quadratic on a megabyte-long article
            texts.append(text[s:e])
    frame = pl.DataFrame(
        {"article": ids, "paragraph": paras, "start": starts, "end": ends, "text": texts},
        schema={"article": pl.String, "paragraph": pl.Int64, "start": pl.Int64,
                "end": pl.Int64, "text": pl.String},
    ).with_columns(index=pl.int_range(pl.len()).over("article"))
    sentences_in_paragraph = pl.len().over("article", "paragraph")
    words = pl.col("text").str.count_matches(r"\S+")
    long_words = pl.col("text").str.count_matches(r"\b\p{L}{4,}")
    title_case = (
        pl.col("text").str.count_matches(r"\b\p{Lu}\p{L}{3,}") >= 0.6 * long_words
    ) & (long_words >= 2)
    unpunctuated = ~pl.col("text").str.contains(r"[.!?:;,][\"”’')\]]*$")
    first_of_paragraph = pl.col("start") == pl.col("start").min().over("article", "paragraph")
    heading = (
        pl.col("text").str.contains(r"^\W*[\p{Lu}\p{N}]")
        & (words <= 20)
        & (
            ((sentences_in_paragraph == 1) & unpunctuated)
            # a Title Case line is a heading even when it ends with "!" or "?"
            | (title_case & first_of_paragraph & ~pl.col("text").str.ends_with("."))
        )
    )
    frame = frame.with_columns(
        kind=pl.when(heading | ((pl.col("paragraph") == 0) & (sentences_in_paragraph == 1)
                               & (words <= TITLE_WORDS)))
        .then(pl.lit("headline"))
        .otherwise(pl.lit("body")),
        reason=pl.lit(None, dtype=pl.String),
        group=pl.lit(None, dtype=pl.Int64),
    )
    return frame.select(SENTENCES.names()).cast(dict(SENTENCES))


def first_headlines(rows: pl.DataFrame) -> pl.DataFrame:
    """Each article's title: the first row of ``rows`` (article, index, kind, ...) of kind
    ``headline`` in each article (later headline-kind lines are subheadings)."""
    return (rows.filter(pl.col("kind") == "headline").sort("article", "index")
            .group_by("article", maintain_order=True).first())

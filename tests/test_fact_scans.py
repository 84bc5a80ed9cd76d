"""The fact scanners' quick patterns find what their plain forms find.

:mod:`.fact_names` finds its candidate words with a pattern that tells KEEP_LOWER words apart
only by their first characters (a superset, quicker to compile), and :mod:`.fact_quantities`
writes its number, weekday and clock patterns with the word boundary after their first
character (quicker to search). These tests run the plain forms beside them on the seeds and on
texts written for the edge cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpusdiff.analyze import fact_names, fact_quantities
from corpusdiff.analyze.fact_words import KEEP_LOWER

ROOT = Path(__file__).resolve().parent.parent

#: texts for the edges: KEEP_LOWER words with trailing dots, hyphens and apostrophes, words
#: that open like one ("saying", "vice-president"), prefixes of punctuation, non-ASCII letters
EDGES = [
    "The vice-president said. Mayor-elect Ana Lee, a spokeswoman’s aide, said-",
    "He spoke on-air with the sheriff's office; officials' statements, 'on' and “said”.",
    "--Said Lee & Co. _under_ ÉLAN, école, 3rd St. and O’Brien’s U.S. MS-13 WMBK-TV",
    "at 10:30 a.m. on Tuesday, twenty-five agents; a dozen; One; 5pm; 12 PM; Sundays",
    "x1 2x one1 a1 An. zero-sum 7-2 11:05p.m. 9 am, Monday's and Fridayx Saturday",
]


def _seed_sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [line for text in texts for line in text.splitlines() if line.strip()] + EDGES


def test_candidate_words_are_every_word_the_tokens_keep() -> None:
    """_tokens reads the same words as reading every word and keeping what _word_token keeps,
    on the seeds and on each KEEP_LOWER word written plain, with a trailing dot, hyphen or
    apostrophe, and longer."""
    every_word = re.compile(r"(?<![\w&’'.\u2010\u2011-])[_&’'.\u2010\u2011-]*("
                            + fact_names._WORD + ")")
    keep_lower = [f"x {w} y {w}. ({w}-) {w}’ {w}s {w}ing {w}-up, -{w}"
                  for w in sorted(KEEP_LOWER)]
    for text in _seed_sentences() + keep_lower:
        plain = [(m.start(1), info[0]) for m in every_word.finditer(text)
                 if (info := fact_names._word_token(m.group(1))) is not None]
        assert [(t.start, t.text) for t in fact_names._tokens(text)] == plain, text


@pytest.mark.parametrize(("name", "plain"), [
    ("_NUMBER_START", r"\b(?=[\dZOTFSENADzotfsenad])(?:\d|(?:" + "|".join(
        f"[{w[0].upper()}{w[0]}]{w[1:]}"
        for w in sorted(fact_quantities._NUMBER_WORDS, key=len, reverse=True)) + r")\b)"),
    ("_WEEKDAY_RE", r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"),
    ("_CLOCK_RE", r"(?i)\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*"
                  r"(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"),
])
def test_quantity_patterns_match_as_their_plain_forms(name: str, plain: str) -> None:
    quick = getattr(fact_quantities, name)
    for text in _seed_sentences():
        assert [(m.span(), m.groups()) for m in quick.finditer(text)] == \
            [(m.span(), m.groups()) for m in re.finditer(plain, text)], text

"""Word-level diff of two sentences: our "difflib-extras".

The stdlib ``difflib.SequenceMatcher`` aligns the two token sequences (it gives the readable,
longest-common-block diffs people expect); the extras are what a news diff needs on top:
tokens carry character offsets into the original sentences, and curly/straight quote marks,
apostrophes and dash variants compare equal, so "go home,” and "go home," are no difference.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

_TOKEN = re.compile(r"[\w]+(?:[’'.\-][\w]+)*|[^\w\s]", re.UNICODE)
_FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
})

Tag = Literal["equal", "replace", "delete", "insert"]


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark and where it stands in its sentence."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """What the diff compares: quote marks and dashes folded."""
        return self.text.translate(_FOLD)


@dataclass(frozen=True)
class Span:
    """One diff operation in character offsets: ``a[a_start:a_end]`` became
    ``b[b_start:b_end]``."""

    tag: Tag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def tokenize(text: str) -> list[Token]:
    """Words and punctuation marks of ``text`` with their offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def word_diff(a: str, b: str) -> list[Span]:
    """Token-level diff of ``a`` -> ``b`` as spans covering both strings' tokens in order.

    Quote-mark, apostrophe and dash variants are equal; whitespace is never a difference.
    """
    ta, tb = tokenize(a), tokenize(b)
    matcher = difflib.SequenceMatcher(None, [t.key for t in ta], [t.key for t in tb],
                                      autojunk=False)
    spans: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start = ta[i1].start if i1 < i2 else (ta[i1 - 1].end if i1 else 0)
        a_end = ta[i2 - 1].end if i1 < i2 else a_start
        b_start = tb[j1].start if j1 < j2 else (tb[j1 - 1].end if j1 else 0)
        b_end = tb[j2 - 1].end if j1 < j2 else b_start
        spans.append(Span(tag, a_start, a_end, b_start, b_end))  # type: ignore[arg-type]
    return spans


def changed_ratio(a: str, b: str) -> float:
    """Share of tokens (of both sentences) that the diff marks as changed: 0 means the same."""
    return Indel.normalized_distance([t.key for t in tokenize(a)], [t.key for t in tokenize(b)])

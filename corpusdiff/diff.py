"""Word-level diff of two sentences: our "difflib-extras".

rapidfuzz's longest-common-subsequence opcodes align the two token sequences (the same blocks
as the stdlib's ``difflib.SequenceMatcher`` on sentences, about 14 times faster, which matters on
hundreds of articles); an adjacent delete and insert become one replace, as difflib reports
them. The extras are what a news diff needs on top:
tokens carry character offsets into the original sentences, and curly/straight quote marks,
apostrophes and dash variants compare equal, so "go home,” and "go home," are no difference;
and a change is not split by the small words it passes: an equal run made only of function
words and punctuation between two replacements, no longer than either of them, joins them ("about
his resignation" -> "thanking his staff" is one change, not three anchored on "his"), as
diff-match-patch's semantic cleanup does, restricted to words that carry no content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from operator import sub
from typing import Literal

from rapidfuzz.distance import Indel

from corpusdiff.text import FOLD, STOPWORDS

_TOKEN = re.compile(r"\w+(?:[’'.]\w+)*|[^\w\s]", re.UNICODE)
#: a token and the whitespace before it (every character is one or the other)
_SPACE_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")", re.UNICODE)
Tag = Literal["equal", "replace", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Span:
    """One diff operation in character offsets: ``a[a_start:a_end]`` became
    ``b[b_start:b_end]``."""

    tag: Tag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def _folded(text: str) -> str:
    """``text`` with quote, apostrophe and dash variants in ASCII (one character for one)."""
    # translating char by char is slow: most ASCII text has nothing to fold
    return text if text.isascii() and "`" not in text else text.translate(FOLD)


@lru_cache(maxsize=8192)
def keys_and_offsets(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Folded token keys, their start offsets and their end offsets; folding maps one
    character to one, so offsets in the folded text are offsets in ``text``."""
    # tokens and the whitespace between them tile the text: offsets are running sums of
    # lengths (no match object or pair per token: fewer objects for the garbage collector)
    found = _SPACE_TOKEN.findall(_folded(text))
    ends = tuple(accumulate(map(len, chain.from_iterable(found))))[1::2]
    keys = tuple(key for _, key in found)
    return keys, tuple(map(sub, ends, map(len, keys))), ends


@lru_cache(maxsize=8192)
def token_keys(text: str) -> tuple[str, ...]:
    """The keys of :func:`keys_and_offsets` alone, at half the cost."""
    return tuple(_TOKEN.findall(_folded(text)))


def word_diff(a: str, b: str) -> list[Span]:
    """Token-level diff of ``a`` -> ``b`` as spans covering both strings' tokens in order.

    Quote-mark, apostrophe and dash variants are equal; whitespace is never a difference.
    """
    ka, sa, ea = keys_and_offsets(a)
    kb, sb, eb = keys_and_offsets(b)
    spans: list[Span] = []
    for tag, i1, i2, j1, j2 in _merged_opcodes(ka, kb):
        a_start = sa[i1] if i1 < i2 else (ea[i1 - 1] if i1 else 0)
        a_end = ea[i2 - 1] if i1 < i2 else a_start
        b_start = sb[j1] if j1 < j2 else (eb[j1 - 1] if j1 else 0)
        b_end = eb[j2 - 1] if j1 < j2 else b_start
        spans.append(Span(tag, a_start, a_end, b_start, b_end))  # type: ignore[arg-type]
    return spans


def _merged_opcodes(a: tuple[str, ...], b: tuple[str, ...]) -> list[tuple[str, int, int, int, int]]:
    """LCS opcodes with each run of deletes and inserts between two equal blocks merged into
    one operation, then glue islands (see :func:`is_glue`) absorbed into the changes around
    them."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if out and tag != "equal" and out[-1][0] != "equal":
            _, p1, _, q1, _ = out[-1]
            out[-1] = ("replace", p1, i2, q1, j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return _absorb_glue(out, a, b)


def _size(op: tuple[str, int, int, int, int], a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Characters a change touches: the longer of its two sides (tokens, spaces left out)."""
    _, i1, i2, j1, j2 = op
    return max(sum(map(len, a[i1:i2])), sum(map(len, b[j1:j2])))


def is_glue(tokens: tuple[str, ...]) -> bool:
    """Only function words and punctuation: nothing a reader anchors a change on."""
    return all(t.lower() in STOPWORDS or not t[0].isalnum() for t in tokens)


def _absorb_glue(ops: list[tuple[str, int, int, int, int]], a: tuple[str, ...],
                 b: tuple[str, ...]) -> list[tuple[str, int, int, int, int]]:
    """Merge each equal glue island between two replacements, and no longer than either
    (sizes of the original changes, so one merge does not snowball into the next), into one
    replace. An island next to a pure insertion or deletion stays: there it is the anchor
    that shows where the words were added or dropped."""
    join = {k for k in range(1, len(ops) - 1)
            if ops[k][0] == "equal" and ops[k - 1][0] == ops[k + 1][0] == "replace"
            and is_glue(a[ops[k][1]:ops[k][2]])
            and sum(map(len, a[ops[k][1]:ops[k][2]])) <= min(_size(ops[k - 1], a, b),
                                                               _size(ops[k + 1], a, b))}
    if not join:
        return ops
    out: list[tuple[str, int, int, int, int]] = []
    for k, op in enumerate(ops):
        if k in join or (k - 1 in join and out):
            _, p1, _, q1, _ = out[-1]
            out[-1] = ("replace", p1, op[2], q1, op[4])
        else:
            out.append(op)
    return out


def changed_spans(base: str, other: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans that differ: (spans of ``base`` that ``other`` drops or changes,
    spans of ``other`` that it adds or changes)."""
    removed, added = [], []
    for span in word_diff(base, other):
        if span.tag == "equal":
            continue
        if span.a_end > span.a_start:
            removed.append((span.a_start, span.a_end))
        if span.b_end > span.b_start:
            added.append((span.b_start, span.b_end))
    return removed, added


_CLOSING = ".,;:!?”’)]\"'"

Mark = Literal["equal", "insert", "delete"]


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in ``text``, quote marks included: “…” pairs, and
    straight double quotes taken in pairs; an unclosed quotation runs to the end."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for n, ch in enumerate(text):
        if start is None and ch in "“\"":
            start = n
        elif start is not None and ch in "”\"":
            out.append((start, n + 1))
            start = None
    if start is not None:
        out.append((start, len(text)))
    return out


def marked(base: str, other: str, quoted: bool = False) -> list[tuple[str, Mark]]:
    """``other`` as (fragment, mark) pairs: the words it adds over ``base`` marked insert, the
    words of ``base`` it lacks marked delete where they would stand (with the spaces that keep
    them apart from their neighbours). Joining the fragments not marked delete gives ``other``
    back exactly. The report and the TUI both render this one list.

    A quotation is what its outlet says someone said: no word of ``base`` is shown inside one
    of ``other``'s quotations (nor anywhere when ``quoted``: ``other`` is itself a quotation),
    so a struck word never reads as part of the quote; its own words there are still marked.
    """
    spans = [(-1, len(other) + 1)] if quoted else quotations(other)

    def inside(pos: int) -> bool:
        return any(start < pos < end for start, end in spans)

    out: list[tuple[str, Mark]] = []
    pos = 0
    for span in word_diff(base, other):
        if span.b_start > pos:
            out.append((other[pos:span.b_start], "equal"))
            pos = span.b_start
        if span.tag == "equal":
            out.append((other[pos:span.b_end], "equal"))
            pos = max(pos, span.b_end)
            continue
        removed = base[span.a_start:span.a_end]
        added = span.b_end > span.b_start
        if removed and not inside(pos):
            if out and not out[-1][0][-1:].isspace() and not added:
                out.append((" ", "delete"))
            out.append((removed, "delete"))
            nxt = other[pos:pos + 1]
            if added or (nxt and not nxt.isspace() and nxt not in _CLOSING):
                out.append((" ", "delete"))
        if span.b_end > pos:
            out.append((other[pos:span.b_end], "insert"))
            pos = span.b_end
    if pos < len(other):
        out.append((other[pos:], "equal"))
    return [(t, mark) for t, mark in out if t]

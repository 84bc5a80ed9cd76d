"""Where an article's quotes are: its paragraphs and headings, the spans between quote marks
(with the :class:`Quote` and :class:`Attr` records the attribution fills in), and the text with
the quotes masked."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from corpusdiff.text import FOLD

_SINGLE_MARKS = re.compile(r"[‘’']")
_ENDS_SENTENCE = re.compile(r"[.!?:;,…][\"”’')\]]*$")
#: every double quote mark convention: curly and straight marks, guillemets, two apostrophes
#: (the New York Times archive), TeX-style ``…'', low-high „…“ and the low single ‚…‘
#: (the first character as a class, then the rest of a mark that one starts: re skips ahead to
#: the characters that can open a mark)
_MARKS = re.compile(r"[“”«»\"„‚'’‘`](?:(?<=')'{1,2}|(?<=’)’{1,2}|(?<=‘)‘|(?<=`)`|(?<=[“”«»\"„‚]))")
#: what closes a span, by its opening mark
_CLOSERS = {"“": "any", '"': "any", "''": "any", "«": "»", "``": "''\"”", "„": "“”\"",
            "‚": "‘’"}

#: a folded word: apostrophes only between word characters (a lone one separates words)
_FOLD_WORD = re.compile(r"\w+(?:'\w+)*")
#: (opening mark, body start, closing mark or None, end of the span with its marks)
Span = tuple[int, int, int | None, int]


def _find_spans(para: str, headline: bool) -> list[Span]:
    """Every double-quoted span of a paragraph in any convention of :data:`_MARKS`; in a
    headline, single-quoted spans too. Single marks inside a double span are part of it. An
    opening mark without a closing one runs to the end of the paragraph (a quote that goes on in
    the next paragraph opens it again there)."""
    spans: list[Span] = []
    open_at: int | None = None
    body = 0
    closers = ""
    n = len(para)
    for mark in _MARKS.finditer(para):
        i, ch = mark.start(), mark.group()
        size = len(ch)
        if ch[0] in "'’":
            if size == 3 and open_at is not None:  # an inner single mark, then the closer
                i += 1
            size, ch = 2, "''"
        if open_at is not None:
            if ch in closers or (closers == "any" and ch in ("''", '"', "”")):
                spans.append((open_at, body, i, i + size))
                open_at = None
            continue
        after = para[i + size] if i + size < n else " "
        if ch in _CLOSERS and (ch not in ('"', "''") or not after.isspace()):
            open_at, body, closers = i, i + size, _CLOSERS[ch]
    if open_at is not None:
        spans.append((open_at, body, None, n))
    if headline:
        spans.extend((o, o + 1, c, c + 1) for o, c in _single_spans(para, spans))
        spans.sort(key=lambda sp: sp[0])
    return spans


def _single_spans(para: str, doubles: list[Span]) -> list[tuple[int, int]]:
    """Single-quoted spans outside double ones (headline convention); apostrophes never count."""
    inside = [(o, stop) for o, _b, _c, stop in doubles]
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _SINGLE_MARKS.finditer(para):
        i, ch = mark.start(), mark.group()
        if any(o <= i <= c for o, c in inside):
            continue
        before = para[i - 1] if i else " "
        after = para[i + 1] if i + 1 < len(para) else " "
        if open_at is None and ch in "‘'" and (before.isspace() or before in "([—–-:")\
                and after.isalnum():
            open_at = i
        elif open_at is not None and ch in "’'" and not before.isspace() \
                and (after.isspace() or after in ",.;:!?)—–"):
            out.append((open_at, i))
            open_at = None
    return out


# compared by identity, never printed: no generated __eq__/__repr__ (a cheaper import)
@dataclass(eq=False, repr=False)
class Attr:
    """An attribution: who (or explicitly nobody identifiable) said a quote."""

    speaker: str | None
    role: str | None
    cue: str
    confidence: float
    kind: str  # person | inst | unnamed | unknown
    at: int = -1  # where the subject noun phrase starts in the text


@dataclass(eq=False, repr=False)
class Quote:
    """A quoted span: its paragraph (a position in ``paras``), its marks and words (offsets
    into the text), its sentences, its kind and its attribution."""

    para: int
    open_mark: int
    close_mark: int | None
    start: int
    end: int
    headline: bool
    kind: str = "quote"
    attr: Attr | None = None
    sentence: int = 0
    end_sentence: int = 0
    boilerplate: bool = False
    after: int = 0  # the offset after the closing mark (marks may be two characters)


class QuotedArticle:
    """One article's sentences, paragraphs (and which are headings), quote spans, and its text
    with every quote masked by NULs (where names and cues are looked for)."""

    def __init__(self, ident: str, text: str, sentences: list[tuple[int, int, int, int, str]]
                 ) -> None:
        """``sentences``: (index, paragraph, start, end, kind) in text order."""
        self.ident = ident
        self.text = text
        self.s_index = [s[0] for s in sentences]
        self.s_para = [s[1] for s in sentences]
        self.s_start = [s[2] for s in sentences]
        self.s_end = [s[3] for s in sentences]
        self.s_kind = [s[4] for s in sentences]
        self.paras: list[tuple[int, int, int]] = []  # (paragraph, start, end)
        self.headings: set[int] = set()
        members: dict[int, list[int]] = {}
        for i, p in enumerate(self.s_para):
            members.setdefault(p, []).append(i)
        first_para = self.s_para[0] if self.s_para else 0
        for p, idx in members.items():
            start, end = self.s_start[idx[0]], max(self.s_end[i] for i in idx)
            self.paras.append((p, start, end))
            # a headline or heading: single quotes are quote marks there, names are title case
            if any(self.s_kind[i] == "headline" for i in idx):
                self.headings.add(p)
            elif len(idx) == 1:
                ptext = text[start:end]
                n_words = len(ptext.split())
                if (p == first_para and n_words <= 20) or (
                        n_words <= 30 and not _ENDS_SENTENCE.search(ptext)):
                    self.headings.add(p)
        self.quotes: list[Quote] = []
        # the double marks of the whole text, found once: paragraphs without one (most of
        # them) are not searched again, but headings (single marks count there)
        marks = [m.start() for m in _MARKS.finditer(text)]
        pieces: list[str] = []
        done = 0  # text before this offset is in pieces
        for k, (p, start, end) in enumerate(self.paras):
            heading = p in self.headings
            if not heading and bisect.bisect_left(marks, start) == bisect.bisect_left(marks, end):
                continue
            for o, b, c, stop in _find_spans(text[start:end], heading):
                q_close = start + c if c is not None else None
                pieces.append(text[done:start + o])
                pieces.append("\x00" * (stop - o))
                done = start + stop
                q = self._quote(k, start + o, start + b, q_close, end, heading)
                q.after = start + stop
                self.quotes.append(q)
        pieces.append(text[done:])
        self.masked = "".join(pieces)
        self._s_heading = [p in self.headings for p in self.s_para]

    def _quote(self, k: int, q_open: int, body: int, q_close: int | None, para_end: int,
               headline: bool) -> Quote:
        start, end = body, q_close if q_close is not None else para_end
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if q_close is not None and end > start and self.text[end - 1] in ",.":
            end -= 1
        q = Quote(k, q_open, q_close, start, end, headline)
        q.sentence = self.s_index[self.sentence_at(start)]
        q.end_sentence = self.s_index[self.sentence_at(max(start, end - 1))]
        q.boilerplate = self.s_kind[self.sentence_at(start)] == "boilerplate"
        return q

    def sentence_at(self, offset: int) -> int:
        """Position (in the sorted sentence lists) of the sentence holding ``offset``."""
        return max(0, bisect.bisect_right(self.s_start, offset) - 1)

    def heading_at(self, offset: int) -> bool:
        """Whether ``offset`` is in a headline or heading paragraph."""
        return self._s_heading[self.sentence_at(offset)]

    def quote_only(self, k: int) -> bool:
        """Whether paragraph ``k`` holds nothing but quotes (and punctuation)."""
        _p, start, end = self.paras[k]
        return not re.sub(r"[\s\x00.,;:!?—–-]", "", self.masked[start:end])


def fold(text: str) -> str:
    """Lower case, quote and dash variants folded, punctuation and spacing normalised."""
    return " ".join(_FOLD_WORD.findall(text.translate(FOLD).lower()))

"""Rich Text helpers for article text: never markup, wrapped the same way for height and paint.

Article text is data: it only ever enters a :class:`rich.text.Text` through ``Text(str)`` or
``Text.append(str)``, after :func:`corpusdiff.text.printable` made control characters visible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from corpusdiff.text import printable

_WORD = re.compile(r"\S+\s*")
_LEADING = re.compile(r"\s*")


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes (East Asian wide characters count two)."""
    return len(text) if text.isascii() else cell_len(text)


def _cut(word: str, width: int) -> int:
    """How many characters of ``word`` fit in ``width`` cells (at least one)."""
    used = 0
    for i, char in enumerate(word):
        used += cell_width(char)
        if used > width:
            return max(i, 1)
    return len(word)


#: characters one cell wide that are not whitespace, and the space: text made only of them
#: wraps by position (printable ASCII, Latin, Greek, Cyrillic, and the dashes, quotation
#: marks and ellipsis of news text)
_NARROW = frozenset(
    chr(c) for lo, hi in ((0x20, 0x7E), (0xA1, 0xAC), (0xAE, 0x2FF), (0x370, 0x482),
                          (0x2010, 0x2027), (0x2030, 0x205E))
    for c in range(lo, hi + 1)
)


@lru_cache(maxsize=65536)
def wrap_offsets(text: str, width: int) -> tuple[int, ...]:
    """Start offsets of the lines of ``text`` greedily wrapped at spaces into ``width`` cells;
    a word longer than a line is cut. Used both to measure and to paint, so they agree."""
    width = max(width, 1)
    if len(text) <= width and cell_width(text) <= width:
        return (0,)
    if not text.startswith(" ") and _NARROW.issuperset(text):
        return _wrap_narrow(text, width)
    return _wrap_words(text, width)


def _wrap_narrow(text: str, width: int) -> tuple[int, ...]:
    """:func:`_wrap_words` for text of one-cell characters whose only whitespace is the
    space, a line at a time: the character one past the line's last cell says where the
    next line starts (a few str searches per line instead of Python work per word; 300
    articles' analysis screens measure thousands of long paragraphs)."""
    n = len(text)
    starts = [0]
    line = 0  # each line starts on a non-space character
    while line + width < n:
        beyond = line + width
        if text[beyond] == " ":
            # every word starting on the line ends by its last cell: the next starts after
            # the spaces
            nxt = beyond
            while nxt < n and text[nxt] == " ":
                nxt += 1
            if nxt == n:
                break
        else:
            space = text.rfind(" ", line, beyond)
            # the word across the edge moves down, or is cut when it fills the whole line
            nxt = beyond if space < 0 else space + 1
        starts.append(nxt)
        line = nxt
    return tuple(starts)


def _wrap_words(text: str, width: int) -> tuple[int, ...]:
    """The general wrap (wide characters, any whitespace), a word at a time."""
    starts = [0]
    used = cell_width(_LEADING.match(text).group())  # type: ignore[union-attr]
    for m in _WORD.finditer(text):
        word = m.group()
        core = word.rstrip()
        start = m.start()
        w = cell_width(core)
        if used and used + w > width:
            starts.append(start)
            used = 0
        while w > width:  # only at the start of a line
            cut = _cut(core, width)
            start += cut
            core, word = core[cut:], word[cut:]
            starts.append(start)
            w = cell_width(core)
        used += cell_width(word)
    return tuple(starts)


def split_lines(text: Text, width: int, wrap: bool = True) -> list[Text]:
    """``text`` as lines of at most ``width`` cells: wrapped, or cut with an ellipsis."""
    if not wrap:
        line = text.copy()
        line.truncate(width, overflow="ellipsis")
        return [line]
    starts = wrap_offsets(text.plain, width)
    if len(starts) == 1:
        return [text]
    lines = list(text.divide(starts[1:]))
    for line in lines:
        line.rstrip()
        line.truncate(width)
    return lines


def count_lines(plain: str, width: int, wrap: bool = True) -> int:
    """How many lines :func:`split_lines` gives for a text whose plain string is ``plain``."""
    return len(wrap_offsets(plain, width)) if wrap else 1


def data_text(text: str, style: Style | str = "") -> Text:
    """Article text as a Text that shows exactly its characters (no markup, no escapes)."""
    return Text(printable(text), style=style, no_wrap=True, end="")


def stylize_spans(text: Text, spans: Iterable[tuple[int, int]], style: Style,
                  offset: int = 0) -> None:
    """Apply ``style`` to character spans of ``text`` (shifted by ``offset``)."""
    for start, end in spans:
        if end > start:
            text.stylize(style, start + offset, end + offset)


def fit(text: Text, width: int) -> Text:
    """``text`` cut or padded with spaces to exactly ``width`` cells."""
    out = text.copy()
    out.truncate(width, overflow="ellipsis", pad=True)
    return out


def outlet_letter(code: str, colour: str | None, style: Style | None = None,
                  reference: bool = False) -> Text:
    """An outlet's letter in its colour and bold (``A``; the reference ``A★``)."""
    letter = Style(bold=True, color=colour) if colour else Style(bold=True)
    return Text(code + ("★" if reference else ""), (style or Style()) + letter,
                no_wrap=True, end="")

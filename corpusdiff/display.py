"""What the views show, in plain Python (no polars): row kinds and their glyphs, outlet codes,
the row filter and moving between differences. The terminal UI imports this for its first
screen; the polars layout is in :mod:`corpusdiff.views`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

#: what a row of the alignment is: a group kind, a sentence only one outlet has, or boilerplate
ROW_KINDS = ("identical", "reworded", "partial", "unique", "boilerplate")
#: the kinds a filter offers (boilerplate has its own toggle)
FILTER_KINDS = ("identical", "reworded", "partial", "unique")

#: how an outlet carries a statement -> its mark in the coverage heatmap and the report
CARRY_GLYPHS = {"identical": "●", "reworded": "◐", "partial": "◔", "absent": "·"}
#: row kind -> gutter glyph in the alignment (+ for a sentence only one outlet has)
ROW_GLYPHS = {**CARRY_GLYPHS, "unique": "+", "boilerplate": "~"}


def outlet_codes(n: int) -> list[str]:
    """A, B, ..., Z, AA, AB, ...: short column names for ``n`` outlets (as in the reports)."""
    out = []
    for i in range(n):
        code = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            code = chr(65 + r) + code
        out.append(code)
    return out


def outlet_letters(ids: list[str]) -> dict[str, str]:
    """Article id -> its letter, for ``ids`` in the articles' order (the articles table's,
    never the reference's): an outlet keeps its letter when another becomes the reference,
    and the report and the terminal UI letter the outlets alike."""
    return dict(zip(ids, outlet_codes(len(ids)), strict=True))


def short_label(label: str, width: int) -> str:
    """``label`` in at most ``width`` cells. A path-like label (an article id such as
    ``87609973-bd58-42a5/fox``) keeps its file stem and cuts its folders in the middle
    (``8760…42a5/fox``), so labels that differ only by folder stay apart; any other label is
    cut at the end. Whitespace runs become one space."""
    label = " ".join(label.split())
    width = max(width, 1)
    if len(label) <= width:
        return label
    folders, slash, stem = label.rpartition("/")
    room = width - len(stem) - len(slash)
    if slash and room >= 3:
        return _middle(folders, room) + slash + stem
    if slash and len(stem) <= width:  # no room for the folders: the stem and a mark
        return "…" + stem[-(width - 1):] if width > 1 else "…"
    return _middle(label, width) if slash else label[: width - 1].rstrip() + "…"


def _middle(text: str, width: int) -> str:
    """``text`` cut in the middle to ``width`` cells (the head keeps the extra cell)."""
    if len(text) <= width:
        return text
    if width < 2:
        return "…"[:width]
    tail = (width - 1) // 2
    return text[: width - 1 - tail] + "…" + (text[-tail:] if tail else "")


@dataclass(frozen=True)
class RowFilter:
    """Which rows and columns the alignment shows. ``outlets`` None means all."""

    outlets: frozenset[str] | None = None
    kinds: frozenset[str] = field(default_factory=lambda: frozenset(FILTER_KINDS))
    only_differences: bool = False
    only_quotes: bool = False
    show_boilerplate: bool = False

    @property
    def active(self) -> bool:
        """Whether anything is filtered out (boilerplate aside)."""
        return (self.outlets is not None or set(self.kinds) != set(FILTER_KINDS)
                or self.only_differences or self.only_quotes)

    def describe(self, codes: dict[str, str] | None = None) -> str:
        """A short human description, empty when nothing is filtered."""
        parts = []
        if self.outlets is not None:
            names = sorted((codes or {}).get(o, o) for o in self.outlets)
            parts.append("outlets " + ",".join(names))
        if set(self.kinds) != set(FILTER_KINDS):
            parts.append("kinds " + ",".join(k for k in FILTER_KINDS if k in self.kinds))
        if self.only_differences:
            parts.append("differences only")
        if self.only_quotes:
            parts.append("quotes only")
        return "; ".join(parts)


def hunk(starts: list[int], flags: list[bool], current: int) -> int | None:
    """1-based number of the difference the row at ``current`` belongs to (None when the
    row is no difference); ``starts`` from :func:`corpusdiff.views.differences`, ``flags``
    each row's is_difference."""
    if not (0 <= current < len(flags)) or not flags[current]:
        return None
    n = bisect.bisect_right(starts, current)
    return n or None


def step(positions: list[int], current: int, forward: bool = True) -> int | None:
    """The next (or previous) position after (before) ``current``; None at the end."""
    if forward:
        i = bisect.bisect_right(positions, current)
        return positions[i] if i < len(positions) else None
    i = bisect.bisect_left(positions, current) - 1
    return positions[i] if i >= 0 else None

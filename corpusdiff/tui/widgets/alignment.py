"""The alignment view: rows of the layout side by side (one column per outlet) or unified
(one block per row, outlets stacked), with word differences, search matches and boilerplate.

Differences read in colour and in monochrome: words an outlet adds or words it changes are
orange and underlined. Each row compares every outlet with one base (the reference, or the
first outlet shown that carries the row); with two outlets shown, the base's words the other
drops or changes are blue and struck through, and with three or more the base is shown plain
(a word one outlet drops may be in another). A run of rows one outlet alone carries folds
into one row (:class:`FoldRow`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from corpusdiff.diff import changed_spans
from corpusdiff.display import ROW_GLYPHS, short_label
from corpusdiff.text import plural
from corpusdiff.tui.data import RowData, Sentence, reason_prefix
from corpusdiff.tui.widgets.blockview import BlockView
from corpusdiff.tui.widgets.contrast import legible
from corpusdiff.tui.widgets.paragraphs import Part, Stacked, labelled
from corpusdiff.tui.widgets.text import (
    count_lines,
    data_text,
    fit,
    outlet_letter,
    split_lines,
    stylize_spans,
)

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

GUTTER = 6
#: palette entries drawn as coloured text: kept at WCAG AA contrast on every row background
LEGIBLE = ("added", "removed", "identical", "reworded", "partial", "unique")
SEP = " │ "
MIN_COLUMN = 20


@dataclass
class AlignContext:
    """What every row block needs to paint: columns, toggles, styles, search matches."""

    columns: list[str]
    order: list[str]  # all outlets in display order (the base is the first that carries)
    codes: dict[str, str]
    labels: dict[str, str]
    palette: dict[str, Style]
    wrap: bool = True
    matches: dict[tuple[str, int], list[tuple[int, int]]] = field(default_factory=dict)
    current: tuple[str, int, int, int] | None = None
    #: article id -> its letter's colour (fixed for the session)
    colours: dict[str, str] = field(default_factory=dict)
    #: (article, sentence index) -> spans of its loaded words, marked when given (framing)
    flagged: dict[tuple[str, int], list[tuple[int, int]]] = field(default_factory=dict)
    #: outlets scrolled out of the side-by-side columns -> "←" or "→" (where they are)
    offscreen: dict[str, str] = field(default_factory=dict)
    _diffs: dict[tuple[int, str, str], tuple[list, list]] = field(default_factory=dict)

    @property
    def rank(self) -> dict[str, int]:
        """Shown outlet -> its column position."""
        rank = self.__dict__.get("_rank")
        if rank is None:
            rank = {a: n for n, a in enumerate(self.columns)}
            self.__dict__["_rank"] = rank
        return rank

    @property
    def strikes_base(self) -> bool:
        """Whether the base's cell strikes what the other outlet lacks: only with two outlets
        shown. With three or more, a word one outlet lacks may be in another, so the base
        stays plain and every other cell shows its own differences from it."""
        return len(self.columns) <= 2

    def base(self, row: RowData, among: Iterable[str]) -> str | None:
        """The outlet whose wording the others are compared with in this row."""
        shown = set(among)
        return next((a for a in self.order if a in row.cells and a in shown), None)

    def diff(self, row: RowData, base: str, other: str) -> tuple[list, list]:
        """(spans of base other lacks, spans other adds), cached."""
        key = (row.row, base, other)
        hit = self._diffs.get(key)
        if hit is None:
            hit = changed_spans(row.plain(base), row.plain(other))
            self._diffs[key] = hit
        return hit

    def cell_text(self, row: RowData, article: str,
                  extra: list[tuple[list[tuple[int, int]], Style]] = ()) -> Text:
        """A cell as styled Text: boilerplate dimmed, ``extra`` spans, then search matches."""
        text = Text(no_wrap=True, end="")
        starts = []
        for n, s in enumerate(row.cells.get(article, ())):
            if n:
                text.append(" ")
            if s.kind == "boilerplate":
                text.append(reason_prefix(s), self.palette["reason"])
            starts.append((s, len(text)))
            text.append_text(data_text(s.text, self.palette["boilerplate"]
                                       if s.kind == "boilerplate" else ""))
        for spans, style in extra:
            stylize_spans(text, spans, style)
        for s, offset in starts if self.flagged else ():
            for start, end in self.flagged.get((article, s.index), ()):
                text.stylize(self.palette["flagged"], start + offset, end + offset)
        self._stylize_matches(text, article, starts)
        return text

    def _stylize_matches(self, text: Text, article: str,
                         starts: list[tuple[Sentence, int]]) -> None:
        if not self.matches:
            return
        for s, offset in starts:
            for start, end in self.matches.get((article, s.index), ()):
                current = self.current == (article, s.index, start, end)
                text.stylize(self.palette["match_current" if current else "match"],
                             start + offset, end + offset)


class SideBySideRow:
    """A layout row as one line (or wrapped lines) of columns."""

    def __init__(self, ctx: AlignContext, row: RowData) -> None:
        self.ctx = ctx
        self.row = row

    @staticmethod
    def column_width_for(width: int, n_columns: int) -> int:
        """Cells of each column when ``n_columns`` share ``width``."""
        n = max(n_columns, 1)
        return max((width - GUTTER - len(SEP) * (n - 1)) // n, 4)

    def column_width(self, width: int) -> int:
        return self.column_width_for(width, len(self.ctx.columns))

    def height(self, width: int) -> int:
        col = self.column_width(width)
        if not self.ctx.wrap:
            return 1
        return max((count_lines(self.row.plain(a), col) for a in self.ctx.columns
                    if a in self.row.cells), default=1)

    def lines(self, width: int) -> list[Text]:
        ctx, row = self.ctx, self.row
        col = self.column_width(width)
        pal = ctx.palette
        carriers = [a for a in ctx.columns if a in row.cells]
        if not carriers and any(a in ctx.offscreen for a in row.cells):
            return [self._offscreen(width)]
        base = ctx.base(row, carriers) if row.group is not None and len(carriers) > 1 else None
        columns: list[list[Text]] = []
        for article in ctx.columns:
            if article not in row.cells:
                absent = row.group is not None
                columns.append([Text(ROW_GLYPHS["absent"] if absent else "", pal["absent"])])
                continue
            extra = []
            if base is not None and article != base:
                _, added = ctx.diff(row, base, article)
                extra = [(added, pal["added"])]
            elif base is not None and ctx.strikes_base:
                extra = [(ctx.diff(row, base, other)[0], pal["removed"])
                         for other in carriers if other != base]
            columns.append(split_lines(ctx.cell_text(row, article, extra), col, ctx.wrap))
        height = max(len(c) for c in columns) if columns else 1
        gutter = self._gutter()
        out = []
        sep = Text(SEP, pal["separator"])
        for y in range(height):
            line = fit(gutter, GUTTER - 1) if y == 0 else Text(" " * (GUTTER - 1))
            line.append(" ")
            for n, cells in enumerate(columns):
                if n:
                    line.append_text(sep)
                line.append_text(fit(cells[y], col) if y < len(cells) else Text(" " * col))
            out.append(line)
        return out

    def _gutter(self) -> Text:
        row, pal = self.row, self.ctx.palette
        gutter = Text(no_wrap=True, end="")
        gutter.append(ROW_GLYPHS.get(row.kind, " "), pal[row.kind])
        if row.group is not None:
            gutter.append(f"{row.group:>4}", pal["gutter"])
        return gutter

    def _offscreen(self, width: int) -> Text:
        """A row no shown column carries: one line saying which outlets, scrolled which way,
        carry it ("→ 2 outlets off-screen (D, E): their words…"), so the rows stay the same
        whichever outlets are in view."""
        ctx, row, pal = self.ctx, self.row, self.ctx.palette
        hidden = [a for a in ctx.order if a in row.cells and a in ctx.offscreen]
        sides = {ctx.offscreen[a] for a in hidden}
        arrow = sides.pop() if len(sides) == 1 else "↔"
        line = fit(self._gutter(), GUTTER - 1)
        line.append(" ")
        line.append(f"{arrow} {plural(len(hidden), 'outlet')} off-screen (", pal["heading"])
        for n, article in enumerate(hidden[:6]):
            if n:
                line.append(", ", pal["heading"])
            line.append_text(outlet_letter(ctx.codes.get(article, "?"),
                                           ctx.colours.get(article), pal["heading"]))
        line.append("…): " if len(hidden) > 6 else "): ", pal["heading"])
        line.append_text(data_text(row.plain(hidden[0]), pal["gutter"]))
        return fit(line, width)


class UnifiedRow(Stacked):
    """A layout row as a block: a header line, then each carrying outlet's wording stacked;
    words the others add or change are marked in theirs, words they drop in the base's."""

    def __init__(self, ctx: AlignContext, row: RowData) -> None:
        self.ctx = ctx
        self.row = row

    @staticmethod
    def label_width_for(width: int) -> int:
        """Cells of the outlet label column at ``width``."""
        return max(min(22, width // 4), 6)

    def label_width(self, width: int) -> int:
        return self.label_width_for(width)

    def _carriers(self) -> list[str]:
        rank = self.ctx.rank
        return sorted((a for a in self.row.cells if a in rank), key=rank.__getitem__)

    def height(self, width: int) -> int:
        text_w = max(width - self.label_width_for(width), 1)
        plain, wrap = self.row.plain, self.ctx.wrap
        return 2 + sum(count_lines(plain(a), text_w, wrap) for a in self._carriers())

    def parts(self, width: int) -> list[Part]:
        ctx, row = self.ctx, self.row
        label_w = self.label_width(width)
        text_w = max(width - label_w, 1)
        carriers = self._carriers()
        base = ctx.base(row, carriers) if row.group is not None and len(carriers) > 1 else None
        out: list[Part] = [(1, lambda: [fit(self.header(), width)])]
        for article in carriers:
            out.append((count_lines(row.plain(article), text_w, ctx.wrap),
                        lambda a=article: self._outlet(a, base, carriers, width, label_w)))
        out.append((1, lambda: [Text("")]))
        return out

    def _outlet(self, article: str, base: str | None, carriers: list[str], width: int,
                label_w: int) -> list[Text]:
        ctx, row, pal = self.ctx, self.row, self.ctx.palette
        extra = []
        if base is not None and article != base:
            extra = [(ctx.diff(row, base, article)[1], pal["added"])]
        elif base is not None and ctx.strikes_base:
            extra = [(ctx.diff(row, base, other)[0], pal["removed"])
                     for other in carriers if other != base]
        label = outlet_letter(ctx.codes.get(article, "?"), ctx.colours.get(article),
                              pal["heading"])
        label.append(" ")
        label.append_text(data_text(short_label(ctx.labels.get(article, article),
                                                label_w - len(label) - 1), pal["gutter"]))
        return labelled(label, ctx.cell_text(row, article, extra), width, label_w, ctx.wrap)

    def header(self) -> Text:
        row, ctx, pal = self.row, self.ctx, self.ctx.palette
        carriers = self._carriers()
        text = Text(no_wrap=True, end="")
        text.append(f"{ROW_GLYPHS.get(row.kind, ' ')} ", pal[row.kind])
        if row.group is not None:
            text.append(f"Group {row.group}", pal["heading"])
            text.append(f" · {row.kind} · {len(carriers)} of {len(ctx.columns)} outlets shown",
                        pal["gutter"])
        elif carriers:
            who = carriers[0]
            what = "Boilerplate in" if row.kind == "boilerplate" else "Only in"
            text.append(f"{what} {ctx.codes.get(who, '?')} ", pal["heading"])
            text.append_text(data_text(ctx.labels.get(who, who), pal["gutter"]))
        return text


class FoldRow:
    """A folded run of rows that one outlet alone carries: one line saying how many and
    where ("▸ +16 only in C nyt: first words…"); side by side it starts in that outlet's
    column, unified it is a block header."""

    def __init__(self, ctx: AlignContext, rows: list[RowData], outlet: str,
                 unified: bool = False) -> None:
        self.ctx = ctx
        self.rows = rows
        self.outlet = outlet
        self.unified = unified

    @property
    def row(self) -> RowData:
        """The run's first row."""
        return self.rows[0]

    def height(self, width: int) -> int:
        return 2 if self.unified else 1

    def summary(self) -> Text:
        """"▸ +N only in CODE label: first sentence"."""
        ctx, pal = self.ctx, self.ctx.palette
        text = Text(no_wrap=True, end="")
        text.append(f"▸ +{len(self.rows)} only in ", pal["heading"])
        text.append_text(outlet_letter(ctx.codes.get(self.outlet, "?"),
                                       ctx.colours.get(self.outlet), pal["heading"]))
        text.append(" ")
        text.append_text(data_text(short_label(ctx.labels.get(self.outlet, self.outlet), 28)))
        if self.outlet in ctx.offscreen:
            text.append(f" ({ctx.offscreen[self.outlet]} off-screen)", pal["heading"])
        text.append(": ", pal["gutter"])
        text.append_text(data_text(self.row.plain(self.outlet), pal["gutter"]))
        return text

    def lines(self, width: int) -> list[Text]:
        pal = self.ctx.palette
        line = Text(no_wrap=True, end="")
        line.append(ROW_GLYPHS["unique"], pal["unique"])
        if self.unified:
            line.append(" ")
            line.append_text(self.summary())
            return [fit(line, width), Text("")]
        line = fit(line, GUTTER)
        col = SideBySideRow.column_width_for(width, len(self.ctx.columns))
        before = self.ctx.rank.get(self.outlet, 0)
        summary = self.summary()
        # start in the outlet's column, or further left when the name would not fit there
        need = len(summary.plain) - len(self.row.plain(self.outlet)) + 24
        start = GUTTER + before * (col + len(SEP))
        while before and width - start < need:
            before -= 1
            start = GUTTER + before * (col + len(SEP))
        for _ in range(before):
            line.append(" " * col)
            line.append(SEP, pal["separator"])
        line.append_text(summary)
        return [fit(line, width)]


class AlignmentView(BlockView):
    """The rows of the alignment; paints side by side or unified."""

    COMPONENT_CLASSES = BlockView.COMPONENT_CLASSES | {
        "align--added", "align--removed", "align--match", "align--match-current",
        "align--boilerplate", "align--reason", "align--gutter", "align--absent",
        "align--separator", "align--heading", "align--identical", "align--reworded",
        "align--partial", "align--unique", "align--flagged",
    }

    def palette(self) -> dict[str, Style]:
        """The styles blocks paint with, from the stylesheet (so themes can change them)."""
        get = self.get_component_rich_style
        names = {
            "added": "align--added", "removed": "align--removed", "match": "align--match",
            "match_current": "align--match-current", "boilerplate": "align--boilerplate",
            "reason": "align--reason", "gutter": "align--gutter", "absent": "align--absent",
            "separator": "align--separator", "heading": "align--heading",
            "identical": "align--identical", "reworded": "align--reworded",
            "partial": "align--partial", "unique": "align--unique",
            "flagged": "align--flagged",
        }
        palette = {key: get(cls, partial=True) for key, cls in names.items()}
        base = self.rich_style
        backgrounds = [
            (base + get(cls)).bgcolor for cls in ("blockview--cursor", "blockview--odd")
        ] + [base.bgcolor]
        rgb = [tuple(c.get_truecolor()) for c in backgrounds if c is not None]
        for key in LEGIBLE:
            style = palette[key]
            if style.color is not None:
                palette[key] = style + Style(color=legible(style.color, rgb))
        return palette


class ColumnHeader(Widget):
    """The outlet names above the side-by-side columns (and how many are scrolled away)."""

    DEFAULT_CSS = "ColumnHeader { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text("")

    def show(self, text: Text) -> None:
        """Display ``text``."""
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text


def header_text(ctx: AlignContext, width: int, reference: str, hidden_left: int,
                hidden_right: int, unified: bool, spare: int = 2) -> Text:
    """The column header line for rows ``width`` cells wide; ``spare`` cells to the right of
    the rows (over the scrollbar) show how many outlets are scrolled away there."""
    pal = ctx.palette
    text = Text(no_wrap=True, end="")
    left = f"◀{hidden_left}" if hidden_left else ""
    text.append(f"{left:<{GUTTER}}", pal["gutter"])
    if unified:
        shown = ", ".join(ctx.codes.get(a, "?") for a in ctx.columns)
        text.append(f"Unified: one block per row; outlets {shown}", pal["heading"])
        return fit(text, width)
    n = max(len(ctx.columns), 1)
    col = max((width - GUTTER - len(SEP) * (n - 1)) // n, 4)
    for i, article in enumerate(ctx.columns):
        if i:
            text.append(SEP, pal["separator"])
        cell = outlet_letter(ctx.codes.get(article, "?"), ctx.colours.get(article),
                             pal["heading"], article == reference)
        cell.append(" ")
        cell.append_text(data_text(short_label(ctx.labels.get(article, article),
                                               col - len(cell))))
        text.append_text(fit(cell, col))
    text = fit(text, width)
    if hidden_right:
        text.append(f"{hidden_right}▶"[:spare], pal["heading"])
    return text


def matches_by_sentence(hits: pl.DataFrame) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Search hits (row, article, index, start, end) grouped per sentence."""
    out: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for _, a, i, s, e in hits.iter_rows():
        out.setdefault((a, i), []).append((s, e))
    return out

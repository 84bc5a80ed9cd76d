"""The coverage heatmap: one line per shared statement, one cell per outlet saying whether and
how the outlet carries it (glyph and colour, so it reads without colour too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from corpusdiff.display import CARRY_GLYPHS
from corpusdiff.tui.widgets.blockview import BlockView
from corpusdiff.tui.widgets.text import data_text, fit, outlet_letter

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

#: carry kind -> glyph; the same marks as the Markdown report
PREFIX = 18  # "◐ g  12 reworded " + "n/N"
STATEMENT = 60


class HeatRow:
    """One group: kind, how many outlets carry it, a cell per outlet, its statement. The
    cells are read from ``matrix`` (row ``index``: one carry kind per outlet) when the row is
    painted: 1,600 groups x 300 outlets need not become Python strings for the 40 rows on
    screen."""

    def __init__(self, group: int, kind: str, n: int, total: int, matrix: pl.DataFrame,
                 index: int, statement: str, palette: dict[str, Style], cell: int) -> None:
        self.group = group
        self.kind = kind
        self.n = n
        self.total = total
        self.matrix = matrix
        self.index = index
        self.statement = statement
        self.palette = palette
        self.cell = cell

    @property
    def carries(self) -> tuple[str, ...]:
        """How each outlet carries the group (identical, reworded, partial, absent)."""
        return self.matrix.row(self.index)

    def height(self, width: int) -> int:
        return 1

    def lines(self, width: int) -> list[Text]:
        pal = self.palette
        text = Text(no_wrap=True, end="")
        text.append(CARRY_GLYPHS.get(self.kind, " ") + " ", pal[self.kind])
        text.append(f"{self.group:>5} ", pal["heading"])
        text.append(f"{self.kind:<9}", pal[self.kind])
        text.append(f"{self.n:>3}/{self.total:<3}", pal["muted"])
        text.append("│", pal["muted"])
        for carry in self.carries:
            text.append(CARRY_GLYPHS[carry].center(self.cell), pal[carry])
        text.append("│ ", pal["muted"])
        text.append_text(fit(data_text(self.statement), max(width - text.cell_len, STATEMENT)))
        return [text]


class Heatmap(BlockView):
    """Groups x outlets; scrolls sideways when the outlets do not fit."""

    COMPONENT_CLASSES = BlockView.COMPONENT_CLASSES | {
        "heat--identical", "heat--reworded", "heat--partial", "heat--absent", "heat--muted",
        "heat--heading",
    }

    def palette(self) -> dict[str, Style]:
        """Styles of the carry kinds, from the stylesheet."""
        get = self.get_component_rich_style
        return {
            "identical": get("heat--identical", partial=True),
            "reworded": get("heat--reworded", partial=True),
            "partial": get("heat--partial", partial=True),
            "absent": get("heat--absent", partial=True),
            "muted": get("heat--muted", partial=True),
            "heading": get("heat--heading", partial=True),
        }

    def show(self, coverage: pl.DataFrame, ids: list[str], codes: dict[str, str]) -> None:
        """Fill from a :func:`corpusdiff.views.coverage_view` frame."""
        pal = self.palette()
        # room for the letter, the reference's ★ and a space between columns
        cell = max((len(codes[i]) for i in ids), default=1) + 2
        self.cell = cell
        self.virtual_width = PREFIX + 2 + cell * len(ids) + 2 + STATEMENT
        matrix = coverage.select(ids)
        rows = coverage.select("group", "kind", "n_articles", "statement").iter_rows()
        blocks = [HeatRow(g, k, n, len(ids), matrix, i, st or "", pal, cell)
                  for i, (g, k, n, st) in enumerate(rows)]
        self.groups = [b.group for b in blocks]
        self.set_blocks(blocks, cursor=0)

    def header(self, ids: list[str], codes: dict[str, str],
               colours: dict[str, str] | None = None, reference: str | None = None) -> Text:
        """The line above the heatmap naming the outlet columns: each outlet's letter in its
        colour, the reference's followed by ★."""
        pal = self.palette()
        cell = getattr(self, "cell", 2)
        text = Text(no_wrap=True, end="")
        text.append(f"{'':2}{'group':>5} {'kind':<9}{'outlets':<7}│", pal["muted"])
        for ident in ids:
            # the letter where the glyphs below it are (centred), the ★ after it
            star = ident == reference
            left = (cell - len(codes[ident])) // 2
            text.append(" " * left)
            text.append_text(outlet_letter(codes[ident], (colours or {}).get(ident),
                                           pal["heading"], star))
            text.append(" " * max(cell - left - len(codes[ident]) - star, 0))
        text.append("│ statement (first outlet's wording)", pal["muted"])
        return text


def legend(palette: dict[str, Style]) -> Text:
    """What the glyphs mean."""
    text = Text("Coverage: ", no_wrap=True, end="")
    for kind, meaning in (("identical", "same words"), ("reworded", "reworded"),
                          ("partial", "in part"), ("absent", "absent")):
        text.append(f"{CARRY_GLYPHS[kind]} ", palette[kind])
        text.append(f"{meaning}   ")
    return text

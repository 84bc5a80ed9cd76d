"""Conflicts: where outlets give different values (numbers, names, dates) for the same slot
of one statement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from corpusdiff.tui.screens.tables import TableScreen, outlet_label
from corpusdiff.tui.widgets.paragraphs import ParagraphBlock
from corpusdiff.tui.widgets.text import data_text

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

    from corpusdiff.tui.data import ViewData


def _with_value(text: str | None, value: object, palette: dict[str, Style]) -> Text:
    body = Text(end="")
    body.append_text(data_text(str(value) if value is not None else "—", palette["value"]))
    if text:
        body.append("  ")
        sentence = data_text(text)
        if value is not None:
            sentence.highlight_words([str(value)], palette["value"])
        body.append_text(sentence)
    return body


class ConflictsScreen(TableScreen):
    """Conflicting values, by kind."""

    MODE = "conflicts"
    TABLE = "conflicts"
    EMPTY = "No conflicts: where outlets carry the same statement, they give the same values."

    def choices(self, data: ViewData, table: pl.DataFrame) -> list[tuple[str, Text]]:
        out = [("*", Text(f"All conflicts ({table.height})"))]
        for kind, n in table.group_by("kind").len().sort("kind").iter_rows():
            out.append((kind, Text(f"{kind}  ({n})")))
        return out

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]):
        import polars as pl

        t = table
        if choice is not None:
            t = t.filter(pl.col("kind") == choice)
        out = []
        for r in t.sort("group").iter_rows(named=True):
            heading = Text(f"Group {r['group']}", palette["heading"], no_wrap=True, end="")
            heading.append_text(data_text(f" · {r['kind']} · {r['slot']}", palette["muted"]))
            items = [
                (outlet_label(data, r[f"article_{side}"], palette["heading"]),
                 _with_value(r[f"text_{side}"], r[f"value_{side}"], palette))
                for side in "ab"
            ]
            out.append(((int(r["group"]), None), ParagraphBlock(heading, items)))
        return out

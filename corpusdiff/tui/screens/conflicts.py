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
    COLUMNS = "group, kind, slot, article_a, value_a, text_a, article_b, value_b, text_b"
    REQUIRED = frozenset({"group", "article_a", "value_a", "article_b", "value_b"})
    EMPTY = "No conflicts: where outlets carry the same statement, they give the same values."

    def choices(self, data: ViewData, table: pl.DataFrame) -> list[tuple[str, Text]]:
        out = [("*", Text(f"All conflicts ({table.height})"))]
        if "kind" in table.columns:
            from corpusdiff.analyze.fact_labels import kind_words

            for kind, n in table.group_by("kind").len().sort("kind").iter_rows():
                out.append((str(kind), Text(f"{kind_words(str(kind), None)}  ({n})")))
        return out

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]):
        import polars as pl

        t = table
        if choice is not None and "kind" in t.columns:
            t = t.filter(pl.col("kind").cast(pl.String) == choice)
        out = []
        for r in t.sort("group", nulls_last=True).iter_rows(named=True):
            # a close pair the aligner left apart has no group: it is found at its sentence
            where = f"Group {r['group']}" if r["group"] is not None else "Not aligned"
            heading = Text(where, palette["heading"], no_wrap=True, end="")
            # the slot in words ("day", "title of Karen Bass") when the table has it
            keys = ("label",) if r.get("label") else ("kind", "slot")
            details = " · ".join(str(r[k]) for k in keys if r.get(k) is not None)
            if details:
                heading.append_text(data_text(f" · {details}", palette["muted"]))
            items = [
                (outlet_label(data, r["article_a"], palette["heading"]),
                 _with_value(r.get("text_a"), r.get("said_a") or r["value_a"], palette)),
                (outlet_label(data, r["article_b"], palette["heading"]),
                 _with_value(r.get("text_b"), r.get("said_b") or r["value_b"], palette)),
            ]
            target = ((int(r["group"]), None) if r["group"] is not None
                      else (None, (r["article_a"], int(r["sentence_a"]))))
            out.append((target, ParagraphBlock(heading, items)))
        return out

"""Quotes: who is quoted, and for each quotation every outlet's version with its variant
(verbatim, trimmed, reworded, misattributed, exclusive), reworded ones with their word diff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from corpusdiff.diff import marked
from corpusdiff.text import plural, printable
from corpusdiff.tui.screens.tables import TableScreen, outlet_label
from corpusdiff.tui.widgets.paragraphs import ParagraphBlock
from corpusdiff.tui.widgets.text import data_text

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

    from corpusdiff.tui.data import ViewData

UNATTRIBUTED = "unattributed"


def speech(table: pl.DataFrame) -> pl.DataFrame:
    """The quotations of people (no scare quotes or titles, nothing from boilerplate)."""
    import polars as pl

    return table.filter((pl.col("kind") == "quote") & ~pl.col("boilerplate"))


class QuotesScreen(TableScreen):
    """Quotations by speaker."""

    MODE = "quotes"
    TABLE = "quotes"
    EMPTY = "No quotations found."
    UNIT = "quoted statements"

    def choices(self, data: ViewData, table: pl.DataFrame) -> list[tuple[str, Text]]:
        from corpusdiff.views import speakers

        table = speech(table)
        who = speakers(table)
        out = [("*", Text(f"All speakers ({who.height})"))]
        for speaker, n, outlets in who.iter_rows():
            prompt = data_text(speaker)
            prompt.append(f"  {plural(n, 'quote')} in {plural(outlets, 'outlet')}", "dim")
            out.append((speaker, prompt))
        return out

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]):
        import polars as pl

        from corpusdiff.views import display_rank

        q = speech(table).with_columns(pl.col("speaker").fill_null(UNATTRIBUTED))
        if choice is not None:
            q = q.filter(pl.col("speaker") == choice)
        q = (q.with_row_index("_n")
             .with_columns(_key=pl.coalesce(pl.col("quote_group").cast(pl.String),
                                            pl.format("q{}", pl.col("_n"))),
                           _rank=display_rank(data.ids)))
        out = []
        for _, group in q.sort("_rank", "sentence").group_by("_key", maintain_order=True):
            recs = group.to_dicts()
            first = recs[0]
            base = next((r for r in recs if r["variant"] == "verbatim"), first)
            heading = Text(no_wrap=True, end="")
            heading.append_text(data_text(first["speaker"], palette["heading"]))
            if first["role"]:
                heading.append_text(data_text(f" ({first['role']})", palette["muted"]))
            qg = first["quote_group"]
            heading.append(f" · {len(recs)} version{'s' if len(recs) > 1 else ''}"
                           + (f" · quote group {qg}" if qg is not None else ""),
                           palette["muted"])
            items = []
            for r in recs:
                body = Text(end="")
                variant = r["variant"]
                body.append(f"{variant}: ", palette["value"])
                # a variant is compared with the quote it refers to (match_text), else with
                # the group's first verbatim version
                against = r["match_text"] or (None if r is base else base["text"])
                if not against or variant in ("verbatim", "exclusive"):
                    body.append_text(data_text(f"“{r['text']}”"))
                else:
                    body.append("“")
                    styles = {"equal": "", "insert": palette["added"],
                              "delete": palette["removed"]}
                    for fragment, tag in marked(printable(against), printable(r["text"]),
                                                  quoted=True):
                        body.append(fragment, styles[tag])
                    body.append("”")
                    if r["match_article"]:
                        body.append(f" (against {data.codes.get(r['match_article'], '?')})",
                                    palette["muted"])
                if r["confidence"] is not None:
                    body.append(f"  confidence {r['confidence']:.2f}", palette["muted"])
                items.append((outlet_label(data, r["article"], palette["heading"], width=19),
                               body))
            target = (None, (first["article"], int(first["sentence"])))
            out.append((target, ParagraphBlock(heading, items, label_width=20)))
        return out

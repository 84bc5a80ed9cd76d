"""Omissions: what an outlet leaves out that most others report (a statement, a quote, a
fact)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from corpusdiff.tui.screens.tables import TableScreen, outlet_label
from corpusdiff.tui.widgets.paragraphs import ParagraphBlock
from corpusdiff.tui.widgets.text import data_text
from corpusdiff.views import display_rank

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

    from corpusdiff.tui.data import ViewData


class OmissionsScreen(TableScreen):
    """Omissions, by outlet."""

    MODE = "omissions"
    TABLE = "omissions"
    COLUMNS = "article, what (group/quote/fact), ref, carried_by, outlets, text"
    REQUIRED = frozenset({"article", "what", "ref"})
    EMPTY = "No omissions: no outlet leaves out what most of the others report."

    def choices(self, data: ViewData, table: pl.DataFrame) -> list[tuple[str, Text]]:
        counts = dict(table.group_by("article").len().iter_rows())
        out = [("*", Text(f"All outlets ({table.height})"))]
        for article in data.ids:
            prompt = outlet_label(data, article, Style(bold=True))
            prompt.append(f"  {counts.get(article, 0)}", "dim")
            out.append((article, prompt))
        return out

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]):
        import polars as pl

        t = table if choice is None else table.filter(pl.col("article") == choice)
        t = t.with_columns(_rank=display_rank(data.ids))
        sort = ["_rank"] + (["carried_by"] if "carried_by" in t.columns else [])
        desc = [False] + ([True] if "carried_by" in t.columns else [])
        quotes = data.table("quotes")
        facts = data.table("facts")
        out = []
        for r in t.sort(sort, descending=desc).iter_rows(named=True):
            what, ref = str(r["what"]), r["ref"]
            carriers = [a.strip() for a in str(r.get("outlets") or "").split(",") if a.strip()]
            heading = outlet_label(data, r["article"], palette["heading"])
            if r.get("label") and what != "group":  # "day: Tuesday", "quote by Karen Bass"
                heading.append(" omits ", palette["value"])
                heading.append_text(data_text(str(r["label"]), palette["value"]))
            else:
                heading.append(f" omits {what} ", palette["value"])
                heading.append_text(data_text(str(ref), palette["value"]))
            if r.get("carried_by") is not None:
                heading.append(f" · carried by {r['carried_by']}", palette["muted"])
                if carriers:
                    heading.append(": " + ", ".join(data.codes.get(a, a) for a in carriers),
                                   palette["muted"])
            body = data_text(r.get("text") or "")
            out.append((_target(what, ref, carriers, quotes, facts),
                        ParagraphBlock(heading, [(Text(""), body)], label_width=2)))
        return out


def _target(what: str, ref: object, carriers: list[str], quotes: pl.DataFrame | None,
            facts: pl.DataFrame | None) -> tuple[int | None, tuple[str, int] | None]:
    """Where an omission sits in the alignment: its group, or the sentence of an outlet that
    carries the quote or fact."""
    import polars as pl
    ref = str(ref)
    if what == "group" and ref.lstrip("-").isdigit():
        return int(ref), None
    hit = None
    if what == "quote" and quotes is not None and "quote_group" in quotes.columns:
        hit = quotes.filter(pl.col("quote_group").cast(pl.String) == ref)
    elif what == "fact" and facts is not None and ":" in ref:
        kind, value = ref.split(":", 1)
        hit = facts.filter((pl.col("kind") == kind)
                           & (pl.col("value").cast(pl.String).str.to_lowercase()
                              == value.lower()))
    if hit is not None and carriers:
        hit = hit.filter(pl.col("article").is_in(carriers))
    if hit is not None and hit.height:
        return None, (hit["article"][0], int(hit["sentence"][0]))
    return None, None

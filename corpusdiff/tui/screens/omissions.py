"""Omissions: what an outlet leaves out that most others report (a statement, a quote, a
fact)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from corpusdiff.tui.screens.tables import TableScreen, outlet_choices, outlet_label
from corpusdiff.tui.widgets.paragraphs import ParagraphBlock
from corpusdiff.tui.widgets.text import data_text

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

    from corpusdiff.tui.data import ViewData


class OmissionsScreen(TableScreen):
    """Omissions, by outlet."""

    MODE = "omissions"
    TABLE = "omissions"
    EMPTY = "No omissions: no outlet leaves out what most of the others report."

    def choices(self, data: ViewData, table: pl.DataFrame) -> list[tuple[str, Text]]:
        return outlet_choices(data, table, f"All outlets ({len(data.ids)})")

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]):
        import polars as pl

        from corpusdiff.views import display_rank, with_closest

        t = table if choice is None else table.filter(pl.col("article") == choice)
        t = with_closest(t, data.comparison.sentences)
        t = t.with_columns(_rank=display_rank(data.ids))
        cmp = data.comparison
        codes = data.codes
        t = t.sort(["_rank", "carried_by"], descending=[False, True])
        out = []
        for r, target in zip(t.iter_rows(named=True), _targets(t, cmp.quotes, cmp.facts),
                             strict=True):
            what = r["what"]
            ref = {"group": r["group"], "quote": r["quote_group"],
                   "fact": f"{r['fact_kind']}: {r['fact_value']}"}[what]
            heading = outlet_label(data, r["article"], palette["heading"])
            if what == "group":
                heading.append(f" omits statement {ref}", palette["value"])
            else:  # "day: Tuesday", "quote by Karen Bass"
                heading.append(" omits ", palette["value"])
                heading.append_text(data_text(r["label"], palette["value"]))
            heading.append(f" · carried by {r['carried_by']}: "
                           + ", ".join([codes.get(a, a) for a in r["carriers"]]),
                           palette["muted"])
            items = [(Text(""), data_text(r["text"] or ""))]
            if r.get("closest_text") is not None:  # the claim's evidence: the closest sentence
                heading.append(f" · closest here {r['nearest_score']:.2f}", palette["muted"])
                items.append((Text(codes.get(r["article"], "?"), palette["muted"]),
                              data_text(r["closest_text"], palette["muted"])))
            out.append((target, ParagraphBlock(heading, items, label_width=2)))
        # what an outlet was checked for and says in other words: not an omission
        said = cmp.said_differently
        if choice is not None:
            said = said.filter(pl.col("article") == choice)
        said = said.with_columns(_rank=display_rank(data.ids))
        for r in said.sort("_rank", "group").iter_rows(named=True):
            heading = outlet_label(data, r["article"], palette["heading"])
            heading.append(f" says statement {r['group']} differently", palette["value"])
            heading.append(f" · score {r['nearest_score']:.2f}", palette["muted"])
            items = [(Text("others", palette["muted"]), data_text(r["text"] or "")),
                     (Text(data.codes.get(r["article"], "?"), palette["heading"]),
                      data_text(r["nearest_text"] or ""))]
            out.append(((r["group"], None), ParagraphBlock(heading, items, label_width=7)))
        return out


def _targets(omissions: pl.DataFrame, quotes: pl.DataFrame, facts: pl.DataFrame
             ) -> list[tuple[int | None, tuple[str, int] | None]]:
    """Where each omission sits in the alignment, in the table's order: its group, or the
    first sentence (in the quotes or facts table's order) of an outlet that carries the
    quote or fact. Two joins for the whole table, not two filters per omission."""
    import polars as pl

    carriers = (omissions.with_row_index("_o")
                .select("_o", "what", "quote_group", "fact_kind", "fact_value",
                        pl.col("carriers").alias("article"))
                .explode("article"))
    found = []
    for what, table, keys in (
        ("quote", quotes.select("quote_group", "article", "sentence"), ["quote_group"]),
        ("fact", facts.select(pl.col("kind").alias("fact_kind"),
                              pl.col("value").alias("fact_value"), "article", "sentence"),
         ["fact_kind", "fact_value"]),
    ):
        found.append(
            carriers.filter(pl.col("what") == what)
            .join(table.with_row_index("_pos"), on=[*keys, "article"])
            .group_by("_o").agg(pl.col("article", "sentence").sort_by("_pos").first()))
    at = {o: (a, int(i)) for o, a, i in pl.concat(found).iter_rows()}
    return [(group, None) if what == "group" else (None, at.get(o))
            for o, (what, group) in enumerate(omissions.select("what", "group").iter_rows())]

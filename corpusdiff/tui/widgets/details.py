"""The details of one alignment row: every outlet's sentence in full, scores, the word diff
against the base (inline: added words marked, dropped ones struck where they stood), and the
quotes and facts found in it. One block per outlet in a BlockView, so a group carried by 300
outlets costs what is on screen; the blocks are built off the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from corpusdiff.diff import marked
from corpusdiff.tui.data import RowData, reason_prefix
from corpusdiff.tui.widgets.blockview import BlockView
from corpusdiff.tui.widgets.paragraphs import ParagraphBlock
from corpusdiff.tui.widgets.text import data_text

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

MAX_ANALYSIS_ROWS = 200
#: the columns of each analysis table worth a reader's eye (offsets and bookkeeping left out)
FIELDS = {
    "quotes": ("speaker", "role", "variant", "confidence", "quote_group"),
    "facts": ("kind", "value", "unit", "qualifier", "role", "entity"),
}


def details_blocks(row: RowData, order: list[str], codes: dict[str, str],
                   labels: dict[str, str], members: pl.DataFrame | None,
                   tables: dict[str, pl.DataFrame], palette: dict[str, Style]
                   ) -> list[ParagraphBlock]:
    """The details of ``row`` as blocks (article text never parsed as markup)."""
    import polars as pl


    pal = palette
    carriers = [a for a in order if a in row.cells]
    heading = Text(no_wrap=True, end="")
    if row.group is not None:
        score = ""
        if members is not None and members.height:
            score = f" · best score {members['score'].max():.2f}"
        heading.append(f"Group {row.group}", pal["heading"])
        heading.append(f" · {row.kind} · carried by {len(carriers)} of {len(order)} outlets"
                       f"{score}", pal["gutter"])
        base = carriers[0] if carriers else None
        if base is not None and len(carriers) > 1:
            heading.append("  (against ", pal["gutter"])
            heading.append(codes.get(base, "?"), pal["heading"])
            heading.append(": ", pal["gutter"])
            heading.append("added or changed", pal["added"])
            heading.append(", ", pal["gutter"])
            heading.append("dropped", pal["removed"])
            heading.append(")", pal["gutter"])
    else:
        base = None
        heading.append("Boilerplate" if row.kind == "boilerplate" else "Only in one outlet",
                       pal["heading"])
    scores: dict[tuple[str, int], float] = {}
    if members is not None:
        scores = {(a, i): s for a, i, s in members.select("article", "index", "score")
                  .iter_rows()}
    blocks = [ParagraphBlock(heading, [], gap=False)]
    for article in carriers:
        label = Text(f"{codes.get(article, '?')} ", pal["heading"], no_wrap=True)
        label.append_text(data_text(labels.get(article, article)))
        where = ", ".join(
            f"sentence {s.index}" + (f", score {scores[(article, s.index)]:.2f}"
                                     if (article, s.index) in scores else "")
            + (f", boilerplate: {s.reason}" if s.kind == "boilerplate" else "")
            for s in row.cells[article])
        body = Text(f"({where}) ", pal["gutter"], end="")
        if base is None or article == base:
            body.append_text(data_text(row.plain(article)))
        else:
            styles = {"equal": "", "insert": pal["added"], "delete": pal["removed"]}
            for fragment, tag in marked(row.plain(base), row.plain(article)):
                body.append(fragment, styles[tag])
        blocks.append(ParagraphBlock(None, [(label, body)], label_width=22, gap=False))
    if row.group is None and carriers:
        # a sentence only here: the closest sentence of another outlet, when one scored high
        article = carriers[0]
        near = tables["unaligned_nearest"].filter(
            (pl.col("article") == article)
            & pl.col("index").is_in([x.index for x in row.cells[article]]))
        for rec in near.iter_rows(named=True):
            title = Text(f"Closest elsewhere (score {rec['near_score']:.2f}, not aligned)",
                         pal["heading"])
            label = Text(f"{codes.get(rec['near_article'], '?')} ", pal["heading"])
            label.append_text(data_text(labels.get(rec["near_article"], rec["near_article"])))
            blocks.append(ParagraphBlock(title, [(label, data_text(rec["near_text"]))],
                                         label_width=22))
    blocks.append(ParagraphBlock(None, [], gap=True))
    blocks += _analysis_blocks([(a, s.index) for a in carriers for s in row.cells[a]], codes,
                               tables, pal)
    return blocks


#: a folded run's details list this many of its sentences, then say how many more
MAX_FOLD_SENTENCES = 200


def fold_details_blocks(rows: list[RowData], outlet: str, codes: dict[str, str],
                        labels: dict[str, str], tables: dict[str, pl.DataFrame],
                        palette: dict[str, Style]) -> list[ParagraphBlock]:
    """The details of a folded run (rows ``outlet`` alone carries): every sentence of the
    run, numbered (at most :data:`MAX_FOLD_SENTENCES`, then "…and N more"), then the quotes
    and facts found in them."""
    pal = palette
    sentences = [s for row in rows for s in row.cells.get(outlet, ())]
    heading = Text(no_wrap=True, end="")
    heading.append(f"Only in {codes.get(outlet, '?')} ", pal["heading"])
    heading.append_text(data_text(labels.get(outlet, outlet)))
    heading.append(f" · a run of {len(rows)} rows no other outlet carries "
                   "(enter or z unfolds it)", pal["gutter"])
    items = []
    for s in sentences[:MAX_FOLD_SENTENCES]:
        label = Text(f"#{s.index}", pal["gutter"], no_wrap=True)
        items.append((label, data_text(reason_prefix(s) + s.text)))
    blocks = [ParagraphBlock(heading, items, label_width=6)]
    if len(sentences) > MAX_FOLD_SENTENCES:
        more = Text(f"…and {len(sentences) - MAX_FOLD_SENTENCES} more sentences "
                    "(unfold the run to read them)", pal["gutter"])
        blocks.append(ParagraphBlock(more, []))
    blocks += _analysis_blocks([(outlet, s.index) for s in sentences], codes, tables, pal)
    return blocks


def _analysis_blocks(sentences: list[tuple[str, int]], codes: dict[str, str],
                     tables: dict[str, pl.DataFrame], palette: dict[str, Style]
                     ) -> list[ParagraphBlock]:
    """The quotes and facts found in ``sentences`` (article, index), a block each."""
    import polars as pl

    from corpusdiff.views import rows_about

    pal = palette
    keys = pl.DataFrame(sentences, schema={"article": pl.String, "index": pl.Int64},
                        orient="row")
    blocks = []
    for name in ("quotes", "facts"):
        found = rows_about(tables[name], keys)
        title = Text(f"{name.capitalize()} here: {found.height}", pal["heading"])
        lines = []
        for rec in found.head(MAX_ANALYSIS_ROWS).iter_rows(named=True):
            label = Text(codes.get(rec["article"], "?"), pal["heading"])
            body = Text(end="")
            if rec["text"]:
                body.append_text(data_text(f"“{rec['text']}” "))
            shown = FIELDS.get(name, ())
            fields = " · ".join(f"{k}: {v:.2f}" if isinstance(v, float) else f"{k}: {v}"
                                for k, v in rec.items()
                                if k in shown and v is not None and v != "")
            body.append_text(data_text(fields, pal["gutter"]))
            lines.append((label, body))
        blocks.append(ParagraphBlock(title, lines, label_width=4))
    return blocks


class DetailsPane(BlockView):
    """The details of the selected alignment row."""

    def show(self, blocks: list[ParagraphBlock]) -> None:
        """Display ``blocks`` from the top."""
        self.set_blocks(blocks, cursor=0)
        self.scroll_to(y=0, animate=False, immediate=True)

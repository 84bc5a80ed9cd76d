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
        from corpusdiff.analyze.fact_labels import kind_words

        for kind, n in table.group_by("kind").len().sort("kind").iter_rows():
            out.append((kind, Text(f"{kind_words(kind, None)}  ({n})")))
        return out

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]):
        import polars as pl

        t = table
        if choice is not None:
            t = t.filter(pl.col("kind") == choice)
        out = []
        # each side is shown as its value in words, then the whole sentence it is said in
        keys = pl.concat([t.select(article=f"article_{x}", index=f"sentence_{x}") for x in "ab"])
        text_of = {(a, i): text for a, i, text in data.comparison.sentences
                   .join(keys.unique(), on=["article", "index"], how="semi")
                   .select("article", "index", "text").iter_rows()}
        labels: dict[str, Text] = {}  # one label per outlet, shared by its blocks (read-only)

        def label(article: str) -> Text:
            text = labels.get(article)
            if text is None:
                text = labels[article] = outlet_label(data, article, palette["heading"],
                                                      width=17)
            return text

        for r in t.sort("group", nulls_last=True).iter_rows(named=True):
            # a close pair the aligner left apart has no group: it is found at its sentence
            where = f"Group {r['group']}" if r["group"] is not None else "Not aligned"
            heading = Text(where, palette["heading"], no_wrap=True, end="")
            heading.append_text(data_text(f" · {r['label']}", palette["muted"]))
            items = [
                (label(r[f"article_{side}"]),
                 _with_value(text_of.get((r[f"article_{side}"], r[f"sentence_{side}"])),
                             r[f"said_{side}"], palette))
                for side in "ab"
            ]
            target = ((int(r["group"]), None) if r["group"] is not None
                      else (None, (r["article_a"], int(r["sentence_a"]))))
            out.append((target, ParagraphBlock(heading, items)))
        return out

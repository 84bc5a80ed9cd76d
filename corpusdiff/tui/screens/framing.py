"""Framing: the loaded words each outlet uses in its own voice (connotated verbs, hedges,
evaluative words, labels) and its words of sourcing ("reportedly", kind ``sourcing``), sentence
by sentence, with the words the other outlets use in the same place; enter opens the statement
in the Alignment with the words marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from corpusdiff.text import plural, printable
from corpusdiff.tui.screens.tables import TableScreen, outlet_choices, outlet_label
from corpusdiff.tui.widgets.paragraphs import ParagraphBlock
from corpusdiff.tui.widgets.text import data_text, outlet_letter

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

    from corpusdiff.tui.data import ViewData

#: the mark before a flagged word's line (a cue that needs no colour)
FLAG = "⚑"
#: why a word is flagged (the table's ``source``), in words
SOURCES = {"table": "word list", "comparison": "others say it plainly"}


class FramingScreen(TableScreen):
    """Loaded words, by outlet."""

    MODE = "framing"
    TABLE = "framing"
    EMPTY = "No loaded words: the outlets tell the story in plain words."
    UNIT = "sentences with loaded or sourcing words"

    def choices(self, data: ViewData, table: pl.DataFrame) -> list[tuple[str, Text]]:
        from corpusdiff.model import FRAMING_SOURCING

        # the loaded words and the words of sourcing counted apart, as the Markdown table does
        # (short enough for the side list of an 80-column terminal)
        sourcing = int(table["kind"].eq(FRAMING_SOURCING).sum())
        everything = (f"All: {table.height - sourcing} loaded, {sourcing} sourcing" if sourcing
                      else f"All outlets ({plural(table.height, 'word')})")
        return outlet_choices(data, table, everything)

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]):
        import polars as pl

        from corpusdiff.views import display_rank

        t = table if choice is None else table.filter(pl.col("article") == choice)
        if t.is_empty():
            return []
        sentences = data.comparison.sentences.select(
            "article", pl.col("index").alias("sentence"), pl.col("start").alias("_s0"),
            pl.col("text").alias("_sentence"))
        t = (t.join(sentences, on=["article", "sentence"], how="left")
             .with_columns(_rank=display_rank(data.ids))
             .sort("_rank", "sentence", "start"))
        out = []
        for _, words in t.group_by("_rank", "sentence", maintain_order=True):
            recs = words.to_dicts()
            first = recs[0]
            article, group = first["article"], first["group"]
            heading = outlet_label(data, article, palette["heading"], width=40)
            where = f"group {group}" if group is not None else "only in this outlet"
            heading.append(f" · sentence {first['sentence']} · {where} · ", palette["muted"])
            heading.append(", ".join(dict.fromkeys(r["kind"] for r in recs)), palette["value"])
            items = [(Text(""), _marked_sentence(recs, palette))]
            for r in recs:
                items.append((Text(f"{FLAG} {r['kind']}", palette["value"]),
                              _word_line(data, r, palette)))
            target = ((int(group), None) if group is not None
                      else (None, (article, int(first["sentence"]))))
            out.append((target, ParagraphBlock(heading, items, label_width=14)))
        return out

    async def action_open(self) -> None:
        """Open the statement in the Alignment with the loaded words marked."""
        await super().action_open()
        from corpusdiff.tui.screens.alignment import AlignmentScreen

        screen = self.app.screen
        if isinstance(screen, AlignmentScreen) and not screen.framing:
            screen.action_toggle_framing()


def _marked_sentence(recs: list[dict], palette: dict[str, Style]) -> Text:
    """The sentence with its loaded words in the flagged style."""
    sentence = recs[0]["_sentence"]
    if sentence is None:  # no sentence to show: the words alone
        return data_text(" · ".join(r["text"] for r in recs))
    text = data_text(sentence)
    for r in recs:
        start, end = r["start"] - r["_s0"], r["end"] - r["_s0"]
        if 0 <= start < end <= len(sentence):
            text.stylize(palette["flagged"], start, end)
    return text


def _word_line(data: ViewData, r: dict, palette: dict[str, Style]) -> Text:
    """“word” (polarity) · how the other outlets tell the same place."""
    line = Text(end="")
    line.append("“")
    line.append(printable(r["text"]), palette["flagged"])
    line.append("”")
    details = [d for d in (r["polarity"], SOURCES.get(r["source"], r["source"])) if d]
    if details:
        line.append(f" ({', '.join(details)})", palette["muted"])
    for other in r["counterparts"] or ():
        who = other["article"]
        line.append("  ")
        line.append_text(outlet_letter(data.codes.get(who, "?"), data.colours.get(who),
                                       palette["heading"]))
        if other["text"]:
            line.append_text(data_text(f" “{other['text']}”"))
        else:
            line.append(" leaves it out", palette["muted"])
    return line

"""Overview: the articles with their counts, and the coverage heatmap of groups x outlets."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from corpusdiff.display import short_label
from corpusdiff.text import plural, shorten
from corpusdiff.tui.screens.base import CorpusScreen
from corpusdiff.tui.widgets.alignment import ColumnHeader
from corpusdiff.tui.widgets.blockview import BlockView
from corpusdiff.tui.widgets.heatmap import Heatmap, legend
from corpusdiff.tui.widgets.text import data_text, outlet_letter

if TYPE_CHECKING:
    from corpusdiff.tui.data import ViewData


COLUMNS = ("", "Outlet", "Title", "Sentences", "Shared", "Only here", "Boilerplate")
SHORT_COLUMNS = ("", "Outlet", "Title", "Sent.", "Shared", "Only", "Bp.")
KEYS = ("code", "label", "title", "sentences", "shared", "unique", "boilerplate")


class OverviewScreen(CorpusScreen):
    """Articles and coverage."""

    MODE = "overview"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_group", "Open group", id="overview.open"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("", id="summary", markup=False)
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static("", id="legend", markup=False)
        yield ColumnHeader(id="heat-header")
        yield Heatmap(id="heatmap", wide=True, zebra=True)

    def on_mount(self) -> None:
        super().on_mount()
        heatmap = self.query_one(Heatmap)
        self.watch(heatmap, "scroll_x", self._scroll_header, init=False)
        heatmap.focus()

    def show_data(self, data: ViewData) -> None:
        cmp = data.comparison
        n_bp = int(cmp.sentences["kind"].eq("boilerplate").sum())
        summary = (f"{plural(len(data.ids), 'article')} · "
                   f"{plural(cmp.sentences.height, 'sentence')} · "
                   f"{plural(cmp.groups.height, 'shared statement')} · "
                   f"{n_bp} set aside as boilerplate")
        self.query_one("#summary", Static).update(Text(shorten(summary, self.app.size.width - 2)))
        table = self.query_one("#articles", DataTable)
        table.clear(columns=True)
        width = self.app.size.width
        # narrow terminals get short headers; the title takes what the others leave
        headers = (COLUMNS if width >= 100 else SHORT_COLUMNS)
        for label, key in zip(headers, KEYS, strict=True):
            table.add_column(label, key=key)
        numbers = sum(len(h) for h in headers[3:])
        label_w = min(28, max(12, (width - numbers - 4 - 2 * 7 - 2) // 2))
        labels = [short_label(r or i, label_w)
                  for i, r in data.articles.select("id", "label").iter_rows()]
        label_w = max((len(lab) for lab in labels), default=6)
        title_w = max(width - (4 + label_w + numbers) - 2 * 7 - 2, 12)
        self._width = width
        for row, label in zip(data.articles.iter_rows(named=True), labels, strict=True):
            code = outlet_letter(row["code"], data.colours.get(row["id"]))
            if row["id"] == data.reference:
                code.append(" ★")
            table.add_row(code, data_text(label),
                          data_text(_short(row["title"] or "", title_w)),
                          Text(str(row["sentences"]), justify="right"),
                          Text(str(row["shared"]), justify="right"),
                          Text(str(row["unique"]), justify="right"),
                          Text(str(row["boilerplate"]), justify="right"), key=row["id"])
        heatmap = self.query_one(Heatmap)
        self.query_one("#legend", Static).update(legend(heatmap.palette()))
        heatmap.show(data.coverage, data.ids, data.codes)
        self._header = heatmap.header(data.ids, data.codes, data.colours, data.reference)
        self._scroll_header(heatmap.scroll_x)
        if data.coverage.is_empty():
            self.status.show("No statement is shared by two outlets: see the Alignment (2) "
                             "for what each outlet says")
        else:
            label = data.labels.get(data.reference, data.reference)
            self.status.show(f"Reference ★ {data.codes[data.reference]}: "
                             f"{short_label(label, max(self.app.size.width - 20, 12))}")

    def on_resize(self) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        if data is not None and getattr(self, "_width", 0) != self.app.size.width:
            self.show_data(data)

    def _scroll_header(self, scroll_x: float) -> None:
        header = getattr(self, "_header", None)
        if header is not None:
            self.query_one("#heat-header", ColumnHeader).show(header[int(scroll_x):])

    async def action_open_group(self) -> None:
        """Open the group under the heatmap cursor in the Alignment screen."""
        heatmap = self.query_one(Heatmap)
        groups = getattr(heatmap, "groups", [])
        if groups:
            await self.app.goto(group=groups[heatmap.cursor])  # type: ignore[attr-defined]

    async def on_block_view_activated(self, event: BlockView.Activated) -> None:
        await self.action_open_group()


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

"""Shared parts of the analysis-table screens (quotes, conflicts, omissions, framing): a list on the
left to narrow the table, blocks on the right, enter to jump to the Alignment."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from corpusdiff.text import plural
from corpusdiff.tui.screens.base import CorpusScreen
from corpusdiff.tui.widgets.blockview import BlockView
from corpusdiff.tui.widgets.paragraphs import ParagraphBlock

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

    from corpusdiff.tui.data import ViewData


class TableView(BlockView):
    """The blocks of an analysis table; styles come from the stylesheet."""

    COMPONENT_CLASSES = BlockView.COMPONENT_CLASSES | {
        "table--heading", "table--muted", "table--added", "table--removed", "table--value",
        "table--flagged",
    }

    def palette(self) -> dict[str, Style]:
        """Styles for the blocks."""
        get = self.get_component_rich_style
        return {name: get(f"table--{name}", partial=True)
                for name in ("heading", "muted", "added", "removed", "value", "flagged")}


class TableScreen(CorpusScreen):
    """A side list (``choices``) narrowing blocks built by ``blocks``; enter jumps to the
    Alignment at the selected block's group or sentence."""

    #: the Comparison field this screen lists (quotes, conflicts, omissions)
    TABLE: ClassVar[str] = ""
    EMPTY: ClassVar[str] = "Nothing here."
    #: what the status line counts (default: the table's name)
    UNIT: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open in alignment", id="table.open"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="table-body"):
            yield OptionList(id="choices", markup=False)
            yield TableView(id="blocks")

    def on_mount(self) -> None:
        self.targets: list[tuple[int | None, tuple[str, int] | None]] = []
        #: the data and choice the blocks were built for
        self._filled: tuple[ViewData | None, str | None] = (None, None)
        super().on_mount()

    def show_data(self, data: ViewData) -> None:
        table = self.table(data)
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        choices.add_options([Option(prompt, id=key) for key, prompt in self.choices(data, table)])
        choices.highlighted = 0
        self._fill(data, table, None)
        self.query_one("#blocks", TableView).focus()

    @on(OptionList.OptionHighlighted, "#choices")
    def _choice(self, event: OptionList.OptionHighlighted) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        if data is None:
            return
        key = event.option.id
        choice = None if key == "*" else key
        # show_data highlights the first choice after filling it: no second build
        if data is not self._filled[0] or choice != self._filled[1]:
            self._fill(data, self.table(data), choice)

    def _fill(self, data: ViewData, table: pl.DataFrame, choice: str | None) -> None:
        view = self.query_one("#blocks", TableView)
        self._filled = (data, choice)
        self.status.show(f"{self.UNIT or self.TABLE}: preparing…")
        # the blocks of a big table take a while to build (a tenth of a second for 1,600
        # quotes): off the event loop, and once the screen is painted (a worker competes for
        # the interpreter with the first paint), so the screen shows at once and fills in
        self.call_after_refresh(self._build, data, table, choice, view.palette())

    @work(thread=True, exclusive=True, group="table", description="build the table's blocks")
    def _build(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]) -> None:
        built = self.blocks(data, table, choice, palette)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_blocks, data, table, choice, built, palette)

    def _show_blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
                     built: list[tuple[tuple[int | None, tuple[str, int] | None],
                                       ParagraphBlock]],
                     palette: dict[str, Style]) -> None:
        if self._filled[0] is not data or self._filled[1] != choice:
            return  # another choice (or new data) was asked for meanwhile
        view = self.query_one("#blocks", TableView)
        if not built:
            message = Text(self.EMPTY if choice is None else f"{self.EMPTY} ({choice})",
                           palette["muted"])
            built = [((None, None), ParagraphBlock(message, []))]
        self.targets = [target for target, _ in built]
        view.set_blocks([block for _, block in built], cursor=0)
        count = sum(1 for target, _ in built if target != (None, None)) if table.height else 0
        self.status.show(plural(count, (self.UNIT or self.TABLE).removesuffix("s"))
                         + (f" ({choice})" if choice else ""))

    def table(self, data: ViewData) -> pl.DataFrame:
        """The analysis table this screen lists."""
        return getattr(data.comparison, self.TABLE)

    def choices(self, data: ViewData, table: pl.DataFrame) -> list[tuple[str, Text]]:
        """(key, prompt) pairs of the side list; key "*" shows everything."""
        raise NotImplementedError

    def blocks(self, data: ViewData, table: pl.DataFrame, choice: str | None,
               palette: dict[str, Style]
               ) -> list[tuple[tuple[int | None, tuple[str, int] | None], ParagraphBlock]]:
        """(jump target, block) pairs for the chosen key (None: all)."""
        raise NotImplementedError

    async def action_open(self) -> None:
        """Open the selected block's group (or sentence) in the Alignment screen."""
        view = self.query_one("#blocks", TableView)
        if not self.targets or view.cursor >= len(self.targets):
            return
        group, sentence = self.targets[view.cursor]
        if group is None and sentence is None:
            self.notify("This row has no place in the alignment", timeout=2)
            return
        await self.app.goto(group=group, sentence=sentence)  # type: ignore[attr-defined]

    async def on_block_view_activated(self, event: BlockView.Activated) -> None:
        await self.action_open()


def outlet_label(data: ViewData, article: str, style: Style, width: int = 28) -> Text:
    """``A Label`` for an article id: the letter in its colour, the label cut to fit
    ``width`` cells in all (a path-like label keeps its stem; unknown ids shown as they
    are)."""
    from corpusdiff.display import short_label
    from corpusdiff.tui.widgets.text import data_text, outlet_letter

    code = data.codes.get(article, "?")
    text = outlet_letter(code, data.colours.get(article), style)
    text.append(" ", style)
    label = data.labels.get(article, article)
    text.append_text(data_text(short_label(label, max(width - len(code) - 1, 4))))
    return text


def outlet_choices(data: ViewData, table: pl.DataFrame, everything: str
                   ) -> list[tuple[str, Text]]:
    """The side list of a table by outlet: ``everything`` ("All outlets (5)"), then each
    outlet by letter and label with its number of rows."""
    counts = dict(table.group_by("article").len().iter_rows())
    out = [("*", Text(everything))]
    for article in data.ids:
        prompt = outlet_label(data, article, Style(bold=True), width=24)
        prompt.append(f"  {counts.get(article, 0)}", "dim")
        out.append((article, prompt))
    return out

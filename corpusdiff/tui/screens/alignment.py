"""Alignment: the rows of the comparison side by side or unified, with differences to step
through, search, filters and the details of the selected row."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import get_current_worker

from corpusdiff.display import RowFilter, hunk, step
from corpusdiff.tui.screens.base import CorpusScreen
from corpusdiff.tui.screens.dialogs import FilterScreen
from corpusdiff.tui.widgets.alignment import (
    GUTTER,
    MIN_COLUMN,
    AlignContext,
    AlignmentView,
    ColumnHeader,
    FoldRow,
    RowData,
    SideBySideRow,
    UnifiedRow,
    header_text,
    matches_by_sentence,
)
from corpusdiff.tui.widgets.details import DetailsPane, details_blocks, fold_details_blocks
from corpusdiff.tui.widgets.text import count_lines

if TYPE_CHECKING:
    from corpusdiff.tui.data import ViewData

MAX_COLUMNS = 6
#: seconds between a cursor move and (re)building the details pane
DETAILS_DELAY = 0.03


class AlignmentScreen(CorpusScreen):
    """Side-by-side / unified alignment."""

    MODE = "alignment"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "difference(1)", "Next difference", id="alignment.next_difference"),
        Binding("p", "difference(-1)", "Previous difference",
                id="alignment.previous_difference"),
        Binding("slash", "search", "Search", id="alignment.search"),
        Binding("d", "details", "Details", id="alignment.details"),
        Binding("s", "toggle_mode", "Side/unified", id="alignment.mode"),
        Binding("f", "filter", "Filter", id="alignment.filter"),
        Binding("w", "toggle_wrap", "Wrap", id="alignment.wrap"),
        Binding("b", "toggle_boilerplate", "Boilerplate", id="alignment.boilerplate"),
        Binding("enter", "activate", "Next match / details", show=False,
                id="alignment.activate"),
        Binding("shift+enter", "match(-1)", "Previous match", show=False,
                id="alignment.previous_match"),
        Binding("N", "back", "Previous match / difference", show=False,
                id="alignment.back"),
        Binding("left,h", "columns(-1)", "Outlets left", show=False,
                id="alignment.columns_left"),
        Binding("right,l", "columns(1)", "Outlets right", show=False,
                id="alignment.columns_right"),
        Binding("escape", "clear", "Clear search", show=False, id="alignment.clear"),
        Binding("z", "fold", "Fold / unfold one outlet's run", show=False,
                id="alignment.fold"),
        Binding("m", "toggle_framing", "Mark framing", show=False, id="alignment.framing"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.unified = False
        self.wrap = True
        self.filter = RowFilter()
        self.first = 0
        self.query_text = ""
        self.hits: list[tuple[int, str, int, int, int]] = []
        self.hit_blocks: list[int] = []
        self.hit_index: int | None = None
        self.block_rows: list[int] = []
        #: layout row -> the block showing it (a folded run's rows all map to its block)
        self.row_block: dict[int, int] = {}
        #: layout row -> the run it belongs to (its first row), for rows in runs
        self.row_run: dict[int, int] = {}
        #: runs (by first row) the user unfolded
        self.expanded: set[int] = set()
        self.diff_positions: list[int] = []
        self.diff_flags: list[bool] = []
        self.columns: list[str] = []
        self.ctx: AlignContext | None = None
        #: data, and by filter the rows they show (frame, ids, (row, run, outlet) tuples) and
        #: the differences by unfolded runs: computed once per data and filter (b, f toggle
        #: between a few filters)
        self._rows: tuple[ViewData | None, dict[RowFilter, tuple]] = (None, {})
        self._pending: tuple[int | None, tuple[str, int] | None] | None = None
        self._fit = 0
        self._details_timer: Timer | None = None
        self._warmed: set[tuple[int, int]] = set()
        #: whether the loaded words (framing) are marked, and their spans for the data shown
        self.framing = False
        self._flagged: tuple[object, dict[tuple[str, int], list[tuple[int, int]]]] = (None, {})

    def compose_body(self) -> ComposeResult:
        yield ColumnHeader(id="columns")
        yield AlignmentView(id="alignment", zebra=True)
        yield DetailsPane(id="details")
        yield Input(placeholder="Search all columns (enter: first match, then n / N; "
                    "esc: clear)", id="search")

    def on_mount(self) -> None:
        self.query_one("#details").display = False
        self.query_one("#search", Input).display = False
        super().on_mount()
        self.watch(self.view, "cursor", self._moved, init=False)
        self.view.focus()

    @property
    def view(self) -> AlignmentView:
        """The alignment rows."""
        return self.query_one(AlignmentView)

    @property
    def data(self) -> ViewData | None:
        return self.app.data  # type: ignore[attr-defined,no-any-return]

    # -- building ------------------------------------------------------------------------

    def show_data(self, data: ViewData) -> None:
        if self.view.size.width == 0:
            self.call_after_refresh(self.rebuild)
        else:
            self.rebuild()

    def _fit_columns(self) -> int:
        width = self.view.content_width
        return max(2, min(MAX_COLUMNS, (width - GUTTER) // MIN_COLUMN))

    def _shown(self, data: ViewData) -> list[str]:
        outlets = self.filter.outlets
        return [i for i in data.ids if outlets is None or i in outlets]

    def _columns(self, data: ViewData) -> tuple[list[str], int, int]:
        """Visible outlets and how many are hidden left and right (side by side only)."""
        shown = self._shown(data)
        fit = self._fit_columns()
        if self.unified or len(shown) <= fit:
            self.first = 0
            return shown, 0, 0
        pinned = [data.reference] if data.reference in shown else []
        others = [i for i in shown if i not in pinned]
        room = fit - len(pinned)
        self.first = max(0, min(self.first, len(others) - room))
        window = others[self.first:self.first + room]
        return pinned + window, self.first, len(others) - self.first - len(window)

    def _offscreen(self, data: ViewData, columns: list[str]) -> dict[str, str]:
        """Shown outlets scrolled out of the columns -> "←" or "→" (side by side only)."""
        if self.unified:
            return {}
        others = [i for i in self._shown(data) if i != data.reference]
        return {a: "←" if n < self.first else "→"
                for n, a in enumerate(others) if a not in columns}

    def rebuild(self, cursor_row: int | None = None) -> None:
        """Recompute rows, columns and blocks from the current state; keep the cursor on the
        same layout row when it is still shown."""
        import polars as pl

        data = self.data
        if data is None:
            return
        view = self.view
        if cursor_row is None and self.block_rows and view.cursor < len(self.block_rows):
            cursor_row = self.block_rows[view.cursor]
        self._fit = self._fit_columns()
        columns, hidden_left, hidden_right = self._columns(data)
        from corpusdiff import views

        # the same rows whichever outlets are in view: a row only outlets scrolled away carry
        # says so (SideBySideRow._offscreen), and h / l keep the cursor on its row. They
        # depend on the data and the filter only: s, w, h, l and m reuse them
        if self._rows[0] is not data:
            self._rows = (data, {})
        cached = self._rows[1].get(self.filter)
        if cached is None:
            rows = views.fold_runs(views.visible_rows(data.layout, self.filter, data.quotes))
            cached = self._rows[1][self.filter] = (
                rows, rows["row"].to_list(), rows.select("row", "run", "outlet").rows(), {})
        rows, every, listed, hunks = cached
        self.columns = columns
        self.rows_df = rows
        old = self.ctx
        self.ctx = AlignContext(columns=columns, order=data.ids, codes=data.codes,
                                labels=data.labels, palette=view.palette(), wrap=self.wrap,
                                colours=data.colours,
                                flagged=self._flagged_spans(data) if self.framing else {},
                                offscreen=self._offscreen(data, columns))
        if old is not None and old.order == self.ctx.order:
            self.ctx._diffs = old._diffs
        block_type = UnifiedRow if self.unified else SideBySideRow
        blocks: list = []
        self.block_rows, self.row_block, self.row_run = [], {}, {}
        folds: dict[int, FoldRow] = {}
        for r, run, outlet in listed:
            if run is not None:
                self.row_run[r] = run
            if run is not None and run not in self.expanded:
                fold = folds.get(run)
                if fold is None:
                    fold = folds[run] = FoldRow(self.ctx, [], outlet, self.unified)
                    self.block_rows.append(r)
                    blocks.append(fold)
                fold.rows.append(data.rows[r])
            else:
                self.block_rows.append(r)
                blocks.append(block_type(self.ctx, data.rows[r]))
            self.row_block[r] = len(blocks) - 1
        folded = frozenset(self.expanded)  # the differences depend on what is unfolded
        if folded not in hunks:
            shown = rows.join(pl.DataFrame({"row": self.block_rows}, schema={"row": pl.Int64}),
                              on="row", how="semi")
            hunks[folded] = (views.differences(shown), shown["is_difference"].to_list())
        self.diff_positions, self.diff_flags = hunks[folded]
        position = self.row_block
        cursor = position.get(cursor_row, 0) if cursor_row is not None else 0
        if cursor_row is not None and cursor_row not in position:
            # the row is filtered away: the nearest shown row before it
            import bisect

            cursor = max(bisect.bisect_right(self.block_rows, cursor_row) - 1, 0)
        self._search(keep=True)
        view.set_blocks(blocks, cursor=cursor)
        self.query_one("#columns", ColumnHeader).show(header_text(
            self.ctx, view.content_width, data.reference, hidden_left,
            hidden_right, self.unified))
        width = view.content_width
        if (width, len(every)) not in self._warmed:
            self._warmed.add((width, len(every)))
            self._warm([data.rows[r] for r in every], width, len(columns))
        if self._pending is not None:
            group, sentence = self._pending
            self._pending = None
            self.reveal(group=group, sentence=sentence)
        self._status()

    @work(thread=True, exclusive=True, group="warm", description="measure rows")
    def _warm(self, rows: list[RowData], width: int, n_columns: int) -> None:
        """Measure every row for both modes at ``width`` off the event loop, so the first
        switch to the other mode (or back to wrapping) finds its line counts cached."""
        worker = get_current_worker()
        side = SideBySideRow.column_width_for(width, n_columns)
        unified = width - UnifiedRow.label_width_for(width)
        for n, row in enumerate(rows):
            if n % 500 == 0 and worker.is_cancelled:
                return
            for article in row.cells:
                plain = row.plain(article)
                count_lines(plain, side)
                count_lines(plain, unified)

    def on_resize(self, event: Resize) -> None:
        if self.data is not None and self._fit and self._fit_columns() != self._fit:
            self.rebuild()
        elif self.data is not None and self.ctx is not None:
            self.call_after_refresh(self._refresh_header)

    def _refresh_header(self) -> None:
        data = self.data
        if data is None or self.ctx is None:
            return
        _, left, right = self._columns(data)
        self.query_one("#columns", ColumnHeader).show(header_text(
            self.ctx, self.view.content_width, data.reference, left, right,
            self.unified))

    # -- status --------------------------------------------------------------------------

    def _status(self) -> None:
        data = self.data
        if data is None:
            return
        cursor = self.view.cursor
        total = len(self.block_rows)
        diff_n = hunk(self.diff_positions, self.diff_flags, cursor)
        # what must stay visible at 80 columns first: the position and the reference
        parts = [
            f"Row {cursor + 1 if total else 0} of {total}",
            f"ref ★ {data.codes[data.reference]}",
        ]
        if self.query_text:
            parts.append(f"search {self.query_text!r}: {self.match_counter()}")
        parts.append(f"diff {diff_n if diff_n else '–'} of {len(self.diff_positions)}")
        described = self.filter.describe(data.codes)
        if described:
            parts.append(f"filter: {described}")
        if self.framing:
            parts.append(f"framing marked ({sum(map(len, self.ctx.flagged.values()))})"
                         if self.ctx is not None else "framing marked")
        parts.append(", ".join(("unified" if self.unified else "side by side",
                                "wrap" if self.wrap else "no wrap",
                                "boilerplate shown" if self.filter.show_boilerplate
                                else "boilerplate hidden")))
        self.status.show(*parts)

    def match_counter(self) -> str:
        """Where the search stands: "no match", "no match yet (4 found)", "3 of 4"."""
        if not self.hits:
            return "no match"
        if self.hit_index is None:
            return f"no match yet ({len(self.hits)} found; enter or n)"
        return f"{self.hit_index + 1} of {len(self.hits)}"

    def _moved(self, cursor: int) -> None:
        # a watcher, so the status changes in the same frame as the cursor
        self._status()
        if self.query_one("#details").display:
            self._details()

    # -- navigation ----------------------------------------------------------------------

    def action_difference(self, direction: int) -> None:
        """Move to the next (1) or previous (-1) difference; while a search has matches, to
        the next or previous match (n / N, as in less and vim)."""
        if self.query_text and self.hits:
            self.action_match(direction, inclusive=self.hit_index is None)
            return
        target = step(self.diff_positions, self.view.cursor, direction > 0)
        if target is None:
            self.notify("No more differences " + ("below" if direction > 0 else "above"),
                        timeout=2)
            return
        self.view.jump(target)

    def action_back(self) -> None:
        """N: the previous search match while searching, else the previous difference."""
        self.action_difference(-1)

    def reveal(self, group: int | None = None, sentence: tuple[str, int] | None = None) -> None:
        """Put the cursor on the row of ``group`` (or ``sentence``), making it visible."""
        import polars as pl

        data = self.data
        if data is None or (not self.block_rows and self.ctx is None):
            self._pending = (group, sentence)
            return
        from corpusdiff import views

        row = None
        if group is not None:
            row = views.row_of_group(data.layout, group)
        elif sentence is not None:
            row = views.row_of_sentence(data.layout, *sentence)
        if row is None:
            self.notify("That row is not in this comparison", severity="warning", timeout=3)
            return
        if row not in self.row_block:
            kind = data.layout.rows.filter(pl.col("row") == row)["kind"][0]
            self.filter = RowFilter(show_boilerplate=kind == "boilerplate")
            carriers = data.layout.cells.filter(pl.col("row") == row)["article"].to_list()
            others = [i for i in self._shown(data) if i != data.reference]
            if carriers and data.reference not in carriers and carriers[0] in others:
                self.first = others.index(carriers[0])
            self.notify("Filter cleared to show it", timeout=2)
            self.rebuild(cursor_row=row)
            self.view.jump(self.view.cursor)
        else:
            self._unfold(row)
            self.view.jump(self.row_block[row])
        self.view.focus()

    def action_columns(self, direction: int) -> None:
        """Scroll the outlet columns sideways when they do not all fit."""
        if self.unified or self.data is None:
            return
        _, left, right = self._columns(self.data)
        if (direction < 0 and not left) or (direction > 0 and not right):
            return
        self.first += direction
        self.rebuild()

    # -- toggles -------------------------------------------------------------------------

    def action_toggle_mode(self) -> None:
        """Switch between side by side and unified."""
        self.unified = not self.unified
        self.rebuild()

    def action_toggle_wrap(self) -> None:
        """Wrap long sentences, or cut them at the column's edge."""
        self.wrap = not self.wrap
        self.rebuild()

    def action_toggle_boilerplate(self) -> None:
        """Show boilerplate (dimmed, with why it was set aside) or hide it."""
        f = self.filter
        self.filter = RowFilter(f.outlets, f.kinds, f.only_differences, f.only_quotes,
                                not f.show_boilerplate)
        self.rebuild()

    def action_filter(self) -> None:
        """Choose outlets, row kinds, only differences, only quotes."""
        data = self.data
        if data is None:
            return

        def chosen(result: RowFilter | None) -> None:
            if result is not None:
                self.filter = result
                self.first = 0
                self.rebuild()

        self.app.push_screen(FilterScreen(data, self.filter), chosen)

    def action_details(self) -> None:
        """Show or hide the details of the selected row."""
        pane = self.query_one("#details", DetailsPane)
        pane.display = not pane.display
        if pane.display:
            self._details()
        else:
            self.view.focus()

    def _details(self) -> None:
        # built a moment later, off the event loop: the key's own frame comes first
        if self._details_timer is not None:
            self._details_timer.stop()
        self._details_timer = self.set_timer(DETAILS_DELAY, self._start_details)

    def _start_details(self) -> None:
        self._details_timer = None
        data = self.data
        if data is None or not self.block_rows or self.ctx is None:
            return
        block = self.view._blocks[self.view.cursor]
        fold = block if isinstance(block, FoldRow) else None
        row = data.rows[self.block_rows[self.view.cursor]]
        self._build_details(data, row, [a for a in data.ids if a in self._shown(data)],
                            self.ctx.palette, fold)

    @work(thread=True, exclusive=True, group="details", description="details")
    def _build_details(self, data: ViewData, row: RowData, order: list[str],
                       palette: dict, fold: FoldRow | None = None) -> None:
        """The details blocks, off the event loop (word diffs of every outlet of a group;
        every sentence of a folded run)."""
        from corpusdiff import views

        tables = {"quotes": data.comparison.quotes, "facts": data.comparison.facts,
                  "unaligned_nearest": data.comparison.unaligned_nearest}
        if fold is not None:
            blocks = fold_details_blocks(fold.rows, fold.outlet, data.codes, data.labels,
                                         tables, palette)
        else:
            members = (views.group_members(data.comparison, row.group, data.ids)
                       if row.group is not None else None)
            blocks = details_blocks(row, order, data.codes, data.labels, members, tables,
                                    palette)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one("#details", DetailsPane).show, blocks)

    # -- search --------------------------------------------------------------------------

    def action_search(self) -> None:
        """Search the shown text; matches are highlighted in every column."""
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._search()
        self.view.repaint()
        self._status()

    @on(Input.Submitted, "#search")
    def _submitted(self, event: Input.Submitted) -> None:
        self.view.focus()
        if self.hits:
            self.action_match(1, inclusive=True)
        elif self.query_text:
            self.notify(f"No match for {self.query_text!r}", timeout=2, markup=False)

    def _search(self, keep: bool = False) -> None:
        data = self.data
        if data is None or self.ctx is None:
            return
        if not self.query_text:
            self.hits, self.hit_blocks, self.hit_index = [], [], None
            self.ctx.matches, self.ctx.current = {}, None
            return
        from corpusdiff import views

        found = views.search(data.layout, self.query_text, self.rows_df, self.columns)
        self.hits = list(found.iter_rows())
        self.hit_blocks = [self.row_block[h[0]] for h in self.hits]
        self.ctx.matches = matches_by_sentence(found)
        if not keep or self.hit_index is None or self.hit_index >= len(self.hits):
            self.hit_index = None
            self.ctx.current = None

    def action_activate(self) -> None:
        """Next search match when searching; on a folded run, unfold it; else show the
        details of the row."""
        if self.hits:
            self.action_match(1)
        elif self._folded_at_cursor():
            self.action_fold()
        else:
            self.action_details()

    # -- folding -------------------------------------------------------------------------

    def _folded_at_cursor(self) -> bool:
        blocks = self.view._blocks
        return 0 <= self.view.cursor < len(blocks) and isinstance(blocks[self.view.cursor],
                                                                  FoldRow)

    def _unfold(self, row: int) -> bool:
        """Unfold the folded run holding layout ``row``; whether it was folded."""
        run = self.row_run.get(row)
        if run is None or run in self.expanded:
            return False
        self.expanded.add(run)
        data = self.data
        outlet = next(iter(data.rows[row].cells), None) if data is not None else None
        if data is not None and outlet is not None and outlet not in self.columns:
            # scroll the columns to the run's outlet, or its rows would only say where it is
            others = [i for i in self._shown(data) if i != data.reference]
            if outlet in others:
                self.first = others.index(outlet)
        self.rebuild(cursor_row=row)
        return True

    def action_fold(self) -> None:
        """Unfold the run of one outlet's rows under the cursor, or fold it back."""
        if not self.block_rows:
            return
        row = self.block_rows[self.view.cursor]
        run = self.row_run.get(row)
        if run is None:
            self.notify("Only a run of rows one outlet alone carries folds", timeout=2)
        elif run in self.expanded:
            self.expanded.discard(run)
            self.rebuild(cursor_row=run)
        else:
            self._unfold(row)

    def action_match(self, direction: int, inclusive: bool = False) -> None:
        """Go to the next (1) or previous (-1) search match."""
        if not self.hits or self.ctx is None:
            return
        cursor = self.view.cursor
        if self.hit_index is not None and self.hit_blocks[self.hit_index] == cursor:
            index = (self.hit_index + direction) % len(self.hits)
        elif direction > 0:
            after = [n for n, b in enumerate(self.hit_blocks)
                     if b > cursor or (inclusive and b == cursor)]
            index = after[0] if after else 0
        else:
            before = [n for n, b in enumerate(self.hit_blocks) if b < cursor]
            index = before[-1] if before else len(self.hits) - 1
        if self._unfold(self.hits[index][0]):
            self.hit_index = index
        changed = [self.hit_blocks[index]]
        if self.hit_index is not None:
            changed.append(self.hit_blocks[self.hit_index])
        self.hit_index = index
        _, article, sentence, start, end = self.hits[index]
        self.ctx.current = (article, sentence, start, end)
        self.view.repaint(changed)
        if self.view.cursor == self.hit_blocks[index]:
            self._status()
        self.view.jump(self.hit_blocks[index])

    def action_clear(self) -> None:
        """Clear the search (and close the search box and details)."""
        box = self.query_one("#search", Input)
        if box.display or self.query_text:
            box.value = ""
            box.display = False
            self.query_text = ""
            self._search()
            self.view.repaint()
        else:
            self.query_one("#details").display = False
        self.view.focus()
        self._status()

    # -- framing -------------------------------------------------------------------------

    def _flagged_spans(self, data: ViewData) -> dict[tuple[str, int], list[tuple[int, int]]]:
        """The loaded words of ``data`` by sentence, computed once per data."""
        if self._flagged[0] is not data:
            from corpusdiff.views import framing_spans

            spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
            for a, i, s, e in framing_spans(data.comparison).select(
                    "article", "index", "start", "end").iter_rows():
                spans.setdefault((a, i), []).append((s, e))
            self._flagged = (data, spans)
        return self._flagged[1]

    def action_toggle_framing(self) -> None:
        """Mark (or stop marking) the loaded words: bold, italic, underlined."""
        self.framing = not self.framing
        self.rebuild()

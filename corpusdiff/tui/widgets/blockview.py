"""BlockView: a scrolling list of text blocks that paints only the lines on screen.

The idea is Toolong's: a ScrollView whose ``render_line`` works out which block and which line
of it sits at ``y``, renders that block on demand and caches the strips. Heights are measured
with the same wrapping the painting uses, so scrolling 10,000 rows costs what the visible
ones cost. A block is anything with ``height(width)`` and ``lines(width)``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import ClassVar, Protocol

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class Block(Protocol):
    """One item of a BlockView. A tall block may also offer
    ``lines_between(width, start, stop) -> list[Text]`` to paint only some of its lines."""

    def height(self, width: int) -> int:
        """Lines the block takes at ``width`` cells."""
        ...

    def lines(self, width: int) -> list[Text]:
        """The block's lines at ``width`` cells (exactly ``height(width)`` of them)."""
        ...


class _BlockMessage(Message):
    """A message about block ``index`` of a :class:`BlockView` (its ``control``)."""

    def __init__(self, view: BlockView, index: int) -> None:
        super().__init__()
        self.view = view
        self.index = index

    @property
    def control(self) -> BlockView:
        return self.view


class BlockView(ScrollView, can_focus=True, inherit_bindings=False):
    """Blocks of lines with a cursor on one block; only visible lines are rendered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="view.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="view.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="view.page_up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="view.page_down"),
        Binding("home,g", "edge(0)", "First", show=False, id="view.first"),
        Binding("end,G", "edge(1)", "Last", show=False, id="view.last"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"blockview--cursor", "blockview--odd"}
    DEFAULT_CSS = """
    BlockView { scrollbar-gutter: stable; overflow-x: hidden; }
    """

    cursor: reactive[int] = reactive(0, repaint=False)

    class CursorMoved(_BlockMessage):
        """The cursor moved to block ``index``."""

    class Activated(_BlockMessage):
        """Block ``index`` was double-clicked."""

    def __init__(self, *, zebra: bool = False, wide: bool = False, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._blocks: Sequence[Block] = ()
        self._offsets: list[int] = [0]
        self._width = 0
        self._line_width = 0
        self._cache: LRUCache[tuple[int, int, int, str, int], Strip] = LRUCache(4096)
        #: per-block paint generation: bumping one forgets that block's cached lines only
        self._generation: dict[int, int] = {}
        self._paint: tuple[Style, Style, Style] = (Style(), Style(), Style())
        self.zebra = zebra
        #: blocks may be wider than the view (scroll sideways): lines are cut at
        #: ``virtual_width`` cells instead of the view's width
        self.wide = wide
        self.virtual_width = 0
        if wide:
            self.styles.overflow_x = "auto"

    # -- content -------------------------------------------------------------------------

    @property
    def block_count(self) -> int:
        """Number of blocks."""
        return len(self._blocks)

    @property
    def content_width(self) -> int:
        """Cells available to a block line."""
        return max(self.scrollable_content_region.width, 1)

    def set_blocks(self, blocks: Sequence[Block], cursor: int | None = None) -> None:
        """Show ``blocks``; keep the cursor where it was unless ``cursor`` is given."""
        self._blocks = blocks
        self._width = 0  # force a re-measure
        self._measure()
        target = self.cursor if cursor is None else cursor
        self.set_reactive(BlockView.cursor, max(0, min(target, len(blocks) - 1)))
        self.repaint()
        self.scroll_to_cursor(False)
        self.post_message(self.CursorMoved(self, self.cursor))

    def repaint(self, blocks: list[int] | None = None) -> None:
        """Forget rendered lines (after a style change) and paint again: every block, or
        only ``blocks``."""
        if blocks is None:
            self._cache.clear()
            self._generation.clear()
            self.refresh()
            return
        for index in blocks:
            self._generation[index] = self._generation.get(index, 0) + 1
            self.refresh_block(index)

    def remeasure(self) -> None:
        """Measure every block again (after a change of their content or wrapping)."""
        self._width = 0
        self._measure()
        self.repaint()

    def _measure(self) -> None:
        width = self.content_width
        if width == self._width and len(self._offsets) == len(self._blocks) + 1:
            return
        self._width = width
        offsets = [0]
        total = 0
        for block in self._blocks:
            total += max(block.height(width), 1)
            offsets.append(total)
        self._offsets = offsets
        self._line_width = width
        if self.wide and self._blocks:
            self._line_width = max(width, self.virtual_width)
        self.virtual_size = Size(self._line_width, total)
        self._cache.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._measure()
        self.scroll_to_cursor(False)

    def block_at(self, y: int) -> tuple[int, int]:
        """(block index, line within it) at virtual line ``y``."""
        index = bisect.bisect_right(self._offsets, y) - 1
        return index, y - self._offsets[index]

    def block_span(self, index: int) -> tuple[int, int]:
        """First virtual line and height of block ``index``."""
        return self._offsets[index], self._offsets[index + 1] - self._offsets[index]

    # -- painting ------------------------------------------------------------------------

    def _strip(self, index: int, line: int, style: Style, state: str) -> Strip:
        """Line ``line`` of block ``index`` painted over ``style`` (base, zebra or cursor).

        Strips are costly to make, so each is built once and cached; a tall block (a group
        carried by 300 outlets) is asked only for the lines on screen when it can give a
        range (``lines_between``)."""
        generation = self._generation.get(index, 0)
        key = (index, self._width, generation, state, line)
        strip = self._cache.get(key)
        if strip is not None:
            return strip
        block = self._blocks[index]
        height = self._offsets[index + 1] - self._offsets[index]
        if hasattr(block, "lines_between"):
            start = line
            stop = min(height, line + max(self.scrollable_content_region.height, 1))
            lines = block.lines_between(self._width, start, stop)  # type: ignore[attr-defined]
        else:
            start, stop = 0, height
            lines = block.lines(self._width)[:height]
        lines += [Text("")] * (stop - start - len(lines))
        console = self.app.console
        width = self._line_width
        for n, text in enumerate(lines, start):
            text = text.copy()
            text.set_length(width)
            text.stylize_before(style)
            self._cache[(index, self._width, generation, state, n)] = Strip(
                list(text.render(console)), width)
        return self._cache[key]

    def render_lines(self, crop: Region) -> list[Strip]:
        # measure and look the styles up once per paint, not once per line
        self._measure()
        base = self.rich_style
        cursor = self.get_component_rich_style("blockview--cursor")
        if not self.has_focus:
            cursor = Style(bgcolor=cursor.bgcolor)
        self._paint = (base, base + cursor, base + self.get_component_rich_style("blockview--odd"))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base, cursor, odd = self._paint
        y += scroll_y
        if not self._blocks or y >= self._offsets[-1]:
            return Strip.blank(width, base)
        index, line = self.block_at(y)
        if index == self.cursor:
            strip = self._strip(index, line, cursor, "cursor" if self.has_focus else "dim")
        elif self.zebra and index % 2:
            strip = self._strip(index, line, odd, "odd")
        else:
            strip = self._strip(index, line, base, "")
        if self.wide:
            strip = strip.crop_extend(scroll_x, scroll_x + width, base)
        return strip

    def on_focus(self) -> None:
        self.refresh_block(self.cursor)

    def on_blur(self) -> None:
        self.refresh_block(self.cursor)

    def refresh_block(self, index: int) -> None:
        """Repaint the lines of block ``index``."""
        if 0 <= index < len(self._blocks):
            start, height = self.block_span(index)
            self.refresh_lines(start, height)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # -- cursor --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_block(old)
        self.refresh_block(new)
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(self, new))

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._blocks) - 1))

    def scroll_to_cursor(self, animate: bool = False) -> None:
        """Bring the cursor block into view (its top when it is taller than the view)."""
        if not self._blocks:
            return
        self._measure()
        start, height = self.block_span(self.cursor)
        view = self.scrollable_content_region.height
        top = self.scroll_offset.y
        # force: right after new blocks are set, Textual has not yet decided that the view
        # has a scrollbar and would ignore the scroll (the first jump from another screen)
        if start < top or height > view:
            self.scroll_to(y=start, animate=animate, immediate=True, force=True)
        elif start + height > top + view:
            self.scroll_to(y=start + height - view, animate=animate, immediate=True,
                           force=True)

    def jump(self, index: int) -> None:
        """Put the cursor on block ``index`` and scroll it to the top of the view (what a
        jump lands on is read with what follows it)."""
        self.cursor = index
        if self._blocks:
            start, _ = self.block_span(self.cursor)
            self.scroll_to(y=start, animate=False, immediate=True, force=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor = self.cursor + delta

    def action_page(self, direction: int) -> None:
        view = max(self.scrollable_content_region.height, 1)
        start, _ = self.block_span(self.cursor)
        target = max(0, min(start + direction * view, self._offsets[-1] - 1))
        index, _ = self.block_at(target)
        if index == self.cursor and 0 <= index + direction < len(self._blocks):
            index += direction
        self.cursor = index

    def action_edge(self, end: int) -> None:
        self.cursor = len(self._blocks) - 1 if end else 0

    def on_click(self, event: events.Click) -> None:
        if not self._blocks:
            return
        y = event.y + self.scroll_offset.y
        if y < self._offsets[-1]:
            index, _ = self.block_at(y)
            self.cursor = index
            if event.chain >= 2:
                self.post_message(self.Activated(self, index))

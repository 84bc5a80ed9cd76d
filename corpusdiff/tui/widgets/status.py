"""The one-line status under the main view: position, modes, filters."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    """Plain-text status parts joined with separators (never parsed as markup).

    A one-line widget that only repaints: updating it never costs a layout pass."""

    DEFAULT_CSS = "StatusLine { height: 1; }"

    def __init__(self) -> None:
        super().__init__(id="status")
        self._text = Text("")

    @property
    def text(self) -> str:
        """What the status says."""
        return self._text.plain

    def show(self, *parts: str) -> None:
        """Display the non-empty ``parts``."""
        self._text = Text("  │  ".join(p for p in parts if p), no_wrap=True, overflow="ellipsis")
        self.refresh()

    def render(self) -> Text:
        # cut with an ellipsis: what does not fit is never silently clipped
        text = self._text.copy()
        width = self.content_region.width
        if width and text.cell_len > width:
            text.truncate(width, overflow="ellipsis")
        return text

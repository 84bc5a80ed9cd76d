"""What every main screen shares: the screen tabs, the progress banner, a status line, the
footer, and being told when the data arrives or changes."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen

from corpusdiff.tui.widgets.keybar import KeyBar
from corpusdiff.tui.widgets.progress import LoadingBanner
from corpusdiff.tui.widgets.status import StatusLine
from corpusdiff.tui.widgets.tabs import ScreenTabs

if TYPE_CHECKING:
    from corpusdiff.tui.data import ViewData


class CorpusScreen(Screen[None], inherit_bindings=False):
    """A main screen: subclasses compose their body and fill it in :meth:`show_data`."""

    MODE: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self) -> None:
        super().__init__()
        # A new screen is styled when it mounts. Without this, Textual restyles every node of
        # the app on the first switch to a mode (and again on the second): a second's wait.
        with suppress(Exception):
            self._css_update_count = self.app._css_update_count

    def compose(self) -> ComposeResult:
        yield ScreenTabs(self.MODE)
        yield LoadingBanner(id="loading")
        yield from self.compose_body()
        yield StatusLine()
        yield KeyBar(id="keys")

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets."""
        yield from ()

    def on_mount(self) -> None:
        self._shown_version = 0
        self.watch(self.app, "version", self._version)

    def _version(self, version: int) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        if data is not None and version != self._shown_version:
            self._shown_version = version
            self.show_data(data)

    def show_data(self, data: ViewData) -> None:
        """Fill the screen with ``data`` (called on first show and whenever it changes)."""

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one(StatusLine)



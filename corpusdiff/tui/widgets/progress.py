"""The banner shown while the comparison is computed: the stage and a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class LoadingBanner(Horizontal):
    """Stage and progress of the comparison worker; hidden once the data is shown."""

    def compose(self) -> ComposeResult:
        yield Label("Starting…", id="stage", markup=False)
        yield ProgressBar(total=100, show_eta=False, id="progress")

    def on_mount(self) -> None:
        self.watch(self.app, "stage", self._stage)
        self.watch(self.app, "fraction", self._fraction)
        self.watch(self.app, "version", self._version)

    def _stage(self, stage: str) -> None:
        self.query_one("#stage", Label).update(f"Comparing: {stage}…")

    def _fraction(self, fraction: float) -> None:
        self.query_one(ProgressBar).update(progress=round(fraction * 100))

    def _version(self, version: int) -> None:
        self.display = version == 0

"""Reading what a running app shows, for assertions."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App

from corpusdiff.tui.widgets.blockview import BlockView


def screen_text(app: App[object]) -> str:
    """The whole screen as plain text, line by line."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()


def view_text(view: BlockView) -> list[str]:
    """The lines a BlockView paints right now."""
    view.render_lines(view.region.reset_offset)  # measure and set the paint styles
    return [view.render_line(y).text for y in range(view.size.height)]


async def ready(pilot) -> None:
    """Wait for the comparison worker and the screens it fills."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()

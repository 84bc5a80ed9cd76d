"""The binding ids of the terminal UI, which a ``[keys]`` table in ``config.toml`` remaps.

Kept here, without Textual, so that reading a config checks a keymap without importing the
UI; a test checks that this list is exactly the ids the UI's bindings carry.
"""

from __future__ import annotations

import re

BINDING_IDS = (
    "screen.overview", "screen.alignment", "screen.quotes", "screen.conflicts",
    "screen.omissions", "screen.framing", "pane.next", "pane.previous", "reference", "label",
    "export", "save", "help",
    "command_palette", "quit", "quit.now", "quit.help",
    "overview.open", "table.open",
    "alignment.next_difference", "alignment.previous_difference", "alignment.search",
    "alignment.details", "alignment.mode", "alignment.filter", "alignment.wrap",
    "alignment.boilerplate", "alignment.activate", "alignment.previous_match", "alignment.back",
    "alignment.columns_left", "alignment.columns_right", "alignment.clear",
    "alignment.fold", "alignment.framing",
    "view.up", "view.down", "view.page_up", "view.page_down", "view.first", "view.last",
    "help.close", "dialog.cancel", "confirm.yes", "confirm.no", "filter.reset", "error.quit",
)

#: one key as Textual names it: a character, or a name with modifiers (ctrl+shift+left)
_KEY = re.compile(r"^(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*(?:[a-z0-9_]+|[^\s,+])$")


def key_problem(keys: str) -> str | None:
    """Why ``keys`` ("j", "ctrl+n,down") is not a list of key names, or None when it is."""
    parts = [k.strip() for k in keys.split(",")]
    if not keys.strip() or not all(parts):
        return f'expected keys separated by commas (such as "j" or "ctrl+n,down"), got {keys!r}'
    for part in parts:
        if not _KEY.match(part):
            return f'{part!r} is not a key name (such as "j", "N", "ctrl+n", "f5", "down")'
    return None

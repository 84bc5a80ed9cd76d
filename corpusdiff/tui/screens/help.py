"""The help screen, generated from the key bindings (never written out a second time)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def _bindings(node_type: type[DOMNode]) -> list[Binding]:
    return [b for b in getattr(node_type, "BINDINGS", ()) if isinstance(b, Binding)]


def _words(name: str) -> str:
    """``AlignmentView`` -> ``alignment view``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def sections(app_type: type[DOMNode], screen: Screen[object],
             others: Iterable[type[DOMNode]]) -> list[tuple[str, list[Binding]]]:
    """(title, bindings) for the app, the given screen and its widgets, then other screens."""
    out = [("Everywhere", _bindings(app_type))]
    out.append((f"This screen ({type(screen).__name__.removesuffix('Screen')})",
                _bindings(type(screen))))
    seen: set[type[DOMNode]] = {type(screen)}
    for widget in screen.query("*"):
        kind = type(widget)
        if kind in seen or not kind.__module__.startswith("corpusdiff."):
            continue
        seen.add(kind)
        if _bindings(kind):
            out.append((f"In the {_words(kind.__name__)}", _bindings(kind)))
    for other in others:
        if other not in seen and _bindings(other):
            seen.add(other)
            out.append((f"On the {other.__name__.removesuffix('Screen')} screen",
                        _bindings(other)))
    return [(title, bindings) for title, bindings in out if bindings]


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    """Every key binding, by where it works; any listed key of this screen closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.under = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self.help_text(), id="help-text", markup=False)

    def help_text(self) -> Text:
        """The bindings as a table of key and description, with each binding's id."""
        app = self.app
        keymap = getattr(app, "_keymap", {}) or {}
        others = [t for t in getattr(app, "MODES", {}).values() if isinstance(t, type)]
        text = Text(end="")
        text.append("Keys", "bold underline")
        text.append("   (ctrl+p: any action by name; remap keys in config.toml [keys])\n", "dim")
        for title, bindings in sections(type(app), self.under, others):
            text.append(f"\n{title}\n", "bold")
            for binding in bindings:
                keys = keymap.get(binding.id or "", binding.key)
                shown = ", ".join(app.get_key_display(Binding(k.strip(), binding.action))
                                  for k in keys.split(","))
                text.append(f"  {shown:<12}", "bold")
                text.append(f"{binding.description or binding.action:<29}")
                text.append(f"{binding.id or ''}\n", "dim")
        return text

    async def action_dismiss(self, result: object = None) -> None:
        self.dismiss(None)

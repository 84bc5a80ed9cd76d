"""The key hints at the bottom: one widget painting the active bindings as text.

Textual's Footer builds a widget per key and restyles them all whenever the focus moves,
which costs tens of milliseconds a key press on a busy screen; one line of text does not.
Keys are clickable (they run their action).
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static


class KeyBar(Static):
    """``key description`` for every shown binding of the focused chain, then ctrl+p."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)
        self._changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        seen: set[str] = set()
        parts = []
        app = self.app
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = app.get_key_display(binding)
            style = "" if active.enabled else "dim"
            namespace = "app" if active.node is app else "screen"
            if active.node is not app and active.node is not screen:
                namespace = "focused"
            part = (Content(key).stylize("bold") + Content(f" {binding.description}")
                    ).stylize(Style.from_meta({"@click": f"{namespace}.{binding.action}"}))
            parts.append(part.stylize(style) if style else part)
        parts.append(Content.from_markup("[b]^p[/b] Commands"))
        self.update(Content("  ").join(parts))

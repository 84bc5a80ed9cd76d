"""The key bar at the bottom: the most used keys of the screen that fit on one line, then
``? more`` (the help lists them all), as lazygit and k9s do.

Textual's Footer builds a widget per key and restyles them all whenever the focus moves,
which costs tens of milliseconds a key press on a busy screen; one line of text does not.
Keys are clickable (they run their action).
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static

#: short words for the bar, by binding id (the help and ctrl+p keep the full descriptions)
SHORT = {
    "alignment.next_difference": "next diff",
    "alignment.previous_difference": "prev diff",
    "alignment.mode": "side/unified",
    "alignment.search": "search",
    "alignment.details": "details",
    "alignment.filter": "filter",
    "alignment.wrap": "wrap",
    "alignment.boilerplate": "boilerplate",
    "overview.open": "open group",
    "table.open": "open in alignment",
    "reference": "reference",
    "export": "export",
    "quit": "quit",
}
#: the help binding closes the bar: "? more" when keys were left out, else "? help"
HELP = "help"
GAP = "  "


def _declared(node: object, ident: str | None) -> int:
    ids = [getattr(b, "id", None) for b in getattr(type(node), "BINDINGS", ())]
    return ids.index(ident) if ident in ids else len(ids)


class KeyBar(Static):
    """``key word`` for the shown bindings of the focused chain that fit, then ``? more``."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)
        self._changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._changed(self.screen)

    def _changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        seen: set[str] = set()
        parts: list[Content] = []
        help_part: tuple[str, str, str] | None = None
        app = self.app
        # the focused widget's and the screen's keys first, the app's after them, each in the
        # order they are declared (a keymap changes a key, not its place)
        actives = sorted(screen.active_bindings.values(),
                         key=lambda a: (a.node is app, _declared(a.node, a.binding.id)))
        for active in actives:
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = app.get_key_display(binding)
            namespace = "app" if active.node is app else "screen"
            if active.node is not app and active.node is not screen:
                namespace = "focused"
            if binding.id == HELP:
                help_part = (key, namespace, binding.action)
                continue
            words = SHORT.get(binding.id or "", binding.description.lower())
            part = self._part(key, words, namespace, binding.action)
            parts.append(part.stylize("dim") if not active.enabled else part)
        width = max(self.content_region.width or self.app.size.width - 2, 20)
        tail = len(GAP) + len("? more") if help_part else 0
        shown: list[Content] = []
        used = 0
        for part in parts:
            need = used + (len(GAP) if shown else 0) + part.cell_length
            if need + tail > width:
                break
            shown.append(part)
            used = need
        left_out = len(shown) < len(parts)
        if help_part is not None:
            key, namespace, action = help_part
            shown.append(self._part(key, "more" if left_out else "help", namespace, action))
        self.update(Content(GAP).join(shown))

    @staticmethod
    def _part(key: str, words: str, namespace: str, action: str) -> Content:
        return (Content(key).stylize("bold") + Content(f" {words}")
                ).stylize(Style.from_meta({"@click": f"{namespace}.{action}"}))

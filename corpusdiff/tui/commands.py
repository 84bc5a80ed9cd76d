"""Command palette provider: every bound action of the current screen, findable by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class CorpusdiffCommands(Provider):
    """One command per key binding active on the screen the palette was opened from
    (app, screen and focused widget), named by the binding's description."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        seen: set[tuple[int, str]] = set()
        app = self.app
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action == "command_palette":
                continue
            ident = (id(active.node), binding.action)
            if ident in seen:
                continue
            seen.add(ident)
            display = app.get_key_display(binding) or key
            yield (binding.description, partial(active.node.run_action, binding.action),
                   f"key: {display}")
        # the actions of the other screens: switch there, then run them
        from corpusdiff.tui.widgets.tabs import SCREENS

        current = type(self.screen)
        for mode, title in SCREENS:
            screen_type = app.MODES.get(mode)  # type: ignore[attr-defined]
            if screen_type is None or screen_type is current:
                continue
            for binding in getattr(screen_type, "BINDINGS", ()):
                if isinstance(binding, Binding) and binding.description:
                    yield (f"{title}: {binding.description}",
                           partial(self._elsewhere, mode, binding.action),
                           f"on the {title} screen, key: {app.get_key_display(binding)}")

    async def _elsewhere(self, mode: str, action: str) -> None:
        app = self.app
        await app.run_action(f"show('{mode}')")
        await app.screen.run_action(action)

    async def discover(self) -> Hits:
        for name, callback, help_text in sorted(self._commands(), key=lambda c: c[0]):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)

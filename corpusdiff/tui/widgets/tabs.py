"""The row of screen names at the top: the current one highlighted, each one clickable."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

#: (mode name, title) in key order: key 1 shows the first
SCREENS = (("overview", "Overview"), ("alignment", "Alignment"), ("quotes", "Quotes"),
           ("conflicts", "Conflicts"), ("omissions", "Omissions"), ("framing", "Framing"))


class ScreenTabs(Static):
    """``1 Overview  2 Alignment  ...`` with the current screen highlighted, then the
    comparison's title when it has one."""

    def __init__(self, current: str) -> None:
        super().__init__(self._content(current), id="tabs", markup=False)
        self.current = current

    def on_mount(self) -> None:
        title = getattr(self.app, "comparison_title", None)
        if title:
            self.update(self._content(self.current, title))

    @staticmethod
    def _content(current: str, title: str | None = None) -> Content:
        parts = []
        for n, (mode, name) in enumerate(SCREENS, 1):
            style = "reverse bold" if mode == current else ""
            label = Content.from_markup(f"[@click=app.show('{mode}')] {n} {name} [/]")
            parts.append(label.stylize(style) if style else label)
        if title:  # the user's text: plain Content, never markup
            parts.append(Content("   ") + Content(" ".join(title.split())).stylize("italic"))
        return Content(" ").join(parts)

"""Blocks for BlockView made of stacked parts: a heading, labelled wrapped paragraphs.

A stacked block paints only the parts that overlap the lines asked for, so a block with
hundreds of paragraphs (a statement carried by 300 outlets) costs what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from corpusdiff.tui.widgets.text import count_lines, fit, split_lines

Part = tuple[int, Callable[[], list[Text]]]


class Stacked:
    """A block made of parts, each ``(line count, render)``; subclasses give ``parts``."""

    def parts(self, width: int) -> list[Part]:
        """The parts at ``width`` cells, top to bottom."""
        raise NotImplementedError

    def height(self, width: int) -> int:
        return sum(count for count, _ in self.parts(width))

    def lines(self, width: int) -> list[Text]:
        return self.lines_between(width, 0, self.height(width))

    def lines_between(self, width: int, start: int, stop: int) -> list[Text]:
        """Lines ``start`` to ``stop`` (exclusive), rendering only the parts they touch."""
        out: list[Text] = []
        y = 0
        for count, render in self.parts(width):
            if y >= stop:
                break
            if y + count > start:
                lines = render()
                lines += [Text("")] * (count - len(lines))
                out.extend(lines[max(start - y, 0):min(stop - y, count)])
            y += count
        return out


def labelled(label: Text, body: Text, width: int, label_width: int,
             wrap: bool = True) -> list[Text]:
    """``body`` wrapped beside ``label`` (a column of ``label_width`` cells)."""
    out = []
    for y, line in enumerate(split_lines(body, max(width - label_width, 1), wrap)):
        if label_width:
            head = fit(label, label_width - 1) if y == 0 else Text(" " * (label_width - 1))
            head.append(" ")
            head.append_text(line)
            line = head
        out.append(line)
    return out


class ParagraphBlock(Stacked):
    """A heading (wrapped), then ``(label, body)`` pairs: labels in a left column of
    ``label_width`` cells, bodies wrapped in the rest; a blank line closes the block."""

    def __init__(self, heading: Text | None, items: list[tuple[Text, Text]],
                 label_width: int = 18, gap: bool = True) -> None:
        self.heading = heading
        self.items = items
        self.label_width = label_width
        self.gap = gap

    def _label_width(self, width: int) -> int:
        return min(self.label_width, max(width // 3, 4)) if self.label_width else 0

    def parts(self, width: int) -> list[Part]:
        label_w = self._label_width(width)
        body_w = max(width - label_w, 1)
        out: list[Part] = []
        heading = self.heading
        if heading is not None:
            out.append((count_lines(heading.plain, width),
                        lambda: split_lines(heading, width)))
        for label, body in self.items:
            out.append((count_lines(body.plain, body_w),
                        lambda label=label, body=body: labelled(label, body, width, label_w)))
        if self.gap:
            out.append((1, lambda: [Text("")]))
        return out

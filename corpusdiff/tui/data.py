"""The TUI's data model: what the screens show, computed once per comparison and reference,
off the event loop (:func:`build` runs in a worker; it is the TUI's one door to polars)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from corpusdiff.text import printable

if TYPE_CHECKING:
    import polars as pl  # loaded by build(), in the worker: not before the first paint

    from corpusdiff.model import Comparison
    from corpusdiff.views import Layout

#: outlet letter colours, in the articles' order: mid-light hues that read on dark and light
#: backgrounds (the letter itself tells outlets apart without colour)
OUTLET_COLOURS = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#B07AA1", "#76B7B2",
                  "#EDC948", "#FF9DA7", "#9C755F", "#BAB0AC")


@dataclass(frozen=True)
class Sentence:
    """One sentence in a cell."""

    index: int
    text: str  # already printable
    kind: str
    reason: str | None


@dataclass
class RowData:
    """One layout row: its group (or None), kind and the sentences of each outlet."""

    row: int
    group: int | None
    kind: str
    n_articles: int
    cells: dict[str, list[Sentence]] = field(default_factory=dict)
    _plain: dict[str, str] = field(default_factory=dict, repr=False)

    def plain(self, article: str) -> str:
        """The cell's text: its sentences joined, boilerplate prefixed with its reason."""
        text = self._plain.get(article)
        if text is None:
            text = " ".join(reason_prefix(s) + s.text for s in self.cells.get(article, ()))
            self._plain[article] = text
        return text


def reason_prefix(s: Sentence) -> str:
    """How a boilerplate sentence is introduced: its reason in brackets."""
    return f"[boilerplate: {s.reason or 'unspecified'}] " if s.kind == "boilerplate" else ""


def row_data(lay: Layout) -> dict[int, RowData]:
    """Every layout row with its cells, built once per layout."""
    out = {
        r: RowData(r, g, k, n)
        for r, g, k, n in lay.rows.select("row", "group", "kind", "n_articles").iter_rows()
    }
    cells = lay.cells.select("row", "article", "index", "text", "kind", "reason")
    for r, a, i, text, kind, reason in cells.iter_rows():
        out[r].cells.setdefault(a, []).append(Sentence(i, printable(text), kind, reason))
    return out


@dataclass(frozen=True)
class ViewData:
    """A comparison and every display-ready table derived from it for one reference."""

    comparison: Comparison
    layout: Layout
    rows: dict[int, RowData]
    articles: pl.DataFrame
    coverage: pl.DataFrame
    quotes: pl.DataFrame

    @property
    def reference(self) -> str:
        """The outlet whose order anchors the rows."""
        return self.layout.reference

    @property
    def ids(self) -> list[str]:
        """Article ids in display order."""
        return list(self.layout.ids)

    @property
    def codes(self) -> dict[str, str]:
        """Article id -> letter (A, B, ...), fixed for the session by the articles' order."""
        return self.layout.codes

    @cached_property
    def colours(self) -> dict[str, str]:
        """Article id -> the colour of its letter, fixed like the letter."""
        return {a: OUTLET_COLOURS[n % len(OUTLET_COLOURS)]
                for n, a in enumerate(self.comparison.articles["id"].to_list())}

    # cached: the screens look labels up once per block (thousands on a big corpus)
    @cached_property
    def labels(self) -> dict[str, str]:
        """Article id -> outlet label (do not modify: it is shared)."""
        return dict(self.articles.select("id", "label").iter_rows())



def build(comparison: Comparison, reference: str | None = None) -> ViewData:
    """Every view of ``comparison`` with ``reference`` first (default: the comparison's)."""
    from corpusdiff.views import articles_view, coverage_view, layout, quote_sentences

    lay = layout(comparison, reference)
    return ViewData(
        comparison=comparison,
        layout=lay,
        rows=row_data(lay),
        articles=articles_view(comparison, lay.reference),
        coverage=coverage_view(comparison, lay),
        quotes=quote_sentences(comparison),
    )

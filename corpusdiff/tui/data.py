"""What the screens show, computed once per comparison and reference, off the event loop."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from corpusdiff.tui.widgets.alignment import RowData, row_data
from corpusdiff.views import (
    Layout,
    articles_view,
    coverage_view,
    layout,
    quote_sentences,
)

if TYPE_CHECKING:
    import polars as pl  # at run time imported where used: not before the first paint

    from corpusdiff.model import Comparison


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
        """Article id -> column code (A, B, ...)."""
        return self.layout.codes

    # cached: the screens look labels up once per block (thousands on a big corpus)
    @cached_property
    def labels(self) -> dict[str, str]:
        """Article id -> outlet label (do not modify: it is shared)."""
        return dict(self.articles.select("id", "label").iter_rows())

    def table(self, name: str) -> pl.DataFrame | None:
        """An analysis table (quotes, conflicts, omissions, ...) or None when not computed."""
        return self.comparison.tables.get(name)


def build(comparison: Comparison, reference: str | None = None) -> ViewData:
    """Every view of ``comparison`` with ``reference`` first (default: the comparison's)."""
    lay = layout(comparison, reference)
    return ViewData(
        comparison=comparison,
        layout=lay,
        rows=row_data(lay),
        articles=articles_view(comparison, lay.reference),
        coverage=coverage_view(comparison, lay),
        quotes=quote_sentences(comparison),
    )

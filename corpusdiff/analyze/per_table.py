"""A one-entry cache keyed by a table's identity: a step two analyses read (word weights, the
content words of every sentence) is computed once per comparison, and the pipeline can compute
it early (while the helper process extracts quotes and facts)."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

import polars as pl

T = TypeVar("T")


def per_table(fn: Callable[[pl.DataFrame], T]) -> Callable[[pl.DataFrame], T]:
    """``fn`` remembering its answer for the last table it was given, as long as that table
    lives (held by a weak reference: a table freed and another built at its address is not
    mistaken for it, and the answer is dropped with the table). The pipeline's tables are
    never changed in place, so the same table gives the same answer."""
    last: tuple[weakref.ref[pl.DataFrame], T] | None = None

    def forget(ref: weakref.ref[pl.DataFrame]) -> None:
        nonlocal last
        if last is not None and last[0] is ref:
            last = None

    @functools.wraps(fn)
    def cached(frame: pl.DataFrame) -> T:
        nonlocal last
        if last is not None and last[0]() is frame:
            return last[1]
        out = fn(frame)
        last = (weakref.ref(frame, forget), out)
        return out

    return cached


__all__ = ["per_table"]

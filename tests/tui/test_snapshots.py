"""SVG snapshots of every screen on the seed articles at 120x40 and 80x24,
plus one of an article full of markup, escapes and control characters.

The seeds' alignment is still being tuned: when it changes on purpose, look at the report
pytest writes (snapshot_report.html) and accept with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from corpusdiff.model import Comparison, CorpusdiffError
from corpusdiff.tui.app import CorpusdiffApp
from tests.tui.conftest import SEEDS, SIZE
from tests.tui.helpers import ready

Snap = Callable[..., bool]


def _keys(*keys: str):
    async def run_before(pilot) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.1)  # the details pane is built a moment after the cursor moves
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def _app(comparison: Comparison) -> CorpusdiffApp:
    return CorpusdiffApp([str(SEEDS)], comparison=comparison)


def test_overview_on_seeds(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys())


def test_comparison_in_progress(snap_compare: Snap, seeds: Comparison) -> None:
    gate = threading.Event()

    def slow(paths, options, labels, progress):
        # progress() also notices when the app quits (the worker is cancelled) and stops
        while not gate.wait(0.05):
            progress("comparing candidate pairs", 0.45)
        return seeds

    async def run_before(pilot) -> None:
        await pilot.pause(0.3)

    app = CorpusdiffApp([str(SEEDS)], compute=slow)
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    finally:
        gate.set()


def test_alignment_side_by_side_on_seeds(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("2"))


def test_alignment_side_by_side_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys("2", "n"))


def test_alignment_unfolded_run_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    # the second difference is a folded run of one outlet's rows; enter unfolds it
    assert snap_compare(_app(seeds), terminal_size=(80, 24),
                        run_before=_keys("2", "n", "n", "enter"))


def test_alignment_rows_of_an_outlet_scrolled_away_at_80x24(snap_compare: Snap,
                                                           seeds: Comparison) -> None:
    # the unfolded run's outlet scrolled out of the columns again: each row says where it is
    assert snap_compare(_app(seeds), terminal_size=(80, 24),
                        run_before=_keys("2", "n", "n", "enter", "h", "h"))


def test_alignment_details_of_a_folded_run_at_80x24(snap_compare: Snap,
                                                  seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys("2", "down", "d"))


def test_alignment_details_of_a_folded_run(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("2", "down", "d"))


def test_alignment_unified_on_seeds(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("2", "s", "n"))


def test_alignment_search_and_details_on_seeds(snap_compare: Snap, seeds: Comparison) -> None:
    keys = ("2", "slash", *"Bass", "enter", "d")
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys(*keys))


def test_alignment_boilerplate_shown_unwrapped(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("2", "b", "w"))


def test_quotes_by_speaker_on_seeds(snap_compare: Snap, seeds: Comparison) -> None:
    assert not seeds.quotes.is_empty()
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("3"))


def test_conflicts_on_the_invented_corpus(snap_compare: Snap, invented: Comparison) -> None:
    assert not invented.conflicts.is_empty()
    assert snap_compare(_app(invented), terminal_size=SIZE, run_before=_keys("4"))


def test_omissions_on_seeds(snap_compare: Snap, seeds: Comparison) -> None:
    assert not seeds.omissions.is_empty()
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("5"))


def test_help_screen(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("2", "question_mark"))


def test_error_screen_for_a_single_article(snap_compare: Snap) -> None:
    def one(paths, options, labels, progress):
        raise CorpusdiffError("need at least two articles to compare, got 1 (lone.txt)")

    app = CorpusdiffApp(["lone.txt"], compute=one)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys())


def test_rich_markup_in_articles(snap_compare: Snap, hostile_corpus: list[str]) -> None:
    """[bold], [link=...], an ANSI escape, a bell, Markdown and HTML inside an article show
    as the characters they are, in the overview and in the alignment."""
    app = CorpusdiffApp(hostile_corpus)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("2", "s"))


# -- every screen at 80x24 as well (the key bar, the status and the dialogs must fit) ------


def test_overview_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys())


def test_quotes_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys("3"))


def test_conflicts_at_80x24(snap_compare: Snap, invented: Comparison) -> None:
    assert snap_compare(_app(invented), terminal_size=(80, 24), run_before=_keys("4"))


def test_omissions_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys("5"))


def test_help_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24),
                        run_before=_keys("2", "question_mark"))


def test_reference_dialog_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys("2", "r"))


def test_framing_on_seeds(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=SIZE, run_before=_keys("6"))


def test_framing_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys("6"))


def test_alignment_with_framing_marked_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24),
                        run_before=_keys("6", "down", "enter"))


def test_label_dialog_at_80x24(snap_compare: Snap, seeds: Comparison) -> None:
    assert snap_compare(_app(seeds), terminal_size=(80, 24), run_before=_keys("L"))


def test_same_name_outlets_overview_at_80x24(snap_compare: Snap, same_name) -> None:
    paths, comparison = same_name
    app = CorpusdiffApp(paths, comparison=comparison)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_keys())


def test_same_name_outlets_alignment(snap_compare: Snap, same_name) -> None:
    paths, comparison = same_name
    app = CorpusdiffApp(paths, comparison=comparison)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("2", "r", "down", "enter"))

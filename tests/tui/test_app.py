"""Pilot tests: the worker, the screens, every key binding, search, filter, toggles, export,
saving and the error paths, on the seed articles and on small corpora."""

from __future__ import annotations

import threading
from pathlib import Path

import polars as pl
import pytest
from textual.widgets import DataTable, Input, OptionList

from corpusdiff.display import step
from corpusdiff.model import Comparison
from corpusdiff.pipeline import analyze
from corpusdiff.tui.app import CorpusdiffApp, Progressed
from corpusdiff.tui.screens.alignment import AlignmentScreen
from corpusdiff.tui.screens.dialogs import (
    ConfirmScreen,
    ErrorScreen,
    ExportScreen,
    FilterScreen,
    ReferenceScreen,
    SaveScreen,
)
from corpusdiff.tui.screens.help import HelpScreen
from corpusdiff.tui.widgets.alignment import SideBySideRow, UnifiedRow
from corpusdiff.tui.widgets.heatmap import Heatmap
from corpusdiff.tui.widgets.progress import LoadingBanner
from tests.tui.conftest import SEEDS, SIZE, run
from tests.tui.helpers import ready, screen_text, view_text


def _app(comparison: Comparison, **kwargs: object) -> CorpusdiffApp:
    return CorpusdiffApp([str(SEEDS)], comparison=comparison, **kwargs)  # type: ignore[arg-type]


async def _alignment(pilot) -> AlignmentScreen:
    await ready(pilot)
    await pilot.press("2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AlignmentScreen)
    return screen


# -- the worker and the error paths ----------------------------------------------------------


def test_screen_paints_at_once_and_fills_in_when_the_worker_finishes(seeds: Comparison) -> None:
    gate = threading.Event()

    def slow_compare(paths, options, labels, progress):
        progress("aligning sentences", 0.4)
        assert gate.wait(10)
        return seeds

    async def scenario() -> None:
        app = CorpusdiffApp([str(SEEDS)], compute=slow_compare)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            banner = app.screen.query_one(LoadingBanner)
            assert banner.display and app.data is None
            assert "aligning sentences" in screen_text(app)
            await pilot.press("2")  # the UI answers while the worker runs
            assert app.current_mode == "alignment"
            gate.set()
            await ready(pilot)
            assert app.version == 1 and not app.screen.query_one(LoadingBanner).display
            assert len(app.screen.block_rows) > 0
            # progress is posted, not waited for: one that lands late changes nothing
            app.post_message(Progressed("aligning sentences", 0.5))
            await pilot.pause()
            assert app.fraction == 1.0 and not app.screen.query_one(LoadingBanner).display
            await pilot.press("1")
            assert app.screen.query_one("#articles", DataTable).row_count == 5

    run(scenario)


def test_the_shown_data_is_kept_out_of_full_garbage_collections_while_the_app_runs(
        seeds: Comparison) -> None:
    import gc

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert gc.get_freeze_count() > 0
            assert gc.get_threshold()[2] >= 100
        assert gc.get_freeze_count() == 0  # collectable again once the app is gone

    run(scenario)


def test_too_few_articles_show_an_error_screen_and_exit_2(tmp_path: Path) -> None:
    lone = tmp_path / "lone.txt"
    lone.write_text("Just one article here.\n", encoding="utf-8")

    async def scenario() -> int | None:
        app = CorpusdiffApp([str(lone)])
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert isinstance(app.screen, ErrorScreen)
            assert "need at least two articles" in screen_text(app)
            await pilot.press("q")
        return app.return_code

    assert run(scenario) == 2


def test_a_crash_in_the_comparison_is_an_error_screen_not_a_traceback() -> None:
    def broken(paths, options, labels, progress):
        raise ValueError("boom [bold]x[/bold]")

    async def scenario() -> int | None:
        app = CorpusdiffApp([str(SEEDS)], compute=broken)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert isinstance(app.screen, ErrorScreen)
            text = screen_text(app)
            assert "internal error: ValueError: boom [bold]x[/bold]" in text
            await pilot.press("q")
        return app.return_code

    assert run(scenario) == 1


def test_missing_path_is_reported_in_the_app(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = CorpusdiffApp([str(tmp_path / "nope.txt"), str(SEEDS)])
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert isinstance(app.screen, ErrorScreen)
            assert "nope.txt: no such file" in str(app.screen.query_one("#message").content)
            assert "no such file or directory" in screen_text(app)

    run(scenario)


# -- screens and navigation --------------------------------------------------------------


def test_number_keys_switch_screens_and_tab_moves_between_panes(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            for key, mode in (("2", "alignment"), ("3", "quotes"), ("4", "conflicts"),
                              ("5", "omissions"), ("1", "overview")):
                await pilot.press(key)
                assert app.current_mode == mode
            assert isinstance(app.focused, Heatmap)
            await pilot.press("tab")
            assert isinstance(app.focused, DataTable)
            await pilot.press("shift+tab")
            assert isinstance(app.focused, Heatmap)

    run(scenario)


def test_overview_lists_articles_and_the_heatmap_opens_a_group(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            table = app.screen.query_one("#articles", DataTable)
            assert table.row_count == seeds.articles.height
            heatmap = app.screen.query_one(Heatmap)
            assert heatmap.block_count == seeds.groups.height
            await pilot.press("down", "enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AlignmentScreen)
            row = screen.block_rows[screen.view.cursor]
            assert app.data.rows[row].group == heatmap.groups[1]

    run(scenario)


def test_a_group_opened_from_the_overview_is_on_screen_the_first_time(
        seeds: Comparison) -> None:
    # the first switch to the Alignment used to move the cursor but leave the view on row 1
    async def scenario() -> None:
        for size in (SIZE, (80, 24)):
            app = _app(seeds)
            async with app.run_test(size=size) as pilot:
                await ready(pilot)
                heatmap = app.screen.query_one(Heatmap)
                await pilot.press("down", "down", "down", "enter")
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, AlignmentScreen)
                view = screen.view
                assert app.data.rows[screen.block_rows[view.cursor]].group == heatmap.groups[3]
                top, _ = view.block_span(view.cursor)
                assert top > 0 and view.scroll_offset.y == top

    run(scenario)


def test_n_and_p_step_through_differences_with_a_position(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            diffs = screen.diff_positions
            assert len(diffs) >= 2
            await pilot.press("end")
            await pilot.press("home")
            await pilot.press("n")
            assert screen.view.cursor == next(d for d in diffs if d > 0)
            n = diffs.index(screen.view.cursor) + 1
            assert f"diff {n} of {len(diffs)}" in screen.status.text
            await pilot.press("n", "p")
            assert f"diff {n} of {len(diffs)}" in screen.status.text

    run(scenario)


def test_s_w_b_toggle_unified_wrapping_and_boilerplate(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            view = screen.view
            assert isinstance(view._blocks[0], SideBySideRow)
            await pilot.press("s")
            assert isinstance(view._blocks[0], UnifiedRow) and "unified" in screen.status.text
            await pilot.press("s")
            wrapped = view.virtual_size.height
            await pilot.press("w")
            assert view.virtual_size.height == len(screen.block_rows) < wrapped
            assert "no wrap" in screen.status.text
            await pilot.press("w")
            rows = screen.rows_df.height  # layout rows shown (a folded run's rows included)
            await pilot.press("b")
            n_boilerplate = int(seeds.sentences["kind"].eq("boilerplate").sum())
            assert screen.rows_df.height == rows + n_boilerplate
            kinds = {app.data.rows[r].kind for r in screen.block_rows}
            assert "boilerplate" in kinds
            first = next(n for n, r in enumerate(screen.block_rows)
                         if app.data.rows[r].kind == "boilerplate")
            view.cursor = first
            await pilot.pause()
            assert any("[boilerplate: " in line for line in view_text(view))
            await pilot.press("b")
            assert screen.rows_df.height == rows

    run(scenario)


def test_search_highlights_and_enter_moves_between_matches(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            await pilot.press("slash")
            assert isinstance(app.focused, Input)
            await pilot.press(*"Bass")
            assert len(screen.hits) > 3
            assert f"'Bass': no match yet ({len(screen.hits)} found" in screen.status.text
            assert all("bass" in app.data.rows[r].plain(a).lower()
                       for r, a, *_ in screen.hits)
            await pilot.press("enter")  # from the box: the first match, focus to the rows
            assert screen.hit_index == 0 and app.focused is screen.view
            first = screen.view.cursor
            assert first == screen.hit_blocks[0]
            assert f"'Bass': 1 of {len(screen.hits)}" in screen.status.text
            await pilot.press("enter")
            assert screen.hit_index == 1
            await pilot.press("shift+enter")
            assert screen.hit_index == 0 and screen.view.cursor == first
            # n / N step through the matches while searching (shift+enter often never
            # reaches the app), and wrap around
            await pilot.press("n", "n")
            assert screen.hit_index == 2 and screen.view.cursor == screen.hit_blocks[2]
            assert f"'Bass': 3 of {len(screen.hits)}" in screen.status.text
            await pilot.press("N", "N", "N")
            assert screen.hit_index == len(screen.hits) - 1
            await pilot.press("escape")
            assert screen.hits == [] and "search" not in screen.status.text
            # without a search, n / N are the differences again
            await pilot.press("home")
            await pilot.press("n")
            assert screen.view.cursor == step(screen.diff_positions, 0, True)
            await pilot.press("slash", *"zzzqx")
            assert "'zzzqx': no match" in screen.status.text

    run(scenario)


def test_filter_dialog_limits_rows_to_outlets_and_kinds(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            await pilot.press("f")
            assert isinstance(app.screen, FilterScreen)
            await pilot.click("#kind-unique")
            await pilot.click("#ok")
            await pilot.pause()
            assert app.screen is screen
            assert {app.data.rows[r].kind for r in screen.block_rows} <= {
                "identical", "reworded", "partial"}
            assert len(screen.block_rows) == seeds.groups.height
            assert "filter: kinds" in screen.status.text
            await pilot.press("f")
            await pilot.click("#reset")
            await pilot.pause()
            assert not screen.filter.active

    run(scenario)


def test_r_chooses_another_reference_and_reorders_the_rows(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            before = app.data.reference
            await pilot.press("r")
            assert isinstance(app.screen, ReferenceScreen)
            await pilot.press("down", "enter")
            await ready(pilot)
            assert app.data.reference != before
            assert screen.columns[0] == app.data.reference
            assert f"ref ★ {app.data.codes[app.data.reference]}" in screen.status.text

    run(scenario)


def test_d_and_enter_show_the_details_of_the_row(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            group_pos = next(n for n, r in enumerate(screen.block_rows)
                             if app.data.rows[r].group is not None)
            screen.view.cursor = group_pos
            await pilot.press("enter")
            await pilot.pause(0.1)
            await ready(pilot)  # the details are built by a worker, a moment later
            pane = screen.query_one("#details")
            assert pane.display
            text = "\n".join(view_text(pane))
            row = app.data.rows[screen.block_rows[group_pos]]
            assert f"Group {row.group}" in text and "score" in text
            await pilot.press("d")
            assert not pane.display

    run(scenario)


def test_details_of_a_folded_run_show_its_sentences(seeds: Comparison,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from corpusdiff.tui.widgets import details
    from corpusdiff.tui.widgets.alignment import FoldRow

    def pane_text(pane) -> str:  # every line of the pane, not only those in view
        width = pane.content_width
        return "\n".join(" ".join(line.plain.split()) for block in pane._blocks
                         for line in block.lines(width))

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            view = screen.view
            n = next(n for n, b in enumerate(view._blocks) if isinstance(b, FoldRow)
                     and 5 < len(b.rows) < details.MAX_FOLD_SENTENCES)
            fold = view._blocks[n]
            view.jump(n)
            await pilot.press("d")
            await pilot.pause(0.1)
            await ready(pilot)
            pane = screen.query_one("#details")
            text = pane_text(pane)
            code = app.data.codes[fold.outlet]
            assert f"Only in {code} " in text and f"a run of {len(fold.rows)} rows" in text
            sentences = [s for r in fold.rows for s in r.cells[fold.outlet]]
            for s in sentences:  # every folded sentence, not only the first
                assert " ".join(s.text.split())[:60] in text
            assert "…and" not in text
            assert isinstance(view._blocks[view.cursor], FoldRow)  # d did not unfold it

            # a longer run than the pane lists: the first ones, then how many more
            monkeypatch.setattr(details, "MAX_FOLD_SENTENCES", 3)
            await pilot.press("down", "up")
            await pilot.pause(0.1)
            await ready(pilot)
            text = pane_text(pane)
            assert " ".join(sentences[2].text.split())[:60] in text
            assert " ".join(sentences[3].text.split())[:60] not in text
            assert f"…and {len(sentences) - 3} more sentences" in text

    run(scenario)


def test_details_of_a_sentence_only_here_show_its_closest_sentence_elsewhere(
        seeds: Comparison) -> None:
    near = seeds.unaligned_nearest.row(0, named=True)

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            # a jump into a folded run of one outlet's sentences unfolds it
            await app.goto(sentence=(near["article"], near["index"]))
            await pilot.pause()
            screen = app.screen
            await pilot.press("d")
            await pilot.pause(0.1)
            await ready(pilot)
            text = " ".join(view_text(screen.query_one("#details")))
            assert "Closest elsewhere" in text and f"{near['near_score']:.2f}" in text
            assert " ".join(near["near_text"].split()[:4]) in " ".join(text.split())

    run(scenario)


def test_help_lists_every_binding_with_its_id(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await _alignment(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = app.screen.help_text().plain
            for binding in [*CorpusdiffApp.BINDINGS, *AlignmentScreen.BINDINGS]:
                assert binding.description in text and binding.id in text
            await pilot.press("escape")
            assert isinstance(app.screen, AlignmentScreen)

    run(scenario)


def test_command_palette_runs_actions_by_name(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            await pilot.press("ctrl+p")
            await pilot.press(*"Wrap")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert screen.wrap is False

    run(scenario)


def test_keymap_remaps_a_binding_by_id(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds, keymap={"alignment.next_difference": "x"})
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            await pilot.press("x")
            assert screen.view.cursor == screen.diff_positions[
                1 if screen.diff_positions[0] == 0 else 0]
            # the help and the key bar show the key the keymap gives
            await pilot.press("question_mark")
            line = next(line for line in app.screen.help_text().plain.splitlines()
                        if line.rstrip().endswith("alignment.next_difference"))
            assert line.split()[0] == "x"
            await pilot.press("escape")
            bar = str(screen.query_one("#keys").render())
            assert bar.startswith("x next diff"), bar

    run(scenario)


def test_the_keymap_ids_known_to_the_config_are_the_uis() -> None:
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding

    import corpusdiff.tui
    from corpusdiff.keys import BINDING_IDS

    ids = set()
    for info in pkgutil.walk_packages(corpusdiff.tui.__path__, "corpusdiff.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name:
                ids |= {b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)}
    assert ids == set(BINDING_IDS)


def test_columns_scroll_sideways_when_outlets_do_not_fit(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=(60, 30)) as pilot:
            screen = await _alignment(pilot)
            assert len(screen.columns) == 2 and screen.columns[0] == app.data.reference
            second = screen.columns[1]
            await pilot.press("right")
            assert screen.columns[0] == app.data.reference and screen.columns[1] != second
            await pilot.press("left")
            assert screen.columns[1] == second

    run(scenario)


def test_h_and_l_at_80_columns_keep_the_rows_and_the_cursor_on_its_group(
        seeds: Comparison) -> None:
    from corpusdiff.tui.widgets.alignment import FoldRow

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _alignment(pilot)
            view = screen.view
            assert len(screen.columns) < len(app.data.ids)  # outlets scrolled away
            rows, blocks = screen.rows_df["row"].to_list(), list(screen.block_rows)
            # a group the right-hand outlets carry, away from the first row
            target = next(n for n, r in enumerate(blocks) if n > 1
                          and app.data.rows[r].group is not None)
            group = app.data.rows[blocks[target]].group
            view.cursor = target
            await pilot.pause()
            status = screen.status.render().plain
            assert f"Row {target + 1} of {len(blocks)}" in status
            seen = [tuple(screen.columns)]
            for key in ("l", "l", "l", "h", "l", "h", "h", "h"):
                await pilot.press(key)
                await pilot.pause()
                seen.append(tuple(screen.columns))
                assert screen.rows_df["row"].to_list() == rows
                assert screen.block_rows == blocks
                assert app.data.rows[screen.block_rows[view.cursor]].group == group
                assert f"Row {target + 1} of {len(blocks)}" in screen.status.render().plain
            assert len(set(seen)) >= 2  # the columns did scroll

            # an outlet's run scrolled out of view: folded, it says so; enter unfolds it and
            # scrolls the columns to its outlet; scrolled away again, each of its rows says
            # which outlet carries it and where that is
            fold = next(n for n, b in enumerate(view._blocks) if isinstance(b, FoldRow)
                        and b.outlet not in screen.columns)
            outlet = view._blocks[fold].outlet
            code = app.data.codes[outlet]
            view.jump(fold)
            await pilot.pause()
            assert any(f"only in {code} " in line and "(→ off-screen)" in line
                       for line in view_text(view))
            await pilot.press("enter")
            await pilot.pause()
            assert outlet in screen.columns
            unfolded = list(screen.block_rows)
            first = app.data.rows[unfolded[view.cursor]].plain(outlet)
            lines = view_text(view)
            assert not any("off-screen (" in line for line in lines)
            assert any(first[:15] in line for line in lines)  # in its column
            while outlet in screen.columns:
                await pilot.press("h")
                await pilot.pause()
            assert screen.block_rows == unfolded
            lines = view_text(view)
            cue = f"→ 1 outlet off-screen ({code}): "
            assert sum(cue in line for line in lines) >= 3
            assert any(cue + first[:20] in line for line in lines)

    run(scenario)


def test_export_writes_markdown_and_asks_before_overwriting(seeds: Comparison,
                                                            tmp_path: Path) -> None:
    target = tmp_path / "report.md"

    async def export(pilot, answer: str | None = None) -> None:
        await pilot.press("e")
        assert isinstance(pilot.app.screen, ExportScreen)
        box = pilot.app.screen.query_one("#path", Input)
        box.value = str(target)
        await pilot.press("enter")
        if answer is not None:
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press(answer)
            if answer == "n":
                await pilot.press("escape")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await export(pilot)
            text = target.read_text(encoding="utf-8")
            assert text.startswith("# corpusdiff: 5 articles compared")
            target.write_text("keep me", encoding="utf-8")
            await export(pilot, "n")
            assert target.read_text(encoding="utf-8") == "keep me"
            await export(pilot, "y")
            assert target.read_text(encoding="utf-8") == text

    run(scenario)


def test_export_refuses_to_overwrite_an_input_article(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("e")
            article = sorted(SEEDS.glob("*.txt"))[0]
            app.screen.query_one("#path", Input).value = str(article)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            problem = str(app.screen.query_one("#problem").content)
            assert "is one of the input articles" in problem
            assert "refusing to overwrite" in screen_text(app)

    run(scenario)


def test_ctrl_s_saves_a_named_comparison(seeds: Comparison, tmp_path: Path) -> None:
    from textual.widgets import Input

    from corpusdiff import config

    where = tmp_path / "config.toml"
    original = "# my stories\n\n# keep this comment\n"
    where.write_text(original, encoding="utf-8")

    async def save(pilot, name: str, answer: str | None = None) -> str:
        await pilot.press("ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, SaveScreen)
        suggested = screen.query_one("#name", Input).value
        screen.query_one("#name", Input).value = name
        await pilot.pause()
        # what will be written is shown before anything is
        assert f"[comparisons.{name}]" in str(screen.query_one("#preview").content)
        await pilot.press("enter")
        await pilot.pause()
        if answer is not None:
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press(answer)
            await pilot.pause()
        return suggested

    async def scenario() -> None:
        app = _app(seeds, config_file=str(where), title="LA mayor vs ICE")
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            suggested = await save(pilot, "bass-ice")
            assert suggested == "la-mayor-vs-ice"  # made from the title
            spec = config.get_comparison(config.load_config(where), "bass-ice")
            assert sorted(spec.ids()) == sorted(seeds.articles["id"].to_list())
            assert spec.title == "LA mayor vs ICE"
            # the user's own lines are untouched
            assert where.read_text(encoding="utf-8").startswith(original)
            # saving again suggests the saved name and asks before replacing it
            assert await save(pilot, "bass-ice", "y") == "bass-ice"
            assert len(config.load_config(where).comparisons) == 1

    run(scenario)


def test_ctrl_s_refuses_when_the_config_changed_on_disk(seeds: Comparison,
                                                        tmp_path: Path) -> None:
    from textual.widgets import Input

    where = tmp_path / "config.toml"
    where.write_text("# mine\n", encoding="utf-8")

    async def scenario() -> None:
        app = _app(seeds, config_file=str(where))
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("ctrl+s")
            pilot.app.screen.query_one("#name", Input).value = "later"
            # someone edits the file while the dialog is open
            where.write_text("# mine, edited elsewhere\n", encoding="utf-8")
            await pilot.press("enter")
            await pilot.pause()
            assert where.read_text(encoding="utf-8") == "# mine, edited elsewhere\n"
            messages = [n.message for n in app._notifications]
            assert any("changed" in m for m in messages), messages

    run(scenario)


# -- analysis tables ---------------------------------------------------------------------


def test_quotes_screen_lists_speakers_and_jumps_to_the_sentence(seeds: Comparison) -> None:
    cmp = seeds

    async def scenario() -> None:
        app = _app(cmp)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("3")
            await ready(pilot)  # the blocks are built in a worker
            speakers = app.screen.query_one("#choices", OptionList)
            prompts = [str(speakers.get_option_at_index(i).prompt)
                       for i in range(speakers.option_count)]
            assert any(p.startswith("Karen Bass") for p in prompts)
            # "All speakers (N)" counts the speakers listed under it, not the quotes
            assert prompts[0] == f"All speakers ({len(prompts) - 1})"
            assert all(" 1 quotes" not in p and " 1 outlets" not in p for p in prompts)
            assert any(" 1 quote in " in p for p in prompts)
            assert "Absolutely it is [a mistake]" in screen_text(app)
            blocks = app.screen.query_one("#blocks")
            target = app.screen.targets[blocks.cursor]
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AlignmentScreen)
            row = app.data.rows[screen.block_rows[screen.view.cursor]]
            article, index = target[1]
            assert any(s.index == index for s in row.cells[article])

    run(scenario)


def test_conflicts_and_omissions_rows_jump_to_their_group(invented: Comparison) -> None:
    conflict_group = int(invented.conflicts.sort("group")["group"][0])
    first = invented.omissions.row(0, named=True)
    assert first["what"] == "group"  # the most carried omission of the first outlet

    async def scenario() -> None:
        app = _app(invented)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            for key, group in (("4", conflict_group), ("5", first["group"])):
                await pilot.press(key)
                await ready(pilot)
                await pilot.press("enter")
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, AlignmentScreen)
                assert app.data.rows[screen.block_rows[screen.view.cursor]].group == group
            await pilot.press("4")
            await ready(pilot)
            text = screen_text(app)
            row = invented.conflicts.sort("group").row(0, named=True)
            assert row["said_a"] in text and row["said_b"] in text
            assert row["value_a"] not in text  # values in words, not internal keys

    run(scenario)


def test_an_omitted_quote_or_fact_leads_to_the_first_sentence_of_a_carrier_that_has_it(
        invented: Comparison) -> None:
    from corpusdiff.tui.screens.omissions import _targets

    omissions = invented.omissions
    targets = _targets(omissions, invented.quotes, invented.facts)
    assert len(targets) == omissions.height
    kinds = set()
    for r, (group, sentence) in zip(omissions.iter_rows(named=True), targets, strict=True):
        kinds.add(r["what"])
        if r["what"] == "group":
            assert (group, sentence) == (r["group"], None)
            continue
        if r["what"] == "quote":
            having = invented.quotes.filter(pl.col("quote_group") == r["quote_group"])
        else:
            having = invented.facts.filter((pl.col("kind") == r["fact_kind"])
                                           & (pl.col("value") == r["fact_value"]))
        having = having.filter(pl.col("article").is_in(r["carriers"]))
        assert group is None
        assert sentence == (having["article"][0], having["sentence"][0])
        assert sentence[0] != r["article"]  # never the omitting outlet's own sentence
    assert kinds == {"group", "quote", "fact"}


# -- article text is data ----------------------------------------------------------------


def test_markup_escapes_and_control_characters_in_articles_stay_literal(
        hostile_corpus: list[str]) -> None:
    async def scenario() -> None:
        app = CorpusdiffApp(hostile_corpus)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert app.data is not None
            overview = screen_text(app)
            assert "Council [bold]approves[/bold] the harbor budget" in overview
            await pilot.press("2", "w")  # one line per row: every sentence fits
            await pilot.press("s")
            text = "\n".join(view_text(app.screen.view))
            assert "[link=https://evil.example]a fair deal[/link]" in text
            assert "␛[31mwarning␛[0m" in text and "bell ␇ stay" in text
            assert "**ignores** <b>dock workers</b>" in text
            assert "\x1b" not in screen_text(app)

    run(scenario)


def test_the_alignment_paints_only_visible_rows_of_a_big_comparison() -> None:
    n = 4000
    sentences = pl.DataFrame({
        "article": ["a"] * n + ["b"] * n, "index": list(range(n)) * 2,
        "paragraph": list(range(n)) * 2, "start": [0] * (2 * n), "end": [0] * (2 * n),
        "text": [f"Sentence {i} of outlet A." for i in range(n)]
        + [f"Line {i} of outlet B says more." for i in range(n)],
        "kind": ["body"] * (2 * n), "reason": [None] * (2 * n),
        "group": list(range(n)) + [None] * n,
    }, schema_overrides={"reason": pl.String, "group": pl.Int64})
    sentences = sentences.with_columns(
        group=pl.when(pl.col("article") == "b").then(pl.col("index")).otherwise(pl.col("group")))
    groups = pl.DataFrame({"id": list(range(n)), "kind": ["reworded"] * n,
                           "n_articles": [2] * n, "n_members": [2] * n, "score": [0.5] * n})
    members = pl.DataFrame({"group": list(range(n)) * 2, "article": ["a"] * n + ["b"] * n,
                            "index": list(range(n)) * 2, "score": [0.5] * (2 * n)})
    articles = pl.DataFrame({"id": ["a", "b"], "path": ["a.txt", "b.txt"], "label": ["A", "B"],
                             "title": ["A", "B"], "text": ["", ""], "encoding": ["utf-8"] * 2,
                             "format": ["txt"] * 2})
    cmp = analyze(articles, sentences, groups, members)
    painted: list[int] = []
    original = SideBySideRow.lines

    def counting(self: SideBySideRow, width: int) -> list:
        painted.append(self.row.row)
        return original(self, width)

    async def scenario() -> None:
        app = CorpusdiffApp([], comparison=cmp)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            assert len(screen.block_rows) == n
            SideBySideRow.lines = counting  # type: ignore[method-assign]
            try:
                await pilot.press("pagedown", "pagedown", "end")
                await pilot.pause()
            finally:
                SideBySideRow.lines = original  # type: ignore[method-assign]
            assert 0 < len(set(painted)) < 200

    run(scenario)


def test_every_binding_has_a_unique_id() -> None:
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import corpusdiff.tui

    classes = set()
    for info in pkgutil.walk_packages(corpusdiff.tui.__path__, "corpusdiff.tui."):
        module = importlib.import_module(info.name)
        classes |= {c for _, c in inspect.getmembers(module, inspect.isclass)
                    if issubclass(c, DOMNode) and c.__module__.startswith("corpusdiff.tui")}
    assert {"CorpusdiffApp", "AlignmentScreen", "BlockView"} <= {c.__name__ for c in classes}
    for cls in classes:
        bindings = [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
        ids = [b.id for b in bindings]
        assert all(ids), f"{cls.__name__} has a binding without an id"
        assert len(set(ids)) == len(ids), f"{cls.__name__} repeats a binding id"


def test_a_count_of_one_is_singular(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("3")
            await ready(pilot)
            choices = app.screen.query_one("#choices", OptionList)
            prompts = [str(choices.get_option_at_index(i).prompt)
                       for i in range(choices.option_count)]
            once = next(i for i, p in enumerate(prompts) if " 1 quote in " in p)
            choices.highlighted = once
            await pilot.pause()
            await ready(pilot)
            assert app.screen.status.text.startswith("1 quoted statement (")

    run(scenario)


def test_the_overview_lists_groups_in_the_reports_order(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            groups = app.screen.query_one(Heatmap).groups
            assert groups == sorted(groups) and len(groups) == seeds.groups.height

    run(scenario)


def test_omissions_name_every_carrying_outlet_by_its_code(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("5")
            await ready(pilot)
            text = screen_text(app)
            assert "carried by 3: A, B, E" in text
            assert "001_9ea4ccef75ea6f17," not in text
            outlets = app.screen.query_one("#choices", OptionList)
            assert str(outlets.get_option_at_index(0).prompt) == "All outlets (5)"
            assert outlets.option_count == 6

    run(scenario)


def test_the_app_and_its_first_screen_import_without_polars() -> None:
    # polars is a third of the start-up time: it loads in the worker, after the first paint
    import subprocess
    import sys

    code = ("import sys, corpusdiff.tui.app, corpusdiff.display, corpusdiff.text, "
            "corpusdiff.diff, corpusdiff.options; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'polars'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"


# -- what fits on an 80x24 screen -------------------------------------------------------------


def test_one_key_bar_that_fits_and_a_status_that_keeps_position_and_reference(
        seeds: Comparison) -> None:
    from corpusdiff.tui.widgets.keybar import KeyBar

    async def scenario() -> None:
        for width, height in ((80, 24), SIZE):
            app = _app(seeds)
            async with app.run_test(size=(width, height)) as pilot:
                await ready(pilot)
                for key in ("1", "2", "3", "4", "5"):
                    await pilot.press(key)
                    await ready(pilot)
                    bar = str(app.screen.query_one(KeyBar).render())
                    room = app.screen.query_one(KeyBar).content_region.width
                    assert len(bar) <= room, (key, bar)
                    assert bar.endswith(("? more", "? help")), bar
                    status = app.screen.status.text
                    # the key bar alone says which keys do what
                    assert "enter:" not in status and "?: help" not in status, status
                    lines = screen_text(app).splitlines()
                    assert lines[-1].strip() == bar.strip()
                    if key == "2":
                        seen = lines[-2][:width]
                        assert "Row 1 of" in seen and "ref ★ A" in seen, seen
                # a narrow screen leaves keys out, and says there are more
                await pilot.press("2")
                bar = str(app.screen.query_one(KeyBar).render())
                assert bar.startswith("n next diff  p prev diff  / search")
                assert bar.endswith("? more") if width < 100 else "r reference" in bar, bar

    run(scenario)


def test_every_dialog_fits_80x24(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=(80, 24)) as pilot:
            await _alignment(pilot)
            for key in ("question_mark", "r", "f", "e", "L"):
                await pilot.press(key)
                await pilot.pause()
                dialog = app.screen
                boxes = [w for w in dialog.children if w.display and w.region.width]
                assert boxes, key
                for box in boxes:  # the dialog's frame: what is inside it scrolls
                    assert box.region.right <= 80 and box.region.bottom <= 24, (key, box)
                if key == "question_mark":
                    box = dialog.query_one("#help-box")
                    text = dialog.query_one("#help-text").render()
                    widest = max(len(line) for line in str(text).splitlines())
                    assert widest <= box.content_region.width, widest
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, AlignmentScreen)

    run(scenario)


def test_omissions_list_what_an_outlet_says_differently() -> None:
    """A real story (the dev set; skipped without it): statements an outlet tells in other
    words are listed apart from its omissions, and open at their group."""
    import glob

    import pytest

    story = (Path(__file__).resolve().parents[3] / "shared" / "dev" / "basil"
             / "87609973-bd58-42a5-96e2-ee5aa47433f5")
    if not story.is_dir():
        pytest.skip("the real-news dev set (../shared/dev) is not beside the repository")
    from corpusdiff.pipeline import compare

    cmp = compare(sorted(glob.glob(str(story / "*.txt"))))
    said = cmp.said_differently.sort("article", "group")
    assert not said.is_empty()

    async def scenario() -> None:
        app = _app(cmp)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("5")
            await ready(pilot)
            screen = app.screen
            targets = screen.targets
            # the omissions first, then what is said differently
            assert len(targets) == cmp.omissions.height + said.height
            first = cmp.omissions.height
            blocks = screen.query_one("#blocks")
            blocks.cursor = first
            blocks.scroll_to_cursor(False)
            await pilot.pause()
            assert "differently" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AlignmentScreen)
            row = app.data.rows[screen.block_rows[screen.view.cursor]]
            assert row.group == targets[first][0]


# -- folding, the plain reference, legible colours ------------------------------------------


def test_a_run_of_one_outlets_rows_folds_and_unfolds(seeds: Comparison) -> None:
    from corpusdiff.tui.widgets.alignment import FoldRow

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            view = screen.view
            folds = [n for n, b in enumerate(view._blocks) if isinstance(b, FoldRow)]
            assert folds, "the seeds' outlets each have paragraphs no other carries"
            shown_rows = len(screen.rows_df)
            assert len(screen.block_rows) < shown_rows
            n = folds[0]
            fold = view._blocks[n]
            size = len(fold.rows)
            assert size >= 2 and all(r.kind == "unique" for r in fold.rows)
            assert len({a for r in fold.rows for a in r.cells}) == 1
            label = app.data.codes[fold.outlet]
            view.cursor = n
            await pilot.pause()
            assert any(f"+{size} only in {label} " in line for line in view_text(view))
            # a folded run is one difference
            assert n in screen.diff_positions
            blocks, diffs = len(screen.block_rows), len(screen.diff_positions)
            await pilot.press("enter")
            await pilot.pause()
            assert len(screen.block_rows) == blocks + size - 1
            assert len(screen.diff_positions) == diffs  # still one hunk when unfolded
            assert not isinstance(view._blocks[view.cursor], FoldRow)
            assert screen.block_rows[view.cursor] == fold.row.row
            assert not screen.query_one("#details").display
            await pilot.press("down", "z")  # fold it back from inside the run
            await pilot.pause()
            assert len(screen.block_rows) == blocks and view.cursor == n
            assert isinstance(view._blocks[n], FoldRow)
            await pilot.press("z")
            assert len(screen.block_rows) == blocks + size - 1

    run(scenario)


def test_a_search_match_inside_a_folded_run_unfolds_it(seeds: Comparison) -> None:
    from corpusdiff.tui.widgets.alignment import FoldRow

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            fold = next(b for b in screen.view._blocks if isinstance(b, FoldRow))
            last = fold.rows[-1].plain(fold.outlet)
            word = max(last.split(), key=len).strip(".,;:“”\"'")
            await pilot.press("slash", *word, "enter")
            await pilot.pause()
            row = screen.block_rows[screen.view.cursor]
            assert word.lower() in app.data.rows[row].plain(fold.outlet).lower() or any(
                word.lower() in app.data.rows[row].plain(a).lower() for a in app.data.ids)
            assert not isinstance(screen.view._blocks[screen.view.cursor], FoldRow)

    run(scenario)


def test_the_reference_column_is_never_struck_in_a_wider_view(seeds: Comparison) -> None:
    from corpusdiff.display import RowFilter
    from corpusdiff.tui.widgets.alignment import GUTTER

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            view = screen.view
            assert len(screen.columns) >= 3
            ref = app.data.reference
            shared = [n for n, r in enumerate(screen.block_rows)
                      if app.data.rows[r].group is not None
                      and ref in app.data.rows[r].cells and len(app.data.rows[r].cells) > 1]
            assert shared
            width = view.content_width
            for n in shared:
                lines = view._blocks[n].lines(width)
                col = screen.view._blocks[n].column_width(width)
                parts = [line.divide([GUTTER, GUTTER + col]) for line in lines]
                assert not any(getattr(span.style, "strike", False)
                               for p in parts for span in p[1].spans), n
                assert any(getattr(span.style, "underline", False)
                           for p in parts for span in p[2].spans)
            # with two outlets shown, the base strikes what the other lacks
            screen.filter = RowFilter(outlets=frozenset(app.data.ids[:2]))
            screen.rebuild()
            await pilot.pause()
            n = next(n for n, r in enumerate(screen.block_rows)
                     if len(app.data.rows[r].cells) == 2 and app.data.rows[r].group is not None)
            lines = view._blocks[n].lines(width)
            assert any(getattr(span.style, "strike", False)
                       for line in lines for span in line.spans)

    run(scenario)


def test_diff_colours_reach_wcag_aa_on_every_row_background_in_every_theme(
        seeds: Comparison) -> None:
    from corpusdiff.tui.widgets.contrast import contrast

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            view = screen.view
            for theme in sorted(app.available_themes):
                app.theme = theme
                await pilot.pause()
                base = view.rich_style
                backgrounds = {
                    "row": base.bgcolor,
                    "zebra": (base + view.get_component_rich_style("blockview--odd")).bgcolor,
                    "selected": (base + view.get_component_rich_style("blockview--cursor"))
                    .bgcolor,
                }
                palette = view.palette()
                for key in ("added", "removed"):
                    fg = palette[key].color.get_truecolor()
                    for where, bg in backgrounds.items():
                        ratio = contrast(fg, bg.get_truecolor())
                        assert ratio >= 4.5, f"{theme}: {key} on {where} row {ratio:.2f}"
                # the pair stays orange and blue: the hue survives the adjustment
                r, _, b = palette["added"].color.get_truecolor()
                assert r > b
                r, _, b = palette["removed"].color.get_truecolor()
                assert b > r

    run(scenario)


def test_a_trimmed_quote_shows_only_what_its_outlet_quotes(seeds: Comparison) -> None:
    # seed A quotes only "go home"; B "The only deal is for ICE to go home": B's words must
    # not show (struck) inside A's quote, which would read as A quoting them
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("3")
            await ready(pilot)
            text = screen_text(app)
            assert "trimmed: “go home” (against B)" in text
            assert "trimmed: “The only deal" not in text

    run(scenario)


# -- outlet identity: letters, colours, labels --------------------------------------------------


def test_choosing_a_reference_keeps_every_outlets_letter_and_colour(seeds: Comparison) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _alignment(pilot)
            codes, colours = dict(app.data.codes), dict(app.data.colours)
            assert codes == {a: "ABCDE"[n] for n, a in enumerate(sorted(codes))}
            await pilot.press("r", "down", "down", "enter")
            await ready(pilot)
            ref = app.data.reference
            assert ref == sorted(codes)[2] and app.data.ids[0] == ref
            # the reference moved to the first column, keeping its letter: C, marked ★
            assert app.data.codes == codes and app.data.colours == colours
            assert screen.query_one("#columns").render().plain.split()[0] == "C★"
            assert "ref ★ C" in screen.status.text
            await pilot.press("1")
            await ready(pilot)
            table = app.screen.query_one("#articles", DataTable)
            assert [str(table.get_row_at(n)[0]) for n in range(table.row_count)] == [
                "C ★", "A", "B", "D", "E"]
            assert app.screen.query_one("#heat-header").render().plain.split("│")[1] \
                == " C★ A  B  D  E "

    run(scenario)


def test_the_report_letters_the_outlets_as_the_terminal_ui_does(seeds: Comparison,
                                                                 tmp_path: Path) -> None:
    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            app.set_reference(seeds.articles["id"][3])
            await ready(pilot)
            await pilot.press("e")
            app.screen.query_one("#path", Input).value = str(tmp_path / "r.md")
            await pilot.press("enter")
            await ready(pilot)
            report = (tmp_path / "r.md").read_text(encoding="utf-8")
            rows = [line for line in report.split("## Coverage")[0].splitlines()
                    if line.startswith("| ") and "Outlet" not in line]
            assert [row.split(" | ")[0].strip("| ") for row in rows] == ["D ★", "A", "B", "C", "E"]
            for row, ident in zip(rows, app.data.ids, strict=True):
                assert row.split(" | ")[1].replace("\\_", "_") == app.data.labels[ident]
                assert row.startswith(f"| {app.data.codes[ident]}")

    run(scenario)


def test_outlets_with_files_of_the_same_name_keep_distinct_readable_labels(
        same_name: tuple[list[str], Comparison]) -> None:
    paths, comparison = same_name

    async def scenario() -> None:
        app = CorpusdiffApp(paths, comparison=comparison)
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            table = app.screen.query_one("#articles", DataTable)
            labels = [str(table.get_row_at(n)[1]) for n in range(table.row_count)]
            assert len(set(labels)) == 5, labels
            assert all(lab.endswith(("/fox", "/nyt")) and "…" in lab for lab in labels)
            # the two folders that share their first 24 characters still read apart
            assert len({lab.split("…")[0] for lab in labels}) < len({lab.split("/")[0]
                                                                     for lab in labels})
            screen = await _alignment(pilot)
            header = screen.query_one("#columns").render().plain
            cells = [c.strip().rstrip("0123456789▶") for c in header.split("│")]
            assert len(cells) >= 2 and all(c.endswith(("/fox", "/nyt")) for c in cells), cells
            await pilot.press("5")
            await ready(pilot)
            choices = app.screen.query_one("#choices", OptionList)
            for n in range(1, choices.option_count):  # one line each, the stem kept
                prompt = choices.get_option_at_index(n).prompt
                assert "/fox  " in str(prompt) or "/nyt  " in str(prompt)
                assert len(str(prompt)) <= choices.scrollable_content_region.width

    run(scenario)


def test_l_labels_an_outlet_everywhere_and_ctrl_s_saves_the_label(seeds: Comparison,
                                                                  tmp_path: Path) -> None:
    from corpusdiff import config
    from corpusdiff.tui.screens.dialogs import LabelScreen

    where = tmp_path / "config.toml"
    where.write_text("# stories\n", encoding="utf-8")
    second = seeds.articles["id"][1]

    async def scenario() -> None:
        app = _app(seeds, config_file=str(where))
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await pilot.press("L")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, LabelScreen)
            box = dialog.query_one(".dialog")
            assert box.region.right <= 80 and box.region.bottom <= 24
            field = dialog.query_one("#label", Input)
            assert field.value == app.data.reference  # the reference's label to start with
            await pilot.press("down")  # B, while typing
            await pilot.pause()
            assert field.value == second
            field.value = "Conservative blog"
            await pilot.press("enter")
            await ready(pilot)
            assert app.data.labels[second] == "Conservative blog"
            assert app.data.codes[second] == "B"
            await pilot.pause()
            table = app.screen.query_one("#articles", DataTable)
            assert [str(c) for c in table.get_row(second)[:2]] == ["B", "Conservative blog"]
            await pilot.press("ctrl+s")
            await pilot.pause()
            app.screen.query_one("#name", Input).value = "bass-ice"
            await pilot.press("enter")
            await pilot.pause()
            spec = config.get_comparison(config.load_config(where), "bass-ice")
            assert spec.labels == {second: "Conservative blog"}

    run(scenario)


# -- framing --------------------------------------------------------------------------------


def test_framing_lists_loaded_words_by_outlet_and_jumps_with_them_marked(
        seeds: Comparison) -> None:
    from corpusdiff.tui.screens.framing import FramingScreen

    counts = dict(seeds.framing.group_by("article").len().iter_rows())
    shared = seeds.framing.filter(pl.col("group").is_not_null()).row(0, named=True)

    async def scenario() -> None:
        app = _app(seeds)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("6")
            await ready(pilot)
            screen = app.screen
            assert isinstance(screen, FramingScreen)
            choices = screen.query_one("#choices", OptionList)
            sourcing = seeds.framing.filter(pl.col("kind") == "sourcing").height
            assert sourcing  # the seeds' "reportedly": counted apart
            assert str(choices.get_option_at_index(0).prompt) == (
                f"All: {seeds.framing.height - sourcing} loaded, {sourcing} sourcing")
            for n, article in enumerate(app.data.ids, 1):
                assert str(choices.get_option_at_index(n).prompt).endswith(
                    f"  {counts.get(article, 0)}")
            text = screen_text(app)
            assert f"⚑ {shared['kind']}" in text and f"“{shared['text']}”" in text
            # the block of the first word in a shared statement opens its group
            blocks = screen.query_one("#blocks")
            blocks.cursor = screen.targets.index((shared["group"], None))
            await pilot.press("enter")
            await ready(pilot)
            align = app.screen
            assert isinstance(align, AlignmentScreen)
            row = app.data.rows[align.block_rows[align.view.cursor]]
            assert row.group == shared["group"]
            assert "framing marked" in align.status.text
            spans = align.ctx.flagged[(shared["article"], shared["sentence"])]
            cell = align.ctx.cell_text(row, shared["article"])
            start, end = spans[0]
            assert cell.plain[start:end] == shared["text"]
            styles = [s.style for s in cell.spans if s.start <= start and s.end >= end]
            assert any(getattr(s, "bold", False) and s.underline and s.italic for s in styles)
            await pilot.press("m")  # off again
            await pilot.pause()
            assert not align.ctx.flagged and "framing marked" not in align.status.text

    run(scenario)


def test_omissions_show_the_outlets_closest_sentence(invented: Comparison) -> None:
    from corpusdiff.analyze.nearest import CLOSEST_SHOWN

    shown = invented.omissions.filter(pl.col("nearest_score") >= CLOSEST_SHOWN).row(
        0, named=True)
    closest = invented.sentences.filter(
        (pl.col("article") == shown["article"]) & (pl.col("index") == shown["nearest_index"])
    )["text"][0]

    async def scenario() -> None:
        app = _app(invented)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("5")
            await ready(pilot)
            outlets = app.screen.query_one("#choices", OptionList)
            outlets.highlighted = 1 + app.data.ids.index(shown["article"])
            await ready(pilot)
            text = " ".join(screen_text(app).split())
            assert f"closest here {shown['nearest_score']:.2f}" in text
            assert " ".join(closest.split())[:40] in text

    run(scenario)

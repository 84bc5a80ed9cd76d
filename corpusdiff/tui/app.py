"""The corpusdiff terminal UI: browse a comparison's overview, alignment, quotes, conflicts,
omissions and framing.

The app paints at once; the comparison is computed in a thread worker that reports its
progress, and every screen fills in when it lands. Errors in the input show on an error
screen (never a traceback); ``run`` returns the exit code.

Importing the app must not import polars (about a third of the start-up time): the TUI
modules import polars and :mod:`corpusdiff.views` inside the functions that use them (they run
once data is there), and the worker loads them while the first screen is already painted.
"""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.worker import get_current_worker

from corpusdiff.options import CorpusdiffError, Options
from corpusdiff.tui.commands import CorpusdiffCommands
from corpusdiff.tui.data import ViewData, build
from corpusdiff.tui.screens.alignment import AlignmentScreen
from corpusdiff.tui.screens.conflicts import ConflictsScreen
from corpusdiff.tui.screens.dialogs import (
    ConfirmScreen,
    ErrorScreen,
    ExportScreen,
    LabelScreen,
    ReferenceScreen,
    SaveScreen,
)
from corpusdiff.tui.screens.framing import FramingScreen
from corpusdiff.tui.screens.help import HelpScreen
from corpusdiff.tui.screens.omissions import OmissionsScreen
from corpusdiff.tui.screens.overview import OverviewScreen
from corpusdiff.tui.screens.quotes import QuotesScreen

if TYPE_CHECKING:
    from corpusdiff.model import Comparison

Compute = Callable[..., "Comparison"]


class Progressed(Message):
    """The comparison worker reached ``stage`` (``fraction`` of the work done)."""

    def __init__(self, stage: str, fraction: float) -> None:
        super().__init__()
        self.stage, self.fraction = stage, fraction


class CorpusdiffApp(App[int], inherit_bindings=False):
    """Browse one comparison."""

    TITLE = "corpusdiff"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, Any]] = {
        "overview": OverviewScreen,
        "alignment": AlignmentScreen,
        "quotes": QuotesScreen,
        "conflicts": ConflictsScreen,
        "omissions": OmissionsScreen,
        "framing": FramingScreen,
    }
    DEFAULT_MODE = "overview"
    COMMANDS = App.COMMANDS | {CorpusdiffCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show('overview')", "Overview", show=False,
                id="screen.overview"),
        Binding("2", "show('alignment')", "Alignment", show=False,
                id="screen.alignment"),
        Binding("3", "show('quotes')", "Quotes", show=False,
                id="screen.quotes"),
        Binding("4", "show('conflicts')", "Conflicts", show=False,
                id="screen.conflicts"),
        Binding("5", "show('omissions')", "Omissions", show=False,
                id="screen.omissions"),
        Binding("6", "show('framing')", "Framing", show=False, id="screen.framing"),
        Binding("tab", "focus_next", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False,
                id="pane.previous"),
        Binding("r", "choose_reference", "Reference", id="reference"),
        Binding("L", "label_outlet", "Label outlet", show=False, id="label"),
        Binding("e", "export", "Export", id="export"),
        Binding("ctrl+s", "save", "Save comparison", show=False, id="save"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="command_palette"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit.now"),
        Binding("ctrl+c", "help_quit", "How to quit", show=False, id="quit.help"),
    ]

    #: progress of the comparison worker
    stage: reactive[str] = reactive("starting")
    fraction: reactive[float] = reactive(0.0)
    #: bumped each time new data is shown (0: nothing yet)
    version: reactive[int] = reactive(0)

    def __init__(self, paths: Sequence[str | os.PathLike[str]] = (),
                 options: Options | None = None, labels: dict[str, str] | None = None, *,
                 comparison: Comparison | None = None, compute: Compute | None = None,
                 keymap: dict[str, str] | None = None, title: str | None = None,
                 saved_name: str | None = None, config_file: str | None = None,
                 early: Any = None) -> None:
        super().__init__()
        #: the saved comparison this is (ctrl+s suggests its name) and the config file to save to
        self.saved_name = saved_name
        self.config_file = config_file
        #: the saved comparison's title, shown next to the screen names
        self.comparison_title = title
        if title:
            self.sub_title = title
        self.paths = [str(p) for p in paths]
        self.options = options or Options()
        self.labels = labels or {}
        self._given = comparison
        self._compute = compute
        #: the helper process the command started for a large corpus (background.early)
        self._early = early
        self._user_keymap = keymap or {}
        self.data: ViewData | None = None
        self.error: str | None = None

    # -- data ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self._user_keymap:
            self.set_keymap(self._user_keymap)
        if self._given is not None:
            self._show(build(self._given, self.options.reference))
        else:
            self.compare()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def compare(self) -> None:
        """Compute the comparison and its views off the event loop."""
        worker = get_current_worker()
        last = [("", -1.0)]

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:
                raise KeyboardInterrupt
            # at most one update per stage and per 2 %; posted, not waited for (a call from
            # the thread would stop the comparison until the screen has repainted)
            if stage != last[0][0] or fraction - last[0][1] >= 0.02:
                last[0] = (stage, fraction)
                self.post_message(Progressed(stage, fraction))

        try:
            if self._compute is not None:
                comparison = self._compute(self.paths, self.options, self.labels,
                                           progress=progress)
            else:
                from corpusdiff.pipeline import compare

                early, self._early = self._early, None  # one comparison takes it
                comparison = compare(self.paths, self.options, self.labels, progress=progress,
                                     early=early)
            progress("preparing the views", 0.99)
            data = build(comparison, self.options.reference)
        except CorpusdiffError as exc:
            self.call_from_thread(self.fail, str(exc), 2)
            return
        except KeyboardInterrupt:
            return
        except Exception as exc:
            self.call_from_thread(self.fail, f"internal error: {type(exc).__name__}: {exc}", 1)
            return
        self.call_from_thread(self._show, data)

    def on_progressed(self, message: Progressed) -> None:
        if self.data is None and self.error is None:  # a late one changes nothing
            self.stage = message.stage
            self.fraction = message.fraction

    def _show(self, data: ViewData, announce: bool = True) -> None:
        self.data = data
        self.fraction = 1.0
        self.version += 1
        for warning in data.comparison.warnings if announce else ():
            self.notify(warning, title="Warning", severity="warning", markup=False)
        calm_gc()

    def on_unmount(self) -> None:
        # what calm_gc froze (this app's data among it) is the collector's again
        gc.unfreeze()

    def fail(self, message: str, code: int = 2) -> None:
        """Show ``message`` on the error screen; quitting then returns ``code``."""
        self.error = message
        self.stage = "failed"
        self.push_screen(ErrorScreen(message, code))

    def set_reference(self, article: str) -> None:
        """Re-order every view by ``article`` (no recomputation of the alignment)."""
        if self.data is None or article == self.data.reference:
            return
        self._rebuild(self.data.comparison, article)

    @work(thread=True, exclusive=True, group="views", description="re-order the views")
    def _rebuild(self, comparison: Comparison, reference: str) -> None:
        data = build(comparison, reference)
        self.call_from_thread(self._show, data)

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"choose_reference", "label_outlet", "export", "save"} and self.data is None:
            return None  # shown dimmed until the comparison is there
        return True

    async def action_show(self, mode: str) -> None:
        """Switch to screen ``mode`` (overview, alignment, quotes, conflicts, omissions,
        framing)."""
        if self.current_mode != mode:
            await self.switch_mode(mode)

    async def goto(self, group: int | None = None,
                   sentence: tuple[str, int] | None = None) -> None:
        """Show the alignment at ``group`` (or at the row of ``sentence``)."""
        await self.action_show("alignment")
        screen = self.screen
        if isinstance(screen, AlignmentScreen):
            screen.reveal(group=group, sentence=sentence)

    def action_help(self) -> None:
        """Show every key binding."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_choose_reference(self) -> None:
        """Pick the outlet whose order anchors the rows."""
        if self.data is None:
            return

        def chosen(article: str | None) -> None:
            if article:
                self.set_reference(article)
                self.notify(f"Reference: {self.data.labels.get(article, article)}"
                            if self.data else "", markup=False)

        self.push_screen(ReferenceScreen(self.data), chosen)

    def action_label_outlet(self) -> None:
        """Rename an outlet (its label on every screen; ctrl+s saves it)."""
        if self.data is None:
            return

        def chosen(result: tuple[str, str] | None) -> None:
            if result:
                self.set_label(*result)

        self.push_screen(LabelScreen(self.data, self.data.reference), chosen)

    def set_label(self, article: str, label: str) -> None:
        """Label outlet ``article`` as ``label`` on every screen (and in what ctrl+s saves
        and ``e`` exports); letters and colours stay."""
        if self.data is None or self.data.labels.get(article) == label:
            return
        self.labels = {**self.labels, article: label}
        self._relabel(self.data.comparison, article, label, self.data.reference)

    @work(thread=True, exclusive=True, group="views", description="relabel an outlet")
    def _relabel(self, comparison: Comparison, article: str, label: str,
                 reference: str) -> None:
        import polars as pl

        articles = comparison.articles.with_columns(
            label=pl.when(pl.col("id") == article).then(pl.lit(label))
            .otherwise(pl.col("label")))
        data = build(dataclasses.replace(comparison, articles=articles), reference)
        self.call_from_thread(self._show, data, False)
        self.call_from_thread(self.notify, f"{data.codes.get(article, '?')} is now {label}",
                              title="Label", markup=False)

    def action_export(self) -> None:
        """Write the comparison as a Markdown report (asks for a path)."""
        if self.data is None:
            return

        def chosen(path: str | None) -> None:
            if path:
                self._export(path)

        self.push_screen(ExportScreen(self.paths), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, path: str) -> None:
        from corpusdiff.export.markdown import to_markdown
        from corpusdiff.files import write_output

        data = self.data
        if data is None:
            return
        cmp = data.comparison
        cmp = dataclasses.replace(cmp, options=dataclasses.replace(cmp.options,
                                                                   reference=data.reference))
        try:
            write_output(to_markdown(cmp), path)
        except CorpusdiffError as exc:
            self.call_from_thread(self.notify, str(exc), title="Export failed",
                                  severity="error", markup=False)
            return
        size = Path(path).stat().st_size
        self.call_from_thread(self.notify, f"Wrote {path} ({size:,} bytes)",
                              title="Exported", markup=False)

    def action_save(self) -> None:
        """Save these articles and options as a named comparison in config.toml."""
        if self.data is None:
            return
        from corpusdiff import config

        where = Path(self.config_file) if self.config_file else config.save_target()
        try:
            # read now: the save refuses to write if the file changes before it
            current = config.load_config(where if where.exists() else None)
        except CorpusdiffError as exc:
            self.notify(str(exc), title="Cannot save", severity="error", markup=False)
            return
        hint = self.saved_name or self.comparison_title or Path(self.paths[0]).stem
        suggestion = (self.saved_name if self.saved_name
                      else config.suggest_name(current, hint))
        options = dataclasses.replace(self.options, reference=self.data.reference)

        def spec(name: str) -> Any:
            return config.ComparisonSpec.for_paths(
                name, self.paths, where, title=self.comparison_title, labels=self.labels,
                options=options)

        def preview(name: str) -> str:
            return f"to be written to {where}:\n\n" + config.render_comparison(spec(name))

        def chosen(name: str | None) -> None:
            if name:
                self._save(config, where, spec(name), current)

        self.push_screen(SaveScreen(suggestion, preview, config.valid_name), chosen)

    def _save(self, config: Any, where: Path, spec: Any, current: Any,
              force: bool = False) -> None:
        try:
            config.save_comparison(where, spec, force=force, expected_mtime_ns=current.mtime_ns,
                                   expected_digest=current.digest)
        except config.ComparisonExists:
            def again(yes: object) -> None:
                if yes:
                    self._save(config, where, spec, current, force=True)

            self.push_screen(ConfirmScreen(f"A comparison named {spec.name!r} already exists "
                                           f"in {where}. Replace it?"), again)
            return
        except CorpusdiffError as exc:
            self.notify(str(exc), title="Cannot save", severity="error", markup=False)
            return
        except OSError as exc:
            self.notify(f"{where}: {exc.strerror}", title="Cannot save", severity="error",
                        markup=False)
            return
        self.saved_name = spec.name
        self.notify(f"Saved comparison {spec.name!r} in {where}; open it with "
                    f"`corpusdiff open {spec.name}`", title="Saved", markup=False)


#: full collections at most once per this many middle-generation ones (Python's default: 10)
GC_FULL_EVERY = 100


def calm_gc() -> None:
    """Keep the cyclic garbage collector's full passes away from key presses.

    The comparison and its views live as long as the app: hundreds of thousands of objects on
    300 articles that every full collection would walk again (0.1-0.6 s at random keys on 300
    real articles: 7 of them in 164 presses). They are frozen out of its reach (reference
    counting still frees them when they are replaced), and full passes, which the few objects
    left then trigger often, run ten times less often (none in those 164 presses)."""
    gc.freeze()
    gen0, gen1, gen2 = gc.get_threshold()
    if gen2 < GC_FULL_EVERY:
        gc.set_threshold(gen0, gen1, GC_FULL_EVERY)


def run(paths: Sequence[str | os.PathLike[str]], options: Options | None = None,
        labels: dict[str, str] | None = None, **kwargs: Any) -> int:
    """Open the terminal UI on ``paths``; returns the exit code (2 when the input could not
    be compared). ``kwargs`` go to :class:`CorpusdiffApp`: ``title`` and ``saved_name`` (a saved
    comparison's), ``config_file`` (where ctrl+s saves), ``keymap`` (binding id -> keys),
    ``comparison`` (already computed), ``compute``, ``early`` (the helper process
    :func:`corpusdiff.background.early` started)."""
    app = CorpusdiffApp(paths, options, labels, **kwargs)
    app.run()
    return app.return_code or 0

"""Modal dialogs: confirm, export path, save name, reference, filter, outlet label; and the
error screen."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from corpusdiff.display import FILTER_KINDS, RowFilter, short_label
from corpusdiff.options import CorpusdiffError
from corpusdiff.text import shorten
from corpusdiff.tui.widgets.text import data_text, outlet_letter

if TYPE_CHECKING:
    from corpusdiff.tui.data import ViewData

DEFAULT_REPORT = "corpusdiff-report.md"


class Dialog(ModalScreen[object], inherit_bindings=False):
    """A centred box; escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)


class ConfirmScreen(Dialog):
    """A yes/no question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", id="yes", variant="warning")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Answer the question."""
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ExportScreen(Dialog):
    """Ask where to write the Markdown report; refuse an input article, a folder or an
    existing file unless confirmed."""

    def __init__(self, inputs: Sequence[str | os.PathLike[str]]) -> None:
        super().__init__()
        self.inputs = list(inputs)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export the comparison as Markdown to:", markup=False)
            yield Input(DEFAULT_REPORT, id="path")
            yield Static("", id="problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted, "#path")
    def _submit(self) -> None:
        from corpusdiff.files import check_output

        path = self.query_one("#path", Input).value.strip()
        problem = self.query_one("#problem", Static)
        if not path:
            problem.update("Give a file name.")
            return
        path = os.path.expanduser(path)
        try:
            check_output(path, self.inputs)
        except CorpusdiffError as exc:
            problem.update(str(exc))
            return
        if Path(path).exists():
            def answer(yes: object) -> None:
                if yes:
                    self.dismiss(path)
                else:
                    problem.update("Not overwritten: choose another name.")

            self.app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?"), answer)
            return
        self.dismiss(path)


class SaveScreen(Dialog):
    """Ask for the name of a saved comparison, suggesting one, and show what will be written."""

    def __init__(self, suggestion: str = "", preview: Callable[[str], str] | None = None,
                 is_valid: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.preview = preview
        self.is_valid = is_valid or bool

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save these articles and options as the comparison named:",
                        markup=False)
            yield Input(value=self.suggestion, placeholder="e.g. bass-ice", id="name")
            yield Static("", id="problem", markup=False)
            yield Static("", id="preview", markup=False)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self._show(self.suggestion)

    @on(Input.Changed, "#name")
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value.strip())

    def _show(self, name: str) -> None:
        problem = "" if not name or self.is_valid(name) else (
            "A name uses letters, digits, - and _ only.")
        self.query_one("#problem", Static).update(problem)
        if self.preview is not None and name and not problem:
            self.query_one("#preview", Static).update(self.preview(name))

    @on(Input.Submitted, "#name")
    def _submit(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            self.query_one("#problem", Static).update("Give a name.")
            return
        if not self.is_valid(name):
            return
        self.dismiss(name)


class ReferenceScreen(Dialog):
    """Pick the reference outlet."""

    def __init__(self, data: ViewData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        data = self.data
        with Vertical(classes="dialog"):
            yield Label("Reference outlet (its order anchors the rows):", markup=False)
            options = []
            for row in data.articles.iter_rows(named=True):
                label = short_label(row["label"] or row["id"], 30)
                prompt = outlet_prompt(data, row["id"], label)
                prompt.append("  ")
                # one line per outlet in a 70-column dialog, the title cut with an ellipsis
                room = max(12, 56 - len(label) - (11 if row["id"] == data.reference else 0))
                prompt.append_text(data_text(shorten(row["title"] or "", room), "dim"))
                if row["id"] == data.reference:
                    prompt.append("  ★ current", "bold")
                options.append(Option(prompt, id=row["id"]))
            yield OptionList(*options, id="outlets", markup=False)

    def on_mount(self) -> None:
        outlets = self.query_one("#outlets", OptionList)
        outlets.highlighted = 0  # the current reference comes first
        outlets.focus()

    @on(OptionList.OptionSelected, "#outlets")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class FilterScreen(Dialog):
    """Choose outlets, row kinds, only differences, only quotes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "reset", "Reset", id="filter.reset"),
    ]

    def __init__(self, data: ViewData, current: RowFilter) -> None:
        super().__init__()
        self.data = data
        self.current = current

    def compose(self) -> ComposeResult:
        data, cur = self.data, self.current
        with Vertical(classes="dialog wide"):
            yield Label("Outlets shown (space toggles):", markup=False)
            selections = []
            for row in data.articles.iter_rows(named=True):
                prompt = outlet_prompt(data, row["id"], short_label(row["label"] or row["id"], 70))
                shown = cur.outlets is None or row["id"] in cur.outlets
                selections.append(Selection(prompt, row["id"], shown))
            yield SelectionList[str](*selections, id="outlets")
            yield Label("Rows:", markup=False)
            with Horizontal(classes="kinds"):
                for kind in FILTER_KINDS:
                    yield Checkbox(kind, kind in cur.kinds, id=f"kind-{kind}")
            yield Checkbox("only differences", cur.only_differences, id="only-differences")
            yield Checkbox("only rows with a quote", cur.only_quotes, id="only-quotes")
            with Horizontal(classes="buttons"):
                yield Button("Apply", id="ok", variant="primary")
                yield Button("Reset (ctrl+r)", id="reset")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#outlets", SelectionList).focus()

    def result(self) -> RowFilter:
        """The filter the dialog currently describes."""
        chosen = set(self.query_one("#outlets", SelectionList).selected)
        outlets = None if chosen >= set(self.data.ids) else frozenset(chosen)
        kinds = frozenset(k for k in FILTER_KINDS
                          if self.query_one(f"#kind-{k}", Checkbox).value)
        return RowFilter(outlets=outlets, kinds=kinds,
                         only_differences=self.query_one("#only-differences", Checkbox).value,
                         only_quotes=self.query_one("#only-quotes", Checkbox).value,
                         show_boilerplate=self.current.show_boilerplate)

    def action_reset(self) -> None:
        """Show everything."""
        self.dismiss(RowFilter(show_boilerplate=self.current.show_boilerplate))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "reset":
            self.action_reset()
        elif event.button.id == "cancel":
            self.dismiss(None)
        else:
            result = self.result()
            if result.outlets is not None and not result.outlets:
                self.notify("Choose at least one outlet", severity="warning", timeout=2)
                return
            self.dismiss(result)


def outlet_prompt(data: ViewData, article: str, label: str) -> Text:
    """``A label``: an outlet's letter in its colour, then ``label`` (already cut)."""
    prompt = outlet_letter(data.codes.get(article, "?"), data.colours.get(article))
    prompt.append(" ")
    prompt.append_text(data_text(label))
    return prompt


class LabelScreen(Dialog):
    """Rename an outlet: pick it, type its label; the result is (article id, label)."""

    def __init__(self, data: ViewData, article: str | None = None) -> None:
        super().__init__()
        self.data = data
        self.article = article if article in data.codes else data.ids[0]

    def compose(self) -> ComposeResult:
        data = self.data
        with Vertical(classes="dialog labels"):
            yield Label("Label the outlet (↑↓ choose, type, enter saves the label):",
                        markup=False)
            options = [Option(outlet_prompt(data, a, short_label(data.labels.get(a, a), 56)),
                              id=a) for a in data.comparison.articles["id"].to_list()]
            yield OptionList(*options, id="outlets", markup=False)
            yield Input(placeholder="the outlet's label", id="label")
            yield Static("", id="problem", markup=False)
            yield Static("Shown on every screen; ctrl+s saves it with the comparison.",
                         classes="hint", markup=False)

    def on_mount(self) -> None:
        outlets = self.query_one("#outlets", OptionList)
        outlets.highlighted = outlets.get_option_index(self.article)
        self.query_one("#label", Input).focus()

    @on(OptionList.OptionHighlighted, "#outlets")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.article = event.option.id or self.article
        field = self.query_one("#label", Input)
        field.value = self.data.labels.get(self.article, self.article)
        field.cursor_position = len(field.value)

    @on(OptionList.OptionSelected, "#outlets")
    def _selected(self) -> None:
        self.query_one("#label", Input).focus()

    def on_key(self, event: object) -> None:
        # up and down choose the outlet while the label field has the focus
        key = getattr(event, "key", "")
        if key in ("up", "down") and self.query_one("#label", Input).has_focus:
            outlets = self.query_one("#outlets", OptionList)
            outlets.action_cursor_up() if key == "up" else outlets.action_cursor_down()
            event.stop()  # type: ignore[attr-defined]

    @on(Input.Submitted, "#label")
    def _submit(self, event: Input.Submitted) -> None:
        label = " ".join(event.value.split())
        if not label:
            self.query_one("#problem", Static).update("Give a label.")
            return
        self.dismiss((self.article, label))


class ErrorScreen(Screen[None], inherit_bindings=False):
    """The comparison could not be made: say why, offer to quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,enter", "quit", "Quit", id="error.quit"),
    ]

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__()
        self.message = message
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error"):
            yield Label("corpusdiff could not compare these articles", classes="title",
                        markup=False)
            yield Static(self.message, id="message", markup=False)
            yield Static("Press q to quit.", classes="hint", markup=False)

    def action_quit(self) -> None:
        """Leave the app with the error's exit code."""
        self.app.exit(return_code=self.code)

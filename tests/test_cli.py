"""The ``corpusdiff`` command end to end through ``corpusdiff.cli.main``: export, open, list,
save, delete, and the one-line errors."""

from __future__ import annotations

import gc
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest

from corpusdiff import background, cli
from corpusdiff import config as cfg
from corpusdiff.config import load_config, render_comparison
from corpusdiff.model import CorpusdiffError, Options
from tests.corpora import write_news

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "config"
SEED_LABELS = {"000_339f8661db4e05a7": "Resist the Mainstream",
               "001_9ea4ccef75ea6f17": "Conservative blog",
               "002_46bad65b491da5a9": "Short report",
               "003_2f2af6d31d993efd": "SEO site",
               "004_9b8d3d308970a96a": "News site"}


COMMENTED = """\
# Stories I follow.
default = "bridge"   # what `corpusdiff` opens

[comparisons.bridge]
title = "Harbor bridge"
articles = ["news/*.txt"]

[comparisons.bridge.labels]
courier = "The Courier"   # the paper, not the wire
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current directory with news/ (three articles) and no config file anywhere."""
    write_news(tmp_path)
    monkeypatch.chdir(tmp_path)
    user = tmp_path / "user" / "corpusdiff" / "config.toml"
    monkeypatch.setattr(cfg, "user_config_file", lambda: user)
    return tmp_path


@pytest.fixture
def tui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], Options, dict[str, str]]]:
    """Stand-in for the terminal UI: records what ``open`` would show."""
    calls: list[tuple[list[str], Options, dict[str, str]]] = []
    saved: list[tuple[str | None, str | None, str]] = []
    module = types.ModuleType("corpusdiff.tui.app")
    module.saved = saved  # type: ignore[attr-defined]
    module.keymaps = []  # type: ignore[attr-defined]

    def run(paths: list[str], options: Options, labels: dict[str, str], *, title: str | None,
            saved_name: str | None, config_file: str, keymap: dict[str, str],
            early: object) -> int:
        # the seeds: no helper process, or one that only embeds (a core is idle), started
        # before the app (stopped here: nothing is shown)
        if early is not None:
            assert isinstance(early, background.Extraction) and not early.extracts
            early._finalizer()
        calls.append((list(paths), options, labels))
        module.keymaps.append(keymap)  # type: ignore[attr-defined]
        saved.append((title, saved_name, config_file))
        return 0

    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "corpusdiff.tui.app", module)
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    return calls


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error(code: int, out: str, err: str) -> str:
    """The CLI's error contract: exit 2, nothing on stdout, one line on stderr."""
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert err.startswith("corpusdiff: error: ")
    return err.removeprefix("corpusdiff: error: ").rstrip("\n")


# -- errors in the input: one line, exit 2 -------------------------------------------------


def _setup_errors(root: Path) -> None:
    (root / "empty").mkdir()
    (root / "blank.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


ERRORS = [
    (["export", "nope.txt"], "nope.txt: no such file or directory"),
    (["export", "nope"], "nope: no such file or directory"),
    (["export", "empty"],
     "empty: no articles in this directory (looked for .htm, .html, .markdown, .md, .txt)"),
    (["export", "news/courier.txt", "blank.txt"], "blank.txt: empty file"),
    (["export", "news/courier.txt", "image.txt"], "image.txt: binary file (not text)"),
    (["export", "news/courier.txt"],
     "need at least two articles to compare, got 1 (news/courier.txt)"),
    (["export", "news", "--format", "xml"],
     "unknown --format 'xml'; choose one of: markdown, json"),
    (["export", "news", "--output", "news/gazette.txt"],
     "news/gazette.txt: is one of the input articles; refusing to overwrite it"),
    (["export", "news", "--bogus"], "unrecognized arguments: --bogus"),
    (["export", "news", "--threshold", "2"], "--threshold must be between 0 and 1, got 2.0"),
    (["export", "news", "--label", "courier"], "--label expects ID=LABEL, got 'courier'"),
    (["export", "news", "--comparison", "bridge"],
     "give article paths or --comparison NAME, not both"),
    (["export", "news", "--reference", "herald"],
     "unknown reference article 'herald'; articles are courier, gazette, tribune"),
    (["open", "nope.txt"], "nope.txt: no such file or directory"),
    (["open", "news/courier.txt"],
     "need at least two articles to compare, got 1 (news/courier.txt)"),
    (["export", "--comparison", "bridge"],
     "no config file found (looked for ./config.toml and {user}); save a comparison first: "
     "corpusdiff save NAME ARTICLES..."),
    (["list", "--config", "missing.toml"], "missing.toml: no such config file"),
    (["delete", "bridge"], "no config file (looked for ./config.toml and {user})"),
]


@pytest.mark.parametrize(("argv", "message"), ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_input_errors_are_one_line_and_exit_2(home: Path, capsys: pytest.CaptureFixture[str],
                                              tui: list, argv: list[str], message: str) -> None:
    _setup_errors(home)
    user = home / "user" / "corpusdiff" / "config.toml"
    assert one_error(*run(capsys, *argv)) == message.format(user=user)
    assert tui == []
    assert not (home / "user").exists()


def test_debug_shows_the_exception(home: Path) -> None:
    with pytest.raises(CorpusdiffError, match="no such file or directory"):
        cli.main(["export", "nope.txt", "--debug"])


@pytest.mark.parametrize("name", ["bad_option.toml", "not_toml.toml", "glob_matches_nothing.toml"])
def test_a_broken_config_is_one_line_for_every_command(home: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       tui: list, name: str) -> None:
    path = DATA / name
    with pytest.raises(cfg.ConfigError) as caught:
        load_config(path)
    for argv in (["list"], ["export", "--comparison", "seeds"], ["open", "seeds"], []):
        message = one_error(*run(capsys, *argv, "--config", str(path)))
        assert message == str(caught.value)
    assert tui == []


def test_save_needs_valid_toml_but_not_a_valid_config(home: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Saving touches only its own comparison; a broken one elsewhere is the user's to fix."""
    for name in ("bad_option.toml", "not_toml.toml"):
        shutil.copy(DATA / name, home / name)
    text = (home / "bad_option.toml").read_text()
    assert run(capsys, "save", "x", "news", "--config", "bad_option.toml")[0] == 0
    assert (home / "bad_option.toml").read_text().startswith(text + "\n[comparisons.x]\n")
    assert one_error(*run(capsys, "save", "x", "news", "--config", "not_toml.toml")) == (
        "not_toml.toml:6: invalid TOML: Unclosed array (column 1); nothing written")
    assert (home / "not_toml.toml").read_bytes() == (DATA / "not_toml.toml").read_bytes()


# -- export --------------------------------------------------------------------------------


def test_export_without_arguments_and_without_config_uses_the_seeds(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--format", "json")
    assert code == 0 and err == ""
    articles = json.loads(out)["articles"]
    assert [a["label"] for a in articles] == [a["id"] for a in articles]
    assert len(articles) == 5


def test_export_in_the_project_uses_its_config(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "export", "--format", "json")
    assert code == 0, err
    assert {a["id"]: a["label"] for a in json.loads(out)["articles"]} == SEED_LABELS
    code, again, _ = run(capsys, "export", "--comparison", "seeds", "--format", "json")
    assert (code, again) == (0, out)


def test_export_a_saved_comparison(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "stories.toml").write_text(COMMENTED, encoding="utf-8")
    code, out, err = run(capsys, "export", "--comparison", "bridge", "--config", "stories.toml",
                         "--format", "json", "--label", "tribune=Tribune")
    assert code == 0 and err == ""
    labels = {a["id"]: a["label"] for a in json.loads(out)["articles"]}
    assert labels == {"courier": "The Courier", "gazette": "gazette", "tribune": "Tribune"}
    # the name alone works too, and the output file is written
    code, _, _ = run(capsys, "--config", "stories.toml", "export", "bridge", "--output",
                     "report.md")
    assert code == 0
    report = (home / "report.md").read_text(encoding="utf-8")
    assert "The Courier" in report and "3 articles" in report


def test_a_misspelled_comparison_name_gets_a_suggestion(home: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    (home / "config.toml").write_text(COMMENTED, encoding="utf-8")
    assert one_error(*run(capsys, "export", "brigde")) == (
        'brigde: no such file or directory, nor a comparison in config.toml; did you mean '
        '"bridge"?')
    assert one_error(*run(capsys, "export", "--comparison", "brigde")) == (
        'config.toml: no comparison named "brigde"; did you mean "bridge"?')


# -- open ----------------------------------------------------------------------------------


def test_open_resolves_names_paths_and_the_default(home: Path, capsys: pytest.CaptureFixture[str],
                                                   tui: list) -> None:
    (home / "config.toml").write_text(COMMENTED + "[comparisons.bridge.options]\n"
                                      "threshold = 0.6\n", encoding="utf-8")
    assert run(capsys, "open", "bridge")[0] == 0
    assert run(capsys)[0] == 0  # plain `corpusdiff`: the default comparison
    assert run(capsys, "news/courier.txt", "news/tribune.txt")[0] == 0
    assert run(capsys, "open", "-c", "bridge", "--threshold", "0.8", "--reference", "gazette",
               "--label", "gazette=Gazette")[0] == 0
    # a saved comparison's name and title go to the UI, for ctrl+s to suggest and keep them
    title, name, config_file = sys.modules["corpusdiff.tui.app"].saved[0]
    assert (title, name) == ("Harbor bridge", "bridge")
    assert Path(config_file).name == "config.toml"
    assert sys.modules["corpusdiff.tui.app"].saved[2][:2] == (None, None)
    saved = (["news/*.txt"], Options(threshold=0.6), {"courier": "The Courier"})
    assert tui == [
        saved,
        saved,
        (["news/courier.txt", "news/tribune.txt"], Options(), {}),
        (["news/*.txt"], Options(threshold=0.8, reference="gazette"),
         {"courier": "The Courier", "gazette": "Gazette"}),
    ]


def test_open_without_config_opens_the_seeds(home: Path, capsys: pytest.CaptureFixture[str],
                                             tui: list) -> None:
    assert run(capsys)[0] == 0
    (paths, options, labels), = tui
    assert Path(paths[0]).resolve() == ROOT / "seeds"
    assert (options, labels) == (Options(), {})


def test_an_existing_path_wins_over_a_comparison_name(home: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      tui: list) -> None:
    (home / "config.toml").write_text(COMMENTED, encoding="utf-8")
    shutil.copytree(home / "news", home / "bridge")
    assert run(capsys, "open", "bridge")[0] == 0
    assert tui == [(["bridge"], Options(), {})]


def test_resolve_is_what_open_and_export_compare(home: Path) -> None:
    (home / "config.toml").write_text(COMMENTED, encoding="utf-8")
    args = cli.build_parser().parse_args(["export", "bridge", "--keep-boilerplate"])
    target = cli.resolve(args)
    assert target.comparison is not None and target.comparison.title == "Harbor bridge"
    assert target.paths == ["news/*.txt"]
    assert target.options == Options(boilerplate=False)


# -- list, save, delete --------------------------------------------------------------------


def test_save_then_list_then_export(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "save", "bridge", "news/courier.txt", "news/gazette.txt",
                         "--label", "courier=The Courier", "--title", "Harbor bridge",
                         "--reference", "gazette", "--threshold", "0.5")
    user = home / "user" / "corpusdiff" / "config.toml"
    assert (code, err) == (0, "")
    assert out == f"saved comparison 'bridge' (2 articles) to {user} (new file)\n"
    # outside the config's folder, articles are saved as absolute paths
    saved = load_config(user).comparisons["bridge"]
    assert saved.articles == (str(home / "news/courier.txt"), str(home / "news/gazette.txt"))
    assert saved.options == Options(threshold=0.5, reference="gazette")

    code, out, _ = run(capsys, "save", "all", "news", "--config", "config.toml")
    assert out == "saved comparison 'all' (3 articles) to config.toml (new file)\n"
    assert (home / "config.toml").read_text() == '[comparisons.all]\narticles = [\n    "news",\n]\n'

    code, out, _ = run(capsys, "list")
    assert (code, out) == (0, "config.toml (* = default)\n  all    3 articles  (no title)\n")
    code, out, _ = run(capsys, "list", "--config", str(user))
    assert out == f"{user} (* = default)\n  bridge    2 articles  Harbor bridge\n"

    code, out, _ = run(capsys, "export", "--config", str(user), "-c", "bridge", "-f", "json")
    articles = json.loads(out)["articles"]
    assert {a["id"]: a["label"] for a in articles} == {"courier": "The Courier",
                                                       "gazette": "gazette"}


def test_save_into_a_commented_config_keeps_it(home: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = home / "config.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    code, out, _ = run(capsys, "save", "wire", "news/gazette.txt", "news/tribune.txt",
                       "--label", "tribune=Tribune")
    assert out == "saved comparison 'wire' (2 articles) to config.toml\n"
    assert path.read_text() == COMMENTED + "\n" + (
        '[comparisons.wire]\narticles = [\n    "news/gazette.txt",\n    "news/tribune.txt",\n]'
        '\n\n[comparisons.wire.labels]\ntribune = "Tribune"\n')

    message = one_error(*run(capsys, "save", "bridge", "news"))
    assert message == ("config.toml:4: comparisons.bridge: a comparison with this name already "
                       "exists; add --force to replace it")

    before = path.read_text()
    code, out, _ = run(capsys, "save", "bridge", "news", "--title", "Harbor bridge",
                       "--label", "courier=The Courier", "--label", "gazette=Gazette", "--force")
    assert code == 0
    assert path.read_text() == before.replace('articles = ["news/*.txt"]', 'articles = ["news"]'
                                              ).replace(
        'courier = "The Courier"   # the paper, not the wire\n',
        'courier = "The Courier"   # the paper, not the wire\ngazette = "Gazette"\n')

    code, out, _ = run(capsys, "list")
    assert out == ("config.toml (* = default)\n"
                   "* bridge    3 articles  Harbor bridge\n"
                   "  wire      2 articles  (no title)\n")

    code, out, _ = run(capsys, "delete", "wire")
    assert (code, out) == (0, "deleted comparison 'wire' from config.toml\n")
    assert path.read_text() == COMMENTED.replace(
        'articles = ["news/*.txt"]', 'articles = ["news"]').replace(
        'courier = "The Courier"   # the paper, not the wire\n',
        'courier = "The Courier"   # the paper, not the wire\ngazette = "Gazette"\n')


def test_save_checks_before_writing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = home / "config.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    assert one_error(*run(capsys, "save", "wire", "news", "--label", "tribunal=T")) == (
        'config.toml: comparisons.wire.labels.tribunal: unknown article id "tribunal"; did you '
        'mean "tribune"?')
    assert one_error(*run(capsys, "save", "wire", "news", "--reference", "herald")).startswith(
        'config.toml: comparisons.wire.reference: unknown article id "herald"')
    assert one_error(*run(capsys, "save", "my story", "news")) == (
        'config.toml: comparisons."my story": invalid comparison name; use letters, digits, - '
        'and _')
    assert one_error(*run(capsys, "save", "wire", "news/courier.txt")) == (
        "config.toml: comparisons.wire.articles: these paths give 1 article; a comparison "
        "needs at least two")
    assert one_error(*run(capsys, "save", "wire")) == (
        "the following arguments are required: ARTICLES")
    assert path.read_text() == COMMENTED
    path.write_text("[comparisons\n", encoding="utf-8")
    assert one_error(*run(capsys, "save", "wire", "news")).endswith("; nothing written")
    assert path.read_text() == "[comparisons\n"


def test_save_with_a_glob_relative_to_the_config_folder(home: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    (home / "configs").mkdir()
    assert run(capsys, "save", "g", "news/*.txt", "--config", "configs/c.toml")[0] == 0
    config = load_config(Path("configs/c.toml"))
    assert config.comparisons["g"].articles == (str(home / "news" / "*.txt"),)
    assert run(capsys, "save", "h", "news/*.txt", "--config", "news/c.toml")[0] == 0
    saved = load_config(Path("news/c.toml")).comparisons["h"]
    assert saved.articles == ("*.txt",)
    assert saved.paths() == ["news/*.txt"] and saved.ids() == ["courier", "gazette", "tribune"]


def test_list_shows_titles_as_plain_text(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = "\x1b[31mred\x1b[0m [bold]x[/bold]\u202eevil"
    assert run(capsys, "save", "x", "news", "--title", title, "--config", "c.toml")[0] == 0
    out = run(capsys, "list", "--config", "c.toml")[1]
    assert out.splitlines()[1] == r"  x    3 articles  \x1b[31mred\x1b[0m [bold]x[/bold]\u202eevil"
    assert "\x1b" not in out and "\u202e" not in out


def test_list_without_config(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list")
    assert (code, out) == (0, "")
    assert err.startswith("corpusdiff: no config file (looked for ./config.toml and ")


def test_list_the_projects_config(monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "list")
    assert (code, out) == (0, "config.toml (* = default)\n"
                              "* seeds    5 articles  LA Mayor Karen Bass vs ICE, summer 2025\n")


def test_render_matches_what_save_appends(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "save", "all", "news", "--config", "c.toml", "--title", "T")
    spec = load_config(Path("c.toml")).comparisons["all"]
    assert (home / "c.toml").read_text() == render_comparison(spec)


def test_output_to_a_device_writes_in_place_and_keeps_it_a_device(tmp_path: Path) -> None:
    # an atomic rename over /dev/null would replace the device with a regular file
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert cli.main(["export", str(ROOT / "seeds"), "--format", "json", "--output", str(fifo)]) == 0
    reader.join(timeout=30)
    assert received and received[0].startswith("{")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to(out)
    assert cli.main(["export", str(ROOT / "seeds"), "--output", str(link)]) == 0
    assert link.is_symlink()
    assert out.read_text(encoding="utf-8").startswith("# corpusdiff")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


# -- the command line's own slips ---------------------------------------------------------


def test_without_a_terminal_the_ui_does_not_start(home: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # `corpusdiff a.txt b.txt > out.md`: standard output is a file (here: captured)
    for argv in (["news/courier.txt", "news/tribune.txt"], [], ["open", "news"]):
        message = one_error(*run(capsys, *argv))
        assert message.startswith("standard output is not a terminal")
        assert "corpusdiff export" in message


def test_a_mistyped_command_gets_a_suggestion(home: Path, capsys: pytest.CaptureFixture[str],
                                              tui: list) -> None:
    assert one_error(*run(capsys, "exprot", "news")) == (
        'exprot: no such command, file or saved comparison; did you mean "export"?')
    assert one_error(*run(capsys, "lsit")).endswith('did you mean "list"?')
    # a file or a saved comparison of that name is opened, not corrected
    (home / "config.toml").write_text(COMMENTED.replace("bridge", "lists"), encoding="utf-8")
    assert run(capsys, "lists")[0] == 0
    assert tui[-1][0] == ["news/*.txt"]
    assert tui and "did you mean" not in capsys.readouterr().err


def test_a_url_is_said_to_be_a_url_that_is_not_fetched(home: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        tui: list) -> None:
    url = "https://www.example.com/2025/06/story.html"
    for command in ("export", "open"):
        message = one_error(*run(capsys, command, url, "news/courier.txt"))
        assert message == (f"{url}: is a URL; corpusdiff does not fetch pages: save the page "
                           "(or its text) and pass the file")
    assert tui == []


def test_a_successful_export_says_what_it_wrote_unless_quiet(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = str(ROOT / "seeds")
    code, out, err = run(capsys, "export", seeds, "--output", "report.md")
    assert code == 0 and out == ""
    shared = len(json.loads(cli_json(capsys, seeds))["groups"])
    assert shared > 1
    assert err == f"wrote report.md (5 articles, {shared} shared statements)\n"
    groups = len(json.loads(cli_json(capsys, "news"))["groups"])
    noun = "statement" if groups == 1 else "statements"
    assert run(capsys, "export", "news", "-o", "news.md")[2] == (
        f"wrote news.md (3 articles, {groups} shared {noun})\n")
    assert run(capsys, "export", "news", "-o", "report.md", "--quiet") == (0, "", "")
    # to standard output the report is all there is
    code, out, err = run(capsys, "export", "news")
    assert code == 0 and out.startswith("#") and err == ""


def cli_json(capsys: pytest.CaptureFixture[str], path: str) -> str:
    code, out, _ = run(capsys, "export", path, "--format", "json")
    assert code == 0
    return out


# -- keymaps ------------------------------------------------------------------------------


def test_a_keys_table_remaps_bindings_and_is_checked(home: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     tui: list) -> None:
    config = home / "config.toml"
    config.write_text(COMMENTED + '\n[keys]\n"alignment.next_difference" = "j,ctrl+n"\n'
                      '"quit" = "x"\n', encoding="utf-8")
    assert run(capsys, "open", "bridge")[0] == 0
    assert sys.modules["corpusdiff.tui.app"].keymaps == [
        {"alignment.next_difference": "j,ctrl+n", "quit": "x"}]
    bad = [('"alignment.next_diference" = "j"',
            'keys."alignment.next_diference": unknown binding id; '
            'did you mean "alignment.next_difference"?'),
           ('"quit" = 3', 'keys.quit: expected keys as a string (such as "j,down"), got 3'),
           ('"quit" = "ctrl+ x"', "keys.quit: 'ctrl+ x' is not a key name"),
           ('"quit" = ""', 'keys.quit: expected keys separated by commas')]
    for line, message in bad:
        config.write_text(COMMENTED + f"\n[keys]\n{line}\n", encoding="utf-8")
        error = one_error(*run(capsys, "open", "bridge"))
        assert error.startswith(f"config.toml:12: {message}"), error


def test_the_allocator_gives_memory_back_sooner_unless_the_user_says(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # set before polars loads (in a fresh process the command imports it later), inherited
    # by the helper process of a large corpus; the user's own setting is kept
    monkeypatch.delenv(cli.ALLOCATOR_ENV, raising=False)
    cli.main(["list"])
    assert os.environ[cli.ALLOCATOR_ENV] == cli.ALLOCATOR_CONF
    monkeypatch.setenv(cli.ALLOCATOR_ENV, "muzzy_decay_ms:-1")
    cli.main(["list"])
    assert os.environ[cli.ALLOCATOR_ENV] == "muzzy_decay_ms:-1"


def test_the_command_collects_cyclic_garbage_less_often(home: Path) -> None:
    # the analysis's many small objects would set off a collection every 700 (0.045 s of the
    # seeds' run); the user's process only: the thresholds are put back here
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)  # Python's default
        cli.main(["list"])
        assert gc.get_threshold() == cli.GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize(("user", "bound", "expected"), [
    (None, None, "1 1"),  # the seeds: a small corpus, one polars thread
    (None, 0, "None"),    # above the bound: polars' own count
    ("2", None, "2 2"),   # the user's setting wins
])
def test_a_small_corpus_runs_polars_on_one_thread(user: str | None, bound: int | None,
                                                  expected: str) -> None:
    # in a fresh process: the setting must come before polars is imported
    code = ("import os, sys\n"
            "from corpusdiff import cli\n"
            + (f"cli.ONE_THREAD_BYTES = {bound}\n" if bound is not None else "")
            + f"early = cli._prepare([{str(cli.SEEDS)!r}], 'none')\n"
            "assert early is None and 'polars' not in sys.modules\n"
            "import polars\n"
            "print(os.environ.get('POLARS_MAX_THREADS'), polars.thread_pool_size())\n")
    env = {k: v for k, v in os.environ.items() if k != "POLARS_MAX_THREADS"}
    if user is not None:
        env["POLARS_MAX_THREADS"] = user
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split()[:len(expected.split())] == expected.split()

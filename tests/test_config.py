"""config.toml: strict reading with FILE:LINE: key.path messages, lossless and atomic saving."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tomllib
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusdiff import config as cfg
from corpusdiff.config import (
    ComparisonExists,
    ComparisonSpec,
    ConfigChanged,
    ConfigError,
    delete_comparison,
    edit_text,
    find_config,
    get_comparison,
    load_config,
    render_comparison,
    save_comparison,
)
from corpusdiff.files import default_mode
from corpusdiff.model import CorpusdiffError, Options
from tests.corpora import ARTICLES, write_news

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "config"
SEED_IDS = ["000_339f8661db4e05a7", "001_9ea4ccef75ea6f17", "002_46bad65b491da5a9",
            "003_2f2af6d31d993efd", "004_9b8d3d308970a96a"]


#: a hand-written config: comments everywhere, odd spacing, quoted and dotted keys, a
#: multi-line string holding header-like lines, an inline table, tabs, no final newline
HAND_WRITTEN = '''\
# My saved comparisons   (hand-written; keep this comment!)
default   =   "bridge"     # opened by `corpusdiff`

#[comparisons.story]      <- a commented-out header, not a table
[comparisons.bridge]
title = """Harbor bridge
[comparisons.story]
closure"""
articles = [
\t"news/courier.txt",   # first
\t"news/gazette.txt",
]
  reference = 'courier'   # indented, literal string

[ comparisons . bridge . labels ]   # spaces inside the header
"courier" = "The Courier"
gazette    = "Gazette"

# Between two comparisons: this comment belongs to neither.

[comparisons]
inline = { articles = ["news/*.txt"], labels = { tribune = "Tribune" } }

[comparisons.dotted]
articles = ["news/gazette.txt", "news/tribune.txt"]
options.threshold = 0.5
# trailing comment, no final newline'''


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with three articles in news/, as the current directory, and no user config."""
    write_news(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cfg, "user_config_file", lambda: tmp_path / "user" / "config.toml")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def spec(name: str = "story", base: Path = Path("."), **changes: object) -> ComparisonSpec:
    made = ComparisonSpec(name=name, title="Harbor bridge closure",
                          articles=("news/*.txt",), reference="gazette",
                          labels={"courier": "The Courier", "tribune": "Tribune"},
                          options=Options(threshold=0.5, reference="gazette"), base_dir=base)
    return dataclasses.replace(made, **changes)


# -- reading -------------------------------------------------------------------------------


def test_the_projects_config_has_a_labelled_seeds_comparison() -> None:
    config = load_config(ROOT / "config.toml")
    seeds = get_comparison(config, None)
    assert config.default == "seeds" and seeds.name == "seeds"
    assert seeds.ids() == SEED_IDS
    assert sorted(seeds.labels) == SEED_IDS
    assert seeds.labels["000_339f8661db4e05a7"] == "Resist the Mainstream"
    assert len(set(seeds.labels.values())) == 5
    assert seeds.reference == seeds.options.reference == SEED_IDS[0]


def test_a_spec_resolves_its_articles_against_the_config_folder(tmp_path: Path) -> None:
    base = tmp_path / "configs"
    made = ComparisonSpec(name="x", articles=("../seeds/*.txt", "/abs/a.txt", "b.txt"),
                          base_dir=base)
    assert made.paths() == [str(base / "../seeds/*.txt"), "/abs/a.txt", str(base / "b.txt")]
    assert ComparisonSpec(name="x", articles=("seeds/*.txt",)).paths() == ["seeds/*.txt"]


def test_load_reads_every_key(news: Path) -> None:
    write(news / "config.toml", HAND_WRITTEN)
    config = load_config(find_config())
    assert config.path == Path("config.toml")
    assert config.default == "bridge"
    assert list(config.comparisons) == ["bridge", "inline", "dotted"]
    bridge = config.comparisons["bridge"]
    assert bridge.title == "Harbor bridge\n[comparisons.story]\nclosure"
    assert bridge.articles == ("news/courier.txt", "news/gazette.txt")
    assert bridge.reference == "courier" and bridge.options.reference == "courier"
    assert bridge.labels == {"courier": "The Courier", "gazette": "Gazette"}
    assert config.comparisons["inline"].ids() == ["courier", "gazette", "tribune"]
    assert config.comparisons["dotted"].options == Options(threshold=0.5)
    assert config.digest == hashlib.sha256((news / "config.toml").read_bytes()).hexdigest()


def test_find_config_order(news: Path) -> None:
    assert find_config() is None
    user = news / "user" / "config.toml"
    user.parent.mkdir()
    write(user, "")
    assert find_config() == user
    write(news / "config.toml", "")
    assert find_config() == Path("config.toml")
    assert find_config("elsewhere.toml") == Path("elsewhere.toml")  # even when missing
    with pytest.raises(ConfigError, match=r"^elsewhere.toml: no such config file$"):
        load_config(find_config("elsewhere.toml"))


def test_no_config_file_is_an_empty_config() -> None:
    config = load_config(None)
    assert config.comparisons == {} and config.default is None
    with pytest.raises(ConfigError, match="no config file found"):
        get_comparison(config, "seeds")


#: every broken file in tests/data/config and the exact line it gives
BROKEN = [
    ("extra_key.toml", 6, "comparisons.seeds.colour",
     "unknown key; expected one of: title, articles, reference, labels, options"),
    ("misspelled_key.toml", 5, "comparisons.seeds.artciles",
     'unknown key; did you mean "articles"?'),
    ("misspelled_option.toml", 5, "comparisons.seeds.options.treshold",
     'unknown key; did you mean "threshold"?'),
    ("misspelled_top_key.toml", 1, "defualt", 'unknown key; did you mean "default"?'),
    ("not_toml.toml", 6, None, "invalid TOML: Unclosed array (column 1)"),
    ("duplicate_table.toml", 4, None,
     "invalid TOML: Cannot declare comparisons.seeds twice (column 19)"),
    ("not_utf8.toml", 2, None, "not UTF-8 text"),
    ("bad_option.toml", 7, "comparisons.seeds.options.threshold",
     'expected a number between 0 and 1, got "high"'),
    ("bad_boilerplate.toml", 3, "comparisons.seeds.options.boilerplate",
     'expected true or false, got "yes"'),
    ("bad_omission_k.toml", 6, "comparisons.seeds.options.omission_k",
     "expected a whole number of at least 1, got 0"),
    ("bad_embedder.toml", 6, "comparisons.seeds.options.embedder",
     "unknown embedder 'glove'; choose one of wordllama, none, model2vec:NAME_OR_PATH, "
     "sentence-transformers:NAME"),
    ("reference_in_options.toml", 5, "comparisons.seeds.options.reference",
     "unknown key; reference is set in [comparisons.seeds], not in its options"),
    ("empty_articles.toml", 3, "comparisons.seeds.articles",
     "empty list; name at least two articles (files, directories or globs)"),
    ("articles_not_list.toml", 2, "comparisons.seeds.articles",
     'expected a list of paths, got "../../../seeds/*.txt" (write ["../../../seeds/*.txt"])'),
    ("missing_articles.toml", 1, "comparisons.seeds",
     'missing key "articles" (the files, directories or globs to compare)'),
    ("glob_matches_nothing.toml", 4, "comparisons.seeds.articles[1]",
     '"../../../seeds/*.html": no files match this pattern'),
    ("missing_file.toml", 2, "comparisons.seeds.articles[1]",
     '"../../../seeds/999.txt": no such file or directory'),
    ("one_article.toml", 2, "comparisons.seeds.articles",
     "these paths give 1 article; a comparison needs at least two"),
    ("unknown_reference.toml", 4, "comparisons.seeds.reference",
     'unknown article id "000_339f8661db4e05a8"; did you mean "000_339f8661db4e05a7"?'),
    ("unknown_label.toml", 6, "comparisons.seeds.labels.fox",
     'unknown article id "fox"; the ids are: ' + ", ".join(SEED_IDS)),
    ("bad_label.toml", 3, "comparisons.seeds.labels.000_339f8661db4e05a7",
     'expected a label (a non-empty string), got ""'),
    ("unknown_default.toml", 1, "default", 'no comparison named "sedes"; did you mean "seeds"?'),
    ("bad_name.toml", 1, 'comparisons."la mayor"',
     "invalid comparison name; use letters, digits, - and _"),
    ("title_not_string.toml", 2, "comparisons.seeds.title",
     "expected a non-empty string, got 2025"),
    ("comparison_not_table.toml", 2, "comparisons.seeds",
     'expected a table, got "../../../seeds/*.txt"'),
]


@pytest.mark.parametrize(("name", "line", "key", "problem"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_config_gives_one_exact_line(name: str, line: int, key: str | None,
                                                 problem: str) -> None:
    path = DATA / name
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    expected = f"{path}:{line}: " + (f"{key}: " if key else "") + problem
    assert str(error) == expected
    assert (error.file, error.line, error.key, error.problem) == (str(path), line, key, problem)
    assert "\n" not in str(error)
    assert isinstance(error, CorpusdiffError)


def test_every_broken_file_is_tested() -> None:
    assert sorted(p.name for p in DATA.glob("*.toml")) == sorted(b[0] for b in BROKEN)


def test_unknown_comparison_name_suggests_the_closest(news: Path) -> None:
    config = load_config(write(news / "config.toml", HAND_WRITTEN))
    with pytest.raises(ConfigError) as caught:
        get_comparison(config, "brigde")
    assert str(caught.value) == f'{news / "config.toml"}: no comparison named "brigde"; did ' \
                                'you mean "bridge"?'
    with pytest.raises(ConfigError, match=r'no comparison named "zzz"; saved comparisons are: '
                                          r'bridge, inline, dotted$'):
        get_comparison(config, "zzz")
    assert get_comparison(config, None).name == "bridge"


def test_line_numbers_survive_crlf_and_inline_tables(news: Path) -> None:
    text = ('[comparisons.story]\r\narticles = ["news/*.txt"]\r\n'
            'labels = { courier = "C", nope = "N" }\r\n')
    with pytest.raises(ConfigError) as caught:
        load_config(write(news / "c.toml", text))
    assert caught.value.line == 3 and caught.value.key == "comparisons.story.labels.nope"


# -- rendering -----------------------------------------------------------------------------


def test_render_writes_only_what_differs_from_the_defaults() -> None:
    text = render_comparison(spec(options=Options(reference="gazette")))
    assert text == (
        '[comparisons.story]\n'
        'title = "Harbor bridge closure"\n'
        'articles = [\n    "news/*.txt",\n]\n'
        'reference = "gazette"\n'
        '\n'
        '[comparisons.story.labels]\n'
        'courier = "The Courier"\n'
        'tribune = "Tribune"\n')
    with_options = tomllib.loads(render_comparison(spec(options=Options(
        threshold=0.9, boilerplate=False, omission_k=2))))
    assert with_options["comparisons"]["story"]["options"] == {
        "threshold": 0.9, "boilerplate": False, "omission_k": 2}


# -- saving: lossless ----------------------------------------------------------------------


def test_appending_keeps_every_byte_of_the_file(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    before = path.read_bytes()
    save_comparison(path, spec())
    after = path.read_bytes()
    # the file had no final newline: one is added, then a blank line, then the new table
    assert after == before + b"\n\n" + render_comparison(spec()).encode()
    assert load_config(path).comparisons["story"] == spec(base_dir=Path(news))


def test_replacing_a_label_changes_only_that_line(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    bridge = load_config(path).comparisons["bridge"]
    changed = dataclasses.replace(bridge, labels={**bridge.labels, "gazette": "The Gazette"})
    save_comparison(path, changed, force=True)
    assert path.read_text() == HAND_WRITTEN.replace('gazette    = "Gazette"',
                                                    'gazette    = "The Gazette"')
    assert load_config(path).comparisons["bridge"] == changed


def test_replacing_edits_keys_in_place_and_adds_new_ones_at_the_end_of_their_table(
        news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    bridge = load_config(path).comparisons["bridge"]
    changed = dataclasses.replace(
        bridge, title=None, articles=("news/*.txt",),
        labels={**bridge.labels, "tribune": "Tribune"},
        options=Options(threshold=0.6, reference="courier"))
    save_comparison(path, changed, force=True)
    expected = HAND_WRITTEN.replace(
        'title = """Harbor bridge\n[comparisons.story]\nclosure"""\n', "").replace(
        'articles = [\n\t"news/courier.txt",   # first\n\t"news/gazette.txt",\n]',
        'articles = ["news/*.txt"]').replace(
        'gazette    = "Gazette"\n',
        'gazette    = "Gazette"\ntribune = "Tribune"\n\n[comparisons.bridge.options]\n'
        'threshold = 0.6\n')
    assert path.read_text() == expected
    assert load_config(path).comparisons["bridge"] == dataclasses.replace(
        changed, base_dir=Path(news))


def test_replacing_an_irregular_comparison_touches_only_its_lines(news: Path) -> None:
    """A comparison written as an inline table is replaced as a whole, in place."""
    path = write(news / "config.toml", HAND_WRITTEN)
    new = spec(name="inline")
    save_comparison(path, new, force=True)
    old_line = 'inline = { articles = ["news/*.txt"], labels = { tribune = "Tribune" } }\n'
    head, tail = HAND_WRITTEN.split(old_line)
    assert path.read_text() == head + render_comparison(new) + tail
    config = load_config(path)
    assert config.comparisons["inline"] == dataclasses.replace(new, base_dir=Path(news))
    assert list(config.comparisons) == ["bridge", "inline", "dotted"]


def test_an_inline_comparison_among_others_moves_to_the_end(news: Path) -> None:
    text = ('[comparisons]\n'
            'a = { articles = ["news/*.txt"] }  # mine\n'
            'story = { articles = ["news/*.txt"] }\n'
            'b = { articles = ["news/*.txt"] }\n')
    path = write(news / "config.toml", text)
    save_comparison(path, spec(), force=True)
    assert path.read_text() == (text.replace('story = { articles = ["news/*.txt"] }\n', "")
                                + "\n" + render_comparison(spec()))


def test_deleting_removes_only_the_comparisons_lines(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    delete_comparison(path, "dotted")
    assert path.read_text() == HAND_WRITTEN.replace(
        '[comparisons.dotted]\narticles = ["news/gazette.txt", "news/tribune.txt"]\n'
        'options.threshold = 0.5\n', "")
    with pytest.raises(ConfigError, match=r'"bridge" is the default comparison'):
        delete_comparison(path, "bridge")
    with pytest.raises(ConfigError, match=r'no comparison named "dotted"'):
        delete_comparison(path, "dotted")


def test_save_then_delete_gives_back_the_same_bytes(news: Path) -> None:
    for text in (HAND_WRITTEN, HAND_WRITTEN + "\n", "# only a comment\r\n", ""):
        path = write(news / "config.toml", text)
        save_comparison(path, spec())
        delete_comparison(path, "story")
        assert path.read_bytes() == text.encode() + (b"\n" if text == HAND_WRITTEN else b"")


def test_an_option_written_at_its_default_stays_written(news: Path) -> None:
    default = Options().threshold
    text = (f'[comparisons.story]\narticles = ["news/*.txt"]\n\n[comparisons.story.options]\n'
            f'threshold = {default}   # pinned\n')
    path = write(news / "config.toml", text)
    story = load_config(path).comparisons["story"]
    save_comparison(path, dataclasses.replace(story, labels={"courier": "C"}), force=True)
    assert path.read_text() == text + '\n[comparisons.story.labels]\ncourier = "C"\n'


def test_saving_the_same_comparison_writes_nothing(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    os.utime(path, ns=(1, 1_000_000_000))
    save_comparison(path, load_config(path).comparisons["bridge"], force=True)
    assert path.read_text() == HAND_WRITTEN
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_crlf_files_stay_crlf(news: Path) -> None:
    text = "# windows\r\n[comparisons.old]\r\narticles = [\"news/*.txt\"]\r\n"
    path = write(news / "config.toml", text)
    save_comparison(path, spec())
    data = path.read_bytes()
    assert data.startswith(text.encode()) and b"\n" not in data.replace(b"\r\n", b"")


def test_creating_a_new_file(news: Path) -> None:
    path = news / "new.toml"
    save_comparison(path, spec())
    assert path.read_text() == render_comparison(spec())
    assert stat.S_IMODE(path.stat().st_mode) == default_mode()


def test_a_name_in_use_needs_force(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    with pytest.raises(ComparisonExists) as caught:
        save_comparison(path, spec(name="bridge"))
    assert str(caught.value) == (f"{path}:5: comparisons.bridge: a comparison with this name "
                                 "already exists")
    assert path.read_text() == HAND_WRITTEN


def test_a_comparison_is_checked_before_it_is_saved(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    with pytest.raises(ConfigError) as caught:
        save_comparison(path, spec(labels={"currier": "C"}))
    assert str(caught.value) == (f'{path}: comparisons.story.labels.currier: unknown article '
                                 'id "currier"; did you mean "courier"?')
    with pytest.raises(ConfigError, match=r"articles\[0\]: \"nope/\*.txt\": no files match"):
        save_comparison(path, spec(articles=("nope/*.txt",)))
    with pytest.raises(ConfigError, match="invalid comparison name"):
        save_comparison(path, spec(name="my story"))
    assert path.read_text() == HAND_WRITTEN


def test_a_file_that_is_not_toml_is_never_overwritten(news: Path) -> None:
    broken = "[comparisons.a]\narticles = [\n"
    path = write(news / "config.toml", broken)
    with pytest.raises(ConfigError) as caught:
        save_comparison(path, spec())
    assert str(caught.value) == (f"{path}:2: invalid TOML: Invalid value (at the end of the "
                                 "file); nothing written")
    assert path.read_text() == broken


def test_a_file_whose_comparisons_cannot_be_extended_is_left_alone(news: Path) -> None:
    text = 'comparisons = { a = { articles = ["news/*.txt"] } }\n'
    path = write(news / "config.toml", text)
    with pytest.raises(ConfigError, match="without changing other parts of the file; nothing"):
        save_comparison(path, spec())
    assert path.read_text() == text


def test_a_symlinked_config_stays_a_link(news: Path) -> None:
    real = write(news / "real.toml", "# dotfiles\n")
    link = news / "config.toml"
    link.symlink_to(real)
    save_comparison(link, spec())
    assert link.is_symlink()
    assert real.read_text() == "# dotfiles\n\n" + render_comparison(spec())


def test_for_paths_writes_paths_relative_to_the_config_folder(news: Path) -> None:
    made = ComparisonSpec.for_paths("s", ["news/*.txt", "news/../news/courier.txt", "/x/y.txt"],
                                    news / "config.toml",
                                    options=Options(threshold=0.4, reference="courier"))
    assert made.articles == ("news/*.txt", "news/courier.txt", "/x/y.txt")
    assert made.reference == "courier" and made.base_dir == news
    inside = ComparisonSpec.for_paths("s", ["news/*.txt"], Path("news/c.toml"))
    assert inside.articles == ("*.txt",) and inside.paths() == ["news/*.txt"]
    outside = ComparisonSpec.for_paths("s", ["news/*.txt"], Path("sub/c.toml"))
    assert outside.articles == (str(news / "news" / "*.txt"),)


def test_suggested_names_are_valid_and_unused(news: Path) -> None:
    config = load_config(write(news / "config.toml", HAND_WRITTEN))
    assert cfg.suggest_name(config, "LA Mayor vs ICE, summer 2025") == "la-mayor-vs-ice-summer-2025"
    assert cfg.suggest_name(config, "Bridge") == "bridge-2"
    assert cfg.suggest_name(config, "«»!") == "comparison"
    assert cfg.valid_name("élection_2025-b") and not cfg.valid_name("a b")
    assert not cfg.valid_name("-x") and not cfg.valid_name("a.b")


def test_saving_without_any_config_creates_the_user_one(news: Path) -> None:
    target = cfg.save_target()
    assert target == news / "user" / "config.toml" and not target.parent.exists()
    with pytest.raises(ConfigError):  # nothing is created for a comparison that is wrong
        save_comparison(target, spec(articles=("nope.txt",)))
    assert not target.parent.exists()
    save_comparison(target, ComparisonSpec.for_paths("story", ["news/*.txt"], target))
    assert load_config(find_config()).comparisons["story"].ids() == sorted(ARTICLES)
    with pytest.raises(ConfigError, match="folder does not exist"):
        save_comparison(news / "elsewhere" / "c.toml", spec())


# -- saving: atomic, permissions, concurrent changes ---------------------------------------


def test_permissions_are_kept(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    path.chmod(0o640)
    save_comparison(path, spec())
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".config.toml."))


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file(news: Path, monkeypatch: pytest.MonkeyPatch,
                                            failing: str) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cfg.os, failing, fail)
    with pytest.raises(ConfigError) as caught:
        save_comparison(path, spec())
    assert str(caught.value) == f"{path}: cannot write: No space left on device; nothing written"
    assert path.read_text() == HAND_WRITTEN
    assert leftovers(news) == []


def test_an_interrupted_write_leaves_the_old_file(news: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The process is interrupted half-way through writing the new text."""
    path = write(news / "config.toml", HAND_WRITTEN)
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: BinaryIO) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> None:
            self.handle.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(cfg.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        save_comparison(path, spec())
    assert path.read_text() == HAND_WRITTEN
    assert leftovers(news) == []


def test_refuses_when_the_file_changed_since_it_was_read(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    config = load_config(path)
    edited = HAND_WRITTEN + "\n# edited in another window\n"
    write(path, edited)
    os.utime(path, ns=(config.mtime_ns + 5_000_000, config.mtime_ns + 5_000_000))
    with pytest.raises(ConfigChanged) as caught:
        save_comparison(path, spec(), expected_mtime_ns=config.mtime_ns)
    assert str(caught.value) == f"{path}: changed on disk since it was read; nothing written"
    assert path.read_text() == edited


def test_refuses_a_change_that_kept_the_mtime(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    config = load_config(path)
    write(path, HAND_WRITTEN.replace("Gazette", "Gazzette"))
    os.utime(path, ns=(config.mtime_ns, config.mtime_ns))
    with pytest.raises(ConfigChanged):
        save_comparison(path, spec(), expected_mtime_ns=config.mtime_ns,
                        expected_digest=config.digest)
    assert "Gazzette" in path.read_text()


def test_refuses_when_the_file_changes_while_saving(news: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    real_chmod = os.chmod

    def chmod_then_edit(target: str, mode: int) -> None:  # another editor saves meanwhile
        real_chmod(target, mode)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n# theirs\n")

    monkeypatch.setattr(cfg.os, "chmod", chmod_then_edit)
    with pytest.raises(ConfigChanged, match="changed on disk while saving; nothing written"):
        save_comparison(path, spec())
    assert path.read_text() == HAND_WRITTEN + "\n# theirs\n"
    assert leftovers(news) == []


def test_refuses_when_the_file_was_removed_since_it_was_read(news: Path) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    config = load_config(path)
    path.unlink()
    with pytest.raises(ConfigChanged, match="was removed since it was read"):
        save_comparison(path, spec(), expected_mtime_ns=config.mtime_ns)
    assert not path.exists()


# -- properties ----------------------------------------------------------------------------

_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30).filter(
    str.strip)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_text, labels=st.dictionaries(st.sampled_from(sorted(ARTICLES)), _text),
       threshold=st.floats(0.01, 1.0))
def test_any_saved_comparison_reads_back_and_keeps_the_rest(news: Path, title: str,
                                                            labels: dict[str, str],
                                                            threshold: float) -> None:
    path = write(news / "config.toml", HAND_WRITTEN)
    new = spec(title=title, labels=labels, options=Options(threshold=threshold))
    save_comparison(path, new)
    assert path.read_text().startswith(HAND_WRITTEN)
    expected = dataclasses.replace(new, base_dir=Path(news),
                                   options=Options(threshold=threshold, reference="gazette"))
    assert load_config(path).comparisons["story"] == expected
    # and saving it again over itself changes nothing
    save_comparison(path, expected, force=True)
    assert load_config(path).comparisons["story"] == expected


def test_edit_text_never_reads_headers_in_strings_or_comments() -> None:
    text = ('a = """\n[comparisons.x]\nb = 1\n"""\n# [comparisons.x]\n'
            "c = '''[comparisons.x]'''\n")
    out = edit_text(text, "x", '[comparisons.x]\narticles = [\n    "a.txt",\n]\n')
    assert out.startswith(text) and tomllib.loads(out)["a"] == "[comparisons.x]\nb = 1\n"

"""config.toml: saved comparisons, read strictly and saved without losing a byte of the rest.

A config file names comparisons (a set of articles with outlet labels, a reference article and
options) so that one word reproduces them::

    default = "seeds"
    [comparisons.seeds]
    title = "LA mayor vs ICE"
    articles = ["seeds/*.txt"]          # files, directories, globs; relative to this file
    reference = "000_339f8661db4e05a7"
    [comparisons.seeds.labels]
    "000_339f8661db4e05a7" = "Resist the Mainstream"
    [comparisons.seeds.options]
    threshold = 0.4

Reading validates everything and reports the first problem as one line naming the file, the
line and the key path. Saving rewrites only the lines of the comparison being saved (or appends
it), checks that the result parses to exactly the old data plus the new table, and replaces the
file atomically, refusing when the file changed on disk since it was read. The lossless TOML
editing itself is :mod:`corpusdiff.tomledit`.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from corpusdiff.embed import check_spec
from corpusdiff.files import WriteError, default_mode, write_atomic
from corpusdiff.ingest import article_ids, expand
from corpusdiff.options import CorpusdiffError, Options
from corpusdiff.tomledit import (
    EditError,
    Key,
    Layout,
    ScanError,
    edit_table,
    keypath,
    same_data,
    scan,
)

FILE_NAME = "config.toml"
TOP_KEYS = ("default", "comparisons", "keys")
COMPARISON_KEYS = ("title", "articles", "reference", "labels", "options")
#: keys of [comparisons.NAME.options] -> the model.Options field they set
OPTION_KEYS = ("threshold", "boilerplate", "omission_k", "embedder")
_NAME = re.compile(r"[^\W][\w-]*")

class ConfigError(CorpusdiffError):
    """A problem with a config file; the message is ``FILE:LINE: key.path: problem``
    (parts that are unknown are left out)."""

    def __init__(self, problem: str, file: str | Path | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        self.problem = problem
        self.file = str(file) if file is not None else None
        self.line = line
        self.key = key
        where = f"{self.file}:{line}" if self.file and line else self.file
        super().__init__(": ".join(part for part in (where, key, problem) if part))
        self.path = self.file


class ComparisonExists(ConfigError):
    """Saving would replace an existing comparison and ``force`` was not given."""


class ConfigChanged(ConfigError):
    """The file changed on disk since it was read; nothing was written."""


@dataclass(frozen=True)
class ComparisonSpec:
    """One ``[comparisons.NAME]`` table.

    ``articles`` are as written in the file (relative to ``base_dir``, the config file's
    folder); ``options.reference`` equals ``reference`` for specs read from a file, so
    ``compare(spec.paths(), spec.options, spec.labels)`` reproduces the comparison.
    """

    name: str
    title: str | None = None
    articles: tuple[str, ...] = ()
    reference: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    base_dir: Path = Path(".")

    def paths(self) -> list[str]:
        """The articles resolved against ``base_dir``, ready for ``compare``."""
        out = []
        for article in self.articles:
            raw = os.path.expanduser(article)
            out.append(raw if os.path.isabs(raw) else str(self.base_dir / raw))
        return out

    def ids(self) -> list[str]:
        """The article ids these paths give (file stems), without reading the texts."""
        return article_ids([source.path for source in expand(self.paths(), [])])

    @classmethod
    def for_paths(cls, name: str, paths: Iterable[str | os.PathLike[str]], config_path: Path,
                  *, title: str | None = None, labels: Mapping[str, str] | None = None,
                  options: Options | None = None) -> ComparisonSpec:
        """A comparison of ``paths`` (as given: relative to the current directory) to save in
        ``config_path``: paths inside the config's folder are written relative to it, others
        absolute; ``options.reference`` becomes the comparison's reference."""
        options = options or Options()
        folder = Path(config_path).parent
        return cls(name=name, title=title,
                   articles=tuple(relative_to_folder(p, folder) for p in paths),
                   reference=options.reference, labels=dict(labels or {}), options=options,
                   base_dir=folder)


def relative_to_folder(path: str | os.PathLike[str], folder: Path) -> str:
    """``path`` (relative to the current directory; globs allowed) as written in a config file
    in ``folder``: relative to that folder when inside it, else absolute."""
    absolute = os.path.abspath(os.path.expanduser(os.fspath(path)))
    try:
        rel = os.path.relpath(absolute, os.path.abspath(folder))
    except ValueError:  # another drive on Windows
        return absolute
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return absolute
    return rel.replace(os.sep, "/")


def valid_name(name: str) -> bool:
    """Whether ``name`` can name a comparison: letters, digits, - and _."""
    return bool(_NAME.fullmatch(name))


def suggest_name(config: Config, hint: str) -> str:
    """A valid comparison name made from ``hint`` (a title, a folder name) that ``config``
    does not use yet: ``"LA mayor vs ICE"`` -> ``la-mayor-vs-ice`` (then ``-2``, ``-3``...)."""
    words = re.findall(r"\w+", hint.lower())
    base = "-".join(words)[:40].strip("-_") or "comparison"
    if not _NAME.fullmatch(base):
        base = "comparison"
    name, n = base, 1
    while name in config.comparisons:
        n += 1
        name = f"{base}-{n}"
    return name


@dataclass(frozen=True)
class Config:
    """A config file's content; ``path`` is None when there is no config file."""

    path: Path | None
    default: str | None
    comparisons: dict[str, ComparisonSpec]
    #: the file's modification time and content hash when read, for save_comparison's
    #: ``expected_mtime_ns`` and ``expected_digest``
    mtime_ns: int | None = None
    digest: str | None = None
    #: the ``[keys]`` table: binding id -> keys ("j,down"), for the terminal UI's keymap
    keys: dict[str, str] = field(default_factory=dict)


# -- where the config is -------------------------------------------------------------------


def user_config_file() -> Path:
    """``config.toml`` in the user config dir (``~/.config/corpusdiff`` on Linux)."""
    import platformdirs

    return platformdirs.user_config_path("corpusdiff", appauthor=False) / FILE_NAME


def find_config(explicit: str | Path | None = None) -> Path | None:
    """``explicit`` (``--config FILE``, returned even if missing), else ``./config.toml``, else
    the user config dir's ``config.toml``; None when neither exists."""
    if explicit is not None:
        return Path(os.path.expanduser(os.fspath(explicit)))
    here = Path(FILE_NAME)
    if here.is_file():
        return here
    user = user_config_file()
    return user if user.is_file() else None


def save_target(explicit: str | Path | None = None) -> Path:
    """Where a save goes: the config find_config finds, else the user config dir's file
    (save_comparison creates that folder)."""
    return find_config(explicit) or user_config_file()


def searched_locations() -> str:
    """Where find_config looks, for messages."""
    return f"./{FILE_NAME} and {user_config_file()}"


# -- reading -------------------------------------------------------------------------------


def load_config(path: Path | None) -> Config:
    """Read and strictly validate a config file; None gives an empty config.

    Raises ConfigError naming the file, line and key path of the first problem.
    """
    if path is None:
        return Config(None, None, {})
    path = Path(path)
    data, stat = _read(path)
    text = _decode(data, path)
    table = _parse(text, path)
    layout = scan(text)
    config = _Validator(path, layout).config(table, path.parent)
    return dataclasses.replace(config, mtime_ns=stat.st_mtime_ns,
                               digest=hashlib.sha256(data).hexdigest())


def get_comparison(config: Config, name: str | None) -> ComparisonSpec:
    """The comparison called ``name`` (None: the default one); ConfigError with a did-you-mean
    for an unknown name."""
    where = config.path
    if where is None:
        raise ConfigError(f"no config file found (looked for {searched_locations()}); save a "
                          "comparison first: corpusdiff save NAME ARTICLES...")
    names = list(config.comparisons)
    if name is None:
        if config.default is not None:
            return config.comparisons[config.default]
        if len(names) == 1:
            return config.comparisons[names[0]]
        if not names:
            raise ConfigError("no saved comparisons", where)
        raise ConfigError("no default comparison; name one of: " + ", ".join(names), where)
    if name in config.comparisons:
        return config.comparisons[name]
    raise ConfigError(f"no comparison named {_show(name)}"
                      + _did_you_mean(name, names, "saved comparisons are"), where)


def _read(path: Path) -> tuple[bytes, os.stat_result]:
    try:
        stat = path.stat()
        if path.is_dir():
            raise ConfigError("is a directory, not a config file", path)
        return path.read_bytes(), stat
    except FileNotFoundError:
        raise ConfigError("no such config file", path) from None
    except PermissionError:
        raise ConfigError("permission denied", path) from None
    except OSError as exc:
        raise ConfigError(exc.strerror or str(exc), path) from None


def _decode(data: bytes, path: Path, suffix: str = "") -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError("not UTF-8 text" + suffix, path, line) from None


_TOML_WHERE = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")


def _parse(text: str, path: Path, suffix: str = "") -> dict[str, Any]:
    """tomllib, with its error turned into one ``FILE:LINE: invalid TOML: ...`` line."""
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_WHERE.search(message)
        line = None
        if match:
            message = message[: match.start()]
            if match.group(1):
                line = int(match.group(1))
                message += f" (column {match.group(2)})"
            else:
                line = text.count("\n") + (0 if text.endswith("\n") else 1)
                message += " (at the end of the file)"
        # "Cannot declare ('a', 'b') twice" -> "Cannot declare a.b twice"
        message = re.sub(r"\(((?:'[^']*',? ?)+)\)",
                         lambda m: ".".join(re.findall(r"'([^']*)'", m.group(1))), message)
        raise ConfigError(f"invalid TOML: {message}{suffix}", path, line) from None


def _show(value: object) -> str:
    """A value as it would look in TOML, short and on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:59] + "…"
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _did_you_mean(word: str, choices: list[str], listing: str = "") -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {_show(close[0])}?"
    if not listing or not choices:
        return ""
    shown = ", ".join(choices[:8]) + (", …" if len(choices) > 8 else "")
    return f"; {listing}: {shown}"


class _Validator:
    """Checks parsed TOML against the config schema; errors carry file, line and key path."""

    def __init__(self, file: Path, layout: Layout | None) -> None:
        self.file = file
        self.layout = layout

    def error(self, key: Key, problem: str) -> ConfigError:
        line = self.layout.line(key) if self.layout else None
        return ConfigError(problem, self.file, line, keypath(key))

    def unknown(self, key: Key, allowed: tuple[str, ...]) -> ConfigError:
        word = str(key[-1])
        return self.error(key, "unknown key"
                          + _did_you_mean(word, list(allowed), "expected one of"))

    def config(self, data: dict[str, Any], base_dir: Path) -> Config:
        for name in data:
            if name not in TOP_KEYS:
                raise self.unknown((name,), TOP_KEYS)
        raw = data.get("comparisons", {})
        if not isinstance(raw, dict):
            raise self.error(("comparisons",),
                             f"expected a table of comparisons, got {_show(raw)}")
        comparisons = {name: self.comparison(name, table, base_dir) for name, table in raw.items()}
        default = data.get("default")
        if default is not None:
            if not isinstance(default, str):
                raise self.error(("default",),
                                 f"expected a comparison name (a string), got {_show(default)}")
            if default not in comparisons:
                raise self.error(("default",), f"no comparison named {_show(default)}"
                                 + _did_you_mean(default, list(comparisons), "comparisons are"))
        return Config(self.file, default, comparisons, keys=self.keys(data.get("keys", {})))

    def keys(self, value: object) -> dict[str, str]:
        from corpusdiff.keys import BINDING_IDS, key_problem

        if not isinstance(value, dict):
            raise self.error(("keys",), f'expected a table of binding id = "keys", '
                                        f"got {_show(value)}")
        for ident, keys in value.items():
            if ident not in BINDING_IDS:
                raise self.error(("keys", ident), "unknown binding id"
                                 + _did_you_mean(ident, list(BINDING_IDS)))
            problem = (key_problem(keys) if isinstance(keys, str)
                       else f'expected keys as a string (such as "j,down"), got {_show(keys)}')
            if problem:
                raise self.error(("keys", ident), problem)
        return dict(value)

    def comparison(self, name: str, table: object, base_dir: Path) -> ComparisonSpec:
        here: Key = ("comparisons", name)
        if not _NAME.fullmatch(name):
            raise self.error(here, "invalid comparison name; use letters, digits, - and _")
        if not isinstance(table, dict):
            raise self.error(here, f"expected a table, got {_show(table)}")
        for key in table:
            if key not in COMPARISON_KEYS:
                raise self.unknown((*here, key), COMPARISON_KEYS)
        title = table.get("title")
        if title is not None and not (isinstance(title, str) and title.strip()):
            raise self.error((*here, "title"), f"expected a non-empty string, got {_show(title)}")
        if "articles" not in table:
            raise self.error(here, 'missing key "articles" (the files, directories or globs '
                                   "to compare)")
        articles = self.articles((*here, "articles"), table["articles"], base_dir)
        spec = ComparisonSpec(name=name, title=title, articles=articles, base_dir=base_dir)
        ids = self.ids((*here, "articles"), spec)
        reference = table.get("reference")
        if reference is not None:
            if not isinstance(reference, str):
                raise self.error((*here, "reference"),
                                 f"expected an article id (a string), got {_show(reference)}")
            if reference not in ids:
                raise self.error((*here, "reference"), self.unknown_id(reference, ids))
        labels = self.labels((*here, "labels"), table.get("labels", {}), ids)
        options = self.options((*here, "options"), table.get("options", {}), reference)
        return dataclasses.replace(spec, reference=reference, labels=labels, options=options)

    def articles(self, key: Key, value: object, base_dir: Path) -> tuple[str, ...]:
        if isinstance(value, str):
            raise self.error(key, f"expected a list of paths, got {_show(value)} "
                                  f"(write [{_show(value)}])")
        if not isinstance(value, list):
            raise self.error(key, f"expected a list of paths, got {_show(value)}")
        if not value:
            raise self.error(key, "empty list; name at least two articles "
                                  "(files, directories or globs)")
        for index, item in enumerate(value):
            if not (isinstance(item, str) and item.strip()):
                raise self.error((*key, index), f"expected a path (a string), got {_show(item)}")
            probe = ComparisonSpec(name="_", articles=(item,), base_dir=base_dir)
            try:
                expand(probe.paths(), [])
            except CorpusdiffError as exc:
                reason = str(exc)
                if exc.path is not None:
                    reason = reason.removeprefix(f"{exc.path}: ")
                raise self.error((*key, index), f"{_show(item)}: {reason}") from None
        return tuple(value)

    def ids(self, key: Key, spec: ComparisonSpec) -> list[str]:
        try:
            ids = spec.ids()
        except CorpusdiffError as exc:  # pragma: no cover - each path was expanded already
            raise self.error(key, str(exc)) from None
        if len(ids) < 2:
            raise self.error(key, f"these paths give {len(ids)} article; a comparison needs at "
                                  "least two")
        return ids

    @staticmethod
    def unknown_id(ident: str, ids: list[str]) -> str:
        return f"unknown article id {_show(ident)}" + _did_you_mean(ident, ids, "the ids are")

    def labels(self, key: Key, value: object, ids: list[str]) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.error(key, f'expected a table of article id = "label", got {_show(value)}')
        for ident, label in value.items():
            if ident not in ids:
                raise self.error((*key, ident), self.unknown_id(ident, ids))
            if not (isinstance(label, str) and label.strip()):
                raise self.error((*key, ident),
                                 f"expected a label (a non-empty string), got {_show(label)}")
        return dict(value)

    def options(self, key: Key, value: object, reference: str | None) -> Options:
        if not isinstance(value, dict):
            raise self.error(key, f"expected a table of options, got {_show(value)}")
        for name in value:
            if name == "reference":
                raise self.error((*key, name), "unknown key; reference is set in "
                                               f"[{keypath(key[:-1])}], not in its options")
            if name not in OPTION_KEYS:
                raise self.unknown((*key, name), OPTION_KEYS)
        fields: dict[str, Any] = {}
        if "threshold" in value:
            threshold = value["threshold"]
            if (isinstance(threshold, bool) or not isinstance(threshold, int | float)
                    or not 0.0 < threshold <= 1.0):
                raise self.error((*key, "threshold"),
                                 f"expected a number between 0 and 1, got {_show(threshold)}")
            fields["threshold"] = float(threshold)
        if "boilerplate" in value:
            boilerplate = value["boilerplate"]
            if not isinstance(boilerplate, bool):
                raise self.error((*key, "boilerplate"),
                                 f"expected true or false, got {_show(boilerplate)}")
            fields["boilerplate"] = boilerplate
        if "omission_k" in value:
            k = value["omission_k"]
            if isinstance(k, bool) or not isinstance(k, int) or k < 1:
                raise self.error((*key, "omission_k"),
                                 f"expected a whole number of at least 1, got {_show(k)}")
            fields["omission_k"] = k
        if "embedder" in value:
            spec = value["embedder"]
            if not isinstance(spec, str):
                raise self.error((*key, "embedder"),
                                 f"expected a string such as \"wordllama\", got {_show(spec)}")
            try:
                fields["embedder"] = check_spec(spec)
            except CorpusdiffError as err:
                raise self.error((*key, "embedder"), str(err)) from None
        return Options(reference=reference, **fields)


# -- saving --------------------------------------------------------------------------------


def _table(spec: ComparisonSpec, keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """The TOML table of a comparison; options equal to the defaults are left out so that they
    follow future defaults."""
    table: dict[str, Any] = {}
    if spec.title:
        table["title"] = spec.title
    table["articles"] = list(spec.articles)
    reference = spec.reference if spec.reference is not None else spec.options.reference
    if reference is not None:
        table["reference"] = reference
    if spec.labels:
        table["labels"] = dict(spec.labels)
    defaults = Options()
    options = {}
    for name in OPTION_KEYS:
        value = getattr(spec.options, name)
        if value is not None and (value != getattr(defaults, name) or name in keep):
            options[name] = float(value) if name == "threshold" else value
    if options:
        table["options"] = options
    return table


def render_comparison(spec: ComparisonSpec, keep: Iterable[str] = ()) -> str:
    """The TOML text that save_comparison writes for ``spec`` (its table and sub-tables).

    Options equal to the defaults are left out, except those named in ``keep``."""
    return tomli_w.dumps({"comparisons": {spec.name: _table(spec, tuple(keep))}})


def check_comparison(spec: ComparisonSpec, file: str | Path | None = None) -> None:
    """Validate a comparison about to be saved with the rules load_config applies."""
    table = tomllib.loads(render_comparison(spec))["comparisons"][spec.name]
    _Validator(Path(file) if file is not None else Path(FILE_NAME), None).comparison(
        spec.name, table, spec.base_dir)


def edit_text(text: str, name: str, rendered: str | None) -> str:
    """``text`` (valid TOML) with comparison ``name`` set to ``rendered`` (a render_comparison
    text; None removes the comparison), every other byte kept: see tomledit.edit_table."""
    return edit_table(text, ("comparisons", name), rendered)


def save_comparison(path: Path, spec: ComparisonSpec, *, force: bool = False,
                    expected_mtime_ns: int | None = None,
                    expected_digest: str | None = None) -> None:
    """Write ``spec`` into the config file at ``path`` (created when missing), losslessly.

    A new comparison is appended; an existing one (only with ``force``, else ComparisonExists)
    is edited in place (see edit_text). Nothing is written when the file is not valid TOML, when
    its mtime or content hash differs from ``expected_mtime_ns``/``expected_digest`` (or it
    changes while saving: ConfigChanged), or when the result would not read back as the old
    data plus ``spec``. The write is atomic and keeps the file's permissions.
    """
    check_comparison(spec, path)

    def render(old: object) -> str:
        # an option the file sets to the value it keeps stays written, default or not
        written = old.get("options") if isinstance(old, dict) else None
        keep = [k for k in OPTION_KEYS if isinstance(written, dict) and k in written
                and same_data(written[k], _table(spec, OPTION_KEYS).get("options", {}).get(k))]
        return render_comparison(spec, keep)

    _rewrite(Path(path), spec.name, render, force, expected_mtime_ns, expected_digest)


def delete_comparison(path: Path, name: str, *, expected_mtime_ns: int | None = None,
                      expected_digest: str | None = None) -> None:
    """Remove comparison ``name`` from the config file, touching only its lines."""
    _rewrite(Path(path), name, None, True, expected_mtime_ns, expected_digest)


_NOTHING = "; nothing written"


def _rewrite(path: Path, name: str, render: Callable[[object], str] | None, force: bool,
             expected_mtime_ns: int | None, expected_digest: str | None) -> None:
    """Save (``render(old table)`` gives the text) or delete (None) comparison ``name``; see
    save_comparison."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    before = _snapshot(target)
    if before is None:
        if expected_mtime_ns is not None or expected_digest is not None:
            raise ConfigChanged("was removed since it was read" + _NOTHING, path)
        if render is None:
            raise ConfigError("no such config file", path)
        if not target.parent.is_dir():
            if target != user_config_file():
                raise ConfigError("folder does not exist", target.parent)
            target.parent.mkdir(parents=True, exist_ok=True)
        data, mode = b"", default_mode()
    else:
        stat, data = before
        if (expected_mtime_ns is not None and stat.st_mtime_ns != expected_mtime_ns) or (
                expected_digest is not None
                and hashlib.sha256(data).hexdigest() != expected_digest):
            raise ConfigChanged("changed on disk since it was read" + _NOTHING, path)
        mode = stat.st_mode & 0o7777
    text = _decode(data, path, _NOTHING)
    old = _parse(text, path, _NOTHING)
    comparisons = old.get("comparisons", {})
    layout = scan(text)
    if not isinstance(comparisons, dict):
        line = layout.line(("comparisons",)) if layout else None
        raise ConfigError(f"expected a table of comparisons, got {_show(comparisons)}"
                          + _NOTHING, path, line, "comparisons")
    if name in comparisons and not force:
        line = layout.line(("comparisons", name)) if layout else None
        raise ComparisonExists("a comparison with this name already exists", path, line,
                               keypath(("comparisons", name)))
    if render is None and name not in comparisons:
        raise ConfigError(f"no comparison named {_show(name)}"
                          + _did_you_mean(name, list(comparisons), "comparisons are"), path)
    if render is None and old.get("default") == name:
        raise ConfigError(f"{_show(name)} is the default comparison; change default first",
                          path, layout.line(("default",)) if layout else None, "default")
    if layout is None:
        raise ConfigError("cannot find where each table is written in this file" + _NOTHING,
                          path)
    rendered = None if render is None else render(comparisons.get(name))
    try:
        new_text = edit_text(text, name, rendered)
    except (EditError, ScanError, IndexError, ValueError):
        raise ConfigError("cannot save this comparison without changing other parts of the "
                          "file" + _NOTHING, path) from None
    if new_text == text:
        return  # the file already says this

    def unchanged() -> None:
        if _fingerprint(_snapshot(target)) != _fingerprint(before):
            raise ConfigChanged("changed on disk while saving" + _NOTHING, path)

    try:
        write_atomic(target, new_text.encode("utf-8"), mode, unchanged)
    except WriteError as exc:
        where = exc.path if exc.path != str(target) else path
        raise ConfigError(exc.problem + _NOTHING, where) from None


def _snapshot(path: Path) -> tuple[os.stat_result, bytes] | None:
    try:
        stat = path.stat()
        return stat, path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}{_NOTHING}", path) from None


def _fingerprint(snapshot: tuple[os.stat_result, bytes] | None) -> tuple[object, ...] | None:
    """What must not change between reading and replacing (not the access time)."""
    if snapshot is None:
        return None
    stat, data = snapshot
    return stat.st_mtime_ns, stat.st_size, stat.st_ino, data



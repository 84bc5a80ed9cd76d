"""The ``corpusdiff`` command: open (TUI, the default), export, list, save, delete.

Errors in the user's input are one line on stderr and exit code 2; ``--debug`` shows the
traceback instead. Nothing here imports Textual unless the TUI is opened.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import gc
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff import __version__
from corpusdiff.config import (
    ComparisonExists,
    ComparisonSpec,
    ConfigError,
    delete_comparison,
    find_config,
    get_comparison,
    load_config,
    save_comparison,
    save_target,
    searched_locations,
    valid_name,
)
from corpusdiff.embed import check_spec
from corpusdiff.files import check_output, write_output
from corpusdiff.options import CorpusdiffError, Options
from corpusdiff.text import one_line, plural

if TYPE_CHECKING:
    from corpusdiff.background import Extraction

EXIT_USAGE = 2
#: polars' memory allocator (jemalloc) keeps freed pages for seconds before it gives them back;
#: a comparison frees big tables stage after stage, and the helper process of a large corpus
#: (corpusdiff.background) inherits the setting: 300 real articles peak at ~540 MiB for both
#: processes instead of ~620, in the same time (decay 0 costs 0.5 s of system time). The
#: user's own setting wins.
ALLOCATOR_ENV, ALLOCATOR_CONF = "_RJEM_MALLOC_CONF", "dirty_decay_ms:100,muzzy_decay_ms:0"
#: below this many bytes of input files (a few articles: the seeds hold 28 kB) polars runs on
#: one thread: on hundreds of tiny queries its thread pool costs more than it gains (seeds
#: ~0.1 CPU s less); at 50 real articles (185 kB) two threads are a little faster
ONE_THREAD_BYTES = 100_000
#: the cyclic garbage collector's thresholds for the command: with Python's default (700 new
#: objects), the analysis's many small objects set off 144 collections on the seeds and 276 on
#: 300 real articles; with these the collector's time in this process goes 0.061 -> 0.021 s and
#: 0.136 -> 0.023 s, and the memory a comparison holds is polars' own, never the collector's
GC_THRESHOLDS = (50_000, 20, 20)
COMMANDS = ("open", "export", "list", "save", "delete", "batch")
#: the embedded default corpus: five real articles on one story
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def default_paths() -> list[str]:
    """The seed articles, used when no path is given."""
    if not SEEDS.is_dir():
        raise CorpusdiffError("no articles given and the seed articles are not installed; "
                              "name some files: corpusdiff export A.txt B.txt")
    try:
        return [os.path.relpath(SEEDS)]
    except ValueError:  # another drive on Windows
        return [str(SEEDS)]


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CorpusdiffError(message)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--threshold", type=float, default=None,
                   help=f"minimum similarity (0-1) for sentences to align "
                        f"(default {Options().threshold})")
    p.add_argument("--keep-boilerplate", action="store_true",
                   help="align boilerplate too instead of setting it aside")
    p.add_argument("--embedder", metavar="NAME",
                   help="sentence embedder: wordllama (default), none (lexical only), "
                        "model2vec:NAME_OR_PATH, sentence-transformers:NAME (local models only)")
    p.add_argument("--reference", metavar="ID", help="article id that anchors the columns")
    p.add_argument("--label", action="append", default=[], metavar="ID=LABEL",
                   help="outlet label for an article id (repeatable)")
    _config_flags(p)


def _config_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE",
                   help="the config file of saved comparisons (default: ./config.toml, else "
                        "config.toml in the user config folder)")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the commands)."""
    parser = _Parser(prog="corpusdiff", description="Align news articles sentence by "
                     "sentence and show what each outlet says that the others don't.")
    parser.add_argument("--version", action="version", version=f"corpusdiff {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p_open = sub.add_parser("open", help="browse a comparison in the terminal UI (default)")
    p_open.add_argument("paths", nargs="*", help="article files, directories or globs, or the "
                        "name of a saved comparison (default: the config's default "
                        "comparison, else the seed articles)")
    p_open.add_argument("--comparison", "-c", metavar="NAME", help="a saved comparison")
    _common(p_open)

    p_export = sub.add_parser("export", help="write the comparison as Markdown or JSON")
    p_export.add_argument("paths", nargs="*", help="article files, directories or globs, or "
                          "the name of a saved comparison (default: the config's default "
                          "comparison, else the seed articles)")
    p_export.add_argument("--comparison", "-c", metavar="NAME", help="a saved comparison")
    p_export.add_argument("--format", "-f", default="markdown",
                          help="markdown (default) or json")
    p_export.add_argument("--output", "-o", metavar="FILE",
                          help="write here instead of standard output")
    p_export.add_argument("--show-boilerplate", action="store_true",
                          help="list the boilerplate that was set aside (Markdown)")
    p_export.add_argument("--quiet", "-q", action="store_true",
                          help="do not say on stderr what was written")
    _common(p_export)

    p_batch = sub.add_parser("batch", help="one report per story folder, in parallel, and an "
                             "index of them all")
    p_batch.add_argument("stories", metavar="STORIES_DIR",
                         help="a folder with one sub-folder of articles per story")
    p_batch.add_argument("--output-dir", "-o", required=True, metavar="OUT",
                         help="where the reports and index.md/index.json go (created if needed)")
    p_batch.add_argument("--format", "-f", default="markdown", help="markdown (default) or json")
    p_batch.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                         help="worker processes (default: the number of cores)")
    p_batch.add_argument("--force", action="store_true",
                         help="redo stories whose report is newer than their articles")
    p_batch.add_argument("--threshold", type=float, default=None,
                         help="minimum similarity (0-1) for sentences to align")
    p_batch.add_argument("--keep-boilerplate", action="store_true",
                         help="align boilerplate too instead of setting it aside")
    p_batch.set_defaults(reference=None)
    _config_flags(p_batch)

    p_list = sub.add_parser("list", help="list the saved comparisons")
    _config_flags(p_list)

    p_save = sub.add_parser("save", help="save articles, labels and options as a named "
                            "comparison in the config file")
    p_save.add_argument("name", metavar="NAME",
                        help="the comparison's name (letters, digits, - and _)")
    p_save.add_argument("paths", nargs="+", metavar="ARTICLES",
                        help="article files, directories or globs (saved relative to the "
                             "config file's folder when inside it)")
    p_save.add_argument("--title", help="a title shown by list and in the terminal UI")
    p_save.add_argument("--force", action="store_true",
                        help="replace a saved comparison of the same name")
    _common(p_save)

    p_delete = sub.add_parser("delete", help="remove a saved comparison from the config file")
    p_delete.add_argument("name", metavar="NAME", help="the comparison's name")
    _config_flags(p_delete)
    return parser


def _labels(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        ident, sep, label = pair.partition("=")
        if not sep or not ident or not label:
            raise CorpusdiffError(f"--label expects ID=LABEL, got {pair!r}")
        out[ident] = label
    return out


def _options(args: argparse.Namespace, base: Options | None = None) -> Options:
    """``base`` (a saved comparison's options, else the defaults) with the flags given."""
    base = base or Options()
    threshold = base.threshold if args.threshold is None else args.threshold
    if not 0.0 < threshold <= 1.0:
        raise CorpusdiffError(f"--threshold must be between 0 and 1, got {threshold}")
    embedder = getattr(args, "embedder", None)
    return dataclasses.replace(
        base, threshold=threshold, boilerplate=base.boilerplate and not args.keep_boilerplate,
        reference=base.reference if args.reference is None else args.reference,
        embedder=base.embedder if embedder is None else check_spec(embedder))


@dataclass(frozen=True)
class Target:
    """What ``open`` and ``export`` compare: the command line resolved against the config."""

    paths: list[str]
    options: Options
    labels: dict[str, str]
    #: the saved comparison it comes from, if any
    comparison: ComparisonSpec | None = None


def resolve(args: argparse.Namespace) -> Target:
    """Paths, options and labels for ``open``/``export``: ``--comparison NAME``; or one
    argument that is not an existing path but a saved comparison's name; or the paths given;
    or, with none, the config's default comparison, else the seed articles. Flags given on the
    command line override the saved comparison's."""
    spec = _saved(args)
    if spec is None:
        paths, base, labels = list(args.paths) or default_paths(), Options(), {}
    else:
        paths, base, labels = spec.paths(), spec.options, dict(spec.labels)
    labels.update(_labels(args.label))
    _no_urls(paths)
    return Target(paths, _options(args, base), labels, spec)


#: ``scheme://``: a web address, which corpusdiff never fetches
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _no_urls(paths: Sequence[str]) -> None:
    """Say that a URL is a URL (nothing is downloaded), not "no such file"."""
    for path in paths:
        if _URL.match(path) and not os.path.lexists(path):
            raise CorpusdiffError("is a URL; corpusdiff does not fetch pages: save the page "
                                  "(or its text) and pass the file", path)


def _saved(args: argparse.Namespace) -> ComparisonSpec | None:
    """The saved comparison the command line names, if it names one."""
    if args.comparison is not None:
        if args.paths:
            raise CorpusdiffError("give article paths or --comparison NAME, not both")
        return get_comparison(load_config(find_config(args.config)), args.comparison)
    if not args.paths:
        config = load_config(find_config(args.config))
        return get_comparison(config, None) if config.default is not None else None
    name = args.paths[0]
    if len(args.paths) > 1 or not valid_name(name) or os.path.lexists(name):
        return None
    where = find_config(args.config)
    if where is None:
        return None  # reading the articles says "no such file or directory"
    config = load_config(where)
    if name in config.comparisons:
        return config.comparisons[name]
    close = difflib.get_close_matches(name, list(config.comparisons), n=1)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    raise CorpusdiffError(f"no such file or directory, nor a comparison in {where}{hint}", name)


def _progress() -> Callable[[str, float], None] | None:
    """A progress bar on stderr when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None
    width = 24

    def show(stage: str, fraction: float) -> None:
        done = int(fraction * width)
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {fraction:4.0%} {stage:<28}")
        if fraction >= 1.0:
            sys.stderr.write("\r" + " " * (width + 40) + "\r")
        sys.stderr.flush()

    return show


def _prepare(paths: Sequence[str | os.PathLike[str]], embedder: str) -> Extraction | None:
    """Set this process up to compare ``paths``, before polars is imported: one polars thread
    for a small corpus (ONE_THREAD_BYTES; unless the user set POLARS_MAX_THREADS), and the
    helper process, whose imports overlap this process's (:func:`corpusdiff.background.early`:
    it extracts too on a large corpus, and only embeds on a small one when a core is idle)."""
    from corpusdiff import background
    from corpusdiff.ingest import input_bytes

    size = input_bytes(paths)
    if size is not None and size < ONE_THREAD_BYTES and "polars" not in sys.modules:
        os.environ.setdefault("POLARS_MAX_THREADS", "1")
    return background.early(size, embedder)


def _export(args: argparse.Namespace) -> int:
    target = resolve(args)
    check_output(args.output, target.paths)
    early = _prepare(target.paths, target.options.embedder)
    from corpusdiff.export import FORMATS
    from corpusdiff.pipeline import compare

    if args.format not in FORMATS:
        raise CorpusdiffError(f"unknown --format {args.format!r}; choose one of: "
                              + ", ".join(FORMATS))
    comparison = compare(target.paths, target.options, target.labels, _progress(), early)
    for warning in comparison.warnings:
        print(f"corpusdiff: warning: {one_line(warning)}", file=sys.stderr)
    if args.format == "markdown":
        from corpusdiff.export.markdown import to_markdown

        text = to_markdown(comparison, show_boilerplate=args.show_boilerplate)
    else:
        text = FORMATS[args.format](comparison)
    write_output(text, args.output)
    if args.output and not args.quiet:
        print(f"wrote {args.output} ({plural(comparison.articles.height, 'article')}, "
              f"{plural(comparison.groups.height, 'shared statement')})", file=sys.stderr)
    return 0


def _batch(args: argparse.Namespace) -> int:
    from corpusdiff.batch import run_batch

    if args.jobs is not None and args.jobs < 1:
        raise CorpusdiffError(f"--jobs must be at least 1, got {args.jobs}")
    results = run_batch(args.stories, args.output_dir, args.format, _options(args),
                        jobs=args.jobs, force=args.force, progress=_progress())
    for r in results:
        for warning in r.warnings:
            print(f"corpusdiff: warning: {r.story}: {one_line(warning)}", file=sys.stderr)
        if r.status == "failed":
            print(f"corpusdiff: {r.story}: failed: {one_line(r.error)}", file=sys.stderr)
    counts = {s: sum(r.status == s for r in results) for s in ("ok", "unchanged", "failed")}
    print(f"{len(results)} stories: {counts['ok']} compared, {counts['unchanged']} unchanged, "
          f"{counts['failed']} failed; index in {args.output_dir}", file=sys.stderr)
    return 1 if counts["failed"] else 0


def stdout_is_terminal() -> bool:
    """Whether the terminal UI can draw on standard output (tests replace this)."""
    return sys.stdout.isatty()


def _open(args: argparse.Namespace) -> int:
    if not stdout_is_terminal():
        # `corpusdiff a.txt b.txt > out.md` would draw the UI into the file and wait for keys
        raise CorpusdiffError("standard output is not a terminal, so the terminal UI cannot "
                              "start; for a report use: corpusdiff export ARTICLES... "
                              "[--output FILE]")
    target = resolve(args)
    from corpusdiff.ingest import expand

    # paths that do not exist, empty folders, globs that match nothing: said before the app
    # starts. Reading the files is the app's worker's job (its errors show in the app), so a
    # big corpus is not read twice before the first paint
    sources = expand(target.paths, [])
    if len(sources) < 2:
        where = f" ({sources[0].path})" if sources else ""
        raise CorpusdiffError(f"need at least two articles to compare, got {len(sources)}{where}")
    saved = target.comparison
    keymap = load_config(find_config(args.config)).keys  # [keys]: binding id -> keys
    # the files are listed above: not walked again
    early = _prepare([source.path for source in sources], target.options.embedder)
    try:
        from corpusdiff.tui.app import run
    except ImportError as exc:  # pragma: no cover - the TUI ships with the package
        raise CorpusdiffError(f"the terminal UI is not available: {exc}") from None
    return run(target.paths, target.options, target.labels,
               title=saved.title if saved else None, saved_name=saved.name if saved else None,
               config_file=str(save_target(args.config)), keymap=keymap, early=early)


def _list(args: argparse.Namespace) -> int:
    where = find_config(args.config)
    if where is None:
        print(f"corpusdiff: no config file (looked for {searched_locations()}); save a "
              "comparison with: corpusdiff save NAME ARTICLES...", file=sys.stderr)
        return 0
    config = load_config(where)
    if not config.comparisons:
        print(f"{where}: no saved comparisons")
        return 0
    print(f"{where} (* = default)")
    width = max(len(name) for name in config.comparisons)
    for name, spec in config.comparisons.items():
        mark = "*" if name == config.default else " "
        count = len(spec.ids())
        title = one_line(spec.title) if spec.title else "(no title)"
        print(f"{mark} {name:<{width}}  {count:>3} articles  {title}")
    return 0


def _save(args: argparse.Namespace) -> int:
    where = save_target(args.config)
    created = not where.exists()
    spec = ComparisonSpec.for_paths(args.name, args.paths, where, title=args.title,
                                    labels=_labels(args.label), options=_options(args))
    try:
        save_comparison(where, spec, force=args.force)
    except ComparisonExists as exc:
        raise ConfigError(exc.problem + "; add --force to replace it", exc.file, exc.line,
                          exc.key) from None
    count = len(spec.ids())
    print(f"saved comparison {args.name!r} ({count} articles) to {where}"
          + (" (new file)" if created else ""))
    return 0


def _delete(args: argparse.Namespace) -> int:
    where = find_config(args.config)
    if where is None:
        raise ConfigError(f"no config file (looked for {searched_locations()})")
    delete_comparison(where, args.name)
    print(f"deleted comparison {args.name!r} from {where}")
    return 0


def _command_first(argv: list[str]) -> list[str]:
    """``corpusdiff --config F list`` -> ``corpusdiff list --config F``."""
    i = 0
    while i < len(argv):
        if argv[i] == "--config" and i + 1 < len(argv):
            i += 2
        elif argv[i].startswith("--config=") or argv[i] == "--debug":
            i += 1
        else:
            break
    if 0 < i < len(argv) and argv[i] in COMMANDS:
        return [argv[i], *argv[:i], *argv[i + 1:]]
    return argv


def _mistyped_command(argv: list[str]) -> str | None:
    """The error for a first argument that is no file, no saved comparison, but close to a
    command (``corpusdiff exprot news``), else None."""
    word = argv[0] if argv else ""
    if not word or word.startswith("-") or os.path.lexists(word) or not valid_name(word):
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if not close:
        return None
    try:
        config = load_config(find_config(_config_arg(argv)))
        if word in config.comparisons:
            return None
    except CorpusdiffError:
        pass  # a broken config is said when it is read for the command
    return f'{word}: no such command, file or saved comparison; did you mean "{close[0]}"?'


def _config_arg(argv: list[str]) -> str | None:
    for n, arg in enumerate(argv):
        if arg == "--config" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--config="):
            return arg.partition("=")[2]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``corpusdiff`` command; returns the exit code."""
    os.environ.setdefault(ALLOCATOR_ENV, ALLOCATOR_CONF)  # before polars is loaded
    gc.set_threshold(*GC_THRESHOLDS)
    argv = _command_first(list(sys.argv[1:] if argv is None else argv))
    debug = "--debug" in argv
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        typo = _mistyped_command(argv)
        if typo is not None:
            print(f"corpusdiff: error: {typo}", file=sys.stderr)
            return EXIT_USAGE
        argv.insert(0, "open")
    commands = {"open": _open, "export": _export, "list": _list, "save": _save,
                "delete": _delete, "batch": _batch}
    try:
        args = build_parser().parse_args(argv)
        return commands[args.command](args)
    except CorpusdiffError as exc:
        if debug:
            raise
        print(f"corpusdiff: error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("corpusdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback without --debug
        if debug:
            raise
        print(f"corpusdiff: internal error: {type(exc).__name__}: {one_line(str(exc))} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return 1

"""The ``corpusdiff`` command: open (TUI, the default), export, list, save.

Errors in the user's input are one line on stderr and exit code 2; ``--debug`` shows the
traceback instead. Nothing here imports Textual unless the TUI is opened.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from corpusdiff import __version__
from corpusdiff.model import CorpusdiffError, Options

EXIT_USAGE = 2
COMMANDS = ("open", "export", "list", "save")
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
                   help="minimum similarity (0-1) for sentences to align (default %(default)s)")
    p.add_argument("--keep-boilerplate", action="store_true",
                   help="align boilerplate too instead of setting it aside")
    p.add_argument("--reference", metavar="ID", help="article id that anchors the columns")
    p.add_argument("--label", action="append", default=[], metavar="ID=LABEL",
                   help="outlet label for an article id (repeatable)")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the commands)."""
    parser = _Parser(prog="corpusdiff", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"corpusdiff {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p_open = sub.add_parser("open", help="browse a comparison in the terminal UI (default)")
    p_open.add_argument("paths", nargs="*", help="article files, directories or globs")
    _common(p_open)

    p_export = sub.add_parser("export", help="write the comparison as Markdown or JSON")
    p_export.add_argument("paths", nargs="*", help="article files, directories or globs "
                          "(default: the seed articles)")
    p_export.add_argument("--format", "-f", default="markdown",
                          help="markdown (default) or json")
    p_export.add_argument("--output", "-o", metavar="FILE",
                          help="write here instead of standard output")
    p_export.add_argument("--show-boilerplate", action="store_true",
                          help="list the boilerplate that was set aside (Markdown)")
    _common(p_export)
    return parser


def _labels(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        ident, sep, label = pair.partition("=")
        if not sep or not ident or not label:
            raise CorpusdiffError(f"--label expects ID=LABEL, got {pair!r}")
        out[ident] = label
    return out


def _options(args: argparse.Namespace) -> Options:
    base = Options()
    threshold = base.threshold if args.threshold is None else args.threshold
    if not 0.0 < threshold <= 1.0:
        raise CorpusdiffError(f"--threshold must be between 0 and 1, got {threshold}")
    return Options(threshold=threshold, boilerplate=not args.keep_boilerplate,
                   reference=args.reference)


def _progress():  # noqa: ANN202 - a callback or None
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


def check_output(output: str | None, inputs: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse an output path that cannot be written or is an input article, before any work."""
    if output is None or output == "-":
        return
    target = Path(output)
    if target.is_dir():
        raise CorpusdiffError("is a directory; give a file name", output)
    from corpusdiff.ingest import expand

    real = os.path.realpath(target)
    if any(os.path.realpath(s.path) == real for s in expand(inputs, [])):
        raise CorpusdiffError("is one of the input articles; refusing to overwrite it", output)
    folder = target.parent
    if not folder.is_dir():
        raise CorpusdiffError("folder does not exist", folder)
    if not os.access(folder, os.W_OK):
        raise CorpusdiffError("folder is not writable", folder)


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` atomically (temporary file, fsync, rename) or to stdout."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".corpusdiff-", dir=target.parent)
    except OSError as exc:
        raise CorpusdiffError(f"cannot write here: {exc.strerror}", target.parent) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CorpusdiffError(f"cannot write: {exc.strerror}", output) from None


def _export(args: argparse.Namespace) -> int:
    from corpusdiff.export import FORMATS
    from corpusdiff.pipeline import compare

    if args.format not in FORMATS:
        raise CorpusdiffError(f"unknown --format {args.format!r}; choose one of: "
                              + ", ".join(FORMATS))
    paths = args.paths or default_paths()
    check_output(args.output, paths)
    comparison = compare(paths, _options(args), _labels(args.label), _progress())
    for warning in comparison.warnings:
        print(f"corpusdiff: warning: {warning}", file=sys.stderr)
    if args.format == "markdown":
        from corpusdiff.export.markdown import to_markdown

        text = to_markdown(comparison, show_boilerplate=args.show_boilerplate)
    else:
        text = FORMATS[args.format](comparison)
    write_output(text, args.output)
    return 0


def _open(args: argparse.Namespace) -> int:
    paths = args.paths or default_paths()
    from corpusdiff.ingest import ingest

    # the errors the CLI would give, before the app starts
    articles, _ = ingest(paths, _labels(args.label))
    if articles.height < 2:
        raise CorpusdiffError(f"need at least two articles to compare, got {articles.height}")
    try:
        from corpusdiff.tui.app import run
    except ImportError as exc:  # pragma: no cover - the TUI ships with the package
        raise CorpusdiffError(f"the terminal UI is not available: {exc}") from None
    return run(paths, _options(args), _labels(args.label))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``corpusdiff`` command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "open")
    try:
        args = build_parser().parse_args(argv)
        if args.command == "export":
            return _export(args)
        return _open(args)
    except CorpusdiffError as exc:
        if debug:
            raise
        print(f"corpusdiff: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("corpusdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - never a traceback without --debug
        if debug:
            raise
        print(f"corpusdiff: internal error: {type(exc).__name__}: {exc} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return 1

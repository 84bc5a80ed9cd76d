"""Writing files the user asked for: output checks and atomic writes with permissions kept.

Shared by the CLI (exports), the terminal UI (its export dialog) and the config (saves), so a
report, a config or a batch index is written the same way everywhere: never half a file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from corpusdiff.options import CorpusdiffError


class WriteError(CorpusdiffError):
    """A file could not be written; ``path`` is the file or the folder at fault and
    ``problem`` the one-line reason without the path."""

    def __init__(self, problem: str, path: str | os.PathLike[str]) -> None:
        self.problem = problem
        super().__init__(problem, path)


def default_mode() -> int:
    """Permissions a new file gets from the process umask (0o666 less the umask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(target: str | os.PathLike[str], data: bytes, mode: int | None = None,
                 check: Callable[[], None] | None = None) -> None:
    """Replace ``target`` with ``data`` all at once.

    A temporary file in the same folder is written, flushed to disk, given ``mode`` (default:
    the existing file's permissions, else :func:`default_mode`), then ``check()`` runs (it may
    raise to cancel) and the file is renamed over ``target``. A link keeps pointing where it
    did (its destination is replaced). Raises :class:`WriteError`; nothing is left behind.
    """
    path = Path(os.path.realpath(target))
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = default_mode()
        except OSError as exc:
            raise WriteError(f"cannot write: {exc.strerror}", target) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WriteError(f"cannot write in this folder: {exc.strerror}", path.parent) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if check is not None:
            check()
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write: {exc.strerror or exc}", target) from None
        raise
    with contextlib.suppress(OSError, AttributeError):  # make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def check_output(output: str | None, inputs: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse an output path that cannot be written or is an input article, before any work.
    ``None`` or ``-`` is standard output."""
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
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``output``, or to stdout for None or ``-``.

    A regular file is replaced atomically (:func:`write_atomic`); a device or pipe
    (``/dev/null``, a FIFO) is written in place: renaming over it would replace it.
    """
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(os.path.realpath(output))
    if target.exists() and not target.is_file():
        try:
            with open(target, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            raise WriteError(f"cannot write: {exc.strerror}", output) from None
        return
    write_atomic(output, text.encode("utf-8"))

"""Paths, directories and globs -> the articles table.

Reading is strict about what it cannot use and says why in one line: a file named by the user
that is missing, empty, binary or undecodable is an error; the same file found while walking a
directory is skipped with a warning. Text that is not UTF-8 is read in a detected fallback
encoding (cp1252, then latin-1) with a warning.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from corpusdiff.markup import html_to_text, markdown_to_text
from corpusdiff.model import ARTICLES, CorpusdiffError

#: file endings read from directories, and how each is reduced to text
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
           ".htm": "html"}
#: larger files are refused: a news article is a few dozen KiB; 8 MiB is a book
MAX_BYTES = 8 * 1024 * 1024
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
                 b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"RIFF", b"OggS",
                 b"ID3", b"\x00\x00\x01\x00", b"SQLite format 3")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Source:
    """One file to read; ``explicit`` when the user named it (errors) rather than a walk found
    it (warnings)."""

    path: Path
    explicit: bool


class SkipFile(Exception):
    """A file that cannot be read as an article; message is one line without the path."""


def expand(inputs: Sequence[str | os.PathLike[str]], warn: list[str]) -> list[Source]:
    """Resolve user inputs (files, directories, globs) to the files to read, in order, once each."""
    sources: list[Source] = []
    seen: set[str] = set()

    def add(path: Path, explicit: bool) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            sources.append(Source(path, explicit))

    for raw in inputs:
        text = os.fspath(raw)
        path = Path(text)
        if path.is_dir():
            found = _walk(path, warn)
            if not found:
                raise CorpusdiffError(
                    "no articles in this directory (looked for " + _endings() + ")", path)
            for f in found:
                add(f, explicit=False)
        elif path.exists() or os.path.lexists(path):
            add(path, explicit=True)
        elif _GLOB_CHARS.search(text):
            matches = sorted(glob.glob(text, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            files += [f for m in matches if Path(m).is_dir() for f in _walk(Path(m), warn)]
            files = [f for f in files if f.suffix.lower() in FORMATS or Path(text).suffix]
            if not files:
                raise CorpusdiffError("no files match this pattern", text)
            for f in files:
                add(f, explicit=False)
        else:
            raise CorpusdiffError("no such file or directory", text)
    return sources


def _endings() -> str:
    return ", ".join(sorted({e for e in FORMATS if e != ".text"}))


def _walk(root: Path, warn: list[str]) -> list[Path]:
    """Article files below ``root``, sorted; follows links once, never loops."""
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in visited:
            warn.append(f"{dirpath}: directory link loop, not followed")
            dirnames[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in FORMATS:
                found.append(Path(dirpath) / name)
    return sorted(found)


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes: BOMs, then UTF-8, then cp1252, then latin-1. Returns (text, encoding).

    Raises SkipFile for empty, binary or undecodable data.
    """
    if not data.strip():
        raise SkipFile("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _checked(data[2:].decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise SkipFile(f"invalid {codec} text") from exc
    if data.startswith(_BINARY_MAGIC):
        raise SkipFile("binary file (not text)")
    if data.count(b"\x00") > max(1, len(data) // 100):
        raise SkipFile("binary file (not text)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for codec in ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    raise SkipFile("text in no known encoding")  # pragma: no cover - latin-1 decodes all bytes


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Reject decoded text that is mostly control characters (a binary file in disguise)."""
    sample = text[:20000]
    controls = sum(1 for c in sample
                   if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    if controls > len(sample) * 0.05:
        raise SkipFile("binary file (not text)" if encoding.startswith("utf-8")
                       else "text in no decodable encoding")
    if not text.strip():
        raise SkipFile("empty file")
    return text, encoding


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(path: Path) -> tuple[str, str, str, str]:
    """Read one file -> (text, title, encoding, format); raises SkipFile with the reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SkipFile(_os_reason(exc)) from exc
    if size > MAX_BYTES:
        raise SkipFile(f"file too large ({size / 2**20:.1f} MiB; the limit is "
                       f"{MAX_BYTES // 2**20} MiB per article)")
    if path.is_dir():
        raise SkipFile("is a directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SkipFile(_os_reason(exc)) from exc
    text, encoding = decode(data)
    text = normalise_newlines(text)
    fmt = FORMATS.get(path.suffix.lower(), "txt")
    title = ""
    if fmt == "html" or (fmt == "txt" and _looks_like_html(text)):
        text, title = html_to_text(text)
        fmt = "html"
    elif fmt == "md":
        text, title = markdown_to_text(text)
    if not text.strip():
        raise SkipFile("no article text in this file")
    return text, title or first_line(text), encoding, fmt


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return exc.strerror or str(exc)


def first_line(text: str, limit: int = 160) -> str:
    """The first non-empty line, whitespace collapsed, cut at ``limit`` characters."""
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def article_ids(paths: Sequence[Path]) -> list[str]:
    """File stems; where two share one, the shortest path suffix that tells them apart."""
    parts = [list(Path(os.path.abspath(p)).with_suffix("").parts) for p in paths]
    ids: list[str] = []
    for i, p in enumerate(parts):
        depth = 1
        while True:
            mine = p[-depth:]
            clash = [q for j, q in enumerate(parts) if j != i and q[-depth:] == mine]
            if not clash or depth >= len(p):
                break
            depth += 1
        ids.append("/".join(mine))
    # identical suffixes all the way up (same file name via different roots): number them
    counts: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ids.count(ident) > 1:
            counts[ident] = counts.get(ident, 0) + 1
            ids[i] = f"{ident}~{counts[ident]}"
    return ids


def ingest(inputs: Iterable[str | os.PathLike[str]], labels: dict[str, str] | None = None,
           ) -> tuple[pl.DataFrame, list[str]]:
    """Read articles from files, directories and globs.

    Returns the articles table (sorted by id, so the input order never matters) and warnings.
    Raises CorpusdiffError for input that cannot be used.
    """
    warnings: list[str] = []
    sources = expand(list(inputs), warnings)
    rows: list[tuple[Path, str, str, str, str]] = []
    for src in sources:
        try:
            text, title, encoding, fmt = read_article(src.path)
        except SkipFile as exc:
            if src.explicit:
                raise CorpusdiffError(str(exc), src.path) from None
            warnings.append(f"{src.path}: skipped: {exc}")
            continue
        if encoding not in ("utf-8", "utf-8-sig"):
            warnings.append(f"{src.path}: not UTF-8; read as {encoding}")
        rows.append((src.path, text, title, encoding, fmt))
    ids = article_ids([r[0] for r in rows])
    labels = labels or {}
    frame = pl.DataFrame(
        {
            "id": ids,
            "path": [str(r[0]) for r in rows],
            "label": [labels.get(i, i) for i in ids],
            "title": [r[2] for r in rows],
            "text": [r[1] for r in rows],
            "encoding": [r[3] for r in rows],
            "format": [r[4] for r in rows],
        },
        schema=ARTICLES,
    ).sort("id")
    return frame, warnings

"""Paths, directories and globs -> the articles table.

Reading is strict about what it cannot use and says why in one line: a file named by the user
that is missing, empty, binary, too large or undecodable is an error; the same file found while
walking a directory or matching a glob is skipped with a warning, and a directory or glob that
yields no article at all is an error. Text that is not UTF-8 is read in a detected fallback
encoding (UTF-16 without a BOM, cp1252, latin-1; stray cp1252 bytes in UTF-8 text) with a
warning.
"""

from __future__ import annotations

import codecs
import glob
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff.markup import markdown_to_text
from corpusdiff.options import CorpusdiffError

if TYPE_CHECKING:
    import polars as pl

#: file endings read from directories, and how each is reduced to text
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
           ".htm": "html"}
#: larger files are refused: a news article is a few dozen KiB; 8 MiB is a book
MAX_BYTES = 8 * 1024 * 1024
#: how common binary formats begin (images, PDF, archives, audio, executables, databases)
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"wOFF",
                 b"wOF2", b"\x00\x00\x01\x00", b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b",
                 b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!\x1a", b"\x28\xb5\x2f\xfd",
                 *(b"BZh%d" % n for n in range(1, 10)), b"OggS\x00", b"ID3\x02", b"ID3\x03",
                 b"ID3\x04", b"\x7fELF", b"MZ\x90\x00", b"\xca\xfe\xba\xbe",
                 b"\xd0\xcf\x11\xe0", b"SQLite format 3")
_RIFF = re.compile(rb"RIFF.{4}(?:WAVE|WEBP|AVI |RMID|CDXA)", re.S)  # audio, images, video
#: byte-order marks: (bom, codec that reads the rest, name reported as in Python: "utf-16"
#: is UTF-16 with a BOM, "utf-16-le" without one)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
         (codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"))
#: encodings read without a guess (no warning)
CERTAIN_ENCODINGS = frozenset({"utf-8", *(name for _, _, name in _BOMS)})
_GLOB_CHARS = re.compile(r"[*?\[]")
#: a valid multi-byte UTF-8 sequence (evidence that a file is UTF-8 with a few stray bytes)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Source:
    """One file to read; ``explicit`` when the user named it (errors) rather than a walk or a
    glob found it (warnings). ``origin`` is the input (directory, glob or file) it came from."""

    path: Path
    explicit: bool
    origin: str = ""


def input_bytes(inputs: Sequence[str | os.PathLike[str]]) -> int | None:
    """The size in bytes of the files ``inputs`` name, or None when they cannot be listed
    (reading them reports why). Cheap: nothing is read, and polars is not imported."""
    try:
        return sum(os.stat(source.path).st_size for source in expand(inputs, []))
    except (CorpusdiffError, OSError):
        return None


class SkipFile(Exception):
    """A file that cannot be read as an article; message is one line without the path."""


def expand(inputs: Sequence[str | os.PathLike[str]], warn: list[str]) -> list[Source]:
    """Resolve user inputs (files, directories, globs) to the files to read, in order, once each.

    Raises CorpusdiffError for a missing path, an unreadable directory, or a directory or glob
    with no article file in it.
    """
    sources: list[Source] = []
    seen: set[str] = set()

    def add(path: Path, explicit: bool, origin: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            sources.append(Source(path, explicit, origin))

    for raw in inputs:
        text = os.fspath(raw)
        path = Path(text)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise CorpusdiffError("permission denied (cannot list this directory)", path)
            found = _walk(path, warn)
            if not found:
                raise CorpusdiffError(
                    "no articles in this directory (looked for " + _endings() + ")", path)
            for f in found:
                add(f, False, text)
        elif os.path.lexists(path):
            add(path, True, text)
        elif _GLOB_CHARS.search(text):
            matches = _glob(text)
            files = [m for m in matches if m.is_file()]
            files += [f for m in matches if m.is_dir() for f in _walk(m, warn)]
            # a pattern that names an ending ("*.htm") chooses its files; "*" takes articles only
            files = [f for f in files if f.suffix.lower() in FORMATS or Path(text).suffix]
            if not files:
                raise CorpusdiffError("no files match this pattern", text)
            for f in files:
                add(f, False, text)
        else:
            raise CorpusdiffError("no such file or directory", text)
    return sources


def _endings() -> str:
    return ", ".join(sorted({e for e in FORMATS if e != ".text"}))


def _glob(pattern: str) -> list[Path]:
    """Paths matching ``pattern``, sorted. ``**`` never follows links to directories, so a link
    loop cannot make it run forever (the stdlib ``glob`` would)."""
    if "**" not in pattern:
        return sorted(Path(m) for m in glob.glob(pattern))
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    rest = "/".join(parts[fixed:])
    return sorted(m for m in base.glob(rest)
                  if not any(part.startswith(".") for part in m.relative_to(base).parts))


def _walk(root: Path, warn: list[str]) -> list[Path]:
    """Article files below ``root``, sorted; follows links once, never loops."""
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        warn.append(f"{exc.filename}: skipped: {_os_reason(exc)}")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in visited:
            warn.append(f"{dirpath}: skipped: directory link loop (already read)")
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
    """Decode file bytes: BOMs, then UTF-8, then UTF-16 without BOM, then UTF-8 with stray
    cp1252 bytes, then cp1252, then latin-1. Returns (text, encoding).

    Raises SkipFile for empty, binary or undecodable data.
    """
    if not data.strip():
        raise SkipFile("empty file")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(codec), name)
            except UnicodeDecodeError as exc:
                raise SkipFile(f"invalid {name} text") from exc
    if data.startswith(_BINARY_MAGIC) or _RIFF.match(data):
        raise SkipFile("binary file (not text)")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if data.count(b"\x00") > max(1, len(data) // 100):
        raise SkipFile("binary file (not text)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        # mostly UTF-8 with a few bytes from another encoding (pasted text): keep the UTF-8
        return _checked(data.decode("utf-8", errors="corpusdiff-cp1252"), "utf-8+cp1252")
    for codec in ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    raise SkipFile("text in no known encoding")  # pragma: no cover - latin-1 decodes all bytes


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: undecodable bytes are read as cp1252 (latin-1 where cp1252 has no
    character)."""
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - only used for decoding
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), exc.end


codecs.register_error("corpusdiff-cp1252", _cp1252_bytes)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like mostly-ASCII UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Reject decoded text that is mostly control characters (a binary file in disguise)."""
    sample = text[:20000]
    controls = len(_CONTROLS.findall(sample))
    if controls > len(sample) * 0.05:
        raise SkipFile("binary file (not text)")
    if not text.strip():
        raise SkipFile("empty file")
    return text, encoding


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most MAX_BYTES; raises SkipFile for a directory, an unreadable or
    too large file. Reads no further than the limit, so a device or a growing file cannot
    exhaust memory."""
    try:
        st = path.stat()
    except OSError as exc:
        raise SkipFile(_os_reason(exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise SkipFile("is a directory")
    if st.st_size > MAX_BYTES:
        raise SkipFile(_too_large(st.st_size))
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SkipFile(_os_reason(exc)) from exc
    if len(data) > MAX_BYTES:
        raise SkipFile(_too_large(None))
    return data


def _too_large(size: int | None) -> str:
    limit = f"the limit is {_size(MAX_BYTES)} per article"
    if size is None:
        return f"file too large (more than {_size(MAX_BYTES)}; {limit})"
    return f"file too large ({_size(size)}; {limit})"


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.1f} MiB".replace(".0 ", " ")
    return f"{n / 2**10:.1f} KiB".replace(".0 ", " ")


@dataclass(frozen=True)
class Article:
    """One file as read: its text and what is known about it."""

    text: str
    title: str
    encoding: str
    format: str  # txt | md | html
    #: the encoding was a guess (the user is warned)
    guessed: bool = False
    site: str = ""
    author: str = ""
    date: str = ""
    #: where the page text outside a web page's article begins in ``text`` (None: nowhere)
    layout_start: int | None = None


class NoArticleText(SkipFile):
    """A web page without article text (an index page, a login or paywall page)."""


def read_article(path: Path) -> Article:
    """Read one file; raises SkipFile with the reason.

    HTML is read through trafilatura (imported here, on the first page only): its article text
    first, then the page text outside it (see :mod:`corpusdiff.webpage`)."""
    data = read_bytes(path)
    fmt = FORMATS.get(path.suffix.lower(), "txt")
    declared = declared_charset(data) if fmt == "html" or _looks_like_html_bytes(data) else None
    text = encoding = None
    if declared and not data.startswith(tuple(bom for bom, _, _ in _BOMS)) \
            and not _is_utf8_text(data):
        try:  # a page is decoded as it declares, as a browser would
            text, encoding = _checked(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None or encoding is None:
        text, encoding = decode(data)
        guessed = encoding not in CERTAIN_ENCODINGS
    else:
        guessed = False
    text = normalise_newlines(text)
    if fmt == "html" or (fmt == "txt" and _looks_like_html(text)):
        from corpusdiff.webpage import NoArticle, read_webpage

        try:
            page = read_webpage(text)
        except NoArticle as exc:
            raise NoArticleText(str(exc)) from None
        return Article(page.text, page.title or first_line(page.text), encoding, "html",
                       guessed, page.site, page.author, page.date, page.layout_start)
    title = ""
    if fmt == "md":
        text, title = markdown_to_text(text)
    if not text.strip():
        raise SkipFile("no article text in this file" if fmt != "txt" else "empty file")
    return Article(text, title or first_line(text), encoding, fmt, guessed)


_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: labels browsers read as another encoding (the WHATWG Encoding Standard)
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252",
                    "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
                    "iso-8859-9": "cp1254", "tis-620": "cp874", "gb2312": "gbk"}


def _is_utf8_text(data: bytes) -> bool:
    """Valid UTF-8 with some non-ASCII characters: a page re-saved as UTF-8 that kept its old
    declaration (read as declared, every accent would become two characters)."""
    if not _UTF8_MULTIBYTE.search(data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in a ``<meta charset>`` or ``<meta http-equiv>`` within its
    first 4 KiB (as browsers look), when Python knows it and it is not UTF-8; else None."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(_CHARSET_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return None if name.startswith("utf") else name


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _looks_like_html_bytes(data: bytes) -> bool:
    return data.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html"))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return exc.strerror or str(exc)


def first_line(text: str, limit: int = 160) -> str:
    """The first non-empty line, whitespace collapsed, cut at ``limit`` characters."""
    for line in text.split("\n"):
        line = " ".join(line[: limit * 8].split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def article_ids(paths: Sequence[Path]) -> list[str]:
    """File stems; where two share one, the shortest path suffix that tells them apart
    (``a/fox``, ``b/fox``), with the file's ending where only the ending differs (``fox.md``,
    ``fox.txt``). The id of a path depends on the set of paths, never on their order."""
    full = [Path(os.path.abspath(p)) for p in paths]
    keys = [p.with_suffix("").parts for p in full]
    by_stem: dict[str, list[tuple[str, ...]]] = {}
    for k in keys:
        by_stem.setdefault(k[-1], []).append(k)
    ids: list[str] = []
    for p, k in zip(full, keys, strict=True):
        others = [q for q in by_stem[k[-1]] if q != k]
        depth = 1
        while depth < len(k) and any(q[-depth:] == k[-depth:] for q in others):
            depth += 1
        suffix = list(k[-depth:])
        if by_stem[k[-1]].count(k) > 1:  # the same folder and stem: only the ending differs
            suffix[-1] = p.name
        ids.append("/".join(suffix))
    clashes = {i for i in ids if ids.count(i) > 1}  # e.g. "fox.md" (fox.md.txt) and fox.md
    return [str(p) if i in clashes else i for p, i in zip(full, ids, strict=True)]


def ingest(inputs: Iterable[str | os.PathLike[str]], labels: dict[str, str] | None = None,
           ) -> tuple[pl.DataFrame, list[str]]:
    """Read articles from files, directories and globs.

    Returns the articles table (sorted by id, so the input order never matters) and warnings
    (sorted, for the same reason). Raises CorpusdiffError for input that cannot be used.
    """
    # polars only here: the CLI and the TUI check paths with expand() before their first paint
    import polars as pl

    from corpusdiff.model import ARTICLES

    warnings: list[str] = []
    sources = expand(list(inputs), warnings)
    # ids come from every file found, read or not, so they do not shift when a file is skipped
    ids = article_ids([s.path for s in sources])
    rows: list[tuple[str, Path, Article]] = []
    read_from: dict[str, int] = {}
    skipped: dict[str, list[str]] = {}
    # pages the user named that hold no article: left out if two other articles remain
    no_article: list[tuple[Path, str]] = []
    for ident, src in zip(ids, sources, strict=True):
        try:
            article = read_article(src.path)
        except NoArticleText as exc:
            if src.explicit:
                no_article.append((src.path, str(exc)))
                continue
            warnings.append(f"{src.path}: skipped: {exc}")
            skipped.setdefault(src.origin, []).append(f"{src.path}: {exc}")
            continue
        except SkipFile as exc:
            if src.explicit:
                raise CorpusdiffError(str(exc), src.path) from None
            warnings.append(f"{src.path}: skipped: {exc}")
            skipped.setdefault(src.origin, []).append(f"{src.path}: {exc}")
            continue
        read_from[src.origin] = read_from.get(src.origin, 0) + 1
        if article.guessed:
            warnings.append(f"{src.path}: not UTF-8; read as {article.encoding}")
        rows.append((ident, src.path, article))
    if no_article and len(rows) < 2:
        path, reason = no_article[0]
        raise CorpusdiffError(reason, path)
    warnings += [f"{path}: left out: {reason}" for path, reason in no_article]
    for origin, reasons in skipped.items():
        if not read_from.get(origin):
            what = "directory" if Path(origin).is_dir() else "pattern"
            raise CorpusdiffError(
                f"no readable articles in this {what}: {len(reasons)} skipped, first "
                f"{reasons[0]}", origin)
    rows.sort(key=lambda r: r[0])
    first_with: dict[str, Path] = {}
    for _, path, article in rows:
        if article.text in first_with:
            warnings.append(f"{path}: same text as {first_with[article.text]}")
        first_with.setdefault(article.text, path)
    labels = labels or {}
    known = {r[0] for r in rows}
    warnings += [f"label for unknown article id {ident!r} ignored"
                 for ident in sorted(labels) if ident not in known]
    # a web page's site name is its outlet label when the user gives none (unless two pages
    # share it: then "site (id)", so every outlet keeps a label of its own)
    sites = [a.site for _, _, a in rows]
    default = [a.site if a.site and sites.count(a.site) == 1 else
               f"{a.site} ({ident})" if a.site else ident for ident, _, a in rows]
    frame = pl.DataFrame(
        {
            "id": [r[0] for r in rows],
            "path": [str(r[1]) for r in rows],
            "label": [labels.get(r[0], d) for r, d in zip(rows, default, strict=True)],
            "title": [a.title for _, _, a in rows],
            "text": [a.text for _, _, a in rows],
            "encoding": [a.encoding for _, _, a in rows],
            "format": [a.format for _, _, a in rows],
            "site": [a.site for _, _, a in rows],
            "author": [a.author for _, _, a in rows],
            "date": [a.date for _, _, a in rows],
            "layout_start": [a.layout_start for _, _, a in rows],
        },
        schema=ARTICLES,
    )
    return frame, sorted(warnings)

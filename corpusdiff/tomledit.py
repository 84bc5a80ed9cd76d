"""Lossless editing of TOML text: find where each table and key is written, and set one table
while keeping every other byte (comments, blank lines, formatting, key order).

:class:`Layout` scans a valid TOML text into its statements (headers and ``key = value`` lines)
with their offsets and lines; :func:`edit_table` rewrites one table with it, and accepts a
result only when it reads back as the old data with just that table changed.
"""

from __future__ import annotations

import bisect
import copy
import json
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tomli_w

#: a path into TOML data: table keys and array indexes
Key = tuple[str | int, ...]
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def keypath(key: Key) -> str:
    """``("comparisons", "a b", "articles", 0)`` -> ``comparisons."a b".articles[0]``."""
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if _BARE_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out += ("." if out else "") + text
    return out


# -- where each key is written -------------------------------------------------------------


@dataclass(frozen=True)
class _Stmt:
    """A header (``[a.b]``, ``[[a.b]]``) or a ``key = value`` line, as whole lines."""

    kind: str  # table | array | value
    path: Key  # the header's table, or the key's full path
    line: int
    start: int  # offset of the start of its first line
    end: int  # offset just past its last line (its newline included)
    value: tuple[int, int] = (0, 0)  # offsets of a key's value text


class ScanError(Exception):
    """The text is not laid out as this scanner expects."""


class Layout:
    """Where each statement and key path of a TOML text is; the text must be valid TOML."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 1 if text.startswith("\ufeff") else 0
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: dict[Key, int] = {}
        self.stmts: list[_Stmt] = []
        self._run()

    def line(self, key: Key) -> int | None:
        """The line where ``key`` (or its nearest written parent) is defined."""
        for cut in range(len(key), 0, -1):
            if key[:cut] in self.lines:
                return self.lines[key[:cut]]
        return None

    def _line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)

    def _note(self, key: Key, pos: int) -> None:
        line = self._line_of(pos)
        for cut in range(1, len(key) + 1):
            self.lines.setdefault(key[:cut], line)

    def _peek(self, s: str) -> bool:
        return self.text.startswith(s, self.pos)

    def _skip(self, chars: str) -> None:
        text, n = self.text, len(self.text)
        while self.pos < n:
            if text[self.pos] in chars:
                self.pos += 1
            elif text[self.pos] == "#" and "\n" in chars:
                end = text.find("\n", self.pos)
                self.pos = n if end < 0 else end
            else:
                break

    def _expect(self, s: str) -> None:
        if not self._peek(s):
            raise ScanError(f"expected {s!r} at offset {self.pos}")
        self.pos += len(s)

    def _run(self) -> None:
        section: Key = ()
        tables: dict[Key, int] = {}
        while True:
            value = (0, 0)
            self._skip(" \t\r\n")
            if self.pos >= len(self.text):
                return
            start = self.pos
            if self._peek("[["):
                self.pos += 2
                path = self._key()
                self._expect("]]")
                index = tables[path] = tables.get(path, -1) + 1
                section = (*self._indexed(path[:-1], tables), path[-1], index)
                self._note(section, start)
                kind = "array"
            elif self._peek("["):
                self.pos += 1
                path = self._key()
                self._expect("]")
                section = self._indexed(path, tables)
                self._note(section, start)
                kind = "table"
            else:
                path = (*section, *self._key())
                self._expect("=")
                self._note(path, start)
                self._skip(" \t")
                value_start = self.pos
                self._value(path)
                value = (value_start, self.pos)
                kind = "value"
            self._skip(" \t")
            if self._peek("#"):
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            if self._peek("\r\n"):
                self.pos += 2
            elif self._peek("\n"):
                self.pos += 1
            elif self.pos < len(self.text):
                raise ScanError(f"expected the end of the line at offset {self.pos}")
            line = self._line_of(start)
            self.stmts.append(_Stmt(kind, path, line, self.starts[line - 1], self.pos, value))

    @staticmethod
    def _indexed(path: tuple[str, ...], tables: dict[Key, int]) -> Key:
        """``[a.b]`` below ``[[a]]`` is a table of a's last element: ``("a", n, "b")``."""
        out: list[str | int] = []
        for cut in range(1, len(path) + 1):
            out.append(path[cut - 1])
            if path[:cut] in tables:
                out.append(tables[path[:cut]])
        return tuple(out)

    def _key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._skip(" \t")
            if self._peek('"') or self._peek("'"):
                begin = self.pos
                self._string()
                parts.append(tomllib.loads("k = " + self.text[begin:self.pos])["k"])
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                if not match:
                    raise ScanError(f"expected a key at offset {self.pos}")
                parts.append(match.group())
                self.pos = match.end()
            self._skip(" \t")
            if not self._peek("."):
                return tuple(parts)
            self.pos += 1

    def _string(self) -> None:
        text = self.text
        for quote in ('"""', "'''"):
            if self._peek(quote):
                i = self.pos + 3
                while True:
                    if quote == '"""' and text[i] == "\\":
                        i += 2
                        continue
                    if text.startswith(quote, i):
                        # up to two quote characters may end the content: """a""""" is 'a""'
                        end = i + 3
                        while end < len(text) and text[end] == quote[0] and end < i + 5:
                            end += 1
                        self.pos = end
                        return
                    i += 1
        if self._peek('"'):
            i = self.pos + 1
            while text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            self.pos = i + 1
        else:
            self.pos = text.index("'", self.pos + 1) + 1

    _SCALAR = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d[^\s,\]}#]*|[^\s,\]}#]+")

    def _value(self, path: Key) -> None:
        self._skip(" \t")
        if self._peek('"') or self._peek("'"):
            self._string()
        elif self._peek("["):
            self.pos += 1
            index = 0
            while True:
                self._skip(" \t\r\n")
                if self._peek("]"):
                    self.pos += 1
                    return
                self._note((*path, index), self.pos)
                self._value((*path, index))
                index += 1
                self._skip(" \t\r\n")
                if self._peek(","):
                    self.pos += 1
        elif self._peek("{"):
            self.pos += 1
            while True:
                self._skip(" \t\r\n")
                if self._peek("}"):
                    self.pos += 1
                    return
                start = self.pos
                key = (*path, *self._key())
                self._expect("=")
                self._note(key, start)
                self._value(key)
                self._skip(" \t\r\n")
                if self._peek(","):
                    self.pos += 1
        else:
            match = self._SCALAR.match(self.text, self.pos)
            if not match:
                raise ScanError(f"expected a value at offset {self.pos}")
            self.pos = match.end()


def scan(text: str) -> Layout | None:
    """The layout of ``text``, or None when it cannot be scanned."""
    try:
        return Layout(text)
    except (ScanError, IndexError, ValueError, tomllib.TOMLDecodeError):
        return None  # errors then name no line; never worse than that


# -- editing -------------------------------------------------------------------------------


class EditError(Exception):
    """The file cannot be edited without changing what other parts of it say."""


def edit_table(text: str, key: tuple[str, ...], rendered: str | None) -> str:
    """``text`` (valid TOML) with the table at ``key`` (``("comparisons", "seeds")``) set to
    that table of ``rendered`` (a TOML text holding it in full, written by tomli_w; None removes
    the table), every other byte kept.

    A new table is appended. An existing one is patched key by key (unchanged keys keep their
    lines, comments and formatting; a changed value is rewritten in place; a new key goes at
    the end of its table) or, when its layout is irregular, has all its lines replaced by
    ``rendered`` (in place, else removed and ``rendered`` appended). The result must read back
    as the old data with only that table changed, else EditError.
    """
    old = tomllib.loads(text.removeprefix("\ufeff"))
    table = None
    if rendered is not None:
        table = tomllib.loads(rendered)
        for part in key:
            table = table[part]
    layout = Layout(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    candidates = []
    parent: Any = old
    for part in key[:-1]:
        parent = parent.get(part, {})
    old_table = parent.get(key[-1])
    if table is not None and isinstance(old_table, dict):
        candidates.append(_patch(text, layout, key, old_table, table, newline))
    candidates.append(_replace_lines(text, layout, key, rendered, newline))
    if rendered is not None:  # its old lines out, the new table at the end
        removed = _replace_lines(text, layout, key, None, newline)
        candidates.append(_replace_lines(removed, Layout(removed), key, rendered, newline))
    for candidate in candidates:
        if candidate is not None and _reads_as(candidate, old, key, table):
            return candidate
    raise EditError(key[-1])


_MISSING = object()


def _get(table: object, rel: Key) -> Any:
    for part in rel:
        if not isinstance(table, dict) or part not in table:
            return _MISSING
        table = table[part]
    return table


def _leaves(table: dict[str, Any], rel: Key = ()) -> list[tuple[Key, Any]]:
    out: list[tuple[Key, Any]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            out += _leaves(value, (*rel, key))
        else:
            out.append(((*rel, key), value))
    return out


def _value_text(value: object) -> str:
    """A value in TOML; a short list of scalars stays on one line."""
    if isinstance(value, list) and not any(isinstance(v, list | dict) for v in value):
        inline = "[" + ", ".join(_value_text(v) for v in value) + "]"
        if len(inline) <= 80:
            return inline
    return tomli_w.dumps({"k": value})[len("k = "):].rstrip("\n")


def _patch(text: str, layout: Layout, prefix: tuple[str, ...], old: dict[str, Any],
           new: dict[str, Any], newline: str) -> str | None:
    """Key-level edit of the existing table ``prefix``; None when its layout is irregular."""
    n = len(prefix)
    edits: list[tuple[int, int, str]] = []
    covered: list[Key] = []
    ends: dict[Key, int] = {}  # an owned [header]'s table -> where a new key of it goes
    section: Key = ()
    dropped: list[int] = []  # a whole [sub-table] that the new table no longer has
    for stmt in layout.stmts:
        if stmt.kind != "value":
            if dropped:
                edits.append((dropped[0], _eat_blank_line(text, *dropped), ""))
                dropped = []
            section = stmt.path
            if stmt.path[:n] == prefix:
                rel = stmt.path[n:]
                if stmt.kind == "array" or (not rel and _get(new, rel) is _MISSING):
                    return None
                if _get(new, rel) is _MISSING:
                    dropped = [stmt.start, stmt.end]
                else:
                    ends[rel] = stmt.end
            continue
        if dropped:
            dropped[1] = stmt.end
            continue
        if section[:n] == prefix:
            ends[section[n:]] = stmt.end
        if stmt.path[:n] != prefix:
            continue
        rel = stmt.path[n:]
        if not rel or any(isinstance(part, int) for part in rel):
            return None
        covered.append(rel)
        before, after = _get(old, rel), _get(new, rel)
        if after is _MISSING:
            edits.append((stmt.start, stmt.end, ""))
        elif not same_data(before, after):
            if isinstance(before, dict) or isinstance(after, dict):
                return None
            edits.append((*stmt.value, _value_text(after)))
    if dropped:
        edits.append((dropped[0], _eat_blank_line(text, *dropped), ""))
    if () not in ends:
        return None
    new_tables: dict[str, Any] = {}
    for rel, value in _leaves(new):
        if any(rel[: len(c)] == c for c in covered):
            continue
        if rel[:-1] in ends:
            edits.append((ends[rel[:-1]], ends[rel[:-1]], tomli_w.dumps({rel[-1]: value})))
        elif len(rel) == 2 and _get(old, rel[:1]) is _MISSING:
            new_tables[str(rel[0])] = new[rel[0]]
        else:
            return None
    if new_tables:
        last = max(ends.values())
        nested: dict[str, Any] = new_tables
        for part in reversed(prefix):
            nested = {part: nested}
        edits.append((last, last, "\n" + tomli_w.dumps(nested)))
    out: list[str] = []
    pos = 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            return None
        piece = replacement.replace("\n", newline)
        if start == end and start == len(text) and not text.endswith("\n"):
            piece = newline + piece
        out += [text[pos:start], piece]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _replace_lines(text: str, layout: Layout, key: tuple[str, ...], rendered: str | None,
                   newline: str) -> str:
    """Replace all the lines of table ``key`` by ``rendered`` (or append it, or remove them)."""
    if rendered is not None:
        rendered = rendered.replace("\n", newline)
    spans = _merge_spans(text, _owned_spans(layout, key))
    if not spans:
        if rendered is None:
            return text
        out = text
        if out and not out.endswith("\n"):
            out += newline
        lines = out.removeprefix("\ufeff").splitlines()
        if lines and lines[-1].strip():
            out += newline
        return out + rendered
    pieces: list[str] = []
    pos = 0
    for i, (start, end) in enumerate(spans):
        pieces.append(text[pos:start])
        if i == 0 and rendered is not None:
            pieces.append(rendered)
        elif not text[end:].strip():  # the end of the file: the blank lines above go too
            pieces[-1] = re.sub(r"(?<=\n)([ \t]*\r?\n)+\Z", "", pieces[-1])
            end = len(text)
        else:
            end = _eat_blank_line(text, start, end)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _owned_spans(layout: Layout, prefix: Key) -> list[tuple[int, int]]:
    """Offsets of the whole lines that belong to the table ``prefix``: its sections (a header
    down to the last key under it; the comments and blank lines that follow stay) and its keys
    written in other sections."""
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None
    owned = False
    n = len(prefix)
    for stmt in layout.stmts:
        if stmt.kind != "value":
            if current:
                spans.append((current[0], current[1]))
            current = None
            owned = stmt.path[:n] == prefix
            if owned:
                current = [stmt.start, stmt.end]
        elif owned and current is not None:
            current[1] = stmt.end
        elif stmt.path[:n] == prefix:
            spans.append((stmt.start, stmt.end))
    if current:
        spans.append((current[0], current[1]))
    return sorted(spans)


def _merge_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans separated only by blank lines (one comparison's tables written together)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _eat_blank_line(text: str, start: int, end: int) -> int:
    """When removing ``text[start:end]`` leaves two blank lines together, remove one too."""
    before = text[:start].splitlines()
    blank_before = start == 0 or not before or not before[-1].strip()
    match = re.match(r"[ \t]*\r?\n", text[end:])
    return end + match.end() if match and blank_before else end


def _reads_as(new_text: str, old: dict[str, Any], key: tuple[str, ...],
              table: dict[str, Any] | None) -> bool:
    """Whether ``new_text`` reads as ``old`` with only the table at ``key`` set to ``table``."""
    expected = copy.deepcopy(old)
    parent: Any = expected
    for part in key[:-1]:
        parent = parent.setdefault(part, {})
    if table is None:
        parent.pop(key[-1], None)
    else:
        parent[key[-1]] = table
    try:
        new = tomllib.loads(new_text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError:
        return False
    return same_data(_without_empty(new, key[:-1]), _without_empty(expected, key[:-1]))


def _without_empty(data: Mapping[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    """``data`` without the tables along ``path`` that are empty (once the edited table is
    gone, an empty parent table and no parent table read the same)."""
    out = dict(data)
    if path:
        child = out.get(path[0])
        if isinstance(child, dict):
            child = out[path[0]] = _without_empty(child, path[1:])
        if child == {}:
            del out[path[0]]
    return out


def same_data(a: object, b: object) -> bool:
    """Equality that treats NaN as equal to itself."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


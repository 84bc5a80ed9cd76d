"""Reduce HTML pages and Markdown files to plain article text (one paragraph a line)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
         "form", "button", "iframe", "select", "head", "figure"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
          "ul", "ol", "blockquote", "br", "tr", "table", "pre", "hr", "dd", "dt", "figcaption",
          "title"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
         "track", "wbr"}


class _TextParser(HTMLParser):
    """Collects text per top-level region; prefers <article>, then <main>, then <body>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[str] = []
        self.regions: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.title: list[str] = []
        self.h1: list[str] = []

    def _emit(self, text: str) -> None:
        for region in ("article", "main"):
            if region in self.stack:
                self.regions[region].append(text)
        self.regions["body"].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in _BLOCK:
                self._emit("\n")
            return
        self.stack.append(tag)
        if tag in _SKIP and tag != "head":
            self.skip_depth += 1
        if tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in _SKIP and top != "head":
                self.skip_depth -= 1
            if top in _BLOCK:
                self._emit("\n")
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if "title" in self.stack:
            self.title.append(data)
            return
        if self.skip_depth or "head" in self.stack:
            return
        if "h1" in self.stack:
            self.h1.append(data)
        self._emit(data)


def _paragraphs(chunks: list[str]) -> str:
    lines = ("".join(chunks)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def html_to_text(source: str) -> tuple[str, str]:
    """HTML -> (text, title). Scripts, navigation, headers, footers and forms are dropped."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    for region in ("article", "main", "body"):
        text = _paragraphs(parser.regions[region])
        if text.strip():
            break
    title = " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
    return text, title


_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), ""),  # thematic break
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M), r"\1"),  # ATX heading
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quote marker
    (re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+", re.M), r"\1"),  # list bullet
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.M), ""),  # link definition
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis *x*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis _x_
    (re.compile(r"~~(.+?)~~"), r"\1"),  # strikethrough
    (re.compile(r"`{1,3}([^`]*)`{1,3}"), r"\1"),  # inline code
    (re.compile(r"^\s*```.*$", re.M), ""),  # code fence
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
]


def markdown_to_text(source: str) -> tuple[str, str]:
    """Markdown -> (text, title): syntax removed, one paragraph a line, first heading as title."""
    heading = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", source, re.M)
    # list items and headings are paragraphs of their own, even without a blank line between
    text = re.sub(r"\n(?=\s{0,3}(?:[-*+]|\d{1,3}[.)]|#{1,6})\s)", "\n\n", source)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    text = html.unescape(text)
    # a paragraph wrapped over several lines becomes one line
    paragraphs = re.split(r"\n\s*\n", text)
    lines = [" ".join(p.split()) for p in paragraphs]
    return "\n".join(line for line in lines if line), heading.group(1).strip() if heading else ""

"""Reduce HTML pages and Markdown files to plain article text (one paragraph a line)."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
         "form", "button", "iframe", "select", "head", "figure", "textarea", "object", "canvas",
         "dialog"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
          "ul", "ol", "blockquote", "br", "tr", "table", "pre", "hr", "dd", "dt", "figcaption",
          "title", "header", "footer", "address", "td", "th"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
         "track", "wbr", "param", "keygen"}


class _TextParser(HTMLParser):
    """Collects text per top-level region; prefers <article>, then <main>, then <body>.

    Open tags are counted, not searched for in the stack, so deeply nested or unclosed markup
    stays linear.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()
        self.skip_depth = 0
        self.regions: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.title: list[str] = []
        self.title_done = False
        #: text of each <h1>, and whether it stood inside <article>
        self.h1: list[tuple[bool, list[str]]] = []

    def _skips(self, tag: str) -> bool:
        # an <article>'s own <header> holds its headline: keep it
        return tag in _SKIP and tag != "head" and not (tag == "header" and self.open["article"])

    def _emit(self, text: str) -> None:
        for region in ("article", "main"):
            if self.open[region]:
                self.regions[region].append(text)
        self.regions["body"].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in _BLOCK and not self.skip_depth:
                self._emit("\n")
            return
        skips = self._skips(tag)
        self.stack.append(tag + ("!" if skips else ""))
        self.open[tag] += 1
        if skips:
            self.skip_depth += 1
        if tag == "h1" and not self.skip_depth:
            self.h1.append((bool(self.open["article"]), []))
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open[tag]:
            return
        while self.stack:
            entry = self.stack.pop()
            top = entry.rstrip("!")
            self.open[top] -= 1
            if entry.endswith("!"):
                self.skip_depth -= 1
            if top in _BLOCK and not self.skip_depth:
                self._emit("\n")
            if top == "title" and self.title:
                self.title_done = True
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.open["title"] and not self.open["svg"]:
            if not self.title_done:
                self.title.append(data)
            return
        if self.skip_depth or self.open["head"]:
            return
        if not self.open["pre"]:
            # a line break in the page source is a space; paragraphs come from block tags
            data = data.replace("\r", " ").replace("\n", " ")
        if self.open["h1"] and self.h1:
            self.h1[-1][1].append(data)
        self._emit(data)


def _paragraphs(chunks: list[str]) -> str:
    lines = ("".join(chunks)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


#: a complete tag, declaration or processing instruction: its ">" comes before any other "<"
#: (quoted attribute values may hold ">")
_WHOLE_TAG = re.compile(r"<(?:/?[A-Za-z]|![A-Za-z]|\?)(?:[^<>\"']|\"[^\"<]*+\"|'[^'<]*+')*+>")


_RAW_TEXT = re.compile(r"<(script|style)(?=[\s/>])", re.I)


def _sanitise(source: str) -> str:
    """Markup the stdlib parser reads in linear time: a "<" that does not open a complete tag
    is text ("&lt;"); comments, CDATA and bogus comments are dropped as browsers drop them, an
    unclosed one running to the end. Without this, ``HTMLParser`` rescans to the end of the
    page for every unclosed "<" (minutes for 1 MB) and raises on a stray "<![x"."""
    out: list[str] = []
    pos = 0
    while (lt := source.find("<", pos)) >= 0:
        out.append(source[pos:lt])
        if source.startswith("<!--", lt):
            end = source.find("-->", lt + 4)
            if end < 0:
                return "".join(out)
            out.append(source[lt:end + 3])
            pos = end + 3
            continue
        if source.startswith(("<![", "<!>", "<!-"), lt):
            # CDATA and other bogus comments run to the next ">" (browsers drop them)
            end = source.find(">", lt + 2)
            if end < 0:
                return "".join(out)
            pos = end + 1
            continue
        tag = _WHOLE_TAG.match(source, lt)
        if tag:
            out.append(tag.group())
            pos = tag.end()
            raw = _RAW_TEXT.match(tag.group())
            if raw:  # script and style hold raw text up to their end tag, "<!--" included
                end = re.compile(rf"</\s*{raw.group(1)}\s*>", re.I).search(source, pos)
                stop = end.start() if end else len(source)
                out.append(source[pos:stop])
                pos = stop
        else:
            out.append("&lt;")
            pos = lt + 1
    out.append(source[pos:])
    return "".join(out)


def html_to_text(source: str) -> tuple[str, str]:
    """HTML -> (text, title). Scripts, navigation, page headers, footers and forms are dropped;
    the text of <article> is preferred, then <main>, then <body>. The title is the first <h1>
    (inside <article> if there is one there), else <title>."""
    parser = _TextParser()
    parser.feed(_sanitise(source))
    parser.close()
    text = ""
    for region in ("article", "main", "body"):
        text = _paragraphs(parser.regions[region])
        if text.strip():
            break
    # an <h1> inside <article> first, then any other
    h1 = sorted(parser.h1, key=lambda h: not h[0])
    headings = [" ".join("".join(parts).split()) for _, parts in h1]
    title = next((h for h in headings if h), "") or " ".join("".join(parser.title).split())
    return text, title


# Markdown. Protected spans (code, backslash escapes) are swapped for placeholders made of
# private-use characters while the syntax rules run, then put back.
_PH_OPEN, _PH_CLOSE = "\ue000", "\ue001"
_PH = re.compile(_PH_OPEN + r"(\d+)" + _PH_CLOSE)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}+|~{3,}+)[^\n]*+\n(.*?)(?:^[ \t]{0,3}\1[ \t]*$|\Z)",
                    re.M | re.S)
_INLINE_CODE = re.compile(r"(?<!`)(`++)([^`][\s\S]{0,2000}?)(?<!`)\1(?!`)")
_BACKSLASH = re.compile(r"\\([!-/:-@\[-`{-~])")
_SETEXT = re.compile(r"^(?![ \t]{0,3}(?:[-*+>#]|\d{1,3}[.)])[ \t])"
                     r"(?![ \t]{0,3}(?:[-*_][ \t]*){3,}$)([ \t]{0,3}\S[^\n]*)\n"
                     r"[ \t]{0,3}(=+|-+)[ \t]*$", re.M)
_ATX_TITLE = re.compile(r"^[ \t]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)

#: block syntax, applied line by line before the inline rules
_BLOCK_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->", re.S), ""),  # HTML comment
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # thematic break
    (re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # heading
    (re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M), ""),  # block quote markers
    (re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M), r"\1"),  # list
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.M), ""),  # link definition
]
#: inline syntax: keep the text, drop the markup. Spans are bounded (and never cross a line:
#: they run on joined paragraphs) so a hostile line of a million ``*`` or ``[`` stays linear.
_INLINE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"!\[([^\[\]\n]{0,500})\]\(\s*[^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\s*\)"),
     r"\1"),  # image -> alt text
    (re.compile(r"\[([^\[\]\n]{1,500})\]\(\s*[^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\s*\)"),
     r"\1"),  # link -> its text
    (re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,500}\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>"), r"\1"),  # autolink
    (re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*)){1,500}?)(?<=\S)\*\*"), r"\1"),  # **strong**
    (re.compile(r"__(?=\S)((?:[^_\n]|_(?!_)){1,500}?)(?<=\S)__"), r"\1"),  # __strong__
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,500})(?<=\S)\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,500})(?<=\S)_(?![\w_])"), r"\1"),  # _em_
    (re.compile(r"~~(?=\S)([^~\n]{1,500})(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>]*+)?/?>"), ""),  # inline HTML tags
]


def _inline(text: str) -> str:
    for pattern, repl in _INLINE_RULES:
        text = pattern.sub(repl, text)
    return text


def markdown_to_text(source: str) -> tuple[str, str]:
    """Markdown -> (text, title): syntax removed, one paragraph a line, first heading as title.

    Headings, list items, block quotes and code blocks become paragraphs of their own; emphasis,
    links, images and inline HTML keep only their text; backslash escapes and entities are
    resolved; code keeps its characters.
    """
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return f"{_PH_OPEN}{len(kept) - 1}{_PH_CLOSE}"

    def kept_text(index: int) -> str:
        # a kept span may hold an earlier span's placeholder (inline code around an empty
        # fence): it refers to a smaller index, so this ends
        return _PH.sub(lambda m: kept_text(int(m.group(1))), kept[index])

    def restore(value: str) -> str:
        # entities are resolved outside the kept spans only (code keeps "&amp;" as written)
        parts = _PH.split(value)
        return "".join(kept_text(int(p)) if i % 2 else html.unescape(p)
                       for i, p in enumerate(parts))

    text = source.replace(_PH_OPEN, "").replace(_PH_CLOSE, "")
    # a fenced block is one paragraph of its own
    text = _FENCE.sub(lambda m: "\n\n" + keep(" ".join(m.group(2).split())) + "\n\n", text)
    text = _INLINE_CODE.sub(lambda m: keep(" ".join(m.group(2).split())), text)
    text = _BACKSLASH.sub(lambda m: keep(m.group(1)), text)
    text = _SETEXT.sub(lambda m: ("# " if m.group(2)[0] == "=" else "## ") + m.group(1).strip(),
                       text)
    heading = _ATX_TITLE.search(text)
    # list items and headings are paragraphs of their own, even without a blank line
    text = re.sub(r"\n(?=[ \t]{0,3}(?:[-*+]|\d{1,9}[.)]|#{1,6})[ \t])", "\n\n", text)
    text = re.sub(r"^([ \t]{0,3}#{1,6}[ \t].*)$", r"\1\n", text, flags=re.M)
    for pattern, repl in _BLOCK_RULES:
        text = pattern.sub(repl, text)
    # a paragraph wrapped over several lines becomes one line
    lines = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text)]
    text = restore(_inline("\n".join(line for line in lines if line)))
    # removed tags and empty code can leave doubled or edge spaces and empty lines
    text = "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
    title = " ".join(restore(_inline(heading.group(1))).split()) if heading else ""
    return text, title

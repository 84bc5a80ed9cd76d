"""A saved web page -> its article text, its metadata, and the page text around the article.

trafilatura finds the article (and its title, site name, author and date); nothing of the page
is lost: the paragraphs a reader sees outside the article (menus, captions, related links,
footers) follow the article in the text, from ``layout_start`` on, and are set aside later as
boilerplate ("outside the article (page layout)").

Importing this module imports trafilatura (about 0.1 s): only the HTML reader does.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params

from corpusdiff.clean import PROMPT_PATTERN
from corpusdiff.markup import html_to_text

# trafilatura and its helpers log pages they cannot use; corpusdiff says it in one line itself
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

#: trafilatura's options, measured on the development pages: comments are not the article;
#: its defaults otherwise (favouring precision lost a tenth of the article text). The date is
#: looked for in the page's markup only (the search through its text takes seconds a page)
_OPTIONS = {"include_comments": False, "with_metadata": True,
            "date_extraction_params": set_date_params(extensive=False)}
#: elements a reader of the page never sees
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "textarea",
                        "object", "canvas", "select", "dialog", "iframe", "math"})
#: elements that start a new paragraph
_BLOCK = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
                    "li", "ul", "ol", "blockquote", "br", "tr", "table", "pre", "hr", "dd", "dt",
                    "dl", "figure", "figcaption", "header", "footer", "nav", "aside", "address",
                    "td", "th", "form", "button", "label", "option", "body", "title", "caption"})
#: a page whose article is less than this share of prose (lines that are neither the whole text
#: of a link nor a log-in or subscription prompt) has no article: an index page, a login or
#: paywall stub
_MIN_PROSE_SHARE = 0.2
_PROMPT = re.compile(PROMPT_PATTERN)
_LIST_MARK = re.compile(r"^- (?=\S)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass(frozen=True)
class WebPage:
    """What a page holds: ``text`` is the title line and the article (one paragraph a line),
    then, from ``layout_start`` (None when there is none), the page text outside the article."""

    text: str
    title: str
    site: str
    author: str
    #: the publication date, ``YYYY-MM-DD`` ("" when the page gives none)
    date: str
    layout_start: int | None


class NoArticle(ValueError):
    """The page has no article text; the message says why, in one line."""


#: written forms of a date besides ISO 8601 that pages carry in their metadata
_DATE_FORMATS = ("%Y/%m/%d", "%Y.%m.%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def iso_date(value: str) -> str:
    """A page's publication date as ``YYYY-MM-DD`` (its calendar day as the page gives it, any
    time and time zone dropped), or "" when ``value`` is not a date."""
    value = " ".join(value.split())
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    try:  # an ISO day followed by something else ("2025-03-14 09:30 CET")
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return ""


def _fold(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).casefold()


def _page_text(tree: etree._Element) -> tuple[list[str], set[str]]:
    """Every paragraph a reader of the page sees, in page order (menus, captions and footers
    included), and the text of every link, whitespace collapsed."""
    chunks: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCK
        if tag and tag not in _INVISIBLE:
            if block:
                chunks.append("\n")
            if el.text:
                chunks.append(el.text)
            for child in el:
                walk(child)
            if block:
                chunks.append("\n")
        if el.tail:
            chunks.append(el.tail)

    body = tree.find(".//body")
    walk(tree if body is None else body)
    lines = [" ".join(line.split()) for line in "".join(chunks).split("\n")]
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    links.discard("")
    return [line for line in lines if line], links


def read_webpage(source: str) -> WebPage:
    """Split an HTML page into its article and the rest; raises NoArticle for a page without
    article text (an index page, a login or paywall stub)."""
    page: list[str] = []
    links: set[str] = set()
    try:
        tree = trafilatura.load_html(source)
        if tree is not None:
            page, links = _page_text(tree)  # before trafilatura prunes the tree
        doc = trafilatura.bare_extraction(tree, **_OPTIONS) if tree is not None else None
    except (ValueError, etree.LxmlError, RecursionError):  # markup lxml cannot read
        doc = None
    if doc is not None and (doc.text or "").strip():
        # list items lose trafilatura's "- " mark: the page shows a bullet, not a dash
        lines = [_LIST_MARK.sub("", " ".join(line.split())) for line in doc.text.split("\n")]
        meta = (doc.title or "", doc.sitename or "", doc.author or "", doc.date or "")
    else:
        text, page_title = html_to_text(source)
        lines = text.split("\n")
        meta = (page_title, "", "", "")
    lines = [line for line in lines if line]
    title = " ".join(meta[0].split())
    if title and (not lines or _fold(lines[0]) != _fold(title)):
        lines.insert(0, title)
    body = lines[1:] if title else lines
    prose = sum(len(line) for line in body if line not in links and not _PROMPT.search(line))
    if not body:
        raise NoArticle("no article text in this file")
    if prose < _MIN_PROSE_SHARE * sum(len(line) for line in body):
        raise NoArticle("no article text in this file (only links or a login or subscription "
                        "prompt: an index page, a login wall or a paywall?)")
    # links to other stories after the article's last paragraph are page layout
    while len(lines) > 2 and lines[-1] in links:
        lines.pop()
    article = "\n".join(lines)
    # both sides come from the same markup with whitespace collapsed: plain substrings suffice
    outside = [line for line in page if line not in article]
    text = article + ("\n" + "\n".join(outside) if outside else "")
    return WebPage(text=text, title=title, site=" ".join(meta[1].split()),
                   author=" ".join(meta[2].split()), date=iso_date(meta[3]),
                   layout_start=len(article) + 1 if outside else None)

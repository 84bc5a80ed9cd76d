"""HTML pages and Markdown files reduced to article text: what is kept, what is dropped, and
hostile markup that must neither crash nor take quadratic time."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.markup import html_to_text, markdown_to_text

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"


# -- HTML ----------------------------------------------------------------------------------


def test_a_saved_news_page_keeps_only_its_article() -> None:
    text, title = html_to_text((HOSTILE / "page.html").read_text(encoding="utf-8"))
    assert text.split("\n") == [
        "Harbor Bridge to close for six weeks",
        "By Dana Ortiz",
        "The Harbor Bridge will close for six weeks starting Monday, city officials said.",
        # a line break in the page source inside a paragraph is a space, not a paragraph
        "Crews will replace the deck joints that failed an inspection in May, according to the "
        "transport department.",
        "Ferry service will double during the closure & buses will run every ten minutes.",
        "Detour via Fifth Street.",
        "Cyclists may walk their bikes across.",
    ]
    # the article's own <h1>, not the site logo's <h1> nor the <title> with the site name
    assert title == "Harbor Bridge to close for six weeks"
    for dropped in ("dataLayer", "color", "Home", "Sports", "The Daily Gull", "Subscribe",
                    "Sign up", "Email", "Photo", "Related", "rights reserved", "trackPageView"):
        assert dropped not in text


def test_article_then_main_then_body() -> None:
    page = "<body><p>Menu text</p><main><p>Main text.</p><article><p>Story.</p></article></main>"
    assert html_to_text(page)[0] == "Story."
    assert html_to_text("<body><p>Menu</p><main><p>Main text.</p></main></body>")[0] == \
        "Main text."
    assert html_to_text("<p>First.<p>Second <b>bold</b> word.")[0] == "First.\nSecond bold word."


def test_title_from_h1_then_title_element() -> None:
    assert html_to_text("<title>Site | Story</title><p>x</p>")[1] == "Site | Story"
    # an icon's <svg><title> is not the page title
    page = "<head><title>Real title</title></head><body><svg><title>icon</title></svg><p>x</p>"
    assert html_to_text(page)[1] == "Real title"
    assert html_to_text("<h1>Loose <i>h1</i></h1><article><p>x</p></article>")[1] == "Loose h1"
    assert html_to_text("<h1>Logo</h1><article><h1>Story</h1></article>")[1] == "Story"


def test_entities_breaks_and_preformatted_text() -> None:
    text, _ = html_to_text("<p>7&ndash;2 &amp; &lt;b&gt; &#x201c;x&#x201d;<br>next&nbsp;line</p>"
                           "<pre>a = 1\nb = 2</pre>")
    assert text == "7–2 & <b> “x”\nnext line\na = 1\nb = 2"


@pytest.mark.parametrize(("page", "expected"), [
    ("<p>unclosed <div><span>text", "unclosed\ntext"),
    ("</div></p></article>stray end tags", "stray end tags"),
    ("<p>a</p><script>never closed <p>b</p>", "a"),
    ("<![CDATA[x]]><!-- comment --><?php echo 1 ?><!doctype html><p>ok", "ok"),
    ("<p a='1' b=\"2\" c=3 d>attrs</p><img src=x onerror=alert(1)>", "attrs"),
    # what is not a tag is text, kept as data (it is never rendered as HTML)
    ("<scr<script>ipt>alert(1)</script><p>after</p>", "<scr\nafter"),
    ("<<<<>>>><p>&#0;&#xd800;&#99999999;&bogus;</p>", "<<<<>>>>\n\ufffd\ufffd\ufffd&bogus;"),
    # the stdlib parser alone raises AssertionError on "<![x"; a bogus comment runs to ">"
    ("<p>a <![x b</p><p>c</p>", "a\nc"),
    ("<p>a <![CDATA[ x ]]> b <!-> c <!> d</p><![ open", "a b c d"),
    ("<p>x < y and <b>bold</b> &lt;</p>", "x < y and bold <"),
    ("<a title=\"a>b\">link</a> <img alt='x > y'> <?php echo 1 ?> <!x> done", "link done"),
    # raw text in a script may hold "<!--" and "<"; an unclosed comment hides the rest
    ("<script>var s = \"<!--\"; if (a<b) x();</script><p>Kept.</p><!-- open <p>gone", "Kept."),
    ("<SCRIPT>a<b</SCRIPT ><style>p<x{}</style><p>after</p>", "after"),
    ("", ""),
])
def test_broken_html_never_raises(page: str, expected: str) -> None:
    assert html_to_text(page) == (expected, "")


@pytest.mark.parametrize("unit", ["<div>x", "</div>", "<p>Word here. ", "<!--", "<!-- x -->",
                                  "<![CDATA[", "<?x ", "< ", "</ ", "<a b=\"", "<a ", "<a b=\">",
                                  "</a ", "<!", "<script>", "<script>a</script>", "<title><"])
def test_hostile_html_stays_linear(unit: str) -> None:
    # 60,000 unclosed '<a b="' took the stdlib parser over four minutes before sanitising
    page = unit * 60_000
    text, _ = html_to_text(page)  # quadratic parsing would take minutes here, not milliseconds
    assert len(text) <= len(page)


# -- Markdown ------------------------------------------------------------------------------


def test_a_markdown_story_is_reduced_to_its_text() -> None:
    text, title = markdown_to_text((HOSTILE / "story.md").read_text(encoding="utf-8"))
    assert title == "Harbor Bridge closes for repairs"
    assert text.split("\n") == [
        "Harbor Bridge closes for repairs",
        "By Sam Lee · City desk",
        "The Harbor Bridge will close for six weeks starting Monday, the city said. "
        "Crews will replace the deck joints that failed an inspection in May.",
        "What changes for commuters",
        "Ferry service will double during the closure.",
        "Buses will run every ten minutes.",
        "Detour via Fifth Street.",
        "\"We know this is hard for the east side,\" the mayor said. "
        "\"Six weeks is the fastest safe schedule.\"",
        "The detour signs read DETOUR -> 5TH ST in capitals.",
        "route = \"5th St\" * 2",
        "A map of the detour",
        "Read the notice at https://example.com/notice or call 555-0100 *today*.",
    ]


@pytest.mark.parametrize(("source", "expected"), [
    ("# Title #\nBody line.", "Title\nBody line."),
    ("Title\n=====\nBody.", "Title\nBody."),
    ("Intro.\n- one\n- two\n* three\n+ four\n10) ten", "Intro.\none\ntwo\nthree\nfour\nten"),
    ("- [x] done\n- [ ] todo", "done\ntodo"),
    ("> quoted\n> > nested\n\nafter", "quoted nested\nafter"),
    ("**strong** __also__ *em* _em_ ~~gone~~", "strong also em em gone"),
    ("snake_case_name and 2*3*4 and a * b * c", "snake_case_name and 2*3*4 and a * b * c"),
    ("[text](http://x.com \"title\") ![alt](i.png) [ref][r] <https://y.org>",
     "text alt ref https://y.org"),
    ("[r]: http://example.com\nBody.", "Body."),
    ("`a_b*c` and ``x ` y``", "a_b*c and x ` y"),
    ("```\n**not bold** &amp;\n```", "**not bold** &amp;"),
    ("~~~python\nx = 1\n~~~\nafter", "x = 1\nafter"),
    ("\\*lit\\* \\_x\\_ \\# \\[y\\]", "*lit* _x_ # [y]"),
    ("&amp; &copy; &#8212; a < b > c", "& © — a < b > c"),
    ("<span class=x>inline</span> <!-- hidden -->text", "inline text"),
    ("para one\nwrapped\n\npara two", "para one wrapped\npara two"),
    ("a <br> b <img src=x>\n\n<div></div>\n\n`` ``", "a b"),
    ("***\n---\n___", ""),
])
def test_markdown_syntax(source: str, expected: str) -> None:
    assert markdown_to_text(source)[0] == expected


def test_markdown_title_is_plain_text() -> None:
    assert markdown_to_text("intro\n\n# The *big* [story](x) `v2`\n\ntext")[1] == \
        "The big story v2"
    assert markdown_to_text("no heading here")[1] == ""


def test_entities_never_forge_placeholders() -> None:
    # the private-use characters used internally cannot be smuggled in by an entity
    text, _ = markdown_to_text("&#xe000;0&#xe001; `code` &#xe000;9&#xe001;")
    assert text == "\ue0000\ue001 code \ue0009\ue001"


@pytest.mark.parametrize("name", ["stars", "brackets", "backticks", "links", "strong", "fence",
                                  "underscores", "images", "setext", "backslashes"])
def test_hostile_markdown_stays_linear(name: str) -> None:
    source = {
        "stars": "*a " * 200_000,
        "brackets": "[" * 200_000 + "]" * 200_000,
        "backticks": "`" * 100_000 + "x",
        "links": "[a](b " * 100_000,
        "strong": "**a " * 100_000,
        "fence": "```\n" * 100_000,
        "underscores": "_a " * 200_000,
        "images": "![a](b " * 100_000,
        "setext": "a\n=\n" * 100_000,
        "backslashes": "\\" * 300_000,
    }[name]
    text, _ = markdown_to_text(source)  # quadratic would take hours here, not milliseconds
    assert len(text) <= len(source)

"""Saved web pages read through trafilatura: the article first, the page around it kept as
boilerplate, metadata, legacy encodings, pages without an article, and rules that still run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusdiff import cli
from corpusdiff.clean import LAYOUT_REASON
from corpusdiff.ingest import ingest, read_article
from corpusdiff.model import CorpusdiffError
from corpusdiff.pipeline import compare
from corpusdiff.webpage import NoArticle, iso_date, read_webpage

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "data" / "hostile"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV_HTML = ROOT.parent / "shared" / "dev" / "html"

STORY = [
    "The city council voted on Tuesday to build a new public library in the harbour district, "
    "ending a debate that had lasted nearly four years.",
    "The library will hold more than 200,000 books and open in the spring of 2027, the mayor "
    "said after the vote, which passed by seven votes to two.",
    "Opponents argued that the money should go to repairing the roads, but most residents who "
    "spoke at the meeting supported the plan.",
    "Construction is expected to begin in the autumn once the final designs are approved by the "
    "planning board.",
]


def page(body: str, *, head: str = "", charset: str = "utf-8") -> str:
    """A news page: site header and menu, the article, related links and a footer."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Council backs harbour library | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">{head}</head>
<body>
<header><div class="logo">Harbour Times</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City news</a></li>
<li><a href="/sport">Sport results</a></li></ul></nav></header>
<main><article>
<h1>Council backs harbour library</h1>
{body}
</article>
<aside><h3>Most read</h3><ul>
<li><a href="/a">Ferry timetable changes announced for the winter season</a></li>
<li><a href="/b">Fishing fleet returns early as storms batter the coast</a></li></ul></aside>
</main>
<footer><p>Copyright 2025 Harbour Times Media Group. All rights reserved.</p></footer>
</body></html>"""


def article_body(*extra: str) -> str:
    return "\n".join(f"<p>{p}</p>" for p in (*STORY[:2], *extra, *STORY[2:]))


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def sentences_of(comparison, ident: str) -> pl.DataFrame:
    return comparison.sentences.filter(pl.col("article") == ident).sort("index")


def test_the_article_comes_first_and_the_page_around_it_is_kept_as_boilerplate(
        tmp_path: Path) -> None:
    html = write(tmp_path / "library.html", page(article_body()))
    c = compare([html, *SEEDS[:1]])
    row = c.articles.filter(pl.col("id") == "library").row(0, named=True)
    text = row["text"]
    # the title line, then the article's paragraphs, then the page text outside the article
    assert text.split("\n")[:5] == ["Council backs harbour library", *STORY]
    assert row["layout_start"] == len("\n".join(["Council backs harbour library", *STORY])) + 1
    outside = text[row["layout_start"]:].split("\n")
    for furniture in ("Harbour Times", "City news", "Most read",
                      "Ferry timetable changes announced for the winter season",
                      "Copyright 2025 Harbour Times Media Group. All rights reserved."):
        assert furniture in outside
    sents = sentences_of(c, "library")
    # every offset points into the text as read
    for start, end, sentence in sents.select("start", "end", "text").iter_rows():
        assert text[start:end] == sentence
    kept = sents.filter(pl.col("kind") != "boilerplate")
    assert kept["text"].to_list() == ["Council backs harbour library", *STORY]
    assert kept["kind"][0] == "headline"
    aside = sents.filter(pl.col("start") >= row["layout_start"])
    assert aside["kind"].unique().to_list() == ["boilerplate"]
    assert aside["reason"].unique().to_list() == [LAYOUT_REASON]
    # nothing is lost: the report's boilerplate section shows the page layout
    out = tmp_path / "r.md"
    assert cli.main(["export", str(html), str(SEEDS[0]), "--show-boilerplate", "-o", str(out)]) == 0
    report = out.read_text()
    assert "outside the article (page layout)" in report and "Sport results" in report


def test_metadata_title_site_author_and_date(tmp_path: Path) -> None:
    head = ('<meta name="author" content="Mara Lindqvist">'
            '<meta property="article:published_time" content="2025-03-14T09:30:00Z">')
    art = read_article(write(tmp_path / "p.html", page(article_body(), head=head)))
    assert (art.title, art.site, art.author, art.date) == (
        "Council backs harbour library", "Harbour Times", "Mara Lindqvist", "2025-03-14")
    assert art.format == "html" and art.encoding == "utf-8" and not art.guessed


@pytest.mark.parametrize("meta", [
    '<meta property="article:published_time" content="2025-03-14T23:30:00-05:00">',
    '<meta name="date" content="March 14, 2025">',
    '<meta name="date" content="14/03/2025">',
])
def test_the_publication_date_is_stored_as_an_iso_day(tmp_path: Path, meta: str) -> None:
    articles, _ = ingest([write(tmp_path / "p.html", page(article_body(), head=meta))])
    # the page's own calendar day, whatever its written form or time zone
    assert articles["date"].to_list() == ["2025-03-14"]


def test_a_page_without_a_date_has_an_empty_date(tmp_path: Path) -> None:
    articles, _ = ingest([write(tmp_path / "p.html", page(article_body())), SEEDS[0]])
    assert articles["date"].to_list() == ["", ""]


@pytest.mark.parametrize(("value", "day"), [
    ("2025-03-14", "2025-03-14"), ("2025-03-14T09:30:00Z", "2025-03-14"),
    ("2025-03-14T23:30:00-05:00", "2025-03-14"), ("2025/3/14", "2025-03-14"),
    ("March 14, 2025", "2025-03-14"), ("14 Mar 2025", "2025-03-14"),
    ("2025-03-14 09:30 CET", "2025-03-14"),
    ("2025-02-30", ""), ("last Tuesday", ""), ("", ""),
])
def test_iso_date_normalises_what_metadata_holds(value: str, day: str) -> None:
    assert iso_date(value) == day


def test_the_site_name_is_the_default_label_and_a_user_label_wins(tmp_path: Path) -> None:
    html = write(tmp_path / "library.html", page(article_body()))
    articles, _ = ingest([html, *SEEDS[:1]])
    labels = dict(articles.select("id", "label").iter_rows())
    assert labels["library"] == "Harbour Times"
    assert labels[SEEDS[0].stem] == SEEDS[0].stem
    articles, _ = ingest([html], {"library": "HT"})
    assert articles["label"].to_list() == ["HT"]
    # two pages of one site keep a label each
    again = page(article_body(STORY[0].replace("Tuesday", "Monday")))
    other = write(tmp_path / "again.html", again)
    articles, _ = ingest([html, other])
    assert sorted(articles["label"]) == ["Harbour Times (again)", "Harbour Times (library)"]


def test_a_page_in_a_declared_legacy_encoding_is_decoded_by_its_declaration(
        tmp_path: Path) -> None:
    words = "The café owner said the “harbour plan” was a naïve idea – and costly."
    html = write(tmp_path / "legacy.html", page(article_body(words), charset="windows-1252"),
                 encoding="cp1252")
    articles, warnings = ingest([html])
    assert words in articles["text"][0].split("\n")
    assert articles["encoding"][0] == "cp1252"
    assert not warnings  # declared, not guessed: nothing to warn about
    # an http-equiv declaration is read too; ISO-8859-1 means windows-1252, as in browsers
    head_page = page(article_body(words), charset="x").replace(
        '<meta charset="x">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    html = write(tmp_path / "equiv.html", head_page, encoding="cp1252")
    assert words in read_article(html).text


def test_a_page_resaved_as_utf8_under_an_old_declaration_stays_utf8(tmp_path: Path) -> None:
    words = "The café owner said the “harbour plan” was a naïve idea – and costly."
    html = write(tmp_path / "resaved.html", page(article_body(words), charset="iso-8859-1"))
    art = read_article(html)
    assert words in art.text and art.encoding == "utf-8"


INDEX = """<!DOCTYPE html><html><head><title>City news | Harbour Times</title></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav><main><h1>City news</h1><ul>
<li><a href="/1">Council backs harbour library after four years of debate</a></li>
<li><a href="/2">Ferry timetable changes announced for the winter season</a></li>
<li><a href="/3">Fishing fleet returns early as storms batter the coast</a></li>
<li><a href="/4">New cycle lanes open on the seafront promenade this weekend</a></li>
<li><a href="/5">School meals to be free for every pupil from September</a></li>
</ul></main></body></html>"""


def test_an_index_page_is_left_out_when_two_articles_remain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = write(tmp_path / "index.html", INDEX)
    out = tmp_path / "r.json"
    code = cli.main(["export", str(index), *map(str, SEEDS[:2]), "-f", "json", "-o", str(out)])
    assert code == 0
    err = capsys.readouterr().err
    assert f"{index}: left out: no article text in this file" in err
    ids = [row["id"] for row in json.loads(out.read_text())["articles"]]
    assert ids == sorted(s.stem for s in SEEDS[:2])


def test_an_index_page_with_one_other_article_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = write(tmp_path / "index.html", INDEX)
    assert cli.main(["export", str(index), str(SEEDS[0]), "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 1 and "index.html: no article text in this file (only links" in err[0]
    assert "Traceback" not in err[0]


PAYWALL = page("<p>Residents have campaigned for years.</p><p>To read the full story, please "
               "subscribe to the Harbour Times. Already a subscriber? Log in for immediate "
               "access to this story.</p><p>Subscribers also receive our weekly print edition "
               "and access to every article in our archive since 1952.</p>")


def test_a_paywall_stub_has_no_article(tmp_path: Path) -> None:
    with pytest.raises(CorpusdiffError, match="no article text in this file"):
        ingest([write(tmp_path / "stub.html", PAYWALL)])


def test_rules_the_page_structure_cannot_replace_still_run_on_the_article(
        tmp_path: Path) -> None:
    extra = ("YOU MAY ALSO LIKE: Ferry timetable changes for winter",
             "Sign up for our free daily newsletter to get the best stories in your inbox.",
             "2 cups flour, 1 cup sugar, 3 eggs")
    html = write(tmp_path / "library.html", page(article_body(*extra)))
    c = compare([html, *SEEDS[:1]])
    sents = sentences_of(c, "library")
    reasons = dict(sents.select("text", "reason").iter_rows())
    assert reasons[extra[0]] == "related-links promo"
    assert reasons[extra[1]] == "newsletter sign-up"
    # a comma list in a page's article is content (ingredients): the tag-list rule stays off
    assert reasons[extra[2]] is None
    for sentence in STORY:
        assert reasons[sentence] is None


def test_a_web_article_mostly_set_aside_is_reported(tmp_path: Path) -> None:
    promos = [f"Read more: {t}" for t in (
        "Harbour festival returns with a bigger programme of music and food this summer",
        "Lighthouse restoration finished two years ahead of schedule and under budget",
        "Sailing club celebrates its hundredth anniversary with a regatta in the bay",
        "Local bakery wins national award for its sourdough loaf and rye bread",
        "Tide tables for the coming month published with new online map")]
    html = write(tmp_path / "promo.html", page(article_body(*promos)))
    c = compare([html, *SEEDS[:1]])
    assert [w for w in c.warnings if "set aside as boilerplate" in w] == [
        f"{html}: {_share(c, 'promo'):.0%} of the article's text set aside as boilerplate "
        "(see it with --show-boilerplate)"]
    plain = write(tmp_path / "plain.html", page(article_body()))
    assert not [w for w in compare([plain, *SEEDS[:1]]).warnings if "set aside" in w]


def _share(c, ident: str) -> float:
    sents = sentences_of(c, ident).filter(pl.col("reason").fill_null("") != LAYOUT_REASON)
    n = sents["end"] - sents["start"]
    return n.filter(sents["kind"] == "boilerplate").sum() / n.sum()


_SEEDS_EXPORT = """
import json, sys
from corpusdiff.cli import main
code = main(["export", sys.argv[1], "--output", sys.argv[2]])
print(json.dumps({"code": code, "trafilatura": "trafilatura" in sys.modules,
                  "lxml": "lxml" in sys.modules}))
"""


def test_the_seeds_export_never_imports_trafilatura(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", _SEEDS_EXPORT, str(ROOT / "seeds"),
                          str(tmp_path / "r.md")], capture_output=True, text=True, check=True,
                         cwd=ROOT, timeout=120)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {
        "code": 0, "trafilatura": False, "lxml": False}


def test_every_dev_page_has_an_article() -> None:
    if not (DEV_HTML / "gold.json").is_file():
        pytest.skip(f"no html development set at {DEV_HTML}")
    pages = sorted(DEV_HTML.glob("*.htm*"))
    assert len(pages) >= 50
    for path in pages:
        art = read_article(path)
        assert art.format == "html" and art.title
        assert art.layout_start is None or 0 < art.layout_start <= len(art.text)


_PIECES = ["<p>", "</p>", "<article>", "</article>", "<script>", "</script>", "<h1>", "</h1>",
           "<title>", "</title>", "<a href=x>", "</a>", "<br>", "<!--", "-->", "&amp;", "&#",
           "<", ">", "\n", "<nav>", "</nav>", "<![CDATA[", "]]>", "<?xml encoding='latin-1'?>",
           "<meta charset=x>", "\x00", "\ufeff", "<html>", "<body>", "</body>"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=30), st.sampled_from(_PIECES)), max_size=40)
       .map("".join))
def test_any_markup_is_read_or_refused_in_one_line(source: str) -> None:
    try:
        page = read_webpage(source)
    except NoArticle as exc:
        assert str(exc).startswith("no article text in this file") and "\n" not in str(exc)
        return
    assert page.text and page.text == page.text.strip() and "\n\n" not in page.text
    assert page.layout_start is None or page.text[page.layout_start - 1] == "\n"

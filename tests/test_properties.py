"""Property-based tests (hypothesis): segmentation offsets, order-free and well-formed alignment,
exports that never raise and keep the JSON contract, Markdown escaping that round-trips; and
byte-identical exports across runs, hash seeds and input orders.

Each property runs a bounded number of examples (``max_examples`` below) so the module stays a
few seconds per test; the counts actually run are printed by the last test (``pytest -s``).
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from corpusdiff import cli
from corpusdiff.align import align
from corpusdiff.clean import mark_boilerplate
from corpusdiff.export.json import to_json
from corpusdiff.export.markdown import escape, to_markdown
from corpusdiff.ingest import SkipFile, decode
from corpusdiff.markup import html_to_text, markdown_to_text
from corpusdiff.model import ARTICLES, GROUP_KINDS, SENTENCE_KINDS, CorpusdiffError, Options
from corpusdiff.pipeline import compare
from corpusdiff.segment import segment, split_text

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
#: examples run per property (name -> count), printed at the end
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALIGN = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOWEST = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- text strategies -------------------------------------------------------------------------

PIECES = [
    "Mr.", "Mrs.", "Dr.", "U.S.", "L.A.", "Jan.", "No. 2", "$2.5 million", "3.14", "e.g.",
    "J. F. Kennedy", "a.m.", "etc.", "...", "…", "?!", "!", "?", ".", ",", ";", ":", "—", "-",
    "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "«", "»", "Go home.”", "“Stop!” she said.",
    "The mayor said.", "He left.", "she said", "THE END.", "Ελλάδα.", "Πού; ", "中文。", "北京！",
    "عربي؟", "مرحبا.", "🚧", "e\u0301", "\u200b", "ﬁ", "İ", "ß",
]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028", "\u3000", " \n ", "\x0b",
          "\x1c", "\x85"]
WORD = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=9)
TEXT = st.lists(st.one_of(WORD, WORD, st.sampled_from(PIECES), st.sampled_from(SPACES),
                          st.text(max_size=4)), max_size=60).map("".join)


# -- segmentation ----------------------------------------------------------------------------


@FAST
@given(TEXT)
def test_segment_offsets_rebuild_the_text(text: str) -> None:
    spans = split_text(text)
    previous_end, previous_paragraph = 0, 0
    for paragraph, start, end in spans:
        sentence = text[start:end]
        assert 0 <= previous_end <= start < end <= len(text)
        assert sentence == sentence.strip() and "\n" not in sentence
        # only whitespace between sentences (and before the first)
        assert text[previous_end:start].strip() == ""
        assert paragraph >= previous_paragraph
        previous_end, previous_paragraph = end, paragraph
    assert text[previous_end:].strip() == ""
    # nothing but whitespace is left out
    covered = "".join(text[s:e] for _, s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


@SLOW
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_segment_table_matches_the_offsets(texts: list[str]) -> None:
    ids = [f"a{i}" for i in range(len(texts))]
    sentences = segment(_articles(dict(zip(ids, texts, strict=True))))
    for ident, text in zip(ids, texts, strict=True):
        rows = sentences.filter(pl.col("article") == ident)
        assert rows["index"].to_list() == list(range(rows.height))
        assert rows["text"].to_list() == [text[s:e] for s, e in
                                          rows.select("start", "end").iter_rows()]
        assert set(rows["kind"]) <= set(SENTENCE_KINDS)


# -- alignment -------------------------------------------------------------------------------

#: statements of one story, each as two wordings
POOL = [
    ("The Harbor Bridge will close for six weeks starting Monday, the city said.",
     "Officials said the Harbor Bridge will shut for six weeks from Monday."),
    ("Crews will replace the deck joints that failed an inspection in May.",
     "Deck joints that failed a May inspection will be replaced by crews."),
    ("Ferry service will double during the closure.",
     "The ferry will run twice as often while the bridge is closed."),
    ("Buses will run every ten minutes on the detour route.",
     "Detour buses are scheduled every 10 minutes."),
    ("Mayor Lena Ortiz called the repairs overdue.",
     "The repairs are overdue, Mayor Lena Ortiz said."),
    ("Shop owners on the east side fear losing customers.",
     "East side merchants worry that customers will stay away."),
    ("The council approved $4.2 million for the work in a 5-2 vote.",
     "A 5-2 council vote approved $4.2 million for the project."),
    ("The bridge carries about 40,000 vehicles a day.",
     "Roughly 40,000 cars cross the bridge daily."),
    ("A second inspection is planned for August.",
     "Inspectors will return in August for a second look."),
    ("Councilmember Raymond Tully voted against the plan.",
     "Raymond Tully, a councilmember, opposed the plan."),
    ("Schools will adjust bus schedules during the closure.",
     "School bus schedules will change while the bridge is shut."),
    ("“We know this is hard,” Ortiz said.", "“We know this is hard for everyone,” the mayor said."),
]
HEADLINES = ["Harbor Bridge to close for repairs", "City shuts Harbor Bridge for six weeks",
             "Six-week bridge closure begins Monday"]


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, str]:
    """2-5 articles on one story: sampled statements, reordered and reworded, some merged into
    one paragraph; sometimes an exact copy of another article."""
    n = draw(st.integers(2, 5))
    texts: dict[str, str] = {}
    for i in range(n):
        if texts and draw(st.integers(0, 9)) == 0:
            texts[f"art{i}"] = next(iter(texts.values()))
            continue
        picks = draw(st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=8,
                              unique=True))
        lines = [draw(st.sampled_from(HEADLINES))]
        for p in picks:
            lines.append(POOL[p][draw(st.integers(0, 1))])
        sep = draw(st.sampled_from(["\n", "\n", " "]))
        texts[f"art{i}"] = lines[0] + "\n" + sep.join(lines[1:]) + "\n"
    return texts


def _articles(texts: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        {"id": list(texts), "path": [f"{i}.txt" for i in texts], "label": list(texts),
         "title": ["" for _ in texts], "text": list(texts.values()),
         "encoding": ["utf-8" for _ in texts], "format": ["txt" for _ in texts],
         **{col: [None for _ in texts] for col in ("site", "author", "date", "layout_start")}},
        schema=ARTICLES)


def _aligned(texts: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    articles = _articles(texts)
    sentences = mark_boilerplate(segment(articles), articles)
    return align(sentences, Options())


def _group_sets(members: pl.DataFrame, rename: dict[str, str] | None = None,
                ) -> set[frozenset[tuple[str, int]]]:
    rename = rename or {}
    groups: dict[int, set[tuple[str, int]]] = {}
    for g, a, i in members.select("group", "article", "index").iter_rows():
        groups.setdefault(g, set()).add((rename.get(a, a), i))
    return {frozenset(m) for m in groups.values()}


@ALIGN
@given(corpora(), st.randoms(use_true_random=False))
def test_alignment_does_not_depend_on_article_order(texts: dict[str, str], rnd) -> None:
    _, _, members = _aligned(texts)
    expected = _group_sets(members)
    # the same articles in another row order
    keys = list(texts)
    rnd.shuffle(keys)
    assert _group_sets(_aligned({k: texts[k] for k in keys})[2]) == expected
    # the same articles under names that sort in another order
    names = [f"n{j}" for j in range(len(keys))]
    rnd.shuffle(names)
    renamed = dict(zip(keys, names, strict=True))
    back = {v: k for k, v in renamed.items()}
    got = _aligned({renamed[k]: texts[k] for k in keys})[2]
    assert _group_sets(got, back) == expected


@SLOW
@given(corpora(), st.booleans())
def test_groups_are_well_formed(texts: dict[str, str], keep_boilerplate: bool) -> None:
    articles = _articles(texts)
    sentences = segment(articles)
    if not keep_boilerplate:
        sentences = mark_boilerplate(sentences, articles)
    sentences, groups, members = align(sentences, Options(boilerplate=not keep_boilerplate))
    # a sentence is in at most one group
    assert members.select("article", "index").is_unique().all()
    # every group has members from two or more articles, and its counts say so
    per_group = members.group_by("group").agg(
        n_articles=pl.col("article").n_unique(), n_members=pl.len())
    checked = groups.join(per_group, left_on="id", right_on="group", how="left")
    assert checked.height == groups.height and groups.height == per_group.height
    assert (checked["n_articles_right"] >= 2).all()
    assert (checked["n_articles"] == checked["n_articles_right"]).all()
    assert (checked["n_members"] == checked["n_members_right"]).all()
    assert set(groups["kind"]) <= set(GROUP_KINDS)
    assert groups["id"].is_unique().all()
    assert ((members["score"] >= 0) & (members["score"] <= 1.0 + 1e-9)).all()
    # the sentences table says the same as the members table
    joined = sentences.join(members, on=["article", "index"], how="left")
    assert (joined["group"].fill_null(-1) == joined["group_right"].fill_null(-1)).all()
    if not keep_boilerplate:
        assert joined.filter(pl.col("kind") == "boilerplate")["group"].null_count() == \
            joined.filter(pl.col("kind") == "boilerplate").height


# -- export ----------------------------------------------------------------------------------

HOSTILE_PIECES = [
    "[bold]", "[/bold]", "[link=http://x]", "\x1b[31m", "\x1b[0m", "\x1b]8;;http://e\x07",
    "\x00", "\x07", "\x7f", "\x9b", "# ", "## ", "| ", "|", "*", "**", "_", "`", "```", "<b>",
    "</b>", "<script>", "&amp;", "&#x26;", "[x](http://y)", "![i](j)", "> ", "1. ", "- ", "---",
    "\\", "~~", "$", "{", "}", "\u202e", "\ufeff", "<!--", "-->", "\r", "\r\n",
]
ARTICLE_TEXT = st.lists(
    st.one_of(st.sampled_from([s for pair in POOL for s in pair]), st.sampled_from(HEADLINES),
              st.sampled_from(HOSTILE_PIECES), WORD, st.sampled_from(SPACES)),
    min_size=1, max_size=25,
).map(lambda parts: "Harbor Bridge story " + "".join(parts))

CONTRACT = {
    "articles": {"id", "path", "label", "title"},
    "sentences": {"article", "index", "text", "kind", "start", "end", "group"},
    "groups": {"id", "kind", "members"},
}


@SLOWEST
@given(st.lists(ARTICLE_TEXT, min_size=2, max_size=3))
def test_export_never_raises_and_keeps_the_contract(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, text in enumerate(texts):
            path = Path(folder) / f"art{i}.txt"
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        try:
            comparison = compare(paths)
        except CorpusdiffError as exc:
            # only a text that is mostly control characters may be refused, as binary
            assert "binary file" in str(exc)
            assume(False)
        doc = json.loads(to_json(comparison))
        report = to_markdown(comparison, show_boilerplate=True)
    assert doc["schema"] == "corpusdiff/1"
    for key, fields in CONTRACT.items():
        assert all(fields <= set(row) for row in doc[key]), key
    assert all({"article", "index", "score"} <= set(m) for g in doc["groups"]
               for m in g["members"])
    assert all({"article", "sentence", "text", "speaker"} <= set(q) for q in doc["quotes"])
    text_of = dict(zip(comparison.articles["id"], comparison.articles["text"], strict=True))
    assert all(text_of[s["article"]][s["start"]:s["end"]] == s["text"]
               for s in doc["sentences"])
    assert len(doc["articles"]) == len(texts)
    # the report has no raw control character and no article-made heading
    assert not [c for c in report if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0]
    assert not re.search(r"^#+ .*Harbor Bridge story", report, re.M)


# -- Markdown escaping -----------------------------------------------------------------------

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
#: article text without control characters (those are shown as symbols, checked below)
PRINTABLE = st.lists(
    st.one_of(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=3),
              st.sampled_from([*"\\`*_{}[]()#+-.!|<>&~$^:\"'= /@1",
                               "&amp;", "&#1;", "&lt;", "  ", "www.x.com", "http://x.y/a?b=1&c",
                               "<http://x>", "<b>", "<!--", "1. ", "- ", "# ", "***", "```",
                               "[a](b)", "![a](b)", "\\*", "__", "~~x~~", "| --- |"])),
    max_size=20).map("".join)


def _rendered_inline(text: str) -> str:
    out = _MD.render(f"x {escape(text)} x")
    assert out.startswith("<p>x ") and out.endswith(" x</p>\n"), out
    inner = out[len("<p>x "):-len(" x</p>\n")]
    assert "<" not in inner, inner  # no tag: every < is &lt;
    return html.unescape(inner)


def _rendered_cell(text: str) -> str:
    out = _MD.render(f"| h |\n|---|\n| x {escape(text)} x |\n")
    cell = re.search(r"<tbody>\n<tr>\n<td>x (.*) x</td>\n</tr>\n</tbody>", out, re.S)
    assert cell, out
    assert "<" not in cell.group(1), out
    return html.unescape(cell.group(1))


@FAST
@given(PRINTABLE)
def test_markdown_escape_renders_as_the_original_characters(text: str) -> None:
    assert _rendered_inline(text) == text
    assert _rendered_cell(text) == text


@FAST
@given(st.text(max_size=30))
def test_markdown_escape_never_lets_a_control_character_or_line_break_through(text: str) -> None:
    out = escape(text)
    assert not [c for c in out if ord(c) < 32 or 0x7F <= ord(c) < 0xA0]
    # one paragraph, whatever the text: no block structure comes from an article
    tokens = _MD.parse(f"x {out} x")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]


# -- readers are total -----------------------------------------------------------------------


@FAST
@given(st.binary(max_size=300))
def test_decode_reads_or_refuses_any_bytes(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except SkipFile as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert text.strip() and encoding
    if encoding == "utf-8":
        assert text == data.decode("utf-8")


@FAST
@given(st.lists(st.one_of(st.text(max_size=6), st.sampled_from(
    ["<p>", "</p>", "<article>", "</article>", "<script>", "</script>", "<h1>", "</h1>", "<title>",
     "</title>", "<br>", "<pre>", "</pre>", "<!--", "-->", "&amp;", "&#", "<", ">", "\n", "`",
     "```\n", "*", "_", "[", "](", ")", "# ", "> ", "- ", "===\n", "\\", "<nav>", "</header>",
     "<![", "<![CDATA[", "]]>", "<!", "<?", "<a b=\"", "\"", "'", "<style>", "</style>", "-->"])),
    max_size=40).map("".join))
@example("0```\n```\n```\n```")  # inline code around an empty fence's placeholder
def test_html_and_markdown_readers_never_raise(source: str) -> None:
    for reader in (html_to_text, markdown_to_text):
        text, title = reader(source)
        if "\ue000" not in source and "&#" not in source:  # no internal placeholder leaks
            assert "\ue000" not in text and "\ue001" not in text
        assert "\n\n" not in text and "\n" not in title
        assert text == text.strip()


# -- determinism -----------------------------------------------------------------------------


def test_exports_are_byte_identical_across_runs_hash_seeds_and_input_order(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [str(ROOT / "seeds"), str(HOSTILE)]
    outputs: dict[str, set[bytes]] = {"json": set(), "markdown": set()}
    for order in (inputs, inputs[::-1]):
        for fmt in outputs:
            assert cli.main(["export", *order, "--format", fmt]) == 0
            outputs[fmt].add(capsys.readouterr().out.encode("utf-8"))
    script = ("import sys; from corpusdiff import cli; "
              "sys.exit(cli.main(['export', *sys.argv[3:], '-f', sys.argv[1], '-o', sys.argv[2]])"
              " or 0)")
    for seed in ("0", "4242"):
        for fmt in outputs:
            target = tmp_path / f"{seed}.{fmt}"
            env = {**os.environ, "PYTHONHASHSEED": seed}
            subprocess.run([sys.executable, "-c", script, fmt, str(target), *inputs[::-1]],
                           env=env, check=True, timeout=120, capture_output=True)
            outputs[fmt].add(target.read_bytes())
    assert len(outputs["json"]) == 1 and len(outputs["markdown"]) == 1


#: found by hypothesis: one sentence two outlets print word for word ("Schools will adjust
#: bus schedules during the closure."), a third outlet's sentence close to it in meaning
SHARED_SENTENCE = {
    "art0": "Harbor Bridge to close for repairs\nThe Harbor Bridge will close for six weeks "
            "starting Monday, the city said.\n",
    "art1": "Harbor Bridge to close for repairs\nThe Harbor Bridge will close for six weeks "
            "starting Monday, the city said.\nMayor Lena Ortiz called the repairs overdue.\n"
            "The council approved $4.2 million for the work in a 5-2 vote.\nCrews will replace "
            "the deck joints that failed an inspection in May.\nSchools will adjust bus "
            "schedules during the closure.\nFerry service will double during the closure.\n",
    "art2": "Harbor Bridge to close for repairs\nOfficials said the Harbor Bridge will shut for "
            "six weeks from Monday.\nDeck joints that failed a May inspection will be replaced "
            "by crews.\nDetour buses are scheduled every 10 minutes.\nFerry service will double "
            "during the closure.\nMayor Lena Ortiz called the repairs overdue.\nShop owners on "
            "the east side fear losing customers.\nA 5-2 council vote approved $4.2 million for "
            "the project.\nA second inspection is planned for August.\n",
    "art3": "Harbor Bridge to close for repairs\nThe Harbor Bridge will close for six weeks "
            "starting Monday, the city said.\nCrews will replace the deck joints that failed an "
            "inspection in May.\nFerry service will double during the closure.\nMayor Lena Ortiz "
            "called the repairs overdue.\nSchools will adjust bus schedules during the "
            "closure.\n",
}


def test_renaming_articles_with_a_shared_sentence_keeps_the_groups() -> None:
    keys = list(SHARED_SENTENCE)
    expected = _group_sets(_aligned(SHARED_SENTENCE)[2])
    renamed = {k: f"n{j}" for k, j in zip(keys, (1, 0, 2, 3), strict=True)}
    back = {v: k for k, v in renamed.items()}
    got = _aligned({renamed[k]: SHARED_SENTENCE[k] for k in keys})[2]
    assert _group_sets(got, back) == expected

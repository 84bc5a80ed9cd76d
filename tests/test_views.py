"""The display-ready views: row layout by reference, filters, differences, search, diffs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff import views
from corpusdiff.diff import changed_spans, marked
from corpusdiff.display import hunk, outlet_codes, short_label, step
from corpusdiff.model import ARTICLES, GROUPS, MEMBERS, SENTENCES, Comparison, Options
from corpusdiff.pipeline import analyze, compare
from corpusdiff.text import printable

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _comparison(texts: dict[str, list[str]], groups: list[dict[str, int]],
                kinds: list[str] | None = None, boilerplate: set[tuple[str, int]] = frozenset(),
                reference: str | None = None) -> Comparison:
    """A comparison built by hand: ``texts`` per article, ``groups`` as {article: index}."""
    group_of = {(a, i): g for g, members in enumerate(groups) for a, i in members.items()}
    # one sentence a paragraph: the article text is the sentences joined by blank lines
    starts = {(a, i): sum(len(x) + 2 for x in sentences[:i])
              for a, sentences in texts.items() for i in range(len(sentences))}
    rows = [
        {"article": a, "index": i, "paragraph": i, "start": starts[(a, i)],
         "end": starts[(a, i)] + len(t), "text": t,
         "kind": "boilerplate" if (a, i) in boilerplate else "body",
         "reason": "byline" if (a, i) in boilerplate else None, "group": group_of.get((a, i))}
        for a, sentences in texts.items() for i, t in enumerate(sentences)
    ]
    kinds = kinds or ["reworded"] * len(groups)
    return analyze(
        articles=pl.DataFrame([{"id": a, "path": f"{a}.txt", "label": a.upper(), "title": a,
                                "text": "\n\n".join(s), "encoding": "utf-8", "format": "txt"}
                               for a, s in texts.items()], schema=ARTICLES),
        sentences=pl.DataFrame(rows, schema=SENTENCES),
        groups=pl.DataFrame([{"id": g, "kind": kinds[g], "n_articles": len(m),
                              "n_members": len(m), "score": 0.8}
                             for g, m in enumerate(groups)], schema=GROUPS),
        members=pl.DataFrame([{"group": g, "article": a, "index": i, "score": 0.8}
                              for g, m in enumerate(groups) for a, i in m.items()],
                             schema=MEMBERS),
        options=Options(reference=reference),
    )


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    return compare([str(SEEDS)])


@pytest.fixture
def small() -> Comparison:
    # a: the reference, four sentences; b: an intro of its own, then a's 1 and 3 in the other
    # order with an extra sentence after each; c: shares nothing with a but one sentence with b
    return _comparison(
        {"a": ["A0 headline", "A1 the vote", "A2 the mayor", "A3 the port"],
         "b": ["B0 intro", "B1 port again", "B2 after port", "B3 vote again", "B4 after vote",
               "B5 shared with c"],
         "c": ["C0 alone", "C1 shared with b"]},
        groups=[{"a": 1, "b": 3}, {"a": 3, "b": 1}, {"b": 5, "c": 1}],
        kinds=["identical", "reworded", "partial"],
    )


def _order(lay: views.Layout) -> list[str]:
    """Each row as 'g<id>' or the text of its single sentence."""
    first = lay.cells.group_by("row", maintain_order=True).first().sort("row")
    out = []
    for (_row, group), text in zip(lay.rows.select("row", "group").iter_rows(),
                                  first["text"], strict=True):
        out.append(f"g{group}" if group is not None else text)
    return out


def test_rows_follow_the_reference_and_place_other_sentences_next_to_their_context(
        small: Comparison) -> None:
    lay = views.layout(small)
    assert lay.reference == "a"
    assert _order(lay) == [
        "A0 headline",
        "g0", "B4 after vote", "g2",  # b's vote, what follows it in b, and b/c's shared one
        "A2 the mayor",
        "B0 intro",  # before b's first sentence the reference also has: just before that one
        "g1", "B2 after port",
        "C0 alone",  # c shares nothing with a: at the end
    ]


def test_another_reference_reorders_the_rows(small: Comparison) -> None:
    lay = views.layout(small, reference="b")
    assert lay.ids[0] == "b"
    order = _order(lay)
    assert order == ["B0 intro", "g1", "B2 after port", "A0 headline", "g0", "A2 the mayor",
                     "B4 after vote", "C0 alone", "g2"]


def test_every_sentence_is_in_exactly_one_row_and_groups_are_one_row_each(
        seeds: Comparison) -> None:
    lay = views.layout(seeds)
    assert lay.cells.height == seeds.sentences.height
    assert lay.cells.select("article", "index").is_duplicated().sum() == 0
    grouped = lay.rows.filter(pl.col("group").is_not_null())
    assert sorted(grouped["group"].to_list()) == sorted(seeds.groups["id"].to_list())
    ref_rows = lay.cells.filter(pl.col("article") == lay.reference).sort("index")["row"]
    assert ref_rows.is_sorted()  # the reference is read in its own order


def test_filters_select_kinds_outlets_differences_quotes_and_boilerplate() -> None:
    cmp = _comparison(
        {"a": ["By Jo Smith", "Same words.", "“Go home,” she said.", "Only a."],
         "b": ["Same words.", "“Go home,” the mayor said.", "Only b."],
         "c": ["Same words.", "Only c."]},
        groups=[{"a": 1, "b": 0, "c": 0}, {"a": 2, "b": 1}],
        kinds=["identical", "reworded"], boilerplate={("a", 0)})
    lay = views.layout(cmp)
    rows = views.visible_rows(lay, views.RowFilter(), views.quote_sentences(cmp))
    assert rows["kind"].to_list().count("boilerplate") == 0
    assert rows.height == 5  # two groups, three single sentences
    shown = views.visible_rows(lay, views.RowFilter(show_boilerplate=True))
    assert shown.height == 6
    diffs = rows.filter(pl.col("is_difference"))
    assert "identical" not in diffs["kind"].to_list()
    only_ab = views.visible_rows(lay, views.RowFilter(outlets=frozenset({"a", "b"})))
    assert only_ab.filter(pl.col("kind") == "unique").height == 2  # c's sentence is gone
    kinds = views.visible_rows(lay, views.RowFilter(kinds=frozenset({"reworded"})))
    assert kinds["kind"].to_list() == ["reworded"]
    quotes = views.visible_rows(lay, views.RowFilter(only_quotes=True),
                                views.quote_sentences(cmp))
    assert quotes["group"].to_list() == [1]
    # an identical group carried by every shown outlet is no difference; missing one, it is
    identical = rows.filter(pl.col("kind") == "identical")
    assert not identical["is_difference"].item()
    with_d = dataclasses.replace(cmp, articles=pl.concat([cmp.articles, cmp.articles.head(1)
                                                          .with_columns(id=pl.lit("d"))]))
    rows_d = views.visible_rows(views.layout(with_d), views.RowFilter())
    assert rows_d.filter(pl.col("kind") == "identical")["is_difference"].item()


def test_quote_sentences_are_the_sentences_of_the_quotes_table() -> None:
    cmp = _comparison({"a": ["No quote here.", "“We will rebuild the bridge,” the mayor said."],
                       "b": ["Plain words only."]}, [])
    assert views.quote_sentences(cmp).rows() == [("a", 1)]


def test_step_moves_between_positions() -> None:
    diffs = [2, 5, 9]
    assert step(diffs, 0) == 2 and step(diffs, 5) == 9
    assert step(diffs, 9) is None and step(diffs, 9, forward=False) == 5
    assert step(diffs, 2, forward=False) is None


def test_a_run_of_one_outlets_sentences_is_one_difference() -> None:
    cmp = _comparison(
        {"a": ["Same.", "A extra one.", "A extra two.", "Close.", "Then A."],
         "b": ["Same.", "Close!", "B extra."]},
        groups=[{"a": 0, "b": 0}, {"a": 3, "b": 1}], kinds=["identical", "reworded"])
    rows = views.visible_rows(views.layout(cmp))
    kinds = rows["kind"].to_list()
    assert kinds == ["identical", "unique", "unique", "reworded", "unique", "unique"]
    starts = views.differences(rows)
    # a's two extra sentences are one difference; the reworded row one; then a's and b's
    # sentences after it are two (different outlets)
    assert starts == [1, 3, 4, 5]
    flags = rows["is_difference"].to_list()
    assert [hunk(starts, flags, i) for i in range(6)] == [None, 1, 1, 2, 3, 4]


def test_search_is_literal_case_insensitive_and_gives_offsets(seeds: Comparison) -> None:
    lay = views.layout(seeds)
    hits = views.search(lay, "(DOJ)")
    assert hits.height >= 1  # parentheses are text, not a regex group
    text_of = {(a, i): t for _, a, i, t, *_ in lay.cells.iter_rows()}
    for _, a, i, s, e in views.search(lay, "bass").iter_rows():
        assert text_of[(a, i)][s:e].lower() == "bass"
    some = lay.ids[1:2]
    assert set(views.search(lay, "bass", outlets=some)["article"]) <= set(some)
    assert views.search(lay, "").is_empty()


def test_printable_shows_control_characters_one_for_one() -> None:
    raw = "a\x1b[31mb\x07c\td\x00e\u202ef\x9bg"
    shown = printable(raw)
    assert shown == "a␛[31mb␇c d␀e�f�g"
    assert len(shown) == len(raw)
    assert printable("[bold]x[/bold]") == "[bold]x[/bold]"


def test_marked_keeps_the_other_text_and_strikes_the_base_words_it_lacks() -> None:
    base = "The mayor said he would go home."
    other = "The mayor said she will go home today."
    parts = marked(base, other)
    assert "".join(t for t, tag in parts if tag != "delete") == other
    assert [t for t, tag in parts if tag == "insert"] == ["she will", "today"]
    assert "he would" in [t for t, tag in parts if tag == "delete"]
    removed, added = changed_spans(base, other)
    assert [base[s:e] for s, e in removed] == ["he would"]
    assert [other[s:e] for s, e in added] == ["she will", "today"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab c.,“”[]\x1b")), max_size=30),
       st.text(alphabet=st.sampled_from(list("ab c.,“”[]\x1b")), max_size=30))
def test_marked_round_trips_any_pair(base: str, other: str) -> None:
    parts = marked(base, other)
    assert "".join(t for t, tag in parts if tag != "delete") == other


def test_coverage_view_lists_groups_in_the_reports_order(small: Comparison) -> None:
    lay = views.layout(small)
    cov = views.coverage_view(small, lay)
    group_rows = lay.rows.filter(pl.col("group").is_not_null())["group"].to_list()
    assert cov["group"].to_list() == sorted(group_rows)
    assert cov.columns[4:] == list(lay.ids)
    row = cov.filter(pl.col("group") == 2).row(0, named=True)
    assert (row["a"], row["b"], row["c"]) == ("absent", "partial", "partial")
    assert row["statement"] == "B5 shared with c"


def test_articles_view_puts_the_reference_first_and_keeps_its_letter(
        seeds: Comparison) -> None:
    ref = seeds.articles["id"][2]
    arts = views.articles_view(seeds, ref)
    # the reference comes first but keeps its letter: letters follow the articles' order
    assert arts["id"][0] == ref and arts["code"].to_list() == ["C", "A", "B", "D", "E"]
    assert views.layout(seeds, ref).codes == views.layout(seeds).codes == seeds.codes
    assert (arts["shared"] + arts["unique"] + arts["boilerplate"]
            == arts["sentences"]).all()


def test_rows_about_and_group_members(small: Comparison) -> None:
    members = views.group_members(small, 0)
    assert members.select("article", "index").rows() == [("a", 1), ("b", 3)]
    facts = pl.DataFrame({"article": ["a", "b"], "sentence": [1, 0], "value": ["7", "x"]})
    found = views.rows_about(facts, members.select("article", "index"))
    assert found.rows() == [("a", 1, "7")]
    assert views.row_of_group(views.layout(small), 1) is not None
    assert views.row_of_sentence(views.layout(small), "c", 0) is not None


def test_outlet_codes_go_on_past_z() -> None:
    codes = outlet_codes(60)
    assert codes[:3] == ["A", "B", "C"] and codes[25:28] == ["Z", "AA", "AB"]
    assert len(set(codes)) == 60


def test_short_labels_keep_the_stem_and_cut_folders_in_the_middle() -> None:
    ids = ["87609973-bd58-42a5-96e2-ee5aa47433f5/fox", "87609973-bd58-42a5-96e2-ee5aa47433f6/fox",
           "0ffb34cd-c367-4d90-aca7-7fcac3ed8f3d/fox"]
    for width in (10, 14, 20):
        cut = [short_label(i, width) for i in ids]
        assert all(len(c) <= width and c.endswith("/fox") and "…" in c for c in cut)
        assert len(set(cut)) == 3, cut  # the start and the end of the folder both show
    assert short_label(ids[0], 60) == ids[0]
    assert short_label("Resist the Mainstream", 10) == "Resist th…"


def test_a_statement_omission_comes_with_the_outlets_closest_sentence() -> None:
    from corpusdiff.analyze.nearest import CLOSEST_SHOWN
    from corpusdiff.export.markdown import to_markdown

    cmp = compare(sorted((Path(__file__).parent / "data" / "invented").glob("*.txt")))
    shown = views.with_closest(cmp.omissions, cmp.sentences)
    assert shown.height == cmp.omissions.height
    texts = {(a, i): t for a, i, t in cmp.sentences.select("article", "index", "text").rows()}
    near = shown.filter(pl.col("nearest_score") >= CLOSEST_SHOWN)
    weak = shown.filter(pl.col("nearest_score").fill_null(0) < CLOSEST_SHOWN)
    assert near.height and weak.height  # the invented corpus has both
    for r in near.iter_rows(named=True):
        assert r["closest_text"] == texts[(r["article"], r["nearest_index"])]
    assert weak["closest_text"].is_null().all()
    # the report prints it under the claim
    report = to_markdown(cmp)
    r = near.row(0, named=True)
    assert (f"  - closest here, sentence {r['nearest_index']} (score "
            f"{r['nearest_score']:.2f}): ") in report

"""Comparison -> a Markdown report that renders well on GitHub.

Sections: the articles, a coverage table (which outlets carry each group), one section per
group with each outlet's wording and its word-level differences from the first outlet's, then
what only one outlet reports. Article text is always escaped: no article can add a heading, a
table cell, a link, HTML or a terminal escape to the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from corpusdiff.analyze.coverage import article_stats, coverage
from corpusdiff.diff import marked as word_marks
from corpusdiff.display import CARRY_GLYPHS
from corpusdiff.model import FRAMING_LOADED_KINDS, FRAMING_SOURCING, Comparison
from corpusdiff.text import escaped, picture
from corpusdiff.views import display_rank, with_closest


def _escape_table() -> dict[int, str]:
    table = {ord(c): "\\" + c for c in "\\`*_{}[]|~#+!$"}
    table.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"})
    # unsafe characters become visible: C0 controls as pictures (ESC -> ␛), line breaks as
    # spaces; C1 controls and bidi controls (which would reorder the rendered line) by code
    for code in (*range(0x20), *range(0x7F, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F),
                 *range(0x2066, 0x206A)):
        shown = picture(chr(code))
        table[code] = shown if shown != "�" else "\\" + escaped(chr(code))
    return table


_ESCAPES = _escape_table()
#: any character :data:`_ESCAPES` changes: most text has few, and a regex finds them faster
#: than ``str.translate`` walks every character through a dict
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(sorted(map(chr, _ESCAPES)))) + "]")


def _escaped_char(match: re.Match[str]) -> str:
    return _ESCAPES[ord(match.group())]


def escape(text: str) -> str:
    """Article text -> Markdown that renders as exactly these characters, on one line.

    Markdown punctuation is backslash-escaped, ``&``, ``<`` and ``>`` become entities (so no
    HTML or entity survives), control characters become visible symbols (ESC -> ␛), and line
    breaks become spaces.
    """
    out = _NEEDS_ESCAPE.sub(_escaped_char, text)
    if out[:1].isdigit():  # "1. " at the start of a line would become a list item
        out = re.sub(r"^(\d+)([.)])", r"\1\\\2", out)
    return out


def marked(base: str, other: str, quoted: bool = False) -> str:
    """``other`` escaped, with the words it adds over ``base`` in ``<ins>`` and the words of
    ``base`` it lacks in ``<del>`` where they would stand (HTML tags render on GitHub whatever
    punctuation surrounds them, unlike ``**`` and ``~~``). ``quoted``: ``other`` is a
    quotation, shown as its outlet words it (its own words marked, nothing struck)."""
    out = []
    for fragment, mark in word_marks(base, other, quoted):
        if mark == "equal" or fragment.isspace():
            out.append(escape(fragment))
        else:
            tag = "ins" if mark == "insert" else "del"
            out.append(f"<{tag}>{escape(fragment)}</{tag}>")
    return "".join(out)


#: up to this many outlets, the coverage table has a column per outlet
MATRIX_OUTLETS = 12


def _code_list(ids: list[str], codes: dict[str, str], limit: int = MATRIX_OUTLETS) -> str:
    """Outlet codes, the first ``limit`` of them and a count of the rest."""
    shown = ", ".join(codes[i] for i in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _cell(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return escape(text)


def _quotes_section(add: Callable[[str], None], quotes: pl.DataFrame, codes: dict[str, str],
                    ids: list[str]) -> None:
    """Who is quoted saying what, in which outlets, and how each outlet words it."""
    add("## Quotes")
    add("")
    said = quotes.filter((pl.col("kind") == "quote") & pl.col("quote_group").is_not_null())
    if said.is_empty():
        add("No direct quotations found.")
        add("")
        return
    add("Each statement once, with the outlets that quote it and how: verbatim, trimmed (a part "
        "of another outlet's words), reworded, misattributed (same words, another speaker) or "
        "exclusive (one outlet only).")
    add("")
    rows = said.with_columns(
        _o=display_rank(ids),
        speaker=pl.col("speaker").fill_null("Unattributed"),
    ).sort("quote_group", "_o", "start")
    # a statement's speaker: the one most of its outlets name (ties: alphabetical)
    speaker_of = (
        rows.group_by("quote_group", "speaker").len()
        .sort(["quote_group", "len", "speaker"], descending=[False, True, False])
        .group_by("quote_group", maintain_order=True).first()
        .select("quote_group", statement_speaker="speaker")
    )
    rows = rows.join(speaker_of, on="quote_group")
    speakers = (
        rows.group_by("statement_speaker").agg(n=pl.col("quote_group").n_unique())
        .with_columns(_u=pl.col("statement_speaker") == "Unattributed")
        .sort(["_u", "n", "statement_speaker"], descending=[False, True, False])
    )
    # one entry per statement and outlet: its quoted parts in order, and how it quotes them
    # (computed for every statement at once: a big corpus has thousands)
    per_outlet = (
        rows.unique(subset=["quote_group", "article", "text"], keep="first", maintain_order=True)
        .group_by("quote_group", "article", maintain_order=True)
        .agg(pl.col("text").str.join(" … "), pl.col("variant").unique(maintain_order=True),
             pl.col("speaker").first())
    )
    per_group: dict[int, list[tuple[str, str, list[str], str]]] = {}
    for g, a, t, v, sp in per_outlet.select("quote_group", "article", "text", "variant",
                                            "speaker").iter_rows():
        per_group.setdefault(g, []).append((a, t, v, sp))
    groups_of: dict[str, list[int]] = {}
    for g, sp in rows.select("quote_group", "statement_speaker").unique(
            maintain_order=True).iter_rows():
        groups_of.setdefault(sp, []).append(g)
    for speaker in speakers["statement_speaker"]:
        add(f"### {escape(speaker)}")
        add("")
        add("| # | Quote | Outlets |")
        add("|---|---|---|")
        diffs: list[str] = []
        for group in groups_of[speaker]:
            per = per_group[group]
            base = per[0][1]
            how = ", ".join(
                f"{codes[a]} {'/'.join(v)}"
                + (f" (as {escape(sp)})" if "misattributed" in v else "")
                for a, _, v, sp in per)
            add(f"| {group} | “{_cell(base, 200)}” | {how} |")
            for a, text, variants, _ in per[1:]:
                if "reworded" in variants:
                    diffs.append(f"- {group}, as **{codes[a]}** words it: "
                                 f"“{marked(base, text, quoted=True)}”")
        add("")
        for line in diffs:
            add(line)
        if diffs:
            add("")


def _by_article(frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """``frame``'s rows per article, in their order (one pass instead of a filter per outlet)."""
    return {key[0]: part for key, part in
            frame.partition_by("article", maintain_order=True, as_dict=True).items()}


#: under a flagged statement, how this many other outlets tell it (then their codes)
FRAMING_TELLERS = 3


def _framed(text: str, spans: list[tuple[int, int]], room: int = 90) -> str:
    """``text`` escaped with the ``spans`` (sentence offsets) in bold, cut to ``room``
    characters around them when it is long."""
    lo = max(0, spans[0][0] - room)
    hi = min(len(text), spans[-1][1] + room)
    out = ["…" if lo else ""]
    pos = lo
    for start, end in spans:
        out.append(escape(text[pos:start]) + f"**{escape(text[start:end])}**")
        pos = end
    out.append(escape(text[pos:hi]) + ("…" if hi < len(text) else ""))
    return "".join(out)


def _framing_section(add: Callable[[str], None], framing: pl.DataFrame,
                     comparison: Comparison, codes: dict[str, str], ids: list[str],
                     labels: dict[str, str]) -> None:
    """Per outlet its loaded words in context, the counts by kind, and how the outlets that
    carry the same statement word it."""
    add("## Framing")
    add("")
    if framing.is_empty():
        add("No loaded words found in the outlets' own voice.")
        add("")
        return
    add("Words in each outlet's own voice (outside quotations and boilerplate) that carry a "
        "judgement or a slant: connotated verbs (*verb*), hedges and distancing (*hedge*), "
        "evaluative words (*evaluative*) and loaded labels (*label*), in **bold**; and, counted "
        "apart, words of sourcing (*sourcing*: \"reportedly\", \"apparently\"), the outlet's "
        "distance from what it reports. Under a statement that other outlets share: their words "
        "in the same place, and how they tell it.")
    add("")
    counts = framing.group_by("article", "kind").len()
    count = {(a, k): n for a, k, n in counts.iter_rows()}
    add("| | Outlet | " + " | ".join(FRAMING_LOADED_KINDS) + f" | Loaded | {FRAMING_SOURCING} |")
    add("|---|---|" + "--:|" * (len(FRAMING_LOADED_KINDS) + 2))
    for ident in ids:
        row = [count.get((ident, k), 0) for k in FRAMING_LOADED_KINDS]
        sourcing = count.get((ident, FRAMING_SOURCING), 0)
        add(f"| {codes[ident]} | {_cell(labels[ident], 40)} | "
            + " | ".join(map(str, row)) + f" | {sum(row)} | {sourcing} |")
    add("")
    sents = comparison.sentences
    text_of = {(a, i): (t, s0) for a, i, t, s0 in sents.select("article", "index", "text",
                                                                 "start").iter_rows()}
    in_group: dict[int, list[tuple[str, int]]] = {}
    ordered = sents.filter(pl.col("group").is_not_null()).with_columns(_o=display_rank(ids))
    for g, a, i in ordered.sort("group", "_o", "index").select("group", "article",
                                                               "index").iter_rows():
        in_group.setdefault(g, []).append((a, i))
    framing_of = _by_article(framing)
    for ident in ids:
        mine = framing_of.get(ident, framing.clear()).sort("start")
        if mine.is_empty():
            continue
        add(f"### {codes[ident]}: {_cell(labels[ident], 60)}")
        add("")
        # the outlet's flags by sentence, in order (one pass over its rows, not a frame each)
        by_sentence: dict[int, list[tuple[int | None, int, int, str, str, list]]] = {}
        for row in mine.select("sentence", "group", "start", "end", "text", "kind",
                               "counterparts").iter_rows():
            by_sentence.setdefault(row[0], []).append(row[1:])
        for index, part in by_sentence.items():
            group = part[0][0]
            text, s0 = text_of[(ident, index)]
            spans = [(s - s0, e - s0) for _, s, e, *_ in part]
            kinds = "; ".join(f"{k}: {escape(t)}" for _, _, _, t, k, _ in part)
            where = f"sentence {index}" + (f", [group {group}](#group-{group})"
                                           if group is not None else "")
            add(f"- ({where}) {_framed(text, spans)} — *{kinds}*")
            for *_, t, _, others in part:
                if others:
                    said = ", ".join(f"**{codes[o['article']]}** “{escape(o['text'])}”"
                                     if o["text"] else f"**{codes[o['article']]}** leaves it out"
                                     for o in others)
                    add(f"  - in place of “{escape(t)}”: {said}")
            others = [(a, i) for a, i in in_group.get(group, []) if a != ident]
            for a, i in others[:FRAMING_TELLERS]:
                add(f"  - **{codes[a]}** tells it: {_cell(text_of[(a, i)][0], 200)}")
            if len(others) > FRAMING_TELLERS:
                rest = list(dict.fromkeys(a for a, _ in others[FRAMING_TELLERS:]))
                add(f"  - and {_code_list(rest, codes)}")
        add("")


def to_markdown(comparison: Comparison, show_boilerplate: bool = False) -> str:
    """The Markdown report; ``show_boilerplate`` appends the hidden boilerplate with reasons."""
    ids = comparison.article_ids
    codes = comparison.codes  # the articles' order, as in the terminal UI
    arts = comparison.articles.join(article_stats(comparison.sentences), on="id", how="left")
    arts = {r["id"]: r for r in arts.iter_rows(named=True)}
    sents = comparison.sentences
    text_of = {(a, i): t for a, i, t in sents.select("article", "index", "text").iter_rows()}
    lines: list[str] = []
    add = lines.append

    n_groups = comparison.groups.height
    add(f"# corpusdiff: {len(ids)} articles compared")
    add("")
    add(f"{sents.height} sentences; {n_groups} statements shared by two or more outlets; "
        f"{int(sents['kind'].eq('boilerplate').sum())} boilerplate sentences left out.")
    add("")
    add("## Articles")
    add("")
    add("| | Outlet | Title | Sentences | Shared | Only here | Boilerplate removed |")
    add("|---|---|---|--:|--:|--:|--:|")
    for ident in ids:
        r = arts[ident]
        star = " ★" if ident == comparison.options.reference else ""  # never re-lettered
        add(f"| {codes[ident]}{star} | {_cell(r['label'], 40)} | {_cell(r['title'], 80)} | "
            f"{r['sentences']} | {r['shared']} | {r['unique']} | {r['boilerplate']} |")
    add("")
    for w in comparison.warnings:
        add(f"> Warning: {escape(w)}")
    if comparison.warnings:
        add("")

    add("## Coverage")
    add("")
    add(f"Which outlets carry each shared statement: {CARRY_GLYPHS['identical']} same words, "
        f"{CARRY_GLYPHS['reworded']} reworded, {CARRY_GLYPHS['partial']} in part, "
        f"{CARRY_GLYPHS['absent']} absent.")
    add("")
    if n_groups:
        cov = coverage(comparison)
        first = (
            comparison.members.sort("group", "article", "index")
            .group_by("group", maintain_order=True).first()
        )
        first_text = {g: text_of[(a, i)] for g, a, i in first.select("group", "article", "index")
                      .iter_rows()}
        if len(ids) <= MATRIX_OUTLETS:
            add("| Group | Kind | " + " | ".join(codes[i] for i in ids) + " | Statement |")
            add("|---|---|" + "|".join(":-:" for _ in ids) + "|---|")
        else:  # a column per outlet stops being readable: list the carriers instead
            add("| Group | Kind | Outlets | Statement |")
            add("|---|---|---|---|")
        for row in cov.iter_rows(named=True):
            g = row["group"]
            if len(ids) <= MATRIX_OUTLETS:
                marks = " | ".join(CARRY_GLYPHS[row[i]] for i in ids)
            else:
                marks = _code_list([i for i in ids if row[i] != "absent"], codes)
            add(f"| [{g}](#group-{g}) | {row['kind']} | {marks} | {_cell(first_text[g], 70)} |")
    else:
        add("No statement is shared by two outlets.")
    add("")

    if n_groups:
        add("## Shared statements")
        add("")
        add("The first outlet's wording is the base; in the others, <ins>underlined</ins> words "
            "are their own and <del>struck</del> words are the base's that they lack.")
        add("")
        members = comparison.members.with_columns(_order=display_rank(ids)).sort(
            "group", "_order", "index")
        by_group: dict[int, list[tuple[str, int, float]]] = {}
        for g, a, i, s in members.select("group", "article", "index", "score").iter_rows():
            by_group.setdefault(g, []).append((a, i, s))
        for g, kind, n_art in comparison.groups.select("id", "kind", "n_articles").iter_rows():
            add(f"### Group {g}")
            add("")
            add(f"*{kind}, {n_art} outlets*")
            add("")
            rows = by_group[g]
            base_article = rows[0][0]
            base = " ".join(text_of[(a, i)] for a, i, _ in rows if a == base_article)
            for a, i, score in rows:
                text = text_of[(a, i)]
                body = escape(text) if a == base_article else marked(base, text)
                add(f"- **{codes[a]}** {_cell(arts[a]['label'], 40)} (sentence {i}, "
                    f"score {score:.2f}): {body}")
            add("")

    _quotes_section(add, comparison.quotes, codes, ids)
    paraphrases = comparison.paraphrases
    if not paraphrases.is_empty():
        add("### Quoted in one outlet, told without quote marks in another")
        add("")
        for r in paraphrases.iter_rows(named=True):
            speaker = escape(r["speaker"] or "someone")
            add(f"- **{codes[r['article']]}** quotes {speaker}: “{_cell(r['text'], 160)}”; "
                f"**{codes[r['other_article']]}** tells it: {_cell(r['other_text'], 160)}")
        add("")

    conflicts = comparison.conflicts
    add("## Conflicts")
    add("")
    if conflicts.is_empty():
        add("No aligned statements disagree on a day, number, amount, date, place or title.")
    else:
        add("Statements two outlets share (aligned, or told in the same words) that "
            "fill the same slot differently.")
        add("")
        add("| Where | What | Values | Sentences |")
        add("|---|---|---|---|")
        for r in conflicts.iter_rows(named=True):
            where = (f"[group {r['group']}](#group-{r['group']})"
                     if r["group"] is not None else "not aligned")
            if r["source"] == "close":
                where += ", told alike"
            values = (f"**{codes[r['article_a']]}**: {_cell(r['said_a'], 40)} · "
                      f"**{codes[r['article_b']]}**: {_cell(r['said_b'], 40)}")
            quoted = [
                f"**{codes[r[f'article_{x}']]}** ({r[f'sentence_{x}']}) "
                + _cell(text_of.get((r[f"article_{x}"], r[f"sentence_{x}"]), ""), 90)
                for x in ("a", "b")]
            add(f"| {where} | {escape(r['label'])} | {values} | {quoted[0]}<br>{quoted[1]} |")
    add("")

    add("## Only in one outlet")
    add("")
    unique = _by_article(sents.filter(pl.col("group").is_null()
                                      & (pl.col("kind") != "boilerplate")))
    exclusive = comparison.exclusive_facts
    exclusive_of = _by_article(exclusive)
    nearest_of = _by_article(comparison.unaligned_nearest)
    for ident in ids:
        rows = unique.get(ident, sents.clear())
        add(f"### {codes[ident]}: {_cell(arts[ident]['label'], 60)}")
        add("")
        if rows.is_empty() and arts[ident]["sentences"] == arts[ident]["boilerplate"]:
            add("Nothing: every sentence of this article is boilerplate.")
        elif rows.is_empty():
            add("Nothing: everything this outlet says, another says too.")
        closest = {i: (a, j, sc) for _, i, a, j, sc, _t in nearest_of.get(
            ident, comparison.unaligned_nearest.clear()).iter_rows()}
        for i, text in rows.select("index", "text").iter_rows():
            hint = ""
            if i in closest:  # the nearest candidate elsewhere, which the grouping did not take
                a, j, sc = closest[i]
                hint = f" *(closest elsewhere: **{codes[a]}** sentence {j}, score {sc:.2f})*"
            add(f"- ({i}) {escape(text)}{hint}")
        add("")
        mine = exclusive_of.get(ident, exclusive.clear())
        if not mine.is_empty():
            names = sorted(set(mine["text"].to_list()))
            add("Facts no other outlet mentions: " + "; ".join(_cell(n, 60) for n in names)
                + ".")
            add("")

    omissions = comparison.omissions
    add("## Omissions")
    add("")
    add("What most other outlets report that an outlet leaves out, most carried first; under a "
        "statement, the outlet's closest sentence to it (a claim to check: it may say the "
        "same in other words).")
    add("")
    omissions_of = _by_article(with_closest(omissions, comparison.sentences))
    said_of = _by_article(comparison.said_differently)
    for ident in ids:
        rows = omissions_of.get(ident, omissions.clear())
        add(f"### {codes[ident]}: {_cell(arts[ident]['label'], 60)} leaves out")
        add("")
        if rows.is_empty():
            add("Nothing that most others report.")
        for r in rows.iter_rows(named=True):
            carriers = _code_list(r["carriers"], codes)
            if r["what"] == "group":
                add(f"- [group {r['group']}](#group-{r['group']}), carried by "
                    f"{r['carried_by']} ({carriers}): {_cell(r['text'], 100)}")
                if r["closest_text"] is not None:
                    add(f"  - closest here, sentence {r['nearest_index']} (score "
                        f"{r['nearest_score']:.2f}): {_cell(r['closest_text'], 100)}")
            else:  # "quote by Karen Bass", "day: Tuesday"
                told = f": {_cell(r['text'], 100)}" if r["what"] == "quote" else ""
                add(f"- {escape(r['label'])}, carried by {r['carried_by']} ({carriers}){told}")
        add("")
        said = said_of.get(ident, comparison.said_differently.clear())
        if not said.is_empty():
            add("Says differently (its closest sentence to a statement the others share):")
            add("")
            for r in said.iter_rows(named=True):
                add(f"- [group {r['group']}](#group-{r['group']}): "
                    f"{_cell(r['text'], 80)} — here, sentence {r['nearest_index']} "
                    f"(score {r['nearest_score']:.2f}): {_cell(r['nearest_text'], 100)}")
            add("")

    _framing_section(add, comparison.framing, comparison, codes, ids,
                     {i: arts[i]["label"] for i in ids})

    if show_boilerplate:
        add("## Boilerplate left out")
        add("")
        bp = sents.filter(pl.col("kind") == "boilerplate")
        bp_of = _by_article(bp)
        for ident in ids:
            rows = bp_of.get(ident, bp.clear())
            if rows.is_empty():
                continue
            add(f"### {codes[ident]}: {_cell(arts[ident]['label'], 60)}")
            add("")
            for i, reason, text in rows.select("index", "reason", "text").iter_rows():
                add(f"- ({i}, {escape(reason or '')}) {escape(text)}")
            add("")
    return "\n".join(lines).rstrip("\n") + "\n"

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
from corpusdiff.diff import word_diff
from corpusdiff.model import Comparison
from corpusdiff.views import display_rank, outlet_codes


def _escape_table() -> dict[int, str]:
    table = {ord(c): "\\" + c for c in "\\`*_{}[]|~#+!$"}
    table.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"})
    for code in (*range(0x20), *range(0x7F, 0xA0)):
        # control characters become visible: ESC -> ␛, C1 controls -> \x9b
        table[code] = chr(0x2400 + code) if code < 0x20 else (
            "␡" if code == 0x7F else f"\\\\x{code:02x}")
    for code in (0x0A, 0x0D):
        table[code] = " "
    # bidirectional overrides and isolates would reorder the report's text where it renders
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = f"\\\\u{code:04x}"
    return table


_ESCAPES = _escape_table()
_CLOSING = ".,;:!?”’)]\"'"
CARRY_MARK = {"identical": "●", "reworded": "◐", "partial": "◔", "absent": "·"}


def escape(text: str) -> str:
    """Article text -> Markdown that renders as exactly these characters, on one line.

    Markdown punctuation is backslash-escaped, ``&``, ``<`` and ``>`` become entities (so no
    HTML or entity survives), control characters become visible symbols (ESC -> ␛), and line
    breaks become spaces.
    """
    out = text.translate(_ESCAPES)
    if out[:1].isdigit():  # "1. " at the start of a line would become a list item
        out = re.sub(r"^(\d+)([.)])", r"\1\\\2", out)
    return out


def marked(base: str, other: str) -> str:
    """``other`` escaped, with the words it adds over ``base`` in ``<ins>`` and the words of
    ``base`` it lacks in ``<del>`` where they would stand (HTML tags render on GitHub whatever
    punctuation surrounds them, unlike ``**`` and ``~~``)."""
    out: list[str] = []
    pos = 0
    for span in word_diff(base, other):
        if span.b_start > pos:
            out.append(escape(other[pos:span.b_start]))
        removed = base[span.a_start:span.a_end]
        added = other[span.b_start:span.b_end]
        pos = max(pos, span.b_end)
        if span.tag == "equal":
            out.append(escape(added))
            continue
        if removed:
            if out and not out[-1][-1:].isspace() and not added:
                out.append(" ")
            out.append(f"<del>{escape(removed)}</del>")
            nxt = other[pos:pos + 1]
            if added or (nxt and not nxt.isspace() and nxt not in _CLOSING):
                out.append(" ")
        if added:
            out.append(f"<ins>{escape(added)}</ins>")
    if pos < len(other):
        out.append(escape(other[pos:]))
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
                                 f"“{marked(base, text)}”")
        add("")
        for line in diffs:
            add(line)
        if diffs:
            add("")


def _by_article(frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """``frame``'s rows per article, in their order (one pass instead of a filter per outlet)."""
    return {key[0]: part for key, part in
            frame.partition_by("article", maintain_order=True, as_dict=True).items()}


def to_markdown(comparison: Comparison, show_boilerplate: bool = False) -> str:
    """The Markdown report; ``show_boilerplate`` appends the hidden boilerplate with reasons."""
    ids = comparison.article_ids
    codes = dict(zip(ids, outlet_codes(len(ids)), strict=True))
    arts = comparison.articles.join(article_stats(comparison), on="id", how="left")
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
        add(f"| {codes[ident]} | {_cell(r['label'], 40)} | {_cell(r['title'], 80)} | "
            f"{r['sentences']} | {r['shared']} | {r['unique']} | {r['boilerplate']} |")
    add("")
    for w in comparison.warnings:
        add(f"> Warning: {escape(w)}")
    if comparison.warnings:
        add("")

    add("## Coverage")
    add("")
    add(f"Which outlets carry each shared statement: {CARRY_MARK['identical']} same words, "
        f"{CARRY_MARK['reworded']} reworded, {CARRY_MARK['partial']} in part, "
        f"{CARRY_MARK['absent']} absent.")
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
                marks = " | ".join(CARRY_MARK[row[i]] for i in ids)
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

    quotes = comparison.tables.get("quotes")
    if quotes is not None:
        _quotes_section(add, quotes, codes, ids)
    paraphrases = comparison.tables.get("paraphrases")
    if paraphrases is not None and not paraphrases.is_empty():
        add("### Quoted in one outlet, told without quote marks in another")
        add("")
        for r in paraphrases.iter_rows(named=True):
            speaker = escape(r["speaker"] or "someone")
            add(f"- **{codes[r['article']]}** quotes {speaker}: “{_cell(r['text'], 160)}”; "
                f"**{codes[r['other_article']]}** tells it: {_cell(r['other_text'], 160)}")
        add("")

    conflicts = comparison.tables.get("conflicts")
    if conflicts is not None:
        add("## Conflicts")
        add("")
        if conflicts.is_empty():
            add("No aligned statements disagree on a day, number, amount, date, place or title.")
        else:
            add("Aligned statements that fill the same slot differently.")
            add("")
            add("| Group | Slot | One outlet says | Another says |")
            add("|---|---|---|---|")
            for r in conflicts.iter_rows(named=True):
                add(f"| [{r['group']}](#group-{r['group']}) | {escape(r['slot'])} | "
                    f"**{codes[r['article_a']]}** {_cell(r['text_a'], 60)} | "
                    f"**{codes[r['article_b']]}** {_cell(r['text_b'], 60)} |")
        add("")

    add("## Only in one outlet")
    add("")
    unique = _by_article(sents.filter(pl.col("group").is_null()
                                      & (pl.col("kind") != "boilerplate")))
    exclusive = comparison.tables.get("exclusive_facts")
    exclusive_of = _by_article(exclusive) if exclusive is not None else {}
    for ident in ids:
        rows = unique.get(ident, sents.clear())
        add(f"### {codes[ident]}: {_cell(arts[ident]['label'], 60)}")
        add("")
        if rows.is_empty() and arts[ident]["sentences"] == arts[ident]["boilerplate"]:
            add("Nothing: every sentence of this article is boilerplate.")
        elif rows.is_empty():
            add("Nothing: everything this outlet says, another says too.")
        for i, text in rows.select("index", "text").iter_rows():
            add(f"- ({i}) {escape(text)}")
        add("")
        if exclusive is not None:
            mine = exclusive_of.get(ident, exclusive.clear())
            if not mine.is_empty():
                names = sorted(set(mine["text"].to_list()))
                add("Facts no other outlet mentions: " + "; ".join(_cell(n, 60) for n in names)
                    + ".")
                add("")

    omissions = comparison.tables.get("omissions")
    if omissions is not None:
        add("## Omissions")
        add("")
        add("What most other outlets report that an outlet leaves out, most carried first.")
        add("")
        omissions_of = _by_article(omissions)
        for ident in ids:
            rows = omissions_of.get(ident, omissions.clear())
            add(f"### {codes[ident]}: {_cell(arts[ident]['label'], 60)} leaves out")
            add("")
            if rows.is_empty():
                add("Nothing that most others report.")
            for r in rows.iter_rows(named=True):
                carriers = _code_list(r["outlets"].split(", "), codes)
                ref = {
                    "group": f"[group {r['ref']}](#group-{r['ref']})",
                    "quote": f"quote {r['ref']}",
                    "fact": f"{escape(r['ref'].split(':')[0])} fact",
                }[r["what"]]
                add(f"- {ref}, carried by {r['carried_by']} ({carriers}): {_cell(r['text'], 100)}")
            add("")

    if show_boilerplate:
        add("## Boilerplate left out")
        add("")
        bp = sents.filter(pl.col("kind") == "boilerplate")
        for ident in ids:
            rows = bp.filter(pl.col("article") == ident)
            if rows.is_empty():
                continue
            add(f"### {codes[ident]}: {_cell(arts[ident]['label'], 60)}")
            add("")
            for i, reason, text in rows.select("index", "reason", "text").iter_rows():
                add(f"- ({i}, {escape(reason or '')}) {escape(text)}")
            add("")
    return "\n".join(lines).rstrip("\n") + "\n"

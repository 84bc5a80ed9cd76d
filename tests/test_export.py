"""Exports: golden files for the seeds, the JSON contract, escaping, determinism.

Regenerate the golden files after an intended change with
``CORPUSDIFF_UPDATE_GOLDEN=1 python -m pytest tests/test_export.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from corpusdiff.display import outlet_codes
from corpusdiff.export.json import CONTRACT, to_json
from corpusdiff.export.markdown import escape, marked, to_markdown
from corpusdiff.pipeline import compare

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden"


@pytest.fixture(scope="module")
def seeds():
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)  # paths in the export are as given: relative to the repository
        return compare(["seeds"])


def _documented() -> dict[str, list[tuple[str, str]]]:
    """docs/json.md: top-level key -> [(column, type)] of its table ([] for a plain value)."""
    doc: dict[str, list[tuple[str, str]]] = {}
    key = None
    for line in (ROOT / "docs" / "json.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## ") and line[3:] != "Changelog":
            key = line[3:].strip()
            doc[key] = []
        elif line.startswith("## "):
            key = None
        elif key and line.startswith("| ") and not line.startswith("| column"):
            column, kind = (cell.strip() for cell in line.strip("|").split("|")[:2])
            doc[key].append((column, kind))
    return doc


_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool, "object": dict}


def _has_type(value: object, kind: str) -> bool:
    if kind.endswith("?"):
        return value is None or _has_type(value, kind[:-1])
    if kind.startswith("list["):
        return isinstance(value, list) and all(_has_type(v, kind[5:-1]) for v in value)
    if kind == "int" and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[kind])


@pytest.mark.parametrize("corpus", ["seeds", "tests/data/invented"])
def test_the_documented_contract_is_what_an_export_writes(corpus: str) -> None:
    """Every key and column of docs/json.md, in order and with its type, and nothing else."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        doc = json.loads(to_json(compare([corpus])))
    documented = _documented()
    assert list(doc) == list(documented)
    assert list(documented) == list(CONTRACT)
    for key, columns in documented.items():
        if not columns:
            continue
        assert [c for c, _ in columns] == list(CONTRACT[key]), key
        for row in doc[key]:
            assert list(row) == [c for c, _ in columns], key
            for column, kind in columns:
                assert _has_type(row[column], kind), (key, column, kind, row[column])


@pytest.mark.parametrize(("name", "render"), [("seeds.md", to_markdown), ("seeds.json", to_json)])
def test_golden(seeds, name: str, render) -> None:
    text = render(seeds)
    path = GOLDEN / name
    if os.environ.get("CORPUSDIFF_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def test_json_contract(seeds) -> None:
    doc = json.loads(to_json(seeds))
    assert doc["schema"] == "corpusdiff/1"
    assert {"id", "path", "label", "title"} <= set(doc["articles"][0])
    assert doc["articles"][0]["path"] == "seeds/000_339f8661db4e05a7.txt"
    sentence_keys = {"article", "index", "text", "kind", "start", "end", "group"}
    assert all(sentence_keys <= set(s) for s in doc["sentences"])
    assert {s["kind"] for s in doc["sentences"]} <= {"headline", "body", "boilerplate"}
    for g in doc["groups"]:
        assert g["kind"] in ("identical", "reworded", "partial")
        assert len({m["article"] for m in g["members"]}) >= 2
        assert all({"article", "index", "score"} <= set(m) for m in g["members"])
    # a sentence's group points back to a group holding it
    by_id = {g["id"]: g for g in doc["groups"]}
    for s in doc["sentences"]:
        if s["group"] is not None:
            members = by_id[s["group"]]["members"]
            assert (s["article"], s["index"]) in [(m["article"], m["index"]) for m in members]
    # offsets point into the text as read
    texts = {a["id"]: (ROOT / a["path"]).read_text(encoding="utf-8") for a in doc["articles"]}
    assert all(texts[s["article"]][s["start"]:s["end"]] == s["text"] for s in doc["sentences"])


def test_exports_are_deterministic() -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    first, second = compare(paths), compare(list(reversed(paths)))
    assert to_json(first) == to_json(second)
    assert to_markdown(first) == to_markdown(second)


HOSTILE = ("# Not a heading | not a cell *not bold* _nor this_ <script>alert(1)</script> "
           "`code` [link](http://x) [bold]rich[/bold] \x1b[31mred\x1b[0m ~~x~~ $math$ &amp;")


def test_escape_keeps_every_character_and_no_structure() -> None:
    out = escape(HOSTILE)
    # every Markdown-special character stands behind a backslash; no tag or escape survives
    for i, ch in enumerate(out):
        if ch in "|*_`[]~$#":
            assert out[i - 1] == "\\", (ch, out[max(0, i - 10):i + 10])
    assert "<" not in out and ">" not in out and "\x1b" not in out
    assert out.startswith("\\#")
    assert "&lt;script&gt;" in out and "&amp;amp;" in out
    assert "␛\\[31m" in out  # the escape character is shown, not interpreted
    assert escape("12. Not a list item") == "12\\. Not a list item"


def test_markup_in_articles_is_escaped_in_markdown_and_intact_in_json(tmp_path: Path) -> None:
    shared = "The bridge closes on Monday for 14 weeks of repairs."
    (tmp_path / "a.txt").write_text(f"Headline A\n{shared} {HOSTILE}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Headline B\n{shared} Other words.\n", encoding="utf-8")
    cmp = compare([tmp_path])
    md = to_markdown(cmp)
    assert "<script>" not in md and "\x1b" not in md
    assert not any(line.startswith("# Not") for line in md.splitlines())
    doc = json.loads(to_json(cmp))
    assert any(HOSTILE in s["text"] for s in doc["sentences"])


def test_marked_shows_additions_and_removals() -> None:
    out = marked("The council will vote Tuesday.", "The council will vote on Monday.")
    assert out == "The council will vote <del>Tuesday</del> <ins>on Monday</ins>."
    # quote and dash variants are not differences
    assert "<ins>" not in marked("“Go home—now,” she said.", '"Go home - now," she said.')


def test_outlet_codes() -> None:
    assert outlet_codes(3) == ["A", "B", "C"]
    assert outlet_codes(28)[-2:] == ["AA", "AB"]


def test_an_article_of_only_boilerplate_is_said_to_be_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Bridge closes\nThe bridge closes on Monday for repairs.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Leave a Reply\nYour email address will not be published.\n"
                                    "Comments 0\n", encoding="utf-8")
    cmp = compare([tmp_path])
    assert any("every sentence is boilerplate" in w for w in cmp.warnings)
    assert "Nothing: every sentence of this article is boilerplate." in to_markdown(cmp)


def test_a_quote_told_without_quote_marks_elsewhere_is_flagged() -> None:
    md = to_markdown(compare([ROOT / "tests" / "data" / "quotes_extra"]))
    section = md.split("### Quoted in one outlet, told without quote marks in another")[1]
    first = section.strip().splitlines()[0]
    assert "Sam Whitaker" in first and "through Friday" in first


def test_the_readme_lists_the_reports_sections_in_their_order(seeds) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme.split("### The Markdown report", 1)[1].split("\n#", 1)[0]
    listed = re.findall(r"^\d+\. \*\*(.+?)\*\*", part, re.M)
    headings = re.findall(r"^## (.+)$", to_markdown(seeds), re.M)
    assert listed == headings

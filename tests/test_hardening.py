"""Hostile and broken input end to end through ``corpusdiff.cli.main``.

The contract: where the run cannot go on, exit 2, nothing on stdout and one line on stderr,
``corpusdiff: error: ...``; where a file can be skipped, one ``corpusdiff: warning: ...`` line
per file and the run goes on; never a traceback; an input is never overwritten.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from corpusdiff import cli
from corpusdiff import config as cfg

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
COURIER = (HOSTILE / "courier.txt").read_text(encoding="utf-8")
MIB = 2**20

#: every bad input tried here and the stderr it printed (filled as the tests run; printed by
#: ``pytest -s tests/test_hardening.py`` at the end of the module)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current directory with one article, courier.txt, and no config file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cfg, "user_config_file", lambda: tmp_path / "user" / "config.toml")
    (tmp_path / "courier.txt").write_text(COURIER, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "\x1b" not in err  # nothing from a file reaches the terminal as an escape sequence
    return code, out, err


def error(code: int, out: str, err: str) -> str:
    """The error contract: exit 2, nothing on stdout, exactly one line on stderr."""
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("corpusdiff: error: "), err
    return err.removeprefix("corpusdiff: error: ").rstrip("\n")


def warnings(code: int, err: str) -> list[str]:
    """The warning contract: exit 0 and only warning lines on stderr."""
    assert code == 0, err
    lines = err.splitlines()
    assert all(line.startswith("corpusdiff: warning: ") for line in lines), err
    return [line.removeprefix("corpusdiff: warning: ") for line in lines]


def export_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[dict, list[str]]:
    code, out, err = run(capsys, "export", *argv, "--format", "json")
    return json.loads(out), warnings(code, err)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


def texts_of(doc: dict, article: str) -> list[str]:
    return [s["text"] for s in doc["sentences"] if s["article"] == article]


BINARIES = {
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06",
    "scan.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "bundle.zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
}


# -- paths that cannot be used -----------------------------------------------------------------


def test_nonexistent_path(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert error(*run(capsys, "export", "courier.txt", "nope.txt")) == \
        "nope.txt: no such file or directory"
    assert error(*run(capsys, "export", "courier.txt", "missing/")) == \
        "missing/: no such file or directory"
    os.symlink("gone.txt", home / "dangling.txt")
    assert error(*run(capsys, "export", "courier.txt", "dangling.txt")) == \
        "dangling.txt: no such file or directory"


def test_permission_denied(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = write(home / "secret.txt", COURIER)
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as root: chmod does not take read permission away")
        assert error(*run(capsys, "export", "courier.txt", "secret.txt")) == \
            "secret.txt: permission denied"
    finally:
        secret.chmod(0o644)


def test_nothing_to_compare(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "empty").mkdir()
    write(home / "other" / "notes.csv", "a,b\n")
    for name, data in BINARIES.items():
        write(home / "junk" / (Path(name).stem + ".txt"), data)
    assert error(*run(capsys, "export", "empty")) == \
        "empty: no articles in this directory (looked for .htm, .html, .markdown, .md, .txt)"
    assert error(*run(capsys, "export", "other", "courier.txt")).startswith(
        "other: no articles in this directory")
    assert error(*run(capsys, "export", "news/*.txt")) == "news/*.txt: no files match this pattern"
    assert error(*run(capsys, "export", "junk", "courier.txt")) == (
        "junk: no readable articles in this directory: 3 skipped, first junk/bundle.txt: "
        "binary file (not text)")
    assert error(*run(capsys, "export", "junk/*", "courier.txt")).startswith(
        "junk/*: no readable articles in this pattern: 3 skipped")
    assert error(*run(capsys, "export", "courier.txt")) == \
        "need at least two articles to compare, got 1 (courier.txt)"
    assert error(*run(capsys, "export", "courier.txt", "./courier.txt")) == \
        "need at least two articles to compare, got 1 (courier.txt)"


def test_a_saved_comparison_that_yields_no_articles(home: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in BINARIES.items():
        write(home / "junk" / (Path(name).stem + ".txt"), data)
    write(home / "config.toml", '[comparisons.junk]\narticles = ["junk/*"]\n')
    assert error(*run(capsys, "export", "--comparison", "junk")) == (
        "junk/*: no readable articles in this pattern: 3 skipped, first junk/bundle.txt: "
        "binary file (not text)")


@pytest.mark.parametrize(("content", "why"), [(b"", "empty file"),
                                              (b" \n\t\r\n  \n", "empty file"),
                                              ("\ufeff\n".encode(), "empty file"),
                                              (b"<html><script>x()</script></html>",
                                               "no article text in this file")],
                         ids=["empty", "whitespace", "bom-only", "html-without-text"])
def test_empty_files(home: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                     why: str) -> None:
    name = "blank.html" if b"html" in content else "blank.txt"
    write(home / "news" / name, content)
    assert error(*run(capsys, "export", "courier.txt", f"news/{name}")) == f"news/{name}: {why}"
    write(home / "news" / "courier2.txt", COURIER.replace("Monday", "Tuesday"))
    doc, warned = export_json(capsys, "courier.txt", "news")
    assert warned == [f"news/{name}: skipped: {why}"]
    assert [a["id"] for a in doc["articles"]] == ["courier", "courier2"]


@pytest.mark.parametrize("name", list(BINARIES))
def test_binary_files(home: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    write(home / name, BINARIES[name])
    assert error(*run(capsys, "export", "courier.txt", name)) == f"{name}: binary file (not text)"
    # renamed to an article ending and found in a directory: skipped with a warning
    disguised = Path("news") / (Path(name).stem + ".txt")
    write(home / disguised, BINARIES[name])
    write(home / "news" / "wire.txt", COURIER.replace("city", "town"))
    doc, warned = export_json(capsys, "courier.txt", "news")
    assert warned == [f"{disguised}: skipped: binary file (not text)"]
    assert [a["id"] for a in doc["articles"]] == ["courier", "wire"]


# -- encodings and line endings ------------------------------------------------------------


ACCENTED = ("Café owners fear the bridge closure\n"
            "The city’s engineer said the “deck joints” failed — again.\n"
            "Crews will work nights, said Zoë Núñez.\n")


@pytest.mark.parametrize(("data", "warning"), [
    (ACCENTED.encode("cp1252"), "read as cp1252"),
    (ACCENTED.encode("utf-8") + "Prices rose 5 € at the café.\n".encode("cp1252"),
     "read as utf-8+cp1252"),
    (ACCENTED.encode("utf-16-le"), "read as utf-16-le"),
    (b"\xff\xfe" + ACCENTED.encode("utf-16-le"), None),
    (b"\xef\xbb\xbf" + ACCENTED.replace("\n", "\r\n").encode(), None),
    (ACCENTED.replace("\n", "\r").encode(), None),
], ids=["cp1252", "mixed-utf8-cp1252", "utf16-no-bom", "utf16-bom", "utf8-bom-crlf", "lone-cr"])
def test_encodings_and_line_endings(home: Path, capsys: pytest.CaptureFixture[str], data: bytes,
                                    warning: str | None) -> None:
    write(home / "a.txt", ACCENTED)
    write(home / "b.txt", data)
    doc, warned = export_json(capsys, "a.txt", "b.txt")
    a, b = texts_of(doc, "a"), texts_of(doc, "b")
    expected = [f"b.txt: not UTF-8; {warning}"] if warning else []
    if len(a) == len(b):  # decoded to exactly the text of a.txt, and said so
        expected.append("b.txt: same text as a.txt")
    assert warned == expected
    assert b[:len(a)] == a  # the same characters, no mojibake, no \r, no BOM
    assert all("\r" not in t and "\ufeff" not in t for t in b)
    # the sentences the two files share are aligned as identical
    by_group = {}
    for s in doc["sentences"]:
        by_group.setdefault(s["group"], set()).add(s["article"])
    assert sum(1 for g, arts in by_group.items() if g is not None and arts == {"a", "b"}) >= 2


# -- size and shape --------------------------------------------------------------------------


def test_a_50_mib_file_is_refused_with_the_limit(home: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    line = b"The council voted again on the bridge budget and nobody was surprised. "
    with (home / "big.txt").open("wb") as fh:
        for _ in range(50 * MIB // len(line)):
            fh.write(line)
        fh.write(b"x" * (50 * MIB % len(line)))
    assert (home / "big.txt").stat().st_size == 50 * MIB
    assert error(*run(capsys, "export", "courier.txt", "big.txt")) == \
        "big.txt: file too large (50 MiB; the limit is 8 MiB per article)"
    # in a directory it is skipped and the rest is compared
    (home / "news").mkdir()
    (home / "big.txt").rename(home / "news" / "big.txt")
    write(home / "news" / "wire.txt", COURIER.replace("city", "town"))
    doc, warned = export_json(capsys, "courier.txt", "news")
    assert warned == ["news/big.txt: skipped: file too large (50 MiB; the limit is 8 MiB per "
                      "article)"]
    assert [a["id"] for a in doc["articles"]] == ["courier", "wire"]


def test_one_enormous_line_without_sentence_breaks(home: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    words = ("bridge", "closure", "mayor", "ferry", "council", "budget", "repairs", "east")
    line = " ".join(words[i % len(words)] + str(i % 97) for i in range(120_000))
    write(home / "line.txt", line + "\n")
    start = time.perf_counter()
    doc, warned = export_json(capsys, "courier.txt", "line.txt")
    elapsed = time.perf_counter() - start
    print(f"one line of {len(line):,} characters exported in {elapsed:.1f} s")
    assert warned == []
    assert texts_of(doc, "line") == [line]
    code, out, _ = run(capsys, "export", "courier.txt", "line.txt")
    assert code == 0 and "# corpusdiff: 2 articles compared" in out


def test_a_file_of_only_boilerplate(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "junk.txt", (HOSTILE / "boilerplate_only.txt").read_bytes())
    doc, _ = export_json(capsys, "courier.txt", "junk.txt")
    junk = [s for s in doc["sentences"] if s["article"] == "junk"]
    assert len(junk) == 11
    assert {s["kind"] for s in junk} == {"boilerplate"}
    assert all(s["group"] is None for s in junk)
    code, out, _ = run(capsys, "export", "courier.txt", "junk.txt", "--show-boilerplate")
    assert code == 0 and "Leave a Reply" in out


def test_a_file_of_only_boilerplate_is_reported(home: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "junk.txt", (HOSTILE / "boilerplate_only.txt").read_bytes())
    write(home / "wire.txt", COURIER.replace("city", "town"))
    _, warned = export_json(capsys, "courier.txt", "junk.txt", "wire.txt")
    assert warned == ["junk.txt: every sentence is boilerplate; nothing of it is compared"]


def test_the_only_real_article_next_to_boilerplate_is_not_boilerplate(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "junk.txt", (HOSTILE / "boilerplate_only.txt").read_bytes())
    doc, _ = export_json(capsys, "courier.txt", "junk.txt")
    assert {s["kind"] for s in doc["sentences"] if s["article"] == "courier"} != {"boilerplate"}


def test_two_identical_files(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "copy.txt", COURIER)
    doc, warned = export_json(capsys, "courier.txt", "copy.txt")
    assert warned == ["courier.txt: same text as copy.txt"]
    assert {g["kind"] for g in doc["groups"]} == {"identical"}
    grouped = [s for s in doc["sentences"] if s["kind"] != "boilerplate"]
    assert grouped and all(s["group"] is not None for s in grouped)
    code, out, _ = run(capsys, "export", "courier.txt", "copy.txt")
    assert code == 0
    assert out.count("Nothing: everything this outlet says, another says too.") == 2


@pytest.mark.parametrize("script", ["greek", "chinese", "arabic"])
def test_articles_in_other_scripts(home: Path, capsys: pytest.CaptureFixture[str],
                                   script: str) -> None:
    source = (HOSTILE / f"{script}.txt").read_text(encoding="utf-8")
    write(home / f"{script}.txt", source)
    doc, warned = export_json(capsys, "courier.txt", f"{script}.txt")
    assert warned == []
    sentences = [s for s in doc["sentences"] if s["article"] == script]
    # segmented or kept as blocks, every character is in a sentence, at its offsets
    assert all(source[s["start"]:s["end"]] == s["text"] for s in sentences)
    assert "".join(s["text"] for s in sentences).replace(" ", "") == \
        "".join(source.split())
    assert len(sentences) >= len(source.strip().split("\n"))
    title = next(a["title"] for a in doc["articles"] if a["id"] == script)
    assert title == source.split("\n")[0]
    code, out, _ = run(capsys, "export", "courier.txt", f"{script}.txt", "--show-boilerplate")
    assert code == 0 and source.split("\n")[0] in out


def test_greek_sentences_are_split(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "greek.txt", (HOSTILE / "greek.txt").read_bytes())
    doc, _ = export_json(capsys, "courier.txt", "greek.txt")
    assert texts_of(doc, "greek")[1:3] == [
        "Η γέφυρα του λιμανιού θα κλείσει για έξι εβδομάδες από τη Δευτέρα, ανακοίνωσε ο δήμος.",
        "Συνεργεία θα αντικαταστήσουν τους αρμούς του καταστρώματος που απέτυχαν σε επιθεώρηση "
        "τον Μάιο.",
    ]


MARKUP = ("Harbor bridge closes [bold red]for repairs[/bold red]\n"
          "The Harbor Bridge will close for six weeks starting Monday, the city said.\n"
          "Shops said \x1b[31mclosed\x1b[0m and \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 "
          "signs went up.\n"
          "Crews will replace the deck joints\x00 that failed an inspection in May.\x07\x08\x7f\n"
          "# Not a heading | not | a table | <script>alert(1)</script> **bold** _it_ "
          "[x](http://e.example) `code` ![i](j.png) &amp; <!-- c -->\n"
          "1. not a list; > not a quote; --- ; ~~~ ; $math$ ; \\escaped\\ ; {curly}\n"
          "\u202eevil bidi\u202c and zero\u200bwidth and emoji 🚧 and combining e\u0301.\n")


def test_markup_and_control_characters_are_data(home: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "markup.txt", MARKUP)
    doc, warned = export_json(capsys, "courier.txt", "markup.txt", "--keep-boilerplate")
    assert warned == []
    # JSON: intact, every character at its offsets
    sentences = [s for s in doc["sentences"] if s["article"] == "markup"]
    assert all(MARKUP[s["start"]:s["end"]] == s["text"] for s in sentences)
    assert "".join(s["text"] for s in sentences).replace(" ", "") == "".join(MARKUP.split())
    title = next(a["title"] for a in doc["articles"] if a["id"] == "markup")
    assert title == "Harbor bridge closes [bold red]for repairs[/bold red]"

    code, out, _ = run(capsys, "export", "courier.txt", "markup.txt", "--keep-boilerplate",
                       "--show-boilerplate")
    assert code == 0
    # Markdown: no raw control character, and the article adds no structure
    assert not [c for c in out if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0]
    assert "\\[bold red\\]" in out and "&lt;script&gt;" in out and "<script>" not in out
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(out)
    flat = [t for tok in tokens for t in [tok, *(tok.children or [])]]
    assert {t.content for t in flat if t.type == "html_inline"} <= {"<ins>", "</ins>", "<del>",
                                                                   "</del>"}
    assert not [t for t in flat if t.type in ("html_block", "code_inline", "code_block",
                                              "fence", "image", "s_open")]
    links = {t.attrs.get("href") for t in flat if t.type == "link_open"}
    assert all(str(href).startswith("#group-") for href in links)
    inline_text = [t.content for t in tokens if t.type == "inline"]
    headings = [inline_text[i] for i, t in enumerate(
        [t for t in tokens if t.type == "inline"]) if "Not a heading" in t.content]
    assert headings  # the text is there...
    heading_lines = [t.map[0] for t in tokens if t.type == "heading_open"]
    lines = out.split("\n")
    assert not [n for n in heading_lines if "Not a heading" in lines[n]]  # ...but not a heading
    assert not [t for t in tokens if t.type == "ordered_list_open"]


def test_bidi_overrides_are_visible_in_markdown(home: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "markup.txt", MARKUP)
    code, out, _ = run(capsys, "export", "courier.txt", "markup.txt", "--keep-boilerplate")
    assert code == 0 and "\u202e" not in out


def test_file_names_with_escapes_are_printed_plainly(home: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "news" / "\x1b[2Jevil\nname.txt", b"")
    write(home / "news" / "wire.txt", COURIER.replace("city", "town"))
    code = cli.main(["export", "courier.txt", "news"])
    err = capsys.readouterr().err
    assert code == 0
    assert "\x1b" not in err and err.count("\n") == 1


# -- directory walks -------------------------------------------------------------------------


def test_symlink_loops_in_a_directory_walk(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "news" / "a.txt", COURIER)
    write(home / "news" / "deep" / "b.txt", COURIER.replace("city", "town"))
    os.symlink("..", home / "news" / "deep" / "up")
    os.symlink(".", home / "news" / "self")
    os.symlink(home / "news" / "deep" / "b.txt", home / "news" / "b-link.txt")
    doc, warned = export_json(capsys, "news")
    # b.txt is read once, under the first name the sorted walk meets
    assert [a["id"] for a in doc["articles"]] == ["a", "b-link"]
    assert warned == ["news/deep/up: skipped: directory link loop (already read)",
                      "news/self: skipped: directory link loop (already read)"]
    # a recursive glob does not follow the links at all
    doc, warned = export_json(capsys, "news/**/*.txt")
    assert [a["id"] for a in doc["articles"]] == ["a", "b-link"] and warned == []


# -- output ----------------------------------------------------------------------------------


def test_output_in_a_missing_or_unwritable_folder(home: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    write(home / "wire.txt", COURIER.replace("city", "town"))
    assert error(*run(capsys, "export", "courier.txt", "wire.txt", "-o", "nope/report.md")) == \
        "nope: folder does not exist"
    assert error(*run(capsys, "export", "courier.txt", "wire.txt", "-o", ".")) == \
        ".: is a directory; give a file name"
    locked = home / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: chmod does not take write permission away")
        assert error(*run(capsys, "export", "courier.txt", "wire.txt", "-o",
                          "locked/report.md")) == "locked: folder is not writable"
    finally:
        locked.chmod(0o755)


def test_output_equal_to_an_input_is_refused(home: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    wire = write(home / "news" / "wire.txt", COURIER.replace("city", "town"))
    os.symlink(wire, home / "alias.txt")
    before = wire.read_bytes()
    for argv, target in [(["courier.txt", "news/wire.txt"], "news/wire.txt"),
                         (["courier.txt", "news/wire.txt"], "./news/../news/wire.txt"),
                         (["courier.txt", "news"], "news/wire.txt"),
                         (["courier.txt", "news/*.txt"], "news/wire.txt"),
                         (["courier.txt", "news/wire.txt"], "alias.txt"),
                         (["courier.txt", "alias.txt"], "news/wire.txt")]:
        assert error(*run(capsys, "export", *argv, "-o", target)) == \
            f"{target}: is one of the input articles; refusing to overwrite it"
    assert wire.read_bytes() == before
    # and an ordinary output is written whole
    code, out, err = run(capsys, "export", "courier.txt", "news", "-o", "report.md")
    assert (code, out, err) == (0, "",
                               "wrote report.md (2 articles, 5 shared statements)\n")
    assert (home / "report.md").read_text(encoding="utf-8").startswith("# corpusdiff: ")


def test_errors_through_the_real_command() -> None:
    """The installed entry point (a fresh interpreter): exit status and stderr as promised."""
    proc = subprocess.run([sys.executable, "-m", "corpusdiff", "export", str(HOSTILE / "nope")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"corpusdiff: error: {HOSTILE / 'nope'}: no such file or directory\n"

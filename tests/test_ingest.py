"""Reading articles: files, directories, globs, encodings, line endings, HTML and Markdown, ids,
labels and titles."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from corpusdiff import ingest as ingest_module
from corpusdiff.ingest import SkipFile, article_ids, decode, expand, ingest, read_article
from corpusdiff.model import ARTICLES, CorpusdiffError
from corpusdiff.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
STORY = ("Harbor bridge closes for repairs\n"
         "The Harbor Bridge will close for six weeks starting Monday, the city’s engineer said.\n"
         "“It is the café owners who will pay,” Ms. Núñez said — and she meant it.\n")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


# -- files, directories, globs ---------------------------------------------------------------


def test_the_seed_directory() -> None:
    articles, warnings = ingest([SEEDS])
    assert warnings == []
    assert articles.schema == ARTICLES
    files = sorted(SEEDS.glob("*.txt"))
    assert articles["id"].to_list() == [f.stem for f in files]
    assert set(articles["encoding"]) == {"utf-8"} and set(articles["format"]) == {"txt"}
    for row, f in zip(articles.iter_rows(named=True), files, strict=True):
        raw = f.read_text(encoding="utf-8")
        assert row["text"] == raw.replace("\r\n", "\n").replace("\r", "\n")
        line = " ".join(raw.lstrip().split("\n")[0].split())
        assert row["title"] == (line if len(line) <= 160 else line[:159].rstrip() + "…")
        assert row["label"] == row["id"]


def test_a_directory_is_walked_sorted_for_article_endings(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "d.htm", "e.markdown", "sub/f.txt", "notes.csv",
                 "data.json", ".hidden.txt", ".git/g.txt", "UPPER.TXT"):
        write(tmp_path / name, "<p>Some text here.</p>" if "htm" in name else "Some text here.")
    found = [s.path.relative_to(tmp_path).as_posix() for s in expand([tmp_path], [])]
    assert found == ["UPPER.TXT", "a.txt", "b.md", "c.html", "d.htm", "e.markdown", "sub/f.txt"]
    articles, _ = ingest([tmp_path])
    assert articles["id"].to_list() == ["UPPER", "a", "b", "c", "d", "e", "f"]
    assert articles["format"].to_list() == ["txt", "txt", "md", "html", "html", "md", "txt"]


def test_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "news" / "a.txt", STORY)
    write(tmp_path / "news" / "b.txt", STORY)
    write(tmp_path / "news" / "c.md", STORY)
    write(tmp_path / "news" / "deep" / "d.txt", STORY)
    write(tmp_path / "news" / "img.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    monkeypatch.chdir(tmp_path)
    assert [s.path.as_posix() for s in expand(["news/*.txt"], [])] == ["news/a.txt",
                                                                       "news/b.txt"]
    assert [s.path.as_posix() for s in expand(["news/**/*.txt"], [])] == [
        "news/a.txt", "news/b.txt", "news/deep/d.txt"]
    # "*" without an ending takes article files only, walking matched directories
    assert [s.path.as_posix() for s in expand(["news/*"], [])] == [
        "news/a.txt", "news/b.txt", "news/c.md", "news/deep/d.txt"]
    assert [s.explicit for s in expand(["news/*.txt"], [])] == [False, False]
    with pytest.raises(CorpusdiffError, match=r"^news/\*\.doc: no files match this pattern$"):
        expand(["news/*.doc"], [])
    # a pattern that names an ending takes what it names; unreadable matches are skipped
    with pytest.raises(CorpusdiffError, match=r"^news/\*\.png: no readable articles in this "
                                              r"pattern: 1 skipped, first news/img\.png: "
                                              r"binary file \(not text\)$"):
        ingest(["news/*.png"])


def test_the_same_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", STORY)
    os.symlink(a, tmp_path / "link.txt")
    monkeypatch.chdir(tmp_path)
    sources = expand(["a.txt", "./a.txt", str(a), ".", "*.txt", "link.txt"], [])
    assert [s.path.as_posix() for s in sources] == ["a.txt", "b.txt"]
    assert [s.explicit for s in sources] == [True, False]
    articles, _ = ingest(["a.txt", "a.txt"])
    assert articles.height == 1


def test_missing_and_unusable_named_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusdiffError, match="no such file or directory") as exc:
        ingest([tmp_path / "nope.txt"])
    assert exc.value.path == str(tmp_path / "nope.txt")
    write(tmp_path / "blank.txt", " \n\t\r\n ")
    with pytest.raises(CorpusdiffError, match=r"blank\.txt: empty file$"):
        ingest([tmp_path / "blank.txt"])
    write(tmp_path / "only-markup.md", "---\n\n***\n")
    with pytest.raises(CorpusdiffError, match=r"only-markup\.md: no article text in this file$"):
        ingest([tmp_path / "only-markup.md"])
    write(tmp_path / "scripts.html", "<html><script>x()</script><nav>Home</nav></html>")
    with pytest.raises(CorpusdiffError, match=r"scripts\.html: no article text in this file$"):
        ingest([tmp_path / "scripts.html"])
    with pytest.raises(CorpusdiffError, match="no articles in this directory"):
        ingest([write(tmp_path / "empty" / "notes.csv", "a,b").parent])


def test_skipped_files_in_a_directory_are_warnings(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", STORY.upper())
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)))
    articles, warnings = ingest([tmp_path])
    assert articles["id"].to_list() == ["a", "b"]
    assert warnings == [f"{tmp_path / 'empty.txt'}: skipped: empty file",
                        f"{tmp_path / 'photo.txt'}: skipped: binary file (not text)"]


def test_permission_denied(tmp_path: Path) -> None:
    secret = write(tmp_path / "d" / "secret.txt", STORY)
    write(tmp_path / "d" / "open.txt", STORY)
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as root: chmod does not take read permission away")
        with pytest.raises(CorpusdiffError, match=r"secret\.txt: permission denied$"):
            ingest([secret])
        articles, warnings = ingest([tmp_path / "d"])
        assert articles["id"].to_list() == ["open"]
        assert warnings == [f"{secret}: skipped: permission denied"]
        (tmp_path / "d").chmod(0)
        with pytest.raises(CorpusdiffError, match=r"permission denied \(cannot list"):
            ingest([tmp_path / "d"])
    finally:
        (tmp_path / "d").chmod(0o755)
        secret.chmod(0o644)


def test_a_device_is_read_no_further_than_the_limit() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(SkipFile, match=r"file too large \(more than 8 MiB; the limit is 8 MiB"):
        read_article(Path("/dev/zero"))


# -- encodings and line endings --------------------------------------------------------------


@pytest.mark.parametrize(("encoded", "encoding"), [
    (STORY.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8-sig"),
    (b"\xff\xfe" + STORY.encode("utf-16-le"), "utf-16"),
    (b"\xfe\xff" + STORY.encode("utf-16-be"), "utf-16"),
    (b"\xff\xfe\x00\x00" + STORY.encode("utf-32-le"), "utf-32"),
], ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"])
def test_unicode_with_and_without_bom_is_read_without_warning(tmp_path: Path, encoded: bytes,
                                                              encoding: str) -> None:
    write(tmp_path / "a.txt", encoded)
    articles, warnings = ingest([tmp_path / "a.txt"])
    assert warnings == []
    assert articles["encoding"].to_list() == [encoding]
    assert articles["text"].to_list() == [STORY]  # no BOM character left at the start


@pytest.mark.parametrize(("encoded", "encoding", "text"), [
    (STORY.encode("cp1252"), "cp1252", STORY),
    # 0x81 has no cp1252 character: latin-1 reads every byte
    ("Caf\xe9 prices rose \x81 again, the owner said.".encode("latin-1"), "latin-1",
     "Caf\xe9 prices rose \x81 again, the owner said."),
    (STORY.encode("utf-16-le"), "utf-16-le", STORY),  # no BOM: detected from the zero bytes
    # UTF-8 with a pasted cp1252 line keeps its UTF-8 (no mojibake) and reads the rest
    (STORY.encode("utf-8") + "Prices rose 5 € at the café.\n".encode("cp1252"),
     "utf-8+cp1252", STORY + "Prices rose 5 € at the café.\n"),
], ids=["cp1252", "latin-1", "utf-16-no-bom", "mixed"])
def test_fallback_encodings_warn(tmp_path: Path, encoded: bytes, encoding: str,
                                 text: str) -> None:
    path = write(tmp_path / "a.txt", encoded)
    articles, warnings = ingest([path])
    assert articles["text"].to_list() == [text]
    assert articles["encoding"].to_list() == [encoding]
    assert warnings == [f"{path}: not UTF-8; read as {encoding}"]


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00story.txt",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    b"\x7fELF\x02\x01\x01\x00",
    bytes(range(256)) * 4,
    b"text\x00" * 100,
], ids=["png", "pdf", "zip", "gzip", "elf", "all-bytes", "nul-padded"])
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(SkipFile, match=r"^binary file \(not text\)$"):
        decode(data)


def test_text_that_starts_like_a_magic_number_is_text() -> None:
    for text in ("ID3 is a gene name.", "RIFFS between the mayor and the council.",
                 "PK, the player, scored.", "BZh is not bzip2."):
        assert decode(text.encode()) == (text, "utf-8")


def test_a_few_control_characters_do_not_make_a_file_binary() -> None:
    text = "The mayor\x00 spoke\x1b[1m on Tuesday.\x07 " * 5 + "x" * 400
    assert decode(text.encode()) == (text, "utf-8")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_become_lf(tmp_path: Path, newline: str) -> None:
    path = write(tmp_path / "a.txt", STORY.replace("\n", newline))
    articles, _ = ingest([path])
    text = articles["text"][0]
    assert text == STORY
    sentences = segment(articles)
    assert [text[s:e] for s, e in sentences.select("start", "end").iter_rows()] == \
        sentences["text"].to_list()
    assert sentences["text"][0] == "Harbor bridge closes for repairs"


# -- HTML and Markdown -----------------------------------------------------------------------


def test_html_and_markdown_files(tmp_path: Path) -> None:
    write(tmp_path / "page.html", (HOSTILE / "page.html").read_bytes())
    write(tmp_path / "story.md", (HOSTILE / "story.md").read_bytes())
    # a page saved as .txt is still read as HTML
    write(tmp_path / "saved.txt", b"\r\n  <!DOCTYPE html><html><title>T</title><h1>Saved "
                                  b"page</h1><p>Body text.</p></html>")
    articles, warnings = ingest([tmp_path])
    assert warnings == []
    rows = {r["id"]: r for r in articles.iter_rows(named=True)}
    assert rows["page"]["format"] == "html"
    assert rows["page"]["title"] == "Harbor Bridge to close for six weeks"
    assert "<" not in rows["page"]["text"] and "trackPageView" not in rows["page"]["text"]
    assert rows["story"]["format"] == "md"
    assert rows["story"]["title"] == "Harbor Bridge closes for repairs"
    assert "**" not in rows["story"]["text"]
    assert (rows["saved"]["format"], rows["saved"]["title"], rows["saved"]["text"]) == \
        ("html", "Saved page", "Saved page\nBody text.")


def test_a_txt_file_with_markup_keeps_it_as_text(tmp_path: Path) -> None:
    text = "The *mayor* said <b>no</b> to [bold]ICE[/bold].\n# not a heading\n"
    articles, _ = ingest([write(tmp_path / "a.txt", text)])
    assert articles["text"][0] == text
    assert articles["format"][0] == "txt"


# -- ids, labels, titles ---------------------------------------------------------------------


@pytest.mark.parametrize(("paths", "ids"), [
    (["seeds/a.txt", "seeds/b.txt"], ["a", "b"]),
    (["a/fox.txt", "b/fox.txt"], ["a/fox", "b/fox"]),
    (["x/a/fox.txt", "y/a/fox.txt", "c/fox.md", "hen.txt"],
     ["x/a/fox", "y/a/fox", "c/fox", "hen"]),
    (["a/fox.txt", "a/fox.md"], ["fox.txt", "fox.md"]),
    (["news/fox.txt", "news/fox.html", "old/fox.txt"],
     ["news/fox.txt", "news/fox.html", "old/fox"]),
    (["a/report.v2.txt", "a/report.txt"], ["report.v2", "report"]),
])
def test_ids_are_stems_or_shortest_distinguishing_suffixes(paths: list[str],
                                                           ids: list[str]) -> None:
    assert article_ids([Path(p) for p in paths]) == ids
    # the id of a path never depends on the order the paths are given in
    for order in itertools.permutations(range(len(paths))):
        got = article_ids([Path(paths[i]) for i in order])
        assert got == [ids[i] for i in order]


def test_same_names_in_different_folders_read_as_distinct_articles(tmp_path: Path) -> None:
    write(tmp_path / "a" / "fox.txt", STORY)
    write(tmp_path / "b" / "fox.txt", STORY.replace("six", "seven"))
    articles, _ = ingest([tmp_path / "b", tmp_path / "a"])
    assert articles["id"].to_list() == ["a/fox", "b/fox"]
    assert articles["path"].to_list() == [str(tmp_path / "a" / "fox.txt"),
                                          str(tmp_path / "b" / "fox.txt")]
    assert "seven" in articles["text"][1]


def test_ids_do_not_shift_when_a_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a" / "fox.txt", STORY)
    write(tmp_path / "b" / "fox.txt", b"")
    write(tmp_path / "b" / "hen.txt", STORY.upper())
    articles, warnings = ingest([tmp_path / "a", tmp_path / "b"])
    assert articles["id"].to_list() == ["a/fox", "hen"]
    assert warnings == [f"{tmp_path / 'b' / 'fox.txt'}: skipped: empty file"]


def test_labels_and_titles(tmp_path: Path) -> None:
    write(tmp_path / "courier.txt", "\n\n   Bridge   closes \t today  \nBody text here.\n")
    write(tmp_path / "wire.txt", "x" * 300 + "\n")
    articles, warnings = ingest([tmp_path], {"courier": "The Courier", "nope": "Ghost"})
    assert articles["label"].to_list() == ["The Courier", "wire"]
    assert articles["title"].to_list() == ["Bridge closes today", "x" * 159 + "…"]
    assert warnings == ["label for unknown article id 'nope' ignored"]


def test_warnings_and_rows_do_not_depend_on_input_order(tmp_path: Path) -> None:
    for name in ("c", "a", "b"):
        write(tmp_path / name / f"{name}.txt", STORY.encode("cp1252"))
    inputs = [tmp_path / n for n in ("c", "a", "b")]
    first = ingest(inputs)
    for order in itertools.permutations(inputs):
        again = ingest(list(order))
        assert again[0].drop("path").equals(first[0].drop("path"))
        assert again[1] == first[1]


def test_the_limit_is_stated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "MAX_BYTES", 1024)
    big = write(tmp_path / "big.txt", "word " * 1000)
    with pytest.raises(CorpusdiffError, match=r"big\.txt: file too large \(4\.9 KiB; the limit "
                                              r"is 1 KiB per article\)$"):
        ingest([big])


def test_identical_texts_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "a.txt", STORY.replace("\n", "\r\n"))  # the same text once read
    write(tmp_path / "c.txt", STORY.upper())
    articles, warnings = ingest([tmp_path])
    assert articles.height == 3
    assert warnings == [f"{tmp_path / 'b.txt'}: same text as {tmp_path / 'a.txt'}"]

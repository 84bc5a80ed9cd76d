"""``corpusdiff batch``: one report per story folder, the index, failures, re-runs, bad input."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from corpusdiff import cli
from corpusdiff.batch import compare_story
from corpusdiff.options import Options
from tests.corpora import ARTICLES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """stories/bridge (three invented reports), stories/seeds (the five seed articles) and
    stories/lonely (one article: cannot be compared)."""
    root = tmp_path / "stories"
    (root / "bridge").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (root / "bridge" / f"{name}.txt").write_text(text, encoding="utf-8")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "lonely").mkdir()
    (root / "lonely" / "only.txt").write_text(ARTICLES["courier"], encoding="utf-8")
    return root


def index(out: Path) -> dict[str, dict[str, object]]:
    data = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert data["schema"] == "corpusdiff-batch/1"
    return {row["story"]: row for row in data["stories"]}


def test_one_report_per_story_and_a_failed_story_in_the_index(
        stories: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, err = run(capsys, "batch", str(stories), "--output-dir", str(out), "--format",
                       "json", "--jobs", "2")
    assert code == 1  # one story failed, the others were still compared
    rows = index(out)
    assert list(rows) == ["bridge", "lonely", "seeds"]
    assert rows["lonely"]["status"] == "failed"
    assert "need at least two articles to compare, got 1" in str(rows["lonely"]["error"])
    assert "lonely: failed: " in err
    assert not (out / "lonely.json").exists()
    for story, articles in (("bridge", 3), ("seeds", 5)):
        row = rows[story]
        assert row["status"] == "ok" and row["articles"] == articles
        # the story's report is exactly what `corpusdiff export` writes for that folder
        code, expected, _ = run(capsys, "export", str(stories / story), "--format", "json")
        assert code == 0
        report = (out / f"{story}.json").read_text(encoding="utf-8")
        assert report == expected
        data = json.loads(report)
        assert (row["shared"], row["omissions"], row["conflicts"]) == (
            len(data["groups"]), len(data["omissions"]), len(data["conflicts"]))
    assert rows["bridge"]["shared"] >= 1  # the bridge closes "for six weeks" in all three


def test_markdown_reports_and_index(stories: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, _ = run(capsys, "batch", str(stories), "-o", str(out), "--jobs", "1")
    assert code == 1
    assert (out / "seeds.md").read_text(encoding="utf-8").startswith("#")
    table = (out / "index.md").read_text(encoding="utf-8")
    assert "3 stories, 1 failed." in table
    assert "| [bridge](<bridge.md>) | 3 |" in table
    assert "| lonely |  |  |  |  | failed: " in table


def test_rerun_skips_up_to_date_stories_and_force_redoes_them(
        stories: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    argv = ("batch", str(stories), "-o", str(out), "-f", "json", "-j", "1")
    run(capsys, *argv)
    first = index(out)
    made = {s: (out / f"{s}.json").stat().st_mtime_ns for s in ("bridge", "seeds")}

    code, _, err = run(capsys, *argv)
    assert code == 1  # lonely is tried again and fails again
    second = index(out)
    assert second["bridge"]["status"] == second["seeds"]["status"] == "unchanged"
    # counts of a skipped story come from the previous index
    assert {k: v for k, v in second["seeds"].items() if k != "status"} == {
        k: v for k, v in first["seeds"].items() if k != "status"}
    assert {s: (out / f"{s}.json").stat().st_mtime_ns for s in made} == made
    assert "0 compared, 2 unchanged, 1 failed" in err

    # an article edited after the report: only its story is compared again
    later = (out / "bridge.json").stat().st_mtime + 10
    os.utime(stories / "bridge" / "gazette.txt", (later, later))
    run(capsys, *argv)
    third = index(out)
    assert (third["bridge"]["status"], third["seeds"]["status"]) == ("ok", "unchanged")

    code, _, err = run(capsys, *argv, "--force")
    assert {s: r["status"] for s, r in index(out).items()} == {
        "bridge": "ok", "lonely": "failed", "seeds": "ok"}
    assert "2 compared, 0 unchanged, 1 failed" in err


def test_all_stories_compared_exits_0(stories: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(stories / "lonely")
    code, out, _ = run(capsys, "batch", str(stories), "-o", str(tmp_path / "out"), "-j", "2")
    assert code == 0 and out == ""


@pytest.mark.parametrize("case", ["no sub-folders", "output is a file", "output under a file",
                                  "jobs 0", "unknown format"])
def test_bad_input_is_one_line_and_exit_2(case: str, stories: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    root, out, extra = str(stories), tmp_path / "out", []
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    if case == "no sub-folders":
        root = str(stories / "bridge")
    elif case == "output is a file":
        out = blocker
    elif case == "output under a file":
        out = blocker / "out"
    elif case == "jobs 0":
        extra = ["--jobs", "0"]
    else:
        extra = ["--format", "pdf"]
    code, stdout, err = run(capsys, "batch", root, "--output-dir", str(out), *extra)
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and err.startswith("corpusdiff: error: ")
    assert "Traceback" not in err
    expected = {"no sub-folders": "no story folders", "output is a file": "is not a folder",
                "output under a file": "not writable", "jobs 0": "--jobs must be at least 1",
                "unknown format": "unknown --format"}[case]
    assert expected in err
    if case != "output is a file":
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_story_function_and_its_result_pickle(stories: Path, tmp_path: Path) -> None:
    """What a process pool (or Ray, or Dask) ships to a worker and back."""
    task = (str(stories / "bridge"), str(tmp_path / "bridge.json"), "json", Options())
    function = pickle.loads(pickle.dumps(compare_story))
    result = pickle.loads(pickle.dumps(function(*task)))
    assert (result.story, result.status, result.articles) == ("bridge", "ok", 3)
    failed = compare_story(str(stories / "lonely"), str(tmp_path / "x.json"), "json", Options())
    assert failed.status == "failed" and failed.articles is None

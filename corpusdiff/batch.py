"""``corpusdiff batch``: one comparison per story folder, in parallel worker processes.

The unit of work is :func:`compare_story`, a plain top-level function from a story folder to a
small :class:`StoryResult`: picklable, so any pool can run it (here the standard library's
``ProcessPoolExecutor``; ``ray.remote`` or Dask's ``client.map`` on a cluster). A story that
fails is a result with ``status="failed"`` and its one-line error, never an exception, so the
batch goes on.

This module does not import polars at the top: a worker sets its polars thread count before
polars is loaded.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

from corpusdiff.options import CorpusdiffError, Options

#: report file suffix of each format
SUFFIXES = {"markdown": ".md", "json": ".json"}
INDEX_SCHEMA = "corpusdiff-batch/1"
#: index columns, in order
COLUMNS = ("story", "articles", "shared", "omissions", "conflicts", "status", "error", "report")


@dataclass(frozen=True)
class StoryResult:
    """What one story's comparison produced; ``status`` is ok | unchanged | failed."""

    story: str
    articles: int | None
    shared: int | None  # shared statements: alignment groups
    omissions: int | None
    conflicts: int | None
    status: str
    error: str = ""
    report: str = ""  # the report's file name inside the output folder
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()

    def row(self) -> dict[str, object]:
        """The story's row of the index (no timings: the index is deterministic)."""
        return {k: v for k, v in asdict(self).items() if k in COLUMNS}


def compare_story(story_dir: str, report_path: str, fmt: str, options: Options) -> StoryResult:
    """Compare the articles of ``story_dir`` and write the report to ``report_path`` in ``fmt``
    (markdown | json). Never raises: a failure is a result with its one-line error."""
    story = Path(story_dir).name
    report = Path(report_path).name
    start = time.perf_counter()
    try:
        from corpusdiff.export import FORMATS
        from corpusdiff.files import write_output
        from corpusdiff.pipeline import compare

        comparison = compare([story_dir], options)
        write_output(FORMATS[fmt](comparison), report_path)
        return StoryResult(
            story, comparison.articles.height, comparison.groups.height,
            comparison.omissions.height, comparison.conflicts.height,
            "ok", report=report, seconds=time.perf_counter() - start,
            warnings=tuple(comparison.warnings))
    except Exception as exc:  # one story's failure must not stop the batch
        error = str(exc) if isinstance(exc, CorpusdiffError) else f"{type(exc).__name__}: {exc}"
        return StoryResult(story, None, None, None, None, "failed",
                           error=" ".join(error.split()), seconds=time.perf_counter() - start)


def find_stories(root: str | os.PathLike[str]) -> list[Path]:
    """The story folders of ``root``: its sub-folders not starting with a dot, sorted."""
    base = Path(root)
    if not base.is_dir():
        raise CorpusdiffError("no such folder" if not base.exists() else "not a folder", root)
    try:
        stories = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as exc:
        raise CorpusdiffError(f"cannot read: {exc.strerror}", root) from None
    if not stories:
        raise CorpusdiffError("no story folders in it (one sub-folder of articles per story)",
                              root)
    return stories


def prepare_output(folder: str | os.PathLike[str]) -> Path:
    """Create the output folder if needed and check that a file can be written in it."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise CorpusdiffError("is not a folder", folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".corpusdiff-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise CorpusdiffError(f"output folder is not writable: {exc.strerror}", folder) from None
    return out


def _newest_input(story: Path) -> float:
    """The newest modification time among the story folder and everything below it (a deleted
    article changes its folder's time)."""
    newest = story.stat().st_mtime
    for dirpath, dirnames, filenames in os.walk(story):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in [*dirnames, *filenames]:
            try:
                newest = max(newest, os.stat(os.path.join(dirpath, name)).st_mtime)
            except OSError:
                continue
    return newest


def up_to_date(story: Path, report: Path) -> bool:
    """Whether ``report`` exists and is newer than every input of ``story``."""
    try:
        return report.stat().st_mtime > _newest_input(story)
    except OSError:
        return False


def _previous_rows(out: Path) -> dict[str, dict[str, object]]:
    """The rows of the previous run's ``index.json`` by story (empty when there is none)."""
    try:
        data = json.loads((out / "index.json").read_text(encoding="utf-8"))
        return {row["story"]: row for row in data["stories"] if row.get("status") != "failed"}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _limit_threads(jobs: int) -> None:
    """Share the cores among the workers (unless the user set POLARS_MAX_THREADS); polars
    reads it when it is imported, in the workers."""
    cores = os.cpu_count() or 1
    os.environ.setdefault("POLARS_MAX_THREADS", str(max(1, cores // jobs)))


def _pool(jobs: int, tasks: int) -> ProcessPoolExecutor | None:
    """A pool of ``jobs`` worker processes, or None to work in this process."""
    if jobs <= 1 or tasks <= 1:
        return None
    # never a plain fork of this process: a forked polars thread pool can deadlock. A fork
    # server imports polars and the pipeline once (it computes nothing, so it has no thread
    # pool) and forks each worker from there: workers start without importing anything
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["corpusdiff.batch", "corpusdiff.pipeline",
                                        "corpusdiff.export", "corpusdiff.cli"])
    else:
        context = multiprocessing.get_context("spawn")
    _limit_threads(jobs)  # the fork server and the workers inherit it
    return ProcessPoolExecutor(max_workers=min(jobs, tasks), mp_context=context)


def _results(pool: ProcessPoolExecutor | None,
             tasks: Sequence[tuple[str, str, str, Options]]) -> Iterator[StoryResult]:
    """Results of :func:`compare_story` over ``tasks`` as they finish."""
    if pool is None:
        for task in tasks:
            yield compare_story(*task)
        return
    futures: dict[Future[StoryResult], str] = {
        pool.submit(compare_story, *task): task[0] for task in tasks}
    for future in as_completed(futures):
        try:
            yield future.result()
        except Exception as exc:  # a worker died (killed, out of memory)
            yield StoryResult(Path(futures[future]).name, None, None, None, None,
                              "failed", error=f"worker failed: {type(exc).__name__}: {exc}")


def run_batch(root: str | os.PathLike[str], output_dir: str | os.PathLike[str], fmt: str,
              options: Options | None = None, jobs: int | None = None, force: bool = False,
              progress: Callable[[str, float], None] | None = None) -> list[StoryResult]:
    """Compare every story folder of ``root``, write one report per story and the index into
    ``output_dir``; return the results sorted by story. Stories whose report is newer than
    their inputs are skipped (``unchanged``) unless ``force``. Raises CorpusdiffError when
    ``root`` has no story folders or ``output_dir`` cannot be written."""
    if fmt not in SUFFIXES:
        raise CorpusdiffError(f"unknown --format {fmt!r}; choose one of: " + ", ".join(SUFFIXES))
    options = options or Options()
    stories = find_stories(root)
    out = prepare_output(output_dir)
    jobs = jobs or os.cpu_count() or 1
    previous = _previous_rows(out)
    results: list[StoryResult] = []
    tasks: list[tuple[str, str, str, Options]] = []
    for story in stories:
        report = out / f"{story.name}{SUFFIXES[fmt]}"
        if not force and story.name in previous and up_to_date(story, report):
            row = previous[story.name]
            results.append(StoryResult(
                story.name, *(row.get(k) for k in ("articles", "shared", "omissions",
                                                    "conflicts")),  # type: ignore[arg-type]
                "unchanged", report=report.name))
        else:
            tasks.append((str(story), str(report), fmt, options))
    total = len(stories)
    show = progress or (lambda _stage, _fraction: None)
    show(f"{len(results)}/{total} stories", len(results) / total)
    pool = _pool(jobs, len(tasks))
    with pool or contextlib.nullcontext():
        for result in _results(pool, tasks):
            results.append(result)
            show(f"{len(results)}/{total} stories", len(results) / total)
        results.sort(key=lambda r: r.story)
        # the Markdown index is made by a worker, which has the exporter loaded already
        markdown = None
        if fmt == "markdown":
            markdown = (pool.submit(index_markdown, results).result() if pool is not None
                        else index_markdown(results))
    write_index(out, results, markdown)
    return results


def write_index(out: Path, results: Sequence[StoryResult], markdown: str | None = None) -> None:
    """``index.json`` (a re-run reads it) and, when given, the ``markdown`` index as
    ``index.md``."""
    from corpusdiff.files import write_output

    rows = [r.row() for r in results]
    lines = ["{", f'"schema": {json.dumps(INDEX_SCHEMA)},', '"stories": [']
    lines += [json.dumps(row, ensure_ascii=False, sort_keys=False)
              + ("," if i < len(rows) - 1 else "") for i, row in enumerate(rows)]
    lines += ["]", "}"]
    write_output("\n".join(lines) + "\n", str(out / "index.json"))
    if markdown is not None:
        write_output(markdown, str(out / "index.md"))


def _md_cell(text: str) -> str:
    from corpusdiff.export.markdown import escape

    return escape(text)


def index_markdown(results: Sequence[StoryResult]) -> str:
    """The index as a Markdown table, one row per story."""
    failed = sum(r.status == "failed" for r in results)
    lines = ["# Stories", "",
             f"{len(results)} stories, {failed} failed.", "",
             "| story | articles | shared statements | omissions | conflicts | status |",
             "|---|---:|---:|---:|---:|---|"]
    for r in results:
        story = f"[{_md_cell(r.story)}](<{r.report}>)" if r.report else _md_cell(r.story)
        status = f"failed: {_md_cell(r.error)}" if r.status == "failed" else r.status
        counts = ["" if v is None else str(v) for v in (r.articles, r.shared, r.omissions,
                                                         r.conflicts)]
        lines.append(f"| {story} | " + " | ".join(counts) + f" | {status} |")
    return "\n".join(lines) + "\n"

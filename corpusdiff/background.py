"""Quote and fact extraction in a second process, while this one aligns (large corpora only).

Both extractions read only the segmented, boilerplate-marked sentences (not the alignment), and
on a large corpus they take about as long as the alignment: on two cores they run beside it.
The helper process is started right after the articles are read, so its imports (about half a
second) overlap with segmentation and cleaning; it is a plain ``python -m
corpusdiff.background`` child that reads one pickled (articles, sentences) pair on stdin and
writes the pickled (quote marks, facts) on stdout. Threads would gain nothing: the extraction
is Python code that holds the GIL.

Small corpora (the seeds) are extracted in-process: a child costs more than it saves there.
Whatever goes wrong in the child (it cannot start, dies, or answers garbage), :meth:`result`
returns None and the pipeline extracts in-process, so the outcome never depends on it.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

#: corpora with at least this many characters of article text are extracted in a second
#: process (300 real articles hold 1.37 M; there the extraction takes ~1.8 CPU s against the
#: child's ~0.35 s of imports, which overlap with segmentation and cleaning)
APART_CHARS = 400_000
#: set to "0" to keep every corpus in one process
ENV_SWITCH = "CORPUSDIFF_BACKGROUND"


class Extraction:
    """A child process extracting the quote marks and facts of one corpus."""

    def __init__(self) -> None:
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "corpusdiff.background"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self._out: list[bytes] = []
        self._threads: list[threading.Thread] = []
        # a comparison that fails or is dropped half-way leaves no child behind
        self._finalizer = weakref.finalize(self, _stop, self._proc)

    def send(self, articles: pl.DataFrame, sentences: pl.DataFrame) -> None:
        """Hand the corpus to the child (the write and the read of the answer run in threads:
        the child may still be importing, and it exits as soon as its answer is read)."""
        data = pickle.dumps((articles, sentences), protocol=pickle.HIGHEST_PROTOCOL)
        proc = self._proc

        def write() -> None:
            try:
                assert proc.stdin is not None
                proc.stdin.write(data)
                proc.stdin.close()
            except OSError:  # the child died: result() says so
                pass

        def read() -> None:
            try:
                assert proc.stdout is not None
                self._out.append(proc.stdout.read())
            except OSError:
                pass

        self._threads = [threading.Thread(target=write, daemon=True),
                         threading.Thread(target=read, daemon=True)]
        for thread in self._threads:
            thread.start()

    def result(self) -> tuple[pl.DataFrame, pl.DataFrame] | None:
        """(quote marks, facts) as :func:`extract_quotes` and :func:`extract_facts` return
        them, or None when the child failed (the caller then extracts in-process)."""
        for thread in self._threads:
            thread.join()
        try:
            code = self._proc.wait()
            answer = pickle.loads(self._out[0]) if code == 0 and self._out else None
        except Exception:  # any failure of the child means: extract here
            answer = None
        finally:
            self._finalizer()
        return answer


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()


def start(articles: pl.DataFrame) -> Extraction | None:
    """A child process for the extraction of a large corpus (None for a small one, when
    CORPUSDIFF_BACKGROUND=0, or when no child can be started)."""
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return None
    if int(articles["text"].str.len_chars().sum() or 0) < APART_CHARS:
        return None
    try:
        return Extraction()
    except OSError:
        return None


def _main() -> int:
    import polars as pl  # noqa: F401 - imported while the parent segments

    from corpusdiff.analyze.facts import extract_facts
    from corpusdiff.analyze.quotes import extract_quotes

    articles, sentences = pickle.load(sys.stdin.buffer)
    answer = (extract_quotes(articles, sentences), extract_facts(sentences))
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())

"""Sentence vectors, quotes, facts, fact conflicts and loaded words computed in a second process
while this one aligns and analyses (a large corpus; a small one's vectors only).

On a large corpus the quote and fact extractions take about as long as the alignment, and they
read only the segmented, boilerplate-marked sentences, not the alignment; the sentence vectors
need only the sentences too. On two cores they run beside the alignment: the helper process is
started right after the articles are read, so its imports (about half a second) overlap with
segmentation and cleaning; it is a plain Python child (:func:`_main`) that reads pickled
messages on stdin (the texts to embed, the cleaned corpus, then the alignment) and writes four
pickled answers on stdout: the texts' vectors; the aligner's nodes' nearest neighbours (on
corpora of many articles, see SEARCH_ARTICLES; the aligner meanwhile finds its lexical
candidates and scores them); the quote marks and the facts; and last the facts' conflicts and
the loaded words, which need the alignment, the facts and the quote marks but not the
compared quotes: the child finds them while this process compares the quotes. Threads would
gain nothing: the extraction is Python code that holds the GIL.

On a small corpus (the seeds) the extraction stays in this process: a child would answer it
later than this process finds it. But when a core is idle the ``export`` and ``open`` commands
start a child that only embeds (:func:`early`) before they import polars: it loads the model
(0.12 s) while this process imports, reads and cleans, and answers the vectors before the
aligner asks.
Whatever goes wrong in the child (it cannot start, dies, or answers garbage), its answers are
None and the pipeline computes them in-process, so the outcome never depends on it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import subprocess
import sys
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl

    from corpusdiff.embed import Embedder

#: corpora with at least this many characters of article text use a second process (300 real
#: articles hold 1.37 M; there the child's work takes ~2.6 CPU s against its ~0.35 s of
#: imports, which overlap with segmentation and cleaning)
APART_CHARS = 400_000
#: the child's answers: vectors, neighbours, extraction, conflicts and framing
ANSWERS = 4
#: the child searches the aligner's neighbours too from this many articles on (the aligner
#: then waits less than the search takes). Below it the child's own work is the longer: on
#: 300 real articles embedding and extraction take ~3.6 CPU s in the child against ~3 in
#: this process, on 1,000 synthetic ones ~6 against ~12
SEARCH_ARTICLES = 500
#: set to "0" to keep every corpus in one process
ENV_SWITCH = "CORPUSDIFF_BACKGROUND"


class Extraction:
    """A child process embedding the aligner's sentences, extracting the quote marks and facts
    of one corpus, and finding the facts' conflicts and the loaded words."""

    def __init__(self, embedder: str = "none", extracts: bool = True) -> None:
        #: the embedder the child loads
        self.embedder_spec = embedder
        #: False: the child only embeds the texts (a small corpus: it neither imports polars
        #: nor extracts; its vectors are ready before the aligner asks for them)
        self.extracts = extracts
        # this very package first on the child's path (not one the working directory holds)
        root = str(Path(__file__).resolve().parent.parent)
        code = (f"import sys; sys.path.insert(0, {root!r}); "
                "from corpusdiff.background import _main; raise SystemExit(_main())")
        self._proc = subprocess.Popen(
            [sys.executable, "-c", code, embedder, "extract" if extracts else "embed"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        #: the child's answers in order (vectors, neighbours, extraction, conflicts and
        #: framing); None for one it failed
        self._answers: list[Any] = []
        self._got = threading.Condition()
        self._threads: list[threading.Thread] = []
        #: pickled messages for the writer thread, in order; None closes stdin
        self._outbox: queue.Queue[bytes | None] = queue.Queue()
        self._closed = False
        self._has_corpus = False
        # a comparison that fails or is dropped half-way leaves no child (nor writer) behind
        self._finalizer = weakref.finalize(self, _stop, self._proc, self._outbox)

    def send_texts(self, texts: list[str]) -> None:
        """Hand the child the texts to embed, as soon as the sentences are split (before they
        are cleaned): every distinct sentence text, a superset of the aligner's node texts,
        so that the vectors are ready when the aligner asks for them."""
        self._post(texts)

    def send(self, articles: pl.DataFrame, sentences: pl.DataFrame) -> None:
        """Hand the corpus to extract from (the cleaned sentences) to the child; without
        :meth:`send_texts` first, the child embeds the node texts of these sentences. The
        writes and the reads run in threads: the child may still be importing. A child that
        only embeds gets no corpus: it ends once it has answered the vectors."""
        if not self.extracts:
            self._close()
            return
        if not self._threads:
            self._post(None)
        self._post((articles, sentences, articles.height >= SEARCH_ARTICLES))
        self._has_corpus = True

    def send_alignment(self, sentences: pl.DataFrame, members: pl.DataFrame) -> None:
        """Hand the child the aligned sentences and the group members: once it has extracted
        the quote marks and facts, it finds the facts' conflicts and the loaded words
        (:meth:`analysed`), then exits."""
        if self._threads and not self._closed:
            self._post((sentences, members))
        self._close()

    def _close(self) -> None:
        """After the last message: the writer closes the child's stdin and ends."""
        if not self._closed:
            self._closed = True
            self._outbox.put(None)

    def _post(self, message: Any) -> None:
        if not self._threads:
            self._start_threads()
        self._outbox.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def _start_threads(self) -> None:
        proc = self._proc
        outbox = self._outbox

        def write() -> None:
            assert proc.stdin is not None
            try:
                while (data := outbox.get()) is not None:
                    proc.stdin.write(data)
                    proc.stdin.flush()
                proc.stdin.close()
            except OSError:  # the child died: its answers say so
                pass

        def read() -> None:
            assert proc.stdout is not None
            for _ in range(ANSWERS):
                try:
                    answer = pickle.load(proc.stdout)
                except Exception:  # died or garbled: this answer and the next are missing
                    answer = None
                with self._got:
                    self._answers.append(answer)
                    self._got.notify_all()

        self._threads = [threading.Thread(target=write, daemon=True),
                         threading.Thread(target=read, daemon=True)]
        for thread in self._threads:
            thread.start()

    def _answer(self, i: int) -> Any:
        if not self._threads:
            return None
        with self._got:
            self._got.wait_for(lambda: len(self._answers) > i)
        return self._answers[i]

    def embedder(self, spec: str) -> Embedder | None:
        """The embedder ``spec`` names, answering from the child's vectors when it embedded
        the same texts (loaded here when it did not). Its ``neighbours(texts)`` gives the
        child's (knn, kinship) of :func:`corpusdiff.semantic.neighbourhood` for the nodes
        with these texts, or None."""
        if spec == "none":
            return None
        return _Answered(self, spec)

    def wait(self) -> None:
        """Wait until the child has answered and exited (its memory is free again)."""
        if not self._threads:  # nothing was sent: the child would wait for ever
            self._finalizer()
        self._close()  # a message missing: the child ends on its closed stdin
        for thread in self._threads:
            thread.join()
        self._proc.wait()

    def result(self) -> tuple[pl.DataFrame, pl.DataFrame] | None:
        """(quote marks, facts) as :func:`extract_quotes` and :func:`extract_facts` return
        them, or None when the child failed (the caller then extracts in-process)."""
        if not self._has_corpus:  # the child has nothing to extract from: it ends
            self.wait()
            self._finalizer()
            return None
        answer = self._answer(2)
        if answer is None:  # the child failed: it ends, and its memory is free again
            self.wait()
            self._finalizer()
        return answer

    def analysed(self) -> tuple[pl.DataFrame, pl.DataFrame] | None:
        """(conflicts, framing) of the alignment :meth:`send_alignment` sent: the facts'
        conflicts as :func:`.analyze.conflicts.conflicts` finds them over
        :func:`.analyze.conflicts.conflict_pairs`, and the loaded words as
        :func:`.analyze.framing.framing` finds them; None when the child failed or got no
        alignment. The child has ended afterwards."""
        try:
            self.wait()
            answer = self._answer(3) if self._proc.returncode == 0 else None
        finally:
            self._finalizer()
        return answer


class _Answered:
    """An embedder answering from the child's vectors, with the child's neighbour search."""

    def __init__(self, extraction: Extraction, spec: str) -> None:
        self._extraction, self._spec = extraction, spec

    def __call__(self, texts: list[str]) -> Any:
        answer = self._extraction._answer(0)
        if answer is not None and answer[1] is not None:
            row = {text: i for i, text in enumerate(answer[0])}
            if all(text in row for text in texts):
                # a text's vector does not depend on the others embedded with it
                return answer[1][[row[text] for text in texts]]
        from corpusdiff import embed as local

        loaded = local.load(self._spec)
        assert loaded is not None
        return loaded(texts)

    def neighbours(self, texts: list[str]) -> tuple[pl.DataFrame, Any] | None:
        """The child's (knn, kinship) for the nodes with ``texts``, or None (it searched
        other nodes, or none: fewer than SEARCH_ARTICLES articles)."""
        answer = self._extraction._answer(1)
        if answer is None or answer[0] != texts:
            return None
        return answer[1], answer[2]


def _stop(proc: subprocess.Popen[bytes], outbox: queue.Queue[bytes | None]) -> None:
    outbox.put(None)  # a writer still waiting for messages ends
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()


def idle_core() -> bool:
    """Whether a core was idle over the last minute (load average at most the cores this
    process may use less one): a child that only embeds saves this process 0.12 s on the
    seeds for 0.25 CPU s of its own, a loss when no core is free."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        return os.getloadavg()[0] <= cores - 1
    except OSError:  # no load average (Windows)
        return cores > 1


def early(size: int | None, embedder: str = "none") -> Extraction | None:
    """A child started before the articles are read and before this process imports polars
    (``size``: the input files' bytes, :func:`corpusdiff.ingest.input_bytes`; None when they
    cannot be listed, and reading them reports why): its imports then overlap this
    process's. From APART_CHARS bytes on it extracts too; below, it only embeds (none for
    ``--embedder none``, nor when no core is idle: :func:`idle_core`): started this early, it
    answers the vectors of even the seeds before the aligner asks, and this process does not
    load the model (0.12 s). Pass it to :func:`start`, which keeps it when it fits."""
    if os.environ.get(ENV_SWITCH, "1") == "0" or size is None:
        return None
    extracts = size >= APART_CHARS
    if not extracts and (embedder == "none" or not idle_core()):
        return None
    try:
        return Extraction(embedder, extracts)
    except OSError:
        return None


def start(articles: pl.DataFrame, embedder: str = "none",
          early: Extraction | None = None) -> Extraction | None:
    """A child process for a large corpus (None for a small one, when CORPUSDIFF_BACKGROUND=0,
    or when no child can be started). ``embedder``: the spec of the embedder whose vectors the
    child computes first (it loads it while this process segments). ``early``: a child
    :func:`early` started for these articles, used when it fits (its embedder, and extracting
    only for a large corpus) and stopped when not."""
    large = (os.environ.get(ENV_SWITCH, "1") != "0"
             and int(articles["text"].str.len_chars().sum() or 0) >= APART_CHARS)
    if early is not None:
        if early.embedder_spec == embedder and not early._threads and (
                large or not early.extracts):
            return early
        early._finalizer()
    if not large:
        return None
    try:
        return Extraction(embedder)
    except OSError:
        return None


def _trim() -> None:
    """Give freed heap memory back to the system (glibc only; elsewhere nothing happens)."""
    import ctypes
    import ctypes.util

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def _answer_vectors(loaded: Embedder | None, texts: list[str] | None) -> Any:
    """Write and return (texts, their vectors), or None when there is no embedder or it
    fails (the parent then embeds, and reports the error, itself)."""
    vectors: Any = None
    try:
        if loaded is not None and texts is not None:
            vectors = (texts, loaded(texts))
    except Exception:
        pass
    pickle.dump(vectors, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    return vectors


def _main() -> int:
    # this process ends with os._exit once it has answered, and what it builds holds no
    # cycles worth collecting: the collector's passes over the growing heap of mentions
    # (a tenth of the extraction's CPU) are skipped
    gc.disable()
    from corpusdiff import embed

    extracts = sys.argv[2] == "extract"
    if extracts:  # imported while the parent segments
        import polars as pl  # noqa: F401

        from corpusdiff import semantic
        from corpusdiff.align import node_table, node_texts
        from corpusdiff.analyze.conflicts import conflict_pairs, conflicts
        from corpusdiff.analyze.facts import extract_facts
        from corpusdiff.analyze.quotes import extract_quotes

    try:
        loaded = embed.load(sys.argv[1])
    except Exception:  # the parent embeds, and reports the error, itself
        loaded = None
    # the texts to embed, sent early; None when the corpus comes first (then its node texts)
    first = pickle.load(sys.stdin.buffer)
    if not extracts:  # the texts' vectors, and done
        _answer_vectors(loaded, first)
        os._exit(0)
    corpus = pickle.load(sys.stdin.buffer) if first is None else None
    out = sys.stdout.buffer
    try:
        texts = node_texts(corpus[1]) if corpus is not None else first
    except Exception:  # the parent embeds itself
        texts = None
    vectors = _answer_vectors(loaded, texts)
    # the embedder's table and the tokenizer's buffers are not needed any more: the
    # extraction reuses their memory (the two processes' peaks add up)
    loaded = None
    embed.forget()
    _trim()
    articles, sentences, search = (corpus if corpus is not None
                                   else pickle.load(sys.stdin.buffer))
    # the nodes' neighbours, which the aligner needs once it has scored its lexical
    # candidates: searched here meanwhile, from the same vectors
    searched: Any = None
    try:
        if vectors is not None and search:
            nodes = node_table(sentences)
            texts = nodes["text"].to_list()
            row = {text: i for i, text in enumerate(vectors[0])}
            if all(text in row for text in texts):
                searched = (texts, *semantic.neighbourhood(
                    vectors[1][[row[text] for text in texts]], nodes))
    except Exception:  # the parent searches itself
        pass
    pickle.dump(searched, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()
    del vectors, searched
    _trim()
    marks = extract_quotes(articles, sentences)
    facts = extract_facts(sentences, marks)
    pickle.dump((marks, facts), out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()
    try:
        aligned, members = pickle.load(sys.stdin.buffer)
    except EOFError:  # no alignment comes (the parent failed or finds the conflicts itself)
        os._exit(0)
    from corpusdiff.analyze.framing import framing

    found = conflicts(facts, conflict_pairs(facts, members, aligned), aligned, articles)
    # the loaded words read only the quoted spans, which the marks hold as the compared
    # quotes do
    pickle.dump((found, framing(aligned, members, marks)), out,
                protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()
    # the parent waits for this process to end: skip the interpreter's teardown (~0.1 s)
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(_main())

"""The second process that embeds the sentences and extracts quotes and facts of a large
corpus: the same vectors and tables as in-process, a fallback when the child fails, and no
child left behind."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from corpusdiff import background, embed, semantic
from corpusdiff.align import align_all, node_table, node_texts
from corpusdiff.analyze.conflicts import conflict_pairs, conflicts
from corpusdiff.analyze.facts import extract_facts
from corpusdiff.analyze.framing import framing
from corpusdiff.analyze.quotes import extract_quotes
from corpusdiff.clean import mark_boilerplate
from corpusdiff.ingest import ingest, input_bytes
from corpusdiff.model import Options
from corpusdiff.pipeline import compare
from corpusdiff.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: three reports of one invented story whose facts conflict (tests/test_facts.py)
HARLOW = sorted((Path(__file__).resolve().parent / "data" / "facts").glob("harlow_*.txt"))


def _seeds(paths: list[Path] = [SEEDS]):  # noqa: B006 - never changed
    articles, _ = ingest(paths)
    return articles, mark_boilerplate(segment(articles), articles)


def test_small_corpus_stays_in_process() -> None:
    articles, _ = _seeds()
    assert background.start(articles, "wordllama") is None


def test_child_extracts_what_this_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, sentences = _seeds()
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    extraction.send(articles, sentences)
    texts = node_texts(sentences)
    vectors = extraction.embedder("wordllama")(texts)  # type: ignore[misc]
    assert np.array_equal(vectors, embed.load("wordllama")(texts))  # type: ignore[misc]
    answer = extraction.result()
    assert answer is not None
    marks, facts = answer
    assert marks.height > 0 and facts.height > 0
    assert marks.equals(extract_quotes(articles, sentences))
    # as the pipeline extracts them: the facts read the quote speakers' names
    assert facts.equals(extract_facts(sentences, marks))


def test_texts_sent_early_give_the_same_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    # the pipeline sends every distinct sentence text right after splitting, boilerplate
    # included: the aligner's node texts are picked out of them
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, sentences = _seeds()
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    extraction.send_texts(sentences["text"].unique(maintain_order=True).to_list())
    extraction.send(articles, sentences)
    texts = node_texts(sentences)
    vectors = extraction.embedder("wordllama")(texts)  # type: ignore[misc]
    assert np.array_equal(vectors, embed.load("wordllama")(texts))  # type: ignore[misc]
    answer = extraction.result()
    assert answer is not None and answer[0].equals(extract_quotes(articles, sentences))


def _analysed_by_child(paths: list[Path]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(conflicts, framing) as the child finds them, checked against this process's."""
    articles, sentences = _seeds(paths)
    extraction = background.start(articles, "none")
    assert extraction is not None
    extraction.send(articles, sentences)
    aligned = align_all(sentences, Options(embedder="none"))
    extraction.send_alignment(aligned.sentences, aligned.members)
    answer = extraction.result()
    assert answer is not None
    marks, facts = answer
    analysed = extraction.analysed()
    assert analysed is not None
    found, framed = analysed
    pairs = conflict_pairs(facts, aligned.members, aligned.sentences)
    assert found.equals(conflicts(facts, pairs, aligned.sentences, articles))
    assert framed.equals(framing(aligned.sentences, aligned.members, marks))
    return found, framed


def test_child_finds_conflicts_and_loaded_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    assert _analysed_by_child(HARLOW)[0].height > 0  # conflicting facts
    assert _analysed_by_child([SEEDS])[1].height > 0  # loaded words


def test_no_alignment_nothing_analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, sentences = _seeds()
    extraction = background.start(articles, "none")
    assert extraction is not None
    extraction.send(articles, sentences)
    assert extraction.result() is not None
    assert extraction.analysed() is None  # the child ended on its closed stdin


def test_child_searches_the_neighbours_this_process_would(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    monkeypatch.setattr(background, "SEARCH_ARTICLES", 2)
    articles, sentences = _seeds()
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    extraction.send_texts(sentences["text"].unique(maintain_order=True).to_list())
    extraction.send(articles, sentences)
    nodes = node_table(sentences)
    texts = nodes["text"].to_list()
    embedder = extraction.embedder("wordllama")
    found = embedder.neighbours(texts)  # type: ignore[union-attr]
    assert found is not None
    knn, kinship = found
    here_knn, here_kinship = semantic.neighbourhood(embed.load("wordllama")(texts),  # type: ignore[misc]
                                                    nodes)
    assert knn.height > 0 and knn.equals(here_knn)
    assert np.array_equal(kinship, here_kinship)
    # other nodes than the child's: searched here
    assert embedder.neighbours(texts[1:]) is None  # type: ignore[union-attr]
    assert extraction.result() is not None


def test_child_leaves_the_neighbours_of_fewer_articles_to_this_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, sentences = _seeds()
    assert articles.height < background.SEARCH_ARTICLES
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    extraction.send(articles, sentences)
    embedder = extraction.embedder("wordllama")
    assert embedder.neighbours(node_texts(sentences)) is None  # type: ignore[union-attr]
    assert extraction.result() is not None


def test_texts_without_a_corpus_end_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, sentences = _seeds()
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    extraction.send_texts(sentences["text"].to_list())
    assert extraction.result() is None  # no corpus came: the child ends, nothing hangs


@pytest.mark.parametrize("paths", [[SEEDS], HARLOW], ids=["seeds", "harlow"])
def test_comparison_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch,
                                           paths: list[Path]) -> None:
    alone = compare(paths)
    monkeypatch.setattr(background, "APART_CHARS", 0)
    started: list[background.Extraction] = []
    real_start = background.start

    def spy(articles, embedder, early=None):  # type: ignore[no-untyped-def]
        found = real_start(articles, embedder, early)
        started.append(found)
        return found

    monkeypatch.setattr(background, "start", spy)
    helped = compare(paths)
    assert started and started[0] is not None
    for table in ("quotes", "paraphrases", "facts", "conflicts", "exclusive_facts",
                  "omissions", "framing"):
        assert getattr(helped, table).equals(getattr(alone, table)), table


def test_switched_off_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    monkeypatch.setenv(background.ENV_SWITCH, "0")
    articles, _ = _seeds()
    assert background.start(articles, "wordllama") is None


def test_failed_child_answers_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, sentences = _seeds()
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    extraction.send(articles, sentences.drop("text"))  # the child fails on this
    texts = node_texts(sentences)
    # no vectors from the child: embedded here
    assert np.array_equal(extraction.embedder("wordllama")(texts),  # type: ignore[misc]
                          embed.load("wordllama")(texts))  # type: ignore[misc]
    assert extraction.result() is None


def test_dropped_extraction_leaves_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, _ = _seeds()
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    pid = extraction._proc.pid
    del extraction
    gc.collect()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: the finaliser killed and waited for it


def test_waiting_on_an_idle_child_stops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, _ = _seeds()
    extraction = background.start(articles, "wordllama")
    assert extraction is not None
    assert extraction.result() is None  # nothing sent: stopped, not waited on for ever


def test_a_child_started_early_is_kept_for_a_large_corpus(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    early = background.early(input_bytes([SEEDS]), "wordllama")
    assert early is not None and early.extracts
    articles, sentences = _seeds()
    assert background.start(articles, "wordllama", early) is early
    early.send(articles, sentences)
    assert early.result() is not None


@pytest.fixture
def idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """A core is idle (the test machine may be busy)."""
    monkeypatch.setattr(background, "idle_core", lambda: True)


def test_a_small_corpus_gets_a_child_that_only_embeds(monkeypatch: pytest.MonkeyPatch,
                                                      idle: None) -> None:
    size = input_bytes([SEEDS])  # a few KB of files
    assert background.early(size, "none") is None  # nothing to embed: no child
    early = background.early(size, "wordllama")
    assert early is not None and not early.extracts
    articles, sentences = _seeds()
    assert background.start(articles, "wordllama", early) is early
    texts = node_texts(sentences)
    early.send_texts(texts)
    early.send(articles, sentences)  # not sent: the child ends after the vectors
    embedder = early.embedder("wordllama")
    assert np.array_equal(embedder(texts), embed.load("wordllama")(texts))  # type: ignore[misc]
    assert early.result() is None and early.analysed() is None  # extracted in this process
    assert early._proc.returncode == 0
    monkeypatch.setattr(background, "idle_core", lambda: False)
    assert background.early(size, "wordllama") is None  # no core free: all in this process


def test_an_idle_core_is_read_from_the_load_average(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 0.0, 0.0))
    assert background.idle_core()
    monkeypatch.setattr(os, "getloadavg", lambda: (1.6, 0.0, 0.0))
    assert not background.idle_core()


def test_a_child_that_only_embeds_gives_the_same_comparison(idle: None) -> None:
    alone = compare([SEEDS])
    early = background.early(input_bytes([SEEDS]), "wordllama")
    assert early is not None and not early.extracts
    helped = compare([SEEDS], early=early)
    assert early._proc.returncode == 0
    for table in ("sentences", "groups", "members", "quotes", "facts", "omissions",
                  "said_differently", "framing"):
        assert getattr(helped, table).equals(getattr(alone, table)), table


def test_a_child_started_early_is_stopped_when_it_does_not_fit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "APART_CHARS", 0)
    articles, _ = _seeds()
    early = background.early(input_bytes([SEEDS]), "wordllama")
    assert early is not None
    other = background.start(articles, "none", early)  # another embedder: a new child
    assert other is not None and other is not early
    assert early._proc.poll() is not None  # stopped and reaped
    other._finalizer()
    # the files were big enough, the text is not (web pages hold more bytes than text)
    early = background.early(input_bytes([SEEDS]), "wordllama")
    assert early is not None and early.extracts
    monkeypatch.setattr(background, "APART_CHARS", 10**9)
    assert background.start(articles, "wordllama", early) is None
    assert early._proc.poll() is not None
    monkeypatch.setattr(background, "idle_core", lambda: True)
    early = background.early(input_bytes([SEEDS]), "wordllama")  # only embeds
    assert early is not None and not early.extracts
    assert background.start(articles, "none", early) is None  # no embedder: stopped
    assert early._proc.poll() is not None
    assert input_bytes(["no/such/file.txt"]) is None  # reading reports it
    assert background.early(None, "wordllama") is None

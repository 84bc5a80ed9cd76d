"""The embedders: the packaged WordLlama vectors, the choices, and the errors on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from corpusdiff import embed
from corpusdiff.analyze.nearest import nearest_elsewhere, nearest_to_groups
from corpusdiff.model import CorpusdiffError, Options
from corpusdiff.pipeline import compare

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_wordllama_vectors_are_unit_float32_and_see_rewording() -> None:
    model = embed.load("wordllama")
    assert model is embed.load("wordllama")  # loaded once
    vecs = model(["Farenthold resigned from Congress on Friday.",
                  "Farenthold is resigning from Congress, he announced Friday.",
                  "She sued him and was paid $84,000 in a settlement.", ""])
    assert vecs.dtype == np.float32 and vecs.shape == (4, 256)
    assert np.allclose(np.linalg.norm(vecs[:3], axis=1), 1.0, atol=1e-5)
    assert not vecs[3].any()  # an empty text has no direction
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.3
    assert np.array_equal(vecs, model(["Farenthold resigned from Congress on Friday.",
                                       "Farenthold is resigning from Congress, he announced "
                                       "Friday.",
                                       "She sued him and was paid $84,000 in a settlement.",
                                       ""]))


def test_a_text_vector_is_its_tokens_summed_in_order_alone() -> None:
    # token vectors added first to last, whatever texts share the batch: the seeds' sentences
    # embedded together and each on its own give the same bits
    model = embed.load("wordllama")
    texts = [line for path in SEEDS for line in path.read_text("utf-8").splitlines()
             if line.strip()][:300]
    together = model(texts)
    alone = np.vstack([model([text]) for text in texts[:40]])
    assert np.array_equal(together[:40], alone)
    rng = np.random.default_rng(0)
    table = rng.standard_normal((50, 4)).astype(np.float32)
    lengths = np.array([3, 1, 7, 2, 7])
    flat = rng.integers(0, 50, int(lengths.sum()))
    sums = embed._token_sums(table, flat, lengths)
    starts = np.cumsum(lengths) - lengths
    for row, (start, n) in enumerate(zip(starts, lengths, strict=True)):
        expected = table[flat[start]].copy()
        for i in flat[start + 1:start + n]:
            expected += table[i]
        assert np.array_equal(sums[row], expected)


@pytest.mark.parametrize("spec", ["wordllama", "none", "model2vec:minishlab/potion-base-8M",
                                  "sentence-transformers:all-MiniLM-L6-v2"])
def test_known_specs_pass(spec: str) -> None:
    assert embed.check_spec(spec) == spec


@pytest.mark.parametrize("spec", ["word-llama", "model2vec:", "bert", ""])
def test_unknown_specs_list_the_choices(spec: str) -> None:
    with pytest.raises(CorpusdiffError, match="choose one of wordllama, none"):
        embed.check_spec(spec)


def test_a_missing_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "package_dir", lambda _name: None)
    monkeypatch.setattr(embed, "_cache", {})
    with pytest.raises(CorpusdiffError, match=r"corpusdiff\[model2vec\]"):
        embed.load("model2vec:some/model")
    with pytest.raises(CorpusdiffError, match=r"corpusdiff\[wordllama\]"):
        embed.load("wordllama")


def test_corrupt_weights_are_one_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "weights").mkdir()
    (tmp_path / "tokenizers").mkdir()
    (tmp_path / embed.WORDLLAMA_WEIGHTS).write_bytes(b"\x00not a safetensors file")
    monkeypatch.setattr(embed, "package_dir", lambda _name: tmp_path)
    monkeypatch.setattr(embed, "_cache", {})
    with pytest.raises(CorpusdiffError, match="cannot load the wordllama embeddings"):
        embed.load("wordllama")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpusdiff", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def test_cli_unknown_embedder_exits_2_with_the_choices() -> None:
    out = run("export", *map(str, SEEDS[:2]), "--embedder", "glove", "-o", "/dev/null")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "choose one of wordllama, none" in out.stderr


def test_cli_none_embedder_runs_and_json_keys_stay() -> None:
    out = run("export", *map(str, SEEDS[:3]), "--embedder", "none", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert '"omissions": [' in out.stdout and '"said_differently"' in out.stdout


def test_nearest_checks_omissions_before_claiming() -> None:
    cmp = compare(SEEDS, Options(embedder="wordllama"))
    said = cmp.said_differently
    om = cmp.omissions
    # a statement the outlet says differently is not also claimed as left out
    claimed = set(om.filter(om["what"] == "group").select("article", "ref").iter_rows())
    assert not {(a, str(g)) for a, g in said.select("article", "group").iter_rows()} & claimed
    for r in said.iter_rows(named=True):
        assert r["nearest_text"]
        assert r["article"] not in r["outlets"].split(", ")
    alone = cmp.unaligned_nearest.join(
        cmp.sentences.select("article", "index", "group"), on=["article", "index"])
    assert not alone.is_empty() and alone["group"].is_null().all()
    assert (alone["article"] != alone["near_article"]).all()


def test_nearest_to_groups_picks_the_best_sentence_of_outlets_outside_the_group() -> None:
    import polars as pl

    members = pl.DataFrame({"group": [0, 0], "article": ["a", "b"], "index": [1, 1]})
    pairs = pl.DataFrame({"article": ["a", "a", "b", "a"], "index": [1, 1, 1, 1],
                          "other_article": ["c", "c", "c", "b"], "other_index": [4, 5, 4, 1],
                          "score": [0.3, 0.6, 0.2, 0.9]})
    near = nearest_to_groups(members, pairs)
    assert near.rows() == [(0, "c", 5, 0.6)]
    sentences = pl.DataFrame({"article": ["c", "a"], "index": [5, 1], "kind": ["body"] * 2,
                              "group": [None, 0], "text": ["C five.", "A one."]},
                             schema_overrides={"group": pl.Int64})
    assert nearest_elsewhere(sentences,
                             pairs.select(article="other_article", index="other_index",
                                          other_article="article", other_index="index",
                                          score="score"), floor=0.5).rows() == [
        ("c", 5, "a", 1, 0.6, "A one.")]

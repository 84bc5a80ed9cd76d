"""Two more pair signals from WordLlama, measured on the basil dev stories (issue 11:
alignment recall), neither in the package.

- ``soft``: word-level soft alignment, as BERTScore does with a contextual model. Each content
  word is a WordLlama vector: the mean of its tokens' vectors. Each word of one sentence takes
  its best cosine among the other sentence's words. These are averaged, weighted by the words'
  in-story IDF, in both directions (p, r). Features: ``sf`` = 2pr / (p + r), ``smin`` =
  min(p, r), ``sr0`` = the same F over words matched at cosine >= 0.7.
- ``metric``: a learned diagonal metric on the sentence vectors. Logistic regression over the
  256 products a_k * b_k beside the cosine, leave one story out, at several L2 strengths.

Both print AUCs on the labelled candidate pairs (bench/fit_align.py's labels: 134 strong of
1095). They are given over all pairs and over the pairs outside the evidence gate
(semantic.gate_expr), where the 62 missed strong pairs are. The figure to beat there is the
word cosine's (``cos``).

    python bench/word_align_lab.py            # both
    python bench/word_align_lab.py soft       # one of them

Measured on 2026-12-07:
- soft: all pairs sf 0.914, smin 0.895, sr0 0.910 against lex 0.919 and sem 0.789. Outside the
  gate sf 0.840, smin 0.824, sr0 0.834 against cos 0.841. Added to the model's features, the
  leave-one-story-out AUC of the pair model goes 0.944 -> 0.941 (outside the gate
  0.893 -> 0.888). WordLlama's word vectors add nothing the shared words do not already say.
- metric: held-out AUC 0.676 / 0.745 / 0.780 / 0.784 at L2 10 / 100 / 1000 / 100000, against
  the plain cosine's 0.789. Outside the gate it is at most 0.717, against the cosine's 0.726.
  Six stories are too few to reweight 256 dimensions.

Skips with a message when ../shared/dev/basil is absent.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import fit_align as fa  # noqa: E402
from recall_lab import auc  # noqa: E402

from corpusdiff import align as aligner  # noqa: E402
from corpusdiff import embed, semantic  # noqa: E402
from corpusdiff.text import STOPWORDS  # noqa: E402

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
MATCHED = 0.7


class WordVectors:
    """WordLlama's vector of a word: the normalised mean of its tokens' vectors."""

    def __init__(self) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = embed.package_dir("wordllama")
        self.table = load_file(str(folder / embed.WORDLLAMA_WEIGHTS))[
            embed.WORDLLAMA_TENSOR].astype(np.float32)
        self.tok = Tokenizer.from_file(str(folder / embed.WORDLLAMA_TOKENIZER))
        self.tok.no_padding()
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, words: list[str]) -> np.ndarray:
        for w in words:
            if w not in self.cache:
                v = self.table[self.tok.encode(" " + w, add_special_tokens=False).ids].mean(0)
                self.cache[w] = v / (np.linalg.norm(v) + 1e-9)
        if not words:
            return np.zeros((0, self.table.shape[1]), dtype=np.float32)
        return np.array([self.cache[w] for w in words])


def soft_features(feats: pl.DataFrame, texts: list[str], vectors: WordVectors) -> pl.DataFrame:
    """``feats`` with sf, smin and sr0 (see the module docstring) for each pair (a, b)."""
    words = [[w.lower() for w in WORD.findall(t) if w.lower() not in STOPWORDS] for t in texts]
    df: dict[str, int] = {}
    for ws in words:
        for w in set(ws):
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log((len(words) + 1) / (d + 0.5)) for w, d in df.items()}
    mats = [vectors(ws) for ws in words]
    weights = [np.array([idf[w] for w in ws]) for ws in words]
    out: dict[str, list[float]] = {"sf": [], "smin": [], "sr0": []}
    for a, b in feats.select("a", "b").iter_rows():
        if not len(mats[a]) or not len(mats[b]):
            for v in out.values():
                v.append(0.0)
            continue
        sims = mats[a] @ mats[b].T
        best_a, best_b = sims.max(1), sims.max(0)
        p = float((best_a * weights[a]).sum() / weights[a].sum())
        r = float((best_b * weights[b]).sum() / weights[b].sum())
        p0 = float(((best_a >= MATCHED) * weights[a]).sum() / weights[a].sum())
        r0 = float(((best_b >= MATCHED) * weights[b]).sum() / weights[b].sum())
        out["sf"].append(2 * p * r / (p + r + 1e-9))
        out["smin"].append(min(p, r))
        out["sr0"].append(2 * p0 * r0 / (p0 + r0 + 1e-9))
    return feats.with_columns(**{k: pl.Series(v) for k, v in out.items()})


def held_out_logits(x: np.ndarray, y: np.ndarray, story: np.ndarray, l2: float) -> np.ndarray:
    """Leave-one-story-out logistic regression: each story's log-odds from the others' fit."""
    out = np.zeros(y.size)
    x = np.hstack([x, np.ones((y.size, 1))])
    for s in np.unique(story):
        train = story != s
        out[~train] = x[~train] @ fa.newton_logistic(x[train], y[train], l2, 60)
    return out


def main() -> int:
    which = set(sys.argv[1:]) or {"soft", "metric"}
    score = fa.scorer()
    folders = fa.stories()
    if score is None or not folders:
        print("skipped: ../shared/dev/basil is absent")
        return 0
    emb = embed.load("wordllama")
    words = WordVectors() if "soft" in which else None
    parts, products = [], []
    for folder in folders:
        feats = fa.story_features(folder, score, emb)
        _, nodes = aligner._nodes(fa.story_sentences(folder))
        texts = nodes["text"].to_list()
        if words is not None:
            feats = soft_features(feats, texts, words)
        keep = feats["label"].is_not_null().to_numpy()
        if "metric" in which:
            v = emb(texts)
            a, b = feats["a"].to_numpy()[keep], feats["b"].to_numpy()[keep]
            products.append(v[a] * v[b] * v.shape[1])  # uniform weights -> the cosine
        parts.append(feats.filter(pl.col("label").is_not_null()))
    t = pl.concat(parts)
    y, story = t["label"].to_numpy(), t["story"].to_numpy()
    outside = ~t.select(semantic.gate_expr()).to_series().to_numpy()
    print(f"{int(y.sum())} strong of {y.size} labelled pairs; outside the gate "
          f"{int(y[outside].sum())} of {int(outside.sum())}")

    def aucs(names: tuple[str, ...]) -> str:
        return "; ".join(f"{f} {auc(t[f].to_numpy(), y):.3f} / "
                         f"{auc(t[f].to_numpy()[outside], y[outside]):.3f}" for f in names)

    print("AUC all / outside the gate:", aucs(("sem", "lex", "cos", "cont")))
    if "soft" in which:
        print("soft:", aucs(("sf", "smin", "sr0")))
        for names in (semantic.FEATURES, (*semantic.FEATURES, "sf", "smin", "sr0")):
            z = held_out_logits(t.select(names).to_numpy(), y, story, fa.L2)
            print(f"  pair model, {len(names)} features, held out: AUC {auc(z, y):.3f} / "
                  f"{auc(z[outside], y[outside]):.3f}")
    if "metric" in which:
        x = np.vstack(products)
        # the cosine as a column of its own (scaled so that L2 hardly touches its weight): the
        # products' weights learn only the departures from it
        x = np.hstack([x, t["sem"].to_numpy()[:, None] * 1000])
        for l2 in (10.0, 100.0, 1000.0, 100000.0):
            z = held_out_logits(x, y, story, l2)
            print(f"metric, L2 {l2:g}, held out: AUC {auc(z, y):.3f} / "
                  f"{auc(z[outside], y[outside]):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fit the aligner's pair score (corpusdiff/semantic.py WEIGHTS, INTERCEPT) and the "says it
differently" threshold (corpusdiff/analyze/nearest.py SAYS_DIFFERENTLY) on the basil dev stories.

1. Every candidate node pair of a story (lexical blocking + each sentence's nearest neighbours
   by WordLlama cosine in every other outlet) gets its features (semantic.FEATURES) and a label
   from the story's gold: 1 for a strong pair, 0 for a pair the gold does not list; "related"
   pairs (allowed, not required) are left out of the fit.
2. Logistic regression (numpy, Newton steps, a little L2) on the training stories.
3. The operating point: the pipeline is run on the training stories at a range of score cuts;
   the cut with the highest recall at precision >= TARGET_PRECISION is moved onto the default
   threshold (0.22) by shifting the intercept.
4. The omission check: among statement omissions claimed at that point, the nearest-sentence
   score that best separates false claims (the gold pairs one of the statement's sentences with
   a sentence of the outlet) from true ones.

Folds: the stories sorted by name, first half / second half; each half is fitted and scored on
the other (held-out figures), then all six are fitted for the constants printed at the end.

    python bench/fit_align.py            # print the fit and the held-out figures
    python bench/fit_align.py --write    # also write the constants into the package
    python bench/fit_align.py --gated    # fit only on the pairs the evidence gate passes
    python bench/fit_align.py --embedder sentence-transformers:PATH   # fit for another embedder

Skips with a message when ../shared/dev/basil is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpusdiff import align as aligner  # noqa: E402
from corpusdiff import embed, semantic  # noqa: E402
from corpusdiff.analyze import nearest as near_mod  # noqa: E402
from corpusdiff.analyze.omissions import omissions  # noqa: E402
from corpusdiff.clean import mark_boilerplate  # noqa: E402
from corpusdiff.ingest import ingest  # noqa: E402
from corpusdiff.model import Options  # noqa: E402
from corpusdiff.segment import segment  # noqa: E402

DEV = ROOT.parent / "shared" / "dev"
TARGET_PRECISION = 0.85
DEFAULT_THRESHOLD = Options().threshold
CUTS = (0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.22, 0.26, 0.3, 0.35, 0.4, 0.5)
L2 = 1e-2


def scorer():
    """The dev set's score.py module (None when absent)."""
    path = DEV / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("dev_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stories() -> list[Path]:
    """The basil story folders, sorted (empty when the dev set is absent)."""
    base = DEV / "basil"
    return sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []


def story_sentences(folder: Path) -> pl.DataFrame:
    """The sentences table of a story, as the pipeline builds it before alignment."""
    articles, _ = ingest(sorted(folder.glob("*.txt")))
    return mark_boilerplate(segment(articles), articles)


def gold_sets(sentences: pl.DataFrame, gold: dict, score) -> tuple[set, set]:
    """(strong, related): sets of frozenset({(article, index), (article, index)})."""
    sents = {(a, i): score.norm(t) for a, i, t in
             sentences.select("article", "index", "text").iter_rows()}
    out: list[set] = [set(), set()]
    for n, key in enumerate(("strong", "related")):
        for x, y in gold.get(key, []):
            for a in score.side_matches(x, sents):
                for b in score.side_matches(y, sents):
                    if a[0] != b[0]:
                        out[n].add(frozenset((a, b)))
    return out[0], out[1]


def story_features(folder: Path, score, emb) -> pl.DataFrame:
    """Every candidate node pair of a story with its features and label (1/0; null=related)."""
    sentences = story_sentences(folder)
    strong, related = gold_sets(sentences, score.load(folder / "gold.json"), score)
    members, nodes = aligner._nodes(sentences)
    weights = aligner._weights(members, nodes)
    ctx = semantic.context(emb, nodes, members, sentences)
    lexical = aligner._candidates(weights, nodes, aligner.SEMANTIC_BLOCKING)
    pairs = pl.concat([lexical, semantic.candidates(ctx)]).unique().sort("a", "b")
    feats = semantic.features(aligner._score(pairs, weights), ctx)
    sent_of: dict[int, list] = {}
    for a, i, n in members.iter_rows():
        sent_of.setdefault(n, []).append((a, i))
    labels = []
    for a, b in feats.select("a", "b").iter_rows():
        keys = {frozenset((x, y)) for x in sent_of[a] for y in sent_of[b] if x[0] != y[0]}
        labels.append(1.0 if keys & strong else None if keys & related else 0.0)
    return feats.with_columns(label=pl.Series(labels, dtype=pl.Float64), story=pl.lit(
        folder.name))


def fit(table: pl.DataFrame, gated: bool = False) -> tuple[tuple[float, ...], float]:
    """Logistic regression on the labelled rows (only those the evidence gate lets the model
    decide when ``gated``): (weights, intercept)."""
    t = table.filter(pl.col("label").is_not_null())
    if gated:
        t = t.filter(semantic.gate_expr())
    x = t.select(semantic.FEATURES).to_numpy().astype(np.float64)
    x = np.hstack([x, np.ones((x.shape[0], 1))])
    w = newton_logistic(x, t["label"].to_numpy(), L2, 50)
    return tuple(round(float(v), 3) for v in w[:-1]), round(float(w[-1]), 3)


def newton_logistic(x: np.ndarray, y: np.ndarray, l2: float, steps: int) -> np.ndarray:
    """Logistic regression weights by Newton steps, L2-regularised except the last column
    (the intercept's column of ones)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def export_like(alignment) -> dict:
    """The parts of the JSON export that score.py reads."""
    sents = [{"article": a, "index": i, "text": t} for a, i, t in
             alignment.sentences.select("article", "index", "text").iter_rows()]
    groups: dict[int, list] = {}
    for g, a, i in alignment.members.select("group", "article", "index").iter_rows():
        groups.setdefault(g, []).append({"article": a, "index": i})
    return {"sentences": sents, "groups": [{"id": g, "members": m} for g, m in groups.items()]}


def evaluate(folders: list[Path], score, emb, threshold: float,
             differently: float | None = None) -> dict:
    """Run the aligner on stories; counts of strong pairs found, predicted pairs, correct
    predicted pairs, and statement omissions claimed / false (with their nearest scores)."""
    out = {"found": 0, "strong": 0, "pred": 0, "ok": 0, "claims": 0, "false": 0, "near": []}
    for folder in folders:
        sentences = story_sentences(folder)
        gold = score.load(folder / "gold.json")
        al = aligner.align_all(sentences, Options(threshold=threshold), embedder=emb)
        doc = export_like(al)
        r, _, k, _, _, fps = score.score_pairs(doc, gold)
        out["strong"] += len(gold["strong"])
        out["found"] += round(r * len(gold["strong"]))
        out["pred"] += k
        out["ok"] += k - len(fps)
        strong, _ = gold_sets(sentences, gold, score)
        partners: dict = {}
        for pair in strong:
            x, y = tuple(pair)
            partners.setdefault(x, set()).add(y[0])
            partners.setdefault(y, set()).add(x[0])
        ids = sorted(sentences["article"].unique().to_list())
        nearest = near_mod.nearest_to_groups(al.members, al.pairs)
        claims = omissions(al.sentences, al.members, ids, nearest=nearest).filter(
            pl.col("what") == "group")
        mem: dict[int, list] = {}
        for g, a, i in al.members.select("group", "article", "index").iter_rows():
            mem.setdefault(g, []).append((a, i))
        for art, ref, ns in claims.select("article", "ref", "nearest_score").iter_rows():
            false = any(art in partners.get(m, ()) for m in mem[int(ref)])
            ns = ns or 0.0
            out["near"].append((ns, false))
            if differently is not None and ns >= differently:
                continue
            out["claims"] += 1
            out["false"] += false
    return out


def line(name: str, r: dict) -> str:
    rec = r["found"] / max(r["strong"], 1)
    prec = r["ok"] / max(r["pred"], 1)
    return (f"{name:<28} recall {rec:.3f} precision {prec:.3f} ({r['found']}/{r['strong']} "
            f"strong, {r['pred']} predicted); false statement omissions "
            f"{r['false']}/{r['claims']}")


def choose_cut(folders, score, emb) -> float:
    """The score cut with the best recall at precision >= TARGET_PRECISION on ``folders``."""
    best, best_rec = CUTS[-1], -1.0
    for cut in CUTS:
        r = evaluate(folders, score, emb, cut)
        rec, prec = r["found"] / max(r["strong"], 1), r["ok"] / max(r["pred"], 1)
        print(f"    cut {cut:.2f}: recall {rec:.3f} precision {prec:.3f}")
        if prec >= TARGET_PRECISION and rec > best_rec:
            best, best_rec = cut, rec
    return best


def choose_differently(near: list[tuple[float, bool]]) -> float:
    """The nearest-score threshold with the fewest errors: false claims kept plus true claims
    withdrawn (the lowest such threshold on a tie, withdrawing the least)."""
    values = sorted({round(s, 2) for s, _ in near if s > 0} | {0.99})
    best = None
    for t in values:
        err = sum(f for s, f in near if s < t) + sum(not f for s, f in near if s >= t)
        if best is None or err < best[0]:
            best = (err, t)
    return best[1]


def calibrated(weights, intercept, cut) -> tuple[tuple[float, ...], float]:
    """Shift the intercept so that ``cut`` falls on the default threshold."""
    return weights, round(intercept + semantic.logit(DEFAULT_THRESHOLD) - semantic.logit(cut), 3)


def run_fit(train, score, emb, feats, gated: bool = False
            ) -> tuple[tuple[float, ...], float, float]:
    """Fit on ``train``: (weights, intercept, differently threshold)."""
    weights, intercept = fit(feats.filter(pl.col("story").is_in([p.name for p in train])),
                             gated)
    semantic.WEIGHTS, semantic.INTERCEPT = weights, intercept
    cut = choose_cut(train, score, emb)
    weights, intercept = calibrated(weights, intercept, cut)
    semantic.WEIGHTS, semantic.INTERCEPT = weights, intercept
    near = evaluate(train, score, emb, DEFAULT_THRESHOLD)["near"]
    return weights, intercept, choose_differently(near)


def write_constants(weights, intercept, differently) -> None:
    """Write the fitted constants into corpusdiff/semantic.py and analyze/nearest.py."""
    p = ROOT / "corpusdiff" / "semantic.py"
    s = p.read_text()
    s = re.sub(r"^WEIGHTS = \(.*\)$", f"WEIGHTS = {weights!r}", s, flags=re.M)
    s = re.sub(r"^INTERCEPT = .*$", f"INTERCEPT = {intercept!r}", s, flags=re.M)
    p.write_text(s)
    p = ROOT / "corpusdiff" / "analyze" / "nearest.py"
    s = p.read_text()
    s = re.sub(r"^SAYS_DIFFERENTLY = .*$", f"SAYS_DIFFERENTLY = {differently!r}", s, flags=re.M)
    p.write_text(s)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the constants into the package")
    ap.add_argument("--gated", action="store_true",
                    help="fit only on the pairs the evidence gate lets the model decide")
    ap.add_argument("--embedder", default=embed.DEFAULT,
                    help="embedder spec (see corpusdiff/embed.py); --write needs the default")
    args = ap.parse_args()
    if args.write and args.embedder != embed.DEFAULT:
        print("--write writes the default embedder's constants: fit it with the default")
        return 2
    score, folders = scorer(), stories()
    if score is None or not folders:
        print(f"skipped: no basil dev set at {DEV / 'basil'}")
        return 0
    emb = embed.load(args.embedder)
    print(f"embedder {args.embedder}")
    feats = pl.concat([story_features(f, score, emb) for f in folders])
    lab = feats.filter(pl.col("label").is_not_null())
    print(f"{feats.height} candidate pairs, {int(lab['label'].sum())} strong, "
          f"{feats['label'].null_count()} related (left out)")
    half = len(folders) // 2
    folds = [(folders[:half], folders[half:]), (folders[half:], folders[:half])]
    for n, (train, test) in enumerate(folds, 1):
        print(f"fold {n}: fit on {[p.name[:8] for p in train]}")
        weights, intercept, differently = run_fit(train, score, emb, feats, args.gated)
        print(f"  weights {weights} intercept {intercept} says-differently {differently}")
        print("  " + line("train", evaluate(train, score, emb, DEFAULT_THRESHOLD, differently)))
        print("  " + line("held out", evaluate(test, score, emb, DEFAULT_THRESHOLD,
                                               differently)))
    print("all stories:")
    weights, intercept, differently = run_fit(folders, score, emb, feats, args.gated)
    print(f"  features {semantic.FEATURES}")
    print(f"  WEIGHTS = {weights}\n  INTERCEPT = {intercept}\n  SAYS_DIFFERENTLY = {differently}")
    print("  " + line("all (in-sample)", evaluate(folders, score, emb, DEFAULT_THRESHOLD,
                                                  differently)))
    if args.write:
        write_constants(weights, intercept, differently)
        print("written to corpusdiff/semantic.py and corpusdiff/analyze/nearest.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The aligner on its three golds in one run: the basil dev stories (strong-pair recall and
precision, false statement omissions, as ../shared/tools/dev-scores.sh counts them), and the
project's own seeds and invented gold (strict pair precision and recall, as bench/quality.py
prints them).

    python bench/align_golds.py [--embedder none|wordllama] [--threshold T]

The basil line is skipped with a message when ../shared/dev/basil is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import fit_align  # noqa: E402
import quality  # noqa: E402

from corpusdiff import embed  # noqa: E402
from corpusdiff.analyze import nearest  # noqa: E402
from corpusdiff.model import Options  # noqa: E402


def golds(embedder: str, threshold: float | None = None) -> dict[str, tuple]:
    """name -> (precision, recall[, false omissions, claims]) for basil, seeds, invented."""
    out: dict[str, tuple] = {}
    score, folders = fit_align.scorer(), fit_align.stories()
    t = Options().threshold if threshold is None else threshold
    if score is not None and folders:
        r = fit_align.evaluate(folders, score, embed.load(embedder), t,
                               nearest.SAYS_DIFFERENTLY)
        out["basil"] = (r["ok"] / max(r["pred"], 1), r["found"] / max(r["strong"], 1),
                        r["false"], r["claims"])
    for name in ("seeds", "invented"):
        res = quality.run_corpus(quality.CORPORA[name], threshold, embedder)
        out[name] = (res.scores["precision"], res.scores["recall"])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embedder", default="wordllama")
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args()
    res = golds(args.embedder, args.threshold)
    if "basil" not in res:
        print(f"basil: skipped (no dev set at {fit_align.DEV / 'basil'})")
    for name, v in res.items():
        extra = f"  false omissions {v[2]}/{v[3]}" if len(v) > 2 else ""
        print(f"{args.embedder:<10} {name:<9} precision {v[0]:.3f} recall {v[1]:.3f}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

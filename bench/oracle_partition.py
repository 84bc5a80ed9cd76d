"""How far can sentence groups go on basil when the pair signal is perfect? (issue 11)

The aligner's output is a partition: every sentence in at most one group, and every two
sentences of different outlets in a group count as a predicted pair. The gold's pairs are not a
partition (a lede paired with four sentences of another outlet, each of those with other
sentences), so a partition may be unable to reach the recall target at the precision target
whatever the scores. This builds one from the gold itself: it joins the groups of a strong
pair's two sentences, cheapest first (fewest predicted pairs the gold does not list, strong or
related; then the most pairs it does), across all six stories, and stops before the first
join that would take the pooled precision below 0.85. Sentences are the export's own
(corpusdiff's segmentation), matched to the gold as ../shared/dev/score.py does.

    python bench/oracle_partition.py

Measured on 2026-12-07: recall 0.981 (152 of 155 strong pairs) at precision 0.876 (217
predicted pairs). The partition is not the limit; the aligner's 0.574 at 0.936 is the pair
signal's (bench/recall_lab.py).

Skips with a message when ../shared/dev/basil is absent.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import fit_align as fa  # noqa: E402

PRECISION = 0.85

Key = tuple[str, int]


def story_pairs(folder: Path, score, tmp: Path) -> tuple[list, set]:
    """(strong, acceptable) of a story: each strong pair as its two sides' sentence keys, and
    every cross-outlet sentence pair the gold lists (strong or related)."""
    out = tmp / f"{folder.name}.json"
    subprocess.run([sys.executable, "-m", "corpusdiff", "export", *sorted(
        map(str, folder.glob("*.txt"))), "--format", "json", "--output", str(out)],
        check=True, capture_output=True, cwd=ROOT)
    export, gold = json.loads(out.read_text()), score.load(folder / "gold.json")
    sents = score.sentence_table(export)
    strong = [(score.side_matches(a, sents), score.side_matches(b, sents))
              for a, b in gold["strong"]]
    ok = {frozenset((x, y)) for a, b in gold["strong"] + gold.get("related", [])
          for x in score.side_matches(a, sents) for y in score.side_matches(b, sents)
          if x[0] != y[0]}
    return strong, ok


def main() -> int:
    score, folders = fa.scorer(), fa.stories()
    if score is None or not folders:
        print("skipped: ../shared/dev/basil is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        stories = {f.name: story_pairs(f, score, Path(tmp)) for f in folders}
    owner: dict[tuple, tuple] = {}  # (story, article, index) -> its group's key
    members: dict[tuple, set] = {}

    def group(k: tuple) -> set:
        return members.get(owner.get(k, k), {k})

    pred = good = 0
    while True:
        best = None
        for name, (strong, ok) in stories.items():
            for sides in strong:
                for x, y in itertools.product(*sides):
                    kx, ky = (name, *x), (name, *y)
                    gx, gy = group(kx), group(ky)
                    if gx is gy or kx in gy:
                        continue
                    new = [frozenset((p[1:], q[1:])) for p in gx for q in gy if p[1] != q[1]]
                    bad = sum(pair not in ok for pair in new)
                    cost = (bad, bad - len(new))
                    if best is None or cost < best[0]:
                        best = (cost, kx, ky, len(new), bad)
        if best is None:
            break
        _, kx, ky, n_new, bad = best
        if bad and (good + n_new - bad) / (pred + n_new) < PRECISION:
            break
        joined = group(kx) | group(ky)
        root = owner.get(kx, kx)
        members.pop(owner.get(ky, ky), None)
        members[root] = joined
        for k in joined:
            owner[k] = root
        pred, good = pred + n_new, good + n_new - bad
    found = sum(any(owner.get((name, *x), (name, *x)) == owner.get((name, *y), (name, *y))
                    for x, y in itertools.product(*sides))
                for name, (strong, _) in stories.items() for sides in strong)
    total = sum(len(strong) for strong, _ in stories.values())
    print(f"oracle partition: recall {found / total:.3f} ({found}/{total} strong pairs), "
          f"precision {good / max(pred, 1):.3f} ({pred} predicted pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

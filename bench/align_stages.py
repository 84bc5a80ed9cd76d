"""CPU seconds and peak RSS of each step of the alignment (``align.align_all``), in-process.

    python bench/align_stages.py FILES_OR_DIRS... [--embedder wordllama|none]

Reads, segments and cleans the articles as the pipeline does (not measured), then aligns them
with the steps metered by ``bench/stages.py``'s Meter (exclusive CPU seconds of the whole
process, all threads; peak RSS sampled every 2 ms): nodes and weights, embedding, neighbour
search, lexical blocking, lexical scores, learned scores (features), grouping, tables (groups,
members, sentence pairs), and what no step covers (other).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import stages

STEPS = {
    "nodes+weights": [("align", "_nodes"), ("align", "_weights")],
    "embed": [],  # the embedder itself, wrapped below
    "neighbours": [("semantic", "neighbours")],
    "candidates": [("align", "_candidates")],
    "lex-score": [("align", "_score")],
    "features": [("semantic", "rescore")],
    "grouping": [("align", "_group")],
    "tables": [("align", "_tables"), ("align", "_sentence_pairs")],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--embedder", default="wordllama")
    args = ap.parse_args()
    from corpusdiff import align, embed, semantic
    from corpusdiff.clean import mark_boilerplate
    from corpusdiff.ingest import ingest
    from corpusdiff.model import Options
    from corpusdiff.segment import segment

    articles, _ = ingest(args.paths)
    sentences = mark_boilerplate(segment(articles), articles)
    stages.STAGES = tuple(STEPS)
    meter = stages.Meter()
    modules = {"align": align, "semantic": semantic}
    for step, hooks in STEPS.items():
        for mod, fn in hooks:
            setattr(modules[mod], fn, meter.wrap(step, getattr(modules[mod], fn)))
    emb = embed.load(args.embedder)
    emb = meter.wrap("embed", emb) if emb is not None else None
    meter.start()
    cpu = time.process_time()
    result = align.align_all(sentences, Options(embedder=args.embedder), embedder=emb)
    cpu = time.process_time() - cpu
    meter.stop()
    print(f"{len(args.paths)} path(s): {sentences.height} sentences, {result.groups.height} "
          f"groups, {result.pairs.height} sentence pairs")
    for step, seconds in meter.cpu.items():
        print(f"  {step:<14} cpu {seconds:6.2f} s   peak {meter.peak[step] / stages.MIB:6.0f} MiB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  {'align_all':<14} cpu {cpu:6.2f} s   peak {peak:6.0f} MiB (process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

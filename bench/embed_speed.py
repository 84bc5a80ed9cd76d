"""CPU time of the sentence embedder alone (``corpusdiff/embed.py``) on the texts the aligner
embeds: the node texts (one per distinct sentence) of the seeds, of each basil dev story and of
the 300 real articles of ``../shared/dev/scale_polnear``.

Prints, per corpus, the number of texts, the CPU seconds of the embedding (time.process_time:
all threads of the process, so a multi-threaded embedder is not flattered by the 2 cores) and
the process's peak RSS so far; the model's load time is printed first. Corpora of the dev set
are skipped with a message when it is absent.

    python bench/embed_speed.py                                   # the default (wordllama)
    python bench/embed_speed.py --embedder sentence-transformers:/path/to/model
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpusdiff import align as aligner  # noqa: E402
from corpusdiff import embed  # noqa: E402
from corpusdiff.clean import mark_boilerplate  # noqa: E402
from corpusdiff.ingest import ingest  # noqa: E402
from corpusdiff.segment import segment  # noqa: E402

DEV = ROOT.parent / "shared" / "dev"


def node_texts(files: list[Path]) -> list[str]:
    """The texts the aligner embeds for these articles (one per node)."""
    articles, _ = ingest(sorted(files))
    sentences = mark_boilerplate(segment(articles), articles)
    _, nodes = aligner._nodes(sentences)
    return nodes["text"].to_list()


def peak_mib() -> float:
    """Peak resident memory of this process so far (MiB; ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embedder", default=embed.DEFAULT)
    args = ap.parse_args()
    corpora: list[tuple[str, list[Path]]] = [("seeds", sorted((ROOT / "seeds").glob("*.txt")))]
    basil = sorted(p for p in (DEV / "basil").iterdir() if p.is_dir()) if (
        DEV / "basil").is_dir() else []
    corpora += [(f"basil/{p.name[:8]}", sorted(p.glob("*.txt"))) for p in basil]
    real = DEV / "scale_polnear"
    if real.is_dir():
        corpora.append(("scale_polnear (300 articles)", sorted(real.glob("*.txt"))))
    if not basil or not real.is_dir():
        print(f"note: dev sets missing under {DEV}: only the corpora found are timed")
    texts = [(name, node_texts(files)) for name, files in corpora]
    t0 = time.process_time()
    emb = embed.load(args.embedder)
    if emb is None:
        print("embedder none: nothing to time")
        return 0
    print(f"embedder {args.embedder}: load {time.process_time() - t0:.2f} CPU s, "
          f"peak RSS {peak_mib():.0f} MiB")
    basil_total = [0, 0.0]
    for name, items in texts:
        t0 = time.process_time()
        emb(items)
        cpu = time.process_time() - t0
        print(f"  {name:<30} {len(items):>6} texts {cpu:8.2f} CPU s "
              f"({1000 * cpu / max(len(items), 1):.2f} ms/text), peak RSS {peak_mib():.0f} MiB")
        if name.startswith("basil/"):
            basil_total[0] += len(items)
            basil_total[1] += cpu
    if basil_total[0]:
        print(f"  {'basil (6 stories)':<30} {basil_total[0]:>6} texts {basil_total[1]:8.2f} CPU s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

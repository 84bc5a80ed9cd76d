"""How many screens the alignment takes in each layout: side by side or unified, wrapped or
cut at the column's edge, runs of one outlet's rows folded or not. The default layout is the
one that shows a comparison in the fewest screens while still reading whole sentences.

    python bench/alignment_screens.py [--size 120x40] [--story ID ...]

Corpora: the seed articles, and real stories from ../shared/dev/basil/<id>/*.txt (skipped
with a message when absent). Screens = lines of the alignment / lines of its view, rounded up.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASIL = ROOT.parent / "shared" / "dev" / "basil"
DEFAULT_STORY = "b7021938-ff8d-42ea-adec-5704c0b65237"


async def _measure(paths: list[str], size: tuple[int, int]) -> dict[tuple[str, str, str], int]:
    from corpusdiff.pipeline import compare
    from corpusdiff.tui.app import CorpusdiffApp
    from corpusdiff.tui.screens.alignment import AlignmentScreen

    comparison = compare(paths)
    app = CorpusdiffApp(paths, comparison=comparison)
    out = {}
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AlignmentScreen)
        for fold in ("folded", "unfolded"):
            for unified in (False, True):
                for wrap in (True, False):
                    screen.unified, screen.wrap = unified, wrap
                    screen.expanded = set(screen.row_run.values()) if fold == "unfolded" \
                        else set()
                    screen.rebuild()
                    await pilot.pause()
                    view = screen.view
                    lines = view.virtual_size.height
                    key = ("unified" if unified else "side by side",
                           "wrap" if wrap else "no wrap", fold)
                    out[key] = math.ceil(lines / max(view.size.height, 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--story", action="append", help="a basil story id (repeatable)")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    corpora = {"seeds": [str(ROOT / "seeds")]}
    if BASIL.is_dir():
        for story in args.story or [DEFAULT_STORY]:
            files = sorted(str(p) for p in (BASIL / story).glob("*.txt"))
            if files:
                corpora[f"basil {story[:8]}"] = files
    else:
        print(f"{BASIL} is absent: measuring the seeds only")
    results = {name: asyncio.run(_measure(paths, size)) for name, paths in corpora.items()}
    keys = list(next(iter(results.values())))
    names = list(results)
    print(f"screens at {size[0]}x{size[1]} (fewer is better)")
    print(f"{'layout':42}" + "".join(f"{n:>18}" for n in names))
    for key in keys:
        print(f"{', '.join(key):42}" + "".join(f"{results[n][key]:>18}" for n in names))


if __name__ == "__main__":
    main()

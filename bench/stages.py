"""Per-stage time and memory of one comparison and its export, measured in this process.

    python bench/stages.py [--format json|markdown] FILES_OR_DIRS...

prints one JSON object on stdout: ``{"stages": {stage: {"seconds": s, "cpu_seconds": c,
"peak_mib": m}}, ...}`` (CPU seconds of the whole process, all threads, while the stage ran).
``bench/speed.py`` runs it as a child process per corpus (a fresh interpreter each time).

The pipeline is not changed or re-assembled here: the functions each stage consists of are
wrapped where the pipeline looks them up (in every loaded ``corpusdiff`` module that holds
them), then ``compare`` runs as the CLI runs it. A stage's time is exclusive: a stage called
from inside another (an embedding inside the alignment) is subtracted from the caller. What no
stage covers (the Comparison's assembly, progress calls) is ``other``: it should stay near
zero; when it grows, a step is missing from ``HOOKS``. Peak MiB is the highest resident
set size sampled (every 2 ms, from ``/proc/self/statm``; ``ru_maxrss`` where there is no /proc)
while the stage was running: process-wide, so it includes what earlier stages still hold.

A stage whose functions do not exist (``embed`` before the semantic alignment lands) reads 0.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import json
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

#: stages in pipeline order
STAGES = ("ingest", "segment", "clean", "embed", "align", "quotes", "facts", "omissions",
          "nearest", "framing", "glue", "export")
#: stage -> (module, function) pairs whose calls count to it; "*" = every public function and
#: method defined in the module
HOOKS: dict[str, list[tuple[str, str]]] = {
    "ingest": [("corpusdiff.ingest", "ingest")],
    "segment": [("corpusdiff.segment", "segment")],
    "clean": [("corpusdiff.clean", "mark_boilerplate")],
    "embed": [("corpusdiff.embed", "*")],
    "align": [("corpusdiff.align", "align"), ("corpusdiff.align", "align_all")],
    "quotes": [("corpusdiff.analyze.quotes", "extract_quotes"),
               ("corpusdiff.analyze.quotes", "compare_quotes"),
               ("corpusdiff.analyze.quotes", "paraphrased"),
               ("corpusdiff.analyze.quotes", "sentence_stems")],
    "facts": [("corpusdiff.analyze.facts", "extract_facts"),
              ("corpusdiff.analyze.conflicts", "conflict_pairs"),
              ("corpusdiff.analyze.conflicts", "conflicts"),
              ("corpusdiff.analyze.facts", "exclusive_facts"),
              ("corpusdiff.analyze.fact_pairs", "word_weights")],
    "omissions": [("corpusdiff.analyze.omissions", "omissions"),
                  ("corpusdiff.analyze.coverage", "carries")],
    # says-differently: the closest sentence elsewhere, read from the aligner's scored pairs
    "nearest": [("corpusdiff.analyze.nearest", "*")],
    "framing": [("corpusdiff.analyze.framing", "framing")],
    # the pipeline's own steps between the stages (titles, boilerplate warnings)
    "glue": [("corpusdiff.pipeline", "_titles"), ("corpusdiff.clean", "web_page_warnings")],
    "export": [("corpusdiff.export.json", "to_json"),
               ("corpusdiff.export.markdown", "to_markdown")],
}
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MIB = 1024 * 1024


def rss_bytes() -> int:
    """Current resident set size (peak so far where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Meter:
    """Exclusive seconds and peak RSS per stage; stages nest through a stack."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys([*STAGES, "other"], 0.0)
        self.cpu = dict.fromkeys([*STAGES, "other"], 0.0)
        self.peak = dict.fromkeys([*STAGES, "other"], 0)
        self.stack: list[str] = ["other"]
        self.mark = time.perf_counter()
        self.cpu_mark = time.process_time()
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.sampler = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self.done.wait(0.002):
            self.note()

    def note(self) -> None:
        rss = rss_bytes()
        with self.lock:
            top = self.stack[-1]
            self.peak[top] = max(self.peak[top], rss)

    def _switch(self, push: str | None) -> None:
        self.note()
        now, cpu = time.perf_counter(), time.process_time()
        with self.lock:
            self.seconds[self.stack[-1]] += now - self.mark
            self.cpu[self.stack[-1]] += cpu - self.cpu_mark
            self.mark, self.cpu_mark = now, cpu
            if push is None:
                self.stack.pop()
            else:
                self.stack.append(push)
        self.note()

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.stack[-1] == stage:  # recursion or a helper of the same stage
                return fn(*args, **kwargs)
            self._switch(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                self._switch(None)

        timed.__wrapped_stage__ = stage  # type: ignore[attr-defined]
        return timed

    def start(self) -> None:
        self.mark = time.perf_counter()
        self.cpu_mark = time.process_time()
        self.sampler.start()

    def stop(self) -> None:
        while len(self.stack) > 1:  # a stage left by an exception
            self._switch(None)
        now, cpu = time.perf_counter(), time.process_time()
        self.seconds["other"] += now - self.mark
        self.cpu["other"] += cpu - self.cpu_mark
        self.mark, self.cpu_mark = now, cpu
        self.done.set()
        self.sampler.join()


def _targets(module: Any, name: str) -> list[tuple[Any, str, Any]]:
    """(owner, attribute, function) to wrap for ``name`` of ``module``."""
    if name != "*":
        fn = getattr(module, name, None)
        return [(module, name, fn)] if callable(fn) else []
    found = []
    for attr, value in vars(module).items():
        if attr.startswith("_") or getattr(value, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(value):
            found.append((module, attr, value))
        elif inspect.isclass(value):
            found += [(value, m, f) for m, f in vars(value).items()
                      if inspect.isfunction(f) and not m.startswith("_")]
    return found


def install(meter: Meter) -> list[str]:
    """Wrap every stage's functions wherever corpusdiff modules hold them; return the stages
    that have none (they read 0)."""
    import corpusdiff.export  # loads the exporters
    import corpusdiff.pipeline  # noqa: F401 - loads every step

    missing = []
    for stage, hooks in HOOKS.items():
        wrapped = 0
        for modname, name in hooks:
            try:
                module = importlib.import_module(modname)
            except ImportError:
                continue
            for owner, attr, fn in _targets(module, name):
                timed = meter.wrap(stage, fn)
                setattr(owner, attr, timed)
                wrapped += 1
                if owner is not module:
                    continue
                for other in list(sys.modules.values()):
                    if getattr(other, "__name__", "").startswith("corpusdiff"):
                        for key, value in list(vars(other).items()):
                            if value is fn:
                                setattr(other, key, timed)
                        if isinstance(getattr(other, "FORMATS", None), dict):
                            for key, value in other.FORMATS.items():
                                if value is fn:
                                    other.FORMATS[key] = timed
        if not wrapped:
            missing.append(stage)
    return missing


def measure(paths: Sequence[str], fmt: str) -> dict[str, Any]:
    """Run ``compare`` and the export on ``paths`` with every stage metered."""
    meter = Meter()
    start = time.perf_counter()
    missing = install(meter)
    imports = time.perf_counter() - start
    from corpusdiff.export import FORMATS
    from corpusdiff.pipeline import compare

    meter.start()
    start = time.perf_counter()
    comparison = compare(list(paths))
    text = FORMATS[fmt](comparison)
    total = time.perf_counter() - start
    meter.stop()
    return {
        "stages": {s: {"seconds": round(meter.seconds[s], 4),
                       "cpu_seconds": round(meter.cpu[s], 4),
                       "peak_mib": round(meter.peak[s] / MIB, 1)} for s in meter.seconds},
        "missing": missing,
        "import_seconds": round(imports, 4),
        "total_seconds": round(total, 4),
        "total_cpu_seconds": round(sum(meter.cpu.values()), 4),
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        # the helper process of a large corpus (corpusdiff.background), reaped by now
        "helper_cpu_seconds": round(sum(getattr(resource.getrusage(resource.RUSAGE_CHILDREN), f)
                                        for f in ("ru_utime", "ru_stime")), 4),
        "helper_peak_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "sentences": comparison.sentences.height,
        "output_chars": len(text),
    }


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", default="json", choices=("json", "markdown"))
    args = p.parse_args(argv)
    print(json.dumps(measure(args.paths, args.format)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

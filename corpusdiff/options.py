"""The options of a comparison and the user-input error, without polars: the CLI and the
terminal UI's first screen import these before anything heavy is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    """Everything that tunes a comparison; passed down the pipeline, never global."""

    #: minimum similarity (0-1) for two sentences of different articles to be aligned
    threshold: float = 0.22
    #: detect boilerplate (bios, link lists, embeds, repeated paragraphs) and keep it out of
    #: the alignment; boilerplate sentences are always kept in the sentences table
    boilerplate: bool = True
    #: article id whose order anchors the views (default: the first article)
    reference: str | None = None
    #: an outlet "omits" what at least k others report (default: a majority of the others)
    omission_k: int | None = None
    #: sentence embedder for semantic alignment: wordllama | none | model2vec:NAME_OR_PATH |
    #: sentence-transformers:NAME (see corpusdiff/embed.py)
    #: (its learned score only decides pairs with some shared words between outlets that tell
    #: the same events: see semantic.py and bench/align_golds.py)
    embedder: str = "wordllama"


class CorpusdiffError(Exception):
    """An error caused by the user's input; the CLI prints it as one line and exits 2."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        super().__init__(f"{path}: {message}" if path is not None else message)

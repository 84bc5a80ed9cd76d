"""Sentence embedders: a list of texts -> one unit-length float32 row per text.

The default, ``wordllama``, reads the 256-dimensional token embeddings and the tokenizer that
the ``wordllama`` wheel (MIT) ships inside the package: nothing is downloaded, and the
``wordllama`` code itself is never imported (it would configure logging and may try the
network). A sentence vector is the mean of its token vectors, normalised, as wordllama does.

``model2vec:NAME_OR_PATH`` and ``sentence-transformers:NAME`` use those packages when they are
installed (extras of the same names) and the model is already on disk: the Hugging Face hub is
put offline before they load. ``none`` means lexical alignment only.

This module imports nothing heavy at import time: numpy and the loaders are imported when an
embedder is first built.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff.options import CorpusdiffError

if TYPE_CHECKING:
    import numpy as np

#: an embedder: texts -> (len(texts), dim) float32 matrix with unit-length rows
Embedder = Callable[[list[str]], "np.ndarray"]

DEFAULT = "wordllama"
CHOICES = ("wordllama", "none", "model2vec:NAME_OR_PATH", "sentence-transformers:NAME")
WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
WORDLLAMA_TENSOR = "embedding.weight"

_cache: dict[str, Embedder] = {}


def check_spec(spec: str) -> str:
    """Return ``spec`` when it names an embedder, else raise CorpusdiffError listing the
    choices (no package is imported)."""
    if spec in ("wordllama", "none"):
        return spec
    kind, sep, name = spec.partition(":")
    if sep and name.strip() and kind in ("model2vec", "sentence-transformers"):
        return spec
    raise CorpusdiffError(f"unknown embedder {spec!r}; choose one of " + ", ".join(CHOICES))


def load(spec: str) -> Embedder | None:
    """The embedder named by ``spec`` (None for ``none``), loaded once per process.

    Raises CorpusdiffError when its package is missing or its weights are missing or corrupt.
    """
    check_spec(spec)
    if spec == "none":
        return None
    if spec not in _cache:
        kind, _, name = spec.partition(":")
        if kind == "wordllama":
            _cache[spec] = _wordllama()
        elif kind == "model2vec":
            _cache[spec] = _model2vec(name)
        else:
            _cache[spec] = _sentence_transformers(name)
    return _cache[spec]


def forget() -> None:
    """Drop the loaded embedders (their tables and tokenizers are freed)."""
    _cache.clear()


def _missing(package: str, extra: str) -> CorpusdiffError:
    return CorpusdiffError(f"the {package} package is not installed: pip install "
                           f"'corpusdiff[{extra}]' (or use --embedder none)")


def _normalised(matrix: np.ndarray, in_place: bool = False) -> np.ndarray:
    """Rows scaled to unit length (``in_place``: into ``matrix`` itself, a float32 array the
    caller owns: no second matrix at the peak)."""
    import numpy as np

    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    norms = np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), np.float32(1e-12))
    if in_place:
        matrix /= norms
        return matrix
    return matrix / norms


def package_dir(package: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


#: texts tokenised and summed at once: their token vectors stay in the CPU cache for the sums
EMBED_CHUNK = 256


def _token_sums(table: np.ndarray, flat: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Per text, the sum of the rows of ``table`` for its token ids (``flat``: every text's
    ids one after the other, ``lengths``: how many each text has, none empty), added from the
    first token to the last: a text's sum does not depend on the texts summed with it. One
    step per token position over the texts that long (longest first): ``np.add.reduceat``
    adds in another order and took 5x as long on 11k real sentences."""
    import numpy as np

    order = np.argsort(-lengths, kind="stable")
    longest = lengths[order]
    starts = (np.cumsum(lengths) - lengths)[order]
    sums = table[flat[starts]]
    for position in range(1, int(longest[0])):
        live = int(np.searchsorted(-longest, -position, side="left"))  # texts longer than it
        sums[:live] += table[flat[starts[:live] + position]]
    out = np.empty_like(sums)
    out[order] = sums
    return out


def token_mean_embedder(table: np.ndarray, encode: Callable[[list[str]], list[list[int]]]
                        ) -> Embedder:
    """An embedder that averages the rows of ``table`` for each text's token ids, EMBED_CHUNK
    texts at a time."""
    import itertools

    import numpy as np

    table = np.ascontiguousarray(table, dtype=np.float32)

    def embed_chunk(texts: list[str], out: np.ndarray) -> None:
        ids = encode(texts)
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        total = int(lengths.sum())
        if not total:
            return
        flat = np.fromiter(itertools.chain.from_iterable(ids), dtype=np.int64, count=total)
        np.clip(flat, 0, table.shape[0] - 1, out=flat)
        filled = lengths > 0
        out[filled] = (_token_sums(table, flat, lengths[filled])
                       / lengths[filled, None].astype(np.float32))

    def embed(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        for start in range(0, len(texts), EMBED_CHUNK):
            embed_chunk(texts[start:start + EMBED_CHUNK], out[start:start + EMBED_CHUNK])
        return _normalised(out, in_place=True)

    return embed


def _wordllama() -> Embedder:
    folder = package_dir("wordllama")
    if folder is None:
        raise _missing("wordllama", "wordllama")
    weights, tok_file = folder / WORDLLAMA_WEIGHTS, folder / WORDLLAMA_TOKENIZER
    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError as err:
        raise _missing(err.name or "safetensors", "wordllama") from err
    try:
        table = load_file(str(weights))[WORDLLAMA_TENSOR]
        tokenizer = Tokenizer.from_file(str(tok_file))
    except Exception as err:  # missing file, truncated or foreign data: one line, exit 2
        raise CorpusdiffError(f"cannot load the wordllama embeddings ({err.__class__.__name__}: "
                              f"{str(err)[:120]}); use --embedder none",
                              weights) from err
    if table.ndim != 2 or table.shape[0] < 1000:
        raise CorpusdiffError("unexpected embedding table shape "
                              f"{tuple(table.shape)}; use --embedder none", weights)
    tokenizer.no_padding()
    tokenizer.no_truncation()

    def encode(texts: list[str]) -> list[list[int]]:
        return [e.ids for e in tokenizer.encode_batch_fast(texts, add_special_tokens=False)]

    return token_mean_embedder(table, encode)


def _offline() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    # the libraries' own progress bars ("Loading weights") would break into the CLI's output
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def _model2vec(name: str) -> Embedder:
    if package_dir("model2vec") is None:
        raise _missing("model2vec", "model2vec")
    _offline()
    try:
        from model2vec import StaticModel

        model = StaticModel.from_pretrained(name)
    except Exception as err:
        raise CorpusdiffError(f"cannot load model2vec model {name!r} from disk "
                              f"({err.__class__.__name__}); nothing is downloaded") from err
    return lambda texts: _normalised(model.encode(texts))


def _sentence_transformers(name: str) -> Embedder:
    if package_dir("sentence_transformers") is None:
        raise _missing("sentence-transformers", "sentence-transformers")
    _offline()
    try:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(name, local_files_only=True)
    except Exception as err:
        raise CorpusdiffError(f"cannot load sentence-transformers model {name!r} from disk "
                              f"({err.__class__.__name__}); nothing is downloaded") from err
    return lambda texts: _normalised(model.encode(texts, convert_to_numpy=True))

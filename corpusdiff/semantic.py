"""Semantic evidence for the aligner: sentence vectors, nearest neighbours in every other
outlet, and the learned pair score that weighs them against the lexical evidence.

numpy is imported inside the functions: importing this module costs nothing, so the terminal
UI paints before any of it loads.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

import polars as pl

if TYPE_CHECKING:
    from corpusdiff.embed import Embedder

#: neighbours kept per sentence in each other outlet
NEIGHBOURS = 3
#: with more outlets than this, each sentence keeps its KNN_MAX best neighbours overall (then
#: the best NEIGHBOURS per outlet among them) instead of an exact search per outlet
EXACT_OUTLETS = 12
KNN_MAX = 12
#: a neighbour below this cosine is no candidate (it may still be scored if lexical evidence
#: proposes the pair)
SEM_FLOOR = 0.35
#: the evidence gate (bench/align_golds.py measures it on basil, seeds and invented): the
#: learned score decides a pair only when the words alone already say much (lexical score
#: >= LEX_SURE), or when the words say something (>= LEX_MIN), the two sentences are each
#: other's nearest in the other outlet, and the two outlets tell the same events: the median,
#: over one outlet's sentences, of the cosine to their nearest sentence in the other is at least
#: SAME_EVENTS (outlets that share only a topic, as the seeds' episodes do, stay below it).
#: Two sentences that are each other's nearest at a very high cosine (>= SEM_SURE) need no
#: more. Any other pair keeps its lexical score.
LEX_SURE = 0.2
SEM_SURE = 0.75
LEX_MIN = 0.15
SAME_EVENTS = 0.5
#: rows of the similarity matrix computed at once: memory is CHUNK x nodes floats
CHUNK = 1024
#: scores are rounded to this many digits (byte-identical exports)
DIGITS = 6
#: sorts node pairs by (a, b) as one integer: several times cheaper than a sort on two
#: columns (node ids stay far below 2**31)
PAIR_ORDER = pl.col("a") * 2 ** 32 + pl.col("b")

#: the pair features, in the order of WEIGHTS
FEATURES = ("sem", "lex", "cos", "cont", "top", "mutual", "dpos")
#: logistic-regression weights and intercept, fitted by bench/fit_align.py on the basil dev
#: stories (see its docstring); the intercept is shifted so that the fitted operating point
#: falls on the default threshold (0.22). Refit with `python bench/fit_align.py --write`.
WEIGHTS = (2.942, 17.45, 0.372, 3.856, 0.195, 1.259, -2.593)
INTERCEPT = -5.433


@dataclass(frozen=True)
class Context:
    """What the pair features need besides the lexical scores."""

    #: node -> unit vector (row = node id)
    vectors: Any
    #: a, b, rank: b is a's rank-th nearest node (1 = nearest) among the nodes of one of b's
    #: outlets (the best rank over them)
    knn: pl.DataFrame
    #: node, pos (0-1 relative position among body sentences)
    positions: pl.DataFrame
    #: the outlets of every node (a sentence several outlets print word for word is one node)
    outlets: Outlets | None = None
    #: outlet x outlet: how closely the two outlets' sentences match (see SAME_EVENTS)
    kinship: Any = None


@dataclass(frozen=True)
class Outlets:
    """Which outlets each node belongs to, as integer codes (outlets in name order)."""

    #: node -> its first outlet by name (nodes run in this order: each outlet's nodes whose
    #: first outlet it is form one span)
    owner: Any
    #: node x outlet booleans: the node is a sentence of that outlet
    member: Any
    #: node -> its outlet codes, for the nodes of several outlets only
    shared: dict[int, Any]

    @classmethod
    def of(cls, nodes: pl.DataFrame) -> Outlets:
        """The outlets of ``nodes`` (columns ``articles``: the node's articles, sorted)."""
        import numpy as np

        lists = nodes["articles"]
        lengths = lists.list.len().cast(pl.Int64).to_numpy()
        # the lists are sorted by name: dense ranks are codes in name order, a list's first
        # code its owner
        codes = lists.explode().rank("dense").cast(pl.Int64).to_numpy() - 1
        n = lengths.size
        member = np.zeros((n, int(codes.max()) + 1 if codes.size else 0), dtype=bool)
        member[np.repeat(np.arange(n), lengths), codes] = True
        starts = np.cumsum(lengths) - lengths
        shared = {int(i): codes[starts[i]:starts[i] + lengths[i]]
                  for i in np.flatnonzero(lengths > 1)}
        return cls(codes[starts] if n else np.zeros(0, dtype=np.int64), member, shared)

    @cached_property
    def memberships(self) -> pl.DataFrame:
        """node, outlet: one row per node and outlet it belongs to."""
        import numpy as np

        node, outlet = np.nonzero(self.member)
        return pl.DataFrame({"node": node.astype(np.int64), "outlet": outlet.astype(np.int64)})

    @cached_property
    def _by_outlet(self) -> tuple[Any, Any]:
        """(start, nodes): each outlet's nodes, nodes[start[o]:start[o + 1]]."""
        import numpy as np

        outlet, node = np.nonzero(self.member.T)
        return np.searchsorted(outlet, np.arange(self.count + 1)), node

    def meeting(self, outlets: Any) -> Any:
        """The nodes of any of ``outlets`` (sorted, each once)."""
        import numpy as np

        start, node = self._by_outlet
        return np.unique(np.concatenate([node[start[o]:start[o + 1]] for o in outlets.tolist()]))

    @property
    def count(self) -> int:
        """Number of outlets."""
        return int(self.member.shape[1])


def positions(members: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """node, pos: where each node's earliest sentence stands in its article's body."""
    body = (
        sentences.filter(pl.col("kind") == "body")
        .sort("article", "index")
        .with_columns(rank=pl.int_range(pl.len()).over("article"),
                      n=pl.len().over("article"))
        .select("article", "index", "rank",
                pos=pl.col("rank") / pl.max_horizontal(pl.col("n") - 1, 1))
    )
    return (
        members.join(body, on=["article", "index"], how="left")
        .group_by("node")
        .agg(pos=pl.col("pos").min().fill_null(0.0))
        .sort("node")
    )


def _mask(sims: Any, rows: Any, outlets: Outlets, head: Any,
          spans: tuple[Any, Any] | None, first_col: int = 0) -> None:
    """Set to -inf the pairs that cannot align: two sentences of one outlet (a node several
    outlets share counts in each), or a headline with a body line. ``sims``: the rows ``rows``
    (contiguous) and the columns from ``first_col`` on. The mask is symmetric: a pair is
    masked whichever of its nodes is the row."""
    import numpy as np

    art = outlets.owner
    if spans is None:
        bad = art[None, first_col:] == art[rows, None]
        bad |= head[None, first_col:] != head[rows, None]
        np.copyto(sims, -np.inf, where=bad)
    else:
        heads = np.flatnonzero(head[first_col:])
        if heads.size:
            sims[np.ix_(np.flatnonzero(~head[rows]), heads)] = -np.inf
            for r in np.flatnonzero(head[rows]):
                keep = sims[r, heads]
                sims[r] = -np.inf
                sims[r, heads] = keep
        lo, hi = spans
        first = 0
        while first < rows.size:  # rows of one outlet are contiguous too
            c = art[rows[first]]
            last = first + int(np.searchsorted(art[rows[first:]], c, side="right"))
            sims[first:last, max(lo[c] - first_col, 0):max(hi[c] - first_col, 0)] = -np.inf
            first = last
    if outlets.shared:
        member = outlets.member
        for j in outlets.shared:  # a shared node as a column: rows of any of its outlets
            if j >= first_col:
                sims[member[j][art[rows]], j - first_col] = -np.inf
        start, stop = int(rows[0]), int(rows[-1]) + 1
        for j, cs in outlets.shared.items():  # as a row: columns that meet any of its outlets
            if start <= j < stop:
                cols = outlets.meeting(cs)
                sims[j - start, cols[cols >= first_col] - first_col] = -np.inf


#: column hits (cosines that may still count) kept before they are cut to each node's best
#: KNN_MAX (bounds memory when most pairs are close, as in synthetic corpora of one story)
HITS_KEPT = 2_000_000


def _best_overall(vectors: Any, outlets: Outlets, head: Any, spans: tuple[Any, Any] | None,
                  k: int) -> tuple[list[Any], list[Any], list[Any]]:
    """(a, b, s) arrays: each node's ``k`` most similar nodes among those it may align with,
    as far as their cosine can reach SEM_FLOOR once rounded (the others would be dropped).

    The cosine matrix is symmetric, so only its upper half is computed: each strip of CHUNK
    rows is multiplied with the columns from its own first row on. Every cosine of the strip
    that can still be among the best ``k`` of its row, or of its column for a later row (at
    least the floor, and at least the k-th best the node already holds once hits are cut),
    is a hit, found by one threshold test over the strip (about 1% of real pairs pass).
    Each node's best ``k`` hits are kept, ties to the lower node id. The products of the
    strips equal those of full rows bit for bit (each is one dot product of the same two
    vectors)."""
    import numpy as np

    n = vectors.shape[0]
    floor = np.float32(SEM_FLOOR - 10.0 ** -DIGITS)  # may still round up to the floor
    bar = np.full(n, floor, dtype=np.float32)  # a node's lowest cosine that can count
    hits: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    n_hits = 0
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        sims = vectors[start:stop] @ vectors[start:].T
        _mask(sims, np.arange(start, stop), outlets, head, spans, first_col=start)
        # one scalar test first (the strip's lowest bar), then each hit against its nodes'
        passed = sims >= bar[start:].min()
        # when most pairs pass (one close story), the rows are taken a few at a time and
        # the hits cut in between, so they never pile up far beyond HITS_KEPT
        parts = max(1, -(-int(np.count_nonzero(passed)) // HITS_KEPT))
        for lo, hi in itertools.pairwise([len(passed) * i // parts for i in range(parts + 1)]):
            flat = np.flatnonzero(passed[lo:hi])
            s = sims[lo:hi].ravel()[flat]
            r, c = np.divmod(flat, n - start)
            r += start + lo
            c += start
            row = s >= bar[r]  # among the row's best (its columns from the strip's first on)
            col = (c >= stop) & (s >= bar[c])  # among a later row's best (that row as a column)
            hits.append((np.concatenate([r[row], c[col]]), np.concatenate([c[row], r[col]]),
                         np.concatenate([s[row], s[col]])))
            n_hits += hits[-1][0].size
            del flat, s, r, c, row, col
            if n_hits > HITS_KEPT:
                hits = [_best_k(*map(np.concatenate, zip(*hits, strict=True)), k)]
                a, _, s = hits[0]
                full = np.flatnonzero(np.bincount(a, minlength=n) >= k)
                # a's k-th best is its lowest kept cosine: nothing below it can count any more
                lowest = np.full(n, np.inf, dtype=np.float32)
                np.minimum.at(lowest, a, s)
                bar[full] = np.maximum(bar[full], lowest[full])
                n_hits = hits[0][0].size
        del sims, passed
    if not hits:
        return [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [
            np.zeros(0, dtype=np.float32)]
    a, b, s = _best_k(*map(np.concatenate, zip(*hits, strict=True)), k)
    return [a], [b], [s]


def _best_k(a: Any, b: Any, s: Any, k: int) -> tuple[Any, Any, Any]:
    """The ``k`` rows of highest ``s`` for each ``a`` (ties: lower ``b``), sorted by a."""
    import numpy as np

    bits = max(int(a.max(initial=0)), int(b.max(initial=0)), 1).bit_length()
    if s.dtype == np.float32 and 2 * bits + 31 <= 63 and bool(np.all(s > 0)):
        # one sort of int64 keys (a, then s descending, then b) instead of a lexsort: a
        # positive float32's bits order as its values do, and fit in 31 bits
        inv = np.int64(0x7F800000) - s.view(np.int32)
        key = (a.astype(np.int64) << (31 + bits)) | (inv << bits) | b.astype(np.int64)
        key.sort()
        key = key[_first_k(key >> (31 + bits), k)]
        s = (np.int64(0x7F800000) - ((key >> bits) & 0x7FFFFFFF)).astype(np.int32).view(
            np.float32)
        return key >> (31 + bits), key & ((1 << bits) - 1), s
    order = np.lexsort((b, -s, a))
    a, b, s = a[order], b[order], s[order]
    keep = _first_k(a, k)
    return a[keep], b[keep], s[keep]


def _first_k(a: Any, k: int) -> Any:
    """Mask of the first ``k`` rows of each value of the sorted ``a``."""
    import numpy as np

    keep = np.ones(a.size, dtype=bool)
    keep[k:] = a[k:] != a[:-k]  # a row is among its value's first k when the row k above
    return keep                 # holds another value


@cache
def _openblas_threads() -> tuple[Any, Any] | None:
    """(get, set) of the number of threads of the OpenBLAS that numpy loaded, or None (another
    BLAS, or no /proc to find it in)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split(None, 5)[-1].strip() for line in maps if "openblas" in line}
    except OSError:
        return None
    for path in sorted(paths):
        try:  # the library numpy holds, never a second copy
            lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_LOCAL)
        except (OSError, AttributeError):
            continue
        for prefix, suffix in (("scipy_openblas", "64_"), ("scipy_openblas", ""),
                               ("openblas", "64_"), ("openblas", "")):
            try:
                get = getattr(lib, f"{prefix}_get_num_threads{suffix}")
                put = getattr(lib, f"{prefix}_set_num_threads{suffix}")
            except AttributeError:
                continue
            get.restype, get.argtypes = ctypes.c_int, []
            put.restype, put.argtypes = None, [ctypes.c_int]
            return get, put
    return None


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block's matrix products on one OpenBLAS thread (nothing changes with another
    BLAS). The aligner shares the cores with a second process (corpusdiff/background.py), so
    more threads gain no time, and OpenBLAS's idle threads spin between the strips' products:
    0.6 CPU s more on 300 real articles. One product's values do not depend on the thread
    count (each is one dot product of two vectors)."""
    import numpy  # noqa: F401 - the library must be loaded to be found

    calls = _openblas_threads()
    if calls is None:
        yield
        return
    get, put = calls
    before = get()
    put(1)
    try:
        yield
    finally:
        put(before)


def neighbours(vectors: Any, nodes: pl.DataFrame, k: int = NEIGHBOURS,
               outlets: Outlets | None = None) -> pl.DataFrame:
    """a, b, rank, s (cosine): each node's k nearest nodes in every other outlet (headlines
    only with headlines), computed CHUNK rows at a time (never the full node x node matrix).
    A node several outlets share is ranked among each of its outlets' nodes (keeping its best
    rank), and has neighbours in the outlets it is not in, whatever the outlets are named."""
    with one_blas_thread():
        return _neighbours(vectors, nodes, k, outlets)


def _neighbours(vectors: Any, nodes: pl.DataFrame, k: int,
                outlets: Outlets | None) -> pl.DataFrame:
    import numpy as np

    schema = {"a": pl.Int64, "b": pl.Int64, "rank": pl.Int64, "s": pl.Float64}
    n = vectors.shape[0]
    if n < 2:
        return pl.DataFrame(schema=schema)
    outlets = outlets or Outlets.of(nodes)
    art, n_art = outlets.owner, outlets.count
    head = nodes["headline"].to_numpy().astype(bool)
    exact = n_art <= EXACT_OUTLETS
    columns = [np.flatnonzero(outlets.member[:, c]) for c in range(n_art)] if exact else []
    # nodes run in order of their (first) outlet: each outlet's columns are one span
    spans = (np.searchsorted(art, np.arange(n_art)), np.searchsorted(art, np.arange(n_art),
                                                                     side="right")
             ) if np.all(art[1:] >= art[:-1]) else None
    rows_a: list[np.ndarray] = []
    rows_b: list[np.ndarray] = []
    rows_s: list[np.ndarray] = []
    if not exact:
        rows_a, rows_b, rows_s = _best_overall(vectors, outlets, head, spans,
                                               min(KNN_MAX, n - 1))
    for start in range(0, n if exact else 0, CHUNK):
        stop = min(n, start + CHUNK)
        sims = vectors[start:stop] @ vectors.T
        rows = np.arange(start, stop)
        _mask(sims, rows, outlets, head, spans)
        for cols in columns:
            if cols.size == 0:
                continue
            sub = sims[:, cols]
            kk = min(k, cols.size)
            top = np.argpartition(-sub, kk - 1, axis=1)[:, :kk]
            rows_a.append(np.repeat(rows, kk))
            rows_b.append(cols[top].ravel())
            rows_s.append(np.take_along_axis(sub, top, axis=1).ravel())
        del sims
    a = np.concatenate(rows_a).astype(np.int64)
    b = np.concatenate(rows_b).astype(np.int64)
    s = np.round(np.concatenate(rows_s).astype(np.float64), DIGITS)
    ok = np.isfinite(s) & (s >= SEM_FLOOR)
    a, b, s = a[ok], b[ok], s[ok]
    _, first = np.unique(a * 2 ** 32 + b, return_index=True)  # one row per pair
    a, b, s = a[first], b[first], s[first]
    # each pair once per outlet of b, ranked among a's neighbours in that outlet (cosine
    # descending, then node id)
    mem_node, mem_out = np.nonzero(outlets.member)
    counts = np.bincount(mem_node, minlength=n)
    reps = counts[b]
    row = np.repeat(np.arange(a.size), reps)
    offset = np.arange(row.size) - np.repeat(np.cumsum(reps) - reps, reps)
    art_b = mem_out[(np.cumsum(counts) - counts)[b[row]] + offset].astype(np.int64)
    a, b, s = a[row], b[row], s[row]
    order = np.lexsort((b, -s, art_b, a))
    a, b, s, art_b = a[order], b[order], s[order], art_b[order]
    new_group = np.ones(a.size, dtype=bool)
    new_group[1:] = (a[1:] != a[:-1]) | (art_b[1:] != art_b[:-1])
    starts = np.flatnonzero(new_group)
    rank = np.arange(a.size) - np.repeat(starts, np.diff(np.append(starts, a.size))) + 1
    keep = rank <= k
    a, b, s, rank = a[keep], b[keep], s[keep], rank[keep]
    # a pair's best rank over b's outlets
    order = np.lexsort((rank, a * 2 ** 32 + b))
    a, b, s, rank = a[order], b[order], s[order], rank[order]
    first_row = np.ones(a.size, dtype=bool)
    first_row[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    return pl.DataFrame({"a": a[first_row], "b": b[first_row], "rank": rank[first_row],
                         "s": s[first_row]}, schema=schema)


def context(embedder: Embedder, nodes: pl.DataFrame, members: pl.DataFrame,
            sentences: pl.DataFrame) -> Context:
    """Embed the nodes' texts and find their neighbours (or take them from the embedder's
    ``neighbours(texts)`` when it has one that answers: a helper process searched them,
    corpusdiff/background.py)."""
    texts = nodes["text"].to_list()
    vectors = embedder(texts)
    outlets = Outlets.of(nodes)
    searched = getattr(embedder, "neighbours", None)
    found = searched(texts) if searched is not None else None
    knn, kin = found if found is not None else neighbourhood(vectors, nodes, outlets)
    return Context(vectors, knn, positions(members, sentences), outlets, kin)


def neighbourhood(vectors: Any, nodes: pl.DataFrame,
                  outlets: Outlets | None = None) -> tuple[pl.DataFrame, Any]:
    """(knn, kinship) of :class:`Context` for ``nodes`` (columns text, articles, headline) and
    their vectors."""
    outlets = outlets or Outlets.of(nodes)
    knn = neighbours(vectors, nodes, outlets=outlets)
    return knn, kinship(knn, outlets, nodes["headline"].to_numpy().astype(bool))


def kinship(knn: pl.DataFrame, outlets: Outlets, headline: Any) -> Any:
    """outlet x outlet (symmetric): the median over both outlets' body nodes of the cosine to
    their nearest node in the other outlet (0 for a node with no neighbour above SEM_FLOOR)."""
    import numpy as np

    n_out = outlets.count
    best = np.zeros((outlets.member.shape[0], n_out))
    top = (
        knn.join(outlets.memberships.rename({"node": "b"}), on="b")
        .group_by("a", "outlet").agg(pl.col("s").max())
    )
    best[top["a"].to_numpy(), top["outlet"].to_numpy()] = top["s"].to_numpy()
    out = np.zeros((n_out, n_out))
    body = ~headline
    for x in range(n_out):
        rows = np.flatnonzero(body & outlets.member[:, x])
        if rows.size:
            out[x] = np.median(best[rows], axis=0)
    return np.round(0.5 * (out + out.T), DIGITS)


def candidates(ctx: Context) -> pl.DataFrame:
    """a, b (a < b): the neighbour pairs."""
    return (
        ctx.knn.select(a=pl.min_horizontal("a", "b"), b=pl.max_horizontal("a", "b"))
        .unique().sort(PAIR_ORDER)
    )


def features(lexical: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """lexical (a, b, cos, cont, score) -> the same rows with every feature of FEATURES."""
    import numpy as np

    a = lexical["a"].to_numpy()
    b = lexical["b"].to_numpy()
    sem = np.empty(a.size, dtype=np.float64)
    for i in range(0, a.size, CHUNK * 4):  # the gathered vectors (4 MB) stay in the cache
        j = slice(i, i + CHUNK * 4)
        sem[j] = np.einsum("ij,ij->i", ctx.vectors[a[j]], ctx.vectors[b[j]])
    kin = _kin(a, b, ctx)
    # is (a, b) or (b, a) a node's best neighbour: a binary search among the packed keys of
    # the rank-1 pairs (one knn row per pair)
    best = ctx.knn.filter(pl.col("rank") == 1)
    best_keys = np.sort(best["a"].to_numpy() * 2 ** 32 + best["b"].to_numpy())

    def is_best(keys: Any) -> Any:
        if not best_keys.size:
            return np.zeros(keys.size, dtype=bool)
        at = np.minimum(np.searchsorted(best_keys, keys), best_keys.size - 1)
        return best_keys[at] == keys

    one, one_r = is_best(a * 2 ** 32 + b), is_best(b * 2 ** 32 + a)
    # each node's position (0 for a node without one)
    node, where = ctx.positions["node"].to_numpy(), ctx.positions["pos"].to_numpy()
    pos = np.zeros(int(max(node.max(initial=-1), a.max(initial=-1), b.max(initial=-1))) + 1)
    pos[node] = where
    return lexical.with_columns(
        sem=pl.Series(np.round(sem, DIGITS)), lex=pl.col("score"),
        top=pl.Series((one | one_r).astype(np.float64)),
        mutual=pl.Series((one & one_r).astype(np.float64)),
        dpos=pl.Series(np.abs(pos[a] - pos[b])),
        kin=pl.Series(np.round(kin, DIGITS)),
    )


def _kin(a: Any, b: Any, ctx: Context) -> Any:
    """The kinship of the outlets of each pair's two nodes (for a node several outlets share,
    the closest pair of their outlets)."""
    import numpy as np

    if ctx.kinship is None or ctx.outlets is None:
        return np.ones(a.size)
    owner, shared = ctx.outlets.owner, ctx.outlets.shared
    kin = ctx.kinship[owner[a], owner[b]].astype(np.float64)
    if shared:
        is_shared = np.zeros(owner.size, dtype=bool)
        is_shared[list(shared)] = True
        rows = np.flatnonzero(is_shared[a] | is_shared[b])
        mem = ctx.outlets.memberships
        pairs = (
            pl.DataFrame({"row": rows, "a": a[rows], "b": b[rows]})
            .join(mem.rename({"node": "a", "outlet": "ca"}), on="a")
            .join(mem.rename({"node": "b", "outlet": "cb"}), on="b")
            .filter(pl.col("ca") != pl.col("cb"))
        )
        best = (
            pairs.select("row", k=pl.Series(ctx.kinship[pairs["ca"].to_numpy(),
                                                         pairs["cb"].to_numpy()]))
            .group_by("row").agg(pl.col("k").max())
        )
        kin[rows] = 0.0
        kin[best["row"].to_numpy()] = best["k"].to_numpy()
    return kin


def logit_expr(weights: tuple[float, ...] | None = None,
               intercept: float | None = None) -> pl.Expr:
    """The model's log-odds as a polars expression over the FEATURES columns."""
    weights = WEIGHTS if weights is None else weights
    z = pl.lit(INTERCEPT if intercept is None else intercept)
    for name, w in zip(FEATURES, weights, strict=True):
        z = z + w * pl.col(name)
    return z


def gate_expr() -> pl.Expr:
    """True for the pairs whose score the learned model decides (the evidence gate, see
    LEX_SURE); the others keep their lexical score."""
    return (pl.col("lex") >= LEX_SURE) | (
        (pl.col("sem") >= SEM_SURE) & (pl.col("mutual") > 0)) | (
        (pl.col("lex") >= LEX_MIN) & (pl.col("mutual") > 0) & (pl.col("kin") >= SAME_EVENTS))


def rescore(lexical: pl.DataFrame, ctx: Context, weights: tuple[float, ...] | None = None,
            intercept: float | None = None) -> pl.DataFrame:
    """a, b, cos, cont, sem, score: the learned probability that two sentences report the same
    thing, for pairs already scored lexically."""
    z = logit_expr(weights, intercept)
    return (
        features(lexical, ctx)
        .with_columns(score=pl.when(gate_expr()).then((1.0 / (1.0 + (-z).exp())).round(DIGITS))
                      .otherwise(pl.col("lex")))
        .select("a", "b", "cos", "cont", "sem", "score")
        .sort(PAIR_ORDER)
    )


def logit(p: float) -> float:
    """log(p / (1 - p))."""
    return math.log(p / (1.0 - p))

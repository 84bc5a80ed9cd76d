"""Sentences -> alignment groups and members: order-free, N-way, many-to-one, blocked.

1. Sentences with the same normalised text (wire copy, quote-mark variants) become one *node*.
2. Each node is a weighted bag of content words. A word's weight is its inverse sentence
   frequency in the corpus, so the story's topic words (the city, the mayor, the agency) weigh
   little and rare words, names, numbers and quoted words weigh much.
3. Blocking: a node is compared only with the nodes that contain one of its few heaviest words
   (an inverted index), so cost grows with the number of sentences, not its square.
4. Pair scores: cosine, and containment (how much of the smaller node the larger covers) for a
   sentence that merges what another outlet says in two.
5. With an embedder (the default), each sentence's nearest neighbours by sentence-vector cosine
   in every other outlet join the candidates, and a small learned model (corpusdiff/semantic.py)
   turns semantic cosine, the lexical scores and position into the pair score.
6. The outlets' headlines form one group of their own; body sentences align with body sentences.
7. Grouping: pairs from the best down join groups when the join keeps the group coherent: every
   newcomer must share content with each outlet's version already in the group, not merely with
   one member, and an outlet contributes two sentences to a group only when they are near each
   other (within MANY_SPAN sentences) and one sentence of another outlet covers both
   (many-to-one: a lede that merges two points, a quote an outlet repeats). Two groups that
   are the halves of one statement (adjacent sentences in each outlet they share) join when a
   sentence of another outlet covers both.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from corpusdiff import embed, semantic
from corpusdiff.embed import Embedder
from corpusdiff.model import GROUPS, MEMBERS, GroupKind, Options
from corpusdiff.segment import first_headlines
from corpusdiff.tokens import content_tokens, normalise_expr

Progress = Callable[[str, float], None]

#: how many of a node's heaviest words go into the inverted index
BLOCK_WORDS = 6
#: a word in more nodes than max(BLOCK_MIN_CAP, BLOCK_CAP_FACTOR * sqrt(nodes)) is a topic
#: word: it still counts in scores but does not make candidates (its posting list is too long)
BLOCK_MIN_CAP = 100
BLOCK_CAP_FACTOR = 4.0
#: how far containment counts against cosine in a pair's score
CONTAIN_WEIGHT = 0.8
#: a node needs this many content words before containment alone can align it
CONTAIN_MIN_TOKENS = 4
#: containment below this says nothing beyond what cosine says
CONTAIN_MIN = 0.6
#: short sentences sharing a word or two are weak evidence: every node's squared norm gets this
#: many average squared word weights added before cosine (a Bayesian-style shrinkage)
SHRINK_WORDS = 2.0
#: when less than this share of the shared evidence is other than names and titles, two
#: sentences only mention the same people: their score is scaled down by NAME_ONLY_FACTOR
NAME_ONLY_SHARE = 0.25
NAME_ONLY_FACTOR = 0.5
#: below this cosine a group is "partial" rather than "reworded"
REWORDED_COSINE = 0.45
#: grouping runs again (at most this often) when its coherence tests needed pairs that blocking
#: had not scored
GROUPING_PASSES = 3
#: scores are rounded to this many digits
SCORE_DIGITS = 9
#: lexical blocking threshold when the learned score decides (its scale is not the lexical one)
SEMANTIC_BLOCKING = 0.22
#: rows of the blocking join built at once (memory stays bounded on large corpora)
CANDIDATE_ROWS = 400_000
#: sentence pairs sorted at once when the alignment lists them
SENTENCE_PAIR_ROWS = 1_000_000
#: node pairs scored at once
SCORE_PAIRS = 200_000
#: an outlet adds a sentence to a group that holds fewer than MANY_MAX of its sentences, all
#: within MANY_SPAN sentences of it (many-to-one: one sentence covers several of another's).
#: On basil, spans 2-12 align the same pairs in the first three stories; 6 adds 3 strong pairs
#: in the other three at the same precision (bench/align_golds.py)
MANY_MAX = 3
MANY_SPAN = 6
#: members sampled from each side when checking that a join keeps a group coherent
COHERENCE_SAMPLE = 8
#: two groups that share outlets may still join when each shared outlet holds one sentence on
#: each side at most HALVES_SPAN sentences apart, and an outlet on one side only covers both:
#: one outlet splits what another says in one sentence (a quoted tweet, a lede) and each half
#: grouped with its own versions first. The members that are no half must reach the newcomers
#: at the threshold itself (with min_link, short chance groups joined on 300 real articles of
#: many stories: "11 a.m." with "Sept. 11"). On basil 84 -> 89 of 155 strong pairs with no new
#: false pair, seeds and invented unchanged (bench/align_golds.py; -1 turns it off)
HALVES_SPAN = 1


def _nodes(sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(members: article, index, node; nodes: node, text, articles) for alignable sentences."""
    eligible = sentences.filter(pl.col("kind") != "boilerplate").select(
        "article", "index", "text", "kind",
        norm=normalise_expr("text").str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars(),
    ).filter(pl.col("norm").str.len_chars() > 0)
    nodes = (
        eligible.group_by("norm")
        .agg(
            pl.col("text").first(),
            pl.col("article").unique().sort().alias("articles"),
            (pl.col("kind") == "headline").all().alias("headline"),
            pl.col("article").min().alias("_a"),
            pl.col("index").min().alias("_i"),
        )
        .sort("_a", "_i", "norm")
        .with_columns(node=pl.int_range(pl.len(), dtype=pl.Int64))
    )
    members = eligible.join(nodes.select("norm", "node"), on="norm").select(
        "article", "index", "node"
    )
    return members, nodes.select("node", "text", "articles", "headline")


def node_texts(sentences: pl.DataFrame) -> list[str]:
    """The texts the aligner embeds, in node order (one per distinct normalised sentence)."""
    return node_table(sentences)["text"].to_list()


def node_table(sentences: pl.DataFrame) -> pl.DataFrame:
    """node, text, articles, headline: the aligner's nodes (one per distinct normalised
    sentence), in node order."""
    return _nodes(sentences)[1]


def _weights(members: pl.DataFrame, nodes: pl.DataFrame) -> pl.DataFrame:
    """node, token, tid (the token's integer id), df, namey, w: each content word of a node
    with its weight."""
    toks = content_tokens(nodes, ["node"]).group_by("node", "token").agg(
        pl.col("is_number").any(), pl.col("is_name").any(), pl.col("quoted").any()
    )
    mult = members.group_by("node").len("mult")
    n_sent = max(members.height, 1)
    df = toks.join(mult, on="node").group_by("token").agg(
        pl.col("mult").sum().alias("df"),
        # a token mostly written capitalised inside sentences names someone or something
        (pl.col("is_name").mean() >= 0.5).alias("namey"),
    ).with_columns(
        # integer token ids: the pair joins compare integers, not strings (ranked here, once
        # per distinct token)
        tid=pl.col("token").rank("dense"),
    )
    boost = (
        pl.when(pl.col("is_number")).then(1.5).otherwise(1.0)
        * pl.when(pl.col("is_name")).then(1.3).otherwise(1.0)
        * pl.when(pl.col("quoted")).then(1.2).otherwise(1.0)
    )
    return toks.join(df, on="token").select(
        "node", "token", "df", "tid",
        namey=pl.col("namey") & ~pl.col("is_number"),
        w=((n_sent + 1) / (pl.col("df") + 0.5)).log() * boost,
    )


def _shrink(weights: pl.DataFrame) -> float:
    return SHRINK_WORDS * float(weights.select((pl.col("w") ** 2).mean()).item() or 0.0)


def _norms(weights: pl.DataFrame) -> pl.DataFrame:
    return weights.group_by("node").agg(n2=(pl.col("w") ** 2).sum(), n_tok=pl.len())


def _candidates(weights: pl.DataFrame, nodes: pl.DataFrame, threshold: float) -> pl.DataFrame:
    """a, b (a < b, sorted): node pairs that share one of a node's heaviest words (blocking).

    The blocking already gives each pair the part of its dot product that the heavy words
    carry (in each direction: a's heavy words among b's, b's among a's); pairs whose heavy
    part is below half of what alignment needs both ways are dropped before the full
    (costlier) scoring.
    """
    import numpy as np

    n_nodes = max(nodes.height, 1)
    cap = max(BLOCK_MIN_CAP, int(BLOCK_CAP_FACTOR * math.sqrt(n_nodes)))
    # a word in one sentence only can find no partner: the heaviest of the others block
    rare = (
        weights.filter((pl.col("df") <= cap) & (pl.len().over("token") >= 2))
        .sort(["node", "w", "token"], descending=[False, True, False])
        .with_columns(heavy=pl.int_range(pl.len()).over("node") < BLOCK_WORDS)
        .sort("tid", "node")
    )
    schema = {"a": pl.Int64, "b": pl.Int64}
    if rare.is_empty():
        return pl.DataFrame(schema=schema)
    shrink = _shrink(weights)
    # two nodes of the same single article are not a cross-article pair (art: the article's
    # code, -1 for a node several articles share); a headline sums up a whole story, so it
    # aligns only with other headlines
    arts = nodes.select(
        "node", "headline",
        art=pl.when(pl.col("articles").list.len() == 1)
        .then(pl.col("articles").list.first().rank("dense").cast(pl.Int64)).otherwise(-1),
    ).join(_norms(weights).select("node", n2=pl.col("n2") + shrink), on="node", how="left")
    width = int(max(arts["node"].max(), rare["node"].max())) + 1  # type: ignore[arg-type]
    at = arts["node"].to_numpy()
    n2, head, art = np.zeros(width), np.zeros(width, dtype=bool), np.full(width, -1)
    n2[at] = arts["n2"].fill_null(0.0).to_numpy()
    head[at] = arts["headline"].to_numpy()
    art[at] = arts["art"].to_numpy()
    tid, node = rare["tid"].to_numpy(), rare["node"].to_numpy()
    w, heavy = rare["w"].to_numpy(), rare["heavy"].to_numpy()
    # each word's nodes are one run of rows (by node): a heavy row pairs with the rows after
    # it in its run, another row with the heavy rows after it, so each pair x < y comes once
    # per shared word that is heavy on one side at least, from x's row
    first = np.flatnonzero(np.r_[True, tid[1:] != tid[:-1]])
    size = np.diff(np.r_[first, tid.size])
    last = np.repeat(first + size - 1, size)  # each row's run's last row
    heavy_rows = np.flatnonzero(heavy)
    upto = np.cumsum(heavy)  # heavy rows up to each row (the next one's rank in heavy_rows)
    after = np.where(heavy, last - np.arange(tid.size), upto[last] - upto)
    # each pair has at most BLOCK_WORDS rows per direction, so a row below this share of what
    # the filter needs cannot matter and is dropped before summing (most rows are chance hits)
    need_cos, need_cont = threshold / 2, CONTAIN_MIN / 2
    # rows in slices of whole x nodes of about CANDIDATE_ROWS pairs each, so memory stays
    # bounded whatever the corpus size (a pair's rows all come from its x's rows)
    cut = np.cumsum(np.bincount(node, after, minlength=width)) // CANDIDATE_ROWS
    rows_by_slice = np.argsort(cut[node], kind="stable")
    bounds = np.searchsorted(cut[node][rows_by_slice], np.arange(int(cut[-1]) + 2))
    found = []
    for lo, hi in itertools.pairwise(bounds.tolist()):
        rows = rows_by_slice[lo:hi]
        n = after[rows]
        i = np.repeat(rows, n)
        k = np.arange(i.size) - np.repeat(np.cumsum(n) - n, n)  # i's k-th partner
        j = np.where(heavy[i], i + 1 + k, 0)
        tail = ~heavy[i]
        j[tail] = heavy_rows[upto[i[tail]] + k[tail]]
        x, y = node[i], node[j]
        ok = (head[x] == head[y]) & ((art[x] != art[y]) | (art[x] < 0))
        prod = w[i] * w[j]
        r_cos = prod / np.sqrt(n2[x] * n2[y])
        r_cont = prod / np.minimum(n2[x], n2[y])
        # x's heavy word counts for x -> y, y's for y -> x
        fw, bw = heavy[i], heavy[j]
        keep = ok & (fw | bw) & ((r_cos >= need_cos / BLOCK_WORDS)
                                 | (r_cont >= need_cont / BLOCK_WORDS))
        fw, bw, r_cos, r_cont = fw[keep], bw[keep], r_cos[keep], r_cont[keep]
        found.append(
            pl.DataFrame({"pair": x[keep] * n_nodes + y[keep],
                          "cos_x": np.where(fw, r_cos, 0.0), "cont_x": np.where(fw, r_cont, 0.0),
                          "cos_y": np.where(bw, r_cos, 0.0), "cont_y": np.where(bw, r_cont, 0.0)})
            .lazy()
            # grouped on one packed integer (cheaper than two key columns)
            .group_by("pair").agg(pl.all().sum())
            .filter((pl.col("cos_x") >= need_cos) | (pl.col("cont_x") >= need_cont)
                    | (pl.col("cos_y") >= need_cos) | (pl.col("cont_y") >= need_cont))
            .select("pair")
            .collect()
        )
    return (pl.concat(found).sort("pair")
            .select(a=pl.col("pair") // n_nodes, b=pl.col("pair") % n_nodes))


class _WordIndex:
    """The word weights as sorted numpy arrays for pair scoring (built once per weights table,
    shared by every scoring call): rows sorted on one packed key node * n_tid + tid, each
    node's first row and row count, its squared norm and word count, and the shrinkage."""

    def __init__(self, weights: pl.DataFrame) -> None:
        import numpy as np

        node = weights["node"].to_numpy()
        tid = weights["tid"].to_numpy().astype(np.int64)
        self.n_tid = int(tid.max()) + 1 if tid.size else 1
        key = node * self.n_tid + tid
        order = np.argsort(key, kind="stable")
        self.key, self.tid, node = key[order], tid[order], node[order]
        self.w = weights["w"].to_numpy()[order]
        #: 1 for a word other than a name, 0 for a name
        self.fact = np.where(weights["namey"].to_numpy()[order], 0.0, 1.0)
        width = int(node.max(initial=-1)) + 1
        self.start = np.searchsorted(node, np.arange(width))
        self.count = np.diff(np.append(self.start, node.size))
        norms = _norms(weights)
        self.n2 = np.zeros(width)
        self.n_tok = np.zeros(width, dtype=np.int64)
        self.n2[norms["node"].to_numpy()] = norms["n2"].to_numpy()
        self.n_tok[norms["node"].to_numpy()] = norms["n_tok"].to_numpy()
        self.shrink = _shrink(weights)

    def padded(self, width: int) -> _WordIndex:
        """Itself, with nodes up to ``width`` (the nodes it lacks have no words)."""
        import numpy as np

        extra = width - self.count.size
        if extra > 0:
            self.start = np.append(self.start, np.full(extra, self.key.size))
            self.count = np.append(self.count, np.zeros(extra, dtype=self.count.dtype))
            self.n2 = np.append(self.n2, np.zeros(extra))
            self.n_tok = np.append(self.n_tok, np.zeros(extra, dtype=np.int64))
        return self


def _dots(pairs: pl.DataFrame, index: _WordIndex) -> pl.DataFrame:
    """a, b, dot, fact_dot, n2_a, n2_b, nt_a, nt_b for node pairs: the dot product of their
    word weights, its part carried by words other than names, and each node's squared norm and
    word count (each of a's words is looked up among b's words by binary search on the packed
    key; SCORE_PAIRS pairs at a time)."""
    import numpy as np

    a_all = pairs["a"].to_numpy()
    b_all = pairs["b"].to_numpy()
    ix = index.padded(int(max(a_all.max(initial=-1), b_all.max(initial=-1))) + 1)
    key, last = ix.key, max(ix.key.size - 1, 0)
    dot = np.zeros(a_all.size)
    fact_dot = np.zeros(a_all.size)
    for lo in range(0, a_all.size, SCORE_PAIRS):
        a, b = a_all[lo:lo + SCORE_PAIRS], b_all[lo:lo + SCORE_PAIRS]
        n = ix.count[a]
        pair = np.repeat(np.arange(a.size), n)
        row = np.arange(int(n.sum())) + np.repeat(ix.start[a] - (np.cumsum(n) - n), n)
        want = b[pair] * ix.n_tid + ix.tid[row]
        at = np.minimum(np.searchsorted(key, want), last)
        prod = np.where(key[at] == want, ix.w[row] * ix.w[at], 0.0) if key.size else ix.w[row]
        dot[lo:lo + a.size] = np.bincount(pair, prod, minlength=a.size)
        fact_dot[lo:lo + a.size] = np.bincount(pair, prod * ix.fact[row], minlength=a.size)
    return pairs.select("a", "b").with_columns(
        dot=pl.Series(dot), fact_dot=pl.Series(fact_dot),
        n2_a=pl.Series(ix.n2[a_all]), n2_b=pl.Series(ix.n2[b_all]),
        nt_a=pl.Series(ix.n_tok[a_all]), nt_b=pl.Series(ix.n_tok[b_all]))


def _score(pairs: pl.DataFrame, weights: pl.DataFrame,
           index: _WordIndex | None = None) -> pl.DataFrame:
    """a, b, cos, cont, score for node pairs (a < b): the lexical similarity (pairs sharing no
    word score 0). ``index``: the :class:`_WordIndex` of ``weights`` when the caller keeps
    one."""
    index = _WordIndex(weights) if index is None else index
    shrink = index.shrink
    small = pl.when(pl.col("n2_a") <= pl.col("n2_b"))
    name_only = pl.col("fact_dot") < NAME_ONLY_SHARE * pl.col("dot")
    return (
        _dots(pairs, index)
        .with_columns(
            cos=pl.col("dot") / ((pl.col("n2_a") + shrink) * (pl.col("n2_b") + shrink)).sqrt(),
            cont=pl.col("dot") / (pl.min_horizontal("n2_a", "n2_b") + shrink),
            small_tokens=small.then(pl.col("nt_a")).otherwise(pl.col("nt_b")),
        )
        .with_columns(
            score=(
                pl.max_horizontal(
                    "cos",
                    pl.when((pl.col("small_tokens") >= CONTAIN_MIN_TOKENS)
                            & (pl.col("cont") >= CONTAIN_MIN))
                    .then(pl.col("cont") * CONTAIN_WEIGHT)
                    .otherwise(0.0),
                )
                * pl.when(name_only).then(NAME_ONLY_FACTOR).otherwise(1.0)
            ).clip(0.0, 1.0).fill_nan(0.0)
        )
        # parallel sums may differ in the last bits from run to run: round them away so the
        # greedy grouping (and every export) is byte-for-byte deterministic
        .select("a", "b", pl.col("cos", "cont", "score").fill_nan(0.0).round(SCORE_DIGITS))
        .sort(semantic.PAIR_ORDER)
    )


@dataclass(slots=True)
class _Group:
    nodes: list[int]
    #: article code -> sentence indices of its members in this group
    articles: dict[int, list[int]]
    #: the articles of ``articles`` as a bit mask (bit k: article code k): the coherence
    #: tests compare article sets with integer operations
    mask: int


class _Singletons(dict[int, _Group]):
    """group id -> group. Every node starts as a group of its own (its id is the node's): the
    group of a node no join has touched yet is made on first use (most nodes never are)."""

    def __init__(self, node_sentences: dict[int, list[tuple[int, int]]],
                 node_masks: list[int]) -> None:
        super().__init__()
        self.node_sentences = node_sentences
        self.node_masks = node_masks

    def __missing__(self, node: int) -> _Group:
        articles: dict[int, list[int]] = {}
        for art, idx in self.node_sentences[node]:
            articles.setdefault(art, []).append(idx)
        g = self[node] = _Group([node], articles, self.node_masks[node])
        return g


class _Grouper:
    """Greedy best-first grouping with a coherence test on every join."""

    def __init__(self, node_sentences: dict[int, list[tuple[int, int]]],
                 links: set[int], width: int, threshold: float, sure: set[int],
                 node_masks: list[int]) -> None:
        #: the scored pairs that reach min_link (any other pair counts as 0), each pair
        #: (a, b), a < b, as the integer a * width + b
        self.links = links
        #: the pairs that reach the threshold itself (as in ``links``): what the halves of one
        #: statement need to join (see HALVES_SPAN)
        self.sure = sure
        self.width = width
        #: pairs a coherence test asked about below min_link (scored low, or not scored at
        #: all), as in ``links``: pair -> index of the first join that asked
        self.asked: dict[int, int] = {}
        #: index of the join being tested
        self.step = 0
        self.min_link = threshold * 0.5
        #: node -> the id of its group (a node no join has moved is its own group)
        self.owner = list(range(width))
        self.groups = _Singletons(node_sentences, node_masks)
        #: node -> its articles as a bit mask (the same for every pass: built once by the
        #: caller)
        self.node_masks = node_masks
        #: (group, group, their sizes) of the joins whose tests failed: groups only grow, so
        #: the same two groups at the same sizes fail again (and ask about no new pair); one
        #: statement in many outlets gives the two groups many edges
        self.failed: set[tuple[int, int, int, int]] = set()

    def _coherent(self, g1: _Group, g2: _Group, halves: bool = False) -> bool:
        """Each sampled member of one group shares content with each outlet's version in a
        sample of the other group, not merely with one member. With ``halves`` (see
        HALVES_SPAN) only the outlets new to a member's group need a link: the others' sentence
        in it is the next one of the same outlet."""
        links, asked, step, width = self.links, self.asked, self.step, self.width
        if not halves and len(g1.nodes) == 1 and len(g2.nodes) == 1:
            # two lone nodes (the most common test): their one link decides both ways
            x, y = g1.nodes[0], g2.nodes[0]
            if (x * width + y if x < y else y * width + x) in links:
                return True
        masks = self.node_masks
        for src, dst in ((g1, g2), (g2, g1)):
            sample = dst.nodes[:COHERENCE_SAMPLE]
            held = src.mask if halves else 0
            for x in src.nodes[:COHERENCE_SAMPLE]:
                xa = masks[x]
                # a half (its outlet is on both sides) needs links as usual, the other members
                # links that reach the threshold
                need = self.sure if halves and xa & ~dst.mask else links
                drop = ~(xa | held)
                # only the outlets of the members x has no link with can be left uncovered
                # (the masks are big integers: the linked members' are OR-ed unmasked)
                wanted = covered = 0
                for y in sample:
                    key = x * width + y if x < y else y * width + x
                    if key in need:
                        covered |= masks[y]
                        continue
                    ya = masks[y] & drop
                    if ya:
                        wanted |= ya
                        if key not in links and key not in asked:
                            asked[key] = step
                if wanted & ~covered:
                    return False
        return True

    def _outlets_compatible(self, g1: _Group, g2: _Group) -> bool:
        """An outlet may appear on both sides only as a nearby sentence joining alone."""
        if not g1.mask & g2.mask:
            return True
        lone = g1 if len(g1.nodes) == 1 else g2 if len(g2.nodes) == 1 else None
        if lone is None or len(lone.articles) != 1:
            return False
        other = g2 if lone is g1 else g1
        (art, idxs), = lone.articles.items()
        theirs = other.articles[art]
        return len(theirs) < MANY_MAX and all(abs(i - j) <= MANY_SPAN for i in idxs
                                               for j in theirs)

    @staticmethod
    def _halves(g1: _Group, g2: _Group) -> bool:
        """Two groups that are two halves of one statement (see HALVES_SPAN): each outlet of
        both holds one sentence on each side, HALVES_SPAN apart at most, and some outlet is on
        one side only."""
        if len(g1.nodes) < 2 or len(g2.nodes) < 2:
            return False
        a1, a2 = g1.articles, g2.articles
        shared = a1.keys() & a2.keys()
        if len(shared) == len(a1) and len(shared) == len(a2):
            return False
        return all(len(a1[o]) == 1 and len(a2[o]) == 1
                   and abs(a1[o][0] - a2[o][0]) <= HALVES_SPAN for o in shared)

    def merge(self, nodes: list[int]) -> None:
        """Put ``nodes`` in one group whatever their scores (the headline row)."""
        keep = self.owner[nodes[0]]
        for n in nodes[1:]:
            other = self.owner[n]
            if other == keep:
                continue
            self._absorb(keep, other)

    def join(self, a: int, b: int, check: bool = True) -> bool:
        """Join the groups of ``a`` and ``b`` when they stay coherent (or without the tests
        when ``check`` is false); return whether they are one group now."""
        ga, gb = self.owner[a], self.owner[b]
        if ga == gb:
            return False
        g1, g2 = self.groups[ga], self.groups[gb]
        if check:
            tried = (ga, gb, len(g1.nodes), len(g2.nodes))
            if tried in self.failed:
                return False
            if not (self._coherent(g1, g2) if self._outlets_compatible(g1, g2)
                    else self._halves(g1, g2) and self._coherent(g1, g2, halves=True)):
                self.failed.add(tried)
                return False
        if len(g1.nodes) < len(g2.nodes):
            ga, gb = gb, ga
        self._absorb(ga, gb)
        return True

    def _absorb(self, keep: int, other: int) -> None:
        """Move every node of group ``other`` into group ``keep``."""
        g1, g2 = self.groups[keep], self.groups[other]
        del self.groups[other]
        g1.nodes.extend(g2.nodes)
        g1.mask |= g2.mask
        for art, idxs in g2.articles.items():
            g1.articles.setdefault(art, []).extend(idxs)
        for n in g2.nodes:
            self.owner[n] = keep


@dataclass(frozen=True)
class Alignment:
    """The alignment step's result: the three tables the pipeline keeps, and on the side what
    later steps may reuse (never exported as such)."""

    sentences: pl.DataFrame
    groups: pl.DataFrame
    members: pl.DataFrame
    #: article, index, other_article, other_index, score: every scored cross-outlet sentence
    #: pair of two sentences in different groups (or none), both directions (score is the pair
    #: score the grouping used). What they are read for, an outlet's closest sentence to a
    #: group it is not in or to a sentence in no group, never reads a pair inside one group
    pairs: pl.DataFrame
    #: article, index, node: the row of ``vectors`` of each aligned sentence
    nodes: pl.DataFrame
    #: node -> unit sentence vector (numpy float32), None with ``--embedder none``
    vectors: Any = None


PAIRS = pl.Schema({"article": pl.String, "index": pl.Int64, "other_article": pl.String,
                   "other_index": pl.Int64, "score": pl.Float64})


def align(sentences: pl.DataFrame, options: Options,
          progress: Progress | None = None) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Align sentences across articles.

    Returns (sentences with ``group`` set, groups, members). Group ids run in order of the first
    article (by id) and sentence index that each group contains.
    """
    result = align_all(sentences, options, progress)
    return result.sentences, result.groups, result.members


def scored_pairs(sentences: pl.DataFrame, options: Options,
                 embedder: Embedder | str | None = "options"
                 ) -> tuple[pl.DataFrame, pl.DataFrame, Callable[[pl.DataFrame], pl.DataFrame],
                            Any]:
    """(members, candidate scores, a scorer for further node pairs, vectors).

    ``embedder`` overrides ``options.embedder`` (None: lexical only).
    """
    import numpy as np

    members, nodes = _nodes(sentences)
    weights = _weights(members, nodes)
    index = _WordIndex(weights)  # every scoring call below reads the same weights
    emb = embed.load(options.embedder) if embedder == "options" else embedder
    if emb is None:
        def score(pairs: pl.DataFrame) -> pl.DataFrame:
            return _score(pairs, weights, index).with_columns(sem=pl.lit(None, pl.Float64))

        return members, score(_candidates(weights, nodes, options.threshold)), score, None
    # the lexical candidates and their lexical scores first: an embedder in another process
    # works meanwhile (a pair's lexical score does not depend on the pairs scored with it)
    lexical = _candidates(weights, nodes, min(options.threshold, SEMANTIC_BLOCKING))
    lexical_scores = _score(lexical, weights, index)
    ctx = semantic.context(emb, nodes, members, sentences)  # type: ignore[arg-type]

    def learned(pairs: pl.DataFrame) -> pl.DataFrame:
        return semantic.rescore(_score(pairs, weights, index), ctx)

    # the neighbour pairs blocking did not find (looked up among the lexical ones, sorted by
    # their packed key: no hash join over the million lexical pairs)
    near = semantic.candidates(ctx)
    known = lexical_scores.select(semantic.PAIR_ORDER).to_series().to_numpy()
    keys = near.select(semantic.PAIR_ORDER).to_series().to_numpy()
    at = np.minimum(np.searchsorted(known, keys), max(known.size - 1, 0))
    only_semantic = near.filter(pl.Series(known[at] != keys) if known.size else pl.lit(True))
    scores = pl.concat([lexical_scores, _score(only_semantic, weights, index)])  # rescore sorts
    return members, semantic.rescore(scores, ctx), learned, ctx.vectors


def align_all(sentences: pl.DataFrame, options: Options, progress: Progress | None = None,
              embedder: Embedder | str | None = "options") -> Alignment:
    """Align sentences across articles (see :func:`align`), keeping the pair scores and the
    sentence vectors on the side. ``embedder`` overrides ``options.embedder``."""
    report = progress or (lambda _stage, _fraction: None)
    report("indexing sentences", 0.0)
    members, cands, score, vectors = scored_pairs(sentences, options, embedder)
    report("grouping", 0.7)
    # articles as integer codes (in their sorted order) for the grouper
    node_sents: dict[int, list[tuple[int, int]]] = {}
    for art, idx, node in members.select(
            pl.col("article").rank("dense").cast(pl.Int64), "index", "node"
    ).sort("node", "article", "index").iter_rows():
        node_sents.setdefault(node, []).append((art, idx))
    heads = first_headlines(
        members.join(sentences.select("article", "index", "kind"), on=["article", "index"]))
    head_nodes = sorted(set(heads["node"].to_list())) if heads["article"].n_unique() >= 2 else []
    edges = cands.filter(pl.col("score") >= options.threshold).sort(
        ["score", "a", "b"], descending=[True, False, False]
    ).select("a", "b").rows()
    grouper, cands = _group(node_sents, head_nodes, edges, cands, score, options.threshold)
    node_group = pl.DataFrame(
        {"node": list(node_sents), "g": [grouper.owner[n] for n in node_sents]},
        schema={"node": pl.Int64, "g": pl.Int64},
    )
    # the grouper's pair sets and the edges (tens of MB on large corpora) are done with
    # before the sentence pairs, the step that needs the most memory
    del grouper, edges, node_sents
    report("describing groups", 0.9)
    out_sentences, groups, out_members = _tables(sentences, members, node_group, cands)
    report("aligned", 1.0)
    # the pairs inside one group (two fifths of the sentence pairs on synthetic 1,000) are
    # never read: left out
    apart = (cands.join(node_group.rename({"node": "a", "g": "ga"}), on="a", how="left")
             .join(node_group.rename({"node": "b", "g": "gb"}), on="b", how="left")
             .filter(pl.col("ga").is_null() | pl.col("gb").is_null()
                     | (pl.col("ga") != pl.col("gb")))
             .select(cands.columns))
    return Alignment(out_sentences, groups, out_members, _sentence_pairs(apart, members),
                     members.sort("article", "index"), vectors)


def _group(node_sents: dict[int, list[tuple[int, int]]], head_nodes: list[int],
           edges: list[tuple[int, int]], cands: pl.DataFrame,
           score: Callable[[pl.DataFrame], pl.DataFrame], threshold: float
           ) -> tuple[_Grouper, pl.DataFrame]:
    """Greedy grouping over ``edges`` (best first), run again (at most GROUPING_PASSES times)
    when coherence tests asked about pairs blocking had not scored; returns the grouper and
    the candidates with those pairs scored."""
    import numpy as np

    min_link = threshold * 0.5
    width = max(node_sents, default=0) + 1
    pair_key = pl.col("a") * width + pl.col("b")
    links = set(cands.filter(pl.col("score") >= min_link).select(pair_key).to_series().to_list())
    sure = set(cands.filter(pl.col("score") >= threshold).select(pair_key).to_series().to_list())
    joined: list[int] = []  # edges the previous pass joined
    redo_from = 0
    scored = [cands]  # the candidates, then each pass's newly scored pairs (none twice)
    # their keys, sorted: each pass looks up the pairs its tests asked about (a binary search,
    # not a join that hashes the million candidates again)
    scored_keys = [np.sort(cands.select(pair_key).to_series().to_numpy())]
    node_masks = [0] * width
    for n, sents in node_sents.items():
        for art, _ in sents:
            node_masks[n] |= 1 << art
    for _ in range(GROUPING_PASSES):
        grouper = _Grouper(node_sents, links, width, threshold, sure, node_masks)
        if head_nodes:
            grouper.merge(head_nodes)
        # the edges before the first one whose tests read a newly scored pair decide as in
        # the previous pass: replay its joins there without testing again
        done = set(joined)
        for i in range(redo_from):
            if i in done:
                a, b = edges[i]
                grouper.join(a, b, check=False)
        joined = [i for i in joined if i < redo_from]
        for i in range(redo_from, len(edges)):
            grouper.step = i
            a, b = edges[i]
            if grouper.join(a, b):
                joined.append(i)
        n_asked = len(grouper.asked)
        keys = np.fromiter(grouper.asked, dtype=np.int64, count=n_asked)
        steps = np.fromiter(grouper.asked.values(), dtype=np.int64, count=n_asked)
        new = np.ones(n_asked, dtype=bool)
        for part in scored_keys:
            if part.size:
                new &= part[np.minimum(np.searchsorted(part, keys), part.size - 1)] != keys
        unscored = pl.DataFrame({"a": keys[new] // width, "b": keys[new] % width,
                                 "step": steps[new]},
                                schema={"a": pl.Int64, "b": pl.Int64, "step": pl.Int64})
        if unscored.is_empty():
            break
        # coherence asked about pairs blocking skipped: score them and group again
        extra = score(unscored.select("a", "b").sort(semantic.PAIR_ORDER))
        scored.append(extra)
        scored_keys.append(np.sort(extra.select(pair_key).to_series().to_numpy()))
        strong = extra.filter(pl.col("score") >= min_link).join(unscored, on=["a", "b"])
        if strong.is_empty():
            break  # every test that failed on them would fail again: the groups stand
        links.update(strong.select(pair_key).to_series().to_list())
        sure.update(strong.filter(pl.col("score") >= threshold).select(pair_key).to_series()
                    .to_list())
        redo_from = int(strong["step"].min())
    if len(scored) > 1:
        cands = pl.concat(scored).sort(semantic.PAIR_ORDER)
    return grouper, cands


def _sentence_pairs(cands: pl.DataFrame, members: pl.DataFrame) -> pl.DataFrame:
    """Node pair scores -> sentence pairs of different articles, both directions, sorted by
    article, index, other article and other index.

    Each node's partner sentences (the sentences of every node it is paired with) are sorted
    once; each sentence then takes its node's run of them in that order, less the ones of its
    own article. No sort of the sentence pairs themselves (a node printed by many outlets
    would sort its partners again for each of its sentences)."""
    import numpy as np

    if cands.is_empty() or members.is_empty():
        return pl.DataFrame(schema=PAIRS)
    # articles as integer codes in their sorted order; the names come back at the end
    names = members["article"].unique().sort()
    coded = members.select(
        "node", "index", art=pl.col("article").rank("dense").cast(pl.Int64) - 1
    ).sort("art", "index")
    n_art = names.len()
    max_index = int(coded["index"].max() or 0)
    width = int(max(cands["a"].max(), cands["b"].max(), coded["node"].max())) + 1  # type: ignore[arg-type]
    partners = (
        pl.concat([cands.lazy().select(n="a", m="b", score="score"),
                   cands.lazy().select(n="b", m="a", score="score")])
        .join(coded.lazy().select(m="node", other_art="art", other_index="index"), on="m")
        .select("n", "other_art", "other_index", "score")
        .collect()
    )
    p_node = partners["n"].to_numpy()
    p_art = partners["other_art"].to_numpy()
    p_index = partners["other_index"].to_numpy()
    if int(coded["index"].min() or 0) >= 0 and (width * n_art * (max_index + 1)).bit_length() <= 63:
        # one integer key: a stable sort of it is several times cheaper than one on 3 columns
        order = np.argsort((p_node * n_art + p_art) * (max_index + 1) + p_index, kind="stable")
    else:
        order = np.lexsort((p_index, p_art, p_node))
    p_node, p_art, p_index = p_node[order], p_art[order], p_index[order]
    p_score = partners["score"].to_numpy()[order]
    del partners, order
    start = np.searchsorted(p_node, np.arange(width))
    count = np.diff(np.append(start, p_node.size))
    node, art, index = (coded[c].to_numpy() for c in ("node", "art", "index"))
    runs = count[node]
    # about SENTENCE_PAIR_ROWS rows at a time: the index arrays stay bounded
    ends = np.cumsum(runs)
    cuts = np.unique(np.searchsorted(ends, np.arange(SENTENCE_PAIR_ROWS, int(ends[-1]),
                                                     SENTENCE_PAIR_ROWS), side="right"))
    parts = []
    for lo, hi in itertools.pairwise([0, *cuts.tolist(), node.size]):
        n = runs[lo:hi]
        sent = np.repeat(np.arange(lo, hi), n)
        row = np.arange(int(n.sum())) + np.repeat(start[node[lo:hi]] - (np.cumsum(n) - n), n)
        keep = p_art[row] != art[sent]
        sent, row = sent[keep], row[keep]
        parts.append(pl.DataFrame({
            "article": names.gather(art[sent]),
            "index": index[sent],
            "other_article": names.gather(p_art[row]),
            "other_index": p_index[row],
            "score": p_score[row],
        }).cast(dict(PAIRS)))
    return pl.concat(parts, rechunk=False)


def _tables(sentences: pl.DataFrame, members: pl.DataFrame, node_group: pl.DataFrame,
            cands: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Turn the node -> group map into the sentences, groups and members tables."""
    m = members.join(node_group, on="node")
    m = m.filter(pl.col("article").n_unique().over("g") >= 2)
    # a member's score: its best link to a member of another article (1.0 for identical text)
    within = (
        cands.join(node_group.rename({"node": "a", "g": "ga"}), on="a")
        .join(node_group.rename({"node": "b", "g": "gb"}), on="b")
        .filter(pl.col("ga") == pl.col("gb"))
    )
    links = pl.concat([
        within.select(node="a", score="score", cos="cos"),
        within.select(node="b", score="score", cos="cos"),
    ]).group_by("node").agg(pl.col("score").max(), pl.col("cos").max())
    shared_text = m.group_by("node").agg(pl.col("article").n_unique().alias("n_art"))
    m = (
        m.join(links, on="node", how="left")
        .join(shared_text, on="node")
        .with_columns(
            score=pl.when(pl.col("n_art") >= 2).then(1.0).otherwise(pl.col("score")).fill_null(0.0),
            cos=pl.when(pl.col("n_art") >= 2).then(1.0).otherwise(pl.col("cos")).fill_null(0.0),
        )
    )
    # number groups by their first (article, index)
    order = (
        m.group_by("g")
        .agg(pl.col("article").min().alias("_a"),
             pl.col("index").filter(pl.col("article") == pl.col("article").min()).min().alias("_i"))
        .sort("_a", "_i")
        .with_columns(group=pl.int_range(pl.len(), dtype=pl.Int64))
        .select("g", "group")
    )
    m = m.join(order, on="g").sort("group", "article", "index")
    per_article = m.group_by("group", "article").len("n")
    groups = (
        m.group_by("group")
        .agg(
            n_articles=pl.col("article").n_unique(),
            n_members=pl.len(),
            n_nodes=pl.col("node").n_unique(),
            score=pl.col("score").mean(),
            min_cos=pl.col("cos").min(),
        )
        .join(per_article.group_by("group").agg(many=(pl.col("n") > 1).any()), on="group")
        .with_columns(
            kind=pl.when(pl.col("n_nodes") == 1).then(pl.lit(GroupKind.IDENTICAL.value))
            .when(pl.col("many") | (pl.col("min_cos") < REWORDED_COSINE))
            .then(pl.lit(GroupKind.PARTIAL.value))
            .otherwise(pl.lit(GroupKind.REWORDED.value))
        )
        .rename({"group": "id"})
        .select(GROUPS.names())
        .cast(dict(GROUPS))
        .sort("id")
    )
    members_out = m.select(MEMBERS.names()).cast(dict(MEMBERS))
    sentences_out = (
        sentences.drop("group")
        .join(m.select("article", "index", "group"), on=["article", "index"], how="left",
              maintain_order="left")
        .select(sentences.columns)
    )
    return sentences_out, groups, members_out

"""Sentences -> alignment groups and members: order-free, N-way, many-to-one, blocked.

1. Sentences with the same normalised text (wire copy, quote-mark variants) become one *node*.
2. Each node is a weighted bag of content words. A word's weight is its inverse sentence
   frequency in the corpus, so the story's topic words (the city, the mayor, the agency) weigh
   little and rare words, names, numbers and quoted words weigh much.
3. Blocking: a node is compared only with the nodes that contain one of its few heaviest words
   (an inverted index), so cost grows with the number of sentences, not its square.
4. Pair scores: cosine, and containment (how much of the smaller node the larger covers) for a
   sentence that merges what another outlet says in two.
5. Grouping: pairs from the best down join groups when the join keeps the group coherent: every
   newcomer must share content with each outlet's version already in the group, not merely with
   one member, and an outlet contributes two sentences to a group only when they are neighbours
   that one sentence of another outlet covers together (many-to-one).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from corpusdiff.model import GROUPS, MEMBERS, Options
from corpusdiff.tokens import content_tokens, normalise_expr

Progress = Callable[[str, float], None]

#: how many of a node's heaviest words go into the inverted index
BLOCK_WORDS = 6
#: how far containment counts against cosine in a pair's score
CONTAIN_WEIGHT = 0.8
#: a node needs this many content words before containment alone can align it
CONTAIN_MIN_TOKENS = 4
#: below this cosine a group is "partial" rather than "reworded"
REWORDED_COSINE = 0.45
#: members sampled from each side when checking that a join keeps a group coherent
COHERENCE_SAMPLE = 8


def _nodes(sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(members: article, index, node; nodes: node, text, articles) for alignable sentences."""
    eligible = sentences.filter(pl.col("kind") != "boilerplate").select(
        "article", "index", "text",
        norm=normalise_expr("text").str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars(),
    ).filter(pl.col("norm").str.len_chars() > 0)
    nodes = (
        eligible.group_by("norm")
        .agg(
            pl.col("text").first(),
            pl.col("article").unique().sort().alias("articles"),
            pl.col("article").min().alias("_a"),
            pl.col("index").min().alias("_i"),
        )
        .sort("_a", "_i", "norm")
        .with_columns(node=pl.int_range(pl.len(), dtype=pl.Int64))
    )
    members = eligible.join(nodes.select("norm", "node"), on="norm").select(
        "article", "index", "node"
    )
    return members, nodes.select("node", "text", "articles")


def _weights(members: pl.DataFrame, nodes: pl.DataFrame) -> pl.DataFrame:
    """node, token, w: each content word of a node with its weight."""
    toks = content_tokens(nodes, ["node"]).group_by("node", "token").agg(
        pl.col("is_number").any(), pl.col("is_name").any(), pl.col("quoted").any()
    )
    mult = members.group_by("node").len("mult")
    n_sent = max(members.height, 1)
    df = toks.join(mult, on="node").group_by("token").agg(pl.col("mult").sum().alias("df"))
    boost = (
        pl.when(pl.col("is_number")).then(1.5).otherwise(1.0)
        * pl.when(pl.col("is_name")).then(1.3).otherwise(1.0)
        * pl.when(pl.col("quoted")).then(1.2).otherwise(1.0)
    )
    return toks.join(df, on="token").select(
        "node", "token", "df",
        w=((n_sent + 1) / (pl.col("df") + 0.5)).log() * boost,
    )


def _candidates(weights: pl.DataFrame, nodes: pl.DataFrame) -> pl.DataFrame:
    """a, b, cos, cont, score for node pairs that share one of a node's heaviest words."""
    n_nodes = max(nodes.height, 1)
    cap = max(200, int(20 * math.sqrt(n_nodes)))
    heavy = (
        weights.filter(pl.col("df") <= cap)
        .sort(["node", "w", "token"], descending=[False, True, False])
        .group_by("node", maintain_order=True)
        .head(BLOCK_WORDS)
        .select("node", "token")
    )
    postings = weights.filter(pl.col("df") <= cap).select("node", "token")
    pairs = (
        heavy.join(postings, on="token", suffix="_b")
        .filter(pl.col("node") != pl.col("node_b"))
        .select(
            a=pl.min_horizontal("node", "node_b"), b=pl.max_horizontal("node", "node_b")
        )
        .unique()
    )
    # two nodes of the same single article are not a cross-article pair
    arts = nodes.select("node", "articles")
    pairs = (
        pairs.join(arts.rename({"node": "a", "articles": "arts_a"}), on="a")
        .join(arts.rename({"node": "b", "articles": "arts_b"}), on="b")
        .filter(
            ~((pl.col("arts_a").list.len() == 1) & (pl.col("arts_b").list.len() == 1)
              & (pl.col("arts_a").list.first() == pl.col("arts_b").list.first()))
        )
        .select("a", "b")
    )
    wa = weights.select(a="node", token="token", w="w")
    wb = weights.select(b="node", token="token", w_b="w")
    norms = weights.group_by("node").agg(
        n2=(pl.col("w") ** 2).sum(), n_tok=pl.len()
    )
    dots = (
        pairs.join(wa, on="a")
        .join(wb, on=["b", "token"])
        .group_by("a", "b")
        .agg(dot=(pl.col("w") * pl.col("w_b")).sum())
    )
    small = pl.when(pl.col("n2_a") <= pl.col("n2_b"))
    return (
        dots.join(norms.rename({"node": "a", "n2": "n2_a", "n_tok": "nt_a"}), on="a")
        .join(norms.rename({"node": "b", "n2": "n2_b", "n_tok": "nt_b"}), on="b")
        .with_columns(
            cos=pl.col("dot") / (pl.col("n2_a") * pl.col("n2_b")).sqrt(),
            cont=pl.col("dot") / pl.min_horizontal("n2_a", "n2_b"),
            small_tokens=small.then(pl.col("nt_a")).otherwise(pl.col("nt_b")),
        )
        .with_columns(
            score=pl.max_horizontal(
                "cos",
                pl.when(pl.col("small_tokens") >= CONTAIN_MIN_TOKENS)
                .then(pl.col("cont") * CONTAIN_WEIGHT)
                .otherwise(0.0),
            ).clip(0.0, 1.0)
        )
        .select("a", "b", "cos", "cont", "score")
        .sort("a", "b")
    )


@dataclass
class _Group:
    nodes: list[int]
    #: article -> sentence indices of its members in this group
    articles: dict[str, list[int]] = field(default_factory=dict)


class _Grouper:
    """Greedy best-first grouping with a coherence test on every join."""

    def __init__(self, node_sentences: dict[int, list[tuple[str, int]]],
                 sims: dict[tuple[int, int], float], threshold: float) -> None:
        self.sims = sims
        self.min_link = threshold * 0.5
        self.owner: dict[int, int] = {}
        self.groups: dict[int, _Group] = {}
        for node, sents in node_sentences.items():
            g = _Group([node])
            for art, idx in sents:
                g.articles.setdefault(art, []).append(idx)
            self.groups[node] = g
            self.owner[node] = node
        self.node_articles = {n: {a for a, _ in s} for n, s in node_sentences.items()}

    def sim(self, x: int, y: int) -> float:
        return self.sims.get((x, y) if x < y else (y, x), 0.0)

    def _coherent(self, g1: _Group, g2: _Group) -> bool:
        """Each sampled member of one group shares content with every outlet of the other."""
        for src, dst in ((g1, g2), (g2, g1)):
            for x in src.nodes[:COHERENCE_SAMPLE]:
                xa = self.node_articles[x]
                for art in dst.articles:
                    if art in xa:
                        continue
                    best = max((self.sim(x, y) for y in dst.nodes[: COHERENCE_SAMPLE * 4]
                                if art in self.node_articles[y]), default=0.0)
                    if best < self.min_link:
                        return False
        return True

    def _outlets_compatible(self, g1: _Group, g2: _Group) -> bool:
        """An outlet may appear on both sides only as a neighbouring sentence joining alone."""
        shared = g1.articles.keys() & g2.articles.keys()
        if not shared:
            return True
        lone = g1 if len(g1.nodes) == 1 else g2 if len(g2.nodes) == 1 else None
        if lone is None or len(lone.articles) != 1:
            return False
        other = g2 if lone is g1 else g1
        (art, idxs), = lone.articles.items()
        theirs = other.articles[art]
        return len(theirs) < 3 and all(abs(i - j) <= 2 for i in idxs for j in theirs)

    def join(self, a: int, b: int) -> None:
        ga, gb = self.owner[a], self.owner[b]
        if ga == gb:
            return
        g1, g2 = self.groups[ga], self.groups[gb]
        if not self._outlets_compatible(g1, g2) or not self._coherent(g1, g2):
            return
        if len(g1.nodes) < len(g2.nodes):
            ga, gb, g1, g2 = gb, ga, g2, g1
        g1.nodes.extend(g2.nodes)
        for art, idxs in g2.articles.items():
            g1.articles.setdefault(art, []).extend(idxs)
        for n in g2.nodes:
            self.owner[n] = ga
        del self.groups[gb]


def align(sentences: pl.DataFrame, options: Options,
          progress: Progress | None = None) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Align sentences across articles.

    Returns (sentences with ``group`` set, groups, members). Group ids run in order of the first
    article (by id) and sentence index that each group contains.
    """
    report = progress or (lambda _stage, _fraction: None)
    report("indexing sentences", 0.0)
    members, nodes = _nodes(sentences)
    weights = _weights(members, nodes)
    report("comparing candidate pairs", 0.3)
    cands = _candidates(weights, nodes)
    report("grouping", 0.7)
    node_sents: dict[int, list[tuple[str, int]]] = {}
    for art, idx, node in members.sort("node", "article", "index").iter_rows():
        node_sents.setdefault(node, []).append((art, idx))
    sims = {(a, b): s for a, b, s in cands.select("a", "b", "score").iter_rows()}
    grouper = _Grouper(node_sents, sims, options.threshold)
    edges = cands.filter(pl.col("score") >= options.threshold).sort(
        ["score", "a", "b"], descending=[True, False, False]
    )
    for a, b in edges.select("a", "b").iter_rows():
        grouper.join(a, b)
    node_group = pl.DataFrame(
        {"node": list(grouper.owner), "g": list(grouper.owner.values())},
        schema={"node": pl.Int64, "g": pl.Int64},
    )
    report("describing groups", 0.9)
    result = _tables(sentences, members, node_group, cands)
    report("aligned", 1.0)
    return result


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
            kind=pl.when(pl.col("n_nodes") == 1).then(pl.lit("identical"))
            .when(pl.col("many") | (pl.col("min_cos") < REWORDED_COSINE)).then(pl.lit("partial"))
            .otherwise(pl.lit("reworded"))
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

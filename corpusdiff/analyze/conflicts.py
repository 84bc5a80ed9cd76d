"""Where aligned outlets disagree on a fact: :func:`conflicts` compares the facts
(:mod:`.facts`) of the sentences of each alignment group, and of close pairs the aligner left
apart (:func:`conflict_pairs`): the same slot (a weekday, a count of the same unit, a person's
role, a date, a place, an amount of money) filled with incompatible values by two outlets."""

from __future__ import annotations

import weakref

import polars as pl

from corpusdiff.analyze.fact_labels import slot_words, with_labels
from corpusdiff.analyze.fact_pairs import (
    PAIRS,
    close_pairs,
    context_agreement,
    group_members,
    mention_contexts,
    same_subject,
    window_overlap,
    window_words,
    word_weights,
)
from corpusdiff.analyze.titles import titles_conflict
from corpusdiff.model import CONFLICTS
from corpusdiff.segment import first_headlines

#: an approximate quantity ("about 20", "nearly two decades") against an exact one spans this
#: share of its number either side
ABOUT = 0.1


def _slots(facts: pl.DataFrame) -> pl.DataFrame:
    """Facts that fill a comparable slot, with the slot name and an interval for quantities."""
    kind = pl.col("kind")
    value = pl.col("value")
    slot = (
        pl.when(kind == "weekday").then(pl.lit("weekday"))
        .when((kind == "number") & pl.col("unit").is_not_null())
        .then(pl.lit("number:") + pl.col("unit"))
        .when(kind == "money").then(pl.lit("money:") + pl.col("unit"))
        .when(kind == "percent").then(pl.lit("percent"))
        .when(kind == "duration").then(pl.lit("duration"))
        .when((kind == "date") & value.str.contains(r"^\d{4}$")).then(pl.lit("year"))
        .when(kind == "date").then(pl.lit("date"))
        .when((kind == "time") & value.str.starts_with("part:")).then(pl.lit("time:part"))
        .when(kind == "time").then(pl.lit("time"))
        .when(kind == "place").then(pl.lit("place:") + pl.col("unit").fill_null("site"))
        .otherwise(None)
    )
    amount = pl.col("amount")
    q = pl.col("qualifier")
    tiny = amount.abs() * 1e-9 + 1e-9
    lo = (
        pl.when(q == ">").then(amount + tiny)
        .when(q == ">=").then(amount)
        .when(q.is_in(["<", "<="])).then(pl.lit(float("-inf")))
        .otherwise(amount)
    )
    hi = (
        pl.when(q.is_in([">", ">="])).then(pl.lit(float("inf")))
        .when(q == "<").then(amount - tiny)
        .otherwise(amount)
    )
    return facts.with_columns(slot=slot, lo=lo, hi=hi).filter(pl.col("slot").is_not_null())


def _date_parts(prefix: str) -> list[pl.Expr]:
    v = pl.col(f"value_{prefix}")
    return [
        v.str.extract(r"^(\d{4})").alias(f"y_{prefix}"),
        pl.coalesce(v.str.extract(r"^(?:\d{4}|-)-(\d{2})"), v.str.extract(r"^month:(\d{2})"))
        .alias(f"m_{prefix}"),
        v.str.extract(r"^(?:\d{4}|-)-\d{2}-(\d{2})").alias(f"d_{prefix}"),
    ]


def _differ(a: str, b: str) -> pl.Expr:
    return pl.col(a).is_not_null() & pl.col(b).is_not_null() & (pl.col(a) != pl.col(b))


def _article_roles(facts: pl.DataFrame) -> pl.DataFrame:
    """article, entity -> the most specific role each article gives a person."""
    return (
        facts.filter(pl.col("kind") == "title")
        .with_columns(_n=pl.col("value").str.split(" ").list.len())
        .sort("article", "entity", pl.col("_n"), "sentence", "start",
              descending=[False, False, True, False, False])
        .group_by("article", "entity", maintain_order=True)
        .first()
        .select("article", "entity", "sentence", "value", "text")
    )


#: parts of the day that may name one time (sorted, space-joined values)
_PARTS_ALIKE = frozenset(("part:evening part:night", "part:night part:overnight",
                          "part:evening part:overnight"))
#: two amounts in a close pair further apart than this factor are about different things
CLOSE_AMOUNT_RATIO = 5.0

_PAIR_COLS = ["group", "kind", "slot", "article_a", "sentence_a", "value_a", "text_a",
              "article_b", "sentence_b", "value_b", "text_b"]
_SIDE = ("article", "sentence", "at", "start", "end", "value", "text", "lo", "hi", "unit",
         "qualifier", "amount", "mid")


def _live_sentences(sentences: pl.DataFrame) -> pl.DataFrame:
    return sentences.filter(pl.col("kind") != "boilerplate").select(
        pl.col("article"), pl.col("index").alias("sentence"))


def _role_slots(facts: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """Each person mentioned in a compared sentence with the role the sentence gives them, or
    else the most specific role the outlet gives them anywhere. ``places``: article, sentence
    of the compared sentences (:func:`conflicts` compares roles inside the groups only)."""
    people = (facts.filter(pl.col("kind") == "person").join(places, on=["article", "sentence"])
              .select("article", "sentence", "entity").unique())
    local = (facts.filter(pl.col("kind") == "title").join(places, on=["article", "sentence"])
             .select("article", "sentence", "entity", "start", "end", "value", "text",
                     pl.col("sentence").alias("at")))
    general = (
        people.join(local, on=["article", "sentence", "entity"], how="anti")
        .join(_article_roles(facts).rename({"sentence": "_at"}), on=["article", "entity"])
        .with_columns(start=pl.lit(0, pl.Int64), end=pl.lit(0, pl.Int64))
        .select("article", "sentence", "entity", "start", "end", "value", "text",
                pl.col("_at").alias("at"))
    )
    return pl.concat([local, general]).select(
        "article", "sentence", "at", "start", "end", pl.lit("title").alias("kind"),
        (pl.lit("role:") + pl.col("entity")).alias("slot"), "value", "text",
        pl.lit(None, pl.Float64).alias("lo"), pl.lit(None, pl.Float64).alias("hi"),
        pl.lit(None, pl.String).alias("unit"), pl.lit(None, pl.String).alias("qualifier"),
        pl.lit(None, pl.Float64).alias("amount"),
    )


def _quantity_slots(facts: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Slot-filling mentions of live sentences with a mention id (``mid``)."""
    return (
        _slots(facts).join(_live_sentences(sentences), on=["article", "sentence"], how="semi")
        .select("article", "sentence", "start", "end", "kind", "slot", "value", "text", "lo",
                "hi", "unit", "qualifier", "amount")
        .sort("article", "sentence", "start", "slot", "value")
        .with_columns(at=pl.col("sentence"))
        .with_row_index("mid")
        .with_columns(pl.col("mid").cast(pl.Int64))
    )


#: the last tables :func:`_mentions` read (facts, sentences, held weakly) and its answer
_last_mentions: tuple[weakref.ref[pl.DataFrame], weakref.ref[pl.DataFrame],
                      tuple[pl.DataFrame, pl.DataFrame]] | None = None


def _mentions(facts: pl.DataFrame, sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The slot-filling mentions (:func:`_quantity_slots`) and their contexts
    (:func:`.fact_pairs.mention_contexts`), computed once for a facts and a sentences table:
    :func:`conflict_pairs` reads them and :func:`conflicts`, called next on the same tables,
    reads them again (remembered while both tables live; the pipeline never changes a table
    in place)."""
    global _last_mentions
    last = _last_mentions
    if last is not None and last[0]() is facts and last[1]() is sentences:
        return last[2]
    slots = _quantity_slots(facts, sentences)
    found = (slots, mention_contexts(slots, sentences, word_weights(sentences)))

    def forget(ref: weakref.ref[pl.DataFrame]) -> None:
        global _last_mentions
        if _last_mentions is not None and ref in (_last_mentions[0], _last_mentions[1]):
            _last_mentions = None

    _last_mentions = (weakref.ref(facts, forget), weakref.ref(sentences, forget), found)
    return found


def _best_matches(close: pl.DataFrame, slots: pl.DataFrame,
                  contexts: pl.DataFrame) -> pl.DataFrame:
    """The close conflicts whose two mentions are each other's best match: of the other
    outlet's mentions of the slot, the one whose context agrees most. A mention that agrees
    better with a mention of the same value ("on Tuesday ... Justice Department" with the
    other outlet's "on Tuesday ... Justice Department") is told alike there, not contradicted
    by a looser neighbour."""
    ends = []
    for me, other in (("a", "b"), ("b", "a")):
        ends.append(close.select(mid=f"mid_{me}", article=f"article_{other}", slot="slot"))
    rivals = (
        pl.concat(ends).unique()
        .join(slots.select(pl.col("mid").alias("rival"), "article", "slot"),
              on=["article", "slot"])
        .filter(pl.col("mid") != pl.col("rival"))
    )
    mids = pl.concat([rivals["mid"], rivals["rival"]]).unique()
    scored = context_agreement(rivals.select(mid_a="mid", mid_b="rival"),
                               contexts.filter(pl.col("mid").is_in(mids.implode())))
    # a mention's best match in each other article
    best = (scored.join(slots.select(pl.col("mid").alias("mid_b"), "article"), on="mid_b")
            .sort("mid_a", "article", "agreement", "mid_b",
                  descending=[False, False, True, False])
            .group_by("mid_a", "article", maintain_order=True).first()
            .select(pl.col("mid_a").alias("mid"), "article", pl.col("mid_b").alias("best")))
    return (
        close.join(best, left_on=["mid_a", "article_b"], right_on=["mid", "article"],
                   how="left")
        .filter(pl.col("best") == pl.col("mid_b")).drop("best")
        .join(best, left_on=["mid_b", "article_a"], right_on=["mid", "article"], how="left")
        .filter(pl.col("best") == pl.col("mid_a")).drop("best")
    )


def _told_elsewhere(close: pl.DataFrame, slots: pl.DataFrame,
                    sentences: pl.DataFrame) -> pl.DataFrame:
    """The close conflicts left once the other sentences of the two outlets are read. A close
    pair is a guess (the aligner left the sentences apart), dropped when a simpler reading
    exists:

    - each outlet also names the other's value of the slot elsewhere: both tell of the same
      days (counts, dates...) and these two sentences are about two of them;
    - the other outlet names this mention's own value in a mention that shares more of its
      nearby words (:func:`.fact_pairs.window_words`: "met with President Obama on Thursday"
      is nearer "meet with Sanders in Washington on Thursday" than "On Wednesday, Mr. Sanders
      sent out an email" is): the fact is told alike there."""
    said = slots.select("article", "slot", "value").unique().with_columns(_k=pl.lit(True))
    for me, other in (("a", "b"), ("b", "a")):
        close = close.join(said.rename({"_k": f"_k{me}"}), how="left",
                           left_on=[f"article_{me}", "slot", f"value_{other}"],
                           right_on=["article", "slot", "value"], maintain_order="left")
    close = close.filter(~(pl.col("_ka").fill_null(False) & pl.col("_kb").fill_null(False))
                         ).drop("_ka", "_kb")
    if close.is_empty():
        return close
    rivals = pl.concat([
        close.select(mid_a=f"mid_{me}", article=f"article_{other}", slot="slot",
                     value=f"value_{me}")
        for me, other in (("a", "b"), ("b", "a"))
    ]).unique().join(slots.select(mid_b="mid", article="article", slot="slot", value="value"),
                     on=["article", "slot", "value"])
    mids = pl.concat([close["mid_a"], close["mid_b"], rivals["mid_b"]]).unique()
    windows = window_words(slots.filter(pl.col("mid").is_in(mids.implode())), sentences)
    nearest = (window_overlap(rivals, windows).group_by("mid_a")
               .agg(_rival=pl.col("shared").max()))
    own = window_overlap(close, windows)
    close = close.join(own, on=["mid_a", "mid_b"], how="left", maintain_order="left")
    for me in ("a", "b"):
        close = close.join(nearest.rename({"mid_a": f"mid_{me}", "_rival": f"_r{me}"}),
                           on=f"mid_{me}", how="left", maintain_order="left")
    pair = pl.col("shared").fill_null(0)
    return close.filter((pl.col("_ra").fill_null(0) <= pair)
                        & (pl.col("_rb").fill_null(0) <= pair)).drop("shared", "_ra", "_rb")


def _conflicting(found: pl.DataFrame) -> pl.DataFrame:
    """The rows (slot, value_a / value_b, lo / hi of each side) whose two values cannot both
    be true: roles by :func:`.titles.titles_conflict`, dates by their parts, bounded
    quantities by their intervals; any other two different values."""
    if found.is_empty():
        return found
    found = found.with_columns(*_date_parts("a"), *_date_parts("b"))
    role_pairs = found.filter(pl.col("slot").str.starts_with("role:")).select(
        "value_a", "value_b").unique()
    role_conflicts = role_pairs.filter(pl.Series(
        [titles_conflict(a, b) for a, b in role_pairs.iter_rows()], dtype=pl.Boolean))
    quantity = pl.col("lo_a").is_not_null() & pl.col("lo_b").is_not_null()
    # an estimate against an exact figure spans ABOUT either side ("nearly two decades" and
    # "18 years" agree); two estimates with two numbers still differ
    qa, qb = pl.col("qualifier_a").fill_null("") == "~", pl.col("qualifier_b").fill_null("") == "~"
    ma = pl.when(qa & ~qb).then(pl.col("hi_a").abs() * ABOUT).otherwise(0.0)  # (hi = lo)
    mb = pl.when(qb & ~qa).then(pl.col("hi_b").abs() * ABOUT).otherwise(0.0)
    disjoint = (pl.col("hi_a") + ma < pl.col("lo_b") - mb) | (
        pl.col("hi_b") + mb < pl.col("lo_a") - ma)
    conflict = (
        pl.when(pl.col("slot").str.starts_with("role:")).then(pl.col("_role").is_not_null())
        .when(pl.col("slot") == "date")
        .then(_differ("y_a", "y_b") | _differ("m_a", "m_b") | _differ("d_a", "d_b"))
        # "Thursday evening" and "Thursday night" are one time
        .when(pl.col("slot") == "time:part")
        .then(~pl.concat_list("value_a", "value_b").list.sort().list.join(" ").is_in(
            list(_PARTS_ALIKE)))
        .when(quantity).then(disjoint)
        .otherwise(pl.lit(True))
    )
    return (
        found.join(role_conflicts.with_columns(_role=pl.lit(True)), on=["value_a", "value_b"],
                   how="left", maintain_order="left")
        .filter(conflict)
        .drop("y_a", "m_a", "d_a", "y_b", "m_b", "d_b", "_role")
    )


def _dated_alike(found: pl.DataFrame, slots: pl.DataFrame) -> pl.DataFrame:
    """``found`` without the date rows whose one sentence also states a date the other's
    value may be ("on September 20, 2016" against "between September 2016 and July 2017": the
    range opens with that month)."""
    rows = found.with_row_index("_r").filter(pl.col("slot") == "date")
    if rows.is_empty():
        return found
    dates = (slots.filter(pl.col("slot") == "date")
             .select("article", "sentence", value_x="value").unique()
             .with_columns(*_date_parts("x")))
    alike = []
    for me, other in (("a", "b"), ("b", "a")):
        said = (rows.select("_r", article=f"article_{me}", sentence=f"sentence_{me}",
                            value_o=f"value_{other}")
                .with_columns(*_date_parts("o"))
                .join(dates, on=["article", "sentence"]))
        alike.append(said.filter(~(_differ("y_o", "y_x") | _differ("m_o", "m_x")
                                   | _differ("d_o", "d_x")))["_r"])
    drop = pl.concat(alike).unique().implode()
    return found.with_row_index("_r").filter(~pl.col("_r").is_in(drop)).drop("_r")


def _in_order(found: pl.DataFrame, slots: pl.DataFrame) -> pl.DataFrame:
    """``found`` with the years and dates of two sentences that each state as many of them
    (two or more) compared in the order written: "from 1967 to 1979" against "from 1966 to
    1978" is 1967 against 1966 and 1979 against 1978, not also 1967 against 1978."""
    rows = found.with_row_index("_r").filter(pl.col("slot").is_in(["year", "date"]))
    if rows.is_empty():
        return found
    order = (slots.filter(pl.col("slot").is_in(["year", "date"]))
             .group_by("article", "sentence", "slot", "value").agg(pl.col("start").min())
             .with_columns(_k=pl.col("start").rank("ordinal").over("article", "sentence", "slot"),
                           _n=pl.len().over("article", "sentence", "slot"))
             .select("article", "sentence", "slot", "value", "_k", "_n"))
    for side in ("a", "b"):
        rows = rows.join(order.rename({"article": f"article_{side}",
                                       "sentence": f"sentence_{side}", "value": f"value_{side}",
                                       "_k": f"_k{side}", "_n": f"_n{side}"}),
                         on=[f"article_{side}", f"sentence_{side}", "slot", f"value_{side}"],
                         how="left")
    crossed = rows.filter((pl.col("_na") == pl.col("_nb")) & (pl.col("_na") >= 2)
                          & (pl.col("_ka") != pl.col("_kb")))["_r"].implode()
    return found.with_row_index("_r").filter(~pl.col("_r").is_in(crossed)).drop("_r")


def _close_conflicts(pairs: pl.DataFrame, slots: pl.DataFrame, contexts: pl.DataFrame,
                     sentences: pl.DataFrame) -> pl.DataFrame:
    """The conflicts of the close pairs (``pairs``: schema :data:`.fact_pairs.PAIRS`,
    ``source="close"``) between the mentions ``slots`` (:func:`_mentions`, with their
    ``contexts``): one row per two mentions of one slot filled with two values, neither
    sentence also stating the other's value, in the columns every candidate of
    :func:`conflicts` has (the pair's, then each side's mention). Not places (two places named
    in like words are rarely one fact told twice), not roles (compared over the groups and the
    whole article: ``slots`` holds none), and amounts of one order of magnitude; the two
    mentions stand among the same words (:func:`.fact_pairs.context_agreement`), are each
    other's best match (:func:`_best_matches`) and have no simpler reading
    (:func:`_told_elsewhere`)."""
    side_a = slots.rename({c: f"{c}_a" for c in _SIDE})
    side_b = slots.drop("kind").rename({c: f"{c}_b" for c in _SIDE})
    found = (
        pairs.rename({"index_a": "sentence_a", "index_b": "sentence_b"})
        .join(side_a, on=["article_a", "sentence_a"])
        .join(side_b, on=["article_b", "sentence_b", "slot"])
        .filter(pl.col("value_a") != pl.col("value_b"))
    )
    if found.is_empty():
        return found
    said = slots.select("article", "sentence", "slot", "value").unique()
    for me, other in (("a", "b"), ("b", "a")):
        found = found.join(
            said, how="anti",
            left_on=[f"article_{me}", f"sentence_{me}", "slot", f"value_{other}"],
            right_on=["article", "sentence", "slot", "value"])
    ratio = pl.max_horizontal("amount_a", "amount_b") / pl.min_horizontal("amount_a", "amount_b")
    close = found.filter(
        ~pl.col("slot").str.starts_with("place:")
        & (ratio.is_null() | ratio.is_nan() | (ratio <= CLOSE_AMOUNT_RATIO)))
    if close.is_empty():
        return close
    agree = context_agreement(close, contexts.filter(
        pl.col("mid").is_in(pl.concat([close["mid_a"], close["mid_b"]]).implode())))
    close = close.join(agree.select("mid_a", "mid_b"), on=["mid_a", "mid_b"], how="semi")
    close = _best_matches(close, slots, contexts)
    return _told_elsewhere(close, slots, sentences)


#: a mention in an alignment group is compared with the mentions of each other value of its
#: slot in at most this many other outlets of the group, the first by article id (all of them
#: in a story told by a few outlets): a group's conflicts grow with its mentions and values,
#: not with the square of its size
GROUP_OUTLETS = 8


def _partners(wanted: pl.DataFrame, holders: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """mid_a, mid_b (article_a < article_b): each wanted mention (mid, article, ``keys``) with
    the holders (mid, article, sentence, start, ``keys``) of its keys in the first
    :data:`GROUP_OUTLETS` articles other than its own."""
    rank = pl.col("article").rank("dense").over(keys)
    spare = holders.filter(rank <= GROUP_OUTLETS + 1)
    found = (
        wanted.select("mid", "article", *keys)
        .join(spare.select(*keys, mid_n="mid", article_n="article"), on=keys)
        .filter(pl.col("article_n") != pl.col("article"))
        .filter(pl.col("article_n").rank("dense").over("mid", *keys) <= GROUP_OUTLETS)
    )
    first = pl.col("article") < pl.col("article_n")
    return found.select(
        mid_a=pl.when(first).then(pl.col("mid")).otherwise(pl.col("mid_n")),
        mid_b=pl.when(first).then(pl.col("mid_n")).otherwise(pl.col("mid")),
    ).unique()


#: no candidate pair of mentions (the input of :func:`_sides`)
_NO_PAIRS = pl.DataFrame(schema={"mid_a": pl.Int64, "mid_b": pl.Int64})


def _sides(pairs: pl.DataFrame, slots: pl.DataFrame, group: pl.DataFrame) -> pl.DataFrame:
    """pairs (mid_a, mid_b) -> the columns of a conflict candidate: group, kind, slot and
    each side's mention (``_SIDE`` columns with _a / _b), ``source="group"``. ``group``: mid,
    group."""
    if pairs.is_empty():
        # the joins' columns without the joins (most groups of a small story hold no
        # conflicting values)
        schema = {"mid_a": pairs.schema["mid_a"], "mid_b": pairs.schema["mid_b"],
                  "group": group.schema["group"]}
        schema.update((f"{c}_a" if c in _SIDE else c, t) for c, t in slots.schema.items()
                      if c != "mid")
        schema.update((f"{c}_b", t) for c, t in slots.schema.items() if c in _SIDE
                      and c != "mid")
        return pl.DataFrame(schema={**schema, "source": pl.String})
    return (
        pairs.join(group.rename({"mid": "mid_a"}), on="mid_a")
        .join(slots.rename({c: f"{c}_a" for c in _SIDE}), on="mid_a")
        .join(slots.drop("kind", "slot").rename({c: f"{c}_b" for c in _SIDE}), on="mid_b")
        .with_columns(source=pl.lit("group"))
    )


def _group_conflicts(members: pl.DataFrame, slots: pl.DataFrame) -> pl.DataFrame:
    """Candidate conflicts inside the alignment groups, per group and slot: each mention with
    the mentions of every conflicting value of its slot (:func:`_partners`), when neither
    outlet also states the other's value in the group. Rows as :func:`_sides`; they still go
    through the subject and dedup steps of :func:`conflicts`."""
    inside = members.join(slots, on=["article", "sentence"])
    key = ["group", "slot", "value", "_q"]
    inside = inside.with_columns(_q=pl.col("qualifier").fill_null(""))
    variants = inside.unique(key, keep="first").select(
        *key, "kind", "lo", "hi", "unit", "qualifier").sort(key).with_row_index("vid")
    inside = inside.join(variants.select(*key, "vid"), on=key)
    v = variants.drop("_q", "kind")
    pairs = (
        v.rename({c: f"{c}_a" for c in ("vid", "value", "lo", "hi", "unit", "qualifier")})
        .join(v.rename({c: f"{c}_b" for c in ("vid", "value", "lo", "hi", "unit",
                                                "qualifier")}), on=["group", "slot"])
        .filter(pl.col("value_a") != pl.col("value_b"))
    )
    pairs = _conflicting(pairs)
    if pairs.is_empty():
        return _sides(_NO_PAIRS, slots, members)
    pairs = pairs.select("group", "slot", vid="vid_a", other="vid_b", value="value_a",
                         other_value="value_b")
    in_group = inside.select("group", "article", "slot", "value").unique()
    mine = inside.select("mid", "article", "sentence", "start", "group", "slot", "vid", "value")
    wanted = (
        mine.join(pairs.drop("group", "slot", "value"), on="vid")
        .join(in_group, how="anti", left_on=["group", "article", "slot", "other_value"],
              right_on=["group", "article", "slot", "value"])
    )
    holders = (
        pairs.select("vid", "other", "group", "slot", "value")
        .join(mine.select(other="vid", mid="mid", article="article", sentence="sentence",
                          start="start"), on="other")
        .join(in_group, how="anti", on=["group", "article", "slot", "value"])
    )
    found = _partners(wanted, holders, ["vid", "other"])
    return _sides(found, slots, inside.select("mid", "group"))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FULL_DATE = r"^(?:\d{4}|-)-\d{2}-\d{2}$"


def _article_years(facts: pl.DataFrame, articles: pl.DataFrame | None) -> pl.DataFrame:
    """article -> the year its undated days ("Dec. 8") are in: the publication year, else the
    year the article mentions most (the later one on a tie)."""
    said = (
        facts.filter(pl.col("kind") == "date")
        .select("article", _y=pl.col("value").str.extract(r"^(\d{4})"))
        .drop_nulls("_y")
        .group_by("article", "_y").agg(_n=pl.len())
        .sort("article", "_n", "_y", descending=[False, True, True])
        .group_by("article", maintain_order=True).first()
        .select("article", "_y")
    )
    if articles is None or "date" not in articles.columns:
        return said.rename({"_y": "year"})
    published = articles.select(
        pl.col("id").alias("article"), _p=pl.col("date").str.extract(r"^(\d{4})"))
    return (published.join(said, on="article", how="full", coalesce=True)
            .select("article", year=pl.coalesce("_p", "_y")).drop_nulls("year"))


def _weekday_dates(members: pl.DataFrame, slots: pl.DataFrame, facts: pl.DataFrame,
                   articles: pl.DataFrame | None) -> pl.DataFrame:
    """Group sentences of two outlets, one naming a weekday and the other a full date that
    falls on another day, as rows of the ``weekday`` slot (the date's value on its side; rows
    as :func:`_sides`). The date's year is its own, else its article's
    (:func:`_article_years`); a date that names an event ("the Sept. 11 attacks") is left out.
    A sentence that names a weekday of its own, or a full date of its own, is compared by
    those slots instead. Each day is compared with the dates of at
    most :data:`GROUP_OUTLETS` other outlets per date (:func:`_partners`)."""
    where = ["article", "sentence"]
    days = slots.filter(pl.col("slot") == "weekday")
    day = members.join(days, on=where)
    # "the Sept. 11 attacks" names an event of another year: no day of the story
    date = members.join(
        slots.filter((pl.col("slot") == "date") & pl.col("value").str.contains(_FULL_DATE)
                     & (pl.col("unit").fill_null("") != "event")),
        on=where)
    if day.is_empty() or date.is_empty():
        return _sides(_NO_PAIRS, slots, members)
    date = (
        date.join(_article_years(facts, articles), on="article", how="left")
        .with_columns(_day=pl.concat_str(
            pl.when(pl.col("value").str.starts_with("-")).then(pl.col("year"))
            .otherwise(pl.col("value").str.slice(0, 4)),
            pl.col("value").str.extract(r"(-\d{2}-\d{2})$")).str.to_date("%Y-%m-%d",
                                                                        strict=False))
        .filter(pl.col("_day").is_not_null())
        .with_columns(_weekday=pl.col("_day").dt.weekday().cast(pl.Int64)
                      .replace_strict(dict(enumerate(_WEEKDAYS, 1)), return_dtype=pl.String))
    )
    day = day.join(date.select(where).unique(), on=where, how="anti")
    date = date.join(days.select(where).unique(), on=where, how="anti")
    told = (date.select("group", "value", "_weekday").unique().sort("group", "value")
            .with_row_index("told"))
    date = date.join(told, on=["group", "value", "_weekday"])
    wanted = (day.select("mid", "article", "group", _w="value")
              .join(told, on="group").filter(pl.col("_weekday") != pl.col("_w")))
    if wanted.is_empty():
        return _sides(_NO_PAIRS, slots, members)
    found = _partners(wanted, date.select("mid", "article", "sentence", "start", "told"),
                      ["told"])
    group = pl.concat([day.select("mid", "group"), date.select("mid", "group")])
    return _sides(found, slots, group).with_columns(kind=pl.lit("weekday"),
                                                    slot=pl.lit("weekday"))


def _members_of(pairs: pl.DataFrame) -> pl.DataFrame:
    """group, article, sentence of every sentence of a group row (a pair, or one member)."""
    grouped = pairs.filter(pl.col("group").is_not_null())
    return pl.concat([
        grouped.select("group", article="article_a", sentence="index_a"),
        grouped.select("group", article="article_b", sentence="index_b"),
    ]).drop_nulls().unique().sort("group", "article", "sentence")


def _label_conflicts(found: pl.DataFrame) -> pl.DataFrame:
    """label (the slot in words) and said_a / said_b (each value in words)."""
    slots = found.select("slot").unique()
    slots = slots.with_columns(pl.Series("label", [slot_words(x) for x in slots["slot"]],
                                         dtype=pl.String))
    out = found.join(slots, on="slot", how="left", maintain_order="left")
    for side in ("a", "b"):
        # a full date compared with a weekday is told as a date, with its day
        dated = (pl.col("slot") == "weekday") & pl.col(f"value_{side}").str.contains(_FULL_DATE)
        out = out.with_columns(pl.when(dated).then(pl.lit("date")).otherwise(pl.col("kind"))
                               .alias("_kind"))
        out = with_labels(out, kind="_kind", value=f"value_{side}", unit=f"unit_{side}",
                          qualifier=f"qualifier_{side}", out=f"said_{side}", words=True)
    return out.drop("_kind")


def conflict_pairs(facts: pl.DataFrame, members: pl.DataFrame,
                   sentences: pl.DataFrame) -> pl.DataFrame:
    """The sentences :func:`conflicts` compares (schema :data:`.fact_pairs.PAIRS`): every
    sentence of an alignment group of two outlets or more (:func:`.fact_pairs.group_members`:
    compared with the group's other outlets), and the close pairs of
    :func:`.fact_pairs.close_pairs` (sentences the aligner left apart that fill one slot with
    mentions in the same words). The headline row counts as left apart."""
    slots, contexts = _mentions(facts, sentences)
    # the headline row groups the outlets' titles (each article's first headline) whatever
    # they say: its titles are compared as sentences the aligner left apart (close pairs),
    # not as one statement (on a corpus of many stories the row holds them all)
    titles = first_headlines(sentences).select("article", "index")
    row = members.join(titles, on=["article", "index"]).select("group").unique()
    members = members.join(row, on="group", how="anti")
    return pl.concat([group_members(members), close_pairs(slots, contexts, members)])


def conflicts(facts: pl.DataFrame, pairs: pl.DataFrame,
              sentences: pl.DataFrame, articles: pl.DataFrame | None = None) -> pl.DataFrame:
    """Slots filled differently by the two sentences of a pair (schema :data:`CONFLICTS`).

    ``pairs`` (schema :data:`.fact_pairs.PAIRS`) says which sentences of two outlets state the
    same thing: both in one alignment group (``source="group"``: a pair, or one sentence of
    the group, see :func:`.fact_pairs.group_members`) or close by another measure
    (``source="close"``; the two mentions must then also stand among the same words, so that
    they are about the same subject, and be each other's best match with no simpler reading
    in the two articles, see :func:`_told_elsewhere`). Build it with :func:`conflict_pairs`.
    Two mentions of any slot but a role must share a word next to them
    (:func:`.fact_pairs.same_subject`): a sentence can name two days or two places of two
    statements.

    A slot is a weekday, a count of one unit ("number:agents"), an amount of money, a
    percentage, a duration, a date, a year, a clock time or part of day, a place of one type
    ("place:city") or a person's role ("role:Karen Bass"). Two values conflict when neither
    sentence (nor, for a group pair, the outlet's other sentences in the group) also states the
    other's value and they cannot both be true: intervals for bounded quantities ("more than
    100" and "120" agree; "about 12,000" and "about 11,000" do not: an estimate is compared by
    its number), date parts (June 10 and June agree), roles by
    :func:`.titles.titles_conflict` after :func:`.facts.normalise_role` ("Rep." and "Congressman"
    agree; "Attorney General" and "Deputy Attorney General" do not; "Majority Leader" and
    "Senator" both hold). A person's role in a sentence is the role written there, or else the
    most specific role the outlet gives that person anywhere; a role conflict is reported once
    per pair of outlets and values.

    Inside a group the comparison goes by slot and value, not by sentence pair
    (:func:`_group_conflicts`): each mention meets the other values of its slot in the group,
    each in the first :data:`GROUP_OUTLETS` other outlets that state it (all of them when a
    story has fewer outlets), so a group of a thousand outlets costs its mentions, not their
    pairs.

    A weekday and a full date of a group pair are one slot too: "Friday" and "Dec. 8" agree
    when Dec. 8 is a Friday, and conflict otherwise (see :func:`_weekday_dates`; ``articles``,
    schema ARTICLES, gives the publication year when the date has none).
    """
    pairs = pairs.select(list(PAIRS.names())).cast(dict(PAIRS))  # type: ignore[arg-type]
    members = _members_of(pairs)
    pairs = pairs.filter(pl.col("source") == "close")
    slots, contexts = _mentions(facts, sentences)
    close = _close_conflicts(pairs, slots, contexts, sentences)
    # a person's role is compared inside the groups only (see _close_conflicts)
    roles = _role_slots(facts, members.select("article", "sentence").unique()).with_columns(
        mid=pl.int_range(pl.len(), dtype=pl.Int64) + slots.height)
    everything = pl.concat([slots, roles.select(slots.columns)])
    candidates = [
        _group_conflicts(members, everything).select(close.columns),
        close,
        _weekday_dates(members, slots, facts, articles).select(close.columns),
    ]
    candidates = [c for c in candidates if not c.is_empty()]
    if not candidates:
        return pl.DataFrame(schema=CONFLICTS)
    # a role known from elsewhere in the article is shown where it is written
    found = _conflicting(pl.concat(candidates).with_columns(sentence_a="at_a",
                                                            sentence_b="at_b"))
    found = _in_order(_dated_alike(found, slots), slots)
    order = ["slot", "article_a", "article_b", "sentence_a", "start_a", "sentence_b",
             "start_b"]
    # a day, a date, a count or a place conflicts only when both mentions attach to one
    # thing: the words right next to them agree ("Arizona Sheriff Joe Arpaio" and "before the
    # New Hampshire primary" name two places of two statements; a role is a person's)
    attached = found.filter(~pl.col("slot").str.starts_with("role:"))
    if not attached.is_empty():
        found = pl.concat([
            found.filter(pl.col("slot").str.starts_with("role:")),
            attached.filter(same_subject(attached, sentences)),
        ])
    found = (
        found
        .with_columns(_key=pl.col("group").fill_null(-1))
        .sort("_key", *order, nulls_last=True)
    )
    per_group = found.filter(pl.col("group").is_not_null()).unique(
        ["group", "slot", "article_a", "article_b", "value_a", "value_b"], keep="first",
        maintain_order=True)
    per_pair = found.filter(pl.col("group").is_null()).unique(
        ["sentence_a", "sentence_b", "slot", "article_a", "article_b", "value_a", "value_b"],
        keep="first", maintain_order=True)
    found = pl.concat([per_group, per_pair]).sort("_key", *order, nulls_last=True)
    # a role conflict between two outlets is one finding, however many pairs show it
    roles_once = (
        found.filter(pl.col("slot").str.starts_with("role:"))
        .unique(["slot", "article_a", "article_b", "value_a", "value_b"], keep="first",
                maintain_order=True)
    )
    # a close pair that repeats a conflict a group pair already shows adds nothing
    rest = found.filter(~pl.col("slot").str.starts_with("role:"))
    rest = pl.concat([
        rest.filter(pl.col("group").is_not_null()),
        rest.filter(pl.col("group").is_null()).join(
            rest.filter(pl.col("group").is_not_null()), how="anti",
            on=["slot", "article_a", "sentence_a", "value_a", "article_b", "sentence_b",
                "value_b"]),
    ])
    grouped = members.unique(["article", "sentence"], keep="first")
    out = (
        pl.concat([rest, roles_once])
        .join(grouped.rename({"group": "_group_a", "article": "article_a",
                              "sentence": "sentence_a"}),
              on=["article_a", "sentence_a"], how="left", maintain_order="left")
        .join(grouped.rename({"group": "_group_b", "article": "article_b",
                              "sentence": "sentence_b"}),
              on=["article_b", "sentence_b"], how="left", maintain_order="left")
        .sort("_key", *order, nulls_last=True)
        .with_columns(
            # a close pair is shown at the group of one of its sentences, when it has one
            group=pl.coalesce("group", "_group_a", "_group_b"))
    )
    return _label_conflicts(out).select(list(CONFLICTS.names())).cast(
        dict(CONFLICTS))  # type: ignore[arg-type]


__all__ = ["GROUP_OUTLETS", "conflict_pairs", "conflicts"]

"""Facts a fact-checker compares: people, organisations, places, numbers, money, dates.

:func:`extract_facts` reads every non-boilerplate sentence with rules (no model): regexes for
money, percentages, dates, weekdays, times, durations and counted numbers; capitalised word runs
split by small gazetteers (US states, big cities, countries, well-known organisations), title
words and a list of common given names for people, organisations and places. A person's title
("DHS Secretary", "assistant director for ICE's Office of Public Affairs") is its own ``title``
mention tied to the person's ``entity`` key, and people are resolved across the corpus so that
"Mayor Karen Bass", "Karen Bass" and "Bass" share one key.

Sentence-level rules are in :mod:`.fact_quantities` and :mod:`.fact_names`, their word lists
and gazetteers in :mod:`.fact_words`; this module holds the table and the corpus-level
resolution. :func:`exclusive_facts` lists what only one outlet mentions; where aligned outlets
disagree on a fact is :mod:`.conflicts`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import polars as pl

from corpusdiff.analyze.fact_labels import with_labels
from corpusdiff.analyze.fact_names import (
    Pending,
    decide_pending,
    is_strict,
    names_for_other_articles,
    sentence_facts,
    settle_third_names,
    trim_headline_orgs,
)
from corpusdiff.analyze.fact_quantities import MAY_HOLD_NUMBER, Mention
from corpusdiff.analyze.fact_words import ROLE_STOP
from corpusdiff.analyze.people_words import FACT_TITLES, ROLE_SYNONYMS
from corpusdiff.analyze.person_keys import SUFFIX, full_names, name_variants, surname
from corpusdiff.analyze.titles import normalise_title
from corpusdiff.model import EXCLUSIVE_FACTS, FACTS

#: FACTS without the label (computed last)
_BASE = pl.Schema({k: v for k, v in FACTS.items() if k != "label"})

FACT_KINDS = ("person", "organization", "place", "number", "money", "percent", "date",
              "weekday", "time", "duration", "title")



# --------------------------------------------------------------------------------------------
# roles

_ROLE_CANON: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:u\.s\.\s+)?immigration\s+(?:and\s+)?customs\s+(?:and\s+)?enforcement\b"),
     "ice"),
    (re.compile(r"\b(?:department of|dept\.? of) justice\b|\bjustice department\b"), "doj"),
    (re.compile(r"\b(?:department of )?homeland security(?: department)?\b"), "dhs"),
    (re.compile(r"\bcustoms and border protection\b"), "cbp"),
    (re.compile(r"\bfederal bureau of investigation\b"), "fbi"),
    (re.compile(r"\bl\.a\.|\bla\b"), "los angeles"),
    (re.compile(r"\bu\.s\.|\bunited states\b|\bus\b"), "us"),
]


#: a party's national committee, written out (folded to "dnc", "rnc")
_PARTY_COMMITTEE = re.compile(r"\b(democratic|republican) national committee\b")
#: an acronym written with periods ("c.i.a.", lower case)
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


def normalise_role(role: str) -> str:
    """A role reduced for comparison: lower case, possessives, function words and known
    organisation names folded ("assistant director for ICE's Office of Public Affairs" and
    "Assistant Director of the ICE Office of Public Affairs" give the same string)."""
    # the parties' committees before the party words go ("chair of the Democratic National
    # Committee" and "DNC chair")
    s = normalise_title(_PARTY_COMMITTEE.sub(lambda m: f"{m.group(1)[0]}nc", role.lower()))
    s = re.sub(r"'s?\b", "", s)
    for pattern, repl in _ROLE_CANON:
        s = pattern.sub(repl, s)
    s = _DOTTED.sub(lambda m: m.group().replace(".", ""), s)  # "c.i.a." -> "cia"
    words = [w[:-1] if w.endswith("s") and w[:-1] in FACT_TITLES else w
             for w in re.findall(r"[a-z0-9]+", s) if w not in ROLE_STOP]
    return " ".join(ROLE_SYNONYMS.get(w, w) for w in words)


# --------------------------------------------------------------------------------------------
# corpus-level extraction


#: a capitalised word the corpus writes in lower case at least this many times as often as
#: capitalised inside a sentence is a common word first ("Long", "Key", "Young": 44 to 2 on
#: 300 real articles; "Stone", "Blunt" and "Trump" are far below)
LOWER_RATIO = 3


def _written_lower(rows: pl.DataFrame, words: list[str]) -> pl.DataFrame:
    """(w): each time the texts of ``rows`` write one of ``words`` as a whole word of lower-case
    ASCII letters (the matches of ``\\b[a-z]+\\b`` that are one of them; only those words are
    searched, which is quicker than listing every lower-case word)."""
    plain = sorted({w for w in words if w.isascii() and w.isalpha() and w.islower()})
    if not plain:
        return pl.DataFrame(schema={"w": pl.String})
    return (rows.select(w=pl.col("text").str.extract_all(r"\b(?:" + "|".join(plain) + r")\b"))
            .explode("w").filter(pl.col("w").is_in(plain)))


def _lowercase_test(rows: pl.DataFrame) -> Callable[[set[str]], set[str]]:
    """A test on the texts of ``rows``: those of the capitalised words asked about that the
    texts write in lower case LOWER_RATIO times as often as capitalised after a lower-case
    word or a comma. The pending names and the corpus-wide resolution both ask: the capitalised
    counts are read from the texts once, and each word's answer is remembered (it does not
    depend on the words asked with it)."""
    known: dict[str, bool] = {}
    capitalised: list[pl.DataFrame] = []  # w, cap: filled on the first question

    def mostly_lower(words: set[str]) -> set[str]:
        new = sorted({w.lower() for w in words} - known.keys())
        if new:
            if not capitalised:
                capitalised.append(
                    rows.select(w=pl.col("text").str.extract_all(r"[a-z,;] [A-Z][a-z]+\b"))
                    .explode("w").select(pl.col("w").str.slice(2).str.to_lowercase())
                    .drop_nulls().group_by("w").len("cap"))
            lower = _written_lower(rows, new).group_by("w").len("low")
            common = set(lower.join(capitalised[0], on="w", how="left")
                         .filter(pl.col("low") >= LOWER_RATIO * (pl.col("cap").fill_null(0) + 1))
                         ["w"].to_list())
            known.update((w, w in common) for w in new)
        return {w for w in words if known[w.lower()]}

    return mostly_lower


def extract_facts(sentences: pl.DataFrame, quotes: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per fact mention in each non-boilerplate sentence (schema :data:`FACTS`).

    People are resolved across the corpus: a full name ("Karen Bass") gives its key to titled
    and bare surname mentions ("Mayor Bass", "Bass"), preferring a full name of the same article
    when two people share a surname. ``quotes`` (:data:`.model.QUOTE_MARKS`): the speakers the
    people layer found; a surname no full name of its article's facts carries takes the only
    full name of a speaker of the article with that surname (:mod:`.person_keys`), so that a
    fact's person and a quote's speaker are one key. Each titled person also gets a ``title``
    row.
    """
    rows = sentences.filter(pl.col("kind") != "boilerplate").select(
        "article", "index", "text", "kind",
        pl.col("text").str.contains(MAY_HOLD_NUMBER).alias("numbers"))
    mentions: list[tuple[str, int, Mention]] = []
    pending: list[tuple[str, int, Pending]] = []
    # wire copy repeats sentences across outlets: each distinct one is read once (the result
    # depends on the sentence alone; the mentions are never changed afterwards)
    seen: dict[tuple[str, str], tuple[list[Mention], list[Pending], bool]] = {}
    texts: dict[tuple[str, int], str] = {}
    strict: set[tuple[str, int]] = set()  # headlines and title-cased lines
    for article, index, text, kind, numbers in rows.iter_rows():
        texts[(article, index)] = text
        if (text, kind) not in seen:
            title = is_strict(text, kind)
            seen[(text, kind)] = (*sentence_facts(text, title, numbers), title)
        found, rest, title = seen[(text, kind)]
        mentions.extend((article, index, m) for m in found)
        pending.extend((article, index, p) for p in rest)
        if title:
            strict.add((article, index))
    lowercase = _lowercase_test(rows)
    mentions = settle_third_names(mentions, lowercase, texts)
    mentions.extend(decide_pending(mentions, pending, lowercase))
    mentions = trim_headline_orgs(mentions, strict)

    org_pairs = _acronym_pairs(mentions, texts)
    records = []
    roles: dict[str, str] = {}  # each distinct title normalised once
    for article, index, m in mentions:
        if m.kind == "person":
            role = None
            if m.role_span is not None:
                rs, re_ = m.role_span
                role = texts[(article, index)][rs:re_]
                key = roles.get(role) or roles.setdefault(role, normalise_role(role))
                records.append((article, index, rs, re_, "title", role, key,
                                None, None, None, role, m.value))
            records.append((article, index, m.start, m.end, "person", m.text, m.value, None,
                            None, None, role, m.value))
        else:
            entity = m.value if m.kind in ("organization", "place") else None
            records.append((article, index, m.start, m.end, m.kind, m.text, m.value, m.unit,
                            m.qualifier, m.amount, None, entity))
    # built column by column, quicker than from the rows: the fields in one flat list, each
    # column a slice of it (zip(*records) would make an iterator per record for the garbage
    # collector to count)
    flat = list(itertools.chain.from_iterable(records))
    width = len(_BASE)
    frame = pl.DataFrame([pl.Series(name, flat[i::width], dtype=dtype)
                          for i, (name, dtype) in enumerate(_BASE.items())])
    org = pl.col("kind") == "organization"
    frame = frame.with_columns(
        pl.when(org).then(pl.col(c).replace(org_pairs)).otherwise(pl.col(c)).alias(c)
        for c in ("value", "entity")
    )
    spoken = None if quotes is None else full_names(quotes)
    resolved = _resolve_people(frame, rows, spoken, lowercase).sort("article", "sentence",
                                                                    "start", "kind")
    return with_labels(resolved).select(FACTS.names()).cast(dict(FACTS))  # type: ignore[arg-type]


def _longer_names(frame: pl.DataFrame, full: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """(entity, _long): a full name and the one longer name, outside headlines, that ends with
    it and whose extra words the corpus never writes in lower case. A name opening a sentence
    loses an unknown given name ("Tashonda Marie Wexler, a councilwoman" reads "Marie Wexler":
    a capitalised word before a given name is taken for no name, as "State" in "State Hillary
    Clinton"); after a title it keeps it ("Councilwoman Tashonda Marie Wexler")."""
    headlines = rows.filter(pl.col("kind") == "headline").select(
        "article", pl.col("index").alias("sentence"))
    body = (frame.filter((pl.col("kind") == "person") & pl.col("entity").str.contains(" "))
            .join(headlines, on=["article", "sentence"], how="anti")
            .select(pl.col("entity").alias("_long")).unique())
    names = full.select("_full", "_last").unique()
    pairs = (
        names.join(body.with_columns(_last=surname(pl.col("_long"))), on="_last")
        .filter(pl.col("_long").str.ends_with(pl.lit(" ") + pl.col("_full")))
        .with_columns(_extra=pl.col("_long").str.head(
            pl.col("_long").str.len_chars() - pl.col("_full").str.len_chars() - 1)
            .str.to_lowercase().str.split(" "))
    )
    if pairs.is_empty():
        return pl.DataFrame(schema={"entity": pl.String, "_long": pl.String})
    wanted = pairs["_extra"].explode().unique().to_list()
    plain = _written_lower(rows, wanted)["w"].unique().implode()
    return (
        pairs.filter(~pl.col("_extra").list.eval(pl.element().is_in(plain)).list.any())
        .group_by("_full").agg(pl.col("_long").unique())
        .filter(pl.col("_long").list.len() == 1)
        .select(pl.col("_full").alias("entity"), pl.col("_long").list.first())
    )


def _full_names(frame: pl.DataFrame) -> pl.DataFrame:
    """article, _full, _last: the people's full names (two words or more) of each article."""
    return (
        frame.filter((pl.col("kind") == "person") & pl.col("entity").str.contains(" "))
        .select("article", pl.col("entity").alias("_full"), surname(pl.col("entity"))
                .alias("_last"))
        .unique()
    )


def _renamed(frame: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with the people's keys of ``names`` (_old, _new) replaced."""
    if names.is_empty():
        return frame
    new = pl.coalesce("_new", "entity")
    return (
        frame.join(names, left_on="entity", right_on="_old", how="left", maintain_order="left")
        .with_columns(entity=pl.when(pl.col("kind").is_in(["person", "title"])).then(new)
                      .otherwise(pl.col("entity")),
                      value=pl.when(pl.col("kind") == "person").then(new)
                      .otherwise(pl.col("value")))
        .drop("_new")
    )


def _resolve_people(frame: pl.DataFrame, rows: pl.DataFrame,
                    spoken: pl.DataFrame | None = None,
                    lowercase: Callable[[set[str]], set[str]] = lambda _w: set()
                    ) -> pl.DataFrame:
    """Give a lone surname ("Bass") the key of the full name it stands for ("Karen Bass"):
    the only full name with that surname in the same article, else the only one among the
    article's speakers (``spoken``: :func:`.person_keys.full_names`), else in the whole
    corpus (among :func:`.fact_names.names_for_other_articles`; ``lowercase`` as there); and
    a full name the key of the one longer name that ends with it elsewhere
    (:func:`_longer_names`; ``rows``: the sentences read). First, the full names that name one
    person in other words take one form (:func:`.person_keys.name_variants`)."""
    frame = _renamed(frame, name_variants(frame.filter(pl.col("kind") == "person")["entity"]))
    full = _full_names(frame)
    # an article that writes "Trump Jr." for the son means the father by a bare "Trump": there
    # no name with a suffix gives its key to the bare surname
    suffix = pl.col("_full").str.contains(SUFFIX)
    apart = (full.filter(suffix & (pl.col("_full").str.count_matches(" ") == 1))
             .select("article", "_last", _apart=pl.lit(True)).unique())
    # "Wasserman Schultz" beside "Debbie Wasserman Schultz" in one article is one person
    longer = _longer_names(frame, full, rows)
    if not longer.is_empty():
        frame = _renamed(frame, longer.rename({"entity": "_old", "_long": "_new"}))
        full = _full_names(frame)
    counted = (full.join(apart, on=["article", "_last"], how="left")
               .filter(~(suffix & pl.col("_apart").fill_null(False)))
               .group_by("article", "_last").agg(pl.col("_full").first(), _n=pl.len()))
    local = counted.filter(pl.col("_n") == 1).drop("_n").rename({"_full": "_local"})
    # two people of the article share the surname: the lone surname stays as written (the
    # corpus's one name with it would be a guess: "Howard" beside Clint and Ron Howard)
    shared = counted.filter(pl.col("_n") > 1).select("article", "_last", _two=pl.lit(True))
    if spoken is not None:
        # the speakers' full names, for the surnames no full name of the article's facts has
        said = (spoken.join(full, on=["article", "_last"], how="anti")
                .group_by("article", "_last").agg(pl.col("_full").first(), _n=pl.len())
                .filter(pl.col("_n") == 1).drop("_n").rename({"_full": "_said"}))
        local = (local.join(said, on=["article", "_last"], how="full", coalesce=True)
                 .select("article", "_last", pl.coalesce("_local", "_said").alias("_local")))
    wide = names_for_other_articles(set(full["_full"].to_list()), lowercase)
    # across articles a bare surname is the one name with it, or the one without a suffix
    # ("Trump" beside "Donald Trump" and "Donald Trump Jr."; only that one in an article that
    # writes "Trump Jr." for the son)
    plain = pl.col("_plain").list.len() == 1
    corpus = (full.filter(pl.col("_full").is_in(list(wide)))
              .group_by("_last").agg(pl.col("_full").unique().alias("_names"),
                                     pl.col("_full").filter(~suffix).unique().alias("_plain"))
              .select("_last",
                      _corpus=pl.when(pl.col("_names").list.len() == 1)
                      .then(pl.col("_names").list.first())
                      .when(plain).then(pl.col("_plain").list.first()),
                      _corpus_plain=pl.when(plain).then(pl.col("_plain").list.first())))
    people = pl.col("kind").is_in(["person", "title"])
    lone = people & ~pl.col("entity").str.contains(" ")
    entity = pl.when(people).then(pl.coalesce("_long", "entity")).otherwise(pl.col("entity"))
    return (
        frame.with_columns(pl.when(lone).then(pl.col("entity")).alias("_last"))
        .join(local, on=["article", "_last"], how="left", maintain_order="left")
        .join(corpus, on="_last", how="left", maintain_order="left")
        .join(shared, on=["article", "_last"], how="left", maintain_order="left")
        .join(apart, on=["article", "_last"], how="left", maintain_order="left")
        .with_columns(pl.coalesce(
            "_local", pl.when(pl.col("_two").is_null() & pl.col("_apart").is_null())
            .then(pl.col("_corpus")).when(pl.col("_two").is_null())
            .then(pl.col("_corpus_plain")), "entity").alias("entity"))
        .join(longer, on="entity", how="left", maintain_order="left")
        .with_columns(
            entity=entity,
            value=pl.when(pl.col("kind") == "person").then(entity).otherwise(pl.col("value")),
        )
        .select(_BASE.names())
    )


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")


def _acronym_pairs(mentions: list[tuple[str, int, Mention]],
                   texts: dict[tuple[str, int], str]) -> dict[str, str]:
    """"Department of Justice (DOJ)" anywhere in the corpus: the full name's key -> "DOJ"."""
    out: dict[str, str] = {}
    for article, index, m in mentions:
        if m.kind == "organization" and m.value and " " in m.text:
            after = _ACRONYM_AFTER.match(texts[(article, index)], m.end)
            if after and after.group(1)[0] in {w[0] for w in m.text.split()}:
                out[m.value] = after.group(1)
    return out


# --------------------------------------------------------------------------------------------
# conflicts


def own_voice(facts: pl.DataFrame, sentences: pl.DataFrame,
              quotes: pl.DataFrame | None) -> pl.DataFrame:
    """The facts an outlet states in its own voice: not in a boilerplate sentence, not inside a
    quotation (``quotes``: rows of kind "quote" with article offsets ``start``/``end``)."""
    live = sentences.filter(pl.col("kind") != "boilerplate").select(
        "article", pl.col("index").alias("sentence"), pl.col("start").alias("_s0"))
    placed = facts.join(live, on=["article", "sentence"], how="inner", maintain_order="left")
    if quotes is None or quotes.is_empty():
        return placed.drop("_s0")
    spans = quotes.filter(pl.col("kind") == "quote").select(
        "article", pl.col("start").alias("_qs"), pl.col("end").alias("_qe"))
    at = placed.with_row_index("_row").with_columns(
        _fs=pl.col("_s0") + pl.col("start"), _fe=pl.col("_s0") + pl.col("end"))
    quoted = (at.select("_row", "article", "_fs", "_fe").join(spans, on="article")
              .filter((pl.col("_fs") < pl.col("_qe")) & (pl.col("_fe") > pl.col("_qs")))
              .select("_row").unique())
    return at.join(quoted, on="_row", how="anti", maintain_order="left").select(facts.columns)


def counted_facts(facts: pl.DataFrame) -> pl.DataFrame:
    """The facts an outlet can be said to have alone or to leave out: no titles (a person's
    role is compared by :func:`.conflicts.conflicts`) and no count of "one" in words ("at one
    point", "one Democratic lawmaker told Fox News": 185 of 1,789 counts on the dev sets, nearly
    all a way of speaking; the conflicts still compare them)."""
    return facts.filter((pl.col("kind") != "title") & ~(
        (pl.col("kind") == "number") & pl.col("text").str.contains(r"^(?i)one\b")))


def exclusive_facts(facts: pl.DataFrame) -> pl.DataFrame:
    """Entities and quantities only one outlet mentions (schema :data:`EXCLUSIVE_FACTS`): one
    row per article and fact (kind, value, unit), with its first mention and how often the article
    mentions it, among :func:`counted_facts`."""
    # a date is one fact whether or not it names an event (unit "event")
    keyed = counted_facts(facts).with_columns(
        pl.when(pl.col("kind") == "date").then(pl.lit("")).otherwise(pl.col("unit").fill_null(""))
        .alias("unit"))
    only = (
        keyed.group_by("kind", "value", "unit")
        .agg(pl.col("article").n_unique().alias("_n"))
        .filter(pl.col("_n") == 1)
        .drop("_n")
    )
    return (
        keyed.join(only, on=["kind", "value", "unit"])
        .sort("article", "sentence", "start")
        .group_by("article", "kind", "value", "unit", maintain_order=True)
        .agg(pl.col("text").first(), pl.col("sentence").first(),
             pl.len().cast(pl.Int64).alias("mentions"))
        .with_columns(pl.when(pl.col("unit") == "").then(None).otherwise(pl.col("unit"))
                      .alias("unit"))
        .pipe(with_labels, qualifier=None)
        .select(list(EXCLUSIVE_FACTS.names()))
        .sort("article", "sentence", "kind", "value")
    )


__all__ = ["FACT_KINDS", "counted_facts", "exclusive_facts", "extract_facts", "normalise_role",
           "own_voice"]

"""One key per person and article for quotes and facts alike.

The quote speakers come from the people layer (:class:`.people.People`, one article at a time,
quotes masked); the facts' people from the facts scanner (:mod:`.fact_names`, every sentence,
quotes included). Each may know a person by the surname only where the other read the full
name: a speaker "Clinton" in an article whose facts name "Hillary Clinton", a fact "Ginsburg"
in an article whose speaker is "Ruth Bader Ginsburg". The two tables resolve a lone surname
against the same pool, the full names (two words or more) either one finds in the article, by
the same rule: the only full name of the article with that surname.

- :func:`full_names` is that pool for the speakers' side (:func:`.facts.extract_facts` takes
  it for the facts' lone surnames, after the facts' own full names of the article);
- :func:`complete_speakers` gives a quote's lone-surname speaker the only full name of its
  article with that surname, from the facts and the other speakers.
"""

from __future__ import annotations

import polars as pl
from rapidfuzz.distance import Levenshtein

from corpusdiff.analyze.people_words import FIRST_NAMES, NICKNAMES
from corpusdiff.analyze.shared_words import NAME_SUFFIXES

#: a word of initials ("J.", "H.W.")
_INITIALS = r"^(?:[A-Z]\.)+$"
_SUFFIX_WORD = r"\s+(?:Jr\.?|Sr\.?|II|III|IV)"
#: a name suffix after the surname
SUFFIX = _SUFFIX_WORD + "$"
#: the words of a full name before its surname (with the space after them), and its suffix
_BEFORE_SURNAME = rf"^(.*?\s)\S+(?:{_SUFFIX_WORD})?$"
_SUFFIX_PART = rf"({_SUFFIX_WORD})$"


def person_key(name: pl.Expr) -> pl.Expr:
    """A name as the facts key people: one kind of apostrophe, single spaces."""
    return name.str.replace_all("’", "'").str.replace_all(r"\s+", " ").str.strip_chars()


def surname(name: pl.Expr) -> pl.Expr:
    """The last word of a name, before a suffix ("Jr."), as keyed by :func:`person_key`."""
    return person_key(name).str.replace(SUFFIX, "").str.extract(r"(\S+)$")


def _lone(name: pl.Expr) -> pl.Expr:
    """A one-word name that may be a surname: capitalised, not an acronym ("DNC")."""
    return ~name.str.contains(" ") & name.str.contains(r"^[A-Z][\w’'-]*[a-z][\w’'-]*$")


def full_names(quotes: pl.DataFrame) -> pl.DataFrame:
    """article, _last, _full: each full name (two words or more) a quote's speaker has, keyed as
    the facts key people, with its surname."""
    return (
        quotes.filter(pl.col("speaker").str.contains(" "))
        .select("article", person_key(pl.col("speaker")).alias("_full"))
        .unique()
        .with_columns(_last=surname(pl.col("_full")))
    )


def complete_speakers(quotes: pl.DataFrame, facts: pl.DataFrame) -> pl.DataFrame:
    """``quotes`` (schema :data:`.model.QUOTE_MARKS`) with each lone-surname speaker ("Clinton")
    given the only full name of its article with that surname ("Hillary Clinton"), among the
    facts' people whose name opens with a given name and the quotes' speakers. The surname keeps
    its spelling ("O’Neill"). First, a speaker named in other words than the facts' one form
    of that person (:func:`name_variants`: "Adam B. Schiff" where the facts say "Adam
    Schiff") takes that form."""
    quotes = _speakers_as_facts(quotes, facts)
    # a facts' full name completes a speaker when it opens with a given name ("Tim Moore", not
    # "Many Mexicans")
    given = pl.col("entity").str.extract(r"^(\S+)").str.to_lowercase().is_in(list(FIRST_NAMES))
    pool = pl.concat([
        facts.filter((pl.col("kind") == "person") & pl.col("entity").str.contains(" ") & given)
        .select("article", person_key(pl.col("entity")).alias("_full")),
        full_names(quotes).select("article", "_full"),
    ]).unique().with_columns(_last=surname(pl.col("_full")))
    only = (pool.group_by("article", "_last").agg(pl.col("_full").first(), _n=pl.len())
            .filter(pl.col("_n") == 1).drop("_n"))
    speaker = pl.col("speaker")
    return (
        quotes.with_columns(_last=pl.when(_lone(speaker)).then(person_key(speaker)))
        .join(only, on=["article", "_last"], how="left", maintain_order="left")
        # the surname keeps the speaker's spelling, the suffix stays ("Donald Trump Jr.")
        .with_columns(speaker=pl.when(pl.col("_full").is_not_null())
                      .then(pl.col("_full").str.extract(_BEFORE_SURNAME) + speaker
                            + pl.col("_full").str.extract(_SUFFIX_PART).fill_null(""))
                      .otherwise(speaker))
        .drop("_last", "_full")
    )


def _speakers_as_facts(quotes: pl.DataFrame, facts: pl.DataFrame) -> pl.DataFrame:
    """``quotes`` with each speaker written as the facts wrote a full name's short form given
    that name ("Trump Jr." -> "Donald Trump Jr."), then each speaker that :func:`name_variants`
    (over the facts' people and the speakers) gives a form the facts use renamed to it."""
    # a speaker written as the facts wrote a full name's short form ("Trump Jr.") is that name
    short = (facts.filter((pl.col("kind") == "person") & pl.col("entity").str.contains(" ")
                          & pl.col("text").str.contains(" ")
                          & (person_key(pl.col("text")) != pl.col("entity")))
             .select("article", _key=person_key(pl.col("text")), _ent=pl.col("entity"))
             .unique().filter(pl.len().over("article", "_key") == 1))
    if not short.is_empty():
        quotes = (quotes.with_columns(_key=person_key(pl.col("speaker")))
                  .join(short, on=["article", "_key"], how="left", maintain_order="left")
                  .with_columns(speaker=pl.coalesce("_ent", "speaker")).drop("_key", "_ent"))
    people = facts.filter(pl.col("kind") == "person")["entity"]
    said = quotes.filter(pl.col("speaker").is_not_null()).select(
        person_key(pl.col("speaker")))["speaker"]
    same = name_variants(pl.concat([people, said]))
    same = same.filter(pl.col("_new").is_in(people.unique().implode()))
    if same.is_empty():
        return quotes
    return (
        quotes.with_columns(_old=person_key(pl.col("speaker")))
        .join(same, on="_old", how="left", maintain_order="left")
        .with_columns(speaker=pl.coalesce("_new", "speaker"))
        .drop("_old", "_new")
    )


#: a given name this long or longer one letter away from a known one of the same surname
#: is that one misspelt ("Vincente Fox", "Vicente Fox")
_MISSPELT_MIN = 6


def _misspelt(names: pl.DataFrame) -> dict[str, str]:
    """Given names (``_first``) the corpus writes once in a while one letter away from a given
    name it knows with the same surname (``_last``) -> that name: "vincente" -> "vicente" in
    a corpus that also writes "Vicente Fox", the form written most often winning."""
    firsts = (names.group_by("_last", "_first").len()
              .filter(pl.col("_first").str.len_chars() >= _MISSPELT_MIN)
              .sort("_last", "len", "_first", descending=[False, True, False]))
    out: dict[str, str] = {}
    for _last, group in firsts.group_by("_last", maintain_order=True):
        seen: list[str] = []
        for first in group["_first"]:
            near = next((k for k in seen if Levenshtein.distance(first, k, score_cutoff=1) <= 1
                         and (k in FIRST_NAMES or first not in FIRST_NAMES)), None)
            if near is None:
                seen.append(first)
            elif near != first:
                out[first] = near
    return out


def name_variants(entities: pl.Series) -> pl.DataFrame:
    """_old, _new: the full names (one entry per mention in ``entities``) that name one
    person in other words, each with the form the corpus writes most often (then the
    shortest): with a middle name or initials or without ("Donald J. Trump", "Hillary Rodham
    Clinton", "K. Michael Conaway") and with a short given name or its formal one ("Joe
    Biden", "Joseph Biden").
    Names with the same given name and surname but two different middles ("George W. Bush",
    "George H.W. Bush") or another suffix ("Donald Trump Jr.") stay apart, except a name
    without middle nor suffix beside the formal style of a suffixed one ("James Clapper",
    "James R. Clapper Jr.")."""
    words = pl.col("entity").str.split(" ")
    last = words.list.last()
    has_suffix = last.str.to_lowercase().is_in(list(NAME_SUFFIXES))
    core = pl.when(has_suffix).then(words.list.head(words.list.len() - 1)).otherwise(words)
    names = (
        entities.to_frame("entity")
        .filter(pl.col("entity").str.contains(" "))
        .with_columns(_suffix=pl.when(has_suffix).then(last.str.to_lowercase()
                                                       .str.strip_chars(".")).otherwise(pl.lit("")),
                      _core=core)
        .filter(pl.col("_core").list.len() >= 2)
        # the given name is the first word that is no initial ("K. Michael Conaway"); the
        # other words before the surname are the middle
        .with_columns(_before=pl.col("_core").list.head(pl.col("_core").list.len() - 1))
        .with_columns(_words=pl.col("_before").list.eval(
                          pl.element().filter(~pl.element().str.contains(_INITIALS))),
                      _initials=pl.col("_before").list.eval(
                          pl.element().filter(pl.element().str.contains(_INITIALS))))
        .filter(pl.col("_words").list.len() > 0)
        .with_columns(_first=pl.col("_words").list.first().str.to_lowercase()
                      .str.normalize("NFKD").str.replace_all(r"\p{M}", ""),
                      _middle=pl.concat_list(pl.col("_initials"),
                                             pl.col("_words").list.slice(1)).list.join(" "))
        .with_columns(_last=pl.col("_core").list.last().str.normalize("NFKD")
                      .str.replace_all(r"\p{M}", ""))
    )
    misspelt = _misspelt(names)
    names = (
        names.with_columns(_first=pl.col("_first").replace(misspelt))
        .filter(pl.col("_first").is_in(list(FIRST_NAMES | NICKNAMES.keys()
                                            | set(misspelt.values()))))
        .with_columns(_key=pl.col("_first").replace(NICKNAMES) + " " + pl.col("_last") + " "
                      + pl.col("_suffix"))
    )
    # a suffix written with a middle name or initial is a formal style ("Joseph R. Biden Jr.",
    # "James R. Clapper Jr."): the name without middle nor suffix is that person too; a suffix
    # without a middle names the son ("Donald Trump Jr.")
    formal = (names.filter((pl.col("_suffix") != "") & (pl.col("_middle") != ""))
              .select(_base=pl.col("_key").str.replace(r" \S+$", " "), _formal="_key",
                      _fmiddle="_middle")
              .unique().filter(pl.len().over("_base") == 1))
    names = (names.join(formal, left_on="_key", right_on="_base", how="left")
             .with_columns(_key=pl.when((pl.col("_middle") == "")
                                        | (pl.col("_middle") == pl.col("_fmiddle")))
                           .then(pl.coalesce("_formal", "_key")).otherwise(pl.col("_key")))
             .drop("_formal", "_fmiddle"))
    counted = names.group_by("_key", "entity", "_middle").agg(_n=pl.len())
    one = (counted.group_by("_key")
           .agg(_middles=pl.col("_middle").filter(pl.col("_middle") != "").n_unique(),
                _names=pl.col("entity").n_unique())
           .filter((pl.col("_middles") <= 1) & (pl.col("_names") > 1)))
    best = (counted.join(one.select("_key"), on="_key")
            .sort("_key", pl.col("_n"), pl.col("entity").str.len_chars(), "entity",
                  descending=[False, True, False, False])
            .group_by("_key", maintain_order=True).agg(_new=pl.col("entity").first()))
    return (counted.join(best, on="_key").filter(pl.col("entity") != pl.col("_new"))
            .select(_old="entity", _new="_new").unique().sort("_old"))


__all__ = ["SUFFIX", "complete_speakers", "full_names", "name_variants", "person_key", "surname"]

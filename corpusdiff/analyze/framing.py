"""Framing: the words with which an outlet, in its own voice, judges or slants what it reports.

Four kinds of loaded word, and the words of sourcing, from small tables kept as data in
``data/framing_*.tsv`` (VADER's sentiment lexicon, ``data/vader_lexicon.tsv``, MIT, vendored
with its notice, rates words for the comparison):

- ``verb``: connotated verbs where a neutral one would do ("slammed", "touted", "conceded",
  "doubled down" against "said", "criticized");
- ``hedge``: hedges and distancing ("so-called", "supposedly", "alleged");
- ``evaluative``: intensifiers and evaluative adjectives, adverbs and nouns ("fierce", "staunch",
  "a tirade");
- ``label``: loaded names for people, groups and policies ("regime", "witch hunt");
- ``sourcing``: the outlet's distance from what it reports without doubt cast on it
  ("reportedly", "apparently", "seemingly"): listed apart from the loaded words, which careful
  readers do not count them among (data/framing_sourcing.tsv).

Plain reporting verbs ("vowed", "praised", "lauded") are not listed: a careful reader finds no
slant in them (bench/framing_quality.py --sample). The hedges of sourcing are, as the outlet's
distance from what it reports ("the alleged plot": data/framing_hedges.tsv), but not where
the law or crime reporting requires them: "alleged", "allegedly" and "apparent" (and "admit")
in a sentence about a legal proceeding or a crime ("charged with battery for allegedly
grabbing", "an apparent terrorist attack", "admitted in his plea": framing_legal.tsv), nor
"so-called" before a name ("the so-called Trans-Pacific Partnership"). Literal senses are
left out by phrase (framing_literal.tsv: "insisted on acting", "a dramatic increase", "admit
wrongdoing"), by the word's role ("claim" and "admit" as verbs of saying only before a clause,
not "claiming 41 percent of the vote" nor "admitting more students"; "trash" only as a verb),
and so are words of names, ordinary names of things ("mainstream media", "alt-right" are not
listed) and the items of a slashed list ("Send tips/quips/quotes").

Only the outlet's own voice counts: words inside quotations and scare quotes (the quotes table's
spans) and boilerplate sentences are skipped, and so are the words the outlet tells as someone
else's: evaluative words, labels and the hedges that judge ("erroneous", "discredited") after a
cue or a cast ("called it a stunt", "paint the White House as dismissive") or in a sentence told
with a plain verb of saying ("Rubio said that aggressive nations"), and any loaded word but a
hedge of sourcing in the clause of a verb of saying or asking ("says Obama is flouting the
process", framing_told.tsv) or of a noun of opinion ("a counter-argument that the GOP has been
taken over by its far-right fringe"), in a sentence whose verb of saying is set off by commas
("What got under her skin, she said, was ..."), or in a charge ("accused Obama of bungling",
"attacked Mr. Trump for caving", framing_charge.tsv), and labels for the target of such a verb
("denouncing the fake news"). A clause ends at a comma, colon, dash or sentence end, goes on
after ", and that" and past an aside between dashes.

The comparative signal works where no table reaches: inside an alignment group, a word that
another outlet's version of the same statement replaces with a neutral reporting verb
("lambasted" where another says "said") or with a markedly milder word is flagged too. Every
flag carries the other outlets' words for the same place (``counterparts``).

The comparison diffs only the aligned pairs whose short replacements can touch a flag or make
one (:func:`_touches`, on the diff's own tokens, proves the others cannot): on 300 unrelated
articles whose headlines form one group, about one pair in thirty.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from operator import gt

import polars as pl
from rapidfuzz.distance import Indel

from corpusdiff.analyze.conflicts import GROUP_OUTLETS
from corpusdiff.analyze.speech_verbs import SPEECH
from corpusdiff.diff import Span, is_glue, keys_and_offsets, token_keys, word_diff
from corpusdiff.model import FRAMING, FRAMING_KINDS, FRAMING_SOURCING

KINDS = FRAMING_KINDS
_TABLES = {"verb": "framing_verbs.tsv", "hedge": "framing_hedges.tsv",
           FRAMING_SOURCING: "framing_sourcing.tsv",
           "evaluative": "framing_evaluative.tsv", "label": "framing_labels.tsv"}
_POLARITY = {"neg": "negative", "pos": "positive", "": None}

#: VADER valence (-4..4) from which a word is flagged when another outlet's word for the same
#: place is milder (fitted on 20 of the 30 basil_framing stories; see bench/framing_quality.py)
COMPARED_MIN = 1.5
#: a counterpart is "milder" when its valence is at least this much closer to zero
MILDER_BY = 1.0
#: the longest replacement (in words, either side) read as a word-for-word counterpart
SLOT_WORDS = 4

#: a word this close after a cue ("called", "described") is the speaker's characterisation
CUE_WORDS = 5
#: ... and so is one up to this far after it in the same clause ("calling it the mark of a
#: desperate candidate")
CUE_CLAUSE_WORDS = 8
#: ... and an "as" this close after a verb of :func:`cast_verbs` ("castigated the bill as ...")
CAST_WORDS = 4
#: the endings of adjectives and adverbs of quality: VADER's words are compared only in these
#: shapes (its nouns and verbs are mostly words for events: "attack", "killed")
_QUALITY = re.compile(r"(?:ous|ful|less|ive|ic|ish|able|ible|ly|ant|ent|ial|ical)$")
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")

#: a flag: (start, end) in its sentence, kind, polarity, source
Flag = tuple[int, int, str, str | None, str]


@dataclass(frozen=True, slots=True)
class Entry:
    """A table entry: its words (``*`` is any one word), kind and polarity."""

    words: tuple[str, ...]
    kind: str
    polarity: str | None


def _data(name: str) -> Iterator[list[str]]:
    """Rows of a packaged TSV file, comments and blank lines left out."""
    text = resources.files("corpusdiff.analyze").joinpath("data", name).read_text("utf-8")
    # one row at a time: thousands of lists alive at once would wake the garbage collector
    return (line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#"))


def _inflections(verb: str) -> set[str]:
    """Regular forms of an English verb (over-generating is harmless: the extra forms are not
    words): slam -> slams, slammed, slamming; rebuke -> rebuked; decry -> decried."""
    forms = {verb, verb + "s", verb + "ed", verb + "ing"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(verb + "es")
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):  # one short syllable: double it
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms | _IRREGULAR.get(verb, set())


_IRREGULAR = {
    "go": {"went", "gone", "goes"}, "take": {"took", "taken"}, "get": {"got", "gotten"},
    "strike": {"struck"}, "beat": {"beaten"}, "dig": {"dug"}, "fight": {"fought"},
    "spin": {"spun"}, "seek": {"sought"}, "be": {"is", "was", "has been", "have been"},
}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[Entry]]:
    """Table entries by their first word, longest first (a phrase wins over its first word);
    the phrases of ``framing_literal.tsv`` are entries of kind ``literal``, never flagged."""
    by_first: dict[str, list[Entry]] = {}
    for kind, name in _TABLES.items():
        for row in _data(name):
            words = row[0].strip().lower().split()
            polarity = _POLARITY[row[1].strip() if len(row) > 1 else ""]
            firsts = _inflections(words[0]) if kind == "verb" else {words[0]}
            for first in sorted(firsts):
                entry = Entry((first, *words[1:]), kind, polarity)
                by_first.setdefault(first, []).append(entry)
    for row in _data("framing_literal.tsv"):
        words = row[0].strip().lower().split()
        for first in sorted(_inflections(words[0])):
            by_first.setdefault(first, []).append(Entry((first, *words[1:]), "literal", None))
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e.words))
    return by_first


@lru_cache(maxsize=1)
def cues() -> frozenset[str]:
    """Words after which a characterisation is someone else's (``framing_cues.tsv``)."""
    return frozenset(row[0].strip().lower() for row in _data("framing_cues.tsv"))


@lru_cache(maxsize=1)
def cast_verbs() -> frozenset[str]:
    """Verbs that cast someone "as" something (``framing_cast.tsv``)."""
    return frozenset(row[0].strip().lower() for row in _data("framing_cast.tsv"))


def _cast(words: list[str], i: int, clause: list[int]) -> bool:
    """Whether word ``i`` comes within :data:`CUE_WORDS` words (or :data:`CUE_CLAUSE_WORDS` in
    the same clause, ``clause``: :func:`_clauses`) after an "as" that follows a verb of
    :func:`cast_verbs` within :data:`CAST_WORDS` words ("paint the White House as
    dismissive", "portray Donald Trump's candidacy as a “working-class” rebellion against
    Republican elites")."""
    verbs = cast_verbs()
    return any(words[j] == "as" and not verbs.isdisjoint(words[max(0, j - CAST_WORDS):j])
               and (i - j <= CUE_WORDS or clause[j] == clause[i])
               for j in range(max(0, i - CUE_CLAUSE_WORDS), i))


@lru_cache(maxsize=1)
def charge_verbs() -> dict[str, str]:
    """Verbs that judge someone "for" or "of" something, in every form, and their preposition
    (``framing_charge.tsv``): "accused Obama of bungling", "attacked Mr. Trump for caving"."""
    return {form: row[1].strip() for row in _data("framing_charge.tsv")
            for form in _inflections(row[0].strip().lower())}


#: characters that end the words a verb governs: a word after one of them is the outlet's
#: again ("Sanders said of the front-runner, before taking aim at ..."), and the end of a
#: sentence the splitter left joined ("Trump said.Trump claimed"; not "Mr. Trump")
_BREAK = re.compile(r"[,;:—–(\[]|\s-\s|--|[.!?](?<!\b[A-Z].)(?<!Mr.)(?<!Mrs.)(?<!Ms.)(?<!Dr.)"
                    r"(?<!Sen.)(?<!Rep.)(?<!Gov.)(?<!St.)(?<!Jr.)[\"”’]?\s*[\"“]?[A-Z]")


#: what after a break carries the clause before it on: another "that" clause of the same verb
#: ("said the upside would outweigh any baggage - and that Mr. Trump might plan to exploit")
_GOES_ON = re.compile(r"\s*(?:and|but|or)\s+that\b")
#: breaks that open or close an aside ("Mr. LeVota - who denied any wrongdoing - shunned her")
_DASHES = frozenset(("-", "--", "—", "–"))
#: what after an aside starts a clause of its own ("- despite his claim - though he admitted")
_OPENS = re.compile(r"\s*(?:though|although|but|and|or|yet|so|while|whereas|as|when|because)\b")


def _clauses(text: str, found: list[re.Match[str]]) -> list[int]:
    """The clause of each word, a number that changes at each break (:data:`_BREAK`) but one
    that carries the clause on (:data:`_GOES_ON`); after the second of two dashes, the clause
    before the first goes on unless a conjunction opens another (:data:`_OPENS`)."""
    cuts = list(_BREAK.finditer(text))
    if not cuts:
        return [0] * len(found)
    starts: list[int] = []  # where each clause starts, and its number
    numbers: list[int] = []
    current, made, aside = 0, 0, None
    for m in cuts:
        if _GOES_ON.match(text, m.end()):
            continue
        made += 1
        if m.group().strip() in _DASHES:
            if aside is None:
                aside, current = current, made
            else:
                aside, current = None, made if _OPENS.match(text, m.end()) else aside
        else:
            current = made
        starts.append(m.start())
        numbers.append(current)
    out = []
    for w in found:
        k = bisect_right(starts, w.start())
        out.append(numbers[k - 1] if k else 0)
    return out


def _charged(words: list[str], clause: list[int], i: int) -> bool:
    """Whether word ``i`` comes within :data:`CUE_WORDS` words after the preposition of a verb
    of :func:`charge_verbs` (within :data:`CAST_WORDS` words after it), in the same clause
    (``clause``: :func:`_clauses`): the charge is the subject's ("accused Obama of bungling
    the rehabilitation", "applauded him for defying the establishment")."""
    charges = charge_verbs()
    for j in range(i - 1, max(-1, i - 1 - CUE_WORDS), -1):
        if words[j] not in ("for", "of"):
            continue
        if clause[j] != clause[i]:
            return False
        if any(charges.get(w) == words[j] for w in words[max(0, j - CAST_WORDS):j]):
            return True
    return False


def _targeted(words: list[str], clause: list[int], i: int) -> bool:
    """Whether word ``i`` (a label) comes within :data:`CAST_WORDS` words after a verb of
    :func:`charge_verbs` in its clause: the target is named as its attacker names it
    ("denouncing the mainstream media", "sharp attacks on Washington elites")."""
    charges = charge_verbs()
    return any(words[k] in charges and clause[k] == clause[i]
               for k in range(max(0, i - CAST_WORDS), i))


@lru_cache(maxsize=1)
def told_words() -> frozenset[str]:
    """Verbs of saying, asking and thinking whose clause is the speaker's, in every form
    (``framing_told.tsv``), and the plain verbs of :func:`speech_words`."""
    return speech_words() | frozenset(form for row in _data("framing_told.tsv")
                                      for form in _inflections(row[0].strip().lower()))


def _told(said: list[int], clause: list[int], i: int) -> bool:
    """Whether word ``i`` is in the clause (``clause``: :func:`_clauses`) a verb of
    :func:`told_words` outside a quotation governs (``said``: the positions of those verbs):
    the verb comes before it with no break between ("says Obama is flouting the process",
    "asserted that his rival is a puppet of corporations and elites")."""
    return any(k < i and clause[k] == clause[i] for k in said)


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """VADER's valence of each word it rates, less the words that name events
    (``framing_not_loaded.tsv``)."""
    plain = {row[0].strip().lower() for row in _data("framing_not_loaded.tsv")}
    return {row[0]: float(row[1]) for row in _data("vader_lexicon.tsv") if row[0] not in plain}


#: verbs of saying that only carry the talk on: no comparison flags them ("continued" where
#: another outlet has "added")
_PLAIN_SPEECH = frozenset("continue continued continues continuing add added adds adding"
                          .split())


@lru_cache(maxsize=1)
def neutral_words() -> frozenset[str]:
    """Neutral reporting verbs and their plain neighbours (``framing_neutral.tsv``)."""
    return frozenset(row[0].strip().lower() for row in _data("framing_neutral.tsv"))


@lru_cache(maxsize=1)
def _rated() -> frozenset[str]:
    """The words VADER rates at :data:`COMPARED_MIN` in the shape of a quality: the ones the
    comparison can flag as markedly stronger than their counterpart."""
    return frozenset(w for w, v in valences().items()
                     if abs(v) >= COMPARED_MIN and _QUALITY.search(w) and _WORD.fullmatch(w))


@lru_cache(maxsize=1)
def _rated_tokens() -> tuple[frozenset[str], frozenset[str]]:
    """The :func:`_rated` words that are one diff token, and the tokens of the others
    ("self-confident": "self", "confident")."""
    rated = _rated()
    return (frozenset(w for w in rated if "-" not in w),
            frozenset(part for w in rated if "-" in w for part in w.split("-")))


def _alternation(phrases: set[str]) -> str:
    """A Rust regex matching any of ``phrases`` as whole words in :func:`_folded` text; literal
    alternatives with ASCII word boundaries let polars scan every sentence at once."""
    return r"(?-u:\b)(?:" + "|".join(sorted(map(re.escape, phrases))) + r")(?-u:\b)"


@dataclass(frozen=True, eq=False)
class Lookup:
    """Whole-word search for a set of phrases (ASCII word boundaries, as :func:`_alternation`)
    without compiling a regex of thousands of words: a phrase that is one run of ASCII word
    characters (:data:`_RUN`) is looked up among the text's runs; the others are an alternation
    (``rest``, None when there are none), less those holding a run of ``words`` (where a phrase
    stands as a whole word, so does each of its runs)."""

    words: pl.Series
    rest: str | None

    @classmethod
    def of(cls, phrases: set[str]) -> Lookup:
        """The lookup of ``phrases``."""
        words = {p for p in phrases if _RUN_RE.fullmatch(p)}
        rest = {p for p in phrases - words if words.isdisjoint(_RUN_RE.findall(p))}
        return cls(pl.Series(sorted(words), dtype=pl.String), _alternation(rest) if rest else None)

    def found(self, runs: pl.Expr, text: pl.Expr) -> pl.Expr:
        """Whether ``text`` (whose :data:`_RUN` runs are ``runs``) holds a phrase."""
        hit = runs.list.eval(pl.element().is_in(self.words.implode())).list.any()
        return hit if self.rest is None else hit | text.str.contains(self.rest)


#: a run of ASCII word characters: what a phrase must fill, boundary to boundary, to be found
#: as a whole word
_RUN = r"[0-9A-Za-z_]+"
_RUN_RE = re.compile(_RUN)


@lru_cache(maxsize=1)
def _prefilters() -> tuple[Lookup, Lookup, str, str]:
    """What picks the sentences worth a closer look: lookups of a table entry (flags) and of a
    table entry or a word VADER rates at :data:`COMPARED_MIN` (the comparison);
    :func:`_alternation` regexes of the neutral reporting verbs and of the :func:`_rated` words
    (for the raw text: they are lower case, and a capitalised word is never flagged as
    stronger). The last two are short: a regex is quicker than runs."""
    entries = {" ".join(e.words) for es in lexicon().values() for e in es if "*" not in e.words}
    entries |= {e.words[0] for es in lexicon().values() for e in es if "*" in e.words}
    milder = {w for w, v in valences().items() if abs(v) >= COMPARED_MIN}
    return (Lookup.of(entries), Lookup.of(entries | milder),
            _alternation(set(neutral_words())), _alternation(set(_rated())))


def _folded(text: pl.Expr) -> pl.Expr:
    """Lower case, one space between words, straight apostrophes: what the prefilters read."""
    # the same as \s+ -> " ", five times faster: most sentences have no run to collapse
    return (text.str.to_lowercase().str.replace_all(r"\s{2,}|[^\S ]", " ")
            .str.replace_all("’", "'", literal=True))


def _polarity(valence: float) -> str:
    return "negative" if valence < 0 else "positive"


def _match(words: list[str], i: int) -> Entry | None:
    """The longest table entry that starts at word ``i``."""
    for entry in lexicon().get(words[i], ()):
        n = len(entry.words)
        if i + n <= len(words) and all(
                w == "*" or w == words[i + k] for k, w in enumerate(entry.words)):
            return entry
    return None


@lru_cache(maxsize=1)
def _keys() -> frozenset[str]:
    """Every word at which :func:`_flags_in` has something to do."""
    return frozenset(lexicon()) | cues()


@lru_cache(maxsize=1)
def verb_only() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The table's words that are verbs only in some places ("claims"), the words after which
    they are, and the determiners after which they are not (``framing_verb_only.tsv``)."""
    rows = [(row[0].strip().lower(), row[1].strip()) for row in _data("framing_verb_only.tsv")]

    def role(name: str) -> frozenset[str]:
        return frozenset(w for w, r in rows if r == name)

    return role("word"), role("before"), role("determiner")


@lru_cache(maxsize=1)
def speech_words() -> frozenset[str]:
    """Plain verbs of saying and thinking (``framing_speech.tsv``)."""
    return frozenset(row[0].strip().lower() for row in _data("framing_speech.tsv"))


#: a verb of saying this close to the end of a sentence attributes what comes before it
#: ("..., Rubio said.")
TAIL_WORDS = 4
#: characters that may follow a verb at the end of its sentence
_CLOSING = re.compile(r"\s*[.!?\"”’)]*\s*$")


def _as_verb(words: list[str], i: int, text: str, end: int) -> bool:
    """Whether word ``i`` (one of :func:`verb_only`'s, ending at ``end``) is a verb: after a
    subject pronoun, "to" or an auxiliary, or, in a form ending in "s", at the end of its
    sentence but not after a determiner or a possessive ("as Obama's campaign claims.")."""
    _, before, determiners = verb_only()
    if i and words[i - 1] in before:
        return True
    # a bare form ending the sentence is a noun unless a subject or "to" comes before it
    # ("to stop Trump's $10 million arbitration claim.")
    return bool(_CLOSING.fullmatch(text, end)) and words[i].endswith("s") and not (
        i and (words[i - 1] in determiners or words[i - 1].endswith("'s")))


#: verbs of saying that also mean taking something ("claiming tax breaks", "claimed 41
#: percent of the vote"): a verb of saying only where a clause follows
_CLAUSE_ONLY = frozenset(("claim", "claims", "claimed", "claiming"))
#: "that" and the finite forms of "be" and "have": a clause ("who he claims has been unfair")
_FINITE = frozenset("that is are was were has have had".split())
#: how far after such a verb the clause's verb or subject may come
CLAUSE_WORDS = 8


def _says_a_clause(words: list[str], i: int, text: str, end: int) -> bool:
    """Whether a clause follows word ``i`` (one of :data:`_CLAUSE_ONLY`): "that", a subject
    pronoun, "to", an auxiliary, "is", "has" or a past tense among the next CLAUSE_WORDS words
    ("claimed Republicans are attacked", "claimed he", "claimed to be"; not "claiming tax
    breaks"), or
    none: the word ends its sentence ("whatever the mayor claims.") or a clause around it
    ("This sort of opining, CNN claimed, violates ..."); ``end``: its end in ``text``. "to"
    counts right after the verb ("claimed to be"; not "claiming 41 percent of the vote to
    Wells' 33 percent"), and the search stops at a second verb of the same subject ("claimed
    momentum and argued he is ...")."""
    if i + 1 >= len(words) or text.startswith(",", end):
        return True
    markers = verb_only()[1] | _FINITE
    after = words[i + 1:i + 1 + CLAUSE_WORDS]
    for k, w in enumerate(after):
        if w in ("and", "but", "or") and k + 1 < len(after) and after[k + 1].endswith("ed"):
            return False
        if (w in markers and (w != "to" or k == 0)) or (w.endswith("ed") and len(w) > 4):
            return True
    return False


@lru_cache(maxsize=1)
def legal_words() -> frozenset[str]:
    """Words of a legal proceeding or a crime, in whose sentence "alleged" and "apparent" are
    the law's hedge (``framing_legal.tsv``)."""
    return frozenset(row[0].strip().lower() for row in _data("framing_legal.tsv"))


#: hedges that a sentence about a legal proceeding or a crime needs (:func:`legal_words`); in
#: such a sentence "admit" is the law's word too ("admitted in his plea that he broke in")
_LEGAL_HEDGES = frozenset(("alleged", "allegedly", "apparent"))
#: hedges that also introduce the name of something ("the so-called Trans-Pacific Partnership",
#: "the so called “Implementation Initiative”"): before a capital, a name, not a distance
_NAMING = frozenset(("so-called", "so"))


def _names_a_thing(text: str, end: int) -> bool:
    """Whether a capitalised word (after an opening quote mark, if any) follows ``end``."""
    rest = text[end:].lstrip().lstrip("“\"‘'")
    return rest[:1].isupper()


#: words for people that a literal "admit" lets into something ("admitting more students")
_ADMITTED = frozenset("students student applicants patients refugees immigrants members women "
                      "men people children".split())
_ADMIT = frozenset(("admit", "admits", "admitted", "admitting"))


def _admits_someone(words: list[str], i: int, found: list[re.Match[str]]) -> bool:
    """Whether word ``i`` (a form of "admit") lets someone in rather than owns up to something:
    a word for people or "to"/"into" a place comes (not right after it) among the next
    :data:`CLAUSE_WORDS` words before any clause ("admitting more out-of-state students",
    "admitting Poland, Hungary, and the Czech Republic to NATO"; not "admitted that",
    "admits to other intrusions", "admitted it made a mistake", "refusing to admit any
    fault, Trump appeared to have"): a "to" counts before a place, a capital or an article
    (``found``: the words' matches)."""
    markers = verb_only()[1] | {"that"}
    for k in range(i + 1, min(len(words), i + 1 + CLAUSE_WORDS)):
        w = words[k]
        if w in _ADMITTED or (k > i + 1 and w in ("to", "into") and k + 1 < len(words) and (
                words[k + 1] in ("the", "a", "an") or found[k + 1].group()[0].isupper())):
            return True
        if w in markers:
            return False
    return False


#: characters after which a capital letter opens a sentence or a quotation, not a name
_OPENERS = ":;“\"‘'(—–-"


#: words either side of a capitalised word that tell prose from a title-cased line
NAME_WINDOW = 4


def _in_a_name(found: list[re.Match[str]], text: str, i: int) -> bool:
    """Whether the capitalised word ``i`` (not the sentence's first) is part of a name: the
    words around it are prose (one of NAME_WINDOW words either side, of four letters or more,
    is in lower case; in a title-cased headline none is: "Glenn Beck Blasts Drudge for
    Mocking His Fast") and nothing before it opens a sentence or a quotation."""
    before = text[:found[i].start()].rstrip()
    if not before or before[-1] in _OPENERS:
        return False
    return any(len(m.group()) >= 4 and m.group()[0].islower()
               for m in found[max(0, i - NAME_WINDOW):i + 1 + NAME_WINDOW])


def _speaker_words(words: list[str], quoted: Callable[[int], bool]) -> tuple[int, int]:
    """The words a plain verb of saying makes the speaker's: those after the first such verb
    outside a quotation, and those before one among the sentence's last :data:`TAIL_WORDS`
    words, as (after, before): word ``i`` is the speaker's when ``i > after`` or
    ``i < before``."""
    speech = speech_words()
    said = [k for k, w in enumerate(words) if w in speech and not quoted(k)]
    if not said:
        return len(words), -1
    tail = [k for k in said if k >= len(words) - TAIL_WORDS]
    return said[0], tail[-1] if tail else -1


@lru_cache(maxsize=1)
def sourcing_hedges() -> frozenset[str]:
    """The first words of the hedges of sourcing (role ``sourcing`` in ``framing_hedges.tsv``):
    the outlet's distance even in a clause it tells as someone else's."""
    return frozenset(row[0].strip().lower().split()[0] for row in _data("framing_hedges.tsv")
                     if len(row) > 2 and row[2].strip() == "sourcing")


#: nouns of opinion whose "that" clause is the holder's, as a verb of saying's is ("a decent
#: counter-argument that the GOP has been taken over by its far-right fringe"); not the nouns
#: of a charge ("allegations that the White House dangled the post": BASIL's annotators marked
#: that word as the outlet's)
_TOLD_NOUNS = frozenset("argument arguments counter-argument contention view belief notion "
                        "assertion suggestion insistence theory".split())
#: the lower-case words of a subject set off with its verb of saying ("she said", "his aides
#: said", "French officials said"); a capitalised word is one too ("Mr. Clarke said")
_SUBJECTS = frozenset("he she they we i you it the his her their its our officials others "
                      "aides sources critics experts analysts supporters".split())
#: how many words may stand between a comma and a verb of saying set off by commas
ASIDE_WORDS = 3


def _said_aside(found: list[re.Match[str]], text: str, said: list[int]) -> bool:
    """Whether a verb of ``said`` (positions in ``found``) is set off by commas after its
    subject of at most :data:`ASIDE_WORDS` words, inside the sentence ("What really got under
    her skin, she said, was a question", "Back in Virginia, Mr. Clarke said, he decided to take
    aim"): the whole sentence is the speaker's."""
    for k in said:
        if not text[found[k].end():].lstrip().startswith(","):
            continue
        for j in range(1, ASIDE_WORDS + 1):
            if k - j - 1 < 0:
                break
            subject = found[k - j].group()
            if not (subject[0].isupper() or subject.lower() in _SUBJECTS):
                break  # "claimed, although he also said,": not a subject
            gap = text[found[k - j - 1].end():found[k - j].start()].strip()
            if gap == ",":
                return True
            if gap not in ("", "."):  # "Mr. Clarke"
                break  # a dash, a colon or a quote mark: not a plain aside
    return False


def _flags_in(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None,
                                                                          str]]:
    """(start, end, kind, polarity, source) of the table words of one sentence, offsets into
    ``text``, skipping words that overlap a ``blocked`` span. Evaluative words and labels are
    left out where they are someone else's: just after a cue ("called it a stunt") or a verb
    that casts someone as something (:func:`_cast`), or told with a plain verb of saying
    (:func:`_speaker_words`) or named as the target of an attack (:func:`_targeted`); so are
    loaded verbs too in a charge (:func:`_charged`) or the clause of a verb of saying
    (:func:`_told`)."""
    found = list(_WORD.finditer(text))
    words = [m.group().lower() for m in found]
    if "’" in text:
        words = [w.replace("’", "'") for w in words]
    keys, vader, cue_words = _keys(), valences(), cues()
    out: list[tuple[int, int, str, str | None, str]] = []
    last_cue = -9
    speaker: tuple[int, int] | None = None  # (after, before), once asked for
    clause: list[int] | None = None  # :func:`_clauses`, once asked for
    said: list[int] = []  # the unquoted verbs of told_words(), with ``clause``
    aside = False  # whether one of them is set off by commas (:func:`_said_aside`)

    def quoted(k: int) -> bool:
        return any(s < found[k].end() and found[k].start() < e for s, e in blocked)
    free = 0  # the first word not yet part of a match
    for i in [k for k, w in enumerate(words) if w in keys]:
        if i < free:
            continue
        if words[i] in cue_words:
            last_cue = i
        start, end = found[i].span()
        if any(s < end and start < e for s, e in blocked):
            continue
        entry = _match(words, i)
        if entry is None:
            continue
        n = len(entry.words)
        end = found[i + n - 1].end()
        if entry.kind == "literal" or any(s < end and start < e for s, e in blocked):
            free = i + n
            continue
        if i and text[start].isupper() and _in_a_name(found, text, i):
            free = i + n  # "Dana Bash", "the Stonewall Inn", "Notorious RBG"
            continue
        if text[max(0, start - 1):start] == "/" or text.startswith("/", end):
            free = i + n  # an item of a list ("Send tips/quips/quotes to ...")
            continue
        if (entry.kind == "hedge" and entry.words[0] in _NAMING and _names_a_thing(text, end)) or (
                (entry.words[0] in _LEGAL_HEDGES or (n == 1 and words[i] in _ADMIT)) and any(
                    w in legal_words() and not quoted(k) for k, w in enumerate(words))):
            free = i + n  # a name; the law's hedge ("charged with allegedly ..."), a plea
            continue
        sourcing = entry.kind == FRAMING_SOURCING or (
            entry.kind == "hedge" and entry.words[0] in sourcing_hedges())
        if not sourcing:
            if clause is None:
                clause = _clauses(text, found)
                told = told_words()
                # "to find a way to acknowledge that ...": no one has said it yet
                said = [k for k, w in enumerate(words)
                        if (w in told or (w in _TOLD_NOUNS and words[k + 1:k + 2] == ["that"]))
                        and not quoted(k) and (not k or words[k - 1] != "to")]
                aside = _said_aside(found, text, said)
            # "accused Obama of bungling", "says Obama is flouting the process": the accuser's
            # and the speaker's words; "What got under her skin, she said, was ...": all of them
            if (aside and i not in said) or _charged(words, clause, i) or (
                    _told(said, clause, i)) or (
                    entry.kind == "label" and _targeted(words, clause, i)):
                free = i + n
                continue
        if entry.kind in ("evaluative", "label") or (entry.kind == "hedge" and not sourcing):
            # "called him a racist", "cast him as reckless": the speaker's word
            if i - last_cue <= CUE_WORDS or _cast(words, i, clause) or (
                    i - last_cue <= CUE_CLAUSE_WORDS and clause[last_cue] == clause[i]):
                free = i + n
                continue
            if speaker is None:
                speaker = _speaker_words(words, quoted)
            if i > speaker[0] or i < speaker[1]:
                free = i + n
                continue
        if n == 1 and words[i] in verb_only()[0] and not _as_verb(words, i, text, end):
            continue
        if n == 1 and words[i] in _CLAUSE_ONLY and not _says_a_clause(words, i, text, end):
            continue
        if n == 1 and words[i] in _ADMIT and _admits_someone(words, i, found):
            continue
        polarity = entry.polarity
        if polarity is None and n == 1 and words[i] in vader:
            polarity = _polarity(vader[words[i]])
        out.append((start, end, entry.kind, polarity, "table"))
        free = i + n
    return out


def _own_voice(sentences: pl.DataFrame, quotes: pl.DataFrame) -> pl.DataFrame:
    """Non-boilerplate sentences with the quoted spans inside them (sentence offsets), scare
    quotes included, as ``blocked``."""
    spans = (
        quotes.filter(~pl.col("boilerplate"))
        .select("article", "start", "end")
        .join(sentences.select("article", "index", s0="start", s1="end"), on="article")
        .filter((pl.col("start") < pl.col("s1")) & (pl.col("end") > pl.col("s0")))
        .select("article", "index",
                span=pl.concat_list((pl.col("start") - pl.col("s0")).clip(0),
                                    (pl.col("end") - pl.col("s0")).clip(upper_bound=pl.col("s1")
                                                                        - pl.col("s0"))))
        .group_by("article", "index")
        .agg(blocked=pl.col("span"))
    )
    return (
        sentences.filter(pl.col("kind") != "boilerplate")
        .select("article", "index", "group", "start", "text")
        .join(spans, on=["article", "index"], how="left", maintain_order="left")
    )


def _looked(own: pl.DataFrame) -> pl.DataFrame:
    """The own-voice sentences in (article, index) order, each with an ``id`` (its row) and
    what the prefilters find in it: ``hit`` (a table entry or strongly rated word), ``cand``
    (the same at :data:`COMPARED_MIN`), ``rated`` (a word the comparison can flag alone as
    stronger) and ``said`` (its neutral reporting verbs)."""
    hit, compared, neutral, rated = _prefilters()
    folded, runs = pl.col("_folded"), pl.col("_runs")
    return (
        own.sort("article", "index").with_row_index("id")
        .with_columns(_folded=_folded(pl.col("text")))
        .with_columns(_runs=folded.str.extract_all(_RUN))
        .with_columns(hit=hit.found(runs, folded), cand=compared.found(runs, folded),
                      said=folded.str.extract_all(neutral).list.unique(),
                      rated=pl.col("text").str.contains(rated))
        .drop("_folded", "_runs")
    )


def _alone(looked: pl.DataFrame) -> dict[int, list[Flag]]:
    """By sentence id, the flags a sentence holds whatever the other outlets say: its table
    words outside quotations and scare quotes (a word in quote marks is someone else's: the
    speaker's "rigged", the hospital's "critical"); the per-word scan runs only where polars
    finds a table entry."""
    out: dict[int, list[Flag]] = {}
    for ident, text, blocked in looked.filter(pl.col("hit")).select(
            "id", "text", "blocked").iter_rows():
        found = _flags_in(text, [tuple(b) for b in blocked or ()])
        if found:
            out[ident] = found
    return out


def _pairs(looked: pl.DataFrame, members: pl.DataFrame, flagged: list[int]) -> pl.DataFrame:
    """The aligned sentence pairs (ids ``a`` and ``b``: two articles, one group) in which a
    flag can come of the comparison, in the order their replacements are listed: where one side
    holds a candidate word, or one holds a neutral reporting verb the other lacks ("said"
    against "lambasted"). ``look`` tells the pairs worth a diff now: one side has a flag of its
    own or a rated word, or a neutral reporting verb the other side's word can stand for."""
    side = looked.select(
        "article", "index", "id", "cand", "said",
        own=pl.col("rated") | pl.col("id").is_in(flagged),
        verb=pl.col("said").list.len().gt(0),
    )
    mem = members.select("group", "article", "index").join(side, on=["article", "index"])
    # a version meets those of the next GROUP_OUTLETS outlets of its group in article order
    # (all of them in a group of up to GROUP_OUTLETS + 1 outlets): a group's pairs grow with
    # its size, not its square (a headline row of 291 outlets made 34 k pairs on 300 real
    # articles), and no outlet meets more than twice that many
    mem = mem.with_columns(rank=pl.col("article").rank("dense").over("group").cast(pl.Int64))
    ahead = pl.DataFrame({"step": range(1, GROUP_OUTLETS + 1)}, schema={"step": pl.Int64})
    return (
        mem.join(ahead, how="cross")
        .with_columns(rank=pl.col("rank") + pl.col("step"))
        .join(mem, on=["group", "rank"], suffix="_b")
        .filter(pl.col("cand") | pl.col("cand_b")
                | pl.col("said").list.set_difference("said_b").list.len().gt(0)
                | pl.col("said_b").list.set_difference("said").list.len().gt(0))
        .sort("group", "id", "id_b")
        .select(a="id", b="id_b",
                look=pl.col("own") | pl.col("own_b") | pl.col("verb") | pl.col("verb_b"))
    )


#: see :attr:`Marks.windows`
Window = tuple[bool, tuple[str, ...], bool, tuple[str, ...]]


@dataclass(slots=True)
class Marks:
    """A sentence's tokens for :func:`_touches`: the diff's token keys (see
    :mod:`corpusdiff.diff`), and a 1 for each token a flag stands on (``own``) and for each
    word that only a change of that word alone can make a flag of (``alone``: a word the
    comparison can flag as stronger than its counterpart, a neutral reporting verb as the
    counterpart of the other side's word)."""

    text: str
    keys: tuple[str, ...]
    own: bytearray
    alone: bytearray
    #: for each run of ``own`` tokens, whether a change over it can start at the sentence's
    #: start, the tokens it can start after, whether it can end at the sentence's end and the
    #: tokens it can end before
    windows: tuple[Window, ...]
    #: the tokens either side of each word marked ``alone`` (None: the sentence's end)
    beside: tuple[tuple[str | None, str | None], ...]
    #: whether the sentence has a marked token
    marked: bool
    #: the token keys as a set, once asked for (:attr:`keyset`)
    _keyset: frozenset[str] | None = None

    @classmethod
    def of(cls, text: str, flags: list[tuple[int, int]], rated: bool, said: bool) -> Marks:
        """``rated`` and ``said``: whether the prefilters find a rated word or a neutral
        reporting verb in ``text`` (when they do not, there is none to mark)."""
        if not (flags or rated or said):  # nothing to mark: the offsets may never be asked for
            keys = token_keys(text)
            return cls(text, keys, bytearray(len(keys)), bytearray(len(keys)), (), (), False)
        keys, starts, ends = keys_and_offsets(text)
        single, parts = _rated_tokens()
        own = bytearray(map(parts.__contains__, keys)) if rated else bytearray(len(keys))
        for fs, fe in flags:  # the tokens overlapping a flag
            for k in range(bisect_right(ends, fs), len(keys)):
                if starts[k] >= fe:
                    break
                own[k] = 1
        alone = bytearray(map(single.__contains__, keys)) if rated else bytearray(len(keys))
        if said:
            verbs = bytearray(map(neutral_words().__contains__, map(str.lower, keys)))
            alone = bytearray(map(max, alone, verbs)) if rated else verbs
        beside = ()
        if 1 in alone:
            around = (None, *keys, None)
            beside = tuple((around[k], around[k + 2]) for k, one in enumerate(alone) if one)
        windows = _windows(keys, starts, ends, own)
        return cls(text, keys, own, alone, windows, beside, bool(windows) or bool(beside))

    @property
    def keyset(self) -> frozenset[str]:
        """The token keys, as a set."""
        if self._keyset is None:
            self._keyset = frozenset(self.keys)
        return self._keyset

    def short(self, i1: int, i2: int) -> bool:
        """Whether tokens ``i1:i2`` make at most :data:`SLOT_WORDS` words."""
        if i2 - i1 <= SLOT_WORDS:
            return True
        _, starts, ends = keys_and_offsets(self.text)
        return len(self.text[starts[i1]:ends[i2 - 1]].split()) <= SLOT_WORDS

    def reaches(self, other: Marks) -> bool:
        """Whether a diff against ``other`` can change a marked token: a short change has a
        matched token (one of ``other``'s) or the sentence's end within :data:`SLOT_WORDS`
        words either side, a change of a word ``alone`` matched tokens right beside it."""
        if not self.marked:
            return False
        keys = other.keyset
        for at_start, before, at_end, after in self.windows:
            if (at_start or not keys.isdisjoint(before)) and (
                    at_end or not keys.isdisjoint(after)):
                return True
        for left, right in self.beside:
            if (left is None or left in keys) and (right is None or right in keys):
                return True
        return False


def _windows(keys: tuple[str, ...], starts: tuple[int, ...], ends: tuple[int, ...],
             own: bytearray) -> tuple[Window, ...]:
    """:attr:`Marks.windows`: a change of at most :data:`SLOT_WORDS` words over a token of
    ``p:q`` starts after a matched token (or at the start) no more than that many words before
    ``p`` and ends before one (or at the end) no more than that many after ``q``."""
    if 1 not in own:
        return ()
    # characters between two tokens are whitespace: a gap starts a new word
    word = list(accumulate(map(gt, starts[1:], ends), initial=0))
    out = []
    p = own.find(1)
    while p >= 0:
        q = own.find(0, p)
        q = len(keys) if q < 0 else q
        start = bisect_left(word, word[p] - SLOT_WORDS)
        end = bisect_right(word, word[q - 1] + SLOT_WORDS)
        out.append((word[p] < SLOT_WORDS, keys[start:q],
                    word[q - 1] > word[-1] - SLOT_WORDS, keys[p + 1:end]))
        p = own.find(1, q)
    return tuple(out)


def _touches(a: Marks, b: Marks) -> bool:
    """Whether :func:`word_diff` of two sentences can hold a replacement of at most
    :data:`SLOT_WORDS` words either side over a marked token (see :class:`Marks`).

    word_diff's changes are the runs between the blocks its longest common subsequence
    matches, each possibly joined to the next through a matched block of glue words (a joined
    change is at least three tokens either side) and at least as long as each run it holds. So
    a short change over a token a flag stands on needs that token in a short run, or in a
    matched block of glue between two short runs; a change of a word ``alone`` is a run of that
    one token, between matched tokens.
    """
    if not (a.reaches(b) or b.reaches(a)):
        return False
    i1 = j1 = 0  # where the run before the next matched block starts
    last: tuple[int, int, int, int] | None = None  # the run before the last block
    for block in Indel.opcodes(a.keys, b.keys).as_matching_blocks():
        i2, j2 = block.a, block.b
        if i1 < i2 or j1 < j2:
            if (a.own.find(1, i1, i2) >= 0 or b.own.find(1, j1, j2) >= 0
                    or (i2 - i1 == 1 and a.alone[i1]) or (j2 - j1 == 1 and b.alone[j1])) and (
                    a.short(i1, i2) and b.short(j1, j2)):
                return True
            if last is not None and (a.own.find(1, last[1], i1) >= 0
                                     or b.own.find(1, last[3], j1) >= 0) and (
                    a.short(i1, i2) and b.short(j1, j2) and a.short(last[0], last[1])
                    and b.short(last[2], last[3]) and is_glue(a.keys[last[1]:i1])):
                return True
            last = (i1, i2, j1, j2)
        else:
            last = None
        i1, j1 = i2 + block.size, j2 + block.size
    return False


def _diff(pairs: pl.DataFrame, looked: pl.DataFrame, flags: dict[int, list[tuple[int, int]]],
          diffs: dict[int, tuple[int, int, list[Span]]], only: set[int] | None = None) -> None:
    """Diff into ``diffs`` (by pair row) the pairs of :func:`_pairs` whose diff can hold a
    replacement over a flag of ``flags`` or make one (:func:`_touches`): the other pairs'
    replacements touch no flag, so they make neither a flag nor a counterpart. With ``only``,
    the pairs with a sentence of it not diffed yet (for the flags the comparison found)."""
    texts, rated = looked["text"].to_list(), looked["rated"].to_list()
    said = looked["said"].list.len().gt(0).to_list()
    marks: dict[int, Marks] = {}
    rows = pairs.with_row_index("row")
    rows = rows.filter(pl.col("look") if only is None else
                       pl.col("a").is_in(list(only)) | pl.col("b").is_in(list(only)))
    for row, a, b in zip(*(rows[c].to_list() for c in ("row", "a", "b")), strict=True):
        if row in diffs:
            continue
        for ident in (a, b):
            if ident not in marks:
                marks[ident] = Marks.of(texts[ident], flags.get(ident, []), rated[ident],
                                        said[ident])
        if _touches(marks[a], marks[b]):
            diffs[row] = (a, b, word_diff(texts[a], texts[b]))


def _slots(diffs: dict[int, tuple[int, int, list[Span]]], texts: list[str],
           articles: list[str]) -> dict[int, list[tuple[int, int, str, str]]]:
    """By sentence id, the short replacements another outlet's member of the group makes in
    the pairs diffed: (start, end) in the sentence, the other article and its words ("" when
    it leaves them out)."""
    slots: dict[int, list[tuple[int, int, str, str]]] = {}
    for row in sorted(diffs):
        a, b, spans = diffs[row]
        mine, theirs = texts[a], texts[b]
        # one diff gives both directions: a's words for b's and b's for a's
        for span in spans:
            if span.tag == "equal":
                continue
            ours = mine[span.a_start:span.a_end]
            other = theirs[span.b_start:span.b_end]
            if len(ours.split()) > SLOT_WORDS or len(other.split()) > SLOT_WORDS:
                continue
            if ours:
                slots.setdefault(a, []).append((span.a_start, span.a_end, articles[b], other))
            if other:
                slots.setdefault(b, []).append((span.b_start, span.b_end, articles[a], ours))
    return slots


def _compared(text: str, slots: list[tuple[int, int, str, str]], taken: list[tuple[int, int]],
              blocked: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None, str]]:
    """Flags that only the comparison finds: a word whose counterpart is a neutral reporting
    verb, or a word VADER rates whose counterpart is markedly milder."""
    neutral, vader = neutral_words(), valences()
    out: list[tuple[int, int, str, str | None, str]] = []
    for start, end, _other, words in slots:
        ours = text[start:end]
        if (not _WORD.fullmatch(ours) or not ours.islower()
                or any(s < end and start < e for s, e in [*taken, *blocked])):
            continue
        low, theirs = ours.lower(), words.lower().split()
        valence = vader.get(low, 0.0)
        # the word must be a verb: a verb of saying, or a past tense ("pilloried" for "said";
        # not "is" for "says", nor the noun "years" for "states")
        if (len(theirs) == 1 and theirs[0] in neutral and low not in neutral
                and (low in SPEECH or low.endswith("ed")) and low not in _PLAIN_SPEECH
                and low.endswith(("ed", "s")) == theirs[0].endswith(("d", "s"))
                and low[:4] != theirs[0][:4]):
            out.append((start, end, "verb", _polarity(valence) if valence else None,
                        "comparison"))
        elif abs(valence) >= COMPARED_MIN and _QUALITY.search(low) and all(
                abs(vader.get(w, 0.0)) <= abs(valence) - MILDER_BY for w in theirs):
            out.append((start, end, "evaluative", _polarity(valence), "comparison"))
        if out and out[-1][0] == start:
            taken = [*taken, (start, end)]
    return out


def framing(sentences: pl.DataFrame, members: pl.DataFrame,
            quotes: pl.DataFrame) -> pl.DataFrame:
    """Every loaded word or phrase in each outlet's own voice (schema :data:`FRAMING`), in
    article order then text order. Of ``quotes`` only the quoted spans are read (``article``,
    ``start``, ``end``, ``boilerplate``): the quote marks (:data:`.model.QUOTE_MARKS`) serve as
    well as the compared quotes, which is how the helper process finds them
    (:mod:`corpusdiff.background`)."""
    looked = _looked(_own_voice(sentences, quotes))
    texts, articles = looked["text"].to_list(), looked["article"].to_list()
    alone = _alone(looked)
    spans = {ident: [(s, e) for s, e, *_ in found] for ident, found in alone.items()}
    pairs = _pairs(looked, members, list(alone))
    diffs: dict[int, tuple[int, int, list[Span]]] = {}
    _diff(pairs, looked, spans, diffs)
    slots = _slots(diffs, texts, articles)
    compared: dict[int, list[Flag]] = {}
    for ident, blocked in looked.filter(pl.col("id").is_in(list(slots))).select(
            "id", "blocked").iter_rows():
        found = _compared(texts[ident], slots[ident],
                          [(s, e) for s, e, *_ in alone.get(ident, [])],
                          [tuple(b) for b in blocked or []])
        if found:
            compared[ident] = found
    if compared:
        # the other outlets' words for the comparison's own flags
        for ident, found in compared.items():
            spans[ident] = spans.get(ident, []) + [(s, e) for s, e, *_ in found]
        _diff(pairs, looked, spans, diffs, only=set(compared))
        slots = _slots(diffs, texts, articles)
    rows: list[tuple[object, ...]] = []
    for ident, index, group, s0 in looked.filter(pl.col("id").is_in([*alone, *compared])).select(
            "id", "index", "group", "start").iter_rows():
        text, mine = texts[ident], slots.get(ident, [])
        for start, end, kind, polarity, source in sorted(
                alone.get(ident, []) + compared.get(ident, [])):
            others: dict[str, str] = {}
            for s, e, other, words in mine:
                if s < end and start < e and other not in others and (
                        words.lower() != text[start:end].lower()):
                    others[other] = words
            rows.append((articles[ident], index, group, s0 + start, s0 + end, text[start:end],
                         kind, polarity, source,
                         [{"article": a, "text": w} for a, w in sorted(others.items())]))
    return pl.DataFrame(rows, schema=FRAMING, orient="row").sort("article", "start", "end")

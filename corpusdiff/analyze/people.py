"""The people layer, for quotes and facts alike.

Three parts, each used by both readers so that a fix is made once:

- one lexicon, :mod:`.people_words`: one table of title words with their kind (which words split
  a name from its title for which reader, and why), honorifics, title modifiers, role synonyms,
  name connectors, gendered nouns and given names (reporting verbs: :mod:`.speech_verbs`);
- the name rules here, called by this module's name parser (quote speakers) and by the facts
  scanner (:mod:`.fact_names`): :func:`split_title` and :func:`title_is_surname` tell a title
  from the name after it ("Sen. Tammy Baldwin"; "Steve King", "Mr. Justice" keep their
  surname), :func:`given_name_start` where a name opens after words that are no name ("State
  Hillary Clinton" is Hillary Clinton);
- one key per person and article, :mod:`.person_keys`: a lone surname takes the only full name
  of its article that quotes or facts read, so a quote's speaker and a fact's person agree.

The two readers stay two scanners because they read different text: this module one whole
article with its quotes masked (:class:`People`: who may speak), the facts scanner each sentence
on its own, quotes included, cached per distinct sentence (wire copy repeats them).

:class:`People` is who an article names, for the speakers of its quotes: runs of capitalised
words split into titles and names, people normalised within the article ("Governor Ana Lee",
"Lee", "the governor" are "Ana Lee", role "Governor") with gender evidence, institutions,
unnamed persons ("a woman"), and every mention of them in text order."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corpusdiff.analyze.fact_words import PHRASES
from corpusdiff.analyze.people_words import (
    ABBREVIATIONS,
    ADDRESS_TITLES,
    CONNECTORS,
    FEMALE_NAMES,
    FEMALE_NOUNS,
    FIRST_NAMES,
    HONORIFICS,
    MALE_NAMES,
    MALE_NOUNS,
    ROLE_HEADS,
    ROLE_SYNONYMS,
    TITLE_MODIFIERS,
    TITLES,
)
from corpusdiff.analyze.quote_spans import QuotedArticle
from corpusdiff.analyze.quote_words import (
    ADVERBS,
    COMMON_CAPS,
    DAYS_MONTHS,
    GENERIC_SUBJECTS,
    ORG_ABBR,
    ORG_WORDS,
    PAGE_LABELS,
)
from corpusdiff.analyze.shared_words import NAME_SUFFIXES, NOT_PEOPLE
from corpusdiff.analyze.speech_verbs import SPEECH, is_speech

__all__ = ["Mention", "People", "Person", "clean", "given_name_start", "is_acronym",
           "split_title", "title_is_surname"]

# The patterns below open with a character class and test the word boundary behind it
# ("(?<!\w.)" after the first letter): re then skips ahead to the letters that can start a
# match instead of trying a lookbehind at every position of the text.
#: "the governor", "the council president", "the mayor's"
_ROLE_REF = re.compile(r"[Tt](?<!\w[Tt])he\s+((?:[A-Za-z][\w-]*\s+){0,2}?)("
                       + "|".join(sorted(ROLE_HEADS)) + r")(?:[’']s)?\b")
#: "a woman", "one man", "another father", "the father"
_UNNAMED_REF = re.compile(r"[AaOoTt](?<!\w.)(?:(?<=[Aa])(?:n|nother)?|(?<=[Oo])ne|(?<=[Tt])he)"
                          r"\s+(?:[a-z][\w-]*\s+){0,2}?("
                          + "|".join(sorted(FEMALE_NOUNS | MALE_NOUNS)) + r")\b")
_PARTY_TAG = re.compile(r"[DRI]-[A-Z]")
_LAST_WORD = re.compile(r"(?<![^\s])([a-z][\w.’'-]*) $")  # what last_word_before finds
_DATELINE_END = re.compile(r"\s*(?:,[^—–\n]{0,30})?(?:\s*\([A-Za-z]+\))?\s*(?:—|–|--|-\s)")
_NEVER_ALONE = COMMON_CAPS | DAYS_MONTHS
_NOUN_AFTER = re.compile(r" ([a-z]+)")
#: nouns a person's name qualifies when written right before them ("the Romney campaign")
_QUALIFIED = frozenset(("campaign", "campaigns", "administration", "camp", "team", "aides",
                        "allies", "supporters", "era", "presidency", "doctrine", "loyalists",
                        "voters", "backers", "surrogates", "fans", "rally", "rallies"))
#: peoples and groups a sentence may open with ("Russians say", "Millennials")
_DEMONYMS = frozenset(
    """american russian mexican chinese german french british iranian iraqi syrian israeli
    palestinian saudi texan californian floridian canadian cuban korean japanese afghan
    pakistani ukrainian european african asian latino hispanic millennial yemeni egyptian
    turkish indian venezuelan""".split())
#: the states' abbreviations of party tags and datelines ("D-Md.", "R-Fla.")
_STATE_ABBREVIATIONS = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev nh nj nm ny nc nd okla ore pa penn ri sc sd tenn tex vt va wash wis wyo""".split())
#: words of COMMON_CAPS that open an organisation's name
_ORG_OPENERS = frozenset(("democratic", "democrat", "republican", "new"))
_LOWER_TOKEN = re.compile(r"[a-z][\w.’'-]*")
_POSSESSIVE = re.compile(r"\w[’']s?$")
#: he, him, his, himself / she, her, hers, herself in any case (the first letter first: re skips
#: ahead to it)
_HE = re.compile(r"[Hh](?<!\w[Hh])(?:[Ee]|[Ii][Mm]|[Ii][Ss]|[Ii][Mm][Ss][Ee][Ll][Ff])\b")
_SHE = re.compile(r"[Ss](?<!\w[Ss])[Hh][Ee]\b|[Hh](?<!\w[Hh])[Ee][Rr](?:[Ss]|[Ss][Ee][Ll][Ff])?\b")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")  # what lower_word_before finds
_APPOSITIVE = re.compile(r",\s+(?:(?:an?|the)\s+)?([^,.;\x00]{2,120}?)(?=,|\.(?:\s|$)|;|"
                         r"\s+who\b|\s+whose\b|$)")
_COMMA_APPOSITIVE = re.compile(r",[^,.;\x00]{1,100},")
_VERB_AFTER = re.compile(r"\s+((?:\w+\s+){0,2}?)(\w+)\b")
_VERB_AFTER_COMMA = re.compile(r",?\s+((?:\w+\s+){0,2}?)(\w+)\b")

_TOKEN_RE = re.compile(r"[^\W_][\w’'\-]*(?:\.[^\W_][\w’'\-]*)*\.?")
_CAP_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*(?:\.[^\W_][\w’'\-]*)*\.?"
#: a run of capitalised words; the first letter first, then what may not stand before it
_RUN_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w’'.\-].)" + _CAP_TOKEN[len("[A-ZÀ-ÖØ-Þ]"):]
                     + r"(?: (?:(?:" + "|".join(sorted(CONNECTORS)) + r") )*" + _CAP_TOKEN + r")*")


def lower_word_before(text: str) -> str | None:
    """The word of ASCII lowercase letters that ``text`` ends with before its final whitespace
    (``_WORD_BEFORE``), without a regex search at every position."""
    if not text or not text[-1].isspace():
        return None
    body = text.rstrip()
    k = len(body)
    while k > 0 and "a" <= body[k - 1] <= "z":
        k -= 1
    if k == len(body) or (k > 0 and (body[k - 1].isalnum() or body[k - 1] == "_")):
        return None
    return body[k:]


def last_word_before(text: str, at: int, reach: int = 40) -> str | None:
    """The lowercase word right before ``text[at]`` and one space (``_LAST_WORD`` searched in
    the ``reach`` characters before ``at``), without a regex search at every position."""
    lo = max(0, at - reach)
    end = at - 1
    if end > lo and text[end] == "\n":
        end -= 1  # "$" matches before a final newline too
    if end <= lo or text[end] != " ":
        return None
    seg = text[lo:end]
    if seg[-1].isspace():
        return None
    word = seg.rsplit(None, 1)[-1]
    start = end - len(word)
    if start == lo and lo > 0 and not text[lo - 1].isspace():
        return None  # the word goes on before the window
    return word if _LOWER_TOKEN.fullmatch(word) else None


_POSSESSIVE_END = re.compile(r"\w[’']s?$")
_POSSESSIVE_MARK = re.compile(r"[’']s?$")
_INITIALS = re.compile(r"(?:\w\.)+\w?\.?")
_NOT_LETTER = re.compile(r"[^A-Za-z]")


@functools.lru_cache(maxsize=1 << 15)
def clean(word: str) -> str:
    """A token without its possessive ending and sentence period (abbreviations keep theirs)."""
    if word.endswith(("’", "'", "’s", "'s")) and _POSSESSIVE_END.search(word):
        word = _POSSESSIVE_MARK.sub("", word)
    if word.endswith(".") and not is_abbreviation(word):
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=1 << 15)
def is_abbreviation(word: str) -> bool:
    """A title, name suffix, organisation abbreviation or initials that keep their period."""
    low = word.lower()
    return (low in TITLES or low in ABBREVIATIONS or low in NAME_SUFFIXES or low in ORG_ABBR
            or bool(_INITIALS.fullmatch(word)))


@functools.lru_cache(maxsize=1 << 15)
def is_acronym(word: str) -> bool:
    """ICE, DHS, WMBK-TV; not initials (J.D.) nor page labels (NEW, BREAKING)."""
    letters = _NOT_LETTER.sub("", word)
    return len(letters) >= 2 and letters.isupper() and "." not in word \
        and word.lower() not in PAGE_LABELS


#: words of a run: (offset in the run's text, word)
_Words = tuple[tuple[int, str], ...]


def _split_and(words: _Words) -> list[_Words]:
    """"Tom Hale and Ana Ruiz" are two people; "Health and Human Services" is one name."""
    if all(w != "and" for _o, w in words) or _is_org(tuple(clean(w) for _o, w in words)):
        return [words]
    parts: list[list[tuple[int, str]]] = [[]]
    for o, w in words:
        if w == "and":
            parts.append([])
        else:
            parts[-1].append((o, w))
    return [tuple(p) for p in parts]


def _trim_run(words: _Words) -> _Words:
    """A piece of a run without connectors and dates at its ends, nor a sentence starter or a
    reporting verb first ("Said Lee" is Lee)."""
    if words and _PARTY_TAG.match(words[0][1]):
        return ()  # "D-Mass.", "R-Texas": a party and state, not a name
    while words and (words[-1][1] in CONNECTORS or clean(words[-1][1]).lower() in DAYS_MONTHS):
        words = words[:-1]
    while words:
        first = words[0][1]
        low = clean(first).lower()
        if not (low in _NEVER_ALONE or first in CONNECTORS
                or (len(words) > 1 and low in SPEECH)):
            break
        if low in _ORG_OPENERS and len(words) > 1 and _is_org(
                tuple(clean(w) for _o, w in words[1:])):
            break  # "Democratic National Committee", "New York Police Department"
        words = words[1:]
    return words


def _names_in(words: _Words) -> tuple[tuple[_Words, _NameShape], ...]:
    """The names a piece of a run holds (split at "and", trimmed, no single letter alone), each
    with its shape."""
    out = (_trim_run(part) for part in _split_and(words))
    return tuple((n, _name_shape(tuple(w for _o, w in n))) for n in out
                 if n and not (len(n) == 1 and len(clean(n[0][1])) == 1))


@functools.lru_cache(maxsize=1 << 15)
def _run_shape(text: str) -> tuple[tuple[_Words, bool, bool,
                                         tuple[tuple[_Words, _NameShape], ...],
                                         tuple[tuple[_Words, _NameShape], ...]], ...]:
    """A run of capitalised words (a match of ``_RUN_RE``) cut after a sentence period or a
    possessive; for each part: its words, whether it is all capitals (it may be a dateline),
    whether it opens with a gerund, and the names it holds with and without that gerund.
    What does not depend on where the run stands, computed once per distinct text."""
    if " " not in text and clean(text).lower() in _NEVER_ALONE:
        return ()  # a sentence starter or a month alone: trimmed to nothing
    parts: list[list[tuple[int, str]]] = [[]]
    at = 0
    for word in text.split(" "):  # the run's words are one token each, one space apart
        cur = parts[-1]
        if cur:
            prev = cur[-1][1]
            if (prev.endswith(".") and not is_abbreviation(prev)) or _POSSESSIVE.search(prev):
                cur = []
                parts.append(cur)
        cur.append((at, word))
        at += len(word) + 1
    shape = []
    for part in map(tuple, parts):
        texts = [w for _o, w in part]
        upper = texts[0].isupper() and all(
            w.isupper() for w in texts if any(c.isalpha() for c in w))
        first = clean(texts[0]).lower()
        gerund = len(part) > 1 and first.endswith("ing") and first not in FIRST_NAMES
        shape.append((part, upper, gerund, _names_in(part),
                      _names_in(part[1:]) if gerund else ()))
    return tuple(shape)


# compared by identity, never printed, never changed (not frozen: a quicker __init__)
@dataclass(slots=True, eq=False, repr=False)
class _NameForm:
    """A name after its title (:class:`_NameShape`), as :meth:`People._find_people` reads it."""

    words: tuple[str, ...]  # its words (:func:`clean`)
    key: str  # the words joined
    end: int  # where its last word ends, from the run's first word
    registrable: bool  # a person's name: no organisation, at most four words (four: "Jr.")
    vote: int  # gender evidence of its given name (two words or more)


def _name_form(ends: list[int], words: tuple[str, ...], first: int, stop: int) -> _NameForm:
    """The name of words ``[first, stop)`` of a run whose words end at ``ends``."""
    name = words[first:stop]
    end = ends[stop - 1]
    registrable = not _is_org(name) and len(name) <= 4 and not (
        len(name) == 4 and name[-1].lower() not in NAME_SUFFIXES)
    return _NameForm(name, " ".join(name), end, registrable,
                     _gender_of_first(name[0]) if len(name) > 1 else 0)


# compared by identity, never printed, never changed (not frozen: a quicker __init__)
@dataclass(slots=True, eq=False, repr=False)
class _NameShape:
    """What a run of capitalised words is wherever it stands (:func:`_name_shape`): its title
    and the name after it, offsets from its first word."""

    title_text: str | None  # its title words
    name: _NameForm | None  # the name after the title (None: a title alone)
    cut: _NameForm | None  # the name cut before "of"/"from" from its third word, if it may be
    first_name: bool  # the name after the title opens with a given name
    words: tuple[str, ...]  # every word of the run (:func:`clean`)
    end: int  # where the run's last word ends
    possessive: bool
    period: bool  # the last word ends with a sentence period


def title_is_surname(lows: Sequence[str], i: int) -> bool:
    """Whether the title word ``lows[i]`` of a run of capitalised words (lower case, see
    :func:`clean`) is a surname here: the run's last word, right after a given name or an
    honorific ("Steve King", "Rep. Steve King", "Gov. Jim Justice", "Mr. King", "Ms. Major"; not
    "Mr. President").
    The one rule for quotes' speakers and facts' people alike."""
    return i == len(lows) - 1 and i > 0 and (lows[i - 1] in FIRST_NAMES or (
        lows[i - 1] in HONORIFICS and lows[i] not in ADDRESS_TITLES))


def split_title(lows: Sequence[str]) -> int:
    """Where the name starts in a run of capitalised words (lower case, see :func:`clean`):
    after its last title word (:data:`.people_words.TITLES`) that is no surname
    (:func:`title_is_surname`). "Los Angeles Mayor Karen Bass" -> 3; "Steve King" -> 0;
    "Sen. Tammy Baldwin" -> 1; a title alone ("Governor") -> its length."""
    last = -1
    for i, low in enumerate(lows):
        if low in TITLES and not title_is_surname(lows, i):
            last = i
    return last + 1


def known_place(words: Sequence[str]) -> str | None:
    """The type of the place a capitalised name is known as ("state", "city", "country"), or
    None."""
    kind, _value, ptype = PHRASES.get(tuple(w.lower() for w in words), ("", "", ""))
    return ptype or None if kind == "place" else None


def nobody(words: Sequence[str]) -> bool:
    """A capitalised name that is no person: a group ("Democrats", "Utah Republicans",
    "Critics") or a state, city or site known by name ("Ohio"; "Columbus, Ohio, called ..."
    put it in a speaker's position). A country may speak for its government ("China said")."""
    return bool(words) and (words[-1].lower() in NOT_PEOPLE
                            or known_place(words) not in (None, "country")
                            # "Critics say": a sentence's first word; "(D-Md.)": a state
                            or (len(words) == 1 and (
                                words[0].lower() in GENERIC_SUBJECTS
                                or words[0].lower().rstrip(".") in _STATE_ABBREVIATIONS
                                or words[0].lower().removesuffix("s") in _DEMONYMS)))


def given_name_start(lows: Sequence[str]) -> int:
    """Where a name opens with its given name in capitalised words (lower case) whose first
    words are no name: "State Hillary Clinton" (the end of "Secretary of State"), "House Newt
    Gingrich" -> 1. 0 when the first word is a given name, when no given name follows, when no
    surname follows it, or when an initial comes first ("J. Gerald Hebert"). Callers do not ask
    right after a title: "Gov. Earl Ray Tomblin" is all name."""
    for i, low in enumerate(lows):
        if low in FIRST_NAMES:  # a surname must follow ("Lamar Alexander of Tennessee": no)
            return i if i + 1 < len(lows) and lows[i + 1] not in CONNECTORS else 0
        if "." in low:
            return 0  # an initial or an abbreviation opens the name: "J. Gerald Hebert"
    return 0


@functools.lru_cache(maxsize=1 << 15)
def _name_shape(texts: tuple[str, ...]) -> _NameShape:
    """Split a run into its title and name ("Los Angeles Mayor Karen Bass"), once per distinct
    run: the part of :meth:`People._find_people` that does not depend on the text around it."""
    words = tuple(map(clean, texts))
    lows = [w.lower() for w in words]
    ends = [n - 1 for n in itertools.accumulate(len(t) + 1 for t in texts)]
    first = split_title(lows)
    # words before a given name are no name: "Comedian Sarah Silverman", "Miss Universe Alicia
    # Machado", "Secretary of State Hillary Clinton"; the facts scanner reads names from the
    # same rule); right after a title they are: "Gov. Earl Ray Tomblin"
    if first < len(lows) and not (first and lows[first - 1] not in HONORIFICS
                                  and lows[first] not in CONNECTORS):
        first += given_name_start(lows[first:])
    last = first - 1
    cut = None
    if "of" in texts or "from" in texts:
        cut = next((k for k, t in enumerate(texts[first:]) if t in ("of", "from")), None)
    has_name = first < len(texts)
    return _NameShape(
        " ".join(words[:first]) if last >= 0 else None,
        _name_form(ends, words, first, len(texts)) if has_name else None,
        _name_form(ends, words, first, first + cut) if cut is not None and cut >= 2 else None,
        has_name and lows[first] in FIRST_NAMES, words,
        ends[-1], bool(_POSSESSIVE.search(texts[-1])),
        texts[-1].endswith(".") and not is_abbreviation(texts[-1]))


@functools.lru_cache(maxsize=1 << 15)
def _is_org(words: tuple[str, ...]) -> bool:
    """An organisation's name: an organisation word, or an acronym first."""
    return any(w.lower() in ORG_WORDS for w in words) or (bool(words) and is_acronym(words[0]))


class Token:
    """A word of the masked article text with its offsets; ``word`` is the word without its
    possessive ending and sentence period (:func:`clean`), ``low`` that in lower case."""

    __slots__ = ("end", "low", "start", "text", "word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.word = clean(text)
        self.low = self.word.lower()


# compared by identity, never printed: no generated __eq__/__repr__ (a cheaper import)
@dataclass(eq=False, repr=False)
class Person:
    """A person the article names: the fullest name, a role, gender evidence."""

    name: str
    role: str | None = None
    votes: int = 0  # > 0 female, < 0 male
    descr: str = ""  # every title and appositive seen with the person, for role references

    @property
    def gender(self) -> str | None:
        return "f" if self.votes > 0 else "m" if self.votes < 0 else None


@dataclass(eq=False, repr=False)
class Mention:
    """A reference to a speaker candidate at [start, end) of the article text."""

    start: int
    end: int
    kind: str  # person | inst | unnamed | other
    name: str | None = None  # the person's key / the institution's name
    gender: str | None = None  # for unnamed people
    possessive: bool = False
    modifier: bool = False  # "Trump" in "Trump advisor Stephen Miller"


def _gender_of_first(first: str) -> int:
    low = first.lower()
    if low in FEMALE_NAMES:
        return 3
    if low in MALE_NAMES:
        return -3
    return 0


def _noun_gender(words: list[str]) -> str | None:
    for w in words:
        if w.lower() in FEMALE_NOUNS:
            return "f"
        if w.lower() in MALE_NOUNS:
            return "m"
    return None


def _norm_role(text: str) -> str:
    """A role's words as one office names them: abbreviations spelt out, synonyms folded
    (:data:`.people_words.ROLE_SYNONYMS`, the table the facts compare roles with)."""
    words = [ABBREVIATIONS.get(w, w) for w in text.lower().split()]
    return " ".join(ROLE_SYNONYMS.get(w, w) for w in words)


class People:
    """The people, institutions and unnamed persons an article names, and each mention of them
    in text order (quotes masked)."""

    def __init__(self, doc: QuotedArticle) -> None:
        self.doc = doc
        self.persons: dict[str, Person] = {}
        #: persons by the last word of their name: [(first word, name)] in ``persons`` order,
        #: for :meth:`lookup`; None when ``persons`` changed since it was built
        self._by_last: dict[str, list[tuple[str, str]]] | None = None
        self._by_first: dict[str, list[str]] = {}  # persons by first word, built with _by_last
        self.mentions: list[Mention] = []
        self._find_people()

    # ---- runs of capitalised words ------------------------------------------------------

    def _runs(self) -> list[tuple[int, _NameShape]]:
        """Runs of capitalised words ("Los Angeles Mayor Karen Bass", "Department of Justice"),
        cut after a sentence period or a possessive, without sentence starters. A run's text is
        split into names once (:func:`_run_shape`); each occurrence only checks its place (a
        dateline, a gerund opening a sentence). Each name comes as (where it starts, its
        shape)."""
        out: list[tuple[int, _NameShape]] = []
        for m in _RUN_RE.finditer(self.doc.masked):
            at = m.start()
            for part, upper, gerund, names, rest in _run_shape(m.group()):
                if upper and self._dateline(at + part[0][0], at + part[-1][0] + len(part[-1][1])):
                    continue  # "WASHINGTON —": a place, never a speaker
                if gerund and self._starts_sentence(at + part[0][0]):
                    names = rest  # "Attacking Hillary Clinton, …": a gerund is no name
                out.extend((at + name[0][0], shape) for name, shape in names)
        return out

    def _starts_sentence(self, at: int) -> bool:
        i = self.doc.sentence_at(at)
        return not self.doc.masked[self.doc.s_start[i]:at].strip(" \n\x00\"“‘'")

    def _dateline(self, start: int, end: int) -> bool:
        """A dateline: capitals (checked by the caller) at the start of a paragraph, then a dash
        ("WASHINGTON —", "LOS ANGELES (AP) —", "NEW YORK, N.Y. —")."""
        i = self.doc.sentence_at(start)
        para_start = next((st for _p, st, en in self.doc.paras if st <= start < en),
                          self.doc.s_start[i])
        if self.doc.masked[para_start:start].strip():
            return False
        return bool(_DATELINE_END.match(self.doc.masked, end))

    def _title_before(self, start: int, title_text: str | None) -> tuple[str | None, int]:
        """Take in a lowercase title before a name's run at ``start`` ("Board member", "former
        Trump advisor") with its own ``title_text``; return (title text or None, where the title
        starts)."""
        before = last_word_before(self.doc.masked, start)
        if before is None or not (before in TITLES or before in TITLE_MODIFIERS):
            return title_text, start
        window = _TOKEN_RE.finditer(self.doc.masked, max(0, start - 120), start)
        tokens = [Token(t.group(), t.start(), t.end()) for t in window]
        j = len(tokens) - 1
        prefix: list[Token] = []

        def adjacent(k: int) -> bool:
            return self.doc.masked[tokens[k].end:prefix[0].start if prefix else start] == " "

        while j >= 0 and adjacent(j) and tokens[j].text.islower() and (
                tokens[j].low in TITLES or tokens[j].low in TITLE_MODIFIERS):
            prefix.insert(0, tokens[j])
            j -= 1
        if not any(t.low in TITLES for t in prefix):
            return title_text, start
        # capitalised words right before a lowercase title belong to it ("Fox News correspondent")
        while j >= 0 and adjacent(j) and tokens[j].text[0].isupper() \
                and (tokens[j].low not in COMMON_CAPS or (  # "Republican National Committee"
                    tokens[j].low in _ORG_OPENERS and prefix[0].text[0].isupper())) and not (
                    tokens[j].text.endswith(".") and not is_abbreviation(tokens[j].text)):
            prefix.insert(0, tokens[j])
            j -= 1
        while j >= 0 and adjacent(j) and tokens[j].low in TITLE_MODIFIERS:
            prefix.insert(0, tokens[j])
            j -= 1
        words = [t.word for t in prefix] + ([title_text] if title_text else [])
        return " ".join(words), prefix[0].start

    def appositive(self, end: int) -> str | None:
        """A role in an appositive after a name: ", deputy director of the X Authority"."""
        if not self.doc.masked.startswith(",", end):
            return None
        m = _APPOSITIVE.match(self.doc.masked[end:end + 160])
        if not m:
            return None
        role = m.group(1).strip()
        words = role.split()
        first = words[0]
        # a role starts with a title word, a capitalised or possessive word ("the union's
        # president"), not a verb ("R-La., defended the president")
        if (first.lower() in TITLES or first.lower() in TITLE_MODIFIERS or first[0].isupper()
                or _POSSESSIVE.search(first)) and any(clean(w).lower() in TITLES
                                                      for w in words[:4]):
            return role
        return None

    def _speech_adjacent(self, start: int, end: int) -> bool:
        """Whether a name is the subject of a speech verb ("Lee said", "Lee, 54, said") or
        follows one ("said Lee")."""
        after = self.doc.masked[end:end + 160]
        appos = _COMMA_APPOSITIVE.match(after) if after.startswith(",") else None
        if appos:
            after = after[appos.end():]
        # "…, Karoline Leavitt, said": a name in an appositive before the verb
        verb = _VERB_AFTER_COMMA if self.doc.masked[max(0, start - 2):start] == ", " \
            else _VERB_AFTER
        m = verb.match(after)
        if m and is_speech(m.group(2)) and all(
                w in ADVERBS or w.endswith("ly") for w in m.group(1).split()):
            return True
        last = lower_word_before(self.doc.masked[max(0, start - 30):start])
        return last is not None and is_speech(last)

    # ---- people ------------------------------------------------------------------------

    def _find_people(self) -> None:
        """Register the article's people (full name, role, gender evidence), then list every
        mention of a person, institution or unnamed person in text order."""
        parsed = []
        full_names: list[str] = []  # two- and three-word names, for surnames seen alone
        for start, shape in self._runs():
            name, title_text, title_start = shape.name, shape.title_text, start
            if name is not None:
                title_text, title_start = self._title_before(start, title_text)
                if shape.cut is not None and (title_text or shape.first_name):
                    name = shape.cut  # "Sen. Chris Coons of Delaware": the place is no name
            parsed.append((start, shape, name, title_text, title_start))
            if name is None or not name.registrable or self.doc.heading_at(start) \
                    or nobody(name.words):
                continue
            if 2 <= len(name.words) <= 3:
                full_names.append(name.key)
            vote = name.vote
            appos = self.appositive(start + name.end)
            # nothing to add to a person already known: no need to look for a speech verb
            if not (title_text or vote or appos or (
                    not shape.possessive and name.key not in self.persons
                    and self._speech_adjacent(start, start + shape.end))):
                continue
            title_words = (title_text or "").split()
            honorifics = [w.lower() for w in title_words if w.lower() in HONORIFICS]
            role = " ".join(w for w in title_words if w.lower() not in HONORIFICS) or None
            person = self.persons.setdefault(name.key, Person(name.key))
            self._by_last = None
            person.role = person.role or role or appos
            person.descr += f" {role or ''} {appos or ''}"
            gender = _noun_gender(title_words + (appos or "").split()[:3])
            if "mr." in honorifics or gender == "m":
                vote -= 3
            if {"mrs.", "ms.", "miss"} & set(honorifics) or gender == "f":
                vote += 3
            person.votes += vote
        self._merge_people(full_names)
        for start, shape, name, title_text, title_start in parsed:
            self._add_mention(start, shape, name, title_text, title_start)
        self._role_mentions()
        self._unnamed_mentions()
        self.mentions.sort(key=lambda m: m.start)
        self.m_starts = [m.start for m in self.mentions]
        self._pronoun_votes()

    def _merge_people(self, full_names: list[str]) -> None:
        """Fold one-word names into the full name they are the surname (or first name) of; a
        speaker known by surname only takes a full name the article writes elsewhere."""
        multi = [p for p in self.persons.values() if len(p.name.split()) > 1]
        for key in [k for k in self.persons if len(k.split()) == 1]:
            full = [p for p in multi if p.name.split()[-1] == key] or [
                p for p in multi if p.name.split()[0] == key]
            if len(full) >= 1:
                short = self.persons.pop(key)
                target = full[0]
                target.votes += short.votes
                target.role = target.role or short.role
                continue
            named = {n for n in full_names if n.split()[-1] == key}
            if len(named) == 1:
                person = self.persons.pop(key)
                person.name = named.pop()
                person.votes += _gender_of_first(person.name.split()[0])
                self.persons[person.name] = person
        self._by_last = None
        for p in multi:  # "Ana Lee" inside "Ana M. Lee": keep the fullest
            for q in multi:
                if p is not q and len(q.name) > len(p.name) and q.name.startswith(
                        p.name.split()[0]) and q.name.endswith(p.name.split()[-1]) \
                        and p.name in self.persons:
                    self.persons.pop(p.name)
                    q.votes += p.votes
                    q.role = q.role or p.role

    def lookup(self, words: Sequence[str]) -> str | None:
        """The person a name or a surname/first name refers to."""
        full = " ".join(words)
        if full in self.persons:
            return full
        by_last = self._by_last
        if by_last is None:
            by_last = self._by_last = {}
            self._by_first = {}
            for p in self.persons.values():
                parts = p.name.split()
                by_last.setdefault(parts[-1], []).append((parts[0], p.name))
                self._by_first.setdefault(parts[0], []).append(p.name)
        cands = [name for first, name in by_last.get(words[-1], ())
                 if len(words) == 1 or first == words[0]]
        if not cands and len(words) == 1:
            cands = list(self._by_first.get(words[0], ()))
        if len(cands) == 1:
            return cands[0]
        if cands:  # two people share a surname: the most recently mentioned
            for m in reversed(self.mentions):
                if m.name in cands:
                    return m.name
            return cands[0]
        return None

    def _add_mention(self, start: int, shape: _NameShape, name: _NameForm | None,
                     title_text: str | None, title_start: int) -> None:
        if name is None:
            return
        possessive = shape.possessive
        end = start + shape.end - shape.period
        key = self.lookup(name.words) if len(name.words) <= 4 else None
        if key is not None:
            # "the Romney campaign": the name qualifies the noun after it, as a title's does
            after = _NOUN_AFTER.match(self.doc.masked, end)
            self.mentions.append(Mention(start, end, "person", key, possessive=possessive,
                                         modifier=bool(after and after.group(1) in _QUALIFIED)))
            # a capitalised run inside the title ("Trump" in "Trump advisor X") is no mention
            for k in range(len(self.mentions) - 2, -1, -1):
                m = self.mentions[k]
                if m.start < title_start:
                    break
                m.modifier = True
        elif _is_org(shape.words) and not title_text:
            inst = " ".join(shape.words)
            self.mentions.append(Mention(start, end, "inst", inst, possessive=possessive))
        else:
            self.mentions.append(Mention(start, end, "other", name.key, possessive=possessive))

    def _role_mentions(self) -> None:
        """"the governor", "the council president", "the mayor's" refer to a titled person."""
        # each person's role words, normalised once
        roles_of = [(p, _norm_role(f"{p.role or ''} {p.descr}").split())
                    for p in self.persons.values()]
        for m in _ROLE_REF.finditer(self.doc.masked):
            # modifiers that are no title word ("four-term") do not narrow the reference
            mods = [w.lower() for w in m.group(1).split()
                    if w[0].isupper() or w.lower() in TITLES]
            head = _norm_role(m.group(2))
            after = self.doc.masked[m.end():m.end() + 2]
            if after[:1] == " " and after[1:2].isupper():
                continue  # "the governor Ana Lee": the name itself is the mention
            cands = [p for p, roles in roles_of
                     if head in roles and all(_norm_role(w) in roles for w in mods
                                              if w not in TITLE_MODIFIERS)]
            if not cands:
                continue
            name = cands[0].name
            if len(cands) > 1:
                for prev in reversed(self.mentions):
                    if prev.start < m.start() and prev.name in {c.name for c in cands}:
                        name = prev.name
                        break
            self.mentions.append(Mention(m.start(), m.end(), "person", name,
                                         possessive=m.group().endswith("s")
                                         and m.group()[-2] in "’'"))

    def _unnamed_mentions(self) -> None:
        """"a woman walking her dog", "a man": people the article never names."""
        taken = {x.start for x in self.mentions}
        for m in _UNNAMED_REF.finditer(self.doc.masked):
            if m.start() in taken:
                continue  # "the congressman" refers to a titled person
            before = self.doc.masked[max(0, m.start() - 3):m.start()]
            prev = next((x for x in reversed(self.mentions)
                         if x.end <= m.start() and x.kind == "person"), None) \
                if before.endswith(", ") else None
            if prev is not None and m.start() - prev.end <= 2:
                # an appositive describing the named person just before: their gender
                person = self.persons[prev.name or ""]
                person.votes += 2 if m.group(1) in FEMALE_NOUNS else -2
                continue
            if m.group().split()[0].lower() == "the" and any(
                    p.role and _norm_role(m.group(1)) in _norm_role(p.role).split()
                    for p in self.persons.values()):
                continue
            self.mentions.append(Mention(m.start(), m.end(), "unnamed",
                                         gender="f" if m.group(1) in FEMALE_NOUNS else "m"))

    def _pronoun_votes(self) -> None:
        """Gender from pronouns: a sentence about one named person (as subject, not a
        possessive), and a he/she later in it or opening the next sentence."""
        by_sentence: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if m.kind == "person":
                by_sentence.setdefault(self.doc.sentence_at(m.start), []).append(m)
        for i, named in by_sentence.items():
            people = {m.name for m in named}
            if len(people) != 1 or all(m.possessive for m in named):
                continue
            first = min(m.end for m in named if not m.possessive)
            he = bool(_HE.search(self.doc.masked, first, self.doc.s_end[i]))
            she = bool(_SHE.search(self.doc.masked, first, self.doc.s_end[i]))
            if i + 1 < len(self.doc.s_start) and self.doc.s_para[i + 1] == self.doc.s_para[i]:
                nxt = self.doc.masked[self.doc.s_start[i + 1]:self.doc.s_start[i + 1] + 4]
                he = he or nxt.startswith("He ")
                she = she or nxt.startswith("She ")
            person = self.persons.get(next(iter(people)) or "")
            if person is not None and he != she:
                person.votes += 1 if she else -1

    # ---- looking mentions up -----------------------------------------------------------

    def recent(self, at: int) -> Iterator[Mention]:
        """Mentions that start before ``at``, the most recent first."""
        for k in range(bisect.bisect_left(self.m_starts, at) - 1, -1, -1):
            yield self.mentions[k]

    def following(self, lo: int) -> Iterator[Mention]:
        """Mentions that start at or after ``lo``, in text order."""
        yield from itertools.islice(self.mentions, bisect.bisect_left(self.m_starts, lo), None)

    def mention_ending(self, end: int) -> Mention | None:
        for m in self.recent(end):
            if m.end == end or (m.end < end and not self.doc.masked[m.end:end].strip(" ’'s")):
                return m
            if m.end < end - 60:
                break
        return None

    def mention_starting(self, start: int) -> Mention | None:
        m = next(self.following(start), None)
        return m if m is not None and m.start == start else None

    def promote(self, m: Mention) -> None:
        """A capitalised name in a speaker's position ("…," Jenkins said) is a person."""
        words = (m.name or "").split()
        if not words or len(words) > 3 or not all(w[0].isupper() for w in words) or \
                nobody(words) or (len(words) == 1 and (
                    words[0].isupper() or words[0].lower() in ORG_WORDS
                    or (words[0].endswith("ing") and words[0].lower() not in FIRST_NAMES
                        and self._starts_sentence(m.start)))):
            # a dateline (WASHINGTON), a shouted word, "Senate" alone, a participle opening
            # the sentence ("Sounding a note of caution, he said") is nobody
            return
        key = self.lookup(words) or " ".join(words)
        self.persons.setdefault(key, Person(key))
        self._by_last = None
        for other in self.mentions:
            if other.kind == "other" and other.name == m.name:
                other.kind, other.name = "person", key


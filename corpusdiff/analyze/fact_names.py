"""People, organisations and places in a sentence: capitalised word runs split by the
gazetteers of :mod:`.fact_words` and the title words and given names of the people layer
(:mod:`.people_words`, with its name rules :func:`.people.title_is_surname` and
:func:`.people.given_name_start`), each person with the title written next to the name; and the
capitalised words no rule placed, decided against the whole corpus. :func:`sentence_facts` runs
the quantities first, then the names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from corpusdiff.analyze.fact_quantities import Claims, Mention, sentence_quantities
from corpusdiff.analyze.fact_words import (
    ABBREV_DOT,
    ALLCAPS_WORDS,
    CAP_STOPS,
    CONNECTORS,
    DEMONYM_ENDINGS,
    KEEP_LOWER,
    NOT_PLACES,
    ORG_HEADS,
    ORG_NOISE,
    ORG_SUFFIXES,
    ORG_WORDSETS,
    PHRASE_MAX,
    PHRASES,
    PHRASES_1,
    PLACE_PREPS,
    PLACE_SUFFIXES,
    RANK_WORDS,
    REGION_ADJECTIVES,
    TOWN_INSTITUTIONS,
)
from corpusdiff.analyze.people import given_name_start, title_is_surname
from corpusdiff.analyze.people_words import CONNECTORS as NAME_CONNECTORS
from corpusdiff.analyze.people_words import (
    FACT_TITLES,
    FIRST_NAMES,
    HONORIFICS,
    MODIFYING_TITLES,
    ROLE_MODIFIERS,
    WEAK_TITLES,
)
from corpusdiff.analyze.shared_words import NAME_SUFFIXES, NOT_PEOPLE
from corpusdiff.analyze.speech_verbs import SPEECH

#: the first words of the PHRASES of two words or more
_PHRASE_FIRSTS = frozenset(key[0] for key in PHRASES if len(key) > 1)

#: words that end organisation and place names ("Islamic State", "Atlantic City", "Obama White
#: House"), and words that are nobody's name ("Americans", "Democrats", "I'm"): such a run is
#: no person, and such a word alone is nobody's surname
_NOT_SURNAMES = ORG_SUFFIXES | ORG_HEADS | PLACE_SUFFIXES | NOT_PLACES | NOT_PEOPLE | {
    "doctrine", "act", "amendment", "era", "plan"}  # "the Bush Doctrine"


class _Token:
    """A word of a sentence; ``text``/``end`` leave out a possessive "'s"."""

    __slots__ = ("acronym", "cap", "end", "full_end", "low", "org", "start", "text", "title")

    def __init__(self, start: int, word: _WordInfo) -> None:
        self.text, self.low, self.cap, n, full, self.title, self.acronym, self.org = word
        self.start, self.end, self.full_end = start, start + n, start + full


#: a word of a sentence (what _CANDIDATE_RE's group 1 reads)
_WORD = r"[^\W_][\w&’'.\u2010\u2011-]*"

#: the length after which _prefix_pattern stops telling KEEP_LOWER words apart: building and
#: compiling the pattern is most of this module's import (the whole words: 15 ms of import with
#: its bytecode cached; cut at 4 characters: 7 ms, for 94,000 candidate words instead of 82,500
#: on 300 real articles, each extra one a cache look-up in _tokens)
_PREFIX_DEPTH = 4


def _prefix_pattern(words: list[str], depth: int) -> str:
    """A regex alternation nested by common prefix (the re module tries the branches of a flat
    alternation one by one) that matches each of ``words`` and, for a word longer than
    ``depth`` characters, anything that opens with its first ``depth`` (a superset)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word[:depth]:
            node = node.setdefault(ch, {})
        node["" if len(word) <= depth else "*"] = {}

    def walk(node: dict[str, dict]) -> str:
        if "*" in node:  # a cut word: anything may follow (a category, quick to compile)
            return r"\S*"
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(trie)


# the words that _tokens may keep, found without a Python step per word: a word (group 1)
# after the run of non-word characters that opens its stretch, when it starts with anything
# but a lower-case ASCII letter or a digit, or may be a KEEP_LOWER word with trailing dots,
# apostrophes or hyphens (_prefix_pattern). A superset: _tokens checks each one as before.
_CANDIDATE_RE = re.compile(
    r"(?<![\w&’'.\u2010\u2011-])[_&’'.\u2010\u2011-]*"
    r"(?=[^\W\da-z_]|" + _prefix_pattern(sorted(KEEP_LOWER), _PREFIX_DEPTH)
    + r"[.’'-]*(?![\w&’'.\u2010\u2011-]))"
    "(" + _WORD + ")")


#: what a token reads of its word: text, lower-case text, capitalised, length of the text,
#: length with a possessive "'s", a title word (:func:`_is_title`), an acronym (_ACRONYM_RE),
#: an organisation on its own (a gang "MS-13" or a call sign "WMBK-TV")
_WordInfo = tuple[str, str, bool, int, int, bool, bool, bool]


def _word_token(word: str) -> _WordInfo | None:
    """How :func:`_tokens` keeps a candidate ``word`` (see ``_WordInfo``), or None when it is
    left out."""
    if not word[0].isupper() and (
            word.rstrip(".’'-") if word[-1] in ".’'-" else word) not in KEEP_LOWER:
        return None
    if word[-1] in "’'-.":
        if word.endswith(".."):
            word = word.rstrip(".")
        elif word[-1] == "." and "." not in word[:-1] and len(word) > 2 \
                and word[:-1].lower() not in ABBREV_DOT:
            word = word[:-1]
        elif word[-1] in "’'" and len(word) > 1 and word[-2] not in "sS":
            word = word[:-1]  # a closing single quote
        elif word[-1] == "-":
            word = word.rstrip("-")
    full = len(word)
    if word.endswith(("’s", "'s")) and len(word) > 2:
        word = word[:-2]
    elif word.endswith(("s’", "s'")) and word[:1].isupper():
        word = word[:-1]
    low = word.lower()
    org = bool((_GANG_RE.fullmatch(word) and word != "COVID-19") or _CALL_SIGN_RE.fullmatch(word))
    return (word, low, word[:1].isupper(), len(word), full, _is_title(low),
            _ACRONYM_RE.fullmatch(word) is not None, org)


# names and function words repeat across a corpus: each distinct candidate word is read once
_WORD_TOKENS: dict[str, _WordInfo | None] = {}
_WORD_TOKENS_MAX = 200_000


def _tokens(text: str) -> list[_Token]:
    """Capitalised words, and the lower-case words a rule reads (titles, connectors, reporting
    verbs), with inner periods, apostrophes and hyphens ("U.S.", "O’Brien", "MS-13"); a
    sentence's final period is cut off, an abbreviation's kept. Two tokens are neighbours only
    when a single space separates them, so a word left out still separates its neighbours."""
    out = []
    cache = _WORD_TOKENS
    for m in _CANDIDATE_RE.finditer(text):
        word = m.group(1)
        try:
            info = cache[word]
        except KeyError:
            if len(cache) >= _WORD_TOKENS_MAX:
                cache.clear()
            info = cache[word] = _word_token(word)
        if info is not None:
            start = m.start(1)
            out.append(_Token(start, info))
    return out


def _is_title(low: str) -> bool:
    """A title word, singular or plural ("Councilmembers")."""
    return low in FACT_TITLES or (low.endswith("s") and low[:-1] in FACT_TITLES)


# three all-caps words; the pattern opens with a character class (the word boundary is a
# lookbehind after the first letter) so that the re module skips to the capitals
_LETTER = re.compile(r"[^\W\d_]")
_SHOUT_RE = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+\W+[A-Z]{2,}\b")


def _shouting(text: str, tokens: list[_Token]) -> set[int]:
    """Indexes of tokens in a run of three or more all-caps words (a shouted label), or of two
    that are both longer than most acronyms ("WITCH HUNT")."""
    out: set[int] = set()
    if not _SHOUT_RE.search(text):
        return out
    runs: list[list[int]] = [[]]
    for i, t in enumerate(tokens):
        if not (t.text.isupper() and len(t.text) > 1 and t.text.isalpha()):  # (not "U.S.")
            runs.append([])
            continue
        # the tokens are the sentence's capitalised words: a run has no other word between
        if runs[-1] and _LETTER.search(text, tokens[runs[-1][-1]].end, t.start):
            runs.append([])
        runs[-1].append(i)
    for run in runs:
        if len(run) >= 3 or (len(run) == 2 and all(
                len(tokens[x].text) >= 4 and tokens[x].low not in PHRASES_1
                and tokens[x].low not in FIRST_NAMES for x in run)
                and max(len(tokens[x].text) for x in run) >= 5
                and tuple(tokens[x].low for x in run) not in PHRASES):
            out.update(run)  # (not "NEW YORK", "MEXICO CITY": a dateline)
    return out


_WORD_START = re.compile(r"\b(?!(?:the|of|for|a|an|and|at|in|on|to|with)\b)[A-Za-z]")


def _title_case(text: str) -> bool:
    """Headline style: most words (function words aside) capitalised."""
    starts = _WORD_START.findall(text)
    caps = sum(c.isupper() for c in starts)
    return len(starts) >= 4 and caps >= 0.7 * len(starts)


_POSSESSIVE_END = re.compile(r"[’']s$")
_THE_START = re.compile(r"^(?:the|The)\s+")
_ACRONYM_KEY = re.compile(r"[A-Z]{2,6}(?:[\u2010-\u2015-]\d+)?")
_US_START = re.compile(r"^U\.S\.\s+")
_INITIAL = re.compile(r"[A-Z]\.")
#: an acronym of three letters or more written with periods
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){3,}")
_SPACES = re.compile(r"\s+")
#: a word shaped like a name: a capital, then a lower-case letter or an apostrophe and a
#: capital ("Schultz", "McLane", "O'Rourke"; not "T-shirts")
_NAME_SHAPE = re.compile(r"[A-Z](?:[^\W\dA-Z_]|['’][A-Z])")
#: the capitalised word right after a name
_NEXT_WORD = re.compile(r"[ \u00a0]([A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*)")
#: the first two words of a name
_TWO_WORDS = re.compile(r"\S+\s+\S+")


def _org_key(name: str) -> str:
    """Canonical key of an organisation name: a known acronym where one exists."""
    clean = _POSSESSIVE_END.sub("", name.strip())
    clean = _THE_START.sub("", clean)
    if _ACRONYM_KEY.fullmatch(clean):
        return clean.replace("\u2011", "-")
    words = frozenset(w for w in clean.lower().split() if w not in ORG_NOISE)
    if words in ORG_WORDSETS:
        return ORG_WORDSETS[words]
    clean = _US_START.sub("", clean)
    return " ".join(w.capitalize() if w.islower() and w not in ORG_NOISE else w
                    for w in clean.split())


def _role_before(tokens: list[_Token], i: int, text: str) -> tuple[int, int] | None:
    """The span of the title written right before token ``i`` ("DHS Secretary", "Los Angeles
    Mayor", "former Trump advisor"), or None."""
    j = i - 1
    if j < 0 or text[tokens[j].full_end:tokens[i].start] not in (" ", "\u00a0"):
        return None
    if not tokens[j].title or tokens[j].low in MODIFYING_TITLES \
            or tokens[j].full_end != tokens[j].end:
        return None
    first = j
    k = j - 1
    while k >= 0 and i - k <= 7:
        gap = text[tokens[k].full_end:tokens[k + 1].start]
        if gap not in (" ", "\u00a0"):
            break
        t = tokens[k]
        if t.low in FACT_TITLES or t.low in ROLE_MODIFIERS or (
                t.cap and t.low not in CAP_STOPS and t.full_end == t.end):
            first = k
        elif not (t.low in ("of", "for", "and", "&") and k > 0 and (
                tokens[k - 1].low in ORG_HEADS or tokens[k - 1].title)):
            break  # "Oregon Department of Environmental Quality spokesman"
        k -= 1
    return tokens[first].start, tokens[j].end


_APPOS_HEAD = re.compile(r",\s+(?:(?:the|a|an|then)\s+)?", re.I)
#: the words that lead from a role to the person it serves ("an adviser to ...")
_ROLE_PREPS = frozenset("to for with under at by of from".split())
_APPOS_END = re.compile(  # (not the period of an initial or an honorific: "a former C.I.A.
    # director", "chairman of Mr. Obama's council")
    r"[,;:()“”\"—–]|(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)\.(?:\s|$)"
    r"|\s(?:said|says|told|who|which|added)\b")


def _role_after(text: str, end: int) -> tuple[int, int] | None:
    """The appositive title after a name ending at ``end``: ", assistant director for ICE's
    Office of Public Affairs," -> its span, when a title word opens it."""
    m = _APPOS_HEAD.match(text, end)
    if not m:
        return None
    start = m.end()
    stop = _APPOS_END.search(text, start)
    role = text[start:stop.start() if stop else len(text)].strip()
    words = role.split()
    if not words or len(words) > 14 or not any(_is_title(w.lower().rstrip(".,"))
                                               for w in words[:4]):
        return None
    # the next name of a list with its own title ("Barack Obama, former Secretary of State
    # Hillary Clinton, ..."): a name no preposition leads to ("an adviser to President Barack
    # Obama" is a role)
    lead = None  # the last word before the name that is no title ("of former president")
    for i, w in enumerate(words):
        low = w.lower()
        if not w[0].isupper():
            inside = low in ("of", "and") and i > 0 and words[i - 1][0].isupper()
            if not (inside or low in ("the", "a", "an") or _is_title(low)
                    or low in RANK_WORDS):
                lead = low
            continue
        if low in FIRST_NAMES and i + 1 < len(words) and words[i + 1][0].isupper() \
                and lead not in _ROLE_PREPS and not any(  # "Senator Ted Cruz's wife"
                    _POSSESSIVE_END.search(x) for x in words[i + 1:i + 3]):
            return None
    return start, start + len(role.rstrip(". "))


# compared by identity, never printed: no generated __eq__/__repr__ (a cheaper import)
@dataclass(eq=False, repr=False)
class Pending:
    """Capitalised words no rule placed: decided against the whole corpus. A word is a person
    when it is the surname of a full name found anywhere; the stretch is a person's full name
    when its last word is used alone as a speaker or with a title elsewhere ("Lena Marsh" and
    "Marsh said"); after "in", "from" or "near" it is a place ("in Port Alder")."""

    #: (start, end, word) of each word
    words: list[tuple[int, int, str]]
    #: the title right before the first word, if any
    role_span: tuple[int, int] | None
    #: a title or an honorific ("Mr.") stands right before the first word
    titled: bool
    #: a reporting verb stands right before or after the stretch ("Marsh said")
    speech: bool
    #: a preposition of place stands right before the stretch
    after_prep: bool
    #: in a headline or a title-cased line, where every word is capitalised
    strict: bool = False


#: a name made an adjective of ("Clinton-backing", "Republican-controlled"): no part of the
#: organisation after it
_BACKING = re.compile(r"-(?:[a-z]+ing|[a-z]+ed|run|led|backed|owned)$")
#: a capital inside a word ("WikiLeaks", "YouTube"; not "McCain", "DeSantis", "O'Neill")
_CAMEL = re.compile(r"\b(?!Mc|Mac|De|La|Le|Di|Da|Van|Von|O')[A-Z][a-z]+[A-Z]")
#: first words of a place's name, never of a person's ("Fort Pierce", "Mount Vernon")
PLACE_OPENERS = frozenset(("fort", "mount", "mt.", "port", "lake", "camp"))
#: what a title is "of" ("Chief of Staff", "Secretary of State"): no part of the name after it
_TITLE_OBJECTS = frozenset(("staff", "state", "defense", "justice", "labor", "commerce",
                            "energy", "education", "agriculture", "transportation", "treasury",
                            "interior", "health", "housing", "homeland", "police", "naval",
                            "operations", "security", "affairs", "human", "services",
                            "veterans", "urban", "development"))
#: party words that make a chamber after them the party's ("GOP Senate"), not a name
_PARTY_WORDS = frozenset(("gop", "republican", "republicans", "democratic", "democrat",
                          "democrats"))
_CHAMBERS = frozenset(("senate", "house", "congress", "legislature"))
_GANG_RE = re.compile(r"[A-Z]{2,5}[\u2010-\u2015-]\d{1,3}")
_CALL_SIGN_RE = re.compile(r"[KW][A-Z]{2,3}-(?:TV|FM|AM|DT)")
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,4}")


class _Names:
    """People, organisations and places in one sentence, plus lone capitalised words."""

    def __init__(self, text: str, claims: Claims, tokens: list[_Token], strict: bool) -> None:
        self.text, self.claims, self.tokens, self.strict = text, claims, tokens, strict
        self.out: list[Mention] = []
        self.pending: list[Pending] = []
        #: tokens that are title words but a surname here ("Gov. Jim Justice", "Mr. King")
        self.surnames: set[int] = set()
        n = len(tokens)
        # a single space or no-break space between two tokens, no "'s" on the first
        self.joined = [
            a.full_end == a.end and b.start - a.end == 1 and text[a.end] in " \u00a0"
            for a, b in pairwise(tokens)
        ] + [False]
        # words already taken by a date or a number, and shouted labels, are no names
        shout = _shouting(text, tokens)
        if spans := claims.spans:  # what claims.free tells, without a call per token
            shout |= {x for x, t in enumerate(tokens) for s, e in spans
                      if t.end > s and t.start < e}
        i = 0
        while i < n:
            t = tokens[i]
            if i in shout or not t.cap:
                i += 1
            elif t.org or (
                    t.text == "X" and i > 0 and tokens[i - 1].low == "on" and self.joined[i - 1]):
                self.emit(i, i + 1, "organization", _org_key(t.text))  # "MS-13", "WMBK-TV"
                i += 1
            else:
                j = self.run_end(i, shout)
                # ("the George W. Bush administration" names a person in full: the person)
                if j < n and tokens[j].low == "administration" and self.joined[j - 1] \
                        and tokens[j - 1].low not in CAP_STOPS \
                        and not (j - 1 > i and tokens[i].low in FIRST_NAMES):
                    self.emit(j - 1, j + 1, "organization", _org_key(
                        text[tokens[j - 1].start:tokens[j].end]))  # "the Trump administration"
                    end = j - 1
                else:
                    end = j
                if end - i >= 2:
                    self.find_surnames(i, end)
                k = i
                while k < end:
                    k = self.classify(k, end)
                i = j

    def find_surnames(self, i: int, j: int) -> None:
        """Mark the title word that ends the run ``[i, j)`` when it is a surname here
        (:func:`.people.title_is_surname`, the rule the quotes' speakers follow too: only a
        run's last word may be one)."""
        tokens = self.tokens
        if j - i >= 2 and tokens[j - 1].title and title_is_surname(
                (tokens[j - 2].low, tokens[j - 1].low), 1):
            self.surnames.add(j - 1)

    def titled(self, k: int) -> bool:
        """Token ``k`` is a title word and no surname."""
        return self.tokens[k].title and k not in self.surnames

    def run_end(self, i: int, shout: set[int]) -> int:
        """End of the capitalised run from ``i``: capitalised words joined by single spaces,
        with connectors ("of", "and") between two of them."""
        tokens, n, j = self.tokens, len(self.tokens), i + 1
        while j < n and self.joined[j - 1]:
            word = tokens[j].cap and j not in shout
            connector = tokens[j].low in CONNECTORS and self.joined[j] and j + 1 < n \
                and tokens[j + 1].cap
            if not (word or connector):
                break
            j += 1
        return j

    def emit(self, i: int, j: int, kind: str, value: str, unit: str | None = None) -> None:
        s, e = self.tokens[i].start, self.tokens[j - 1].end
        if self.claims.free(s, e):
            self.claims.take(s, e)
            self.out.append(Mention(s, e, kind, self.text[s:e], value, unit=unit, entity=value))

    def span(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start:self.tokens[j - 1].end]

    def classify(self, k: int, j: int) -> int:
        """Classify what starts at token ``k`` of a run ending at ``j``; the next position."""
        tokens = self.tokens
        tk = tokens[k]
        if not tk.cap:
            return k + 1
        if j - k > 1 and _BACKING.search(tk.text):
            return k + 1  # "Clinton-backing Senate", "Republican-controlled Congress"
        # a word alone is no organisation or place name by its suffix
        end = (self.head_of(k, j) or self.suffixed(k, j)) if j - k > 1 else 0
        if end and (known := PHRASES.get(tuple(t.low for t in tokens[k:end]))):
            # a known name the suffix would misread: "Long Beach" is a city, "Oval Office" a room
            kind, value, ptype = known
            self.emit(k, end, kind, value or _org_key(self.span(k, end)), ptype or None)
            return end
        if end:
            last = tokens[end - 1].low
            if last in PLACE_SUFFIXES and last not in ORG_SUFFIXES:
                self.emit(k, end, "place", self.span(k, end), "site")
            else:
                self.emit(k, end, "organization", _org_key(self.span(k, end)))
            return end
        for size in range(min(PHRASE_MAX, j - k) if tk.low in _PHRASE_FIRSTS else 0, 1, -1):
            # "Los Angeles", "White House"
            key = tuple(tokens[x].low for x in range(k, k + size))
            if key in PHRASES and all(self.joined[x] for x in range(k, k + size - 1)):
                kind, value, ptype = PHRASES[key]
                self.emit(k, k + size, kind, value or _org_key(self.span(k, k + size)),
                          ptype or None)
                return k + size
        if tk.low in CAP_STOPS or (tk.title and k not in self.surnames) or tk.low in HONORIFICS:
            return k + 1
        if tk.acronym and tk.low not in ALLCAPS_WORDS:
            if tk.low in PHRASES_1:  # "L.A.", "U.S."
                kind, value, ptype = PHRASES[(tk.low,)]
                self.emit(k, k + 1, kind, value, ptype or None)
            elif "." not in tk.text and not (k == 0 and self.text.startswith(":", tk.end)):
                # (a transcript's speaker tag, "TAPPER: ...", names no organisation)
                self.emit(k, k + 1, "organization", _org_key(tk.text))
            elif _DOTTED_ACRONYM.fullmatch(tk.text) and tk.low.replace(".", "") \
                    not in ALLCAPS_WORDS:  # "F.B.I." is the FBI ("R.I." no one)
                self.emit(k, k + 1, "organization", tk.text.replace(".", ""))
            return k + 1
        return self.person(k, j)

    def head_of(self, k: int, j: int) -> int:
        """"Department of Justice", "Office of Public Affairs": the end, or 0."""
        tokens = self.tokens
        if tokens[k].low not in ORG_HEADS or k + 2 >= j or tokens[k + 1].low not in (
                "of", "for", "on"):
            return 0
        e = k + 3  # the first word after "of" may be a title word: "Department of Justice"
        while e < j and tokens[e].low not in FACT_TITLES and not (
                tokens[e].low == "and" and ((e + 1 < j and tokens[e + 1].low in ORG_HEADS)
                                            or self.person_after(e, j))):
            e += 1
        while not tokens[e - 1].cap:
            e -= 1
        return e if e > k + 2 else 0

    def person_after(self, e: int, j: int) -> bool:
        """A person's name (a given name and a capitalised word) follows the "and" at ``e``:
        "Court of Appeals and Henry E. Hudson" are two names."""
        tokens = self.tokens
        return e + 2 < j and tokens[e + 1].low in FIRST_NAMES and tokens[e + 2].cap

    def suffixed(self, k: int, j: int) -> int:
        """"Los Angeles Police Department", "Immigration and Customs Enforcement", "MacArthur
        Park": the end of the longest stretch from ``k`` whose last word is an organisation or
        place word, or 0."""
        tokens = self.tokens
        best = 0
        e = k
        joined_by_and = False
        if tokens[k].low in _PARTY_WORDS and k + 1 < j and tokens[k + 1].low in _CHAMBERS:
            return 0  # "a GOP Senate majority", "Republican House Speaker": the party's chamber
        while e < j:
            t = tokens[e]
            if (t.low in FACT_TITLES and t.low not in WEAK_TITLES) or (
                    t.cap and t.low in CAP_STOPS):
                break
            if e > k and t.low in ORG_HEADS and e + 1 < j and tokens[e + 1].low in ("of", "for"):
                break
            if t.low in ("and", "of") and e - k >= 2 and (
                    tokens[e - 2].low in FIRST_NAMES or (
                        e - k >= 3 and tokens[e - 3].low in FIRST_NAMES
                        and _INITIAL.fullmatch(tokens[e - 2].text))) \
                    and tokens[e - 1].low not in ORG_SUFFIXES | PLACE_SUFFIXES:
                break  # "John Bolton and Breitbart News", "Joe Arpaio of Maricopa County",
                # "Henry E. Hudson of Federal District Court"
            if t.low == "and":
                before = tokens[e - 1].low
                if before in ORG_SUFFIXES or before in PLACE_SUFFIXES \
                        or tokens[e - 1].acronym or before in PHRASES_1 \
                        or (before in NOT_PEOPLE and before not in _CHAMBERS) \
                        or (e - k >= 2 and e + 1 < j and tokens[e + 1].low in _CHAMBERS) \
                        or self.person_after(e, j):
                    break  # "ICE and Border Patrol", "Maryland and Rhode Island", "Democrats
                    # and Senate Republicans", "the Foreign Relations and Senate Armed
                    # Services committees": two names
                joined_by_and = True
            if t.cap and (t.low in ORG_SUFFIXES or t.low in PLACE_SUFFIXES) and e > k:
                best = e + 1
            e += 1
        # no place name holds "and" ("Revel and Trump Plaza" is a casino and a place)
        if best and joined_by_and and tokens[best - 1].low not in ORG_SUFFIXES:
            return 0
        return best

    def speech_near(self, i: int, j: int) -> bool:
        """A reporting verb right before token ``i`` or right after token ``j - 1``."""
        tokens = self.tokens
        return (i > 0 and self.joined[i - 1] and tokens[i - 1].low in SPEECH) or (
            j < len(tokens) and self.joined[j - 1] and tokens[j].low in SPEECH)

    def name_size(self, k: int, size: int) -> int:
        """How many of the ``size`` (> 2) capitalised words from the given name at ``k`` are
        the name: given name and surname, with a middle initial ("Donald J. Trump") or, outside
        headlines, a third name when no other capitalised word follows ("Debbie Wasserman
        Schultz", "Ruth Bader Ginsburg"; in a headline the third word is often a verb:
        "Bernie Sanders Meets"), then a suffix ("Martin Luther King Jr.")."""
        tokens = self.tokens
        third = tokens[k + 2].low
        n = 3 if _INITIAL.fullmatch(tokens[k + 1].text) or (
            not self.strict and third not in _NOT_SURNAMES and third not in NAME_SUFFIXES
            and _NAME_SHAPE.match(tokens[k + 2].text)
            and (size == 3 or tokens[k + 3].low in NAME_SUFFIXES)) else 2
        return n + 1 if n < size and tokens[k + n].low in NAME_SUFFIXES else n

    def person(self, k: int, j: int) -> int:
        """A person's name of up to three words at ``k``, or lone capitalised words."""
        tokens, text = self.tokens, self.text
        tk = tokens[k]
        m_end = k
        while m_end + 1 < j and self.joined[m_end] and tokens[m_end + 1].cap \
                and tokens[m_end + 1].low not in CAP_STOPS \
                and (tokens[m_end + 1].low not in FACT_TITLES or m_end + 1 in self.surnames) \
                and (tokens[m_end + 1].low not in PHRASES_1  # "Jim Jordan" is no country
                     or (m_end == k and tk.low in FIRST_NAMES)) \
                and not tokens[m_end + 1].acronym:
            m_end += 1
        size = m_end - k + 1
        if size >= 2 and tk.low in NOT_PEOPLE and tk.low not in PHRASES_1:
            return k + 1  # "Democrat Zephyr Teachout": the party word is no part of the name
        if size == 2 and tk.low in PLACE_OPENERS:  # "the Fort Pierce mosque"
            self.emit(k, k + 2, "place", self.span(k, k + 2), "site")
            return k + 2
        if size >= 3 and tk.low in _TITLE_OBJECTS and k >= 2 and tokens[k - 1].low == "of" \
                and self.joined[k - 1] and self.joined[k - 2] and self.titled(k - 2):
            x = k + 1  # "Chief of Staff Rahm Emanuel": the title's own words
            while x < m_end - 1 and tokens[x].low in _TITLE_OBJECTS:
                x += 1  # "Secretary of Homeland Security Jeh Johnson"
            return x
        first_name = tk.low in FIRST_NAMES
        # "State Hillary Clinton": the name opens at its given name (not in headlines, where
        # every word is capitalised: "Trevor Noah Says", nor right after a title: "Gov. Earl Ray
        # Tomblin")
        if size >= 3 and not first_name and not self.strict and tk.low not in PHRASES_1 \
                and not (k > 0 and self.joined[k - 1] and tokens[k - 1].title):
            start = given_name_start([tokens[x].low for x in range(k, k + size)])
            if start:
                return k + start
        if first_name and size > 2:
            size = self.name_size(k, size)
        # a title needs a title word right before (what _role_before checks first)
        role = _role_before(tokens, k, text) if k > 0 and self.joined[k - 1] \
            and tokens[k - 1].title else None
        honorific = k > 0 and tokens[k - 1].low in HONORIFICS and self.joined[k - 1]
        if size >= 2 and tk.low not in PHRASES_1 and (first_name or (
                not self.strict and size <= 3
                and tokens[k + size - 1].low not in _NOT_SURNAMES and (
                    role is not None or honorific or self.speech_near(k, k + size)
                    or _role_after(text, tokens[k + size - 1].end) is not None))):
            e = tokens[k + size - 1].end
            after = _role_after(text, e)
            span = after if after and (role is None or after[1] - after[0] > role[1] - role[0]) \
                else role
            if self.claims.free(tk.start, e):
                self.claims.take(tk.start, e)
                name = " ".join(tokens[x].text for x in range(k, k + size))
                self.out.append(Mention(tk.start, e, "person", text[tk.start:e],
                                        _person_key(name), role_span=span))
            return k + size
        if tk.low in PHRASES_1 and (tk.low != "us" or tk.text == "US"):  # "Ghana", "Texas"
            kind, value, ptype = PHRASES[(tk.low,)]
            self.emit(k, k + 1, kind, value or _org_key(tk.text), ptype or None)
            return k + 1
        if k + size < len(tokens) and self.joined[k + size - 1] \
                and self.titled(k + size):
            return k + size  # part of a title: "Fire" in "Deputy Fire Chief Dana Whitaker"
        # classify has left a stop word or a title word at k to itself
        words = [(tk.start, tk.end, tk.text)] if size == 1 else [
            (tokens[x].start, tokens[x].end, tokens[x].text) for x in range(k, k + size)
            if tokens[x].low not in CAP_STOPS and not self.titled(x)]
        after_prep = (not self.strict and k > 0 and tokens[k - 1].low in PLACE_PREPS
                      and self.joined[k - 1] and tk.low not in NOT_PLACES
                      and not (size == 1 and (tk.low.endswith(DEMONYM_ENDINGS)
                                              or tk.low in REGION_ADJECTIVES))
                      # "among Democrats", "from Medicare", "for American Jews"
                      and not any(tokens[x].low in NOT_PEOPLE for x in range(k, k + size)))
        if words:
            self.pending.append(Pending(
                words, role, role is not None or honorific, self.speech_near(k, k + size),
                after_prep, self.strict))
        return k + size


def _person_key(name: str) -> str:
    """A person's key: the name with one kind of apostrophe and single spaces."""
    return _SPACES.sub(" ", name.replace("’", "'")).strip()


def is_strict(text: str, kind: str) -> bool:
    """A headline or a title-cased line: every word capitalised, only sure names count."""
    return kind == "headline" or (
        not text.rstrip().endswith((".", "”", '"', "’", "'")) and _title_case(text))


def trim_headline_orgs(mentions: list[tuple[str, int, Mention]],
                       strict: set[tuple[str, int]]) -> list[tuple[str, int, Mention]]:
    """``mentions`` with each organisation of a headline (``strict``: the (article, sentence)
    of headlines and title-cased lines) that no other sentence names cut to the longest end
    of it that one does: "Trump Attacks Justice Department" is the Justice Department, "Drop
    Out of Senate" the Senate (every word of a headline is capitalised, its verbs too)."""
    known = {m.value for a, i, m in mentions
             if m.kind == "organization" and (a, i) not in strict}
    out = []
    for article, index, m in mentions:
        if m.kind == "organization" and (article, index) in strict and m.value not in known:
            words = list(re.finditer(r"\S+", m.text))
            for w in words[1:]:
                key = _org_key(m.text[w.start():])
                if key in known:
                    m = Mention(m.start + w.start(), m.end, m.kind, m.text[w.start():], key,
                                m.unit)
                    break
        out.append((article, index, m))
    return out


def sentence_facts(text: str, strict: bool, numbers: bool = True
                   ) -> tuple[list[Mention], list[Pending]]:
    """The mentions of one sentence, quantities first (they claim their words), and the
    capitalised words left for the corpus to decide. ``strict``: a headline or a title-cased
    line (:func:`is_strict`), where only sure names count; ``numbers`` False: the sentence
    does not match :data:`.fact_quantities.MAY_HOLD_NUMBER`."""
    claims = Claims()
    quantities = sentence_quantities(text, claims, numbers)
    tokens = _tokens(text)
    names = _Names(text, claims, tokens, strict)
    return quantities + names.out, names.pending


def _town_of(name: str) -> str | None:
    """The town an institution is named after, if its name says so."""
    if not name.endswith(TOWN_INSTITUTIONS):
        return None
    for suffix in TOWN_INSTITUTIONS:
        if name.endswith(suffix):
            head = name[:-len(suffix)]
            words = head.split()
            return head if 1 <= len(words) <= 2 and all(w[0].isupper() for w in words) \
                else None
    return None


def decide_pending(mentions: list[tuple[str, int, Mention]],
                   pending: list[tuple[str, int, Pending]],
                   lowercase: Callable[[set[str]], set[str]] = lambda _w: set(),
                   ) -> list[tuple[str, int, Mention]]:
    """People and places among the capitalised words no sentence-level rule placed.

    A capitalised word that is the surname of a full name elsewhere is that person; when the
    corpus mostly writes the word in lower case (``lowercase``: those of the given words it
    does), only a full name of the same article makes it one ("So Long, Grand Old Party" is
    not Wendy Long, "Key economic reforms" not Pam Key)."""
    # a lone word next to a speech verb or a title is somebody's surname ("State said" is not)
    speakers = {p.words[0][2] for _a, _i, p in pending
                if len(p.words) == 1 and (p.speech or p.titled)
                and p.words[0][2].lower() not in _NOT_SURNAMES}
    towns = {t for _a, _i, m in mentions if m.kind in ("organization", "place")
             and (t := _town_of(m.text))}
    full = {m.value for _a, _i, m in mentions
            if m.kind == "person" and m.value and " " in m.value}
    named = {(a, _last_name(m.value)) for a, _i, m in mentions
             if m.kind == "person" and m.value in full}
    surnames = {_last_name(v) for v in names_for_other_articles(full, lowercase)}
    out: list[tuple[str, int, Mention]] = []
    rest: list[tuple[str, int, Pending]] = []
    # "Derelict Obama", "Maybe Trump": a word the corpus writes in lower case opens no name
    plain = lowercase({p.words[0][2] for _a, _i, p in pending
                       if 2 <= len(p.words) <= 3 and p.words[-1][2] in speakers})
    for article, index, p in pending:
        # the name opens at its given name: "Defeat Donald Trump" in a headline
        first = given_name_start([w[2].lower() for w in p.words])
        # in a headline only a given name opens one ("Senate Overrides Obama's Veto")
        if 2 <= len(p.words) <= 3 and p.words[0][2].lower() not in PLACE_OPENERS \
                and p.words[-1][2] in speakers and all(
                b[0] - a[1] == 1 for a, b in pairwise(p.words)) and (
                first or p.words[0][2].lower() in FIRST_NAMES
                or (p.words[0][2] not in plain and not p.strict)):
            words = p.words[first:]
            start, end = words[0][0], words[-1][1]
            name = " ".join(w[2] for w in words)
            out.append((article, index, Mention(start, end, "person", name, _person_key(name),
                                                role_span=None if first else p.role_span)))
            surnames.add(p.words[-1][2])
        else:
            rest.append((article, index, p))
    common = lowercase({w for _a, _i, p in rest for _s, _e, w in p.words if w in surnames})
    given_names: dict[str, set[str]] = {}
    for name in full:
        given_names.setdefault(name.split()[0], set()).add(name)
    for article, index, p in rest:
        found = False
        # the words before "State" or "House" name it ("Sunshine State", "Obama White House"):
        # a surname there only when the article names that person in full
        named_only = p.words[-1][2].lower() in _NOT_SURNAMES
        for x, (start, end, word) in enumerate(p.words):
            # the article's own full name makes its lone surname that person, even where
            # the surname is a given name too, when it speaks or has a title somewhere
            # ("Deval Patrick", then "Patrick said")
            as_surname = word.lower() not in _NOT_SURNAMES and (
                (word in surnames and word not in common and not named_only)
                or ((article, word) in named and (word in surnames or word in speakers)))
            if as_surname or (
                    # (a headline's word after a title may be its verb: "Representative
                    # Apologizes for Criticizing Iowa Senator"; a surname ending so is
                    # known from elsewhere)
                    x == 0 and len(p.words) == 1 and p.titled and word.isalpha()
                    and not (p.strict and word.endswith("s"))):
                name = key = word
                if x + 1 < len(p.words) and p.words[x + 1][2].lower() in NAME_SUFFIXES \
                        and p.words[x + 1][0] - end == 1:  # "Trump Jr." is the son
                    end, name = p.words[x + 1][1], f"{word} {p.words[x + 1][2]}"
                    key = name
                elif not as_surname and word.lower() in FIRST_NAMES:
                    # "Sheriff Joe": a given name after a title is the corpus's one full
                    # name that opens with it, else nobody the facts can name
                    given = given_names.get(word, ())
                    if len(given) != 1:
                        continue
                    key = next(iter(given))
                out.append((article, index, Mention(start, end, "person", name,
                                                    _person_key(key),
                                                    role_span=p.role_span if x == 0 else None)))
                found = True
        if found:
            continue
        name = " ".join(w[2] for w in p.words)
        if p.after_prep and _CAMEL.search(name):  # "on WikiLeaks": a company, no place
            start, end = p.words[0][0], p.words[-1][1]
            out.append((article, index, Mention(start, end, "organization", name, name,
                                                entity=name)))
        elif p.after_prep or name in towns:
            start, end = p.words[0][0], p.words[-1][1]
            out.append((article, index, Mention(start, end, "place", name, name,
                                                unit="city" if name in towns else "site",
                                                entity=name)))
    return out


def settle_third_names(mentions: list[tuple[str, int, Mention]],
                       lowercase: Callable[[set[str]], set[str]],
                       texts: dict[tuple[str, int], str]) -> list[tuple[str, int, Mention]]:
    """``mentions`` with the people of three words (given name, second name, surname; a
    suffix aside) settled against the corpus: cut to their first two when the corpus names a
    person by those two alone ("Jackie Gleason Classic", "Sean Hannity Show"; a name a
    capitalised word follows does not count) or mostly writes the third word in lower case
    (``lowercase``, as in :func:`decide_pending`); and a name of two words that a capitalised
    word follows (in a headline: "Ruth Bader Ginsburg Dies") grown to the three words the
    corpus names a person by. ``texts``: (article, index) -> sentence."""
    def third(m: Mention) -> str | None:
        words = [w for w in (m.value or "").split() if w.lower() not in NAME_SUFFIXES]
        return words[2] if m.kind == "person" and len(words) == 3 and \
            words[0].lower() in FIRST_NAMES and not _INITIAL.fullmatch(words[1]) else None

    thirds_of = [third(m) for _a, _i, m in mentions]  # asked once per mention
    thirds = {w for w in thirds_of if w}
    if not thirds:
        return mentions
    common = lowercase(thirds)
    two_words = {(a, i, m.start): _NEXT_WORD.match(texts[(a, i)], m.end)
                 for a, i, m in mentions
                 if m.kind == "person" and m.value and m.value.count(" ") == 1}
    pairs = {m.value for a, i, m in mentions if two_words.get((a, i, m.start), 1) is None}
    threes = {m.value for (_a, _i, m), w in zip(mentions, thirds_of, strict=True)
              if w and w not in common and m.value.rsplit(" ", 1)[0] not in pairs}
    out = []
    for (article, index, m), w in zip(mentions, thirds_of, strict=True):
        nxt = two_words.get((article, index, m.start))
        if w and (w in common or m.value.rsplit(" ", 1)[0] in pairs) and (
                two := _TWO_WORDS.match(m.text)):
            m = replace(m, end=m.start + two.end(), text=two.group(),
                        value=_person_key(two.group()))
        elif nxt and f"{m.value} {nxt.group(1)}" in threes:
            m = replace(m, end=nxt.end(), text=texts[(article, index)][m.start:nxt.end()],
                        value=f"{m.value} {nxt.group(1)}")
        out.append((article, index, m))
    return out


#: the particles that may open a surname ("de", "van", "bin": the name connectors of
#: people_words that are no English words)
NAME_PARTICLES = NAME_CONNECTORS - {"of", "for", "the", "and"}


def names_for_other_articles(names: set[str], lowercase: Callable[[set[str]], set[str]]
                             ) -> set[str]:
    """Those of the full ``names`` whose surname may stand for them in other articles. Not a
    name that opens with no given name and either ends in one ("a PAC called Stop Hillary",
    "Debate Bernie": across articles its last word is that given name; "Hillary" was "Stop
    Hillary" 58 times in 300 real articles) or opens with a word the corpus mostly writes in
    lower case (``lowercase``, as in :func:`decide_pending`: "Standard Russian", "House
    Benghazi"). Such a name names its own article's person at most."""
    # a particle ("de Blasio") opens a name the corpus writes in lower case too
    openers = {v.split()[0] for v in names
               if v.split()[0].lower() not in FIRST_NAMES | NAME_PARTICLES}
    common = lowercase(openers)
    return {v for v in names
            if not (v.split()[0] in openers
                    and (v.split()[0] in common or _last_name(v).lower() in FIRST_NAMES))}


def _last_name(name: str) -> str:
    words = [w for w in name.split() if w.lower().rstrip(".") not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else name


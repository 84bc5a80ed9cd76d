"""Direct quotations with their speakers, and how each outlet words the same statement.

* :func:`extract_quotes` finds every pair of quote marks paragraph by paragraph (curly and
  straight double marks; single marks only in headlines and headings; single marks inside a double
  span belong to it; an unclosed quote runs to the end of its paragraph), classifies the span as a
  ``quote``, a ``scare`` quote (one to three words no speech verb touches: “sanctuary” policies,
  nicknames) or a ``title`` (title case after a work noun or an artist's possessive), and
  attributes a speaker with the patterns of news prose. ``cue`` names the pattern:

  ``X said`` / ``X told`` / ``X wrote`` (subject then verb after the quote, titles, appositives
  and adverbs allowed between), ``said X`` / ``appositive`` (inverted, with a role after the
  name), ``according to``, ``colon`` (``Lee said: “…”``, a block-quote paragraph after an
  introducing paragraph ending in a colon, a headline ``Lee: … ‘…’``), ``before`` (an
  attribution earlier in the sentence: ``Ruiz said the plan was “dead on arrival.”``),
  ``pronoun`` (he/she resolved to the most recent named person of fitting gender; gender from
  first names, honorifics, gendered nouns and pronouns seen with the person; an unnamed
  "a woman" is a referent too, and then the speaker is null), ``continuation`` (the rest of an
  interrupted quote, a quote paragraph after one quoting someone, a quote after a sentence
  reporting someone's words) and ``same quote`` (words the article gives to a named person
  elsewhere, e.g. an embedded post).

  People are normalised within an article ("Governor Ana Lee", "Lee", "the governor" are
  "Ana Lee", role "Governor"); institutions speak too ("White House"). No speaker found is null,
  never a guess: ``confidence`` is how sure the speaker value (a name or null) is, from 0.95 for
  ``X said`` down to 0.6 for a pronoun whose referent's gender is unknown and 0.3 when no cue
  was found at all.
* :func:`compare_quotes` matches the same statement across outlets (``quote_group``) and labels
  each quote ``verbatim``, ``trimmed``, ``reworded``, ``misattributed`` or ``exclusive``.
* :func:`paraphrased` lists quotes that another outlet reports without quote marks.

Everything is rule based on the text (no model); the vocabularies below are general English
news usage, not words of any one corpus.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl
from rapidfuzz import fuzz

from corpusdiff.tokens import content_tokens

#: One row per pair of quote marks. ``start``/``end`` are offsets of the quoted words in the
#: article text (marks and one trailing ``,``/``.`` excluded): ``text == article[start:end]``.
#: ``sentence``/``end_sentence``: indexes of the sentences where the quote starts and ends.
#: ``kind``: quote | scare | title. ``cue``: the attribution pattern that found the speaker.
#: ``confidence``: how sure the speaker value (a name or null) is, 0-1.
QUOTES = pl.Schema(
    {
        "article": pl.String,
        "sentence": pl.Int64,
        "end_sentence": pl.Int64,
        "paragraph": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "text": pl.String,
        "kind": pl.String,
        "speaker": pl.String,
        "role": pl.String,
        "confidence": pl.Float64,
        "cue": pl.String,
        "boilerplate": pl.Boolean,
    }
)

#: :data:`QUOTES` plus the cross-outlet comparison. ``quote_group`` numbers the same statement
#: across outlets (null for scare/title rows); ``variant`` is verbatim | trimmed | reworded |
#: misattributed | exclusive; ``match_*`` is the other outlet's quote the variant refers to and
#: ``similarity`` its content-word overlap (0-1).
COMPARED = pl.Schema(
    {
        **dict(QUOTES),
        "quote_group": pl.Int64,
        "variant": pl.String,
        "match_article": pl.String,
        "match_text": pl.String,
        "match_speaker": pl.String,
        "similarity": pl.Float64,
    }
)

#: A quote reported without quote marks in another outlet.
PARAPHRASES = pl.Schema(
    {
        "article": pl.String,
        "sentence": pl.Int64,
        "text": pl.String,
        "speaker": pl.String,
        "quote_group": pl.Int64,
        "other_article": pl.String,
        "other_sentence": pl.Int64,
        "other_text": pl.String,
        "score": pl.Float64,
    }
)

KINDS = ("quote", "scare", "title")
VARIANTS = ("verbatim", "trimmed", "reworded", "misattributed", "exclusive")

# --------------------------------------------------------------------------------------------
# vocabulary
# --------------------------------------------------------------------------------------------

_SPEECH = frozenset(
    """said says say saying told tells telling wrote writes writing added adds adding
    stated stating declared declares declaring replied replies replying responded responds
    responding answered answers asked asks explained explains explaining noted notes noting
    argued argues arguing insisted insists insisting warned warns warning claimed claims
    claiming called calls calling described describes describing announced announces
    announcing tweeted tweets tweeting posted posting demanded demands demanding urged urges
    urging accused accuses accusing shouted shouts shouting yelled yells screamed cried
    continued continues recalled recalls acknowledged acknowledges admitted admits conceded
    concedes countered counters contended contends maintained maintains emphasized emphasizes
    emphasised stressed stresses suggested suggests predicted predicts promised promises vowed
    vows vowing pledged pledges testified testifies remarked remarks observed joked jokes
    quipped quips lamented laments complained complains boasted boasts confirmed confirms
    denied denies agreed agrees concluded concludes reiterated reiterates repeated repeats
    texted emailed whispered muttered exclaimed asserted asserts alleged alleges blasted blasts
    slammed slams criticized criticizes criticised praised cautioned cautions wondered recounted
    reported reports proclaimed pleaded chanted messaged""".split()
)
#: verbs that attribute only when inverted right after the quote: "…," read one comment
_INVERTED_ONLY = frozenset({"read", "reads", "wrote", "posted"})
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def _speech_verbs(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Speech verbs in ``text[pos:endpos]`` (lowercase words of :data:`_SPEECH`)."""
    words = _LOWER_WORD.finditer(text, pos, len(text) if endpos is None else endpos)
    return (m for m in words if m.group() in _SPEECH)


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that|these|those|my|our|"
                                r"your)\s+$", re.I)
#: words between a subject and its speech verb
_ADVERBS = frozenset(
    """has have had was were is are would will could should can did does do also later then
    again reportedly previously earlier recently once further repeatedly publicly privately
    quickly swiftly flatly bluntly firmly simply just only still often long never not first
    initially subsequently separately similarly immediately today yesterday tonight
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_DAYS_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
#: title words that can stand before a name ("Governor Ana Lee", "State Sen. Marcus Hale")
_TITLES = frozenset(
    """mayor governor gov. lieutenant lt. senator sen. representative rep. congressman
    congresswoman councilmember councilman councilwoman member president vice secretary sec.
    superintendent supt. director deputy assistant associate chief attorney general judge miss
    justice commissioner sheriff officer sergeant sgt. detective det. captain capt. colonel
    col. gen. major maj. admiral adm. dr. mr. mrs. ms. mx. prof. professor rev. reverend pastor
    rabbi imam bishop pope king queen prince princess chancellor minister premier speaker
    leader chair chairman chairwoman chairperson spokesman spokeswoman spokesperson czar tsar
    advisor adviser aide correspondent reporter anchor host producer editor columnist analyst
    economist coach manager ceo cfo coo founder executive administrator ambassador envoy
    trustee treasurer clerk comptroller controller auditor inspector marshal warden principal
    dean provost owner lawyer counsel prosecutor ranger agent""".split()
)
#: lowercase words that may precede a title ("former Trump advisor", "state Sen.")
_TITLE_MODIFIERS = frozenset(
    "former acting interim then longtime veteran senior top state city county federal".split()
)
#: role nouns after "the" that refer back to a titled person ("the governor")
_ROLE_HEADS = frozenset(
    """mayor governor senator representative congressman congresswoman president secretary
    superintendent director chief commissioner sheriff judge chairman chairwoman chair
    chancellor minister spokesman spokeswoman spokesperson councilmember councilman
    councilwoman attorney prosecutor coach ceo principal dean czar advisor adviser leader
    speaker manager treasurer controller comptroller auditor ambassador captain lieutenant
    detective sergeant professor founder""".split()
)
_ABBREVIATIONS = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "sec.": "secretary",
    "supt.": "superintendent", "lt.": "lieutenant", "sgt.": "sergeant", "det.": "detective",
    "capt.": "captain", "col.": "colonel", "gen.": "general", "maj.": "major", "adm.": "admiral",
    "prof.": "professor", "rev.": "reverend", "pres.": "president", "atty.": "attorney",
}
_ORG_WORDS = frozenset(
    """house service services authority department agency office association council committee
    commission party university college school schools district police administration bureau
    court union board company corporation corp. inc. inc corp co. llc ltd group foundation
    institute network
    news times post tribune herald journal gazette courier press radio tv channel guard patrol
    enforcement congress senate assembly legislature ministry church center centre coalition
    campaign alliance federation organization organisation media bank fund force army navy
    marines customs immigration security protection reserve commission club team league
    hospital clinic airlines airport railroad transit museum library church cathedral
    embassy consulate parliament cabinet government council elementary""".split()
)
#: capitalised words that are not names: sentence starters and page labels
_COMMON_CAPS = frozenset(
    """the a an when after before asked in on at but and as meanwhile earlier late last this
    that these those it its he she they we i his her their our my your while if so then now
    under with without for from by to of over despite through during since speaking according
    adding some many most all no not new breaking update note play watch also there here what
    why how who where which yes outside inside even still once both each every one two three
    just only more other another such until unless though although because instead later
    next first second third whether amid among between against about
    into onto upon via per""".split()
)
_CONNECTORS = frozenset("of for the and de del la le van von der da di bin al".split())
_ORG_ABBR = frozenset("corp. inc. co. ltd. bros. assn. dept. univ.".split())
_HONORIFICS = frozenset("mr. mrs. ms. mx. miss".split())
_NAME_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv".split())
_PAGE_LABELS = frozenset("new breaking update note play watch live exclusive opinion".split())
_FEMALE_NOUNS = frozenset(
    """woman girl mother mom wife daughter sister grandmother grandma aunt niece lady
    spokeswoman chairwoman congresswoman councilwoman businesswoman actress widow girlfriend
    bride queen princess stepmother""".split()
)
_MALE_NOUNS = frozenset(
    """man boy father dad husband son brother grandfather grandpa uncle nephew gentleman
    spokesman congressman councilman businessman widower boyfriend groom king prince
    stepfather""".split()
)
_PERSON_NOUNS = _FEMALE_NOUNS | _MALE_NOUNS | frozenset(
    """person resident protester protestor witness neighbor neighbour voter commuter parent
    student teacher worker driver passenger customer shopper employee bystander official
    spokesperson volunteer nurse doctor officer owner visitor tourist viewer listener reader
    caller commenter user""".split()
)
#: plural or generic subjects: whoever they are, they are not one identified speaker
_GENERIC_SUBJECTS = frozenset(
    """critics officials residents protesters protestors activists observers supporters
    opponents experts analysts witnesses neighbors neighbours parents students teachers police
    authorities organizers organisers lawmakers democrats republicans people others many some
    sources officers workers voters leaders advocates members families users commenters
    viewers""".split()
)
_WORK_NOUNS = frozenset(
    """report book song album single film movie documentary series show study paper essay
    column op-ed article podcast play poem novel memoir episode titled entitled headlined
    exhibition exhibit opera musical painting track record ep mixtape anthem""".split()
)
_NAMING = re.compile(r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|nicknam(?:e|es|ed|ing)|"
                     r"known as|so-called|term(?:s|ed)?|label(?:s|led|ed)?|brand(?:s|ed)?|"
                     r"refer(?:s|red)? to)\b", re.I)
#: "the company said": the head noun and the words of the institution names it refers to
_INST_REFS: dict[str, frozenset[str]] = {
    head: frozenset(words.split()) for head, words in {
        "company": "company corp corporation inc co llc ltd group",
        "agency": "agency service administration bureau enforcement office commission authority",
        "department": "department ministry office",
        "ministry": "ministry department",
        "office": "office",
        "administration": "administration",
        "city": "city",
        "county": "county",
        "district": "district",
        "university": "university college",
        "school": "school college academy",
        "union": "union association federation",
        "campaign": "campaign",
        "authority": "authority",
        "board": "board",
        "council": "council",
        "court": "court",
        "hospital": "hospital clinic center",
        "police": "police department",
        "group": "group coalition alliance association",
        "firm": "firm company corp inc llc",
        "network": "network news",
        "airline": "airlines airline airways",
    }.items()
}
_FUNCTION_WORDS = frozenset("a an the of and or for to in on at by with from but nor as vs".split())

_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie
    rebecca sharon laura cynthia kathleen amy angela shirley anna ana brenda pamela pam emma
    nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
    heather diane ruth julie olivia joyce virginia victoria lauren christina joan evelyn judith
    megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
    kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
    beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori rosa
    kristi kristen kristin elena sofia isabel carmen lucia gabriela mariana valeria camila
    daniela adriana veronica yolanda guadalupe alejandra monica claudia silvia leticia beatriz
    lourdes marta kamala hillary nikki ilhan alexandria tulsi karine kathy tricia tina
    gretchen elise liz jill melania ivanka lara kari katie hope sheila priya aisha fatima
    amira leila layla noor mei yuki keiko ingrid greta astrid lena jane joanne joanna kate
    wendy tammy tracy stacy stacey dawn rita irene jo sue peggy connie carla ellen emily
    eleanor lucy molly chloe zoe ava mia ella harper abby paula sonia sonya ruby june ivy
    nora clara vera rose""".split()
)
_MALE_NAMES = frozenset(
    """james robert john michael david william richard joseph thomas tom charles christopher
    daniel matthew anthony mark donald steven stephen paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger gerald harold sean austin carl arthur lawrence dylan bryan
    billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph
    eugene russell bobby mason philip louis bill bob mike jim dan dave steve tony ted ron don
    greg marcus miguel carlos luis jorge pedro antonio manuel francisco javier ricardo rafael
    alejandro fernando eduardo sergio roberto mario diego andres hector raul ramon alberto
    enrique oscar ivan gavin chuck mitch marco rand barack merrick pete elon jeff tim hakeem
    rudy newt ken ben sam nick matt andy rick ricky todd chad brad derek luke owen liam
    lucas hugo felix victor omar ahmed mohammed muhammad ali hassan raj arjun hiroshi kenji
    wei lars sven klaus hans pierre jean-luc giovanni luca marco""".split()
)

_FIRST_NAMES = _FEMALE_NAMES | _MALE_NAMES
#: "the governor", "the council president", "the mayor's"
_ROLE_REF = re.compile(r"\b[Tt]he\s+((?:[a-z][\w-]*\s+){0,2}?)(" + "|".join(sorted(_ROLE_HEADS))
                       + r")(?:[’']s)?\b")
#: "a woman", "one man", "the father"
_UNNAMED_REF = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}?("
                          + "|".join(sorted(_FEMALE_NOUNS | _MALE_NOUNS)) + r")\b")

# --------------------------------------------------------------------------------------------
# quote marks
# --------------------------------------------------------------------------------------------


_PARTY_TAG = re.compile(r"[DRI]-[A-Z]")
_LAST_WORD = re.compile(r"(?<![^\s])([a-z][\w.’'-]*) $")
_POSSESSIVE = re.compile(r"\w[’']s?$")
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_LEAD_PHRASE = re.compile(r"\s*(?:In|At|On|During|After|Before|Speaking|Asked|Following|Despite|"
                          r"Under|Over|With|Without|Since|While|When|As|Earlier|Later|From|"
                          r"Writing|Responding|Pressed|Appearing)\b[^,\x00]{0,80},")
_DOUBLE_MARKS = re.compile(r"[“”«»\"]")
_SINGLE_MARKS = re.compile(r"[‘’']")
_ENDS_SENTENCE = re.compile(r"[.!?:;,…][\"”’')\]]*$")


def _find_spans(para: str, headline: bool) -> list[tuple[int, int | None]]:
    """(opening mark, closing mark or None) of every double-quoted span in a paragraph; in a
    headline, single-quoted spans too. Single marks inside a double span are part of it."""
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    n = len(para)
    for mark in _DOUBLE_MARKS.finditer(para):
        i, ch = mark.start(), mark.group()
        if ch in "“«":
            if open_at is None:
                open_at = i
        elif ch in "”»":
            if open_at is not None:
                spans.append((open_at, i))
                open_at = None
        elif ch == '"':
            if open_at is not None:
                spans.append((open_at, i))
                open_at = None
            elif i + 1 < n and not para[i + 1].isspace():
                open_at = i
    if open_at is not None:
        spans.append((open_at, None))
    if headline:
        spans.extend(_single_spans(para, spans))
        spans.sort()
    return spans


def _single_spans(para: str, doubles: list[tuple[int, int | None]]) -> list[tuple[int, int]]:
    """Single-quoted spans outside double ones (headline convention); apostrophes never count."""
    inside = [(o, c if c is not None else len(para)) for o, c in doubles]
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _SINGLE_MARKS.finditer(para):
        i, ch = mark.start(), mark.group()
        if any(o <= i <= c for o, c in inside):
            continue
        before = para[i - 1] if i else " "
        after = para[i + 1] if i + 1 < len(para) else " "
        if open_at is None and ch in "‘'" and (before.isspace() or before in "([—–-:")\
                and after.isalnum():
            open_at = i
        elif open_at is not None and ch in "’'" and not before.isspace() \
                and (after.isspace() or after in ",.;:!?)—–"):
            out.append((open_at, i))
            open_at = None
    return out


# --------------------------------------------------------------------------------------------
# names in an article
# --------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_][\w’'\-]*(?:\.[^\W_][\w’'\-]*)*\.?")
_CAP_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*(?:\.[^\W_][\w’'\-]*)*\.?"
_RUN_RE = re.compile(r"(?<![\w’'.\-])" + _CAP_TOKEN + r"(?: (?:(?:"
                     + "|".join(sorted(_CONNECTORS)) + r") )*" + _CAP_TOKEN + r")*")


@functools.lru_cache(maxsize=8192)
def _clean(word: str) -> str:
    """A token without its possessive ending and sentence period (abbreviations keep theirs)."""
    word = re.sub(r"[’']s?$", "", word) if re.search(r"\w[’']s?$", word) else word
    if word.endswith(".") and not _is_abbreviation(word):
        word = word[:-1]
    return word


def _is_abbreviation(word: str) -> bool:
    low = word.lower()
    return (low in _TITLES or low in _ABBREVIATIONS or low in _NAME_SUFFIXES or low in _ORG_ABBR
            or bool(re.fullmatch(r"(?:\w\.)+\w?\.?", word)))


def _is_acronym(word: str) -> bool:
    """ICE, DHS, WMBK-TV; not initials (J.D.) nor page labels (NEW, BREAKING)."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    return len(letters) >= 2 and letters.isupper() and "." not in word \
        and word.lower() not in _PAGE_LABELS


class _Token:
    """A word of the masked article text with its offsets."""

    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    @property
    def word(self) -> str:
        return _clean(self.text)

    @property
    def low(self) -> str:
        return self.word.lower()


@dataclass
class _Person:
    name: str
    role: str | None = None
    votes: int = 0  # > 0 female, < 0 male

    @property
    def gender(self) -> str | None:
        return "f" if self.votes > 0 else "m" if self.votes < 0 else None


@dataclass
class _Mention:
    """A reference to a speaker candidate at [start, end) of the article text."""

    start: int
    end: int
    kind: str  # person | inst | unnamed | other
    name: str | None = None  # the person's key / the institution's name
    gender: str | None = None  # for unnamed people
    possessive: bool = False
    modifier: bool = False  # "Trump" in "Trump advisor Stephen Miller"


@dataclass
class _Attr:
    """An attribution: who (or explicitly nobody identifiable) said a quote."""

    speaker: str | None
    role: str | None
    cue: str
    confidence: float
    kind: str  # person | inst | unnamed | unknown
    at: int = -1  # where the subject noun phrase starts in the text


@dataclass
class _Quote:
    para: int
    open_mark: int
    close_mark: int | None
    start: int
    end: int
    headline: bool
    kind: str = "quote"
    attr: _Attr | None = None
    sentence: int = 0
    end_sentence: int = 0
    boilerplate: bool = False


def _gender_of_first(first: str) -> int:
    low = first.lower()
    if low in _FEMALE_NAMES:
        return 3
    if low in _MALE_NAMES:
        return -3
    return 0


def _noun_gender(words: list[str]) -> str | None:
    for w in words:
        if w.lower() in _FEMALE_NOUNS:
            return "f"
        if w.lower() in _MALE_NOUNS:
            return "m"
    return None


def _norm_role(text: str) -> str:
    words = [_ABBREVIATIONS.get(w.lower(), w.lower()) for w in text.split()]
    return " ".join(words)


class _Article:
    """One article's paragraphs, quote spans, people and their mentions."""

    def __init__(self, ident: str, text: str, sentences: list[tuple[int, int, int, int, str]]
                 ) -> None:
        """``sentences``: (index, paragraph, start, end, kind) in text order."""
        self.ident = ident
        self.text = text
        self.s_index = [s[0] for s in sentences]
        self.s_para = [s[1] for s in sentences]
        self.s_start = [s[2] for s in sentences]
        self.s_end = [s[3] for s in sentences]
        self.s_kind = [s[4] for s in sentences]
        self.paras: list[tuple[int, int, int]] = []  # (paragraph, start, end)
        self.headings: set[int] = set()
        members: dict[int, list[int]] = {}
        for i, p in enumerate(self.s_para):
            members.setdefault(p, []).append(i)
        first_para = self.s_para[0] if self.s_para else 0
        for p, idx in members.items():
            start, end = self.s_start[idx[0]], max(self.s_end[i] for i in idx)
            self.paras.append((p, start, end))
            ptext = text[start:end]
            n_words = len(ptext.split())
            # a headline or heading: single quotes are quote marks there, names are title case
            if any(self.s_kind[i] == "headline" for i in idx) or (len(idx) == 1 and (
                    (p == first_para and n_words <= 20)
                    or (n_words <= 30 and not _ENDS_SENTENCE.search(ptext)))):
                self.headings.add(p)
        self.quotes: list[_Quote] = []
        masked = list(text)
        for k, (p, start, end) in enumerate(self.paras):
            for o, c in _find_spans(text[start:end], p in self.headings):
                q_open = start + o
                q_close = start + c if c is not None else None
                stop = q_close + 1 if q_close is not None else end
                masked[q_open:stop] = "\x00" * (stop - q_open)
                self.quotes.append(self._quote(k, q_open, q_close, end, p in self.headings))
        self.masked = "".join(masked)
        self.persons: dict[str, _Person] = {}
        self.mentions: list[_Mention] = []
        self._find_people()

    # ---- quotes ------------------------------------------------------------------------

    def _quote(self, k: int, q_open: int, q_close: int | None, para_end: int,
               headline: bool) -> _Quote:
        start, end = q_open + 1, q_close if q_close is not None else para_end
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if q_close is not None and end > start and self.text[end - 1] in ",.":
            end -= 1
        q = _Quote(k, q_open, q_close, start, end, headline)
        q.sentence = self.s_index[self._sentence_at(start)]
        q.end_sentence = self.s_index[self._sentence_at(max(start, end - 1))]
        q.boilerplate = self.s_kind[self._sentence_at(start)] == "boilerplate"
        return q

    def _sentence_at(self, offset: int) -> int:
        """Position (in the sorted sentence lists) of the sentence holding ``offset``."""
        return max(0, bisect.bisect_right(self.s_start, offset) - 1)

    # ---- runs of capitalised words ------------------------------------------------------

    def _runs(self) -> list[list[_Token]]:
        """Runs of capitalised words ("Los Angeles Mayor Karen Bass", "Department of Justice"),
        cut after a sentence period or a possessive, without sentence starters."""
        runs: list[list[_Token]] = []
        for m in _RUN_RE.finditer(self.masked):
            cur: list[_Token] = []
            for t in _TOKEN_RE.finditer(m.group()):
                tok = _Token(t.group(), m.start() + t.start(), m.start() + t.end())
                if cur and ((cur[-1].text.endswith(".") and not _is_abbreviation(cur[-1].text))
                            or _POSSESSIVE.search(cur[-1].text)):
                    runs.append(cur)
                    cur = []
                cur.append(tok)
            runs.append(cur)
        out = []
        for whole in runs:
            out.extend(self._trim_run(run) for run in self._split_and(whole))
        return [run for run in out if run and not (len(run) == 1 and len(run[0].word) == 1)]

    def _split_and(self, run: list[_Token]) -> list[list[_Token]]:
        """"Tom Hale and Ana Ruiz" are two people; "Health and Human Services" is one name."""
        if not any(t.text == "and" for t in run) or self._is_org([t.word for t in run]):
            return [run]
        parts: list[list[_Token]] = [[]]
        for tok in run:
            if tok.text == "and":
                parts.append([])
            else:
                parts[-1].append(tok)
        return parts

    @staticmethod
    def _trim_run(run: list[_Token]) -> list[_Token]:
        if run and _PARTY_TAG.match(run[0].text):
            return []  # "D-Mass.", "R-Texas": a party and state, not a name
        while run and (run[-1].text in _CONNECTORS or run[-1].low in _DAYS_MONTHS):
            run = run[:-1]
        while run and (run[0].low in _COMMON_CAPS or run[0].low in _DAYS_MONTHS
                       or run[0].text in _CONNECTORS):
            run = run[1:]
        return run

    def _title_prefix(self, run: list[_Token]) -> tuple[list[_Token], str | None, int]:
        """Split a run into its name tokens and title ("Governor", "Los Angeles Mayor"), taking
        in a lowercase title before it ("Board member", "former Trump advisor"); return
        (name tokens, title text or None, where the title starts)."""
        last = -1
        for i, tok in enumerate(run):
            if tok.low in _TITLES:
                last = i
        if last == len(run) - 1 and last > 0 and run[0].low in _FIRST_NAMES:
            last = -1  # a surname that is also a title: Steve King, John Major
        title, name = run[:last + 1], run[last + 1:]
        title_text = " ".join(t.word for t in title) if title else None
        title_start = run[0].start
        if not name:
            return name, title_text, title_start
        before = _LAST_WORD.search(self.masked, max(0, run[0].start - 40), run[0].start)
        if before is None or not (before.group(1) in _TITLES or before.group(1) in
                                  _TITLE_MODIFIERS):
            return name, title_text, title_start
        window = _TOKEN_RE.finditer(self.masked, max(0, run[0].start - 120), run[0].start)
        tokens = [_Token(t.group(), t.start(), t.end()) for t in window]
        j = len(tokens) - 1
        prefix: list[_Token] = []

        def adjacent(k: int) -> bool:
            return self.masked[tokens[k].end:(prefix[0] if prefix else run[0]).start] == " "

        while j >= 0 and adjacent(j) and tokens[j].text.islower() and (
                tokens[j].low in _TITLES or tokens[j].low in _TITLE_MODIFIERS):
            prefix.insert(0, tokens[j])
            j -= 1
        if not any(t.low in _TITLES for t in prefix):
            return name, title_text, title_start
        # capitalised words right before a lowercase title belong to it ("Fox News correspondent")
        while j >= 0 and adjacent(j) and tokens[j].text[0].isupper() \
                and tokens[j].low not in _COMMON_CAPS and not (
                    tokens[j].text.endswith(".") and not _is_abbreviation(tokens[j].text)):
            prefix.insert(0, tokens[j])
            j -= 1
        while j >= 0 and adjacent(j) and tokens[j].low in _TITLE_MODIFIERS:
            prefix.insert(0, tokens[j])
            j -= 1
        words = [t.word for t in prefix] + ([title_text] if title_text else [])
        return name, " ".join(words), prefix[0].start

    def _is_org(self, words: list[str]) -> bool:
        return any(w.lower() in _ORG_WORDS for w in words) or (
            bool(words) and _is_acronym(words[0]))

    def _appositive(self, end: int) -> str | None:
        """A role in an appositive after a name: ", deputy director of the X Authority"."""
        m = re.match(r",\s+(?:(?:an?|the)\s+)?([^,.;\x00]{2,120}?)(?=,|\.(?:\s|$)|;|\s+who\b|"
                     r"\s+whose\b|$)", self.masked[end:end + 160])
        if not m:
            return None
        role = m.group(1).strip()
        words = role.split()
        first = words[0]
        # a role starts with a title word, a capitalised or possessive word ("the union's
        # president"), not a verb ("R-La., defended the president")
        if (first.lower() in _TITLES or first.lower() in _TITLE_MODIFIERS or first[0].isupper()
                or _POSSESSIVE.search(first)) and any(_clean(w).lower() in _TITLES
                                                      for w in words[:4]):
            return role
        return None

    def _speech_adjacent(self, start: int, end: int) -> bool:
        """Whether a name is the subject of a speech verb ("Lee said", "Lee, 54, said") or
        follows one ("said Lee")."""
        after = self.masked[end:end + 160]
        appos = re.match(r",[^,.;\x00]{1,100},", after)
        if appos:
            after = after[appos.end():]
        # "…, Karoline Leavitt, said": a name in an appositive before the verb
        comma = ",?" if self.masked[max(0, start - 2):start] == ", " else ""
        m = re.match(comma + r"\s+((?:\w+\s+){0,2}?)(\w+)\b", after)
        if m and m.group(2) in _SPEECH and all(
                w in _ADVERBS or w.endswith("ly") for w in m.group(1).split()):
            return True
        before = self.masked[max(0, start - 30):start]
        last = _WORD_BEFORE.search(before)
        return last is not None and last.group(1) in _SPEECH

    # ---- people ------------------------------------------------------------------------

    def _heading_at(self, offset: int) -> bool:
        return self.s_para[self._sentence_at(offset)] in self.headings

    def _find_people(self) -> None:
        """Register the article's people (full name, role, gender evidence), then list every
        mention of a person, institution or unnamed person in text order."""
        parsed = []
        full_names: list[str] = []  # two- and three-word names, for surnames seen alone
        for run in self._runs():
            name, title_text, title_start = self._title_prefix(run)
            parsed.append((run, name, title_text, title_start))
            if not name or self._heading_at(run[0].start):
                continue
            words = [t.word for t in name]
            if self._is_org(words) or len(words) > 4 or (
                    len(words) == 4 and words[-1].lower() not in _NAME_SUFFIXES):
                continue
            if 2 <= len(words) <= 3:
                full_names.append(" ".join(words))
            vote = _gender_of_first(words[0]) if len(words) > 1 else 0
            appos = self._appositive(name[-1].end)
            possessive = bool(_POSSESSIVE.search(run[-1].text))
            if not (title_text or vote or appos or (
                    not possessive and self._speech_adjacent(run[0].start, run[-1].end))):
                continue
            title_words = (title_text or "").split()
            honorifics = [w.lower() for w in title_words if w.lower() in _HONORIFICS]
            role = " ".join(w for w in title_words if w.lower() not in _HONORIFICS) or None
            person = self.persons.setdefault(" ".join(words), _Person(" ".join(words)))
            person.role = person.role or role or appos
            gender = _noun_gender(title_words + (appos or "").split()[:3])
            if "mr." in honorifics or gender == "m":
                vote -= 3
            if {"mrs.", "ms.", "miss"} & set(honorifics) or gender == "f":
                vote += 3
            person.votes += vote
        self._merge_people(full_names)
        for run, name, title_text, title_start in parsed:
            self._add_mention(run, name, title_text, title_start)
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
        for p in multi:  # "Ana Lee" inside "Ana M. Lee": keep the fullest
            for q in multi:
                if p is not q and len(q.name) > len(p.name) and q.name.startswith(
                        p.name.split()[0]) and q.name.endswith(p.name.split()[-1]) \
                        and p.name in self.persons:
                    self.persons.pop(p.name)
                    q.votes += p.votes
                    q.role = q.role or p.role

    def _lookup(self, words: list[str]) -> str | None:
        """The person a name or a surname/first name refers to."""
        full = " ".join(words)
        if full in self.persons:
            return full
        cands = [p.name for p in self.persons.values()
                 if p.name.split()[-1] == words[-1] and (
                     len(words) == 1 or p.name.split()[0] == words[0])]
        if not cands and len(words) == 1:
            cands = [p.name for p in self.persons.values() if p.name.split()[0] == words[0]]
        if len(cands) == 1:
            return cands[0]
        if cands:  # two people share a surname: the most recently mentioned
            for m in reversed(self.mentions):
                if m.name in cands:
                    return m.name
            return cands[0]
        return None

    def _add_mention(self, run: list[_Token], name: list[_Token], title_text: str | None,
                     title_start: int) -> None:
        words = [t.word for t in name]
        if not words:
            return
        possessive = bool(_POSSESSIVE.search(run[-1].text))
        last = run[-1].text
        start = run[0].start
        end = run[-1].end - (last.endswith(".") and not _is_abbreviation(last))
        key = self._lookup(words) if len(words) <= 4 else None
        if key is not None:
            self.mentions.append(_Mention(start, end, "person", key, possessive=possessive))
            # a capitalised run inside the title ("Trump" in "Trump advisor X") is no mention
            for m in reversed(self.mentions[:-1]):
                if m.start < title_start:
                    break
                m.modifier = True
        elif self._is_org([t.word for t in run]) and not title_text:
            inst = " ".join(t.word for t in run)
            self.mentions.append(_Mention(start, end, "inst", inst, possessive=possessive))
        else:
            self.mentions.append(_Mention(start, end, "other", " ".join(words),
                                          possessive=possessive))

    def _role_mentions(self) -> None:
        """"the governor", "the council president", "the mayor's" refer to a titled person."""
        for m in _ROLE_REF.finditer(self.masked):
            mods = m.group(1).split()
            head = m.group(2)
            after = self.masked[m.end():m.end() + 2]
            if after[:1] == " " and after[1:2].isupper():
                continue  # "the governor Ana Lee": the name itself is the mention
            cands = [p for p in self.persons.values()
                     if p.role and head in _norm_role(p.role).split()
                     and all(w in _norm_role(p.role).split() for w in mods
                             if w not in _TITLE_MODIFIERS)]
            if not cands:
                continue
            name = cands[0].name
            if len(cands) > 1:
                for prev in reversed(self.mentions):
                    if prev.start < m.start() and prev.name in {c.name for c in cands}:
                        name = prev.name
                        break
            self.mentions.append(_Mention(m.start(), m.end(), "person", name,
                                          possessive=m.group().endswith("s")
                                          and m.group()[-2] in "’'"))

    def _unnamed_mentions(self) -> None:
        """"a woman walking her dog", "a man": people the article never names."""
        for m in _UNNAMED_REF.finditer(self.masked):
            before = self.masked[max(0, m.start() - 3):m.start()]
            prev = [x for x in self.mentions if x.end <= m.start() and x.kind == "person"]
            if before.endswith(", ") and prev and m.start() - prev[-1].end <= 2:
                # an appositive describing the named person just before: their gender
                person = self.persons[prev[-1].name or ""]
                person.votes += 2 if m.group(1) in _FEMALE_NOUNS else -2
                continue
            if m.group().split()[0].lower() == "the" and any(
                    p.role and m.group(1) in _norm_role(p.role).split()
                    for p in self.persons.values()):
                continue
            self.mentions.append(_Mention(m.start(), m.end(), "unnamed",
                                          gender="f" if m.group(1) in _FEMALE_NOUNS else "m"))

    def _pronoun_votes(self) -> None:
        """Gender from pronouns: a sentence about one named person (as subject, not a
        possessive), and a he/she later in it or opening the next sentence."""
        by_sentence: dict[int, list[_Mention]] = {}
        for m in self.mentions:
            if m.kind == "person":
                by_sentence.setdefault(self._sentence_at(m.start), []).append(m)
        for i, named in by_sentence.items():
            people = {m.name for m in named}
            if len(people) != 1 or all(m.possessive for m in named):
                continue
            first = min(m.end for m in named if not m.possessive)
            rest = self.masked[first:self.s_end[i]]
            he = bool(_HE.search(rest))
            she = bool(_SHE.search(rest))
            if i + 1 < len(self.s_start) and self.s_para[i + 1] == self.s_para[i]:
                nxt = self.masked[self.s_start[i + 1]:self.s_start[i + 1] + 4]
                he = he or nxt.startswith("He ")
                she = she or nxt.startswith("She ")
            person = self.persons.get(next(iter(people)) or "")
            if person is not None and he != she:
                person.votes += 1 if she else -1

    # ---- resolution --------------------------------------------------------------------

    def _recent(self, at: int) -> Iterator[_Mention]:
        """Mentions that start before ``at``, the most recent first."""
        for k in range(bisect.bisect_left(self.m_starts, at) - 1, -1, -1):
            yield self.mentions[k]

    def _following(self, lo: int) -> Iterator[_Mention]:
        """Mentions that start at or after ``lo``, in text order."""
        yield from itertools.islice(self.mentions, bisect.bisect_left(self.m_starts, lo), None)

    def _mention_ending(self, end: int) -> _Mention | None:
        for m in self._recent(end):
            if m.end == end or (m.end < end and not self.masked[m.end:end].strip(" ’'s")):
                return m
            if m.end < end - 60:
                break
        return None

    def _mention_starting(self, start: int) -> _Mention | None:
        m = next(self._following(start), None)
        return m if m is not None and m.start == start else None

    def _person_attr(self, m: _Mention, cue: str, conf: float) -> _Attr:
        if m.kind == "person" and m.name:
            return _Attr(m.name, self.persons[m.name].role, cue, conf, "person")
        if m.kind == "inst" and m.name:
            return _Attr(re.sub(r"^[Tt]he\s+", "", m.name), None, cue, conf, "inst")
        if m.kind == "unnamed":
            return _Attr(None, None, cue, conf * 0.8, "unnamed")
        return _Attr(None, None, cue, 0.3, "unknown")

    def _pronoun(self, pronoun: str, at: int) -> _Attr:
        """Resolve he/she to the most recent fitting referent before ``at``."""
        want = {"she": "f", "he": "m"}.get(pronoun.lower())
        if want is None:  # they / it / I / we
            if pronoun.lower() == "it":
                for m in self._recent(at):
                    if m.kind == "inst" and not m.modifier:
                        return self._person_attr(m, "pronoun", 0.6)
            return _Attr(None, None, "pronoun", 0.3, "unknown")
        # possessives ("the president's strategy", "Hale's accusation") are rarely what a
        # pronoun subject refers to: they are tried only when nobody else fits
        for possessives in (False, True):
            skipped = False
            for m in self._recent(at):
                if m.start < at - 4000:
                    break
                if m.modifier or m.possessive != possessives:
                    continue
                if m.kind == "unnamed":
                    if m.gender == want:
                        return _Attr(None, None, "pronoun", 0.6, "unnamed")
                    skipped = True
                elif m.kind == "person" and m.name:
                    g = self.persons[m.name].gender
                    if g == want:
                        return self._person_attr(m, "pronoun", 0.75 if skipped else 0.85)
                    if g is None:
                        return self._person_attr(m, "pronoun", 0.6)
                    skipped = True
        return _Attr(None, None, "pronoun", 0.3, "unknown")

    def _np_before(self, lo: int, hi: int) -> _Attr | None:
        """The subject noun phrase that ends at ``hi`` (just before a speech verb)."""
        seg = self.masked[lo:hi]
        # strip adverbs, auxiliaries and time words between subject and verb
        while True:
            m = re.search(r"(?:^|\s)([\w’'.-]+)\s*$", seg)
            if not m:
                break
            w = m.group(1).lower()
            if w in _ADVERBS or (w.endswith("ly") and w.islower() and len(w) > 4):
                seg = seg[:m.start(1)].rstrip()
                continue
            paren = re.search(r"\s*\([^()]{1,40}\)\s*$", seg)
            if paren:  # "Sen. Chuck Schumer (D-N.Y.) said"
                seg = seg[:paren.start()].rstrip()
                continue
            t = re.search(r"(?:\s|^)(?:on|last|this|late|early|in)\s+\w+\s*$", seg)
            if t and seg.rstrip().split()[-1].lower() in _DAYS_MONTHS | {"week", "month",
                                                                         "year", "night",
                                                                         "morning", "evening"}:
                seg = seg[:t.start()].rstrip()
                continue
            break
        seg = seg.rstrip()
        end = lo + len(seg)
        if not seg:
            return None
        if seg.endswith(","):  # "Chen, president of the union, said": skip the appositive
            chunks = seg.split(",")
            unnamed = None
            for k in range(len(chunks) - 3, max(-1, len(chunks) - 6), -1):
                head = ",".join(chunks[:k + 1]).rstrip()
                if not head:
                    break
                found = self._np_before(lo, lo + len(head))
                if found is not None and found.kind in ("person", "inst"):
                    return found
                if found is not None and unnamed is None and found.kind == "unnamed":
                    unnamed = found
            # "Trump's spokeswoman, Karoline Leavitt, said": the name is in the appositive
            if len(chunks) >= 3:
                m = self._mention_ending(lo + len(seg) - 1)
                if m is not None and not m.possessive and \
                        m.start >= lo + len(",".join(chunks[:-2])) + 1:
                    if m.kind == "other":
                        self._promote(m)
                    if m.kind in ("person", "inst"):
                        return self._at(self._person_attr(m, "X said", 0.9), lo)
            return unnamed
        pm = re.search(r"(?:^|[^\w’'])(he|she|they|it|we|i)$", seg, re.I)
        if pm:
            at = lo + pm.start(1)
            if pm.group(1).lower() in ("he", "she", "it"):
                return self._at(self._pronoun(pm.group(1), at), at)
            return _Attr(None, None, "pronoun", 0.3, "unknown", at)
        for_inst = self._spokesperson_for(lo, end)
        if for_inst is not None:
            return for_inst
        m = self._mention_ending(end)
        if m is not None and m.end >= end - 3:
            if m.kind == "other" and not m.possessive:
                self._promote(m)
            if m.kind != "other":
                return self._at(self._person_attr(m, "X said", 0.95), m.start)
        im = re.search(r"(?:^|(?<=\s))[Tt]he\s+(" + "|".join(_INST_REFS) + r")$", seg)
        if im:
            return self._at(self._inst_ref(im.group(1), lo + im.start()), lo + im.start())
        sm = re.search(r"(?:^|(?<=\s))(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[A-Z][\w.’'-]*\s+)+?"
                       r"(spokes\w+|officials?|representatives?|aide)$", seg)
        if sm:
            inst = self._mention_ending(lo + sm.start(1) - 1)
            if inst is not None and inst.kind == "inst":
                return self._at(self._person_attr(inst, "X said", 0.7), lo + sm.start())
        um = re.search(r"(?:^|(?<=[\s,]))(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Tt]wo|[Ss]everal)\s+"
                       r"[^,\x00]*$", seg)
        if um:
            # "a man", "one GOP senator", "a woman walking her dog", "one comment posted …"
            head = [w.lower().rstrip("s") for w in um.group().split()[1:6]]
            if any(w in _PERSON_NOUNS or w in _TITLES for w in head) or (
                    um.group().islower() and len(um.group().split()) <= 8):
                return _Attr(None, None, "X said", 0.7, "unnamed", lo + um.start())
        gm = re.search(r"(?:^|(?<=\s))(?:[a-z][\w-]*\s+){0,2}(\w+)$", seg)
        if gm and gm.group(1).lower() in _GENERIC_SUBJECTS:
            inst = self._mention_ending(lo + gm.start(1) - 1)
            if inst is not None and inst.kind == "inst" and gm.group(1).lower() in (
                    "officials", "officers", "leaders", "sources"):
                return self._at(self._person_attr(inst, "X said", 0.6), inst.start)
            return _Attr(None, None, "X said", 0.6, "unnamed", lo + gm.start())
        return None

    def _spokesperson_for(self, lo: int, end: int) -> _Attr | None:
        """"a spokeswoman for the White House": the institution speaks."""
        m = re.search(r"(?:^|(?<=[\s,]))(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z-]+\s+){0,2}?"
                      r"(?:spokes\w+|representatives?|officials?|press\s+secretary)\s+"
                      r"(?:for|with|at|of|from)\s+(?:the\s+)?([^,\x00]+)$", self.masked[lo:end])
        if not m:
            return None
        inst = self._mention_ending(end)
        if inst is None or inst.kind != "inst" or inst.start < lo + m.start(1):
            return None
        return self._at(self._person_attr(inst, "X said", 0.8), lo + m.start())

    def _promote(self, m: _Mention) -> None:
        """A capitalised name in a speaker's position ("…," Jenkins said) is a person."""
        words = (m.name or "").split()
        if not words or len(words) > 3 or not all(w[0].isupper() for w in words):
            return
        key = self._lookup(words) or " ".join(words)
        self.persons.setdefault(key, _Person(key))
        for other in self.mentions:
            if other.kind == "other" and other.name == m.name:
                other.kind, other.name = "person", key

    def _inst_ref(self, head: str, at: int) -> _Attr:
        """"the company", "the agency": the most recent institution of that kind."""
        words = _INST_REFS[head]
        for m in self._recent(at):
            if m.kind != "inst" or m.modifier:
                continue
            name_words = {_clean(w).lower().rstrip(".") for w in (m.name or "").split()}
            if name_words & words or (head == "agency" and _is_acronym(m.name or "")):
                return self._person_attr(m, "X said", 0.8)
        return _Attr(None, None, "X said", 0.6, "unnamed")

    @staticmethod
    def _at(attr: _Attr, at: int) -> _Attr:
        attr.at = at
        return attr

    def _covers(self, lo: int, attr: _Attr) -> bool:
        """Whether the subject found before a verb is all the text from ``lo`` to the verb (only
        titles, "the" and capitalised title words may precede it)."""
        if attr.at < lo:
            return False
        words = self.masked[lo:attr.at].split()
        return all(w.lower() in _TITLES or w.lower() in _TITLE_MODIFIERS or w.lower() == "the"
                   or w[0].isupper() for w in words)

    def _np_after(self, lo: int, hi: int) -> tuple[_Attr, int] | None:
        """The subject noun phrase that starts at ``lo`` (after an inverted speech verb)."""
        seg = self.masked[lo:hi]
        m = re.match(r"((?:[a-z][\w.-]*\s+){0,3}?)?([A-Z])", seg)
        if m and all(w.lower() in _TITLES or w.lower() in _TITLE_MODIFIERS or w == "the"
                     for w in (m.group(1) or "").split()):
            mention = self._mention_starting(lo + m.start(2))
            if mention is not None and mention.kind in ("person", "inst") \
                    and not mention.possessive:
                return self._person_attr(mention, "said X", 0.95), mention.end
        sp = re.match(r"[^,.;\x00]*", seg)
        if sp:
            found = self._spokesperson_for(lo, lo + sp.end())
            if found is not None:
                found.cue = "said X"
                return found, lo + sp.end()
        um = re.match(r"(?:an?|one|another|some|two|several)\s+(?:[\w’'-]+\s+){0,2}?(\w+)", seg)
        if um:
            return _Attr(None, None, "said X", 0.7, "unnamed"), lo + um.end()
        return None

    def _after(self, q: _Quote) -> _Attr | None:
        """Attribution right after the closing mark: '…," X said' / '…," said X, role'."""
        if q.close_mark is None:
            return None
        lo = q.close_mark + 1
        # up to the end of the sentence or the next quote; when the quote closed its sentence
        # ("“Why now?” Hale asked."), the next sentence of the paragraph
        i = self._sentence_at(q.close_mark)
        hi = max(lo, self.s_end[i])
        if not self.masked[lo:hi].strip() and i + 1 < len(self.s_start) \
                and self.s_para[i + 1] == self.s_para[i]:
            lo, hi = self.s_start[i + 1], self.s_end[i + 1]
        nxt = self.masked.find("\x00", lo)
        if 0 <= nxt < hi:
            hi = nxt
        ctx = self.masked[lo:hi]
        lead = len(ctx) - len(ctx.lstrip(" ,;:—–-"))
        lo += lead
        ctx = ctx[lead:]
        if not ctx:
            return None
        m = re.match(r"according\s+to\s+", ctx)
        if m:
            return self._according(lo + m.end(), hi)
        words = re.match(r"(?:(\w+ly)\s+)?(\w+)\s+", ctx)
        if words and (words.group(2) in _SPEECH or words.group(2) in _INVERTED_ONLY):
            found = self._np_after(lo + words.end(), hi)
            if found:
                attr, end = found
                if attr.kind == "person":
                    appos = self._appositive(end)
                    if appos:
                        attr.cue = "appositive"
                        attr.role = attr.role or appos
                return attr
        for vm in _speech_verbs(ctx):
            if len(ctx[:vm.start()].split()) > 14:
                break
            subj = self._np_before(lo, lo + vm.start())
            # the subject must be the whole text between the mark and the verb
            if subj is None or not self._covers(lo, subj):
                continue
            verb = vm.group()
            if subj.cue == "X said":
                subj.cue = "X told" if verb in ("told", "tells") else \
                    "X wrote" if verb in ("wrote", "writes", "tweeted", "posted") else "X said"
            return subj
        return None

    def _according(self, lo: int, hi: int) -> _Attr:
        """The source after "according to": a name, an institution ("a statement from the
        White House"), a pronoun, or an unnamed source ("aides")."""
        phrase = re.match(r"[^,.;:\x00]*", self.masked[lo:hi])
        stop = lo + (phrase.end() if phrase else 0)
        pm = re.match(r"(he|she|it|him|her)\b", self.masked[lo:stop], re.I)
        if pm:
            attr = self._pronoun({"him": "he", "her": "she"}.get(pm.group(1).lower(),
                                                                  pm.group(1)), lo)
        else:
            attr = None
            for m in self._following(lo):
                if m.start >= stop:
                    break
                if not m.modifier:
                    if m.kind == "other" and m.start == lo:
                        self._promote(m)
                    if m.kind in ("person", "inst"):
                        attr = self._person_attr(m, "according to", 0.9)
                        break
            if attr is None:
                im = re.search(r"\b[Tt]he\s+(" + "|".join(_INST_REFS) + r")\b",
                               self.masked[lo:stop])
                attr = self._inst_ref(im.group(1), lo) if im else _Attr(
                    None, None, "according to", 0.6, "unnamed")
        if attr.cue != "pronoun":
            attr.cue = "according to"
        return attr

    def _before(self, q: _Quote) -> _Attr | None:
        """Attribution earlier in the quote's sentence: 'Lee said: "…' / 'X called it "…"'."""
        lo = self.s_start[self._sentence_at(q.open_mark)]
        ctx = self.masked[lo:q.open_mark]
        if q.headline:
            hm = re.match(r"\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*:", ctx)
            if hm:
                m = self._mention_ending(lo + hm.end(1))
                if m is not None and m.kind in ("person", "inst"):
                    return self._person_attr(m, "colon", 0.75)
        verbs = [m for m in _speech_verbs(ctx) if not _DETERMINER_BEFORE.search(
            ctx, max(0, m.start() - 8), m.start())]
        acc = list(re.finditer(r"\b[Aa]ccording\s+to\s+", ctx))
        if acc and (not verbs or acc[-1].start() > verbs[-1].start()):
            return self._according(lo + acc[-1].end(), q.open_mark)
        if not verbs:
            return None
        vm = verbs[-1]
        verb = vm.group()
        colon = ctx.rstrip().endswith(":")
        cue = "colon" if colon else "before"
        attr = None
        if not verb.endswith("ing"):
            attr = self._np_before(lo, lo + vm.start())
        if attr is None or attr.kind == "unknown":
            main = self._main_subject(lo, lo + vm.start())
            attr = main or attr
        if attr is None:
            return _Attr(None, None, cue, 0.3, "unknown")
        if attr.cue != "pronoun":
            attr.cue = cue
            attr.confidence = min(attr.confidence, 0.9 if colon else 0.85)
        return attr

    def _main_subject(self, lo: int, hi: int) -> _Attr | None:
        """The first person or institution (or he/she) of a sentence: the subject of a
        participle ("…, demanding that…") or of a verb whose own subject was not found. A
        leading adverbial phrase ("In an interview with CNN, …") is skipped."""
        lead = _LEAD_PHRASE.match(self.masked[lo:hi])
        if lead:
            lo += lead.end()
        pron = re.search(r"(?:^|[\s,])(he|she)\b", self.masked[lo:hi], re.I)
        for m in self._following(lo):
            if m.start >= hi:
                break
            if m.modifier or m.possessive:
                continue
            if m.kind == "other" and not self.masked[lo:m.start].strip() and re.match(
                    r"\s+[a-z]", self.masked[m.end:m.end + 2]):
                self._promote(m)  # a name opening the clause, before its verb, is its subject
            if m.kind not in ("person", "inst"):
                continue
            if pron and lo + pron.start(1) < m.start:
                break
            return self._person_attr(m, "before", 0.8)
        if pron:
            return self._pronoun(pron.group(1), lo + pron.start(1))
        return None

    def _intro(self, k: int) -> _Attr | None:
        """Attribution of a paragraph that introduces a block quote with a colon."""
        _p, start, end = self.paras[k]
        ctx = self.masked[start:end]
        verbs = list(_speech_verbs(ctx))
        if verbs:
            vm = verbs[-1]
            attr = None if vm.group().endswith("ing") else self._np_before(start,
                                                                            start + vm.start())
            attr = attr if attr is not None and attr.kind != "unknown" else \
                self._main_subject(start, start + vm.start())
        else:
            attr = self._main_subject(self.s_start[self._sentence_at(end - 1)], end)
        if attr is not None and attr.cue != "pronoun":
            attr.cue = "colon"
            attr.confidence = 0.8
        return attr

    def _reported(self, lo: int, hi: int) -> _Attr | None:
        """The named speaker of reported speech in a sentence ("Bass said she would…")."""
        for vm in _speech_verbs(self.masked, lo, hi):
            if _DETERMINER_BEFORE.search(self.masked, max(lo, vm.start() - 8), vm.start()):
                continue
            attr = None if vm.group().endswith("ing") else self._np_before(lo, vm.start())
            if attr is None or attr.kind == "unknown":
                attr = self._main_subject(lo, vm.start())
            if attr is not None and attr.kind in ("person", "inst"):
                return _Attr(attr.speaker, attr.role, "continuation", 0.65, attr.kind)
            return None
        return None

    def _quote_only(self, k: int) -> bool:
        _p, start, end = self.paras[k]
        return not re.sub(r"[\s\x00.,;:!?—–-]", "", self.masked[start:end])

    # ---- classification ----------------------------------------------------------------

    def _is_title(self, q: _Quote) -> bool:
        """A title case span after a work noun ("the report, “Moving Riverton Forward”") or a
        possessive."""
        span = self.text[q.start:q.end]
        words = re.findall(r"[^\W\d_][\w’'-]*|\d+", span)
        if not words or len(words) > 12:
            return False
        significant = [w for w in words if w.lower() not in _FUNCTION_WORDS]
        if not significant or not all(w[0].isupper() or w[0].isdigit() for w in significant) \
                or not words[0][0].isupper():
            return False
        before = self.masked[max(0, q.open_mark - 60):q.open_mark]
        prev = re.findall(r"[\w’'-]+", before.lower())[-5:]
        if any(w in _WORK_NOUNS for w in prev):
            return True
        # an artist's work: Bad Bunny's "Debí Tirar Más Fotos" (not Trump's "Liberation Day")
        return bool(re.search(r"\w[’']s\s*$", before)) and len(words) >= 3

    def _is_scare(self, q: _Quote, before: _Attr | None) -> bool:
        """One to three words in marks inside a sentence that quote nobody: no attribution right
        after them and no speech verb before them in the sentence; or a nickname after a naming
        verb ("calling the detour the “Lee Loop”")."""
        span = self.text[q.start:q.end]
        lo = self.s_start[self._sentence_at(q.open_mark)]
        ctx = self.masked[lo:q.open_mark]
        if len(span.split()) > 3 or not re.search(r"\w", ctx.replace("\x00", "")) \
                or re.search(r"[?!…]$", span):
            return False
        if before is None:
            return True
        naming = [m.end() for m in _NAMING.finditer(ctx)]
        speech = [m.end() for m in _speech_verbs(ctx)]
        return bool(naming) and max(naming) >= max(speech, default=0) and all(
            w[0].isupper() for w in span.split())

    def classify(self) -> None:
        """Kind and attribution of every quote of the article."""
        for q in self.quotes:
            after = self._after(q)
            before = self._before(q)
            if after is None and self._is_title(q):
                q.kind = "title"
            elif after is None and self._is_scare(q, before):
                q.kind = "scare"
            elif after is not None and after.kind != "unknown":
                q.attr = after
            elif before is not None and before.kind != "unknown":
                q.attr = before
            else:
                q.attr = after or before
        self._continuations()
        self._same_words()

    def _continuations(self) -> None:
        """Unattributed quotes: the previous quote in the paragraph, a colon-introduced block,
        or a quote-only paragraph following a paragraph that quotes someone."""
        by_para: dict[int, list[_Quote]] = {}
        for q in self.quotes:
            by_para.setdefault(q.para, []).append(q)
        for q in self.quotes:
            if q.kind != "quote" or (q.attr is not None and q.attr.kind != "unknown"):
                continue
            lo = self.s_start[self._sentence_at(q.open_mark)]
            starts_sentence = not re.search(r"\w", self.masked[lo:q.open_mark].replace("\x00",
                                                                                       ""))
            earlier = [p for p in by_para[q.para] if p.open_mark < q.open_mark
                       and p.kind == "quote" and p.attr is not None]
            if earlier and starts_sentence:
                prev = earlier[-1].attr
                assert prev is not None
                q.attr = _Attr(prev.speaker, prev.role, "continuation",
                               round(min(prev.confidence, 0.8), 2), prev.kind)
                continue
            i = self._sentence_at(q.open_mark)
            if starts_sentence and i > 0 and self.s_para[i - 1] == self.s_para[i]:
                # "Bass said the raids must end. “They are terrorizing our city.”"
                reported = self._reported(self.s_start[i - 1], self.s_end[i - 1])
                if reported is not None:
                    q.attr = reported
                    continue
            if not self._quote_only(q.para) or q.para == 0:
                continue
            _p, pstart, pend = self.paras[q.para - 1]
            if self.text[pstart:pend].rstrip().endswith(":"):
                intro = self._intro(q.para - 1)
                if intro is not None:
                    q.attr = intro
                    continue
            prior = [p for p in by_para.get(q.para - 1, []) if p.kind == "quote"]
            if prior and prior[-1].attr is not None and prior[-1].attr.speaker is not None:
                prev = prior[-1].attr
                q.attr = _Attr(prev.speaker, prev.role, "continuation",
                               round(min(prev.confidence, 0.75), 2), prev.kind)
            elif not prior:
                # a paragraph reporting what someone said, then the quote paragraph
                last = self._sentence_at(pend - 1)
                q.attr = self._reported(self.s_start[last], self.s_end[last])
        # a quote left open at the end of its paragraph goes on in the next one, which may be
        # where the attribution is ("…they said." in the last paragraph of the quote)
        for q in reversed(self.quotes):
            if q.kind != "quote" or q.close_mark is not None or (
                    q.attr is not None and q.attr.kind != "unknown"):
                continue
            nxt = by_para.get(q.para + 1, [])
            if not nxt or nxt[0].kind != "quote" or nxt[0].attr is None \
                    or nxt[0].attr.speaker is None \
                    or self.masked[self.paras[q.para + 1][1]:nxt[0].open_mark].strip():
                continue
            prev = nxt[0].attr
            q.attr = _Attr(prev.speaker, prev.role, "continuation",
                           round(min(prev.confidence, 0.7), 2), prev.kind)

    def _same_words(self) -> None:
        """A quote with no speaker (or an institution) that repeats words the article gives to a
        named person elsewhere (an embedded post of the same statement) is that person's."""
        named = [q for q in self.quotes if q.kind == "quote" and q.attr is not None
                 and q.attr.kind == "person"]
        for q in self.quotes:
            if q.kind != "quote" or (q.attr is not None and q.attr.kind in ("person", "unnamed")):
                continue
            a = _fold(self.text[q.start:q.end])
            if len(a) < 25:
                continue
            best = None
            for other in named:
                b = _fold(self.text[other.start:other.end])
                if len(b) >= 25 and fuzz.partial_ratio(a, b) >= 90:
                    best = other
                    break
            if best is None or best.attr is None:
                continue
            if q.attr is not None and q.attr.kind == "inst":
                role = (best.attr.role or "").lower()
                inst = (q.attr.speaker or "").lower()
                if not inst or not re.search(r"\b" + re.escape(inst) + r"\b", role):
                    continue
            q.attr = _Attr(best.attr.speaker, best.attr.role, "same quote", 0.7, "person")

    def rows(self) -> list[tuple[object, ...]]:
        """QUOTES rows of the article."""
        out: list[tuple[object, ...]] = []
        for q in self.quotes:
            para = self.paras[q.para][0]
            a = q.attr if q.kind == "quote" else None
            speaker = a.speaker if a is not None else None
            if q.kind == "quote":
                conf = a.confidence if a is not None else 0.3
                cue = a.cue if a is not None else None
            else:
                conf, cue = 0.7, None
            out.append((self.ident, q.sentence, q.end_sentence, para, q.start, q.end,
                        self.text[q.start:q.end], q.kind, speaker,
                        a.role if a is not None and speaker is not None else None,
                        float(conf), cue, q.boilerplate))
        return out


_FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
})


def _fold(text: str) -> str:
    """Lower case, quote and dash variants folded, punctuation and spacing normalised."""
    text = text.translate(_FOLD).lower()
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)
    return " ".join(re.findall(r"[\w']+", text))


def extract_quotes(articles: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Every quoted span of every article with its kind and speaker (schema :data:`QUOTES`),
    in article order then text order."""
    rows: list[tuple[object, ...]] = []
    parts: dict[str, list[tuple[int, int, int, int, str]]] = {}
    s = sentences.sort("article", "index")
    for art_id, *rest in zip(s["article"], s["index"], s["paragraph"], s["start"], s["end"],
                             s["kind"], strict=True):
        parts.setdefault(art_id, []).append(tuple(rest))  # type: ignore[arg-type]
    for ident, text in zip(articles["id"], articles["text"], strict=True):
        sents = parts.get(ident)
        if not sents or text is None:
            continue
        art = _Article(ident, text, sents)
        art.classify()
        rows.extend(art.rows())
    return pl.DataFrame(rows, schema=QUOTES, orient="row")


# --------------------------------------------------------------------------------------------
# across outlets
# --------------------------------------------------------------------------------------------

#: a row's variant, strongest first: the relation a row has with another outlet's quote
_RANKS = ("verbatim", "misattributed", "trimmed", "reworded", "trimmed")
#: content-word overlap (Jaccard) for "reworded": alone, or with the sentences aligned
_REWORDED_SIM, _REWORDED_ALIGNED_SIM = 0.4, 0.2
#: a quote "contains" another outlet's only from this many words (shorter ones: coincidence)
_MIN_CONTAINED, _MIN_MISATTRIBUTED = 2, 3


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


@dataclass
class _Row:
    pos: int
    article: str
    paragraph: int
    text: str
    speaker: str | None
    words: str  # folded text
    stems: frozenset[str]
    groups: frozenset[int]  # alignment groups of the quote's sentences
    statement: str = ""  # folded text of the whole statement the row is a piece of


def _relation(a: _Row, b: _Row) -> tuple[int, float] | None:
    """How row ``a`` relates to row ``b`` of another outlet: (rank in :data:`_RANKS`,
    similarity), or None."""
    shared = len(a.stems & b.stems)
    union = len(a.stems | b.stems)
    sim = shared / union if union else 0.0
    conflict = a.speaker is not None and b.speaker is not None and a.speaker != b.speaker
    na, nb = len(a.words.split()), len(b.words.split())
    equal = a.words == b.words or (min(na, nb) >= 5 and fuzz.ratio(a.words, b.words) >= 95)
    a_in_b = na >= _MIN_CONTAINED and (_contains(b.words, a.words)
                                       or _contains(b.statement, a.words)
                                       or (na >= 5 and fuzz.partial_ratio(a.words, b.statement)
                                           >= 95 and nb > na))
    b_in_a = nb >= _MIN_CONTAINED and (_contains(a.words, b.words)
                                       or _contains(a.statement, b.words))
    if equal and not conflict:
        return 0, 1.0
    if conflict:
        same_words = equal or (a_in_b and na >= _MIN_MISATTRIBUTED) or (
            b_in_a and nb >= _MIN_MISATTRIBUTED)
        return (1, max(sim, 0.9)) if same_words else None
    if a_in_b:
        return 2, sim
    if b_in_a:
        return 4, sim
    if (shared >= 3 and sim >= _REWORDED_SIM) or (
            a.groups & b.groups and shared >= 2 and sim >= _REWORDED_ALIGNED_SIM):
        return 3, sim
    return None


def _rows(quotes: pl.DataFrame, members: pl.DataFrame | None) -> list[_Row]:
    """The kind=quote rows of ``quotes`` with folded words, content stems, alignment groups and
    the statement each is a piece of."""
    q = quotes.with_row_index("_pos").filter(pl.col("kind") == "quote")
    stems = content_tokens(q.select("_pos", "text"), ["_pos"])
    by_pos: dict[int, set[str]] = {}
    for pos, token in zip(stems["_pos"], stems["token"], strict=True):
        by_pos.setdefault(pos, set()).add(token)
    aligned: dict[tuple[str, int], int] = {}
    if members is not None and members.height:
        aligned = {(a, i): g for a, i, g in zip(members["article"], members["index"],
                                                members["group"], strict=True)}
    rows: list[_Row] = []
    for r in q.iter_rows(named=True):
        groups = frozenset(aligned[(r["article"], i)]
                           for i in range(r["sentence"], r["end_sentence"] + 1)
                           if (r["article"], i) in aligned)
        rows.append(_Row(r["_pos"], r["article"], r["paragraph"], r["text"], r["speaker"],
                         _fold(r["text"]), frozenset(by_pos.get(r["_pos"], ())), groups))
    # pieces of one statement: consecutive quotes of one speaker in one paragraph
    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and rows[j].article == rows[i].article and \
                rows[j].paragraph == rows[i].paragraph and rows[j].speaker is not None and \
                rows[j].speaker == rows[i].speaker:
            j += 1
        joined = " ".join(r.words for r in rows[i:j])
        for r in rows[i:j]:
            r.statement = joined
        i = j
    return rows


def compare_quotes(quotes: pl.DataFrame, members: pl.DataFrame | None = None) -> pl.DataFrame:
    """Match each quote with the same statement in the other outlets (schema :data:`COMPARED`).

    Quotes of two outlets are candidates when they share a content word; a quote is
    ``verbatim`` when its words equal another outlet's (quote marks, dashes, case and
    punctuation folded), ``trimmed`` when one's words are a part of the other's (or of the whole
    statement the other outlet splits in pieces), ``reworded`` when the same speaker says the same
    content in other words (content-word overlap, more lenient when the alignment ``members``
    put the two sentences in one group), ``misattributed`` when the same words have another
    speaker, and ``exclusive`` otherwise. ``quote_group`` numbers the connected statements in
    order of first appearance; scare quotes and titles get nulls.
    """
    rows = _rows(quotes, members)
    idx = {r.pos: k for k, r in enumerate(rows)}
    # candidate pairs: rows of different outlets that share a content word (a polars join)
    stems = pl.DataFrame(
        [(r.pos, r.article, s) for r in rows for s in r.stems],
        schema={"pos": pl.Int64, "article": pl.String, "token": pl.String}, orient="row")
    pairs = (
        stems.join(stems, on="token", suffix="_b")
        .filter((pl.col("article") != pl.col("article_b")) & (pl.col("pos") < pl.col("pos_b")))
        .select("pos", "pos_b").unique().sort("pos", "pos_b")
    )
    parent = list(range(len(rows)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    found: dict[int, list[tuple[int, float, int]]] = {}  # row -> (rank, -similarity, other)
    for pa, pb in zip(pairs["pos"], pairs["pos_b"], strict=True):
        a, b = idx[pa], idx[pb]
        for x, y in ((a, b), (b, a)):
            rel = _relation(rows[x], rows[y])
            if rel is not None:
                union(x, y)
                found.setdefault(x, []).append((rel[0], -rel[1], y))
    best: dict[int, tuple[int, float, int]] = {}
    for x, rels in found.items():
        # misattributed only when no other outlet gives these words to the same speaker
        agreed = [r for r in rels if r[0] in (0, 2, 4)]
        best[x] = min(r for r in rels if not agreed or r[0] != 1)
    for k in range(1, len(rows)):
        if rows[k].statement == rows[k - 1].statement and rows[k].article == rows[k - 1].article:
            union(k, k - 1)
    numbers: dict[int, int] = {}
    n = quotes.height
    group: list[int | None] = [None] * n
    variant: list[str | None] = [None] * n
    m_article: list[str | None] = [None] * n
    m_text: list[str | None] = [None] * n
    m_speaker: list[str | None] = [None] * n
    similarity: list[float | None] = [None] * n
    for k, r in enumerate(rows):
        group[r.pos] = numbers.setdefault(find(k), len(numbers))
        if k in best:
            rank, neg_sim, other = best[k]
            variant[r.pos] = _RANKS[rank]
            m_article[r.pos] = rows[other].article
            m_text[r.pos] = rows[other].text
            m_speaker[r.pos] = rows[other].speaker
            similarity[r.pos] = round(-neg_sim, 3)
        else:
            variant[r.pos] = "exclusive"
    return quotes.with_columns(
        pl.Series("quote_group", group, dtype=pl.Int64),
        pl.Series("variant", variant, dtype=pl.String),
        pl.Series("match_article", m_article, dtype=pl.String),
        pl.Series("match_text", m_text, dtype=pl.String),
        pl.Series("match_speaker", m_speaker, dtype=pl.String),
        pl.Series("similarity", similarity, dtype=pl.Float64),
    ).select(COMPARED.names()).cast(dict(COMPARED))


#: a sentence paraphrases a quote when it carries this share of the quote's content words
_PARAPHRASE_COVER, _PARAPHRASE_ALIGNED_COVER, _PARAPHRASE_MIN_WORDS = 0.5, 0.3, 4


def paraphrased(quotes: pl.DataFrame, sentences: pl.DataFrame,
                members: pl.DataFrame | None = None) -> pl.DataFrame:
    """Statements one outlet quotes and another reports without quote marks (schema
    :data:`PARAPHRASES`): for each quote (kind quote, not boilerplate, at least four content
    words) and each other outlet that does not quote the same statement, that outlet's sentence
    whose unquoted words cover most of the quote's content words (at least half; 30% when the
    alignment ``members`` put it in a group with the quote's sentence).
    """
    if "quote_group" not in quotes.columns:
        quotes = compare_quotes(quotes, members)
    q = quotes.with_row_index("_pos").filter(
        (pl.col("kind") == "quote") & ~pl.col("boilerplate"))
    # names are who the statement is about, not what it says
    q_stems = (content_tokens(q.select("_pos", "text"), ["_pos"]).filter(~pl.col("is_name"))
               .select("_pos", "token").unique())
    q_stems = q_stems.join(q_stems.group_by("_pos").len("n_words"), on="_pos").filter(
        pl.col("n_words") >= _PARAPHRASE_MIN_WORDS)
    s = sentences.filter(pl.col("kind") != "boilerplate")
    s_stems = (content_tokens(s.select("article", "index", "text"), ["article", "index"])
               .filter(~pl.col("quoted")).select("article", "index", "token").unique())
    hits = (
        q_stems.join(s_stems, on="token")
        .group_by("_pos", "article", "index")
        .agg(shared=pl.len(), n_words=pl.col("n_words").first())
        .rename({"article": "other_article", "index": "other_sentence"})
        .join(q.select("_pos", "article", "sentence", "end_sentence", "text", "speaker",
                       "quote_group"), on="_pos")
        .filter(pl.col("other_article") != pl.col("article"))
        .with_columns(score=pl.col("shared") / pl.col("n_words"))
    )
    # outlets that quote the statement themselves are not paraphrasing it
    carried = quotes.filter(pl.col("quote_group").is_not_null()).select(
        "quote_group", pl.col("article").alias("other_article")).unique()
    hits = hits.join(carried, on=["quote_group", "other_article"], how="anti")
    if members is not None and members.height:
        own = q.select("_pos", "article", "sentence", "end_sentence").join(
            members.select("article", "index", "group"), on="article").filter(
            pl.col("index").is_between(pl.col("sentence"), pl.col("end_sentence"))
        ).select("_pos", "group")
        other = members.select(pl.col("article").alias("other_article"),
                               pl.col("index").alias("other_sentence"), "group")
        aligned = own.join(other, on="group").select(
            "_pos", "other_article", "other_sentence").unique().with_columns(aligned=pl.lit(True))
        hits = hits.join(aligned, on=["_pos", "other_article", "other_sentence"], how="left")
    else:
        hits = hits.with_columns(aligned=pl.lit(None, dtype=pl.Boolean))
    hits = hits.filter(
        (pl.col("shared") >= 3) & ((pl.col("score") >= _PARAPHRASE_COVER)
                                   | (pl.col("aligned").fill_null(False)
                                      & (pl.col("score") >= _PARAPHRASE_ALIGNED_COVER))))
    texts = sentences.select(pl.col("article").alias("other_article"),
                             pl.col("index").alias("other_sentence"),
                             pl.col("text").alias("other_text"))
    return (
        hits.sort("_pos", "other_article", pl.col("score"), "other_sentence",
                  descending=[False, False, True, False])
        .group_by("_pos", "other_article", maintain_order=True).first()
        .join(texts, on=["other_article", "other_sentence"], how="left")
        .with_columns(pl.col("score").round(3))
        .sort("_pos", "other_article")
        .select(PARAPHRASES.names()).cast(dict(PARAPHRASES))
    )


#: One row per statement (``quote_group``) for reports: the speaker most outlets give, the
#: longest wording outside boilerplate, and each carrying outlet with its variant.
STATEMENTS = pl.Schema(
    {
        "quote_group": pl.Int64,
        "speaker": pl.String,
        "text": pl.String,
        "n_articles": pl.Int64,
        "articles": pl.List(pl.String),
        "variants": pl.List(pl.String),
    }
)


def statements(compared: pl.DataFrame) -> pl.DataFrame:
    """Group the output of :func:`compare_quotes` by statement (schema :data:`STATEMENTS`),
    sorted by speaker (unknown last) then group. An outlet that carries a statement in several
    pieces is listed once, with its strongest variant (misattributed first)."""
    strength = {v: k for k, v in enumerate(("misattributed", "verbatim", "trimmed", "reworded",
                                            "exclusive"))}
    q = compared.filter(pl.col("kind") == "quote").with_row_index("_pos").with_columns(
        _rank=pl.col("variant").replace_strict(strength, default=len(strength),
                                               return_dtype=pl.Int64),
        _len=pl.when(pl.col("boilerplate")).then(0).otherwise(pl.col("text").str.len_chars()))
    speaker = (
        q.filter(pl.col("speaker").is_not_null())
        .group_by("quote_group", "speaker").agg(pl.col("article").n_unique().alias("_n"),
                                                pl.col("_pos").min())
        .sort("quote_group", pl.col("_n"), "_pos", descending=[False, True, False])
        .group_by("quote_group", maintain_order=True).first()
        .select("quote_group", "speaker")
    )
    per_article = q.group_by("quote_group", "article", maintain_order=True).agg(
        pl.col("variant").sort_by("_rank").first())
    return (
        per_article.group_by("quote_group", maintain_order=True)
        .agg(pl.len().alias("n_articles"), pl.col("article").alias("articles"),
             pl.col("variant").alias("variants"))
        .join(q.sort("_len", "_pos", descending=[True, False])
              .group_by("quote_group", maintain_order=True).agg(pl.col("text").first()),
              on="quote_group")
        .join(speaker, on="quote_group", how="left")
        .sort(pl.col("speaker").is_null(), "speaker", "quote_group")
        .select(STATEMENTS.names()).cast(dict(STATEMENTS))
    )

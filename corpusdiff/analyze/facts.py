"""Facts a fact-checker compares, and where aligned outlets disagree on them.

:func:`extract_facts` reads every non-boilerplate sentence with rules (no model): regexes for
money, percentages, dates, weekdays, times, durations and counted numbers; capitalised word runs
split by small gazetteers (US states, big cities, countries, well-known organisations), title
words and a list of common given names for people, organisations and places. A person's title
("DHS Secretary", "assistant director for ICE's Office of Public Affairs") is its own ``title``
mention tied to the person's ``entity`` key, and people are resolved across the corpus so that
"Mayor Karen Bass", "Karen Bass" and "Bass" share one key.

:func:`conflicts` compares the facts of the sentences of each alignment group: the same slot
(a weekday, a count of the same unit, a person's role, a date, a place, an amount of money)
filled with incompatible values by two outlets. :func:`exclusive_facts` lists what only one
outlet mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

import polars as pl

#: One row per fact mention in a non-boilerplate sentence. ``start``/``end`` are offsets into
#: the sentence text; ``text`` is the mention as written; ``value`` is normalised for comparison
#: (people, organisations and places: their corpus-wide key; ``title``: the normalised role).
#: ``unit``: for numbers the counted noun ("agents"), for money the currency, for durations
#: ``days``, for places the place type (city|state|country|site). ``qualifier``: ">", ">=",
#: "<", "<=" or "~" for "more than", "at least", "under", "within", "about". ``amount``: the
#: magnitude of numbers, money, percentages and durations (in days). ``role``: for a person the
#: title written next to the name. ``entity``: the corpus-wide key of the person, organisation
#: or place (for a title: of its person).
FACTS = pl.Schema(
    {
        "article": pl.String,
        "sentence": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "kind": pl.String,
        "text": pl.String,
        "value": pl.String,
        "unit": pl.String,
        "qualifier": pl.String,
        "amount": pl.Float64,
        "role": pl.String,
        "entity": pl.String,
    }
)

FACT_KINDS = ("person", "organization", "place", "number", "money", "percent", "date",
              "weekday", "time", "duration", "title")

#: One row per pair of outlets filling a slot of an alignment group with incompatible values.
CONFLICTS = pl.Schema(
    {
        "group": pl.Int64,
        "kind": pl.String,
        "slot": pl.String,
        "article_a": pl.String,
        "sentence_a": pl.Int64,
        "value_a": pl.String,
        "text_a": pl.String,
        "article_b": pl.String,
        "sentence_b": pl.Int64,
        "value_b": pl.String,
        "text_b": pl.String,
    }
)

#: One row per fact (kind, value, unit) that exactly one outlet mentions: its first mention.
EXCLUSIVE = pl.Schema(
    {
        "article": pl.String,
        "kind": pl.String,
        "value": pl.String,
        "unit": pl.String,
        "text": pl.String,
        "sentence": pl.Int64,
        "mentions": pl.Int64,
    }
)

# --------------------------------------------------------------------------------------------
# word lists

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
           "trillion": 10**12}

#: qualifiers before a quantity -> the comparison they imply
_QUALIFIERS = {
    "more than": ">", "over": ">", "just over": ">", "upwards of": ">", "in excess of": ">",
    "at least": ">=", "no fewer than": ">=", "no less than": ">=",
    "fewer than": "<", "less than": "<", "under": "<", "just under": "<",
    "up to": "<=", "within": "<=", "no more than": "<=", "at most": "<=",
    "about": "~", "around": "~", "nearly": "~", "almost": "~", "roughly": "~",
    "approximately": "~", "some": "~", "an estimated": "~", "close to": "~", "estimated": "~",
}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

#: title words before or after a name (lower case)
_TITLE_WORDS = frozenset(
    """mayor governor gov. senator sen. representative rep. congressman congresswoman secretary
    sec. director czar tsar correspondent reporter advisor adviser president chief commissioner
    judge justice attorney general sheriff officer deputy assistant spokesperson spokeswoman
    spokesman councilmember councilman councilwoman chair chairman chairwoman ceo founder lt.
    lieutenant sgt. sergeant capt. captain detective professor prof. dr. pastor rev. reverend
    superintendent ambassador minister chancellor speaker administrator manager producer anchor
    editor lawyer analyst candidate leader coordinator inspector marshal principal member vice
    acting interim former""".split()
)


def _is_title(low: str) -> bool:
    """A title word, singular or plural ("Councilmembers")."""
    return low in _TITLE_WORDS or (low.endswith("s") and low[:-1] in _TITLE_WORDS)


#: title words that only modify another ("former Trump advisor"): never right before a name
_TITLE_MODIFIERS = frozenset("former acting interim vice then".split())
#: title words that may be part of an organisation's name ("Justice Department")
_WEAK_TITLES = frozenset("justice general chief".split())
_HONORIFICS = frozenset("mr. mrs. ms. mx. mr mrs ms mx".split())
#: words that may stand in front of a title word inside a role ("former", "State", "border")
_ROLE_MODIFIERS = frozenset(
    "former acting interim then outgoing incoming senior executive federal state county city "
    "district national regional local border press public deputy assistant associate top "
    "newly elected longtime veteran".split()
)
#: differences in these words change a role even when one role contains the other
_RANK_WORDS = frozenset(
    "former deputy assistant associate acting interim vice senior junior chief principal "
    "lieutenant under co then outgoing incoming".split()
)
_ROLE_STOP = frozenset("the of for a an and at in on to with".split())

#: reporting verbs next to a bare two-word name mark it as a person
_SPEECH = frozenset(
    "said says told added wrote argued noted claimed stated explained warned insisted replied "
    "asked announced tweeted posted responded according".split()
)

#: capitalised words that never belong to a name (function words, sentence adverbs)
_CAP_STOPS = frozenset(
    """the a an in on at to of for from by with and or but nor so yet if as than that this these
    those there here it its he she they we i you his her their our my your who what when where
    why how which while after before since until during amid against over under about into
    through across between among without within is are was were be been has have had will would
    can could should may might must do does did not no yes now then just also only even still
    meanwhile however moreover furthermore additionally earlier later today tomorrow yesterday
    breaking new update note watch live video read more play photo photos credit speaking
    adding conclusion context understanding implications what's let's""".split()
)

_FIRST_NAMES = frozenset(
    """aaron adam adrian aisha alan albert alex alexander alexandria alexis alice alicia alison
    allison amanda amber amy ana andrea andrew andy angela anita ann anna anne annie anthony
    antonio april ashley barbara ben benjamin beth betsy betty beverly bill billy bob bobby
    bonnie brad bradley brandon brenda brett brian bridget brittany bruce bryan carl carla
    carlos carol caroline carolyn catherine charles charlie cheryl chris christina christine
    christopher chuck cindy claire clarence claudia colin connie cory craig crystal curtis cynthia
    dale dan dana daniel danielle darren dave david dawn dean debbie deborah debra dennis derek
    diana diane dianne don donald donna doris doug douglas dylan ed eddie edward elaine eleanor
    elena elizabeth ellen emily emma eric erica erik erin ernest eugene eva evan frances frank
    fred gabriel gail gary gavin gene george gerald gina glenn gloria grace greg gregory gretchen
    hakeem hannah harold harry heather heidi helen henry hillary holly howard hunter ian ilhan
    isaac jack jackie jacob jake james jamie jane janet janice jared jason javier jay jean jeff
    jeffrey jen jennifer jenny jeremy jerry jesse jessica jill jim jimmy jo joan joanna joe joel
    john johnny jon jonathan jorge jose joseph josh joshua joy joyce juan judith judy julia julian
    julie justin karen karl kate katherine kathleen kathryn kathy katie kay keith kelly ken
    kenneth kevin kim kimberly kristen kristi kristin kristina kyle larry laura lauren lawrence
    lee leslie linda lindsey lisa liz lori louis lucy luis lynn maria marie marilyn mark marsha
    martha martin marty mary matt matthew maxine megan melanie melissa michael michele michelle
    miguel mike mitch mitt molly monica nancy natalie nathan neil nicholas nick nicole nikki noah
    norma olivia pam pamela pat patricia patrick paul paula peggy pete peter phil philip phillip
    rachel ralph ramon randy ray raymond rebecca renee rick ricky rita rob robert roberto robin
    rod roger ron ronald rosa rose ruby russell ruth ryan sally sam samantha samuel sandra sara
    sarah scott sean sharon shawn sheila shirley stacey stephanie stephen steve steven sue susan
    tammy tara ted teresa terry thomas tim timothy tina todd tom tommy tony tracy travis troy
    tyler valerie vanessa vicki victor victoria vincent walter wanda wayne wendy william willie
    zach zachary marcus lena denise gloria irene marjorie naomi nadia rosemary sophia sofia
    chloe zoe ava mia ella abigail madison brooke jasmine keisha latoya tamika shanice malik
    jamal darnell tyrone deshawn andre terrence reggie alejandro alejandra andres cesar diego
    eduardo fernando guadalupe hector jesus manuel mario oscar pablo pedro rafael raul ricardo
    sergio xavier ignacio lucia carmen elena ines wei ming jin hiroshi kenji yuki priya raj rahul
    amit sanjay deepak anil sunil kwame kofi ama fatima mohammed muhammad ahmed omar hassan
    yusuf ibrahim leila layla ali kamala joe ted chuck nancy rand marco ron gretchen josh
    pete kash tulsi""".split()
)

_STATES = """alabama alaska arizona arkansas california colorado connecticut delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia wisconsin wyoming""".split()
_STATES2 = ("new hampshire", "new jersey", "new mexico", "new york state", "north carolina",
            "north dakota", "rhode island", "south carolina", "south dakota", "west virginia")
_CITIES = """chicago houston phoenix philadelphia dallas austin jacksonville columbus charlotte
indianapolis seattle denver boston nashville detroit portland memphis louisville baltimore
milwaukee albuquerque tucson fresno sacramento atlanta omaha miami oakland minneapolis tulsa
tampa arlington cleveland pittsburgh cincinnati anaheim honolulu newark buffalo orlando
riverside irvine glendale pasadena burbank compton inglewood london paris berlin madrid rome
moscow beijing tokyo toronto montreal vancouver kyiv jerusalem dubai""".split()
_CITIES2 = ("los angeles", "new york", "new york city", "san francisco", "san diego",
            "san jose", "san antonio", "las vegas", "fort worth", "el paso", "oklahoma city",
            "kansas city", "long beach", "virginia beach", "new orleans", "st. louis",
            "salt lake city", "santa ana", "santa monica", "mexico city", "tel aviv",
            "hong kong")
_COUNTRIES = """afghanistan albania algeria argentina armenia australia austria bangladesh
belgium bolivia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba
denmark ecuador egypt ethiopia finland france germany ghana greece guatemala haiti honduras
hungary india indonesia iran iraq ireland israel italy jamaica japan jordan kenya lebanon libya
mexico morocco nepal netherlands nicaragua nigeria norway pakistan panama peru philippines
poland portugal qatar romania russia rwanda senegal serbia somalia spain sudan sweden
switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine uruguay venezuela
vietnam yemen zimbabwe""".split()
_COUNTRIES2 = ("united states", "united kingdom", "el salvador", "south africa", "south korea",
               "north korea", "saudi arabia", "new zealand", "dominican republic",
               "costa rica", "sri lanka")
#: aliases -> (canonical name, type)
_PLACE_ALIASES = {
    "la": ("Los Angeles", "city"), "l.a.": ("Los Angeles", "city"),
    "nyc": ("New York", "city"), "new york city": ("New York", "city"),
    "sf": ("San Francisco", "city"), "d.c.": ("Washington, D.C.", "city"),
    "washington": ("Washington", "city"),
    "u.s.": ("United States", "country"), "us": ("United States", "country"),
    "usa": ("United States", "country"), "u.s.a.": ("United States", "country"),
    "america": ("United States", "country"), "uk": ("United Kingdom", "country"),
    "u.k.": ("United Kingdom", "country"), "britain": ("United Kingdom", "country"),
    "new york state": ("New York", "state"),
}
#: well-known organisations: acronym -> names (significant words, any order)
_KNOWN_ORGS = {
    "ICE": ("immigration customs enforcement",),
    "CBP": ("customs border protection",),
    "DOJ": ("department justice", "justice department"),
    "DHS": ("department homeland security", "homeland security department", "homeland security"),
    "FBI": ("federal bureau investigation",),
    "ACLU": ("american civil liberties union",),
    "LAPD": ("los angeles police department",),
    "NYPD": ("new york police department",),
    "USCIS": ("citizenship immigration services",),
    "DEA": ("drug enforcement administration",),
    "FEMA": ("federal emergency management agency",),
    "CIA": ("central intelligence agency",),
    "TSA": ("transportation security administration",),
    "EPA": ("environmental protection agency",),
    "IRS": ("internal revenue service",),
    "DOD": ("department defense", "defense department"),
    "HHS": ("department health human services",),
    "UN": ("united nations",),
    "EU": ("european union",),
    "GOP": ("republican party",),
}
#: multi-word organisations named without a suffix word
_ORG_NAMES = ("white house", "pentagon", "congress", "senate", "supreme court", "fox news",
              "national guard", "border patrol", "associated press", "reuters",
              "new york times", "washington post", "los angeles times", "wall street journal",
              "democratic party", "republican party", "state department", "home depot",
              "marines", "u.s. marines", "twitter", "facebook", "instagram", "tiktok",
              "youtube", "truth social", "reddit", "telegram")
#: last word of a capitalised run that makes it an organisation
_ORG_SUFFIXES = frozenset(
    """enforcement protection patrol department agency council party administration association
    union corporation corp. inc. company co. group news times post journal tribune herald
    gazette university college foundation coalition commission committee service services
    authority bank network institute police marines army navy guard court courts congress
    senate assembly legislature board bureau office ministry fund alliance league church
    hospital school district bakery restaurant cafe store shop market clinic hotel diner
    pharmacy brewery studio theater theatre museum library club center centre airlines motors
    industries holdings partners labs""".split()
)
#: first word of "<head> of <Name>" organisations
_ORG_HEADS = frozenset(
    "department office bureau ministry agency administration commission committee council board "
    "institute university college court house".split()
)
#: last word of a capitalised run that makes it a place
_PLACE_SUFFIXES = frozenset(
    """park street st. avenue ave. boulevard blvd. road rd. bridge county beach valley square
    airport harbor harbour river lake island heights plaza highway freeway courthouse hall
    station port bay canyon""".split()
)
_ALLCAPS_WORDS = frozenset(
    """a i am an and are as at be but by do for go he if in is it me my no of oh ok on or so to
    tv up us we new now the you may also like this that what why how who watch play live read
    more note video update breaking exclusive alert photo story just says said will not all
    out off one two yes top big""".split()
)
#: words before a number that make it a label, not a quantity ("Room 502", "Route 66")
_ID_WORDS = frozenset(
    """room no. number route highway interstate flight section article title proposition prop.
    measure apartment apt. suite unit gate station precinct district ward building floor
    episode chapter bill channel pier terminal platform lot""".split()
)
_UNIT_STOP = frozenset(
    """of to in on at for and or but the a an than that who which were was are is be been had
    have has will would from by with as per each more than percent who whom whose this these
    those his her their its our my your it they he she we i you across after before during
    since until ago""".split()
)
_NOT_PLURAL = frozenset(
    """was is has this its his hers yes thus always perhaps sometimes across unless whereas
    besides towards afterwards news us as plus series species chaos bus gas status campus
    focus virus census consensus bonus process access class glass""".split()
)
_IRREGULAR_PLURALS = frozenset(
    "people men women children police personnel staff feet teeth mice geese cattle data media "
    "troops".split()
)
_SINGULAR_TO_PLURAL = {"person": "people", "man": "men", "woman": "women", "child": "children"}

# --------------------------------------------------------------------------------------------
# sentence-level extraction


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    text: str
    value: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    amount: float | None = None
    role: str | None = None
    entity: str | None = None
    role_span: tuple[int, int] | None = None


class _Token:
    """A word of a sentence; ``text``/``end`` leave out a possessive "'s"."""

    __slots__ = ("cap", "end", "full_end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str, full_end: int) -> None:
        self.start, self.end, self.text, self.full_end = start, end, text, full_end
        self.low = text.lower()
        self.cap = text[:1].isupper()


_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015-"
_TOKEN_RE = re.compile(r"[^\W_][\w&’'.\u2010\u2011-]*")
_ABBREV_DOT = frozenset(
    "mr mrs ms mx dr sen rep gov lt sgt capt gen col prof rev jr sr st ave blvd rd inc corp co "
    "sec asst dept jan feb mar apr jun jul aug sep sept oct nov dec no prop apt".split()
)


def _tokens(text: str) -> list[_Token]:
    """Capitalised words, and the lower-case words a rule reads (titles, connectors, reporting
    verbs), with inner periods, apostrophes and hyphens ("U.S.", "O’Brien", "MS-13"); a
    sentence's final period is cut off, an abbreviation's kept. Two tokens are neighbours only
    when a single space separates them, so a word left out still separates its neighbours."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        word, start = m.group(), m.start()
        if not word[0].isupper() and (
                word.rstrip(".’'-") if word[-1] in ".’'-" else word) not in _KEEP_LOWER:
            continue
        if word[-1] in "’'-.":
            if word.endswith(".."):
                word = word.rstrip(".")
            elif word[-1] == "." and "." not in word[:-1] and len(word) > 2 \
                    and word[:-1].lower() not in _ABBREV_DOT:
                word = word[:-1]
            elif word[-1] in "’'" and len(word) > 1 and word[-2] not in "sS":
                word = word[:-1]  # a closing single quote
            elif word[-1] == "-":
                word = word.rstrip("-")
        full_end = start + len(word)
        if word.endswith(("’s", "'s")) and len(word) > 2:
            word = word[:-2]
        elif word.endswith(("s’", "s'")) and word[:1].isupper():
            word = word[:-1]
        out.append(_Token(start, start + len(word), word, full_end))
    return out


def _decimal(text: str) -> Decimal:
    """The number written in ``text``: digits ("2,500.5"), words ("twenty-five"), scales."""
    text = text.lower().strip()
    m = re.match(r"[\d,]*\.?\d+", text)
    total = Decimal(0)
    current = Decimal(0)
    rest = text
    if m:
        current = Decimal(m.group().replace(",", ""))
        rest = text[m.end():]
    for word in re.split(r"[\s\u2010-\u2015-]+", rest):
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current = Decimal(1)
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = Decimal(0)
    return total + current


def _fmt(d: Decimal) -> str:
    """A number without exponent or trailing zeros: 2500000, 12.5."""
    return format(d.normalize(), "f")


_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z][A-Za-z’'\u2010-\u2015-]*)")


def _unit_after(text: str, pos: int, one: bool) -> tuple[str | None, int]:
    """The counted noun after a number ending at ``pos`` ("100 heavily armed agents" ->
    "agents"), as a lower-case plural, and where it ends."""
    i = pos
    for _ in range(4):
        m = _NEXT_WORD.match(text, i)
        if not m:
            return None, pos
        word = m.group(1)
        low = word.lower()
        if low in _UNIT_STOP:
            return None, pos
        end = m.end()
        if word[0].isupper():  # "100 Border Patrol agents": a name before the noun
            i = end
            continue
        if one:  # "one agent"; "one comes" is a pronoun and a verb
            if low.endswith(("ly", "ed", "ing")):
                i = end
                continue
            if low.endswith("s") and not low.endswith(("ss", "us")) and low not in _NOT_PLURAL:
                return None, pos
            return _SINGULAR_TO_PLURAL.get(low, low + "s"), end
        if low in _IRREGULAR_PLURALS or (
            low.endswith("s") and not low.endswith(("ss", "us", "is", "’s", "'s"))
            and low not in _NOT_PLURAL and len(low) > 2
        ):
            return low, end
        # an adverb, participle, adjective or noun used as modifier: the noun follows
        # ("100 heavily armed agents", "two support columns")
        i = end
    return None, pos


_MONEY_RE = re.compile(
    r"(?P<cur>[$€£])\s?(?P<num>" + _DIGITS + r")(?:\s*(?P<scale>million|billion|"
    r"trillion|thousand|bn|mn|m|b|k)\b)?",
    re.I,
)
# what may follow a number (matched where the number ends)
_MONEY_TAIL = re.compile(r"\s+(?P<cur>dollars|euros|pounds|cents)\b", re.I)
_PERCENT_TAIL = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|percentage points?\b)", re.I)
_DURATION_TAIL = re.compile(r"[\s\u2010-\u2015-]+(?P<unit>second|minute|hour|day|week|month|year"
                            r"|decade)s?\b(?![\u2010-\u2015-]old)", re.I)
_AGE_TAIL = re.compile(r"[\s\u2010-\u2015-]+years?[\s\u2010-\u2015-]+old\b", re.I)
_TALLY_AT = re.compile(r"(?P<a>\d{1,3})[\u2010-\u2015-](?P<b>\d{1,3})\b(?![\u2010-\u2015-])")
_TALLY_CONTEXT = re.compile(r"\b(?:vot\w*|pass\w*|approv\w*|reject\w*|margin|won|lost|beat|"
                            r"defeat\w*|score\w*|ruling|decision)\b", re.I)
#: where a number may start: digits, or a word whose first letter a number word can have
_NUMBER_START = re.compile(r"\b(?:\d|[ZOTFSENADzotfsenad][a-z]*\b)")
_NUMBER_WORDS = frozenset(_WORD_VALUES) | {"a", "an", "dozen"}
_DIGITS_AT = re.compile(_DIGITS)
_WORD_AT = re.compile(r"[A-Za-z]+")
_NEXT_NUMBER_WORD = re.compile(r"[\s\u2010-\u2015-]+([A-Za-z]+)")
_UNITS = frozenset(_SMALL[1:10])
_DIGIT = re.compile(r"\d")
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")
_ROAD_BEFORE = re.compile(r"\b(?:Route|Highway|Interstate|Hwy\.|State Route|U\.S\. Route) $")
#: "the new one", "no one": "one" as a pronoun
_PRONOUN_ONE = frozenset("the this that no new old only each any which every another last first "
                         "next same right wrong".split())

_DATE_ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DATE_NUM_RE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d{2})\b")
#: a capitalised word that may be a month ("June", "Sept."), checked against _MONTHS
_MONTH_WORD = re.compile(r"\b([JFMASOND][a-z]{2,8})(\.?)(?!\w)")
_DAY_YEAR_AFTER = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,\d)(?:,?\s+((?:19|20)\d{2})\b)?")
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?((?:19|20)\d{2})\b")
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_FULL_MONTHS = frozenset(("january february march april may june july august september october "
                          "november december").split())
#: words before "May" or "March" that make it a month, not a verb
_MONTH_CONTEXT = frozenset("in since until by last next early late mid through of this".split())
_WEEKDAY_RE = re.compile(r"\b(?=[MTWFS])(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                         r"|Sunday)s?\b")
_CLOCK_RE = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)",
    re.I,
)
_NOON_RE = re.compile(r"\b(?=[nNmM])(noon|midnight)\b", re.I)
_PART_RE = re.compile(r"\b(?=[maenoMAENO])(morning|afternoon|evening|night|overnight)\b")
#: words right before "morning", "night" that make it a time ("Tuesday morning")
_PART_CONTEXT = frozenset("monday tuesday wednesday thursday friday saturday sunday this that "
                          "last early late yesterday tomorrow the".split())

_DURATION_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
                  "month": 30, "year": 365, "decade": 3650}
_SCALE_WORDS = {"million": 10**6, "m": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9,
                "b": 10**9, "trillion": 10**12, "thousand": 1000, "k": 1000}
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "euros": "EUR",
               "pounds": "GBP", "cents": "USD"}


def _duration_value(n: Decimal, unit: str) -> str:
    unit = unit.lower()
    if unit == "week":
        return f"P{_fmt(n * 7)}D"
    if unit == "decade":
        return f"P{_fmt(n * 10)}Y"
    code = {"second": "S", "minute": "M", "hour": "H", "day": "D", "month": "M", "year": "Y"}[unit]
    return f"PT{_fmt(n)}{code}" if unit in ("second", "minute", "hour") else f"P{_fmt(n)}{code}"


class _Claims:
    """Spans already taken by a mention of higher priority."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def _is_label_number(text: str, start: int, end: int) -> bool:
    """"MS-13", "Room 502", "@user123", digits inside a word or URL: not a quantity."""
    before = text[max(0, start - 1):start]
    after = text[end:end + 1]
    if before and (before.isalnum() or before in "@#/_." or before in _HYPHENS):
        return True
    if after and (after.isalpha() or after in "_/@"):
        return True
    prev = _LAST_WORD.search(text, max(0, start - 20), start)
    return bool(prev and prev.group(1).lower() in _ID_WORDS)


def _word_before(text: str, pos: int, width: int = 16) -> str:
    """The lower-case word right before ``pos`` (only spaces between), or ""."""
    m = _LAST_WORD.search(text, max(0, pos - width), pos)
    return m.group(1).lower() if m else ""


_QUAL_WORDS = re.compile(r"[A-Za-z]+")


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier written right before ``start`` ("more than") and where it starts."""
    lo = max(0, start - 24)
    if start == 0 or not text[start - 1].isspace():
        return None, start
    words = list(_QUAL_WORDS.finditer(text, lo, start))
    if not words or not text[words[-1].end():start].isspace():
        return None, start
    for n in (3, 2, 1):
        tail = words[-n:]
        if len(tail) < n or (tail[0].start() > 0 and text[tail[0].start() - 1].isalpha()):
            continue  # too few words, or the window cut the first one
        if any(not text[a.end():b.start()].isspace() for a, b in pairwise(tail)):
            continue
        phrase = " ".join(w.group().lower() for w in tail)
        if phrase in _QUALIFIERS:
            return _QUALIFIERS[phrase], tail[0].start()
    return None, start


def _number_end(text: str, pos: int) -> int:
    """Where the number written at ``pos`` ends ("2,500", "2.5 million", "twenty-five",
    "a hundred", "three thousand"), or 0 when none starts there."""
    m = _DIGITS_AT.match(text, pos)
    if m:
        end, last = m.end(), ""
    else:
        w = _WORD_AT.match(text, pos)
        if not w or w.group().lower() not in _NUMBER_WORDS:
            return 0
        end, last = w.end(), w.group().lower()
    while nxt := _NEXT_NUMBER_WORD.match(text, end):
        word = nxt.group(1).lower()
        if word in _SCALES or word == "dozen" or (last in _TENS and word in _UNITS):
            end, last = nxt.end(), word
        else:
            break
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return 0  # "5th", "3D"
    return end


def _dates(text: str, add: Callable[..., bool], digits: bool) -> None:
    """ISO and numeric dates, then month names with their day and year when written
    ("June 10, 2025", "10 June 2025", "June 2025", "January")."""
    for rx in (_DATE_ISO_RE, _DATE_NUM_RE) if digits else ():
        for m in rx.finditer(text):
            month, day, year = int(m.group("month")), int(m.group("day")), m.group("year")
            if len(year) == 2:
                year = "20" + year
            if 1 <= month <= 12 and 1 <= day <= 31:
                add(m.start(), m.end(), "date", f"{year}-{month:02d}-{day:02d}")
    for m in _MONTH_WORD.finditer(text):
        word, dot = m.group(1).lower(), m.group(2)
        if word in _FULL_MONTHS:
            start, end = m.start(), m.end(1)
        elif dot and word in _MONTHS:
            start, end = m.start(), m.end()
        else:
            continue
        month = _MONTHS[word]
        after = _DAY_YEAR_AFTER.match(text, end) if digits else None
        if after and 1 <= int(after.group(1)) <= 31:
            year = after.group(2) or "-"
            add(start, after.end(), "date", f"{year}-{month:02d}-{int(after.group(1)):02d}")
            continue
        before = _DAY_BEFORE.search(text, max(0, start - 10), start) if digits else None
        if before and 1 <= int(before.group(1)) <= 31:
            year_m = _YEAR_AFTER.match(text, end)
            year = year_m.group(1) if year_m else "-"
            add(before.start(), year_m.end() if year_m else end, "date",
                f"{year}-{month:02d}-{int(before.group(1)):02d}")
            continue
        year_m = _YEAR_AFTER.match(text, end) if digits else None
        if year_m:
            add(start, year_m.end(), "date", f"{year_m.group(1)}-{month:02d}")
        elif word not in ("may", "march") or _word_before(text, start) in _MONTH_CONTEXT:
            add(start, end, "date", f"month:{month:02d}")  # "may", "march" are verbs too


def _quantities(text: str, claims: _Claims) -> list[_Mention]:
    """Money, dates, weekdays, times, percentages, durations, ages, tallies, numbers, years."""
    out: list[_Mention] = []

    def add(start: int, end: int, kind: str, value: str, **kw: object) -> bool:
        if not claims.free(start, end):
            return False
        claims.take(start, end)
        out.append(_Mention(start, end, kind, text[start:end], value, **kw))  # type: ignore[arg-type]
        return True

    if "$" in text or "€" in text or "£" in text:
        for m in _MONEY_RE.finditer(text):
            n = Decimal(m.group("num").replace(",", ""))
            n *= _SCALE_WORDS.get((m.group("scale") or "").lower(), 1)
            qual, start = _qualifier(text, m.start())
            cur = _CURRENCIES[m.group("cur")]
            add(start, m.end(), "money", f"{_fmt(n)} {cur}", unit=cur, qualifier=qual,
                amount=float(n))
    digits = _DIGIT.search(text) is not None
    _dates(text, add, digits)
    for m in _WEEKDAY_RE.finditer(text):
        add(m.start(), m.end(), "weekday", m.group(1).lower())
    for m in _CLOCK_RE.finditer(text) if digits else ():
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if 1 <= h <= 12 and mi < 60:
            h = (h % 12) + (12 if m.group("ap").lower().startswith("p") else 0)
            add(m.start(), m.end(), "time", f"{h:02d}:{mi:02d}")
    for m in _NOON_RE.finditer(text):
        add(m.start(), m.end(), "time", "12:00" if m.group(1).lower() == "noon" else "00:00")
    for m in _PART_RE.finditer(text):
        before = _word_before(text, m.start())
        if before in _PART_CONTEXT and (before != "the" or _word_before(
                text, m.start() - 4) in ("in", "during")):
            add(m.start(), m.end(), "time", "part:" + m.group(1).lower())
    tally_context = digits and _TALLY_CONTEXT.search(text) is not None
    for w in _NUMBER_START.finditer(text):
        pos = w.start()
        digit = text[pos].isdigit()
        if not digit and w.group().lower() not in _NUMBER_WORDS:
            continue
        if digit and pos > 1 and text[pos - 1] in ",." and text[pos - 2].isdigit():
            continue  # the middle of "2,500" or "2.5"
        if not claims.free(pos, w.end()):
            continue
        _quantity_at(text, pos, digit, tally_context, add)
    return out


def _quantity_at(text: str, pos: int, digit: bool, tally_context: bool,
                 add: Callable[..., bool]) -> None:
    """The quantity whose number starts at ``pos``: a percentage, money in words, an age, a
    duration, a vote tally, a counted number or a year, first that fits."""
    end = _number_end(text, pos)
    if not end:
        return
    num = text[pos:end]
    low = num.lower()
    qual, qstart = _qualifier(text, pos)
    if low not in ("a", "an") and (tail := _PERCENT_TAIL.match(text, end)):
        n = _decimal(num)
        add(qstart, tail.end(), "percent", _fmt(n), qualifier=qual, amount=float(n))
        return
    if tail := _MONEY_TAIL.match(text, end):
        n = _decimal(num)
        word = tail.group("cur").lower()
        if word == "cents":
            n = n / 100
        cur = _CURRENCIES[word]
        add(qstart, tail.end(), "money", f"{_fmt(n)} {cur}", unit=cur, qualifier=qual,
            amount=float(n))
        return
    if tail := _AGE_TAIL.match(text, end):
        n = _decimal(num)
        add(pos, tail.end(), "number", _fmt(n), unit="years old", amount=float(n))
        return
    if tail := _DURATION_TAIL.match(text, end):
        if low not in ("a", "an") or qual or _word_before(text, pos) in (
                "for", "in", "after", "than"):
            n = _decimal(num)
            unit = tail.group("unit").lower()
            add(qstart, tail.end(), "duration", _duration_value(n, unit), unit="days",
                qualifier=qual, amount=float(n) * _DURATION_DAYS[unit])
        return  # "a day after": not a duration, not a number either
    if digit and tally_context:
        tally = _TALLY_AT.match(text, pos)
        if tally and not _is_label_number(text, tally.start(), tally.end()):
            add(pos, tally.end(), "number", f"{tally.group('a')}-{tally.group('b')}",
                unit="tally")
            return
    road = _ROAD_BEFORE.search(text, max(0, pos - 16), pos) if digit else None
    if road:  # "Route 9", "Interstate 5": a place named by a number
        add(road.start(), end, "place", text[road.start():end], unit="site")
        return
    if low in ("a", "an", "dozen") or _is_label_number(text, pos, end):
        return
    n = _decimal(num)
    unit, uend = _unit_after(text, end, n == 1)
    if digit and unit is None and re.fullmatch(r"(?:19|20)\d{2}", num):
        add(pos, end, "date", num)  # "the 2024 election": a year
        return
    if not digit and (unit is None or (low == "one" and (
            _word_before(text, pos) in _PRONOUN_ONE
            or re.match(r"\s+(?:of|another)\b", text[end:end + 10])))):
        return  # a word number counts something ("three agents") or is left alone
    if digit and unit is None and _word_before(text, pos) == "the":
        return  # "ridden the 14": a bus line or a road, not a quantity
    if unit is None or not add(qstart, uend, "number", _fmt(n), unit=unit, qualifier=qual,
                               amount=float(n)):
        add(qstart, end, "number", _fmt(n), unit=None, qualifier=qual, amount=float(n))


_SHOUT_RE = re.compile(r"\b[A-Z]{2,}\W+[A-Z]{2,}\W+[A-Z]{2,}\b")


def _shouting(text: str, tokens: list[_Token]) -> set[int]:
    """Indexes of tokens in a run of three or more all-caps words (a shouted label)."""
    out: set[int] = set()
    if not _SHOUT_RE.search(text):
        return out
    run: list[int] = []
    for i, t in enumerate([*tokens, _Token(0, 0, "x", 0)]):
        if t.text.isupper() and len(t.text) > 1 and t.text.replace(".", "").isalpha():
            run.append(i)
        else:
            if len(run) >= 3:
                out.update(run)
            run = []
    return out


_WORD_START = re.compile(r"\b(?!(?:the|of|for|a|an|and|at|in|on|to|with)\b)[A-Za-z]")


def _title_case(text: str) -> bool:
    """Headline style: most words (function words aside) capitalised."""
    starts = _WORD_START.findall(text)
    caps = sum(c.isupper() for c in starts)
    return len(starts) >= 4 and caps >= 0.7 * len(starts)


def _build_phrases() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """lower-case word tuple -> (kind, canonical value, place type or "")."""
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for names, ptype in ((_STATES, "state"), (_STATES2, "state"), (_CITIES, "city"),
                         (_CITIES2, "city"), (_COUNTRIES, "country"), (_COUNTRIES2, "country")):
        for name in names:
            out[tuple(name.split())] = ("place", name.title(), ptype)
    for alias, (canon, ptype) in _PLACE_ALIASES.items():
        out[tuple(alias.split())] = ("place", canon, ptype)
    for name in _ORG_NAMES:
        out[tuple(name.split())] = ("organization", "", "")
    return out


_PHRASES = _build_phrases()
_PHRASE_MAX = max(len(k) for k in _PHRASES)
_ORG_WORDSETS = {
    frozenset(name.split()): acr for acr, names in _KNOWN_ORGS.items() for name in names
}
_ORG_NOISE = frozenset("the of and for & u.s. us united states".split())


def _org_key(name: str) -> str:
    """Canonical key of an organisation name: a known acronym where one exists."""
    clean = re.sub(r"[’']s$", "", name.strip())
    clean = re.sub(r"^(?:the|The)\s+", "", clean)
    if re.fullmatch(r"[A-Z]{2,6}(?:[\u2010-\u2015-]\d+)?", clean):
        return clean.replace("\u2011", "-")
    words = frozenset(w for w in clean.lower().split() if w not in _ORG_NOISE)
    if words in _ORG_WORDSETS:
        return _ORG_WORDSETS[words]
    clean = re.sub(r"^U\.S\.\s+", "", clean)
    return " ".join(w.capitalize() if w.islower() and w not in _ORG_NOISE else w
                    for w in clean.split())


def _role_before(tokens: list[_Token], i: int, text: str) -> tuple[int, int] | None:
    """The span of the title written right before token ``i`` ("DHS Secretary", "Los Angeles
    Mayor", "former Trump advisor"), or None."""
    j = i - 1
    if j < 0 or text[tokens[j].full_end:tokens[i].start] not in (" ", "\u00a0"):
        return None
    if not _is_title(tokens[j].low) or tokens[j].low in _TITLE_MODIFIERS \
            or tokens[j].full_end != tokens[j].end:
        return None
    first = j
    k = j - 1
    while k >= 0 and i - k <= 7:
        gap = text[tokens[k].full_end:tokens[k + 1].start]
        if gap not in (" ", "\u00a0"):
            break
        t = tokens[k]
        if t.low in _TITLE_WORDS or t.low in _ROLE_MODIFIERS or (
                t.cap and t.low not in _CAP_STOPS and t.full_end == t.end):
            first = k
        elif not (t.low in ("of", "for", "and", "&") and k > 0 and (
                tokens[k - 1].low in _ORG_HEADS or _is_title(tokens[k - 1].low))):
            break  # "Oregon Department of Environmental Quality spokesman"
        k -= 1
    return tokens[first].start, tokens[j].end


_APPOS_HEAD = re.compile(r",\s+(?:(?:the|a|an|then)\s+)?", re.I)
_APPOS_END = re.compile(r"[,;:()“”\"—–]|\.(?:\s|$)|\s(?:said|says|told|who|which|added)\b")


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
    return start, start + len(role.rstrip(". "))


@dataclass
class _Pending:
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


_CONNECTORS = frozenset("of and for & the de la del van von".split())
_PLACE_PREPS = frozenset("in from near outside inside across throughout".split())
#: capitalised words after "in" that are no place names
_NOT_PLACES = frozenset("downtown uptown midtown country city state county town congress "
                        "court office power charge custody".split())
_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "ic", "i")
_GANG_RE = re.compile(r"[A-Z]{2,5}[\u2010-\u2015-]\d{1,3}")
_CALL_SIGN_RE = re.compile(r"[KW][A-Z]{2,3}-(?:TV|FM|AM|DT)")
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,4}")
_NAME_SUFFIXES = ("jr.", "jr", "sr.", "sr", "ii", "iii", "iv")


#: lower-case words some rule reads; the others are left out of the tokens
_KEEP_LOWER = (
    frozenset(_TITLE_WORDS) | {t + "s" for t in _TITLE_WORDS} | _ROLE_MODIFIERS | _SPEECH
    | _CONNECTORS | _PLACE_PREPS | {"administration", "on"}
)


class _Names:
    """People, organisations and places in one sentence, plus lone capitalised words."""

    def __init__(self, text: str, claims: _Claims, tokens: list[_Token], strict: bool) -> None:
        self.text, self.claims, self.tokens, self.strict = text, claims, tokens, strict
        self.out: list[_Mention] = []
        self.pending: list[_Pending] = []
        n = len(tokens)
        self.joined = [
            tokens[x].full_end == tokens[x].end
            and text[tokens[x].end:tokens[x + 1].start] in (" ", "\u00a0")
            for x in range(n - 1)
        ] + [False]
        # words already taken by a date or a number, and shouted labels, are no names
        shout = _shouting(text, tokens)
        if claims.spans:
            shout |= {x for x, t in enumerate(tokens) if not claims.free(t.start, t.end)}
        i = 0
        while i < n:
            t = tokens[i]
            if i in shout or not t.cap:
                i += 1
            elif (_GANG_RE.fullmatch(t.text) and t.text != "COVID-19") or \
                    _CALL_SIGN_RE.fullmatch(t.text) or (
                    t.text == "X" and i > 0 and tokens[i - 1].low == "on" and self.joined[i - 1]):
                self.emit(i, i + 1, "organization", _org_key(t.text))  # "MS-13", "WMBK-TV"
                i += 1
            else:
                j = self.run_end(i, shout)
                if j < n and tokens[j].low == "administration" and self.joined[j - 1] \
                        and tokens[j - 1].low not in _CAP_STOPS:
                    self.emit(j - 1, j + 1, "organization", _org_key(
                        text[tokens[j - 1].start:tokens[j].end]))  # "the Trump administration"
                    end = j - 1
                else:
                    end = j
                k = i
                while k < end:
                    k = self.classify(k, end)
                i = j

    def run_end(self, i: int, shout: set[int]) -> int:
        """End of the capitalised run from ``i``: capitalised words joined by single spaces,
        with connectors ("of", "and") between two of them."""
        tokens, n, j = self.tokens, len(self.tokens), i + 1
        while j < n and self.joined[j - 1]:
            word = tokens[j].cap and j not in shout
            connector = tokens[j].low in _CONNECTORS and self.joined[j] and j + 1 < n \
                and tokens[j + 1].cap
            if not (word or connector):
                break
            j += 1
        return j

    def emit(self, i: int, j: int, kind: str, value: str, unit: str | None = None) -> None:
        s, e = self.tokens[i].start, self.tokens[j - 1].end
        if self.claims.free(s, e):
            self.claims.take(s, e)
            self.out.append(_Mention(s, e, kind, self.text[s:e], value, unit=unit, entity=value))

    def span(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start:self.tokens[j - 1].end]

    def classify(self, k: int, j: int) -> int:
        """Classify what starts at token ``k`` of a run ending at ``j``; the next position."""
        tokens = self.tokens
        tk = tokens[k]
        if not tk.cap:
            return k + 1
        end = self.head_of(k, j) or self.suffixed(k, j)
        if end:
            last = tokens[end - 1].low
            if last in _PLACE_SUFFIXES and last not in _ORG_SUFFIXES:
                self.emit(k, end, "place", self.span(k, end), "site")
            else:
                self.emit(k, end, "organization", _org_key(self.span(k, end)))
            return end
        for size in range(min(_PHRASE_MAX, j - k), 1, -1):  # "Los Angeles", "White House"
            key = tuple(tokens[x].low for x in range(k, k + size))
            if key in _PHRASES and all(self.joined[x] for x in range(k, k + size - 1)):
                kind, value, ptype = _PHRASES[key]
                self.emit(k, k + size, kind, value or _org_key(self.span(k, k + size)),
                          ptype or None)
                return k + size
        if tk.low in _CAP_STOPS or _is_title(tk.low) or tk.low in _HONORIFICS:
            return k + 1
        if _ACRONYM_RE.fullmatch(tk.text) and tk.low not in _ALLCAPS_WORDS:
            if tk.low in _PHRASES_1:  # "L.A.", "U.S."
                kind, value, ptype = _PHRASES[(tk.low,)]
                self.emit(k, k + 1, kind, value, ptype or None)
            elif "." not in tk.text:
                self.emit(k, k + 1, "organization", _org_key(tk.text))
            return k + 1
        return self.person(k, j)

    def head_of(self, k: int, j: int) -> int:
        """"Department of Justice", "Office of Public Affairs": the end, or 0."""
        tokens = self.tokens
        if tokens[k].low not in _ORG_HEADS or k + 2 >= j or tokens[k + 1].low not in (
                "of", "for", "on"):
            return 0
        e = k + 3  # the first word after "of" may be a title word: "Department of Justice"
        while e < j and tokens[e].low not in _TITLE_WORDS and not (
                tokens[e].low == "and" and e + 1 < j and tokens[e + 1].low in _ORG_HEADS):
            e += 1
        while not tokens[e - 1].cap:
            e -= 1
        return e if e > k + 2 else 0

    def suffixed(self, k: int, j: int) -> int:
        """"Los Angeles Police Department", "Immigration and Customs Enforcement", "MacArthur
        Park": the end of the longest stretch from ``k`` whose last word is an organisation or
        place word, or 0."""
        tokens = self.tokens
        best = 0
        e = k
        while e < j:
            t = tokens[e]
            if (t.low in _TITLE_WORDS and t.low not in _WEAK_TITLES) or (
                    t.cap and t.low in _CAP_STOPS):
                break
            if e > k and t.low in _ORG_HEADS and e + 1 < j and tokens[e + 1].low in ("of", "for"):
                break
            if t.low == "and" and (tokens[e - 1].low in _ORG_SUFFIXES
                                   or _ACRONYM_RE.fullmatch(tokens[e - 1].text)):
                break  # "ICE and Border Patrol": two organisations
            if t.cap and (t.low in _ORG_SUFFIXES or t.low in _PLACE_SUFFIXES) and e > k:
                best = e + 1
            e += 1
        return best

    def speech_near(self, i: int, j: int) -> bool:
        """A reporting verb right before token ``i`` or right after token ``j - 1``."""
        tokens = self.tokens
        return (i > 0 and self.joined[i - 1] and tokens[i - 1].low in _SPEECH) or (
            j < len(tokens) and self.joined[j - 1] and tokens[j].low in _SPEECH)

    def person(self, k: int, j: int) -> int:
        """A person's name of up to three words at ``k``, or lone capitalised words."""
        tokens, text = self.tokens, self.text
        tk = tokens[k]
        m_end = k
        while m_end + 1 < j and self.joined[m_end] and tokens[m_end + 1].cap \
                and tokens[m_end + 1].low not in _CAP_STOPS \
                and tokens[m_end + 1].low not in _TITLE_WORDS \
                and (tokens[m_end + 1].low,) not in _PHRASES \
                and not _ACRONYM_RE.fullmatch(tokens[m_end + 1].text):
            m_end += 1
        size = m_end - k + 1
        first_name = tk.low in _FIRST_NAMES
        if first_name and size > 2:
            middle = tokens[k + 1].text
            size = 3 if re.fullmatch(r"[A-Z]\.", middle) or tokens[k + 2].low in _NAME_SUFFIXES \
                else 2
        role = _role_before(tokens, k, text)
        honorific = k > 0 and tokens[k - 1].low in _HONORIFICS and self.joined[k - 1]
        if size >= 2 and (tk.low,) not in _PHRASES and (first_name or (
                not self.strict and size <= 3 and (
                    role is not None or honorific or self.speech_near(k, k + size)
                    or _role_after(text, tokens[k + size - 1].end) is not None))):
            e = tokens[k + size - 1].end
            after = _role_after(text, e)
            span = after if after and (role is None or after[1] - after[0] > role[1] - role[0]) \
                else role
            if self.claims.free(tk.start, e):
                self.claims.take(tk.start, e)
                name = " ".join(tokens[x].text for x in range(k, k + size))
                self.out.append(_Mention(tk.start, e, "person", text[tk.start:e],
                                         _person_key(name), role_span=span))
            return k + size
        if (tk.low,) in _PHRASES and (tk.low != "us" or tk.text == "US"):  # "Ghana", "Texas"
            kind, value, ptype = _PHRASES[(tk.low,)]
            self.emit(k, k + 1, kind, value or _org_key(tk.text), ptype or None)
            return k + 1
        if k + size < len(tokens) and self.joined[k + size - 1] \
                and _is_title(tokens[k + size].low):
            return k + size  # part of a title: "Fire" in "Deputy Fire Chief Dana Whitaker"
        words = [(tokens[x].start, tokens[x].end, tokens[x].text) for x in range(k, k + size)
                 if tokens[x].low not in _CAP_STOPS and not _is_title(tokens[x].low)]
        after_prep = (not self.strict and k > 0 and tokens[k - 1].low in _PLACE_PREPS
                      and self.joined[k - 1] and tk.low not in _NOT_PLACES
                      and not (size == 1 and tk.low.endswith(_DEMONYM_ENDINGS)))
        if words:
            self.pending.append(_Pending(
                words, role, role is not None or honorific, self.speech_near(k, k + size),
                after_prep))
        return k + size


_PHRASES_1 = frozenset(k[0] for k in _PHRASES if len(k) == 1)


def _person_key(name: str) -> str:
    """A person's key: the name with one kind of apostrophe and single spaces."""
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip()


def _sentence_facts(text: str, kind: str) -> tuple[list[_Mention], list[_Pending]]:
    """The mentions of one sentence, quantities first (they claim their words), and the
    capitalised words left for the corpus to decide."""
    claims = _Claims()
    quantities = _quantities(text, claims)
    tokens = _tokens(text)
    # headlines and title-cased lines capitalise every word: only sure names count there
    strict = kind == "headline" or (
        not text.rstrip().endswith((".", "”", '"', "’", "'")) and _title_case(text))
    names = _Names(text, claims, tokens, strict)
    return quantities + names.out, names.pending


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
_ROLE_ABBREV = {"sen": "senator", "gov": "governor", "rep": "representative", "sec": "secretary",
                "asst": "assistant", "dept": "department", "lt": "lieutenant", "adviser": "advisor",
                "dir": "director", "atty": "attorney", "prof": "professor", "tsar": "czar",
                "spokeswoman": "spokesperson", "spokesman": "spokesperson"}


def normalise_role(role: str) -> str:
    """A role reduced for comparison: lower case, possessives, function words and known
    organisation names folded ("assistant director for ICE's Office of Public Affairs" and
    "Assistant Director of the ICE Office of Public Affairs" give the same string)."""
    s = role.lower().replace("’", "'")
    s = re.sub(r"'s?\b", "", s)
    for pattern, repl in _ROLE_CANON:
        s = pattern.sub(repl, s)
    words = [w[:-1] if w.endswith("s") and w[:-1] in _TITLE_WORDS else w
             for w in re.findall(r"[a-z0-9]+", s) if w not in _ROLE_STOP]
    return " ".join(_ROLE_ABBREV.get(w, w) for w in words)


# --------------------------------------------------------------------------------------------
# corpus-level extraction


def extract_facts(sentences: pl.DataFrame) -> pl.DataFrame:
    """One row per fact mention in each non-boilerplate sentence (schema :data:`FACTS`).

    People are resolved across the corpus: a full name ("Karen Bass") gives its key to titled
    and bare surname mentions ("Mayor Bass", "Bass"), preferring a full name of the same article
    when two people share a surname. Each titled person also gets a ``title`` row.
    """
    rows = sentences.filter(pl.col("kind") != "boilerplate").select(
        "article", "index", "text", "kind")
    mentions: list[tuple[str, int, _Mention]] = []
    pending: list[tuple[str, int, _Pending]] = []
    for article, index, text, kind in rows.iter_rows():
        found, rest = _sentence_facts(text, kind)
        mentions.extend((article, index, m) for m in found)
        pending.extend((article, index, p) for p in rest)
    texts = {(a, i): t for a, i, t, _k in rows.iter_rows()}
    mentions.extend(_decide_pending(mentions, pending))

    org_pairs = _acronym_pairs(mentions, texts)
    records = []
    for article, index, m in mentions:
        if m.kind == "person":
            role = None
            if m.role_span is not None:
                rs, re_ = m.role_span
                role = texts[(article, index)][rs:re_]
                records.append((article, index, rs, re_, "title", role, normalise_role(role),
                                None, None, None, role, m.value))
            records.append((article, index, m.start, m.end, "person", m.text, m.value, None,
                            None, None, role, m.value))
        else:
            entity = m.value if m.kind in ("organization", "place") else None
            records.append((article, index, m.start, m.end, m.kind, m.text, m.value, m.unit,
                            m.qualifier, m.amount, None, entity))
    frame = pl.DataFrame(records, schema=FACTS, orient="row")
    org = pl.col("kind") == "organization"
    frame = frame.with_columns(
        pl.when(org).then(pl.col(c).replace(org_pairs)).otherwise(pl.col(c)).alias(c)
        for c in ("value", "entity")
    )
    return _resolve_people(frame).sort("article", "sentence", "start", "kind")


def _resolve_people(frame: pl.DataFrame) -> pl.DataFrame:
    """Give a lone surname ("Bass") the key of the full name it stands for ("Karen Bass"):
    the only full name with that surname in the same article, else in the whole corpus."""
    last = (pl.col("entity").str.replace(r"\s+(?:Jr\.?|Sr\.?|II|III|IV)$", "")
            .str.extract(r"(\S+)$"))
    full = (
        frame.filter((pl.col("kind") == "person") & pl.col("entity").str.contains(" "))
        .select("article", pl.col("entity").alias("_full"), last.alias("_last"))
        .unique()
    )
    local = (full.group_by("article", "_last").agg(pl.col("_full").first(), _n=pl.len())
             .filter(pl.col("_n") == 1).drop("_n").rename({"_full": "_local"}))
    corpus = (full.group_by("_last").agg(pl.col("_full").unique().alias("_names"))
              .filter(pl.col("_names").list.len() == 1)
              .select("_last", pl.col("_names").list.first().alias("_corpus")))
    lone = pl.col("kind").is_in(["person", "title"]) & ~pl.col("entity").str.contains(" ")
    resolved = pl.coalesce("_local", "_corpus", "entity")
    return (
        frame.with_columns(pl.when(lone).then(pl.col("entity")).alias("_last"))
        .join(local, on=["article", "_last"], how="left", maintain_order="left")
        .join(corpus, on="_last", how="left", maintain_order="left")
        .with_columns(
            entity=resolved,
            value=pl.when(pl.col("kind") == "person").then(resolved).otherwise(pl.col("value")),
        )
        .select(FACTS.names())
    )


#: "Riverton City Council", "Millbrook Unified School District": Riverton, Millbrook are towns
_TOWN_INSTITUTIONS = (" City Council", " City Hall", " Town Council", " Police Department",
                      " Fire Department", " Unified School District",
                      " Independent School District", " School District", " Public Schools",
                      " County")


def _town_of(name: str) -> str | None:
    """The town an institution is named after, if its name says so."""
    for suffix in _TOWN_INSTITUTIONS:
        if name.endswith(suffix):
            head = name[:-len(suffix)]
            words = head.split()
            return head if 1 <= len(words) <= 2 and all(w[0].isupper() for w in words) \
                else None
    return None


def _decide_pending(mentions: list[tuple[str, int, _Mention]],
                    pending: list[tuple[str, int, _Pending]]) -> list[tuple[str, int, _Mention]]:
    """People and places among the capitalised words no sentence-level rule placed."""
    speakers = {p.words[0][2] for _a, _i, p in pending
                if len(p.words) == 1 and (p.speech or p.titled)}
    towns = {t for _a, _i, m in mentions if m.kind in ("organization", "place")
             and (t := _town_of(m.text))}
    surnames = {_last_name(m.value) for _a, _i, m in mentions
                if m.kind == "person" and m.value and " " in m.value}
    out: list[tuple[str, int, _Mention]] = []
    rest: list[tuple[str, int, _Pending]] = []
    for article, index, p in pending:
        contiguous = all(b[0] - a[1] == 1 for a, b in zip(p.words, p.words[1:], strict=False))
        if 2 <= len(p.words) <= 3 and contiguous and p.words[-1][2] in speakers:
            start, end = p.words[0][0], p.words[-1][1]
            name = " ".join(w[2] for w in p.words)
            out.append((article, index, _Mention(start, end, "person", name, _person_key(name),
                                                 role_span=p.role_span)))
            surnames.add(p.words[-1][2])
        else:
            rest.append((article, index, p))
    for article, index, p in rest:
        found = False
        for x, (start, end, word) in enumerate(p.words):
            if word in surnames or (x == 0 and len(p.words) == 1 and p.titled and word.isalpha()):
                out.append((article, index, _Mention(start, end, "person", word,
                                                     _person_key(word),
                                                     role_span=p.role_span if x == 0 else None)))
                found = True
        name = " ".join(w[2] for w in p.words)
        if not found and (p.after_prep or name in towns):
            start, end = p.words[0][0], p.words[-1][1]
            out.append((article, index, _Mention(start, end, "place", name, name,
                                                 unit="city" if name in towns else "site",
                                                 entity=name)))
    return out


def _last_name(name: str) -> str:
    words = [w for w in name.split() if w.lower().rstrip(".") not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else name


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")


def _acronym_pairs(mentions: list[tuple[str, int, _Mention]],
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


_PAIR_COLS = ["group", "kind", "slot", "article_a", "sentence_a", "value_a", "text_a",
              "article_b", "sentence_b", "value_b", "text_b"]


def conflicts(facts: pl.DataFrame, members: pl.DataFrame,
              sentences: pl.DataFrame) -> pl.DataFrame:
    """Slots filled differently by two outlets within one alignment group (schema
    :data:`CONFLICTS`).

    A slot is a weekday, a count of one unit ("number:agents"), an amount of money, a
    percentage, a duration, a date, a year, a clock time or part of day, a place of one type
    ("place:city") or a person's role ("role:Karen Bass"). Two values conflict when neither
    outlet also states the other's value in the group and they cannot both be true: intervals
    for bounded quantities ("more than 100" and "120" agree; "about 12,000" and "about 11,000"
    do not: an estimate is compared by its number), date parts (June 10 and June
    agree), roles compared after :func:`normalise_role` (one role containing the other agrees
    unless the extra words change the rank: "Attorney General" vs "Deputy Attorney General").
    A person's role in a group is the role given in the group's sentence, or else the most
    specific role the outlet gives that person anywhere; a role conflict is reported once, in
    the first group where both outlets mention the person.
    """
    live = sentences.filter(pl.col("kind") != "boilerplate").select(
        pl.col("article"), pl.col("index").alias("sentence"))
    grouped = (
        members.select("group", "article", pl.col("index").alias("sentence"))
        .join(live, on=["article", "sentence"], how="semi")
    )
    cols = ["group", "article", "sentence", "start", "kind", "slot", "value", "text", "lo", "hi"]
    slots = _slots(facts).join(grouped, on=["article", "sentence"]).select(cols)

    roles = _article_roles(facts)
    people = (
        facts.filter(pl.col("kind") == "person")
        .join(grouped, on=["article", "sentence"])
        .select("group", "article", "entity")
        .unique()
    )
    local = (
        facts.filter(pl.col("kind") == "title").join(grouped, on=["article", "sentence"])
        .select("group", "article", "entity", "sentence", "start", "value", "text")
    )
    general = (
        people.join(local, on=["group", "article", "entity"], how="anti")
        .join(roles, on=["article", "entity"])
        .with_columns(start=pl.lit(0, pl.Int64))
        .select("group", "article", "entity", "sentence", "start", "value", "text")
    )
    role_slots = pl.concat([local, general]).select(
        "group", "article", "sentence", "start", pl.lit("title").alias("kind"),
        (pl.lit("role:") + pl.col("entity")).alias("slot"), "value", "text",
        pl.lit(None, pl.Float64).alias("lo"), pl.lit(None, pl.Float64).alias("hi"),
    )
    slots = pl.concat([slots, role_slots])
    present = slots.select("group", "slot", "article", "value").unique()
    a = slots.rename({c: f"{c}_a" for c in ("article", "sentence", "start", "value", "text",
                                            "lo", "hi")})
    b = slots.drop("kind").rename({c: f"{c}_b" for c in ("article", "sentence", "start",
                                                         "value", "text", "lo", "hi")})
    pairs = (
        a.join(b, on=["group", "slot"])
        .filter((pl.col("article_a") < pl.col("article_b"))
                & (pl.col("value_a") != pl.col("value_b")))
        .join(present, left_on=["group", "slot", "article_b", "value_a"],
              right_on=["group", "slot", "article", "value"], how="anti")
        .join(present, left_on=["group", "slot", "article_a", "value_b"],
              right_on=["group", "slot", "article", "value"], how="anti")
        .with_columns(*_date_parts("a"), *_date_parts("b"))
    )
    words_a = pl.col("value_a").str.split(" ")
    words_b = pl.col("value_b").str.split(" ")
    extra_a = words_a.list.set_difference(words_b)
    extra_b = words_b.list.set_difference(words_a)
    rank = sorted(_RANK_WORDS)
    role_conflict = (
        ((extra_a.list.len() > 0) & (extra_b.list.len() > 0))
        | extra_a.list.eval(pl.element().is_in(rank)).list.any()
        | extra_b.list.eval(pl.element().is_in(rank)).list.any()
    )
    quantity = pl.col("lo_a").is_not_null() & pl.col("lo_b").is_not_null()
    disjoint = (pl.col("hi_a") < pl.col("lo_b")) | (pl.col("hi_b") < pl.col("lo_a"))
    conflict = (
        pl.when(pl.col("slot").str.starts_with("role:")).then(role_conflict)
        .when(pl.col("slot") == "date")
        .then(_differ("y_a", "y_b") | _differ("m_a", "m_b") | _differ("d_a", "d_b"))
        .when(quantity).then(disjoint)
        .otherwise(pl.lit(True))
    )
    found = (
        pairs.filter(conflict)
        .sort("group", "slot", "article_a", "article_b", "sentence_a", "start_a",
              "sentence_b", "start_b")
        .unique(["group", "slot", "article_a", "article_b", "value_a", "value_b"],
                keep="first", maintain_order=True)
    )
    # a role conflict between two outlets is one finding, however many groups show it
    roles_once = (
        found.filter(pl.col("slot").str.starts_with("role:"))
        .unique(["slot", "article_a", "article_b", "value_a", "value_b"], keep="first",
                maintain_order=True)
    )
    return (
        pl.concat([found.filter(~pl.col("slot").str.starts_with("role:")), roles_once])
        .sort("group", "slot", "article_a", "article_b", "sentence_a", "start_a",
              "sentence_b", "start_b")
        .select(_PAIR_COLS)
        .cast(dict(CONFLICTS))  # type: ignore[arg-type]
    )


def exclusive_facts(facts: pl.DataFrame) -> pl.DataFrame:
    """Entities and quantities only one outlet mentions (schema :data:`EXCLUSIVE`): one row per
    article and fact (kind, value, unit), with its first mention and how often the article
    mentions it. Titles are left out: a person's role is compared by :func:`conflicts`."""
    keyed = facts.filter(pl.col("kind") != "title").with_columns(
        pl.col("unit").fill_null(""))
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
        .select(list(EXCLUSIVE.names()))
        .sort("article", "sentence", "kind", "value")
    )


__all__ = ["CONFLICTS", "EXCLUSIVE", "FACTS", "FACT_KINDS", "conflicts", "exclusive_facts",
           "extract_facts", "normalise_role"]

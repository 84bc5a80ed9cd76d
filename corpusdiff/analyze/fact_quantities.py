"""Quantities in a sentence: money, percentages, dates, weekdays, clock times, durations, ages,
vote tallies, counted numbers ("100 heavily armed agents") and years, with the qualifier written
before them ("more than"). Each becomes a :class:`Mention` and claims its words, so that the
names found afterwards (:mod:`.fact_names`) leave them alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from corpusdiff.analyze.fact_words import (
    CURRENCIES,
    DURATION_DAYS,
    FULL_MONTHS,
    ID_WORDS,
    IRREGULAR_PLURALS,
    MONTH_CONTEXT,
    NOT_PLURAL,
    PART_CONTEXT,
    PRONOUN_ONE,
    QUALIFIERS,
    SCALE_WORDS,
    SCALES,
    SINGULAR_TO_PLURAL,
    SMALL,
    TENS,
    UNIT_STOP,
    WORD_VALUES,
)
from corpusdiff.analyze.shared_words import MONTHS


# compared by identity, never printed: no generated __eq__/__repr__ (a cheaper import)
@dataclass(eq=False, repr=False)
class Mention:
    """A fact found in a sentence at [start, end) of its text (fields as in FACTS); a person's
    title, when written next to the name, is at ``role_span``."""

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


class Claims:
    """Spans already taken by a mention of higher priority."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        for s, e in self.spans:  # noqa: SIM110 - a loop is cheaper than all() of a generator
            if end > s and start < e:
                return False
        return True

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015-"


_LEADING_DIGITS = re.compile(r"[\d,]*\.?\d+")
_WORD_SPLIT = re.compile(r"[\s\u2010-\u2015-]+")
_YEAR = re.compile(r"(?:19|20)\d{2}")
#: a year-like number after one of these is a year even before a noun ("a 2009 paper", "his
#: 2012 campaign"): a count there would read "a 2,009-page" or "the 2,000 people"
YEAR_DETERMINERS = frozenset("a an the this that his her their its our my your whose".split())
_OF_ANOTHER = re.compile(r"\s+(?:of|another)\b")


def _decimal(text: str) -> Decimal:
    """The number written in ``text``: digits ("2,500.5"), words ("twenty-five"), scales."""
    text = text.lower().strip()
    m = _LEADING_DIGITS.match(text)
    total = Decimal(0)
    current = Decimal(0)
    rest = text
    if m:
        current = Decimal(m.group().replace(",", ""))
        rest = text[m.end():]
    for word in _WORD_SPLIT.split(rest):
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current = Decimal(1)
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
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
        if low in UNIT_STOP:
            return None, pos
        end = m.end()
        if word[0].isupper():  # "100 Border Patrol agents": a name before the noun
            i = end
            continue
        if one:  # "one agent"; "one comes" is a pronoun and a verb
            if low.endswith(("ly", "ed", "ing")):
                i = end
                continue
            if low.endswith("s") and not low.endswith(("ss", "us")) and low not in NOT_PLURAL:
                return None, pos
            return SINGULAR_TO_PLURAL.get(low, low + "s"), end
        if low in IRREGULAR_PLURALS or (
            low.endswith("s") and not low.endswith(("ss", "us", "is", "’s", "'s"))
            and low not in NOT_PLURAL and len(low) > 2
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
_TALLY_ANY = re.compile(r"\d[\u2010-\u2015-]\d")
_TALLY_CONTEXT = re.compile(r"\b(?:vot\w*|pass\w*|approv\w*|reject\w*|margin|won|lost|beat|"
                            r"defeat\w*|score\w*|ruling|decision|tall(?:y|ied|ies))\b", re.I)
#: where a number may start: digits, or a word whose first letter a number word can have
_NUMBER_WORDS = frozenset(WORD_VALUES) | {"a", "an", "dozen"}
#: where a number may start: a digit, or a number word (its first letter may be a capital).
#: It opens with a character class and tests the word boundary behind it ("(?<!\w.)" after
#: the first character), as _WEEKDAY_RE and _CLOCK_RE do: re then skips ahead to the
#: characters that can start a match instead of trying a word boundary at every position.
_NUMBER_START = re.compile(r"[\dZOTFSENADzotfsenad](?<!\w.)(?:(?<=\d)|" + "|".join(
    f"(?<=[{c.upper()}{c}])(?:" + "|".join(
        w[1:] for w in sorted(_NUMBER_WORDS, key=len, reverse=True) if w[0] == c) + r")\b"
    for c in sorted({w[0] for w in _NUMBER_WORDS})) + ")")
_DIGITS_AT = re.compile(_DIGITS)
_WORD_AT = re.compile(r"[A-Za-z]+")
_NEXT_NUMBER_WORD = re.compile(r"[\s\u2010-\u2015-]+([A-Za-z]+)")
_UNITS = frozenset(SMALL[1:10])
_DIGIT = re.compile(r"\d")
_ARTICLES = frozenset(("a", "an", "A", "An", "AN"))
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")
#: the same with an abbreviation's period ("No.", "Apt.")
_LAST_ABBREVIATION = re.compile(r"([A-Za-z]+\.?)\s+$")
_ROAD_BEFORE = re.compile(r"\b(?:Route|Highway|Interstate|Hwy\.|State Route|U\.S\. Route) $")

_DATE_ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
#: "9/11": the attacks, the same date as "the Sept. 11 attacks"
_NINE_ELEVEN = re.compile(r"(?<![\w/.])9/11(?![\w/]|\.\d)")
_DATE_NUM_RE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d{2})\b")
#: a capitalised word that may be a month ("June", "Sept."), checked against MONTHS
#: (it opens with the capital, the word boundary and the name read by lookbehinds, so that the
#: re module skips to the capitals)
_MONTH_WORD = re.compile(r"([JFMASOND](?<!\w[JFMASOND])(?=(?:" + "|".join(
    f"(?<={m[0].upper()}){m[1:]}" for m in sorted(sorted(MONTHS, key=len, reverse=True),
                                                   key=lambda m: m[0]))
                         + r")\.?(?!\w))[a-z]{2,8})(\.?)(?!\w)")
_DAY_YEAR_AFTER = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,\d)(?:,?\s+((?:19|20)\d{2})\b)?")
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?((?:19|20)\d{2})\b")
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
#: a noun after a month and day that makes them the name of an event ("the Sept. 11 attacks",
#: "the Jan. 6 committee"): a date of unit "event", which may be of another year than the
#: story's
_EVENT_AFTER = re.compile(r"\s+(?:attacks?|attackers?|hijack(?:ers|ings?)|terror(?:ists?)?\b|"
                          r"victims|commission|committee|panel|riots?|rioters?|insurrection|"
                          r"memorial|museum|plot|defendants|first responders)\b")
_WEEKDAY_RE = re.compile(r"([MTWFS](?<!\w.)(?:(?<=M)onday|(?<=T)uesday|(?<=W)ednesday"
                         r"|(?<=T)hursday|(?<=F)riday|(?<=S)aturday|(?<=S)unday))s?\b")
_CLOCK_RE = re.compile(
    r"(?P<h>\d(?<!\w.)\d?)(?::(?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b"
    r"|p\.m\b)",
    re.I,
)
_NOON_RE = re.compile(r"\b(?=[nNmM])(noon|midnight)\b", re.I)
_PART_RE = re.compile(r"\b(?=[maenoMAENO])(morning|afternoon|evening|night|overnight)\b")


def _duration_value(n: Decimal, unit: str) -> str:
    unit = unit.lower()
    if unit == "week":
        return f"P{_fmt(n * 7)}D"
    if unit == "decade":
        return f"P{_fmt(n * 10)}Y"
    code = {"second": "S", "minute": "M", "hour": "H", "day": "D", "month": "M", "year": "Y"}[unit]
    return f"PT{_fmt(n)}{code}" if unit in ("second", "minute", "hour") else f"P{_fmt(n)}{code}"


def _is_label_number(text: str, start: int, end: int) -> bool:
    """"MS-13", "Room 502", "@user123", digits inside a word or URL, a year cut short
    ("the campaign of ’08"): not a quantity."""
    before = text[max(0, start - 1):start]
    after = text[end:end + 1]
    if before and (before.isalnum() or before in "@#/_." or before in _HYPHENS):
        return True
    if before in ("’", "'") and end - start == 2 and text[start:end].isdigit():
        return True
    if after and (after.isalpha() or after in "_/@"):
        return True
    prev = _LAST_ABBREVIATION.search(text, max(0, start - 20), start)
    return bool(prev and prev.group(1).lower() in ID_WORDS)


def _word_before(text: str, pos: int, width: int = 16) -> str:
    """The lower-case word right before ``pos`` (only spaces between), or ""."""
    m = _LAST_WORD.search(text, max(0, pos - width), pos)
    return m.group(1).lower() if m else ""


_QUAL_WORDS = re.compile(r"[A-Za-z]+")
#: the last word of each qualifier: a number after any other word has none
_QUAL_LAST = frozenset(q.split()[-1] for q in QUALIFIERS)


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier written right before ``start`` ("more than") and where it starts."""
    lo = max(0, start - 24)
    if start == 0 or not text[start - 1].isspace():
        return None, start
    words = list(_QUAL_WORDS.finditer(text, lo, start))
    if not words or not text[words[-1].end():start].isspace() \
            or words[-1].group().lower() not in _QUAL_LAST:
        return None, start
    for n in (3, 2, 1):
        tail = words[-n:]
        if len(tail) < n or (tail[0].start() > 0 and text[tail[0].start() - 1].isalpha()):
            continue  # too few words, or the window cut the first one
        if any(not text[a.end():b.start()].isspace() for a, b in pairwise(tail)):
            continue
        phrase = " ".join(w.group().lower() for w in tail)
        if phrase in QUALIFIERS:
            return QUALIFIERS[phrase], tail[0].start()
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
        if word in SCALES or word == "dozen" or (last in TENS and word in _UNITS):
            end, last = nxt.end(), word
        else:
            break
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return 0  # "5th", "3D"
    return end


def _dates(text: str, add: Callable[..., bool], digits: bool) -> None:
    """ISO and numeric dates, then month names with their day and year when written
    ("June 10, 2025", "10 June 2025", "June 2025", "January"). A month and day without a year
    that name an event (:data:`_EVENT_AFTER`, "9/11") have the unit "event"."""
    for rx, mark in ((_DATE_ISO_RE, "-"), (_DATE_NUM_RE, "/")) if digits else ():
        for m in rx.finditer(text) if mark in text else ():
            month, day, year = int(m.group("month")), int(m.group("day")), m.group("year")
            if len(year) == 2:
                year = "20" + year
            if 1 <= month <= 12 and 1 <= day <= 31:
                add(m.start(), m.end(), "date", f"{year}-{month:02d}-{day:02d}")
    for m in _NINE_ELEVEN.finditer(text) if digits and "9/11" in text else ():
        add(m.start(), m.end(), "date", "--09-11", unit="event")
    for m in _MONTH_WORD.finditer(text):
        word, dot = m.group(1).lower(), m.group(2)
        if word in FULL_MONTHS:
            start, end = m.start(), m.end(1)
        elif dot and word in MONTHS:
            start, end = m.start(), m.end()
        else:
            continue
        month = MONTHS[word]
        after = _DAY_YEAR_AFTER.match(text, end) if digits else None
        if after and 1 <= int(after.group(1)) <= 31:
            year = after.group(2) or "-"
            event = year == "-" and _EVENT_AFTER.match(text, after.end()) is not None
            add(start, after.end(), "date", f"{year}-{month:02d}-{int(after.group(1)):02d}",
                unit="event" if event else None)
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
        elif word not in ("may", "march") or _word_before(text, start) in MONTH_CONTEXT:
            add(start, end, "date", f"month:{month:02d}")  # "may", "march" are verbs too


#: the words after "a"/"an" that can make it a quantity ("a hundred", "a dozen", "a year old",
#: "a week", "a dollars" of _MONEY_TAIL); after any other word the article is no number
_ARTICLE_QUANTITY = frozenset(SCALES) | {"dozen"} | {c for c in CURRENCIES if c.isalpha()} \
    | {u + s for u in DURATION_DAYS for s in ("", "s")}
_WORD_AFTER = re.compile(r"[\s\u2010-\u2015-]+([^\W\d_]+)")


def _article_only(text: str, end: int) -> bool:
    """An "a"/"an" ending at ``end`` that no quantity can start (checked before the slow
    path of :func:`_quantity_at`, which would find nothing there)."""
    m = _WORD_AFTER.match(text, end)
    if m is None:
        return True
    word = m.group(1)
    return word.isascii() and word.lower() not in _ARTICLE_QUANTITY


#: a pattern for polars (the Rust regex crate) that a sentence matches whenever the number scan of
#: :func:`sentence_quantities` may find something there (a superset: a digit; a number word
#: between two non-letters; "a"/"an" before a quantity word or a non-ASCII word), so that a
#: whole column is tested at once and most sentences skip the scan
MAY_HOLD_NUMBER = (
    r"\p{N}|(?:^|[^A-Za-z])(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(_NUMBER_WORDS - {"a", "an"}))
    + r")(?:$|[^A-Za-z])"
    # \s of Rust lacks \x1c-\x1f, which str.isspace (Python's \s) counts
    r"|(?:^|[^A-Za-z])[Aa]n?[\s\x1c-\x1f\u2010-\u2015-]+(?:[A-Za-z]*[^\x00-\x7f]|(?i:"
    + "|".join(sorted(_ARTICLE_QUANTITY)) + "))"
)


def sentence_quantities(text: str, claims: Claims, numbers: bool = True) -> list[Mention]:
    """Money, dates, weekdays, times, percentages, durations, ages, tallies, numbers, years.
    ``numbers`` False: the sentence does not match :data:`MAY_HOLD_NUMBER` (no digit, no number
    scan)."""
    out: list[Mention] = []

    def add(start: int, end: int, kind: str, value: str, **kw: object) -> bool:
        if not claims.free(start, end):
            return False
        claims.take(start, end)
        out.append(Mention(start, end, kind, text[start:end], value, **kw))  # type: ignore[arg-type]
        return True

    if "$" in text or "€" in text or "£" in text:
        for m in _MONEY_RE.finditer(text):
            n = Decimal(m.group("num").replace(",", ""))
            n *= SCALE_WORDS.get((m.group("scale") or "").lower(), 1)
            qual, start = _qualifier(text, m.start())
            cur = CURRENCIES[m.group("cur")]
            add(start, m.end(), "money", f"{_fmt(n)} {cur}", unit=cur, qualifier=qual,
                amount=float(n))
    # MAY_HOLD_NUMBER matches every digit
    digits = numbers and _DIGIT.search(text) is not None
    _dates(text, add, digits)
    for m in _WEEKDAY_RE.finditer(text) if "day" in text else ():
        add(m.start(), m.end(), "weekday", m.group(1).lower())
    for m in _CLOCK_RE.finditer(text) if digits else ():
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if 1 <= h <= 12 and mi < 60:
            h = (h % 12) + (12 if m.group("ap").lower().startswith("p") else 0)
            add(m.start(), m.end(), "time", f"{h:02d}:{mi:02d}")
    lower = text.lower()
    for m in _NOON_RE.finditer(text) if "noon" in lower or "midnight" in lower else ():
        add(m.start(), m.end(), "time", "12:00" if m.group(1).lower() == "noon" else "00:00")
    for m in _PART_RE.finditer(text) if "morning" in text or "afternoon" in text \
            or "evening" in text or "night" in text else ():
        before = _word_before(text, m.start())
        if before in PART_CONTEXT and (before != "the" or _word_before(
                text, m.start() - 4) in ("in", "during")):
            add(m.start(), m.end(), "time", "part:" + m.group(1).lower())
    if not numbers:
        return out
    tally_context = digits and _TALLY_ANY.search(text) is not None \
        and _TALLY_CONTEXT.search(text) is not None
    for w in _NUMBER_START.finditer(text):
        pos = w.start()
        digit = text[pos].isdigit()
        if digit and pos > 1 and text[pos - 1] in ",." and text[pos - 2].isdigit():
            continue  # the middle of "2,500" or "2.5"
        if not claims.free(pos, w.end()):
            continue
        if not digit and w.end() - pos <= 2 and w.group() in _ARTICLES \
                and _article_only(text, w.end()):
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
    # the qualifier ("more than") is read only where a quantity is found: "a" and "an" are
    # numbers to _number_end and most of them are articles
    if low not in ("a", "an") and (tail := _PERCENT_TAIL.match(text, end)):
        qual, qstart = _qualifier(text, pos)
        n = _decimal(num)
        add(qstart, tail.end(), "percent", _fmt(n), qualifier=qual, amount=float(n))
        return
    if tail := _MONEY_TAIL.match(text, end):
        qual, qstart = _qualifier(text, pos)
        n = _decimal(num)
        word = tail.group("cur").lower()
        if word == "cents":
            n = n / 100
        cur = CURRENCIES[word]
        add(qstart, tail.end(), "money", f"{_fmt(n)} {cur}", unit=cur, qualifier=qual,
            amount=float(n))
        return
    if tail := _AGE_TAIL.match(text, end):
        n = _decimal(num)
        add(pos, tail.end(), "number", _fmt(n), unit="years old", amount=float(n))
        return
    if tail := _DURATION_TAIL.match(text, end):
        qual, qstart = _qualifier(text, pos)
        if low not in ("a", "an") or qual or _word_before(text, pos) in (
                "for", "in", "after", "than"):
            n = _decimal(num)
            unit = tail.group("unit").lower()
            add(qstart, tail.end(), "duration", _duration_value(n, unit), unit="days",
                qualifier=qual, amount=float(n) * DURATION_DAYS[unit])
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
    if digit and _YEAR.fullmatch(num) and _word_before(text, pos) in YEAR_DETERMINERS:
        add(pos, end, "date", num)  # "a 2009 paper", "the 2016 presidential candidates"
        return
    qual, qstart = _qualifier(text, pos)
    n = _decimal(num)
    unit, uend = _unit_after(text, end, n == 1)
    if digit and unit is None and _YEAR.fullmatch(num):
        add(pos, end, "date", num)  # "the 2024 election": a year
        return
    if not digit and (unit is None or (low == "one" and (
            _word_before(text, pos) in PRONOUN_ONE
            or _OF_ANOTHER.match(text[end:end + 10])))):
        return  # a word number counts something ("three agents") or is left alone
    if digit and unit is None and _word_before(text, pos) == "the":
        return  # "ridden the 14": a bus line or a road, not a quantity
    if unit is None or not add(qstart, uend, "number", _fmt(n), unit=unit, qualifier=qual,
                               amount=float(n)):
        add(qstart, end, "number", _fmt(n), unit=None, qualifier=qual, amount=float(n))

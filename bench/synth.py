"""Synthetic corpus generator: many outlets covering one (invented) story.

``generate(out_dir, n_articles, n_sentences, seed)`` writes ``a0000.txt``, ``a0001.txt``, ...
with the overlap real coverage of one story has:

* a pool of 60-80 *story facts* (statements and quotes) about a chemical plant fire in an
  invented town, with invented names, titles, numbers, dates and places;
* each article carries a subset of the facts -- popular ones appear in most articles, rare ones
  in a few -- in a loosely shuffled order (the lead tends to come first);
* each fact is rendered verbatim (wire copy), lightly reworded (synonym swaps, the time clause
  moved, "X said" vs "according to X"), trimmed, or with a changed number or day;
* the rest of an article is filler written from a vocabulary of a few thousand word forms with a
  topic-heavy Zipf distribution, so unrelated sentences still share topic words;
* boilerplate per outlet: a byline ("By Name | June 3, 2025"), a "RELATED:" / "YOU MAY ALSO
  LIKE:" link line, "Comments 12", sometimes a newsletter or copyright line;
* a few articles are syndicated copies of an earlier article (same body, other outlet);
* titles such as "Gov." and "Sen." that a naive splitter breaks sentences on.

The first line is a headline without a final period; paragraphs are lines of one to four
sentences. Everything is drawn from ``random.Random(seed)``: the same arguments give the same
bytes. Plain stdlib; 300 articles x 30 sentences take well under a second.

    python bench/synth.py OUT_DIR --articles 300 --sentences 30 [--seed 0]
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import math
import random
import re
import string
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


NOUNS = _words(
    """
account action activity address afternoon agency agreement answer approach area argument
arrangement attention audience authority average balance bank barrier basement bench bill block
board boat body border bottle box branch bridge budget building bus business cabinet camera
campaign candidate capacity car card career case cause center chair challenge chance change
chapter charge choice church circle citizen city claim class client climate coach coast code
colleague collection column committee community concern condition conference contract control
corner cost country course court crop crowd culture customer cycle damage deadline deal debate
decade decision degree delay demand department design detail development device difference
direction director discussion distance district doctor document door draft driver duty edge
editor effect effort election element employee energy engine engineer entrance environment
estimate event exchange experience expert factor family farm farmer fee field figure file
finding floor focus force forecast form foundation frame fund future garden gate generation goal
government grant ground group growth guard guest habit hall hand harbor hearing highway
history holiday hour household idea image impact income industry influence injury
interest interview issue item job journey judge jury kitchen label lake land language law lawyer
layer leader lease lesson letter level library license light limit line list loan location lot
machine majority manager map margin market material matter meal measure meeting member memory
message method mile minute mission model moment month morning mother motion movement museum
neighbor network night notice number object office officer option order organization owner
package page panel parent park part partner party passenger path patient pattern payment period
person phase picture piece pipe place platform player pocket point policy pool position post
power practice premium president pressure price principle priority problem process product
program project property proposal public purpose quality question race radio rain range rate
reaction reader reason record region release report request resource response result
review right risk road role room route rule sale sample schedule scheme season seat
section sector series service session settlement share shop shore sign signal situation size
skill slope society soil solution source space speaker speech staff stage standard station
statement step store story strategy street strength structure student study subject supply
support surface survey system table target task tax teacher team technology term test theory
thing threat ticket tool topic total tower track trade trail training transport trend
trial trip truck trust type unit user valley value van vehicle version victim view village
visit visitor voice volunteer vote wage wall warehouse warning waste watch wave way week
weekend window winter witness writer yard year
"""
)

#: story words: filler draws nouns from here often, so unrelated sentences share topic words
TOPIC_NOUNS = _words(
    """
plant fire smoke chemical tank valve evacuation shelter firefighter resident worker inspection
regulator cleanup plume leak explosion spill permit factory neighborhood air river safety
emergency hazard odor alarm pipeline facility crew company council county town school hospital
"""
)

#: "base" or "base|past" or "base|past|gerund" where the regular rules get it wrong
VERBS = _words(
    """
accept add address admit|admitted|admitting adopt affect agree allow announce appear apply
approve argue arrange arrive ask assess assign assist assume attach attempt attend avoid back
ban|banned|banning believe benefit block boost borrow break|broke bring|brought build|built burn
call cancel carry catch|caught cause change charge check choose|chose claim clean clear close
collect combine compare complete confirm connect consider contact continue
control|controlled|controlling cover create criticize cut|cut|cutting damage debate decide
declare decline defend delay deliver demand deny describe design destroy develop discover
discuss dismiss display divide donate doubt drive|drove drop|dropped|dropping earn ease
echo|echoed enable encourage end enforce enjoy ensure enter estimate evaluate examine expand
expect explain explore express extend face fear fight|fought file fill find|found finish fix
follow force form gain gather give|gave grow|grew handle head hear|heard help hire hold|held
host identify ignore improve include increase inform inspect install introduce invest
investigate invite involve issue join judge keep|kept know|knew lack launch lead|led learn
leave|left limit link list load locate lose|lost maintain manage mark meet|met mention miss
monitor move need note notice observe obtain occupy offer open operate order organize own pass
pay|paid plan|planned|planning play prepare present press prevent produce promise propose
protect provide publish pull push question raise reach read|read receive recall recommend
record recover reduce refer|referred|referring reflect refuse reject release repair repeat
replace report represent request require reserve resolve restore return reveal review
run|ran|running save schedule search secure seek|sought send|sent serve settle share shift
show|showed solve spend|spent split|split|splitting spread|spread start stop|stopped|stopping
strengthen study submit|submitted|submitting suggest supply support suspend take|took target
teach|taught tell|told test thank train transfer|transferred|transferring treat trust try turn
understand|understood
update urge use visit want warn watch welcome win|won|winning write|wrote
"""
)

ADJECTIVES = _words(
    """
able active actual additional administrative annual anxious available aware basic big bitter
blunt bold brief broad busy calm careful central certain cheap civic clean clear close cold
common complex concerned confident constant costly critical crowded crucial current dangerous
dark deep direct distant divided dramatic dry early eastern easy economic effective empty
entire environmental equal essential exact existing expensive extra fair familiar famous fast
federal final financial firm flat formal former fragile free fresh frequent friendly full
general gentle global gradual grim heavy hidden high historic honest huge immediate important
independent industrial informal initial internal key large late legal limited local long loose
loud low main major manual massive medical mild minor missing mixed modern moral narrow national
natural nearby necessary negative nervous new nightly normal northern notable obvious official
old open ordinary original outside overall partial past patient personal physical plain
political poor popular positive possible powerful practical precise present previous primary
private proper public quick quiet rare ready real recent regional regular related relevant
remote rough routine rural safe scarce seasonal second secret senior serious severe sharp short
significant silent similar simple slow small smooth social solid southern special specific
stable steady steep strict strong sudden sufficient sure temporary tense thick thin tight total
tough traditional typical unclear unusual upset urban urgent useful usual vague valuable various
vast visible vital vocal warm weak western wet whole wide wild worried young
"""
)

ADVERBS = _words(
    """
again already also almost briefly carefully certainly clearly closely completely constantly
currently deeply directly easily eventually exactly finally firmly formally frequently fully
gradually heavily immediately increasingly largely lately later mainly merely mostly nearly
often openly partly previously privately publicly quickly quietly rarely recently regularly
repeatedly roughly sharply simply slowly sometimes soon steadily still strongly suddenly
typically usually widely
"""
)

PREPOSITIONS = _words(
    """
in near across behind beyond along around outside inside toward under over after before during
despite without within between among against
"""
)

SAY_VERBS = _words("said argued noted added suggested insisted warned claimed wrote")

FIRST_NAMES = _words(
    """
Ada Alan Alma Amir Ana Ben Bianca Carl Carmen Chloe Dana Daniel Diego Elena Eli Emma Eric Farah
Felix Grace Hana Hector Ian Ines Ivan Jada James Jin Joel Julia Kara Karim Kenji Lena Leo Lila
Luis Maya Marco Maria Mei Nadia Nate Nina Omar Owen Paula Pedro Priya Quinn Rafael Rosa Ruth
Sam Sara Sean Sofia Tariq Tessa Theo Uma Vera Victor Wade Wren Yara Yusuf Zoe
"""
)

NAME_HEADS = _words(
    """
Al Bar Bel Bren Cal Cor Dal Del Dun El Fen Gar Hal Hol Jar Kes Kel Lan Lin Mar Mor Nor Oak Pem
Quil Ros Sal Sat Tam Tor Vel Wex Ash Brad Crom Dray Ever Fair Grim Hart
"""
)
NAME_TAILS = _words(
    """
bury ford ley ton wick man son stead more dale ridge well ham croft worth by ing ard ett ick
"""
)
PLACE_TAILS = _words("ville port ford ton burg field haven mouth wood bridge brook dale")
MONTHS = _words(
    """
January February March April May June July August September October November December
"""
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# --------------------------------------------------------------------------------------------
# Word forms
# --------------------------------------------------------------------------------------------


def plural(noun: str) -> str:
    """English plural by the regular rules (the vocabulary avoids irregular nouns)."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass(frozen=True)
class Verb:
    base: str
    past: str
    third: str
    gerund: str


def conjugate(entry: str) -> Verb:
    """A VERBS entry ("base" or "base|past|gerund") with the regular rules filling the gaps."""
    parts = entry.split("|")
    base = parts[0]
    if base.endswith("e"):
        past, gerund = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, gerund = base[:-1] + "ied", base + "ing"
    else:
        past, gerund = base + "ed", base + "ing"
    past = parts[1] if len(parts) > 1 else past
    gerund = parts[2] if len(parts) > 2 else gerund
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return Verb(base, past, third, gerund)


VERB_FORMS = [conjugate(v) for v in VERBS]


class Zipf:
    """Draws words with weight 1/rank**s; the rank order is shuffled by the caller's rng."""

    def __init__(self, words: Sequence[str], rng: random.Random, s: float = 0.9) -> None:
        self.words = list(words)
        rng.shuffle(self.words)
        self.cum = list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(len(self.words))))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random) -> str:
        return self.words[bisect.bisect(self.cum, rng.random() * self.total)]


def vocabulary_size() -> int:
    """Distinct word forms the filler draws from (names and numbers not counted)."""
    forms = set(NOUNS) | {plural(n) for n in NOUNS} | set(TOPIC_NOUNS)
    forms |= {plural(n) for n in TOPIC_NOUNS} | set(ADJECTIVES) | set(ADVERBS)
    for v in VERB_FORMS:
        forms |= {v.base, v.past, v.third, v.gerund}
    return len(forms)


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


_A_AN = re.compile(r"\b([Aa]) (?=[aeioAEIO]|[uU](?:n[^i]|p|r))")  # an urgent, a unit


def fix_articles(text: str) -> str:
    return _A_AN.sub(r"\1n ", text)


# --------------------------------------------------------------------------------------------
# The story world: people, places, numbers, dates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    #: title placed before the name ("Fire Chief"), or "" when the person only has an appositive
    prefix: str
    #: description after the name ("the town's fire chief")
    appositive: str

    @property
    def last(self) -> str:
        return self.name.split()[-1]

    def mention(self, form: str, mid: bool) -> str:
        """``form``: full (prefix + name), appositive, or last; ``mid`` adds the comma that
        closes an appositive in the middle of a sentence."""
        if form == "full" and self.prefix:
            return f"{self.prefix} {self.name}"
        if form == "last":
            return self.last
        return f"{self.name}, {self.appositive}" + ("," if mid else "")


class Names:
    """Invented surnames and places, never the same one twice in a world."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make: Callable[[], str]) -> str:
        for _ in range(50):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        return make()

    def surname(self) -> str:
        r = self.rng
        return self._fresh(lambda: r.choice(NAME_HEADS) + r.choice(NAME_TAILS))

    def place(self) -> str:
        r = self.rng
        return self._fresh(lambda: r.choice(NAME_HEADS) + r.choice(PLACE_TAILS))

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.surname()}"


def fmt_date(d: dt.date, year: bool = False) -> str:
    text = f"{MONTHS[d.month - 1]} {d.day}"
    return f"{text}, {d.year}" if year else text


def build_world(rng: random.Random) -> tuple[dict[str, object], dict[str, Person], Names]:
    """Slot values for the fact templates and the cast of people, by role."""
    names = Names(rng)
    town, county, river = names.place(), names.place(), names.place()
    company = f"{names.surname()} {rng.choice(['Chemical', 'Polymers', 'Industries', 'Solvents'])}"
    day0 = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(240))
    day1 = day0 + dt.timedelta(days=1)
    meeting = day0 + dt.timedelta(days=rng.randint(3, 6))
    hospital = f"{names.place()} Regional Medical Center"
    neighborhood = f"{names.surname()} {rng.choice(['Heights', 'Park', 'Flats', 'Hill'])}"

    cast_spec = {
        "mayor": ("Mayor", f"the mayor of {town}"),
        "chief": ("Fire Chief", f"the {town} fire chief"),
        "ceo": ("", f"the chief executive of {company}"),
        "spokesperson": ("", f"a spokesperson for {company}"),
        "governor": ("Gov.", "the governor"),
        "sheriff": (f"{county} County Sheriff", f"the {county} County sheriff"),
        "health": ("", "the county health director"),
        "env": ("", "a regional director at the state environmental agency"),
        "marshal": ("State Fire Marshal", "the state fire marshal"),
        "union": ("", "president of the union local that represents workers at the plant"),
        "hospital": ("", f"a spokesperson for {hospital}"),
        "emergency": ("", "the county emergency management coordinator"),
        "superintendent": ("Superintendent", f"superintendent of the {county} school district"),
        "councilmember": ("Council Member", f"a member of the {town} Town Council"),
        "senator": ("Sen.", "a state senator who represents the area"),
        "lawyer": ("", "a lawyer representing evacuated families"),
        "pastor": ("the Rev.", f"pastor of a church in {neighborhood}"),
        "utility": ("", f"general manager of the {town} water utility"),
        "expert": ("", f"a professor of chemical engineering at {names.place()} University"),
        "police": ("Police Chief", f"the {town} police chief"),
    }
    cast = {role: Person(names.person(), p, a) for role, (p, a) in cast_spec.items()}
    streets = [f"{names.surname()} {s}" for s in ("Street", "Avenue", "Road", "Lane")]
    for i in range(1, 5):
        years = rng.randint(3, 40)
        where = rng.choice(
            [
                f"who lives on {streets[i - 1]}",
                f"who has lived in {neighborhood} for {years} years",
                f"a resident of {neighborhood}",
                "who lives a few blocks from the plant",
            ]
        )
        cast[f"resident{i}"] = Person(names.person(), "", where)

    injured = rng.randint(6, 40)
    values: dict[str, object] = {
        "town": town,
        "county": county,
        "river": river,
        "company": company,
        "neighborhood": neighborhood,
        "street": streets[0],
        "chemical": rng.choice(["styrene", "vinyl chloride", "acrylonitrile", "butadiene"]),
        "shelter": f"{town} High School",
        "hospital_name": hospital,
        "union_org": f"Local {rng.randint(100, 999)} of the chemical workers union",
        "rail": f"{names.place()} Southern",
        "route": rng.randint(9, 99),
        "day": WEEKDAYS[day0.weekday()],
        "next_day": WEEKDAYS[day1.weekday()],
        "meeting_day": WEEKDAYS[meeting.weekday()],
        "date": fmt_date(day0),
        "time_pm": f"{rng.randint(8, 11)}:{rng.choice(['05', '15', '20', '40', '50'])} p.m.",
        "evacuated": rng.randrange(1200, 9000, 50),
        "radius": rng.choice([2, 3, 5]),
        "injured": injured,
        "hospitalized": max(2, injured // rng.randint(3, 5)),
        "firefighters": rng.randint(60, 220),
        "crews": rng.randint(6, 19),
        "hours": rng.randint(9, 30),
        "cost": rng.randint(12, 90),
        "violations": rng.randint(3, 14),
        "vyears": rng.choice([5, 8, 10]),
        "fine": rng.randrange(40_000, 400_000, 500),
        "fine_year": rng.randint(2015, 2022),
        "employees": rng.randrange(180, 900, 10),
        "founded": rng.randint(1952, 1991),
        "workers": rng.randint(30, 140),
        "schools": rng.randint(3, 14),
        "env_staff": rng.randint(6, 25),
        "sheltered": rng.randrange(80, 600, 10),
        "heard_miles": rng.randint(4, 20),
        "closed_weeks": rng.randint(3, 12),
        "population": rng.randrange(9_000, 60_000, 100),
        "road_hours": rng.randint(5, 20),
        "prior_year": rng.randint(1968, 1999),
        "prior_dead": rng.randint(2, 9),
        "er_patients": rng.randint(20, 120),
        "lawsuits": rng.randint(2, 9),
        "lawsuit_year": rng.randint(2005, 2019),
        "suit_million": rng.randint(5, 50),
        "masks": rng.randrange(1000, 12000, 500),
        "inspect_month": rng.choice(MONTHS),
        "inspect_year": rng.randint(2021, 2024),
        "share_drop": rng.randint(3, 18),
        "fund": rng.randrange(20_000, 250_000, 1000),
        "outage": rng.randrange(500, 6000, 100),
        "radar_miles": rng.randint(30, 90),
        "missing": rng.randint(2, 6),
        "flame_ft": rng.randrange(50, 200, 10),
        "father_years": rng.randint(15, 35),
        "foam_gallons": rng.randrange(5000, 40000, 1000),
        "year": day0.year,
        "day0": day0,
    }
    for role, person in cast.items():
        values[role] = person.mention("full", mid=True)
        values[f"{role}_last"] = person.last
    return values, cast, names


# --------------------------------------------------------------------------------------------
# Story facts
# --------------------------------------------------------------------------------------------

#: (when, body, tail, source role); when goes first or last, tail after a comma (no comma
#: before "before ..." and "until ...")
STATEMENTS: list[tuple[str | None, str, str | None, str | None]] = [
    (
        "late {day}",
        "a fire tore through the {company} plant on the edge of {town}",
        "sending a plume of black smoke over the {river} valley",
        None,
    ),
    (
        None,
        "about {evacuated:,} residents were ordered to leave their homes within a {radius}-mile "
        "radius of the plant",
        None,
        "sheriff",
    ),
    (
        None,
        "at least {injured} people were injured, {hospitalized} of them seriously",
        None,
        "hospital",
    ),
    (
        None,
        "{firefighters} firefighters from {crews} departments battled the fire for {hours} hours",
        "before bringing it under control",
        "chief",
    ),
    (
        "on {next_day} morning",
        "the evacuation order was lifted for most neighborhoods",
        "though residents closest to the plant were told to stay away",
        "emergency",
    ),
    (
        None,
        "the plant stores large quantities of {chemical}, a compound used to make plastics",
        None,
        None,
    ),
    (None, "the cause of the fire is under investigation", None, "marshal"),
    (
        None,
        "investigators believe the fire started in a storage tank near the loading dock",
        None,
        "marshal",
    ),
    (
        None,
        "the company was cited for {violations} safety violations over the past {vyears} years",
        "including failures to inspect pressure valves",
        None,
    ),
    ("in {fine_year}", "{company} paid ${fine:,} in fines after a chemical leak", None, None),
    (
        None,
        "the plant employs about {employees} people and has operated in {town} since {founded}",
        None,
        None,
    ),
    (None, "all {workers} workers on the night shift were accounted for", None, "spokesperson"),
    (
        "on {next_day}",
        "{schools} schools in the {county} district were closed",
        "and classes moved online for the rest of the week",
        "superintendent",
    ),
    (
        None,
        "air monitors detected elevated levels of {chemical} in two neighborhoods downwind of "
        "the plant",
        None,
        "env",
    ),
    (
        None,
        "residents were advised to keep windows closed and to avoid drinking tap water",
        "until further notice",
        "health",
    ),
    (
        None,
        "the state environmental agency sent a team of {env_staff} inspectors to the site",
        None,
        "env",
    ),
    (
        "on {next_day}",
        "{governor} declared a state of emergency in {county} County",
        "freeing up state money for the cleanup",
        None,
    ),
    (None, "the damage is expected to exceed ${cost} million", None, "ceo"),
    (
        None,
        "runoff from the firefighting foam reached the {river} River",
        "prompting a ban on fishing downstream",
        "env",
    ),
    (
        None,
        "a shelter for evacuated families opened at {shelter}",
        "where about {sheltered} people spent the night",
        "emergency",
    ),
    (None, "the company said it would pay hotel costs for displaced residents", None, None),
    ("on {next_day}", "{ceo} apologized to the community at a news conference", None, None),
    (None, "the town council scheduled an emergency meeting for {meeting_day} evening", None, None),
    (
        None,
        "{councilmember} called for an independent review of the plant’s safety record",
        None,
        None,
    ),
    (
        "on {next_day}",
        "a worker who was treated for burns remained in critical condition",
        None,
        "hospital",
    ),
    (None, "the explosion could be heard {heard_miles} miles away", None, None),
    ("shortly after {time_pm}", "the first emergency calls came in", None, "emergency"),
    (
        "on {next_day} afternoon",
        "a second, smaller fire flared up",
        "but was quickly put out",
        "chief",
    ),
    (
        None,
        "{union_org} represents most of the plant’s workers",
        "and has complained for years about staffing cuts",
        None,
    ),
    (None, "workers had reported a leaking valve in the weeks before the fire", None, "union"),
    (
        None,
        "the company disputed that account",
        "saying all maintenance requests had been handled",
        "spokesperson",
    ),
    (
        "on {meeting_day}",
        "federal safety investigators are expected to arrive at the site",
        None,
        None,
    ),
    (None, "the plant will remain closed for at least {closed_weeks} weeks", None, "ceo"),
    (None, "{town} has a population of about {population:,}", None, None),
    (
        None,
        "{neighborhood}, the neighborhood closest to the plant, is home to many of its workers",
        None,
        None,
    ),
    (None, "Route {route} was closed in both directions for {road_hours} hours", None, "police"),
    (None, "{rail} freight trains were rerouted away from the area", None, None),
    (
        None,
        "the fire is the worst industrial accident in {county} County since {prior_year}",
        "when a grain elevator exploded and killed {prior_dead} workers",
        None,
    ),
    (None, "{hospital_name} treated {er_patients} people for breathing problems", None, "hospital"),
    (None, "farmers east of town were told to keep livestock indoors", None, "emergency"),
    (
        None,
        "the company has faced {lawsuits} lawsuits from neighbors over odors and noise since "
        "{lawsuit_year}",
        None,
        None,
    ),
    (
        "on {next_day}",
        "a class-action lawsuit was filed on behalf of evacuated residents",
        None,
        "lawyer",
    ),
    (None, "the lawsuit seeks at least ${suit_million} million in damages", None, None),
    (
        None,
        "{senator} asked regulators to review chemical storage rules at plants near homes",
        None,
        None,
    ),
    (None, "volunteers handed out {masks:,} face masks at the town library", None, None),
    (
        None,
        "the water utility began testing wells within {radius} miles of the plant",
        None,
        "utility",
    ),
    (
        None,
        "the plant was last inspected by the state in {inspect_month} {inspect_year}",
        None,
        "env",
    ),
    (None, "that inspection found no serious problems", None, None),
    ("on {next_day}", "shares of {company} fell {share_drop} percent", None, None),
    (
        None,
        "a fund set up by local churches raised ${fund:,} for displaced families in two days",
        None,
        "pastor",
    ),
    (None, "power was cut to about {outage:,} homes as a precaution", None, "utility"),
    (None, "the smoke plume could be seen on weather radar {radar_miles} miles away", None, None),
    (
        None,
        "{mayor} urged residents not to return until officials declare the area safe",
        None,
        None,
    ),
    (None, "no deaths have been reported", None, "chief"),
    (
        None,
        "{missing} workers were briefly unaccounted for",
        "but were later found safe at a nearby warehouse",
        "sheriff",
    ),
]

#: (speaker role, quote); quotes are reported, never reworded, but trimmed and re-attributed
QUOTES: list[tuple[str, str]] = [
    ("mayor", "This is the day we were afraid of for a long time, and we will get answers."),
    ("chief", "When we arrived, the flames were more than {flame_ft} feet high."),
    ("chief", "My crews did an incredible job under very dangerous conditions."),
    ("ceo", "We are deeply sorry for what our neighbors are going through."),
    ("ceo", "We will cooperate fully with every investigation, and we will rebuild."),
    ("resident1", "The whole house shook, and then the sky turned orange."),
    ("resident2", "I grabbed my kids and the dog, and we just drove."),
    ("resident3", "We have been complaining about that smell for years, and nobody listened."),
    ("union", "Our members told management about that valve again and again."),
    ("governor", "The state will stand with {town} for as long as it takes."),
    ("health", "Right now there is no evidence of long-term risk, but we are being careful."),
    ("env", "We are testing the air every hour, and we will publish every result."),
    ("marshal", "It is far too early to say what caused this."),
    ("sheriff", "Please do not try to go back to your homes yet."),
    ("spokesperson", "Safety has always been our first priority."),
    ("councilmember", "How many warnings does it take before someone acts?"),
    ("hospital", "Most of the patients we saw had mild symptoms, and they went home the same day."),
    (
        "resident4",
        "My father worked at that plant for {father_years} years, and he never trusted "
        "those tanks.",
    ),
    (
        "superintendent",
        "We are not going to put children in those buildings until the air is clean.",
    ),
    ("lawyer", "These families did nothing wrong, and they deserve to be made whole."),
    ("senator", "No family should have to live a mile from a ticking time bomb."),
    ("pastor", "People are scared, but they are also showing up for each other."),
    ("mayor", "I want every resident to know that the town has your back."),
    ("resident1", "I heard a pop, then a boom, and then the windows came in."),
    (
        "expert",
        "Fires like this one are rare, but when they happen near homes, the damage can "
        "last for years.",
    ),
    (
        "chief",
        "We used {foam_gallons:,} gallons of foam, and we would have used more if we had it.",
    ),
    ("env", "Anything that went into the river will be tracked down and cleaned up."),
    ("utility", "The water is safe to drink, but we will keep testing it."),
]

SYNONYMS: dict[str, list[str]] = {
    "fire": ["blaze"],
    "tore through": ["swept through", "ripped through"],
    "residents": ["people", "locals"],
    "ordered": ["told"],
    "homes": ["houses"],
    "injured": ["hurt"],
    "battled": ["fought"],
    "bringing it under control": ["containing it"],
    "lifted": ["rescinded", "canceled"],
    "neighborhoods": ["areas"],
    "under investigation": ["being investigated"],
    "believe": ["think", "suspect"],
    "started": ["began"],
    "closed": ["shut"],
    "detected": ["found", "recorded"],
    "elevated": ["high", "higher"],
    "advised": ["urged", "told"],
    "inspectors": ["specialists"],
    "expected to exceed": ["likely to top"],
    "reached": ["flowed into"],
    "prompting": ["leading to"],
    "opened": ["was set up"],
    "about": ["roughly", "nearly"],
    "at least": ["no fewer than"],
    "company": ["firm"],
    "plant": ["facility", "factory"],
    "workers": ["employees"],
    "quickly": ["swiftly"],
    "called for": ["demanded"],
    "asked": ["urged"],
    "began": ["started"],
    "scheduled": ["set"],
    "pay": ["cover"],
    "seriously": ["critically"],
    "accounted for": ["safe"],
    "declared": ["issued"],
    "apologized to": ["said it was sorry to"],
    "sent": ["dispatched"],
    "large quantities of": ["large amounts of", "tons of"],
    "rerouted": ["diverted"],
    "handed out": ["distributed"],
    "disputed": ["denied"],
    "raised": ["collected"],
}
_SYNONYM_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b"
)

_FORMATTER = string.Formatter()


def slots(template: str) -> list[str]:
    return [name for _, name, _, _ in _FORMATTER.parse(template) if name]


@dataclass
class Fact:
    """One story fact and how the "original" (wire) version renders it."""

    body: str
    when: str | None = None
    tail: str | None = None
    role: str | None = None  # statements: the source; quotes: the speaker
    quote: bool = False
    when_first: bool = False  # canonical place of the time clause
    attribution: int = 0  # canonical attribution pattern
    form: str = "full"  # canonical mention of the source
    popularity: float = 0.5
    changeable: list[str] = field(default_factory=list)  # numeric and weekday slots

    def templates(self) -> list[str]:
        return [t for t in (self.body, self.when, self.tail) if t]


STATEMENT_PATTERNS = 5  # see _attribute()
QUOTE_PATTERNS = 5  # see _quote()


def build_facts(
    rng: random.Random, values: dict[str, object], cast: dict[str, Person]
) -> list[Fact]:
    """60-80 facts with a popularity each: the first few carried by almost every outlet."""
    facts = []
    for when, body, tail, role in STATEMENTS:
        facts.append(
            Fact(
                body,
                when,
                tail,
                role,
                when_first=rng.random() < 0.5,
                attribution=rng.randrange(STATEMENT_PATTERNS),
            )
        )
    for role, text in QUOTES:
        facts.append(Fact(text, role=role, quote=True, attribution=rng.randrange(QUOTE_PATTERNS)))
    for f in facts:
        has_prefix = bool(f.role and cast[f.role].prefix)
        f.form = "full" if has_prefix and rng.random() < 0.6 else "appositive"
        f.changeable = [
            s.split(":")[0]
            for t in f.templates()
            for s in slots(t)
            if isinstance(values[s.split(":")[0]], int) or s.endswith("day")
        ]
    lead, rest = facts[:4], facts[4:]
    rng.shuffle(lead)
    rng.shuffle(rest)
    pool = lead + rest[: rng.randint(60, 80) - len(lead)]
    for rank, f in enumerate(pool):
        f.popularity = max(0.02, 0.95 * math.exp(-rank / 14))
    return pool


# --------------------------------------------------------------------------------------------
# Rendering a fact
# --------------------------------------------------------------------------------------------


def reword(text: str, rng: random.Random, p: float = 0.6) -> str:
    """Swap some words and phrases for synonyms."""

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        return rng.choice(SYNONYMS[word]) if rng.random() < p else word

    return _SYNONYM_RE.sub(swap, text)


YEAR_SLOTS = {"founded", "prior_year", "lawsuit_year", "fine_year", "inspect_year", "year"}


def changed_values(values: dict[str, object], fact: Fact, rng: random.Random) -> dict[str, object]:
    """A copy of ``values`` with one number or weekday of ``fact`` changed."""
    name = rng.choice(fact.changeable)
    new = dict(values)
    old = values[name]
    if isinstance(old, int) and name in YEAR_SLOTS:
        new[name] = old + rng.choice([-2, -1, 1, 2])
    elif isinstance(old, int):
        step = 100 if old >= 1000 else 1
        delta = max(1, round(abs(old) * rng.uniform(0.05, 0.2) / step)) * step
        new[name] = old + delta if rng.random() < 0.6 or old - delta <= 0 else old - delta
    else:
        i = WEEKDAYS.index(str(old))
        new[name] = WEEKDAYS[(i + rng.choice([-1, 1])) % 7]
    return new


#: first words that are not names, so they can be lower-cased after "According to X, "
_LOWERABLE = set(
    _words(
        "the a an all at about air no that on late shortly in investigators residents runoff "
        "power shares workers farmers volunteers"
    )
)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in _LOWERABLE else text


def _stop(text: str) -> str:
    """End with a full stop, unless the text already does ("... at 8:20 p.m.")."""
    return text if text.endswith(".") else text + "."


def _attribute(core: str, source: str, pattern: int, src_mid: str) -> str:
    """Attach a source to a statement in one of STATEMENT_PATTERNS ways."""
    if pattern == 0:
        return f"{capitalize(core)}, {src_mid} said."
    if pattern == 1:
        return _stop(f"{capitalize(core)}, according to {source}")
    if pattern == 2:
        return _stop(f"According to {source}, {_lower_first(core)}")
    if pattern == 3:
        return _stop(f"{capitalize(src_mid)} said {_lower_first(core)}")
    return f"{capitalize(core)}, {src_mid} told reporters."


def _quote(text: str, source: str, pattern: int, src_mid: str) -> str:
    """Attach a speaker to a quote in one of QUOTE_PATTERNS ways (curly quote marks)."""
    end = text[-1]
    inner = text[:-1] + ("," if end == "." else end)
    if pattern == 0:
        return f"“{inner}” {src_mid} said."
    if pattern == 1:
        return f"“{inner}” said {source}."
    if pattern == 2:
        return f"{capitalize(src_mid)} said: “{text}”"
    if pattern == 3:
        return f"“{inner}” {src_mid} said in a statement."
    return f"“{inner}” {src_mid} told reporters."


def trim_quote(text: str) -> str:
    """The first clause of a quote ("We are sorry, and ..." -> "We are sorry.")."""
    for sep in (", and ", ", but ", ", then ", ", "):
        head, found, _ = text.partition(sep)
        if found and len(head.split()) >= 4:
            return head + "."
    return text


def render_fact(
    fact: Fact, values: dict[str, object], cast: dict[str, Person], mode: str, rng: random.Random
) -> str:
    """``mode``: verbatim | reworded | trimmed | changed."""
    if mode == "changed":
        if fact.changeable:
            values = changed_values(values, fact, rng)
            mode = "verbatim" if rng.random() < 0.5 else "reworded"
        else:
            mode = "reworded"
    person = cast[fact.role] if fact.role else None
    attribution, form, when_first = fact.attribution, fact.form, fact.when_first
    if mode == "reworded":
        patterns = STATEMENT_PATTERNS if not fact.quote else QUOTE_PATTERNS
        attribution = (attribution + rng.randrange(1, patterns)) % patterns
        when_first = not when_first
        if person and person.prefix:
            form = "appositive" if form == "full" else "full"
    elif mode == "trimmed":
        form = "last" if rng.random() < 0.5 else form

    if fact.quote:
        assert person is not None
        text = fact.body.format(**values)
        if mode == "trimmed":
            text = trim_quote(text)
        return _quote(
            text, person.mention(form, mid=False), attribution, person.mention(form, mid=True)
        )

    core = fact.body.format(**values)
    when = fact.when.format(**values) if fact.when else None
    tail = fact.tail.format(**values) if fact.tail else None
    if mode == "trimmed":
        if tail:
            tail = None
        elif when:
            when = None
        elif person:
            person = None if rng.random() < 0.5 else person
    if mode == "reworded":
        core = reword(core, rng)
        tail = reword(tail, rng) if tail else None
    if when:
        core = f"{capitalize(when)}, {_lower_first(core)}" if when_first else f"{core} {when}"
    if tail:
        core = f"{core} {tail}" if tail.startswith(("before ", "until ")) else f"{core}, {tail}"
    if person is None:
        return _stop(capitalize(core))
    return _attribute(
        core, person.mention(form, mid=False), attribution, person.mention(form, mid=True)
    )


# --------------------------------------------------------------------------------------------
# Filler sentences
# --------------------------------------------------------------------------------------------

FILLER_TEMPLATES = [
    "The {A} {N} {V} the {N} {P} the {X} {T}.",
    "{NS} {P} {PLACE} {V} the {N} {D} after the {X} {V} the {A} {N}.",
    "Some {NS} in {PLACE} say the {N} has been {A} for {NUM} years.",
    "It was not the first time the {N} {V} a {A} {N}.",
    "{PERSON}, who {V} the {A} {N} {P} the {X}, {V} the {NS} {T}.",
    "The {X} {V} {NUM} {NS} {P} the {A} {N} of {PLACE}.",
    "{T}, the {N} {V} the {NS} {P} a {A} {N} near the {X}.",
    "There was a {A} {N} over the {X}, and {NS} {V} {D} to {VB} it.",
    "The {A} {N} {VS} the {NS} of {PLACE}, {PERSON} {SAY}.",
    "Many {NS} {VB} the {X} {D}, but the {N} {V} the {A} {N}.",
    "{PERSON} {SAY} the {N} would {VB} the {X} and {VB} the {A} {NS}.",
    "For {NUM} years, the {A} {N} on {STREET} {V} the {NS} of the {X}.",
    "{NS} {P} the {X} {V} {NUM} {NS} {T}, a {A} {N} for the {N}.",
    "Officials {V} the {A} {N} {T}, but {NS} {V} the {X} {D}.",
    "By {TIME}, {NS} {V} the {A} {N} {P} the {X}.",
    "The {N} {V} {D} {P} the {A} {NS}, and the {X} {V} the {N}.",
    "Without the {X}, the {N} {VS} {A} {NS} and {A} {NS}.",
    "Whether the {N} will {VB} the {X} remains {A}, {PERSON} {SAY}.",
    "A {A} {N} of {NUM} {NS} {V} the {X} {P} the {N}.",
    "In {PLACE}, {NS} {V} {NUM} {A} {NS} {T}.",
    "{PERSON} is {VG} the {X} and {VG} the {A} {NS} {P} {PLACE}.",
    "The {NS} {V} by the {X} were {A}, and the {N} {V} {D}.",
]

_SLOT = re.compile(r"\{(\w+)\}")


def _parse_template(t: str) -> list[str]:
    """ "The {A} {N}." -> ["The ", "A", " ", "N", "."]: even items literal, odd items slots."""
    return _SLOT.split(t)


class Filler:
    """Unique, topic-flavoured sentences from a Zipf-weighted vocabulary."""

    def __init__(self, rng: random.Random, values: dict[str, object], names: Names) -> None:
        self.templates = [_parse_template(t) for t in FILLER_TEMPLATES]
        self.nouns = Zipf(NOUNS, rng)
        self.topic = Zipf(TOPIC_NOUNS, rng, s=0.7)
        self.adjectives = Zipf(ADJECTIVES, rng)
        self.adverbs = Zipf(ADVERBS, rng)
        self.verbs = list(VERB_FORMS)
        rng.shuffle(self.verbs)
        self.verb_cum = list(
            itertools.accumulate(1.0 / (r + 1) ** 0.8 for r in range(len(self.verbs)))
        )
        self.places = [
            str(values["town"]),
            str(values["county"]) + " County",
            str(values["neighborhood"]),
        ] + [names.place() for _ in range(8)]
        self.streets = [f"{names.surname()} {s}" for s in ("Street", "Avenue", "Road", "Drive")]
        day0 = values["day0"]
        assert isinstance(day0, dt.date)
        self.times = [
            "last week",
            "this year",
            "last month",
            "earlier this year",
            "this spring",
            "last fall",
            "in recent years",
            "over the weekend",
            "for decades",
            f"in {MONTHS[(day0.month - 3) % 12]}",
            f"since {day0.year - 6}",
            f"on {WEEKDAYS[(day0.weekday() + 4) % 7]}",
        ]
        self.clock = ["midnight", "dawn", "noon", "the evening", "early afternoon"]

    def _verb(self, rng: random.Random) -> Verb:
        return self.verbs[bisect.bisect(self.verb_cum, rng.random() * self.verb_cum[-1])]

    def _noun(self, rng: random.Random) -> str:
        return self.topic(rng) if rng.random() < 0.25 else self.nouns(rng)

    def _fill(self, slot: str, rng: random.Random) -> str:
        if slot == "N":
            return self._noun(rng)
        if slot == "NS":
            return plural(self._noun(rng))
        if slot == "X":
            return self.topic(rng)
        if slot == "A":
            return self.adjectives(rng)
        if slot == "D":
            return self.adverbs(rng)
        if slot == "V":
            return self._verb(rng).past
        if slot == "VB":
            return self._verb(rng).base
        if slot == "VS":
            return self._verb(rng).third
        if slot == "VG":
            return self._verb(rng).gerund
        if slot == "P":
            return rng.choice(PREPOSITIONS)
        if slot == "T":
            return rng.choice(self.times)
        if slot == "TIME":
            return rng.choice(self.clock)
        if slot == "NUM":
            return str(rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40]))
        if slot == "PLACE":
            return rng.choice(self.places)
        if slot == "STREET":
            return rng.choice(self.streets)
        if slot == "PERSON":
            # anyone at all: not reserved, so it may share a surname with the cast
            return f"{rng.choice(FIRST_NAMES)} {rng.choice(NAME_HEADS)}{rng.choice(NAME_TAILS)}"
        if slot == "SAY":
            return rng.choice(SAY_VERBS)
        raise KeyError(slot)

    def sentence(self, rng: random.Random) -> str:
        parts = rng.choice(self.templates)
        out = [p if i % 2 == 0 else self._fill(p, rng) for i, p in enumerate(parts)]
        return capitalize(fix_articles("".join(out)))


# --------------------------------------------------------------------------------------------
# Outlets, boilerplate, headlines
# --------------------------------------------------------------------------------------------

HEADLINES = [
    "Fire at {company} plant in {town} forces {evacuated:,} from their homes",
    "{town} chemical plant fire injures {injured}, officials say",
    "Evacuation order lifted after {company} fire, but questions remain",
    "What we know about the {town} plant fire",
    "{mayor} demands answers after chemical fire",
    "Chemical plant blaze: {town} residents describe night of fear",
    "{company} fire: company cited for {violations} safety violations before blast",
    "Investigators search for cause of {town} chemical fire",
    "Live updates: {town} plant fire, evacuations and air quality",
    "{county} County under state of emergency after plant explosion",
    "Smoke, sirens and a long night in {town}",
    "Did warnings about the {company} plant go unheeded?",
]

OTHER_HEADLINES = [
    "{place} school board approves new budget after long debate",
    "High school football: {place} wins in overtime",
    "Police investigate break-in at {place} pharmacy",
    "Weekend forecast: storms likely across the region",
    "Five new restaurants to try in {place} this summer",
    "{place} library to extend weekend hours",
    "Road work on Route {n} to last through the fall",
    "Obituary: longtime {place} teacher dies at {age}",
    "County fair returns to {place} with new rides",
    "Housing prices in {place} hit a record high",
    "Opinion: the {place} council should listen to parents",
    "Photos: the best of the {place} farmers market",
]

OUTLET_WORDS = "Gazette Herald Courier Tribune Journal Ledger Post Sentinel Times Daily Observer"


@dataclass
class Outlet:
    name: str
    authors: list[str]
    sentences_per_paragraph: float
    blank_lines: bool
    wire_share: float
    related_label: str
    comments: bool
    extra: str | None  # newsletter / copyright / share line, or None


def build_outlets(rng: random.Random, n: int, names: Names) -> list[Outlet]:
    outlets = []
    for _ in range(n):
        name = f"The {names.place()} {rng.choice(OUTLET_WORDS.split())}"
        extra = rng.choice(
            [
                None,
                None,
                "Sign up for our free newsletter to get the day’s top stories.",
                f"Copyright {2025} {name}. All rights reserved.",
                "Share this: Facebook | X | Email",
            ]
        )
        outlets.append(
            Outlet(
                name=name,
                authors=[names.person() for _ in range(rng.randint(1, 3))],
                sentences_per_paragraph=rng.uniform(1.3, 3.5),
                blank_lines=rng.random() < 0.5,
                wire_share=rng.uniform(0.1, 0.8),
                related_label=rng.choice(
                    ["RELATED:", "YOU MAY ALSO LIKE:", "READ MORE:", "RELATED:"]
                ),
                comments=rng.random() < 0.7,
                extra=extra,
            )
        )
    return outlets


# --------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------


@dataclass
class Article:
    headline: str
    body: list[str]  # sentences in order
    outlet: Outlet


class Story:
    """Everything one seed's corpus shares: world, facts, filler vocabulary, outlets."""

    def __init__(self, rng: random.Random, n_articles: int) -> None:
        self.rng = rng
        self.values, self.cast, self.names = build_world(rng)
        self.facts = build_facts(rng, self.values, self.cast)
        self.filler = Filler(rng, self.values, self.names)
        self.outlets = build_outlets(rng, max(3, min(60, n_articles // 4 + 2)), self.names)
        self._inclusion: dict[int, list[float]] = {}
        self.others = [
            t.format(place=self.names.place(), n=rng.randint(2, 99), age=rng.randint(60, 95))
            for t in OTHER_HEADLINES
        ]

    def inclusion(self, k: int) -> list[float]:
        """Per fact, the chance an article carries it: popularity scaled so that about ``k``
        facts are picked (capped at 0.97, so even the lead is missing somewhere)."""
        if k not in self._inclusion:
            lo, hi = 0.0, 100.0
            for _ in range(40):
                c = (lo + hi) / 2
                total = sum(min(0.97, c * f.popularity) for f in self.facts)
                lo, hi = (c, hi) if total < k else (lo, c)
            self._inclusion[k] = [min(0.97, lo * f.popularity) for f in self.facts]
        return self._inclusion[k]

    def pick_facts(self, k: int) -> list[Fact]:
        """About k facts, each with its own chance, loosely in order of importance."""
        rng = self.rng
        picked = [
            (rank + rng.gauss(0, 10), f)
            for rank, (f, p) in enumerate(zip(self.facts, self.inclusion(k), strict=True))
            if rng.random() < p
        ]
        return [f for _, f in sorted(picked, key=lambda pair: pair[0])] or self.facts[:1]

    def render_mode(self, outlet: Outlet) -> str:
        w = outlet.wire_share
        r = self.rng.random()
        if r < w:
            return "verbatim"
        r = (r - w) / (1 - w)
        return "reworded" if r < 0.55 else "trimmed" if r < 0.8 else "changed"

    def article(self, n_body: int) -> Article:
        rng = self.rng
        outlet = rng.choice(self.outlets)
        k = min(len(self.facts), max(1, round(n_body * rng.uniform(0.4, 0.75))))
        facts = [
            render_fact(f, self.values, self.cast, self.render_mode(outlet), rng)
            for f in self.pick_facts(k)
        ]
        body = facts[:1]
        rest = facts[1:] + [self.filler.sentence(rng) for _ in range(max(0, n_body - len(facts)))]
        order = sorted(range(len(rest)), key=lambda i: i / max(1, len(rest)) + rng.gauss(0, 0.3))
        body += [rest[i] for i in order]
        headline = rng.choice(HEADLINES).format(**self.values)
        return Article(headline, body, outlet)

    def syndicated(self, source: Article) -> Article:
        """Another outlet running the same wire story, perhaps cut short."""
        cut = self.rng.randint(0, max(0, len(source.body) // 5))
        body = source.body[: len(source.body) - cut] if cut else list(source.body)
        return Article(source.headline, body, self.rng.choice(self.outlets))

    def render(self, article: Article) -> str:
        """The article as text: headline, byline, paragraphs, boilerplate lines."""
        rng, outlet = self.rng, article.outlet
        day0 = self.values["day0"]
        assert isinstance(day0, dt.date)
        published = day0 + dt.timedelta(days=rng.randint(0, 2))
        paragraphs = []
        i = 0
        while i < len(article.body):
            size = max(1, min(4, round(rng.gauss(outlet.sentences_per_paragraph, 0.8))))
            paragraphs.append(" ".join(article.body[i : i + size]))
            i += size
        if len(paragraphs) > 2:
            at = rng.randint(1, len(paragraphs) - 1)
            paragraphs.insert(at, f"{outlet.related_label} {rng.choice(self.others)}")
        if outlet.extra:
            paragraphs.append(outlet.extra)
        if outlet.comments:
            paragraphs.append(f"Comments {rng.randint(0, 240)}")
        byline = f"By {rng.choice(outlet.authors)} | {fmt_date(published, year=True)}"
        sep = "\n\n" if outlet.blank_lines else "\n"
        return article.headline + sep + byline + sep + sep.join(paragraphs) + "\n"


def generate(out_dir: Path, n_articles: int, n_sentences: int = 30, seed: int = 0) -> list[Path]:
    """Write ``n_articles`` articles of about ``n_sentences`` sentences each (headline and
    boilerplate lines included) to ``out_dir/a0000.txt`` ...; return their paths in order."""
    rng = random.Random(seed)
    story = Story(rng, n_articles)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    articles: list[Article] = []
    paths = []
    for i in range(n_articles):
        if articles and rng.random() < 0.06:
            article = story.syndicated(rng.choice(articles))
        else:
            jitter = rng.uniform(0.85, 1.15)
            article = story.article(max(1, round(n_sentences * jitter) - 4))
        articles.append(article)
        path = out_dir / f"a{i:04d}.txt"
        path.write_text(story.render(article), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--sentences", type=int, default=30, help="about this many per article")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.articles < 0 or args.sentences < 1:
        parser.error("--articles must be >= 0 and --sentences >= 1")
    start = time.perf_counter()
    paths = generate(args.out_dir, args.articles, args.sentences, args.seed)
    took = time.perf_counter() - start
    size = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} articles ({size / 1024:.0f} KiB, filler vocabulary "
        f"{vocabulary_size():,} word forms) to {args.out_dir} in {took:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

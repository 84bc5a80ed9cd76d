"""The vocabulary and gazetteers the fact analysis reads: number words, qualifiers, the words
that compare roles, US states, big cities, countries, well-known organisations, and the
words that decide what a number counts. General English news usage, not any one corpus."""

from __future__ import annotations

from corpusdiff.analyze.people_words import FACT_TITLES, ROLE_MODIFIERS
from corpusdiff.analyze.shared_words import WEEKDAYS
from corpusdiff.analyze.speech_verbs import SPEECH

SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(SMALL)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
          "trillion": 10**12}

#: qualifiers before a quantity -> the comparison they imply
QUALIFIERS = {
    "more than": ">", "over": ">", "just over": ">", "upwards of": ">", "in excess of": ">",
    "at least": ">=", "no fewer than": ">=", "no less than": ">=",
    "fewer than": "<", "less than": "<", "under": "<", "just under": "<",
    "up to": "<=", "within": "<=", "no more than": "<=", "at most": "<=",
    "about": "~", "around": "~", "nearly": "~", "almost": "~", "roughly": "~",
    "approximately": "~", "some": "~", "an estimated": "~", "close to": "~", "estimated": "~",
}

#: differences in these words change a role even when one role contains the other
RANK_WORDS = frozenset(
    "former deputy assistant associate acting interim vice senior junior chief principal "
    "lieutenant under co then outgoing incoming".split()
)
ROLE_STOP = frozenset("the of for a an and at in on to with".split())


#: capitalised words that never belong to a name (function words, sentence adverbs)
CAP_STOPS = frozenset(
    """the a an in on at to of for from by with and or but nor so yet if as than that this these
    those there here it its he she they we i you his her their our my your who what when where
    why how which while after before since until during amid against over under about into
    through across between among without within is are was were be been has have had will would
    can could should may might must do does did not no yes now then just also only even still
    meanwhile however moreover furthermore additionally earlier later today tomorrow yesterday
    breaking new update note watch live video read more play photo photos credit speaking
    adding conclusion context understanding implications what's let's many most some every each
    several few both either neither other another such maybe perhaps plus whether although
    though because unless despite upon via thus therefore instead indeed nonetheless
    nevertheless otherwise besides afterward afterwards again already whose whom whoever
    whatever whenever wherever toward towards top senior leading fellow longtime
    prominent like unlike following""".split()
)


STATES = """alabama alaska arizona arkansas california colorado connecticut delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia wisconsin wyoming""".split()
STATES2 = ("new hampshire", "new jersey", "new mexico", "new york state", "north carolina",
            "north dakota", "rhode island", "south carolina", "south dakota", "west virginia")
CITIES = """chicago houston phoenix philadelphia dallas austin jacksonville columbus charlotte
indianapolis seattle denver boston nashville detroit portland memphis louisville baltimore
milwaukee albuquerque tucson fresno sacramento atlanta omaha miami oakland minneapolis tulsa
tampa arlington cleveland pittsburgh cincinnati anaheim honolulu newark buffalo orlando
riverside irvine glendale pasadena burbank compton inglewood london paris berlin madrid rome
moscow beijing tokyo toronto montreal vancouver kyiv jerusalem dubai""".split()
CITIES2 = ("los angeles", "new york", "new york city", "san francisco", "san diego",
            "san jose", "san antonio", "las vegas", "fort worth", "el paso", "oklahoma city",
            "kansas city", "long beach", "virginia beach", "new orleans", "st. louis",
            "salt lake city", "santa ana", "santa monica", "mexico city", "tel aviv",
            "hong kong")
COUNTRIES = """afghanistan albania algeria argentina armenia australia austria bangladesh
belgium bolivia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba
denmark ecuador egypt ethiopia finland france germany ghana greece guatemala haiti honduras
hungary india indonesia iran iraq ireland israel italy jamaica japan jordan kenya lebanon libya
mexico morocco nepal netherlands nicaragua nigeria norway pakistan panama peru philippines
poland portugal qatar romania russia rwanda senegal serbia somalia spain sudan sweden
switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine uruguay venezuela
vietnam yemen zimbabwe""".split()
COUNTRIES2 = ("united states", "united kingdom", "el salvador", "south africa", "south korea",
              "north korea", "saudi arabia", "new zealand", "dominican republic",
              "costa rica", "sri lanka")
#: aliases -> (canonical name, type)
PLACE_ALIASES = {
    "la": ("Los Angeles", "city"), "l.a.": ("Los Angeles", "city"),
    "nyc": ("New York", "city"), "new york city": ("New York", "city"),
    "sf": ("San Francisco", "city"), "d.c.": ("Washington, D.C.", "city"),
    "washington": ("Washington", "city"),
    "u.s.": ("United States", "country"), "us": ("United States", "country"),
    "usa": ("United States", "country"), "u.s.a.": ("United States", "country"),
    "america": ("United States", "country"), "uk": ("United Kingdom", "country"),
    "u.k.": ("United Kingdom", "country"), "britain": ("United Kingdom", "country"),
    "new york state": ("New York", "state"),
    # places whose words read as a person's name ("Sandy", "Hill")
    "capitol hill": ("Capitol Hill", "site"), "sandy hook": ("Sandy Hook", "site"),
    # a place whose last word names organisations ("Office")
    "oval office": ("Oval Office", "site"),
}
#: well-known organisations: acronym -> names (significant words, any order)
KNOWN_ORGS = {
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
    "DNC": ("democratic national committee",),
    "RNC": ("republican national committee",),
    "NSA": ("national security agency",),
    "NRA": ("national rifle association",),
    "CBO": ("congressional budget office",),
    "FEC": ("federal election commission",),
    "SEC": ("securities exchange commission",),
    "NRSC": ("national republican senatorial committee",),
    "DCCC": ("democratic congressional campaign committee",),
    "NRCC": ("national republican congressional committee",),
    "NATO": ("north atlantic treaty organization",),
}
#: multi-word organisations named without a suffix word
ORG_NAMES = ("white house", "pentagon", "congress", "senate", "supreme court", "fox news",
             "national guard", "border patrol", "associated press", "reuters",
             "new york times", "washington post", "los angeles times", "wall street journal",
             "democratic party", "republican party", "state department", "home depot",
             "marines", "u.s. marines", "twitter", "facebook", "instagram", "tiktok",
             "youtube", "truth social", "reddit", "telegram")
#: last word of a capitalised run that makes it an organisation
ORG_SUFFIXES = frozenset(
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
ORG_HEADS = frozenset(
    "department office bureau ministry agency administration commission committee council board "
    "institute university college court house".split()
)
#: last word of a capitalised run that makes it a place
PLACE_SUFFIXES = frozenset(
    """park street st. avenue ave. boulevard blvd. road rd. bridge county beach valley square
    airport harbor harbour river lake island heights plaza highway freeway courthouse hall
    station port bay canyon garden gardens room""".split()
)
ALLCAPS_WORDS = frozenset(
    """a i am an and are as at be but by do for go he if in is it me my no of oh ok on or so to
    tv up us we new now the you may also like this that what why how who watch play live read
    more note video update breaking exclusive alert photo story just says said will not all
    out off one two yes top big full text transcript
    ii iii iv vi vii viii ix xi xii est edt cst cdt mst mdt pst pdt gmt utc
    ceo cfo coo cto hiv aids dna gdp lgbt lgbtq tpp phd mvp jfk rfk mlk""".split()
)
#: words before a number that make it a label, not a quantity ("Room 502", "Route 66")
ID_WORDS = frozenset(
    """room no. number route highway interstate flight section article title proposition prop.
    measure apartment apt. suite unit gate station precinct district ward building floor
    episode chapter bill channel pier terminal platform lot""".split()
)
UNIT_STOP = frozenset(
    """of to in on at for and or but the a an than that who which were was are is be been had
    have has will would from by with as per each more than percent who whom whose this these
    those his her their its our my your it they he she we i you across after before during
    since until ago without including despite amid among against about over under through
    into onto upon while when where if because so not nor like unlike versus vs toward
    towards via within beyond behind below above near""".split()
)
NOT_PLURAL = frozenset(
    """was is has this its his hers yes thus always perhaps sometimes across unless whereas
    besides towards afterwards news us as plus series species chaos bus gas status campus
    focus virus census consensus bonus process access class glass""".split()
)
IRREGULAR_PLURALS = frozenset(
    "people men women children police personnel staff feet teeth mice geese cattle data media "
    "troops".split()
)
SINGULAR_TO_PLURAL = {"person": "people", "man": "men", "woman": "women", "child": "children"}

#: abbreviations that keep their period inside a sentence
ABBREV_DOT = frozenset(
    "mr mrs ms mx dr sen rep gov lt sgt capt gen col prof rev jr sr st ave blvd rd inc corp co "
    "sec asst dept jan feb mar apr jun jul aug sep sept oct nov dec no prop apt".split()
)
#: "the new one", "no one": "one" as a pronoun
PRONOUN_ONE = frozenset("the this that no new old only each any which every another last first "
                        "next same right wrong".split())
FULL_MONTHS = frozenset(("january february march april may june july august september october "
                         "november december").split())
#: words before "May" or "March" that make it a month, not a verb
MONTH_CONTEXT = frozenset("in since until by last next early late mid through of this".split())
#: words right before "morning", "night" that make it a time ("Tuesday morning")
PART_CONTEXT = WEEKDAYS | frozenset(
    "this that last early late yesterday tomorrow the".split())

DURATION_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
                 "month": 30, "year": 365, "decade": 3650}
SCALE_WORDS = {"million": 10**6, "m": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9,
               "b": 10**9, "trillion": 10**12, "thousand": 1000, "k": 1000}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "euros": "EUR",
              "pounds": "GBP", "cents": "USD"}

#: connectors inside a capitalised run the facts read: the people layer's
#: (:data:`.people_words.CONNECTORS`) without its foreign particles ("bin", "al", "da"), which
#: add lower-case tokens to every sentence (the whole set gave the same JSON on 300 real
#: articles and 5-10% more facts CPU), and with "&" ("Johnson & Johnson")
CONNECTORS = frozenset("of and for & the de la del van von".split())
PLACE_PREPS = frozenset("in from near outside inside across throughout".split())
#: capitalised words after "in" that are no place names
NOT_PLACES = frozenset("downtown uptown midtown country city state county town congress "
                       "court office power charge custody".split())
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "ic", "i")
#: capitalised words after "in" that name a place only with the word after them ("Eastern
#: Europe"), alone no place ("in Southern states")
REGION_ADJECTIVES = frozenset("southern northern eastern western midwestern".split())


#: lower-case words some rule reads; the others are left out of the tokens
KEEP_LOWER = (
    FACT_TITLES | {t + "s" for t in FACT_TITLES} | ROLE_MODIFIERS | SPEECH
    | CONNECTORS | PLACE_PREPS | {"administration", "on"}
)

#: "Riverton City Council", "Millbrook Unified School District": Riverton, Millbrook are towns
TOWN_INSTITUTIONS = (" City Council", " City Hall", " Town Council", " Police Department",
                     " Fire Department", " Unified School District",
                     " Independent School District", " School District", " Public Schools",
                     " County")


def _build_phrases() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """lower-case word tuple -> (kind, canonical value, place type or "")."""
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for names, ptype in ((STATES, "state"), (STATES2, "state"), (CITIES, "city"),
                         (CITIES2, "city"), (COUNTRIES, "country"), (COUNTRIES2, "country")):
        for name in names:
            out[tuple(name.split())] = ("place", name.title(), ptype)
    for alias, (canon, ptype) in PLACE_ALIASES.items():
        out[tuple(alias.split())] = ("place", canon, ptype)
    for name in ORG_NAMES:
        out[tuple(name.split())] = ("organization", "", "")
    return out


PHRASES = _build_phrases()
PHRASE_MAX = max(len(k) for k in PHRASES)
ORG_WORDSETS = {
    frozenset(name.split()): acr for acr, names in KNOWN_ORGS.items() for name in names
}
ORG_NOISE = frozenset("the of and for & u.s. us united states".split())
PHRASES_1 = frozenset(k[0] for k in PHRASES if len(k) == 1)

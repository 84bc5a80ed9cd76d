"""Reporting verbs as lemmas, with every inflected form generated, multi-word verbs ("shot
back", "chimed in") and verb chains ("went on to say", "was quick to add"), matched in any case.
General English news usage, kept as data tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: one-word reporting verbs (lemmas)
LEMMAS = """
say tell write add state declare reply respond answer ask explain note argue insist warn claim
call describe announce tweet post demand urge accuse shout yell scream cry continue recall
acknowledge admit concede counter contend maintain emphasize emphasise stress suggest predict
promise vow pledge testify remark observe joke quip lament complain boast confirm deny agree
conclude reiterate repeat text email whisper mutter exclaim assert allege blast slam criticize
criticise praise caution wonder recount report proclaim plead chant message retort assure
charge echo mock scoff sneer snap gush rave marvel muse reflect concur affirm aver avow opine
declaim grumble grouse gripe fume rage rant bellow roar thunder growl hiss murmur mumble stammer
stutter sigh laugh chuckle giggle smile grin beam sob weep wail moan groan protest object
disagree dispute rebut refute contradict challenge question query inquire enquire wonder
speculate guess estimate reckon figure surmise conjecture theorize hypothesize posit propose
recommend advise counsel suggest implore beg entreat appeal petition request invite encourage
exhort admonish scold chide rebuke reprimand lecture berate castigate chastise condemn denounce
decry deplore lambaste excoriate savage pan rip attack hit jab needle taunt tease ridicule
deride dismiss scorn belittle disparage insult blame fault credit thank congratulate
commend hail laud applaud celebrate cheer welcome greet acknowledge confess reveal disclose
divulge leak hint imply intimate indicate signal specify detail outline summarize summarise
clarify elaborate expound comment editorialize write blog post tweet retweet share publish
inform notify brief alert remind reassure promise guarantee swear attest certify verify
corroborate validate insist persist press push prod pester nag interject interrupt
add append continue resume begin start open close finish end conclude wrap sum recap
narrate relate recount describe depict portray characterize characterise label brand term dub
nickname highlight underline underscore point reason rationalize justify defend explain
excuse apologize apologise regret mourn grieve lament bemoan bewail worry fret fear caution
predict forecast project foresee prophesy vow threaten warn caution advise alert
pronounce rule decree order command instruct direct tell dictate declare decide determine
concede grant allow admit own acknowledge accept reject refuse decline rebuff spurn deny
announce broadcast proclaim trumpet tout boast brag crow exult gloat
ask pose wonder probe press quiz grill interrogate cross-examine
""".split()

#: irregular past forms (past, participle) of the lemmas above and of multi-word heads
IRREGULAR = {
    "say": ("said", "said"), "tell": ("told", "told"), "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"), "shoot": ("shot", "shot"), "go": ("went", "gone"),
    "swear": ("swore", "sworn"), "weep": ("wept", "wept"), "hit": ("hit", "hit"),
    "read": ("read", "read"), "forecast": ("forecast", "forecast"), "begin": ("began", "begun"),
    "fire": ("fired", "fired"), "put": ("put", "put"), "rip": ("ripped", "ripped"),
    "foresee": ("foresaw", "foreseen"), "broadcast": ("broadcast", "broadcast"),
    "chime": ("chimed", "chimed"), "strike": ("struck", "struck"), "pipe": ("piped", "piped"),
    "speak up": ("spoke up", "spoken up"), "think": ("thought", "thought"),
    "hold": ("held", "held"), "blurt": ("blurted", "blurted"),
}
#: multi-word reporting verbs (lemma first word, particles after)
PHRASES = """
shoot back fire back hit back push back strike back snap back chime in pipe up pipe in speak up
speak out lash out weigh in cry out call out point out sum up add on blurt out spell out
go on write back read out put it break in jump in cut in
""".strip().split("\n")
PHRASES = [p for line in PHRASES for p in re.findall(r"\w+ (?:up|in|back|out|on|it)", line)]
#: how a verb chain can lead up to a base-form reporting verb: "went on to say", "was quick to
#: add", "would later say", "took to Twitter to write"
CHAINS = re.compile(
    r"\b(?:(?:went|goes|go|going|gone)\s+on\s+to|(?:was|were|is|are|been|be)\s+quick\s+to|"
    r"(?:would|will|did|could|might)(?:\s+(?:later|also|then|not|never))?|"
    r"(?:took|takes|take|taking)\s+to\s+\w+\s+to|(?:decided|chose|chooses|decides|began|"
    r"begins|started|starts|continued|continues|hastened|rushed|sought|seeks|moved|moves)\s+to)"
    r"\s+$", re.I)
_S_ENDING = re.compile(r"(?:s|sh|ch|x|z)$")


def _regular(lemma: str) -> tuple[str, ...]:
    """The regular inflections of a one-word verb: base, -s, -ed, -ing."""
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    third = lemma + "es" if _S_ENDING.search(lemma) else lemma + "s"
    # one short vowel before a final consonant doubles it: snap -> snapped, jab -> jabbed
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lemma):
        return lemma, third, lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    return lemma, third, lemma + "ed", lemma + "ing"


def _forms(lemma: str) -> dict[str, str]:
    """Every form of a (possibly multi-word) verb -> its lemma."""
    head, _, rest = lemma.partition(" ")
    base, third, past, ing = _regular(head)
    heads = [base, third, past, ing]
    if head in IRREGULAR:
        heads[2:3] = list(IRREGULAR[head])
    tail = f" {rest}" if rest else ""
    return {h + tail: lemma for h in heads}


#: lemmas too often something else in news prose to be read as reporting ("end", "own")
_NOISY = frozenset("""open start begin resume finish end close wrap sum own grant allow accept
rule direct order figure project share publish hit attack pan rip press push brief alert
welcome credit thank signal detail label brand term dub nickname smile grin beam decide
determine guess reckon leak broadcast blame fault cheer celebrate challenge point reason excuse
mourn grieve fear worry fret refuse decline reject rebuff spurn command instruct dictate
depict portray characterize characterise highlight underline underscore relate share inform
notify remind invite encourage grill quiz probe pose hold think reflect estimate indicate
object appeal petition request attest certify verify validate corroborate persist beg""".split())

FORMS: dict[str, str] = {}
for _lemma in [*(w for w in LEMMAS if w not in _NOISY), *PHRASES]:
    FORMS.update(_forms(_lemma))
for _word in ("according",):  # "according to" is handled on its own
    FORMS.pop(_word, None)
#: first words of the multi-word forms -> the forms they start
_PHRASE_STARTS: dict[str, list[str]] = {}
for _form in FORMS:
    if " " in _form:
        _PHRASE_STARTS.setdefault(_form.split()[0], []).append(_form)
#: every one-word form (lower case), for code that looks one word up
SPEECH = frozenset(f for f in FORMS if " " not in f)
#: the words a reporting verb can start with
_STARTS = SPEECH | frozenset(_PHRASE_STARTS)

#: a form ending in -s right after these is a noun ("a series of tweets", "his remarks")
_NOUN_CONTEXT = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that|these|those|my|our|"
                           r"your|of|in|on|with|for|by|from|at|to|and|or|many|several|some|"
                           r"two|three|few|\w+'s|\w+’s)\s+$", re.I)
#: a form in -ing right after these is a noun ("a warning", "his saying")
_DETERMINER = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that|these|those|my|our|your|"
                         r"\w+'s|\w+’s)\s+$", re.I)
_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)?")
#: the words :data:`CHAINS`, :data:`_NOUN_CONTEXT` and :data:`_DETERMINER` end with: their
#: regexes (a search at every position of the window) run only after one of these
_CHAIN_ENDS = ("to", "would", "will", "did", "could", "might", "later", "also", "then", "not",
               "never")
_DETERMINER_ENDS = ("a", "an", "the", "his", "her", "their", "its", "this", "that", "these",
                    "those", "my", "our", "your", "'s", "’s")
_NOUN_CONTEXT_ENDS = (*_DETERMINER_ENDS, "of", "in", "on", "with", "for", "by", "from", "at",
                      "to", "and", "or", "many", "several", "some", "two", "three", "few")


def _may_end(text: str, lo: int, hi: int, ends: tuple[str, ...]) -> bool:
    """Whether ``text[lo:hi]`` ends with whitespace after one of ``ends`` (any case): what a
    pattern "(?:…)\\s+$" needs to match there."""
    if hi <= lo or not text[hi - 1].isspace():
        return False
    return text[lo:hi].rstrip().casefold().endswith(ends)


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """A reporting verb found in a text: ``text[start:end]`` (a chain such as "went on to say"
    starts at its first word); ``form`` is the verb's words in lower case."""

    begin: int
    stop: int
    form: str
    lemma: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.form


@lru_cache(maxsize=1 << 14)
def is_speech(word: str) -> bool:
    """Whether one word (any case) is a form of a reporting verb."""
    return word.lower() in SPEECH


def speech_verbs(text: str, pos: int = 0, endpos: int | None = None) -> list[VerbMatch]:
    """Reporting verbs in ``text[pos:endpos]`` in text order, any case; a form in -s after a
    determiner, possessive or preposition is a noun and skipped."""
    stop = len(text) if endpos is None else endpos
    if _STARTS.isdisjoint(map(str.lower, _WORD.findall(text, pos, stop))):
        return []  # no word can start a reporting verb (half the calls): no loop over them
    out: list[VerbMatch] = []
    for m in _WORD.finditer(text, pos, stop):
        low = m.group().lower()
        if low not in SPEECH and low not in _PHRASE_STARTS:
            continue
        end, form = m.end(), low
        for phrase in _PHRASE_STARTS.get(low, ()):
            n = len(phrase)
            if text[m.start():m.start() + n].lower() == phrase and m.start() + n <= stop and \
                    not text[m.start() + n:m.start() + n + 1].isalpha():
                end, form = m.start() + n, phrase
                break
        if form not in FORMS or (" " in form and text[end:end + 4].lower() == " to "):
            continue  # "went on to say": the chain leads up to the verb after "to"
        begin = m.start()
        if form.endswith("s") and form == low and FORMS[form] != form and \
                _may_end(text, max(pos, begin - 16), begin, _NOUN_CONTEXT_ENDS) and \
                _NOUN_CONTEXT.search(text, max(pos, begin - 16), begin):
            continue
        if form.endswith("ing") and _may_end(text, max(pos, begin - 16), begin,
                                             _DETERMINER_ENDS) and \
                _DETERMINER.search(text, max(pos, begin - 16), begin):
            continue
        chain = CHAINS.search(text, max(pos, begin - 40), begin) if _may_end(
            text, max(pos, begin - 40), begin, _CHAIN_ENDS) else None
        if chain and FORMS[form] == form:
            begin = chain.start()
        out.append(VerbMatch(begin, end, form, FORMS[form]))
    return out

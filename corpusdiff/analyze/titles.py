"""Titles of office: one table of equivalent wordings per office, and one normalise function.

"Rep.", "Representative", "U.S. Representative", "Congressman", "Congresswoman" and "member of
Congress" are one office; so are "Sen." and "Senator", "Gov." and "Governor". The table is data:
each office's canonical name (also its human label) and the wordings that mean it, lower case,
punctuation kept as written. :func:`normalise_title` folds a written role to the canonical
words, so two outlets' roles compare equal when they name the same office.
"""

from __future__ import annotations

import re

from corpusdiff.analyze.fact_words import RANK_WORDS

#: canonical office -> wordings (lower case) that mean it; longer wordings are tried first
OFFICES: dict[str, tuple[str, ...]] = {
    "representative": ("u.s. representative", "us representative", "u.s. rep.", "u.s. rep",
                       "representative", "rep.", "rep", "congressman", "congresswoman",
                       "congressperson", "member of congress", "house member",
                       "member of the house", "u.s. congressman", "u.s. congresswoman"),
    "senator": ("u.s. senator", "us senator", "u.s. sen.", "u.s. sen", "senator", "sen.", "sen"),
    "state senator": ("state senator", "state sen.", "state sen"),
    "state representative": ("state representative", "state rep.", "state rep",
                             "assemblyman", "assemblywoman", "assembly member",
                             "assemblymember", "state lawmaker", "state legislator"),
    "governor": ("governor", "gov.", "gov"),
    "lieutenant governor": ("lieutenant governor", "lt. governor", "lt. gov.", "lt. gov",
                            "lt governor"),
    "mayor": ("mayor",),
    "president": ("president", "pres."),
    "vice president": ("vice president", "vice-president", "vp"),
    "secretary": ("secretary", "sec."),
    "attorney general": ("attorney general", "atty. gen.", "ag"),
    "speaker": ("house speaker", "speaker of the house", "speaker"),
    "majority leader": ("senate majority leader", "majority leader"),
    "minority leader": ("senate minority leader", "house minority leader", "minority leader"),
    "chair": ("chairman", "chairwoman", "chairperson", "chair"),
    "spokesperson": ("spokesperson", "spokeswoman", "spokesman"),
    "councilmember": ("councilmember", "council member", "councilman", "councilwoman",
                      "alderman", "alderwoman"),
    "director": ("director", "dir."),
    "judge": ("judge",),
    "justice": ("supreme court justice", "justice"),
    "sheriff": ("sheriff",),
    "ambassador": ("ambassador",),
    "commissioner": ("commissioner",),
    "advisor": ("adviser", "advisor"),
    "professor": ("professor", "prof."),
    "lieutenant": ("lieutenant", "lt."),
    "sergeant": ("sergeant", "sgt."),
    "captain": ("captain", "capt."),
    "reverend": ("reverend", "rev."),
    "doctor": ("doctor", "dr."),
}

#: words that qualify a person without naming an office ("Democratic Rep.", "GOP Sen.")
PARTY_WORDS = frozenset("democratic democrat republican gop independent".split())

_BY_WORDING = sorted(((w, office) for office, ws in OFFICES.items() for w in ws),
                     key=lambda p: (-len(p[0]), p[0]))
_WORDING_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(w) for w, _ in _BY_WORDING) + r")(?![\w])")
_OFFICE_OF = dict(_BY_WORDING)


def normalise_title(role: str) -> str:
    """The role with each office wording replaced by its canonical office and party words
    dropped, lower case ("U.S. Rep." and "Congresswoman" -> "representative";
    "Democratic Sen." -> "senator"); other words are kept as written, lower-cased."""
    s = role.lower().replace("’", "'").strip()

    def canon(m: re.Match[str]) -> str:
        return " " + _OFFICE_OF[m.group(1)].replace(" ", "_") + " "

    s = _WORDING_RE.sub(canon, s)
    words = [w for w in s.split() if w not in PARTY_WORDS]
    return " ".join(words).replace("_", " ")


#: offices one person rarely holds two of at once: two roles naming different ones disagree
EXCLUSIVE_OFFICES = ("representative", "senator", "state senator", "state representative",
                     "governor", "lieutenant governor", "mayor", "president", "vice president")
#: a role with one of these words is about another time: it may name another office truly
_PAST = frozenset("former then ex onetime".split())


def _offices(value: str) -> set[str]:
    padded = f" {value} "
    found = {o for o in EXCLUSIVE_OFFICES if f" {o} " in padded}
    # "vice president" holds "president", "state senator" holds "senator": keep the longest
    return {o for o in found if not any(o != p and o in p for p in found)}


def titles_conflict(a: str, b: str) -> bool:
    """Whether two normalised roles of one person (see :func:`normalise_title`) cannot both
    be true: they share an office word but differ in rank ("fire chief" / "deputy fire chief")
    or each adds words the other lacks (words after the whole of the other are a second role
    or a closer name: "senator" / "senator vice presidential nominee"); or they name two
    different offices a person holds one of at a time ("senator" / "representative"). Two
    roles that name unrelated offices ("majority leader" / "senator") both hold."""
    wa, wb = set(a.split()), set(b.split())
    extra_a, extra_b = wa - wb, wb - wa
    if not extra_a and not extra_b:
        return False
    if (extra_a | extra_b) <= _PAST:
        return False  # "former president" / "president": told at two times, both true
    short, long = sorted((a.split(), b.split()), key=len)
    if long[:len(short)] == short:
        return False  # the longer adds a second role after the first ("former senator and
        # vice-presidential nominee"), or says which office ("secretary of state")
    if wa & wb:
        return bool((extra_a and extra_b) or (extra_a | extra_b) & RANK_WORDS)
    if (wa | wb) & _PAST:
        return False
    oa, ob = _offices(a), _offices(b)
    return bool(oa and ob and not oa & ob)


def office_label(value: str) -> str:
    """A normalised role in human words: "deputy fire chief" -> "Deputy Fire Chief"."""
    keep_lower = {"of", "for", "the", "and", "on", "in"}
    out = []
    for w in value.split():
        if w in ("us", "dhs", "doj", "ice", "cbp", "fbi", "gop", "cia", "nsa", "epa", "irs"):
            out.append("U.S." if w == "us" else w.upper())
        elif w in keep_lower:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


__all__ = ["EXCLUSIVE_OFFICES", "OFFICES", "PARTY_WORDS", "normalise_title",
           "office_label", "titles_conflict"]

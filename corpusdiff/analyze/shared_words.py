"""Words that both the quote analysis and the fact analysis read, kept in one place so that the
two agree: month names (with their numbers), weekdays, the suffixes that end a name, and the
capitalised words that are nobody's name."""

from __future__ import annotations

#: month names and their abbreviations (lower case, no period) -> the month's number
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: what may end a person's name after the surname ("Jr.", "III"), lower case
NAME_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv".split())
#: capitalised words that never name one person: groups, parties, nationalities, programmes,
#: documents, and contractions ("I'm" next to "said" is no surname)
NOT_PEOPLE = frozenset(
    """democrats republicans americans conservatives liberals progressives evangelicals
    independents latinos hispanics muslims christians catholics jews democrat republican
    democratic american medicare medicaid obamacare constitution amendment congress senate house
    i'm i’m i've i’ve i'll i’ll i'd i’d we're we’re you're you’re they're they’re it's it’s
    that's that’s there's there’s here's here’s what's what’s let's let’s""".split()
)

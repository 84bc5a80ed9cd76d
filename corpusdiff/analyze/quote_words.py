"""The vocabulary of the quote analysis (:mod:`.people`, :mod:`.speakers`): the words between a
subject and its speech verb (the verbs themselves are :mod:`.speech_verbs`), institutions,
sentence starters, generic subjects, documents and works. The people lexicon (titles,
honorifics, given names) read by quotes and facts alike is :mod:`.people_words`. General
English news usage, not the words of any one corpus."""

from __future__ import annotations

import re

from corpusdiff.analyze.people_words import FEMALE_NOUNS, MALE_NOUNS
from corpusdiff.analyze.shared_words import MONTHS, WEEKDAYS

#: verbs that attribute only when inverted right after the quote: "…," read one comment
INVERTED_ONLY = frozenset({"read", "reads", "wrote", "posted"})

#: words between a subject and its speech verb
ADVERBS = frozenset(
    """has have had was were is are would will could should can did does do also later then
    again reportedly previously earlier recently once further repeatedly publicly privately
    quickly swiftly flatly bluntly firmly simply just only still often long never not first
    initially subsequently separately similarly immediately today yesterday tonight""".split()
) | WEEKDAYS
#: weekday and month words: no part of a name, time words before a verb
DAYS_MONTHS = WEEKDAYS | frozenset(MONTHS)
ORG_WORDS = frozenset(
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
COMMON_CAPS = frozenset(
    """the a an when after before asked in on at but and as meanwhile earlier late last this
    that these those it its he she they we i his her their our my your while if so then now
    under with without for from by to of over despite through during since speaking according
    adding some many most all no not new breaking update note play watch also there here what
    why how who where which yes outside inside even still once both each every one two three
    just only more other another such until unless though although because instead later
    next first second third whether amid among between against about
    into onto upon via per fellow republican democratic democrat continuing maybe perhaps
    however moreover furthermore additionally indeed nonetheless nevertheless otherwise
    besides afterward afterwards thus therefore several rather prior part hours days weeks
    months years nobody nothing everyone everybody someone somebody anyone anybody none four
    five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty dozens hundreds thousands yet you or ever
    former contrast minutes concerns delegates""".split()
)
ORG_ABBR = frozenset("corp. inc. co. ltd. bros. assn. dept. univ.".split())
PAGE_LABELS = frozenset("new breaking update note play watch live exclusive opinion".split())
PERSON_NOUNS = FEMALE_NOUNS | MALE_NOUNS | frozenset(
    """person resident protester protestor witness neighbor neighbour voter commuter parent
    student teacher worker driver passenger customer shopper employee bystander official
    spokesperson volunteer nurse doctor officer owner visitor tourist viewer listener reader
    caller commenter user""".split()
)
#: plural or generic subjects: whoever they are, they are not one identified speaker
GENERIC_SUBJECTS = frozenset(
    """critics officials residents protesters protestors activists observers supporters
    opponents experts analysts witnesses neighbors neighbours parents students teachers police
    authorities organizers organisers lawmakers democrats republicans people others many some
    sources officers workers voters leaders advocates members families users commenters
    viewers""".split()
)
WORK_NOUNS = frozenset(
    """report book song album single film movie documentary series show study paper essay
    column op-ed article podcast play poem novel memoir episode titled entitled headlined
    exhibition exhibit opera musical painting track record ep mixtape anthem""".split()
)
#: what a title-case name in quote marks followed by one of these names: a show, a campaign
SHOW_NOUNS = frozenset(
    """show program programme coalition campaign initiative movement act bill plan tour
    hearing summit conference debate segment broadcast interview speech slogan hashtag
    rally""".split()
)
#: documents that speak for their authors ("the letter says")
DOCUMENTS = frozenset(
    """letter statement advertisement ad memo memorandum report email e-mail release filing
    lawsuit complaint website site editorial op-ed petition proposal resolution ruling
    indictment affidavit brief motion platform manifesto poll survey study document
    transcript post tweet message note video""".split()
)
NAMING = re.compile(r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|nicknam(?:e|es|ed|ing)|"
                    r"known as|so-called|term(?:s|ed)?|label(?:s|led|ed)?|brand(?:s|ed)?|"
                    r"refer(?:s|red)? to)\b", re.I)
#: "the company said": the head noun and the words of the institution names it refers to
INST_REFS: dict[str, frozenset[str]] = {
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
FUNCTION_WORDS = frozenset("a an the of and or for to in on at by with from but nor as vs".split())



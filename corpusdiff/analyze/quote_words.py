"""The vocabulary of the people layer (:mod:`.people`), read by quotes and facts alike: titles
and the words around them, institutions, gendered nouns and given names. General English news
usage, not the words of any one corpus."""

from __future__ import annotations

import re

from corpusdiff.analyze.shared_words import MONTHS, WEEKDAYS

SPEECH = frozenset(
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
#: title words that can stand before a name ("Governor Ana Lee", "State Sen. Marcus Hale")
TITLES = frozenset(
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
TITLE_MODIFIERS = frozenset(
    "former acting interim then longtime veteran senior top state city county federal".split()
)
#: role nouns after "the" that refer back to a titled person ("the governor")
ROLE_HEADS = frozenset(
    """mayor governor senator representative congressman congresswoman president secretary
    superintendent director chief commissioner sheriff judge chairman chairwoman chair
    chancellor minister spokesman spokeswoman spokesperson councilmember councilman
    councilwoman attorney prosecutor coach ceo principal dean czar advisor adviser leader
    speaker manager treasurer controller comptroller auditor ambassador captain lieutenant
    detective sergeant professor founder lawmaker""".split()
)
ABBREVIATIONS = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "sec.": "secretary",
    "supt.": "superintendent", "lt.": "lieutenant", "sgt.": "sergeant", "det.": "detective",
    "capt.": "captain", "col.": "colonel", "gen.": "general", "maj.": "major", "adm.": "admiral",
    "prof.": "professor", "rev.": "reverend", "pres.": "president", "atty.": "attorney",
}
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
    into onto upon via per fellow republican democratic democrat continuing""".split()
)
#: capitalised words that never name one person: groups, programmes, documents
NOT_PEOPLE = frozenset(
    """democrats republicans americans conservatives liberals progressives evangelicals
    independents latinos hispanics muslims christians catholics jews democrat republican
    medicare medicaid obamacare constitution congress senate house""".split()
)
#: role words that name the same office ("the congressman" is "Rep. Steve Israel")
ROLE_EQUIVALENTS = {
    "congressman": "representative", "congresswoman": "representative",
    "lawmaker": "representative", "rep.": "representative", "sen.": "senator",
    "gov.": "governor", "chairwoman": "chairman", "chair": "chairman",
    "spokeswoman": "spokesman", "spokesperson": "spokesman",
}
CONNECTORS = frozenset("of for the and de del la le van von der da di bin al".split())
ORG_ABBR = frozenset("corp. inc. co. ltd. bros. assn. dept. univ.".split())
HONORIFICS = frozenset("mr. mrs. ms. mx. mr mrs ms mx miss".split())
PAGE_LABELS = frozenset("new breaking update note play watch live exclusive opinion".split())
FEMALE_NOUNS = frozenset(
    """woman girl mother mom wife daughter sister grandmother grandma aunt niece lady
    spokeswoman chairwoman congresswoman councilwoman businesswoman actress widow girlfriend
    bride queen princess stepmother""".split()
)
MALE_NOUNS = frozenset(
    """man boy father dad husband son brother grandfather grandpa uncle nephew gentleman
    spokesman congressman councilman businessman widower boyfriend groom king prince
    stepfather""".split()
)
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

FEMALE_NAMES = frozenset(
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
MALE_NAMES = frozenset(
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

#: given names of either or unknown gender
OTHER_FIRST_NAMES = frozenset(
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
#: every given name, for quotes and facts alike
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES | OTHER_FIRST_NAMES

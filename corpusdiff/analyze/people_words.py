"""The people lexicon, owned by the people layer (:mod:`.people`) and read by quotes and facts
alike: title words, honorifics, the words around titles, name connectors, gendered nouns and
given names. General English news usage, not the words of any one corpus.

Titles are one table, :data:`TITLE_KINDS`: each title word once, with what it is. The two
readers take different slices of it for a reason the kind states, so a fix is made once:

- ``office``: a title of office or trade ("mayor", "Sen.", "spokesperson"). Both the people
  parser (quote speakers) and the facts scanner split a name from it ("Mayor Karen Bass").
- ``before_name``: a title only where the people parser sees it before a name in a run of
  capitalised words, with its own checks ("Steve King", "Mr. King" keep King as a surname). Many
  are also surnames or ordinary words ("King", "Major", "Executive", "Bishop", "Dean", "a host
  of", "to counsel"), or stand in front of a name as a group's member ("Clinton aides"), so the
  facts scanner, which cuts every capitalised run at a title word, does not read them as titles.
- ``modifier``: a word that only modifies a title ("former", "acting"): the facts scanner reads
  it as part of a title; the people parser as a lowercase word before one
  (:data:`TITLE_MODIFIERS`).
- ``honorific``: Mr., Mrs., Ms., Mx., Miss: a title for the people parser (its gender evidence);
  the facts scanner reads them through :data:`HONORIFICS`.

:data:`TITLES` (the people parser's title words) and :data:`FACT_TITLES` (the facts scanner's)
are derived from the table; :func:`.people.split_title` is the one rule that tells a title from
the name after it, for both readers.
"""

from __future__ import annotations

#: each title word (lower case, abbreviations with their period) -> its kind (module docstring)
TITLE_KINDS: dict[str, str] = {
    **dict.fromkeys(
        """mayor governor gov. lieutenant lt. senator sen. representative rep. congressman
        congresswoman councilmember councilman councilwoman member president pres. vice secretary
        sec.
        superintendent supt. director deputy assistant chief attorney general judge justice
        commissioner sheriff officer sergeant sgt. detective det. captain capt. colonel col. gen.
        maj. admiral adm. dr. prof. professor rev. reverend pastor rabbi imam chancellor minister
        premier speaker leader chair chairman chairwoman chairperson spokesman spokeswoman
        spokesperson czar tsar advisor adviser correspondent reporter anchor producer
        editor columnist analyst economist coach manager ceo cfo coo founder administrator
        ambassador envoy trustee treasurer clerk comptroller controller auditor inspector
        marshal principal provost owner lawyer prosecutor agent candidate
        coordinator whip committeeman committeewoman representatives senators reps.
        sens.""".split(), "office"),
    **dict.fromkeys(
        """associate major bishop pope king queen prince princess executive warden dean ranger
        aide host counsel""".split(), "before_name"),
    **dict.fromkeys("former acting interim".split(), "modifier"),
    **dict.fromkeys("mr. mrs. ms. mx. miss".split(), "honorific"),
}
#: titles one addresses a person by after an honorific ("Mr. President", "Madam Speaker"): no
#: surname there
ADDRESS_TITLES = frozenset(
    "president speaker chairman chairwoman chair mayor secretary ambassador governor senator "
    "commissioner director".split()
)
#: title words the people parser reads before a name ("Governor Ana Lee", "State Sen. Marcus
#: Hale", "Mr. Lee")
TITLES = frozenset(w for w, k in TITLE_KINDS.items()
                   if k in ("office", "before_name", "honorific"))
#: title words the facts scanner reads before or after a name, and in appositives
FACT_TITLES = frozenset(w for w, k in TITLE_KINDS.items() if k in ("office", "modifier"))
#: Mr., Mrs., Ms., Mx., Miss, with and without the period
HONORIFICS = frozenset(h for w, k in TITLE_KINDS.items() if k == "honorific"
                       for h in (w, w.rstrip(".")))
#: lowercase words that may precede a title ("former Trump advisor", "state Sen.")
TITLE_MODIFIERS = frozenset(
    "former acting interim then longtime veteran senior top state city county federal".split()
)
#: words that may stand in front of a title word inside a role the facts read ("former",
#: "State", "border"): :data:`TITLE_MODIFIERS` and a few more
ROLE_MODIFIERS = TITLE_MODIFIERS | frozenset(
    "outgoing incoming executive district national regional local border press public deputy "
    "assistant associate newly elected".split()
)
#: title words that only modify another ("former Trump advisor"): never right before a name
MODIFYING_TITLES = frozenset("former acting interim vice then".split())
#: title words that may be part of an organisation's name ("Justice Department")
WEAK_TITLES = frozenset("justice general chief".split())
#: role nouns after "the" that refer back to a titled person ("the governor")
ROLE_HEADS = frozenset(
    """mayor governor senator representative congressman congresswoman president secretary
    superintendent director chief commissioner sheriff judge chairman chairwoman chair
    chancellor minister spokesman spokeswoman spokesperson councilmember councilman
    councilwoman attorney prosecutor coach ceo principal dean czar advisor adviser leader
    speaker manager treasurer controller comptroller auditor ambassador captain lieutenant
    detective sergeant professor founder lawmaker""".split()
)
#: title abbreviations with their period -> the word (the people parser)
ABBREVIATIONS = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "sec.": "secretary",
    "supt.": "superintendent", "lt.": "lieutenant", "sgt.": "sergeant", "det.": "detective",
    "capt.": "captain", "col.": "colonel", "gen.": "general", "maj.": "major", "adm.": "admiral",
    "prof.": "professor", "rev.": "reverend", "pres.": "president", "atty.": "attorney",
}
#: role words (lower case, no period) -> the word of the office they name, for quotes' role
#: references ("the congressman" is "Rep. Steve Israel") and the facts' role comparison alike
ROLE_SYNONYMS = {
    "sen": "senator", "gov": "governor", "rep": "representative", "sec": "secretary",
    "asst": "assistant", "dept": "department", "lt": "lieutenant", "dir": "director",
    "atty": "attorney", "prof": "professor", "adviser": "advisor", "tsar": "czar",
    "spokeswoman": "spokesperson", "spokesman": "spokesperson",
    "congressman": "representative", "congresswoman": "representative",
    "lawmaker": "representative", "chairwoman": "chair", "chairman": "chair",
    "lawyer": "attorney",
}
#: lowercase words inside a name ("Department of Justice", "Osama bin Laden")
CONNECTORS = frozenset("of for the and de del la le van von der da di bin al".split())
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
    nora clara vera rose alicia alison allison anita anne annie april beth betsy bonnie
    bridget brooke caroline cindy claire crystal debbie dianne elaine erica erin eva gail gina
    heidi holly huma ines jasmine jen jenny joy julia keisha kristina latoya marjorie marsha
    maxine melanie michele nadia naomi norma renee rosemary sally shanice tamika tara valerie
    vanessa vicki wanda""".split()
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
    wei lars sven klaus hans pierre jean-luc giovanni luca marco adrian barney bernie bernard
    bradley brett cesar clarence colin craig curtis darnell darren dean deepak deshawn doug ed
    eddie erik ernest evan fred glenn harry howard ian ibrahim ignacio isaac jake jamal jared
    jeb jesus jimmy joel johnny jon josh julian karl kwame lamar malik martin marty neil pablo
    phil phillip rahul ray reggie reince rod sanjay shawn sheldon sunil terrence tommy travis
    troy tyrone xavier yusuf zach mitt kofi amit anil rob dick rahm steny""".split()
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
    pete kash tulsi lamar bernie barney newt jeb reince huma sheldon""".split()
)

#: every given name, for quotes and facts alike
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES | OTHER_FIRST_NAMES

#: short forms of given names that stand for one formal name only ("Ted" may be Edward or
#: Theodore, "Chris" Christopher or Christine: not listed)
NICKNAMES = {
    "joe": "joseph", "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
    "rob": "robert", "mike": "michael", "jim": "james", "jimmy": "james", "tom": "thomas",
    "dick": "richard", "bernie": "bernard", "chuck": "charles", "dan": "daniel",
    "dave": "david", "don": "donald", "ron": "ronald", "ben": "benjamin", "nick": "nicholas",
    "tony": "anthony", "andy": "andrew", "liz": "elizabeth", "beth": "elizabeth",
    "matt": "matthew", "pete": "peter", "greg": "gregory", "jeff": "jeffrey",
    "larry": "lawrence", "ken": "kenneth", "tim": "timothy", "newt": "newton",
    "mitch": "mitchell", "josh": "joshua", "pam": "pamela", "bibi": "benjamin",
}

"""Facts: extraction cases, entity resolution, conflicts within alignment groups, exclusives."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import polars as pl
import pytest

from corpusdiff.analyze.conflicts import GROUP_OUTLETS, conflict_pairs, conflicts
from corpusdiff.analyze.fact_labels import fact_label, slot_words
from corpusdiff.analyze.fact_pairs import group_members, group_pairs
from corpusdiff.analyze.facts import (
    exclusive_facts,
    extract_facts,
    normalise_role,
    own_voice,
)
from corpusdiff.analyze.titles import normalise_title, titles_conflict
from corpusdiff.ingest import ingest
from corpusdiff.model import CONFLICTS, EXCLUSIVE_FACTS, FACTS, SENTENCES, Comparison
from corpusdiff.pipeline import compare
from corpusdiff.segment import segment

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import facts_quality  # noqa: E402  (bench/ is a folder of scripts, not a package)

DATA = ROOT / "tests" / "data" / "facts"
HARLOW = sorted(DATA.glob("harlow_*.txt"))
POST, TIMES, WIRE = "harlow_post", "harlow_times", "harlow_wire"
SEED_000 = "000_339f8661db4e05a7"
SEED_001 = "001_9ea4ccef75ea6f17"
#: (comparison, its facts) and (comparison, facts, conflicts)
Seeds = tuple[Comparison, pl.DataFrame]
Harlow = tuple[Comparison, pl.DataFrame, pl.DataFrame]


@pytest.fixture(scope="module")
def seeds() -> Seeds:
    cmp = compare([ROOT / "seeds"])
    return cmp, extract_facts(cmp.sentences)


def sentences(*texts: str, article: str = "a", kind: str = "body") -> pl.DataFrame:
    """A sentences table holding ``texts`` as consecutive sentences of one article."""
    rows = [(article, i, 0, 0, len(t), t, kind, None, None) for i, t in enumerate(texts)]
    return pl.DataFrame(rows, schema=SENTENCES, orient="row")


def facts_of(text: str, kind: str = "body") -> pl.DataFrame:
    return extract_facts(sentences(text, kind=kind))


def facts_and_kinds(*lines: str) -> tuple[pl.DataFrame, dict[str, str]]:
    """The facts of ``lines`` (one article) and each fact's kind by its text."""
    facts = extract_facts(sentences(*lines, article="a"))
    return facts, dict(zip(facts["text"], facts["kind"], strict=False))


def one(facts: pl.DataFrame, kind: str, text: str) -> dict[str, object]:
    hits = facts.filter((pl.col("kind") == kind) & (pl.col("text") == text))
    assert hits.height == 1, f"{kind} {text!r} not found once in\n{facts}"
    return hits.row(0, named=True)


# (sentence, kind, text as written, value, other expected columns)
CASES = [
    ("Speaking Tuesday on Fox News, U.S. Border czar Tom Homan said the park was targeted.",
     "person", "Tom Homan", "Tom Homan", {"role": "U.S. Border czar"}),
    ("Speaking Tuesday on Fox News, U.S. Border czar Tom Homan said the park was targeted.",
     "title", "U.S. Border czar", "us border czar", {"entity": "Tom Homan"}),
    ("Speaking Tuesday on Fox News, U.S. Border czar Tom Homan said the park was targeted.",
     "organization", "Fox News", "Fox News", {}),
    ("In the face of her demands, DHS Secretary Kristi Noem doubled down on the operation.",
     "person", "Kristi Noem", "Kristi Noem", {"role": "DHS Secretary"}),
    ("In the face of her demands, DHS Secretary Kristi Noem doubled down on the operation.",
     "organization", "DHS", "DHS", {}),
    ("“I’m sure there is a trip to Ghana,” said Emily Covington, assistant director for ICE’s "
     "Office of Public Affairs.", "person", "Emily Covington", "Emily Covington",
     {"role": "assistant director for ICE’s Office of Public Affairs"}),
    ("Adding fuel to the fire, former Trump advisor Stephen Miller weighed in.",
     "person", "Stephen Miller", "Stephen Miller", {"role": "former Trump advisor"}),
    ("About 40 firefighters battled the blaze, Deputy Fire Chief Dana Whitaker said.",
     "person", "Dana Whitaker", "Dana Whitaker", {"role": "Deputy Fire Chief"}),
    ("State Sen. Marcus Hale, a Republican, objected.",
     "title", "State Sen.", "state senator", {"entity": "Marcus Hale"}),
    ("The announcement came after more than 100 agents amassed at MacArthur Park.",
     "number", "more than 100 agents", "100", {"unit": "agents", "qualifier": ">"}),
    ("The announcement came after more than 100 agents amassed at MacArthur Park.",
     "place", "MacArthur Park", "MacArthur Park", {"unit": "site"}),
    ("About 12,000 vehicles cross the bridge each day.",
     "number", "About 12,000 vehicles", "12000", {"unit": "vehicles", "qualifier": "~"}),
    ("The two no votes came from the east side.", "number", "two no votes", "2",
     {"unit": "votes"}),
    ("The Riverton council approved a $2.5 million budget.",
     "money", "$2.5 million", "2500000 USD", {"unit": "USD"}),
    ("The city will spend roughly $4 million on ferries.",
     "money", "roughly $4 million", "4000000 USD", {"qualifier": "~"}),
    ("Fares rose 12.5 percent last year.", "percent", "12.5 percent", "12.5", {}),
    ("Departments must deliver plans within two weeks to the mayor.",
     "duration", "within two weeks", "P14D", {"qualifier": "<="}),
    ("The bridge will close for about 16 weeks.", "duration", "about 16 weeks", "P112D",
     {"qualifier": "~"}),
    ("The inspection took 20 minutes.", "duration", "20 minutes", "PT20M", {}),
    ("A 45-year-old man was arrested.", "number", "45-year-old", "45", {"unit": "years old"}),
    ("The White House issued a statement Tuesday morning.", "weekday", "Tuesday", "tuesday",
     {}),
    ("The White House issued a statement Tuesday morning.", "time", "morning", "part:morning",
     {}),
    ("The White House issued a statement Tuesday morning.", "organization", "White House",
     "White House", {}),
    ("Doors open at 6:30 p.m. on Friday.", "time", "6:30 p.m.", "18:30", {}),
    ("The lawmakers met at noon.", "time", "noon", "12:00", {}),
    ("— Bill Melugin (@BillMelugin_) July 1, 2025", "date", "July 1, 2025", "2025-07-01", {}),
    ("By | June 10, 2025", "date", "June 10, 2025", "2025-06-10", {}),
    ("The bridge will close on March 3 for repairs.", "date", "March 3", "--03-03", {}),
    ("The mayor later acknowledged regret over her January trip to Ghana.",
     "date", "January", "month:01", {}),
    ("The mayor later acknowledged regret over her January trip to Ghana.",
     "place", "Ghana", "Ghana", {"unit": "country"}),
    ("With the 2024 election still fresh in the public mind, the clash may spread.",
     "date", "2024", "2024", {}),
    ("The council voted 5-2 on Monday night.", "number", "5-2", "5-2", {"unit": "tally"}),
    ("The council voted 5-2 on Monday night.", "time", "night", "part:night", {}),
    ("Agents raided the MacArthur Park area, known for MS\u201113 activity.",
     "organization", "MS\u201113", "MS-13", {}),
    ("Bass spoke at a press conference addressing a Department of Justice (DOJ) lawsuit.",
     "organization", "Department of Justice", "DOJ", {}),
    ("Bass spoke at a press conference addressing a Department of Justice (DOJ) lawsuit.",
     "organization", "DOJ", "DOJ", {}),
    ("The lawsuit names U.S. Immigration and Customs Enforcement and U.S. Customs and Border "
     "Protection.", "organization", "U.S. Immigration and Customs Enforcement", "ICE", {}),
    ("The lawsuit names U.S. Immigration and Customs Enforcement and U.S. Customs and Border "
     "Protection.", "organization", "U.S. Customs and Border Protection", "CBP", {}),
    ("She called for records from the Trump administration on all ICE operations.",
     "organization", "Trump administration", "Trump Administration", {}),
    ("Cities like San Francisco, New York, and Chicago limit cooperation.",
     "place", "New York", "New York", {"unit": "city"}),
    ("The mayor intervened in Downtown L.A., demanding that agents leave.",
     "place", "L.A.", "Los Angeles", {"unit": "city"}),
    # rooms and gardens are places, not organisations or people (real lines of basil and
    # polnear)
    ("When asked point-blank by a reporter in the Oval Office Thursday, Trump replied.",
     "place", "Oval Office", "Oval Office", {"unit": "site"}),
    # a known city whose last word is a place word: the city, not a site
    ("Protesters gathered in Long Beach on Friday.",
     "place", "Long Beach", "Long Beach", {"unit": "city"}),
    ("Obama spoke in the Rose Garden of the White House on Thursday.",
     "place", "Rose Garden", "Rose Garden", {"unit": "site"}),
    ("Mr. Trump made the remarks in the East Room.",
     "place", "East Room", "East Room", {"unit": "site"}),
    ("Sen. John Cornyn said on Capitol Hill on Thursday that he agreed.",
     "place", "Capitol Hill", "Capitol Hill", {"unit": "site"}),
    # a year before a noun (real lines of 300 real articles: "number of elections: 2018")
    ("Democrats hope to win the 2018 elections.", "date", "2018", "2018", {}),
    ("A 2009 paper found improvements in test scores.", "date", "2009", "2009", {}),
    ("Some 2000 people attended the rally.", "number", "Some 2000 people", "2000",
     {"unit": "people"}),
    ("The 2,000 people who came cheered.", "number", "2,000 people", "2000", {}),
]


@pytest.mark.parametrize(("sentence", "kind", "text", "value", "extra"), CASES)
def test_extraction_case(sentence: str, kind: str, text: str, value: str,
                         extra: dict[str, str]) -> None:
    row = one(facts_of(sentence), kind, text)
    assert row["value"] == value
    for column, expected in extra.items():
        assert row[column] == expected, column
    assert sentence[row["start"]:row["end"]] == text


@pytest.mark.parametrize(("sentence", "kind", "text"), [
    ("Agents raided the MacArthur Park area, known for MS-13 activity.", "number", "13"),
    ("With the 2024 election still fresh in the public mind.", "number", "2024"),
    ("The new one comes from the engineers.", "number", "one comes"),
    ("Waverly Hills Hospital's Horror Story: The Most Haunted Room 502", "number", "502"),
    ("Adding fuel to the fire, former Trump advisor Stephen Miller weighed in.", "person",
     "Trump"),
    ("About 40 firefighters battled the blaze, Deputy Fire Chief Dana Whitaker said.",
     "person", "Fire"),
    ("Only one of them spoke.", "number", "one"),
    ("Half my morning customers come over that bridge.", "time", "morning"),
    ("May I ask what the plan is?", "date", "May"),
    ("March with us to City Hall, the organizers urged.", "date", "March"),
    # real lines of 300 real articles: a transcript's header, roman numerals, time zones
    ("FULL TEXT: Read the speech as delivered.", "organization", "FULL"),
    ("FULL TEXT: Read the speech as delivered.", "organization", "TEXT"),
    ("He fought in World War II, his family said.", "organization", "II"),
    ("The debate starts at 9 p.m. EST on Sunday.", "organization", "EST"),
    ("TAPPER: Do you support the plan, Governor?", "organization", "TAPPER"),
])
def test_not_a_fact(sentence: str, kind: str, text: str) -> None:
    found = facts_of(sentence)
    assert found.filter((pl.col("kind") == kind) & pl.col("text").str.contains(text,
                                                                                literal=True)
                        ).is_empty(), found


def test_markup_in_the_text_is_plain_text() -> None:
    sentence = ("[bold]Mayor Karen Bass[/bold] paid <b>$5 million</b> on **Tuesday**, "
                "\x1b[31mwarned\x1b[0m MS-13")
    facts = facts_of(sentence)
    assert set(facts.select("kind", "text").iter_rows()) == {
        ("title", "Mayor"), ("person", "Karen Bass"), ("money", "$5 million"),
        ("weekday", "Tuesday"), ("organization", "MS-13")}
    for start, end, text in facts.select("start", "end", "text").iter_rows():
        assert sentence[start:end] == text


def test_no_fact_overlaps_another_except_titles(seeds: Seeds) -> None:
    _cmp, facts = seeds
    spans = facts.filter(pl.col("kind") != "title").sort("article", "sentence", "start")
    prev = spans.select(
        pl.col("end").shift(1).over("article", "sentence").alias("prev_end"), "start")
    assert prev.filter(pl.col("prev_end") > pl.col("start")).is_empty()


def test_schema_and_boilerplate_skipped() -> None:
    facts = extract_facts(sentences("On Tuesday Mayor Karen Bass paid $5 million.",
                                    kind="boilerplate"))
    assert facts.schema == FACTS
    assert facts.is_empty()


def test_empty_inputs_give_empty_tables_with_their_schemas() -> None:
    facts = extract_facts(pl.DataFrame(schema=SENTENCES))
    assert facts.schema == FACTS
    members = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String, "index": pl.Int64,
                                   "score": pl.Float64})
    empty = pl.DataFrame(schema=SENTENCES)
    assert conflicts(facts, group_pairs(members), empty).schema == CONFLICTS
    assert exclusive_facts(facts).schema == EXCLUSIVE_FACTS


def test_people_resolve_across_sentences_and_articles() -> None:
    frame = pl.concat([
        sentences("Los Angeles Mayor Karen Bass spoke on Friday.", "Bass said she would stay.",
                  article="a"),
        sentences("Mayor Bass’s demand drew criticism.", article="b"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert people["text"].to_list() == ["Karen Bass", "Bass", "Bass"]
    assert set(people["entity"]) == {"Karen Bass"}


def test_a_common_word_is_no_surname_of_another_article() -> None:
    # real lines of 300 real articles: a byline names Pam Key; another article's "Key" at
    # the head of a sentence is the adjective, which the corpus mostly writes in lower case
    frame = pl.concat([
        sentences("Follow Pam Key on Twitter.", "Key said the clip aired on Sunday.",
                  article="a"),
        sentences("Key economic reforms have stalled.", "The key vote is on Tuesday.",
                  "A key aide left.", "That was the key point.", article="b"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    # in its own article the surname still is the person; elsewhere it is the word
    assert people.select("article", "text", "entity").rows() == [
        ("a", "Pam Key", "Pam Key"), ("a", "Key", "Pam Key")]
    # a surname the corpus does not write in lower case resolves across articles as before
    frame = pl.concat([sentences("Follow Pam Key on Twitter.", article="a"),
                       sentences("Key said the clip aired on Sunday.", article="b")])
    assert "b" in extract_facts(frame).filter(pl.col("kind") == "person")["article"].to_list()


def test_a_name_cut_at_the_head_of_a_sentence_takes_the_longer_name() -> None:
    # an unknown given name before a listed one ("Marie") is cut as no name at the head of a
    # sentence; another article has the whole name after a title
    frame = pl.concat([
        sentences("Councilwoman Tashonda Marie Wexler said the vote would happen Tuesday.",
                  article="a"),
        sentences("Tashonda Marie Wexler, a councilwoman, said the council would vote.",
                  "Wexler said 12 members agreed.", article="b"),
    ])
    facts = extract_facts(frame)
    people = facts.filter(pl.col("kind") == "person")
    assert people.select("article", "text").rows() == [
        ("a", "Tashonda Marie Wexler"), ("b", "Marie Wexler"), ("b", "Wexler")]
    assert set(people["value"]) == {"Tashonda Marie Wexler"}
    assert exclusive_facts(facts).filter(pl.col("kind") == "person").is_empty()
    # a longer name whose extra word the corpus writes in lower case is a role before the name
    def values(*lead: str) -> set[str]:
        frame = pl.concat([
            sentences(*lead, "Actress Tashonda Wexler said the vote would happen.", article="a"),
            sentences("Tashonda Wexler said the vote would happen.", article="b"),
        ])
        people = extract_facts(frame).filter(pl.col("kind") == "person")
        return set(people.filter(pl.col("article") == "b")["value"])

    assert values() == {"Actress Tashonda Wexler"}
    assert values("The veteran actress spoke first.") == {"Tashonda Wexler"}


def test_organisation_and_place_names_are_nobody() -> None:
    # real lines of 300 real articles: "The Islamic State said" made "Islamic State" a person,
    # whose surname "State" then made a person of every lone "State" ("If State obtains
    # ...") and of "the Granite State"; "Obama White House" and "Atlantic City" likewise
    frame = pl.concat([
        sentences("The Islamic State said the two were its followers.",
                  "Sanders crushed Clinton in the Granite State on Tuesday.",
                  "If State obtains additional records, it intends to search them.",
                  article="a"),
        sentences("The Obama White House had disliked the gatherings.",
                  "Casino revenue in Atlantic City rose, City said on Friday.",
                  "Rep. Alan Grayson said he would run.", article="b"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert people["entity"].unique().sort().to_list() == ["Alan Grayson"]


def test_parties_nationalities_and_contractions_are_nobody() -> None:
    # real lines of 300 real articles: "Many Americans" (beside a speech verb) was a person,
    # whose "surname" then made a person of every "Americans" in the corpus; likewise
    # "House Democrats", "Disconsolate Republican" and "I'm" next to "said" (1,794 person facts
    # in all); "among Democrats" was a place
    frame = pl.concat([
        sentences("Many Americans agree with the plan, polls say.",
                  "Disconsolate Republican leaders said little.",
                  "“I’m not sure,” said Sen. Ted Cruz.", article="a"),
        sentences("House Democrats said the bill would pass.",
                  "Americans and Democrats alike were angry; I’m told the vote is close.",
                  "The mood among Democrats was grim, Rep. Alan Grayson said.", article="b"),
    ])
    facts = extract_facts(frame)
    assert facts.filter(pl.col("kind") == "person")["entity"].unique().sort().to_list() == [
        "Alan Grayson", "Ted Cruz"]
    assert facts.filter(pl.col("kind") == "place").is_empty()


def test_quantifiers_regions_and_two_names_joined_by_and() -> None:
    # real lines of 300 real articles: "Many Millennials" was a person, "Southern" (alone) a
    # place, and "John Bolton and Breitbart News" one organisation, so that no "Bolton" of the
    # article was anybody
    facts, kinds = facts_and_kinds(
        "Many Millennials said they would stay home.",
        "He did well in Southern states and in Eastern Europe.",
        "Former U.N. Ambassador John Bolton and Breitbart News editor Sebastian Gorka spoke.",
        "“They don’t understand,” Bolton said.")
    assert "Many Millennials" not in kinds and "Southern" not in kinds
    assert kinds["Eastern Europe"] == "place" and kinds["Breitbart News"] == "organization"
    people = facts.filter(pl.col("kind") == "person")
    assert people.filter(pl.col("text") == "Bolton")["entity"].to_list() == ["John Bolton"]


def test_a_name_ending_in_a_given_name_names_nobody_elsewhere() -> None:
    # a real line of 300 real articles: "a PAC called Stop Hillary" made "Hillary" the surname
    # of "Stop Hillary", and 58 "Hillary" of other articles that person
    frame = pl.concat([
        sentences("Conservative groups, including one PAC called Stop Hillary, spent heavily.",
                  article="a"),
        sentences("Hillary said she would win.", "Rep. Barney Frank said he agreed.",
                  article="b"),
        sentences("“We are ready,” Frank said.", article="c"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert "Stop Hillary" not in people.filter(pl.col("article") != "a")["entity"].to_list()
    assert people.filter(pl.col("article") == "c")["entity"].to_list() == ["Barney Frank"]


def test_a_name_opening_with_a_common_word_names_nobody_elsewhere() -> None:
    # real lines of 300 real articles: "Standard Russian" (a headline's words) gave its
    # "surname" to 27 "Russian" of other articles; two Howards in one article ("Actor Clint
    # Howard", "Ron Howard") leave its lone "Howard" as written
    frame = pl.concat([
        sentences("The standard is high, and the standard will stay.",
                  "“It is fine,” Standard Russian said.", article="a"),
        sentences("“We disagree,” Russian said.", "The standard was set.", article="b"),
        sentences("Actor Clint Howard said he backs Cruz.", "Ron Howard said nothing.",
                  "“I like him,” Howard said.", article="c"),
        sentences("Ron Howard directed it, Howard said.", article="d"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert "Standard Russian" not in people.filter(pl.col("article") == "b")["entity"].to_list()
    lone = people.filter((pl.col("article") == "c") & (pl.col("text") == "Howard"))
    assert lone["entity"].to_list() == ["Howard"]


def test_of_after_a_full_name_ends_it() -> None:
    # real lines of basil and 300 real articles: each was one place or organisation before
    _, kinds = facts_and_kinds(
        "Trump met Sheriff Joe Arpaio of Maricopa County on Friday.",
        "At lunch, Senators Sheldon Whitehouse of Rhode Island objected.",
        "Chris Wallace of Fox News will moderate.",
        "David Woodard of Clemson University said the race was close.")
    assert kinds["Joe Arpaio"] == "person" and kinds["Maricopa County"] == "place"
    assert kinds["Sheldon Whitehouse"] == "person" and kinds["Rhode Island"] == "place"
    assert kinds["Chris Wallace"] == "person" and kinds["Fox News"] == "organization"
    assert kinds["David Woodard"] == "person" and kinds["Clemson University"] == "organization"


def test_and_joins_no_place_names() -> None:
    # real lines of 300 real articles: each was one place before
    frame = sentences(
        "The bill passed in Maryland and Rhode Island last year.",
        "Revel and Trump Plaza closed in 2014.",
        "He toured Arizona and Maricopa County on Friday.",
        "The Department of Health and Human Services said so.", article="a")
    facts = extract_facts(frame)
    assert facts.filter(pl.col("kind") == "place")["value"].to_list() == [
        "Maryland", "Rhode Island", "Trump Plaza", "Arizona", "Maricopa County"]
    # organisations keep their "and"
    assert "Department of Health and Human Services" in facts["text"].to_list()


def test_seed_people_and_roles(seeds: Seeds) -> None:
    _cmp, facts = seeds
    people = facts.filter(pl.col("kind") == "person")
    by_text = dict(zip(people["text"], people["entity"], strict=True))
    assert by_text["Bass"] == "Karen Bass"
    assert by_text["Covington"] == "Emily Covington"
    assert by_text["Homan"] == "Tom Homan"
    titles = facts.filter((pl.col("kind") == "title") & (pl.col("entity") == "Emily Covington"))
    assert titles["text"].to_list() == [
        "assistant director for ICE’s Office of Public Affairs",
        "Assistant Director of the ICE Office of Public Affairs",
    ]
    # same role, different wording: one normalised value
    assert titles["value"].n_unique() == 1


def test_normalise_role() -> None:
    assert normalise_role("assistant director for ICE’s Office of Public Affairs") == \
        normalise_role("Assistant Director of the ICE Office of Public Affairs")
    assert normalise_role("Department of Homeland Security Secretary") == \
        normalise_role("DHS Secretary") == "dhs secretary"
    assert normalise_role("State Sen.") == "state senator"
    assert normalise_role("Councilmembers") == "councilmember"
    assert normalise_role("Fire Chief") != normalise_role("Deputy Fire Chief")


# --- conflicts -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def harlow() -> Harlow:
    cmp = compare(HARLOW)
    facts = extract_facts(cmp.sentences)
    pairs = conflict_pairs(facts, cmp.members, cmp.sentences)
    return cmp, facts, conflicts(facts, pairs, cmp.sentences)


def test_harlow_conflicts(harlow: Harlow) -> None:
    _cmp, _facts, found = harlow
    assert found.schema == CONFLICTS
    got = set(found.select("slot", "article_a", "value_a", "article_b", "value_b").iter_rows())
    assert got == {
        ("weekday", POST, "tuesday", TIMES, "wednesday"),
        ("weekday", TIMES, "wednesday", WIRE, "tuesday"),
        ("number:firefighters", POST, "60", TIMES, "40"),
        ("number:firefighters", TIMES, "40", WIRE, "60"),
        ("role:Dana Whitaker", POST, "fire chief", TIMES, "deputy fire chief"),
        ("role:Dana Whitaker", TIMES, "deputy fire chief", WIRE, "fire chief"),
        ("money:USD", POST, "2500000 USD", WIRE, "3000000 USD"),
        ("money:USD", TIMES, "2500000 USD", WIRE, "3000000 USD"),
        ("time", POST, "06:00", WIRE, "08:00"),
    }
    # the texts are the mentions as written, so a reader sees both versions
    row = found.filter(pl.col("slot") == "number:firefighters").row(0, named=True)
    assert (row["text_a"], row["text_b"]) == ("More than 60 firefighters",
                                              "About 40 firefighters")
    # each pair of a slot's values sits in one alignment group
    assert found.group_by("slot").agg(pl.col("group").n_unique()).filter(
        pl.col("group") > 1).is_empty()


def test_harlow_agreeing_slots_do_not_conflict(harlow: Harlow) -> None:
    _cmp, facts, found = harlow
    # differently worded but compatible: "about 300" / "roughly 300" homes, "within two weeks" /
    # "within 14 days", a spokesman's role written two ways, the same year and hospital
    assert set(facts.filter(pl.col("kind") == "duration")["value"]) == {"PT6H", "P14D"}
    marcus = facts.filter((pl.col("kind") == "title") & (pl.col("entity") == "Marcus Bell"))
    assert marcus["value"].n_unique() == 2  # word order differs ...
    slots = set(found["slot"])
    for slot in ("number:homes", "duration", "role:Marcus Bell", "year", "number:workers",
                 "place:site"):
        assert slot not in slots  # ... yet the roles are compatible, like the other slots


def test_conflicts_are_deterministic(harlow: Harlow) -> None:
    cmp, facts, found = harlow
    shuffled = facts.sample(fraction=1.0, shuffle=True, seed=7)
    again = conflicts(shuffled, conflict_pairs(shuffled, cmp.members, cmp.sentences),
                      cmp.sentences)
    assert again.equals(found)


def _group_of(*keys: tuple[str, int]) -> pl.DataFrame:
    return pl.DataFrame({"group": [0] * len(keys), "article": [k[0] for k in keys],
                         "index": [k[1] for k in keys], "score": [1.0] * len(keys)})


def test_covington_title_wording_is_not_a_conflict(seeds: Seeds) -> None:
    cmp, facts = seeds
    members = _group_of((SEED_000, 6), (SEED_001, 9))
    assert conflicts(facts, group_pairs(members), cmp.sentences).is_empty()
    # a different rank for the same person in the same aligned sentences is one
    changed = facts.with_columns(
        pl.when((pl.col("kind") == "title") & (pl.col("article") == SEED_001)
                & (pl.col("entity") == "Emily Covington"))
        .then(pl.lit("deputy director ice office public affairs"))
        .otherwise(pl.col("value")).alias("value"))
    found = conflicts(changed, group_pairs(members), cmp.sentences)
    assert found.select("slot", "article_a", "article_b").rows() == [
        ("role:Emily Covington", SEED_000, SEED_001)]


def test_role_known_elsewhere_in_the_article_is_compared() -> None:
    frame = pl.concat([
        sentences("Attorney General Pam Bondi filed the suit.", "Bondi said it was urgent.",
                  article="a"),
        sentences("Deputy Attorney General Pam Bondi spoke.", "Bondi said it was urgent.",
                  article="b"),
    ])
    facts = extract_facts(frame)
    found = conflicts(facts, group_pairs(_group_of(("a", 1), ("b", 1))), frame)
    assert found.select("slot", "value_a", "value_b", "sentence_a").rows() == [
        ("role:Pam Bondi", "attorney general", "deputy attorney general", 0)]


def test_qualified_quantities_and_dates_are_compared_as_ranges() -> None:
    frame = pl.concat([
        sentences("More than 100 agents arrived on June 10, 2025 and stayed 3 hours.",
                  article="a"),
        sentences("120 agents arrived in June and stayed under 2 hours.", article="b"),
    ])
    facts = extract_facts(frame)
    found = conflicts(facts, group_pairs(_group_of(("a", 0), ("b", 0))), frame)
    assert found.select("slot", "value_a", "value_b").rows() == [("duration", "PT3H", "PT2H")]


def test_two_estimates_with_different_numbers_conflict() -> None:
    frame = pl.concat([
        sentences("About 12,000 vehicles cross the bridge, nearly six hours a day.", article="a"),
        sentences("About 11,000 vehicles cross the bridge, six hours a day.", article="b"),
    ])
    found = conflicts(extract_facts(frame), group_pairs(_group_of(("a", 0), ("b", 0))), frame)
    assert found.select("slot", "text_a", "text_b").rows() == [
        ("number:vehicles", "About 12,000 vehicles", "About 11,000 vehicles")]


def test_seed_conflicts_have_the_schema_and_name_real_sentences(seeds: Seeds) -> None:
    cmp, facts = seeds
    found = conflicts(facts, conflict_pairs(facts, cmp.members, cmp.sentences), cmp.sentences)
    assert found.schema == CONFLICTS
    assert found.filter(pl.col("slot").str.starts_with("role:Emily Covington")).is_empty()
    grouped = cmp.members.select("group", "article", "index")
    for side in ("a", "b"):
        located = found.join(grouped, left_on=["group", f"article_{side}", f"sentence_{side}"],
                             right_on=["group", "article", "index"], how="anti")
        assert located.filter(~pl.col("slot").str.starts_with("role:")).is_empty()


# --- exclusive facts -------------------------------------------------------------------------


def test_harlow_exclusive_facts(harlow: Harlow) -> None:
    _cmp, facts, _found = harlow
    only = exclusive_facts(facts)
    assert only.schema == EXCLUSIVE_FACTS
    assert set(only.select("article", "kind", "value").iter_rows()) == {
        (POST, "time", "06:00"),
        (TIMES, "number", "40"),
        (WIRE, "money", "3000000 USD"),
        (WIRE, "time", "08:00"),
    }


def test_seed_exclusive_facts(seeds: Seeds) -> None:
    _cmp, facts = seeds
    only = exclusive_facts(facts)
    rows = {(a[:3], k, v) for a, k, v in only.select("article", "kind", "value").iter_rows()}
    assert ("004", "number", "100") in rows
    assert ("002", "person", "Kristi Noem") in rows
    assert ("001", "date", "2024") in rows
    assert not any(v == "Karen Bass" for _a, _k, v in rows)  # every outlet names her
    mentions = only.filter(pl.col("value") == "Stephen Miller")["mentions"].to_list()
    assert mentions == [3]


# --- quality on the labelled samples (bench/facts_quality.py prints the full table) ----------


def test_extraction_quality_on_the_seed_sample(seeds: Seeds) -> None:
    cmp, facts = seeds
    gold, labelled = facts_quality.load_gold(cmp.sentences, facts_quality.GOLD)
    score = facts_quality.score(facts, gold, labelled)
    assert score.n_gold >= 90
    assert score.lenient_precision >= 0.95
    assert score.lenient_recall >= 0.93
    assert score.value_accuracy >= 0.95


def test_extraction_quality_on_the_second_sample() -> None:
    articles, _warnings = ingest(facts_quality.HELDOUT_FILES)
    frame = segment(articles)
    gold, labelled = facts_quality.load_gold(frame, facts_quality.HELDOUT)
    score = facts_quality.score(extract_facts(frame), gold, labelled)
    assert score.n_gold >= 60
    assert score.lenient_precision >= 0.95
    assert score.lenient_recall >= 0.93
    assert score.value_accuracy >= 0.95


# --- titles, labels, close pairs, own voice (issue 13) ---------------------------------------


def test_one_office_in_many_wordings() -> None:
    reps = {normalise_title(t) for t in ("Rep.", "Representative", "U.S. Representative",
                                         "Congressman", "Congresswoman", "member of Congress",
                                         "Democratic Rep.")}
    assert reps == {"representative"}
    assert normalise_title("Sen.") == normalise_title("U.S. Senator") == "senator"
    assert normalise_title("Gov.") == "governor"
    assert normalise_role("Rep.") == normalise_role("Congressman")
    assert not titles_conflict(normalise_role("Rep."), normalise_role("U.S. Representative"))
    assert titles_conflict("senator", "representative")
    assert not titles_conflict("majority leader", "senator")  # both hold
    assert titles_conflict("fire chief", "deputy fire chief")
    assert titles_conflict("president", "vice president")
    assert not titles_conflict("former texas governor", "senator")  # another time


def test_a_representative_called_three_ways_is_not_a_conflict() -> None:
    frame = pl.concat([
        sentences("Rep. Adam Schiff said the letter was unfair.", article="a"),
        sentences("Congressman Adam Schiff said the letter was unfair.", article="b"),
        sentences("Senator Adam Schiff said the letter was unfair.", article="c"),
    ])
    facts = extract_facts(frame)
    members = pl.DataFrame({"group": [0, 0, 0], "article": ["a", "b", "c"], "index": [0, 0, 0],
                            "score": [1.0] * 3})
    found = conflicts(facts, group_pairs(members), frame)
    assert found.select("article_a", "article_b", "label", "said_a", "said_b").rows() == [
        ("a", "c", "title of Adam Schiff", "Representative", "Senator"),
        ("b", "c", "title of Adam Schiff", "Representative", "Senator")]


def test_labels_are_human_words() -> None:
    facts = facts_of("The council voted 7-2 on Tuesday, Dec. 8, 2026, at 5 p.m. to spend "
                     "$2.5 million on 12 buses, 40% more than in December.")
    labels = set(facts["label"])
    assert {"day: Tuesday", "date: December 8, 2026", "time: 5 p.m.",
            "amount: $2,500,000", "percentage: 40%", "month: December"} <= labels
    assert any(x.startswith("number of buses: 12") for x in labels)
    for label in labels:  # no internal key shows
        assert not re.search(r"month:\d|weekday|:USD|^\w+:\w+:|\d{2}:\d{2}|P\d+D", label), label
    assert fact_label("title", "representative") == "title: Representative"
    assert fact_label("number", "7-2", "tally") == "vote: 7-2"
    assert fact_label("time", "17:00") == "time: 5 p.m."
    assert slot_words("role:Karen Bass") == "title of Karen Bass"
    assert slot_words("number:agents") == "number of agents"


def test_same_values_in_other_words_do_not_conflict() -> None:
    frame = pl.concat([
        sentences("The meeting began at 17:00 and the city paid $2.5 million.", article="a"),
        sentences("The meeting began at 5 p.m. and the city paid 2,500,000 dollars.",
                  article="b"),
    ])
    facts = extract_facts(frame)
    frame_pairs = group_pairs(_group_of(("a", 0), ("b", 0)))
    assert conflicts(facts, frame_pairs, frame).is_empty()


COUNCIL = """Council approves new budget after long debate

The city council approved the new budget late on Tuesday after a debate that lasted six hours.
The council vote was {tally} on {day}, officials said.
The meeting began at {time} and drew a crowd of residents.
Mayor Lena Ortiz said the plan was fair.
"""


def test_unaligned_sentences_told_alike_are_compared(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(COUNCIL.format(tally="7-2", day="Tuesday", time="5 p.m."))
    (tmp_path / "b.txt").write_text(COUNCIL.format(tally="6-3", day="Wednesday", time="7 p.m."))
    cmp = compare([tmp_path])
    found = cmp.conflicts
    got = set(found.select("label", "said_a", "said_b", "source").iter_rows())
    assert ("vote", "7-2", "6-3", "close") in got or ("vote", "7-2", "6-3", "group") in got
    assert any(r[:3] == ("day", "Tuesday", "Wednesday") for r in got)
    assert any(r[:3] == ("time", "5 p.m.", "7 p.m.") for r in got)
    # each names both sentences
    for r in found.iter_rows(named=True):
        for side in ("a", "b"):
            text = cmp.sentences.filter((pl.col("article") == r[f"article_{side}"])
                                        & (pl.col("index") == r[f"sentence_{side}"]))["text"]
            assert r[f"text_{side}"] in text[0]


def test_close_pairs_need_the_same_subject() -> None:
    frame = pl.concat([
        sentences("The State Department released the emails on Friday.", article="a"),
        sentences("The State Department released the emails on Saturday.",
                  "The senator spoke to reporters on Sunday.", article="b"),
    ])
    facts = extract_facts(frame)
    empty = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String, "index": pl.Int64,
                                 "score": pl.Float64})
    pairs = conflict_pairs(facts, empty, frame)
    assert pairs.select("article_a", "index_a", "article_b", "index_b", "source").rows() == [
        ("a", 0, "b", 0, "close")]
    found = conflicts(facts, pairs, frame)
    assert found.select("said_a", "said_b").rows() == [("Friday", "Saturday")]


def test_quoted_facts_are_not_an_outlets_own_omission() -> None:
    frame = pl.concat([
        sentences('Bass said: "We saw 300 agents in the park on Friday."', article="a"),
        sentences("Officials counted 300 agents in the park on Friday.", article="b"),
        sentences("Officials counted 300 agents in the park on Friday.", article="c"),
    ]).with_columns(start=pl.lit(0, pl.Int64), end=pl.col("text").str.len_chars().cast(pl.Int64))
    facts = extract_facts(frame)
    quote_start = frame["text"][0].index("We")
    quotes = pl.DataFrame({"article": ["a"], "kind": ["quote"], "start": [quote_start],
                           "end": [len(frame["text"][0]) - 2]})
    mine = own_voice(facts, frame, quotes)
    assert mine.filter(pl.col("article") == "a").is_empty()
    assert mine.filter(pl.col("article") == "b").height == facts.filter(
        pl.col("article") == "b").height


# --- a weekday against a full date -----------------------------------------------------------


def _weekday_vs_date(text_a: str, text_b: str,
                     articles: pl.DataFrame | None = None) -> list[tuple[str, ...]]:
    frame = pl.concat([sentences(text_a, article="a"), sentences(text_b, article="b")])
    found = conflicts(extract_facts(frame), group_pairs(_group_of(("a", 0), ("b", 0))), frame,
                      articles)
    return found.select("slot", "value_a", "value_b", "said_b").rows()


def test_a_weekday_and_the_date_it_falls_on_agree() -> None:
    # December 8, 2017 was a Friday
    assert _weekday_vs_date("The senator resigned on Friday after the vote.",
                            "The senator resigned on Dec. 8, 2017 after the vote.") == []


def test_a_weekday_and_a_date_on_another_day_conflict() -> None:
    assert _weekday_vs_date("The senator resigned on Thursday after the vote.",
                            "The senator resigned on Dec. 8, 2017 after the vote.") == [
        ("weekday", "thursday", "2017-12-08", "December 8, 2017")]


def test_a_date_without_year_takes_the_publication_year() -> None:
    published = pl.DataFrame({"id": ["a", "b"], "date": ["2017-12-09", "2017-12-09"]})
    friday = ("The senator resigned on Friday after the vote.",
              "The senator resigned on Dec. 8 after the vote.")
    assert _weekday_vs_date(*friday, published) == []
    # in 2018 December 8 is a Saturday
    published_2018 = published.with_columns(pl.lit("2018-12-09").alias("date"))
    assert _weekday_vs_date(*friday, published_2018) == [
        ("weekday", "friday", "--12-08", "December 8")]
    # no publication date: the year the article states
    assert _weekday_vs_date("The senator resigned on Friday after the 2017 vote.",
                            "The senator resigned on Dec. 8 after the 2017 vote.") == []
    # no year at all: nothing to compare
    assert _weekday_vs_date(*friday) == []


def test_a_date_that_names_an_event_is_no_day_of_the_story() -> None:
    # basil_framing 1b96a5db: HuffPost's "the Senate voted Wednesday" against NYT's "families
    # of those killed in the Sept. 11 attacks" (2016: a Sunday) was a weekday conflict
    published = pl.DataFrame({"id": ["a", "b"], "date": ["2016-09-28", "2016-09-28"]})
    assert _weekday_vs_date(
        "The Senate voted Wednesday to let 9/11 victims sue Saudi Arabia.",
        "Congress is set to let families of those killed in the Sept. 11 attacks sue "
        "Saudi Arabia.", published) == []
    event = one(facts_of("Fifteen of the 19 Sept. 11 hijackers were Saudi nationals."),
                "date", "Sept. 11")
    assert (event["value"], event["unit"]) == ("--09-11", "event")
    # the same date named as an event by one outlet and as a date by the other is one fact
    frame = pl.concat([
        sentences("They remembered the Sept. 11 attacks.", article="a"),
        sentences("They remembered what happened on Sept. 11.", article="b"),
    ])
    assert exclusive_facts(extract_facts(frame)).filter(pl.col("kind") == "date").is_empty()


def test_a_date_inside_the_other_sentences_range_and_evening_against_night_agree() -> None:
    # basil_framing dd1e6e3b: Fox's "on September 20, 2016" against HuffPost's "between
    # September 2016 and July 2017" was a date conflict; 3ae35b16: "Thursday evening" against
    # "Thursday night" a time conflict
    frame = pl.concat([
        sentences("Trump Jr. received a message from WikiLeaks on September 20, 2016.",
                  "Congress passed the bill Thursday evening.", article="a"),
        sentences("Trump Jr. messaged with WikiLeaks between September 2016 and July 2017.",
                  "Congress passed the bill on Thursday night.", article="b"),
    ])
    members = _group_of(("a", 0), ("b", 0))
    members = pl.concat([members, _group_of(("a", 1), ("b", 1)).with_columns(
        pl.col("group") + 1)])
    found = conflicts(extract_facts(frame), group_pairs(members), frame)
    assert found.is_empty()
    # a date the other sentence does not hold still conflicts
    frame = frame.with_columns(pl.col("text").str.replace("September 2016", "October 2016"))
    found = conflicts(extract_facts(frame), group_pairs(members), frame)
    assert sorted(found["said_b"]) == ["July 2017", "October 2016"]


def test_two_ranges_of_years_are_compared_in_order() -> None:
    # basil_framing d3a1ce0a: Brooke "served from 1967 to 1979" (HuffPost) against "held the
    # seat from 1966 to 1978" (NYT) made four conflicts, 1967 against 1978 among them
    frame = pl.concat([
        sentences("Edward Brooke served from 1967 to 1979.", article="a"),
        sentences("Edward Brooke held the seat from 1966 to 1978.", article="b"),
    ])
    found = conflicts(extract_facts(frame), group_pairs(_group_of(("a", 0), ("b", 0))), frame)
    assert sorted(zip(found["said_a"], found["said_b"], strict=True)) == [
        ("1967", "1966"), ("1979", "1978")]


def test_a_sentence_with_its_own_weekday_is_compared_by_weekday() -> None:
    # "Friday, Dec. 8": the weekdays agree, the date has no counterpart
    assert _weekday_vs_date("The senator resigned on Friday after the vote.",
                            "The senator resigned on Friday, Dec. 8, 2017, after the "
                            "vote.") == []


# --- what a close or aligned pair does not contradict ----------------------------------------

NO_MEMBERS = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String, "index": pl.Int64,
                                  "score": pl.Float64})
PRIMARY = "The Vermont senator said he still plans to compete in next Tuesday's Washington primary."
MEETING = ("Obama will meet with Sanders in Washington on Thursday, the same day the Vermont "
           "senator plans to hold a rally there.")
EMAIL = ("On Wednesday, Mr. Sanders sent out a fund-raising email, and he will hold a rally in "
         "Washington.")


def _close_conflicts(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    frame = pl.concat([sentences(*a, article="a"), sentences(*b, article="b")])
    facts = extract_facts(frame)
    found = conflicts(facts, conflict_pairs(facts, NO_MEMBERS, frame), frame)
    return found.select("said_a", "said_b").rows()


def test_two_outlets_naming_both_days_tell_two_events() -> None:
    # alone, the two sentences are close enough to be compared, and their days differ
    assert _close_conflicts([PRIMARY], [MEETING]) == [("Tuesday", "Thursday")]
    # each outlet also names the other's day: the primary is on Tuesday, the meeting Thursday
    assert _close_conflicts(
        [PRIMARY, "Sanders struck a conciliatory tone Thursday after meeting Obama."],
        [MEETING, "Obama called Sanders after Tuesday's primaries."]) == []


def test_a_day_told_alike_nearer_elsewhere_is_not_contradicted() -> None:
    assert _close_conflicts([EMAIL], [MEETING]) == [("Wednesday", "Thursday")]
    # the first outlet tells the meeting on Thursday too, in words nearer the other's
    assert _close_conflicts(
        [EMAIL, "Senator Bernie Sanders met with President Obama on Thursday."],
        [MEETING]) == []


def test_places_of_two_statements_in_one_pair_do_not_conflict() -> None:
    frame = pl.concat([
        sentences("Controversial Arizona Sheriff Joe Arpaio announced on Tuesday he will "
                  "endorse Rick Perry.", "The fire broke out in Denver on Tuesday.",
                  article="a"),
        sentences("Before the New Hampshire primary, Perry won an endorsement on Tuesday from "
                  "Sheriff Joe Arpaio.", "The fire broke out in Boston on Tuesday.",
                  article="b"),
    ])
    members = pl.DataFrame({"group": [0, 0, 1, 1], "article": ["a", "b", "a", "b"],
                            "index": [0, 0, 1, 1], "score": [1.0] * 4})
    found = conflicts(extract_facts(frame), group_pairs(members), frame)
    assert found.select("said_a", "said_b").rows() == [("Denver", "Boston")]


# --- groups compared by slot and value -------------------------------------------------------


def test_group_members_and_group_pairs_give_the_same_conflicts(harlow: Harlow) -> None:
    cmp, facts, _found = harlow
    members = group_members(cmp.members)
    assert members["index_b"].null_count() == members.height  # one row per sentence
    several = cmp.members.filter(pl.col("article").n_unique().over("group") > 1)
    assert members.height == several.height
    by_pairs = conflicts(facts, group_pairs(cmp.members), cmp.sentences)
    assert not by_pairs.is_empty()
    assert conflicts(facts, members, cmp.sentences).equals(by_pairs)


def test_a_big_group_meets_each_value_in_a_few_outlets() -> None:
    # one group: more outlets say Tuesday, and more say Wednesday, than GROUP_OUTLETS
    tue = [f"t{i:02d}" for i in range(GROUP_OUTLETS + 4)]
    wed = [f"w{i:02d}" for i in range(GROUP_OUTLETS + 2)]
    frame = pl.concat([
        sentences(f"The council voted on {'Tuesday' if a[0] == 't' else 'Wednesday'} to close "
                  "the bridge.", article=a) for a in tue + wed])
    n = len(tue) + len(wed)
    members = pl.DataFrame({"group": [0] * n, "article": tue + wed, "index": [0] * n,
                            "score": [1.0] * n})
    found = conflicts(extract_facts(frame), group_members(members), frame)
    pairs = set(found.select("article_a", "article_b").iter_rows())
    # each outlet meets the first GROUP_OUTLETS outlets of the other day, and no pair twice
    assert found.height == len(pairs)
    assert pairs == {(t, w) for t in tue for w in wed
                     if t in tue[:GROUP_OUTLETS] or w in wed[:GROUP_OUTLETS]}
    assert (tue[-1], wed[-1]) not in pairs
    # the group given as its pairs is read the same way: pairs only say who is grouped
    assert conflicts(extract_facts(frame), group_pairs(members), frame).equals(found)


# --------------------------------------------------------------------------------------------
# the people layer's name rules, read by the facts scanner


def test_a_title_word_after_a_given_name_or_an_honorific_is_a_surname() -> None:
    facts = facts_of("West Virginia Gov. Jim Justice signed the bill, and Mr. Justice said "
                     "he would sign more.")
    people = facts.filter(pl.col("kind") == "person")
    assert people["value"].to_list() == ["Jim Justice", "Jim Justice"]
    assert one(facts, "title", "West Virginia Gov.")["entity"] == "Jim Justice"
    # a title of address after an honorific stays a title
    assert facts_of("“Mr. President, will you answer?” she asked.").filter(
        pl.col("kind") == "person").is_empty()


def test_a_name_opens_at_its_given_name_and_keeps_the_title_of_a_rank() -> None:
    facts = facts_of("Former Secretary of State Hillary Clinton met retired Army Lt. Gen. "
                     "Michael Flynn and Comedian Sarah Silverman.")
    assert sorted(facts.filter(pl.col("kind") == "person")["value"].to_list()) == [
        "Hillary Clinton", "Michael Flynn", "Sarah Silverman"]
    assert one(facts, "title", "Army Lt. Gen.")["entity"] == "Michael Flynn"
    # right after a title every capitalised word is the name
    assert one(facts_of("Gov. Earl Ray Tomblin of West Virginia lauded him."), "person",
               "Earl Ray Tomblin")["value"] == "Earl Ray Tomblin"


def test_a_lone_surname_takes_the_full_name_of_its_articles_speaker() -> None:
    frame = sentences("Justice Ginsburg of the Supreme Court has embarrassed all, Trump said.")
    speakers = pl.DataFrame({"article": ["a"], "speaker": ["Ruth Bader Ginsburg"]})
    alone = extract_facts(frame).filter(pl.col("kind") == "person")
    spoken = extract_facts(frame, speakers).filter(pl.col("kind") == "person")
    assert "Ginsburg" in alone["value"].to_list()
    assert "Ruth Bader Ginsburg" in spoken["value"].to_list()


# --- one person in several wordings (real lines of basil and 300 real articles) -------------


def test_a_middle_initial_or_a_short_given_name_is_the_same_person() -> None:
    # basil eadabee7: NYT writes "Donald J. Trump", Fox and HuffPost "Donald Trump"; the
    # report said NYT left out Donald Trump, and NYT's lone "Trump" stayed nobody's
    frame = pl.concat([
        sentences("Senator Bernie Sanders said he would work to defeat Donald J. Trump.",
                  "Some supporters called for the party to defeat Mr. Trump.",
                  "He was also scheduled to meet with Vice President Joseph R. Biden Jr.",
                  article="nyt"),
        sentences("Presumptive GOP nominee Donald Trump immediately fired back.",
                  "Meanwhile, Vice President Joe Biden voiced his support.", article="fox"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert set(people.filter(pl.col("text").str.contains("Trump"))["value"]) == {
        "Donald Trump"}
    # a suffix written with a middle initial is the formal style of the same person
    # (basil_framing a4f1d515: NYT's "James R. Clapper Jr.", HuffPost's "James Clapper")
    assert one(people, "person", "Joseph R. Biden Jr.")["value"] == "Joe Biden"
    # different middle initials, a suffix without a middle, or another given name: other
    # people
    frame = pl.concat([
        sentences("George W. Bush and George P. Bush met George Bush Jr. on Friday.",
                  article="a"),
        sentences("Donald Trump Jr. met Joe Biden and Joseph Biden Jr. on Friday.",
                  article="b"),
        sentences("Donald Trump said Bill Clinton and William J. Clinton agreed.",
                  article="c"),
        # basil b7021938: NYT's "K. Michael Conaway", Fox's "Michael Conaway"
        sentences("Representative K. Michael Conaway of Texas said so.", article="d"),
        sentences("Rep. Michael Conaway said so.", article="e"),
    ])
    values = extract_facts(frame).filter(pl.col("kind") == "person")["value"].to_list()
    assert {"George W. Bush", "George P. Bush", "Donald Trump Jr.", "Donald Trump",
            "Joe Biden", "Joseph Biden Jr."} <= set(values)
    assert "William J. Clinton" not in values and values.count("Bill Clinton") == 2
    assert "K. Michael Conaway" not in values and values.count("Michael Conaway") == 2
    # accents and a known short form (basil_framing: "Raúl R. Labrador", "Bibi Netanyahu")
    frame = pl.concat([sentences("Representative Raúl R. Labrador of Idaho spoke.",
                                 "Prime Minister Bibi Netanyahu spoke.", article="f"),
                       sentences("Rep. Raul Labrador spoke.",
                                 "Prime Minister Benjamin Netanyahu spoke.", article="g")])
    values = set(extract_facts(frame).filter(pl.col("kind") == "person")["value"])
    assert len(values) == 2, values  # one form each


def test_a_third_name_belongs_to_the_name() -> None:
    # basil eadabee7 (Fox) and real lines of 300 real articles: "Debbie Wasserman" and
    # "Wasserman Schultz" were two people, so the article's lone "Schultz" was nobody
    facts = extract_facts(sentences(
        "One demand is the removal of Democratic boss Debbie Wasserman Schultz.",
        "Whether Sanders sought a Schultz sacrifice is unclear.",
        "Asked about it, Wasserman Schultz said she is not worried.",
        "Sen. Bernie Sanders said the party should stop it.",
        "Protesters sold Bernie Sanders T-shirts outside."))
    people = facts.filter(pl.col("kind") == "person")
    assert set(people.filter(pl.col("text").str.contains("Schultz"))["value"]) == {
        "Debbie Wasserman Schultz"}
    # a subordinator opens no name; the lone surname then has the article's one full name
    assert set(people.filter(pl.col("text").str.contains("Sanders"))["value"]) == {
        "Bernie Sanders"}
    # a headline's third capitalised word is mostly a verb: the name keeps two words
    assert facts_of("Bernie Sanders Meets President Obama", kind="headline").filter(
        pl.col("kind") == "person")["value"].to_list() == ["Bernie Sanders", "Obama"]
    # the corpus names a person by the first two words alone: the third is not the name
    frame = pl.concat([
        sentences("He said so on The Sean Hannity Show last week.", article="a"),
        sentences("Sean Hannity said he agreed.", article="b"),
    ])
    assert set(extract_facts(frame).filter(pl.col("kind") == "person")["value"]) == {
        "Sean Hannity"}
    # a headline's name grows to the three words the corpus names the person by
    frame = pl.concat([
        sentences("Ruth Bader Ginsburg Apologizes", kind="headline", article="a"),
        sentences("Justice Ruth Bader Ginsburg apologized on Thursday.", article="b"),
    ])
    assert set(extract_facts(frame).filter(pl.col("kind") == "person")["value"]) == {
        "Ruth Bader Ginsburg"}


def test_a_headline_name_opens_at_its_given_name() -> None:
    # basil eadabee7's NYT headline made a person "Defeat Donald Trump"
    frame = pl.concat([
        sentences("Bernie Sanders Meets President Obama and Pledges to Work to Defeat "
                  "Donald Trump", kind="headline", article="a"),
        sentences("“It is over,” Trump said.", article="b"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert "Donald Trump" in people["value"].to_list()
    assert not people["value"].str.contains("Defeat").any()


def test_a_headline_word_before_a_surname_is_no_given_name() -> None:
    # basil_framing 1b96a5db: HuffPost's headline made a person "Overrides Obama", so the lone
    # "Obama" of all three outlets had two full names to choose from and took neither
    frame = pl.concat([
        sentences("Senate Overrides Obama’s Veto Of 9/11 Victims Bill", kind="headline",
                  article="a"),
        sentences("It was a stinging blow to President Barack Obama.",
                  "Obama said the bill was a mistake.", article="a"),
        sentences("Obama vetoed the measure last week.", article="b"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert set(people["value"]) == {"Barack Obama"}
    assert people.filter(pl.col("text") == "Obama").height == 3


def test_a_bare_surname_is_not_the_son_where_the_article_names_him_with_his_suffix() -> None:
    # basil_framing dd1e6e3b (Fox): "President Trump's eldest son, Donald Trump Jr." then
    # "Trump Jr." for the son; the bare "Trump" is the father
    frame = pl.concat([
        sentences("President Trump’s eldest son, Donald Trump Jr., wrote to WikiLeaks.",
                  "Trump Jr. replied on Monday.",
                  "In a series of tweets, Trump Jr. produced the messages.", article="a"),
        sentences("Donald Trump said he had not seen the messages.", article="b"),
        sentences("Vice President Joseph R. Biden Jr. spoke.", "Mr. Biden said so.",
                  article="c"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    a = people.filter(pl.col("article") == "a")
    assert one(a, "person", "Trump")["value"] == "Donald Trump"
    assert a.filter(pl.col("text") == "Trump Jr.")["value"].to_list() == [
        "Donald Trump Jr."] * 2
    # an article that never writes the surname with the suffix alone means him by it
    assert one(people.filter(pl.col("article") == "c"), "person", "Biden")["value"] == (
        "Joseph R. Biden Jr.")


def test_roles_with_dotted_acronyms_and_a_second_role() -> None:
    # basil_framing 1f99798f (NYT) and basil 72fa9b13: the role stopped at "C.I.A." and was
    # read "former c i"; "senator and vice-presidential nominee" conflicted with "senator"
    facts = facts_of("The envelopes were sent to John O. Brennan, a former C.I.A. director, "
                     "and others.")
    role = one(facts, "title", "former C.I.A. director")
    assert role["value"] == normalise_role("former CIA Director") == "former cia director"
    assert not titles_conflict("former senator", "former senator vice presidential nominee")
    assert titles_conflict("senator", "vice president senator")


def test_no_outlet_leaves_out_a_person_it_may_name_by_the_surname() -> None:
    # as in a basil_framing story: two outlets name Hillary Clinton; the third names Bill and
    # Chelsea Clinton and a bare "Mrs. Clinton", who may be her (it was said to leave her out)
    from corpusdiff.analyze.omissions import omissions

    frame = pl.concat([
        sentences("Hillary Clinton spoke in Iowa on Monday.", "Jeb Bush spoke too.",
                  article="a"),
        sentences("Hillary Clinton spoke in Iowa on Monday.", "Jeb Bush spoke too.",
                  article="b"),
        sentences("Mrs. Clinton spoke in Iowa, and Bill Clinton and Chelsea Clinton joined "
                  "her.", article="c"),
    ])
    members = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String,
                                   "index": pl.Int64})
    found = omissions(frame, members, ["a", "b", "c"], facts=extract_facts(frame))
    left_out = found.filter(pl.col("article") == "c")["ref"].to_list()
    assert "person:Jeb Bush" in left_out
    assert "person:Hillary Clinton" not in left_out


def test_a_dotted_acronym_is_the_organisation_and_nicknames_are_one_person() -> None:
    # basil 72fa9b13: NYT's "F.B.I." was no fact, so the report said NYT left out the FBI;
    # HuffPost's "Dick Durbin" and NYT's "Richard J. Durbin" were two people
    frame = pl.concat([
        sentences("Mr. Lieberman would lead the F.B.I., and Senator Richard J. Durbin of "
                  "Illinois objected.", "He had no C.E.O. or H.I.V. on his mind.", article="nyt"),
        sentences("Dick Durbin (Ill.) and Sheldon Whitehouse (R.I.) trashed the idea of "
                  "Lieberman, or any politician, being in charge of the FBI.",
                  "“It is a mistake,” Durbin said.", article="hpo"),
    ])
    facts = extract_facts(frame)
    orgs = facts.filter(pl.col("kind") == "organization")
    assert sorted(orgs.select("text", "value").rows()) == [("F.B.I.", "FBI"), ("FBI", "FBI")]
    people = facts.filter(pl.col("kind") == "person")
    assert set(people.filter(pl.col("text").str.contains("Durbin"))["value"]) == {
        "Dick Durbin"}


def test_titles_and_figures_told_two_true_ways_do_not_conflict() -> None:
    # real lines of basil_framing and 300 real articles, each a conflict before
    def found(a: str, b: str) -> list[tuple[str, str, str]]:
        frame = pl.concat([sentences(a, article="a"), sentences(b, article="b")])
        got = conflicts(extract_facts(frame), group_pairs(_group_of(("a", 0), ("b", 0))), frame)
        return got.select("label", "said_a", "said_b").rows()

    # a list of names, each with its own title: the next item is no appositive
    assert found("Bombs were sent to former President Barack Obama, former Secretary of State "
                 "Hillary Clinton and others.",
                 "Bombs were sent to former President Barack Obama and others.") == []
    # the past and the present title of one person both hold
    assert found("President George W. Bush signed the bill in 2005.",
                 "Former President George W. Bush signed the bill in 2005.") == []
    # the party's committee by name or acronym; lawyer and attorney
    assert found("Donna Brazile, interim chairwoman of the Democratic National Committee, "
                 "wrote it.", "Interim DNC Chairwoman Donna Brazile wrote it.") == []
    assert found("Tanya Sanerib, a senior attorney with the Center for Biological Diversity, "
                 "sued.", "Tanya Sanerib, a senior lawyer with the Center for Biological "
                 "Diversity, sued.") == []
    # an estimate agrees with an exact figure within a tenth of it
    assert found("He served nearly two decades in the House.",
                 "He served 18 years in the House.") == []
    assert found("He served about 20 years in the House.",
                 "He served 15 years in the House.") == [("duration", "about 20 years",
                                                          "15 years")]


def test_a_common_word_or_a_party_word_opens_no_name() -> None:
    # real lines of 300 real articles: "Maybe Trump" (a speaker of the quotes' people layer)
    # named 15 lone "Trump" of its article, "Derelict Obama" 7 "Obama", "Democrat Zephyr
    # Teachout" was the whole name; a headline's verb before a given name still goes
    frame = pl.concat([
        sentences("Maybe Trump is the Manchurian Candidate.", "“It was maniacal,” Trump said.",
                  "The derelict building was empty.", "It is derelict.", "A derelict car.",
                  article="a"),
        sentences("Derelict Obama and Clinton;", "“We will win,” Obama said.",
                  "Democrat Zephyr Teachout said she would run.", article="b"),
        sentences("Hold Melania Trump to her husband's standard", kind="headline",
                  article="c"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    values = set(people["value"])
    assert not {"Maybe Trump", "Derelict Obama", "Democrat Zephyr Teachout"} & values
    assert {"Zephyr Teachout", "Melania Trump"} <= values


def test_a_count_of_one_in_words_is_no_exclusive_fact_nor_omission() -> None:
    # basil eadabee7 (Fox): "One demand ..." and "one Democratic lawmaker told Fox News" were
    # listed as facts no other outlet mentions; the conflicts still compare such counts
    from corpusdiff.analyze.omissions import omissions

    frame = pl.concat([
        sentences("One demand is the removal of the chair.", "At one point, 12 people left.",
                  article="a"),
        sentences("At one point, 12 people left.", article="b"),
        sentences("At one point, 12 people left.", article="c"),
        sentences("Nobody left early.", article="d"),
    ])
    facts = extract_facts(frame)
    assert facts.filter(pl.col("text").str.starts_with("One demand")).height == 1
    assert not exclusive_facts(facts)["text"].str.contains(r"(?i)^one\b").any()
    members = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String,
                                   "index": pl.Int64})
    refs = omissions(frame, members, ["a", "b", "c", "d"], facts=facts)["ref"].to_list()
    assert "number:12 people" in refs
    assert not any(r.startswith("number:1 ") for r in refs)


def test_a_name_with_an_initial_ends_an_organisation_run() -> None:
    # basil 72fa9b13 (NYT) and 300 real articles: each was one organisation before
    _, kinds = facts_and_kinds(
        "He named Michael J. Garcia of the New York State Court of Appeals and Henry E. "
        "Hudson of Federal District Court in the Eastern District of Virginia.",
        "The bill was signed by President George W. Bush and Congress cheered.")
    assert kinds["Court of Appeals"] == "organization" and kinds["Henry E. Hudson"] == "person"
    assert kinds["Federal District Court"] == "organization"
    assert kinds["George W. Bush"] == "person" and kinds["Congress"] == "organization"


def test_a_leading_adjective_or_party_word_is_no_part_of_a_chamber() -> None:
    # basil_framing 08bb9bee (Fox): "Top Senate leaders" and "a GOP Senate majority" were
    # the organisations "Top Senate" and "GOP Senate", facts no other outlet mentions
    _, kinds = facts_and_kinds(
        "Top Senate leaders including Senate Republican Leader Mitch McConnell condemned it.",
        "The race is key to a GOP Senate majority.",
        "Republican House Speaker Paul Ryan spoke.",
        "The Republican National Committee met.")
    orgs = {text for text, kind in kinds.items() if kind == "organization"}
    assert orgs == {"Senate", "GOP", "Republican National Committee"}
    assert kinds["Paul Ryan"] == "person"


def test_what_a_title_is_of_and_a_headline_verb_after_a_title_are_no_names() -> None:
    # basil_framing 38f7cbb7 (Fox, HuffPost): "White House Chief of Staff Rahm Emanuel" was
    # a person "Staff Rahm Emanuel"; 22b6e900 (NYT headline): "Representative Apologizes for
    # Criticizing Iowa Senator" made a person "Apologizes"
    facts, _ = facts_and_kinds(
        "It came at the behest of Chief of Staff Rahm Emanuel, who was there.",
        "Emanuel said he made no offer.",
        "Secretary of Homeland Security Jeh Johnson said so.",
        "Former Secretary of State Madeleine Albright spoke.")
    people = set(facts.filter(pl.col("kind") == "person")["value"])
    assert people == {"Rahm Emanuel", "Jeh Johnson", "Madeleine Albright"}
    assert facts_of("Representative Apologizes for Criticizing Iowa Senator",
                    kind="headline").filter(pl.col("kind") == "person").is_empty()


def test_a_number_takes_no_unit_across_a_preposition_nor_a_clipped_year() -> None:
    # basil_framing 2ec04201 (NYT, Fox): "passed in 2010 without Republican votes" was a count
    # of 2010 votes; "the campaign of ’08" the number 8
    facts = facts_of("The law passed in 2010 without Republican votes.")
    assert facts.filter(pl.col("kind") != "date").is_empty()
    assert one(facts, "date", "2010")["value"] == "2010"
    assert facts_of("He mocked the hope and change campaign of ’08.").is_empty()


def test_like_and_fort_open_no_name_and_a_whip_is_a_title() -> None:
    # basil_framing d3a1ce0a (HuffPost): "Like Patrick, who grew up ..." was a person "Like
    # Patrick", the corpus's only other full name with that surname, so Fox's lone "Patrick"
    # was nobody's once it was gone; polnear: "the Fort Pierce mosque" was a person, "House
    # Minority Whip Steny Hoyer" a name with its title
    frame = pl.concat([
        sentences("Gov. Deval Patrick named his former chief of staff.",
                  "“It is the right choice,” Patrick said.", article="a"),
        sentences("Like Patrick, who grew up in Chicago, Cowan came from a poor background.",
                  "He knelt in the Fort Pierce mosque.",
                  "“It is a concern,” said House Minority Whip Steny Hoyer (D-Md.).",
                  article="b"),
    ])
    facts = extract_facts(frame)
    people = facts.filter(pl.col("kind") == "person")
    assert set(people["value"]) == {"Deval Patrick", "Steny Hoyer"}
    assert people.filter(pl.col("text") == "Patrick")["article"].to_list() == ["a"]
    assert one(facts, "place", "Fort Pierce")["value"] == "Fort Pierce"
    assert one(facts, "title", "House Minority Whip")["value"] == "house minority whip"


def test_a_headline_organisation_is_cut_to_the_one_the_stories_name() -> None:
    # basil 0ffb34cd and basil_framing 38f7cbb7: headline verbs are capitalised too, so
    # "Trump Attacks Justice Department" and "Drop Out of Senate" were organisations
    frame = pl.concat([
        sentences("Trump Attacks Justice Department Over Probe", kind="headline", article="a"),
        sentences("x", "The Justice Department declined to comment.", article="a").slice(1),
        sentences("White House Asked Clinton to Urge Sestak to Drop Out of Senate Race",
                  kind="headline", article="b"),
        sentences("x", "He won the Senate primary.", article="b").slice(1),
    ])
    orgs = extract_facts(frame).filter(pl.col("kind") == "organization")
    assert orgs.filter(pl.col("article") == "a")["text"].to_list() == [
        "Justice Department", "Justice Department"]
    assert set(orgs.filter(pl.col("article") == "b")["text"]) == {"White House", "Senate"}


def test_two_organisations_joined_by_and_or_after_an_adjective_stay_apart() -> None:
    # dev sets: "Democrats and Senate", "Senate Foreign Relations and Senate",
    # "Clinton-backing Senate" and "Republican-controlled Congress" were organisations
    _, kinds = facts_and_kinds(
        "Both Democrats and Senate Republicans objected.",
        "It went to the Senate Foreign Relations and Senate Armed Services committees.",
        "A Clinton-backing Senate candidate lost to the Republican-controlled Congress.",
        "The House and Senate passed it.")
    orgs = {text for text, kind in kinds.items() if kind == "organization"}
    assert orgs == {"Senate", "Senate Armed Services", "Congress", "House and Senate"}


def test_a_given_name_before_a_country_a_plural_title_a_doctrine_and_a_camelcase_site() -> None:
    # basil_framing c99adbdd (NYT): "Representatives Jim Jordan of Ohio" was a person "Jim"
    # and the country Jordan; 0ffb34cd: "the Bush Doctrine" a person; dd1e6e3b: "on WikiLeaks"
    # a place
    facts, kinds = facts_and_kinds(
        "Members like Representatives Jim Jordan of Ohio or Tom Price of Georgia objected.",
        "He flew to Jordan on Monday.",
        "Some call it a return to the Bush Doctrine, Bush said.",
        "The messages came from WikiLeaks last year.")
    assert kinds["Jim Jordan"] == "person" and kinds["Jordan"] == "place"
    assert one(facts, "title", "Representatives")["value"] == "representative"
    assert "Bush Doctrine" not in set(facts["value"])
    assert kinds["WikiLeaks"] == "organization"


def test_two_shouted_words_are_no_organisations_and_a_full_name_before_administration() -> None:
    # dev sets: Trump's "WITCH HUNT" made the organisations WITCH and HUNT; "the George W.
    # Bush administration" a person "George W." beside the "Bush Administration"
    _, kinds = facts_and_kinds(
        "It is the greatest WITCH HUNT in history!",
        "He served under the George W. Bush administration.",
        "NEW YORK -- U.S. Sen. Marco Rubio spoke on Wednesday.",
        "The FBI and the NSA agreed.")
    assert "WITCH" not in kinds and "HUNT" not in kinds
    assert kinds["George W. Bush"] == "person" and "George W." not in kinds
    assert kinds["NEW YORK"] == "place" and kinds["FBI"] == kinds["NSA"] == "organization"


def test_a_party_committee_and_its_acronym_are_one_organisation() -> None:
    # basil eadabee7 (Fox) listed "DNC" and "Democratic National Committee" as two facts no
    # other outlet mentions; on polnear an outlet writing "DNC" was said to leave out the
    # Democratic National Committee
    frame = pl.concat([
        sentences("The Democratic National Committee met on Monday.", article="a"),
        sentences("The DNC met on Monday.", article="b"),
    ])
    facts = extract_facts(frame)
    assert set(facts.filter(pl.col("kind") == "organization")["value"]) == {"DNC"}
    assert exclusive_facts(facts).filter(pl.col("kind") == "organization").is_empty()


def test_a_given_name_after_a_title_is_the_one_full_name_it_opens() -> None:
    # basil 0ffb34cd: "Sheriff Joe" was a person "Joe", listed as a fact no other outlet has
    frame = pl.concat([
        sentences("Sheriff Joe Arpaio endorsed Perry.", article="a"),
        sentences("The endorsement from Sheriff Joe came on Tuesday.", article="b"),
        sentences("Mayor Bill spoke; Bill Clinton and Bill de Blasio listened.", article="c"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert people.filter(pl.col("article") == "b")["value"].to_list() == ["Joe Arpaio"]
    # two full names open with it: nobody the facts can name
    assert "Bill" not in set(people["value"])


def test_a_given_name_misspelt_once_in_a_while_is_the_same_person() -> None:
    # basil_framing d4a4bc34: Fox writes "Vincente Fox", HuffPost "Vicente Fox"; Fox's quotes
    # were "misattributed" against HuffPost's and each outlet "left out" the other's Fox
    from corpusdiff.analyze.person_keys import name_variants

    same = name_variants(pl.Series(["Vicente Fox"] * 3 + ["Vincente Fox"] * 2
                                   + ["Julian Castro", "Julia Castro"]))
    assert same.rows() == [("Vincente Fox", "Vicente Fox")]
    frame = pl.concat([
        sentences("Former Mexican President Vincente Fox said so.", article="a"),
        sentences("Former Mexican President Vicente Fox agreed.", "Vicente Fox said so.",
                  article="b"),
    ])
    people = extract_facts(frame).filter(pl.col("kind") == "person")
    assert set(people["value"]) == {"Vicente Fox"}

"""Framing: loaded words in each outlet's own voice, with the other outlets' words for them."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from corpusdiff.analyze import framing as framing_module
from corpusdiff.analyze.conflicts import GROUP_OUTLETS
from corpusdiff.analyze.framing import FRAMING, KINDS, _inflections, framing
from corpusdiff.export.markdown import to_markdown
from corpusdiff.pipeline import compare

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
BASIL = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev" / "basil_framing"


def corpus(tmp_path: Path, texts: dict[str, str]) -> pl.DataFrame:
    """The framing table of these articles, compared as files."""
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return compare(sorted(tmp_path.glob("*.txt"))).framing


def flagged(table: pl.DataFrame, article: str) -> list[str]:
    return table.filter(pl.col("article") == article)["text"].to_list()


@pytest.fixture(scope="module")
def seeds():
    return compare(SEEDS)


def _group_of(cmp, article_prefix: str, words: str) -> int:
    """The alignment group of the sentence of an article (id prefix) holding ``words``."""
    hit = cmp.sentences.filter(pl.col("article").str.starts_with(article_prefix)
                               & pl.col("text").str.contains(words, literal=True))
    assert hit.height == 1 and hit["group"][0] is not None
    return hit["group"][0]


def test_seed_flags_carry_kind_offsets_and_group(seeds) -> None:
    table = seeds.framing
    assert table.schema == FRAMING
    assert set(table["kind"]) <= set(KINDS)
    texts = dict(zip(seeds.articles["id"], seeds.articles["text"], strict=True))
    for row in table.iter_rows(named=True):
        assert texts[row["article"]][row["start"]:row["end"]] == row["text"]
    rows = {(r["article"][:3], r["text"]): r for r in table.iter_rows(named=True)}
    assert rows[("001", "slammed")]["kind"] == "verb"
    assert rows[("004", "so-called")]["kind"] == "hedge"
    # ICE's response, told by both outlets: each flag of it carries the statement's group
    blistering = rows[("001", "blistering")]
    assert blistering["kind"] == "evaluative"
    assert blistering["group"] == _group_of(seeds, "000", "responded swiftly and forcefully")
    assert rows[("000", "forcefully")]["group"] == blistering["group"]


def test_seed_counterparts_are_the_other_outlets_words(seeds) -> None:
    table = seeds.framing
    blistering = table.filter(pl.col("text") == "blistering").row(0, named=True)
    others = {c["article"][:3]: c["text"] for c in blistering["counterparts"]}
    assert "forcefully" in others["000"]


def test_markdown_shows_how_each_outlet_words_ices_response(seeds) -> None:
    report = to_markdown(seeds)
    section = report.split("## Framing", 1)[1]
    line = next(x for x in section.splitlines() if "**blistering**" in x)
    group = _group_of(seeds, "001", "issued a blistering response")
    assert f"[group {group}](#group-{group})" in line and "*evaluative: blistering*" in line
    below = section.split(line, 1)[1].splitlines()[1:3]
    assert below[0].startswith("  - in place of “blistering”:") and "forcefully" in below[0]
    assert below[1].startswith("  - **A** tells it:") and "responded swiftly" in below[1]
    assert "| | Outlet | verb | hedge | evaluative | label | Loaded | sourcing |" in section


def test_quoted_words_are_not_the_outlets_voice(tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Budget vote\nSenator Lee slammed the budget on Monday. "
             "\"This is an outrageous, disgraceful budget,\" Lee said.\n",
        "b": "Budget vote\nSenator Lee criticized the budget on Monday.\n",
    })
    assert flagged(table, "a") == ["slammed"]
    assert table.filter(pl.col("text") == "slammed")["counterparts"].to_list() == [
        [{"article": "b", "text": "criticized"}]]


def test_a_word_no_table_lists_is_framing_against_a_neutral_verb(tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Budget vote\nGovernor Smith pilloried the budget plan on Monday in Albany.\n",
        "b": "Budget vote\nGovernor Smith said the budget plan on Monday in Albany was late.\n",
    })
    row = table.filter(pl.col("article") == "a").row(0, named=True)
    assert (row["text"], row["kind"], row["source"]) == ("pilloried", "verb", "comparison")
    assert row["counterparts"] == [{"article": "b", "text": "said"}]
    assert flagged(table, "b") == []


def test_the_comparison_flags_verbs_only(tmp_path: Path) -> None:
    # found on 300 real articles: "continued" where another outlet has "added", the noun
    # "years" where another has "states"
    table = corpus(tmp_path, {
        "a": "Budget vote\nGovernor Smith continued that the budget plan on Monday was late.\n"
             "The plan of the governor took five years to write, officials in Albany said.\n",
        "b": "Budget vote\nGovernor Smith added that the budget plan on Monday was late.\n"
             "The plan of the governor took five states to write, officials in Albany said.\n",
    })
    assert flagged(table, "a") == []
    assert flagged(table, "b") == []


def test_a_comparison_flag_gets_the_words_of_outlets_that_did_not_make_it(tmp_path: Path) -> None:
    # c's pair with a is worth no diff until the comparison with b flags "pilloried"
    table = corpus(tmp_path, {
        "a": "Budget vote\nGovernor Smith pilloried the budget plan on Monday in Albany.\n",
        "b": "Budget vote\nGovernor Smith said the budget plan on Monday in Albany was late.\n",
        "c": "Budget vote\nGovernor Smith reviewed the budget plan on Monday in Albany, aides "
             "said.\n",
    })
    row = table.filter(pl.col("article") == "a").row(0, named=True)
    assert (row["text"], row["source"]) == ("pilloried", "comparison")
    assert row["counterparts"] == [{"article": "b", "text": "said"},
                                   {"article": "c", "text": "reviewed"}]


def test_a_big_group_compares_each_version_with_a_bounded_number_of_outlets(
        tmp_path: Path) -> None:
    # one statement in 12 outlets: the "pilloried" of a is compared with the first
    # GROUP_OUTLETS other outlets' versions, not with all 11 (as conflicts do)
    texts = {"a": "Budget vote\nGovernor Smith pilloried the budget plan on Monday in Albany.\n"}
    texts |= {f"o{n:02}": "Budget vote\nGovernor Smith said the budget plan on Monday in "
              "Albany was late.\n" for n in range(11)}
    row = corpus(tmp_path, texts).filter(pl.col("article") == "a").row(0, named=True)
    assert (row["text"], row["source"]) == ("pilloried", "comparison")
    assert [c["article"] for c in row["counterparts"]] == [f"o{n:02}"
                                                           for n in range(GROUP_OUTLETS)]


def _every_pair_diffed(monkeypatch: pytest.MonkeyPatch) -> None:
    """framing() as if every aligned pair were diffed: no pair check, no prefilter on pairs."""
    pairs = framing_module._pairs
    monkeypatch.setattr(framing_module, "_touches", lambda a, b: True)
    monkeypatch.setattr(framing_module, "_pairs", lambda *args: pairs(*args).with_columns(
        look=pl.lit(True)))


def _comparisons() -> list[tuple[str, list[Path]]]:
    out = [("seeds", SEEDS)]
    if BASIL.is_dir():
        out += [(p.name, sorted(p.glob("*.txt"))) for p in sorted(BASIL.iterdir())[:6]]
    return out


@pytest.mark.parametrize(("name", "files"), _comparisons())
def test_the_pairs_left_undiffed_change_nothing(name: str, files: list[Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # the pair check only skips diffs whose replacements touch no flag and make none
    cmp = compare(files)
    args = (cmp.sentences, cmp.members, cmp.quotes)
    with monkeypatch.context() as patched:
        _every_pair_diffed(patched)
        everything = framing(*args)
    assert framing(*args).equals(everything)
    assert not everything.is_empty()


def test_the_pairs_left_undiffed_change_nothing_in_a_small_corpus(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {
        "a": "Budget vote\nGovernor Smith pilloried the so-called budget plan on Monday.\n"
             "The outrageous plan supposedly cuts schools, aides said.\n"
             "Fierce storms hit the coast on Tuesday.\n"
             "Then the Smithsonian claimed abandonment of the exhibit plan was needed on "
             "Friday after weeks of debate.\n",
        "b": "Budget vote\nGovernor Smith said the budget plan on Monday was late.\n"
             "The plan cuts schools, aides told reporters.\n"
             "Strong storms hit the coast on Tuesday.\n"
             "Then the Hendersonian claimed relinquishment of the exhibit plan was needed on "
             "Friday after weeks of debate.\n",
        "c": "Budget vote\nGovernor Smith slammed the budget plan on Monday.\n"
             "The awful plan cuts schools, he said.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    cmp = compare(sorted(tmp_path.glob("*.txt")))
    with monkeypatch.context() as patched:
        _every_pair_diffed(patched)
        everything = framing(cmp.sentences, cmp.members, cmp.quotes)
    assert cmp.framing.equals(everything)
    # a change joined across a glue word: "claimed" stands between two replacements
    joined = [{"article": "b", "text": "Hendersonian claimed relinquishment"}]
    assert joined in everything.filter(pl.col("article") == "a")["counterparts"].to_list()


def test_literal_senses_and_reported_characterisations_are_not_flagged(tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Package found\nPolice found an explosive device near the court on Monday.\n"
             "An explosive report followed on Tuesday.\n",
        "b": "Mayor answers\nThe mayor criticized the plan, calling it a stunt.\n"
             "The council staged a stunt on Friday.\n",
    })
    assert flagged(table, "a") == ["explosive"]
    assert table.filter(pl.col("article") == "a")["sentence"].to_list() == [2]
    assert flagged(table, "b") == ["stunt"]
    assert table.filter(pl.col("article") == "b")["sentence"].to_list() == [2]


def test_boilerplate_sentences_are_skipped() -> None:
    sentences = pl.DataFrame(
        [("a", 0, 0, 0, 31, "The senator slammed the budget.", "body", None, None),
         ("a", 1, 1, 32, 60, "Read our fierce newsletter!", "boilerplate", "promo", None)],
        schema={"article": pl.String, "index": pl.Int64, "paragraph": pl.Int64,
                "start": pl.Int64, "end": pl.Int64, "text": pl.String, "kind": pl.String,
                "reason": pl.String, "group": pl.Int64}, orient="row")
    members = pl.DataFrame(schema={"group": pl.Int64, "article": pl.String,
                                   "index": pl.Int64, "score": pl.Float64})
    quotes = pl.DataFrame(schema={"article": pl.String, "start": pl.Int64, "end": pl.Int64,
                                  "kind": pl.String, "boilerplate": pl.Boolean})
    table = framing(sentences, members, quotes)
    assert table["text"].to_list() == ["slammed"]
    assert table["start"].to_list() == [12]


def test_input_order_does_not_change_the_table() -> None:
    forward = compare(SEEDS).framing
    backward = compare(list(reversed(SEEDS))).framing
    assert forward.equals(backward)


def test_markdown_escapes_article_text_around_flags(tmp_path: Path) -> None:
    for name, text in {
        "a": "Vote\nThe senator <script>x</script> slammed the *budget* on Monday.\n",
        "b": "Vote\nThe senator said the budget was late on Monday.\n",
    }.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    section = to_markdown(compare(sorted(tmp_path.glob("*.txt")))).split("## Framing", 1)[1]
    line = next(x for x in section.splitlines() if "**slammed**" in x)
    assert "<script>" not in line and "&lt;script&gt;" in line and "\\*budget\\*" in line


def test_inflections() -> None:
    assert {"slams", "slammed", "slamming"} <= _inflections("slam")
    assert {"decried", "decries"} <= _inflections("decry")
    assert {"rebuked", "rebuking"} <= _inflections("rebuke")


def test_a_lookup_finds_what_the_whole_word_alternation_finds(seeds) -> None:
    # the prefilters' lookups (word runs, the phrases left as a short regex) against the one
    # alternation of every phrase they replace, on the seeds' sentences and tricky edges
    lookup = framing_module._prefilters()[1]  # the table's phrases and VADER's words
    phrases = {" ".join(e.words) for es in framing_module.lexicon().values() for e in es
               if "*" not in e.words}
    phrases |= {e.words[0] for es in framing_module.lexicon().values() for e in es
                if "*" in e.words}
    phrases |= {w for w, v in framing_module.valences().items()
                if abs(v) >= framing_module.COMPARED_MIN}
    texts = [
        *seeds.sentences["text"].to_list(), "a witch hunt, they said", "witch  hunt",
        "a witch-hunt", "witch, hunt", "the so-called deal", "so-calledness", "a naïve plan",
        "naïvety", "</3 broken", "x</3", "tirade_", "tirades", "it was a tirade.",
        "\u212aate tirade", "SLAMMED", "they slammed him", "deadly’s", "",
    ]
    frame = pl.DataFrame({"text": texts}).with_columns(
        _folded=framing_module._folded(pl.col("text")))
    folded = pl.col("_folded")
    got = frame.select(lookup.found(folded.str.extract_all(framing_module._RUN), folded))
    want = frame.select(folded.str.contains(framing_module._alternation(phrases)))
    assert got.to_series().to_list() == want.to_series().to_list()
    assert any(want.to_series())


@pytest.mark.skipif(not BASIL.is_dir(), reason="../shared/dev/basil_framing is absent")
def test_basil_spans_in_own_voice_are_found() -> None:
    # one story's annotated spans: most are found, few words of its text are flagged
    story = BASIL / "b7021938-ff8d-42ea-adec-5704c0b65237"
    comparison = compare(sorted(story.glob("*.txt")))
    table = comparison.framing
    texts = dict(zip(comparison.articles["id"], comparison.articles["text"], strict=True))
    gold = json.loads((story / "bias.json").read_text("utf-8"))["lexical"]
    found = 0
    for outlet, span, _ in gold:
        ident = next(i for i in texts if i.lower().startswith(outlet))
        at = texts[ident].find(span)
        rows = table.filter((pl.col("article") == ident) & (pl.col("start") < at + len(span))
                            & (pl.col("end") > at))
        found += at >= 0 and not rows.is_empty()
    words = sum(len(t.split()) for t in texts.values())
    assert found >= len(gold) // 2
    assert table.height <= 0.02 * words


def test_plain_reporting_words_are_not_flagged_and_hedges_are(tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Budget vote\nDemocrats vowed to block the budget on Monday. "
             "The mayor praised the firefighters for their work. "
             "Lawmakers dismissed the concerns of the agency. "
             "The two leaders reportedly met in private on Friday. "
             "The alleged deal was struck in March. "
             "He apparently left before the vote. "
             "The vote dealt a blow to the mayor, and a mob gathered at the historic church. "
             "Senator Lee slammed the budget on Tuesday.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    # the hedges keep a claim at arm's length: the issue names them as framing; the words of
    # sourcing are listed apart from the loaded words (readers call them plain sourcing)
    assert flagged(table, "a") == ["reportedly", "alleged", "apparently", "slammed"]
    kinds = dict(table.filter(pl.col("article") == "a").select("text", "kind").iter_rows())
    assert kinds == {"reportedly": "sourcing", "alleged": "hedge", "apparently": "sourcing",
                     "slammed": "verb"}


def test_claims_is_flagged_only_as_a_verb(tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Vote count\nHe claims the count was rigged. "
             "Officials disputed his claims on Monday. "
             "The court heard asylum claims from families. "
             "The count was fair, whatever the mayor claims. "
             "Later he claimed that he won. "
             "Nobody is challenging the mayor's claims. "
             "The cuts would gut the agency, though voters trust their guts.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["claims", "claims", "claimed", "gut"]
    assert rows["sentence"].to_list() == [1, 4, 5, 7]


def test_words_of_names_are_not_flagged(tmp_path: Path) -> None:
    # real lines of 300 real articles; a title-cased headline keeps its flags
    table = corpus(tmp_path, {
        "a": "Mayor Issues Scathing Response\n"
             "He mentioned the network's Jake Tapper, Dana Bash and Wolf Blitzer.\n"
             "The chants were strong in front of the Stonewall Inn on Friday.\n"
             "She is known to fans as Notorious RBG.\n"
             "Officials issued a scathing response.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    assert flagged(table, "a") == ["Scathing", "scathing"]


def test_apparent_is_a_hedge_only_before_its_noun(tmp_path: Path) -> None:
    # real lines of 300 real articles
    table = corpus(tmp_path, {
        "a": "Vote count\nIt eventually became apparent to his brothers that he was ill.\n"
             "Randolph was his heir apparent to run for the seat.\n"
             "Trump's tactics were apparent this week.\n"
             "The apparent rift was the latest in a string of quarrels.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["apparent"]
    assert rows["sentence"].to_list() == [4]


def test_claim_is_a_verb_of_saying_only_before_a_clause(tmp_path: Path) -> None:
    # real lines of 300 real articles: "claiming" meant taking, not saying
    table = corpus(tmp_path, {
        "a": "Vote count\nThe firm is claiming U.S. tax breaks for the plant. "
             "He claimed 41 percent of the vote in the primary. "
             "Trump claimed, without evidence, that the count was rigged. "
             "Minutes later, Trump claimed Republicans are often attacked. "
             "She claimed he lost. "
             "This sort of opining, CNN claimed, violates its code.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["claimed", "claimed", "claimed", "claimed"]
    assert rows["sentence"].to_list() == [3, 4, 5, 6]


def test_words_told_with_a_verb_of_saying_are_the_speakers(tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Foreign policy\nRubio said that aggressive nations must be stopped. "
             "The plan is a dangerous gamble, the senator said. "
             "Fierce storms hit the coast on Monday.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    assert flagged(table, "a") == ["Fierce"]


def test_words_after_a_verb_that_casts_someone_as_something_are_the_speakers(
        tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Election bill\nRepublicans cast the bill as a federal power grab on Monday. "
             "Republicans called the bill a Democratic power grab on Tuesday. "
             "Then the power grab failed in the Senate.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["power grab"]
    assert rows["sentence"].to_list() == [3]


def test_scare_quotes_and_words_rated_only_by_vader_are_not_flagged(tmp_path: Path) -> None:
    # the hospital's words in quote marks; "terrible" is in no table (VADER rates it)
    table = corpus(tmp_path, {
        "a": "Hospital\nHis condition was upgraded from “critical” to “serious” on Thursday. "
             "It was a terrible week for the team.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    assert flagged(table, "a") == []


def test_plain_senses_of_table_words_are_not_flagged(tmp_path: Path) -> None:
    table = corpus(tmp_path, {
        "a": "Reform bill\nThe House passed a sweeping election reform bill on Friday. "
             "Lee, a vocal critic of the mayor, voted no, as did party elites. "
             "The group claimed responsibility for the attack. "
             "Prices rose sharply in March under the Jim Crow laws. "
             "America asserted itself abroad, with crushing student debt at home. "
             "Lee sharply criticized the sweeping statements of the mayor.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["sharply", "sweeping"]
    assert rows["sentence"].to_list() == [6, 6]


def test_a_charge_for_or_of_something_is_the_subjects(tmp_path: Path) -> None:
    # real lines of 300 real articles: what one accuses, attacks or praises someone for is
    # that one's word; after a comma the outlet speaks again
    table = corpus(tmp_path, {
        "a": "Campaign\nMr. Romney accused Obama of bungling the rehabilitation. "
             "She applauded him for defying the establishment. "
             "Glenn Beck Blasts Drudge for Mocking His Fast. "
             "The group attacked the plan for weeks, a fierce campaign. "
             "Trump bungled the rehabilitation.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["Blasts", "fierce", "bungled"]
    assert rows["sentence"].to_list() == [3, 4, 5]


def test_words_in_the_clause_of_a_verb_of_saying_are_the_speakers(tmp_path: Path) -> None:
    # real lines of 300 real articles: the verb of saying's clause runs to the next comma,
    # dash or sentence (one the splitter left joined too); hedges stay the outlet's, and so
    # does the clause of a verb of saying no one has used yet ("to acknowledge that")
    table = corpus(tmp_path, {
        "a": "Campaign\nHe is comparing the actions to Obama's order and says Obama is flouting "
             "the proper constitutional process for lawmaking. "
             "Homeland Security Secretary Jeh Johnson says hackers are taking aim at state "
             "election officials. "
             "He asserted that his rival is a puppet of corporations and elites. "
             "But he insists that it must be part of a strategy that focuses on other radical "
             "Salafist Muslim groups. "
             "Asked if he was ever bullied, the candidate said he was not. "
             "Sanders said of the front-runner, before taking aim at the billionaire class. "
             "Trump said.Trump claimed that he learned this from business people. "
             "Clinton claimed that she had turned over the emails she reportedly deleted. "
             "His challenge is to find a way to acknowledge that the divides have grown deeper "
             "and more acrimonious.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["asserted", "insists", "taking aim", "claimed",
                                      "claimed", "reportedly", "acrimonious"]
    assert rows["sentence"].to_list() == [3, 4, 6, 7, 8, 8, 9]


def test_a_cue_reaches_to_the_end_of_its_clause(tmp_path: Path) -> None:
    # real lines of 300 real articles
    table = corpus(tmp_path, {
        "a": "Campaign\nThe Clinton campaign pushed back against the attack on her "
             "qualifications, calling it the mark of a desperate candidate. "
             "Politifact traced the story to a website called Real News Right Now, which posts "
             "fake news stories.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    assert flagged(table, "a") == ["fake news"]


def test_set_phrases_and_plain_senses_found_on_real_articles_are_not_flagged(
        tmp_path: Path) -> None:
    # real lines of 300 real articles; the last two keep their flags
    table = corpus(tmp_path, {
        "a": "Campaign\nThe audience booed loudly. "
             "Sanders delegates have loudly booed the mention of Hillary Clinton. "
             "He was loudly and repeatedly booed on stage. "
             "Five candidates fought for the bragging rights that could come with them. "
             "Osama bin Laden declared war on the United States. "
             "The Pentagon has prosecuted the war on terrorism for years. "
             "Israel has had problems with hostile groups using tunnels. "
             "Clinton claimed victory in a tweet. "
             "She declined to claim outright victory on Monday. "
             "Nunberg filed a petition to stop Trump's $10 million arbitration claim. "
             "The crowd grew hostile as Trump was bragging about the wall. "
             "The count was rigged, as they claim.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["hostile", "bragging", "claim"]
    assert rows["sentence"].to_list() == [11, 11, 12]


def test_a_clause_of_saying_goes_on_past_an_aside_and_another_that(tmp_path: Path) -> None:
    # real lines of 300 real articles: "- and that" and an aside between dashes keep the
    # speaker's clause; a conjunction after the aside opens the outlet's own
    table = corpus(tmp_path, {
        "a": "Campaign\nShe said that the missives stopped, but that Mr. LeVota - who denied any "
             "wrongdoing when he stepped down - shunned her in the office afterward. "
             "Kamin said that the campaign was looking at provisions, and that her proposals "
             "did not purport to cover every loophole. "
             "Investigators have no evidence to suggest that Lazar accessed the address - "
             "despite his claim that he had done so - though he admitted in an interview "
             "that he read the emails.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["admitted"]
    assert rows["sentence"].to_list() == [3]


def test_idioms_of_plain_sense_are_not_flagged(tmp_path: Path) -> None:
    # real lines of 300 real articles; the last keeps its flag
    table = corpus(tmp_path, {
        "a": "Court pick\nThe pick might still fly with the aid of a lame duck. "
             "Sanders ducked down for selfies at the cafe. "
             "Demand for metallurgical coal has roared back in recent months. "
             "The amendment was within hailing distance of becoming law. "
             "In the spin room after the debate, aides were complimentary. "
             "The attack would snap voters out of a dalliance with outsiders. "
             "Russia carried out a massive snap military maneuver of 80,000 troops. "
             "Ms. LaBelle got a huge roar from the crowd. "
             "Most of the other candidates were forced on the defensive about their chances. "
             "I learned how they organize themselves into gangs, how they rip people off. "
             "He ducked questions about his record.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["ducked"]
    assert rows["sentence"].to_list() == [11]


def test_a_cast_reaches_to_the_end_of_its_clause(tmp_path: Path) -> None:
    # a real line of 300 real articles; after a comma the outlet speaks again
    table = corpus(tmp_path, {
        "a": "Campaign\nIt has been common for news accounts to portray Donald Trump's candidacy "
             "as a “working-class” rebellion against Republican elites. "
             "Critics cast the bill as a tax on families, which wealthy elites reject.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["elites"]
    assert rows["sentence"].to_list() == [2]


def test_a_target_is_named_as_its_attacker_names_it(tmp_path: Path) -> None:
    # real lines of 300 real articles: a label just after a verb of attack is the attacker's
    table = corpus(tmp_path, {
        "a": "Campaign\nTrump has been the most aggressive in denouncing the fake news, "
             "the erstwhile arbiter of fact. "
             "Cruz seeks to energize the party's grass roots with sharp attacks on Washington "
             "elites. "
             "Republican assails elites as he accepts party nomination. "
             "The fake news ignored the story on Monday.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["aggressive", "assails", "fake news"]
    assert rows["sentence"].to_list() == [1, 3, 4]


def test_what_is_seized_as_property_and_rights_asserted_in_law_are_plain(tmp_path: Path) -> None:
    # real lines of 300 real articles and of basil_framing; the last two keep their flags
    table = corpus(tmp_path, {
        "a": "Inquiry\nIn that inquiry, the F.B.I. this month seized a laptop that held messages. "
             "Moscow has seized territory in eastern Ukraine. "
             "Investigators arrest smuggling suspects and seize tons of marijuana. "
             "The specialist would assert his Fifth Amendment rights in response to questions. "
             "Trump declared an emergency in an effort to unilaterally seize funding for a wall. "
             "The Republican nominee seized on news that premiums will jump.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["seize", "seized on"]
    assert rows["sentence"].to_list() == [5, 6]


def test_a_worry_told_is_the_worriers(tmp_path: Path) -> None:
    # real lines of 300 real articles: the clause of "fretted" or "worried" is the subject's
    # fear; after the nouns "worries" and "fear" the words stay the outlet's
    table = corpus(tmp_path, {
        "a": "Weiner\nBill Clinton fretted that it would draw hostile attention to Ms. Abedin. "
             "Party bosses are so worried that Clinton could be derailed in the debates. "
             "Obama sought to ease worries about a campaign dominated by incendiary rhetoric. "
             "They kept her away for fear of the appearance of a nasty divorce case.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["incendiary", "nasty"]
    assert rows["sentence"].to_list() == [3, 4]


def test_the_laws_hedge_and_a_so_called_name_are_not_the_outlets_distance(
        tmp_path: Path) -> None:
    # real lines of 300 real articles: "alleged" and "apparent" in a sentence about a legal
    # proceeding or a crime, and "so-called" before a name, are how such things are named;
    # the last two keep their flags
    table = corpus(tmp_path, {
        "a": "Leaks\nThe staffer was charged with battery for allegedly grabbing a reporter. "
             "He is under federal investigation for allegedly sending messages to a girl. "
             "Victims may sue Saudi Arabia for its alleged role in the attacks. "
             "Eighty people died in an apparent terrorist attack in Nice. "
             "The group posted another batch of allegedly hacked emails. "
             "Clinton once backed the so-called Trans-Pacific Partnership on trade. "
             "Swiss voters rejected the so called “Implementation Initiative” on Sunday. "
             "He focused on the alleged dangers posed by immigrants. "
             "The campaign hoped to persuade so-called superdelegates.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["alleged", "so-called"]
    assert rows["sentence"].to_list() == [8, 9]


def test_admit_that_lets_someone_in_is_plain(tmp_path: Path) -> None:
    # real lines of 300 real articles: "admit" owns up to something only before a clause or
    # a fault, not where it lets people or countries in, nor in a plea or a settlement, nor is
    # a bid conceded as a point is
    table = corpus(tmp_path, {
        "a": "Colleges\nColleges fill the gap by admitting more out-of-state students. "
             "The Senate voted for admitting Poland, Hungary, and the Czech Republic to NATO. "
             "The state admitted it made a mistake. "
             "By refusing to admit any fault, the two appeared to have made it worse. "
             "Lazar admitted in his plea that he broke into the account. "
             "The firm settled the case. It did not admit wrongdoing. "
             "Chief Williams admitted that “nobody's been arrested” at the rally. "
             "Sanders hasn't endorsed her or conceded his bid for the nomination.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    # a plea is the law's admission; a word of the law inside a quotation does not count
    assert rows["text"].to_list() == ["admitted", "admit", "admitted"]
    assert rows["sentence"].to_list() == [3, 4, 8]


def test_plain_words_and_names_read_as_descriptive_are_not_flagged(tmp_path: Path) -> None:
    # real lines of 300 real articles that blind readers called plain: a demand ("insisted
    # on"), set phrases, the noun "trash", "laud" (praise), the names "mainstream media" and
    # "alt-right"; the verb "trash" and "insisted that" keep their flags
    table = corpus(tmp_path, {
        "a": "Budget\nDemocratic leaders have insisted on acting now. "
             "Researchers linked emissions to extreme weather. "
             "Infrastructure amounts to a slam dunk investment. "
             "He collected trash to pay for college. "
             "The mayor came to laud the town's initiative. "
             "She felt invisible in mainstream media growing up. "
             "The candidate appeals to the alt-right in his speeches. "
             "The senator vowed to trash the deal. "
             "The governor insisted that the budget was balanced.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["trash", "insisted"]
    assert rows["sentence"].to_list() == [8, 9]


def test_claim_takes_a_clause_not_a_share_or_a_second_verb(tmp_path: Path) -> None:
    # real lines of 300 real articles: "to" counts right after "claim"; a second verb of the
    # subject ends the search; "has" starts a clause
    table = corpus(tmp_path, {
        "a": "Primary\nTenney won the primary, claiming 41 percent of the vote to Wells' 33. "
             "Sanders claimed momentum and argued he is the stronger candidate. "
             "He attacked the moderator, who he claims has been unfair to him.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["claims"]
    assert rows["sentence"].to_list() == [3]


def test_a_verb_of_saying_set_off_by_commas_tells_the_whole_sentence(tmp_path: Path) -> None:
    # real lines of 300 real articles: "X, she said, was ..." is all the speaker's; a verb
    # that is a table word keeps its own flag, and a comma after a conjunction sets nothing off
    table = corpus(tmp_path, {
        "a": "Town hall\nWhat really got under her skin, she said, was a question from a voter. "
             "Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry. "
             "Even then, others insist, the show will be hard to eclipse. "
             "“I didn’t use racially charged language,” Mr. LePage claimed, although he also "
             "said, “Let’s leave ethnicity out of it.” "
             "What got under her skin was a question from a voter.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["insist", "claimed", "got under her skin"]
    assert rows["sentence"].to_list() == [3, 4, 5]


def test_judgments_told_are_the_speakers_hedges_of_sourcing_the_outlets(tmp_path: Path) -> None:
    # real lines of 300 real articles: a hedge that judges ("erroneous", "discredited") is
    # the speaker's where a verb of saying or a noun of opinion tells it; "reportedly" stays
    # the outlet's distance even in a clause it tells
    table = corpus(tmp_path, {
        "a": "Leaks\nErroneous information passed from peer to peer often has credibility, "
             "she said. "
             "If they make one discredited leak, hackers lose the value of the operation, "
             "he added. "
             "The Democrats have a decent counter-argument that the GOP has been taken over by "
             "its far-right fringe. "
             "He said the mayor reportedly met the donors. "
             "Erroneous information spread on Monday.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["reportedly", "Erroneous"]
    assert rows["sentence"].to_list() == [4, 5]


def test_an_item_of_a_slashed_list_is_not_flagged(tmp_path: Path) -> None:
    # a real newsletter line of 300 real articles
    table = corpus(tmp_path, {
        "a": "Morning email\nSend tips/quips/quotes/stories to the editor. "
             "The host traded quips with the senator.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["quips"]
    assert rows["sentence"].to_list() == [2]


def test_the_size_of_a_change_and_a_risk_are_plain(tmp_path: Path) -> None:
    # real lines of 300 real articles: "dramatic" and "sharply" measure a change, "dangerous"
    # names a risk; "dramatic" that judges keeps its flag
    table = corpus(tmp_path, {
        "a": "Ads\nTrump's campaign has been dramatically outspent by Clinton's on ads. "
             "The tactics include a dramatic increase in military probing. "
             "Democratic candidates pivot sharply from the GOP script. "
             "The FBI named Cleveland the fifth most dangerous city in America. "
             "It was a dramatic reversal for the party.\n",
        "b": "Storm\nA storm hit the coast on Monday.\n",
    })
    rows = table.filter(pl.col("article") == "a")
    assert rows["text"].to_list() == ["dramatic"]
    assert rows["sentence"].to_list() == [5]

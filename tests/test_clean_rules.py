"""Boilerplate rules on small texts: captions and credits, embedded posts, edge paragraphs tied
to the body, repeated lines and paragraphs."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

from corpusdiff.clean import CAPTION
from corpusdiff.pipeline import compare

ROOT = Path(__file__).resolve().parent.parent

OTHER = """Council closes the Alder Street Bridge

The Millbrook City Council voted on Monday to close the Alder Street Bridge for repairs.
Mayor Dana Ruiz said the repairs would take fourteen weeks and cost $2.5 million.
Drivers will use the Route 9 detour while the bridge is closed.
"""


def _reasons(tmp_path: Path, text: str) -> dict[str, str | None]:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    cmp = compare([tmp_path])
    rows = cmp.sentences.filter(pl.col("article") == "a")
    return dict(zip(rows["text"], rows["reason"], strict=True))


@pytest.mark.parametrize("caption", [
    "Mayor Dana Ruiz at the bridge on Monday.CreditJoshua Roberts/Reuters",
    "Photo: Joshua Roberts/Reuters",
    "Image: Millbrook City Council",
    "Mayor Dana Ruiz speaks to reporters on Monday. (AP Photo/Evan Vucci)",
    "Joshua Roberts/Getty Images",
    "Photo by Jane Roe for the Millbrook Ledger",
])
def test_captions_and_credits_have_their_own_reason(tmp_path: Path, caption: str) -> None:
    reasons = _reasons(tmp_path, OTHER.replace("for repairs.\n", f"for repairs.\n{caption}\n"))
    caption_rows = {t: r for t, r in reasons.items() if t in caption or caption in t}
    assert caption_rows and set(caption_rows.values()) == {CAPTION}
    # the news around it is kept
    assert reasons["Drivers will use the Route 9 detour while the bridge is closed."] is None


@pytest.mark.parametrize(("line", "byline"), [
    ("By Dana Ruiz", True),
    ("By Mary-Ann O’Neil | June 5, 2025", True),
    ("BY: J. R. Ruiz, Sept. 3, 2024.", True),
    # the name holds at most 60 characters: a longer run is a sentence, not a byline
    ("By " + "Ruiz " * 12, True),  # 60 characters with its last space
    ("By " + "Ruiz " * 12 + "Ruiz", False),
    ("By " + "Ruiz " * 11 + "Ruiz | June 5, 2025", True),
    ("By 2030 the bridge will carry 12,000 cars a day.", False),
])
def test_a_byline_names_at_most_sixty_characters(tmp_path: Path, line: str,
                                                  byline: bool) -> None:
    reasons = _reasons(tmp_path, OTHER.replace("for repairs.\n", f"for repairs.\n\n{line}\n\n"))
    line_reasons = {r for t, r in reasons.items() if t in line}
    assert line_reasons == ({"byline"} if byline else {None})


@pytest.mark.parametrize(("line", "reason"), [
    ("By Fox News staff", "byline"),
    ("By the Associated Press", "byline"),
    ("By Maria de la Cruz and Tom O’Brien for MailOnline", "byline"),
    ("by R.C. Baker", "byline"),
    # a one-sentence paragraph in lower-case words is news, not a byline
    ("By then it was too late.", None),
    ("By Tuesday night the protests were over.", None),
    ("By providing your email address, you agree to our Privacy Policy.", "sign-up form"),
])
def test_a_byline_is_a_name(tmp_path: Path, line: str, reason: str | None) -> None:
    reasons = _reasons(tmp_path, OTHER.replace("for repairs.\n", f"for repairs.\n\n{line}\n\n"))
    assert {r for t, r in reasons.items() if t in line} == {reason}


@pytest.mark.parametrize("words", [20, 70])
def test_a_caption_paragraph_ends_within_400_characters(tmp_path: Path, words: int) -> None:
    first = "Crews inspect the Alder Street Bridge " + "again " * words + "on Monday."
    paragraph = f"{first} (AP Photo/Evan Vucci)"
    reasons = _reasons(tmp_path, OTHER.replace("for repairs.\n",
                                               f"for repairs.\n\n{paragraph}\n\n"))
    # a short paragraph is a caption as a whole; past 400 characters only its credit is one
    assert reasons[first] == (CAPTION if len(first) < 400 else None)
    assert reasons["(AP Photo/Evan Vucci)"] == CAPTION


def test_a_caption_with_a_by_credit_glued_under_it_is_a_caption(tmp_path: Path) -> None:
    caption = ("Crews inspect the Alder Street Bridge on Monday. "
               "By MILLBROOK DEPARTMENT OF TRANSPORTATION")
    byline_sentence = "The bridge was designed by Harwell Partners in 1962."
    reasons = _reasons(tmp_path, OTHER.replace(
        "for repairs.\n", f"for repairs.\n{caption}\n{byline_sentence}\n"))
    assert reasons["Crews inspect the Alder Street Bridge on Monday."] == CAPTION
    assert reasons["By MILLBROOK DEPARTMENT OF TRANSPORTATION"] == CAPTION
    assert reasons[byline_sentence] is None  # "by" inside a sentence is news


def test_a_heading_just_above_an_embedded_post_stays_article_text(tmp_path: Path) -> None:
    post = ("Proud of our crews working through the night on the Alder Street Bridge "
            "#Millbrook\n— Dana Ruiz (@MayorRuiz) March 3, 2025\n")
    heading = "What the Mayor Said"
    reasons = _reasons(tmp_path, OTHER.replace(
        "for repairs.\n", f"for repairs.\n{heading}\n{post}"))
    assert reasons[heading] is None
    assert reasons["Proud of our crews working through the night on the Alder Street Bridge "
                   "#Millbrook"] == "embedded post"
    assert reasons["— Dana Ruiz (@MayorRuiz) March 3, 2025"] == "embedded post signature"


def test_words_like_credit_in_a_news_sentence_are_news(tmp_path: Path) -> None:
    line = "Credit Suisse said the bridge bonds would be repaid by the city."
    reasons = _reasons(tmp_path, OTHER.replace("for repairs.\n", f"for repairs.\n{line}\n"))
    assert reasons[line] is None


def test_edge_paragraph_naming_the_story_stays_body(tmp_path: Path) -> None:
    tail = ("A community meeting on the closure with Mayor Ruiz is planned for February 20 at "
            "Millbrook City Hall, where engineers from Harwell Partners will take questions.")
    bio = ("Sarah Mitchell is a novelist recognised for emotionally resonant stories about "
           "family life; she grew up in Denver and studied psychology at Stanford.")
    reasons = _reasons(tmp_path, OTHER + tail + "\n" + bio + "\n")
    assert reasons[tail] is None  # names the mayor, the city, a date: the story goes on
    assert reasons[bio] == "off-topic at the edge of the article (bio, links)"


def test_a_title_no_other_article_shares_stays_the_title(tmp_path: Path) -> None:
    # a story of its own beside OTHER, whose body alone names Millbrook and its bridge: its
    # title's words are its own, but the title is no bio or link
    title = "Goats graze the slopes above Lake Merrow"
    bio = ("Sarah Mitchell is a novelist recognised for emotionally resonant stories about "
           "family life; she grew up in Denver and studied psychology at Stanford.")
    story = (f"{title}\n\n{bio}\n\nThe Millbrook City Council hired forty goats to keep the "
             "grass short on the slopes above Lake Merrow.\nThe herd will stay while the Alder "
             "Street Bridge is closed for repairs.\n")
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    rows = compare([tmp_path]).sentences.filter(pl.col("article") == "a")
    kinds = dict(zip(rows["text"], rows["kind"], strict=True))
    reasons = dict(zip(rows["text"], rows["reason"], strict=True))
    assert kinds[title] == "headline" and reasons[title] is None
    # the bio under it still goes: the title counts in the head's run
    assert reasons[bio] == "off-topic at the edge of the article (bio, links)"


def test_short_repeated_line_is_kept_and_repeated_title_block_is_not(tmp_path: Path) -> None:
    text = ("'Closed!' Council shuts the Alder Street Bridge for repairs\n"
            "'Closed!' Council shuts the Alder Street Bridge for repairs\n"
            + OTHER.split("\n", 2)[2].replace(
                "Drivers", 'Ruiz posted a photo of the span with one word: "Closed!"\nDrivers'))
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    rows = compare([tmp_path]).sentences.filter(pl.col("article") == "a").sort("index")
    reasons = rows["reason"].to_list()
    assert reasons[0] is None  # the title, first time (its kicker "'Closed!'" kept in it)
    assert rows["text"][0].startswith("'Closed!' Council shuts")
    assert reasons[1:3] == ["repeated in this article"] * 2  # ... and repeated
    assert rows.filter(pl.col("text").str.contains("one word"))["reason"].to_list() == [None]


def test_boilerplate_gold_of_the_seeds() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from boilerplate_quality import SEEDS_GOLD, load_gold, prf, score

    counts, wrong = score(compare([ROOT / "seeds"]).sentences, load_gold(SEEDS_GOLD)[""])
    precision, recall = prf(counts)
    assert counts["tp"] + counts["fn"] >= 25  # the gold has real boilerplate to find
    assert precision >= 0.95 and recall >= 0.90, wrong


def test_boilerplate_gold_of_basil() -> None:
    """The basil stories' hand labels still fit the segmentation and the rules (the bench
    had stopped on a title that became one sentence, and no test saw it)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from boilerplate_quality import BASIL, BASIL_GOLD, load_gold, prf, score

    if not BASIL.is_dir():
        pytest.skip(f"the basil dev set is absent ({BASIL})")
    totals = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for story, rows in sorted(load_gold(BASIL_GOLD).items()):
        counts, wrong = score(compare(sorted((BASIL / story).glob("*.txt"))).sentences, rows)
        assert not wrong, (story, wrong)
        for k, v in counts.items():
            totals[k] += v
    assert totals["tp"] >= 4 and prf(totals) == (1.0, 1.0)

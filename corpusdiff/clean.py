"""Boilerplate rules: mark sentences ``kind="boilerplate"`` with a reason; never delete them.

Two kinds of rule, both general rather than copied from one site:

* patterns of page furniture, on a sentence or its whole paragraph: media notes, bare links,
  embedded posts, "you may also like" promos, comment forms and counters, bylines, lone dates,
  separators, keyword lists, and sentences an article repeats (SEO padding);
* statistics: a run of paragraphs at the head or tail of an article whose words no other article
  of the corpus uses (an author bio, links to unrelated stories) is off-topic; the title is
  never set aside so.
"""

from __future__ import annotations

import polars as pl

from corpusdiff.analyze.people_words import CONNECTORS as NAME_CONNECTORS
from corpusdiff.tokens import content_tokens

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
         r"|\d{4}-\d{2}-\d{2})")

#: the reason given to photo captions and credits
CAPTION = "photo caption or credit"
#: a credit glued to the end of a caption ("…Capitol.CreditJoshua Roberts/Reuters")
_CREDIT_END = r"[.!?”\"’)]\s*Credits?\s*:?\s*\p{Lu}[^.!?]{1,80}$"
#: a credit line glued under a caption ("…in Las Croabas. By U.S. CUSTOMS AND BORDER
#: PROTECTION"): "By" opens a sentence of capitalised names with no full stop after them
_BY_END = (r"[.!?”\"’)]\s+By\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|of|the|&))"
           r"{0,6}[^\w.]*$")
#: an agency's photo note or a picture library at the end ("(AP Photo/Evan Vucci)")
_PHOTO_END = (r"(?i:\((?:AP|AFP|Reuters|EPA|Getty|Bloomberg|UPI)?\s*(?:photo|image)s?\s*"
              r"(?:/|:|by\b|credit\b|courtesy\b)[^)]{0,80}\)\W*$)"
              r"|(?:/|\bvia\s+|^\W*)Getty\s+Images\W*$")

#: a word of a byline's name: capitalised ("O’Brien", "J.R.R.", "AP") or one of the small words
#: names and credits hold: the name connectors ("de la Cruz", "Tom Pyman for MailOnline"), and
#: "staff" ("Fox News staff") and "du"
_BYLINE_WORD = (r"(?:\p{Lu}[\p{L}.'’-]*|(?i:"
                + "|".join(sorted(NAME_CONNECTORS | {"staff", "du"})) + r")\b)")
#: "By Jane Doe", "By Jane Doe | June 5, 2025": a name (group 1) of such words, at most
#: _BYLINE_NAME characters long (_LONGEST). A paragraph that is a sentence in lower-case words
#: ("By then it was too late.", "By Tuesday night the protests were over.") is no byline
_BYLINE = (r"^\W*(?i:by)\b[\s|:,]*((?:" + _BYLINE_WORD + r"(?:[\s-]+" + _BYLINE_WORD
           + r")*?)?)(?:\s*[|,·•-]\s*(?i:" + _DATE + r"))?\W*$")
_BYLINE_NAME = 60

#: a paragraph whose caption or credit ends within _CAPTION_AT characters (group 1) of its start
_CAPTION_END = r"(?s)^(.*?)(?:" + _CREDIT_END + "|" + _PHOTO_END + "|" + _BY_END + ")"
_CAPTION_AT = 400

#: (reason, pattern on the whole paragraph); the first that matches wins
PARAGRAPH_RULES: list[tuple[str, str]] = [
    ("separator line", r"^[\W_]+$"),
    ("bare link", r"(?i)^\W*(?:https?://|www\.)\S+\W*$"),
    ("media label", r"(?i)^\W*(?:play|watch|listen|video|photos?|gallery|advertisement|"
                    r"sponsored|related|read more|see also|more|share)\W*$"),
    ("note about the page's media", r"(?i)^\W*(?:editor['’]?s\s+)?note\s*:.*\b(?:video|photo|"
                                    r"x-post|tweet|post|embed|article|below|above|end)\b"),
    ("related-links promo", r"(?i)^\W*(?:you (?:may|might) also (?:like|enjoy)|also read|read "
                            r"(?:more|also|next)|related(?: stories| articles| coverage)?\s*:|"
                            r"recommended(?: for you)?\s*:|don['’]t miss|trending(?: now)?\s*:|"
                            r"more from|watch\s*:|sponsored content)"),
    ("sign-up form", r"(?i)^\W*by (?:providing|entering|submitting|clicking|tapping|signing "
                     r"up|subscribing|registering|creating an account)\b"),
    ("comment form", r"(?i)^\W*(?:leave a (?:reply|comment)|your email address will not be "
                     r"published|required fields are marked|post comment|cancel reply|"
                     r"log in to (?:comment|reply)|sign in to comment)"),
    ("comment counter", r"(?i)^\W*(?:comments?\s*[:(]?\s*\d+\)?|\d+\s+comments?|"
                        r"view comments|show comments)\W*$"),
    # the name (group 1) is at most _BYLINE_NAME characters: see _LONGEST
    ("byline", _BYLINE),
    ("date line", r"(?i)^\W*(?:published|updated|posted)?:?\s*" + _DATE
                  + r"(?:\s*(?:at\s*)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?\W*$"),
    ("link to another story", r"(?i)^" + _DATE + r"\p{Lu}"),
    # the caption's end within 400 characters of the paragraph's start (group 1: _LONGEST)
    (CAPTION, _CAPTION_END),
    ("share buttons", r"(?i)^\W*(?:share (?:on|this)|tweet this|click to share|print this|"
                      r"email this)\b.{0,40}$"),
]

#: "— Jane Doe (@janedoe) June 5, 2025": a handle (group 1) of at most _HANDLE characters
_SIGNATURE = r"^\W*[—–-]+\s*[^()]{1,80}\(@(\w+)\)"
_HANDLE = 30

#: (reason, pattern on one sentence)
SENTENCE_RULES: list[tuple[str, str]] = [
    # three or more short comma-separated phrases with no sentence punctuation: SEO tags
    ("keyword list", r"^\W*[^.!?,]{2,60}(?:,\s*[^.!?,]{2,60}){2,}$"),
    # a handle (group 1) of at most 30 characters: see _LONGEST
    ("embedded post signature", _SIGNATURE),
    # "…Capitol.CreditJoshua Roberts/Reuters", "Photo: …", "(AP Photo/Evan Vucci)",
    # "Image: …", "Getty Images", "Photo by … / courtesy of …"
    (CAPTION, _CREDIT_END + r"|^\W*Credits?\s*:?\s*\p{Lu}[^.!?/]{1,60}/[^.!?]{1,40}$"
              r"|^\W*(?i:(?:(?:photo|image|picture)\s+)?(?:photo(?:graph)?|image|picture|caption|"
              r"credit)s?)\s*:"
              r"|" + _PHOTO_END
              + r"|^\W*(?i:photo(?:graph)?|image)s?\s+(?i:by|courtesy\s+of)\s+[^.!?]{1,60}\W*$"),
]

#: an embedded post's text sits just above its signature; tweets are at most 280 characters
_EMBED_BODY_CHARS = 320
#: at the head or tail of an article, a paragraph with fewer shared words than this is off-topic
_OFF_TOPIC_SHARE = 0.34
#: ... unless it names at least this many of the people, places or numbers of its article's body
_EDGE_BODY_NAMES = 2
#: ... or at least this many, and this share, of its content words are the body's words
_EDGE_BODY_WORDS = 4
_EDGE_BODY_SHARE = 0.3
#: a sentence repeated in its article is padding only when it has at least this many words
_REPEAT_MIN_WORDS = 3


#: a rule's pattern -> a cheap pattern that every text the rule matches also matches: the rule
#: runs only on those texts (the caption rules are slow and almost every text fails them)
_NEEDS: dict[str, str] = {
    _CAPTION_END: r"Credit|(?i:photo|image)|Getty|\sBy\s",
    SENTENCE_RULES[[r for r, _ in SENTENCE_RULES].index(CAPTION)][1]:
        r"(?i:photo|image|picture|caption|credit)|Getty",
}


#: a rule's pattern -> the most characters its group 1 may hold. Written as ``{0,60}`` the
#: bound copies the whole Unicode letter (or word, or any) class 60 times into the compiled
#: regex (25-60 ms to compile the byline rule, ~10 ms the caption's ``.{0,400}``, once per
#: process: half of cleaning the seeds). Each group holds the shortest run that lets the
#: pattern match (the byline's and the caption's are lazy; the handle's ends at the only ")"
#: it can reach), so the length test gives the same answer
_LONGEST: dict[str, int] = {_BYLINE: _BYLINE_NAME, _SIGNATURE: _HANDLE,
                            _CAPTION_END: _CAPTION_AT}


def _contains(col: str, pattern: str) -> pl.Expr:
    """``col`` matches ``pattern``; where :data:`_NEEDS` has a cheap test for the pattern, the
    texts that fail it are blanked before the pattern runs (same answer, less regex work);
    where :data:`_LONGEST` bounds its group 1, that group's length is checked too."""
    text = pl.col(col)
    needs = _NEEDS.get(pattern)
    if needs is not None:
        candidate = text.str.contains(needs)
        text = pl.when(candidate).then(text).otherwise(pl.lit(""))
    longest = _LONGEST.get(pattern)
    found = (text.str.contains(pattern) if longest is None
             else (text.str.extract(pattern, 1).str.len_chars() <= longest).fill_null(False))
    return found if needs is None else candidate & found


def _first_match(rules: list[tuple[str, str]], col: str) -> pl.Expr:
    expr = pl.lit(None, dtype=pl.String)
    for reason, pattern in reversed(rules):
        expr = pl.when(_contains(col, pattern)).then(pl.lit(reason)).otherwise(expr)
    return expr


def _paragraphs(sentences: pl.DataFrame) -> pl.DataFrame:
    """One row per (article, paragraph): span, sentence count and text (its sentences joined
    by one space; only whitespace lies between them)."""
    return (
        sentences.group_by("article", "paragraph", maintain_order=True)
        .agg(pl.col("start").min(), pl.col("end").max(), pl.len().alias("n_sentences"),
             pl.col("text").str.join(" ").alias("ptext"))
        .sort("article", "paragraph")
    )


def _paragraph_tokens(paragraphs: pl.DataFrame) -> pl.DataFrame:
    """The content words of each paragraph (:func:`content_tokens` of ``ptext``)."""
    return content_tokens(paragraphs, ["article", "paragraph"], col="ptext")


def _off_topic(paragraphs: pl.DataFrame, tokens: pl.DataFrame | None = None) -> pl.DataFrame:
    """(article, paragraph, share): the share of a paragraph's content words that some other
    article uses. ``tokens``: :func:`_paragraph_tokens` of ``paragraphs`` when at hand."""
    if tokens is None:
        tokens = _paragraph_tokens(paragraphs)
    tokens = tokens.filter(~pl.col("is_number"))
    spread = tokens.group_by("token").agg(pl.col("article").n_unique().alias("n_art"))
    return (
        tokens.join(spread, on="token")
        .group_by("article", "paragraph")
        .agg(share=(pl.col("n_art") > 1).mean(), n_tokens=pl.len())
    )


def _tied_to_body(par: pl.DataFrame, tokens: pl.DataFrame | None = None) -> pl.Series:
    """For each paragraph (in ``par``'s order): whether it is tied to the body of its article
    (the other paragraphs no rule marked): it names at least :data:`_EDGE_BODY_NAMES` of the
    body's people, places or numbers (a name in both), or at least :data:`_EDGE_BODY_WORDS`
    of its own content words, and :data:`_EDGE_BODY_SHARE` of them, are the body's words. A
    paragraph at the edge so tied is the story going on, not a bio or a link. ``tokens``:
    :func:`_paragraph_tokens` of ``par`` when at hand."""
    if tokens is None:
        tokens = _paragraph_tokens(par)
    tokens = (tokens.with_columns(name=pl.col("is_name") | pl.col("is_number"))
              .group_by("article", "paragraph", "token").agg(pl.col("name").any())
              .join(par.select("article", "paragraph", _body=pl.col("reason").is_null()
                               & ~pl.col("off_topic")), on=["article", "paragraph"],
                    how="left")
              .with_columns(pl.col("_body").fill_null(False)))
    # per article and word: the body paragraphs that hold it (as a name); a paragraph shares
    # the word with another body paragraph when the count without itself is still positive
    spread = tokens.group_by("article", "token").agg(
        _n=pl.col("_body").cast(pl.Int64).sum(),
        _n_name=(pl.col("_body") & pl.col("name")).cast(pl.Int64).sum())
    own = pl.col("_body").cast(pl.Int64)
    shared = (
        tokens.join(spread, on=["article", "token"])
        .group_by("article", "paragraph")
        .agg(_names=(pl.col("name") & (pl.col("_n_name") - own >= 1)).sum(),
             _words=(pl.col("_n") - own >= 1).sum(), _size=pl.len())
    )
    return (
        par.join(shared, on=["article", "paragraph"], how="left", maintain_order="left")
        .select((pl.col("_names").fill_null(0) >= _EDGE_BODY_NAMES)
                | ((pl.col("_words").fill_null(0) >= _EDGE_BODY_WORDS)
                   & (pl.col("_words").fill_null(0)
                      >= _EDGE_BODY_SHARE * pl.col("_size").fill_null(1))))
        .to_series()
    )


def _title_paragraph() -> pl.Expr:
    """On sentence rows: the sentence is in an article's first paragraph, all of whose
    sentences :func:`.segment.segment` took for headlines (the title)."""
    return ((pl.col("paragraph") == pl.col("paragraph").min().over("article"))
            & (pl.col("kind") == "headline").all().over("article", "paragraph"))


def _edge_runs(par: pl.DataFrame) -> pl.Series:
    """Paragraphs in the run at an article's head or tail made only of boilerplate or off-topic
    paragraphs: those off-topic ones are boilerplate too."""
    marked = pl.col("reason").is_not_null() | pl.col("off_topic")
    from_tail = (~marked).cast(pl.Int32).cum_sum(reverse=True).over("article")
    from_head = (~marked).cast(pl.Int32).cum_sum().over("article")
    # an article none of whose paragraphs shares words with the others (another language,
    # another story) is the article itself, not its bio: leave it to the alignment
    on_topic_somewhere = (~marked).any().over("article")
    return par.select(
        ((from_tail == 0) | (from_head == 0)) & pl.col("off_topic") & pl.col("reason").is_null()
        & on_topic_somewhere
    ).to_series()


def _embed_bodies(sentences: pl.DataFrame, par: pl.DataFrame) -> set[tuple[str, int]]:
    """Paragraphs just above an embedded post's signature that hold the post's text: the one
    right above it, and those above that up to the post's length, but not a heading (the
    article's own line that introduces the post)."""
    signed = sentences.filter(pl.col("reason") == "embedded post signature").select(
        "article", "paragraph"
    )
    headings = set(
        sentences.group_by("article", "paragraph")
        .agg(heading=(pl.col("kind") == "headline").all())
        .filter(pl.col("heading")).select("article", "paragraph").iter_rows()
    )
    lengths = {(a, p): e - s for a, p, s, e in par.select("article", "paragraph", "start", "end")
               .iter_rows()}
    out: set[tuple[str, int]] = set()
    for article, paragraph in signed.iter_rows():
        total = 0
        p = paragraph - 1
        while (article, p) in lengths and total + lengths[article, p] <= _EMBED_BODY_CHARS \
                and (p == paragraph - 1 or (article, p) not in headings):
            total += lengths[article, p]
            out.add((article, p))
            p -= 1
    return out


def _mark_by_rules(sentences: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Sentences with ``kind``/``reason`` set to boilerplate where a rule fires."""
    pnorm = (pl.col("ptext").str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", " ")
             .str.strip_chars())
    par = _paragraphs(sentences).with_columns(
        preason=pl.coalesce(
            _first_match(PARAGRAPH_RULES, "ptext"),
            # a whole paragraph said again (a title block repeated under itself)
            pl.when(~pnorm.is_first_distinct().over("article")
                    & (pnorm.str.count_matches(" ") + 1 >= _REPEAT_MIN_WORDS))
            .then(pl.lit("repeated in this article")))
    )
    norm = (
        pl.col("text").str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    )
    out = (
        sentences.join(par.select("article", "paragraph", "preason"), on=["article", "paragraph"],
                       how="left", maintain_order="left")
        .with_columns(_norm=norm)
        .with_columns(
            reason=pl.coalesce(
                "preason",
                _first_match(SENTENCE_RULES, "text"),
                # a short line said twice ("Jail!") is the article's words, not padding
                pl.when(~pl.col("_norm").is_first_distinct().over("article")
                        & (pl.col("_norm").str.count_matches(" ") + 1 >= _REPEAT_MIN_WORDS))
                .then(pl.lit("repeated in this article")),
            )
        )
        .drop("preason", "_norm")
    )
    embeds = _embed_bodies(out, par)
    if embeds:
        keys = pl.DataFrame(list(embeds), schema={"article": pl.String, "paragraph": pl.Int64},
                            orient="row").with_columns(_embed=pl.lit(True))
        out = (
            out.join(keys, on=["article", "paragraph"], how="left", maintain_order="left")
            .with_columns(reason=pl.coalesce("reason", pl.when(pl.col("_embed"))
                                             .then(pl.lit("embedded post"))))
            .drop("_embed")
        )
    # off-topic runs at the head or tail of an article
    par_reason = out.group_by("article", "paragraph").agg(
        reason=pl.col("reason").drop_nulls().first()
    )
    # both statistics read the same words: the paragraphs are tokenised once
    words = _paragraph_tokens(par)
    topic = _off_topic(par, words)
    par = (
        par.join(par_reason, on=["article", "paragraph"], how="left")
        .join(topic, on=["article", "paragraph"], how="left")
        .with_columns(off_topic=pl.col("share").fill_null(0.0) < _OFF_TOPIC_SHARE)
        .sort("article", "paragraph")
    )
    par = par.with_columns(
        off_topic=pl.col("off_topic") & ~_tied_to_body(par, words))
    n_articles = articles.height
    if n_articles >= 2:
        par = par.with_columns(edge_off_topic=_edge_runs(par))
        out = (
            out.join(par.select("article", "paragraph", "edge_off_topic"),
                     on=["article", "paragraph"], how="left", maintain_order="left")
            .with_columns(reason=pl.coalesce(
                "reason",
                # the title is the article's own line whatever the others say (a story
                # no other article tells): it still counts in the head's run, but is
                # never set aside as a bio or a link
                pl.when(pl.col("edge_off_topic") & ~_title_paragraph())
                .then(pl.lit("off-topic at the edge of the article (bio, links)"))))
            .drop("edge_off_topic")
        )
    return out.with_columns(
        kind=pl.when(pl.col("reason").is_not_null()).then(pl.lit("boilerplate"))
        .otherwise(pl.col("kind"))
    )


#: the reason for a web page's text outside its article (menus, captions, related links, footer)
LAYOUT_REASON = "outside the article (page layout)"
#: what a login wall or a paywall says
PROMPT_PATTERN = (
    r"(?i)\b(?:please (?:subscribe|log ?in|sign ?in|register)|subscribe (?:now|today|to (?:read|"
    r"continue|view|unlock|access|get))|to (?:view|read|continue reading|unlock|access) (?:the|"
    r"this) (?:full |entire )?(?:story|article|content|page)|already (?:a )?(?:subscriber|"
    r"member)|(?:log|sign) ?in (?:to|for) (?:continue|read|view|access|immediate access)|"
    r"subscribers? (?:also )?(?:get|receive|enjoy)|create a free account)")
#: rules for what sits inside a web page's article and only web pages carry (reason, pattern
#: on the whole paragraph)
WEB_PARAGRAPH_RULES: list[tuple[str, str]] = [
    ("login or subscription prompt", PROMPT_PATTERN),
    ("newsletter sign-up", r"(?i)^\W*(?:(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|"
                           r"inbox|e-?mails?|updates|best content|deals)\b|"
                           r"[\p{L}\p{N}'’ ]{0,40}\bnewsletters?\W*$)"),
    ("advertiser disclosure", r"(?i)\b(?:we may (?:receive|earn|get) (?:a )?(?:small )?"
                              r"(?:compensation|commission)|advertiser disclosure|(?:contains|"
                              r"includes) (?:affiliate links|references to products))"),
    ("page date stamp", r"(?i)^.{0,60}\blast (?:modified|updated)\s*:.{0,60}$"),
]
#: text rules that do not run on a web page's article: its structure already tells a page's tag
#: list and the stories around it from the article, where a list with commas is a recipe's
#: ingredients and the last paragraph a conclusion (every other rule runs)
NOT_ON_WEB_PAGES = frozenset({"keyword list", "off-topic at the edge of the article (bio, links)"})


def mark_boilerplate(sentences: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Sentences with ``kind``/``reason`` set to boilerplate where a rule fires.

    A web page's text outside its article (from the article's ``layout_start`` on) is
    boilerplate with :data:`LAYOUT_REASON`, and is left out of the rules' statistics; in the
    article itself the rules of :data:`NOT_ON_WEB_PAGES` do not apply, and those of
    :data:`WEB_PARAGRAPH_RULES` do.
    """
    pages = articles.select(
        pl.col("id").alias("article"),
        (pl.col("format") == "html").alias("_html") if "format" in articles.columns
        else pl.lit(False).alias("_html"),
        pl.col("layout_start") if "layout_start" in articles.columns
        else pl.lit(None, dtype=pl.Int64).alias("layout_start"),
    )
    flagged = sentences.with_row_index("_row").join(pages, on="article", how="left",
                                                    maintain_order="left")
    outside = pl.col("start") >= pl.col("layout_start").fill_null(2**62)
    html = pl.col("_html").fill_null(False)
    marked = _mark_by_rules(
        flagged.filter(~outside).with_columns(_kind=pl.col("kind")), articles
    ).with_columns(
        reason=pl.when(html & pl.col("reason").is_in(NOT_ON_WEB_PAGES)).then(None)
        .otherwise(pl.col("reason"))
    )
    if WEB_PARAGRAPH_RULES and pages["_html"].any():  # no web page: no regex to compile
        web = _paragraphs(marked.filter(html)).select(
            "article", "paragraph", _web=_first_match(WEB_PARAGRAPH_RULES, "ptext"))
        marked = (
            marked.join(web, on=["article", "paragraph"], how="left", maintain_order="left")
            .with_columns(reason=pl.coalesce("reason", "_web")).drop("_web")
        )
    layout = flagged.filter(outside).with_columns(reason=pl.lit(LAYOUT_REASON),
                                                  _kind=pl.col("kind"))
    return (
        pl.concat([marked, layout.select(marked.columns)])
        .with_columns(
            kind=pl.when(pl.col("reason").is_not_null()).then(pl.lit("boilerplate"))
            .otherwise(pl.col("_kind"))
        )
        .sort("_row")
        .drop("_row", "_html", "layout_start", "_kind")
    )


#: a web page's article of which the text rules set aside more than this share is reported
WEB_ARTICLE_WARN_SHARE = 0.3


def web_page_warnings(sentences: pl.DataFrame, articles: pl.DataFrame) -> list[str]:
    """One warning per web page whose article (its text outside the page layout) the text
    rules set aside for more than :data:`WEB_ARTICLE_WARN_SHARE` of its characters."""
    if "layout_start" not in articles.columns:
        return []
    pages = articles.filter(pl.col("format") == "html").select(
        pl.col("id").alias("article"), "path", "layout_start")
    share = (
        sentences.join(pages, on="article")
        .filter(pl.col("reason").fill_null("") != LAYOUT_REASON)
        .with_columns(_n=pl.col("end") - pl.col("start"))
        .group_by("article", "path")
        .agg(share=pl.col("_n").filter(pl.col("kind") == "boilerplate").sum() / pl.col("_n").sum())
        .filter(pl.col("share") > WEB_ARTICLE_WARN_SHARE)
        .sort("path")
    )
    return [f"{path}: {share:.0%} of the article's text set aside as boilerplate (see it with "
            "--show-boilerplate)" for path, share in share.select("path", "share").iter_rows()]


__all__ = ["mark_boilerplate", "web_page_warnings"]

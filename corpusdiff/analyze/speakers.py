"""Who said each quote of an article, with the patterns of news prose, and whether a quoted span
is a quote at all (a scare quote, a title). See :mod:`corpusdiff.analyze.quotes` for the cues.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from corpusdiff.analyze.people import Mention, People, clean, is_acronym, known_place, nobody
from corpusdiff.analyze.people_words import FIRST_NAMES, TITLE_MODIFIERS, TITLES
from corpusdiff.analyze.quote_spans import Attr, Quote, QuotedArticle, fold
from corpusdiff.analyze.quote_words import (
    ADVERBS,
    COMMON_CAPS,
    DAYS_MONTHS,
    DOCUMENTS,
    FUNCTION_WORDS,
    GENERIC_SUBJECTS,
    INST_REFS,
    INVERTED_ONLY,
    NAMING,
    PERSON_NOUNS,
    SHOW_NOUNS,
    WORK_NOUNS,
)
from corpusdiff.analyze.speech_verbs import VerbMatch, is_speech, speech_verbs
from corpusdiff.tokens import STOPWORDS

_speech_verbs = speech_verbs


#: "the Obama campaign", "the Trump administration": a named organisation as a subject
_ORG_SUBJECT = re.compile(r"(?:^|(?<=\s))[Tt]he\s+((?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)\s+("
                          + "|".join(INST_REFS) + r"|committee|administration|team)$")
#: "The letter says", "the advertisement says": a document as the source
_DOCUMENT_SUBJECT = re.compile(r"(?:^|(?<=\s))(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+"
                               r"(?:[\w-]+\s+){0,3}?(" + "|".join(sorted(DOCUMENTS)) + r")$")
#: a transcript's speaker label at a paragraph start
_TRANSCRIPT = re.compile(r"\s*((?:[A-Z][A-Z.’'-]+\s+){0,3}[A-Z][A-Z’'-]+)\s*:\s*$")
_CAP_ADJECTIVES = "The|Democratic|Republican|Fellow|Former|Then|Longtime|Veteran|Senior"
#: what stands before a show's name: "on", "told", a broadcaster's possessive ("NBC's")
_BROADCAST_BEFORE = re.compile(r"(?:\b(?:on|told|to)|\b(?:[A-Z]{2,4}|News)[’']s)\s*$")
#: words that end a descriptor before a name: it is a clause, not a role
STOP_DESCRIPTORS = frozenset("of and or in on at for from with to by who which that as than but "
                             "said says told".split())
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that|these|those|my|our|"
                                r"your)\s+$", re.I)
#: words a subject with its appositives may have between a quote and the verb after it: any
#: subject, and a person described by appositives ('…," Scott Pruitt, the attorney general of
#: Oklahoma, one of the states suing, said')
_SUBJECT_WORDS_ANY, _SUBJECT_WORDS = 14, 20
#: from this many words, a quote no verb reports is its sentence's subject's words, when the
#: subject is at most this many words before it
_SUBJECT_QUOTE_WORDS, _SUBJECT_GAP_WORDS = 4, 12
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+$")
#: punctuation that ends a quote's clause
_CLOSING = frozenset(",.;:?!…—–-\"”’')\n")
#: words after a quoted word that show it does not modify a noun there: prepositions and
#: conjunctions beyond the stopwords
_NOT_NOUNS = frozenset("""toward towards across along around among amid behind beyond despite
inside outside past since unlike near onto unless whether whereas""".split())
#: what a naming verb names with a label: itself ("calls himself the"), or a name ("calling his
#: own Justice Department a")
_LABELLED = re.compile(r"\s+(?:(?:him|her|it|them)sel(?:f|ves)|(?:(?:his|her|its|their|"
                       r"the)\s+)?(?:own\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+(?:a|an|the)"
                       r"\s*$")
_LEAD_PHRASE = re.compile(r"\s*(?:In|At|On|During|After|Before|Speaking|Asked|Following|Despite|"
                          r"Under|Over|With|Without|Since|While|When|As|Earlier|Later|From|"
                          r"Writing|Responding|Pressed|Appearing)\b[^,\x00]{0,80},")


#: what cannot stand between two pieces of one interrupted quote (another quote, a question)
_INTERRUPTION_STOP = re.compile(r"[!?;:\x00]")
#: the longest attribution that interrupts a quote, in words
_INTERRUPTION_WORDS = 12
_PAREN_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_WORDISH = re.compile(r"[\w’'.-]+")
_TIME_WORDS = DAYS_MONTHS | {"week", "month", "year", "night", "morning", "evening"}
_TIME_END = re.compile(r"(?:\s|^)(?:on|last|this|late|early|in)\s+\w+\s*$")
_PRONOUNS = ("he", "she", "they", "it", "we", "i")
_PRONOUN_END = re.compile(r"(?:^|[^\w’'])(he|she|they|it|we|i)$", re.I)
_ORG_HEADS = frozenset([*INST_REFS, "committee", "administration", "team"])
_INST_REF_END = re.compile(r"(?:^|(?<=\s))[Tt]he\s+(" + "|".join(INST_REFS) + r")$")
_NEXT_LOWER = re.compile(r"\s+([a-z][\w-]*)")
#: what a law says: a source, no speaker ("Federal law makes it a crime for anyone “…”")
_LAW_NOUNS = frozenset(("law", "laws", "code", "statute", "statutes", "rules", "regulations",
                        "guidelines", "policy", "constitution"))
#: a document its author speaks through, opening the subject ("a statement from X said")
_SENT_BY = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){0,2}?(?:statement|(?:press\s+)?release|"
                      r"e-?mail|letter|memo|tweet|post)\s+(?:from|by)\s+(?=\S)")
_SPOKES = frozenset(("official", "officials", "representative", "representatives", "aide"))
_SPOKES_END = re.compile(r"(?:^|(?<=\s))(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[A-Z][\w.’'-]*\s+)+?"
                         r"(spokes\w+|officials?|representatives?|aide)$")
_UNNAMED_END = re.compile(r"(?:^|(?<=[\s,]))(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Tt]wo|[Ss]everal)"
                          r"\s+[^,\x00]*$")
_GENERIC_END = re.compile(r"(?:^|(?<=\s))(?:[a-z][\w-]*\s+){0,2}(\w+)$")


def _last_token(text: str) -> str:
    """The last whitespace-separated word of ``text`` ("" for blank text)."""
    parts = text.rsplit(None, 1)
    return parts[-1] if parts else ""


class Speakers:
    """The kind and the speaker of every quote of one article."""

    def __init__(self, doc: QuotedArticle) -> None:
        self.doc = doc
        self.people = People(doc)
        self._verbs: dict[tuple[int, int], list[VerbMatch]] = {}

    def _reporting(self, lo: int, hi: int) -> list[VerbMatch]:
        """The reporting verbs of ``masked[lo:hi]`` that follow no determiner ("his remarks"),
        offsets relative to ``lo``; found once for the attribution and the scare-quote test of
        a quote."""
        key = (lo, hi)
        found = self._verbs.get(key)
        if found is None:
            ctx = self.doc.masked[lo:hi]
            found = self._verbs[key] = [
                m for m in _speech_verbs(ctx)
                if not _DETERMINER_BEFORE.search(ctx, max(0, m.start() - 8), m.start())]
        return found

    # ---- resolution --------------------------------------------------------------------

    def _person_attr(self, m: Mention, cue: str, conf: float) -> Attr:
        if m.kind == "person" and m.name:
            return Attr(m.name, self.people.persons[m.name].role, cue, conf, "person")
        if m.kind == "inst" and m.name:
            return Attr(re.sub(r"^[Tt]he\s+", "", m.name), None, cue, conf, "inst")
        if m.kind == "unnamed":
            return Attr(None, None, cue, conf * 0.8, "unnamed")
        return Attr(None, None, cue, 0.3, "unknown")

    def _sentence_subject(self, at: int, want: str | None = None) -> Attr | None:
        """The subject of the clause holding ``at`` or, when it has none before ``at``, of the
        previous sentence (also when that one closes the previous paragraph: news opens a
        paragraph with '"...," he said' about the last one's subject): its first named person,
        before any verb, when the gender agrees with ``want`` (or is unknown)."""
        i = self.doc.sentence_at(at)
        for j, hi in ((i, at), (i - 1, None)):
            if j < 0:
                break
            lo = self.doc.s_start[j]
            hi = self.doc.s_end[j] if hi is None else hi
            lead = _LEAD_PHRASE.match(self.doc.masked[lo:hi])
            start = lo + (lead.end() if lead else 0)
            for m in self.people.following(start):
                if m.start >= hi or m.start > start + 80:
                    break
                if m.modifier or m.possessive or m.kind != "person" or not m.name \
                        or known_place(m.name.split()):
                    continue
                # before the subject: titles and descriptors only, no verb or clause
                if re.search(r"[,;\x00]|\b(?:and|but|who|that)\b",
                             self.doc.masked[start:m.start]):
                    break
                g = self.people.persons[m.name].gender
                if want is None or g is None or g == want:
                    return self._person_attr(m, "pronoun", 0.85 if g == want else 0.7)
                break
        return None

    def _pronoun(self, pronoun: str, at: int) -> Attr:
        """Resolve he/she to the most recent fitting referent before ``at``."""
        want = {"she": "f", "he": "m"}.get(pronoun.lower())
        if want is None:  # they / it / I / we
            if pronoun.lower() == "it":
                for m in self.people.recent(at):
                    if m.kind == "inst" and not m.modifier:
                        return self._person_attr(m, "pronoun", 0.6)
            return Attr(None, None, "pronoun", 0.3, "unknown")
        subject = self._sentence_subject(at, want)
        if subject is not None:
            return subject
        # possessives ("the president's strategy", "Hale's accusation") are rarely what a
        # pronoun subject refers to: they are tried only when nobody else fits
        for possessives in (False, True):
            skipped = False
            for m in self.people.recent(at):
                if m.start < at - 4000:
                    break
                if m.modifier or m.possessive != possessives:
                    continue
                if m.kind == "unnamed":
                    if m.gender == want:
                        return Attr(None, None, "pronoun", 0.6, "unnamed")
                    skipped = True
                elif m.kind == "person" and m.name and not known_place(m.name.split()):
                    # (a country is no "he": "Mexico" speaks as "it")
                    g = self.people.persons[m.name].gender
                    if g == want:
                        return self._person_attr(m, "pronoun", 0.75 if skipped else 0.85)
                    if g is None:
                        return self._person_attr(m, "pronoun", 0.6)
                    skipped = True
        # nobody the people layer knows: the nearest full name it left unplaced ("Glenn Beck,
        # the hero of the political right, ..."), when no other name came since
        for m in self.people.recent(at):
            if m.start < at - 4000 or m.kind == "person":
                break
            words = (m.name or "").split()
            if m.kind == "other" and not m.modifier and not m.possessive and len(words) in (
                    2, 3) and words[0].lower() in FIRST_NAMES and not nobody(words):
                return Attr(" ".join(words), None, "pronoun", 0.5, "person")
        return Attr(None, None, "pronoun", 0.3, "unknown")

    def _np_before(self, lo: int, hi: int) -> Attr | None:
        """The subject noun phrase that ends at ``hi`` (just before a speech verb)."""
        seg = self.doc.masked[lo:hi]
        # strip adverbs, auxiliaries and time words between subject and verb
        # (the patterns anchored at the end of ``seg`` are searched only when its last word
        # allows a match: a search tries every position)
        while True:
            last = _last_token(seg)
            paren = _PAREN_END.search(seg) if last.endswith(")") else None
            if paren:  # "Sen. Tammy Baldwin (D-Wis.) said": a party tag
                seg = seg[:paren.start()].rstrip()
                continue
            if not last or not _WORDISH.fullmatch(last):
                break
            w = last.lower()
            if w in ADVERBS or (w.endswith("ly") and w.islower() and len(w) > 4):
                seg = seg[:len(seg.rstrip()) - len(last)].rstrip()
                continue
            t = _TIME_END.search(seg) if w in _TIME_WORDS else None
            if t:
                seg = seg[:t.start()].rstrip()
                continue
            break
        seg = seg.rstrip()
        end = lo + len(seg)
        if not seg:
            return None
        if seg.endswith(","):  # "Chen, president of the union, said": skip the appositive
            lead = _LEAD_PHRASE.match(seg)
            if lead and seg[lead.end():].lstrip()[:1].isupper():
                # "In a panel in Washington, Marc Morial, the chief of …, told": the
                # adverbial phrase first is no part of the subject
                return self._np_before(lo + lead.end(), end)
            chunks = seg.split(",")
            unnamed = None
            for k in range(max(0, len(chunks) - 5), len(chunks) - 2):
                head = ",".join(chunks[:k + 1]).rstrip()
                if not head:
                    break
                found = self._np_before(lo, lo + len(head))
                if found is not None and found.kind in ("person", "inst"):
                    return found
                if found is not None and unnamed is None and found.kind == "unnamed":
                    unnamed = found
            # "Trump's spokeswoman, Karoline Leavitt, said": the name is in the appositive
            if len(chunks) >= 3:
                m = self.people.mention_ending(lo + len(seg) - 1)
                if m is not None and not m.possessive and \
                        m.start >= lo + len(",".join(chunks[:-2])) + 1:
                    if m.kind == "other":
                        self.people.promote(m)
                    if m.kind in ("person", "inst"):
                        return self._at(self._person_attr(m, "X said", 0.9), lo)
            return unnamed
        pm = _PRONOUN_END.search(seg) if seg[-4:].lower().endswith(_PRONOUNS) else None
        if pm:
            at = lo + pm.start(1)
            if pm.group(1).lower() in ("he", "she", "it"):
                return self._at(self._pronoun(pm.group(1), at), at)
            return Attr(None, None, "pronoun", 0.3, "unknown", at)
        for_inst = self._spokesperson_for(lo, end)
        if for_inst is not None:
            return for_inst
        sent = _SENT_BY.match(seg)
        if sent:  # "a statement from the Democratic committee said": the committee speaks
            author = self._np_before(lo + sent.end(), end)
            return self._at(author, lo) if author is not None else None
        m = self.people.mention_ending(end)
        if m is not None and m.end >= end - 3:
            if m.kind == "other" and not m.possessive:
                self.people.promote(m)
            if m.kind != "other":
                return self._at(self._person_attr(m, "X said", 0.95), m.start)
        last = _last_token(seg)
        om = _ORG_SUBJECT.search(seg) if last in _ORG_HEADS else None
        if om:  # "the Obama campaign said": the organisation speaks
            return Attr(om.group(1) + " " + om.group(2), "organisation", "X said", 0.8, "inst",
                        lo + om.start())
        dm = _DOCUMENT_SUBJECT.search(seg) if last in DOCUMENTS else None
        if dm:  # "The letter says": the document is the source, no person
            return Attr(None, dm.group(1).lower(), "X said", 0.8, "document", lo + dm.start())
        im = _INST_REF_END.search(seg) if last in INST_REFS else None
        if im:
            return self._at(self._inst_ref(im.group(1), lo + im.start()), lo + im.start())
        sm = _SPOKES_END.search(seg) if last.startswith("spokes") or last in _SPOKES \
            else None
        if sm:
            inst = self.people.mention_ending(lo + sm.start(1) - 1)
            if inst is not None and inst.kind == "inst":
                return self._at(self._person_attr(inst, "X said", 0.7), lo + sm.start())
        # the match follows the last comma (or quote): searched from there
        um = _UNNAMED_END.search(seg, max(0, seg.rfind(","), seg.rfind("\x00")))
        if um:
            # "a man", "one GOP senator", "a woman walking her dog", "one comment posted …"
            head = [w.lower().rstrip("s") for w in um.group().split()[1:6]]
            if any(w in PERSON_NOUNS or w in TITLES for w in head) or (
                    um.group().islower() and len(um.group().split()) <= 8):
                return Attr(None, None, "X said", 0.7, "unnamed", lo + um.start())
        gm = _GENERIC_END.search(seg) if last.lower() in GENERIC_SUBJECTS else None
        if gm and gm.group(1).lower() in GENERIC_SUBJECTS:
            inst = self.people.mention_ending(lo + gm.start(1) - 1)
            if inst is not None and inst.kind == "inst" and gm.group(1).lower() in (
                    "officials", "officers", "leaders", "sources"):
                return self._at(self._person_attr(inst, "X said", 0.6), inst.start)
            return Attr(None, None, "X said", 0.6, "unnamed", lo + gm.start())
        return None

    def _spokesperson_for(self, lo: int, end: int) -> Attr | None:
        """"a spokeswoman for the White House": the institution speaks."""
        m = re.search(r"(?:^|(?<=[\s,]))(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z-]+\s+){0,2}?|"
                      r"(?=[SsRrOoPp]))"  # "Officials with the committee said"
                      r"(?:[Ss]pokes\w+|[Rr]epresentatives?|[Oo]fficials?|[Pp]ress\s+secretary)\s+"
                      r"(?:for|with|at|of|from)\s+(?:the\s+)?([^,\x00]+)$", self.doc.masked[lo:end])
        if not m:
            return None
        inst = self.people.mention_ending(end)
        if inst is None or inst.kind != "inst" or inst.start < lo + m.start(1):
            return None
        return self._at(self._person_attr(inst, "X said", 0.8), lo + m.start())

    def _inst_ref(self, head: str, at: int) -> Attr:
        """"the company", "the agency": the most recent institution of that kind."""
        words = INST_REFS[head]
        for m in self.people.recent(at):
            if m.kind != "inst" or m.modifier:
                continue
            name_words = {clean(w).lower().rstrip(".") for w in (m.name or "").split()}
            if name_words & words or (head == "agency" and is_acronym(m.name or "")):
                return self._person_attr(m, "X said", 0.8)
        return Attr(None, None, "X said", 0.6, "unnamed")

    @staticmethod
    def _at(attr: Attr, at: int) -> Attr:
        attr.at = at
        return attr

    def _covers(self, lo: int, attr: Attr, descriptor: bool = True) -> bool:
        """Whether the subject found before a verb is all the text from ``lo`` to the verb: only
        titles, "the", capitalised words and a short descriptor ("Clinton campaign spokesman",
        "assistant athletic director", "warm-and-fuzzy") may precede a person's name; no
        clause (a comma, a verb, a function word), no pronoun; no descriptor either when
        ``descriptor`` is False."""
        if attr.at < lo:
            return False
        words = self.doc.masked[lo:attr.at].split()
        lower = [w for w in words if not (w.lower() in TITLES or w.lower() in TITLE_MODIFIERS
                                          or w.lower() == "the" or w[0].isupper())]
        if any(w.endswith(",") for w in words):
            return False
        return not lower or (descriptor and attr.kind == "person" and attr.cue != "pronoun"
                             and len(lower) <= 3 and all(
            re.fullmatch(r"[a-z][a-z-]*", w) and w not in STOP_DESCRIPTORS
            and w not in FUNCTION_WORDS and w not in COMMON_CAPS and not is_speech(w)
            for w in lower))

    def _head_after(self, lo: int, stop: int) -> tuple[Mention, str | None] | None:
        """The person or institution a noun phrase starting at ``lo`` names, skipping a
        descriptor before the name ("pollster Frank Luntz", "L2 president Bruce Willsie", "Rubio
        spokesman Alex Conant"): (mention, the descriptor as a role or None)."""
        # lowercase descriptor words, or capitalised adjectives ("Democratic Rep. Dina Titus")
        lead = re.match(r"(?:(?:[a-z][\w.-]*|(?:" + _CAP_ADJECTIVES + r"))\s+){0,4}",
                        self.doc.masked[lo:stop])
        if lead is None or any(w in STOP_DESCRIPTORS for w in lead.group().split()):
            return None
        # a name may open with a capitalised adjective ("the Republican National Committee")
        opening = next(self.people.following(lo), None)
        skip = opening.start - lo if opening is not None and opening.start < lo + lead.end() \
            else lead.end()
        first = None
        for m in self.people.following(lo + skip):
            if m.start >= stop:
                break
            if first is None and m.start != lo + skip:
                return None
            first = first or m
            gap = self.doc.masked[m.end:stop]
            # a descriptor: lowercase role words and then another capitalised name
            desc = re.match(r"(?:[’']s)?\s+((?:[a-z][\w-]*\s+){1,3})(?=[A-Z])", gap)
            if desc and not any(w in STOP_DESCRIPTORS for w in desc.group(1).split()):
                continue
            if m.kind == "other" and not m.possessive:
                self.people.promote(m)
            if m.kind not in ("person", "inst") or m.possessive:
                return None
            role = self.doc.masked[lo:m.start].strip() if m is not first or skip else None
            if role and m.kind == "person" and not re.search(r"[a-z]", role):
                role = None
            return m, role or None
        return None

    def _np_after(self, lo: int, hi: int) -> tuple[Attr, int] | None:
        """The subject noun phrase that starts at ``lo`` (after an inverted speech verb)."""
        seg = self.doc.masked[lo:hi]
        head = self._head_after(lo, lo + len(re.match(r"[^,;:\x00]*", seg).group()))
        if head is not None:
            mention, role = head
            attr = self._person_attr(mention, "said X", 0.95)
            if role and attr.kind == "person":
                attr.role = attr.role or role
            return attr, mention.end
        sp = re.match(r"[^,.;\x00]*", seg)
        if sp:
            found = self._spokesperson_for(lo, lo + sp.end())
            if found is not None:
                found.cue = "said X"
                return found, lo + sp.end()
        um = re.match(r"(?:an?|one|another|some|two|several)\s+(?:[\w’'-]+\s+){0,2}?(\w+)", seg)
        if um:
            return Attr(None, None, "said X", 0.7, "unnamed"), lo + um.end()
        return None

    def _after(self, q: Quote) -> Attr | None:
        """Attribution right after the closing mark: '…," X said' / '…," said X, role'."""
        if q.close_mark is None or not self._closes_clause(q):
            return None
        lo = q.after
        # up to the end of the sentence or the next quote; when the quote closed its sentence
        # ("“Why now?” Hale asked."), the next sentence of the paragraph
        i = self.doc.sentence_at(q.close_mark)
        hi = max(lo, self.doc.s_end[i])
        same_sentence = True
        if not self.doc.masked[lo:hi].strip() and i + 1 < len(self.doc.s_start) \
                and self.doc.s_para[i + 1] == self.doc.s_para[i]:
            lo, hi = self.doc.s_start[i + 1], self.doc.s_end[i + 1]
            same_sentence = False
        nxt = self.doc.masked.find("\x00", lo)
        if 0 <= nxt < hi:
            hi = nxt
        ctx = self.doc.masked[lo:hi]
        lead = len(ctx) - len(ctx.lstrip(" ,;:—–-"))
        lo += lead
        ctx = ctx[lead:]
        if not ctx:
            return None
        m = re.match(r"according\s+to\s+", ctx)
        if m:
            return self._according(lo + m.end(), hi)
        words = re.match(r"(?:(\w+ly)\s+)?(\w+)\s+", ctx)
        if words and (is_speech(words.group(2)) or words.group(2) in INVERTED_ONLY):
            found = self._np_after(lo + words.end(), hi)
            if found:
                attr, end = found
                if attr.kind == "person":
                    appos = self.people.appositive(end)
                    if appos:
                        attr.cue = "appositive"
                        attr.role = attr.role or appos
                return attr
        for vm in _speech_verbs(ctx):
            n_words = len(ctx[:vm.start()].split())
            if n_words > _SUBJECT_WORDS:
                break
            subj = self._np_before(lo, lo + vm.start())
            # the subject must be the whole text between the mark and the verb; a long one
            # only for a person described by appositives
            if subj is None or not self._covers(lo, subj, same_sentence) or (
                    n_words > _SUBJECT_WORDS_ANY and subj.kind != "person"):
                continue
            verb = vm.group()
            if subj.cue == "X said":
                subj.cue = "X told" if verb in ("told", "tells") else \
                    "X wrote" if verb in ("wrote", "writes", "tweeted", "posted") else "X said"
            return subj
        return None

    def _closes_clause(self, q: Quote) -> bool:
        """Whether punctuation ends the quote, inside its marks or right after them ('…,"
        Lee said', '“Why now?” Hale asked'): a quote running on into its sentence (his first
        “Crooked Hillary” Twitter post) is followed by no attribution."""
        assert q.close_mark is not None
        inside = self.doc.text[q.start:q.close_mark].rstrip()
        after = self.doc.masked[q.after:q.after + 4].lstrip(" ")
        return (bool(inside) and inside[-1] in _CLOSING) or after[:1] in _CLOSING \
            or not after.strip()

    def _according(self, lo: int, hi: int) -> Attr:
        """The source after "according to": a name, an institution ("a statement from the
        White House"), a pronoun, or an unnamed source ("aides")."""
        phrase = re.match(r"[^,.;:\x00]*", self.doc.masked[lo:hi])
        stop = lo + (phrase.end() if phrase else 0)
        pm = re.match(r"(he|she|it|him|her)\b", self.doc.masked[lo:stop], re.I)
        if pm:
            attr = self._pronoun({"him": "he", "her": "she"}.get(pm.group(1).lower(),
                                                                  pm.group(1)), lo)
        else:
            attr = None
            for m in self.people.following(lo):
                if m.start >= stop:
                    break
                if not m.modifier:
                    if m.kind == "other" and m.start == lo:
                        self.people.promote(m)
                    if m.kind in ("person", "inst"):
                        attr = self._person_attr(m, "according to", 0.9)
                        break
            if attr is None:
                im = re.search(r"\b[Tt]he\s+(" + "|".join(INST_REFS) + r")\b",
                               self.doc.masked[lo:stop])
                attr = self._inst_ref(im.group(1), lo) if im else Attr(
                    None, None, "according to", 0.6, "unnamed")
        if attr.cue != "pronoun":
            attr.cue = "according to"
        return attr

    def _before(self, q: Quote) -> Attr | None:
        """Attribution earlier in the quote's sentence: 'Lee said: "…' / 'X called it "…"'."""
        lo = self.doc.s_start[self.doc.sentence_at(q.open_mark)]
        ctx = self.doc.masked[lo:q.open_mark]
        if q.headline:
            hm = re.match(r"\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*:", ctx)
            if hm:
                m = self.people.mention_ending(lo + hm.end(1))
                if m is not None and m.kind in ("person", "inst"):
                    return self._person_attr(m, "colon", 0.75)
        para_start = self.doc.paras[q.para][1]
        label = _TRANSCRIPT.match(self.doc.masked[para_start:q.open_mark])
        if label:  # "PENCE: “…”", "SECRETARY CLINTON: “…”": a transcript's speaker label
            words = [w for w in label.group(1).title().split() if w.lower() not in TITLES]
            if words:
                key = self.people.lookup(words) or " ".join(words)
                person = self.people.persons.get(key)
                return Attr(key, person.role if person else None, "transcript", 0.9, "person")
        verbs = self._reporting(lo, q.open_mark)
        acc = list(re.finditer(r"\b[Aa]ccording\s+to\s+", ctx))
        if acc and (not verbs or acc[-1].start() > verbs[-1].start()):
            return self._according(lo + acc[-1].end(), q.open_mark)
        if not verbs:
            return None
        colon = ctx.rstrip().endswith(":")
        cue = "colon" if colon else "before"
        # a verb in a relative clause ("told a woman who suggested that “…”") is not what
        # introduces the quote when a reporting verb comes before it
        k = len(verbs) - 1
        while k > 0 and _RELATIVE_BEFORE.search(ctx, max(0, verbs[k].start() - 8),
                                                verbs[k].start()):
            k -= 1
        attr = self._verb_subject(lo, verbs, k)
        if attr is None:
            return Attr(None, None, cue, 0.3, "unknown")
        if attr.cue != "pronoun":
            attr.cue = cue
            attr.confidence = min(attr.confidence, 0.9 if colon else 0.85)
        return attr

    def _verb_subject(self, lo: int, verbs: list[VerbMatch], k: int) -> Attr | None:
        """Who speaks with verb ``verbs[k]`` of the sentence starting at ``lo`` (verb offsets
        relative to ``lo``): its subject before it; after it when inverted ("Stated Stone:",
        '…," said Lee'); for a participle, the subject of the finite reporting verb it follows
        ("Nefzi said, adding") or the name right before it ("with spokesman Glen Caplin
        saying"); else the sentence's main subject."""
        vm = verbs[k]
        at = lo + vm.start()
        attr = None
        if vm.group().endswith("ing"):
            finite = [j for j in range(k) if not verbs[j].group().endswith("ing")]
            if finite and re.fullmatch(r"[\s,]*(?:and\s+)?(?:then\s+)?",
                                       self.doc.masked[lo + verbs[finite[-1]].end():at]):
                return self._verb_subject(lo, verbs, finite[-1])
            m = self.people.mention_ending(at - 1 if self.doc.masked[at - 1:at] == " " else at)
            if m is not None and m.kind in ("person", "inst") and not m.possessive \
                    and not m.modifier:
                return self._person_attr(m, "before", 0.85)
        else:
            attr = self._np_before(lo, at)
        if attr is None or attr.kind == "unknown":
            prev = self.doc.masked[lo:at].rstrip()
            # inverted: "Stated Stone:", "…," said Lee; never a participle (", accusing a
            # former Clinton aide of": the words after it are its object)
            if (not prev or prev[-1] in ",\x00") and not vm.group().endswith("ing"):
                stop = re.match(r"[^.;:\x00]*", self.doc.masked[lo + vm.end():])
                found = self._np_after(lo + vm.end() + len(
                    re.match(r"\s*", self.doc.masked[lo + vm.end():]).group()),
                    lo + vm.end() + (stop.end() if stop else 0))
                if found is not None and found[0].kind in ("person", "inst"):
                    return found[0]
            main = self._main_subject(lo, at)
            attr = main or attr
        return attr

    def _main_subject(self, lo: int, hi: int) -> Attr | None:
        """The first person or institution (or he/she) of a sentence: the subject of a
        participle ("…, demanding that…") or of a verb whose own subject was not found. A
        leading adverbial phrase ("In an interview with CNN, …") is skipped."""
        lead = _LEAD_PHRASE.match(self.doc.masked[lo:hi])
        if lead:
            lo += lead.end()
        pron = re.search(r"(?:^|[\s,])(he|she)\b", self.doc.masked[lo:hi], re.I)
        for m in self.people.following(lo):
            if m.start >= hi:
                break
            if m.modifier or m.possessive:
                continue
            nxt = _NEXT_LOWER.match(self.doc.masked, m.end)
            if m.kind == "other" and not self.doc.masked[lo:m.start].strip() and nxt \
                    and nxt.group(1) not in DOCUMENTS and nxt.group(1) not in _LAW_NOUNS:
                # a name opening the clause, before its verb, is its subject ("Federal law
                # makes it a crime": an adjective before a noun is not)
                self.people.promote(m)
            if m.kind not in ("person", "inst"):
                continue
            if pron and lo + pron.start(1) < m.start:
                break
            return self._at(self._person_attr(m, "before", 0.8), m.start)
        if pron:
            return self._pronoun(pron.group(1), lo + pron.start(1))
        return None

    def _intro(self, k: int) -> Attr | None:
        """Attribution of a paragraph that introduces a block quote with a colon."""
        _p, start, end = self.doc.paras[k]
        ctx = self.doc.masked[start:end]
        verbs = list(_speech_verbs(ctx))
        if verbs:
            attr = self._verb_subject(start, verbs, len(verbs) - 1)
        else:
            attr = self._main_subject(self.doc.s_start[self.doc.sentence_at(end - 1)], end)
        if attr is not None and attr.cue != "pronoun":
            attr.cue = "colon"
            attr.confidence = 0.8
        return attr

    def _reported(self, lo: int, hi: int) -> Attr | None:
        """The named speaker of reported speech in a sentence ("Bass said she would…")."""
        ctx = self.doc.masked[lo:hi]
        verbs = _speech_verbs(ctx)
        for k, vm in enumerate(verbs):
            if _DETERMINER_BEFORE.search(ctx, max(0, vm.start() - 8), vm.start()):
                continue
            attr = self._verb_subject(lo, verbs, k)
            if attr is not None and attr.kind in ("person", "inst"):
                return Attr(attr.speaker, attr.role, "continuation", 0.65, attr.kind)
            return None
        return None

    # ---- classification ----------------------------------------------------------------

    def _is_title(self, q: Quote) -> bool:
        """A title case span after a work noun ("the report, “Moving Riverton Forward”") or a
        possessive."""
        span = self.doc.text[q.start:q.end]
        words = re.findall(r"[^\W\d_][\w’'-]*|\d+", span)
        if not words or len(words) > 12:
            return False
        significant = [w for w in words if w.lower() not in FUNCTION_WORDS]
        if not significant or not all(w[0].isupper() or w[0].isdigit() for w in significant) \
                or not words[0][0].isupper():
            return False
        before = self.doc.masked[max(0, q.open_mark - 60):q.open_mark]
        prev = re.findall(r"[\w’'-]+", before.lower())[-5:]
        if any(w in WORK_NOUNS for w in prev):
            return True
        # an artist's work: Bad Bunny's "Debí Tirar Más Fotos" (not Trump's "Liberation Day")
        return bool(re.search(r"\w[’']s\s*$", before)) and len(words) >= 3

    def _is_named_work(self, q: Quote, after: Attr | None) -> bool:
        """A show, programme or campaign named in title case: followed by its kind (NBC's
        “Today” show, the “Defeat ISIS” coalition) or, unattributed, after a broadcaster's
        possessive or "on"/"told" (he told “Today.”, on “Face the Nation”)."""
        span = self.doc.text[q.start:q.end].rstrip(".")
        words = span.split()
        if not words or len(words) > 6 or re.search(r"[?!,;:]", span) or not all(
                w[0].isupper() or w.lower() in FUNCTION_WORDS for w in words) \
                or not words[0][0].isupper():
            return False
        nxt = re.match(r"\s*([\w-]+)", self.doc.masked[q.after:q.after + 30])
        if nxt and nxt.group(1).lower() in WORK_NOUNS | SHOW_NOUNS:
            return True
        # "the “Democrat Politician Protection Act”", "the “Tonight Show Starring …”"
        if len(words) >= 2 and any(w.lower() in SHOW_NOUNS for w in words[1:]) and re.search(
                r"\b(?:the|a)\s*$", self.doc.masked[max(0, q.open_mark - 8):q.open_mark]):
            return True
        before = self.doc.masked[max(0, q.open_mark - 30):q.open_mark]
        return after is None and bool(_BROADCAST_BEFORE.search(before))

    def _is_scare(self, q: Quote, before: Attr | None) -> bool:
        """One to three words in marks inside a sentence that quote nobody: no attribution right
        after them and no speech verb before them in the sentence; a nickname or epithet after
        a naming verb (calling the detour the “Lee Loop”, calls himself the “toughest sheriff”,
        calling the Justice Department a “deep state”); a word or two that modifies the noun
        after it (a “catch-and-release” policy)."""
        span = self.doc.text[q.start:q.end]
        lo = self.doc.s_start[self.doc.sentence_at(q.open_mark)]
        ctx = self.doc.masked[lo:q.open_mark]
        n_words = len(span.split())
        if n_words > 3 or not re.search(r"\w", ctx.replace("\x00", "")) \
                or re.search(r"[?!…]$", span):
            return False
        if before is None:
            return True
        naming = [m.end() for m in NAMING.finditer(ctx)]
        verbs = self._reporting(lo, q.open_mark)
        speech = [m.end() for m in verbs]
        if naming and max(naming) >= max(speech, default=0) and (
                all(w[0].isupper() for w in span.split())
                or _LABELLED.match(ctx, max(naming))):
            return True
        if n_words > 2:
            return False
        return self._modifies_next(q, ctx)

    def _modifies_next(self, q: Quote, ctx: str) -> bool:
        """A quoted word or two between a determiner and the noun it modifies ("a
        “catch-and-release” policy"): nothing closes the quote, a content word follows."""
        if q.close_mark is None or re.search(r"[,.;:!?…—–]", self.doc.text[q.end:q.after]):
            return False
        if not _DETERMINER_BEFORE.search(ctx):
            return False
        nxt = re.match(r" ([a-z][\w’'-]*)", self.doc.masked[q.after:q.after + 40])
        return nxt is not None and nxt.group(1) not in STOPWORDS \
            and nxt.group(1) not in FUNCTION_WORDS and nxt.group(1) not in _NOT_NOUNS \
            and not is_speech(nxt.group(1))

    def classify(self) -> None:
        """Kind and attribution of every quote of the article."""
        own: set[int] = set()  # quotes with an attribution of their own after them
        for k, q in enumerate(self.doc.quotes):
            after = self._after(q)
            if after is not None and after.kind != "unknown":
                own.add(k)
            before = self._before(q)
            if self._is_named_work(q, after) or (after is None and self._is_title(q)):
                q.kind = "title"
            elif after is None and self._is_scare(q, before):
                q.kind = "scare"
            elif after is not None and after.kind != "unknown":
                q.attr = after
            elif before is not None and before.kind != "unknown":
                q.attr = before
            else:
                q.attr = after or before
        self._interrupted(own)
        self._continuations()
        self._same_words()

    def _interrupted(self, own: set[int]) -> None:
        """The rest of a quote its attribution interrupts ('“We will rebuild,” Lee said in a
        statement, “and we will do it together.”', or a new sentence after '“…,” Lee said in
        a statement. “…”'): the speaker of the first piece, cue ``interrupted`` (the pieces are
        one statement). Between the pieces: only a short clause with a reporting verb, closing
        the first piece's sentence; the rest has no attribution of its own after it (a quote
        with one, '“…,” she said.', is another statement)."""
        quotes = self.doc.quotes
        for k in range(1, len(quotes)):
            p, q = quotes[k - 1], quotes[k]
            if k in own or p.para != q.para or p.kind != "quote" or q.kind != "quote" \
                    or p.close_mark is None or p.attr is None or p.attr.speaker is None:
                continue
            between = self.doc.masked[p.after:q.open_mark]
            stop = between.rstrip()[-1:]
            if stop not in (",", ".") or _INTERRUPTION_STOP.search(between) \
                    or len(between.split()) > _INTERRUPTION_WORDS or not _speech_verbs(between):
                continue
            # the clause ends the first piece's sentence: the rest is in it or opens the next
            first = self.doc.sentence_at(p.close_mark)
            if self.doc.sentence_at(q.open_mark) - first != (stop == "."):
                continue
            if q.attr is not None and q.attr.speaker not in (None, p.attr.speaker):
                continue  # another speaker named between: "…,” Lee said, citing Ruiz, “…"
            q.attr = Attr(p.attr.speaker, p.attr.role, "interrupted", p.attr.confidence,
                          p.attr.kind)

    def _continuations(self) -> None:
        """Unattributed quotes: the previous quote in the paragraph, a colon-introduced block,
        or a quote-only paragraph following a paragraph that quotes someone."""
        by_para: dict[int, list[Quote]] = {}
        for q in self.doc.quotes:
            by_para.setdefault(q.para, []).append(q)
        for q in self.doc.quotes:
            if q.kind != "quote" or (q.attr is not None and q.attr.kind != "unknown"):
                continue
            lo = self.doc.s_start[self.doc.sentence_at(q.open_mark)]
            before = self.doc.masked[lo:q.open_mark].replace("\x00", "")
            starts_sentence = not re.search(r"\w", before)
            earlier = [p for p in by_para[q.para] if p.open_mark < q.open_mark
                       and p.kind == "quote" and p.attr is not None]
            # no cue at all inside a sentence (Biden “kind of misspoke.”): the paragraph's
            # speaker goes on, or else the sentence's subject introduces it with a verb that
            # is no reporting verb (Trump attacked “…”, compared the president to a duck, “…”)
            silent = q.attr is None and not starts_sentence
            if earlier and (starts_sentence or silent):
                prev = earlier[-1].attr
                assert prev is not None
                q.attr = Attr(prev.speaker, prev.role, "continuation",
                              round(min(prev.confidence, 0.8), 2), prev.kind)
                continue
            if silent and len(self.doc.text[q.start:q.end].split()) >= _SUBJECT_QUOTE_WORDS:
                main = self._main_subject(lo, q.open_mark)
                gap = self.doc.masked[main.at:q.open_mark].split()[1:] if main else []
                if main is not None and main.kind in ("person", "inst") and \
                        len(gap) <= _SUBJECT_GAP_WORDS:
                    q.attr = Attr(main.speaker, main.role, "before", 0.6, main.kind)
                    continue
            i = self.doc.sentence_at(q.open_mark)
            if starts_sentence and i > 0 and self.doc.s_para[i - 1] == self.doc.s_para[i]:
                # "Bass said the raids must end. “They are terrorizing our city.”"
                reported = self._reported(self.doc.s_start[i - 1], self.doc.s_end[i - 1])
                if reported is not None:
                    q.attr = reported
                    continue
            if not self.doc.quote_only(q.para) or q.para == 0:
                continue
            _p, pstart, pend = self.doc.paras[q.para - 1]
            if self.doc.text[pstart:pend].rstrip().endswith(":"):
                intro = self._intro(q.para - 1)
                if intro is not None:
                    q.attr = intro
                    continue
            prior = [p for p in by_para.get(q.para - 1, []) if p.kind == "quote"]
            if prior and prior[-1].attr is not None and prior[-1].attr.speaker is not None:
                prev = prior[-1].attr
                q.attr = Attr(prev.speaker, prev.role, "continuation",
                              round(min(prev.confidence, 0.75), 2), prev.kind)
            elif not prior:
                # a paragraph reporting what someone said, then the quote paragraph
                last = self.doc.sentence_at(pend - 1)
                q.attr = self._reported(self.doc.s_start[last], self.doc.s_end[last])
        # a quote left open at the end of its paragraph goes on in the next one, which may be
        # where the attribution is ("…they said." in the last paragraph of the quote)
        for q in reversed(self.doc.quotes):
            if q.kind != "quote" or q.close_mark is not None or (
                    q.attr is not None and q.attr.kind != "unknown"):
                continue
            nxt = by_para.get(q.para + 1, [])
            if not nxt or nxt[0].kind != "quote" or nxt[0].attr is None \
                    or nxt[0].attr.speaker is None \
                    or self.doc.masked[self.doc.paras[q.para + 1][1]:nxt[0].open_mark].strip():
                continue
            prev = nxt[0].attr
            q.attr = Attr(prev.speaker, prev.role, "continuation",
                          round(min(prev.confidence, 0.7), 2), prev.kind)

    def _same_words(self) -> None:
        """A quote with no speaker (or an institution) that repeats words the article gives to a
        named person elsewhere (an embedded post of the same statement) is that person's."""
        asking = [q for q in self.doc.quotes if q.kind == "quote" and not (
            q.attr is not None and q.attr.kind in ("person", "unnamed"))]
        if not asking:
            return  # most articles: the named quotes need not be folded
        named = [(q, b) for q in self.doc.quotes
                 if q.kind == "quote" and q.attr is not None and q.attr.kind == "person"
                 and len(b := fold(self.doc.text[q.start:q.end])) >= 25]
        for q in asking:
            a = fold(self.doc.text[q.start:q.end])
            if len(a) < 25 or not named:
                continue
            # rapidfuzz with a cutoff is quicker than any filter written in Python before it
            best = next((other for other, b in named
                         if fuzz.partial_ratio(a, b, score_cutoff=90) >= 90), None)
            if best is None or best.attr is None:
                continue
            if q.attr is not None and q.attr.kind == "inst":
                role = (best.attr.role or "").lower()
                inst = (q.attr.speaker or "").lower()
                if not inst or not re.search(r"\b" + re.escape(inst) + r"\b", role):
                    continue
            q.attr = Attr(best.attr.speaker, best.attr.role, "same quote", 0.7, "person")

    def rows(self) -> list[tuple[object, ...]]:
        """QUOTES rows of the article."""
        out: list[tuple[object, ...]] = []
        for q in self.doc.quotes:
            para = self.doc.paras[q.para][0]
            a = q.attr if q.kind == "quote" else None
            speaker = a.speaker if a is not None else None
            if q.kind == "quote":
                conf = a.confidence if a is not None else 0.3
                cue = a.cue if a is not None else None
            else:
                conf, cue = 0.7, None
            out.append((self.doc.ident, q.sentence, q.end_sentence, para, q.start, q.end,
                        self.doc.text[q.start:q.end], q.kind, speaker,
                        a.role if a is not None and (speaker is not None
                                                     or a.kind == "document") else None,
                        float(conf), cue, q.boilerplate))
        return out


def article_quotes(ident: str, text: str, sentences: list[tuple[int, int, int, int, str]]
                   ) -> list[tuple[object, ...]]:
    """QUOTES rows of one article; ``sentences``: (index, paragraph, start, end, kind) in text
    order."""
    doc = QuotedArticle(ident, text, sentences)
    if not doc.quotes:
        return []  # nobody to attribute: the people need not be found
    speakers = Speakers(doc)
    speakers.classify()
    return speakers.rows()

"""Characters of article text: quote and dash variants folded, and control characters made
visible. Plain Python (no polars), shared by the diff, the analysis, the exports and the TUI:
one folding table and one definition of what is never shown as it is.
"""

from __future__ import annotations

import re

#: quote marks, apostrophes and dashes -> their ASCII form, one character for one (so offsets
#: into a folded text are offsets into the original)
FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
})


def fold_marks(text: str) -> str:
    """``text`` with quote, apostrophe and dash variants in ASCII (same length)."""
    return text.translate(FOLD)


#: function words and reporting verbs: they say nothing about which fact a sentence states
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can could did do does doing down during each even
    ever every few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just let like may me might more most much must my myself
    no nor not now of off on once one only or other our ours ourselves out over own per same she
    should so some such than that the their theirs them themselves then there these they this
    those through to too under until up upon very via was we were what when where which while
    who whom whose why will with within without would yet you your yours yourself
    said says say saying told tells tell added adds according stated statement claimed noted
    reportedly also already still just however meanwhile though although""".split()
)

#: characters never shown as they are: C0 and C1 controls, DEL, and the bidirectional marks,
#: overrides and isolates that would reorder a line
UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def picture(char: str) -> str:
    """One visible character for an :data:`UNSAFE` one: ESC -> ␛ and the other C0 controls
    their Unicode control pictures, DEL -> ␡, tab and line breaks a space, C1 controls and
    bidirectional controls the replacement mark."""
    code = ord(char)
    if char in "\t\n\r":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "␡"
    return "�"


def escaped(char: str) -> str:
    """A backslash escape for an :data:`UNSAFE` character (``\\x1b``, ``\\u202e``)."""
    return char.encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """``text`` with every unsafe character replaced by its :func:`picture`, one character for
    one: offsets into the text stay valid, and no escape sequence, markup or bidi override
    reaches the screen."""
    return UNSAFE.sub(lambda m: picture(m.group()), text) if UNSAFE.search(text) else text


def one_line(text: str) -> str:
    """``text`` safe to print on one terminal line: unsafe characters as backslash escapes."""
    return UNSAFE.sub(lambda m: escaped(m.group()), text) if UNSAFE.search(text) else text


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``1 omission``, ``3 omissions`` (``many``: the plural when it is not noun + s)."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"

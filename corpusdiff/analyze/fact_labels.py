"""Facts in human words: "day: Tuesday", "month: December", "title: Representative",
"amount: $2,500,000", for the report and the UI. The normalised values (``tuesday``,
``month:12``, ``2500000 USD``) stay the comparison keys; these are only how they are shown."""

from __future__ import annotations

import re

import polars as pl

from corpusdiff.analyze.titles import office_label

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]
_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
_QUALIFIER_WORDS = {">": "more than", ">=": "at least", "<": "less than", "<=": "up to",
                    "~": "about"}
_DURATION_UNITS = {"S": "second", "H": "hour", "D": "day", "W": "week", "M": "month",
                   "Y": "year"}


def _number(text: str) -> str:
    """"2500000" -> "2,500,000"; "12.5" -> "12.5"."""
    whole, _, frac = text.partition(".")
    try:
        out = f"{int(whole):,}"
    except ValueError:
        return text
    return out + ("." + frac if frac else "")


def _clock(value: str) -> str:
    h, m = (int(x) for x in value.split(":"))
    if (h, m) == (12, 0):
        return "noon"
    if (h, m) == (0, 0):
        return "midnight"
    suffix = "a.m." if h < 12 else "p.m."
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {suffix}" if m else f"{h12} {suffix}"


def _date(value: str) -> tuple[str, str]:
    """(what, words) for a date value: ISO date, year-month, month:MM or a year."""
    if m := re.fullmatch(r"month:(\d{2})", value):
        return "month", _MONTH_NAMES[int(m.group(1)) - 1]
    if re.fullmatch(r"\d{4}", value):
        return "year", value
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return "month", f"{_MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4}|-)-(\d{2})-(\d{2})", value):
        words = f"{_MONTH_NAMES[int(m.group(2)) - 1]} {int(m.group(3))}"
        return "date", words + (f", {m.group(1)}" if m.group(1) != "-" else "")
    return "date", value


def _duration(value: str) -> str:
    m = re.fullmatch(r"PT?([\d.]+)([SMHDWY])", value)
    if not m:
        return value
    n, code = m.group(1), m.group(2)
    if code == "D" and not value.startswith("PT") and float(n) >= 14 and float(n) % 7 == 0:
        n, code = format(float(n) / 7, "g"), "W"
    unit = "minute" if value.startswith("PT") and code == "M" else _DURATION_UNITS[code]
    return f"{n} {unit}" + ("" if n == "1" else "s")


def value_words(kind: str, value: str | None, unit: str | None = None,
                qualifier: str | None = None) -> str:
    """A fact's normalised value in human words, without its slot ("Tuesday", "December",
    "5 p.m.", "more than $2,500,000", "60 firefighters", "Representative")."""
    if value is None:
        return ""
    qual = _QUALIFIER_WORDS.get(qualifier or "", "")
    lead = qual + " " if qual else ""
    if kind == "weekday":
        return value.capitalize()
    if kind == "date":
        return _date(value)[1]
    if kind == "time":
        if value.startswith("part:"):
            return value[5:]
        return _clock(value)
    if kind == "money":
        amount, _, cur = value.partition(" ")
        sign = _CURRENCY_SIGNS.get(cur)
        return lead + (f"{sign}{_number(amount)}" if sign else f"{_number(amount)} {cur}")
    if kind == "percent":
        return f"{lead}{_number(value)}%"
    if kind == "duration":
        return lead + _duration(value)
    if kind == "number":
        if unit == "tally":
            return value
        if unit == "years old":
            return f"{lead}{_number(value)} years old"
        return lead + _number(value) + (f" {unit}" if unit else "")
    if kind == "title":
        return office_label(value)
    return value


def kind_words(kind: str, value: str | None, unit: str | None = None) -> str:
    """What a fact is, in words: "day", "month", "year", "time", "vote", "age", "amount"..."""
    if kind == "date" and value is not None:
        return _date(value)[0]
    if kind == "time" and value is not None and value.startswith("part:"):
        return "time of day"
    if kind == "number":
        if unit == "tally":
            return "vote"
        if unit == "years old":
            return "age"
        return f"number of {unit}" if unit else "number"
    if kind == "place":
        return {"city": "city", "state": "state", "country": "country"}.get(unit or "", "place")
    return {"weekday": "day", "money": "amount", "percent": "percentage"}.get(kind, kind)


def fact_label(kind: str, value: str | None, unit: str | None = None,
               qualifier: str | None = None) -> str:
    """"day: Tuesday", "month: December", "title: Representative", "vote: 7-2"."""
    what = kind_words(kind, value, unit)
    words = value_words(kind, value, unit, qualifier)
    if kind == "number" and unit not in (None, "tally", "years old"):
        words = value_words(kind, value, None, qualifier)  # "number of agents: 100"
    return f"{what}: {words}"


def slot_words(slot: str) -> str:
    """A conflict slot in words: "weekday" -> "day", "number:agents" -> "number of agents",
    "role:Karen Bass" -> "title of Karen Bass", "place:city" -> "city"."""
    head, _, rest = slot.partition(":")
    if head == "role":
        return f"title of {rest}"
    if head == "number":
        return {"tally": "vote", "years old": "age"}.get(rest, f"number of {rest}")
    if head == "money":
        return "amount"
    if head == "place":
        return rest if rest in ("city", "state", "country") else "place"
    if head == "time" and rest == "part":
        return "time of day"
    return {"weekday": "day", "percent": "percentage"}.get(head, head)


def with_labels(frame: pl.DataFrame, kind: str = "kind", value: str = "value",
                unit: str | None = "unit", qualifier: str | None = "qualifier",
                out: str = "label", words: bool = False) -> pl.DataFrame:
    """``frame`` with a label column computed from its kind/value/unit/qualifier columns (the
    label ``fact_label`` gives, or the bare ``value_words`` when ``words``); computed once per
    distinct combination."""
    cols = [kind, value] + [c for c in (unit, qualifier) if c is not None]
    keys = frame.select(cols).unique()
    fn = value_words if words else fact_label
    labels = [
        fn(r[0], r[1], r[2] if unit else None, r[-1] if qualifier else None)
        for r in keys.iter_rows()
    ]
    table = keys.with_columns(pl.Series(out, labels, dtype=pl.String))
    return frame.join(table, on=cols, how="left", nulls_equal=True, maintain_order="left")


__all__ = ["fact_label", "kind_words", "slot_words", "value_words", "with_labels"]

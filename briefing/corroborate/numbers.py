"""Figures and dates in one comparable form, so "$9bn" meets "9 billion dollars" and "Feb. 14" meets "14 February".

A figure becomes a ``Figure`` (value, unit) whatever way it is written: digits with thousands separators,
scale words and abbreviations (bn, m, k), currency signs or names, per cent, and number words ("nine",
"a dozen"). Years are dates, not figures. Dates become keys as precise as the text allows: ``2020-06-09``
also yields ``06-09`` so a date written without its year still meets it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.dates import MONTHS, WEEKDAYS

_WORD_VALUES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5,
}
_SCALES = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6,
           "m": 1e6, "thousand": 1e3, "k": 1e3, "crore": 1e7, "lakh": 1e5, "hundred": 100}
_CURRENCY = {"$": "usd", "us$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "€": "eur", "eur": "eur",
             "euro": "eur", "euros": "eur", "£": "gbp", "gbp": "gbp", "pound": "gbp", "pounds": "gbp",
             "¥": "jpy", "yen": "jpy", "yuan": "cny", "rmb": "cny", "rs": "inr", "rupees": "inr", "inr": "inr",
             "pkr": "pkr", "roubles": "rub", "rubles": "rub", "rub": "rub"}
_PERCENT = {"%", "percent", "per cent", "pct"}

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_WORDS = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
FIGURE = re.compile(
    r"(?<!\w)(?=[\d$€£¥A-Za-z])(?P<cur>US\$|\$|€|£|¥|\b(?:USD|EUR|GBP|RMB|INR|PKR|Rs)\.?)?\s?"
    rf"(?:(?P<num>(?<![\w.,]){_NUMBER}(?![\d]))|(?P<word>\b(?:{_WORDS})\b))"
    r"(?:-?\s?(?P<scale>trillion|billion|million|thousand|crore|lakh|hundred|bn|mn|tn|[mbk])\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|pct\b))?"
    r"(?:\s(?P<curname>dollars|euros|pounds|yen|yuan|rupees|roubles|rubles)\b)?"
    r"(?P<ordinal>st|nd|rd|th)?",
    re.IGNORECASE)
_YEAR = re.compile(r"1[89]\d\d|20\d\d|21\d\d")
_COUNTED = re.compile(r"[\s-]+(?:(?:more|fewer|other|new|additional|extra)\s)?([A-Za-z]{3,})")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\.?\s(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?:of\s)?"
    rf"(?P<m2>{_MONTH})\b)", re.IGNORECASE)
_MAY_HOLD_NUMBER = re.compile(rf"\d|\b(?:{_WORDS})\b", re.IGNORECASE)  # one cheap scan rules most sentences out
_DIGIT = re.compile(r"\d")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number as a value with its unit ("usd", "percent", the counted noun for a count: "case" in "3 cases",
    "" for a bare number) and the text it came from."""

    value: float
    unit: str
    text: str

    def agrees_with(self, other: Figure) -> bool:
        """Same unit and the same value up to rounding ("almost $6 million" and "$5.9 million" agree)."""
        if self.unit != other.unit:
            return False
        big = max(abs(self.value), abs(other.value))
        return big == 0 or abs(self.value - other.value) <= 0.06 * big

    @property
    def key(self) -> str:
        """An index key: the unit and the value to two significant figures ("$9bn" and "9 billion dollars" meet)."""
        return f"{self.unit}:{float(f'{self.value:.2g}')!r}"


def figures_in(text: str) -> list[Figure]:
    """Every figure in ``text``; years, ordinals ("50th") and a lone "one" are not figures."""
    found: list[Figure] = []
    if not _MAY_HOLD_NUMBER.search(text):
        return found
    for m in FIGURE.finditer(text):
        if not (m.group("num") or m.group("word")) or m.group("ordinal"):
            continue
        raw = m.group("num") or m.group("word").lower()
        scale = (m.group("scale") or "").lower()
        if m.group("word"):
            value = float(_WORD_VALUES[raw])
        else:
            value = float(raw.replace(",", ""))
            if not scale and not m.group("cur") and not m.group("pct") and _YEAR.fullmatch(raw):
                continue  # a year: dates deal with it
        if scale in ("m", "b", "k") and not m.group("cur"):
            continue  # "5m" may be metres; only money abbreviates millions that way
        value *= _SCALES.get(scale, 1.0)
        currency = (m.group("cur") or m.group("curname") or "").lower().rstrip(".")
        unit = "percent" if m.group("pct") else _CURRENCY.get(currency, "")
        if not unit:  # a count: what is counted is its unit ("3 cases" and "4 cases" differ, "55" is apart)
            counted = _COUNTED.match(text, m.end())
            unit = counted.group(1).lower().removesuffix("s") if counted else ""
        found.append(Figure(value, unit, m.group(0).strip()))
    return found


def date_keys(text: str, values: list[str]) -> set[str]:
    """Comparable keys for the dates of a fact: ISO values (with their month-day part), month-days found in
    the text without a year, and weekdays (weak: several events share a Monday)."""
    keys: set[str] = set()
    for value in values:
        if len(value) == 10:
            keys.add(value)
            keys.add(value[5:])
        elif len(value) == 7:
            keys.add(value)
    for m in (_DAY_MONTH.finditer(text) if _DIGIT.search(text) else ()):
        month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        day = int(m.group("d1") or m.group("d2"))
        if 1 <= day <= 31:
            keys.add(f"{month:02d}-{day:02d}")
    for m in (_WEEKDAY.finditer(text) if "day" in text or "DAY" in text else ()):
        keys.add(m.group(1).lower())
    return keys


def years_in(text: str) -> set[str]:
    """Four-digit years mentioned in ``text``."""
    return {m.group(0) for m in re.finditer(r"(?<![\d,.$])(?:1[89]\d\d|20\d\d)(?![\d,])", text)}

"""Dates as written and as ISO: "July 5, 2025" -> 2025-07-05, "Jan. 2026" -> 2026-01, "Monday" -> relative.

One compiled pattern finds every date form in a stretch of text. A value is only as precise as the text
(a year, a year-month or a full date) and is empty when the text does not allow one: a weekday or a date
without a year needs the publication date, and 03/04/2025 is ambiguous (day-month or month-day).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.extraction import Extraction
    from briefing.core.source import DateMention

MONTHS = {name: i for i, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec"), 1)
    for name in names.split()}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _after(*words: str) -> str:
    """Preceded by one of ``words`` and a space (look-behinds must be fixed-width, so one per word)."""
    return "(?:" + "|".join(rf"(?<=\b{w}[ ])" for w in words) + ")"


_MONTH_CUE = _after("in", "by", "of", "since", "until", "during", "early", "late", "mid")
_YEAR_CUE = _after("in", "by", "of", "since", "until", "from", "during", "before", "after", "year")

# The leading look-around lets the engine reject most positions with one test instead of ten alternatives.
DATE_PATTERN = re.compile(
    r"(?<!\w)(?=[\dA-Zty])(?:"
    rf"(?P<mdy>\b(?P<m1>{_MONTH})\.?[ ](?P<d1>{_DAY})\b(?!,\d|[.:]\d)(?:,?[ ](?P<y1>{_YEAR})\b)?)"
    rf"|(?P<dmy>\b(?P<d2>{_DAY})[ ](?:of[ ])?(?P<m2>{_MONTH})\b\.?(?:,?[ ](?P<y2>{_YEAR})\b)?)"
    rf"|(?P<my>\b(?P<m3>{_MONTH})\.?,?[ ](?P<y3>{_YEAR})\b)"
    rf"|(?P<iso>\b(?P<y4>{_YEAR})-(?P<m4>0[1-9]|1[0-2])-(?P<d4>0[1-9]|[12]\d|3[01])\b)"
    rf"|(?P<num>\b(?P<a5>\d\d?)[/.](?P<b5>\d\d?)[/.](?P<y5>{_YEAR})\b)"
    rf"|(?P<rel>\b(?P<wd>{_WEEKDAY})\b)"
    rf"|(?P<near>\b(?:today|yesterday|tomorrow)\b)"
    rf"|(?P<mon>{_MONTH_CUE}(?P<m6>{_FULL_MONTH})\b(?![ ]\d))"
    rf"|(?P<year>{_YEAR_CUE}(?P<y7>{_YEAR})\b(?![-/]\d|,\d))"
    r")"
)
# "last week", "next month", "this year": resolved against the publication date, never guessed without it.
_RELATIVE_PERIOD = re.compile(r"\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)[ ](?P<unit>week|month|year)\b")
_DIRECTION = re.compile(r"\b(last|next|this|coming)[ ]$", re.IGNORECASE)
_DATE_LINE = re.compile(
    rf"(?:(?:Published|Updated|Posted|Last updated|Dated?)(?:[ ]on)?[ ]*:?[ ]*)?(?:{_WEEKDAY},?[ ])?"
    rf"(?P<date>.+?)(?:[, ]+(?:at[ ])?\d\d?[:.]\d\d(?:[ ]?(?:[ap]\.?m\.?|[AP]M))?(?:[ ][A-Z]{{2,4}})?)?",
    re.IGNORECASE)


@dataclass
class DateHit:
    """A date found in the text: where, as written, its ISO value, and what a weekday needs to resolve."""

    start: int
    end: int
    text: str
    value: str
    weekday: int = -1  # 0 = Monday; -1 when not a weekday
    direction: str = ""  # last | next | this | coming | today | yesterday | tomorrow
    unit: str = ""  # week | month | year, for "last week", "next month", "this year"


def _iso(year: str | int | None, month: int | None = None, day: int | None = None) -> str:
    if not year:
        return ""
    try:
        if day:
            return dt.date(int(year), month or 1, day).isoformat()
    except ValueError:
        return ""
    return f"{int(year):04d}-{month:02d}" if month else f"{int(year):04d}"


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _year_of(published: str) -> str:
    return published[:4] if published[:4].isdigit() else ""


def _hit_value(m: re.Match[str], published: str) -> tuple[str, int, str]:
    """(ISO value, weekday, direction) of a DATE_PATTERN match."""
    g = m.group
    default_year = _year_of(published)
    if g("mdy"):
        return _iso(g("y1") or default_year, MONTHS[g("m1").lower()], _day(g("d1"))), -1, ""
    if g("dmy"):
        return _iso(g("y2") or default_year, MONTHS[g("m2").lower()], _day(g("d2"))), -1, ""
    if g("my"):
        return _iso(g("y3"), MONTHS[g("m3").lower()]), -1, ""
    if g("iso"):
        return _iso(g("y4"), int(g("m4")), int(g("d4"))), -1, ""
    if g("num"):
        a, b = int(g("a5")), int(g("b5"))
        if a > 12 >= b:
            return _iso(g("y5"), b, a), -1, ""
        if b > 12 >= a or a == b:
            return _iso(g("y5"), a, b), -1, ""
        return "", -1, ""  # 03/04/2025: day-month or month-day? not guessed
    if g("rel"):
        return "", WEEKDAYS[g("wd").lower()], ""
    if g("near"):
        return "", -1, g("near").lower()
    if g("mon"):
        return _iso(default_year, MONTHS[g("m6").lower()]), -1, ""
    return g("y7") or "", -1, ""


def find_dates(text: str, start: int, end: int, published: str = "") -> list[DateHit]:
    """Every date in ``text[start:end]``; relative ones are resolved later with ``resolve_relative``."""
    hits = []
    for m in DATE_PATTERN.finditer(text, start, end):
        value, weekday, direction = _hit_value(m, published)
        a = m.start()
        if weekday >= 0:  # "last Monday", "next Friday": the direction word belongs to the date
            before = _DIRECTION.search(text, max(start, a - 8), a)
            if before:
                a, direction = before.start(), before.group(1).lower()
        hits.append(DateHit(a, m.end(), text[a:m.end()], value, weekday, direction))
    periods = [DateHit(m.start(), m.end(), m.group(), "", -1, m.group("dir").lower(), m.group("unit"))
               for m in _RELATIVE_PERIOD.finditer(text, start, end)]
    if periods:
        hits = sorted(hits + periods, key=lambda h: h.start)
    return hits


def _period(unit: str, direction: str, published: str) -> str:
    """"last week" -> the ISO week before publication ("2025-W27"), "next month" -> "2025-08", "this
    year" -> "2025"; "" when the publication date is not precise enough for the unit."""
    step = {"last": -1, "next": 1, "coming": 1, "this": 0}[direction]
    if unit == "year":
        year = _year_of(published)
        return f"{int(year) + step:04d}" if year else ""
    if unit == "month":
        m = re.match(r"(\d{4})-(\d\d)", published)
        if not m:
            return ""
        months = int(m.group(1)) * 12 + int(m.group(2)) - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    try:
        day = dt.date.fromisoformat(published[:10]) + dt.timedelta(weeks=step)
    except ValueError:
        return ""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def resolve_relative(hit: DateHit, published: str, future: bool) -> str:
    """ISO date of "Monday", "next Friday", "yesterday" given a full publication date, else ""; ISO week,
    month or year of "last week", "next month", "this year" given a date precise enough.

    A bare weekday in a sentence about the future is the next such day after publication; otherwise the
    most recent one on or before it (news reports "met on Monday" after the fact).
    """
    if hit.unit:
        return _period(hit.unit, hit.direction, published)
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return ""
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if hit.direction in shift:
        return (base + dt.timedelta(days=shift[hit.direction])).isoformat()
    if hit.weekday < 0:
        return hit.value
    ahead = (hit.weekday - base.weekday()) % 7
    if hit.direction in ("next", "coming") or (future and hit.direction != "last"):
        return (base + dt.timedelta(days=ahead or 7)).isoformat()
    behind = (base.weekday() - hit.weekday) % 7
    if hit.direction == "last":
        behind = behind or 7
    return (base - dt.timedelta(days=behind)).isoformat()


def parse_date_line(line: str) -> str | None:
    """ISO value if a whole line is just a date ("Published July 5, 2025 10:30am"), else None."""
    m = _DATE_LINE.fullmatch(line.strip())
    if not m:
        return None
    date = m.group("date").strip(" ,.")
    d = DATE_PATTERN.fullmatch(date)
    if not d or not (d.group("mdy") or d.group("dmy") or d.group("my") or d.group("iso") or d.group("num")):
        return None
    return _hit_value(d, "")[0] or None


def redated_facts(extraction: Extraction, published: str) -> dict[str, list[DateMention]]:
    """The facts of ``extraction`` whose dates read differently with ``published`` as the publication date
    ("on Tuesday" is another day; "5 July" gains the year), by fact id, with all their dates re-resolved.

    Used when the analyst corrects a source's date: the brief takes these as one undoable change."""
    from briefing.core.source import DateMention

    text = extraction.source.text
    changed: dict[str, list[DateMention]] = {}
    for fact in extraction.facts:
        hits = find_dates(text, fact.start, fact.end, published)
        dates = [DateMention(h.text, h.value or resolve_relative(h, published, fact.kind == "plan")) for h in hits]
        if [(d.text, d.value) for d in dates] != [(d.text, d.value) for d in fact.dates]:
            changed[fact.id] = dates
    return changed

"""The dated facts of a brief's sources in date order: the timeline view and a section laid out as a chronology.

A fact is dated by its first date that has a value (the extraction resolves "Monday" against the publication
date). A day written without its year ("June 9") takes the year of its source: the publication year, else the
year the source's own dates mention most. A claim several sources report (one corroboration group) is one
entry, citing every source.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.extraction import Extraction
    from briefing.core.fact import Fact

_MONTHS = {m: i for i, names in enumerate(("jan january", "feb february", "mar march", "apr april", "may",
                                           "jun june", "jul july", "aug august", "sep sept september",
                                           "oct october", "nov november", "dec december"), 1)
           for m in names.split()}
_MONTH_DAY = re.compile(r"^(?:([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                        r"([A-Za-z]+)\.?)$")
_YEAR = re.compile(r"^\d{4}")


@dataclass(frozen=True)
class TimelineEntry:
    """One dated fact: ``when`` is ISO as precise as known (year, year-month or day), ``date_text`` the date
    as the source wrote it, ``source_ids`` the fact's source first, then the others reporting it."""

    when: str
    date_text: str
    fact_id: str
    source_ids: tuple[str, ...]


def source_year(extraction: Extraction) -> str:
    """The year a day written without one belongs to: the publication year, else the year the source mentions most."""
    published = _YEAR.match(extraction.source.published or "")
    if published:
        return published.group(0)
    years = Counter(d.value[:4] for f in extraction.facts for d in f.dates if _YEAR.match(d.value))
    return years.most_common(1)[0][0] if years else ""


def _month_day(text: str) -> tuple[int, int] | None:
    m = _MONTH_DAY.match(text.strip())
    if not m:
        return None
    month = _MONTHS.get((m.group(1) or m.group(4) or "").lower())
    day = int(m.group(2) or m.group(3))
    return (month, day) if month and 1 <= day <= 31 else None


def fact_date(fact: Fact, year: str = "") -> tuple[str, str] | None:
    """(ISO date, date as written) of the fact's first usable date, or None. ``year`` completes a day
    written without one."""
    for mention in fact.dates:
        if mention.value:
            return mention.value, mention.text
        found = _month_day(mention.text)
        if found and year:
            return f"{year}-{found[0]:02d}-{found[1]:02d}", mention.text
    return None


def timeline(brief: Brief, fact_ids: Iterable[str] | None = None) -> list[TimelineEntry]:
    """Dated facts in date order (the same date: in the brief's order), of every source or of ``fact_ids``.

    Facts of one corroboration group give one entry, the first of them in the order considered."""
    ids = [f.id for f in brief.facts] if fact_ids is None else [fid for fid in fact_ids if brief.has_fact(fid)]
    years = {sid: source_year(x) for sid, x in brief.extractions.items()}
    entries: list[TimelineEntry] = []
    shown: set[int] = set()
    for fid in ids:
        fact = brief.fact(fid)
        groups = {id(g) for g in brief.corroboration.groups_of(fid)}
        if groups & shown:
            continue
        dated = fact_date(fact, years.get(fact.source_id, ""))
        if dated is None:
            continue
        shown |= groups
        entries.append(TimelineEntry(dated[0], dated[1], fid, tuple(brief.cited_sources(fid))))
    order = {e.fact_id: k for k, e in enumerate(entries)}
    return sorted(entries, key=lambda e: (e.when, order[e.fact_id]))

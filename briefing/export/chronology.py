"""What corroboration adds to an export: a conflict's comment text, and a timeline section's facts in date order.

Kept out of ``layout`` (which calls these) so the plan of the brief stays one readable module.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.core.timeline import fact_date, source_year
from briefing.export.clean import clean_line

if TYPE_CHECKING:
    from briefing.core.brief import Brief, Section
    from briefing.export.layout import Item

TIMELINE = "timeline"  # a section layout: a table of date, event and sources, in date order
WHAT = {"figure": "a figure", "date": "a date", "attribution": "who said it", "other": "a detail"}


def conflict_comment(brief: Brief, fact_id: str, numbers: dict[str, int]) -> str:
    """The Word comment on a placed fact whose sources disagree: each variant with its source's number and
    name, one per line; "" when they agree."""
    conflict = brief.corroboration.conflict_of(fact_id)
    if conflict is None:
        return ""
    lines = [f"The sources disagree on {WHAT.get(conflict.what, 'a detail')}:"]
    for variant in conflict.variants:
        source = brief.extractions.get(variant.source_id)
        name = clean_line(source.source.publisher or source.source.title or source.source.path) if source else ""
        number = f"[{numbers[variant.source_id]}] " if variant.source_id in numbers else ""
        lines.append(f"{clean_line(variant.value)}: {number}{name}".rstrip())
    if not conflict.variants:
        lines.append(clean_line(conflict.note))
    return "\n".join(lines)


def in_date_order(brief: Brief, section: Section, items: tuple[Item, ...]) -> tuple[Item, ...]:
    """A timeline section's items: the dated ones in date order (the same date: the analyst's order), each with
    its date as written, then the undated ones in the analyst's order."""
    years = {sid: source_year(x) for sid, x in brief.extractions.items()}
    dated, undated = [], []
    for k, (placement, item) in enumerate(zip(section.placements, items)):
        fact = brief.fact(placement.fact_id)
        found = fact_date(fact, years.get(fact.source_id, ""))
        if found is None:
            undated.append(item)
        else:
            dated.append((found[0], k, replace(item, date=clean_line(found[1]))))
    return tuple(item for _when, _k, item in sorted(dated, key=lambda row: row[:2])) + tuple(undated)

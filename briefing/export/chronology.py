"""What corroboration adds to an export: a conflict's comment text, and a timeline section's facts in date order.

Kept out of ``layout`` (which calls these) so the plan of the brief stays one readable module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.timeline import fact_date, source_year
from briefing.export.clean import clean_line

if TYPE_CHECKING:
    from briefing.core.brief import Brief, Placement, Section

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


def in_date_order(brief: Brief, section: Section) -> list[tuple[Placement, str]]:
    """A timeline section's placements with their dates as written: the dated ones in date order (the same
    date: the analyst's order), then the undated ones in the analyst's order with an empty date."""
    years = {sid: source_year(x) for sid, x in brief.extractions.items()}
    dated, undated = [], []
    for k, placement in enumerate(section.placements):
        fact = brief.fact(placement.fact_id) if brief.has_fact(placement.fact_id) else None
        found = fact_date(fact, years.get(fact.source_id, "")) if fact is not None else None
        if found is None:
            undated.append((placement, ""))
        else:
            dated.append((found[0], k, placement, clean_line(found[1])))
    return [(placement, date) for _when, _k, placement, date in sorted(dated, key=lambda row: row[:2])] + undated

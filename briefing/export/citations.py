"""One numbering of sources shared by Word, preview and text, so a ``[n]`` means the same source everywhere.

Sources are numbered in the order the brief first cites them (reading order: sections top to bottom,
placements in order), then the sources the brief holds but does not cite, in the order they were added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.brief import Brief, Placement
    from briefing.core.source import Source


def source_numbers(brief: Brief) -> dict[str, int]:
    """Source id -> citation number (1-based). Placements of unknown facts are skipped here."""
    numbers: dict[str, int] = {}
    for section in brief.sections:
        for placement in section.placements:
            if not brief.has_fact(placement.fact_id):
                continue
            sid = brief.fact(placement.fact_id).source_id
            if sid not in numbers:
                numbers[sid] = len(numbers) + 1
    for sid in brief.extractions:
        if sid not in numbers:
            numbers[sid] = len(numbers) + 1
    return numbers


def placement_sources(brief: Brief, placement: Placement) -> list[str]:
    """Source ids a placement cites: its fact's own source, then every other source reporting the same claim
    (``Brief.corroboration``). Empty for a placement of a fact the brief no longer holds."""
    if not brief.has_fact(placement.fact_id):
        return []
    return [sid for sid in brief.cited_sources(placement.fact_id) if sid in brief.extractions]


def numbered_sources(brief: Brief) -> list[tuple[int, Source]]:
    """(number, source) in numbering order, for the closing Sources section."""
    numbers = source_numbers(brief)
    found = [(n, brief.extractions[sid].source) for sid, n in numbers.items() if sid in brief.extractions]
    return sorted(found, key=lambda pair: pair[0])

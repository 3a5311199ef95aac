"""What an export leaves out or lacks, said before it is written: the rules the app's dialog and the CLI share.

A reader never sees a section the template does not have ("Unplaced") nor an empty heading; a section the
template requires (``min`` >= 1) is kept even when empty, and said so. Sources cited without a publisher or a
date are named too, because a citation without them cannot be checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.section import UNPLACED_ID

if TYPE_CHECKING:
    from briefing.core.brief import Brief, Section


def exported(section: Section) -> bool:
    """Whether ``section`` reaches the reader: never "Unplaced"; an empty one only when the template requires it."""
    if section.id == UNPLACED_ID:
        return False
    return not section.is_empty or section.required


@dataclass(frozen=True)
class ExportReport:
    """What the analyst should know before exporting; every list empty means nothing to say."""

    unplaced: tuple[str, ...] = ()  # what waits in "Unplaced", one short line per item
    empty_left_out: tuple[str, ...] = ()  # titles of empty sections left out
    empty_required: tuple[str, ...] = ()  # titles of empty sections kept because the template requires them
    sources_lacking: tuple[str, ...] = ()  # "Title: no publisher, no date" for cited sources

    def __bool__(self) -> bool:
        return bool(self.unplaced or self.empty_left_out or self.empty_required or self.sources_lacking)

    def lines(self) -> list[str]:
        """The report as sentences, one per kind of problem."""
        out = []
        if self.unplaced:
            out.append(f"Left out, waiting in Unplaced: {'; '.join(self.unplaced)}.")
        if self.empty_left_out:
            out.append(f"Empty sections left out: {', '.join(self.empty_left_out)}.")
        if self.empty_required:
            out.append(f"Required sections still empty (kept as headings): {', '.join(self.empty_required)}.")
        if self.sources_lacking:
            out.append(f"Cited sources missing details: {'; '.join(self.sources_lacking)}.")
        return out

    def one_line(self) -> str:
        """The report on one line (the CLI's stderr warning)."""
        return " ".join(self.lines())


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def export_report(brief: Brief) -> ExportReport:
    """What exporting ``brief`` now would leave out, keep empty, or cite without publisher or date."""
    unplaced: list[str] = []
    left_out: list[str] = []
    required: list[str] = []
    cited: dict[str, None] = {}
    for section in brief.sections:
        if section.id == UNPLACED_ID:
            unplaced.extend(f"a fact ({_short(brief.wording(p))})" for p in section.placements
                            if brief.has_fact(p.fact_id))
            unplaced.extend(f"the text of {h.title or h.origin}" for h in section.held if h.text.strip())
            if section.text.strip():
                unplaced.append(f"text ({_short(section.text)})")
            continue
        if section.is_empty:
            (required if section.required else left_out).append(section.title or section.id)
        for p in section.placements:
            if brief.has_fact(p.fact_id):
                cited.update(dict.fromkeys(brief.cited_sources(p.fact_id)))
    lacking = []
    for sid in cited:
        if sid not in brief.extractions:
            continue
        source = brief.extractions[sid].source
        missing = [what for what, value in (("no publisher", source.publisher), ("no date", source.published))
                   if not value.strip()]
        if missing:
            lacking.append(f"{_short(source.title or source.id, 40)}: {', '.join(missing)}")
    return ExportReport(tuple(unplaced), tuple(left_out), tuple(required), tuple(lacking))

"""The brief's plain text in reading order: what the Word body says, line for line (tests compare them).

Shape: the title; one ``Label<TAB>value`` line per metadata row; per section its heading, each fact's
wording followed by its citation marker, then the analyst's paragraphs; then ``Abbreviations`` and
``Sources`` with their entries. List numbers and bullets are Word's formatting, not text, so they are absent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.export.layout import (
    ABBREVIATIONS_TITLE,
    SOURCES_TITLE,
    BriefLayout,
    brief_layout,
    citation_marker,
)

if TYPE_CHECKING:
    from briefing.core.brief import Brief

ABBREVIATION_DASH = " \u2014 "


def abbreviation_line(acronym: str, expansion: str) -> str:
    """An Abbreviations entry, written the same way in Word, the preview and this text."""
    return f"{acronym}{ABBREVIATION_DASH}{expansion}"


def source_line(number: int, citation: str) -> str:
    """A Sources entry as it reads in the text: ``[n] citation``."""
    return f"[{number}] {citation}"


def layout_lines(layout: BriefLayout) -> list[str]:
    """One string per Word paragraph or table row, in document order."""
    lines = [layout.title]
    lines.extend(f"{label}\t{value}" for label, value in layout.metadata)
    for section in layout.sections:
        lines.append(section.title)
        lines.extend((f"{item.date}\t" if item.date else "") + item.text + citation_marker(*item.citations)
                     for item in section.items)
        lines.extend(section.paragraphs)
    if layout.abbreviations:
        lines.append(ABBREVIATIONS_TITLE)
        lines.extend(abbreviation_line(a, e) for a, e in layout.abbreviations)
    if layout.sources:
        lines.append(SOURCES_TITLE)
        lines.extend(source_line(s.number, s.citation) for s in layout.sources)
    return lines


def brief_to_text(brief: Brief) -> str:
    """The brief as plain text, lines joined with newlines (a line may itself hold a line break)."""
    return "\n".join(layout_lines(brief_layout(brief)))

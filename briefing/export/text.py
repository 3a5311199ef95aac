"""The brief's plain text in reading order: what the Word body says, line for line (tests compare them).

Shape: the title; one ``Label<TAB>value`` line per metadata row; per section its heading, each fact's
wording followed by its citation in the brief's style, then the analyst's paragraphs; then ``Abbreviations``
and ``Sources`` with their entries. List numbers and bullets are Word's formatting, not text, so they are
absent. With footnotes, a fact ends in its footnote number in superscript digits and the footnotes follow at
the end under ``Notes``: plain text has no foot of the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.export.citations import footnote_text, superscript
from briefing.export.layout import (
    ABBREVIATIONS_TITLE,
    SOURCES_TITLE,
    BriefLayout,
    Item,
    SourceEntry,
    brief_layout,
)

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.export.citations import CitationOptions

ABBREVIATION_DASH = " \u2014 "
NOTES_TITLE = "Notes"


def abbreviation_line(acronym: str, expansion: str) -> str:
    """An Abbreviations entry, written the same way in Word, the preview and this text."""
    return f"{acronym}{ABBREVIATION_DASH}{expansion}"


def source_line(number: int, citation: str) -> str:
    """A numbered Sources entry as it reads in the text: ``[n] citation``."""
    return f"[{number}] {citation}"


def source_entry_line(layout: BriefLayout, entry: SourceEntry) -> str:
    """A Sources entry in the brief's style: ``[n] citation`` when numbered, else the citation alone."""
    return source_line(entry.number, entry.citation) if layout.source_prefix else entry.citation


def item_line(item: Item) -> str:
    """A placed fact with its citation: ``wording [1]``, ``wording (Publisher, date)`` or ``wording¹``."""
    date = f"{item.date}\t" if item.date else ""
    return date + item.text + item.marker + (superscript(item.footnote) if item.footnote else "")


def footnote_lines(layout: BriefLayout) -> list[str]:
    """Each footnote as ``¹ citation; citation``, in reading order (none unless the style is footnotes)."""
    return [f"{superscript(item.footnote)} {footnote_text([s.citation for s in layout.footnote_entries(item)])}"
            for section in layout.sections for item in section.items if item.footnote]


def layout_lines(layout: BriefLayout) -> list[str]:
    """One string per Word paragraph or table row, in document order (then the footnotes, if any)."""
    lines = [layout.title]
    lines.extend(f"{label}\t{value}" for label, value in layout.metadata)
    for section in layout.sections:
        lines.append(section.title)
        lines.extend(item_line(item) for item in section.items)
        lines.extend(section.paragraphs)
    if layout.abbreviations:
        lines.append(ABBREVIATIONS_TITLE)
        lines.extend(abbreviation_line(a, e) for a, e in layout.abbreviations)
    if layout.listed_sources:
        lines.append(SOURCES_TITLE)
        lines.extend(source_entry_line(layout, s) for s in layout.listed_sources)
    notes = footnote_lines(layout)
    if notes:
        lines.append(NOTES_TITLE)
        lines.extend(notes)
    return lines


def brief_to_text(brief: Brief, citations: CitationOptions | None = None) -> str:
    """The brief as plain text, lines joined with newlines (a line may itself hold a line break)."""
    return "\n".join(layout_lines(brief_layout(brief, citations)))

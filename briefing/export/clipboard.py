"""The brief, or one placed fact, as the clipboard carries it: HTML for mail programs and plain text beside it.

Both come from the export's layout, in the brief's citation style, so a pasted brief says what the Word file
says: headings, bullets or numbers, each fact's citation, Abbreviations, Sources, and the footnotes as notes
at the end. What only the analyst sees in the app (guidance, highlights) stays out. A single fact copies with
its own citation complete: its marker renumbered from 1 and the sources it cites, so it stands alone in an
email. The UI puts ``html`` and ``text`` into one QMimeData (``setHtml``, ``setText``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefing.export.citations import (
    AUTHOR_DATE,
    NUMBERED,
    author_date_marker,
    numbered_marker,
)
from briefing.export.layout import (
    ABBREVIATIONS_TITLE,
    SOURCES_TITLE,
    BriefLayout,
    SectionBlock,
    brief_layout,
)
from briefing.export.preview import FONT, item_html, layout_to_html, sources_html
from briefing.export.text import (
    NOTES_TITLE,
    abbreviation_line,
    footnote_lines,
    item_line,
    source_entry_line,
)

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.export.citations import CitationOptions

BULLET = "\u2022 "


@dataclass(frozen=True)
class ClipboardContent:
    """The same content twice: ``html`` (rich, inline styles only) and ``text`` (plain, for any program)."""

    html: str
    text: str


def _section_text(section: SectionBlock) -> list[str]:
    lines = [section.title]
    for k, item in enumerate(section.items, start=1):
        mark = {"bullets": BULLET, "numbered": f"{k}. "}.get(section.layout, "")
        lines.append(mark + item_line(item))
    lines.extend(section.paragraphs)
    return lines


def layout_to_plain(layout: BriefLayout) -> str:
    """The brief as a reader's plain text: blocks apart by blank lines, bullets and list numbers written out,
    the header as ``Label: value``, the classification marking above and below as on every Word page."""
    blocks: list[list[str]] = []
    marking = layout.classification.upper()
    if marking:
        blocks.append([marking])
    blocks.append([layout.title, *(f"{label}: {value}" for label, value in layout.metadata)])
    blocks.extend(_section_text(section) for section in layout.sections)
    if layout.abbreviations:
        blocks.append([ABBREVIATIONS_TITLE, *(abbreviation_line(a, e) for a, e in layout.abbreviations)])
    if layout.listed_sources:
        blocks.append([SOURCES_TITLE, *(source_entry_line(layout, s) for s in layout.listed_sources)])
    notes = footnote_lines(layout)
    if notes:
        blocks.append([NOTES_TITLE, *notes])
    if marking:
        blocks.append([marking])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def brief_clipboard(brief: Brief, citations: CitationOptions | None = None) -> ClipboardContent:
    """The whole brief for Edit › Copy Brief, citing as ``citations`` says (numbered when None; the app passes
    the export's options, ``citation_options(template, style)``)."""
    layout = brief_layout(brief, citations)
    return ClipboardContent(html=layout_to_html(layout, analyst=False), text=layout_to_plain(layout))


def _alone(layout: BriefLayout, placement_id: str) -> BriefLayout:
    """A layout holding only the placed fact ``placement_id`` and the sources it cites, numbered from 1."""
    item = next(i for s in layout.sections for i in s.items if i.placement_id == placement_id)
    entries = [replace(layout.source(n), number=k) for k, n in enumerate(item.sources, start=1)]
    numbers = tuple(e.number for e in entries)
    style = layout.citations.style
    marker = numbered_marker(numbers) if style == NUMBERED else \
        author_date_marker([e.short for e in entries]) if style == AUTHOR_DATE else ""
    alone = replace(item, sources=numbers, marker=marker, footnote=1 if item.footnote else 0)
    section = SectionBlock(id="", title="", layout="paragraphs", guidance="", items=(alone,), paragraphs=())
    # With footnotes the note names the sources already; a list below it would say it twice.
    options = replace(layout.citations, sources_section=layout.citations.sources_section and not item.footnote)
    return replace(layout, sections=(section,), sources=tuple(entries), abbreviations=(), metadata=(),
                   citations=options)


def placement_clipboard(brief: Brief, placement_id: str, citations: CitationOptions | None = None) \
        -> ClipboardContent:
    """One placed fact (its wording in the brief) with its citation in the brief's style, followed by the
    sources it cites: ``Wording [1]`` / ``[1] Publisher, “Title”, date, URL``. Raises ``BriefError`` for an
    unknown placement id."""
    brief.placement(placement_id)  # BriefError when it is not in the brief
    layout = _alone(brief_layout(brief, citations), placement_id)
    item = layout.sections[0].items[0]
    lines = [item_line(item)]
    if layout.listed_sources:
        lines.extend(source_entry_line(layout, s) for s in layout.listed_sources)
    lines.extend(footnote_lines(layout))
    body = [f"<p>{item_html(item, analyst=False)}</p>"]
    body.extend(part for part in sources_html(layout, analyst=False) if not part.startswith("<h2"))
    html = f'<html><body style="font-family:{FONT}; font-size:11pt">\n' + "\n".join(body) + "\n</body></html>"
    return ClipboardContent(html=html, text="\n".join(lines))

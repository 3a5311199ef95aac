"""The brief as simple HTML for Qt's QTextBrowser: how it will read in Word, recomputed as the brief changes.

Only Qt's rich-text subset is used (headings, paragraphs, lists, a plain table, inline styles). It mirrors
the Word export from the same layout, with two analyst-only touches: an empty section shows its guidance in
grey italics (Word keeps it in a comment), and a reworded or annotated fact is highlighted the way Word
highlights commented text. Anchors ``section-<id>`` and ``<placement id>`` let the view scroll to an item.
The same HTML without those touches is what the clipboard carries (``clipboard``): inline styles only, which
mail programs keep. Footnotes, having no page to sit at the foot of, follow the brief under "Notes".
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from briefing.export.citations import FOOTNOTE_SEPARATOR, footnote_pieces
from briefing.export.layout import (
    ABBREVIATIONS_TITLE,
    SOURCES_TITLE,
    BriefLayout,
    Item,
    SectionBlock,
    SourceEntry,
    brief_layout,
)
from briefing.export.text import ABBREVIATION_DASH, NOTES_TITLE

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.export.citations import CitationOptions

FONT = "Arial, Helvetica, sans-serif"
GREY = "#595959"
GUIDANCE_GREY = "#808080"
COMMENT_HIGHLIGHT = "#fbeec1"  # close to Word's highlight of commented text
_LIST_TAGS = {"bullets": "ul", "numbered": "ol"}


def _text(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br/>")


def _heading(title: str, anchor: str = "") -> str:
    name = f'<a name="{escape(anchor)}"></a>' if anchor else ""
    return (f'<h2 style="font-size:14pt; font-weight:bold; margin-top:14px; margin-bottom:4px">'
            f"{name}{_text(title)}</h2>")


def item_html(item: Item, analyst: bool = True) -> str:
    """A placed fact with its citation (``&nbsp;[1]``, ``&nbsp;(Publisher, date)`` or a superscript footnote
    number); for the analyst also its scroll anchor and the highlight of a commented fact."""
    words = _text(item.text)
    if analyst and (item.original or item.note or item.conflict):
        words = f'<span style="background-color:{COMMENT_HIGHLIGHT}">{words}</span>'
    anchor = f'<a name="{escape(item.placement_id)}"></a>' if analyst else ""
    note = f"<sup>{item.footnote}</sup>" if item.footnote else ""
    date = f"<b>{_text(item.date)}</b> " if item.date else ""
    return f"{anchor}{date}{words}{_text(item.marker).replace(chr(0xA0), '&nbsp;')}{note}"


def citation_html(citation: str, url: str) -> str:
    """A source's citation, its web address (if any) a link."""
    at = citation.rfind(url) if url else -1
    if at < 0:
        return _text(citation)
    return (f'{_text(citation[:at])}<a href="{escape(url)}">{_text(url)}</a>'
            f"{_text(citation[at + len(url):])}")


def footnote_html(entries: tuple[SourceEntry, ...]) -> str:
    """A footnote's text: every source the fact cites, each address a link."""
    pieces = footnote_pieces([e.citation for e in entries])
    return FOOTNOTE_SEPARATOR.join(citation_html(piece, e.url) for piece, e in zip(pieces, entries))


def _section(section: SectionBlock, analyst: bool) -> list[str]:
    parts = [_heading(section.title, f"section-{section.id}" if analyst else "")]
    if analyst and section.is_empty and section.guidance:
        parts.append(f'<p style="color:{GUIDANCE_GREY}; font-style:italic">{_text(section.guidance)}</p>')
    if section.items:
        tag = _LIST_TAGS.get(section.layout)
        if tag:
            parts.append(f'<{tag} style="margin-top:0px; margin-bottom:4px">')
            parts.extend(f'<li style="margin-bottom:4px">{item_html(i, analyst)}</li>' for i in section.items)
            parts.append(f"</{tag}>")
        else:
            parts.extend(f"<p>{item_html(i, analyst)}</p>" for i in section.items)
    parts.extend(f"<p>{_text(p)}</p>" for p in section.paragraphs)
    return parts


def sources_html(layout: BriefLayout, analyst: bool = True) -> list[str]:
    """The closing Sources list (as the style and template want it), then the footnotes under Notes."""
    parts: list[str] = []
    if layout.listed_sources:
        parts.append(_heading(SOURCES_TITLE, "sources" if analyst else ""))
        parts.extend(f"<p>{f'[{s.number}] ' if layout.source_prefix else ''}{citation_html(s.citation, s.url)}</p>"
                     for s in layout.listed_sources)
    notes = [i for s in layout.sections for i in s.items if i.footnote]
    if notes:
        parts.append(_heading(NOTES_TITLE, "notes" if analyst else ""))
        parts.extend(f'<p style="font-size:9pt"><sup>{i.footnote}</sup> {footnote_html(layout.footnote_entries(i))}'
                     "</p>" for i in notes)
    return parts


def layout_to_html(layout: BriefLayout, *, analyst: bool = True) -> str:
    """The laid-out brief in Qt's rich-text subset, in the order of the Word body; every text is escaped.

    ``analyst=False`` leaves out what only the analyst should see (guidance, highlights, anchors): the brief
    as a reader gets it, for the clipboard."""
    parts = [f'<html><body style="font-family:{FONT}; font-size:11pt">']
    marking = f'<p align="center" style="color:{GREY}; font-size:9pt; font-weight:bold">' \
              f"{_text(layout.classification.upper())}</p>" if layout.classification else ""
    parts.append(marking)
    parts.append(f'<p style="font-size:20pt; font-weight:bold; margin-bottom:6px">{_text(layout.title)}</p>')
    parts.append("<hr/>")
    if layout.metadata:
        parts.append('<table cellspacing="0" cellpadding="2" width="100%">')
        parts.extend(f'<tr><td width="25%" style="white-space:nowrap"><b>{_text(label)}</b></td>'
                     f'<td>{_text(value)}</td></tr>'
                     for label, value in layout.metadata)
        parts.append("</table>")
    for section in layout.sections:
        parts.extend(_section(section, analyst))
    if layout.abbreviations:
        parts.append(_heading(ABBREVIATIONS_TITLE, "abbreviations" if analyst else ""))
        parts.extend(f"<p><b>{_text(a)}</b>{_text(ABBREVIATION_DASH + e)}</p>" for a, e in layout.abbreviations)
    parts.extend(sources_html(layout, analyst))
    parts.append(marking)
    parts.append("</body></html>")
    return "\n".join(parts)


def brief_to_html(brief: Brief, citations: CitationOptions | None = None) -> str:
    """The whole brief as HTML for QTextBrowser (fast: a 1,000-fact brief renders in a few milliseconds), citing
    in the ``citations`` style (numbered when None; pass the export's options so the preview matches Word)."""
    return layout_to_html(brief_layout(brief, citations))

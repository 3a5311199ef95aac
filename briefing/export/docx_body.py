"""The body of the Word brief: title, metadata block, sections with cited facts, Abbreviations, Sources.

Reworded facts carry the source's own words in a Word comment, placement notes become comments too, and an
empty section keeps its heading with the template's guidance in a comment: the gap shows in Word's
navigation pane and the margin, yet no instruction meant for the analyst ends up in the text a reader
gets if the comments are removed before sending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.export import wordml as ml
from briefing.export.chronology import TIMELINE
from briefing.export.comments import CommentWriter
from briefing.export.docx_timeline import timeline_table
from briefing.export.footnotes import FootnoteWriter
from briefing.export.layout import ABBREVIATIONS_TITLE, SOURCES_TITLE
from briefing.export.text import ABBREVIATION_DASH

if TYPE_CHECKING:
    from docx.document import Document
    from lxml.etree import _Element

    from briefing.export.layout import BriefLayout, Item, SectionBlock

SYSTEM_AUTHOR, SYSTEM_INITIALS = "Briefing", "BR"
LABEL_WIDTH = 1985  # twips (3.5 cm): wide enough for "Classification" in bold 11pt
DEFAULT_TEXT_WIDTH = 9071  # twips: A4 less 2.5 cm margins, when the reference has no page size
_EMU_PER_TWIP = 635


def initials(name: str) -> str:
    """Up to three initials for Word's comment author box ("Ana de la Cruz" -> "ADL"); the app's own when the name
    has no letters."""
    letters = [w[0] for w in name.split() if w[:1].isalpha()]
    return "".join(letters[:3]).upper() or SYSTEM_INITIALS


class BodyWriter:
    """Writes a laid-out brief into an empty Document (one per export)."""

    def __init__(self, document: Document, layout: BriefLayout) -> None:
        self.document = document
        self.layout = layout
        self.ids = ml.StyleIds.of(document)
        self.body = document.element.body
        self.note_author = layout.author
        self.note_initials = initials(layout.author)
        self.text_width = self._text_width()
        self._comments: CommentWriter | None = None  # created on first use: no empty comments part
        self._footnotes: FootnoteWriter | None = None  # likewise: no footnotes part without footnotes

    def write(self) -> None:
        sect_pr = self.body.find(ml.qn("w:sectPr"))
        if sect_pr is not None:  # the page set-up must stay the body's last child
            self.body.remove(sect_pr)
        ml.run(ml.paragraph(self.body, self.ids.title), self.layout.title)
        if self.layout.metadata:
            self._metadata_table()
        for section in self.layout.sections:
            self._section(section)
        if self.layout.abbreviations:
            self._heading(ABBREVIATIONS_TITLE)
            for acronym, expansion in self.layout.abbreviations:
                p = ml.paragraph(self.body, self.ids.normal)
                ml.run(p, acronym, bold=True)
                ml.run(p, ABBREVIATION_DASH + expansion)
        if self.layout.listed_sources:
            self._heading(SOURCES_TITLE)
            for source in self.layout.listed_sources:
                p = ml.paragraph(self.body, self.ids.normal)
                if self.layout.source_prefix:
                    ml.run(p, f"[{source.number}] ")
                ml.linked_text(p, self.document.part, source.citation, source.url)
        if sect_pr is not None:
            self.body.append(sect_pr)

    # ------------------------------------------------------------------ parts
    def _heading(self, title: str) -> _Element:
        return ml.run(ml.paragraph(self.body, self.ids.heading), title)

    def _section(self, section: SectionBlock) -> None:
        heading = self._heading(section.title)
        if section.is_empty and section.guidance:
            self._comment(heading, f"Empty section. Guidance: {section.guidance}", SYSTEM_AUTHOR,
                          SYSTEM_INITIALS)
        style = {"bullets": self.ids.bullet, "numbered": self.ids.number}.get(section.layout, self.ids.normal)
        if section.layout == TIMELINE and section.items:
            timeline_table(self, section.items)
            for text in section.paragraphs:
                ml.run(ml.paragraph(self.body, self.ids.normal), text)
            return
        num_id = ""
        if section.layout == "numbered" and section.items and style != self.ids.normal:
            num_id = self._restart_numbering(style)
        for item in section.items:
            p = ml.paragraph(self.body, style)
            if num_id:
                ml.set_numbering(p, num_id)
            self._item(p, item)
        for text in section.paragraphs:
            ml.run(ml.paragraph(self.body, self.ids.normal), text)

    def _item(self, p: _Element, item: Item) -> None:
        words = ml.run(p, item.text)
        self.cite(p, item)
        self.item_comments(words, item)

    def cite(self, p: _Element, item: Item) -> None:
        """The citation after a placed fact: its marker in the brief's style, or a footnote reference."""
        if item.marker:
            ml.run(p, item.marker)
        if item.footnote:
            if self._footnotes is None:
                self._footnotes = FootnoteWriter(self.document)
            self._footnotes.add(p, [(s.citation, s.url) for s in self.layout.footnote_entries(item)])

    def item_comments(self, words: _Element, item: Item) -> None:
        """The comments a placed fact carries: where its sources disagree, its original wording, the note."""
        if item.conflict:
            self._comment(words, item.conflict, SYSTEM_AUTHOR, SYSTEM_INITIALS)
        if item.original:
            self._comment(words, f"Original wording: {item.original}", SYSTEM_AUTHOR, SYSTEM_INITIALS)
        if item.note:
            self._comment(words, f"Note: {item.note}", self.note_author, self.note_initials)

    def _comment(self, r: _Element, text: str, author: str, initials_: str) -> None:
        if self._comments is None:
            self._comments = CommentWriter(self.document)
        self._comments.add(r, r, text, author, initials_)

    def _restart_numbering(self, style_id: str) -> str:
        try:
            return ml.numbering_restart(self.document, style_id)
        except (KeyError, AttributeError, ValueError, TypeError):  # an odd reference: Word's own numbering
            return ""

    def _text_width(self) -> int:
        section = self.document.sections[-1]
        if section.page_width is None:
            return DEFAULT_TEXT_WIDTH
        width = section.page_width - (section.left_margin or 0) - (section.right_margin or 0)
        return max(int(width) // _EMU_PER_TWIP, LABEL_WIDTH * 2)

    def _metadata_table(self) -> None:
        width = self.text_width
        widths = (LABEL_WIDTH, width - LABEL_WIDTH)
        tbl = ml.sub(self.body, "w:tbl")
        tbl_pr = ml.sub(tbl, "w:tblPr")
        ml.sub(tbl_pr, "w:tblW", w=str(width), type="dxa")
        ml.sub(tbl_pr, "w:tblInd", w="0", type="dxa")
        borders = ml.sub(tbl_pr, "w:tblBorders")
        # no top rule: the Title style's own rule sits just above the table
        ml.sub(borders, "w:bottom", val="single", sz="4", space="0", color="808080")
        ml.sub(tbl_pr, "w:tblLayout", type="fixed")
        margins = ml.sub(tbl_pr, "w:tblCellMar")
        ml.sub(margins, "w:left", w="0", type="dxa")
        ml.sub(margins, "w:right", w="115", type="dxa")
        # The labels are the table's header column, said so for screen readers; caption and description are
        # the table's alt text (what Word's accessibility checker asks of every table).
        ml.sub(tbl_pr, "w:tblLook", val="0080", firstRow="0", lastRow="0", firstColumn="1", lastColumn="0",
               noHBand="1", noVBand="1")
        ml.sub(tbl_pr, "w:tblCaption", val="Brief details")
        ml.sub(tbl_pr, "w:tblDescription", val="The brief's header: " + ", ".join(
            label for label, _ in self.layout.metadata) + ", one per row, the label first")
        grid = ml.sub(tbl, "w:tblGrid")
        for w in widths:
            ml.sub(grid, "w:gridCol", w=str(w))
        for label, value in self.layout.metadata:
            tr = ml.sub(tbl, "w:tr")
            for text, w, bold in ((label, widths[0], True), (value, widths[1], False)):
                tc = ml.sub(tr, "w:tc")
                ml.sub(ml.sub(tc, "w:tcPr"), "w:tcW", w=str(w), type="dxa")
                p = ml.paragraph(tc, self.ids.normal)
                ml.sub(ml.paragraph_properties(p), "w:spacing", before="40", after="40")
                ml.run(p, text, bold=bold)

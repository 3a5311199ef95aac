"""Genuine Word footnotes, written through python-docx's OPC layer, which has no footnote API of its own.

A ``word/footnotes.xml`` part (footnotes content type, related from the document part) holds the separator
and continuation separator Word expects (ids -1 and 0, as Word writes them) and one footnote per cited fact;
the body carries a ``w:footnoteReference`` run. Word and LibreOffice then place each note at the foot of its
page and renumber them as the analyst edits. Styles are the reference document's FootnoteText and
FootnoteReference, added with Word's own definitions when the reference lacks them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from lxml import etree

from briefing.export import wordml as ml
from briefing.export.citations import FOOTNOTE_SEPARATOR, footnote_pieces

if TYPE_CHECKING:
    from docx.document import Document
    from lxml.etree import _Element

FOOTNOTES_PARTNAME = "/word/footnotes.xml"
TEXT_STYLE = ("FootnoteText", "footnote text")  # (style id, built-in name) as Word writes them
REFERENCE_STYLE = ("FootnoteReference", "footnote reference")
SEPARATOR_IDS = ("-1", "0")  # separator, continuation separator
_SPECIAL_TYPES = ("separator", "continuationSeparator", "continuationNotice")

_EMPTY_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>")

# Word's own definitions of the two styles (10pt text on single lines; a superscript reference mark).
_TEXT_STYLE_XML = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>')
_REFERENCE_STYLE_XML = (
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
    '<w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>')


def _style_id(document: Document, style: tuple[str, str]) -> str:
    """The id of the style with this built-in name (any case) or id, "" when the document has none."""
    style_id, name = style
    for element in document.styles.element.iterchildren(qn("w:style")):
        found = element.find(qn("w:name"))
        if element.get(qn("w:styleId")) == style_id or (
                found is not None and (found.get(ml.W_VAL) or "").casefold() == name):
            return element.get(qn("w:styleId")) or ""
    return ""


def add_footnote_styles(document: Document) -> tuple[str, str]:
    """(text style id, reference style id), adding Word's definitions for whichever the document lacks."""
    ids = []
    for style, xml in ((TEXT_STYLE, _TEXT_STYLE_XML), (REFERENCE_STYLE, _REFERENCE_STYLE_XML)):
        found = _style_id(document, style)
        if not found:
            document.styles.element.append(parse_xml(xml))
            found = style[0]
        ids.append(found)
    return ids[0], ids[1]


def _footnotes_part(document: Document) -> XmlPart:
    """The document's footnotes part as XML, created (with separators) when missing.

    python-docx loads a reference's footnotes as an opaque part; it is replaced by an XML part holding the
    same XML, so the new notes can be added to it.
    """
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            if isinstance(rel.target_part, XmlPart):
                return rel.target_part
            element = parse_xml(rel.target_part.blob)
            del part.rels[rid]
            break
    else:
        element = parse_xml(_EMPTY_FOOTNOTES)
    footnotes = XmlPart(PackURI(FOOTNOTES_PARTNAME), CT.WML_FOOTNOTES, element, part.package)
    part.relate_to(footnotes, RT.FOOTNOTES)
    return footnotes


def drop_footnotes(document: Document) -> None:
    """Remove the footnotes a reference document brings with it (its body is dropped, so they cite nothing);
    the separators stay."""
    if not any(rel.reltype == RT.FOOTNOTES and not rel.is_external for rel in document.part.rels.values()):
        return
    element = _footnotes_part(document).element
    for note in list(element.iterchildren(qn("w:footnote"))):
        if note.get(qn("w:type")) not in _SPECIAL_TYPES:
            element.remove(note)


def _declare_separators(document: Document) -> None:
    """``w:footnotePr`` in the settings names the separator notes, as Word writes it."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = ml.make("w:footnotePr")
    for sid in SEPARATOR_IDS:
        ml.sub(footnote_pr, "w:footnote", id=sid)
    successors = settings.xpath("w:endnotePr|w:compat|w:docVars|w:rsids|m:mathPr|w:attachedSchema|"
                                "w:themeFontLang|w:clrSchemeMapping|w:doNotIncludeSubdocsInStats|"
                                "w:doNotAutoCompressPictures|w:forceUpgrade|w:captions|w:readModeInkLockDown|"
                                "w:smartTagType|sl:schemaLibrary|w:shapeDefaults|w:doNotEmbedSmartTags|"
                                "w:decimalSymbol|w:listSeparator")
    if successors:
        successors[0].addprevious(footnote_pr)
    else:
        settings.append(footnote_pr)


class FootnoteWriter:
    """Adds footnotes to one document: a reference mark where the fact ends, the note in the footnotes part."""

    def __init__(self, document: Document) -> None:
        self.part = _footnotes_part(document)
        self.text_style, self.reference_style = add_footnote_styles(document)
        _declare_separators(document)
        used = [int(n.get(qn("w:id"))) for n in self.part.element.iterchildren(qn("w:footnote"))]
        self._next_id = max([0, *used]) + 1

    def add(self, p: _Element, citations: Sequence[tuple[str, str]]) -> int:
        """A footnote after the last run of ``p`` naming each (citation, url) in turn, joined as one sentence,
        the addresses as links; returns its id."""
        fid = str(self._next_id)
        self._next_id += 1
        reference = etree.SubElement(p, ml.W_R)
        self._mark(reference)
        ml.sub(reference, "w:footnoteReference", id=fid)

        note = ml.sub(self.part.element, "w:footnote", id=fid)
        body = ml.paragraph(note, self.text_style)
        self._mark(etree.SubElement(body, ml.W_R)).append(ml.make("w:footnoteRef"))
        ml.run(body, " ")
        pieces = footnote_pieces([text for text, _ in citations])
        for k, (piece, (_, url)) in enumerate(zip(pieces, citations)):
            if k:
                ml.run(body, FOOTNOTE_SEPARATOR)
            ml.linked_text(body, self.part, piece, url)
        return int(fid)

    def _mark(self, r: _Element) -> _Element:
        ml.sub(etree.SubElement(r, ml.W_RPR), "w:rStyle", val=self.reference_style)
        return r

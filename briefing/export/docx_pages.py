"""Page furniture: the classification marking in the header and footer of every page, page numbers below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.export import wordml as ml

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import _Footer, _Header
    from lxml.etree import _Element


def _style_id(document: Document, name: str) -> str:
    try:
        return document.styles[name].style_id
    except KeyError:
        return ""


def _reset(part: _Header | _Footer) -> _Element:
    """The header/footer element, emptied of whatever the reference document had there."""
    element = part._element  # noqa: SLF001 - python-docx gives no public way to empty a header
    for child in list(element):
        element.remove(child)
    return element


def _centred(parent: _Element, style_id: str) -> _Element:
    p = ml.paragraph(parent, style_id)
    ml.sub(ml.paragraph_properties(p), "w:jc", val="center")
    return p


def write_page_furniture(document: Document, classification: str) -> None:
    """Classification (upper case, bold, centred) at the top and bottom; "Page n of m" in the footer.

    Written to every header and footer Word may show: all sections, first-page and even-page variants.
    """
    marking = classification.upper()
    header_style, footer_style = _style_id(document, "Header"), _style_id(document, "Footer")
    even = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        headers, footers = [section.header], [section.footer]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
            footers.append(section.first_page_footer)
        if even:
            headers.append(section.even_page_header)
            footers.append(section.even_page_footer)
        for header in headers:
            header.is_linked_to_previous = False
            p = _centred(_reset(header), header_style)
            if marking:
                ml.run(p, marking, bold=True)
        for footer in footers:
            footer.is_linked_to_previous = False
            element = _reset(footer)
            if marking:
                ml.run(_centred(element, footer_style), marking, bold=True)
            p = _centred(element, footer_style)
            ml.run(p, "Page ")
            ml.field(p, "PAGE", "1")
            ml.run(p, " of ")
            ml.field(p, "NUMPAGES", "1")

"""What Word's accessibility checker asks of the exported brief: a declared language, images with alt text.

(Heading levels follow from the layout: the title uses the Title style and every section one heading level;
the header table carries its caption and description where it is written, in ``docx_body``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from briefing.export import wordml as ml

if TYPE_CHECKING:
    from docx.document import Document

LANGUAGE = "en-GB"  # the house language; a reference document that declares its own keeps it
DEFAULT_ALT_TEXT = "Decorative image from the house style"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def declare_language(document: Document, language: str = LANGUAGE) -> str:
    """Make sure the document says which language it is in (default run properties and core properties), so
    a screen reader pronounces it and Word checks its spelling; returns the language declared."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = ml.make("w:docDefaults")
        styles.insert(0, defaults)
    r_default = defaults.find(qn("w:rPrDefault"))
    if r_default is None:
        r_default = ml.make("w:rPrDefault")
        defaults.insert(0, r_default)
    r_pr = r_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = ml.sub(r_default, "w:rPr")
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = ml.sub(r_pr, "w:lang", val=language)
    declared = lang.get(qn("w:val")) or language
    lang.set(qn("w:val"), declared)
    document.core_properties.language = declared
    return declared


def describe_images(document: Document) -> int:
    """Give every picture without alt text (body, headers, footers) a description; returns how many needed one."""
    parts = [document.element]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:
                continue
            parts.append(part._element)  # noqa: SLF001 - python-docx has no public element for a header part
    fixed = 0
    for element in parts:
        for doc_pr in element.iter(_DOC_PR):
            if not (doc_pr.get("descr") or "").strip():
                doc_pr.set("descr", DEFAULT_ALT_TEXT)
                fixed += 1
    return fixed

"""Builds templates/reference.docx, the default house style, so the binary can be reproduced from code.

A sober civil-service look: Arial throughout, black text, Title 20pt, Heading 1 14pt bold, body 11pt,
A4 with 2.5 cm margins, bullet and numbered list styles. Like pandoc's ``--reference-doc``, only the
styles and page set-up of the file matter; its body text is ignored by the export.

    python -m briefing.export.reference_style templates/reference.docx
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm, Pt, RGBColor

from briefing.export.footnotes import add_footnote_styles

FONT = "Arial"
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x59, 0x59, 0x59)
_FIXED_TIME = datetime(2025, 1, 1, tzinfo=timezone.utc)  # reproducible bytes: no "now" in the file
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _drop_theme_fonts_and_colours(document: Document) -> None:
    """Theme attributes win over explicit ones in Word, so remove them for the explicit style to show."""
    styles = document.styles.element
    for element in styles.iter(qn("w:rFonts"), qn("w:color")):
        for attr in list(element.attrib):
            if "theme" in attr.lower():
                del element.attrib[attr]
        if element.tag == qn("w:rFonts") and not element.attrib:
            element.getparent().remove(element)
    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr_default is not None:
        fonts = rpr_default.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr_default.insert(0, fonts)
        for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(key), FONT)
        lang = rpr_default.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr_default.append(lang)
        lang.set(qn("w:val"), "en-GB")


def _bottom_rule(style_element: object) -> None:
    ppr = style_element.get_or_add_pPr()  # type: ignore[attr-defined]
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom", attrs={qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "4",
                                            qn("w:color"): "595959"})
    border.append(bottom)
    ppr.insert(0, border)


def _drop_parts(document: Document) -> None:
    """Leave out the stock thumbnail and Word 2010's stale copy of the styles (stylesWithEffects)."""
    for owner in (document.part.package, document.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                del owner.rels[rid]


def build_reference() -> Document:
    """A new Document carrying the house styles and page set-up (and a short note on what it is)."""
    document = docx.Document()
    _drop_theme_fonts_and_colours(document)
    styles = document.styles

    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.font.color.rgb = BLACK
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    normal.paragraph_format.line_spacing = 1.1

    title = styles["Title"]
    title.font.name = FONT
    title.font.size = Pt(20)
    title.font.bold = True
    title.font.color.rgb = BLACK
    title.paragraph_format.space_after = Pt(12)
    _bottom_rule(title.element)

    for name, size, before in (("Heading 1", 14, 18), ("Heading 2", 12, 12), ("Heading 3", 11, 10)):
        heading = styles[name]
        heading.font.name = FONT
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = BLACK
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True

    for name in ("List Bullet", "List Number"):  # indents come from the list's numbering definition
        styles[name].paragraph_format.space_after = Pt(4)
        for spacing in styles[name].element.iter(qn("w:contextualSpacing")):  # let 4pt separate facts
            spacing.getparent().remove(spacing)

    for name in ("Header", "Footer"):
        furniture = styles[name]
        furniture.font.size = Pt(9)
        furniture.font.color.rgb = GREY

    text_id, _ = add_footnote_styles(document)  # footnote text and footnote reference, as Word defines them
    footnote_text = next(s for s in styles if s.style_id == text_id)
    footnote_text.font.size = Pt(9)

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)

    document.add_paragraph("Briefing reference document", style="Title")
    document.add_paragraph(
        "This file carries the house styles (Title, Heading 1, List Bullet, List Number, Normal, header, "
        "footer, footnote text and footnote reference) and the page set-up of exported briefs. Its text is ignored; edit the styles in Word to "
        "change how every brief looks.")
    _drop_parts(document)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = "Briefing reference document", "Briefing", "Briefing"
    props.created = props.modified = _FIXED_TIME
    props.revision = 1
    return document


def reference_bytes() -> bytes:
    """The reference document as bytes, identical on every run (fixed times in the file and the zip)."""
    raw = io.BytesIO()
    build_reference().save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """``python -m briefing.export.reference_style PATH``: write the reference .docx (atomically); 2 on a usage or
    write error."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m briefing.export.reference_style PATH.docx", file=sys.stderr)
        return 2
    from briefing.core.errors import BriefingError, ExportError
    from briefing.storage.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(Path(args[0]), reference_bytes(), ExportError)
    except BriefingError as err:
        print(f"briefing: error: {err}", file=sys.stderr)
        return 2
    print(f"Wrote {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What Word's accessibility checker asks, read back from the real .docx: a language, headings without skipped
levels, a header table that says what it is, and alt text on every image."""

from __future__ import annotations

import io
import struct
import zlib

import docx
from docx.oxml.ns import qn
from docx.shared import Inches
from export_helpers import make_brief

from briefing.export.accessibility import DEFAULT_ALT_TEXT, describe_images
from briefing.export.docx import build_document, export_docx


def _png() -> bytes:
    """A 1x1 white PNG, made here (a binary fixture would hide what it is)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


PNG = _png()


def _brief():
    brief = make_brief()
    brief.place([brief.facts[1].id], "status")
    brief.place([brief.facts[0].id], "purpose")
    return brief


def test_the_document_declares_its_language(tmp_path):
    document = docx.Document(str(export_docx(_brief(), tmp_path / "b.docx")))
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB" == document.core_properties.language


def test_heading_levels_never_skip(tmp_path):
    document = docx.Document(str(export_docx(_brief(), tmp_path / "b.docx")))
    levels = [int(p.style.name.rsplit(" ", 1)[1]) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert levels and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))


def test_the_header_table_has_a_caption_a_description_and_its_labels_as_header_column(tmp_path):
    document = docx.Document(str(export_docx(_brief(), tmp_path / "b.docx")))
    tbl_pr = document.tables[0]._tbl.tblPr
    assert tbl_pr.find(qn("w:tblCaption")).get(qn("w:val")) == "Brief details"
    assert "To, From, Date" in tbl_pr.find(qn("w:tblDescription")).get(qn("w:val"))
    assert tbl_pr.find(qn("w:tblLook")).get(qn("w:firstColumn")) == "1"


def test_an_image_without_alt_text_gets_one_and_one_with_keeps_it():
    document = build_document(_brief())
    document.add_picture(io.BytesIO(PNG), width=Inches(0.2))
    document.add_picture(io.BytesIO(PNG), width=Inches(0.2))
    described = list(document.element.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
                                           "docPr"))
    described[1].set("descr", "Ministry crest")
    assert describe_images(document) == 1
    assert [d.get("descr") for d in described] == [DEFAULT_ALT_TEXT, "Ministry crest"]

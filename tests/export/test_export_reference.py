"""House style comes from a reference .docx: the bundled default, or a template's own; only styles are kept."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Inches, Pt
from export_helpers import docx_text, make_brief, make_template

from briefing.core.errors import ExportError
from briefing.export.docx import export_docx
from briefing.export.reference import DEFAULT_REFERENCE
from briefing.export.reference_style import main as build_main
from briefing.export.reference_style import reference_bytes


def _house_reference(folder: Path) -> Path:
    """A reference with its own look (18pt headings, US Letter), body text, a header and a comment."""
    document = docx.Document()
    document.styles["Heading 1"].font.size = Pt(18)
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "HOUSE HEADER"
    section.first_page_header.paragraphs[0].text = "HOUSE FIRST PAGE"
    paragraph = document.add_paragraph("Sample body text of the reference")
    document.add_comment(paragraph.runs[0] if paragraph.runs else paragraph.add_run("x"), text="house comment")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "house.docx"
    document.save(str(path))
    return path


def test_a_templates_reference_document_relative_to_its_yaml_sets_the_style(tmp_path):
    _house_reference(tmp_path / "templates" / "styles")
    template = make_template(reference_docx="styles/house.docx", path=str(tmp_path / "templates" / "note.yaml"))
    path = export_docx(make_brief(template), tmp_path / "out.docx", template=template)
    document = docx.Document(str(path))
    assert document.styles["Heading 1"].font.size == Pt(18)
    assert round(document.sections[0].page_width.inches, 2) == 8.5
    assert "Sample body text" not in docx_text(path)
    assert all(c.text != "house comment" for c in document.comments)


def test_every_header_variant_of_the_reference_carries_the_classification(tmp_path):
    _house_reference(tmp_path)
    template = make_template(reference_docx="house.docx", path=str(tmp_path / "note.yaml"))
    section = docx.Document(str(export_docx(make_brief(template), tmp_path / "o.docx", template=template))).sections[0]
    assert [p.text for p in section.header.paragraphs] == ["OFFICIAL"]
    assert [p.text for p in section.first_page_header.paragraphs] == ["OFFICIAL"]


@pytest.mark.parametrize("content, words", [
    (None, "does not exist"),
    (b"not a zip at all", "not a readable Word"),
    (b"PK\x03\x04broken zip", "not a readable Word"),
])
def test_a_missing_or_corrupt_reference_is_a_clear_export_error(tmp_path, content, words):
    if content is not None:
        (tmp_path / "house.docx").write_bytes(content)
    template = make_template(reference_docx="house.docx", path=str(tmp_path / "note.yaml"))
    (tmp_path / "out.docx").write_bytes(b"old")
    with pytest.raises(ExportError, match=words) as err:
        export_docx(make_brief(template), tmp_path / "out.docx", template=template)
    assert "house.docx" in str(err.value)
    assert (tmp_path / "out.docx").read_bytes() == b"old"


def test_a_template_without_a_reference_uses_the_bundled_house_style(tmp_path):
    path = export_docx(make_brief(), tmp_path / "o.docx", template=make_template())
    assert docx.Document(str(path)).styles["Title"].font.size == Pt(20)


def test_the_bundled_reference_is_exactly_what_the_builder_makes():
    assert DEFAULT_REFERENCE.read_bytes() == reference_bytes(), \
        "run: python -m briefing.export.reference_style templates/reference.docx"


def test_the_builder_writes_the_reference_from_the_command_line(tmp_path, capsys):
    assert build_main([str(tmp_path / "ref.docx")]) == 0
    assert (tmp_path / "ref.docx").read_bytes() == reference_bytes()
    assert build_main([str(tmp_path / "missing" / "ref.docx")]) == 2
    assert "does not exist" in capsys.readouterr().err

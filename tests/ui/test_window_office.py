"""The brief leaving the app: the citation style chosen in the File menu (preview and Word file follow it),
Copy Brief and Ctrl+C on a placed fact read back from Qt's clipboard, and Export as PDF with and without
LibreOffice."""

from __future__ import annotations

import stat
import zipfile

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from briefing.export.pdf import INSTALL_HINT, find_office
from tests.corroborate.stories import OUTLETS, WIRE, extraction, fact_starting
from tests.ui.conftest import shown_window


@pytest.fixture
def window(qtbot, settings):
    """Three reports of one event on the ministerial note, with one corroborated fact placed."""
    window = shown_window(qtbot, settings)
    window.sources.bring_in([extraction(p) for p in OUTLETS], "a test")
    section = window.brief.sections[0].id
    window.brief.place([fact_starting(window.brief, WIRE, "Work on the new quay")], section)
    return window


def test_the_citation_style_menu_changes_the_preview_and_the_word_file(window, tmp_path):
    acts = window.window_actions
    assert acts["actionCitationTemplate"].isChecked()
    acts["actionCitation_author-date"].trigger()
    assert acts["actionCitation_author-date"].isChecked() and not acts["actionCitationTemplate"].isChecked()
    window.panes.preview.render_now()
    cited = "(\u201cKestrel Bay approves port expansion\u201d, n.d.; "  # no publisher in these files: the title
    body = window.panes.preview.toPlainText().split("Sources")[0]
    assert cited in body and "[1" not in body
    written = window.export_docx(tmp_path / "brief.docx")
    body = "\n".join(p.text for p in Document(str(written)).paragraphs)
    assert cited in body
    acts["actionCitation_footnotes"].trigger()
    written = window.export_docx(tmp_path / "footnoted.docx")
    with zipfile.ZipFile(written) as docx:
        notes = docx.read("word/footnotes.xml").decode("utf-8")
    assert "Kestrel Bay approves port expansion" in notes and "Port board backs terminal plan" in notes
    acts["actionCitationTemplate"].trigger()
    assert window.office.options().style == "numbered"


def test_copy_brief_puts_html_and_text_with_citations_on_the_clipboard(window):
    window.window_actions["actionCopyBrief"].trigger()
    mime = QGuiApplication.clipboard().mimeData()
    quay = "Work on the new quay is scheduled to begin on March 3, 2026."
    assert mime.hasHtml() and mime.hasText()
    assert quay in mime.text() and "Sources" in mime.text()
    assert "[1, 2]" in mime.text() or "[1,2]" in mime.text()  # two outlets report it: both cited
    assert "<h" in mime.html() and "March 3, 2026" in mime.html()


def test_ctrl_c_on_a_placed_fact_copies_it_with_its_citation(window, qtbot):
    outline = window.panes.outline
    placement = window.brief.sections[0].placements[0]
    window.select_placement(placement.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    outline.setFocus()
    qtbot.keyClick(outline, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    lines = mime.text().splitlines()
    assert lines[0].startswith("Work on the new quay") and lines[0].endswith("[1, 2]")
    assert len(lines) == 3 and lines[1].startswith("[1]") and lines[2].startswith("[2]")
    assert "Work on the new quay" in mime.html()


def test_without_libreoffice_export_as_pdf_says_what_to_install(window, tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))  # LibreOffice is nowhere on it
    errors: list[str] = []
    window.error_reported.connect(errors.append)
    window.office.export_pdf_interactive()
    assert errors == [INSTALL_HINT]
    assert not list(tmp_path.glob("*.pdf"))


def test_a_failing_conversion_is_one_line_and_leaves_no_pdf(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    fake = folder / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    errors: list[str] = []
    window.error_reported.connect(errors.append)
    window.office.export_pdf(tmp_path / "brief.pdf")
    qtbot.waitUntil(lambda: window.office.pdf_job is None, timeout=30_000)
    assert len(errors) == 1 and "\n" not in errors[0]
    assert not (tmp_path / "brief.pdf").exists()
    assert window.progress_bar.isHidden()


@pytest.mark.slow
@pytest.mark.skipif(find_office() is None, reason="LibreOffice is not installed here")
def test_export_as_pdf_writes_the_pdf_in_the_background(window, qtbot, tmp_path):
    target = tmp_path / "brief.pdf"
    window.window_actions["actionCitation_footnotes"].trigger()
    job = window.office.export_pdf(target)
    assert job.is_running() and "LibreOffice" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.office.pdf_job is None, timeout=120_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert window.office.pdf_path == target and str(target) in window.statusBar().currentMessage()

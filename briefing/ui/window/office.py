"""Where the brief leaves the app for the office: the citation style, Export as PDF and Copy Brief.

Composed into the window (``window.office``): it reads the window's brief, template and selection and reports
through its status bar and ``report_error``. PDF conversion (LibreOffice, a second or two) runs off the GUI
thread on a .docx written first on it, so the brief is never read while the analyst edits it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from briefing.core.errors import BriefingError
from briefing.core.template import CITATION_STYLES

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QMainWindow as MainWindow,  # the window that owns this; it imports this module
    )

    from briefing.export.citations import CitationOptions
    from briefing.export.clipboard import ClipboardContent
    from briefing.ui.window.extraction_worker import ExtractionJob

STYLE_LABELS = {"numbered": "&Numbered [1] with Sources", "footnotes": "&Footnotes",
                "author-date": "&Author-date (Publisher, date)"}
TEMPLATE_STYLE = ""  # the menu's "as the template says" choice


class OfficeCommands:
    """The citation style the app exports with, PDF export and the clipboard, for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.style: str | None = None  # None: the template's style
        self.pdf_job: ExtractionJob | None = None
        self.pdf_path: Path | None = None

    # ----------------------------------------------------------------- citation style
    def options(self) -> CitationOptions:
        """What the export, the preview and the clipboard cite with: the chosen style, else the template's."""
        from briefing.export.citations import citation_options

        return citation_options(self.window.template, self.style)

    def set_style(self, style: str | None) -> None:
        """Cite in ``style`` (one of ``CITATION_STYLES``; None or "": as the template says) from now on."""
        if style and style not in CITATION_STYLES:
            raise BriefingError(f"unknown citation style {style!r}; use one of {', '.join(CITATION_STYLES)}")
        self.style = style or None
        self.window.panes.preview.set_citations(self.options())
        self.sync_style_menu()

    def template_changed(self) -> None:
        """A new brief or template: the preview follows the template's style unless one was chosen."""
        self.window.panes.preview.set_citations(self.options())
        self.sync_style_menu()

    def sync_style_menu(self) -> None:
        acts = self.window.window_actions
        default = self.options().style if self.style is None else ""
        template_action = acts.by_name.get("actionCitationTemplate")
        if template_action is not None:
            template_action.setText(f"As the &Template Says ({default or self._template_style()})")
            template_action.setChecked(self.style is None)
        for style in CITATION_STYLES:
            action = acts.by_name.get(f"actionCitation_{style}")
            if action is not None:
                action.setChecked(self.style == style)

    def _template_style(self) -> str:
        from briefing.export.citations import citation_options

        return citation_options(self.window.template).style

    # ----------------------------------------------------------------- PDF
    def export_pdf(self, path: str | Path) -> ExtractionJob:
        """Write the brief as PDF at ``path`` in the background: the .docx now, LibreOffice's conversion in a
        thread; the status bar says so and then where it went. Raises ``BriefingError`` when it cannot start."""
        from briefing.export.docx import check_target, export_docx
        from briefing.export.pdf import INSTALL_HINT, convert_to_pdf, pdf_available
        from briefing.ui.window.extraction_worker import ExtractionJob

        w = self.window
        if not pdf_available():
            raise BriefingError(INSTALL_HINT)
        if self.pdf_job is not None:
            raise BriefingError("a PDF is being written already: wait for it to finish")
        target = Path(path)
        check_target(target)
        work = Path(tempfile.mkdtemp(prefix="briefing-pdf-"))
        try:
            docx = export_docx(w.brief, work / f"{target.stem or 'brief'}.docx", template=w.template,
                               citations=self.style)
        except BriefingError:
            shutil.rmtree(work, ignore_errors=True)
            raise
        job = ExtractionJob(str(target), extractor=lambda _p, progress, cancel: convert_to_pdf(docx, target),
                            parent=w)
        self.pdf_job = job
        w.statusBar().showMessage(f"Writing {target.name} with LibreOffice\u2026")
        w.progress_bar.setRange(0, 0)  # busy: LibreOffice says nothing of its progress
        w.progress_bar.show()
        job.finished.connect(lambda written: self._pdf_written(job, Path(written)))
        job.failed.connect(lambda message: self._pdf_over(job) or w.report_error(message))
        job.done.connect(lambda: shutil.rmtree(work, ignore_errors=True))
        job.start()
        return job

    def _pdf_over(self, job: ExtractionJob) -> None:
        if self.pdf_job is job:
            self.pdf_job = None
            self.window.progress_bar.setRange(0, 100)
            self.window.progress_bar.hide()
            self.window.statusBar().clearMessage()

    def _pdf_written(self, job: ExtractionJob, written: Path) -> None:
        self._pdf_over(job)
        self.pdf_path = written
        self.window.statusBar().showMessage(f"Exported to {written}", 6000)

    def export_pdf_interactive(self) -> None:
        from briefing.export.pdf import INSTALL_HINT, pdf_available
        from briefing.ui.window import import_dialogs
        from briefing.ui.window.file_handling import file_stem_for

        w = self.window
        if not pdf_available():
            w.report_error(INSTALL_HINT)
            return
        docx = w.default_export_path()
        suggestion = docx.with_suffix(".pdf") if docx is not None else \
            Path.home() / (file_stem_for(w.brief_name()) + ".pdf")
        path = import_dialogs.choose_pdf_path(w, str(suggestion))
        if path:
            w.guarded(self.export_pdf, path)

    # ----------------------------------------------------------------- clipboard
    def copy_brief(self) -> ClipboardContent:
        """Edit › Copy Brief: the whole brief as HTML and as plain text, cited in the export's style."""
        from briefing.export.clipboard import brief_clipboard

        content = brief_clipboard(self.window.brief, self.options())
        self._put(content, "Copied the brief")
        return content

    def copy_placements(self, placement_ids: list[str]) -> ClipboardContent | None:
        """Ctrl+C in the outline: placed facts with their citations (each complete, one after another)."""
        from briefing.export.clipboard import ClipboardContent, placement_clipboard

        if not placement_ids:
            return None
        parts = [placement_clipboard(self.window.brief, pid, self.options()) for pid in placement_ids]
        if len(parts) == 1:
            content = parts[0]
        else:
            content = ClipboardContent(html="\n".join(p.html for p in parts), text="\n\n".join(p.text for p in parts))
        self._put(content, f"Copied {len(parts)} fact{'s' if len(parts) != 1 else ''} with citations")
        return content

    def copy_selection(self) -> None:
        """The Copy action: the outline's selected facts; with none selected, the whole brief."""
        ids = self.window.selected_placement_ids()
        if ids:
            self.copy_placements(ids)
        else:
            self.copy_brief()

    def _put(self, content: ClipboardContent, message: str) -> None:
        mime = QMimeData()
        mime.setHtml(content.html)
        mime.setText(content.text)
        QGuiApplication.clipboard().setMimeData(mime)
        self.window.statusBar().showMessage(message, 4000)

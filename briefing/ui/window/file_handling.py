"""The window's file commands: open, add a source, save, export, recent files, dropped files, and
background extraction. Public methods never prompt and raise ``BriefingError``; the ``*_interactive``
variants ask with dialogs and report errors in a message box."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from briefing.core.brief import Brief
from briefing.core.errors import BriefingError
from briefing.core.metadata import fill_header
from briefing.storage.paths import BRIEF_SUFFIX, is_brief_file

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from briefing.core.extraction import Extraction
    from briefing.core.template import Template
    from briefing.startup.prefetch import Prefetch
    from briefing.ui.window.extraction_worker import ExtractionJob

# Dialogs and the background job are imported where used: the window's first paint needs neither.
NEW, ADD = "new", "add"


def brief_stem(path: str | Path) -> str:
    """The name a brief goes by: its file name without ``.brief.yaml`` (or without its last suffix)."""
    name = Path(path).name
    return name[: -len(BRIEF_SUFFIX)] if name.lower().endswith(BRIEF_SUFFIX) else Path(name).stem


def file_stem_for(name: str, limit: int = 80) -> str:
    """A brief's name made safe as a file name on every desktop: no path separators, no characters
    Windows refuses, no control characters, not over ``limit`` characters, never empty."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "-", name).strip(" .-")
    return cleaned[:limit].rstrip(" .-") or "Untitled brief"


def local_paths(urls: list[QUrl]) -> list[str]:
    """The local files among dropped URLs; web URLs and empty ones are left out."""
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]


LAST_FOLDER_KEY = "dialogs/last_folder"  # where a file dialog was last used, for a brief never saved


class FileHandling:
    """Mixed into MainWindow; relies on its ``brief``, ``brief_path``, ``undo_stack``, ``remember_recent`` and
    ``set_brief``/``report_error``/``maybe_save``/``default_template`` members."""

    job: ExtractionJob | None = None
    prefetch: Prefetch | None = None  # the opening articles, read while the window was being built
    opening_reads: frozenset[str] | set[str] = frozenset()  # files the app was started on, read in the background
    pending: list[tuple[str, str]]  # (path, mode) waiting for the running job

    # ----------------------------------------------------------------- public, never prompting
    def open_path(self, path: str | Path) -> Brief:
        """Open a ``.brief.yaml``, or an article as a new brief on the default template (synchronously)."""
        path = Path(path)
        if not path.exists():
            raise BriefingError(f"no such file: {path}")
        if is_brief_file(path):
            from briefing.storage.brief_file import load_brief

            brief = load_brief(path)
            self.set_brief(brief, path)
        else:
            self.new_brief_with(self.extract(path))
        self.remember_recent(path)
        return self.brief

    def add_source_path(self, path: str | Path) -> Extraction:
        """Add an article to the current brief as one undo step (synchronously)."""
        from briefing.ui.models.commands import AddSourceCommand

        extraction = self.extract(Path(path))
        self.undo_stack.push(AddSourceCommand(self.brief, extraction))
        self.remember_recent(path)
        return extraction

    def extract(self, path: Path) -> Extraction:
        if not path.exists():
            raise BriefingError(f"no such file: {path}")
        prefetched = self.prefetch.take(path) if self.prefetch is not None else None
        if prefetched is not None:
            return prefetched
        from briefing.extract.pipeline import extract_path

        return extract_path(str(path))

    def new_brief(self, template: Template | None = None) -> Brief:
        """An empty brief on ``template`` (default: the last template used, else the default one)."""
        template = template or self.default_template()
        brief = Brief.from_template(template)
        self.set_brief(brief, None)
        self.remember_template(template.id)
        return brief

    def new_brief_with(self, extraction: Extraction, template: Template | None = None) -> Brief:
        template = template or self.default_template()
        brief = Brief.from_template(template)
        brief.add_extraction(extraction)
        fill_header(brief)
        self.set_brief(brief, None)
        return brief

    def save_brief(self, path: str | Path | None = None) -> Path:
        """Save to ``path`` (default: where the brief came from); the window is then unmodified."""
        from briefing.storage.brief_file import save_brief

        target = Path(path) if path is not None else self.brief_path
        if target is None:
            raise BriefingError("this brief has not been saved yet: give a file name")
        save_brief(self.brief, target)
        self.brief_path = target
        self.undo_stack.setClean()
        self.remember_recent(target)
        self.update_title()
        return target

    def default_export_path(self) -> Path | None:
        """Next to the brief, with the brief's name; None when the brief has never been saved."""
        if self.brief_path is None:
            return None
        return self.brief_path.with_name(brief_stem(self.brief_path) + ".docx")

    def export_docx(self, path: str | Path | None = None) -> Path:
        """Write the brief as a Word document (default: next to the brief)."""
        from briefing.export.docx import export_docx

        target = Path(path) if path is not None else self.default_export_path()
        if target is None:
            raise BriefingError("this brief has not been saved yet: give the Word file a name")
        written = export_docx(self.brief, target, template=self.template, citations=self.office.style)
        self.export_path = written
        return written

    # ----------------------------------------------------------------- background extraction
    def start_extraction(self, path: str | Path, mode: str = NEW, opening: bool = False) -> ExtractionJob | None:
        """Extract off the GUI thread with progress and Cancel in the status bar; ``mode`` NEW or ADD.

        While a job runs, further files wait their turn (and are added to the brief the first one makes);
        returns the job started now, or None if the file was queued. ``opening``: a file the app was started
        on, whose arrival leaves an unedited brief unedited."""
        if opening:
            self.opening_reads = self.opening_reads | {str(path)}
        if self.job is not None:
            self.pending.append((str(path), ADD))
            return None
        from briefing.ui.window.extraction_worker import ExtractionJob

        job = ExtractionJob(str(path), parent=self)
        self.job = job
        self.show_progress(f"Reading {Path(path).name}\u2026")
        job.progress.connect(self.progress_bar.setValue)
        job.finished.connect(lambda extraction: self._extraction_finished(job, extraction, mode))
        job.failed.connect(lambda message: self._job_over(job) or self.report_error(message))
        job.cancelled.connect(lambda: self._job_over(job) or self.statusBar().showMessage("Reading cancelled", 4000))
        job.start()
        return job

    def cancel_extraction(self) -> None:
        """Stop the running extraction and forget the files waiting after it."""
        self.pending.clear()
        self.opening_reads = frozenset()
        if self.job is not None:
            self.job.cancel()

    def _extraction_finished(self, job: ExtractionJob, extraction: Extraction, mode: str) -> None:
        opening = job.path in self.opening_reads
        self._job_over(job)
        try:
            if mode == ADD and self.brief.sections:
                from briefing.ui.models.commands import AddSourceCommand

                unedited = self.undo_stack.isClean()
                self.undo_stack.push(AddSourceCommand(self.brief, extraction))
                if opening and unedited:
                    self.undo_stack.setClean()  # as when it is read before the window shows
            else:
                self.new_brief_with(extraction)
            self.remember_recent(job.path)
        except BriefingError as err:
            self.report_error(str(err))
            return
        self.statusBar().showMessage(f"Read {len(extraction.facts)} facts from {Path(job.path).name}", 5000)

    def _job_over(self, job: ExtractionJob) -> None:
        self.opening_reads = self.opening_reads - {job.path}
        if self.job is job:
            self.job = None
            self.hide_progress()
            if self.pending:
                path, mode = self.pending.pop(0)
                self.start_extraction(path, mode)

    # ----------------------------------------------------------------- interactive (dialogs)
    def _folder(self) -> str:
        """Where Open, Add Source, Save and Export start: the brief's folder, else the last folder one was used in."""
        if self.brief_path is not None:
            return str(self.brief_path.parent)
        last = self.settings.value(LAST_FOLDER_KEY)
        return last if isinstance(last, str) and Path(last).is_dir() else ""

    def _note_folder(self, path: str | Path) -> None:
        self.settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))

    def _suggested(self, name: str) -> str:
        return str(Path(self._folder() or Path.home()) / name)

    def open_interactive(self) -> None:
        from briefing.ui.window import dialogs

        path = dialogs.choose_open_path(self, self._folder())
        if path:
            self._note_folder(path)
            self.open_file_interactive(path)

    def open_file_interactive(self, path: str) -> None:
        """What File > Open, Open Recent and a dropped brief do: ask to save, then open (articles in the
        background)."""
        if not self.maybe_save():
            return
        if not Path(path).exists():
            self.report_error(f"no such file: {path}")
            return
        if is_brief_file(path):
            self.guarded(self.open_path, path)
        else:
            self.start_extraction(path, NEW)

    def add_source_interactive(self) -> None:
        from briefing.ui.window import dialogs

        path = dialogs.choose_article_path(self, self._folder())
        if path:
            self._note_folder(path)
            self.start_extraction(path, ADD if self.brief.sections else NEW)

    def new_brief_interactive(self) -> None:
        from briefing.template.registry import available_templates
        from briefing.ui.window import dialogs

        template = dialogs.choose_template(self, available_templates(), self.brief.template_id)
        if template is not None and self.maybe_save():
            self.new_brief(template)

    def save_interactive(self) -> bool:
        if self.brief_path is None:
            return self.save_as_interactive()
        return self.guarded(self.save_brief) is not None

    def save_as_interactive(self) -> bool:
        from briefing.ui.window import dialogs

        suggestion = str(self.brief_path or self._suggested(file_stem_for(self.brief_name()) + BRIEF_SUFFIX))
        path = dialogs.choose_save_path(self, suggestion)
        if path is not None:
            self._note_folder(path)
        return path is not None and self.guarded(self.save_brief, path) is not None

    def export_interactive(self) -> None:
        """Export, first saying what the brief leaves out or lacks (Unplaced, empty sections, sources without
        publisher or date) so the analyst can go back and fix it."""
        from briefing.export.checks import export_report
        from briefing.ui.window import dialogs

        report = export_report(self.brief)
        if report and self.interactive and not dialogs.confirm_export(self, report.lines()):
            return
        target = self.default_export_path()
        if target is None:
            path = dialogs.choose_export_path(self, self._suggested(file_stem_for(self.brief_name()) + ".docx"))
            if path is None:
                return
            self._note_folder(path)
            target = Path(path)
        written = self.guarded(self.export_docx, target)
        if written is not None:
            self.statusBar().showMessage(f"Exported to {written}", 6000)

    def close_brief_interactive(self) -> None:
        if self.maybe_save():
            self.set_brief(Brief(), None)

    def fill_recent_menu(self) -> None:
        menu = self.window_actions.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for n, path in enumerate(paths, 1):
            action = menu.addAction(f"&{n % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file_interactive(p))
        if not paths:
            menu.addAction("No recent files").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear Menu").triggered.connect(self.recent.clear)

    # ----------------------------------------------------------------- dropped files
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = local_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_dropped(paths)

    def open_dropped(self, paths: list[str]) -> None:
        """A dropped brief opens; dropped articles join the current brief, or start one if the window has
        no sources yet."""
        briefs = [p for p in paths if is_brief_file(p)]
        if briefs:
            if self.interactive:
                self.open_file_interactive(briefs[0])
            else:
                self.guarded(self.open_path, briefs[0])
            return
        for path in paths:
            has_sources = bool(self.brief.extractions) and bool(self.brief.sections)
            if self.interactive:
                self.start_extraction(path, ADD if has_sources else NEW)
                continue
            if has_sources:
                self.guarded(self.add_source_path, path)
            else:
                self.guarded(self.open_path, path)

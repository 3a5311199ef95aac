"""Bringing many sources in at once: several files, a whole folder, a web address.

Composed into the window (``window.sources``). Files go through the window's background extraction queue
(the first opens a brief, the rest join it); a folder and a web address are read in a background job and
join the brief as one undo step, or start one when the window has none. A failed fetch is one line and the
brief is left as it was; a folder's unreadable files are listed in one message after the good ones are in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal

from briefing.core.errors import BriefingError
from briefing.storage.paths import is_brief_file

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QMainWindow as MainWindow,  # the window that owns this; it imports this module
    )

    from briefing.core.extraction import Extraction
    from briefing.sources.locations import Imported
    from briefing.ui.window.extraction_worker import ExtractionJob


class SourceImport(QObject):
    """File › Open (several), Open Folder and Open URL for one window. ``arrived(n)`` after n articles joined."""

    arrived = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: ExtractionJob | None = None

    # ----------------------------------------------------------------- several files
    def open_paths(self, paths: list[str]) -> None:
        """Open several files: a brief among them opens alone; else the first article opens a brief (the
        current one when it has sources) and the others join it, read in the background one after another."""
        w = self.window
        if not paths:
            return
        briefs = [p for p in paths if is_brief_file(p)]
        if briefs:
            w.open_file_interactive(briefs[0])
            return
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            w.report_error(f"no such file: {missing[0]}")
            return
        from briefing.ui.window.file_handling import ADD, NEW

        for k, path in enumerate(paths):
            w.start_extraction(path, ADD if k else NEW)

    def open_interactive(self) -> None:
        from briefing.ui.window import import_dialogs

        paths = import_dialogs.choose_open_paths(self.window, self.window._folder())
        if not paths:
            return
        if len(paths) == 1:
            self.window.open_file_interactive(paths[0])
        elif self.window.maybe_save():
            self.open_paths(paths)

    # ----------------------------------------------------------------- folder and web address
    def open_folder(self, folder: str) -> ExtractionJob | None:
        """Read every article of ``folder`` in the background; they join the brief as one step."""
        from briefing.sources.locations import import_folder

        return self._run(f"Reading the articles in {Path(folder).name or folder}\u2026", lambda: import_folder(folder),
                         self._folder_read)

    def open_url(self, url: str) -> ExtractionJob | None:
        """Fetch and read the article at ``url`` in the background; on failure one line and no change."""
        from briefing.sources.web import extract_url, is_url

        url = url.strip()
        if not is_url(url):
            self.window.report_error(f"{url or 'an empty address'} is not a web address (http:// or https://)")
            return None
        return self._run(f"Fetching {url}\u2026", lambda: extract_url(url), lambda x: self.bring_in([x], url))

    def open_folder_interactive(self) -> None:
        from briefing.ui.window import import_dialogs

        folder = import_dialogs.choose_folder(self.window, self.window._folder())
        if folder:
            self.open_folder(folder)

    def open_url_interactive(self) -> None:
        from briefing.ui.window import import_dialogs

        url = import_dialogs.ask_url(self.window)
        if url:
            self.open_url(url)

    def _run(self, message: str, work: Callable[[], object], done: Callable[[object], None]) -> ExtractionJob | None:
        from briefing.ui.window.extraction_worker import ExtractionJob

        w = self.window
        if self.job is not None:
            w.report_error("still reading the last folder or address: wait for it to finish")
            return None
        job = ExtractionJob(message, extractor=lambda _label, progress, cancel: work(), parent=self)
        self.job = job
        w.statusBar().showMessage(message)
        w.progress_bar.setRange(0, 0)  # busy: a fetch or a folder says nothing of its progress
        w.progress_bar.show()
        job.finished.connect(lambda result: self._over(job) or done(result))
        job.failed.connect(lambda text: self._over(job) or w.report_error(text))
        job.start()
        return job

    def _over(self, job: ExtractionJob) -> None:
        if self.job is job:
            self.job = None
            self.window.progress_bar.setRange(0, 100)
            self.window.progress_bar.hide()
            self.window.statusBar().clearMessage()

    def _folder_read(self, imported: Imported) -> None:
        self.bring_in([x for _label, x in imported.articles], "the folder")
        problems = imported.problem_message()
        if problems:
            self.window.report_error(problems[0].upper() + problems[1:])

    # ----------------------------------------------------------------- into the brief
    def bring_in(self, extractions: list[Extraction], where: str) -> int:
        """Articles join the brief as one undo step, or make a new brief when the window has none; returns
        how many sources are new to it (an article already in the brief is not added twice)."""
        from briefing.core.brief import Brief
        from briefing.core.metadata import fill_header
        from briefing.ui.models.commands import AddSourceCommand

        w = self.window
        fresh = [x for x in extractions if x.source.id not in w.brief.extractions]
        if not fresh:
            w.statusBar().showMessage(f"The articles from {where} are in the brief already", 6000)
            return 0
        try:
            if w.brief.sections and w.brief.extractions:
                w.undo_stack.beginMacro(f"Add {len(fresh)} source{'s' if len(fresh) != 1 else ''}")
                for extraction in fresh:
                    w.undo_stack.push(AddSourceCommand(w.brief, extraction))
                w.undo_stack.endMacro()
            else:
                brief = Brief.from_template(w.default_template())
                for extraction in fresh:
                    brief.add_extraction(extraction)
                fill_header(brief)
                w.set_brief(brief, None)
        except BriefingError as err:
            w.report_error(str(err))
            return 0
        facts = sum(len(x.facts) for x in fresh)
        w.statusBar().showMessage(f"Read {len(fresh)} article{'s' if len(fresh) != 1 else ''} ({facts} facts) "
                                  f"from {where}", 6000)
        self.arrived.emit(len(fresh))
        return len(fresh)


"""The language model's reading of the brief's sources, after the first paint and off the GUI thread.

The window opens on the rules' facts at once; the model's names, roles and speakers arrive a few seconds later
and the views update in place (``Brief.refine_extraction``). One source at a time, each only once: a brief
saved after the pass keeps it, so reopening it runs no model. Without spaCy or its model the status bar says so
once and the rules' reading stands.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.extraction import Extraction
    from briefing.ui.window.extraction_worker import ExtractionJob

STATUS_MS = 5000


class ModelReader(QObject):
    """Runs ``extract.pipeline.model_pass`` over each source the model has not read, once ``enable``d."""

    def __init__(self, brief: Callable[[], Brief], say: Callable[[str, int], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._brief, self._say = brief, say
        self.enabled = False
        self.job: ExtractionJob | None = None
        self._tried: set[tuple[int, str]] = set()  # (id of the brief, source id): each is read once
        self.unavailable = ""  # why the model could not run, once known

    def enable(self) -> None:
        """Start reading (the app calls this after its first paint, so the window never waits for the model)."""
        self.enabled = True
        self.schedule()

    def schedule(self) -> None:
        """Read the next source the model has not read yet, if none is being read."""
        if not self.enabled or self.job is not None or self.unavailable:
            return
        brief = self._brief()
        waiting = [x for sid, x in brief.extractions.items()
                   if not x.model and x.facts and (id(brief), sid) not in self._tried]
        if not waiting:
            return
        extraction = waiting[0]
        self._tried.add((id(brief), extraction.source.id))
        snapshot = dataclasses.replace(extraction, facts=list(extraction.facts))  # the window may edit the list

        def read(_path: str, progress: Callable[[float], None], cancel: Callable[[], bool]) -> Extraction:
            from briefing.extract.pipeline import model_pass

            return model_pass(snapshot, progress=progress, cancel=cancel)

        from briefing.ui.window.extraction_worker import ExtractionJob

        job = ExtractionJob(extraction.source.title or extraction.source.id, extractor=read, parent=self)
        self.job = job
        self._say("Reading names and speakers with the language model\u2026", 0)
        job.finished.connect(lambda refined: self._finished(brief, refined))
        job.failed.connect(lambda message: self._say(f"The language model could not read this source: {message}",
                                                     STATUS_MS))
        job.done.connect(lambda: self._over(job))
        job.start()

    def cancel(self) -> None:
        """Stop reading (the window is closing)."""
        self.enabled = False
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _finished(self, brief: Brief, refined: Extraction) -> None:
        if not refined.model:
            from briefing.extract.nlp import unavailable_reason

            self.unavailable = unavailable_reason() or "the language model is not available"
            self._say(self.unavailable[:1].upper() + self.unavailable[1:], 0)
            return
        if brief is self._brief() and brief.refine_extraction(refined):
            self._say("Names and speakers read with the language model", STATUS_MS)

    def _over(self, job: ExtractionJob) -> None:
        if self.job is job:
            self.job = None
            self.schedule()

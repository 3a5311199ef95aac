"""Extraction of an article off the GUI thread, with progress and a cancel that the extractor honours.

A QThread runs a worker object; the worker talks back only through queued signals, so the window never
touches the extractor's state while it runs and never freezes on a large file.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from briefing.core.errors import BriefingError
from briefing.startup.logs import logger

FINISHED, FAILED, CANCELLED = "finished", "failed", "cancelled"
Extractor = Callable[..., Any]  # extract_path(path, progress=fraction -> None, cancel=() -> bool) -> Extraction


def _default_extractor(path: str, progress: Callable[[float], None], cancel: Callable[[], bool]) -> Any:
    from briefing.extract.pipeline import extract_path

    return extract_path(path, progress=progress, cancel=cancel)


def _percent(fraction: float) -> int:
    return max(0, min(100, int(round(100 * float(fraction)))))


class _Worker(QObject):
    """Lives in the job's thread; reports one outcome, then ends the thread's event loop itself."""

    progress = Signal(int)
    outcome = Signal(str, object)  # FINISHED/FAILED/CANCELLED and the Extraction or message

    def __init__(self, path: str, extractor: Extractor, stop: threading.Event) -> None:
        super().__init__()
        self.path, self.extractor, self.stop = path, extractor, stop
        self._last = -1

    def _progress(self, fraction: float) -> None:
        percent = _percent(fraction)
        if percent != self._last:  # one signal per visible step, not per sentence
            self._last = percent
            self.progress.emit(percent)

    @Slot()
    def run(self) -> None:
        try:
            self.outcome.emit(*self._extract())
        finally:
            QThread.currentThread().quit()  # thread-safe; the job can wait() without its help

    def _extract(self) -> tuple[str, Any]:
        from briefing.extract.pipeline import ExtractionCancelled

        try:
            extraction = self.extractor(self.path, progress=self._progress, cancel=self.stop.is_set)
        except ExtractionCancelled:
            return CANCELLED, None
        except BriefingError as err:
            return FAILED, str(err)
        except Exception as err:  # noqa: BLE001 - a bug in extraction must reach the person, not kill the thread
            logger("ui.window.extraction_worker").exception("extraction of %s failed", self.path)
            return FAILED, f"could not read {self.path}: {err}"
        return (CANCELLED, None) if self.stop.is_set() else (FINISHED, extraction)


class ExtractionJob(QObject):
    """One background extraction. Connect to the signals, then ``start()``; ``cancel()`` asks it to stop.

    Exactly one of ``finished`` / ``failed`` / ``cancelled`` is emitted, then ``done``; by then the thread
    has ended, so ``result`` / ``error`` are final.
    """

    progress = Signal(int)  # 0..100
    finished = Signal(object)  # Extraction
    failed = Signal(str)  # one-line message
    cancelled = Signal()
    done = Signal()

    def __init__(self, path: str, extractor: Extractor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.result: Any = None
        self.error: str | None = None
        self._stop = threading.Event()
        self._thread = QThread(self)
        self._thread.setObjectName("extraction")
        self._worker = _Worker(path, extractor or _default_extractor, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.outcome.connect(self._on_outcome)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms)

    def _on_outcome(self, kind: str, payload: object) -> None:
        self._thread.wait()  # the worker has returned and quit its loop; this is immediate
        self._worker.deleteLater()
        if kind == FINISHED:
            self.result = payload
            self.finished.emit(payload)
        elif kind == FAILED:
            self.error = str(payload)
            self.failed.emit(self.error)
        else:
            self.cancelled.emit()
        self.done.emit()

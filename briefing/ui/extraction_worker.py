"""Extraction of an article off the GUI thread, with progress and a cancel that the extractor honours.

A QThread runs a worker object; the worker talks back only through queued signals, so the window never
touches the extractor's state while it runs and never freezes on a large file.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from briefing.core.errors import BriefingError

Extractor = Callable[..., Any]  # extract_path(path, progress=fraction -> None, cancel=() -> bool) -> Extraction


def _default_extractor(path: str, progress: Callable[[float], None], cancel: Callable[[], bool]) -> Any:
    from briefing.extract.pipeline import extract_path

    return extract_path(path, progress=progress, cancel=cancel)


def _percent(fraction: float) -> int:
    return max(0, min(100, int(round(100 * float(fraction)))))


class _Worker(QObject):
    progress = Signal(int)
    finished = Signal(object)  # the Extraction
    failed = Signal(str)
    cancelled = Signal()

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
        from briefing.extract.pipeline import ExtractionCancelled

        try:
            extraction = self.extractor(self.path, progress=self._progress, cancel=self.stop.is_set)
        except ExtractionCancelled:
            self.cancelled.emit()
            return
        except BriefingError as err:
            self.failed.emit(str(err))
            return
        except Exception as err:  # noqa: BLE001 - a bug in extraction must reach the person, not kill the thread
            self.failed.emit(f"could not read {self.path}: {err}")
            return
        if self.stop.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(extraction)


class ExtractionJob(QObject):
    """One background extraction. Connect to the signals, then ``start()``; ``cancel()`` asks it to stop.

    Exactly one of ``finished`` / ``failed`` / ``cancelled`` is emitted, then ``done``.
    """

    progress = Signal(int)  # 0..100
    finished = Signal(object)  # Extraction
    failed = Signal(str)  # one-line message
    cancelled = Signal()
    done = Signal()

    def __init__(self, path: str, extractor: Extractor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._stop = threading.Event()
        self._thread = QThread(self)
        self._thread.setObjectName("extraction")
        self._worker = _Worker(path, extractor or _default_extractor, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        for signal, relay in ((self._worker.finished, self.finished), (self._worker.failed, self.failed)):
            signal.connect(relay)
            signal.connect(self._wrap_up)
        self._worker.cancelled.connect(self.cancelled)
        self._worker.cancelled.connect(self._wrap_up)
        self.result: Any = None
        self.error: str | None = None
        self.finished.connect(lambda extraction: setattr(self, "result", extraction))
        self.failed.connect(lambda message: setattr(self, "error", message))

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms)

    def _wrap_up(self, *_: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self._worker.deleteLater()
        self.done.emit()

"""A bug in the GUI must not take the analyst's work with it: log it, save a recovery copy, say so, go on.

``CrashHandler`` replaces ``sys.excepthook`` (exceptions in slots and Qt overrides reach it) and
``threading.excepthook`` (worker threads). Each unexpected exception is logged with its traceback, the
autosaver writes a recovery copy at once, and a person sees one message box naming the log. The app keeps
running with the brief as it was. Without a person (tests, scripts) the box is not shown; the message goes to
``messages`` and the ``crashed`` signal instead, and a caller may inject its own ``show`` function.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing.startup.logs import log_path, logger, one_line

if TYPE_CHECKING:
    from briefing.ui.window.main_window import MainWindow

ShowCrash = Callable[[QWidget | None, str], None]
SaveRecovery = Callable[[], object]  # returns where the copy went, or None when it could not be written
REPEAT_QUIET_SECONDS = 5.0  # the same error again within this time is logged, not shown again
_log = logger("ui.safety.crash")


def show_crash_box(parent: QWidget | None, message: str) -> None:
    """The message box a person sees."""
    QMessageBox.critical(parent, "Briefing \u2014 something went wrong", message)


def crash_message(error: str, *, work_kept: bool, log: str) -> str:
    """The one-paragraph message after an unexpected error: whether the work is safe, and where the details are
    logged."""
    if work_kept:
        return f"Something went wrong: {error}. Your work is kept; details in {log}"
    return f"Something went wrong: {error}. Your work is still open: save it now. Details in {log}"


class CrashHandler(QObject):
    """Installs itself as the exception hook for ``window``; ``uninstall`` restores the previous hooks.

    ``show``: None shows nothing (tests, scripts); ``show_crash_box`` is what the app passes.
    """

    crashed = Signal(str)  # the message a person would see, emitted on the GUI thread
    _reported = Signal(str)  # the one-line error, from any thread

    def __init__(self, window: MainWindow, *, save_recovery: SaveRecovery | None = None, show: ShowCrash | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.save_recovery = save_recovery  # the autosaver's save_now: writes a recovery copy, its path or None
        self.show = show
        self.messages: list[str] = []
        self._previous: tuple[object, object] | None = None
        self._showing = False
        self._last_shown: tuple[str, float] = ("", 0.0)
        # Queued even on the GUI thread: the box opens after the failing call has unwound, not inside it.
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    # ----------------------------------------------------------------- hooks
    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            if sys.excepthook == self.excepthook:
                sys.excepthook = self._previous[0]  # type: ignore[assignment]
            if threading.excepthook == self.thread_excepthook:
                threading.excepthook = self._previous[1]  # type: ignore[assignment]
            self._previous = None

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        self.handle(exc_type, exc, tb, where=threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback,
                    where=args.thread.name if args.thread is not None else "a thread")

    # ----------------------------------------------------------------- handling
    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *,
               where: str = "") -> None:
        """Log the traceback, then (on the GUI thread, queued) save a recovery copy and tell the person."""
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)) and self._previous is not None:
            previous = self._previous[0]
            previous(exc_type, exc, tb)  # type: ignore[operator]
            return
        try:
            _log.error("unexpected error in %s:\n%s", where or "the app",
                       "".join(traceback.format_exception(exc_type, exc, tb)).rstrip())
            error = one_line(exc)
            self._reported.emit(error)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            sys.__excepthook__(exc_type, exc, tb)
            return
        if sys.stderr is not None:  # None in a windowed app without a console
            with contextlib.suppress(Exception):
                print(f"briefing: internal error: {error} (details in {log_path()})", file=sys.stderr)

    def _on_reported(self, error: str) -> None:
        work_kept = self._save_recovery()
        message = crash_message(error, work_kept=work_kept, log=str(log_path()))
        self.messages.append(message)
        self.crashed.emit(message)
        now = time.monotonic()
        repeated = self._last_shown[0] == message and now - self._last_shown[1] < REPEAT_QUIET_SECONDS
        if self.show is None or self._showing or repeated:
            return
        self._showing = True
        try:
            self.show(self.window, message)
        except Exception:  # noqa: BLE001 - a failing dialog must not loop back into this hook
            _log.exception("could not show the crash message")
        finally:
            self._showing = False
            self._last_shown = (message, time.monotonic())

    def _save_recovery(self) -> bool:
        """True when the work is safe: nothing unsaved, or a recovery copy was just written."""
        try:
            if self.window.undo_stack.isClean():
                return True
            return self.save_recovery is not None and self.save_recovery() is not None
        except Exception:  # noqa: BLE001 - the window itself may be what broke
            _log.exception("recovery save after a crash failed")
            return False

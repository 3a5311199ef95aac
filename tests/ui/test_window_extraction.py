"""Reading a large article happens off the GUI thread: progress in the status bar, Cancel works, errors
arrive as one line, and the window keeps handling events meanwhile."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.ui.window.extraction_worker import ExtractionJob
from briefing.ui.window.main_window import MainWindow

WAIT_MS = 120_000

SUBJECTS = ["The ministry", "Officials", "The cabinet", "Haroon Akhtar Khan", "The Russian delegation", "Investors"]
VERBS = ["said", "announced", "approved", "will discuss", "plans to review", "met to consider"]
OBJECTS = ["the revival of the steel mill", "a new trade route", "tariffs on wheat", "the 2026 budget",
           "a $1.2 billion loan", "joint working groups"]


@pytest.fixture(scope="module")
def big_article(tmp_path_factory) -> Path:
    """About 1.5 MB of varied news sentences in paragraphs."""
    rng = random.Random(7)
    paragraphs, size = [], 0
    while size < 1_500_000:
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on day {rng.randint(1, 9999)}."
                     for _ in range(5)]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    path = tmp_path_factory.mktemp("big") / "big-article.txt"
    path.write_text("ISLAMABAD: " + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_large_article_is_read_in_the_background_with_progress(qtbot, window: MainWindow, big_article: Path):
    seen: list[int] = []
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    job = window.start_extraction(big_article)
    assert job is not None
    job.progress.connect(seen.append)
    timer.start()
    assert window.progress_bar.isVisible() and window.cancel_button.isVisible()
    with qtbot.waitSignal(job.done, timeout=WAIT_MS):
        pass
    timer.stop()
    assert window.job is None
    assert not window.progress_bar.isVisible() and not window.cancel_button.isVisible()
    assert len(window.brief.facts) > 1000
    assert next(iter(window.brief.extractions.values())).source.path.endswith("big-article.txt")
    assert seen and seen == sorted(seen)
    assert ticks, "the GUI thread handled no timer events while extracting"


def test_cancel_stops_the_extraction_and_keeps_the_brief(qtbot, window: MainWindow, big_article: Path):
    window.open_path(SAMPLE_ARTICLE)
    before = window.brief
    facts_before = len(before.facts)
    job = window.start_extraction(big_article, "add")
    job.progress.connect(lambda _p: qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
                         if window.cancel_button.isVisible() else None)
    with qtbot.waitSignal(job.cancelled, timeout=WAIT_MS):
        pass
    assert job.result is None
    assert window.brief is before and len(window.brief.facts) == facts_before
    assert len(window.brief.extractions) == 1
    assert window.job is None and not window.progress_bar.isVisible()


def test_an_unreadable_file_reports_one_line_and_changes_nothing(qtbot, window: MainWindow, tmp_path: Path):
    window.open_path(SAMPLE_ARTICLE)
    before = window.brief
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf \x00\x01\x02")
    with qtbot.waitSignal(window.error_reported, timeout=WAIT_MS) as signal:
        window.start_extraction(broken, "add")
    message = signal.args[0]
    assert message and "\n" not in message
    assert window.last_error == message
    assert window.brief is before and len(window.brief.extractions) == 1


def test_a_bug_in_the_extractor_becomes_a_message_not_a_dead_thread(qtbot):
    def broken(path, progress, cancel):
        raise ValueError("boom")

    job = ExtractionJob("article.txt", extractor=broken)
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS) as signal:
        job.start()
    assert "boom" in signal.args[0]
    assert job.wait(5000)


def test_files_dropped_while_reading_wait_their_turn(qtbot, window: MainWindow, tmp_path: Path):
    second = tmp_path / "second.txt"
    second.write_text("MOSCOW: The ministry approved the plan on Friday. Officials said talks will resume in May.\n",
                      encoding="utf-8")
    first_job = window.start_extraction(SAMPLE_ARTICLE)
    assert window.start_extraction(second) is None  # queued behind the running job
    with qtbot.waitSignal(first_job.done, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: len(window.brief.extractions) == 2, timeout=WAIT_MS)
    assert window.job is None or not window.job.is_running()

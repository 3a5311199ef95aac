"""Start-up: the window takes the articles read while it was built, and leaves what can wait until painted."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.extract import pipeline
from briefing.startup.prefetch import (
    READ_AT_START_LIMIT,
    Prefetch,
    can_fork,
    read_at_start,
)
from briefing.storage.paths import SAMPLE_ARTICLE as SAMPLE
from briefing.storage.serialize import extraction_to_dict
from briefing.ui.app import open_files
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import shown_window


@pytest.mark.skipif(not can_fork(), reason="no second process on this machine")
def test_the_window_opens_a_prefetched_article_without_reading_it_again(qtbot, settings, monkeypatch):
    expected = extraction_to_dict(pipeline.extract_path(SAMPLE))
    prefetch = Prefetch.start([str(SAMPLE)])
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.prefetch = prefetch
    monkeypatch.setattr(pipeline, "extract_path", lambda *a, **k: pytest.fail("read again in the window"))
    window.open_path(SAMPLE)
    assert [extraction_to_dict(e) for e in window.brief.extractions.values()] == [expected]
    assert window.fact_model.rowCount() == len(expected["facts"])


def test_a_window_without_a_prefetch_reads_the_article_itself(qtbot, settings):
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.open_path(SAMPLE)
    assert window.fact_model.rowCount() > 0


def test_work_waiting_for_the_first_paint_runs_after_it_and_not_before(qtbot, settings):
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    ran: list[str] = []
    window.after_first_paint(lambda: ran.append("log and autosave"))
    qtbot.wait(20)
    assert ran == []  # never shown, never painted: nothing ran
    window.show()
    qtbot.waitUntil(lambda: ran == ["log and autosave"], timeout=5000)
    window.after_first_paint(lambda: ran.append("later"))  # once painted, it runs soon from the event loop
    qtbot.waitUntil(lambda: ran == ["log and autosave", "later"], timeout=5000)


def test_the_shown_window_on_the_sample_has_its_facts_and_sections(qtbot, settings):
    window = shown_window(qtbot, settings, SAMPLE)
    assert window.fact_model.rowCount() == len(window.brief.facts) > 0
    assert window.tree_model.rowCount() == len(window.brief.sections) > 0
    outline = window.panes.outline
    assert all(outline.isExpanded(window.tree_model.index(row, 0)) for row in range(window.tree_model.rowCount()))


def _long_article(folder, size: int = READ_AT_START_LIMIT + 1) -> Path:
    unit = SAMPLE.read_text(encoding="utf-8").rsplit("\n\n", 1)[0] + "\n\n"
    path = folder / "long-report.txt"
    path.write_text(unit * (size // len(unit) + 1), encoding="utf-8")
    return path


def test_a_long_article_given_at_start_is_read_in_the_background_then_the_others_are_added(qtbot, settings,
                                                                                         tmp_path):
    long_report = _long_article(tmp_path)
    assert not read_at_start(long_report) and read_at_start(SAMPLE)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    open_files(window, [str(long_report), str(SAMPLE)])
    assert window.job is not None and window.progress_bar.isVisible()  # the window is free while it reads
    assert window.brief.extractions == {}
    qtbot.waitUntil(lambda: window.job is None and len(window.brief.extractions) == 2, timeout=60_000)
    names = [Path(e.source.path).name for e in window.brief.extractions.values()]
    assert names == [long_report.name, SAMPLE.name]  # in the order given, the long one first
    assert not window.progress_bar.isVisible()
    assert window.undo_stack.isClean() and not window.isWindowModified()  # opened, not edited


def test_work_waiting_for_a_paint_that_never_comes_runs_after_a_while(qtbot, settings, monkeypatch):
    from briefing.ui.window import main_window

    monkeypatch.setattr(main_window, "PAINT_WAIT_MS", 50)
    window = MainWindow(settings=settings)  # never shown: as a window started minimised may never be painted
    qtbot.addWidget(window)
    ran: list[str] = []
    window.after_first_paint(lambda: ran.append("autosave"))
    qtbot.waitUntil(lambda: ran == ["autosave"], timeout=5000)


def test_a_long_article_is_not_read_by_the_second_process(tmp_path):
    from briefing.startup.prefetch import read_openings

    long_report = _long_article(tmp_path)
    found = read_openings([str(long_report), str(SAMPLE)])
    assert list(found.extractions) == [str(SAMPLE)]


def test_a_file_opened_before_the_window_shows_reports_its_error_over_the_shown_window(qtbot, settings, monkeypatch,
                                                                                      tmp_path):
    from briefing.ui.window import dialogs

    shown: list[tuple[bool, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message: shown.append((parent.isVisible(), message)))
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    window = MainWindow(interactive=True, settings=settings)
    qtbot.addWidget(window)
    open_files(window, [str(empty)])  # as the app does: the files first, then the window
    assert window.last_error and "empty.txt" in window.last_error
    assert shown == []  # no box on its own before there is a window under it
    window.show()
    qtbot.waitUntil(lambda: shown != [], timeout=5000)
    assert shown == [(True, window.last_error)]
    window.report_error("a later mistake")  # once on screen, at once
    assert shown[-1] == (True, "a later mistake")


def test_the_app_opens_its_files_before_it_shows_its_window(monkeypatch):
    """So the window is laid out once, with its article, instead of empty and then again."""
    from briefing.ui import app as app_module
    from briefing.ui.window import main_window

    seen: list[str] = []
    monkeypatch.setattr(app_module, "open_files", lambda window, paths: seen.append("open"))
    monkeypatch.setattr(main_window.MainWindow, "show", lambda self: seen.append("show"))
    monkeypatch.setattr(main_window.MainWindow, "after_first_paint", lambda self, work: None)
    monkeypatch.setattr(app_module, "make_application", lambda: type("App", (), {"exec": lambda self: 0})())
    assert app_module.run_app([str(SAMPLE)]) == 0
    assert seen == ["open", "show"]

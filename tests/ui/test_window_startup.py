"""Start-up: the window takes the articles read while it was built, and leaves what can wait until painted."""

from __future__ import annotations

import pytest
from conftest import shown_window

from briefing.core.serialize import extraction_to_dict
from briefing.extract import pipeline
from briefing.paths import SAMPLE_ARTICLE as SAMPLE
from briefing.prefetch import Prefetch, can_fork
from briefing.ui.main_window import MainWindow


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

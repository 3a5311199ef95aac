"""The language model reads the sources after the first paint, off the GUI thread, and the views update in place."""

from __future__ import annotations

import pytest

from briefing.extract import nlp
from briefing.extract.pipeline import extract_text
from briefing.ui.models.roles import Role
from tests.ui.conftest import shown_window

ARTICLE = ("Dana Okafor, the harbour board chair, opened the new terminal on Monday.\n\n"
           "\u201cThis is a good day for the town,\u201d she told reporters.\n")

needs_model = pytest.mark.skipif(nlp.model() is None, reason=str(nlp.unavailable_reason()))


@pytest.fixture
def window(qtbot, settings):
    shown = shown_window(qtbot, settings)
    yield shown
    shown.model_reader.cancel()


def _open(window, qtbot):
    window.new_brief_with(extract_text(ARTICLE, title="Terminal opens"))
    return next(iter(window.brief.extractions.values()))


def test_nothing_is_read_by_the_model_before_the_window_asks(window, qtbot):
    extraction = _open(window, qtbot)
    assert extraction.model == "" and window.model_reader.job is None


@needs_model
def test_the_models_names_and_speakers_arrive_in_place_and_are_read_once(window, qtbot):
    extraction = _open(window, qtbot)
    facts_before = [(f.id, f.start, f.end, f.kind) for f in extraction.facts]
    window.brief.place([extraction.facts[1].id], window.brief.sections[0].id)
    changed = []
    window.fact_model.dataChanged.connect(lambda first, last, roles=(): changed.append((first.row(), last.row())))
    window.model_reader.enable()
    assert window.statusBar().currentMessage().startswith("Reading names and speakers")
    qtbot.waitUntil(lambda: extraction.model != "", timeout=60000)
    assert extraction.model.startswith("en_core_web_sm")
    assert [(f.id, f.start, f.end, f.kind) for f in extraction.facts] == facts_before
    quote = extraction.facts[1]
    assert quote.speaker == "Dana Okafor"
    assert window.fact_model.index(1, 0).data(Role.TIMES_PLACED) == 1  # the placement is untouched
    assert changed, "the fact list was told its rows changed"
    assert "Dana Okafor" in {e.name for e in extraction.entities}
    qtbot.waitUntil(lambda: window.model_reader.job is None, timeout=10000)
    window.model_reader.schedule()
    assert window.model_reader.job is None  # read once: nothing left to read


def test_without_the_model_the_status_bar_says_so_and_the_rules_stand(window, qtbot, monkeypatch):
    monkeypatch.setattr(nlp, "model", lambda: None)
    monkeypatch.setattr(nlp, "unavailable_reason", lambda: "spaCy is not available (test); rules only")
    extraction = _open(window, qtbot)
    before = [(f.id, f.speaker) for f in extraction.facts]
    window.model_reader.enable()
    qtbot.waitUntil(lambda: window.model_reader.job is None, timeout=30000)
    assert window.statusBar().currentMessage() == "SpaCy is not available (test); rules only"
    assert extraction.model == "" and [(f.id, f.speaker) for f in extraction.facts] == before

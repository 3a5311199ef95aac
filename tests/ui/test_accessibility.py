"""Every interactive widget a screen reader meets has a name: the window walked tab by tab, and the dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget

from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.ui.accessible import nameless, spoken_name
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import energy_extraction, shown_window
from tests.ui.test_main_window import focus_placement, place_by_keys


@pytest.fixture
def sample(qtbot, settings: QSettings) -> MainWindow:
    return shown_window(qtbot, settings, SAMPLE_ARTICLE)


def _described(widgets) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in widgets]


def test_every_interactive_widget_in_every_tab_has_a_name(qtbot, sample: MainWindow):
    from briefing.ui.models.commands import AddSourceCommand

    sample.undo_stack.push(AddSourceCommand(sample.brief, energy_extraction()))  # the source filter shows
    tabs = sample.findChild(QTabWidget, "briefTabs")
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        for edit in sample.panes.metadata.edits.values():
            if not edit.text():
                edit.setText("x")  # clear buttons show only on a field with text
        assert _described(nameless(sample)) == [], tabs.tabText(index)


@pytest.mark.parametrize("name, widget", [
    ("Article text", lambda w: w.panes.source.view), ("Facts", lambda w: w.panes.facts.list),
    ("Brief outline", lambda w: w.panes.outline), ("Section text or note", lambda w: w.panes.editor.editor),
    ("Preview of the brief", lambda w: w.panes.preview), ("Filter facts", lambda w: w.panes.facts.filter),
    ("People, organisations and places", lambda w: w.panes.entities.tree),
])
def test_the_widgets_that_had_no_name_at_all_now_say_what_they_are(sample: MainWindow, name, widget):
    assert widget(sample).accessibleName() == name == spoken_name(widget(sample))


def test_the_rewording_and_source_editors_name_their_controls(qtbot, sample: MainWindow):
    place_by_keys(qtbot, sample, (0,), 1)
    focus_placement(sample, sample.brief.sections[0].placements[0].id)
    reword = sample.reword_selected()
    assert _described(nameless(reword)) == []
    reword.reject()
    details = sample.edit_source_details(next(iter(sample.brief.extractions)))
    assert _described(nameless(details)) == []
    assert details.edits["published"].accessibleDescription().startswith("Publication date")
    details.reject()

"""Sources the analyst can cite: the details editor shows and corrects title, publisher, author, date and URL;
a new date re-resolves relative dates; every change is one undo step; a file name is cited only as a last resort."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from briefing.core.brief import Brief
from briefing.core.source import Source
from briefing.ui.models.commands import AddSourceCommand
from briefing.ui.panes.source_details import SourceDetailsEditor
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import energy_extraction, make_extraction, shown_window

MEETING = [("Ministers met in Moscow on Tuesday.", "meeting", "", ["Moscow"], [])]


@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    window = shown_window(qtbot, settings)
    window.set_brief(Brief.from_template(window.default_template()), None)
    extraction = make_extraction(MEETING, title="Talks in Moscow", publisher="", published="")
    extraction.source.path = "/home/analyst/articles/moscow.txt"
    window.undo_stack.push(AddSourceCommand(window.brief, extraction))
    window.undo_stack.push(AddSourceCommand(window.brief, energy_extraction()))
    return window


def _editor(qtbot, window: MainWindow, source_id: str) -> SourceDetailsEditor:
    editor = window.edit_source_details(source_id)
    assert isinstance(editor, SourceDetailsEditor) and editor.isVisible()
    return editor


def test_the_editor_is_prefilled_from_the_article(qtbot, window: MainWindow):
    energy = next(s for s in window.brief.extractions.values() if s.source.publisher == "Dawn").source
    editor = _editor(qtbot, window, energy.id)
    assert {k: e.text() for k, e in editor.edits.items()} == {
        "title": "Pipeline talks", "publisher": "Dawn", "byline": "", "published": "2025-05-01", "url": ""}
    editor.reject()


def test_typing_details_and_a_date_re_resolves_tuesday_and_undo_puts_everything_back(qtbot, window: MainWindow):
    source = next(iter(window.brief.extractions.values())).source
    fact = window.brief.facts[0]
    editor = _editor(qtbot, window, source.id)
    for key, text in (("publisher", "Dawn"), ("published", "2025-07-03"), ("url", "https://dawn.com/moscow")):
        edit = editor.edits[key]
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not editor.isVisible()
    assert (source.publisher, source.published) == ("Dawn", "2025-07-03")
    assert [(d.text, d.value) for d in fact.dates] == [("Tuesday", "2025-07-01")]  # the Tuesday before the 3rd
    assert source.citation() == ("Dawn, \u201cTalks in Moscow\u201d, 2025-07-03, URL: https://dawn.com/moscow.")
    window.undo_stack.undo()
    assert (source.publisher, source.published, source.url, fact.dates) == ("", "", "", [])


def test_an_impossible_date_is_refused_with_one_line_and_nothing_changes(qtbot, window: MainWindow):
    source = next(iter(window.brief.extractions.values())).source
    editor = _editor(qtbot, window, source.id)
    editor.edits["published"].setText("2025-02-30")
    depth = window.undo_stack.count()
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert editor.isVisible() and editor.problem.text().startswith("The date must be")
    assert window.undo_stack.count() == depth and source.published == ""
    editor.reject()


def test_double_clicking_an_article_tab_opens_its_details(qtbot, window: MainWindow):
    tabs = window.panes.source.tabs
    tabs.tabBarDoubleClicked.emit(1)
    editor = next(e for e in window.findChildren(SourceDetailsEditor) if e.isVisible())
    assert editor.source_id == tabs.tabData(1)
    editor.reject()


@pytest.mark.parametrize("source, cited", [
    (Source(id="s", text="", content_hash="", title="Talks", path="/tmp/a.txt"), "\u201cTalks\u201d."),
    (Source(id="s", text="", content_hash="", path="/tmp/a.txt"), "File: a.txt."),
    (Source(id="s", text="", content_hash="", publisher="Dawn", path="https://dawn.com/x"),
     "Dawn, URL: https://dawn.com/x."),
])
def test_a_local_file_name_is_cited_only_when_nothing_better_is_known(source, cited):
    assert source.citation() == cited

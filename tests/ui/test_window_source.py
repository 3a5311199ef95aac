"""Article and fact list follow each other in the window; a selection in the article becomes a fact of
its own with exact offsets; entities filter the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QTextCursor

from briefing.core import ids
from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.source import Source
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.template.registry import find_template
from briefing.ui.models.roles import Role
from briefing.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.open_path(SAMPLE_ARTICLE)
    return w


def click_offset(qtbot, window: MainWindow, offset: int) -> None:
    view = window.panes.source.view
    doc = view.source_doc
    cursor = QTextCursor(doc.document)
    cursor.setPosition(doc.offsets.to_qt(offset) + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())


def current_fact_id(window: MainWindow) -> str | None:
    index = window.panes.facts.list.currentIndex()
    return index.data(Role.FACT_ID) if index.isValid() else None


def test_clicking_a_fact_in_the_article_selects_it_in_the_list(qtbot, window: MainWindow):
    fact = window.brief.facts[3]
    click_offset(qtbot, window, fact.start + 5)
    assert current_fact_id(window) == fact.id
    assert window.selected_fact_ids() == [fact.id]


def test_clicking_a_fact_the_filter_hides_clears_the_filter(qtbot, window: MainWindow):
    fact = window.brief.facts[2]
    window.panes.facts.filter.setText("zzz-no-such-words")
    assert window.fact_proxy.rowCount() == 0
    click_offset(qtbot, window, fact.start + 2)
    assert current_fact_id(window) == fact.id
    assert window.panes.facts.filter.text() == ""


def test_selecting_a_fact_in_the_list_scrolls_to_and_outlines_it_in_the_article(qtbot, window: MainWindow):
    fact = window.brief.facts[-1]
    view = window.panes.facts.list
    row = window.fact_proxy.mapFromSource(window.fact_model.fact_index(fact.id))
    view.selectionModel().setCurrentIndex(row, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    (mark,) = window.panes.source.view.extraSelections()
    assert mark.cursor.selectedText() == fact.text.replace("\n", "\u2029")
    source_view = window.panes.source.view
    rect = source_view.cursorRect(mark.cursor)
    assert source_view.viewport().rect().intersects(rect)


def test_a_selection_in_the_article_becomes_a_fact_with_exact_offsets(qtbot, window: MainWindow):
    text = next(iter(window.brief.extractions.values())).source.text
    wanted = "Denis Nazarov"
    start = text.index(wanted)
    view = window.panes.source.view
    view.setFocus()
    view.select_span(start, start + len(wanted))
    count = len(window.brief.facts)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.brief.facts) == count + 1
    fact = window.brief.facts[-1]
    assert (fact.start, fact.end, fact.text, fact.custom) == (start, start + len(wanted), wanted, True)
    assert text[fact.start:fact.end] == fact.text
    assert current_fact_id(window) == fact.id
    window.undo_stack.undo()
    assert not window.brief.has_fact(fact.id) and len(window.brief.facts) == count


def test_a_selection_after_emoji_and_paragraph_breaks_keeps_exact_offsets(qtbot, window: MainWindow):
    text = "\U0001F600 Opening.\n\nThe minister \U0001F1F5\U0001F1F0 said output rose 12%.\n\nLast line here."
    digest = ids.content_hash(text)
    source = Source(id=ids.source_id(digest), text=text, content_hash=digest, title="Emoji")
    brief = Brief.from_template(find_template(None))
    brief.add_extraction(Extraction(source=source))
    window.set_brief(brief, None)
    wanted = "said output rose 12%."
    start = text.index(wanted)
    window.panes.source.view.select_span(start - 1, start + len(wanted) + 2)  # sloppy: a space and a newline
    fact = window.add_selection_as_fact()
    assert fact is not None
    assert (fact.start, fact.end) == (start, start + len(wanted))
    assert brief.extractions[source.id].source.text[fact.start:fact.end] == wanted


def test_adding_a_selection_is_also_in_the_article_context_menu(window: MainWindow):
    actions = window.panes.source.view._context_actions
    assert window.window_actions["actionAddSelection"] in actions


def test_choosing_an_entity_shows_only_facts_that_mention_it(qtbot, window: MainWindow):
    tree = window.panes.entities.tree
    items = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
             for j in range(tree.topLevelItem(i).childCount())]
    assert items, "the sample names people, organisations or places"
    item = items[0]
    name = item.text(0)
    tree.itemClicked.emit(item, 0)
    shown = [window.fact_proxy.index(r, 0) for r in range(window.fact_proxy.rowCount())]
    assert 0 < len(shown) < len(window.brief.facts)
    window.panes.entities.clear()
    assert window.fact_proxy.rowCount() == len(window.brief.facts)
    assert name


def test_roles_of_people_are_shown_next_to_their_names(window: MainWindow):
    tree = window.panes.entities.tree
    roles = {tree.topLevelItem(i).child(j).text(0): tree.topLevelItem(i).child(j).text(2)
             for i in range(tree.topLevelItemCount()) for j in range(tree.topLevelItem(i).childCount())}
    entities = {e.name: e.role for ex in window.brief.extractions.values() for e in ex.entities}
    assert {n: r for n, r in roles.items() if r} == {n: r for n, r in entities.items() if r and n in roles}

"""Deleting facts the analyst added: one undo step that undoes and redoes exactly, the models following along,
and in the window Shift+Delete in the fact list (enabled only for such facts), the menus and the status bar."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMenu

from briefing.core.brief import Brief
from briefing.core.fact import Fact
from briefing.core.ids import fact_id
from briefing.storage.brief_file import brief_to_yaml, load_brief
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.ui.models import brief_drops
from briefing.ui.models.brief_tree import BriefTreeModel
from briefing.ui.models.commands import (
    AddFactCommand,
    DeleteFactsCommand,
    PlaceFactsCommand,
    RewordCommand,
    SetNoteCommand,
)
from briefing.ui.models.fact_list import FactListModel
from briefing.ui.models.roles import Role
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import SHORT_TEMPLATE, shown_window, snapshot

SELECT = QItemSelectionModel.SelectionFlag
SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


def own_fact(brief: Brief, fact_row: int, length: int) -> Fact:
    """The first ``length`` characters of an extracted fact, as the analyst's own span (not yet added)."""
    src = brief.facts[fact_row]
    text = src.text[:length]
    return Fact(id=fact_id(src.source_id, src.start, src.start + length, text), source_id=src.source_id,
                start=src.start, end=src.start + length, text=text, custom=True)


def add_own(brief: Brief, stack: QUndoStack, fact_row: int, length: int) -> str:
    fact = own_fact(brief, fact_row, length)
    stack.push(AddFactCommand(brief, fact))
    return fact.id


def place(brief: Brief, stack: QUndoStack, fact_ids: list[str], section: str) -> list[str]:
    command = PlaceFactsCommand(brief, fact_ids, section)
    stack.push(command)
    return [p.id for p in command.placements]


def full_state(brief: Brief) -> tuple:
    """``snapshot`` plus what it leaves out: each source's own fact order and the brief file's exact bytes."""
    return snapshot(brief), {sid: [f.id for f in e.facts] for sid, e in brief.extractions.items()}, \
        brief_to_yaml(brief)


# ----------------------------------------------------------------------------- the command
@pytest.mark.parametrize(("count", "label"), [(1, "Delete fact"), (2, "Delete 2 facts")])
def test_deleting_facts_is_labelled_for_the_edit_menu(brief, undo_stack, count, label):
    ids = [add_own(brief, undo_stack, row, 9) for row in range(count)]
    undo_stack.push(DeleteFactsCommand(brief, ids))
    assert undo_stack.undoText() == label


def test_undo_and_redo_of_a_delete_land_exactly_on_the_brief_before_and_after(brief, undo_stack):
    mine, other = add_own(brief, undo_stack, 0, 12), add_own(brief, undo_stack, 3, 10)
    extracted = brief.facts[1].id
    placed = place(brief, undo_stack, [extracted, mine, other], "background")
    placed += place(brief, undo_stack, [mine], "quotes")
    undo_stack.push(RewordCommand(brief, placed[1], "In my own words."))
    undo_stack.push(SetNoteCommand(brief, placed[3], "Ask the desk."))
    brief.apply_template(SHORT_TEMPLATE)  # "background" and "quotes" now wait in Unplaced
    before = full_state(brief)
    undo_stack.push(DeleteFactsCommand(brief, [mine, other]))
    after = full_state(brief)
    assert not brief.has_fact(mine) and [p.id for s in brief.sections for p in s.placements] == [placed[0]]
    for _ in range(2):
        undo_stack.undo()
        assert full_state(brief) == before
        assert brief.placement(placed[1]).text == "In my own words."
        assert brief.placement(placed[3]).note == "Ask the desk."
        undo_stack.redo()
        assert full_state(brief) == after


def test_the_whole_history_around_a_delete_undoes_and_redoes_step_by_step(brief, undo_stack):
    states = [full_state(brief)]
    mine = add_own(brief, undo_stack, 2, 15)
    states.append(full_state(brief))
    place(brief, undo_stack, [mine, brief.facts[0].id], "key_points")
    states.append(full_state(brief))
    undo_stack.push(DeleteFactsCommand(brief, [mine]))
    states.append(full_state(brief))
    place(brief, undo_stack, [brief.facts[4].id], "key_points")  # a later step refers to the brief without it
    states.append(full_state(brief))
    for expected in reversed(states[:-1]):
        undo_stack.undo()
        assert full_state(brief) == expected
    for expected in states[1:]:
        undo_stack.redo()
        assert full_state(brief) == expected


@pytest.mark.qt_log_level_fail("WARNING")  # QAbstractItemModelTester reports by warning
def test_the_fact_list_and_the_outline_pass_the_model_tester_through_delete_undo_and_redo(
        brief, undo_stack, qtmodeltester):
    facts, tree = FactListModel(brief), BriefTreeModel(brief, undo_stack)
    qtmodeltester.check(facts)
    qtmodeltester.check(tree)
    mine = add_own(brief, undo_stack, 1, 20)
    place(brief, undo_stack, [brief.facts[0].id, mine], "background")
    place(brief, undo_stack, [mine], "next_steps")
    undo_stack.push(DeleteFactsCommand(brief, [mine]))
    assert [facts.index(r).data(Role.FACT_ID) for r in range(facts.rowCount())] == [f.id for f in brief.facts]
    assert tree.rowCount(tree.section_index("background")) == 1
    assert tree.rowCount(tree.section_index("next_steps")) == 0
    undo_stack.undo()
    assert facts.index(brief.fact_row(mine)).data(Role.TIMES_PLACED) == 2
    assert tree.rowCount(tree.section_index("background")) == 2
    undo_stack.redo()
    qtmodeltester.check(facts)
    qtmodeltester.check(tree)


def test_deleting_every_fact_of_dropped_text_removes_its_source_until_undo(brief, undo_stack, monkeypatch):
    monkeypatch.setitem(sys.modules, "briefing.extract.pipeline", types.ModuleType("no_extract_text"))
    mime = QMimeData()
    mime.setText("Talks resume in June.\n\nBoth sides expect a deal.")
    assert brief_drops.perform(brief, undo_stack, mime, Qt.DropAction.CopyAction, "next_steps", None)
    pasted = [e for e in brief.extractions.values() if e.source.kind == "pasted"]
    assert len(pasted) == 1 and all(f.custom for f in pasted[0].facts)
    before = full_state(brief)
    undo_stack.push(DeleteFactsCommand(brief, [f.id for f in pasted[0].facts]))
    assert pasted[0].source.id not in brief.extractions and brief.section("next_steps").placements == []
    undo_stack.undo()
    assert full_state(brief) == before


# ----------------------------------------------------------------------------- the window
@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    return shown_window(qtbot, settings, SAMPLE_ARTICLE)


def add_span_from_article(qtbot, window: MainWindow, fact_row: int, length: int) -> Fact:
    """Select the start of a fact's sentence in the article and press Ctrl+Shift+A (the fact gets selected)."""
    sentence = window.brief.facts[fact_row]
    view = window.panes.source.view
    view.setFocus()
    view.select_span(sentence.start, sentence.start + length)
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL | SHIFT)
    fact = window.brief.facts[-1]
    assert fact.custom and fact.text == sentence.text[:length].strip()
    return fact


def select_facts(window: MainWindow, *fact_ids: str) -> None:
    view = window.panes.facts.list
    view.setFocus()
    for n, fid in enumerate(fact_ids):
        index = window.fact_proxy.mapFromSource(window.fact_model.fact_index(fid))
        view.selectionModel().setCurrentIndex(index, SELECT.ClearAndSelect if n == 0 else SELECT.Select)


def shown_rows(window: MainWindow) -> tuple[list[str], list[list[str]]]:
    """What the fact list and the outline show: fact ids in order, placement ids per section."""
    facts, tree = window.fact_model, window.tree_model
    sections = [tree.index(si, 0) for si in range(tree.rowCount())]
    return ([facts.index(r).data(Role.FACT_ID) for r in range(facts.rowCount())],
            [[tree.index(r, 0, s).data(Role.PLACEMENT_ID) for r in range(tree.rowCount(s))] for s in sections])


def brief_rows(brief: Brief) -> tuple[list[str], list[list[str]]]:
    return [f.id for f in brief.facts], [[p.id for p in s.placements] for s in brief.sections]


def test_shift_delete_in_the_fact_list_deletes_your_span_and_its_placements_and_ctrl_z_restores_them(
        qtbot, window: MainWindow, tmp_path: Path):
    fact = add_span_from_article(qtbot, window, 2, 30)
    facts = window.panes.facts.list
    qtbot.keyClick(facts, Qt.Key.Key_1, CTRL)  # the new fact is selected: place it in sections 1 and 2
    qtbot.keyClick(facts, Qt.Key.Key_2, CTRL)
    placements = [p.id for s in window.brief.sections for p in s.placements]
    assert len(placements) == 2 and window.brief.times_placed(fact.id) == 2
    before = full_state(window.brief)
    select_facts(window, fact.id)
    assert window.window_actions["actionDeleteFact"].isEnabled()
    qtbot.keyClick(facts, Qt.Key.Key_Delete, SHIFT)
    assert not window.brief.has_fact(fact.id) and not any(s.placements for s in window.brief.sections)
    assert shown_rows(window) == brief_rows(window.brief)
    assert "Deleted 1 fact you added" in window.statusBar().currentMessage()
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    assert window.undo_stack.undoText() == "Delete fact" and window.isWindowModified()
    qtbot.keyClick(facts, Qt.Key.Key_Z, CTRL)
    assert full_state(window.brief) == before
    assert [p.id for s in window.brief.sections for p in s.placements] == placements
    assert shown_rows(window) == brief_rows(window.brief)
    path = tmp_path / "after-undo.brief.yaml"
    window.save_brief(path)
    assert load_brief(path) == window.brief


def test_delete_fact_is_disabled_for_an_extracted_fact_and_shift_delete_leaves_it(qtbot, window: MainWindow):
    extracted = window.brief.facts[0].id
    select_facts(window, extracted)
    action = window.window_actions["actionDeleteFact"]
    assert not action.isEnabled()
    count = window.undo_stack.count()
    qtbot.keyClick(window.panes.facts.list, Qt.Key.Key_Delete, SHIFT)
    assert window.brief.has_fact(extracted) and window.undo_stack.count() == count
    assert window.delete_selected_facts() == 0 and window.undo_stack.count() == count  # e.g. a stale menu
    message = window.statusBar().currentMessage()
    assert message == "Only facts you added can be deleted; remove it from the brief instead"


def test_a_mixed_selection_deletes_only_your_facts_and_says_the_extracted_ones_stay(qtbot, window: MainWindow):
    mine = add_span_from_article(qtbot, window, 1, 25)
    extracted = [window.brief.facts[0].id, window.brief.facts[3].id]
    select_facts(window, extracted[0], mine.id, extracted[1])
    assert window.window_actions["actionDeleteFact"].isEnabled()
    qtbot.keyClick(window.panes.facts.list, Qt.Key.Key_Delete, SHIFT)
    assert not window.brief.has_fact(mine.id) and all(window.brief.has_fact(f) for f in extracted)
    message = window.statusBar().currentMessage()
    assert "Deleted 1 fact you added" in message and "2 extracted facts stay" in message
    assert window.selected_fact_ids() == extracted and not window.window_actions["actionDeleteFact"].isEnabled()


def test_shift_delete_elsewhere_than_the_fact_list_deletes_nothing(qtbot, window: MainWindow):
    mine = add_span_from_article(qtbot, window, 1, 25)
    select_facts(window, mine.id)
    qtbot.keyClick(window.panes.facts.list, Qt.Key.Key_1, CTRL)
    for widget in (window.panes.outline, window.panes.facts.filter):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Delete, SHIFT)
        assert window.brief.has_fact(mine.id) and window.brief.times_placed(mine.id) == 1


def test_delete_fact_is_in_the_edit_menu_and_the_fact_list_context_menu(window: MainWindow):
    action = window.window_actions["actionDeleteFact"]
    assert action.shortcut().toString() == "Shift+Del"
    assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert action in window.panes.facts.list.actions() and action not in window.actions()
    edit = window.findChild(QMenu, "menuEdit")
    assert action in edit.actions()
    shown: list = []

    def read_and_close() -> None:  # the menu runs its own event loop: read it from inside, then close it
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.extend(menu.actions())
            menu.close()
        else:
            QTimer.singleShot(10, read_and_close)

    QTimer.singleShot(0, read_and_close)
    list_view = window.panes.facts.list
    window.show_fact_menu(list_view.visualRect(window.fact_proxy.index(0, 0)).center())
    assert action in shown

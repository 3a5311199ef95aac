"""Drops on a real QTreeView: drag events sent to its viewport, then the Brief and the view checked.

pytest-qt cannot run the OS drag loop (``QDrag.exec`` returns at once offscreen), so ``drag_to`` sends the
enter, move and drop events a real drag would, then does what ``QAbstractItemView.startDrag`` does after
the loop: if the drop was accepted as a Move, remove the selected rows from the dragging model.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QTreeView

from briefing.ui.models.brief_tree import BriefTreeModel
from tests.ui.conftest import fact_ids_of, layout_facts

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

COPY, MOVE = Qt.DropAction.CopyAction, Qt.DropAction.MoveAction


def outline_view(qtbot, model: BriefTreeModel) -> QTreeView:
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    view.setDefaultDropAction(MOVE)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.resize(600, 500)
    view.show()
    view.expandAll()
    qtbot.waitExposed(view)
    return view


def drag_to(source_view: QAbstractItemView, target_view: QAbstractItemView, pos: QPoint,
            action: Qt.DropAction) -> QDropEvent:
    """Drag the source view's selection to ``pos`` in the target view's viewport with ``action``."""
    model = source_view.model()
    mime: QMimeData = model.mimeData(source_view.selectionModel().selectedIndexes())
    viewport = target_view.viewport()
    actions = COPY | MOVE
    # With no drag running, Qt proposes Copy; Shift proposes Move, as a real drag started with Move would.
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.ShiftModifier if action == MOVE else Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, mime, buttons, mods)
    assert enter.proposedAction() == action
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted(), "the view refused the drag"
    move = QDragMoveEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the view would not let the drop happen here"
    dropped = QDropEvent(QPointF(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, dropped)
    if dropped.isAccepted() and dropped.dropAction() == MOVE:  # what startDrag does after a Move
        for rng in source_view.selectionModel().selection():
            if rng.left() == 0 and rng.right() == model.columnCount(rng.parent()) - 1:
                model.removeRows(rng.top(), rng.bottom() - rng.top() + 1, rng.parent())
    return dropped


def select(view: QAbstractItemView, indexes) -> None:
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().clearSelection()
    for index in indexes:
        view.selectionModel().select(index, flags.Select | flags.Rows)


def shown_in_view(view: QTreeView, section_id: str) -> list[str]:
    """Wordings the view shows under a section (rows with a real on-screen rectangle)."""
    model: BriefTreeModel = view.model()
    section = model.section_index(section_id)
    rows = [model.index(r, 0, section) for r in range(model.rowCount(section))]
    assert all(view.visualRect(ix).isValid() for ix in rows)
    return [ix.data() for ix in rows]


def test_dropping_facts_from_the_pool_on_a_section_places_copies(qtbot, brief, facts_model, tree):
    facts_view = QListView()
    qtbot.addWidget(facts_view)
    facts_view.setModel(facts_model)
    facts_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    select(facts_view, [facts_model.index(1), facts_model.index(4)])
    view = outline_view(qtbot, tree)
    target = view.visualRect(tree.section_index("quotes")).center()

    dropped = drag_to(facts_view, view, target, COPY)

    assert dropped.isAccepted() and dropped.dropAction() == COPY
    assert layout_facts(brief)["quotes"] == [brief.facts[1].text, brief.facts[4].text]
    assert facts_model.rowCount() == 9  # the pool keeps its facts
    view.expandAll()
    assert shown_in_view(view, "quotes") == [brief.facts[1].text, brief.facts[4].text]


@pytest.mark.parametrize(("moving", "onto", "expected_key_points", "expected_quotes"), [
    ([0], ("section", "quotes"), [1, 2, 3], [7, 0]),  # across, onto a section: its end
    ([3], ("placement", 0), [3, 0, 1, 2], [7]),  # reorder: onto a placement means before it
    ([1, 2], ("placement", 4), [0, 3], [1, 2, 7]),  # a block across, before a placement
])
def test_moving_placements_in_the_outline_leaves_each_exactly_once(qtbot, brief, tree, moving, onto,
                                                                   expected_key_points, expected_quotes):
    held = [p.id for p in brief.place(fact_ids_of(brief, 0, 1, 2, 3), "key_points")]
    held += [p.id for p in brief.place(fact_ids_of(brief, 7), "quotes")]
    view = outline_view(qtbot, tree)
    select(view, [tree.placement_index(held[i]) for i in moving])
    kind, which = onto
    target_index = tree.section_index(which) if kind == "section" else tree.placement_index(held[which])
    target = view.visualRect(target_index).center()

    drag_to(view, view, target, MOVE)

    rows_of = {f.id: i for i, f in enumerate(brief.facts)}
    assert [rows_of[p.fact_id] for p in brief.section("key_points").placements] == expected_key_points
    assert [rows_of[p.fact_id] for p in brief.section("quotes").placements] == expected_quotes
    placed = [p.id for s in brief.sections for p in s.placements]
    assert sorted(placed) == sorted(held)  # exactly once each: nothing lost, nothing doubled
    assert shown_in_view(view, "key_points") == [brief.facts[i].text for i in expected_key_points]
    assert shown_in_view(view, "quotes") == [brief.facts[i].text for i in expected_quotes]
    assert [view.model().placement_id(ix) for ix in view.selectionModel().selectedRows()] == \
        [held[i] for i in moving]  # the selection went along
    tree.undo_stack.undo()
    assert [p.id for p in brief.section("key_points").placements] == held[:4]
    assert shown_in_view(view, "key_points") == [brief.facts[i].text for i in (0, 1, 2, 3)]


class _AcceptingMoveModel(BriefTreeModel):
    """The naive way: report a move drop as done. The view then deletes what it dragged."""

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802, ANN001
        super().dropMimeData(data, action, row, column, parent)
        return True


def test_the_harness_would_catch_a_move_that_the_view_then_deletes(qtbot, brief, undo_stack):
    naive = _AcceptingMoveModel(brief, undo_stack)
    held = [p.id for p in brief.place(fact_ids_of(brief, 0, 1), "key_points")]
    view = outline_view(qtbot, naive)
    select(view, [naive.placement_index(held[0])])
    drag_to(view, view, view.visualRect(naive.section_index("quotes")).center(), MOVE)
    assert [p.id for s in brief.sections for p in s.placements] == [held[1]]  # the moved fact is lost


def test_text_dragged_in_from_another_application_lands_in_the_section(qtbot, brief, tree, monkeypatch):
    import sys
    import types

    monkeypatch.setitem(sys.modules, "briefing.extract.pipeline", types.ModuleType("no_extract_text"))
    view = outline_view(qtbot, tree)
    mime = QMimeData()
    mime.setText("A line from an email.")
    viewport, pos = view.viewport(), view.visualRect(tree.section_index("next_steps")).center()
    for event in (QDragEnterEvent(pos, COPY, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDragMoveEvent(pos, COPY, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDropEvent(QPointF(pos), COPY, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(viewport, event)
    assert layout_facts(brief)["next_steps"] == ["A line from an email."]
    view.expandAll()
    assert shown_in_view(view, "next_steps") == ["A line from an email."]

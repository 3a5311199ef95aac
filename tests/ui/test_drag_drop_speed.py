"""A thousand facts at once: dropped, moved, removed and undone as single view updates.

The 500 ms budget itself is measured by `make bench`, not asserted here (shared machines are noisy)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QListView, QTreeView

from briefing.ui.models.brief_tree import BriefTreeModel
from briefing.ui.models.fact_filter import FactFilterProxy
from briefing.ui.models.fact_list import FactListModel
from tests.ui.conftest import big_brief

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def big(qtbot):
    """7,000 facts, the pool and outline models, each shown in a view as the app shows them."""
    brief = big_brief(7000)
    stack = QUndoStack()
    facts = FactListModel(brief)
    proxy = FactFilterProxy()
    proxy.setSourceModel(facts)
    tree = BriefTreeModel(brief, stack)
    outline, pool = QTreeView(), QListView()
    for view in (outline, pool):
        qtbot.addWidget(view)
        view.resize(500, 700)
    outline.setUniformRowHeights(True)
    pool.setUniformItemSizes(True)
    outline.setModel(tree)
    pool.setModel(proxy)
    outline.show()
    pool.show()
    qtbot.waitExposed(outline)
    yield brief, facts, tree, stack, outline
    stack.clear()


def settle(fn: Callable[[], object]) -> None:
    """Run one step and let the views lay out and paint, as they would after a real drop."""
    fn()
    QApplication.processEvents()


def test_dropping_1000_facts_is_one_insert_both_ways(big, qtbot):
    brief, facts, tree, stack, outline = big
    mime = facts.mimeData([facts.index(r) for r in range(1000)])
    inserted = []
    tree.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    settle(lambda: tree.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, tree.section_index("key_points")))
    assert inserted == [(0, 999)]
    assert len(brief.section("key_points").placements) == 1000
    outline.expandAll()
    settle(stack.undo)
    assert len(brief.section("key_points").placements) == 0
    settle(stack.redo)
    assert tree.rowCount(tree.section_index("key_points")) == 1000


def test_moving_1000_placements_is_one_move_both_ways(big):
    brief, facts, tree, stack, outline = big
    brief.place([f.id for f in brief.facts[:1000]], "key_points")
    brief.place([f.id for f in brief.facts[1000:1010]], "quotes")
    outline.expandAll()
    section = tree.section_index("key_points")
    mime = tree.mimeData([tree.index(r, 0, section) for r in range(1000)])
    moved = []
    tree.rowsMoved.connect(lambda *args: moved.append(args[1:3]))
    settle(lambda: tree.dropMimeData(mime, Qt.DropAction.MoveAction, 5, 0, tree.section_index("quotes")))
    assert moved == [(0, 999)]
    quotes = brief.section("quotes").placements
    assert [p.fact_id for p in quotes[5:1005]] == [f.id for f in brief.facts[:1000]]
    assert len(quotes) == 1010 and brief.section("key_points").placements == []
    settle(stack.undo)
    settle(stack.redo)
    assert len(brief.section("quotes").placements) == 1010
    settle(stack.undo)
    assert len(brief.section("key_points").placements) == 1000


def test_moving_every_other_of_1000_placements_keeps_their_order(big):
    brief, facts, tree, stack, outline = big
    brief.place([f.id for f in brief.facts[:1000]], "key_points")
    section = tree.section_index("key_points")
    mime = tree.mimeData([tree.index(r, 0, section) for r in range(0, 1000, 2)])
    settle(lambda: tree.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, section))
    ids = [p.fact_id for p in brief.section("key_points").placements]
    assert ids == [f.id for f in brief.facts[1:1000:2]] + [f.id for f in brief.facts[0:1000:2]]
    settle(stack.undo)
    assert [p.fact_id for p in brief.section("key_points").placements] == [f.id for f in brief.facts[:1000]]


def test_deleting_1000_placements_is_one_removal_both_ways(big):
    brief, facts, tree, stack, outline = big
    brief.place([f.id for f in brief.facts[:1000]], "key_points")
    removed = []
    tree.rowsRemoved.connect(lambda parent, first, last: removed.append((first, last)))
    settle(lambda: tree.removeRows(0, 1000, tree.section_index("key_points")))
    assert removed == [(0, 999)] and brief.section("key_points").placements == []
    settle(stack.undo)
    assert len(brief.section("key_points").placements) == 1000

"""The outline model: sections over their placements, mirroring every Brief change, editing through undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QUndoStack

from briefing.core.brief import Brief, Section
from briefing.ui.models.brief_tree import COLUMN_COUNT, BriefTreeModel, count_text
from briefing.ui.models.commands import (
    ApplyTemplateCommand,
    MovePlacementsCommand,
    PlaceFactsCommand,
    SetNoteCommand,
)
from briefing.ui.models.roles import Role
from tests.ui.conftest import SHORT_TEMPLATE, energy_extraction, fact_ids_of

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def place(brief: Brief, stack: QUndoStack, rows: list[int], section: str, index: int | None = None) -> list[str]:
    cmd = PlaceFactsCommand(brief, fact_ids_of(brief, *rows), section, index)
    stack.push(cmd)
    return [p.id for p in cmd.placements]


def shown(tree: BriefTreeModel) -> dict[str, list[str]]:
    """What the model shows: section title -> wordings, read through the Qt API only."""
    out = {}
    for r in range(tree.rowCount()):
        sec = tree.index(r, 0)
        out[sec.data()] = [tree.index(k, 0, sec).data() for k in range(tree.rowCount(sec))]
    return out


def in_brief(brief: Brief) -> dict[str, list[str]]:
    return {s.title: [brief.wording(p) for p in s.placements] for s in brief.sections}


def follow(tree: BriefTreeModel, ids: list[str]) -> dict[str, QPersistentModelIndex]:
    """Persistent indexes (what a view's selection holds) for placements."""
    return {pid: QPersistentModelIndex(tree.placement_index(pid)) for pid in ids}


def assert_still_following(tree: BriefTreeModel, held: dict[str, QPersistentModelIndex]) -> None:
    """Each held index still shows its own placement (moves carried it along), or is gone with it."""
    for pid, index in held.items():
        if index.isValid():
            assert index.data(Role.PLACEMENT_ID) == pid
        else:
            assert not tree.placement_index(pid).isValid()


def test_sections_are_top_rows_and_placements_their_children(tree, brief, undo_stack):
    place(brief, undo_stack, [0, 1], "background")
    place(brief, undo_stack, [3], "quotes")
    assert tree.rowCount() == 4 and tree.columnCount() == 2
    assert shown(tree) == in_brief(brief)
    child = tree.index(1, 0, tree.index(0, 0))
    assert tree.parent(child) == tree.index(0, 0)
    assert not tree.parent(tree.index(0, 0)).isValid()
    assert tree.rowCount(child) == 0


def test_the_outline_passes_the_model_tester_through_every_kind_of_change(tree, brief, undo_stack, qtmodeltester):
    ids = place(brief, undo_stack, [0, 1, 2, 3], "key_points")
    qtmodeltester.check(tree)
    place(brief, undo_stack, [4, 4], "background", 0)
    held = follow(tree, ids)
    undo_stack.push(MovePlacementsCommand(brief, [ids[3], ids[0]], "key_points", 0))  # reorder
    assert_still_following(tree, held)
    undo_stack.push(MovePlacementsCommand(brief, [ids[1]], "quotes", None))  # across sections
    assert_still_following(tree, held)
    undo_stack.undo()
    undo_stack.undo()
    assert_still_following(tree, held)
    undo_stack.redo()
    undo_stack.redo()
    undo_stack.push(SetNoteCommand(brief, ids[2], "check"))
    assert tree.removeRows(0, 1, tree.section_index("background"))
    undo_stack.push(ApplyTemplateCommand(brief, SHORT_TEMPLATE))  # template switch: a reset
    assert shown(tree) == in_brief(brief)
    while undo_stack.canUndo():
        undo_stack.undo()
        assert shown(tree) == in_brief(brief)
    while undo_stack.canRedo():
        undo_stack.redo()
        assert shown(tree) == in_brief(brief)
    qtmodeltester.check(tree)


def test_a_view_selection_follows_placements_as_they_move_and_move_back(tree, brief, undo_stack):
    ids = place(brief, undo_stack, [0, 1, 2, 3, 4], "key_points") + place(brief, undo_stack, [5, 6], "quotes")
    held = follow(tree, ids)
    for moving, section, index in [([ids[4], ids[1]], "key_points", 0), ([ids[0], ids[2]], "key_points", None),
                                   ([ids[5], ids[3]], "key_points", 1), ([ids[1], ids[6]], "background", 0)]:
        undo_stack.push(MovePlacementsCommand(brief, moving, section, index))
        assert_still_following(tree, held)
    while undo_stack.canUndo():
        undo_stack.undo()
        assert_still_following(tree, held)


@pytest.mark.parametrize(("lo", "hi", "n", "expected"), [
    (None, None, 3, "3"),
    (2, 5, 3, "3 of 2\u20135"),
    (2, 2, 1, "1 of 2"),
    (2, None, 0, "0 of \u22652"),
    (None, 4, 5, "5 of \u22644"),
])
def test_the_count_column_shows_how_many_facts_against_the_template_range(brief, lo, hi, n, expected):
    section = Section(id="x", title="X", min=lo, max=hi)
    brief.sections = [section]
    brief.place(fact_ids_of(brief, *range(n)), "x")
    assert count_text(section) == expected


def test_a_section_row_answers_title_guidance_warning_and_count(tree, brief, undo_stack):
    index = tree.section_index("quotes")
    assert index.data() == "Quotes"
    assert index.data(Role.GUIDANCE) == "Who said what."
    assert index.data(Role.WARNING) == "needs at least 2 facts"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Who said what.\nNeeds at least 2 facts"
    assert index.data(Role.IS_SECTION) is True and index.data(Role.SECTION_ID) == "quotes"
    count = index.siblingAtColumn(COLUMN_COUNT)
    assert count.data() == "0 of \u22652" and count.data(Qt.ItemDataRole.ForegroundRole) is not None
    place(brief, undo_stack, [3, 7], "quotes")
    assert count.data() == "2 of \u22652" and count.data(Qt.ItemDataRole.ForegroundRole) is None
    assert index.data(Role.WARNING) == "" and index.data(Role.COUNT) == 2


def test_a_section_outside_its_range_shows_a_warning_sign_until_it_is_within(tree, brief, undo_stack):
    index = tree.section_index("quotes")
    sign = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(sign, QIcon) and not sign.pixmap(16, 16).isNull()
    assert index.siblingAtColumn(COLUMN_COUNT).data(Qt.ItemDataRole.DecorationRole) is None  # beside the title
    place(brief, undo_stack, [3, 7], "quotes")
    assert index.data(Qt.ItemDataRole.DecorationRole) is None


def test_roles_turned_away_at_once_are_exactly_those_the_rows_have_no_answer_for(tree, brief, undo_stack):
    place(brief, undo_stack, [3], "quotes")
    brief.reword(brief.section("quotes").placements[0].id, "In other words")
    section = tree.section_index("quotes")
    placement = tree.index(0, 0, section)
    roles = range(0, max(Role) + 3)
    for column in (0, 1):
        s_ix, p_ix = section.siblingAtColumn(column), placement.siblingAtColumn(column)
        for role in roles:  # the answer through data() is what the row's own reader gives, for every role
            assert tree.data(s_ix, role) == tree._section_data(brief.sections[s_ix.row()], column, role), role
            assert tree.data(p_ix, role) == tree._placement_data(brief.section("quotes").placements[0],
                                                                 s_ix.row(), column, role), role


def test_placing_facts_tells_the_view_the_section_count_changed(tree, brief, undo_stack, qtbot):
    counts = []
    tree.dataChanged.connect(lambda a, b, roles=(): counts.append((a.row(), b.column())))
    with qtbot.waitSignal(tree.rowsInserted) as inserted:
        place(brief, undo_stack, [0, 1, 2], "key_points")
    assert (inserted.args[0], inserted.args[1], inserted.args[2]) == (tree.section_index("key_points"), 0, 2)
    assert (1, COLUMN_COUNT) in counts


def test_a_placement_row_answers_wording_ids_and_original_text(tree, brief, undo_stack):
    pid = place(brief, undo_stack, [3], "quotes")[0]
    index = tree.placement_index(pid)
    fact = brief.facts[3]
    assert (index.data(), index.data(Qt.ItemDataRole.EditRole)) == (fact.text, fact.text)
    assert index.data(Role.PLACEMENT_ID) == pid and index.data(Role.FACT_ID) == fact.id
    assert index.data(Role.SECTION_ID) == "quotes" and index.data(Role.IS_SECTION) is False
    assert index.data(Role.ORIGINAL_TEXT) == fact.text and index.data(Role.SPEAKER) == "Ahmed Khan"
    assert index.data(Role.TIMES_PLACED) == 1 and index.data(Role.KIND) == "quote"
    assert "Business Recorder" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_rewording_through_set_data_shows_the_new_words_keeps_the_original_and_undoes(tree, brief, undo_stack):
    pid = place(brief, undo_stack, [1], "key_points")[0]
    index = tree.placement_index(pid)
    original = brief.facts[1].text
    assert tree.setData(index, "The cabinet cut tariffs.", Qt.ItemDataRole.EditRole)
    assert index.data() == "The cabinet cut tariffs."
    assert index.data(Role.ORIGINAL_TEXT) == original and index.data(Role.IS_REWORDED) is True
    assert undo_stack.undoText() == "Reword fact"
    undo_stack.undo()
    assert index.data() == original and index.data(Role.IS_REWORDED) is False
    undo_stack.redo()
    assert brief.wording(brief.placement(pid)) == "The cabinet cut tariffs."


def test_setting_the_same_words_again_is_no_undo_step(tree, brief, undo_stack):
    pid = place(brief, undo_stack, [1], "key_points")[0]
    assert tree.setData(tree.placement_index(pid), brief.facts[1].text + "  ")
    assert undo_stack.count() == 1


def test_a_note_is_set_through_its_role_as_an_undo_step(tree, brief, undo_stack):
    pid = place(brief, undo_stack, [1], "key_points")[0]
    assert tree.setData(tree.placement_index(pid), "ask the ministry", Role.NOTE)
    assert brief.placement(pid).note == "ask the ministry"
    assert "Note: ask the ministry" in tree.placement_index(pid).data(Qt.ItemDataRole.ToolTipRole)
    undo_stack.undo()
    assert brief.placement(pid).note == ""


@pytest.mark.parametrize(("target", "value", "role"), [
    ("section", "New title", Qt.ItemDataRole.EditRole),
    ("placement", 42, Qt.ItemDataRole.EditRole),
    ("placement", "x", Qt.ItemDataRole.DisplayRole),
    ("invalid", "x", Qt.ItemDataRole.EditRole),
])
def test_set_data_refuses_what_it_cannot_edit(tree, brief, undo_stack, target, value, role):
    pid = place(brief, undo_stack, [1], "key_points")[0]
    index = {"section": tree.section_index("key_points"), "placement": tree.placement_index(pid),
             "invalid": QModelIndex()}[target]
    assert not tree.setData(index, value, role)
    assert undo_stack.count() == 1


def test_flags_let_placements_be_edited_and_dragged_and_sections_take_drops(tree, brief, undo_stack):
    pid = place(brief, undo_stack, [1], "key_points")[0]
    F = Qt.ItemFlag
    p, s = tree.flags(tree.placement_index(pid)), tree.flags(tree.section_index("key_points"))
    assert p & F.ItemIsEditable and p & F.ItemIsDragEnabled and p & F.ItemIsDropEnabled
    assert s & F.ItemIsDropEnabled and not s & F.ItemIsDragEnabled and not s & F.ItemIsEditable
    assert not tree.flags(tree.placement_index(pid, COLUMN_COUNT)) & F.ItemIsEditable


def test_remove_rows_deletes_placements_as_one_undo_step(tree, brief, undo_stack):
    ids = place(brief, undo_stack, [0, 1, 2, 3], "key_points")
    assert tree.removeRows(1, 2, tree.section_index("key_points"))
    assert [p.id for p in brief.section("key_points").placements] == [ids[0], ids[3]]
    assert undo_stack.undoText() == "Remove 2 facts"
    undo_stack.undo()
    assert [p.id for p in brief.section("key_points").placements] == ids


@pytest.mark.parametrize(("row", "count", "parent"), [(0, 1, "root"), (3, 2, "section"), (-1, 1, "section"),
                                                      (0, 0, "section")])
def test_remove_rows_refuses_sections_and_rows_that_do_not_exist(tree, brief, undo_stack, row, count, parent):
    place(brief, undo_stack, [0, 1, 2, 3], "key_points")
    index = QModelIndex() if parent == "root" else tree.section_index("key_points")
    assert not tree.removeRows(row, count, index)
    assert len(brief.section("key_points").placements) == 4 and tree.rowCount() == 4


def test_helpers_map_ids_to_rows_and_back(tree, brief, undo_stack):
    ids = place(brief, undo_stack, [0, 1], "next_steps")
    index = tree.placement_index(ids[1])
    assert (index.row(), index.parent().row()) == (1, 3)
    assert tree.placement_id(index) == ids[1]
    assert tree.section_id(index) == "next_steps"
    assert tree.section_id(tree.section_index("quotes")) == "quotes"
    assert tree.placement_id(tree.section_index("quotes")) is None
    assert not tree.section_index("nope").isValid() and not tree.placement_index("nope").isValid()
    assert tree.placement_id(QModelIndex()) is None and tree.section_id(QModelIndex()) is None


def test_swapping_the_brief_resets_the_outline_clears_undo_and_ignores_the_old_brief(tree, brief, undo_stack,
                                                                                     qtbot):
    place(brief, undo_stack, [0], "key_points")
    other = Brief.from_template(SHORT_TEMPLATE)
    other.add_extraction(energy_extraction())
    tree.set_brief(other)
    assert [tree.index(r, 0).data() for r in range(tree.rowCount())] == ["Key points", "Summary"]
    assert undo_stack.count() == 0
    with qtbot.assertNotEmitted(tree.rowsInserted):
        brief.place(fact_ids_of(brief, 1), "key_points")
    assert tree.rowCount(tree.index(0, 0)) == 0


def test_the_header_names_both_columns(tree):
    assert [tree.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1)] == ["Brief", "Facts"]

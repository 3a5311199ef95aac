"""Undo commands: each does one Brief change, undoes it exactly, redoes it with the same ids, and says so."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtGui import QUndoStack

from briefing.core.brief import Brief, Placement
from briefing.core.errors import BriefError
from briefing.core.fact import Fact
from briefing.ui.models.commands import (
    AddFactCommand,
    AddSourceCommand,
    ApplyTemplateCommand,
    AutoDraftCommand,
    MovePlacementsCommand,
    PlaceFactsCommand,
    RemovePlacementsCommand,
    RewordCommand,
    SetMetadataCommand,
    SetNoteCommand,
    SetSectionTextCommand,
)
from tests.ui.conftest import (
    SHORT_TEMPLATE,
    energy_extraction,
    fact_ids_of,
    layout_facts,
    make_brief,
    snapshot,
)


def _placed(brief: Brief, stack: QUndoStack, rows: list[int], section: str) -> list[str]:
    cmd = PlaceFactsCommand(brief, fact_ids_of(brief, *rows), section)
    stack.push(cmd)
    return [p.id for p in cmd.placements]


@pytest.mark.parametrize(("rows", "section", "label"), [
    ([0], "background", "Place fact in Background"),
    ([0, 1, 2], "key_points", "Place 3 facts in Key points"),
])
def test_placing_facts_is_labelled_for_the_edit_menu(brief, undo_stack, rows, section, label):
    undo_stack.push(PlaceFactsCommand(brief, fact_ids_of(brief, *rows), section))
    assert undo_stack.undoText() == label


def test_undoing_a_placement_empties_the_section_and_redo_brings_back_the_same_ids(brief, undo_stack):
    ids = _placed(brief, undo_stack, [0, 2], "background")
    undo_stack.undo()
    assert brief.section("background").placements == []
    assert brief.times_placed(brief.facts[0].id) == 0
    undo_stack.redo()
    assert [p.id for p in brief.section("background").placements] == ids
    assert brief.times_placed(brief.facts[0].id) == 1


def test_a_later_move_still_undoes_after_its_placement_was_undone_and_redone(brief, undo_stack):
    ids = _placed(brief, undo_stack, [0, 1, 2], "key_points")
    undo_stack.push(MovePlacementsCommand(brief, [ids[2]], "key_points", 0))
    undo_stack.undo()
    undo_stack.undo()
    undo_stack.redo()
    undo_stack.redo()
    assert [p.id for p in brief.section("key_points").placements] == [ids[2], ids[0], ids[1]]
    undo_stack.undo()
    assert [p.id for p in brief.section("key_points").placements] == ids


def test_placing_at_an_index_puts_the_facts_there_in_order(brief, undo_stack):
    _placed(brief, undo_stack, [0, 1], "key_points")
    undo_stack.push(PlaceFactsCommand(brief, fact_ids_of(brief, 4, 5), "key_points", 1))
    texts = layout_facts(brief)["key_points"]
    assert texts == [brief.facts[i].text for i in (0, 4, 5, 1)]


@pytest.mark.parametrize(("move", "section", "index", "expected"), [
    ([2], "key_points", 0, {"key_points": [2, 0, 1], "quotes": []}),
    ([0], "key_points", None, {"key_points": [1, 2, 0], "quotes": []}),
    ([0, 2], "quotes", None, {"key_points": [1], "quotes": [0, 2]}),
    ([1], "quotes", 0, {"key_points": [0, 2], "quotes": [1]}),
])
def test_moving_placements_and_undoing_restores_the_layout(brief, undo_stack, move, section, index, expected):
    ids = _placed(brief, undo_stack, [0, 1, 2], "key_points")
    before = brief.layout()
    undo_stack.push(MovePlacementsCommand(brief, [ids[i] for i in move], section, index))
    after = brief.layout()
    assert {k: [ids.index(p) for p in v] for k, v in after.items() if k in expected} == expected
    assert sum(len(v) for v in after.values()) == 3  # each placement exactly once
    undo_stack.undo()
    assert brief.layout() == before
    undo_stack.redo()
    assert brief.layout() == after


@pytest.mark.parametrize(("section", "label"), [("key_points", "Move fact"), ("quotes", "Move fact to Quotes")])
def test_a_move_says_where_it_went_when_it_changes_section(brief, undo_stack, section, label):
    ids = _placed(brief, undo_stack, [0, 1], "key_points")
    undo_stack.push(MovePlacementsCommand(brief, [ids[1]], section, 0))
    assert undo_stack.undoText() == label


def test_a_move_onto_itself_leaves_no_undo_step(brief, undo_stack):
    ids = _placed(brief, undo_stack, [0, 1], "key_points")
    undo_stack.push(MovePlacementsCommand(brief, [ids[0]], "key_points", 1))
    assert undo_stack.count() == 1
    assert undo_stack.undoText().startswith("Place")


def test_removing_placements_and_undoing_puts_them_back_where_they_were(brief, undo_stack):
    ids = _placed(brief, undo_stack, [0, 1, 2, 3], "key_points")
    before = snapshot(brief)
    undo_stack.push(RemovePlacementsCommand(brief, [ids[1], ids[3]]))
    assert [p.id for p in brief.section("key_points").placements] == [ids[0], ids[2]]
    assert undo_stack.undoText() == "Remove 2 facts"
    undo_stack.undo()
    assert snapshot(brief) == before


def test_rewording_keeps_the_fact_and_undo_restores_the_wording(brief, undo_stack):
    pid = _placed(brief, undo_stack, [1], "key_points")[0]
    original = brief.facts[1].text
    undo_stack.push(RewordCommand(brief, pid, "  The cabinet cut tariffs.  "))
    assert brief.wording(brief.placement(pid)) == "The cabinet cut tariffs."
    assert brief.facts[1].text == original
    undo_stack.undo()
    assert brief.wording(brief.placement(pid)) == original
    assert brief.placement(pid).text == ""


@pytest.mark.parametrize(("make", "read"), [
    (lambda b, v: SetMetadataCommand(b, "title", v), lambda b: b.metadata["title"]),
    (lambda b, v: SetSectionTextCommand(b, "background", v), lambda b: b.section("background").text),
])
def test_typing_into_one_field_undoes_in_one_step(brief, undo_stack, make, read):
    for value in ("T", "Tr", "Trade"):
        undo_stack.push(make(brief, value))
    assert read(brief) == "Trade"
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert read(brief) == ""
    undo_stack.redo()
    assert read(brief) == "Trade"


def test_edits_of_different_fields_stay_separate_steps(brief, undo_stack):
    undo_stack.push(SetMetadataCommand(brief, "title", "Trade"))
    undo_stack.push(SetMetadataCommand(brief, "to", "Minister"))
    assert undo_stack.count() == 2
    assert undo_stack.undoText() == "Edit to"


def test_typing_a_field_back_to_its_old_value_leaves_nothing_to_undo(brief, undo_stack):
    undo_stack.push(SetMetadataCommand(brief, "title", "X"))
    undo_stack.push(SetMetadataCommand(brief, "title", ""))
    assert undo_stack.count() == 0
    assert brief.metadata["title"] == ""


def test_undoing_the_first_value_of_a_new_header_field_leaves_the_brief_as_it_was(brief, undo_stack):
    before = dict(brief.metadata)
    undo_stack.push(SetMetadataCommand(brief, "reference", "PSM-2025-07"))
    assert brief.metadata["reference"] == "PSM-2025-07"
    undo_stack.undo()
    assert brief.metadata == before
    undo_stack.redo()
    assert brief.metadata["reference"] == "PSM-2025-07"


def test_notes_on_two_placements_are_separate_steps(brief, undo_stack):
    a, b = _placed(brief, undo_stack, [0, 1], "key_points")
    undo_stack.push(SetNoteCommand(brief, a, "check"))
    undo_stack.push(SetNoteCommand(brief, b, "verify"))
    undo_stack.push(SetNoteCommand(brief, b, "verify with embassy"))
    assert undo_stack.count() == 3  # place, note on a, note on b (typed in two goes)
    undo_stack.undo()
    assert (brief.placement(a).note, brief.placement(b).note) == ("check", "")


def test_switching_template_and_undoing_restores_sections_and_placements(brief, undo_stack):
    _placed(brief, undo_stack, [0], "background")
    _placed(brief, undo_stack, [1, 2], "key_points")
    undo_stack.push(SetSectionTextCommand(brief, "background", "Context."))
    before = snapshot(brief)
    undo_stack.push(ApplyTemplateCommand(brief, SHORT_TEMPLATE))
    assert [s.id for s in brief.sections] == ["key_points", "summary", "unplaced"]
    assert undo_stack.undoText() == "Use template Short"
    undo_stack.undo()
    assert snapshot(brief) == before
    undo_stack.redo()
    assert len(brief.section("unplaced").placements) == 1


def test_adding_a_custom_fact_and_undoing_removes_it(brief, undo_stack):
    src = brief.facts[0]
    text = src.text[4:12]
    fact = Fact(id="fcustom1", source_id=src.source_id, start=src.start + 4, end=src.start + 12, text=text,
                custom=True)
    undo_stack.push(AddFactCommand(brief, fact))
    assert brief.has_fact("fcustom1")
    undo_stack.undo()
    assert not brief.has_fact("fcustom1")


def test_adding_a_fact_the_brief_already_has_is_undone_without_removing_it(brief, undo_stack):
    existing = brief.facts[0]
    undo_stack.push(AddFactCommand(brief, existing))
    undo_stack.undo()
    assert brief.has_fact(existing.id)


def test_adding_a_source_and_undoing_removes_the_source_and_its_facts():
    brief = Brief.from_template(SHORT_TEMPLATE)
    stack = QUndoStack()
    extraction = energy_extraction()
    stack.push(AddSourceCommand(brief, extraction))
    assert stack.undoText() == "Add source \u201cPipeline talks\u201d"
    assert len(brief.facts) == len(extraction.facts) == 3
    stack.undo()
    assert (brief.facts, brief.extractions) == ([], {})
    stack.redo()
    assert [f.id for f in brief.facts] == [f.id for f in extraction.facts]


def test_adding_a_source_the_brief_already_has_is_undone_without_removing_it(brief, undo_stack):
    undo_stack.push(AddSourceCommand(brief, energy_extraction()))
    undo_stack.undo()
    assert len(brief.extractions) == 2


def test_a_source_with_placed_facts_cannot_be_removed(brief, undo_stack):
    _placed(brief, undo_stack, [6], "key_points")
    with pytest.raises(BriefError, match="placed"):
        brief.remove_extraction(brief.facts[6].source_id)
    assert len(brief.extractions) == 2


def test_auto_draft_is_undone_by_removing_exactly_what_it_placed(brief, undo_stack, monkeypatch):
    manual = _placed(brief, undo_stack, [0], "background")

    def fake_auto_draft(b: Brief, template) -> list[Placement]:
        return b.place(fact_ids_of(b, 3, 7), "quotes") + b.place(fact_ids_of(b, 1), "key_points")

    monkeypatch.setitem(sys.modules, "briefing.core.autodraft",
                        types.SimpleNamespace(auto_draft=fake_auto_draft))
    cmd = AutoDraftCommand(brief, SHORT_TEMPLATE)
    undo_stack.push(cmd)
    assert undo_stack.undoText() == "Auto-draft 3 facts"
    drafted = snapshot(brief)
    undo_stack.undo()
    assert [p.id for s in brief.sections for p in s.placements] == manual
    undo_stack.redo()
    assert snapshot(brief) == drafted


def test_an_auto_draft_that_places_nothing_leaves_no_undo_step(brief, undo_stack, monkeypatch):
    monkeypatch.setitem(sys.modules, "briefing.core.autodraft",
                        types.SimpleNamespace(auto_draft=lambda b, t: []))
    undo_stack.push(AutoDraftCommand(brief, SHORT_TEMPLATE))
    assert undo_stack.count() == 0


def test_undoing_every_step_returns_to_the_start_and_redoing_returns_to_the_end():
    brief, stack = make_brief(), QUndoStack()
    start = snapshot(brief)
    ids = _placed(brief, stack, [0, 1, 2, 3], "key_points")
    stack.push(MovePlacementsCommand(brief, [ids[3], ids[0]], "quotes", None))
    stack.push(RewordCommand(brief, ids[1], "Tariffs were cut."))
    stack.push(RemovePlacementsCommand(brief, [ids[2]]))
    stack.push(SetMetadataCommand(brief, "title", "Trade"))
    stack.push(ApplyTemplateCommand(brief, SHORT_TEMPLATE))
    end = snapshot(brief)
    while stack.canUndo():
        stack.undo()
    assert snapshot(brief) == start
    while stack.canRedo():
        stack.redo()
    assert snapshot(brief) == end

"""Drops on the outline model: copies from the pool, moves within the outline, selections, outside text."""

from __future__ import annotations

import json
import sys
import types

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt

from briefing.core import ids
from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.source import Source
from briefing.ui.models.brief_tree import BriefTreeModel
from briefing.ui.models.fact_list import FactListModel
from briefing.ui.models.mime import (
    MIME_FACT_IDS,
    MIME_PLACEMENT_IDS,
    MIME_SPAN,
    Span,
    span_mime_data,
)
from tests.ui.conftest import fact_ids_of, layout_facts, snapshot

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

COPY, MOVE = Qt.DropAction.CopyAction, Qt.DropAction.MoveAction


def fact_drag(facts_model: FactListModel, *rows: int) -> QMimeData:
    return facts_model.mimeData([facts_model.index(r) for r in rows])


def placement_drag(tree: BriefTreeModel, *placement_ids: str) -> QMimeData:
    return tree.mimeData([tree.placement_index(pid) for pid in placement_ids])


def raw_mime(**formats: bytes | str) -> QMimeData:
    mime = QMimeData()
    for fmt, value in formats.items():
        if fmt == "text":
            mime.setText(value)
        else:
            mime.setData(fmt.replace("_", "/", 1).replace("_", "-"),
                         QByteArray(value if isinstance(value, bytes) else value.encode()))
    return mime


def drop(tree: BriefTreeModel, mime: QMimeData, action: Qt.DropAction, row: int, parent: QModelIndex) -> bool:
    """What a view does on drop: ask first, then drop."""
    assert tree.canDropMimeData(mime, action, row, 0, parent)
    return tree.dropMimeData(mime, action, row, 0, parent)


def placement_ids(brief: Brief, section: str) -> list[str]:
    return [p.id for p in brief.section(section).placements]


def all_placement_ids(brief: Brief) -> list[str]:
    return [p.id for s in brief.sections for p in s.placements]


# ----------------------------------------------------------------------------- copies from the pool
def test_dropping_facts_on_a_section_places_them_at_its_end_in_brief_then_model(facts_model, tree, brief, qtbot,
                                                                                qtmodeltester):
    qtmodeltester.check(tree)
    brief.place(fact_ids_of(brief, 5), "key_points")
    with qtbot.waitSignal(tree.rowsInserted):
        assert drop(tree, fact_drag(facts_model, 0, 2), COPY, -1, tree.section_index("key_points"))
    assert layout_facts(brief)["key_points"] == [brief.facts[i].text for i in (5, 0, 2)]
    section = tree.section_index("key_points")
    assert [tree.index(r, 0, section).data() for r in range(tree.rowCount(section))] == \
        [brief.facts[i].text for i in (5, 0, 2)]
    assert tree.undo_stack.undoText() == "Place 2 facts in Key points"


@pytest.mark.parametrize(("row", "parent", "section", "position"), [
    (-1, ("section", "quotes"), "quotes", 2),  # onto a section: the end
    (0, ("section", "quotes"), "quotes", 0),  # between placements: that row
    (1, ("section", "quotes"), "quotes", 1),
    (-1, ("placement", 1), "quotes", 1),  # onto a placement: before it
    (2, ("root", None), "key_points", 0),  # between sections 1 and 2: the end of section 1 (empty)
    (0, ("root", None), "background", 0),  # above the first section: its start
    (-1, ("root", None), "next_steps", 0),  # empty space below: the end of the last section
])
def test_where_a_drop_lands(facts_model, tree, brief, row, parent, section, position):
    held = brief.place(fact_ids_of(brief, 3, 7), "quotes")
    kind, which = parent
    index = {"section": lambda: tree.section_index(which), "placement": lambda: tree.placement_index(held[which].id),
             "root": QModelIndex}[kind]()
    assert drop(tree, fact_drag(facts_model, 4), COPY, row, index)
    placements = brief.section(section).placements
    assert placements[position].fact_id == brief.facts[4].id
    assert len(all_placement_ids(brief)) == 3


def test_facts_dragged_from_the_filtered_pool_are_the_ones_shown(proxy, tree, brief):
    proxy.set_kinds({"quote"})
    mime = proxy.mimeData([proxy.index(1, 0), proxy.index(2, 0)])
    assert drop(tree, mime, COPY, -1, tree.section_index("quotes"))
    assert layout_facts(brief)["quotes"] == [brief.facts[7].text, brief.facts[8].text]


def test_a_fact_goes_into_two_sections_but_a_second_drop_on_the_same_section_is_refused_and_said(
        qtbot, facts_model, tree, brief):
    told = []
    tree.notice.connect(told.append)
    assert drop(tree, fact_drag(facts_model, 1), COPY, -1, tree.section_index("key_points"))
    assert not drop(tree, fact_drag(facts_model, 1), COPY, -1, tree.section_index("key_points"))
    assert told == ["Not placed: Key points already holds that fact"]
    assert drop(tree, fact_drag(facts_model, 1), COPY, -1, tree.section_index("background"))
    assert brief.times_placed(brief.facts[1].id) == 2 and brief.sections_holding(brief.facts[1].id) == 2
    assert len(set(all_placement_ids(brief))) == 2
    assert "in 2 sections" in facts_model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_dropping_several_facts_places_only_those_the_section_lacks(qtbot, facts_model, tree, brief):
    told = []
    tree.notice.connect(told.append)
    brief.place(fact_ids_of(brief, 1), "key_points")
    assert drop(tree, facts_model.mimeData([facts_model.index(0, 0), facts_model.index(1, 0)]), COPY, -1,
                tree.section_index("key_points"))
    assert layout_facts(brief)["key_points"] == [brief.facts[1].text, brief.facts[0].text]
    assert told == ["Key points already holds 1 of those facts; placed the rest"]


def test_moving_a_placement_into_a_section_that_holds_its_fact_is_refused(tree, brief):
    told = []
    tree.notice.connect(told.append)
    in_key, = brief.place(fact_ids_of(brief, 1), "key_points")
    brief.place(fact_ids_of(brief, 1), "background")
    assert not drop(tree, placement_drag(tree, in_key.id), MOVE, -1, tree.section_index("background"))
    assert placement_ids(brief, "key_points") == [in_key.id] and told == ["Not moved: Background already holds that fact"]


def test_a_copy_drag_within_the_outline_duplicates_placements(tree, brief):
    held = [p.id for p in brief.place(fact_ids_of(brief, 0, 1), "key_points")]
    assert drop(tree, placement_drag(tree, *held), COPY, -1, tree.section_index("background"))
    assert placement_ids(brief, "key_points") == held
    assert [p.fact_id for p in brief.section("background").placements] == fact_ids_of(brief, 0, 1)


# ----------------------------------------------------------------------------- moves within the outline
@pytest.mark.parametrize(("moving", "section", "row", "expected"), [
    # moving (rows of key_points) -> drop row in the target section -> key_points / quotes after, by fact row
    ([3], "key_points", 0, ([3, 0, 1, 2], [7])),  # up
    ([0], "key_points", 3, ([1, 2, 0, 3], [7])),  # down (the row names the placement after the target)
    ([0], "key_points", -1, ([1, 2, 3, 0], [7])),  # onto the section: the end
    ([1, 2], "key_points", 4, ([0, 3, 1, 2], [7])),  # a block to the end
    ([0, 2], "quotes", 0, ([1, 3], [0, 2, 7])),  # across sections, in drag order
    ([3, 1], "quotes", -1, ([0, 2], [7, 1, 3])),  # across, selection order follows the outline
])
def test_moving_placements_leaves_each_exactly_once_in_the_right_order(tree, brief, qtmodeltester, moving,
                                                                       section, row, expected):
    held = [p.id for p in brief.place(fact_ids_of(brief, 0, 1, 2, 3), "key_points")]
    brief.place(fact_ids_of(brief, 7), "quotes")
    qtmodeltester.check(tree)
    before = snapshot(brief)
    mime = placement_drag(tree, *(held[i] for i in moving))
    assert tree.canDropMimeData(mime, MOVE, row, 0, tree.section_index(section))
    # a move reports False on purpose, so the dragging view does not then removeRows the moved rows
    assert tree.dropMimeData(mime, MOVE, row, 0, tree.section_index(section)) is False
    rows_of = {f.id: i for i, f in enumerate(brief.facts)}
    after = ([rows_of[p.fact_id] for p in brief.section("key_points").placements],
             [rows_of[p.fact_id] for p in brief.section("quotes").placements])
    assert after == expected
    assert set(held) <= set(all_placement_ids(brief))
    assert len(all_placement_ids(brief)) == len(set(all_placement_ids(brief))) == 5
    assert tree.undo_stack.count() == 1
    tree.undo_stack.undo()
    assert snapshot(brief) == before
    assert tree.rowCount(tree.section_index("key_points")) == 4
    tree.undo_stack.redo()
    assert ([rows_of[p.fact_id] for p in brief.section("key_points").placements],
            [rows_of[p.fact_id] for p in brief.section("quotes").placements]) == expected
    assert tree.rowCount(tree.section_index("quotes")) == len(expected[1])


def test_a_move_onto_itself_changes_nothing_and_leaves_no_undo_step(tree, brief):
    held = [p.id for p in brief.place(fact_ids_of(brief, 0, 1), "key_points")]
    tree.dropMimeData(placement_drag(tree, held[0]), MOVE, 1, 0, tree.section_index("key_points"))
    tree.dropMimeData(placement_drag(tree, held[0]), MOVE, -1, 0, tree.placement_index(held[1]))  # before the next
    assert placement_ids(brief, "key_points") == held
    assert tree.undo_stack.count() == 0


# ----------------------------------------------------------------------------- a selection from the source pane
def test_dropping_a_source_selection_adds_a_custom_fact_and_places_it_in_one_undo_step(tree, brief):
    base = brief.facts[4]
    start = base.start + base.text.index("Pakistan") - 1  # a leading space: trimmed
    end = base.start + base.text.index(" met")
    before = snapshot(brief)
    assert drop(tree, span_mime_data(brief.extractions[base.source_id].source, Span(base.source_id, start, end)), COPY, -1,
                tree.section_index("background"))
    fact = brief.fact(brief.section("background").placements[0].fact_id)
    assert (fact.text, fact.custom, fact.kind) == ("Pakistan and Russia", True, "statement")
    assert brief.extractions[base.source_id].source.text[fact.start:fact.end] == fact.text
    assert fact.id == ids.fact_id(base.source_id, fact.start, fact.end, fact.text)
    assert [e.text for e in fact.entities] == ["Pakistan", "Russia"]  # found inside the span
    assert tree.undo_stack.count() == 1 and tree.undo_stack.undoText() == "Add selection to Background"
    tree.undo_stack.undo()
    assert snapshot(brief) == before and not brief.has_fact(fact.id)


def test_dropping_the_same_selection_twice_places_one_fact_twice(tree, brief):
    base = brief.facts[2]
    mime = span_mime_data(brief.extractions[base.source_id].source, Span(base.source_id, base.start, base.start + 11))
    drop(tree, mime, COPY, -1, tree.section_index("key_points"))
    drop(tree, mime, COPY, -1, tree.section_index("key_points"))
    custom = [f for f in brief.facts if f.custom]
    assert len(custom) == 1 and brief.times_placed(custom[0].id) == 2
    tree.undo_stack.undo()
    assert brief.has_fact(custom[0].id) and brief.times_placed(custom[0].id) == 1


# ----------------------------------------------------------------------------- text from another application
def test_text_from_another_application_becomes_a_pasted_source_placed_in_one_undo_step(tree, brief, monkeypatch):
    monkeypatch.setitem(sys.modules, "briefing.extract.pipeline", types.ModuleType("no_extract_text"))
    before = snapshot(brief)
    text = "\ufeffTalks resume in June.\r\n\r\nBoth sides expect a deal.\r\n"
    assert drop(tree, raw_mime(text=text), COPY, 0, tree.section_index("next_steps"))
    pasted = [e for e in brief.extractions.values() if e.source.kind == "pasted"]
    assert len(pasted) == 1
    source = pasted[0].source
    assert (source.title, source.text) == ("Dropped text", "Talks resume in June.\n\nBoth sides expect a deal.")
    assert layout_facts(brief)["next_steps"] == ["Talks resume in June.", "Both sides expect a deal."]
    assert all(source.text[f.start:f.end] == f.text for f in pasted[0].facts)
    assert tree.undo_stack.count() == 1 and tree.undo_stack.undoText() == "Add dropped text to Next steps"
    tree.undo_stack.undo()
    assert snapshot(brief) == before
    tree.undo_stack.redo()
    assert len(brief.section("next_steps").placements) == 2


def test_dropped_text_goes_through_the_extraction_pipeline_when_there_is_one(tree, brief, monkeypatch):
    calls = []

    def extract_text(text: str, kind: str = "text") -> Extraction:
        calls.append(kind)
        digest = ids.content_hash(text)
        source = Source(id=ids.source_id(digest), text=text, content_hash=digest, kind=kind)
        first = text.split(". ")[0] + "."
        return Extraction(source=source, facts=[Fact(id=ids.fact_id(source.id, 0, len(first), first),
                                                     source_id=source.id, start=0, end=len(first), text=first,
                                                     kind="plan")])

    monkeypatch.setitem(sys.modules, "briefing.extract.pipeline",
                        types.SimpleNamespace(extract_text=extract_text))
    assert drop(tree, raw_mime(text="Talks resume in June. Both sides expect a deal."), COPY, -1,
                tree.section_index("next_steps"))
    assert calls == ["pasted"]
    placed = brief.fact(brief.section("next_steps").placements[0].fact_id)
    assert (placed.text, placed.kind) == ("Talks resume in June.", "plan")
    assert brief.source_of(placed.id).source.title == "Dropped text"


# ----------------------------------------------------------------------------- refusals
BAD_DROPS = {
    "unknown fact ids": (lambda b: raw_mime(**{"application_x_briefing_fact_ids": '["fnope"]'}), COPY),
    "fact ids that are not JSON": (lambda b: raw_mime(**{"application_x_briefing_fact_ids": b"\xff["}), COPY),
    "fact ids that are not a list": (lambda b: raw_mime(**{"application_x_briefing_fact_ids": '{"a": 1}'}), COPY),
    "an empty id list": (lambda b: raw_mime(**{"application_x_briefing_fact_ids": "[]"}), COPY),
    "unknown placements": (lambda b: raw_mime(**{"application_x_briefing_placement_ids": '["pnope"]'}), MOVE),
    "a span past the end": (lambda b: raw_mime(**{"application_x_briefing_span": json.dumps(
        {"source_id": b.facts[0].source_id, "start": 5, "end": 10**6})}), COPY),
    "a span of spaces": (lambda b: raw_mime(**{"application_x_briefing_span": json.dumps(
        {"source_id": b.facts[0].source_id, "start": b.facts[0].end, "end": b.facts[0].end + 1})}), COPY),
    "a span of an unknown source": (lambda b: raw_mime(**{"application_x_briefing_span": json.dumps(
        {"source_id": "snope", "start": 0, "end": 4})}), COPY),
    "a span with start after end": (lambda b: raw_mime(**{"application_x_briefing_span": json.dumps(
        {"source_id": b.facts[0].source_id, "start": 9, "end": 4})}), COPY),
    "blank text": (lambda b: raw_mime(text="  \n "), COPY),
    "no format we know": (lambda b: raw_mime(**{"image_png": b"\x89PNG"}), COPY),
    "a link action": (lambda b: raw_mime(**{"application_x_briefing_fact_ids": json.dumps([b.facts[0].id])}),
                      Qt.DropAction.LinkAction),
    "our ids from another brief, with text": (lambda b: _with_text(raw_mime(
        **{"application_x_briefing_fact_ids": '["fother"]'}), "Some words"), COPY),
}


def _with_text(mime: QMimeData, text: str) -> QMimeData:
    mime.setText(text)
    return mime


@pytest.mark.parametrize("case", sorted(BAD_DROPS))
def test_an_invalid_drop_is_refused_and_changes_nothing(tree, brief, case):
    make, action = BAD_DROPS[case]
    mime = make(brief)
    before = snapshot(brief)
    parent = tree.section_index("key_points")
    assert not tree.canDropMimeData(mime, action, -1, 0, parent)
    assert tree.dropMimeData(mime, action, -1, 0, parent) is False
    assert snapshot(brief) == before and tree.undo_stack.count() == 0


def test_formats_are_named_as_documented():
    assert (MIME_FACT_IDS, MIME_PLACEMENT_IDS, MIME_SPAN) == (
        "application/x-briefing-fact-ids", "application/x-briefing-placement-ids", "application/x-briefing-span")
    assert raw_mime(application_x_briefing_fact_ids="[]").formats() == [MIME_FACT_IDS]


def test_a_brief_without_sections_refuses_every_drop(undo_stack):
    tree = BriefTreeModel(Brief(), undo_stack)
    assert not tree.canDropMimeData(raw_mime(text="words"), COPY, -1, 0, QModelIndex())
    assert tree.dropMimeData(raw_mime(text="words"), COPY, -1, 0, QModelIndex()) is False

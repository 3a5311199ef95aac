"""The fact pool model: one row per fact in source order, answering every role, mirroring the Brief."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from briefing.core.brief import Brief
from briefing.core.fact import Fact
from briefing.ui.models.commands import AddSourceCommand, PlaceFactsCommand
from briefing.ui.models.fact_list import KIND_COLORS, FactListModel, kind_icon
from briefing.ui.models.mime import MIME_FACT_IDS
from briefing.ui.models.roles import Role
from tests.ui.conftest import SHORT_TEMPLATE, energy_extraction, fact_ids_of, make_brief

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # QAbstractItemModelTester reports by warning


def test_the_pool_has_one_row_per_fact_in_source_order(facts_model, brief):
    assert facts_model.rowCount() == len(brief.facts) == 9
    assert [facts_model.index(r).data() for r in range(9)] == [f.text for f in brief.facts]
    assert facts_model.rowCount(facts_model.index(0)) == 0  # never grouped under sources


def test_the_pool_passes_the_model_tester_through_every_kind_of_change(facts_model, brief, undo_stack,
                                                                       qtmodeltester):
    qtmodeltester.check(facts_model)
    src = brief.facts[0]
    brief.add_fact(Fact(id="fmine", source_id=src.source_id, start=src.start, end=src.start + 12,
                        text=src.text[:12], custom=True))
    undo_stack.push(PlaceFactsCommand(brief, fact_ids_of(brief, 0, 1, 9), "key_points"))
    brief.apply_template(SHORT_TEMPLATE)
    undo_stack.undo()
    brief.remove_fact("fmine")
    brief.remove_extraction(brief.facts[-1].source_id)
    qtmodeltester.check(facts_model)
    assert facts_model.rowCount() == 6


@pytest.mark.parametrize(("row", "role", "expected"), [
    (3, Role.KIND, "quote"),
    (3, Role.SPEAKER, "Ahmed Khan"),
    (4, Role.ENTITIES, ["Pakistan", "Russia", "Moscow"]),
    (4, Role.DATES, ["2025-03-03"]),
    (6, Role.SOURCE_TITLE, "Pipeline talks"),
    (0, Role.TIMES_PLACED, 0),
    (0, Role.IS_SECTION, False),
    (8, Role.SEARCH_TEXT, "\u201ctalks went well,\u201d she added.\nmaria petrova"),
])
def test_each_role_answers_from_the_fact(facts_model, row, role, expected):
    assert facts_model.index(row).data(role) == expected


def test_ids_and_original_text_come_from_the_fact(facts_model, brief):
    index = facts_model.index(5)
    assert index.data(Role.FACT_ID) == brief.facts[5].id
    assert index.data(Role.SOURCE_ID) == brief.facts[5].source_id
    assert index.data(Role.ORIGINAL_TEXT) == brief.facts[5].text
    assert facts_model.fact_index(brief.facts[5].id).row() == 5
    assert not facts_model.fact_index("nope").isValid()


def test_the_tooltip_names_kind_speaker_dates_and_source(facts_model):
    tip = facts_model.index(7).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[:3] == ["Quote", "Speaker: Maria Petrova", "Dates: 2028"]
    assert "Dawn" in tip and "Pipeline talks" in tip


@pytest.mark.parametrize("kind", sorted(KIND_COLORS))
def test_each_kind_badge_is_painted_in_its_own_colour(qapp, kind):
    image = kind_icon(kind).pixmap(12, 12).toImage()
    assert image.pixelColor(6, 6).name() == QColor(KIND_COLORS[kind]).name()


def test_kind_colours_are_distinct_and_readable_on_light_and_dark(qapp):
    colors = [QColor(c) for c in KIND_COLORS.values()]
    assert len({c.name() for c in colors}) == len(colors)
    assert all(0.25 < c.lightnessF() < 0.75 for c in colors)  # mid-tones: neither vanishes on white or black


def test_a_fact_is_marked_once_placed_and_the_view_is_told(facts_model, brief, undo_stack, qtbot):
    index = facts_model.index(2)
    assert index.data(Qt.ItemDataRole.FontRole) is None
    with qtbot.waitSignal(facts_model.dataChanged) as changed:
        undo_stack.push(PlaceFactsCommand(brief, fact_ids_of(brief, 2), "key_points"))
    assert changed.args[0].row() <= 2 <= changed.args[1].row()
    assert index.data(Role.TIMES_PLACED) == 1
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.ToolTipRole).endswith("In the brief")
    undo_stack.push(PlaceFactsCommand(brief, fact_ids_of(brief, 2), "background"))
    assert index.data(Role.TIMES_PLACED) == 2
    assert "In the brief, in 2 sections" in index.data(Qt.ItemDataRole.ToolTipRole)
    undo_stack.undo()
    undo_stack.undo()
    assert index.data(Role.TIMES_PLACED) == 0


def test_facts_of_an_added_source_appear_as_new_rows(qapp, undo_stack, qtbot):
    brief = Brief.from_template(SHORT_TEMPLATE)
    model = FactListModel(brief)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        undo_stack.push(AddSourceCommand(brief, energy_extraction()))
    assert (inserted.args[1], inserted.args[2]) == (0, 2)
    undo_stack.undo()
    assert model.rowCount() == 0


def test_swapping_the_brief_resets_rows_and_stops_listening_to_the_old_one(facts_model, brief, qtbot):
    other = Brief.from_template(SHORT_TEMPLATE)
    other.add_extraction(energy_extraction())
    with qtbot.waitSignal(facts_model.modelReset):
        facts_model.set_brief(other)
    assert facts_model.rowCount() == 3
    with qtbot.assertNotEmitted(facts_model.rowsInserted), qtbot.assertNotEmitted(facts_model.dataChanged):
        brief.place(fact_ids_of(brief, 0), "key_points")
        src = brief.facts[0]
        brief.add_fact(Fact(id="fx", source_id=src.source_id, start=src.start, end=src.start + 3,
                            text=src.text[:3], custom=True))
    assert facts_model.rowCount() == 3


def test_facts_drag_as_copies_carrying_ids_and_cited_text(facts_model, brief):
    f = facts_model.flags(facts_model.index(0))
    assert f & Qt.ItemFlag.ItemIsDragEnabled and not f & Qt.ItemFlag.ItemIsDropEnabled
    assert facts_model.supportedDragActions() == Qt.DropAction.CopyAction
    mime = facts_model.mimeData([facts_model.index(7), facts_model.index(1)])
    assert json.loads(bytes(mime.data(MIME_FACT_IDS).data())) == fact_ids_of(brief, 1, 7)  # source order
    assert mime.text().splitlines() == [
        "Cabinet approved the tariff cut on Tuesday. (Business Recorder, \u201cPakistan and Russia widen "
        "trade\u201d, 2025-03-04)",
        "\u201cGas will flow by 2028,\u201d Maria Petrova told reporters. (Dawn, \u201cPipeline talks\u201d, "
        "2025-05-01)",
    ]


def test_a_drag_of_nothing_carries_no_payload(facts_model):
    assert facts_model.mimeData([QModelIndex()]) is None


def test_a_fresh_brief_has_an_empty_pool(qapp):
    assert FactListModel(Brief()).rowCount() == 0
    assert FactListModel(make_brief()).index(99).data() is None

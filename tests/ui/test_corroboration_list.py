"""The fact list over three reports of one event: a claim several outlets report shows once with its badge,
the corroboration filter, the window regrouping as sources come and go, and the jump between sentences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from briefing.ui.models.fact_filter import FactFilterProxy
from briefing.ui.models.fact_groups import (
    CONFLICTS,
    CORROBORATED,
    SINGLE_SOURCE,
    badge,
    next_partner,
)
from briefing.ui.models.fact_list import FactListModel
from briefing.ui.models.roles import Role
from tests.corroborate.stories import (
    GAZETTE,
    LEDGER,
    OUTLETS,
    WIRE,
    extraction,
    fact_starting,
    story_brief,
)
from tests.ui.conftest import shown_window


@pytest.fixture
def story(qapp):
    brief = story_brief()
    model = FactListModel(brief)
    proxy = FactFilterProxy()
    proxy.setSourceModel(model)
    return brief, model, proxy


def shown_ids(proxy: FactFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(Role.FACT_ID) for r in range(proxy.rowCount())]


def test_a_grouped_fact_carries_its_badge_and_a_lone_fact_none(story, qtmodeltester):
    brief, model, _ = story
    qtmodeltester.check(model)
    jobs = fact_starting(brief, WIRE, "The project will create")
    quay = fact_starting(brief, WIRE, "Work on the new quay")
    assert model.fact_index(jobs).data(Role.GROUP_BADGE) == "3 sources, 2 independent, conflict"
    assert model.fact_index(jobs).data(Role.HAS_CONFLICT) is True
    assert model.fact_index(quay).data(Role.GROUP_BADGE) == badge(brief, quay) == "2 sources"
    lone = next(f.id for f in brief.facts if not brief.corroboration.is_corroborated(f.id))
    assert model.fact_index(lone).data(Role.GROUP_BADGE) == ""


def test_the_tooltip_lists_every_other_sources_wording(story):
    brief, model, _ = story
    fid = fact_starting(brief, WIRE, "The project will create")
    tip = model.fact_index(fid).data(Qt.ItemDataRole.ToolTipRole)
    for partner in brief.corroboration.partners(fid):
        assert brief.fact(partner).text in tip
    assert "1,500" in tip and "Conflict" in tip


def test_a_claim_shows_once_until_every_wording_is_asked_for(story, qtmodeltester):
    brief, model, proxy = story
    qtmodeltester.check(proxy)
    shown = shown_ids(proxy)
    assert len(shown) < len(brief.facts)
    for group in brief.corroboration.groups:  # each claim has a row; never all its members
        assert sum(f in shown for f in group.fact_ids) >= 1
    assert len(shown) == len(set(shown))
    proxy.set_one_per_claim(False)
    assert shown_ids(proxy) == [f.id for f in brief.facts]


@pytest.mark.parametrize("choice, wanted", [
    (CORROBORATED, lambda b, f: b.corroboration.is_corroborated(f)),
    (SINGLE_SOURCE, lambda b, f: not b.corroboration.is_corroborated(f)),
    (CONFLICTS, lambda b, f: b.corroboration.conflict_of(f) is not None),
])
def test_the_corroboration_filter_keeps_exactly_its_facts(story, choice, wanted):
    brief, _, proxy = story
    proxy.set_one_per_claim(False)
    proxy.set_corroboration(choice)
    assert shown_ids(proxy) == [f.id for f in brief.facts if wanted(brief, f.id)]
    assert shown_ids(proxy) or choice == CONFLICTS


def test_the_fact_pane_filter_box_drives_the_proxy(qtbot, settings):
    window = shown_window(qtbot, settings)
    window.sources.bring_in([extraction(p) for p in OUTLETS], "a test")
    pane = window.panes.facts
    pane.corroboration.setCurrentIndex(pane.corroboration.findData(SINGLE_SOURCE))
    assert window.fact_proxy.corroboration == SINGLE_SOURCE
    ids = shown_ids(window.fact_proxy)
    assert ids and not any(window.brief.corroboration.is_corroborated(f) for f in ids)
    qtbot.mouseClick(pane.one_per_claim, Qt.MouseButton.LeftButton)
    assert not window.fact_proxy.one_per_claim
    window.clear_filters()
    assert pane.corroboration.currentData() == "all"


def test_the_window_regroups_when_a_source_comes_and_when_it_is_undone(qtbot, settings):
    window = shown_window(qtbot, settings)
    window.new_brief_with(extraction(WIRE))
    assert not window.brief.corroboration.groups
    rows_before = window.fact_proxy.rowCount()
    window.add_source_path(LEDGER)
    assert window.brief.corroboration.groups
    assert window.fact_proxy.rowCount() < rows_before + len(extraction(LEDGER).facts)  # claims shown once
    window.undo_stack.undo()
    assert not window.brief.corroboration.groups
    assert window.fact_proxy.rowCount() == rows_before
    assert window.claims.last_seconds < 1.0


def test_a_loaded_brief_finds_its_groups_again(qtbot, settings, tmp_path):
    window = shown_window(qtbot, settings)
    window.sources.bring_in([extraction(p) for p in OUTLETS], "a test")
    path = window.save_brief(tmp_path / "port.brief.yaml")
    window.new_brief()
    window.open_path(path)
    assert window.brief.corroboration.groups


def test_next_corroborating_sentence_cycles_through_the_other_articles(qtbot, settings):
    window = shown_window(qtbot, settings)
    window.sources.bring_in([extraction(p) for p in OUTLETS], "a test")
    brief = window.brief
    anchor = fact_starting(brief, GAZETTE, "The expansion will bring")
    window.fact_proxy.set_one_per_claim(False)
    window.select_fact(anchor)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a shortcut needs its window active
    window.panes.facts.list.setFocus()
    ring = [anchor, *brief.corroboration.partners(anchor)]
    assert len(ring) == 3
    seen = []
    for _ in ring:
        qtbot.keyClick(window.panes.facts.list, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
        target = brief.fact(window.claims.jump[1])
        view = window.panes.source.view
        assert window.panes.source.current_source_id() == target.source_id
        marks = view.extraSelections()  # the sentence is outlined in its article
        assert marks[0].cursor.selectedText() == target.text
        seen.append(target.id)
    assert seen == ring[1:] + [anchor]
    assert next_partner(brief, anchor, anchor) == ring[1]


def test_a_fact_no_other_source_reports_says_so_when_asked_to_jump(qtbot, settings):
    window = shown_window(qtbot, settings)
    window.sources.bring_in([extraction(p) for p in OUTLETS], "a test")
    lone = next(f.id for f in window.brief.facts if not window.brief.corroboration.is_corroborated(f.id))
    window.panes.facts.list.selectionModel().setCurrentIndex(
        window.fact_proxy.mapFromSource(window.fact_model.fact_index(lone)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert window.claims.next_corroborating() is None
    assert "No other source" in window.statusBar().currentMessage()


def test_a_dragged_claim_several_sources_report_pastes_citing_them_all(story):
    from briefing.ui.models.mime import facts_mime_data, source_reference

    brief, _, _ = story
    fid = fact_starting(brief, WIRE, "Work on the new quay")
    text = facts_mime_data(brief, [fid]).text()
    for sid in brief.cited_sources(fid):
        assert source_reference(brief.extractions[sid].source) in text
    assert text.count(";") == len(brief.cited_sources(fid)) - 1

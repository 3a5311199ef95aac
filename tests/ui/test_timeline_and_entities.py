"""The Timeline tab (dated claims in date order, double-click shows the fact) and the entity panel merging a
person or organisation across sources with mentions per source."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.core.timeline import timeline
from briefing.ui.models.roles import Role
from briefing.ui.models.timeline_model import DATE, EVENT, SOURCES, TimelineModel
from briefing.ui.panes.entity_panel import NAME_ROLE, EntityPanel, merged_entities
from tests.corroborate.stories import OUTLETS, extraction, story_brief
from tests.ui.conftest import make_extraction, shown_window


def test_the_timeline_lists_each_dated_claim_once_in_date_order(qapp, qtmodeltester):
    brief = story_brief()
    model = TimelineModel(brief)
    qtmodeltester.check(model)
    entries = timeline(brief)
    assert model.rowCount() == len(entries) > 0
    assert [model.index(r, 0).data(Role.FACT_ID) for r in range(model.rowCount())] == [e.fact_id for e in entries]
    whens = [e.when for e in entries]
    assert whens == sorted(whens)
    quay = next(r for r in range(model.rowCount()) if "quay" in model.index(r, EVENT).data())
    assert model.index(quay, DATE).data() == "3 March 2026"
    assert model.index(quay, SOURCES).data().count(",") == 1  # two outlets report it: one row, both cited


def test_the_timeline_follows_sources_as_they_come(qapp):
    brief = story_brief()
    model = TimelineModel(brief)
    before = model.rowCount()
    dated = make_extraction([("The inquiry reports on 9 June 2026.", "plan", "", [], ["2026-06-09"])],
                            title="Inquiry", publisher="Gazette", published="2026-01-01")
    brief.add_extraction(dated)
    assert model.rowCount() == before + 1
    assert model.index(model.rowCount() - 1, EVENT).data() == "The inquiry reports on 9 June 2026."


def test_double_clicking_a_timeline_row_selects_its_fact(qtbot, settings):
    window = shown_window(qtbot, settings)
    window.sources.bring_in([extraction(p) for p in OUTLETS], "a test")
    view = window.panes.timeline
    tabs = window.panes.tabs
    tabs.setCurrentWidget(view)
    qtbot.waitExposed(view)
    assert view.model().rowCount() > 0
    row = view.model().rowCount() - 1
    index = view.model().index(row, EVENT)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a person presses first
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    fact_id = view.model().fact_id(row)
    claim = [fact_id, *window.brief.corroboration.partners(fact_id)]
    assert window.panes.facts.list.currentIndex().data(Role.FACT_ID) in claim  # the row standing for it
    assert window.panes.source.current_source_id() == window.brief.fact(fact_id).source_id


def test_an_entity_two_sources_name_is_one_row_with_mentions_per_source(qtbot):
    brief = story_brief()
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_brief(brief)
    people = [e for group in merged_entities(brief).values() for e in group]
    shared = [e for e in people if len(e.per_source) > 1]
    assert shared, "the three reports name the same people and organisations"
    names = [e.name.casefold() for e in people]
    assert len(names) == len(set(names)) or all(e.type for e in people)
    entity = max(shared, key=lambda e: len(e.per_source))
    assert entity.mentions == sum(entity.per_source.values())
    items = [panel.tree.topLevelItem(i).child(k) for i in range(panel.tree.topLevelItemCount())
             for k in range(panel.tree.topLevelItem(i).childCount())]
    item = next(i for i in items if i.data(0, NAME_ROLE) == entity.name)
    assert item.childCount() == len(entity.per_source)
    assert sum(int(item.child(k).text(1) or 0) for k in range(item.childCount())) == entity.mentions
    assert int(item.text(1)) == entity.mentions


def test_a_name_one_source_gives_in_full_and_another_by_its_alias_is_merged(qapp):
    from briefing.core.brief import Brief
    from tests.ui.conftest import NOTE_TEMPLATE

    full = make_extraction([("Ahmed Khan met the envoy.", "meeting", "", ["Ahmed Khan"], [])], title="A",
                           publisher="One", published="2025", entity_aliases={"Ahmed Khan": ["Khan"]})
    short = make_extraction([("Khan left for Moscow.", "statement", "", ["Khan"], [])], title="B",
                            publisher="Two", published="2025")
    brief = Brief.from_template(NOTE_TEMPLATE)
    brief.add_extraction(full)
    brief.add_extraction(short)
    merged = merged_entities(brief)["organization"]
    assert [(e.name, e.mentions, len(e.per_source)) for e in merged] == [("Ahmed Khan", 2, 2)]

"""The models over the real extraction of the bundled sample article, from the pool to the outline and back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing.core.brief import Brief
from briefing.extract.pipeline import extract_path
from briefing.ui.models.brief_drops import pasted_extraction
from briefing.ui.models.brief_tree import BriefTreeModel
from briefing.ui.models.fact_filter import FactFilterProxy
from briefing.ui.models.fact_list import FactListModel
from briefing.ui.models.roles import Role
from tests.conftest import SAMPLE
from tests.ui.conftest import NOTE_TEMPLATE, snapshot

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def sample_brief() -> Brief:
    brief = Brief.from_template(NOTE_TEMPLATE)
    brief.add_extraction(extract_path(SAMPLE))
    return brief


def test_the_sample_flows_from_pool_to_outline_and_back(sample_brief, undo_stack, qtmodeltester):
    facts, tree = FactListModel(sample_brief), BriefTreeModel(sample_brief, undo_stack)
    proxy = FactFilterProxy()
    proxy.setSourceModel(facts)
    for model in (facts, proxy, tree):
        qtmodeltester.check(model)
    start = snapshot(sample_brief)
    n = facts.rowCount()
    assert n == len(sample_brief.facts) > 5
    all_facts = facts.mimeData([facts.index(r) for r in range(n)])
    assert len(all_facts.text().splitlines()) == n
    assert tree.dropMimeData(all_facts, Qt.DropAction.CopyAction, -1, 0, tree.section_index("key_points"))
    section = tree.section_index("key_points")
    assert [tree.index(r, 0, section).data(Role.FACT_ID) for r in range(n)] == [f.id for f in sample_brief.facts]
    last_half = tree.mimeData([tree.index(r, 0, section) for r in range(n // 2, n)])
    tree.dropMimeData(last_half, Qt.DropAction.MoveAction, 0, 0, tree.section_index("background"))
    assert tree.rowCount(section) + tree.rowCount(tree.section_index("background")) == n
    assert all(facts.index(r).data(Role.TIMES_PLACED) == 1 for r in range(n))
    while undo_stack.canUndo():
        undo_stack.undo()
    assert snapshot(sample_brief) == start


def test_filtering_the_sample_by_an_alias_finds_the_entity_under_every_name(sample_brief, qapp):
    facts = FactListModel(sample_brief)
    proxy = FactFilterProxy()
    proxy.setSourceModel(facts)
    entity = next(e for e in sample_brief.extractions[sample_brief.facts[0].source_id].entities if e.aliases)
    names = {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
    proxy.set_entity(entity.aliases[0])
    shown = {proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())}
    mentions = {r for r, f in enumerate(sample_brief.facts) if {m.text.casefold() for m in f.entities} & names}
    assert shown == mentions and shown


def test_dropped_text_runs_through_the_real_pipeline_and_every_sentence_is_a_fact():
    extraction = pasted_extraction("ISLAMABAD: Talks will resume in June, the minister said. Both sides expect "
                                   "a deal by the end of the year.")
    source = extraction.source
    assert (source.kind, source.title) == ("pasted", "Dropped text")
    assert [f.text for f in extraction.facts] == ["Talks will resume in June, the minister said.",
                                                  "Both sides expect a deal by the end of the year."]
    assert all(source.text[f.start:f.end] == f.text for f in extraction.facts)

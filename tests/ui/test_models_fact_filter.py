"""The fact filter: words, kinds, an entity and a source narrow the pool together, fast on thousands of facts."""

from __future__ import annotations

import pytest

from briefing.core.fact import Fact
from briefing.ui.models.fact_filter import FactFilterProxy
from briefing.ui.models.fact_list import FactListModel
from briefing.ui.models.roles import Role
from tests.ui.conftest import big_brief

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

# Rows of the hand-built brief: 0 plan (ministry) · 1 decision (Cabinet) · 2 figure · 3 quote (Ahmed Khan)
# · 4 meeting (Pakistan, Russia, Moscow) · 5 statement · 6 decision (Gazprom, Pakistan; energy source)
# · 7 quote (Maria Petrova; energy) · 8 quote said by Maria Petrova without her name in the words (energy)


def visible_rows(proxy: FactFilterProxy) -> list[int]:
    return [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]


@pytest.mark.parametrize(("text", "rows"), [
    ("pakistan", [4, 6]),
    ("PAKISTAN   russia", [4]),
    ("russia pakistan", [4]),
    ("petrova", [7, 8]),  # row 8 matches on its speaker alone
    ("gas pipeline", []),  # every word must match one fact
    ("  ", list(range(9))),
    ("cabinet tariff", [1]),
])
def test_text_matches_wording_speaker_and_entities_with_every_word(proxy, text, rows):
    proxy.set_text(text)
    assert visible_rows(proxy) == rows


@pytest.mark.parametrize(("kinds", "rows"), [
    ({"quote"}, [3, 7, 8]),
    ({"decision", "plan"}, [0, 1, 6]),
    (set(), []),
    (None, list(range(9))),
])
def test_kinds_keep_only_facts_of_those_kinds(proxy, kinds, rows):
    proxy.set_kinds(kinds)
    assert visible_rows(proxy) == rows


@pytest.mark.parametrize(("entity", "rows"), [
    ("Pakistan", [4, 6]),
    ("moscow", [4]),
    ("Khan", [3]),  # an alias of Ahmed Khan
    ("Nobody", []),
    (None, list(range(9))),
])
def test_an_entity_keeps_facts_that_mention_it_by_name_or_alias(proxy, entity, rows):
    proxy.set_entity(entity)
    assert visible_rows(proxy) == rows


def test_a_source_keeps_only_its_own_facts(proxy, brief):
    proxy.set_source(brief.facts[7].source_id)
    assert visible_rows(proxy) == [6, 7, 8]
    proxy.set_source(None)
    assert proxy.rowCount() == 9


@pytest.mark.parametrize(("text", "kinds", "entity", "source_row", "rows"), [
    ("", {"decision"}, "Pakistan", None, [6]),
    ("pakistan", None, None, 0, [4]),
    ("maria", {"quote"}, None, 6, [7, 8]),
    ("went", {"quote"}, "Maria Petrova", None, []),  # row 8 does not mention her as an entity
    ("the", {"plan", "decision"}, None, 0, [0, 1]),
])
def test_filters_combine_so_every_one_must_match(proxy, brief, text, kinds, entity, source_row, rows):
    proxy.set_text(text)
    proxy.set_kinds(kinds)
    proxy.set_entity(entity)
    proxy.set_source(None if source_row is None else brief.facts[source_row].source_id)
    assert visible_rows(proxy) == rows
    proxy.clear_filters()
    assert proxy.rowCount() == 9


def test_the_filter_passes_the_model_tester_as_filters_and_facts_change(proxy, brief, qtmodeltester):
    qtmodeltester.check(proxy)
    proxy.set_text("pakistan")
    proxy.set_kinds({"meeting", "decision"})
    src = brief.facts[4]
    at = src.text.index("Pakistan")
    brief.add_fact(Fact(id="fmine", source_id=src.source_id, start=src.start + at, end=src.start + at + 8,
                        text="Pakistan", kind="decision", custom=True))
    assert visible_rows(proxy) == [4, 6, 9]  # a new fact that matches shows up at once
    proxy.set_entity("Pakistan")
    brief.remove_fact("fmine")
    brief.remove_extraction(brief.facts[6].source_id)
    assert visible_rows(proxy) == [4]
    qtmodeltester.check(proxy)


def test_search_text_is_cached_and_rebuilt_when_facts_change(facts_model, brief):
    first = facts_model.search_texts()
    assert facts_model.search_texts() is first
    src = brief.facts[0]
    brief.add_fact(Fact(id="fmine", source_id=src.source_id, start=src.start, end=src.start + 3,
                        text=src.text[:3], custom=True))
    assert facts_model.search_texts() is not first
    assert facts_model.index(9).data(Role.SEARCH_TEXT) == src.text[:3].casefold()


def test_typing_refilters_seven_thousand_facts_to_the_matching_rows(qapp):
    brief = big_brief(7000)
    proxy = FactFilterProxy()
    proxy.setSourceModel(FactListModel(brief))
    assert proxy.rowCount() == 7000
    for text in ("m", "mo", "mos", "mosc", "moscow", "moscow 69", "moscow 6", ""):
        proxy.set_text(text)
        assert proxy.rowCount() <= 7000
    assert proxy.rowCount() == 7000
    proxy.set_text("number 6999 moscow")
    assert visible_rows(proxy) == [6999]

"""The brief's corroboration: set from outside, asked by export and auto-draft, never saved as content."""

from __future__ import annotations

from briefing.core import events as ev
from briefing.core.autodraft import auto_draft
from briefing.core.corroboration import Conflict, Group, Variant
from briefing.core.timeline import timeline
from briefing.template.registry import find_template
from tests.corroborate.stories import GAZETTE, LEDGER, WIRE, fact_starting, story_brief


def test_groups_naming_facts_the_brief_does_not_hold_are_dropped():
    brief = story_brief()
    kept = brief.corroboration.groups
    brief.set_groups([*kept, Group(fact_ids=("nope", "nada"), source_ids=("s1", "s2"))])
    assert brief.corroboration.groups == kept


def test_setting_groups_tells_views_every_fact_row_changed_and_returns_the_previous_ones():
    brief = story_brief()
    heard = []
    brief.events.connect(heard.append)
    before = brief.corroboration
    assert brief.set_groups([]) is before
    assert [(type(e), e.first, e.last) for e in heard] == [(ev.FactsChanged, 0, len(brief.facts) - 1)]
    assert brief.cited_sources(brief.facts[0].id) == [brief.facts[0].source_id]


def test_a_conflict_is_found_through_any_fact_of_its_group():
    brief = story_brief()
    a, b = brief.facts[0], brief.facts[-1]
    conflict = Conflict("date", "date: Tuesday (A) vs Wednesday (B)",
                        (Variant("Tuesday", a.id, a.source_id), Variant("Wednesday", b.id, b.source_id)))
    brief.set_groups([Group((a.id, b.id), (a.source_id, b.source_id), conflict)])
    assert brief.corroboration.conflict_of(b.id) is conflict
    assert brief.corroboration.partners(a.id) == [b.id]
    assert brief.corroboration.independent_sources(a.id) == 2


def test_regrouping_does_not_change_what_a_brief_compares_equal_to():
    one, other = story_brief(), story_brief()
    other.set_groups([])
    assert one == other


def test_auto_draft_places_a_claim_once_preferring_the_one_several_independent_sources_report():
    brief = story_brief("intelligence-bluf")
    auto_draft(brief, find_template("intelligence-bluf"))
    placed = [p.fact_id for s in brief.sections for p in s.placements]
    claims = [id(g) for fid in placed for g in brief.corroboration.groups_of(fid)]
    assert len(claims) == len(set(claims))  # no claim twice
    copies = {fact_starting(brief, LEDGER, w) for w in ("The Kestrel Bay Port Authority", "The project will")}
    assert not copies & set(placed)


def test_the_timeline_lists_dated_facts_of_all_sources_in_date_order_each_claim_once():
    brief = story_brief()
    entries = timeline(brief)
    assert [e.when for e in entries] == sorted(e.when for e in entries)
    quay = [e for e in entries if brief.fact(e.fact_id).text.startswith(("Work on the new quay", "Construction"))]
    assert len(quay) == 1 and quay[0].when == "2026-03-03" and len(quay[0].source_ids) == 2
    assert fact_starting(brief, WIRE, "Work on the new quay") == quay[0].fact_id  # the first source's wording
    assert fact_starting(brief, GAZETTE, "The town's bakery") not in {e.fact_id for e in entries}

"""Corroboration groups over three invented reports of one port expansion: agreement, copies, conflicts."""

from __future__ import annotations

from briefing.corroborate.brief_groups import source_label
from briefing.corroborate.grouping import group_facts
from tests.corroborate.stories import (
    GAZETTE,
    LEDGER,
    WIRE,
    extraction,
    fact_starting,
    story_brief,
)


def _group_with(brief, fact_id):
    groups = brief.corroboration.groups_of(fact_id)
    assert len(groups) == 1, [g.fact_ids for g in brief.corroboration.groups]
    return groups[0]


def test_a_claim_three_outlets_report_in_their_own_words_is_one_group_of_three_sources():
    brief = story_brief()
    group = _group_with(brief, fact_starting(brief, GAZETTE, "Port commissioners"))
    assert set(group.source_ids) == {extraction(p).source.id for p in (WIRE, LEDGER, GAZETTE)}
    assert fact_starting(brief, WIRE, "The Kestrel Bay Port Authority") in group.fact_ids


def test_a_reprinted_wire_story_is_marked_copied_so_three_sources_count_as_two_independent():
    brief = story_brief()
    group = _group_with(brief, fact_starting(brief, GAZETTE, "Port commissioners"))
    assert group.copied and group.independent == 2
    assert group.describe() == "3 sources, 2 independent"
    assert group.copied_ids == (fact_starting(brief, LEDGER, "The Kestrel Bay Port Authority"),)


def test_two_job_counts_for_one_claim_are_a_figure_conflict_naming_both_values_and_sources():
    brief = story_brief()
    group = _group_with(brief, fact_starting(brief, GAZETTE, "The expansion will bring"))
    assert group.conflict is not None and group.conflict.what == "figure"
    assert "1,200" in group.conflict.note and "1,500" in group.conflict.note
    for path in (WIRE, GAZETTE):  # each value's source is named
        assert source_label(extraction(path).source) in group.conflict.note
    assert {v.value.split()[0] for v in group.conflict.variants} == {"1,200", "1,500"}


def test_the_same_date_in_other_words_groups_without_a_conflict():
    brief = story_brief()
    group = _group_with(brief, fact_starting(brief, GAZETTE, "Construction of the quay"))
    assert fact_starting(brief, WIRE, "Work on the new quay") in group.fact_ids
    assert group.conflict is None and not group.copied


def test_a_written_statement_quoted_by_two_outlets_is_a_copy():
    brief = story_brief()
    group = _group_with(brief, fact_starting(brief, GAZETTE, "\"This expansion"))
    assert group.copied and group.independent == 1


def test_what_only_one_outlet_reports_stays_out_of_every_group():
    brief = story_brief()
    for path, words in ((WIRE, "Environmental groups"), (LEDGER, "Local fishermen"), (GAZETTE, "The town's bakery")):
        assert not brief.corroboration.is_corroborated(fact_starting(brief, path, words))


def test_no_group_pairs_two_facts_of_one_source_and_every_group_spans_two_sources():
    brief = story_brief()
    assert brief.corroboration.groups
    for group in brief.corroboration.groups:
        assert len(set(group.source_ids)) == len(group.source_ids) >= 2
        assert [brief.fact(f).source_id for f in group.fact_ids] == list(group.source_ids)


def test_grouping_one_source_alone_finds_nothing():
    assert group_facts(extraction(WIRE).facts) == []


def test_a_placed_grouped_fact_cites_every_source_of_its_claim_its_own_first():
    brief = story_brief()
    fid = fact_starting(brief, GAZETTE, "Port commissioners")
    cited = brief.cited_sources(fid)
    assert cited[0] == brief.fact(fid).source_id and len(cited) == 3

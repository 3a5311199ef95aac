"""What the bundled Business Recorder article must yield: one test per point of the issue."""

from __future__ import annotations

import pytest

from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.extract.pipeline import extract_path
from briefing.storage.paths import SAMPLE_ARTICLE


def fact_with(extraction: Extraction, words: str) -> Fact:
    matches = [f for f in extraction.facts if words in f.text]
    assert len(matches) == 1, f"expected one fact containing {words!r}, got {len(matches)}"
    return matches[0]


def test_the_delegations_visit_to_russia_from_5_july_2025_is_a_plan(sample):
    fact = fact_with(sample, "is to visit Russia")
    assert fact.kind == "plan"
    assert [d.value for d in fact.dates] == ["2025-07-05"]
    assert fact.dates[0].text == "July 5, 2025"


def test_the_russian_delegates_visits_are_attributed_to_the_ministry_spokesperson(sample):
    fact = fact_with(sample, "Russian delegates visited")
    assert fact.attributed_to == "Ministry of Industries spokesperson"


def test_denis_nazarov_calling_on_the_sapm_is_a_meeting(sample):
    fact = fact_with(sample, "Denis Nazarov called on the SAPM")
    assert fact.kind == "meeting"
    assert {"Denis Nazarov", "Haroon Akhtar Khan"} <= {m.text for m in fact.entities if m.type == "person"}


def test_the_joint_working_group_is_a_decision(sample):
    assert fact_with(sample, "joint working group").kind == "decision"


def test_the_secure_hub_quote_is_haroon_akhtar_khans(sample):
    fact = fact_with(sample, "Pakistan is a secure and thriving hub for investment")
    assert fact.kind == "quote"
    assert fact.speaker == "Haroon Akhtar Khan"
    assert fact.text.endswith("said Khan.")


def test_meeting_prominent_russian_investors_is_a_plan(sample):
    assert fact_with(sample, "will meet with prominent Russian investors").kind == "plan"


@pytest.mark.parametrize(("short", "long"), [
    ("SAPM", "Special Assistant to the Prime Minister"),
    ("PSM", "Pakistan Steel Mills"),
    ("FDI", "foreign direct investment"),
])
def test_the_articles_acronyms_are_expanded(sample, short, long):
    assert sample.acronyms[short] == long


def test_haroon_akhtar_khan_is_the_sapm_on_industries_and_production(sample):
    people = {e.name: e for e in sample.entities if e.type == "person"}
    assert people["Haroon Akhtar Khan"].role == "SAPM on Industries and Production"
    assert {"Akhtar Khan", "Khan"} <= set(people["Haroon Akhtar Khan"].aliases)
    assert "Khan" not in people and "Akhtar Khan" not in people


def test_no_fact_contains_the_copyright_line(sample):
    assert sample.source.text.rstrip().endswith("Copyright Business Recorder, 2025")
    assert not [f for f in sample.facts if "Copyright" in f.text or "Business Recorder" in f.text]


def test_the_source_is_from_islamabad_by_business_recorder_in_2025(sample):
    assert (sample.source.place, sample.source.publisher, sample.source.published) == (
        "Islamabad", "Business Recorder", "2025")


def test_the_dateline_is_not_part_of_the_first_fact(sample):
    first = sample.facts[0]
    assert first.text.startswith("To take up the matters")
    assert sample.source.text[:first.start] == "ISLAMABAD: "


def test_without_a_headline_the_title_is_the_main_clause_of_the_first_sentence(sample):
    assert sample.source.title == "High-level delegation led by SAPM on Industries and Production to visit Russia"


def test_every_fact_is_exactly_its_span_of_the_source_in_order(sample):
    text = sample.source.text
    assert len(sample.facts) == 15
    for before, after in zip(sample.facts, sample.facts[1:]):
        assert before.end <= after.start
    for fact in sample.facts:
        assert text[fact.start:fact.end] == fact.text == fact.text.strip()
        for m in fact.entities:
            assert fact.start <= m.start < m.end <= fact.end and text[m.start:m.end] == m.text


def test_fact_and_source_ids_are_stable_across_runs(sample):
    again = extract_path(SAMPLE_ARTICLE)
    assert again.source.id == sample.source.id
    assert [f.id for f in again.facts] == [f.id for f in sample.facts]
    assert len({f.id for f in sample.facts}) == len(sample.facts)


def test_entities_are_aggregated_with_mention_counts(sample):
    by_name = {(e.type, e.name): e for e in sample.entities}
    assert by_name[("organization", "Pakistan Steel Mills")].aliases == ["PSM"]
    assert by_name[("place", "Russia")].mentions == 2  # "Russia"; the demonym "Russian" is no place
    assert by_name[("place", "Russia")].aliases == []
    assert ("organization", "Ministry of Industries") in by_name
    assert ("organization", "Government of Pakistan") in by_name
    assert ("place", "Islamabad") in by_name

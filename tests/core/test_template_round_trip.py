"""Switching to another template and back puts every fact back in the section it came from."""

from __future__ import annotations

from pathlib import Path

from briefing.compose.draft import compose
from briefing.core.brief import UNPLACED_ID
from briefing.storage.brief_file import load_brief, save_brief
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.template.registry import find_template


def _layout(brief) -> dict[str, list[str]]:
    return {s.id: [p.fact_id for p in s.placements] for s in brief.sections}


def test_a_round_trip_through_another_template_restores_the_brief():
    brief = compose([str(SAMPLE_ARTICLE)], "ministerial-note")
    before = _layout(brief)
    assert sum(map(len, before.values())) >= 5
    brief.apply_template(find_template("investment-opportunity"))
    assert brief.sections[-1].id == UNPLACED_ID and brief.sections[-1].placements
    brief.apply_template(find_template("ministerial-note"))
    assert _layout(brief) == before
    assert all(not p.origin for s in brief.sections for p in s.placements)


def test_facts_placed_meanwhile_stay_and_returning_facts_follow_them():
    brief = compose([str(SAMPLE_ARTICLE)], "ministerial-note")
    purpose_facts = [p.fact_id for p in brief.section("purpose").placements]
    brief.apply_template(find_template("uk-submission"))  # has no "purpose" section
    newcomer = brief.facts[-1].id
    brief.place([newcomer], UNPLACED_ID)  # placed by the analyst while the facts wait
    brief.apply_template(find_template("ministerial-note"))
    assert [p.fact_id for p in brief.section("purpose").placements] == purpose_facts
    assert [p.fact_id for p in brief.section(UNPLACED_ID).placements] == [newcomer]


def test_where_a_waiting_fact_came_from_survives_saving(tmp_path: Path):
    brief = compose([str(SAMPLE_ARTICLE)], "ministerial-note")
    before = _layout(brief)
    brief.apply_template(find_template("intelligence-bluf"))
    save_brief(brief, tmp_path / "b.brief.yaml")
    reloaded = load_brief(tmp_path / "b.brief.yaml")
    assert reloaded == brief
    reloaded.apply_template(find_template("ministerial-note"))
    assert _layout(reloaded) == before

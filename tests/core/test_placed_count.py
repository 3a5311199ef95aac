"""How many facts are placed is kept as placements come and go, and always equals counting them afresh."""

from __future__ import annotations

from briefing.core.brief import Brief
from tests.core.briefs import make_brief, make_template


def counted(brief: Brief) -> int:
    return sum(1 for f in brief.facts if brief.times_placed(f.id))


def test_the_placed_count_follows_every_operation_and_equals_a_fresh_count():
    brief = make_brief()
    f = brief.facts
    seen = [brief.placed_fact_count()]
    a = brief.place([f[0].id, f[1].id], "a")
    seen.append(brief.placed_fact_count())
    twice = brief.place([f[0].id, f[2].id], "c")  # the first fact a second time
    seen.append(brief.placed_fact_count())
    assert brief.placed_fact_count() == counted(brief)
    brief.move([twice[1].id], "a", 0)
    seen.append(brief.placed_fact_count())
    removed = brief.remove([a[0].id])  # still placed once, in "c"
    seen.append(brief.placed_fact_count())
    brief.remove([twice[0].id])  # now not at all
    seen.append(brief.placed_fact_count())
    brief.insert(removed)
    seen.append(brief.placed_fact_count())
    state = brief.apply_template(make_template("new", [("c", "C again"), ("d", "D")]))
    seen.append(brief.placed_fact_count())
    brief.restore(state)
    seen.append(brief.placed_fact_count())
    assert seen == [0, 2, 3, 3, 3, 2, 3, 3, 3]
    assert brief.placed_fact_count() == counted(brief)


def test_a_brief_built_with_placements_counts_them():
    brief = make_brief()
    brief.place([brief.facts[0].id, brief.facts[1].id, brief.facts[0].id], "a")
    copy = Brief(template_id=brief.template_id, metadata=dict(brief.metadata), sections=brief.sections,
                 extractions=brief.extractions, facts=brief.facts)
    assert copy.placed_fact_count() == 2

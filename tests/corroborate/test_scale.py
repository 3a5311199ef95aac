"""Blocking: only facts that share something specific are compared, so grouping does not compare all pairs."""

from __future__ import annotations

from briefing.core.fact import Fact
from briefing.corroborate.features import features_of
from briefing.corroborate.index import candidate_pairs


def _fact(k: int, source: str, text: str) -> Fact:
    return Fact(id=f"f{k}", source_id=source, start=0, end=len(text), text=text)


def test_facts_sharing_no_rare_word_name_figure_or_date_are_never_compared():
    topics = ["harbour dredging permit", "bakery fire insurance", "school roof repairs", "tram line tender"]
    facts = [_fact(k, f"s{k % 10}", f"The council discussed the {topics[k % 4]} number {k} again.")
             for k in range(400)]
    feats = [features_of(f, k) for k, f in enumerate(facts)]
    pairs = list(candidate_pairs(feats))
    all_pairs = sum(1 for i in range(400) for j in range(i + 1, 400) if facts[i].source_id != facts[j].source_id)
    assert len(pairs) < all_pairs / 10
    assert all(facts[i].source_id != facts[j].source_id for i, j in pairs)
    assert len(set(pairs)) == len(pairs)

"""Facts from different sources gathered into groups, one group per claim, one fact per source in each group.

Pairs found through the index (``index``) are scored (``similarity``); strong pairs are taken best first.
A pair joins a group one of its facts is already in when the other fact is close enough to every member and
its source is not there yet; otherwise it starts a new group. So a group is a set of facts that all look
alike (no chain of weak links), and a sentence carrying two claims can sit in two groups, once per claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from briefing.core.corroboration import Group
from briefing.corroborate.conflicts import find_conflict
from briefing.corroborate.copies import copied_members
from briefing.corroborate.features import features_of
from briefing.corroborate.index import candidate_pairs, document_frequency
from briefing.corroborate.similarity import PairScorer

if TYPE_CHECKING:
    from briefing.core.fact import Fact
    from briefing.corroborate.features import ClaimFeatures

PAIR_MIN = 0.28  # the evidence a pair needs to start or join a group (see benchmarks/RESULTS.md for the figures)
JOIN_MIN = 0.2  # what a fact joining a group needs with each of the group's other members


def _members_fit(scorer: PairScorer, feats: list[ClaimFeatures], group: list[int], new: int) -> bool:
    source = feats[new].source
    return all(feats[m].source != source and scorer.score(feats[m], feats[new]) >= JOIN_MIN for m in group)


def group_indices(feats: list[ClaimFeatures]) -> list[list[int]]:
    """Groups as lists of positions in ``feats`` (each group: two or more facts, one per source)."""
    df = document_frequency(feats)
    scorer = PairScorer(feats, df)
    edges = []
    for i, j in candidate_pairs(feats, df):
        score = scorer.score(feats[i], feats[j])
        if score >= PAIR_MIN:
            edges.append((-score, i, j))
    edges.sort()
    groups: list[list[int]] = []
    member_of: dict[int, list[int]] = {}  # fact position -> indices of its groups
    for _score, i, j in edges:
        mine, theirs = member_of.get(i, []), member_of.get(j, [])
        if set(mine) & set(theirs):
            continue  # already together
        target, new = next(((g, j) for g in mine if _members_fit(scorer, feats, groups[g], j)), (None, j))
        if target is None:
            target, new = next(((g, i) for g in theirs if _members_fit(scorer, feats, groups[g], i)), (None, i))
        if target is None:
            groups.append([i, j])
            member_of.setdefault(i, []).append(len(groups) - 1)
            member_of.setdefault(j, []).append(len(groups) - 1)
        else:
            groups[target].append(new)
            member_of.setdefault(new, []).append(target)
    return [sorted(g) for g in groups]


def group_facts(facts: Sequence[Fact], *, acronyms: dict[str, str] | None = None,
                labels: dict[str, str] | None = None) -> list[Group]:
    """Groups of facts that report the same claim in different sources, with their conflicts and copies.

    ``facts`` are in source order (the order of ``Brief.facts``); a group lists its facts in that order.
    ``acronyms`` (short -> long, pooled from the sources) lets "NYAG" meet its long form; ``labels`` names
    each source id in conflict notes (default: the id). Groups come in the order of their first fact."""
    feats = [features_of(f, k, acronyms) for k, f in enumerate(facts)]
    names = labels or {}
    out = []
    for members in sorted(group_indices(feats)):
        chosen = [facts[k] for k in members]
        conflict = find_conflict(chosen, [feats[k] for k in members], names)
        copies = copied_members([feats[k] for k in members])
        out.append(Group(fact_ids=tuple(f.id for f in chosen), source_ids=tuple(f.source_id for f in chosen),
                         conflict=conflict, copied_ids=tuple(chosen[k].id for k in copies)))
    return out

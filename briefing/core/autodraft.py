"""Auto-draft: a first placement of facts into a template's sections, for the analyst to correct.

The template's hints decide. A fact is proposed for a section when its kind is one of the section's
``kinds`` (if it lists any) and it mentions at least one of its ``keywords`` (if it lists any); a section
with neither is left to the analyst (options, recommendations). Among the proposals, stronger ones win:
more distinct keywords, then more independent sources reporting the fact (``Brief.corroboration``), then a
kind listed earlier in ``kinds``, then earlier in the article (news puts the essentials first); a fact prefers the section where it is strongest, then the one earlier in the template.
Each fact goes to at most one section, a section takes at most ``max`` facts (the ones it ranks highest;
the others try their next-best section), facts
already placed stay where they are and count towards ``max``, and a sentence two articles share, or a claim
several articles report (one corroboration group), is placed once. Placements are made through ``Brief.place`` so every view hears of them (and undo can take them back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.brief import Brief, Placement
    from briefing.core.fact import Fact
    from briefing.core.template import SectionSpec, Template


@dataclass(frozen=True)
class _Hints:
    """A section's hints, compiled once: the kinds in order of preference and one keyword pattern."""

    order: int
    section_id: str
    kinds: dict[str, int]
    keywords: re.Pattern[str] | None
    room: int | None

    @classmethod
    def of(cls, order: int, spec: SectionSpec, already: int) -> _Hints:
        words = [w.strip() for w in spec.keywords if w.strip()]
        pattern = None
        if words:
            # Whole words, any spacing between the words of a phrase, longest first so phrases win.
            alternatives = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
        room = None if spec.max is None else max(0, spec.max - already)
        return cls(order, spec.id, {k: i for i, k in enumerate(spec.kinds)}, pattern, room)

    def strength(self, fact: Fact) -> tuple[int, int] | None:
        """(keyword hits + kind match, index of its kind in ``kinds``) if this section accepts it, else None."""
        if self.kinds and fact.kind not in self.kinds:
            return None
        hits = 0
        if self.keywords is not None:
            hits = len({" ".join(m.split()).casefold() for m in self.keywords.findall(fact.text)})
            if not hits:
                return None
        return hits + (1 if self.kinds else 0), self.kinds.get(fact.kind, 0)


def _same_sentence(text: str) -> str:
    return " ".join(text.split()).casefold()


def auto_draft(brief: Brief, template: Template) -> list[Placement]:
    """Place unplaced facts into the brief's sections from the template's hints; returns the new placements.

    Sections the brief has but the template does not (or the reverse) are left alone, so auto-drafting
    after a template switch only fills the sections the template describes.
    """
    present = {s.id: len(s.placements) for s in brief.sections}
    hints = [_Hints.of(k, spec, present[spec.id]) for k, spec in enumerate(template.sections)
             if spec.id in present and (spec.kinds or spec.keywords)]
    hints = [h for h in hints if h.room != 0]
    if not hints:
        return []

    # Two articles reporting the same sentence or claim: only the best-corroborated occurrence is proposed.
    corroboration = brief.corroboration
    seen = {_same_sentence(brief.fact(p.fact_id).text) for s in brief.sections for p in s.placements}
    claimed = {id(g) for s in brief.sections for p in s.placements for g in corroboration.groups_of(p.fact_id)}
    rank: dict[tuple[str, int], tuple[int, int, int, int]] = {}  # (fact id, hint order) -> how a section ranks it
    wishes: dict[str, list[_Hints]] = {}  # fact id -> sections it suits, best first
    rows: dict[str, int] = {}
    by_support = sorted(range(len(brief.facts)),
                        key=lambda r: (-corroboration.independent_sources(brief.facts[r].id), r))
    for row in by_support:
        fact = brief.facts[row]
        sentence = _same_sentence(fact.text)
        groups = {id(g) for g in corroboration.groups_of(fact.id)}
        if brief.times_placed(fact.id) or sentence in seen or groups & claimed:
            continue
        support = corroboration.independent_sources(fact.id)
        suits = []
        for h in hints:
            strength = h.strength(fact)
            if strength is not None:
                hits, kind_index = strength
                rank[fact.id, h.order] = (-hits, -support, kind_index, row)
                suits.append((-hits, h.order, h))
        if suits:
            seen.add(sentence)
            claimed |= groups
            wishes[fact.id] = [h for _hits, _order, h in sorted(suits, key=lambda t: t[:2])]
            rows[fact.id] = row

    # Deferred acceptance: each fact asks its best section first; a full section keeps the facts it ranks
    # highest and turns the weakest away to try its next choice. The result does not depend on the order
    # in which facts ask, and no fact would be better off swapped with another.
    held: dict[int, list[str]] = {h.order: [] for h in hints}
    asking = list(reversed(wishes))
    next_wish = dict.fromkeys(wishes, 0)
    while asking:
        fid = asking.pop()
        if next_wish[fid] >= len(wishes[fid]):
            continue  # no section wants it: it stays in the pool
        h = wishes[fid][next_wish[fid]]
        next_wish[fid] += 1
        held[h.order].append(fid)
        if h.room is not None and len(held[h.order]) > h.room:
            weakest = max(held[h.order], key=lambda f: rank[f, h.order])
            held[h.order].remove(weakest)
            asking.append(weakest)

    placements: list[Placement] = []
    for h in hints:
        if held[h.order]:
            placements += brief.place(sorted(held[h.order], key=rows.__getitem__), h.section_id)
    return placements

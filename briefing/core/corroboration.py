"""What links facts across sources: groups of facts that report the same claim, their conflicts and copies.

Plain data that a brief holds and export reads. ``briefing.corroborate`` computes the groups from the facts
(core never imports it); whoever adds or removes sources recomputes them and hands them to
``Brief.set_groups``. Groups are derived, never saved: a loaded brief recomputes them without the language model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from briefing.core.fact import Fact

CONFLICT_KINDS = ("figure", "date", "attribution", "other")


@dataclass(frozen=True)
class Variant:
    """One source's version of a disputed detail: the value as written and the fact that says it."""

    value: str
    fact_id: str
    source_id: str


@dataclass(frozen=True)
class Conflict:
    """The sources of one claim disagree on a detail. ``what`` is one of ``CONFLICT_KINDS``; ``note`` shows
    every value with the source that gives it; ``variants`` holds the same as data, one per fact."""

    what: str
    note: str
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Group:
    """Facts from different sources (one per source) that report the same claim.

    ``copied_ids`` are members whose wording is a near word-for-word copy of an earlier member (a reprinted
    wire story or press release): they add a source but not an independent one."""

    fact_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    conflict: Conflict | None = None
    copied_ids: tuple[str, ...] = ()

    @property
    def copied(self) -> bool:
        """Whether some members reprint the same text rather than report independently."""
        return bool(self.copied_ids)

    @property
    def independent(self) -> int:
        """How many sources report the claim independently ("3 sources, 2 independent")."""
        return len(self.fact_ids) - len(self.copied_ids)

    def describe(self) -> str:
        """The badge text: "3 sources", "3 sources, 2 independent", with ", conflict" when there is one."""
        text = f"{len(self.source_ids)} sources"
        if self.copied:
            text += f", {self.independent} independent"
        return text + (", conflict" if self.conflict else "")


class Corroboration:
    """A brief's groups with an index by fact: what a placed fact cites and where its sources disagree."""

    def __init__(self, groups: Iterable[Group] = ()) -> None:
        self.groups: tuple[Group, ...] = tuple(groups)
        self._by_fact: dict[str, list[Group]] = {}
        for group in self.groups:
            for fact_id in group.fact_ids:
                self._by_fact.setdefault(fact_id, []).append(group)

    def groups_of(self, fact_id: str) -> list[Group]:
        """The groups this fact belongs to (one per claim it carries); empty for a single-source fact."""
        return list(self._by_fact.get(fact_id, ()))

    def is_corroborated(self, fact_id: str) -> bool:
        """Whether another source reports a claim of this fact."""
        return fact_id in self._by_fact

    def cited_sources(self, fact: Fact) -> list[str]:
        """Source ids a placement of ``fact`` cites: its own source first, then every other source of its
        groups in the order the groups list them."""
        found = [fact.source_id]
        for group in self._by_fact.get(fact.id, ()):
            found += [sid for sid in group.source_ids if sid not in found]
        return found

    def conflict_of(self, fact_id: str) -> Conflict | None:
        """The first disagreement among the sources of this fact's claims, or None."""
        return next((g.conflict for g in self._by_fact.get(fact_id, ()) if g.conflict), None)

    def independent_sources(self, fact_id: str) -> int:
        """How many sources report this fact's best-corroborated claim independently (1 when none other does)."""
        return max((g.independent for g in self._by_fact.get(fact_id, ())), default=1)

    def partners(self, fact_id: str) -> list[str]:
        """The other facts reporting this fact's claims (the sentences the source view jumps between)."""
        seen: list[str] = []
        for group in self._by_fact.get(fact_id, ()):
            seen += [f for f in group.fact_ids if f != fact_id and f not in seen]
        return seen

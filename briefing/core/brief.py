"""The Brief: a template's sections holding ordered placements of facts, changed only through its methods.

Every method that changes the brief emits events (see ``events``) so views can mirror it, and returns what
an undo needs to put things back. Methods raise ``BriefError`` for ids that do not exist. Sources and facts
come and go through the methods of ``fact_pool.FactPool`` (a mixin); placements and sections are here.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from briefing.core import events as ev
from briefing.core.corroboration import Corroboration, Group
from briefing.core.errors import BriefError
from briefing.core.fact_pool import NOT_DELETABLE, DeletedFact, FactDeletion, FactPool
from briefing.core.ids import new_placement_id
from briefing.core.runs import consecutive_runs, run_length, section_runs
from briefing.core.section import (
    UNPLACED_ID,
    UNPLACED_TITLE,
    Placement,
    Position,
    Section,
    merge_sections,
    sections_from_template,
)

__all__ = ["NOT_DELETABLE", "UNPLACED_ID", "UNPLACED_TITLE", "Brief", "DeletedFact", "FactDeletion", "Placement",
           "Position", "Section"]  # the names importers use

if TYPE_CHECKING:
    from briefing.core.extraction import Extraction
    from briefing.core.fact import Fact
    from briefing.core.template import Template


@dataclass(eq=False)
class Brief(FactPool):
    """A brief in progress. Compare with ``==`` on content; listeners are not content."""

    template_id: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    extractions: dict[str, Extraction] = field(default_factory=dict)  # by source id, in added order
    facts: list[Fact] = field(default_factory=list)  # every fact of every source, in source order

    def __post_init__(self) -> None:
        self.events = ev.EventEmitter()
        self._fact_index: dict[str, int] = {}
        self._placed: Counter[str] = Counter()
        self._placed_facts = 0  # facts placed at least once: kept as placements come and go
        self.corroboration = Corroboration()  # derived from the facts, not content: see set_groups
        self._reindex()

    # ----------------------------------------------------------------- construction and lookup
    @classmethod
    def from_template(cls, template: Template) -> Brief:
        """An empty brief with the template's sections and header fields (with their defaults)."""
        return cls(template_id=template.id, metadata=template.defaults(), sections=sections_from_template(template))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Brief):
            return NotImplemented
        return (self.template_id, self.metadata, self.sections, self.extractions, self.facts) == (
            other.template_id, other.metadata, other.sections, other.extractions, other.facts)

    def _reindex(self) -> None:
        self._fact_index = {f.id: i for i, f in enumerate(self.facts)}
        self._placed = Counter(p.fact_id for s in self.sections for p in s.placements)
        self._placed_facts = sum(1 for n in self._placed.values() if n > 0)

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id; raises ``BriefError`` if the brief has none."""
        try:
            return self.facts[self._fact_index[fact_id]]
        except KeyError:
            raise BriefError(f"no fact with id {fact_id!r} in this brief") from None

    def has_fact(self, fact_id: str) -> bool:
        """Whether the brief holds a fact with this id (a drop names ids that may be stale)."""
        return fact_id in self._fact_index

    def fact_row(self, fact_id: str) -> int:
        """The fact's position in ``facts`` (the fact list's row); a ``KeyError`` for an unknown id."""
        return self._fact_index[fact_id]

    def times_placed(self, fact_id: str) -> int:
        """How many placements show this fact (0 for an unknown id); kept up to date, so asking is free."""
        return self._placed[fact_id]

    def placed_fact_count(self) -> int:
        """How many facts are placed at least once; kept up to date, so asking is free at any size."""
        return self._placed_facts

    def _count_placed(self, fact_ids: Iterable[str], step: int) -> None:
        placed = self._placed
        for fact_id in fact_ids:
            before = placed[fact_id]
            placed[fact_id] = before + step
            if (before > 0) != (before + step > 0):
                self._placed_facts += step

    def section_index(self, section_id: str) -> int:
        """The position of a section in ``sections``; raises ``BriefError`` if there is none."""
        for i, s in enumerate(self.sections):
            if s.id == section_id:
                return i
        raise BriefError(f"no section with id {section_id!r} in this brief")

    def section(self, section_id: str) -> Section:
        """The section with this id; raises ``BriefError`` if there is none."""
        return self.sections[self.section_index(section_id)]

    def locate(self, placement_id: str) -> tuple[int, int]:
        """(section index, row) of a placement."""
        for si, s in enumerate(self.sections):
            for row, p in enumerate(s.placements):
                if p.id == placement_id:
                    return si, row
        raise BriefError(f"no placement with id {placement_id!r} in this brief")

    def placement(self, placement_id: str) -> Placement:
        """The placement with this id, in whichever section; raises ``BriefError`` if there is none."""
        si, row = self.locate(placement_id)
        return self.sections[si].placements[row]

    def wording(self, placement: Placement) -> str:
        """What the brief says for a placement: the rewording if any, else the fact's own words."""
        return placement.text or self.fact(placement.fact_id).text

    def source_of(self, fact_id: str) -> Extraction:
        """The extraction (source and facts) a fact came from; raises ``BriefError`` for an unknown fact."""
        return self.extractions[self.fact(fact_id).source_id]

    def layout(self) -> dict[str, list[str]]:
        """Placement ids per section; what ``arrange`` restores (undo of moves)."""
        return {s.id: [p.id for p in s.placements] for s in self.sections}

    def _fact_changed(self, fact_ids: Iterable[str]) -> None:
        """One fact_changed event per run of consecutive fact rows (placing 1,000 facts: a few events)."""
        rows = sorted({self._fact_index[fid] for fid in fact_ids if fid in self._fact_index})
        for first, last in consecutive_runs(rows):
            self.events.emit(ev.FactsChanged(first=first, last=last))

    # ----------------------------------------------------------------- corroboration
    def set_groups(self, groups: Iterable[Group]) -> Corroboration:
        """Replace the groups of facts that several sources report (``briefing.corroborate`` computes them;
        whoever adds or removes sources calls this). Groups naming a fact the brief does not hold are dropped.
        Every fact row is told it changed (its badge may have); returns the previous corroboration."""
        old = self.corroboration
        self.corroboration = Corroboration(g for g in groups if all(f in self._fact_index for f in g.fact_ids))
        if self.facts:
            self.events.emit(ev.FactsChanged(first=0, last=len(self.facts) - 1))
        return old

    def cited_sources(self, fact_id: str) -> list[str]:
        """Source ids a placement of this fact cites: its own, then every other source reporting the same claim."""
        return self.corroboration.cited_sources(self.fact(fact_id))

    # ----------------------------------------------------------------- placements
    def already_in(self, section_id: str, fact_ids: Iterable[str], moving: Iterable[str] = ()) -> list[str]:
        """The facts among ``fact_ids`` that the section already shows (not counting the placements ``moving``
        into it): placing them there again would repeat a fact, which the brief refuses."""
        moving = set(moving)
        held = {p.fact_id for p in self.section(section_id).placements if p.id not in moving}
        return [f for f in dict.fromkeys(fact_ids) if f in held]

    def new_to_section(self, section_id: str, fact_ids: Iterable[str]) -> list[str]:
        """The rule for the analyst's placing: of ``fact_ids`` (once each), those the section does not hold yet.
        A fact may sit in several sections but never twice in one; an empty answer means "refuse and say so"."""
        repeated = set(self.already_in(section_id, fact_ids := list(fact_ids)))
        return [f for f in dict.fromkeys(fact_ids) if f not in repeated]

    def would_repeat(self, placement_ids: Iterable[str], section_id: str) -> bool:
        """Whether moving these placements into the section would show one fact twice there (refused)."""
        ids = list(dict.fromkeys(placement_ids))
        facts = [self.placement(pid).fact_id for pid in ids]
        return len(set(facts)) != len(facts) or bool(self.already_in(section_id, facts, moving=ids))

    def sections_holding(self, fact_id: str) -> int:
        """In how many sections the fact is placed (one fact may sit in two sections, never twice in one)."""
        return sum(1 for s in self.sections if any(p.fact_id == fact_id for p in s.placements)) \
            if self._placed[fact_id] else 0

    def place(self, fact_ids: Iterable[str], section_id: str, index: int | None = None) -> list[Placement]:
        """Place facts (in the order given) into a section at ``index`` (default: the end).

        This is the mechanism (undo, files and bulk builders use it as is); the analyst's rule that a section
        never repeats a fact is ``new_to_section``, which every placing gesture asks first."""
        fact_ids = list(fact_ids)
        for fid in fact_ids:
            self.fact(fid)
        placements = [Placement(id=new_placement_id(), fact_id=fid) for fid in fact_ids]
        si = self.section_index(section_id)
        row = len(self.sections[si].placements) if index is None else max(0, min(index, len(
            self.sections[si].placements)))
        self.insert([(section_id, row + k, p) for k, p in enumerate(placements)])
        return placements

    def insert(self, positions: Iterable[Position]) -> None:
        """Put placements back where they were (undo of ``remove``); positions in ascending order.

        Consecutive rows of one section go in as one block (one inserting/inserted pair), so placing or
        restoring a thousand facts is one view update, not a thousand."""
        positions = list(positions)
        order = {s.id: i for i, s in enumerate(self.sections)}
        for section_id, _row, placement in positions:
            self.fact(placement.fact_id)
            if section_id not in order:
                raise BriefError(f"no section with id {section_id!r} in this brief")
        ordered = sorted(positions, key=lambda p: (order[p[0]], p[1]))
        runs: list[tuple[int, int, list[Placement]]] = []  # (section index, first row, placements)
        for section_id, row, placement in ordered:
            si = order[section_id]
            if runs and runs[-1][0] == si:
                _si, first, block = runs[-1]
                size = len(self.sections[si].placements) + len(block)
                if max(0, min(row, size)) == first + len(block):
                    block.append(placement)
                    continue
                self._insert_block(*runs.pop())
            elif runs:
                self._insert_block(*runs.pop())
            runs.append((si, max(0, min(row, len(self.sections[si].placements))), [placement]))
        if runs:
            self._insert_block(*runs.pop())

    def _insert_block(self, si: int, first: int, block: list[Placement]) -> None:
        self.events.emit(ev.PlacementsInserting(section=si, first=first, last=first + len(block) - 1))
        self.sections[si].placements[first:first] = block
        self._count_placed((p.fact_id for p in block), 1)
        self.events.emit(ev.PlacementsInserted(section=si, first=first, last=first + len(block) - 1))
        self._fact_changed(p.fact_id for p in block)

    def remove(self, placement_ids: Iterable[str]) -> list[Position]:
        """Remove placements; returns their former positions (ascending) for ``insert``.

        Consecutive rows go out as one block (one removing/removed pair per run)."""
        where = {p.id: (si, row) for si, s in enumerate(self.sections) for row, p in enumerate(s.placements)}
        found = []
        for pid in placement_ids:
            if pid not in where:
                raise BriefError(f"no placement with id {pid!r} in this brief")
            found.append(where[pid])
        found = sorted(set(found))
        removed: list[Position] = [(self.sections[si].id, row, self.sections[si].placements[row])
                                   for si, row in found]
        for si, first, last in reversed(section_runs(found)):
            self.events.emit(ev.PlacementsRemoving(section=si, first=first, last=last))
            block = self.sections[si].placements[first:last + 1]
            del self.sections[si].placements[first:last + 1]
            self._count_placed((p.fact_id for p in block), -1)
            self.events.emit(ev.PlacementsRemoved(section=si, first=first, last=last))
            self._fact_changed(p.fact_id for p in block)
        return removed

    def move(self, placement_ids: Iterable[str], section_id: str, index: int | None = None) -> dict[str, list[str]]:
        """Move placements (in the order given) to sit together before ``index`` of a section.

        ``index`` counts rows of the destination as they are before the move, like a drop row. Each
        placement exists exactly once afterwards. Returns the previous layout for ``arrange`` (undo).
        Placements already next to each other (in the order given) move as one block (one event).
        """
        ids = list(dict.fromkeys(placement_ids))
        where = {p.id: (si, row) for si, s in enumerate(self.sections) for row, p in enumerate(s.placements)}
        for pid in ids:
            if pid not in where:
                raise BriefError(f"no placement with id {pid!r} in this brief")
        before = self.layout()
        dsi = self.section_index(section_id)
        dest = self.sections[dsi].placements
        index = len(dest) if index is None else max(0, min(index, len(dest)))
        moving = set(ids)
        anchor = next((p for p in dest[index:] if p.id not in moving), None)
        k = 0
        while k < len(ids):
            si, first, last = self._run_at(ids, k)
            k += last - first + 1
            dest_row = len(dest) if anchor is None else next(i for i, p in enumerate(dest) if p is anchor)
            self._move_block(si, first, last, dsi, dest_row)
        return before

    def arrange(self, layout: dict[str, list[str]]) -> None:
        """Bring sections to a given order of placements (undo of ``move``), moving runs as blocks."""
        for section_id, ids in layout.items():
            dsi = self.section_index(section_id)
            dest = self.sections[dsi].placements
            k = 0
            while k < len(ids):
                if k < len(dest) and dest[k].id == ids[k]:
                    k += 1
                    continue
                si, first, last = self._run_at(ids, k)
                self._move_block(si, first, last, dsi, k)
                k += last - first + 1

    def _run_at(self, ids: list[str], k: int) -> tuple[int, int, int]:
        """(section index, first row, last row) of the longest block, starting at ``ids[k]``, that can move as one."""
        si, first = self.locate(ids[k])
        return si, first, first + run_length(self.sections[si].placements, first, ids, k) - 1

    def _move_block(self, si: int, first: int, last: int, dsi: int, dest_row: int) -> None:
        """Move rows first..last of section ``si`` before ``dest_row`` of ``dsi`` (row counted before the move)."""
        if si == dsi and first <= dest_row <= last + 1:
            return  # already there
        self.events.emit(ev.PlacementsMoving(section=si, first=first, last=last, dest_section=dsi,
                                       dest_row=dest_row))
        src = self.sections[si].placements
        block = src[first:last + 1]
        del src[first:last + 1]
        if si == dsi and dest_row > last:
            dest_row -= len(block)
        self.sections[dsi].placements[dest_row:dest_row] = block
        self.events.emit(ev.PlacementsMoved(section=si, first=first, last=last, dest_section=dsi,
                                       dest_row=dest_row))

    def reword(self, placement_id: str, text: str) -> str:
        """Set the analyst's wording (empty or the original wording: back to the fact's own words).

        The fact itself never changes, so the original stays on record. Returns the previous rewording."""
        si, row = self.locate(placement_id)
        placement = self.sections[si].placements[row]
        old = placement.text
        text = text.strip()
        if text == self.fact(placement.fact_id).text:
            text = ""
        placement.text = text
        self.events.emit(ev.SectionChanged(section=si, first=row, last=row))
        return old

    def set_note(self, placement_id: str, note: str) -> str:
        """Set the note on a placement (shown to the reader as a comment). Returns the previous note."""
        si, row = self.locate(placement_id)
        placement = self.sections[si].placements[row]
        old, placement.note = placement.note, note
        self.events.emit(ev.SectionChanged(section=si, first=row, last=row))
        return old

    def set_section_text(self, section_id: str, text: str) -> str:
        """Set a section's free text, written after its facts. Returns the previous text."""
        si = self.section_index(section_id)
        old, self.sections[si].text = self.sections[si].text, text
        self.events.emit(ev.SectionChanged(section=si))
        return old

    def set_metadata(self, key: str, value: str | None) -> str | None:
        """Set a header field; ``None`` removes it. Returns the previous value (None: the key was absent)."""
        old = self.metadata.get(key)
        if value is None:
            self.metadata.pop(key, None)
        else:
            self.metadata[key] = value
        self.events.emit(ev.MetadataChanged(key=key))
        return old

    # ----------------------------------------------------------------- templates
    def apply_template(self, template: Template, old_defaults: dict[str, str] | None = None,
                       ) -> tuple[str, dict[str, str], list[Section]]:
        """Switch to another template without losing a single placement or word.

        Sections with the same id keep their placements and free text; the rest move to an "Unplaced"
        section at the end. Metadata keeps the analyst's values and gains the new template's fields; a value
        still equal to the old template's default (``old_defaults``: the analyst never edited it) takes the
        new template's default instead. Returns the previous (template id, metadata, sections) for ``restore``.
        """
        previous = (self.template_id, dict(self.metadata), copy.deepcopy(self.sections))
        untouched = {k for k, v in self.metadata.items() if old_defaults and old_defaults.get(k) == v and v
                     and template.defaults().get(k)}
        metadata = {**template.defaults(), **{k: v for k, v in self.metadata.items() if v and k not in untouched}}
        self._replace(template.id, metadata, merge_sections(self.sections, template))
        return previous

    def restore(self, state: tuple[str, dict[str, str], list[Section]]) -> None:
        """Put back what ``apply_template`` returned."""
        template_id, metadata, sections = state
        self._replace(template_id, dict(metadata), copy.deepcopy(sections))

    def _replace(self, template_id: str, metadata: dict[str, str], sections: list[Section]) -> None:
        self.events.emit(ev.SectionsResetting())
        self.template_id, self.metadata, self.sections = template_id, metadata, sections
        self._reindex()
        self.events.emit(ev.SectionsReset())
        self.events.emit(ev.MetadataChanged())

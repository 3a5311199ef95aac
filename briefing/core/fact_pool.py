"""Sources and facts coming into a brief and going out of it, each change told to views and undoable exactly.

A mixin of ``Brief`` (kept apart so the brief's placements and its pool of facts each read in one place): it
relies on the brief's ``facts``, ``extractions``, ``events``, its indexes and ``remove``/``insert``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from briefing.core import events as ev
from briefing.core.errors import BriefError
from briefing.core.runs import consecutive_runs

if TYPE_CHECKING:
    from collections import Counter

    from briefing.core.extraction import Extraction
    from briefing.core.fact import Fact
    from briefing.core.section import Position, Section
    from briefing.core.source import DateMention

PASTED_KIND = "pasted"  # a source made of text dropped in from another program (``Source.kind``)
NOT_DELETABLE = "only facts you added can be deleted; remove it from the brief instead"


@dataclass(frozen=True)
class DeletedFact:
    """A deleted fact and where it sat: its row in ``Brief.facts`` and its row in its source's own facts."""

    fact: Fact
    row: int
    source_row: int


@dataclass(frozen=True)
class FactDeletion:
    """What ``delete_facts`` took out, enough for ``restore_facts`` to put the brief back exactly.

    ``placements`` are whole placements (id, rewording, note) with their section and row, ascending, as
    ``Brief.remove`` returns them. ``sources`` are pasted sources the deletion left without a fact, each
    with its place among the brief's sources."""

    facts: tuple[DeletedFact, ...] = ()
    placements: tuple[Position, ...] = ()
    sources: tuple[tuple[int, Extraction], ...] = ()


SOURCE_DETAIL_FIELDS = ("title", "publisher", "byline", "published", "url")  # what the analyst may correct


@dataclass(frozen=True)
class SourceDetails:
    """A source's details and its facts' dates as they were before ``set_source_details`` (its undo)."""

    source_id: str
    details: dict[str, str]
    dates: dict[str, list[DateMention]]


class FactPool:
    """The sources-and-facts half of ``Brief``'s methods (see the module docstring)."""

    if TYPE_CHECKING:  # provided by Brief
        facts: list[Fact]
        extractions: dict[str, Extraction]
        sections: list[Section]
        events: ev.EventEmitter
        _fact_index: dict[str, int]
        _placed: Counter[str]

        def fact(self, fact_id: str) -> Fact: ...
        def _reindex(self) -> None: ...
        def remove(self, placement_ids: Iterable[str]) -> list[Position]: ...
        def insert(self, positions: Iterable[Position]) -> None: ...
        def section_index(self, section_id: str) -> int: ...

    def add_extraction(self, extraction: Extraction) -> bool:
        """Add a source and its facts. Adding the same content twice is a no-op (returns False)."""
        sid = extraction.source.id
        if sid in self.extractions:
            return False
        self.extractions[sid] = extraction
        self.events.emit(ev.SourcesChanged())
        self._insert_facts(list(extraction.facts))
        return True

    def refine_extraction(self, refined: Extraction) -> bool:
        """Take the language model's reading of a source already in the brief (``extract.pipeline.model_pass``):
        its names, roles, acronyms and model, and each fact's mentions, speaker and attribution. Facts are
        matched by id and keep their place, kind and offsets, so placements, rewordings and notes are untouched;
        a fact added or deleted by the analyst meanwhile stays as it is. Not an edit of the analyst's, so not an
        undo step. Returns False (and changes nothing) for a source no longer in the brief or one already read."""
        sid = refined.source.id
        current = self.extractions.get(sid)
        if current is None or current.model or not refined.model:
            return False
        better = {f.id: f for f in refined.facts}
        rows = []
        for fact in current.facts:
            new = better.get(fact.id)
            if new is None or (new.start, new.end) != (fact.start, fact.end):
                continue
            fact.entities, fact.speaker, fact.attributed_to = new.entities, new.speaker, new.attributed_to
            rows.append(self._fact_index[fact.id])
        current.entities, current.acronyms, current.model = refined.entities, refined.acronyms, refined.model
        self.events.emit(ev.SourcesChanged())
        if rows:
            self.events.emit(ev.FactsChanged(first=min(rows), last=max(rows)))
        return True

    def set_source_details(self, source_id: str, details: dict[str, str],
                           dates: dict[str, list[DateMention]] | None = None) -> SourceDetails:
        """Change what the brief says about a source (``SOURCE_DETAIL_FIELDS``: title, publisher, byline,
        published, url) and, when its date changed, its facts' resolved dates (``dates``: by fact id, as the
        extractor re-resolved them). Returns what ``restore_source_details`` needs to undo it."""
        if source_id not in self.extractions:
            raise BriefError(f"no source with id {source_id!r} in this brief")
        unknown = set(details) - set(SOURCE_DETAIL_FIELDS)
        if unknown:
            raise BriefError(f"a source has no field {sorted(unknown)[0]!r}")
        extraction = self.extractions[source_id]
        old_details = {k: getattr(extraction.source, k) for k in details}
        for key, value in details.items():
            setattr(extraction.source, key, " ".join(value.split()))
        old_dates = {}
        for fact in extraction.facts:
            if dates and fact.id in dates:
                old_dates[fact.id] = fact.dates
                fact.dates = list(dates[fact.id])
        self.events.emit(ev.SourcesChanged())
        rows = sorted(self._fact_index[f.id] for f in extraction.facts if f.id in self._fact_index)
        if rows:  # their rows show the source (and dates): every one may read differently now
            self.events.emit(ev.FactsChanged(first=rows[0], last=rows[-1]))
        return SourceDetails(source_id, old_details, old_dates)

    def restore_source_details(self, state: SourceDetails) -> SourceDetails:
        """Undo ``set_source_details`` (and return what redoes it)."""
        return self.set_source_details(state.source_id, state.details, state.dates)

    def add_fact(self, fact: Fact) -> Fact:
        """Add an analyst's own span of an existing source as a fact (or return the identical one)."""
        if fact.source_id not in self.extractions:
            raise BriefError(f"no source with id {fact.source_id!r} in this brief")
        src = self.extractions[fact.source_id].source.text
        if not (0 <= fact.start < fact.end <= len(src)) or src[fact.start:fact.end] != fact.text:
            raise BriefError("a fact's text must be exactly the source text between its offsets")
        if fact.id in self._fact_index:
            return self.fact(fact.id)
        self.extractions[fact.source_id].facts.append(fact)
        self._insert_facts([fact])
        return fact

    def remove_fact(self, fact_id: str) -> tuple[int, Fact]:
        """Remove an unplaced custom fact (undo of ``add_fact``)."""
        row = self._fact_index.get(fact_id)
        if row is None:
            raise BriefError(f"no fact with id {fact_id!r} in this brief")
        if self._placed[fact_id]:
            raise BriefError("a placed fact cannot be removed; remove its placements first")
        self.events.emit(ev.FactsRemoving(first=row, last=row))
        fact = self.facts.pop(row)
        self.extractions[fact.source_id].facts = [f for f in self.extractions[fact.source_id].facts
                                                  if f.id != fact_id]
        self._reindex()
        self.events.emit(ev.FactsRemoved(first=row, last=row))
        return row, fact

    def remove_extraction(self, source_id: str) -> Extraction:
        """Remove a source and all its facts (undo of ``add_extraction``); refused while any is placed.

        Facts leave in runs of consecutive rows, last run first, so views can follow row by row."""
        if source_id not in self.extractions:
            raise BriefError(f"no source with id {source_id!r} in this brief")
        if any(self._placed[f.id] for f in self.facts if f.source_id == source_id):
            raise BriefError("a source whose facts are placed cannot be removed; remove its placements first")
        rows = [i for i, f in enumerate(self.facts) if f.source_id == source_id]
        self._remove_fact_rows(rows)
        extraction = self.extractions.pop(source_id)
        self._reindex()
        self.events.emit(ev.SourcesChanged())
        return extraction

    # ----------------------------------------------------------------- the analyst's own facts, deleted
    def delete_facts(self, fact_ids: Iterable[str]) -> FactDeletion:
        """Delete facts the analyst added (``Fact.custom``) with every placement of them, in any section.

        Refused, before anything changes, for an unknown id or an extracted fact. A pasted source ("Dropped
        text") left without a fact goes too: it existed only to carry them. Events, in order: placements
        out (as ``remove``), fact rows out in runs (last run first), then ``SOURCES`` if a source went.
        Returns what ``restore_facts`` needs."""
        ids = list(dict.fromkeys(fact_ids))
        for fid in ids:
            if not self.fact(fid).custom:
                raise BriefError(NOT_DELETABLE)
        if not ids:
            return FactDeletion()
        gone = set(ids)
        placements = self.remove([p.id for s in self.sections for p in s.placements if p.fact_id in gone])
        rows = sorted(self._fact_index[fid] for fid in ids)
        source_rows: dict[str, int] = {}
        for sid in {self.facts[r].source_id for r in rows}:
            source_rows.update((f.id, k) for k, f in enumerate(self.extractions[sid].facts) if f.id in gone)
        deleted = tuple(DeletedFact(self.facts[r], r, source_rows[self.facts[r].id]) for r in rows)
        self._remove_fact_rows(rows)
        touched = {d.fact.source_id for d in deleted}
        for sid in touched:  # in place: undo puts the facts back into this very list
            self.extractions[sid].facts[:] = [f for f in self.extractions[sid].facts if f.id not in gone]
        emptied = tuple((at, extraction) for at, (sid, extraction) in enumerate(self.extractions.items())
                        if sid in touched and not extraction.facts and extraction.source.kind == PASTED_KIND)
        for _at, extraction in emptied:
            del self.extractions[extraction.source.id]
        self._reindex()
        if emptied:
            self.events.emit(ev.SourcesChanged())
        return FactDeletion(deleted, tuple(placements), emptied)

    def restore_facts(self, deletion: FactDeletion) -> None:
        """Put back what ``delete_facts`` took out (its undo): sources, facts and placements where they were,
        the same objects with the same ids. Events mirror ``delete_facts`` in reverse order."""
        known = set(self.extractions) | {e.source.id for _at, e in deletion.sources}
        for d in deletion.facts:
            if d.fact.id in self._fact_index:
                raise BriefError(f"the brief already has a fact with id {d.fact.id!r}")
            if d.fact.source_id not in known:
                raise BriefError(f"no source with id {d.fact.source_id!r} in this brief")
        for section_id, _row, _placement in deletion.placements:
            self.section_index(section_id)
        by_source = {e.source.id: e for _at, e in deletion.sources} | self.extractions
        for d in sorted(deletion.facts, key=lambda d: d.source_row):
            by_source[d.fact.source_id].facts.insert(d.source_row, d.fact)
        if deletion.sources:
            items = list(self.extractions.items())
            for at, extraction in deletion.sources:  # ascending, so each lands at its old place
                items.insert(at, (extraction.source.id, extraction))
            self.extractions.clear()
            self.extractions.update(items)
            self.events.emit(ev.SourcesChanged())
        facts = sorted(deletion.facts, key=lambda d: d.row)
        k = 0
        for first, last in consecutive_runs([d.row for d in facts]):
            self.events.emit(ev.FactsInserting(first=first, last=last))
            self.facts[first:first] = [d.fact for d in facts[k:k + last - first + 1]]
            k += last - first + 1
            self._index_from(first)
            self.events.emit(ev.FactsInserted(first=first, last=last))
        self.insert(deletion.placements)

    # ----------------------------------------------------------------- fact rows
    def _insert_facts(self, new: list[Fact]) -> None:
        new = [f for f in new if f.id not in self._fact_index]
        if not new:
            return
        first = len(self.facts)
        self.events.emit(ev.FactsInserting(first=first, last=first + len(new) - 1))
        self.facts.extend(new)
        self._reindex()
        self.events.emit(ev.FactsInserted(first=first, last=first + len(new) - 1))

    def _remove_fact_rows(self, rows: list[int]) -> None:
        """Take rows (ascending) out of ``facts`` in runs of consecutive rows, last run first, so each event
        names rows that are still valid for the views."""
        for first, last in reversed(consecutive_runs(rows)):
            self.events.emit(ev.FactsRemoving(first=first, last=last))
            for fact in self.facts[first:last + 1]:
                del self._fact_index[fact.id]
            del self.facts[first:last + 1]
            self._index_from(first)
            self.events.emit(ev.FactsRemoved(first=first, last=last))

    def _index_from(self, first: int) -> None:
        """Bring the fact index up to date for rows ``first`` onwards (the rows an insert or removal shifted),
        so every event finds ``fact_row`` true without renumbering the whole pool each time."""
        index, facts = self._fact_index, self.facts
        for row in range(first, len(facts)):
            index[facts[row].id] = row

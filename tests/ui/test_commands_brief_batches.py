"""The Brief methods the commands call: block events that a mirror can follow, same results as one-by-one."""

from __future__ import annotations

import random

import pytest

from briefing.core import events as ev
from briefing.core.brief import Brief
from briefing.core.errors import BriefError
from tests.ui.conftest import big_brief, fact_ids_of, make_brief


class Mirror:
    """Keeps placement ids per section purely from events, the way a Qt model must (two-phase, Qt rows)."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.rows = [[p.id for p in s.placements] for s in brief.sections]
        self.events: list[ev.BriefEvent] = []
        self._pending: ev.BriefEvent | None = None
        brief.events.connect(self.on_event)

    def on_event(self, e: ev.BriefEvent) -> None:
        self.events.append(e)
        if isinstance(e, (ev.PlacementsInserting, ev.PlacementsRemoving, ev.PlacementsMoving)):
            assert self._pending is None, "events must not nest"
            if isinstance(e, ev.PlacementsMoving):  # Qt refuses a move onto itself; the Brief must never emit one
                assert not (e.section == e.dest_section and e.first <= e.dest_row <= e.last + 1)
            self._pending = e
        elif isinstance(e, ev.PlacementsInserted):
            assert isinstance(self._pending, ev.PlacementsInserting)
            sec = self.brief.sections[e.section].placements
            self.rows[e.section][e.first:e.first] = [p.id for p in sec[e.first:e.last + 1]]
            self._pending = None
        elif isinstance(e, ev.PlacementsRemoved):
            assert isinstance(self._pending, ev.PlacementsRemoving)
            del self.rows[e.section][e.first:e.last + 1]
            self._pending = None
        elif isinstance(e, ev.PlacementsMoved):
            b = self._pending
            block = self.rows[b.section][b.first:b.last + 1]
            del self.rows[b.section][b.first:b.last + 1]
            dest = b.dest_row - len(block) if b.section == b.dest_section and b.dest_row > b.last else b.dest_row
            self.rows[b.dest_section][dest:dest] = block
            self._pending = None
        elif isinstance(e, ev.SectionsReset):
            self.rows = [[p.id for p in s.placements] for s in self.brief.sections]

    def matches(self) -> bool:
        return self.rows == [[p.id for p in s.placements] for s in self.brief.sections]

    def count(self, kind: type[ev.BriefEvent]) -> int:
        return sum(isinstance(e, kind) for e in self.events)


def reference_move(layout: dict[str, list[str]], ids: list[str], section: str, index: int | None):
    """The documented meaning of ``move``: the ids, in order, together before the first non-moving
    placement at or after ``index`` of the destination (as it was before the move)."""
    ids = list(dict.fromkeys(ids))
    dest = layout[section]
    index = len(dest) if index is None else max(0, min(index, len(dest)))
    anchor = next((p for p in dest[index:] if p not in ids), None)
    out = {k: [p for p in v if p not in ids] for k, v in layout.items()}
    at = len(out[section]) if anchor is None else out[section].index(anchor)
    out[section][at:at] = ids
    return out


@pytest.mark.parametrize("seed", range(40))
def test_random_moves_match_the_documented_meaning_and_a_mirror_can_follow_them(seed):
    rng = random.Random(seed)
    brief = make_brief()
    for section in ("background", "key_points", "quotes"):
        brief.place(fact_ids_of(brief, *rng.choices(range(9), k=rng.randint(0, 7))), section)
    mirror = Mirror(brief)
    everything = [p.id for s in brief.sections for p in s.placements]
    for _ in range(6):
        ids = rng.sample(everything, rng.randint(1, len(everything)))
        if rng.random() < 0.5:
            ids.sort(key=brief.locate)  # as a view's selection arrives: in outline order
        section = rng.choice([s.id for s in brief.sections])
        index = rng.choice([None, *range(len(brief.section(section).placements) + 1)])
        expected = reference_move(brief.layout(), ids, section, index)
        before = brief.move(ids, section, index)
        assert brief.layout() == expected and mirror.matches()
        brief.arrange(before)
        assert brief.layout() == before and mirror.matches()
        brief.move(ids, section, index)
        positions = brief.remove(rng.sample(everything, rng.randint(1, len(everything))))
        assert mirror.matches()
        brief.insert(positions)
        assert brief.layout() == expected and mirror.matches()


def test_placing_a_block_is_one_insert_and_one_count_change_per_run_of_facts():
    brief = big_brief(50)
    mirror = Mirror(brief)
    brief.place(fact_ids_of(brief, *range(10, 40), 3), "key_points")
    assert mirror.count(ev.PlacementsInserting) == 1 and mirror.matches()
    changed = [(e.first, e.last) for e in mirror.events if isinstance(e, ev.FactsChanged)]
    assert changed == [(3, 3), (10, 39)]


def test_putting_back_scattered_placements_inserts_one_block_per_run():
    brief = big_brief(20)
    held = [p.id for p in brief.place(fact_ids_of(brief, *range(10)), "key_points")]
    positions = brief.remove([held[i] for i in (1, 2, 3, 6, 7)])
    mirror = Mirror(brief)
    brief.insert(positions)
    assert [p.id for p in brief.section("key_points").placements] == held
    assert mirror.count(ev.PlacementsInserting) == 2 and mirror.matches()


def test_removing_a_block_is_one_removal_per_run():
    brief = big_brief(20)
    held = [p.id for p in brief.place(fact_ids_of(brief, *range(10)), "key_points")]
    mirror = Mirror(brief)
    brief.remove([held[i] for i in (0, 1, 2, 5, 9, 8)])
    assert mirror.count(ev.PlacementsRemoving) == 3 and mirror.matches()


def test_an_unknown_placement_changes_nothing_before_it_fails():
    brief = make_brief()
    held = [p.id for p in brief.place(fact_ids_of(brief, 0, 1), "key_points")]
    before = brief.layout()
    for call in (lambda: brief.remove([held[0], "pnope"]), lambda: brief.move([held[1], "pnope"], "quotes")):
        with pytest.raises(BriefError, match="pnope"):
            call()
        assert brief.layout() == before


def test_removing_a_source_takes_its_facts_out_in_runs_and_refuses_while_placed():
    brief = make_brief()
    trade, energy = list(brief.extractions)
    custom = brief.facts[0]
    brief.add_fact(type(custom)(id="fmine", source_id=trade, start=custom.start, end=custom.start + 3,
                                text=custom.text[:3], custom=True))  # a trade fact after the energy ones
    mirror = Mirror(brief)
    removed = brief.remove_extraction(trade)
    runs = [(e.first, e.last) for e in mirror.events if isinstance(e, ev.FactsRemoving)]
    assert runs == [(9, 9), (0, 5)]  # last run first, so each event's rows are still right
    assert [f.source_id for f in brief.facts] == [energy] * 3 and removed.source.id == trade
    assert isinstance(mirror.events[-1], ev.SourcesChanged)
    brief.place(fact_ids_of(brief, 0), "key_points")
    with pytest.raises(BriefError, match="placed"):
        brief.remove_extraction(energy)
    with pytest.raises(BriefError, match="no source"):
        brief.remove_extraction(trade)

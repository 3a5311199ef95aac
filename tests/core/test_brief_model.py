"""A Brief under random editing: invariants hold, undo puts things back, and events let a view keep up.

The mirror below follows the brief only through its events, the way a Qt model does: it checks that each
"-ing" event arrives while the brief still looks like the mirror (Qt's begin* contract), applies the change
described by the event, and must then equal the brief again. A wrong row in any event shows up here.
"""

from __future__ import annotations

import copy

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from briefing.core import events as ev
from briefing.core.brief import Brief
from briefing.core.fact import Fact
from briefing.core.ids import fact_id
from tests.core.briefs import make_brief, make_extraction, make_template

TEMPLATES = [make_template("abc"), make_template("bcd", [("b", "B"), ("c", "C"), ("d", "D")]),
             make_template("e", [("e", "E")])]
WORDS = st.sampled_from(["", "Reworded.", "  padded  ", "Two\nlines", "Ünïcode ✓"])


class Mirror:
    """What a view knows: placement ids per section and fact ids, learnt only from events."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sections, self.facts = self._snapshot()
        self.pending: ev.BriefEvent | None = None
        self.events: list[ev.BriefEvent] = []
        brief.events.connect(self.on_event)

    def _snapshot(self) -> tuple[list[list[str]], list[str]]:
        return [[p.id for p in s.placements] for s in self.brief.sections], [f.id for f in self.brief.facts]

    def in_step(self) -> bool:
        return (self.sections, self.facts) == self._snapshot()

    def on_event(self, e: ev.BriefEvent) -> None:
        self.events.append(e)
        kind = type(e).__name__
        if e.before:
            assert self.pending is None, f"{kind} while {self.pending} is open"
            assert self.in_step(), f"{kind} arrived after the brief had already changed"
            self._check_rows(e)
            self.pending = e
            return
        if isinstance(e, (ev.PlacementsInserted, ev.PlacementsRemoved, ev.PlacementsMoved, ev.SectionsReset,
                          ev.FactsInserted, ev.FactsRemoved)):
            begin, self.pending = self.pending, None
            assert begin is not None and begin.before
            assert [getattr(begin, n, None) for n in ("section", "first", "last")] == \
                [getattr(e, n, None) for n in ("section", "first", "last")]
            self._apply(begin)
            assert self.in_step(), f"after {kind} the view differs from the brief"
            return
        assert self.pending is None and self.in_step(), f"{kind} inside an open change"
        if isinstance(e, ev.FactsChanged):
            assert 0 <= e.first <= e.last < len(self.facts)
        elif isinstance(e, ev.SectionChanged):
            assert 0 <= e.section < len(self.sections)
            assert e.first is None or 0 <= e.first <= e.last < len(self.sections[e.section])

    def _check_rows(self, e: ev.BriefEvent) -> None:
        if isinstance(e, ev.PlacementsInserting):
            assert 0 <= e.first <= len(self.sections[e.section]) and e.last >= e.first
        elif isinstance(e, ev.PlacementsRemoving):
            assert 0 <= e.first <= e.last < len(self.sections[e.section])
        elif isinstance(e, ev.PlacementsMoving):
            assert 0 <= e.first <= e.last < len(self.sections[e.section])
            assert 0 <= e.dest_row <= len(self.sections[e.dest_section])
            if e.section == e.dest_section:  # Qt's beginMoveRows refuses a move onto itself
                assert not (e.first <= e.dest_row <= e.last + 1)
        elif isinstance(e, ev.FactsInserting):
            assert e.first == len(self.facts) or 0 <= e.first < len(self.facts)
        elif isinstance(e, ev.FactsRemoving):
            assert 0 <= e.first <= e.last < len(self.facts)

    def _apply(self, e: ev.BriefEvent) -> None:
        now_sections, now_facts = self._snapshot()
        if isinstance(e, ev.PlacementsInserting):
            self.sections[e.section][e.first:e.first] = now_sections[e.section][e.first:e.last + 1]
        elif isinstance(e, ev.PlacementsRemoving):
            del self.sections[e.section][e.first:e.last + 1]
        elif isinstance(e, ev.PlacementsMoving):
            block = self.sections[e.section][e.first:e.last + 1]
            del self.sections[e.section][e.first:e.last + 1]
            dest = e.dest_row - len(block) if e.section == e.dest_section and e.dest_row > e.last else e.dest_row
            self.sections[e.dest_section][dest:dest] = block
        elif isinstance(e, ev.SectionsResetting):
            self.sections = now_sections
        elif isinstance(e, ev.FactsInserting):
            self.facts[e.first:e.first] = now_facts[e.first:e.last + 1]
        elif isinstance(e, ev.FactsRemoving):
            del self.facts[e.first:e.last + 1]


class EditingABrief(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.brief = make_brief()
        self.brief.add_extraction(make_extraction("Second source. Two facts here.", path="two.txt"))
        self.mirror = Mirror(self.brief)

    # ------------------------------------------------------------------------------------ helpers
    def _placements(self) -> list[str]:
        return [p.id for s in self.brief.sections for p in s.placements]

    def _sections(self) -> list[str]:
        return [s.id for s in self.brief.sections]

    # ------------------------------------------------------------------------------------ rules
    @rule(data=st.data())
    def place(self, data):
        facts = data.draw(st.lists(st.sampled_from([f.id for f in self.brief.facts]), min_size=1, max_size=4))
        section = data.draw(st.sampled_from(self._sections()))
        index = data.draw(st.none() | st.integers(-2, 8))
        before = {fid: self.brief.times_placed(fid) for fid in facts}
        size = len(self.brief.section(section).placements)
        placed = self.brief.place(facts, section, index)
        assert [p.fact_id for p in placed] == facts
        rows = self.brief.section(section).placements
        start = size if index is None else max(0, min(index, size))
        assert rows[start:start + len(facts)] == placed
        for fid in set(facts):
            assert self.brief.times_placed(fid) == before[fid] + facts.count(fid)

    @precondition(lambda self: self._placements())
    @rule(data=st.data())
    def remove_then_undo_then_redo(self, data):
        ids = data.draw(st.lists(st.sampled_from(self._placements()), min_size=1, max_size=4))
        layout = self.brief.layout()
        snapshot = copy.deepcopy(self.brief.sections)
        positions = self.brief.remove(ids)
        assert not set(ids) & set(self._placements())
        assert [pos[1] for pos in positions] == sorted(pos[1] for pos in positions) or len(
            {pos[0] for pos in positions}) > 1
        self.brief.insert(positions)
        assert self.brief.layout() == layout and self.brief.sections == snapshot
        if data.draw(st.booleans()):
            self.brief.remove(ids)

    @precondition(lambda self: self._placements())
    @rule(data=st.data())
    def move_then_maybe_undo(self, data):
        ids = data.draw(st.lists(st.sampled_from(self._placements()), min_size=1, max_size=4))
        section = data.draw(st.sampled_from(self._sections()))
        dest_before = [p.id for p in self.brief.section(section).placements]
        index = data.draw(st.none() | st.integers(-1, len(dest_before) + 1))
        everything = sorted(self._placements())
        previous = self.brief.move(ids, section, index)
        assert sorted(self._placements()) == everything  # each placement exists exactly once
        moved = list(dict.fromkeys(ids))
        dest = [p.id for p in self.brief.section(section).placements]
        start = dest.index(moved[0])
        assert dest[start:start + len(moved)] == moved  # together, in the order given
        clamp = len(dest_before) if index is None else max(0, min(index, len(dest_before)))
        anchor = next((pid for pid in dest_before[clamp:] if pid not in moved), None)
        assert (dest[start + len(moved)] if start + len(moved) < len(dest) else None) == anchor
        if data.draw(st.booleans()):
            self.brief.arrange(previous)
            assert self.brief.layout() == previous

    @precondition(lambda self: self._placements())
    @rule(data=st.data(), text=WORDS)
    def reword_and_note(self, data, text):
        pid = data.draw(st.sampled_from(self._placements()))
        placement = self.brief.placement(pid)
        fact_text = self.brief.fact(placement.fact_id).text
        old = self.brief.reword(pid, text)
        assert placement.text == ("" if text.strip() == fact_text else text.strip())
        assert self.brief.wording(placement) == (text.strip() or fact_text)
        assert self.brief.fact(placement.fact_id).text == fact_text  # the original is kept
        if data.draw(st.booleans()):
            self.brief.reword(pid, old)
            assert placement.text == old
        self.brief.set_note(pid, text)
        assert placement.note == text

    @rule(data=st.data(), text=WORDS)
    def free_text_and_metadata(self, data, text):
        section = data.draw(st.sampled_from(self._sections()))
        old = self.brief.set_section_text(section, text)
        assert self.brief.section(section).text == text
        assert self.brief.set_section_text(section, old) == text
        key = data.draw(st.sampled_from(["title", "subject", "to"]))
        self.brief.set_metadata(key, text)
        assert self.brief.metadata[key] == text

    @rule(data=st.data())
    def switch_template_then_maybe_undo(self, data):
        template = data.draw(st.sampled_from(TEMPLATES))
        before = copy.deepcopy(self.brief.sections), dict(self.brief.metadata), self.brief.template_id
        placed = sorted(self._placements())
        state = self.brief.apply_template(template)
        assert sorted(self._placements()) == placed  # not one placement lost
        ids = self._sections()
        assert ids[:len(template.sections)] == [s.id for s in template.sections]
        assert ids[len(template.sections):] in ([], ["unplaced"])
        old_by_id = {s.id: s for s in before[0]}
        for section in self.brief.sections[:len(template.sections)]:
            if section.id in old_by_id:
                assert section.placements == old_by_id[section.id].placements
                assert section.text == old_by_id[section.id].text
        for s in before[0]:
            if s.text.strip() and s.id not in ids:
                assert s.text in self.brief.section("unplaced").text
        if data.draw(st.booleans()):
            self.brief.restore(state)
            assert (self.brief.sections, self.brief.metadata, self.brief.template_id) == before

    @rule(data=st.data())
    def add_and_remove_a_custom_fact(self, data):
        extraction = data.draw(st.sampled_from(list(self.brief.extractions.values())))
        text = extraction.source.text
        start = data.draw(st.integers(0, len(text) - 2))
        end = data.draw(st.integers(start + 1, len(text)))
        fact = Fact(id=fact_id(extraction.source.id, start, end, text[start:end]), source_id=extraction.source.id,
                    start=start, end=end, text=text[start:end], custom=True)
        known = self.brief.has_fact(fact.id)
        added = self.brief.add_fact(fact)
        assert added.text == text[start:end] and self.brief.has_fact(fact.id)
        if not known and data.draw(st.booleans()):
            self.brief.remove_fact(fact.id)
            assert not self.brief.has_fact(fact.id)

    # ------------------------------------------------------------------------------------ invariants
    @invariant()
    def each_placement_exists_once_and_counts_agree(self):
        ids = self._placements()
        assert len(ids) == len(set(ids))
        for fact in self.brief.facts:
            assert self.brief.times_placed(fact.id) == sum(
                p.fact_id == fact.id for s in self.brief.sections for p in s.placements)
            assert self.brief.facts[self.brief.fact_row(fact.id)] is fact

    @invariant()
    def the_view_followed_every_change(self):
        assert self.mirror.pending is None
        assert self.mirror.in_step()


EditingABrief.TestCase.settings = settings(max_examples=150, stateful_step_count=30, deadline=None)
test_editing_a_brief = EditingABrief.TestCase

"""The Brief's operations, one by one: what they change, what they return for undo, which events they emit."""

from __future__ import annotations

import pytest

from briefing.core import events as ev
from briefing.core.brief import UNPLACED_ID, UNPLACED_TITLE, Brief, Section
from briefing.core.errors import BriefError
from briefing.core.fact import Fact
from briefing.core.ids import fact_id
from tests.core.briefs import make_brief, make_extraction, make_template


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture
def events(brief) -> list[tuple]:
    """Events as (kind, section, first, last, dest_section, dest_row, key), recorded from now on."""
    seen: list[tuple] = []
    brief.events.connect(lambda e: seen.append((type(e), *(getattr(e, name, None) for name in
                                                                 ("section", "first", "last", "dest_section", "dest_row", "key")))))
    return seen


def _ids(brief: Brief, section_id: str) -> list[str]:
    return [p.id for p in brief.section(section_id).placements]


def _facts(brief: Brief, section_id: str) -> list[int]:
    """Rows (in brief.facts) of the facts placed in a section, in order: easy to read in assertions."""
    return [brief.fact_row(p.fact_id) for p in brief.section(section_id).placements]


def _ev(kind, section=None, first=None, last=None, dest_section=None, dest_row=None, key=None) -> tuple:
    return (kind, section, first, last, dest_section, dest_row, key)


# ---------------------------------------------------------------------------------------------- creating
def test_a_brief_from_a_template_copies_its_sections_and_field_defaults():
    tpl = make_template()
    brief = Brief.from_template(tpl)
    assert brief.template_id == "demo"
    assert brief.metadata == {"title": "Note", "classification": "UNCLASSIFIED"}
    assert [(s.id, s.title, s.guidance) for s in brief.sections] == [
        (s.id, s.title, s.guidance) for s in tpl.sections]
    assert all(s.placements == [] and s.text == "" for s in brief.sections)


def test_adding_the_same_source_twice_changes_nothing(brief, events):
    extraction = next(iter(brief.extractions.values()))
    assert brief.add_extraction(extraction) is False
    assert events == [] and len(brief.facts) == 8


def test_adding_a_source_announces_it_then_appends_its_facts(brief, events):
    second = make_extraction("Another article. With two facts.", path="b.txt")
    assert brief.add_extraction(second) is True
    assert events == [_ev(ev.SourcesChanged), _ev(ev.FactsInserting, first=8, last=9), _ev(ev.FactsInserted, first=8, last=9)]
    assert [f.id for f in brief.facts[8:]] == [f.id for f in second.facts]


def test_equality_is_about_content_not_listeners(brief):
    other = make_brief()
    other.events.connect(lambda e: None)
    assert other == brief
    other.set_metadata("title", "Changed")
    assert other != brief


# ---------------------------------------------------------------------------------------------- placing
def test_placing_appends_in_the_order_given_as_one_block(brief, events):
    f = brief.facts
    placed = brief.place([f[2].id, f[0].id], "a")
    assert _facts(brief, "a") == [2, 0]
    assert [p.fact_id for p in placed] == [f[2].id, f[0].id] and all(p.text == p.note == "" for p in placed)
    assert events == [_ev(ev.PlacementsInserting, 0, 0, 1), _ev(ev.PlacementsInserted, 0, 0, 1), _ev(ev.FactsChanged, first=0, last=0),
                      _ev(ev.FactsChanged, first=2, last=2)]


@pytest.mark.parametrize(("index", "expected"), [(None, [0, 1, 5]), (0, [5, 0, 1]), (1, [0, 5, 1]), (2, [0, 1, 5]),
                                                 (99, [0, 1, 5]), (-3, [5, 0, 1])])
def test_placing_at_an_index_clamps_it_to_the_section(brief, index, expected):
    brief.place([brief.facts[0].id, brief.facts[1].id], "b")
    brief.place([brief.facts[5].id], "b", index)
    assert _facts(brief, "b") == expected


def test_a_fact_may_sit_in_several_sections_but_the_analyst_never_places_it_twice_in_one(brief):
    fid, other = brief.facts[3].id, brief.facts[0].id
    brief.place([fid], "a")
    second, = brief.place([fid], "b")
    assert brief.new_to_section("b", [fid, other, other]) == [other]
    assert brief.new_to_section("b", [fid]) == []
    assert brief.sections_holding(fid) == 2 and brief.sections_holding(other) == 0
    brief.remove([second.id])
    assert brief.new_to_section("b", [fid]) == [fid] and brief.sections_holding(fid) == 1


def test_moving_a_placement_into_a_section_holding_its_fact_would_repeat_it(brief):
    fid = brief.facts[3].id
    in_a, = brief.place([fid], "a")
    in_b, = brief.place([fid], "b")
    assert brief.would_repeat([in_a.id], "b")
    assert not brief.would_repeat([in_a.id], "a")  # reordering within its own section is no repeat
    assert brief.would_repeat([in_a.id, in_b.id], "a")  # two placements of one fact into one section


@pytest.mark.parametrize(("facts", "section"), [(["nope"], "a"), ([], "nope")])
def test_placing_an_unknown_fact_or_into_an_unknown_section_changes_nothing(brief, events, facts, section):
    ids = [brief.facts[0].id] + facts if facts else [brief.facts[0].id]
    with pytest.raises(BriefError, match="no (fact|section) with id 'nope'"):
        brief.place(ids, section)
    assert events == [] and all(not s.placements for s in brief.sections)


# ---------------------------------------------------------------------------------------------- removing
def test_removing_returns_positions_that_insert_puts_back(brief, events):
    f = brief.facts
    a = brief.place([f[0].id, f[1].id, f[2].id, f[3].id], "a")
    b = brief.place([f[4].id], "b")
    events.clear()
    positions = brief.remove([a[3].id, b[0].id, a[0].id, a[1].id])
    assert [(s, row, p.id) for s, row, p in positions] == [("a", 0, a[0].id), ("a", 1, a[1].id), ("a", 3, a[3].id),
                                                           ("b", 0, b[0].id)]
    assert _ids(brief, "a") == [a[2].id] and _ids(brief, "b") == []
    # runs of rows go out as blocks, last first, so earlier rows stay valid for the view
    kinds = [e for e in events if e[0] in (ev.PlacementsRemoving, ev.PlacementsRemoved)]
    assert kinds == [_ev(ev.PlacementsRemoving, 1, 0, 0), _ev(ev.PlacementsRemoved, 1, 0, 0), _ev(ev.PlacementsRemoving, 0, 3, 3),
                     _ev(ev.PlacementsRemoved, 0, 3, 3), _ev(ev.PlacementsRemoving, 0, 0, 1), _ev(ev.PlacementsRemoved, 0, 0, 1)]
    assert brief.times_placed(f[0].id) == 0
    events.clear()
    brief.insert(positions)
    assert _ids(brief, "a") == [p.id for p in a] and _ids(brief, "b") == [b[0].id]
    assert [e for e in events if e[0] in (ev.PlacementsInserting, ev.PlacementsInserted)] == [
        _ev(ev.PlacementsInserting, 0, 0, 1), _ev(ev.PlacementsInserted, 0, 0, 1), _ev(ev.PlacementsInserting, 0, 3, 3), _ev(ev.PlacementsInserted, 0, 3, 3),
        _ev(ev.PlacementsInserting, 1, 0, 0), _ev(ev.PlacementsInserted, 1, 0, 0)]


def test_removing_an_unknown_placement_removes_nothing(brief, events):
    placed = brief.place([brief.facts[0].id], "a")
    events.clear()
    with pytest.raises(BriefError, match="no placement"):
        brief.remove([placed[0].id, "p-missing"])
    assert _ids(brief, "a") == [placed[0].id] and events == []


# ---------------------------------------------------------------------------------------------- moving
@pytest.fixture
def five(brief) -> list[str]:
    """Section a holds facts 0..4 in order; returns their placement ids."""
    return [p.id for p in brief.place([f.id for f in brief.facts[:5]], "a")]


@pytest.mark.parametrize(("moving", "index", "expected"), [
    ([0], 3, [1, 2, 0, 3, 4]),  # down: index counts rows before the move
    ([4], 1, [0, 4, 1, 2, 3]),  # up
    ([1], None, [0, 2, 3, 4, 1]),  # to the end
    ([1], 1, [0, 1, 2, 3, 4]),  # onto itself: nothing moves
    ([1], 2, [0, 1, 2, 3, 4]),  # just below itself: nothing moves
    ([3, 0], 2, [1, 3, 0, 2, 4]),  # several, in the order given, together
    ([0, 1], 5, [2, 3, 4, 0, 1]),  # a block to the end
    ([1, 3], 2, [0, 1, 3, 2, 4]),  # the index names a row that is itself moving: the next one anchors
    ([4, 4, 2], 0, [4, 2, 0, 1, 3]),  # duplicates count once
])
def test_moving_within_a_section(brief, five, moving, index, expected):
    brief.move([five[k] for k in moving], "a", index)
    assert _ids(brief, "a") == [five[k] for k in expected]


def test_moving_across_sections_leaves_each_placement_exactly_once(brief, five, events):
    other = brief.place([brief.facts[7].id], "b")[0].id
    events.clear()
    before = brief.move([five[1], five[2]], "b", 0)
    assert _ids(brief, "a") == [five[0], five[3], five[4]]
    assert _ids(brief, "b") == [five[1], five[2], other]
    assert events == [_ev(ev.PlacementsMoving, 0, 1, 2, 1, 0), _ev(ev.PlacementsMoved, 0, 1, 2, 1, 0)]  # one block, one event
    assert before == {"a": five, "b": [other], "c": []}
    assert sorted(p for ids in brief.layout().values() for p in ids) == sorted(five + [other])
    assert [brief.times_placed(brief.facts[k].id) for k in range(5)] == [1] * 5


def test_moving_from_two_sections_at_once(brief, five):
    b = [p.id for p in brief.place([brief.facts[5].id, brief.facts[6].id], "b")]
    brief.move([b[1], five[0], b[0]], "c")
    assert _ids(brief, "c") == [b[1], five[0], b[0]]
    assert _ids(brief, "b") == [] and _ids(brief, "a") == five[1:]


def test_move_events_use_qt_row_semantics(brief, five, events):
    brief.move([five[0]], "a", 3)
    assert events == [_ev(ev.PlacementsMoving, 0, 0, 0, 0, 3), _ev(ev.PlacementsMoved, 0, 0, 0, 0, 2)]


def test_arrange_undoes_a_move_and_redo_repeats_it(brief, five):
    b = brief.place([brief.facts[6].id], "b")[0].id
    before = brief.move([five[4], b, five[0]], "a", 2)
    after = brief.layout()
    brief.arrange(before)
    assert brief.layout() == before
    brief.arrange(after)
    assert brief.layout() == after


def test_moving_an_unknown_placement_changes_nothing(brief, five, events):
    with pytest.raises(BriefError):
        brief.move([five[0], "p-missing"], "b")
    with pytest.raises(BriefError):
        brief.move([five[0]], "nope")
    assert _ids(brief, "a") == five and events == []


# ---------------------------------------------------------------------------------------------- words
def test_rewording_keeps_the_original_and_returns_the_previous_wording(brief, events):
    p = brief.place([brief.facts[1].id], "b")[0]
    original = brief.fact(p.fact_id).text
    events.clear()
    assert brief.reword(p.id, "  Shorter.  ") == ""
    assert p.text == "Shorter." and brief.wording(p) == "Shorter."
    assert brief.fact(p.fact_id).text == original
    assert brief.reword(p.id, original) == "Shorter."
    assert p.text == "" and brief.wording(p) == original
    assert events == [_ev(ev.SectionChanged, 1, 0, 0)] * 2


def test_notes_free_text_and_metadata_return_what_they_replace(brief, events):
    p = brief.place([brief.facts[0].id], "a")[0]
    events.clear()
    assert brief.set_note(p.id, "Ask the desk.") == ""
    assert brief.set_note(p.id, "") == "Ask the desk."
    assert brief.set_section_text("c", "Our view.") == ""
    assert brief.section("c").text == "Our view."
    assert brief.set_metadata("title", "Steel") == "Note"
    assert brief.set_metadata("to", "Minister") is None  # the field was not there
    assert brief.metadata == {"title": "Steel", "classification": "UNCLASSIFIED", "to": "Minister"}
    assert brief.set_metadata("to", None) == "Minister"
    assert "to" not in brief.metadata
    assert events == [_ev(ev.SectionChanged, 0, 0, 0), _ev(ev.SectionChanged, 0, 0, 0), _ev(ev.SectionChanged, 2),
                      _ev(ev.MetadataChanged, key="title"), _ev(ev.MetadataChanged, key="to"), _ev(ev.MetadataChanged, key="to")]


@pytest.mark.parametrize(("count", "low", "high", "warning"), [
    (0, 1, None, "needs at least 1 fact"), (1, 2, 3, "needs at least 2 facts"), (2, 1, 2, ""),
    (3, None, 2, "holds more than 2 facts"), (2, None, 1, "holds more than 1 fact"), (5, None, None, ""),
])
def test_a_section_warns_when_it_holds_too_few_or_too_many(brief, count, low, high, warning):
    section = brief.section("a")
    section.min, section.max = low, high
    brief.place([f.id for f in brief.facts[:count]], "a")
    assert section.count_warning() == warning


# ---------------------------------------------------------------------------------------------- templates
def test_switching_templates_keeps_every_placement_and_word(brief, events):
    f = brief.facts
    a = brief.place([f[0].id, f[1].id], "a")
    c = brief.place([f[2].id], "c")
    brief.set_section_text("a", "About A.")
    brief.set_section_text("c", "About C.")
    brief.set_metadata("subject", "Steel")
    brief.set_metadata("empty", "")
    events.clear()
    new = make_template("new", [("c", "C again"), ("d", "D")])
    new.fields[0].default = "New default title"
    state = brief.apply_template(new)
    assert [s.id for s in brief.sections] == ["c", "d", UNPLACED_ID]
    assert brief.section("c").title == "C again" and _ids(brief, "c") == [c[0].id]
    assert brief.section("c").text == "About C."
    unplaced = brief.section(UNPLACED_ID)
    assert unplaced.title == UNPLACED_TITLE and _ids(brief, UNPLACED_ID) == [p.id for p in a]
    assert unplaced.text == "" and [(h.origin, h.title, h.text) for h in unplaced.held] == [("a", "A", "About A.")]
    assert brief.metadata == {"title": "Note", "classification": "UNCLASSIFIED", "subject": "Steel"}
    assert brief.template_id == "new"
    assert events == [_ev(ev.SectionsResetting), _ev(ev.SectionsReset), _ev(ev.MetadataChanged)]
    before_restore = brief.layout()
    brief.restore(state)
    assert [s.id for s in brief.sections] == ["a", "b", "c"] and brief.template_id == "demo"
    assert _ids(brief, "a") == [p.id for p in a] and brief.section("a").text == "About A."
    assert before_restore != brief.layout()


def test_a_second_switch_keeps_what_was_unplaced_and_adds_the_newly_orphaned(brief):
    f = brief.facts
    a = brief.place([f[0].id], "a")[0].id
    b = brief.place([f[1].id], "b")[0].id
    brief.set_section_text("b", "About B.")
    brief.apply_template(make_template("one", [("b", "B")]))
    brief.set_section_text(UNPLACED_ID, "Analyst's note on the unplaced.")
    brief.apply_template(make_template("two", [("z", "Z")]))
    assert [s.id for s in brief.sections] == ["z", UNPLACED_ID]
    assert sorted(_ids(brief, UNPLACED_ID)) == sorted([a, b])
    unplaced = brief.section(UNPLACED_ID)
    assert unplaced.text == "Analyst's note on the unplaced."
    assert [(h.origin, h.text) for h in unplaced.held] == [("b", "About B.")]


def test_a_sections_own_writing_follows_it_across_a_switch_and_back(brief):
    """Issue 17.1: typed text goes home with its section, exactly as placements do."""
    fact = brief.place([brief.facts[0].id], "c")[0].id
    brief.set_section_text("c", "We recommend sanctions.\n\nSecond paragraph.")
    brief.apply_template(make_template("other", [("a", "A")]))
    assert brief.section(UNPLACED_ID).held[0].text == "We recommend sanctions.\n\nSecond paragraph."
    brief.apply_template(make_template("demo", [("a", "A"), ("b", "B"), ("c", "C")]))
    assert [s.id for s in brief.sections] == ["a", "b", "c"]  # nothing left waiting: no Unplaced
    assert brief.section("c").text == "We recommend sanctions.\n\nSecond paragraph."
    assert _ids(brief, "c") == [fact]


def test_a_switch_that_orphans_nothing_adds_no_unplaced_section(brief):
    brief.place([brief.facts[0].id], "a")
    brief.apply_template(make_template("same-ids", [("c", "C"), ("b", "B"), ("a", "A")]))
    assert [s.id for s in brief.sections] == ["c", "b", "a"]


def test_restoring_equals_the_brief_before_the_switch(brief):
    brief.place([brief.facts[0].id, brief.facts[3].id], "b")
    before = make_brief()
    before.sections = [Section(**{**s.__dict__, "placements": list(s.placements)}) for s in brief.sections]
    state = brief.apply_template(make_template("x", [("x", "X")]))
    brief.restore(state)
    assert brief == before
    assert brief.times_placed(brief.facts[3].id) == 1


# ---------------------------------------------------------------------------------------------- own facts
def _custom(brief: Brief, start: int, end: int) -> Fact:
    source = next(iter(brief.extractions.values())).source
    return Fact(id=fact_id(source.id, start, end, source.text[start:end]), source_id=source.id, start=start,
                end=end, text=source.text[start:end], custom=True)


def test_an_analysts_own_span_becomes_a_fact_and_can_be_taken_back(brief, events):
    fact = _custom(brief, 0, 15)
    assert brief.add_fact(fact) is fact
    assert brief.facts[-1] is fact and brief.fact_row(fact.id) == 8
    assert brief.add_fact(_custom(brief, 0, 15)) is fact  # the same span again: the same fact
    assert events == [_ev(ev.FactsInserting, first=8, last=8), _ev(ev.FactsInserted, first=8, last=8)]
    placed = brief.place([fact.id], "a")
    with pytest.raises(BriefError, match="placed fact cannot be removed"):
        brief.remove_fact(fact.id)
    brief.remove([placed[0].id])
    assert brief.remove_fact(fact.id) == (8, fact)
    assert not brief.has_fact(fact.id) and len(brief.facts) == 8
    assert fact not in next(iter(brief.extractions.values())).facts


def test_a_span_that_does_not_match_its_source_is_refused(brief):
    fact = _custom(brief, 0, 15)
    fact.text = "Something else."
    with pytest.raises(BriefError, match="exactly the source text"):
        brief.add_fact(fact)
    assert not brief.has_fact(fact.id)


def test_a_source_can_be_removed_only_while_none_of_its_facts_is_placed(brief, events):
    second = make_extraction("Another article. With two facts.", path="b.txt")
    brief.add_extraction(second)
    placed = brief.place([second.facts[0].id], "a")
    with pytest.raises(BriefError, match="cannot be removed"):
        brief.remove_extraction(second.source.id)
    brief.remove(p.id for p in placed)
    events.clear()
    assert brief.remove_extraction(second.source.id) is second
    assert len(brief.facts) == 8 and second.source.id not in brief.extractions
    assert events == [_ev(ev.FactsRemoving, first=8, last=9), _ev(ev.FactsRemoved, first=8, last=9),
                      _ev(ev.SourcesChanged)]

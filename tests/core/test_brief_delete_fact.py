"""Deleting facts the analyst added: every placement goes with them, extracted facts are refused, and the
restore puts the brief back exactly (fact order, placement ids, rewordings, notes, a pasted source)."""

from __future__ import annotations

import copy

import pytest

from briefing.core import events as ev
from briefing.core.brief import NOT_DELETABLE, UNPLACED_ID, Brief
from briefing.core.errors import BriefError, BriefingError
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.ids import content_hash, fact_id, source_id
from briefing.core.source import Source
from briefing.storage.brief_file import brief_to_yaml, load_brief, save_brief
from tests.core.briefs import make_brief, make_extraction, make_template


@pytest.fixture
def brief() -> Brief:
    """Eight extracted facts of one source, then two spans of the analyst's own, added in that order."""
    brief = make_brief()
    for start, end in ((0, 17), (9, 24)):
        own_span(brief, start, end)
    return brief


def own_span(brief: Brief, start: int, end: int, source: str | None = None) -> Fact:
    """The analyst's own span of a source (default: the first), added as ``add_selection_as_fact`` does."""
    ext = brief.extractions[source] if source else next(iter(brief.extractions.values()))
    text = ext.source.text[start:end]
    fact = Fact(id=fact_id(ext.source.id, start, end, text), source_id=ext.source.id, start=start, end=end,
                text=text, custom=True)
    return brief.add_fact(fact)


def pasted_extraction(text: str) -> Extraction:
    """A "Dropped text" source whose paragraphs became the analyst's own facts."""
    digest = content_hash(text)
    source = Source(id=source_id(digest), text=text, content_hash=digest, title="Dropped text", kind="pasted")
    facts, pos = [], 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        pos = start + len(block)
        facts.append(Fact(id=fact_id(source.id, start, pos, block), source_id=source.id, start=start, end=pos,
                          text=block, custom=True))
    return Extraction(source=source, facts=facts)


def custom_ids(brief: Brief) -> list[str]:
    return [f.id for f in brief.facts if f.custom]


def state(brief: Brief) -> tuple:
    """Everything a restore must bring back, detached from the live brief (identity of lists included)."""
    return (copy.deepcopy(brief.sections), [f.id for f in brief.facts], list(brief.extractions),
            {sid: [f.id for f in e.facts] for sid, e in brief.extractions.items()},
            {f.id: brief.times_placed(f.id) for f in brief.facts}, brief.placed_fact_count())


@pytest.fixture
def events(brief) -> list[tuple]:
    seen: list[tuple] = []
    brief.events.connect(lambda e: seen.append((type(e), getattr(e, "section", None), getattr(e, "first", None), getattr(e, "last", None))))
    return seen


# ---------------------------------------------------------------------------------------------- deleting
def test_deleting_a_fact_you_added_takes_it_and_every_placement_of_it_out(brief):
    mine, other = custom_ids(brief)
    extracted = brief.facts[2].id
    brief.place([mine, extracted, mine], "a")
    brief.place([mine], "c")
    brief.place([other], "b")
    brief.delete_facts([mine])
    assert not brief.has_fact(mine) and brief.times_placed(mine) == 0
    assert [p.fact_id for s in brief.sections for p in s.placements] == [extracted, other]
    assert mine not in [f.id for e in brief.extractions.values() for f in e.facts]
    assert brief.placed_fact_count() == 2 and [brief.fact_row(f.id) for f in brief.facts] == list(range(9))


def test_deleting_then_restoring_puts_back_the_same_facts_rows_and_placements(brief):
    mine, other = custom_ids(brief)
    extracted = brief.facts[0].id
    placed = brief.place([extracted, mine, other, mine], "a") + brief.place([mine], "c")
    brief.reword(placed[1].id, "My own wording.")
    brief.set_note(placed[4].id, "Check with the desk.")
    before, yaml_before = state(brief), brief_to_yaml(brief)
    deletion = brief.delete_facts([other, mine])
    assert [(d.fact.id, d.row, d.source_row) for d in deletion.facts] == [(mine, 8, 8), (other, 9, 9)]
    assert [(s, row, p.id) for s, row, p in deletion.placements] == [
        ("a", 1, placed[1].id), ("a", 2, placed[2].id), ("a", 3, placed[3].id), ("c", 0, placed[4].id)]
    brief.restore_facts(deletion)
    assert state(brief) == before and brief_to_yaml(brief) == yaml_before
    assert brief.placement(placed[1].id).text == "My own wording."
    assert brief.placement(placed[4].id).note == "Check with the desk."


def test_a_fact_you_added_between_extracted_ones_comes_back_at_its_row(brief):
    """A loaded brief keeps the order it was saved in, so a custom fact may sit among extracted ones."""
    mine = brief.facts[8]
    brief.facts.insert(3, brief.facts.pop(8))
    ext = brief.extractions[mine.source_id]
    ext.facts.insert(1, ext.facts.pop(ext.facts.index(mine)))
    brief._reindex()
    brief.place([mine.id], "b")
    before = state(brief)
    deletion = brief.delete_facts([mine.id])
    assert (deletion.facts[0].row, deletion.facts[0].source_row) == (3, 1)
    brief.restore_facts(deletion)
    assert state(brief) == before


def test_a_placement_waiting_in_unplaced_is_deleted_and_restored_there(brief):
    mine, _other = custom_ids(brief)
    brief.place([brief.facts[0].id], "b")
    waiting, = brief.place([mine], "c")
    brief.apply_template(make_template("short", [("a", "A"), ("b", "B")]))
    assert [p.id for p in brief.section(UNPLACED_ID).placements] == [waiting.id]
    before = state(brief)
    deletion = brief.delete_facts([mine])
    assert brief.section(UNPLACED_ID).placements == []
    brief.restore_facts(deletion)
    assert state(brief) == before and brief.section(UNPLACED_ID).placements[0].origin == "c"


@pytest.mark.parametrize(("ids", "message"), [
    (["EXTRACTED"], NOT_DELETABLE),
    (["MINE", "EXTRACTED"], NOT_DELETABLE),
    (["MINE", "nope"], "no fact with id 'nope' in this brief"),
])
def test_extracted_or_unknown_facts_are_refused_before_anything_changes(brief, events, ids, message):
    ids = [{"EXTRACTED": brief.facts[1].id, "MINE": custom_ids(brief)[0]}.get(i, i) for i in ids]
    brief.place(ids[:1] if ids[0] != "nope" else [], "a")
    before = state(brief)
    events.clear()
    with pytest.raises(BriefError, match=f"^{message}$") as raised:
        brief.delete_facts(ids)
    assert isinstance(raised.value, BriefingError) and "\n" not in str(raised.value)
    assert state(brief) == before and events == []


def test_deleting_nothing_changes_nothing(brief, events):
    before = state(brief)
    deletion = brief.delete_facts([])
    brief.restore_facts(deletion)
    assert state(brief) == before and events == []


def test_restoring_a_fact_the_brief_has_again_is_refused(brief):
    mine, _other = custom_ids(brief)
    deletion = brief.delete_facts([mine])
    own_span(brief, 0, 17)
    before = state(brief)
    with pytest.raises(BriefError, match="already has a fact"):
        brief.restore_facts(deletion)
    assert state(brief) == before


# ---------------------------------------------------------------------------------------------- events
def test_deleting_tells_views_placements_first_then_fact_rows_last_run_first(brief, events):
    mine, other = custom_ids(brief)
    extracted = brief.facts[0].id
    brief.place([extracted, mine], "a")
    brief.place([other], "b")
    brief.facts.insert(4, brief.facts.pop(8))  # rows 4 and 9: two runs
    brief._reindex()
    events.clear()
    brief.delete_facts([mine, other])
    assert events == [
        (ev.PlacementsRemoving, 1, 0, 0), (ev.PlacementsRemoved, 1, 0, 0), (ev.FactsChanged, None, 9, 9),
        (ev.PlacementsRemoving, 0, 1, 1), (ev.PlacementsRemoved, 0, 1, 1), (ev.FactsChanged, None, 4, 4),
        (ev.FactsRemoving, None, 9, 9), (ev.FactsRemoved, None, 9, 9),
        (ev.FactsRemoving, None, 4, 4), (ev.FactsRemoved, None, 4, 4)]


def test_restoring_tells_views_fact_rows_first_run_first_then_placements(brief, events):
    mine, other = custom_ids(brief)
    brief.place([mine, other], "a")
    deletion = brief.delete_facts([mine, other])
    events.clear()
    brief.restore_facts(deletion)
    assert events == [(ev.FactsInserting, None, 8, 9), (ev.FactsInserted, None, 8, 9),
                      (ev.PlacementsInserting, 0, 0, 1), (ev.PlacementsInserted, 0, 0, 1), (ev.FactsChanged, None, 8, 9)]


def test_each_event_finds_the_brief_consistent_with_the_rows_it_names(brief):
    """A view reads the brief while handling an event: rows named by "-ing" events still exist, rows named
    by the past tense exist after an insert and are gone after a removal."""
    mine, other = custom_ids(brief)
    brief.place([mine, brief.facts[0].id, other], "a")
    checked: list[type] = []

    def check(event: ev.BriefEvent) -> None:
        if isinstance(event, (ev.FactsRemoving, ev.FactsInserted)):
            rows = brief.facts[event.first:event.last + 1]
            assert len(rows) == event.last - event.first + 1
            assert all(brief.fact_row(f.id) == event.first + k for k, f in enumerate(rows))
            checked.append(type(event))

    brief.events.connect(check)
    brief.restore_facts(brief.delete_facts([mine, other]))
    assert checked == [ev.FactsRemoving, ev.FactsInserted]


# ---------------------------------------------------------------------------------------------- dropped text
def test_a_dropped_text_source_left_without_facts_goes_and_comes_back_in_its_place(brief, events):
    dropped = pasted_extraction("Talks resume in June.\n\nBoth sides expect a deal.")
    brief.add_extraction(dropped)
    brief.add_extraction(make_extraction("A later article. It stays.", path="b.txt"))
    order = list(brief.extractions)
    brief.place([f.id for f in dropped.facts], "a")
    before = state(brief)
    events.clear()
    deletion = brief.delete_facts([f.id for f in dropped.facts])
    assert dropped.source.id not in brief.extractions and events[-1][0] == ev.SourcesChanged
    assert [(at, e.source.id) for at, e in deletion.sources] == [(1, dropped.source.id)]
    events.clear()
    brief.restore_facts(deletion)
    assert list(brief.extractions) == order and state(brief) == before
    assert events[0][0] == ev.SourcesChanged and brief.extractions[dropped.source.id] is dropped


@pytest.mark.parametrize("kind", ["pasted", "text"])
def test_a_source_keeps_its_place_while_any_fact_is_left_and_an_article_always(brief, kind):
    dropped = pasted_extraction("Talks resume in June.\n\nBoth sides expect a deal.")
    dropped.source.kind = kind
    brief.add_extraction(dropped)
    brief.delete_facts([dropped.facts[0].id])
    assert dropped.source.id in brief.extractions
    brief.delete_facts([dropped.facts[0].id])
    assert (dropped.source.id in brief.extractions) == (kind != "pasted")


# ---------------------------------------------------------------------------------------------- storage
def test_a_brief_saved_after_delete_and_restore_reads_back_equal(brief, tmp_path):
    mine, other = custom_ids(brief)
    dropped = pasted_extraction("Talks resume in June.\n\nBoth sides expect a deal.")
    brief.add_extraction(dropped)
    placed = brief.place([mine, brief.facts[3].id, dropped.facts[1].id, other], "b")
    brief.set_note(placed[0].id, "Mine.")
    deletion = brief.delete_facts([mine, other] + [f.id for f in dropped.facts])
    saved_deleted = tmp_path / "deleted.brief.yaml"
    save_brief(brief, saved_deleted)
    assert load_brief(saved_deleted) == brief and not load_brief(saved_deleted).has_fact(mine)
    brief.restore_facts(deletion)
    path = tmp_path / "restored.brief.yaml"
    save_brief(brief, path)
    loaded = load_brief(path)
    assert loaded == brief and state(loaded) == state(brief)

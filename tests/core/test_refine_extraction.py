"""A source read again by the language model updates its facts in place, once, and never a source that is gone."""

from __future__ import annotations

import dataclasses

from briefing.core import events as ev
from briefing.core.brief import Brief
from briefing.core.source import EntityMention
from briefing.extract.pipeline import extract_text

TEXT = "Jo Bloggs chairs the port board. \u201cWe will build it,\u201d she said on Monday.\n"


def _refined(extraction):
    facts = [dataclasses.replace(f, speaker="Jo Bloggs" if f.kind == "quote" else f.speaker,
                                 entities=[EntityMention("Jo Bloggs", "person", f.start, f.start + 9)])
             for f in extraction.facts]
    return dataclasses.replace(extraction, facts=facts, model="test-model 1.0")


def test_the_models_reading_replaces_names_and_speakers_and_keeps_ids_placements_and_offsets():
    brief = Brief()
    extraction = extract_text(TEXT)
    brief.add_extraction(extraction)
    heard = []
    brief.events.connect(heard.append)
    before = [(f.id, f.start, f.end, f.kind) for f in brief.facts]
    assert brief.refine_extraction(_refined(extraction)) is True
    assert [(f.id, f.start, f.end, f.kind) for f in brief.facts] == before
    assert brief.facts[1].speaker == "Jo Bloggs" and extraction.model == "test-model 1.0"
    assert [type(e) for e in heard] == [ev.SourcesChanged, ev.FactsChanged]
    assert brief.refine_extraction(_refined(extraction)) is False  # read once


def test_a_source_removed_meanwhile_is_left_alone():
    brief = Brief()
    extraction = extract_text(TEXT)
    brief.add_extraction(extraction)
    brief.remove_extraction(extraction.source.id)
    assert brief.refine_extraction(_refined(extraction)) is False
    assert extraction.model == ""

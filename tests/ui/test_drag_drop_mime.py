"""Drag payloads: ids and spans decode only when well-formed; the plain text reads as a cited line."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QByteArray

from briefing.core.source import Source
from briefing.ui.models.mime import (
    MIME_FACT_IDS,
    MIME_PLACEMENT_IDS,
    MIME_SPAN,
    Span,
    cited_line,
    decode_ids,
    decode_span,
    encode_ids,
    encode_span,
    placements_mime_data,
    source_reference,
    span_mime_data,
)
from tests.ui.conftest import fact_ids_of


@pytest.mark.parametrize(("raw", "expected"), [
    (b'["f1", "f2"]', ["f1", "f2"]),
    (b'["f1", "f1"]', ["f1", "f1"]),  # the same fact dragged twice (two placements of it) stays twice
    (QByteArray(b'["f1"]'), ["f1"]),
    (b"[]", None),
    (b'["f1", ""]', None),
    (b'["f1", 2]', None),
    (b'{"ids": ["f1"]}', None),
    (b'"f1"', None),
    (b"[f1]", None),
    (b"\xff\xfe", None),
    (b"", None),
    (None, None),
])
def test_id_lists_decode_only_when_well_formed(raw, expected):
    assert decode_ids(raw) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ({"source_id": "s1", "start": 3, "end": 9}, Span("s1", 3, 9)),
    ({"source_id": "s1", "start": 9, "end": 3}, None),
    ({"source_id": "s1", "start": 3, "end": 3}, None),
    ({"source_id": "s1", "start": -1, "end": 3}, None),
    ({"source_id": "s1", "start": 1.5, "end": 3}, None),
    ({"source_id": "s1", "start": True, "end": 3}, None),
    ({"source_id": "", "start": 1, "end": 3}, None),
    ({"start": 1, "end": 3}, None),
    ([1, 3], None),
])
def test_spans_decode_only_when_well_formed(value, expected):
    assert decode_span(json.dumps(value).encode()) == expected


def test_encoding_round_trips():
    assert decode_ids(encode_ids(["a", "b"])) == ["a", "b"]
    assert decode_span(encode_span(Span("s1", 2, 5))) == Span("s1", 2, 5)


@pytest.mark.parametrize(("fields", "expected"), [
    ({"publisher": "Dawn", "title": "Talks", "published": "2025"}, "Dawn, \u201cTalks\u201d, 2025"),
    ({"publisher": "Dawn"}, "Dawn"),
    ({"path": "C:\\news\\story.txt"}, "story.txt"),
    ({}, "s1"),
])
def test_a_source_is_referred_to_by_what_is_known_of_it(fields, expected):
    assert source_reference(Source(id="s1", text="x", content_hash="h", **fields)) == expected


@pytest.mark.parametrize(("row", "expected"), [
    (1, "Cabinet approved the tariff cut on Tuesday. (Business Recorder, \u201cPakistan and Russia widen trade"
        "\u201d, 2025-03-04)"),
    (8, "\u201cTalks went well,\u201d she added. \u2014 Maria Petrova (Dawn, \u201cPipeline talks\u201d, 2025-05-01)"),
    (7, "\u201cGas will flow by 2028,\u201d Maria Petrova told reporters. (Dawn, \u201cPipeline talks\u201d, "
        "2025-05-01)"),  # already names its speaker
])
def test_a_fact_pastes_as_its_wording_with_a_citation(brief, row, expected):
    assert cited_line(brief, brief.facts[row]) == expected


def test_a_reworded_quote_gets_quotation_marks_and_its_speaker(brief, qapp):
    placement = brief.place(fact_ids_of(brief, 8), "quotes")[0]
    brief.reword(placement.id, "Talks went well")
    mime = placements_mime_data(brief, [placement.id])
    assert mime.text() == ("\u201cTalks went well\u201d \u2014 Maria Petrova "
                           "(Dawn, \u201cPipeline talks\u201d, 2025-05-01)")
    assert decode_ids(mime.data(MIME_PLACEMENT_IDS)) == [placement.id]
    assert decode_ids(mime.data(MIME_FACT_IDS)) == fact_ids_of(brief, 8)


def test_a_source_selection_carries_its_span_and_its_text(brief, qapp):
    fact = brief.facts[4]
    mime = span_mime_data(brief.extractions[fact.source_id].source, Span(fact.source_id, fact.start, fact.start + 9))
    assert decode_span(mime.data(MIME_SPAN)) == Span(fact.source_id, fact.start, fact.start + 9)
    assert mime.text() == "Ministers"  # the words as they stand: a copy from the article is not a citation

"""Properties over arbitrary text: extraction never raises, and facts are exact, sorted, disjoint spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.extract.normalise import normalise_text
from briefing.extract.pipeline import extract_text
from briefing.extract.segment import split_sentences

NEWSY = st.lists(st.sampled_from([
    "ISLAMABAD: ", "Haroon Akhtar Khan", " said ", "\u201c", "\u201d", '"', ". ", "? ", "\n", "\n\n", "\r\n",
    "\r", "Pakistan Steel Mills (PSM)", " will meet ", "July 5, 2025", "Rs. 5.2 billion", "3.5%", "Copyright ",
    "Business Recorder, 2025", "Photo: ", "Comments\n", "\t", "\x00", "\u0301", "\ufeff", "Mr. ", "Monday",
]), max_size=40).map("".join)
TEXT = st.one_of(st.text(max_size=400), NEWSY, st.tuples(NEWSY, st.text(max_size=60)).map("".join))


def check(extraction) -> None:
    text = extraction.source.text
    previous_end = 0
    for fact in extraction.facts:
        assert 0 <= previous_end <= fact.start < fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.text
        assert fact.text == fact.text.strip()
        for m in fact.entities:
            assert fact.start <= m.start < m.end <= fact.end and text[m.start:m.end] == m.text
        previous_end = fact.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_extracts_without_error_into_exact_sorted_disjoint_facts(text):
    extraction = extract_text(text)
    assert extraction.source.text == normalise_text(text)
    check(extraction)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_sentence_spans_are_exact_sorted_and_disjoint(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_normalising_twice_changes_nothing(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once and "\ufeff" not in once

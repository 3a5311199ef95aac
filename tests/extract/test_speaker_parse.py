"""The parsed pass: the attribution verb's subject names the speaker where the patterns stop short."""

from __future__ import annotations

import pytest

from briefing.extract import nlp
from briefing.extract.pipeline import extract_text, run_model_steps
from briefing.extract.speaker_parse import needs_parse, refine_speakers

needs_model = pytest.mark.skipif(nlp.model() is None, reason="the English language model is not installed")


def with_model(text: str):
    extraction = extract_text(text)
    assert run_model_steps(extraction) is None
    return extraction


@needs_model
def test_an_apposed_name_beats_the_role_that_is_the_subject():
    text = ("But the chairman of the harbour board, Captain Jo Bloggs of Hull, warned that "
            "\u201cthe pier is no longer safe for anyone\u201d.")
    assert with_model(text).facts[0].attributed_to == "Jo Bloggs"


@needs_model
def test_a_verb_inside_the_quotation_is_not_the_attribution():
    text = ("Harbour master Ann Cole described the call to the inquiry.\n\n"
            "\u201cThe captain replied that \u2018the ship is sound,\u2019 and left,\u201d Cole testified.")
    assert with_model(text).facts[1].speaker == "Ann Cole"


@needs_model
def test_a_verb_of_saying_beats_a_verb_of_stance():
    text = "Berlin welcomed the ruling, with finance minister Hans Weber saying it was \u201cfair and final\u201d."
    assert with_model(text).facts[0].attributed_to == "Hans Weber"


def test_the_parsed_pass_without_parses_keeps_the_rules_speakers():
    text = "\u201cThe pier is unsafe,\u201d harbour master Jo Bloggs said. \u201cWe will close it.\u201d"
    extraction = extract_text(text)
    before = [(f.speaker, f.attributed_to) for f in extraction.facts]
    refine_speakers(extraction, {})
    assert [(f.speaker, f.attributed_to) for f in extraction.facts] == before == [("Jo Bloggs", "Jo Bloggs")] * 2


@pytest.mark.parametrize(("text", "kind", "wanted"), [
    ("The ferry sank in 1953.", "statement", False),
    ("The mayor said the ferry sank.", "statement", True),
    ("According to the coastguard, the ferry sank.", "statement", True),
    ("\u201cIt sank,\u201d she recalled.", "quote", True),
])
def test_only_sentences_with_an_attribution_are_parsed(text, kind, wanted):
    assert needs_parse(text, kind) is wanted


def test_without_the_model_the_model_steps_say_why_in_one_line(monkeypatch):
    monkeypatch.setattr(nlp, "model", lambda: None)
    monkeypatch.setattr(nlp, "unavailable_reason", lambda: "spaCy is not available (test)")
    extraction = extract_text("\u201cIt sank,\u201d the captain said.")
    assert run_model_steps(extraction) == "spaCy is not available (test)"
    assert extraction.facts[0].speaker == "captain"


@needs_model
def test_the_subject_of_a_speech_verb_quoted_inside_the_quotation_is_no_cue():
    from briefing.extract.speaker_parse import cues_from_doc, parse

    quoted, attributed = parse(nlp.model(), ["\u201cThe captain replied that the ship was sound.\u201d",
                                             "The captain replied that the ship was sound."])
    assert cues_from_doc(quoted) == []
    assert cues_from_doc(attributed) == ["The captain"]


@needs_model
def test_a_second_verb_shares_the_subject_of_the_first():
    text = 'OPEC ministers called for calm and said "the markets will settle within weeks".'
    assert with_model(text).facts[0].attributed_to == "OPEC"
    text = 'French ministers called for calm and said "the markets will settle within weeks".'
    assert with_model(text).facts[0].attributed_to == "French ministers"

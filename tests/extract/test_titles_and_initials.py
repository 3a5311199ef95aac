"""A titled name with initials ("Prof. A. B. Jones") is one person, one sentence, and the party who spoke."""

from __future__ import annotations

import pytest

from briefing.extract.pipeline import extract_text
from briefing.extract.segment import split_sentences

SAID = " said the plan was sound."


def people(text: str) -> list[str]:
    return [e.name for e in extract_text(text).entities if e.type == "person"]


@pytest.mark.parametrize(("speaker", "person"), [
    ("Prof. A. B. Jones", "A. B. Jones"),
    ("Dr. J. R. R. Tolkien", "J. R. R. Tolkien"),
    ("Gen. Syed Asim Munir", "Syed Asim Munir"),
    ("Mr. Khan", "Khan"),
    ("A. B. Jones", "A. B. Jones"),
    ("I. A. Rehman", "I. A. Rehman"),
    ("Maj. Gen. A. K. Niazi", "A. K. Niazi"),
], ids=["prof-initials", "dr-three-initials", "gen-full-name", "mr-surname", "initials-alone", "initial-i",
        "two-titles"])
def test_a_titled_name_with_initials_is_one_sentence_one_person_and_the_party(speaker, person):
    extraction = extract_text(speaker + SAID)
    assert [f.text for f in extraction.facts] == [speaker + SAID]
    assert people(speaker + SAID) == [person]
    assert extraction.facts[0].attributed_to == person


@pytest.mark.parametrize(("text", "person"), [
    ("\u201cThe plan is sound,\u201d said Prof. A. B. Jones.", "A. B. Jones"),
    ("\u201cThe plan is sound,\u201d said Mr. Khan.", "Khan"),
    ("\u201cThe plan is sound,\u201d Dr. J. R. R. Tolkien said.", "J. R. R. Tolkien"),
    ("Prof. A. B. Jones said: \u201cThe plan is sound.\u201d", "A. B. Jones"),
], ids=["said-prof", "said-mr", "dr-said", "prof-said-colon"])
def test_the_speaker_of_a_quotation_is_the_name_after_the_title_never_the_title(text, person):
    fact = extract_text(text).facts[0]
    assert (fact.kind, fact.speaker) == ("quote", person)


@pytest.mark.parametrize(("text", "person"), [
    ("The plan is sound, Prof. A. B. Jones said.", "A. B. Jones"),
    ("The plan is sound, said Gen. Syed Asim Munir.", "Syed Asim Munir"),
], ids=["trailing-said", "trailing-said-name"])
def test_a_titled_name_after_the_statement_is_its_party(text, person):
    assert extract_text(text).facts[0].attributed_to == person


def test_the_mention_of_a_name_with_initials_covers_the_initials():
    text = "Talks ended. Prof. A. B. Jones said the plan was sound."
    mentions = [(m.text, m.type) for m in extract_text(text).facts[1].entities]
    assert mentions == [("A. B. Jones", "person")]


def test_a_later_surname_refers_to_the_name_with_initials():
    facts = extract_text("Prof. A. B. Jones met the board. \u201cIt is sound,\u201d said Jones.").facts
    assert facts[1].speaker == "A. B. Jones"


@pytest.mark.parametrize(("text", "expected"), [
    ("The plan was backed by the U.S. It failed.", ["The plan was backed by the U.S.", "It failed."]),
    ("The plan was backed by Prof. A. B. Jones. He said it was sound.",
     ["The plan was backed by Prof. A. B. Jones.", "He said it was sound."]),
    ("It was signed by Maj. Gen. A. K. Niazi. The war ended.",
     ["It was signed by Maj. Gen. A. K. Niazi.", "The war ended."]),
    ("Talks ended. Dr. J. R. R. Tolkien spoke.", ["Talks ended.", "Dr. J. R. R. Tolkien spoke."]),
], ids=["us-then-it", "initials-end-a-sentence", "two-titles-end-a-sentence", "three-initials"])
def test_a_real_sentence_end_after_initials_still_splits(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [
    "Under plan A. The board said it was weak.",
    "In Karachi, I said the plan was sound.",
    "I. The board said the plan was sound.",
], ids=["plan-a", "pronoun-i", "numbered-i"])
def test_a_lone_capital_a_or_i_is_no_person(text):
    assert people(text) == []

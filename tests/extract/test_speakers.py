"""The speaker of a quotation is the fullest name of the person or body that says it, found in context."""

from __future__ import annotations

import pytest

from briefing.extract.pipeline import extract_text


def speakers(text: str) -> list[str]:
    return [f.speaker for f in extract_text(text).facts if f.kind == "quote"]


def test_a_quotation_without_its_own_attribution_is_the_paragraphs_speaker():
    text = ("\u201cThe pier is unsafe,\u201d harbour master Jo Bloggs said. "
            "\u201cWe will close it until the spring.\u201d")
    assert speakers(text) == ["Jo Bloggs", "Jo Bloggs"]


def test_a_quotation_opening_a_paragraph_is_the_speaker_of_the_sentence_just_before():
    text = ("Union leader Ann Cole said members were angry about pay.\n\n"
            "\u201cThe offer is an insult to every nurse in the county.\u201d")
    assert speakers(text) == ["Ann Cole"]


def test_a_quotation_after_an_unattributed_paragraph_gets_no_borrowed_speaker():
    text = ("Union leader Ann Cole said members were angry.\n\nThe strike began at dawn.\n\n"
            "\u201cThe offer is an insult to every nurse.\u201d")
    assert speakers(text) == [""]


def test_x_said_colon_quotation_is_xs():
    assert speakers('The mayor, Jo Bloggs, said: "We have no money left for the bridge."') == ["Jo Bloggs"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Mayor Brian Haddock opened the bridge on Monday. "
     "\u201cIt has taken ten years,\u201d Haddock said.", "Brian Haddock"),
    ("Mayor Brian Haddock opened the bridge on Monday. "
     "Mr Haddock told reporters: \u201cIt has taken ten years.\u201d", "Brian Haddock"),
    ("Earlier Foreign Secretary Jo Bloggs visited the port. "
     "\u201cThe port must stay open,\u201d the foreign secretary said.", "Jo Bloggs"),
], ids=["surname", "mr-surname", "role-held-before"])
def test_a_surname_or_role_resolves_to_the_full_name_given_before(text, speaker):
    assert speakers(text)[-1] == speaker


def test_a_pronoun_goes_to_who_led_the_sentence_before_not_the_last_name_mentioned():
    text = ("Kurt Meyer, a former envoy, said he had met Ann Cole twice. "
            "\u201cMy role was never secret,\u201d he told lawmakers.")
    assert speakers(text) == ["Kurt Meyer"]


def test_a_pronoun_skips_a_person_named_after_it_in_the_same_sentence():
    text = ("Jo Bloggs, a local councillor, spoke first. "
            "He said Mr Haddock was \u201cout of touch with every single voter in the town\u201d.")
    assert extract_text(text).facts[1].attributed_to == "Jo Bloggs"


def test_a_name_given_twice_for_two_people_leaves_a_surname_unresolved():
    text = ("Ann Smith met Joe Smith in Leeds. \u201cThe talks went very well,\u201d said Smith.")
    assert speakers(text) == ["Smith"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("\u201cWe regret the delay,\u201d a spokesman for Northern Rail said.", "Northern Rail"),
    ("\u201cWe regret the delay,\u201d the Northern Rail spokesman said.", "Northern Rail"),
    ("\u201cWe regret the delay,\u201d the French foreign ministry said.", "French foreign ministry"),
    ("\u201cWe regret the delay,\u201d the UN High Commissioner for Refugees said.",
     "UN High Commissioner for Refugees"),
], ids=["spokesman-for", "named-spokesman", "ministry", "office"])
def test_bodies_and_offices_speak(text, speaker):
    assert speakers(text) == [speaker]


def test_the_statement_said_is_the_body_that_issued_it():
    text = ("The US military said in a statement that two soldiers were hurt. "
            "\u201cThe cause is under investigation,\u201d the statement said.")
    assert speakers(text) == ["US military"]


def test_an_indefinite_spokesman_right_after_a_body_led_the_sentence_speaks_for_it():
    text = ("The State Bank of Pakistan held rates on Monday. "
            "\u201cInflation is easing,\u201d a spokesman said.")
    assert speakers(text) == ["State Bank of Pakistan"]


def test_a_description_is_the_person_the_next_sentence_opens_with():
    text = ("\u201cThe call was improper,\u201d a career army officer testified on Tuesday. "
            "Alexander Petrov, who heard the call, told lawmakers it worried him.")
    assert speakers(text) == ["Alexander Petrov"]


def test_an_anonymous_official_is_never_named_by_the_next_sentence():
    text = ("\u201cThe call was improper,\u201d a senior official said. "
            "Alexander Petrov, who heard the call, told lawmakers it worried him.")
    assert speakers(text) == ["senior official"]

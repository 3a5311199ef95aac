""""The spokesperson said" refers back only to a party a spokesperson can be, else stays the role itself."""

from __future__ import annotations

import pytest

from briefing.extract.pipeline import extract_text

MINISTRY_SOURCE = "According to the Ministry of Industries spokesperson, Russian delegates visited Karachi. "
KHAN = "Haroon Akhtar Khan, the SAPM on Industries, said the talks were productive. "
BALOCH = "Foreign Office Spokesperson Mumtaz Zahra Baloch said Pakistan wanted peace in the region. "
AURANGZEB = "Finance Minister Muhammad Aurangzeb said the budget was on track. "
NAZAROV = "Denis Nazarov said the visit had gone well. "


def last_party(text: str) -> str:
    return extract_text(text).facts[-1].attributed_to


@pytest.mark.parametrize(("text", "party"), [
    (MINISTRY_SOURCE + KHAN + "The spokesperson said a joint working group would be formed.",
     "Ministry of Industries spokesperson"),
    (KHAN + "The spokesperson said a joint working group would be formed.", "spokesperson"),
    (BALOCH + AURANGZEB + "The spokesperson said talks would resume in March.", "Mumtaz Zahra Baloch"),
    (AURANGZEB + BALOCH + "The minister said revenue had risen by a tenth.", "Muhammad Aurangzeb"),
    (BALOCH + NAZAROV + "The spokeswoman said talks would resume in March.", "Mumtaz Zahra Baloch"),
    (NAZAROV + "The official said a deal was close.", "official"),
    (KHAN + NAZAROV + "The official said a deal was close.", "Haroon Akhtar Khan"),
], ids=["ministry-spokesperson-past-a-named-person", "no-spokesperson-named", "spokesperson-by-role",
        "minister-past-a-spokesperson", "spokeswoman-is-a-spokesperson", "official-without-a-role",
        "official-past-a-person-without-a-role"])
def test_a_role_noun_refers_back_to_the_last_party_it_describes(text, party):
    assert last_party(text) == party


def test_the_ministry_refers_back_to_the_ministry_its_spokesperson_spoke_for():
    assert last_party(MINISTRY_SOURCE + "The ministry said talks went well.") == "Ministry of Industries"


def test_the_bank_refers_back_to_the_bank_named_before():
    text = "The State Bank of Pakistan said reserves rose. The bank said inflation would ease."
    assert last_party(text) == "State Bank of Pakistan"


def test_according_to_the_spokesperson_refers_back_like_the_spokesperson_said():
    text = MINISTRY_SOURCE + KHAN + "According to the spokesperson, a joint working group will be formed."
    assert last_party(text) == "Ministry of Industries spokesperson"


def test_a_party_named_too_long_ago_is_not_referred_back_to():
    filler = "Steel output rose in May. Imports fell sharply. Exports were flat. Prices held. "
    assert last_party(MINISTRY_SOURCE + filler + "The spokesperson said talks went well.") == "spokesperson"


def test_a_spokesperson_with_an_indefinite_article_is_no_one_named_before():
    assert last_party(MINISTRY_SOURCE + "A spokesperson said talks went well.") == "spokesperson"


def test_a_source_keeps_the_role_it_was_named_with_when_named_again_by_name_alone():
    text = ("Jordanian expert Nidal Sabi said the ceasefire would hold. Steel output rose. Imports fell. "
            "Exports were flat. Nidal Sabi said the talks would resume. The expert said Jordan would help.")
    assert last_party(text) == "Nidal Sabi"


def test_the_statement_is_the_last_named_source_s_whoever_it_is():
    text = "The Russian Anti-Doping Agency said testing had resumed. The statement added that work went well."
    assert last_party(text) == "Russian Anti-Doping Agency"

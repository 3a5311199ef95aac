"""People, their roles, quotation speakers and attributions, resolved to the full names used earlier."""

from __future__ import annotations

import pytest

from briefing.extract.pipeline import extract_text


def people(text: str) -> dict[str, str]:
    return {e.name: e.role for e in extract_text(text).entities if e.type == "person"}


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Nazarov called on the SAPM on Industries and Production, Haroon Akhtar Khan, on Monday.",
     "Haroon Akhtar Khan", "SAPM on Industries and Production"),
    ("Haroon Akhtar Khan, the Special Assistant on Industries, said the talks went well.",
     "Haroon Akhtar Khan", "Special Assistant on Industries"),
    ("Prime Minister Shehbaz Sharif approved the plan.", "Shehbaz Sharif", "Prime Minister"),
    ("Russian Ambassador Albert Khorev met the minister.", "Albert Khorev", "Russian Ambassador"),
    ("The delegation was led by Denis Nazarov.", "Denis Nazarov", ""),
    ("Mr. Khan met Dr. Nazarov at 10 a.m. on Monday.", "Khan", ""),
])
def test_people_are_found_with_their_roles(text, name, role):
    assert people(text)[name] == role


@pytest.mark.parametrize("text", [
    "Special Assistant to the Prime Minister (SAPM) led the delegation.",
    "Pakistan Steel Mills said output rose.",
    "The Ministry of Industries said output rose.",
    "During the visit, Both Sides said little.",
])
def test_roles_organisations_and_sentence_starts_are_not_people(text):
    assert people(text) == {}


ARTICLE = ("The delegation was led by SAPM on Industries, Haroon Akhtar Khan, and met Denis Nazarov. "
           "Akhtar Khan emphasised the vision. He highlighted the incentives on offer. "
           "\u201cPakistan is a secure hub for investment,\u201d said Khan. "
           "Nazarov said: \u201cWe are ready to invest in steel.\u201d")


def test_a_partial_name_resolves_to_the_full_name_used_earlier():
    facts = extract_text(ARTICLE).facts
    assert facts[1].attributed_to == "Haroon Akhtar Khan"  # "Akhtar Khan emphasised"
    assert facts[3].speaker == "Haroon Akhtar Khan"  # "said Khan"
    assert facts[4].speaker == "Denis Nazarov"  # "Nazarov said:"


def test_he_resolves_to_the_person_last_mentioned():
    assert extract_text(ARTICLE).facts[2].attributed_to == "Haroon Akhtar Khan"


@pytest.mark.parametrize(("sentence", "party"), [
    ("According to the Ministry of Industries spokesperson, delegates visited Karachi.",
     "Ministry of Industries spokesperson"),
    ("According to officials, the mill will reopen.", "officials"),
    ("The official said that the delegation called on the minister.", "official"),
    ("The mill will reopen next year, the finance minister said.", "finance minister"),
    ("The mill will reopen next year, said the State Bank of Pakistan.", "State Bank of Pakistan"),
    ("The IMF approved the loan, the State Bank of Pakistan (SBP) said in a statement.",
     "State Bank of Pakistan"),
    ("Finance Minister Muhammad Aurangzeb welcomed the decision.", "Muhammad Aurangzeb"),
    ("The mill reopened in March.", ""),
    ("This visit underscores the commitment to revival.", ""),
])
def test_a_statement_is_attributed_to_the_party_it_names(sentence, party):
    assert extract_text(sentence).facts[0].attributed_to == party


def test_the_official_refers_back_to_the_source_named_just_before():
    facts = extract_text("According to the Ministry of Industries spokesperson, delegates visited. "
                         "The official said that talks went well.").facts
    assert facts[1].attributed_to == "Ministry of Industries spokesperson"


def test_two_people_sharing_a_surname_keep_a_bare_surname_unresolved():
    text = ("Haroon Akhtar Khan met Imran Ahmed Khan in Lahore. "
            "\u201cThe talks were very good indeed,\u201d said Khan.")
    facts = extract_text(text).facts
    assert facts[1].speaker == "Khan"


NAMED_FIRST = "\u201cWe will not back down,\u201d the foreign secretary said. "


@pytest.mark.parametrize(("text", "party"), [
    (NAMED_FIRST + "Officials said the plan would be reviewed by the end of the year.", "officials"),
    (NAMED_FIRST + "Sources said the plan would be reviewed.", "sources"),
    (NAMED_FIRST + "Analysts said the plan would fail.", "analysts"),
    (NAMED_FIRST + "The officials said the plan would be reviewed.", "officials"),
    (NAMED_FIRST + "The official said the plan would be reviewed.", "foreign secretary"),
    ("According to the Ministry of Industries spokesperson, delegates visited. "
     "The spokesperson said talks went well.", "Ministry of Industries spokesperson"),
], ids=["officials", "sources", "analysts", "the-officials", "the-official", "the-spokesperson"])
def test_only_a_definite_singular_noun_refers_back_to_the_party_named_before(text, party):
    assert extract_text(text).facts[1].attributed_to == party


@pytest.mark.parametrize(("text", "party"), [
    ("Haroon Akhtar Khan, the SAPM, said the talks were productive.", "Haroon Akhtar Khan"),
    ("Dr. J. R. Smith, head of the U.N. office, said the plan would cost $2.5 million.", "J. R. Smith"),
    ("Denis Nazarov, who led the delegation, said the visit went well.", "Denis Nazarov"),
    ("Haroon Akhtar Khan, the SAPM, has said the talks were productive.", "Haroon Akhtar Khan"),
    ("On Monday, the finance minister said the talks failed.", "finance minister"),
    ("In Karachi, officials said the talks failed.", "officials"),
], ids=["role", "title-and-initials", "relative-clause", "has-said", "not-a-name-first", "a-place-first"])
def test_a_named_speaker_with_an_appositive_role_is_the_party(text, party):
    assert extract_text(text).facts[0].attributed_to == party


def test_a_named_speaker_with_an_appositive_role_is_the_speaker_of_a_quotation():
    fact = extract_text("Haroon Akhtar Khan, the SAPM, said: \u201cThe talks were productive.\u201d").facts[0]
    assert (fact.kind, fact.speaker) == ("quote", "Haroon Akhtar Khan")


def test_the_brief_of_an_office_is_no_person_even_without_the_model():
    from briefing.extract.pipeline import extract_text

    extraction = extract_text("The UN High Commissioner for Human Rights said the killings must stop.")
    assert not [e for e in extraction.entities if e.type == "person"]

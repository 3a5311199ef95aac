"""Each sentence gets one kind: quote, decision, plan, meeting, figure or statement, first match winning."""

from __future__ import annotations

import pytest

from briefing.core.fact import FACT_KINDS
from briefing.extract.pipeline import extract_text


def kind_of(sentence: str) -> str:
    facts = extract_text(sentence).facts
    assert len(facts) == 1
    return facts[0].kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("\u201cPakistan is a secure hub for investment,\u201d said Khan.", "quote"),
    ("He said: \u201cThe mill will reopen next year.\u201d", "quote"),
    ('"We will sign the deal soon," the minister told reporters.', "quote"),
    ("Khan (SAPM) said talks were \u201cproductive.\u201d", "statement"),  # a one-word scare quote
    ("The delegation is to visit Russia from July 5, 2025.", "plan"),
    ("Haroon Akhtar Khan will meet with prominent Russian investors.", "plan"),
    ("The ministry plans to invite bids in August.", "plan"),
    ("The plant is expected to resume production in 2026.", "plan"),
    ("The government aims to privatise the mill.", "plan"),
    ("The two countries agreed to form a joint working group.", "decision"),
    ("The cabinet approved the revival plan on Tuesday.", "decision"),
    ("Both sides signed a memorandum of understanding.", "decision"),
    ("The ministry announced that it will float new tenders.", "decision"),
    ("A Russian delegation called on the SAPM on Monday.", "meeting"),
    ("Both sides discussed matters related to investment.", "meeting"),
    ("The two ministers held talks in Moscow.", "meeting"),
    ("The mill posted a loss of Rs. 5.2 billion last year.", "figure"),
    ("Inflation eased to 3.5% in June.", "figure"),
    ("The plant employs 8,000 people.", "figure"),
    ("Pakistan has evolved as a safe destination for investment.", "statement"),
])
def test_a_sentence_gets_the_expected_kind(sentence, kind):
    assert kind in FACT_KINDS
    assert kind_of(sentence) == kind


def test_a_quote_wins_over_the_plan_it_announces():
    assert kind_of("\u201cWe will revive the mill,\u201d said the minister.") == "quote"


def test_a_decision_about_the_future_is_a_decision_not_a_plan():
    assert kind_of("The two sides agreed that the group will meet monthly.") == "decision"

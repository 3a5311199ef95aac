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


@pytest.mark.parametrize(("sentence", "kind"), [
    # reported "would"/"could" is what someone expects, not what the story's actors intend
    ("The mayor said the new bridge would be remembered for decades.", "statement"),
    ("Analysts said the merger could collapse.", "statement"),
    ("The tunnel will be the longest in Europe when it opens.", "plan"),  # a named thing's future
    ("It will be the third dry summer in a row.", "statement"),
    ("But when prices are high enough, shops will pass the cost on.", "statement"),
    ("Drivers who will use the bridge must pay a toll.", "statement"),
    ("The prime minister is due to visit Oslo on Friday.", "plan"),
    ("The council is set to raise rents in April.", "plan"),
    ("Both unions are expected to back the deal.", "plan"),
    ("The airline also unveiled plans to cut 500 jobs.", "plan"),
    ("The mayor has defended plans to close the library.", "statement"),
    ("Her comments referred to his plan to sell the port.", "statement"),
    ("The ferry service is aimed at tourists.", "statement"),
])
def test_a_plan_is_the_actors_intention_not_a_forecast(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The governor ordered an inquiry into the fire.", "decision"),
    ("The board appointed Jo Bloggs as chief executive.", "decision"),
    ("The minister put a senior judge in charge of the review.", "decision"),
    ("The club opted for a younger coach.", "decision"),
    ("The union refused the offer of a 2% rise.", "decision"),
    ("The agency did not accept the offer of help.", "decision"),
    ("The council has called a truce with the landlords.", "decision"),
    ("The two firms had signed a supply deal in 2015.", "statement"),  # background
    ("The bridge plans have not been agreed.", "statement"),
    ("The budget approved by the council in April raised fees.", "statement"),
    ("The residents asked the council to reconsider its decision to close the pool.", "statement"),
])
def test_a_decision_is_the_actors_deciding_now(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Union leaders are holding talks with the employers in Leeds.", "meeting"),
    ("The prime minister is meeting his Nordic counterparts.", "meeting"),
    ("Talks also centred on fishing quotas.", "meeting"),
    ("Safety rules still had to be met before the bridge opened.", "statement"),
    ("The minister called on banks to lend more.", "statement"),
])
def test_a_meeting_is_people_meeting(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Roughly 4,000 workers remain on strike.", "figure"),
    ("More than 300 flights were cancelled because of the snow.", "figure"),
    ("Exports to Norway dropped to $2.1 billion last year.", "figure"),
    ("The reform would mean a 12% hike in fares.", "figure"),
    ("The firm lent the city $6m to rebuild the pier.", "statement"),  # the amount is a detail
    ("The ferry was built in 2015 and carries cars.", "statement"),
])
def test_a_figure_is_a_sentence_whose_news_is_the_amount(sentence, kind):
    assert kind_of(sentence) == kind

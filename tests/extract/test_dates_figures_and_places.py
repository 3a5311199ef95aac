"""Dates normalised to ISO, money and percentages, organisations, places and acronyms as mentions."""

from __future__ import annotations

import pytest

from briefing.extract.acronyms import best_long_form, find_acronyms
from briefing.extract.pipeline import extract_text


def dates(sentence: str, published: str = "") -> list[tuple[str, str]]:
    facts = extract_text(sentence, published=published).facts
    return [(d.text, d.value) for f in facts for d in f.dates]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The delegation will visit Russia from July 5, 2025.", [("July 5, 2025", "2025-07-05")]),
    ("Talks began on 5 July 2025.", [("5 July 2025", "2025-07-05")]),
    ("Work would start in Jan. 2026.", [("Jan. 2026", "2026-01")]),
    ("The deal of 2025-07-06 stands.", [("2025-07-06", "2025-07-06")]),
    ("It was signed on 13/04/2025.", [("13/04/2025", "2025-04-13")]),
    ("It was signed on 03/04/2025.", [("03/04/2025", "")]),  # day-month or month-day: not guessed
    ("The mill has been closed since 2015.", [("2015", "2015")]),
    ("It returns on July 12.", [("July 12", "")]),  # no year and no publication date
    ("The mill employs 2,025 people and 8,000 more.", []),
    ("The figure was 31 Februar.", []),
])
def test_dates_are_normalised_to_iso_as_far_as_the_text_allows(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(("sentence", "value"), [
    ("The minister met the delegation on Monday.", "2025-07-07"),  # the Monday before Wed 9 July
    ("The minister will meet the delegation on Monday.", "2025-07-14"),  # a plan: the next Monday
    ("The minister met the delegation last Wednesday.", "2025-07-02"),
    ("The talks ended yesterday.", "2025-07-08"),
    ("It returns on July 12.", "2025-07-12"),
])
def test_weekdays_and_relative_days_resolve_against_a_known_publication_date(sentence, value):
    assert dates(sentence, published="2025-07-09")[0][1] == value


@pytest.mark.parametrize(("sentence", "published", "value"), [
    ("Prices rose last week.", "2025-07-09", "2025-W27"),
    ("Talks resume next week.", "2025-07-09", "2025-W29"),
    ("The plant opens next month.", "2025-12-30", "2026-01"),
    ("The plant opens next month.", "2025-07", "2025-08"),
    ("Output fell last year.", "2025", "2024"),
    ("This year looks better.", "2025-07-09", "2025"),
    ("Prices rose last week.", "2025-07", ""),  # a week needs the day
    ("Output fell last year.", "", ""),  # no publication date: unresolved, never guessed
])
def test_last_week_next_month_and_this_year_resolve_against_the_publication_date(sentence, published, value):
    assert dates(sentence, published=published) == [(_period_words(sentence), value)]


def _period_words(sentence: str) -> str:
    words = sentence.rstrip(".").split(" ")
    at = next(k for k, w in enumerate(words) if w.lower() in ("last", "next", "this"))
    return " ".join(words[at:at + 2])


def test_a_weekday_without_a_full_publication_date_has_no_value():
    assert dates("The minister met the delegation on Monday.", published="2025") == [("Monday", "")]


@pytest.mark.parametrize(("sentence", "mention", "kind"), [
    ("The project will cost Rs. 5.2 billion.", "Rs. 5.2 billion", "money"),
    ("The deal is worth $1.5bn.", "$1.5bn", "money"),
    ("Russia offered 300 million dollars.", "300 million dollars", "money"),
    ("Inflation eased to 3.5% in June.", "3.5%", "percent"),
    ("That is 0.4 pc of GDP.", "0.4 pc", "percent"),
    ("Sales grew 12 per cent.", "12 per cent", "percent"),
    ("The mill produced 1.2 million tonnes.", "1.2 million tonnes", "quantity"),
])
def test_money_percentages_and_quantities_are_mentions(sentence, mention, kind):
    found = [(m.text, m.type) for f in extract_text(sentence).facts for m in f.entities]
    assert (mention, kind) in found


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("The Ministry of Industries and Production issued a notice.", "Ministry of Industries and Production",
     "organization"),
    ("This underscores the Government of Pakistan\u2019s commitment.", "Government of Pakistan", "organization"),
    ("Pakistan Steel Mills posted a loss.", "Pakistan Steel Mills", "organization"),
    ("The State Bank of Pakistan (SBP) kept rates unchanged.", "State Bank of Pakistan", "organization"),
    ("The delegation flew from Karachi to Moscow.", "Moscow", "place"),
    ("The U.S. and the U.K. welcomed the deal.", "United States", "place"),
])
def test_organisations_and_places_become_entities(sentence, name, kind):
    entities = {(e.name, e.type) for e in extract_text(sentence).entities}
    assert (name, kind) in entities


@pytest.mark.parametrize(("text", "places", "demonyms"), [
    ("Russian investors showed interest.", [], ["Russian"]),
    ("A Russian delegation will visit Russia in July.", ["Russia"], ["Russian"]),
    ("Chinese and Pakistani officials met in Beijing.", ["Beijing"], ["Chinese", "Pakistani"]),
    ("The British envoy and the Sri Lankan minister flew to London.", ["London"], ["British", "Sri Lankan"]),
], ids=["demonym-only", "demonym-and-country", "two-demonyms", "multi-word-demonym"])
def test_a_demonym_is_a_nationality_mention_not_a_place(text, places, demonyms):
    extraction = extract_text(text)
    assert [e.name for e in extraction.entities if e.type == "place"] == places
    assert all(not set(e.aliases) & set(demonyms) for e in extraction.entities)
    mentions = [(m.text, m.type) for f in extraction.facts for m in f.entities]
    assert [text for text, kind in mentions if kind == "nationality"] == demonyms


def test_a_city_that_is_also_a_common_word_is_not_a_place():
    entities = extract_text("Nice work, said the Mobile team of Split decisions.").entities
    assert not [e for e in entities if e.type == "place"]


@pytest.mark.parametrize(("text", "short", "long"), [
    ("the revival of Pakistan Steel Mills (PSM) was discussed", "PSM", "Pakistan Steel Mills"),
    ("led by Special Assistant to the Prime Minister (SAPM) on Industries", "SAPM",
     "Special Assistant to the Prime Minister"),
    ("to attract foreign direct investment (FDI), and", "FDI", "foreign direct investment"),
    ("Officials from the Ministry of Industries & Production (MoIP), etc.", "MoIP",
     "Ministry of Industries & Production"),
    ("PSM (Pakistan Steel Mills) is state-owned", "PSM", "Pakistan Steel Mills"),
    ("the International Monetary Fund (IMFs) programme", "IMF", "International Monetary Fund"),
])
def test_acronyms_are_expanded_from_their_definitions(text, short, long):
    assert find_acronyms(text, 0, len(text)) == {short: long}


@pytest.mark.parametrize("text", ["Khan (SAPM) said talks went well.", "The firm (PSM) is old.",
                                  "prices (CPI) rose"])
def test_a_parenthesised_acronym_without_matching_words_is_not_defined(text):
    assert find_acronyms(text, 0, len(text)) == {}


def test_the_long_form_rule_needs_the_first_letter_at_a_word_start():
    assert best_long_form("PSM", "steel Pakistan Steel Mills") == "Pakistan Steel Mills"
    assert best_long_form("XYZ", "Pakistan Steel Mills") is None

"""Headlines, bylines, datelines, date lines, credits, copyright and comments are furniture, not facts."""

from __future__ import annotations

import pytest

from briefing.extract.pipeline import extract_text

BODY = "The cabinet met on Monday. It approved the plan to revive the steel mill."


def facts_of(text: str) -> list[str]:
    return [f.text for f in extract_text(text).facts]


def test_a_short_first_line_without_a_full_stop_is_the_headline():
    extraction = extract_text(f"Cabinet approves steel mill revival\n\n{BODY}")
    assert extraction.source.title == "Cabinet approves steel mill revival"
    assert [f.text for f in extraction.facts] == ["The cabinet met on Monday.",
                                                  "It approved the plan to revive the steel mill."]


@pytest.mark.parametrize("first", [
    "The cabinet met on Monday and approved the plan.",  # ends with a full stop: a sentence
    "Cabinet approves steel mill revival\nThe cabinet met on Monday.",  # no blank line, no dateline after it
    "Steel output rose\nFrom Monday, the mill will reopen.",  # a sentence, though it opens like a byline
])
def test_a_first_line_that_is_not_a_headline_stays_a_fact(first):
    extraction = extract_text(f"{first}\n\n{BODY}")
    assert extraction.facts[0].text == first.split("\n")[0]


@pytest.mark.parametrize(("text", "title", "place", "byline", "first_fact"), [
    ("Headline here\nLONDON: A man said hi.\nThe PM met him.", "Headline here", "London", "", "A man said hi."),
    ("Cabinet approves steel mill revival\nISLAMABAD: The cabinet met on Monday.",
     "Cabinet approves steel mill revival", "Islamabad", "", "The cabinet met on Monday."),
    ("Cabinet approves revival\nKARACHI (APP): The cabinet met on Monday.",
     "Cabinet approves revival", "Karachi", "APP", "The cabinet met on Monday."),
    ("Cabinet approves revival\nBy Jane Doe\nThe cabinet met on Monday.",
     "Cabinet approves revival", "", "By Jane Doe", "The cabinet met on Monday."),
    ("Cabinet approves revival\nStaff Reporter\nISLAMABAD: The cabinet met on Monday.",
     "Cabinet approves revival", "Islamabad", "Staff Reporter", "The cabinet met on Monday."),
], ids=["dateline", "dateline-2", "dateline-agency", "byline", "byline-then-dateline"])
def test_a_first_line_right_above_a_dateline_or_byline_is_the_headline(text, title, place, byline, first_fact):
    extraction = extract_text(text)
    source = extraction.source
    assert (source.title, source.place, source.byline) == (title, place, byline)
    assert extraction.facts[0].text == first_fact
    assert all(title not in f.text for f in extraction.facts)


@pytest.mark.parametrize(("dateline", "place"), [
    ("ISLAMABAD: ", "Islamabad"),
    ("KARACHI (APP): ", "Karachi"),
    ("LONDON, July 5 (Reuters) - ", "London"),
    ("NEW YORK: ", "New York"),
    ("DERA ISMAIL KHAN: ", "Dera Ismail Khan"),
    ("MOSCOW \u2014 ", "Moscow"),
])
def test_a_dateline_becomes_the_source_place_and_the_first_fact_starts_after_it(dateline, place):
    extraction = extract_text(f"{dateline}{BODY}")
    assert extraction.source.place == place
    assert extraction.facts[0].text == "The cabinet met on Monday."
    assert extraction.facts[0].start == len(dateline)


def test_an_agency_in_the_dateline_becomes_the_byline():
    assert extract_text(f"KARACHI (APP): {BODY}").source.byline == "APP"


@pytest.mark.parametrize(("line", "publisher", "year"), [
    ("Copyright Business Recorder, 2025", "Business Recorder", "2025"),
    ("\u00a9 2024 Dawn. All rights reserved.", "Dawn", "2024"),
    ("Copyright \u00a9 The Express Tribune, 2023", "The Express Tribune", "2023"),
    ("(c) Reuters 2022", "Reuters", "2022"),
])
def test_a_trailing_copyright_line_gives_publisher_and_year_and_is_no_fact(line, publisher, year):
    extraction = extract_text(f"{BODY}\n\n{line}\n")
    assert (extraction.source.publisher, extraction.source.published) == (publisher, year)
    assert all(line not in f.text and "opyright" not in f.text for f in extraction.facts)
    assert len(extraction.facts) == 2


@pytest.mark.parametrize("byline", ["By Jane Doe", "By Our Correspondent", "Our Correspondent",
                                    "Staff Reporter", "BY JANE DOE AND JOHN ROE", "Monitoring Desk"])
def test_a_byline_under_the_headline_is_no_fact(byline):
    extraction = extract_text(f"Cabinet approves revival\n\n{byline}\n\n{BODY}")
    assert extraction.source.byline == byline
    assert facts_of(f"Cabinet approves revival\n\n{byline}\n\n{BODY}")[0] == "The cabinet met on Monday."


def test_a_date_line_under_the_headline_gives_the_publication_date():
    extraction = extract_text(f"Cabinet approves revival\n\nBy Jane Doe\nPublished July 9, 2025 10:30am\n\n{BODY}")
    assert extraction.source.published == "2025-07-09"
    assert extraction.facts[0].dates[0].value == "2025-07-07"  # "on Monday" before publication


@pytest.mark.parametrize("credit", ["Photo: Reuters", "File photo", "(Photo: APP)", "Photo credit: PID",
                                    "The steel mill in Karachi. \u2014 Photo: Reuters", "Image: Dawn"])
def test_image_credits_are_no_facts(credit):
    assert facts_of(f"{BODY}\n\n{credit}\n\nWork will start in January.") == [
        "The cabinet met on Monday.", "It approved the plan to revive the steel mill.",
        "Work will start in January."]


@pytest.mark.parametrize("marker", ["Comments", "Leave a comment", "Leave a Reply", "3 Comments",
                                    "Comments (12)", "Join the discussion"])
def test_reader_comments_after_the_article_are_no_facts(marker):
    text = f"{BODY}\n\nWork will start in January.\n\n{marker}\n\nGreat news! I hope the mill reopens.\n\nAli: Finally."
    assert facts_of(text) == ["The cabinet met on Monday.", "It approved the plan to revive the steel mill.",
                              "Work will start in January."]


@pytest.mark.parametrize(("tail", "publisher"), [
    ("Copyright Dawn, 2024\n\nComments\nGreat article!", "Dawn"),
    ("Copyright Dawn, 2024\n\n12 Comments\nAli: Great article!", "Dawn"),
    ("Photo: Reuters\n\nCopyright Dawn, 2024\n\nComments\nGreat article! Click here.", "Dawn"),
    ("\u00a9 2024 Dawn. All rights reserved.\nLeave a comment\n\nGreat news!\n\nAli: Finally.", "Dawn"),
], ids=["comments", "counted-comments", "credit-copyright-comments", "copyright-sign"])
def test_a_copyright_line_above_the_reader_comments_gives_the_publisher_and_is_no_fact(tail, publisher):
    extraction = extract_text(f"{BODY}\n\n{tail}\n")
    assert extraction.source.publisher == publisher
    assert [f.text for f in extraction.facts] == ["The cabinet met on Monday.",
                                                  "It approved the plan to revive the steel mill."]


def test_a_sentence_that_mentions_comments_or_photos_is_still_a_fact():
    text = "The minister declined to give comments on the photo shown to reporters. The mill reopened."
    assert facts_of(text) == ["The minister declined to give comments on the photo shown to reporters.",
                              "The mill reopened."]


STORY = ("The council voted on Tuesday to raise parking fees from March.\n\n"
         "The mayor said the money would fund new bus lanes.\n\n")
POSTS = ("It would be better to cut fees and let people drive into town.\nPeter Walsh, Bristol\n\n"
         "The council never listens to residents. This is another tax on workers.\nAnna Fischer, Hamburg, Germany\n\n"
         "Buses here are always late, so nobody will use them.\nJo Bloggs, Leeds\n")


@pytest.mark.parametrize("heading", ["Have Your Say\n\n", "Your comments\n\n", "Comments (3)\n\n", ""],
                         ids=["have-your-say", "your-comments", "comments-count", "signed-posts-alone"])
def test_reader_comments_after_the_story_give_no_facts_and_no_places(heading):
    extraction = extract_text(f"Council raises parking fees\n\n{STORY}{heading}{POSTS}")
    assert [f.text for f in extraction.facts] == ["The council voted on Tuesday to raise parking fees from March.",
                                                  "The mayor said the money would fund new bus lanes."]
    assert not [e for e in extraction.entities if e.type == "place"]


def test_a_title_case_line_with_a_comma_inside_a_long_text_is_not_a_signature():
    headline = "Despite Doubts, Council Backs Plan\n\n"
    text = (STORY + headline) * 3 + STORY
    assert len(extract_text(text).facts) == 8


@pytest.mark.parametrize("line", [
    "Overcrowded wards worsen the risk",  # a subheading: a short paragraph with no full stop
    "\u201cWe write with urgency\u201d",
    "What did the council decide?",
    "Read more: Why parking costs keep rising",
    "READ MORE",
    "Follow City News on Facebook, Twitter and Instagram.",
    "(Graphic: parking fees by city - example.com/g1)",
    "Image copyright Getty Images",
    "https://example.com/parking",
    "___",
    "(Reporting by Jo Bloggs; Editing by Ann Other)",
])
def test_page_lines_inside_the_body_are_not_facts(line):
    facts = facts_of(f"Council raises parking fees\n\n{STORY}{line}\n\nThe vote was close.")
    assert facts == ["The council voted on Tuesday to raise parking fees from March.",
                     "The mayor said the money would fund new bus lanes.", "The vote was close."]


def test_an_inline_graphic_note_is_cut_from_its_paragraph():
    facts = facts_of("Fees rose by 5% in March (Graphic: fees by city - example.com/g1) and again in May.")
    assert all("Graphic" not in f for f in facts)


def test_a_short_line_inside_a_paragraph_stays_a_fact():
    assert facts_of("Steel output rose\nImports fell.\n\nThe vote was close.")[0] == "Steel output rose"


@pytest.mark.parametrize("line", ["E-mail this to a friend", "Printable version", "RELATED INTERNET LINKS:",
                                  "The BBC is not responsible for the content of external internet sites"])
def test_old_news_page_tools_are_not_facts(line):
    assert facts_of(f"{STORY}{line}\n\nThe vote was close.")[-1] == "The vote was close."
    assert len(facts_of(f"{STORY}{line}\n\nThe vote was close.")) == 3


def test_signed_posts_need_not_end_with_a_full_stop():
    posts = ("the council should just scrap the whole parking scheme now\nPeter Walsh, Bristol (UK)\n\n"
             "nobody asked residents what they wanted before this decision\nAnna Fischer, Hamburg\n")
    assert len(extract_text(STORY + posts).facts) == 2


def test_signed_posts_followed_by_page_tools_are_still_comments():
    text = STORY + POSTS + "\nE-mail this to a friend\n\nPrintable version\n\nTop Business stories now\n"
    assert len(extract_text(text).facts) == 2

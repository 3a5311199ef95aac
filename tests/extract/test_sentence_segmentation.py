"""Sentence boundaries: the news edge-case fixture, quotations, line breaks and over-long runs."""

from __future__ import annotations

import time

import pytest
import yaml
from article_files import FIXTURES

from briefing.extract.segment import MAX_SENTENCE, split_sentences

CASES = yaml.safe_load((FIXTURES / "sentence-edge-cases.yaml").read_text(encoding="utf-8"))["cases"]


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_at_least_18_of_the_20_news_edge_cases_split_as_expected():
    passed = [c["text"] for c in CASES if sentences(c["text"]) == c["sentences"]]
    assert len(CASES) == 20
    assert len(passed) >= 18, f"{len(passed)}/20"


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_each_edge_case_yields_its_sentences(case):
    assert sentences(case["text"]) == case["sentences"]


def test_a_line_break_ends_a_sentence_without_a_full_stop():
    assert sentences("Steel output rose\nImports fell sharply in May.") == [
        "Steel output rose", "Imports fell sharply in May."]


def test_a_quotation_spanning_sentences_stays_one_sentence():
    text = "He said: \u201cThe mill will reopen. We are confident. Work starts soon.\u201d The ministry agreed."
    assert sentences(text) == [text[:text.index(" The ministry")], "The ministry agreed."]


def test_an_unclosed_quotation_does_not_swallow_the_whole_paragraph():
    text = "\u201cThe mill will reopen. " + " ".join(f"Sentence number {i} follows." for i in range(20))
    assert len(sentences(text)) > 10


def test_a_100000_character_line_without_punctuation_is_cut_at_whitespace_quickly():
    text = " ".join(f"word{i % 97}" for i in range(16_000))[:100_000].rstrip()
    started = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - started < 10.0  # a guard against hanging; speed is benchmarked
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in spans)
    rebuilt = " ".join(text[a:b] for a, b in spans)
    assert rebuilt == text  # cut only at single spaces: nothing lost, nothing doubled


def test_a_run_without_any_whitespace_is_cut_hard_at_the_cap():
    spans = split_sentences("x" * 4000)
    assert spans == [(0, MAX_SENTENCE), (MAX_SENTENCE, 2 * MAX_SENTENCE), (2 * MAX_SENTENCE, 4000)]


@pytest.mark.parametrize("text", ["", "   \n\n\t", "\n"])
def test_blank_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_every_non_space_character_belongs_to_exactly_one_sentence():
    text = "  First one.  Second “one.” Third!\n\n  Fourth?   Fifth \u2026 sixth. 7. Eight  "
    spans = split_sentences(text)
    covered = [False] * len(text)
    for a, b in spans:
        for i in range(a, b):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] for i, c in enumerate(text) if not c.isspace())


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks ended on Monday. Dr. J. R. Smith spoke.", ["Talks ended on Monday.", "Dr. J. R. Smith spoke."]),
    ("The board met. Prof. A. B. Jones agreed to chair it.",
     ["The board met.", "Prof. A. B. Jones agreed to chair it."]),
    ("Security was tight. Gen. Asim Munir visited the site on Tuesday.",
     ["Security was tight.", "Gen. Asim Munir visited the site on Tuesday."]),
    ("He met Lt. Col. John Doe on Monday. Maj. Gen. Ali Khan joined later.",
     ["He met Lt. Col. John Doe on Monday.", "Maj. Gen. Ali Khan joined later."]),
    ("ISLAMABAD: Dr. Ayesha Khan met Mr. Smith. Prof. A. B. Jones agreed. Gen. Asim Munir visited.",
     ["ISLAMABAD: Dr. Ayesha Khan met Mr. Smith.", "Prof. A. B. Jones agreed.", "Gen. Asim Munir visited."]),
    ("Talks were held in St. Petersburg. Sen. Warren spoke.", ["Talks were held in St. Petersburg.", "Sen. Warren spoke."]),
], ids=["dr-initials", "prof-initials", "gen", "lt-col-maj-gen", "three-titles", "st-sen"])
def test_a_title_or_initial_stays_with_the_name_it_belongs_to(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He left. Dr. Smith arrived.", ["He left.", "Dr. Smith arrived."]),
    ("Mr. Smith went home. Mrs. Smith stayed.", ["Mr. Smith went home.", "Mrs. Smith stayed."]),
    ("He thanked Mr. Khan. Dr. Smith left.", ["He thanked Mr. Khan.", "Dr. Smith left."]),
    ("(Dr. Khan) said it. Dr. Ali agreed.", ["(Dr. Khan) said it.", "Dr. Ali agreed."]),
    ("A. Khan and B. Ali met. C. Jones did not.", ["A. Khan and B. Ali met.", "C. Jones did not."]),
    ("The talks went on. Gen. Asim Munir visited Kabul.", ["The talks went on.", "Gen. Asim Munir visited Kabul."]),
], ids=["dr", "mrs", "after-a-name", "after-a-bracket", "initial", "gen"])
def test_a_sentence_that_opens_with_a_title_is_split_from_the_one_before(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The code is in Appendix B. The report says so.", ["The code is in Appendix B.", "The report says so."]),
    ("She lives on Elm St. The house is old.", ["She lives on Elm St.", "The house is old."]),
    ("He chose plan B. It failed.", ["He chose plan B.", "It failed."]),
    ("It rose in Jan. Dr. Smith said so.", ["It rose in Jan. Dr. Smith said so."]),
    ("He met Lt. Col. John Doe and Gov. Ali.", ["He met Lt. Col. John Doe and Gov. Ali."]),
    ("Speakers: Dr. A. Khan, Mr. B. Ali and Ms. C. Jones.", ["Speakers: Dr. A. Khan, Mr. B. Ali and Ms. C. Jones."]),
], ids=["appendix-b", "street", "plan-b", "month-abbreviation", "titles-in-a-row", "list-of-names"])
def test_a_sentence_ending_in_a_letter_or_street_is_not_joined_and_abbreviations_are_not_split(text, expected):
    assert sentences(text) == expected

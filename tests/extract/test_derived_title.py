"""An article without a headline gets a short title made from the main clause of its first sentence."""

from __future__ import annotations

import pytest

from briefing.extract.title import MAX_WORDS, derive_title
from briefing.storage.paths import SAMPLE_ARTICLE

SAMPLE_LEAD = SAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n")[0].removeprefix("ISLAMABAD: ")


@pytest.mark.parametrize(("lead", "title"), [
    (SAMPLE_LEAD, "High-level delegation led by SAPM on Industries and Production to visit Russia"),
    ("To revive the mill in Karachi a Russian team will visit in July.", "A Russian team will visit in July"),
    ("To boost exports, the government cut the sales tax on textiles by half.",
     "The government cut the sales tax on textiles by half"),
    ("According to Reuters, the deal was worth \u00a340m.", "The deal was worth \u00a340m"),
    ("According to the Ministry of Industries spokesperson, delegates visited Karachi.", "Delegates visited Karachi"),
    ("On Monday, the cabinet approved the budget.", "The cabinet approved the budget"),
    ("Separately, Pakistan and Russia agreed to form a joint working group.",
     "Pakistan and Russia agreed to form a joint working group"),
    ("The cabinet approved the budget on Tuesday.", "The cabinet approved the budget on Tuesday"),
    ("The State Bank of Pakistan (SBP) kept its policy rate unchanged at 11 percent on Monday, citing "
     "easing inflation and a stable currency.",
     "SBP kept its policy rate unchanged at 11 percent on Monday"),
    ("Exports of cotton yarn, fabric, garments, towels, bedwear and knitwear rose sharply in the first "
     "quarter of the year.", "Exports of cotton yarn, fabric, garments, towels, bedwear and knitwear rose sharply"),
], ids=["sample", "purpose-run-on", "purpose-comma", "according-to", "according-to-a-spokesperson",
        "time-phrase", "connective", "short-sentence", "acronym-and-comma", "list"])
def test_the_title_is_the_main_clause_of_the_lead_cut_at_a_phrase_boundary(lead, title):
    assert derive_title(lead) == title


@pytest.mark.parametrize("lead", [
    SAMPLE_LEAD,
    "Pakistan Russia China Iran Turkey Egypt India Nepal Bhutan Oman Qatar Kuwait Bahrain Yemen Jordan signed.",
    " ".join(["word"] * 400),
    "To be or not to be.",
    "According to him, yes.",
])
def test_a_title_never_runs_past_the_word_cap_nor_comes_out_empty(lead):
    title = derive_title(lead)
    assert 0 < len(title.rstrip("\u2026").split()) <= MAX_WORDS
    assert title == " ".join(title.split())


def test_a_title_cut_inside_a_phrase_ends_with_an_ellipsis():
    title = derive_title("Pakistan Russia China Iran Turkey Egypt India Nepal Bhutan Oman Qatar Kuwait Bahrain Yemen.")
    assert title == "Pakistan Russia China Iran Turkey Egypt India Nepal Bhutan Oman Qatar Kuwait\u2026"

"""Every sentence carrying direct speech is a quote; a few quoted words inside indirect speech are not."""

from __future__ import annotations

import pytest

from briefing.extract.pipeline import extract_text
from briefing.extract.quotes import has_direct_quote


def kinds(text: str) -> list[str]:
    return [f.kind for f in extract_text(text).facts]


@pytest.mark.parametrize("sentence", [
    '"The harbour will stay closed until spring," the port authority said.',
    "\u201cThe harbour will stay closed until spring,\u201d the port authority said.",
    'The mayor said: "We have no money left for the bridge."',
    "The mayor told councillors: \u201cWe have no money left for the bridge.",  # continues in the next paragraph
    '"We have no money left for the bridge."',  # a quotation standing on its own
    "\u201cWho pays for the bridge?\u201d asked the mayor.",
    "Yet the mayor has changed her mind once \u2014 \u201cI now see it differently,\u201d she said.",
    '"We tried everything," Jo Bloggs, a ferry captain from Hull, has written.',
    "The river rose by a metre overnight and the pumps failed.\u201d",  # closes a quotation opened before
])
def test_direct_speech_is_a_quote(sentence):
    assert has_direct_quote(sentence)


@pytest.mark.parametrize("sentence", [
    'The mayor said the bridge was "a waste of public money".',
    "The mayor said the plan was \u201cdead in the water\u201d and would be dropped.",
    "While farmers chanted \u201cSave Our Fields\u201d outside, the council voted on the budget.",
    "The minister called the tax \u201cunfair\u201d.",
    "The river rose by a metre overnight.",
])
def test_a_few_quoted_words_in_indirect_speech_are_not_direct_speech(sentence):
    assert not has_direct_quote(sentence)


def test_a_mixed_quote_keeps_the_kind_of_its_content():
    assert kinds('The council said it had approved "the biggest budget in its history".') == ["decision"]


def test_quotations_spanning_sentences_and_paragraphs_are_quotes_throughout():
    text = ('The mayor said: "We have no money left. The bridge must wait.\n\n'
            '"Next year we will look again at the whole plan."\n\n'
            "The council then moved on to parking.")
    assert kinds(text) == ["quote", "quote", "statement"]

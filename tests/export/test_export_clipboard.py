"""Copy Brief and copy one fact: HTML and plain text in the brief's citation style, read back through Qt's
clipboard the way a mail program receives them."""

from __future__ import annotations

import re

import pytest
from export_helpers import make_brief, make_extraction, make_template

from briefing.core.errors import BriefError
from briefing.export.citations import CitationOptions
from briefing.export.clipboard import brief_clipboard, placement_clipboard

WEB = "https://news.example/mill?a=1&b=2"


@pytest.fixture
def brief():
    brief = make_brief(make_template({"status": "numbered"}))
    web = make_extraction("Mill workers met the board. Wages will be paid in May.", acronyms={},
                          publisher="Daily Ledger", title="Mill board meets", published="2025-07-02", path=WEB)
    brief.add_extraction(web)
    brief.place([brief.facts[1].id], "purpose")
    brief.place([brief.facts[2].id, brief.facts[4].id], "status")
    brief.place([web.facts[1].id], "next")
    brief.set_note(brief.sections[0].placements[0].id, "Check with the ministry.")
    return brief


def _through_qt_clipboard(content) -> tuple[str, str]:
    """What a program pasting from the clipboard gets: (HTML, plain text)."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    mime = QMimeData()
    mime.setHtml(content.html)
    mime.setText(content.text)
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(mime)
    pasted = clipboard.mimeData()
    return pasted.html(), pasted.text()


def test_copy_brief_reads_back_from_the_clipboard_as_html_and_plain_text(brief, qapp):
    from PySide6.QtGui import QTextDocument

    content = brief_clipboard(brief)
    html, text = _through_qt_clipboard(content)
    assert (html, text) == (content.html, content.text)
    shown = QTextDocument()
    shown.setHtml(html)
    rendered = shown.toPlainText().replace("\u00a0", " ")
    for line in text.replace("\u00a0", " ").split("\n"):
        words = re.sub(r"^(\u2022 |\d+\. )", "", line)  # Qt draws bullets and numbers, it does not write them
        if words not in rendered:  # a header row: label and value in two table cells
            label, value = words.split(": ", 1)
            assert f"{label}\n{value}" in rendered, line


def test_the_plain_text_writes_out_headings_bullets_and_list_numbers(brief):
    text = brief_clipboard(brief).text
    purpose, status = brief.sections[0].placements[0], brief.sections[2].placements
    assert f"Purpose\n\u2022 {brief.wording(purpose)}\u00a0[1]\n" in text
    assert (f"Current status\n1. {brief.wording(status[0])}\u00a0[1]\n2. {brief.wording(status[1])}\u00a0[1]\n"
            in text)
    assert text.startswith("OFFICIAL\n\nBriefing note") and text.endswith("\n\nOFFICIAL\n")
    assert "To: Minister of Industries" in text
    assert "\n\nSources\n[1] Business Recorder" in text and WEB in text


def test_the_html_has_lists_and_live_links_but_nothing_only_the_analyst_sees(brief):
    html = brief_clipboard(brief).html
    assert "<ul" in html and "<ol" in html
    assert f'<a href="{WEB.replace("&", "&amp;")}">' in html
    assert "Set out the options with pros and cons." not in html  # an empty section's guidance
    assert "background-color" not in html and '<a name="' not in html


def test_copy_brief_cites_in_the_style_it_is_given(brief):
    footnotes = brief_clipboard(brief, CitationOptions("footnotes")).text
    assert f"{brief.wording(brief.sections[0].placements[0])}\u00b9" in footnotes
    assert "\n\nNotes\n\u00b9 Business Recorder" in footnotes and "\n\u2074 Daily Ledger" in footnotes
    author_date = brief_clipboard(brief, CitationOptions("author-date", sources_section=False))
    assert "\u00a0(Daily Ledger, 2 July 2025)" in author_date.text and "Sources" not in author_date.text
    assert "<sup>1</sup>" in brief_clipboard(brief, CitationOptions("footnotes")).html


@pytest.mark.parametrize("style, text", [
    ("numbered", "Wages will be paid in May.\u00a0[1]\n[1] Daily Ledger, \u201cMill board meets\u201d, Islamabad, "
                 f"2025-07-02, URL: {WEB}."),
    ("footnotes", "Wages will be paid in May.\u00b9\n\u00b9 Daily Ledger, \u201cMill board meets\u201d, Islamabad, "
                  f"2025-07-02, URL: {WEB}."),
    ("author-date", "Wages will be paid in May.\u00a0(Daily Ledger, 2 July 2025)\nDaily Ledger, \u201cMill board "
                    f"meets\u201d, Islamabad, 2025-07-02, URL: {WEB}."),
])
def test_one_placed_fact_copies_with_its_citation_complete_and_numbered_from_one(brief, qapp, style, text):
    placement = brief.sections[4].placements[0]
    content = placement_clipboard(brief, placement.id, CitationOptions(style))
    assert _through_qt_clipboard(content)[1] == text
    assert f'<a href="{WEB.replace("&", "&amp;")}">' in content.html


def test_copying_a_placement_the_brief_does_not_hold_is_a_brief_error(brief):
    with pytest.raises(BriefError):
        placement_clipboard(brief, "p-gone")

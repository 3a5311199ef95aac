"""The HTML preview reads like the Word brief, stays inside Qt's rich-text subset, and is fast."""

from __future__ import annotations

import pytest
from export_helpers import make_brief, make_extraction, make_template

from briefing.export.preview import brief_to_html
from briefing.export.text import brief_to_text


@pytest.fixture
def brief():
    template = make_template({"status": "numbered", "next": "paragraphs"})
    template.sections[3].min = 1  # Options, left empty: kept because the template requires it
    brief = make_brief(template)
    brief.place([brief.facts[1].id], "purpose")
    brief.place([brief.facts[2].id, brief.facts[0].id], "status")
    brief.place([brief.facts[4].id], "next")
    quote = brief.place([brief.facts[3].id], "background")[0]
    brief.set_note(quote.id, "Check the date.")
    brief.set_section_text("next", "First line\nsecond line.\n\nA <tagged> & 'quoted' paragraph.")
    return brief


@pytest.mark.parametrize("fragment", [
    '<p align="center" style="color:#595959; font-size:9pt; font-weight:bold">OFFICIAL</p>',
    "Briefing note: Pakistan\u2013Russia steel talks</p>",
    '<tr><td width="25%" style="white-space:nowrap"><b>To</b></td><td>Minister of Industries</td></tr>',
    '<a name="section-purpose"></a>Purpose</h2>',
    '<ul style="margin-top:0px; margin-bottom:4px">',
    '<ol style="margin-top:0px; margin-bottom:4px">',
    "&nbsp;[1]</li>",
    "<p>First line<br/>second line.</p>",
    "<p>A &lt;tagged&gt; &amp; 'quoted' paragraph.</p>",
    '<p style="color:#808080; font-style:italic">Set out the options with pros and cons.</p>',
    '<span style="background-color:#fbeec1">\u201cPakistan is a secure',
    "<p><b>PSM</b> \u2014 Pakistan Steel Mills</p>",
    "<p>[1] Business Recorder, \u201cSAPM-led delegation to visit Russia\u201d",
])
def test_the_preview_shows_each_part_of_the_brief(brief, fragment):
    assert fragment in brief_to_html(brief)


def test_a_web_source_is_a_link_in_the_preview():
    brief = make_brief(extraction=make_extraction("Russia agreed.", acronyms={}, path="https://x.example/?a=1&b=2"))
    assert '<a href="https://x.example/?a=1&amp;b=2">https://x.example/?a=1&amp;b=2</a>.</p>' in brief_to_html(brief)


def test_facts_in_a_paragraph_section_are_paragraphs_not_list_items(brief):
    html = brief_to_html(brief)
    next_steps = html[html.index('name="section-next"'):html.index('name="abbreviations"')]
    assert "<li" not in next_steps and next_steps.count("<p>") == 3


def test_qt_renders_the_preview_with_every_line_of_the_brief(brief, qtbot):
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(brief_to_html(brief))
    shown = document.toPlainText().replace("\u00a0", " ").replace("\u2028", "\n")
    for line in brief_to_text(brief).replace("\u00a0", " ").split("\n"):
        for part in line.split("\t"):
            assert part in shown


def _large_brief(placements: int = 1000):
    brief = make_brief(make_template({"status": "numbered", "next": "paragraphs"}))
    ids = [f.id for f in brief.facts]
    sections = [s.id for s in brief.sections]
    for k in range(placements):
        placement = brief.place([ids[k % len(ids)]], sections[k % len(sections)])[0]
        if k % 7 == 0:
            brief.reword(placement.id, f"Reworded fact number {k} about the PSM revival.")
    return brief


def test_the_preview_of_a_thousand_placements_cites_every_one():
    brief = _large_brief()
    assert brief_to_html(brief).count("&nbsp;[1]") == 1000

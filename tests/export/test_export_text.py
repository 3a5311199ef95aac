"""Plain text in reading order, and the promise that the Word body says exactly that (property-tested)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
import pytest
from export_helpers import docx_text, make_brief, make_extraction, make_template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.brief import Brief, Placement, Section
from briefing.core.errors import ExportError
from briefing.export.clean import clean_text
from briefing.export.docx import export_docx
from briefing.export.text import brief_to_text


def test_the_text_reads_title_metadata_sections_abbreviations_then_sources():
    brief = make_brief(make_template({"status": "numbered"}))
    facts = brief.facts
    brief.place([facts[0].id], "purpose")
    brief.place([facts[2].id, facts[1].id], "status")
    brief.set_section_text("next", "Prepare talking points.")
    source = brief.extractions[facts[0].source_id].source
    assert brief_to_text(brief).split("\n") == [
        "Briefing note: Pakistan\u2013Russia steel talks",
        "To\tMinister of Industries", "From\tIndustrial Policy Unit", "Date\t2025-07-01",
        "Subject\tReviving PSM", "Classification\tOfficial",
        "Purpose", facts[0].text + "\u00a0[1]",
        "Current status", facts[2].text + "\u00a0[1]", facts[1].text + "\u00a0[1]",
        "Next steps", "Prepare talking points.",
        "Abbreviations", "PSM \u2014 Pakistan Steel Mills", "SAPM \u2014 Special Assistant to the Prime Minister",
        "Sources", "[1] " + source.citation(),
    ]


def test_an_empty_brief_exports_as_just_a_title(tmp_path):
    path = export_docx(Brief(), tmp_path / "empty.docx")
    assert docx_text(path) == brief_to_text(Brief()) == "Brief"


def test_a_placement_of_a_fact_the_brief_lost_is_an_export_error_not_a_crash(tmp_path):
    brief = Brief(sections=[Section(id="s", title="S", placements=[Placement(id="p1", fact_id="f-gone")])])
    with pytest.raises(ExportError, match="no longer holds"):
        export_docx(brief, tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


def test_the_word_body_says_what_the_text_says(tmp_path):
    brief = make_brief()
    brief.place([f.id for f in brief.facts], "status")
    brief.reword(brief.sections[2].placements[0].id, "Reworded\twith a tab\nand a line break ")
    assert docx_text(export_docx(brief, tmp_path / "b.docx")) == brief_to_text(brief)


@pytest.mark.parametrize("dirty, clean", [
    ("a\x00b\x01c\x08d\x0be\x0cf\x1fg", "abcdefg"),
    ("lone \ud800 surrogate \udfff", "lone  surrogate "),
    ("non-characters \ufffe\uffff", "non-characters "),
    ("windows\r\nold mac\rend", "windows\nold mac\nend"),
    ("kept: tab\t, emoji \U0001f600, arabic \u0645, nbsp\u00a0", "kept: tab\t, emoji \U0001f600, arabic \u0645, nbsp\u00a0"),
])
def test_characters_word_forbids_are_removed_and_the_rest_kept(tmp_path, dirty, clean):
    assert clean_text(dirty) == clean
    brief = make_brief(metadata={"title": "T", "to": dirty})
    placement = brief.place([brief.facts[1].id], "status")[0]
    brief.reword(placement.id, "x " + dirty + " y")
    brief.set_note(placement.id, dirty)
    brief.set_section_text("options", dirty)
    path = export_docx(brief, tmp_path / "b.docx")
    text = docx_text(path)
    assert f"x {clean} y\u00a0[1]" in text
    assert any(c.text.startswith("Note: ") for c in docx.Document(str(path)).comments)


# ---------------------------------------------------------------------------- property test
NASTY = st.sampled_from(["\x00", "\x0b", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff", "\r", "\r\n", "\t",
                         "\n", "\n\n", " ", "\u00a0", "\u2028", "\u202e", "<w:t>", "&amp;", "]]>", "\U0001f600"])
ANY_TEXT = st.lists(st.one_of(st.text(st.characters(exclude_categories=()), max_size=12), NASTY),
                    max_size=6).map("".join)
SECTIONS = ["purpose", "background", "status", "options", "next"]


@st.composite
def briefs(draw):
    layouts = {s: draw(st.sampled_from(["bullets", "numbered", "paragraphs"])) for s in SECTIONS}
    metadata = draw(st.dictionaries(st.sampled_from(["title", "to", "from", "date", "subject", "classification",
                                                     "extra_field"]), ANY_TEXT, max_size=7))
    brief = make_brief(make_template(layouts), metadata=metadata)
    if draw(st.booleans()):
        brief.add_extraction(make_extraction("Second source. It says PSM matters.", publisher=draw(ANY_TEXT),
                                             path="https://example.org/" + draw(ANY_TEXT)))
    for _ in range(draw(st.integers(0, 12))):
        fact = draw(st.sampled_from(brief.facts))
        placement = brief.place([fact.id], draw(st.sampled_from(SECTIONS)))[0]
        if draw(st.booleans()):
            brief.reword(placement.id, draw(ANY_TEXT))
        if draw(st.booleans()):
            brief.set_note(placement.id, draw(ANY_TEXT))
    for section in SECTIONS:
        if draw(st.booleans()):
            brief.set_section_text(section, draw(ANY_TEXT))
    return brief


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_any_brief_exports_to_a_docx_whose_text_is_the_briefs_text(brief):
    """docx body text (paragraphs, then table rows as TAB-joined cells, joined by LF) equals
    ``brief_to_text`` with Word-forbidden characters removed and CR/CRLF read as LF."""
    with tempfile.TemporaryDirectory() as folder:
        path = export_docx(brief, Path(folder) / "brief.docx")
        assert docx_text(path) == clean_text(brief_to_text(brief))
        document = docx.Document(str(path))
        for comment in document.comments:
            assert comment.text == clean_text(comment.text)

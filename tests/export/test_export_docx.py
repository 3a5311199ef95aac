"""The Word brief read back with python-docx: real styles, metadata block, cited facts, comments, furniture."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from export_helpers import (
    anchored_comments,
    body_paragraphs,
    docx_text,
    make_brief,
    make_extraction,
    make_template,
)

from briefing.export.docx import export_docx


def _export(brief, tmp_path: Path, **kwargs) -> Path:
    return export_docx(brief, tmp_path / "brief.docx", **kwargs)


def _facts(brief):
    return {f.text.split()[0].strip("\u201c"): f for f in brief.facts}


def _fact_comments(path: Path) -> list[tuple[str, str, str]]:
    return [c for c in anchored_comments(path) if not c[1].startswith("Empty section")]


def test_the_title_paragraph_holds_the_metadata_title(tmp_path):
    paragraphs = body_paragraphs(_export(make_brief(), tmp_path))
    assert paragraphs[0] == ("Title", "Briefing note: Pakistan\u2013Russia steel talks")


@pytest.mark.parametrize("metadata, rows", [
    ({"title": "T", "classification": "Secret", "subject": "S", "to": "Minister", "from": "Unit", "date": "2025"},
     [("To", "Minister"), ("From", "Unit"), ("Date", "2025"), ("Subject", "S"), ("Classification", "Secret")]),
    ({"title": "T", "to": "Minister", "date": ""}, [("To", "Minister")]),
    ({"title": "T", "from": "Unit", "action_by": "Friday"}, [("From", "Unit"), ("Action by", "Friday")]),
])
def test_the_metadata_block_shows_only_filled_fields_in_a_sensible_order(tmp_path, metadata, rows):
    document = docx.Document(str(_export(make_brief(metadata=metadata), tmp_path)))
    table = document.tables[0]
    assert [(r.cells[0].text, r.cells[1].text) for r in table.rows] == rows
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold


def test_a_brief_without_metadata_has_no_table_and_a_default_title(tmp_path):
    document = docx.Document(str(_export(make_brief(metadata={}), tmp_path)))
    assert document.tables == []
    assert document.paragraphs[0].text == "Brief"


def test_sections_are_headings_in_template_order_and_empty_ones_are_left_out(tmp_path):
    brief = make_brief()
    brief.place([brief.facts[1].id], "status")
    brief.place([brief.facts[4].id], "purpose")
    brief.set_section_text("next", "We will report back.")
    headings = [t for s, t in body_paragraphs(_export(brief, tmp_path)) if s == "Heading 1"]
    assert headings == ["Purpose", "Current status", "Next steps", "Abbreviations", "Sources"]


@pytest.mark.parametrize("layout, style", [("bullets", "List Bullet"), ("numbered", "List Number"),
                                           ("paragraphs", "Normal")])
def test_placed_facts_take_the_style_of_their_section_layout(tmp_path, layout, style):
    brief = make_brief(make_template({"status": layout}))
    brief.place([brief.facts[1].id, brief.facts[2].id], "status")
    paragraphs = body_paragraphs(_export(brief, tmp_path))
    start = paragraphs.index(("Heading 1", "Current status"))
    assert paragraphs[start + 1] == (style, brief.facts[1].text + "\u00a0[1]")
    assert paragraphs[start + 2] == (style, brief.facts[2].text + "\u00a0[1]")


def test_each_numbered_section_starts_again_at_one(tmp_path):
    brief = make_brief(make_template({"status": "numbered", "next": "numbered"}))
    brief.place([brief.facts[1].id, brief.facts[2].id], "status")
    brief.place([brief.facts[4].id], "next")
    document = docx.Document(str(_export(brief, tmp_path)))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2]
    numbering = document.part.numbering_part.element
    for num_id in (num_ids[0], num_ids[2]):
        start = numbering.num_having_numId(num_id).find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start.get(qn("w:val")) == "1"


def test_the_analysts_paragraphs_follow_the_facts_split_on_blank_lines(tmp_path):
    brief = make_brief()
    brief.place([brief.facts[1].id], "options")
    brief.set_section_text("options", "Option A: revive the mill.\nCost unknown.\n\n  \n\nOption B: build anew.")
    paragraphs = body_paragraphs(_export(brief, tmp_path))
    start = paragraphs.index(("Heading 1", "Options"))
    assert paragraphs[start + 1:start + 4] == [
        ("List Bullet", brief.facts[1].text + "\u00a0[1]"),
        ("Normal", "Option A: revive the mill.\nCost unknown."),
        ("Normal", "Option B: build anew."),
    ]


def test_a_reworded_fact_reads_as_reworded_and_keeps_the_original_in_a_comment(tmp_path):
    brief = make_brief()
    fact = brief.facts[2]
    placement = brief.place([fact.id], "status")[0]
    brief.reword(placement.id, "Both sides will set up a joint working group.")
    path = _export(brief, tmp_path)
    assert "Both sides will set up a joint working group.\u00a0[1]" in docx_text(path)
    assert fact.text not in docx_text(path)
    assert _fact_comments(path) == [("Briefing", f"Original wording: {fact.text}",
                                        "Both sides will set up a joint working group.")]
    assert {c.initials for c in docx.Document(str(path)).comments} == {"BR"}


def test_a_placement_note_becomes_a_comment_by_the_author_of_the_brief(tmp_path):
    brief = make_brief()
    placement = brief.place([brief.facts[2].id], "status")[0]
    brief.set_note(placement.id, "Confirm with the embassy.")
    assert _fact_comments(_export(brief, tmp_path)) == [
        ("Industrial Policy Unit", "Note: Confirm with the embassy.", brief.facts[2].text)]


def test_an_empty_required_section_stays_with_its_guidance_in_a_comment_on_its_heading(tmp_path):
    template = make_template()
    template.sections[3].min = 1  # Options: the template asks for at least one fact
    brief = make_brief(template)
    comments = anchored_comments(_export(brief, tmp_path))
    assert ("Briefing", "Empty section. Guidance: Set out the options with pros and cons.", "Options") in comments
    assert "Set out the options" not in docx_text(_export(brief, tmp_path))
    headings = [t for s, t in body_paragraphs(_export(brief, tmp_path)) if s == "Heading 1"]
    assert "Options" in headings and "Purpose" not in headings


@pytest.mark.parametrize("wording, speaker, shown", [
    ("Pakistan is open for business.", "Haroon Akhtar Khan",
     "\u201cPakistan is open for business.\u201d \u2014 Haroon Akhtar Khan"),
    ("\u201cPakistan is a secure and thriving hub for investment,\u201d said Khan.", "Haroon Akhtar Khan",
     "\u201cPakistan is a secure and thriving hub for investment,\u201d said Khan."),
    ("\u201cPakistan is open,\u201d an official said.", "Haroon Akhtar Khan",
     "\u201cPakistan is open,\u201d an official said. \u2014 Haroon Akhtar Khan"),
    ("Pakistan is open for business.", "", "\u201cPakistan is open for business.\u201d"),
])
def test_a_quote_is_in_quotation_marks_with_its_speaker(tmp_path, wording, speaker, shown):
    brief = make_brief()
    fact = next(f for f in brief.facts if f.text == wording or f.text.startswith("\u201c"))
    fact.kind, fact.speaker = "quote", speaker
    placement = brief.place([fact.id], "status")[0]
    brief.reword(placement.id, wording)
    assert f"{shown}\u00a0[1]" in docx_text(_export(brief, tmp_path)).split("\n")


def test_the_citation_marker_is_a_run_of_its_own_pointing_into_sources(tmp_path):
    first, second = make_extraction(), make_extraction(
        "MOSCOW: Russia welcomed the delegation. Talks begin on Monday.", acronyms={},
        publisher="TASS", title="Russia welcomes delegation", path="https://tass.example/a")
    uncited = make_extraction("KARACHI: The mill has been closed since 2015.", acronyms={}, publisher="Dawn",
                              title="Mill idle", path="")
    brief = make_brief(extraction=first)
    brief.add_extraction(second)
    brief.add_extraction(uncited)
    brief.place([second.facts[0].id], "purpose")
    brief.place([first.facts[1].id], "status")
    path = _export(brief, tmp_path)
    document = docx.Document(str(path))
    cited = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert [p.runs[-1].text for p in cited] == ["\u00a0[1]", "\u00a0[2]"]
    assert [p.runs[0].text for p in cited] == [second.facts[0].text, first.facts[1].text]
    lines = docx_text(path).split("\n")
    assert lines[lines.index("Sources") + 1:] == [
        "[1] " + second.source.citation(),
        "[2] " + first.source.citation(),
        "[3] " + uncited.source.citation(),
    ]


def test_a_web_source_links_its_address_in_sources(tmp_path):
    web = make_extraction("MOSCOW: Russia welcomed the delegation.", acronyms={}, path="https://tass.example/a?b=1")
    brief = make_brief(extraction=web)
    document = docx.Document(str(_export(brief, tmp_path)))
    entry = document.paragraphs[-1]
    assert entry.text == "[1] " + web.source.citation()
    assert [(h.address, h.text) for h in entry.hyperlinks] == [("https://tass.example/a?b=1",
                                                                "https://tass.example/a?b=1")]


def test_abbreviations_list_only_the_acronyms_the_brief_uses(tmp_path):
    brief = make_brief(metadata={"title": "Note", "subject": "The SAPM visit"})
    brief.place([brief.facts[1].id], "status")  # mentions PSM; FDI appears only in an unplaced fact
    lines = docx_text(_export(brief, tmp_path)).split("\n")
    start = lines.index("Abbreviations")
    assert lines[start + 1:start + 3] == ["PSM \u2014 Pakistan Steel Mills",
                                          "SAPM \u2014 Special Assistant to the Prime Minister"]
    assert not any(line.startswith("FDI") for line in lines)


def test_a_brief_that_uses_no_acronym_has_no_abbreviations_section(tmp_path):
    brief = make_brief(metadata={"title": "Note"})
    brief.place([brief.facts[2].id], "status")
    assert "Abbreviations" not in docx_text(_export(brief, tmp_path)).split("\n")


def test_the_classification_marks_header_and_footer_and_the_footer_numbers_pages(tmp_path):
    document = docx.Document(str(_export(make_brief(), tmp_path)))
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["OFFICIAL"]
    assert [p.text for p in section.footer.paragraphs][0] == "OFFICIAL"
    instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_a_brief_without_classification_still_numbers_its_pages(tmp_path):
    metadata = {"title": "Note"}
    document = docx.Document(str(_export(make_brief(metadata=metadata), tmp_path)))
    assert [p.text for p in document.sections[0].header.paragraphs] == [""]
    assert "PAGE" in [t.text.strip() for t in document.sections[0].footer._element.iter(qn("w:instrText"))]


def test_core_properties_describe_the_brief(tmp_path):
    brief = make_brief()
    brief.place([brief.facts[1].id], "status")
    props = docx.Document(str(_export(brief, tmp_path))).core_properties
    assert (props.title, props.author, props.subject) == (
        "Briefing note: Pakistan\u2013Russia steel talks", "Industrial Policy Unit", "Reviving PSM")
    assert props.keywords.split("; ") == ["Pakistan Steel Mills", "PSM"]
    assert "1 source" in props.comments


def test_without_a_from_field_the_author_is_briefing(tmp_path):
    props = docx.Document(str(_export(make_brief(metadata={"title": "x"}), tmp_path))).core_properties
    assert props.author == "Briefing"


def test_an_overlong_title_is_shortened_only_in_the_properties(tmp_path):
    title = "Very long title " * 30
    path = _export(make_brief(metadata={"title": title}), tmp_path)
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == title.strip()
    assert len(document.core_properties.title) == 255


def test_the_default_house_style_is_a4_arial_with_sized_headings(tmp_path):
    document = docx.Document(str(_export(make_brief(), tmp_path)))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    styles = document.styles
    assert styles["Normal"].font.name == "Arial"
    assert [styles[n].font.size for n in ("Normal", "Title", "Heading 1")] == [Pt(11), Pt(20), Pt(14)]
    assert styles["Heading 1"].font.bold

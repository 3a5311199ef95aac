"""What corroboration adds to the Word brief: every source cited, conflicts as comments, timeline tables."""

from __future__ import annotations

import docx
from export_helpers import anchored_comments, body_paragraphs, docx_text

from briefing.export.docx import export_docx
from briefing.export.text import brief_to_text
from tests.corroborate.stories import GAZETTE, WIRE, fact_starting, story_brief


def test_a_placed_fact_that_three_sources_report_cites_all_three(tmp_path):
    brief = story_brief()
    brief.place([fact_starting(brief, GAZETTE, "Port commissioners")], "key-findings")
    path = export_docx(brief, tmp_path / "brief.docx")
    line = next(text for style, text in body_paragraphs(path) if text.startswith("Port commissioners"))
    assert line.endswith("\u00a0[1, 2, 3]")


def test_a_placed_conflict_carries_a_comment_listing_each_variant_with_its_source(tmp_path):
    brief = story_brief()
    brief.place([fact_starting(brief, GAZETTE, "The expansion will bring")], "key-findings")
    path = export_docx(brief, tmp_path / "brief.docx")
    comments = [c for _author, c, anchor in anchored_comments(path) if anchor.startswith("The expansion will bring")]
    assert len(comments) == 1
    lines = comments[0].split("\n")
    assert "disagree on a figure" in lines[0]
    assert any(line.startswith("1,200") and "[" in line for line in lines[1:])
    assert any(line.startswith("1,500") and "[" in line for line in lines[1:])


def test_a_fact_no_other_source_reports_keeps_a_single_citation_and_no_conflict_comment(tmp_path):
    brief = story_brief()
    brief.place([fact_starting(brief, GAZETTE, "The town's bakery")], "key-findings")
    path = export_docx(brief, tmp_path / "brief.docx")
    line = next(text for _style, text in body_paragraphs(path) if text.startswith("The town's bakery"))
    assert line.endswith("\u00a0[1]")
    assert not [c for _a, c, anchor in anchored_comments(path) if anchor.startswith("The town's bakery")]


def test_a_timeline_section_is_a_table_of_date_event_and_sources_in_date_order(tmp_path):
    brief = story_brief()
    quay = fact_starting(brief, GAZETTE, "Construction of the quay")
    vote = fact_starting(brief, WIRE, "The Kestrel Bay Port Authority")  # "on Tuesday": resolved or undated
    bakery = fact_starting(brief, GAZETTE, "The town's bakery")
    brief.place([quay, bakery, vote], "timeline")
    path = export_docx(brief, tmp_path / "brief.docx")
    tables = docx.Document(str(path)).tables
    table = next(t for t in tables if [c.text for c in t.rows[0].cells] == ["Date", "Event", "Sources"])
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == 3
    dated = [r for r in rows if r[0] != "undated"]
    assert any(r[0] == "March 3, 2026" and r[1].startswith("Construction of the quay") and r[2] == "[1, 2]"
               for r in dated)
    bakery_row = next(r for r in rows if r[1].startswith("The town's bakery"))
    assert bakery_row[0] == "undated" and rows.index(bakery_row) >= len(dated)  # undated after dated
    assert "March 3, 2026\tConstruction of the quay" in docx_text(path)


def test_the_text_export_shows_the_same_citations_and_dates():
    brief = story_brief()
    brief.place([fact_starting(brief, GAZETTE, "Construction of the quay")], "timeline")
    text = brief_to_text(brief)
    assert "March 3, 2026\tConstruction of the quay starts on March 3, 2026, officials said.\u00a0[1, 2]" in text

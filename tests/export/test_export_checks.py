"""What an export leaves out or lacks: Unplaced and empty sections never reach the reader, required ones stay, and
cited sources without publisher or date are named first (the app's dialog and the CLI's stderr line)."""

from __future__ import annotations

import os
import subprocess
import sys

from export_helpers import body_paragraphs, docx_text, make_brief, make_template

from briefing.core.section import UNPLACED_ID
from briefing.core.template import SectionSpec
from briefing.export.checks import export_report
from briefing.export.docx import export_docx
from briefing.storage.brief_file import load_brief, save_brief


def _switched(brief):
    """``brief`` switched to a template without "next": its fact and text wait in Unplaced."""
    other = make_template()
    other.sections = [s for s in other.sections if s.id != "next"]
    brief.apply_template(other)
    return brief


def test_what_waits_in_unplaced_is_reported_and_never_exported(tmp_path):
    brief = make_brief()
    brief.place([brief.facts[1].id], "status")
    brief.place([brief.facts[4].id], "next")
    brief.set_section_text("next", "We will report back by Friday.")
    _switched(brief)
    assert brief.sections[-1].id == UNPLACED_ID
    report = export_report(brief)
    assert report.unplaced[0].startswith("a fact (") and report.unplaced[1] == "the text of Next steps"
    text = docx_text(export_docx(brief, tmp_path / "b.docx"))
    assert "Unplaced" not in text and "report back" not in text and brief.facts[4].text not in text
    assert brief.facts[1].text in text


def test_empty_sections_are_left_out_and_required_ones_kept_and_both_reported(tmp_path):
    template = make_template()
    template.sections[0].min = 1  # Purpose is required
    brief = make_brief(template)
    brief.place([brief.facts[1].id], "status")
    report = export_report(brief)
    assert report.empty_required == ("Purpose",)
    assert report.empty_left_out == ("Background", "Options", "Next steps")
    headings = [t for s, t in body_paragraphs(export_docx(brief, tmp_path / "b.docx")) if s == "Heading 1"]
    assert headings[:2] == ["Purpose", "Current status"] and "Options" not in headings


def test_a_cited_source_without_publisher_or_date_is_named(tmp_path):
    brief = make_brief()
    brief.place([brief.facts[1].id], "status")
    source = next(iter(brief.extractions.values())).source
    assert not export_report(brief).sources_lacking
    source.publisher, source.published = "", ""
    (lacking,) = export_report(brief).sources_lacking
    assert lacking.endswith(": no publisher, no date") and lacking.startswith(source.title[:20])


def test_a_brief_with_nothing_to_say_has_an_empty_report():
    template = make_template()
    template.sections = [SectionSpec(id="status", title="Current status")]
    brief = make_brief(template)
    brief.place([brief.facts[1].id], "status")
    assert not export_report(brief) and export_report(brief).lines() == []


def test_the_command_line_says_what_it_left_out_in_one_stderr_line(tmp_path):
    brief = make_brief()
    brief.place([brief.facts[1].id], "status")
    brief.place([brief.facts[4].id], "next")
    _switched(brief)
    save_brief(brief, tmp_path / "b.brief.yaml")
    assert load_brief(tmp_path / "b.brief.yaml").sections[-1].placements  # Unplaced survives a save
    result = subprocess.run([sys.executable, "-m", "briefing", "export", str(tmp_path / "b.brief.yaml"), "--out",
                             str(tmp_path / "b.docx")], capture_output=True, text=True, env=dict(os.environ),
                            timeout=180)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: warning: Left out, waiting in Unplaced: a fact")
    assert "Unplaced" not in docx_text(tmp_path / "b.docx")


def test_held_text_survives_saving_and_reopening(tmp_path):
    brief = make_brief()
    brief.set_section_text("next", "Line one.\n\nLine two.")
    _switched(brief)
    save_brief(brief, tmp_path / "b.brief.yaml")
    again = load_brief(tmp_path / "b.brief.yaml")
    assert again == brief and again.sections[-1].held[0].text == "Line one.\n\nLine two."

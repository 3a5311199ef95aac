"""Each citation style read back from the .docx: markers, genuine footnotes with their ids and text, live links."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from export_helpers import (
    body_paragraphs,
    docx_text,
    make_brief,
    make_extraction,
    make_template,
)
from lxml import etree

from briefing.core.errors import ExportError
from briefing.export import citations
from briefing.export.docx import export_docx
from briefing.export.text import brief_to_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WEB = "https://news.example/steel?id=7&lang=en"


def _brief():
    """Two sources, the second from the web: two facts of the first in Current status, one of the second in
    Next steps."""
    brief = make_brief()
    web = make_extraction("Mill workers met the board. Wages will be paid in May.", acronyms={},
                          publisher="Daily Ledger", title="Mill board meets", published="2025-07-02", path=WEB)
    brief.add_extraction(web)
    first, second = brief.extractions.values()
    brief.place([first.facts[1].id, first.facts[2].id], "status")
    brief.place([second.facts[1].id], "next")
    return brief


def _export(brief, tmp_path: Path, **kwargs) -> Path:
    return export_docx(brief, tmp_path / "brief.docx", **kwargs)


def _footnotes(path: Path) -> dict[str, tuple[str, str]]:
    """Footnote id -> (type, text) as stored in word/footnotes.xml."""
    document = docx.Document(str(path))
    (rel,) = [r for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES]
    root = etree.fromstring(rel.target_part.blob)
    return {n.get(qn("w:id")): (n.get(qn("w:type")) or "normal", "".join(t.text or "" for t in n.iter(qn("w:t"))))
            for n in root.iterchildren(qn("w:footnote"))}


def _references(path: Path) -> list[tuple[str, str]]:
    """(text of the paragraph, footnote id) for every footnote reference in the body, in order."""
    document = docx.Document(str(path))
    return [(p.text, r.get(qn("w:id"))) for p in document.paragraphs
            for r in p._p.iter(qn("w:footnoteReference"))]


def _links(part) -> list[tuple[str, str]]:
    """(link text, target) of every hyperlink in a part, in order."""
    root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
    return [("".join(t.text or "" for t in h.iter(qn("w:t"))), part.rels[h.get(qn("r:id"))].target_ref)
            for h in root.iter(qn("w:hyperlink"))]


def test_numbered_is_the_default_and_cites_each_fact_with_its_sources_number(tmp_path):
    brief = _brief()
    path = _export(brief, tmp_path)
    text = docx_text(path).split("\n")
    first, second = brief.extractions.values()
    assert first.facts[1].text + "\u00a0[1]" in text
    assert second.facts[1].text + "\u00a0[2]" in text
    assert text[-2:] == ["[1] " + first.source.citation(), "[2] " + second.source.citation()]


def test_footnotes_are_genuine_word_footnotes_one_per_placed_fact(tmp_path):
    brief = _brief()
    path = _export(brief, tmp_path, citations="footnotes")
    notes = _footnotes(path)
    assert notes["-1"][0] == "separator" and notes["0"][0] == "continuationSeparator"
    first, second = brief.extractions.values()
    assert [(i, t) for i, (kind, t) in notes.items() if kind == "normal"] == [
        ("1", " " + first.source.citation()), ("2", " " + first.source.citation()),
        ("3", " " + second.source.citation())]
    assert _references(path) == [(first.facts[1].text, "1"), (first.facts[2].text, "2"),
                                 (second.facts[1].text, "3")]


def test_a_footnote_reference_and_its_text_use_the_reference_documents_footnote_styles(tmp_path):
    path = _export(_brief(), tmp_path, citations="footnotes")
    document = docx.Document(str(path))
    reference = next(document.element.body.iter(qn("w:footnoteReference"))).getparent()
    assert reference.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "FootnoteReference"
    assert document.styles["footnote reference"].font.superscript
    assert document.styles["footnote text"].font.size == docx.shared.Pt(9)
    notes = etree.fromstring(zipfile.ZipFile(path).read("word/footnotes.xml"))
    first = notes.find(f"{qn('w:footnote')}[@{qn('w:id')}='1']")
    assert first.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "FootnoteText"
    assert first.find(f".//{qn('w:footnoteRef')}") is not None


def test_the_settings_name_the_separator_footnotes_as_word_writes_them(tmp_path):
    settings = etree.fromstring(zipfile.ZipFile(_export(_brief(), tmp_path, citations="footnotes"))
                                .read("word/settings.xml"))
    declared = settings.find(qn("w:footnotePr"))
    assert [n.get(qn("w:id")) for n in declared] == ["-1", "0"]
    assert declared.getnext().tag == qn("w:compat")  # schema order: footnotePr before compat


def test_a_reference_document_without_footnote_styles_gets_words_own(tmp_path):
    bare = docx.Document()
    bare.save(str(tmp_path / "bare.docx"))
    template = make_template(reference_docx="bare.docx", path=str(tmp_path / "note.yaml"))
    path = export_docx(_brief(), tmp_path / "out.docx", template=template, citations="footnotes")
    assert docx.Document(str(path)).styles["footnote text"].font.size == docx.shared.Pt(10)
    assert len([n for n in _footnotes(path).values() if n[0] == "normal"]) == 3


def test_a_reference_documents_own_footnotes_are_not_carried_into_the_brief(tmp_path):
    first = tmp_path / "first.docx"
    export_docx(_brief(), first, citations="footnotes")
    template = make_template(reference_docx="first.docx", path=str(tmp_path / "note.yaml"))
    brief = make_brief()
    brief.place([brief.facts[1].id], "status")
    path = export_docx(brief, tmp_path / "out.docx", template=template, citations="footnotes")
    assert [i for i, n in _footnotes(path).items() if n[0] == "normal"] == ["1"]
    numbered = export_docx(brief, tmp_path / "numbered.docx", template=template)
    assert [i for i, n in _footnotes(numbered).items() if n[0] == "normal"] == []


def test_a_web_source_is_a_live_link_in_the_sources_list_and_in_its_footnote(tmp_path):
    path = _export(_brief(), tmp_path, citations="footnotes")
    document = docx.Document(str(path))
    assert _links(document.part) == [(WEB, WEB)]
    (rel,) = [r for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES]
    assert rel.target_part.rels and all(r.is_external for r in rel.target_part.rels.values())
    assert _links(rel.target_part) == [(WEB, WEB)]
    numbered = docx.Document(str(export_docx(_brief(), tmp_path / "numbered.docx")))
    assert _links(numbered.part) == [(WEB, WEB)]


def test_author_date_cites_publisher_and_date_and_lists_sources_alphabetically(tmp_path):
    brief = _brief()
    text = docx_text(_export(brief, tmp_path, citations="author-date")).split("\n")
    first, second = brief.extractions.values()
    assert first.facts[1].text + "\u00a0(Business Recorder, 2025)" in text
    assert second.facts[1].text + "\u00a0(Daily Ledger, 2 July 2025)" in text
    assert text[-3:] == ["Sources", first.source.citation(), second.source.citation()]


def test_the_template_chooses_the_style_and_the_export_may_override_it(tmp_path):
    template = make_template(citations="author-date")
    brief = _brief()
    assert "(Business Recorder, 2025)" in docx_text(_export(brief, tmp_path, template=template))
    assert "[1]" in docx_text(_export(brief, tmp_path, template=template, citations="numbered"))


def test_footnotes_without_a_sources_section_when_the_template_says_so(tmp_path):
    template = make_template(citations="footnotes", sources_section=False)
    headings = [t for s, t in body_paragraphs(_export(_brief(), tmp_path, template=template)) if s == "Heading 1"]
    assert "Sources" not in headings and "Abbreviations" in headings


def test_numbered_keeps_its_sources_even_when_the_template_drops_them(tmp_path):
    template = make_template(sources_section=False)
    assert "Sources" in [t for s, t in body_paragraphs(_export(_brief(), tmp_path, template=template))]


def test_an_unknown_style_is_a_one_line_export_error_and_writes_nothing(tmp_path):
    with pytest.raises(ExportError, match="unknown citation style 'harvard'; use one of numbered, footnotes"):
        _export(_brief(), tmp_path, citations="harvard")
    assert not (tmp_path / "brief.docx").exists()


@pytest.fixture
def two_sources_per_fact(monkeypatch):
    """A fact citing its own source and every other source in the brief, as corroborated facts will."""
    def all_sources(brief, placement):
        own = brief.fact(placement.fact_id).source_id
        return [own, *(sid for sid in brief.extractions if sid != own)]

    monkeypatch.setattr(citations, "placement_sources", all_sources)
    monkeypatch.setattr("briefing.export.layout.placement_sources", all_sources)


@pytest.mark.parametrize("style, marker", [
    ("numbered", "\u00a0[1, 2]"),
    ("author-date", "\u00a0(Business Recorder, 2025; Daily Ledger, 2 July 2025)"),
])
def test_a_fact_with_several_sources_cites_them_all_in_one_marker(tmp_path, two_sources_per_fact, style, marker):
    brief = _brief()
    first = next(iter(brief.extractions.values()))
    assert first.facts[1].text + marker in docx_text(_export(brief, tmp_path, citations=style)).split("\n")


def test_a_fact_with_several_sources_has_one_footnote_naming_them_all(tmp_path, two_sources_per_fact):
    brief = _brief()
    path = _export(brief, tmp_path, citations="footnotes")
    first, second = brief.extractions.values()
    own_first = f" {first.source.citation().rstrip('.')}; {second.source.citation()}"
    own_second = f" {second.source.citation().rstrip('.')}; {first.source.citation()}"
    assert [t for kind, t in _footnotes(path).values() if kind == "normal"] == [own_first, own_first, own_second]
    assert len(_references(path)) == 3


@pytest.mark.parametrize("style", ["numbered", "author-date"])
def test_the_word_body_says_what_the_text_says_in_every_inline_style(tmp_path, style):
    brief = _brief()
    options = citations.CitationOptions(style)
    assert docx_text(_export(brief, tmp_path, citations=style)) == brief_to_text(brief, options)


def test_with_footnotes_the_text_ends_in_the_notes_and_the_body_has_no_markers(tmp_path):
    brief = _brief()
    lines = brief_to_text(brief, citations.CitationOptions("footnotes")).split("\n")
    first = next(iter(brief.extractions.values()))
    assert first.facts[1].text + "\u00b9" in lines
    assert lines[-4:] == ["Notes", "\u00b9 " + first.source.citation(), "\u00b2 " + first.source.citation(),
                          "\u00b3 " + list(brief.extractions.values())[1].source.citation()]
    assert first.facts[1].text in docx_text(_export(brief, tmp_path, citations="footnotes")).split("\n")

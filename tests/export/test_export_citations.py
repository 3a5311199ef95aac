"""How a source is cited: dates as readers write them, author-date labels that name one source each, options."""

from __future__ import annotations

import pytest
from export_helpers import make_source, make_template

from briefing.core.errors import ExportError
from briefing.export.citations import (
    CitationOptions,
    author_date_labels,
    citation_options,
    footnote_text,
    numbered_marker,
    reader_date,
    superscript,
)


@pytest.mark.parametrize("iso, shown", [
    ("2025-07-02", "2 July 2025"),
    ("2025-12", "December 2025"),
    ("2025", "2025"),
    ("2025-13-01", "2025"),  # a month that does not exist says only what is sure
    ("Spring 2025", "Spring 2025"),
    ("", "n.d."),
])
def test_a_date_reads_as_a_reader_writes_it(iso, shown):
    assert reader_date(iso) == shown


@pytest.mark.parametrize("furniture, label", [
    ({"publisher": "Daily Ledger", "published": "2025-07-02"}, "Daily Ledger, 2 July 2025"),
    ({"publisher": "", "path": "https://www.ledger.example/a/1", "published": "2025"}, "ledger.example, 2025"),
    ({"publisher": "", "path": "/home/a/notes.txt", "title": "Mill talks", "published": ""},
     "\u201cMill talks\u201d, n.d."),
    ({"publisher": "", "path": "/home/a/notes.txt", "title": "", "published": "2024"}, "notes.txt, 2024"),
])
def test_the_author_is_the_publisher_else_the_web_site_else_the_title_else_the_file(furniture, label):
    source = make_source("Some text.", **furniture)
    assert author_date_labels([source]) == {source.id: label}


def test_two_sources_that_would_read_the_same_get_letters_in_citing_order():
    a, b, c = (make_source(text, publisher="Ledger", published="2025") for text in ("One.", "Two.", "Three."))
    other = make_source("Four.", publisher="Herald", published="2025")
    labels = author_date_labels([b, other, a, c])
    assert [labels[s.id] for s in (b, a, c, other)] == ["Ledger, 2025a", "Ledger, 2025b", "Ledger, 2025c",
                                                       "Herald, 2025"]


def test_markers_list_several_sources_once_each_in_order():
    assert numbered_marker([3, 1, 3]) == "\u00a0[1, 3]"
    assert footnote_text(["A, 2025.", "B, 2024."]) == "A, 2025; B, 2024."
    assert superscript(120) == "\u00b9\u00b2\u2070"


def test_the_style_is_the_callers_else_the_templates_else_numbered():
    assert citation_options() == CitationOptions("numbered", True)
    template = make_template(citations="footnotes", sources_section=False)
    assert citation_options(template) == CitationOptions("footnotes", False)
    assert citation_options(template, "author-date") == CitationOptions("author-date", False)
    with pytest.raises(ExportError, match="unknown citation style 'apa'"):
        citation_options(template, "apa")


def test_only_the_numbered_style_insists_on_its_sources_list():
    assert CitationOptions("numbered", sources_section=False).lists_sources
    assert not CitationOptions("footnotes", sources_section=False).lists_sources
    assert not CitationOptions("author-date", sources_section=False).lists_sources

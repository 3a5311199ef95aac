"""A long source is coloured on demand: what is on screen at once, the rest from the event loop, and the
result is exactly what colouring everything at once gives (facts layered, names underlined)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from briefing.core import ids
from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.fact import FACT_KINDS, Fact
from briefing.core.source import EntityMention, Source
from briefing.ui.models.fact_list import KIND_COLORS
from briefing.ui.panes import source_document
from briefing.ui.panes.source_document import FactSpans, SourceDocument
from briefing.ui.panes.source_pane import SourcePane

SENTENCE = "Minister Ahmed Khan said the steel mill in Karachi will reopen in July after talks in Moscow. "
PERSON, PLACE = SENTENCE.index("Ahmed Khan"), SENTENCE.index("Karachi")


def long_brief(sentences: int = 2_000) -> Brief:
    """One fact per sentence with two names each, plus analyst spans that cross sentences and regions."""
    text = "".join(SENTENCE + ("\n" if n % 7 == 6 else "") for n in range(sentences))
    digest = ids.content_hash(text)
    source = Source(id=ids.source_id(digest), text=text, content_hash=digest, title="Long")
    facts, start = [], 0
    for n in range(sentences):
        start = text.index(SENTENCE, start)
        end = start + len(SENTENCE) - 1
        facts.append(Fact(id=f"f{n}", source_id=source.id, start=start, end=end, text=text[start:end],
                          kind=FACT_KINDS[n % len(FACT_KINDS)],
                          entities=[EntityMention("Ahmed Khan", "person", start + PERSON, start + PERSON + 10),
                                    EntityMention("Karachi", "place", start + PLACE, start + PLACE + 7)]))
        start = end
    for n, at in enumerate(range(500, len(text) - 3_000, 15_000)):  # long custom spans over region edges
        facts.append(Fact(id=f"c{n}", source_id=source.id, start=at, end=at + 2_500, text=text[at:at + 2_500],
                          kind="quote", custom=True))
    brief = Brief()
    brief.add_extraction(Extraction(source=source, facts=facts))
    return brief


def formats(doc: SourceDocument) -> list[tuple[int, int, str, object]]:
    """Every run of equal formatting: (position, length, background, underline style)."""
    runs = []
    block = doc.document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            runs.append((frag.position(), frag.length(), fmt.background().color().name()
                         if fmt.background().style().value else "", fmt.underlineStyle()))
            it += 1
        block = block.next()
    return runs


def build(brief: Brief, pane: SourcePane) -> SourceDocument:
    extraction = next(iter(brief.extractions.values()))
    return SourceDocument.build(extraction, brief.facts, pane.tints(), pane.underline_color())


@pytest.fixture
def pane(qtbot) -> SourcePane:
    pane = SourcePane()
    pane.set_kind_colors(KIND_COLORS)
    pane.resize(600, 400)
    qtbot.addWidget(pane)
    return pane


def test_a_long_source_coloured_region_by_region_looks_as_if_coloured_at_once(pane, monkeypatch):
    brief = long_brief()
    lazy = build(brief, pane)
    assert not lazy.fully_painted and len(lazy.pending) > 5
    lazy.paint_range(40_000, 60_000)  # the middle first, as a scroll would
    while lazy.paint_some(0.01):
        pass
    monkeypatch.setattr(source_document, "EAGER_MARKS", 10**9)
    eager = build(brief, pane)
    assert eager.fully_painted
    assert formats(lazy) == formats(eager)


def test_the_text_on_screen_is_coloured_at_once_and_the_rest_from_the_event_loop(qtbot, pane):
    brief = long_brief()
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_brief(brief)
    doc = pane.view.source_doc
    assert not doc.fully_painted
    start, end = pane.visible_range()
    first = brief.facts[0]
    assert start <= first.start < end
    cursor = QTextCursor(doc.document)
    cursor.setPosition(first.start + 1)
    assert cursor.charFormat().background().color() == pane.tints()[first.kind]
    qtbot.waitUntil(lambda: doc.fully_painted, timeout=10_000)


def test_scrolling_to_a_fact_colours_it_before_the_background_gets_there(qtbot, pane):
    brief = long_brief()
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_brief(brief)
    pane._fill.stop()  # no background colouring: only what is on screen
    last = next(f for f in reversed(brief.facts) if not f.custom)
    pane.show_fact(last.id)
    doc = pane.view.source_doc
    cursor = QTextCursor(doc.document)
    cursor.setPosition(doc.offsets.to_qt(last.start) + 1)
    assert cursor.charFormat().background().color() == pane.tints()[last.kind]
    assert not doc.fully_painted


def test_an_article_is_coloured_at_once(pane, brief: Brief):
    pane.set_brief(brief)
    assert pane.view.source_doc.fully_painted


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 60)), max_size=40), st.integers(0, 400),
       st.integers(0, 80))
def test_the_facts_reaching_into_a_range_are_found_by_bisection_exactly(spans, start, width):
    facts = [Fact(id=f"f{n}", source_id="s", start=a, end=a + w, text="x" * w, kind="statement")
             for n, (a, w) in enumerate(spans)]
    found = FactSpans(facts).overlapping(start, start + width)
    expected = sorted((f for f in facts if f.start < start + width and f.end > start), key=lambda f: (f.start, f.end))
    assert [f.id for f in found] == [f.id for f in expected]

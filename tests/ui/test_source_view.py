"""The article pane: facts tinted by kind, entities underlined, a colour key, hover details, clicks, spans
dragged out with exact offsets, and colours that stay readable on light and dark palettes."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QToolTip

from briefing.core import ids
from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.fact import FACT_KINDS, Fact
from briefing.core.source import Source
from briefing.ui.models.fact_list import KIND_COLORS
from briefing.ui.models.mime import MIME_SPAN
from briefing.ui.panes.palette import dark_palette, soft_tints
from briefing.ui.panes.source_document import FactSpans
from briefing.ui.panes.source_pane import SourcePane


@pytest.fixture
def pane(qtbot, brief: Brief) -> SourcePane:
    pane = SourcePane()
    pane.set_kind_colors(KIND_COLORS)
    pane.set_brief(brief)
    pane.resize(700, 500)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def char_format_at(pane: SourcePane, offset: int):
    doc = pane.view.source_doc
    cursor = QTextCursor(doc.document)
    cursor.setPosition(doc.offsets.to_qt(offset) + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def viewport_point(pane: SourcePane, offset: int) -> QPoint:
    doc = pane.view.source_doc
    cursor = QTextCursor(doc.document)
    cursor.setPosition(doc.offsets.to_qt(offset) + 1)
    return pane.view.cursorRect(cursor).center()


def relative_luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# ----------------------------------------------------------------------------- highlighting
def test_each_fact_is_tinted_with_its_kinds_colour(pane: SourcePane, brief: Brief):
    tints = pane.tints()
    source_id = pane.current_source_id()
    for fact in (f for f in brief.facts if f.source_id == source_id):
        assert char_format_at(pane, fact.start).background().color() == tints[fact.kind]
        assert char_format_at(pane, fact.end - 2).background().color() == tints[fact.kind]


def test_entities_are_underlined_by_type_and_other_words_are_not(pane: SourcePane, brief: Brief):
    from briefing.ui.panes.source_document import ENTITY_UNDERLINES

    fact = next(f for f in brief.facts if f.entities and f.source_id == pane.current_source_id())
    for mention in fact.entities:
        assert char_format_at(pane, mention.start).underlineStyle() == ENTITY_UNDERLINES[mention.type]
    inside = set().union(*(range(m.start, m.end) for m in fact.entities))
    plain = next(i for i in range(fact.start, fact.end) if i not in inside)
    assert char_format_at(pane, plain).underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_the_colour_key_shows_every_kind(pane: SourcePane):
    tints = pane.tints()
    assert set(pane.legend.swatches) == set(FACT_KINDS)
    for kind in FACT_KINDS:
        assert f"background-color:{tints[kind].name()}" in pane.legend.text() and kind in pane.legend.text()


def test_there_is_a_tab_per_source_and_switching_shows_its_text(pane: SourcePane, brief: Brief):
    assert pane.tabs.count() == len(brief.extractions) == 2
    for i, extraction in enumerate(brief.extractions.values()):
        pane.tabs.setCurrentIndex(i)
        assert pane.view.toPlainText() == extraction.source.text


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_tints_keep_the_text_readable_in_light_and_dark_palettes(qapp, palette: str):
    pal = dark_palette() if palette == "dark" else QPalette(QColor("#f0f0f0"))
    if palette == "light":
        pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    text = pal.color(QPalette.ColorRole.Text)
    for kind, tint in soft_tints(KIND_COLORS, pal).items():
        assert contrast(text, tint) >= 4.5, kind  # WCAG AA for body text
        assert tint != pal.color(QPalette.ColorRole.Base)


# ----------------------------------------------------------------------------- pointing at facts
def test_hovering_a_fact_shows_its_kind_speaker_and_dates(qtbot, pane: SourcePane, brief: Brief):
    fact = next(f for f in brief.facts if f.speaker and f.source_id == pane.current_source_id())
    point = viewport_point(pane, fact.start + 2)
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.view.viewport().mapToGlobal(point))
    pane.view.viewportEvent(event)
    tip = QToolTip.text()
    assert fact.kind.capitalize() in tip and fact.speaker in tip


def test_the_tooltip_lists_dates(pane: SourcePane, brief: Brief):
    from briefing.ui.panes.source_view import describe_fact

    fact = next(f for f in brief.facts if f.dates)
    assert all(d.text in describe_fact(fact) for d in fact.dates)


def test_clicking_a_fact_reports_it(qtbot, pane: SourcePane, brief: Brief):
    fact = [f for f in brief.facts if f.source_id == pane.current_source_id()][2]
    point = viewport_point(pane, fact.start + 3)
    with qtbot.waitSignal(pane.fact_clicked) as signal:
        qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [fact.id]


def test_showing_a_fact_switches_source_and_outlines_exactly_its_span(pane: SourcePane, brief: Brief):
    other = next(f for f in brief.facts if f.source_id != pane.current_source_id())
    pane.show_fact(other.id)
    assert pane.current_source_id() == other.source_id
    (mark,) = pane.view.extraSelections()
    assert mark.cursor.selectedText() == other.text


def test_the_innermost_fact_wins_where_spans_overlap():
    outer = Fact(id="f1", source_id="s", start=0, end=50, text="x" * 50)
    inner = Fact(id="f2", source_id="s", start=10, end=20, text="x" * 10)
    spans = FactSpans([outer, inner])
    assert spans.fact_at(15) is inner
    assert spans.fact_at(5) is outer
    assert spans.fact_at(50) is None


# ----------------------------------------------------------------------------- spans out
def emoji_brief() -> Brief:
    text = "\U0001F600 Intro line.\n\nThe minister \U0001F1F5\U0001F1F0 said steel output rose 12%. Then more."
    digest = ids.content_hash(text)
    source = Source(id=ids.source_id(digest), text=text, content_hash=digest, title="Emoji")
    brief = Brief()
    brief.add_extraction(Extraction(source=source))
    return brief


def test_a_selection_maps_to_exact_source_offsets_past_emoji_and_paragraphs(qtbot, qapp):
    brief = emoji_brief()
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.set_kind_colors(KIND_COLORS)
    pane.set_brief(brief)
    text = next(iter(brief.extractions.values())).source.text
    wanted = "said steel output rose 12%."
    start = text.index(wanted)
    pane.view.select_span(start - 1, start + len(wanted) + 1)  # with a space on each side
    source_id, got_start, got_end = pane.view.selected_span()
    assert (got_start, got_end) == (start, start + len(wanted))
    assert text[got_start:got_end] == wanted
    mime = pane.view.createMimeDataFromSelection()
    payload = json.loads(bytes(mime.data(MIME_SPAN).data()).decode("utf-8"))
    assert payload == {"source_id": source_id, "start": start, "end": start + len(wanted)}
    assert mime.text() == wanted


def test_a_fact_added_later_is_painted_and_its_removal_unpaints_it(pane: SourcePane, brief: Brief):
    extraction = brief.extractions[pane.current_source_id()]
    text = extraction.source.text
    first = next(f for f in brief.facts if f.source_id == extraction.source.id)
    start, end = first.start, first.start + 3
    custom = Fact(id=ids.fact_id(extraction.source.id, start, end, text[start:end]), source_id=extraction.source.id,
                  start=start, end=end, text=text[start:end], kind="quote", custom=True)
    brief.add_fact(custom)
    assert char_format_at(pane, start).background().color() == pane.tints()["quote"]
    brief.remove_fact(custom.id)
    assert char_format_at(pane, start).background().color() == pane.tints()[first.kind]


def test_a_megabyte_of_text_with_thousands_of_facts_renders_quickly(qtbot, qapp):
    sentence = "The ministry said the steel mill will reopen in July after talks in Moscow. "
    text = sentence * (1_000_000 // len(sentence))
    digest = ids.content_hash(text)
    source = Source(id=ids.source_id(digest), text=text, content_hash=digest, title="Big")
    facts = [Fact(id=f"f{i}", source_id=source.id, start=i * len(sentence), end=(i + 1) * len(sentence) - 1,
                  text=sentence[:-1], kind=FACT_KINDS[i % len(FACT_KINDS)]) for i in range(len(text) // len(sentence))]
    brief = Brief()
    brief.add_extraction(Extraction(source=source, facts=facts))
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.set_kind_colors(KIND_COLORS)
    pane.set_brief(brief)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_fact(facts[-1].id)
    assert len(facts) > 10_000

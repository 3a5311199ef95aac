"""Source offsets and document positions map exactly, even with emoji, CRLF and paragraph separators."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from briefing.ui.panes.text_offsets import OffsetMap

PIECES = ["a", "b", " ", "\n", "\r\n", "\U0001F600", "\u00e9", "e\u0301", "\u2028", "\u2029", "\t", "\U0001D54F"]


def document_of(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setPlainText(text)
    return document


def selected(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def as_qt_sees_it(text: str) -> str:
    """Qt's selectedText() spells each paragraph break as U+2029 (CRLF folded into one); U+2028 stays."""
    return text.replace("\r\n", "\u2029").replace("\n", "\u2029").replace("\r", "\u2029")


def boundaries(text: str) -> list[int]:
    """Offsets a cursor can stand at (not between the two halves of CRLF)."""
    return [i for i in range(len(text) + 1) if not (0 < i < len(text) and text[i - 1:i + 1] == "\r\n")]


@pytest.mark.parametrize(("text", "offset", "position"), [
    ("plain text", 5, 5),
    ("\U0001F600 after an emoji", 1, 2),  # one Python character, two UTF-16 units
    ("\U0001F600\U0001F600x", 2, 4),
    ("line\r\nnext", 6, 5),  # CRLF is one paragraph separator
    ("a\u2028b", 2, 2),
    ("caf\u00e9 ok", 5, 5),
])
def test_a_source_offset_maps_to_the_document_position_qt_uses(qapp, text: str, offset: int, position: int):
    offsets = OffsetMap(text)
    assert offsets.to_qt(offset) == position
    assert offsets.to_py(position) == offset
    assert offsets.qt_length == document_of(text).characterCount() - 1


def test_a_position_inside_a_surrogate_pair_rounds_back_to_the_character(qapp):
    offsets = OffsetMap("x\U0001F600y")
    assert offsets.to_py(2) == 1  # between the two halves of the emoji


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join), st.data())
def test_every_span_selected_through_the_map_is_the_source_text(qapp, text: str, data: st.DataObject):
    offsets = OffsetMap(text)
    document = document_of(text)
    assert offsets.qt_length == document.characterCount() - 1
    points = boundaries(text)
    start = data.draw(st.sampled_from(points))
    end = data.draw(st.sampled_from([p for p in points if p >= start]))
    assert offsets.to_py(offsets.to_qt(start)) == start
    assert selected(document, offsets.to_qt(start), offsets.to_qt(end)) == as_qt_sees_it(text[start:end])

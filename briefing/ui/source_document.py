"""One source's text as a read-only QTextDocument with its facts tinted by kind and its entities underlined.

Formats are written into the document once (not recomputed per paint by a highlighter), so scrolling a
megabyte of text costs nothing; a fact added or removed later repaints only its own span.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Mapping

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from briefing.ui.text_offsets import OffsetMap

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from briefing.core.extraction import Extraction
    from briefing.core.fact import Fact

ENTITY_UNDERLINES = {
    "person": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "organization": QTextCharFormat.UnderlineStyle.DashUnderline,
    "place": QTextCharFormat.UnderlineStyle.DotLine,
}


class FactSpans:
    """Finds the fact under a source offset; with overlapping spans (an analyst's own span inside a
    sentence) the shortest one wins, because it is the one the reader most likely pointed at."""

    def __init__(self, facts: Iterable[Fact] = ()) -> None:
        self._facts: dict[str, Fact] = {}
        self._starts: list[int] = []
        self._sorted: list[Fact] = []
        self._reach: list[int] = []  # running maximum of ends, to stop scanning early
        self.update(facts, ())

    def update(self, added: Iterable[Fact], removed_ids: Iterable[str]) -> None:
        for fact_id in removed_ids:
            self._facts.pop(fact_id, None)
        for fact in added:
            self._facts[fact.id] = fact
        self._sorted = sorted(self._facts.values(), key=lambda f: (f.start, f.end))
        self._starts = [f.start for f in self._sorted]
        reach, self._reach = -1, []
        for f in self._sorted:
            reach = max(reach, f.end)
            self._reach.append(reach)

    def __len__(self) -> int:
        return len(self._facts)

    def __iter__(self):
        return iter(self._sorted)

    def fact_at(self, offset: int) -> Fact | None:
        best: Fact | None = None
        i = bisect_right(self._starts, offset) - 1
        while i >= 0 and self._reach[i] > offset:
            f = self._sorted[i]
            if f.start <= offset < f.end and (best is None or f.end - f.start < best.end - best.start):
                best = f
            i -= 1
        return best

    def overlapping(self, start: int, end: int) -> list[Fact]:
        return [f for f in self._sorted if f.start < end and f.end > start]


@dataclass
class SourceDocument:
    """The rendered text of one source, the offset map into it and the facts it shows."""

    extraction: Extraction
    document: QTextDocument
    offsets: OffsetMap
    spans: FactSpans
    tints: dict[str, QColor] = field(default_factory=dict)
    underline: QColor | None = None

    @property
    def source_id(self) -> str:
        return self.extraction.source.id

    @classmethod
    def build(cls, extraction: Extraction, facts: Iterable[Fact], tints: Mapping[str, QColor],
              underline: QColor, parent: QObject | None = None) -> SourceDocument:
        document = QTextDocument(parent)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setUndoRedoEnabled(False)
        text = extraction.source.text
        document.setPlainText(text)
        doc = cls(extraction, document, OffsetMap(text), FactSpans(facts), dict(tints), underline)
        doc.paint(doc.spans)
        return doc

    def cursor(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting source offsets ``start``..``end``."""
        cursor = QTextCursor(self.document)
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def fact_format(self, fact: Fact) -> QTextCharFormat:
        fmt = QTextCharFormat()
        tint = self.tints.get(fact.kind)
        if tint is not None:
            fmt.setBackground(tint)
        return fmt

    def entity_format(self, kind: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(ENTITY_UNDERLINES.get(kind, QTextCharFormat.UnderlineStyle.SingleUnderline))
        if self.underline is not None:
            fmt.setUnderlineColor(self.underline)
        return fmt

    def paint(self, facts: Iterable[Fact]) -> None:
        """Apply the kind tint and entity underlines of ``facts`` (longest first, so inner spans show)."""
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        ordered = sorted(facts, key=lambda f: f.start - f.end)
        for fact in ordered:
            self._merge(cursor, fact.start, fact.end, self.fact_format(fact))
        for fact in ordered:
            for mention in fact.entities:
                if mention.type in ENTITY_UNDERLINES:
                    self._merge(cursor, mention.start, mention.end, self.entity_format(mention.type))
        cursor.endEditBlock()

    def add_facts(self, facts: list[Fact]) -> None:
        self.spans.update(facts, ())
        self.paint(facts)

    def remove_facts(self, facts: list[Fact]) -> None:
        """Forget facts and repaint their spans from what remains."""
        self.spans.update((), [f.id for f in facts])
        for fact in facts:
            cursor = self.cursor(fact.start, fact.end)
            cursor.setCharFormat(QTextCharFormat())
            self.paint(self.spans.overlapping(fact.start, fact.end))

    def restyle(self, tints: Mapping[str, QColor], underline: QColor) -> None:
        """New colours (the palette changed): clear every format and paint again."""
        self.tints, self.underline = dict(tints), underline
        cursor = QTextCursor(self.document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        self.paint(self.spans)

    def _merge(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        if not 0 <= start < end <= self.offsets.length:
            return
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

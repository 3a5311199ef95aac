"""One source's text as a read-only QTextDocument with its facts tinted by kind and its entities underlined.

Formats are written into the document once (not recomputed per paint by a highlighter), so scrolling a
megabyte of text costs nothing; a fact added or removed later repaints only its own span.

A long source is not coloured all at once: 8,000 facts and 6,000 names took about 14,000 format calls and
froze the window for a quarter of a second. Its text is cut into regions of whole lines that are coloured
on demand (``paint_range``, what is on screen) or a slice at a time from the event loop (``paint_some``);
within a region facts and names are layered exactly as a whole-document pass would layer them.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Mapping

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from briefing.ui.panes.text_offsets import OffsetMap

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from briefing.core.extraction import Extraction
    from briefing.core.fact import Fact

EAGER_MARKS = 1_500  # facts plus names up to which a source is coloured at once (an article: a few dozen)
REGION_CHARS = 16_384  # a source coloured on demand is cut into regions of about this many characters

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
        """Facts reaching into ``start``..``end``, in (start, end) order; found by bisection, not a scan."""
        first = bisect_right(self._reach, start)  # before it every fact ends at or before ``start``
        last = bisect_left(self._starts, end)  # from it every fact starts at or after ``end``
        return [f for f in self._sorted[first:last] if f.end > start]

    def marks(self) -> int:
        """Facts plus entity mentions: how many format calls colouring them all takes."""
        return len(self._facts) + sum(len(f.entities) for f in self._facts.values())


@dataclass
class SourceDocument:
    """The rendered text of one source, the offset map into it and the facts it shows."""

    extraction: Extraction
    document: QTextDocument
    offsets: OffsetMap
    spans: FactSpans
    tints: dict[str, QColor] = field(default_factory=dict)
    underline: QColor | None = None
    pending: list[tuple[int, int]] = field(default_factory=list)  # regions not coloured yet, in text order

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
        doc._colour_all()
        return doc

    def _colour_all(self) -> None:
        """Colour a short source now; mark a long one's regions as pending."""
        if self.spans.marks() <= EAGER_MARKS:
            self.pending = []
            self.paint(self.spans)
        else:
            self.pending = _regions(self.extraction.source.text)

    @property
    def fully_painted(self) -> bool:
        return not self.pending

    def paint_range(self, start: int, end: int) -> None:
        """Colour the pending regions that reach into source offsets ``start``..``end`` (what is on screen)."""
        i = bisect_right(self.pending, (start, len(self.extraction.source.text) + 1)) - 1
        i = max(i, 0)
        todo = []
        while i < len(self.pending) and self.pending[i][0] < end:
            if self.pending[i][1] > start:
                todo.append(self.pending.pop(i))
            else:
                i += 1
        self._paint_regions(todo)

    def paint_some(self, budget_s: float) -> bool:
        """Colour pending regions in text order for about ``budget_s`` seconds; True if some are left."""
        deadline = time.perf_counter() + budget_s
        while self.pending and time.perf_counter() < deadline:
            self._paint_regions([self.pending.pop(0)])
        return bool(self.pending)

    def _paint_regions(self, regions: list[tuple[int, int]]) -> None:
        if not regions:
            return
        cursor = QTextCursor(self.document)
        kinds: dict[str, QTextCharFormat] = {}
        names = {kind: self.entity_format(kind) for kind in ENTITY_UNDERLINES}
        cursor.beginEditBlock()
        for start, end in regions:
            ordered = sorted(self.spans.overlapping(start, end), key=lambda f: f.start - f.end)
            for fact in ordered:
                fmt = kinds.get(fact.kind)
                if fmt is None:
                    fmt = kinds[fact.kind] = self.fact_format(fact)
                self._merge(cursor, max(fact.start, start), min(fact.end, end), fmt)
            for fact in ordered:
                for mention in fact.entities:
                    if mention.type in names and mention.start < end and mention.end > start:
                        self._merge(cursor, max(mention.start, start), min(mention.end, end), names[mention.type])
        cursor.endEditBlock()

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
            self._paint_regions([(fact.start, fact.end)])  # what remains there, layered, within the span only

    def restyle(self, tints: Mapping[str, QColor], underline: QColor) -> None:
        """New colours (the palette changed): clear every format and paint again."""
        self.tints, self.underline = dict(tints), underline
        cursor = QTextCursor(self.document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        self._colour_all()

    def _merge(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        if not 0 <= start < end <= self.offsets.length:
            return
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


def _regions(text: str) -> list[tuple[int, int]]:
    """``text`` cut after line breaks into regions of about ``REGION_CHARS`` (a hard cut for a longer line)."""
    regions, start = [], 0
    while len(text) - start > REGION_CHARS:
        cut = text.rfind("\n", start + REGION_CHARS // 2, start + REGION_CHARS)
        cut = cut + 1 if cut >= 0 else start + REGION_CHARS
        regions.append((start, cut))
        start = cut
    if start < len(text) or not regions:
        regions.append((start, len(text)))
    return regions

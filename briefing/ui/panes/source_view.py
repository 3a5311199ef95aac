"""The article text as the analyst reads it: hover a fact for its details, click it to find it in the list,
select any span to drag it into the brief or add it as a fact of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from briefing.core.spans import trim_span

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QContextMenuEvent, QMouseEvent

    from briefing.core.fact import Fact
    from briefing.ui.panes.source_document import SourceDocument


def describe_fact(fact: Fact, source_title: str = "") -> str:
    """The hover text for a fact: kind, speaker, dates, people and places, source."""
    lines = [f"<b>{fact.kind.capitalize()}</b>" + (" (your own span)" if fact.custom else "")]
    if fact.speaker:
        lines.append(f"Speaker: {_esc(fact.speaker)}")
    if fact.dates:
        lines.append("Dates: " + ", ".join(_esc(d.text) + (f" ({d.value})" if d.value else "") for d in fact.dates))
    names = list(dict.fromkeys(m.text for m in fact.entities if m.type in ("person", "organization", "place")))
    if names:
        lines.append("Mentions: " + ", ".join(_esc(n) for n in names))
    if source_title:
        lines.append(f"Source: {_esc(source_title)}")
    return "<br>".join(lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SourceView(QPlainTextEdit):
    """Read-only view of one ``SourceDocument`` at a time (the pane swaps documents per source)."""

    fact_clicked = Signal(str)  # fact id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceView")
        self.setAccessibleName("Article text")
        self.setAccessibleDescription("The article with its facts marked; select text and press Ctrl+Shift+A "
                                      "to add it as a fact")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self.source_doc: SourceDocument | None = None
        self._context_actions: list[QAction] = []
        self._press_pos: QPoint | None = None
        self.emphasis = QColor(255, 200, 0)

    # ----------------------------------------------------------------- content
    def show_source(self, source_doc: SourceDocument | None) -> None:
        if source_doc is self.source_doc:
            return
        self.source_doc = source_doc
        self.setExtraSelections([])
        if source_doc is not None:
            self.setDocument(source_doc.document)

    def set_context_actions(self, actions: list[QAction]) -> None:
        self._context_actions = list(actions)

    def show_fact(self, fact: Fact) -> None:
        """Scroll to a fact (already in the shown source) and outline it."""
        if self.source_doc is None:
            return
        cursor = self.source_doc.cursor(fact.start, fact.end)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        mark.format.setProperty(QTextFormat.Property.OutlinePen, self.emphasis)
        mark.format.setBackground(self.emphasis.lighter(115) if self._dark() else self.emphasis)
        mark.format.setForeground(QColor(0, 0, 0))
        self.setExtraSelections([mark])
        caret = QTextCursor(self.document())
        caret.setPosition(cursor.selectionStart())
        self.setTextCursor(caret)
        self.centerCursor()

    def _dark(self) -> bool:
        return self.palette().base().color().lightnessF() < 0.5

    # ----------------------------------------------------------------- selection to span
    def selected_span(self) -> tuple[str, int, int] | None:
        """(source id, start, end) of the selection in Source offsets, trimmed of surrounding whitespace."""
        if self.source_doc is None:
            return None
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        offsets = self.source_doc.offsets
        start, end = offsets.to_py(cursor.selectionStart()), offsets.to_py(cursor.selectionEnd())
        trimmed = trim_span(self.source_doc.extraction.source.text, start, end)
        if trimmed is None:
            return None
        return (self.source_doc.source_id, *trimmed)

    def select_span(self, start: int, end: int) -> None:
        """Select source offsets ``start``..``end`` (what a person does with the mouse)."""
        if self.source_doc is not None:
            self.setTextCursor(self.source_doc.cursor(start, end))

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt override)
        """A drag or copy of a selection: the span (for a drop into the brief) and its exact text.

        A plain QMimeData, not Qt's rich-text one: that one regenerates text/plain from the untrimmed
        selection when asked, so the text would no longer match the span."""
        span = self.selected_span()
        if span is None:
            return super().createMimeDataFromSelection()
        from briefing.ui.models.mime import Span, span_mime_data

        return span_mime_data(self.source_doc.extraction.source, Span(*span))  # type: ignore[union-attr]

    # ----------------------------------------------------------------- facts under the mouse
    def fact_at(self, pos: QPoint) -> Fact | None:
        """The fact under a viewport position, if the position is really over text."""
        if self.source_doc is None:
            return None
        cursor = self.cursorForPosition(pos)
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - pos.y()) > rect.height():  # below the last line
            return None
        return self.source_doc.spans.fact_at(self.source_doc.offsets.to_py(cursor.position()))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and self.source_doc is not None:
            pos = event.pos()  # type: ignore[attr-defined]
            fact = self.fact_at(pos)
            if fact is None:
                QToolTip.hideText()
            else:
                title = self.source_doc.extraction.source.title
                QToolTip.showText(event.globalPos(), describe_fact(fact, title), self.viewport())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if (event.button() == Qt.MouseButton.LeftButton and self._press_pos is not None
                and (pos - self._press_pos).manhattanLength() < 4 and not self.textCursor().hasSelection()):
            fact = self.fact_at(pos)
            if fact is not None:
                self.fact_clicked.emit(fact.id)
        self._press_pos = None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        if self._context_actions:
            menu.addSeparator()
            menu.addActions(self._context_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()

"""The Timeline tab: every dated fact of the brief's sources in date order; double-click (or Enter) selects
the fact in the list and shows it in its article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefing.ui.models.timeline_model import DATE, EVENT, SOURCES, TimelineModel

SOURCES_WIDTH = 150  # pixels: a publisher or two; the tooltip names them all

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from briefing.core.brief import Brief


class TimelineView(QTableView):
    """A read-only table over a ``TimelineModel``; ``fact_chosen(fact_id)`` on double-click or Enter."""

    fact_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setAccessibleName("Timeline of dated facts")
        self.timeline = TimelineModel(None, self)
        self.setModel(self.timeline)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCES, QHeaderView.ResizeMode.Interactive)  # titles can be long: elided
        header.resizeSection(SOURCES, SOURCES_WIDTH)
        header.setAccessibleName("Timeline columns: date, event, sources")
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.doubleClicked.connect(self._choose)
        self.timeline.modelReset.connect(self.resizeRowsToContents)  # wrapped wording gets its height

    def set_brief(self, brief: Brief | None) -> None:
        self.timeline.set_brief(brief)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.fact_chosen.emit(self.timeline.fact_id(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)

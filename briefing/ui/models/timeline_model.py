"""The dated facts of every source in date order as a Qt table (date, event, sources), mirrored from the Brief.

``briefing.core.timeline`` decides the order, the dates and which facts stand for a claim; this model only
recomputes it when the facts or their groups change (not when a fact is placed) and resets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from briefing.core import events as ev
from briefing.core.timeline import timeline
from briefing.export.citations import reader_date
from briefing.ui.models.brief_follower import follow_brief
from briefing.ui.models.fact_groups import source_name
from briefing.ui.models.roles import Role

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.timeline import TimelineEntry

DATE, EVENT, SOURCES = range(3)
HEADERS = ("Date", "Event", "Sources")
_REBUILD_ON = (ev.FactsInserted, ev.FactsRemoved, ev.SourcesChanged, ev.SectionsReset)


class TimelineModel(QAbstractTableModel):
    """One row per dated claim: its date as a reader writes it, the wording, the sources that report it."""

    def __init__(self, brief: Brief | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._brief: Brief | None = None
        self._entries: list[TimelineEntry] = []
        self._groups: object = None
        self.set_brief(brief)

    def set_brief(self, brief: Brief | None) -> None:
        follow_brief(self._on_event, self._brief, brief)
        self._brief = brief
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        self._entries = timeline(self._brief) if self._brief is not None else []
        self._groups = self._brief.corroboration if self._brief is not None else None
        self.endResetModel()

    def _on_event(self, event: ev.BriefEvent) -> None:
        # Placing a fact says FACT_CHANGED too; only a new set of groups changes the timeline then.
        if isinstance(event, _REBUILD_ON) or (isinstance(event, ev.FactsChanged) and self._brief is not None
                                          and self._brief.corroboration is not self._groups):
            self.rebuild()

    def entry(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def fact_id(self, row: int) -> str:
        return self._entries[row].fact_id

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._brief is None or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Role.FACT_ID:
            return entry.fact_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == DATE:
            return reader_date(entry.when) if role == Qt.ItemDataRole.DisplayRole else \
                f"{entry.when} (written \u201c{entry.date_text}\u201d)"
        if column == EVENT:
            return self._brief.fact(entry.fact_id).text
        if column == SOURCES:
            return ", ".join(source_name(self._brief, sid) for sid in entry.source_ids)
        return None

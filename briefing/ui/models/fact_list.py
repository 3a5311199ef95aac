"""The pool of facts as a flat Qt list: one row per ``brief.facts`` entry, mirrored from the Brief's events.

The model keeps nothing but caches (search text, icons); rows follow the Brief's facts one to one, so a
row number here is ``brief.fact_row(fact_id)``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from briefing.core import events as ev
from briefing.ui.models.brief_follower import follow_brief
from briefing.ui.models.fact_groups import badge, details_lines
from briefing.ui.models.roles import Role

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from briefing.core.brief import Brief
    from briefing.core.fact import Fact

# One colour per fact kind: mid-tone hues that read on white and on dark grey alike.
KIND_COLORS: dict[str, str] = {
    "quote": "#9b6bd3",  # violet
    "plan": "#1f9e89",  # teal
    "decision": "#e0533d",  # vermilion
    "meeting": "#3a86d4",  # blue
    "figure": "#e09a1a",  # amber
    "statement": "#8a939b",  # slate
}
_FALLBACK_COLOR = "#8a939b"
KIND_LABELS: dict[str, str] = {k: k.capitalize() for k in KIND_COLORS}

_ICONS: dict[tuple[str, int], QIcon] = {}

AnyIndex = QModelIndex | QPersistentModelIndex


def kind_color(kind: str) -> QColor:
    """The kind's colour; an unknown kind gets the statement grey."""
    return QColor(KIND_COLORS.get(kind, _FALLBACK_COLOR))


def kind_icon(kind: str, size: int = 12) -> QIcon:
    """A small round badge in the kind's colour (cached; needs a QGuiApplication).

    Drawn with a round pen alone: a brush, ``fillRect`` or a bare colour for ``setPen`` makes PySide build
    its QGradient class (170 preset enums) to weigh the overloads, before the window's first paint."""
    key = (kind, size)
    if key not in _ICONS:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(kind_color(kind))
        pen.setWidthF(size - 2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPoint(QPointF(size / 2, size / 2))
        painter.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


@cache
def kind_stripe(kind: str) -> QPixmap:
    """One pixel of the kind's colour, stretched into the stripe beside a fact (see ``kind_icon``)."""
    pixmap = QPixmap(1, 1)
    pixmap.fill(kind_color(kind))
    return pixmap


def search_text(fact: Fact) -> str:
    """What the filter matches: wording, speaker and entity names, lower-cased, in one string."""
    parts = [fact.text, fact.speaker, fact.attributed_to, *(e.text for e in fact.entities)]
    return "\n".join(p for p in parts if p).casefold()


def date_values(fact: Fact) -> list[str]:
    """Each date of the fact as normalised (ISO) where it could be, else as written."""
    return [d.value or d.text for d in fact.dates]


class FactListModel(QAbstractListModel):
    """All facts of the brief, in source order; drag them (Copy) into the outline.

    ``groups_changed`` says the brief's corroboration groups were recomputed (badges, filters by group)."""

    groups_changed = Signal()

    def __init__(self, brief: Brief, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._brief = brief
        self._search: list[str] | None = None
        self._italic = QFont()
        self._italic.setItalic(True)
        self._groups = brief.corroboration
        brief.events.connect(self._on_event)

    # ----------------------------------------------------------------- the brief
    @property
    def brief(self) -> Brief:
        return self._brief

    def set_brief(self, brief: Brief) -> None:
        """Mirror another brief (a model reset); the old brief no longer reaches this model."""
        self.beginResetModel()
        follow_brief(self._on_event, self._brief, brief)
        self._brief = brief
        self._search = None
        self._groups = brief.corroboration
        self.endResetModel()
        self.groups_changed.emit()

    def fact_at(self, row: int) -> Fact:
        return self._brief.facts[row]

    def fact_index(self, fact_id: str) -> QModelIndex:
        """The row of a fact, or an invalid index if the brief has no such fact."""
        if not self._brief.has_fact(fact_id):
            return QModelIndex()
        return self.index(self._brief.fact_row(fact_id), 0)

    def search_texts(self) -> list[str]:
        """SEARCH_TEXT for every row (cached until facts are added or removed)."""
        if self._search is None:
            self._search = [search_text(f) for f in self._brief.facts]
        return self._search

    def cached_search_texts(self) -> list[str] | None:
        """The cached SEARCH_TEXT list, or None once facts changed (a new list object after every rebuild)."""
        return self._search

    def _on_event(self, event: ev.BriefEvent) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(self, event)

    def _inserting(self, event: ev.FactsInserting) -> None:
        self.beginInsertRows(QModelIndex(), event.first, event.last)

    def _inserted(self, _event: ev.FactsInserted) -> None:
        self._search = None
        self.endInsertRows()

    def _removing(self, event: ev.FactsRemoving) -> None:
        self.beginRemoveRows(QModelIndex(), event.first, event.last)

    def _removed(self, _event: ev.FactsRemoved) -> None:
        self._search = None
        self.endRemoveRows()

    def _changed(self, event: ev.FactsChanged) -> None:
        self._placed_changed(event.first, event.last)
        if self._brief.corroboration is not self._groups:
            self._groups = self._brief.corroboration
            self.groups_changed.emit()

    def _sources(self, _event: ev.SourcesChanged) -> None:
        self._search = None  # a source's names were read again (the model's pass): what a search finds changes

    def _reset(self, _event: ev.SectionsReset) -> None:
        if self._brief.facts:  # a template switch or its undo: recount
            self._placed_changed(0, len(self._brief.facts) - 1)

    _handlers: dict[type[ev.BriefEvent], Callable[[FactListModel, Any], None]] = {
        ev.FactsInserting: _inserting, ev.FactsInserted: _inserted, ev.FactsRemoving: _removing,
        ev.FactsRemoved: _removed, ev.FactsChanged: _changed, ev.SectionsReset: _reset, ev.SourcesChanged: _sources,
    }

    def _placed_changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, 0),
                              [Role.TIMES_PLACED, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole,
                               Role.GROUP_BADGE, Role.HAS_CONFLICT])

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._brief.facts)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._brief.facts):
            return None
        fact = self._brief.facts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return fact.text
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(fact.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(fact)
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if self._brief.times_placed(fact.id) else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._tooltip(fact)
        return self._custom(fact, role, index.row())

    def _custom(self, fact: Fact, role: int, row: int) -> Any:
        if role == Role.FACT_ID:
            return fact.id
        if role == Role.KIND:
            return fact.kind
        if role == Role.SPEAKER:
            return fact.speaker
        if role == Role.SOURCE_ID:
            return fact.source_id
        if role == Role.SOURCE_TITLE:
            ext = self._brief.extractions.get(fact.source_id)
            return (ext.source.title or ext.source.publisher or ext.source.id) if ext else ""
        if role == Role.TIMES_PLACED:
            return self._brief.times_placed(fact.id)
        if role == Role.IS_SECTION:
            return False
        if role == Role.ORIGINAL_TEXT:
            return fact.text
        if role == Role.ENTITIES:
            return list(dict.fromkeys(e.text for e in fact.entities))
        if role == Role.DATES:
            return date_values(fact)
        if role == Role.SEARCH_TEXT:
            return self.search_texts()[row]
        if role == Role.GROUP_BADGE:
            return badge(self._brief, fact.id) if self._brief.corroboration.groups else ""
        if role == Role.HAS_CONFLICT:
            return self._brief.corroboration.conflict_of(fact.id) is not None
        return None

    def _tooltip(self, fact: Fact) -> str:
        lines = [KIND_LABELS.get(fact.kind, fact.kind.capitalize()) + (" (your selection)" if fact.custom else "")]
        if fact.speaker:
            lines.append(f"Speaker: {fact.speaker}")
        if fact.dates:
            lines.append("Dates: " + ", ".join(date_values(fact)))
        ext = self._brief.extractions.get(fact.source_id)
        if ext is not None:
            lines.append(f"Source: {ext.source.citation()}")
        sections = self._brief.sections_holding(fact.id)
        if sections:
            lines.append("In the brief" + (f", in {sections} sections" if sections > 1 else ""))
        lines += details_lines(self._brief, fact.id)
        return "\n".join(lines)

    # ----------------------------------------------------------------- drag
    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        from briefing.ui.models.mime import (  # the first drag imports the payloads
            MIME_FACT_IDS,
            MIME_TEXT,
        )

        return [MIME_FACT_IDS, MIME_TEXT]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # noqa: N802 - Qt override
        rows = sorted({i.row() for i in indexes if i.isValid() and i.model() is self})
        if not rows:
            return None
        from briefing.ui.models.mime import facts_mime_data

        return facts_mime_data(self._brief, (self._brief.facts[r].id for r in rows))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.IgnoreAction

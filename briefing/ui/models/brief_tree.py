"""The brief's outline as a Qt tree: sections at the top, their placements beneath, mirrored from events.

Two columns: the title or wording, and for sections the number of facts held (with the template's range).
A placement's internal id is its section's row + 1 (sections: 0); sections change only on a model reset,
so that id is stable between resets. All changes go through undo commands on the given ``QUndoStack``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QUndoStack

from briefing.core import events as ev
from briefing.core.errors import BriefingError
from briefing.core.section import UNPLACED_ID
from briefing.storage.paths import ICONS_DIR
from briefing.ui.models.brief_follower import follow_brief
from briefing.ui.models.commands import (
    RemovePlacementsCommand,
    RewordCommand,
    SetNoteCommand,
)
from briefing.ui.models.fact_list import kind_icon
from briefing.ui.models.roles import Role

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from briefing.core.brief import Brief, Placement, Section

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMN_TEXT, COLUMN_COUNT = 0, 1
WARNING_COLOR = "#d9822b"  # amber: legible on light and dark backgrounds
_SECTION = 0  # internal id of a section row
_R = Qt.ItemDataRole
# The roles each kind of row answers (``_section_data``, ``_placement_data``); any other gets None at once.
_SECTION_ROLES = frozenset({_R.DisplayRole, _R.ToolTipRole, _R.FontRole, _R.DecorationRole, _R.ForegroundRole,
                            _R.TextAlignmentRole, Role.SECTION_ID, Role.IS_SECTION, Role.WARNING, Role.GUIDANCE,
                            Role.COUNT})
_PLACEMENT_ROLES = frozenset({_R.DisplayRole, _R.EditRole, _R.DecorationRole, _R.ToolTipRole, _R.FontRole}
                             | set(Role) - {Role.WARNING, Role.GUIDANCE, Role.COUNT, Role.SEARCH_TEXT})


@cache
def warning_icon() -> QIcon:
    """The sign beside a section outside its template's min..max, so it is seen without hovering."""
    return QIcon.fromTheme("dialog-warning", QIcon(str(ICONS_DIR / "warning.svg")))


def count_text(section: Section) -> str:
    """``3`` or, when the template sets a range, ``3 of 2–5`` / ``3 of ≥2`` / ``3 of ≤5``."""
    n = len(section.placements)
    if section.min is not None and section.max is not None:
        return f"{n} of {section.min}\u2013{section.max}" if section.min != section.max else f"{n} of {section.min}"
    if section.min is not None:
        return f"{n} of \u2265{section.min}"
    if section.max is not None:
        return f"{n} of \u2264{section.max}"
    return str(n)


def section_label(section: Section) -> str:
    """A section's title; "Unplaced" also says whose own writing it holds, since that is not a row below it."""
    held = [h.title or h.origin for h in section.held if h.text.strip()]
    if section.text.strip() and section.id == UNPLACED_ID:
        held.append("text")
    return f"{section.title} (holds text of {', '.join(held)})" if held else section.title


class BriefTreeModel(QAbstractItemModel):
    """Sections and their placements; edits, drops and deletes become undo commands."""

    notice = Signal(str)  # why a drop did nothing (a section never repeats a fact), for the status bar

    def __init__(self, brief: Brief, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._brief = brief
        self.undo_stack = undo_stack
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        brief.events.connect(self._on_event)

    # ----------------------------------------------------------------- the brief
    @property
    def brief(self) -> Brief:
        return self._brief

    def set_brief(self, brief: Brief) -> None:
        """Mirror another brief (a model reset). The undo stack is cleared: its commands act on the old one."""
        self.beginResetModel()
        follow_brief(self._on_event, self._brief, brief)
        self._brief = brief
        self.undo_stack.clear()
        self.endResetModel()

    # ----------------------------------------------------------------- helpers for the window
    def section_index(self, section_id: str, column: int = 0) -> QModelIndex:
        """The row of a section, or an invalid index if there is no such section."""
        for si, section in enumerate(self._brief.sections):
            if section.id == section_id:
                return self.createIndex(si, column, _SECTION)
        return QModelIndex()

    def placement_index(self, placement_id: str, column: int = 0) -> QModelIndex:
        """The row of a placement, or an invalid index if there is no such placement."""
        try:
            si, row = self._brief.locate(placement_id)
        except BriefingError:
            return QModelIndex()
        return self.createIndex(row, column, si + 1)

    def placement_id(self, index: AnyIndex) -> str | None:
        """The placement a row shows; None for sections and invalid indexes."""
        placement = self._placement(index)
        return placement.id if placement is not None else None

    def section_id(self, index: AnyIndex) -> str | None:
        """The section a row belongs to: the section itself, or the section holding a placement."""
        if not self._valid(index):
            return None
        si = index.row() if index.internalId() == _SECTION else index.internalId() - 1
        return self._brief.sections[si].id

    def is_section(self, index: AnyIndex) -> bool:
        return self._valid(index) and index.internalId() == _SECTION

    def _valid(self, index: AnyIndex) -> bool:
        if not index.isValid() or index.model() is not self:
            return False
        sections = self._brief.sections
        iid = index.internalId()
        if iid == _SECTION:
            return 0 <= index.row() < len(sections)
        return 0 < iid <= len(sections) and 0 <= index.row() < len(sections[iid - 1].placements)

    def _placement(self, index: AnyIndex) -> Placement | None:
        if not self._valid(index) or index.internalId() == _SECTION:
            return None
        return self._brief.sections[index.internalId() - 1].placements[index.row()]

    # ----------------------------------------------------------------- brief events -> rows
    def _section_parent(self, si: int) -> QModelIndex:
        return self.createIndex(si, 0, _SECTION)

    def _section_changed(self, *section_rows: int) -> None:
        for si in dict.fromkeys(section_rows):
            self.dataChanged.emit(self.createIndex(si, 0, _SECTION), self.createIndex(si, 1, _SECTION))

    def _on_event(self, event: ev.BriefEvent) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(self, event)

    def _inserting(self, event: ev.PlacementsInserting) -> None:
        self.beginInsertRows(self._section_parent(event.section), event.first, event.last)

    def _inserted(self, event: ev.PlacementsInserted) -> None:
        self.endInsertRows()
        self._section_changed(event.section)

    def _removing(self, event: ev.PlacementsRemoving) -> None:
        self.beginRemoveRows(self._section_parent(event.section), event.first, event.last)

    def _removed(self, event: ev.PlacementsRemoved) -> None:
        self.endRemoveRows()
        self._section_changed(event.section)

    def _moving(self, event: ev.PlacementsMoving) -> None:
        # Qt refuses only a move onto itself, which the Brief never emits (it skips a block already there).
        self.beginMoveRows(self._section_parent(event.section), event.first, event.last,
                           self._section_parent(event.dest_section), event.dest_row)

    def _moved(self, event: ev.PlacementsMoved) -> None:
        self.endMoveRows()
        if event.section != event.dest_section:
            self._section_changed(event.section, event.dest_section)

    def _changed(self, event: ev.SectionChanged) -> None:
        if event.first is None:
            self._section_changed(event.section)
        else:
            self.dataChanged.emit(self.createIndex(event.first, 0, event.section + 1),
                                  self.createIndex(event.last, 1, event.section + 1))

    def _resetting(self, _event: ev.SectionsResetting) -> None:
        self.beginResetModel()

    def _reset(self, _event: ev.SectionsReset) -> None:
        self.endResetModel()

    _handlers: dict[type[ev.BriefEvent], Callable[[BriefTreeModel, Any], None]] = {
        ev.PlacementsInserting: _inserting, ev.PlacementsInserted: _inserted,
        ev.PlacementsRemoving: _removing, ev.PlacementsRemoved: _removed,
        ev.PlacementsMoving: _moving, ev.PlacementsMoved: _moved,
        ev.SectionChanged: _changed, ev.SectionsResetting: _resetting, ev.SectionsReset: _reset,
    }

    # ----------------------------------------------------------------- Qt model: structure
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        sections = self._brief.sections
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION) if row < len(sections) else QModelIndex()
        if parent.internalId() != _SECTION or not 0 <= parent.row() < len(sections):
            return QModelIndex()
        if row >= len(sections[parent.row()].placements):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        if not parent.isValid():
            return len(self._brief.sections)
        if parent.column() != 0 or parent.internalId() != _SECTION:
            return 0
        return len(self._brief.sections[parent.row()].placements)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 2

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802 - Qt override
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Brief", "Facts")[section] if section in (0, 1) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        f = Qt.ItemFlag
        if not index.isValid():
            return f.ItemIsDropEnabled  # empty space below the outline: the end of the last section
        if index.internalId() == _SECTION:
            return f.ItemIsEnabled | f.ItemIsSelectable | f.ItemIsDropEnabled
        flags = f.ItemIsEnabled | f.ItemIsSelectable | f.ItemIsDragEnabled | f.ItemIsDropEnabled \
            | f.ItemNeverHasChildren
        return flags | f.ItemIsEditable if index.column() == COLUMN_TEXT else flags

    # ----------------------------------------------------------------- Qt model: data
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks every row for a dozen roles it mostly has no answer for (size hint, background,
        # check state...); those are turned away before any lookup: a drop of 1,000 facts asks ~30,000 times.
        iid = index.internalId()
        if role not in (_SECTION_ROLES if iid == _SECTION else _PLACEMENT_ROLES) or not self._valid(index):
            return None
        if iid == _SECTION:
            return self._section_data(self._brief.sections[index.row()], index.column(), role)
        placement = self._brief.sections[iid - 1].placements[index.row()]
        return self._placement_data(placement, iid - 1, index.column(), role)

    def _section_data(self, section: Section, column: int, role: int) -> Any:
        R = Qt.ItemDataRole
        if role == R.DisplayRole:
            return section_label(section) if column == COLUMN_TEXT else count_text(section)
        if role == R.ToolTipRole:
            lines = [section.guidance, section.count_warning().capitalize(),
                     *(f"Holds the text of {h.title or h.origin}: {h.text[:120]}" for h in section.held)]
            return "\n".join(line for line in lines if line) or None
        if role == R.FontRole and column == COLUMN_TEXT:
            return self._bold
        if role == R.DecorationRole and column == COLUMN_TEXT and section.count_warning():
            return warning_icon()
        if role == R.ForegroundRole and column == COLUMN_COUNT and section.count_warning():
            return QColor(WARNING_COLOR)
        if role == R.TextAlignmentRole and column == COLUMN_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.SECTION_ID:
            return section.id
        if role == Role.IS_SECTION:
            return True
        if role == Role.WARNING:
            return section.count_warning()
        if role == Role.GUIDANCE:
            return section.guidance
        if role == Role.COUNT:
            return len(section.placements)
        return None

    def _placement_data(self, placement: Placement, si: int, column: int, role: int) -> Any:
        R = Qt.ItemDataRole
        brief = self._brief
        fact = brief.fact(placement.fact_id)
        if role in (R.DisplayRole, R.EditRole):
            return brief.wording(placement) if column == COLUMN_TEXT else None
        if role == R.DecorationRole and column == COLUMN_TEXT:
            return kind_icon(fact.kind)
        if role == R.ToolTipRole:
            return self._placement_tooltip(placement)
        if role == R.FontRole and column == COLUMN_TEXT and placement.text:
            return self._italic  # reworded: the analyst's words, not the source's
        if role == Role.PLACEMENT_ID:
            return placement.id
        if role == Role.FACT_ID:
            return fact.id
        if role == Role.SECTION_ID:
            return brief.sections[si].id
        if role == Role.IS_SECTION:
            return False
        if role == Role.ORIGINAL_TEXT:
            return fact.text
        if role == Role.IS_REWORDED:
            return bool(placement.text)
        if role == Role.NOTE:
            return placement.note
        if role == Role.KIND:
            return fact.kind
        if role == Role.SPEAKER:
            return fact.speaker
        if role == Role.SOURCE_ID:
            return fact.source_id
        if role == Role.SOURCE_TITLE:
            ext = brief.extractions.get(fact.source_id)
            return (ext.source.title or ext.source.publisher or ext.source.id) if ext else ""
        if role == Role.TIMES_PLACED:
            return brief.times_placed(fact.id)
        if role == Role.ENTITIES:
            return list(dict.fromkeys(e.text for e in fact.entities))
        if role == Role.DATES:
            return [d.value or d.text for d in fact.dates]
        return None

    def _placement_tooltip(self, placement: Placement) -> str:
        fact = self._brief.fact(placement.fact_id)
        lines = []
        if placement.text:
            lines.append(f"Original: {fact.text}")
        if placement.note:
            lines.append(f"Note: {placement.note}")
        ext = self._brief.extractions.get(fact.source_id)
        if ext is not None:
            lines.append(f"Source: {ext.source.citation()}")
        return "\n".join(lines) or fact.text

    def setData(self, index: AnyIndex, value: Any,  # noqa: N802 - Qt override
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Reword (EditRole, text column) or annotate (NOTE role) a placement, each as one undo step."""
        placement = self._placement(index)
        if placement is None or not isinstance(value, str):
            return False
        if role == Qt.ItemDataRole.EditRole and index.column() == COLUMN_TEXT:
            if value.strip() == self._brief.wording(placement):
                return True  # nothing changed: no undo step
            self.undo_stack.push(RewordCommand(self._brief, placement.id, value))
            return True
        if role == Role.NOTE:
            if value != placement.note:
                self.undo_stack.push(SetNoteCommand(self._brief, placement.id, value))
            return True
        return False

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        """Delete placements rows row..row+count-1 of a section as one undo step (sections: refused).

        Moves never come here: a move drop moves in ``dropMimeData`` and returns False, so the view does
        not follow up with ``removeRows`` (see ``brief_drops``)."""
        if not self.is_section(parent) or count <= 0:
            return False
        placements = self._brief.sections[parent.row()].placements
        if row < 0 or row + count > len(placements):
            return False
        self.undo_stack.push(RemovePlacementsCommand(self._brief, [p.id for p in placements[row:row + count]]))
        return True

    # ----------------------------------------------------------------- drag and drop
    # Drag payloads and drop plans are imported by the first drag or drop: opening the window needs neither.
    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        from briefing.ui.models import mime

        return [mime.MIME_PLACEMENT_IDS, mime.MIME_FACT_IDS, mime.MIME_SPAN, mime.MIME_TEXT]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # noqa: N802 - Qt override
        rows = sorted({(ix.internalId() - 1, ix.row()) for ix in indexes
                       if self._valid(ix) and ix.internalId() != _SECTION})
        if not rows:
            return None
        from briefing.ui.models.mime import placements_mime_data

        sections = self._brief.sections
        return placements_mime_data(self._brief, (sections[si].placements[r].id for si, r in rows))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def drop_target(self, row: int, parent: AnyIndex) -> tuple[str, int | None] | None:
        """Where a drop lands: (section id, row before which to insert; None = the end).

        Onto a section: its end (or ``row``). Onto a placement: before it. Between sections at the top
        level: the end of the section above (the start of the first). Empty space: the end of the last."""
        sections = self._brief.sections
        if not sections:
            return None
        if not parent.isValid():
            if 0 < row <= len(sections):
                return sections[row - 1].id, None
            if row == 0:
                return sections[0].id, 0
            return sections[-1].id, None
        if not self._valid(parent):
            return None
        if parent.internalId() == _SECTION:
            return sections[parent.row()].id, (row if row >= 0 else None)
        return sections[parent.internalId() - 1].id, parent.row()

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: AnyIndex) -> bool:
        from briefing.ui.models import brief_drops

        target = self.drop_target(row, parent)
        return target is not None and brief_drops.plan(self._brief, data, action) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: AnyIndex) -> bool:
        """Validate, then push one undo step; False for anything invalid (never raises).

        A move returns False after moving, on purpose: a True would make the source view call
        ``removeRows`` on the rows it dragged, deleting the placements that were just moved."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self.drop_target(row, parent)
        if target is None:
            return False
        from briefing.ui.models import brief_drops

        return brief_drops.perform(self._brief, self.undo_stack, data, action, *target, tell=self.notice.emit)

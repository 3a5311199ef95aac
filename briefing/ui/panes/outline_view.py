"""The brief's outline: sections with their placements beneath, always expanded, a drop target for facts
(copied from the list) and for its own placements (moved), edited in place with F2 or a double-click."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from briefing.core.section import UNPLACED_ID, UNPLACED_TITLE
from briefing.ui.models.roles import Role


class OutlineView(QTreeView):
    """Emits ``current_target`` with ("section", id), ("placement", id) or None as the current row changes."""

    current_target = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefOutline")
        self.setAccessibleName("Brief outline")
        self.setAccessibleDescription("The template's sections and the facts placed in them; F2 rewords, "
                                      "Alt+Up and Alt+Down move, Delete removes")
        self.header().setAccessibleName("Outline columns")
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        # Rewording happens in its own editor (F2, double-click: the window's reword_selected), where a long
        # sentence and its original wording both fit; an outline row is one line high.
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAnimated(False)
        self.setItemsExpandable(False)  # sections stay open: the outline is the brief
        self.setRootIsDecorated(False)
        self.setIndentation(14)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._fit_timer = QTimer(self)  # one refit per burst of changes (a drop of many facts)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_count_column)

    def setModel(self, model) -> None:  # noqa: N802, ANN001 (Qt override)
        old = self.model()
        if old is not None:
            old.modelReset.disconnect(self.expandAll)
            old.rowsInserted.disconnect(self._on_rows_inserted)
            for signal in self._refit_signals(old):
                signal.disconnect(self._fit_timer.start)
        super().setModel(model)
        if model is None:
            return
        model.modelReset.connect(self.expandAll)
        model.rowsInserted.connect(self._on_rows_inserted)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if model.columnCount() > 1:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
            for signal in self._refit_signals(model):
                signal.connect(self._fit_timer.start)
            self.fit_count_column()
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self.expandAll()

    @staticmethod
    def _refit_signals(model):  # noqa: ANN001, ANN205 - the model's signals that can change a count
        return (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged, model.layoutChanged)

    def fit_count_column(self) -> None:
        """Size the count column to its widest text ("3 of 2–5"), read from the sections alone.

        Instead of Qt's resize-to-contents, which measures every row (placements too, whose count cell is
        empty) at each layout, and again after every drop."""
        self._fit_timer.stop()
        model = self.model()
        if model is None or model.columnCount() < 2:
            return
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(str(model.index(row, 1).data() or ""))
                      for row in range(model.rowCount())), default=0)
        self.header().resizeSection(1, widest + 2 * metrics.averageCharWidth() if widest else 0)
        self.hide_empty_unplaced()

    def hide_empty_unplaced(self) -> None:
        """"Unplaced" shows only while it holds something (a fact, or a section's text waiting for it)."""
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(Role.SECTION_ID) == UNPLACED_ID:
                empty = not index.data(Role.COUNT) and index.data() == UNPLACED_TITLE
                self.setRowHidden(row, QModelIndex(), empty)

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.expand(self.model().index(row, 0))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_target.emit(self.target(current))

    def target(self, index: QModelIndex) -> tuple[str, str] | None:
        if not index.isValid():
            return None
        if index.data(Role.IS_SECTION):
            return ("section", index.data(Role.SECTION_ID))
        return ("placement", index.data(Role.PLACEMENT_ID))

    def selected_placement_ids(self) -> list[str]:
        """Selected placements in outline order (sections in the selection are ignored)."""
        rows = [ix for ix in self.selectionModel().selectedRows(0) if not ix.data(Role.IS_SECTION)]
        rows.sort(key=lambda ix: (ix.parent().row(), ix.row()))
        return [ix.data(Role.PLACEMENT_ID) for ix in rows]

    def select_placement(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

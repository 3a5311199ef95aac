"""The fact pool: a filter box, one toggle per fact kind, and the list the analyst drags facts from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.fact import FACT_KINDS
from briefing.ui.models.fact_groups import ALL, CORROBORATION_CHOICES
from briefing.ui.models.fact_list import kind_icon
from briefing.ui.panes.fact_delegate import FactDelegate

if TYPE_CHECKING:
    from briefing.ui.models.fact_filter import FactFilterProxy

KINDS_PER_ROW = 3  # two rows of toggles fit a narrow column


class FactListView(QListView):
    """The fact list: extended selection, drag (copy) only, one fixed row height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setUniformItemSizes(True)
        self.setItemDelegate(FactDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAlternatingRowColors(True)
        self.setAccessibleName("Facts")
        self.setAccessibleDescription("Facts extracted from the sources; Ctrl+1 to Ctrl+9 place the selected ones "
                                      "in that section, or drag them onto the outline")


class FactPane(QWidget):
    """Filter box + kind toggles + list, all driving one ``FactFilterProxy``."""

    kinds_changed = Signal()

    def __init__(self, proxy: FactFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factPane")
        self.proxy = proxy
        self.filter = QLineEdit(self)
        self.filter.setObjectName("factFilter")
        self.filter.setPlaceholderText("Filter facts: words, speaker, people, places\u2026")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter facts")
        self.filter.setAccessibleDescription("Type words, a speaker, a person or a place; Down or Return moves "
                                             "into the facts")
        self.filter.textChanged.connect(proxy.set_text)
        self.filter.installEventFilter(self)
        self.source_filter = QComboBox(self)
        self.source_filter.setObjectName("sourceFilter")
        self.source_filter.setAccessibleName("Show facts from")
        self.source_filter.setToolTip("Show the facts of one source, or of all")
        self.source_filter.currentIndexChanged.connect(
            lambda _i: proxy.set_source(self.source_filter.currentData()))
        self.source_filter.setVisible(False)
        self.kind_buttons: dict[str, QToolButton] = {}
        kinds_row = QGridLayout()
        kinds_row.setSpacing(1)
        for n, kind in enumerate(FACT_KINDS):
            button = QToolButton(self)
            button.setObjectName(f"kindToggle_{kind}")
            button.setText(kind.capitalize())
            button.setIcon(kind_icon(kind))
            button.setIconSize(QSize(10, 10))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setToolTip(f"Show {kind} facts (right-click: only {kind})")
            button.setAccessibleName(f"Show {kind} facts")
            button.toggled.connect(self._apply_kinds)
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(lambda _pos, k=kind: self.show_only(k))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            kinds_row.addWidget(button, *divmod(n, KINDS_PER_ROW))
            self.kind_buttons[kind] = button
        groups_row = self._build_group_filters()
        self.list = FactListView(self)
        self.list.setModel(proxy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.filter)
        layout.addWidget(self.source_filter)
        layout.addLayout(kinds_row)
        layout.addLayout(groups_row)
        layout.addWidget(self.list, 1)
        # Keyboard order follows the work: type a filter, go to the results, only then the toggles.
        order = [self.filter, self.list, self.source_filter, *self.kind_buttons.values()]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Down, Return or Enter in the filter box moves into the results, the first one current and selected."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_list()
            return True
        return super().eventFilter(watched, event)

    def enter_list(self) -> bool:
        """Focus the list with its first shown fact current and selected; False when nothing is shown."""
        self.list.setFocus(Qt.FocusReason.TabFocusReason)
        first = self.proxy.index(0, 0)
        if not first.isValid():
            return False
        self.list.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(first)
        return True

    def set_sources(self, sources: list[tuple[str, str]]) -> None:
        """Offer "All sources" plus each (id, label); shown only with two or more sources. A chosen source
        that is gone falls back to all."""
        chosen = self.source_filter.currentData()
        self.source_filter.blockSignals(True)
        self.source_filter.clear()
        self.source_filter.addItem("All sources", None)
        for source_id, label in sources:
            self.source_filter.addItem(label if len(label) <= 60 else label[:58] + "\u2026", source_id)
        index = self.source_filter.findData(chosen) if chosen is not None else 0
        self.source_filter.setCurrentIndex(max(0, index))
        self.source_filter.blockSignals(False)
        self.proxy.set_source(self.source_filter.currentData())
        self.source_filter.setVisible(len(sources) > 1)

    def show_source(self, source_id: str | None) -> None:
        """Show one source's facts (None: all), as choosing it in the source filter does."""
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(source_id)) if source_id else 0)

    def _build_group_filters(self) -> QHBoxLayout:
        """Which facts by how many sources report them, and whether a claim shows once or per source."""
        self.corroboration = QComboBox(self)
        self.corroboration.setObjectName("corroborationFilter")
        self.corroboration.setAccessibleName("Show facts by corroboration")
        self.corroboration.setToolTip("Show every fact, those other sources also report, those only one "
                                      "source reports, or those whose sources disagree")
        for choice, label in CORROBORATION_CHOICES:
            self.corroboration.addItem(label, choice)
        self.corroboration.currentIndexChanged.connect(
            lambda _i: self.proxy.set_corroboration(self.corroboration.currentData()))
        self.one_per_claim = QCheckBox("One row per claim", self)
        self.one_per_claim.setObjectName("onePerClaim")
        self.one_per_claim.setAccessibleName("One row per claim")
        self.one_per_claim.setToolTip("A claim several sources report shows once, with a badge; untick to see "
                                      "every source's wording")
        self.one_per_claim.setChecked(self.proxy.one_per_claim)
        self.one_per_claim.toggled.connect(self.proxy.set_one_per_claim)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.corroboration, 1)
        row.addWidget(self.one_per_claim)
        return row

    def set_corroboration(self, choice: str) -> None:
        """Choose a corroboration filter by its value (``fact_groups.CORROBORATION_CHOICES``)."""
        self.corroboration.setCurrentIndex(max(0, self.corroboration.findData(choice)))

    def checked_kinds(self) -> set[str]:
        return {k for k, b in self.kind_buttons.items() if b.isChecked()}

    def set_kinds(self, kinds: set[str] | None) -> None:
        """Check exactly these kinds (None: all)."""
        for kind, button in self.kind_buttons.items():
            button.blockSignals(True)
            button.setChecked(kinds is None or kind in kinds)
            button.blockSignals(False)
        self._apply_kinds()

    def show_only(self, kind: str) -> None:
        self.set_kinds({kind})

    def _apply_kinds(self) -> None:
        checked = self.checked_kinds()
        self.proxy.set_kinds(None if checked == set(self.kind_buttons) else checked)
        self.kinds_changed.emit()

    def clear_filters(self) -> None:
        """Show every fact again (text, kinds, source; the entity filter belongs to the entity panel)."""
        self.filter.clear()
        self.source_filter.setCurrentIndex(0)
        self.set_kinds(None)
        self.set_corroboration(ALL)

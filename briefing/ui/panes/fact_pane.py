"""The fact pool: a filter box, one toggle per fact kind, and the list the analyst drags facts from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
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
        self.filter.textChanged.connect(proxy.set_text)
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
        layout.addLayout(kinds_row)
        layout.addLayout(groups_row)
        layout.addWidget(self.list, 1)

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
        """Show every fact again (text, kinds; the entity filter belongs to the entity panel)."""
        self.filter.clear()
        self.set_kinds(None)
        self.set_corroboration(ALL)

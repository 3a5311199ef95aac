"""The window's panes and splitters: article and entities | facts | outline, notes, preview and header.

Initial sizes suit 1280x800; every splitter has an objectName so its sizes are remembered between sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.panes.entity_panel import EntityPanel
from briefing.ui.panes.fact_pane import FactPane
from briefing.ui.panes.metadata_form import MetadataForm
from briefing.ui.panes.outline_view import OutlineView
from briefing.ui.panes.preview_pane import PreviewPane
from briefing.ui.panes.section_editor import SectionEditor
from briefing.ui.panes.source_pane import SourcePane
from briefing.ui.panes.timeline_view import TimelineView

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from briefing.ui.models.fact_filter import FactFilterProxy

# Proportions of the three columns and of each column's parts, at 1280x800.
COLUMN_SIZES = (450, 370, 460)
LEFT_SIZES = (520, 180)
RIGHT_SIZES = (330, 90, 280)
PREVIEW_TAB, HEADER_TAB, TIMELINE_TAB = 0, 1, 2


@dataclass
class Panes:
    """Every pane and splitter of the window, built once by ``build_panes``."""

    source: SourcePane
    entities: EntityPanel
    facts: FactPane
    metadata: MetadataForm
    outline: OutlineView
    editor: SectionEditor
    preview: PreviewPane
    timeline: TimelineView
    main_splitter: QSplitter
    left_splitter: QSplitter
    right_splitter: QSplitter
    tabs: QTabWidget  # preview and header share the bottom right
    boxes: dict[str, QWidget]  # pane name -> the widget that View menu toggles

    def splitters(self) -> list[QSplitter]:
        return [self.main_splitter, self.left_splitter, self.right_splitter]


def titled(title: str, widget: QWidget, name: str) -> QWidget:
    """A pane with a small heading, so people know what each area is for."""
    box = QWidget()
    box.setObjectName(name)
    heading = QLabel(title, box)
    heading.setObjectName(f"{name}Title")
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 2)
    layout.setSpacing(3)
    layout.addWidget(heading)
    layout.addWidget(widget, 1)
    return box


def build_panes(parent: QWidget, proxy: FactFilterProxy, undo_stack: QUndoStack) -> Panes:
    """The window's three columns: article over entities, then the facts, then outline, editor and the
    preview/header tabs; each splitter starts at its default sizes and panes cannot be collapsed to nothing."""
    source = SourcePane()
    entities = EntityPanel()
    facts = FactPane(proxy)
    metadata = MetadataForm(undo_stack)
    outline = OutlineView()
    editor = SectionEditor(undo_stack)
    preview = PreviewPane()
    timeline = TimelineView()

    left = QSplitter(Qt.Orientation.Vertical)
    left.setObjectName("leftSplitter")
    boxes = {
        "source": titled("Article", source, "sourceBox"),
        "entities": titled("People, organisations, places", entities, "entityBox"),
        "facts": titled("Facts", facts, "factBox"),
        "outline": titled("Brief", outline, "outlineBox"),
        "editor": editor,
    }
    header = QScrollArea()
    header.setObjectName("metadataBox")
    header.setWidgetResizable(True)
    header.setWidget(metadata)
    tabs = QTabWidget()
    tabs.setObjectName("briefTabs")
    tabs.tabBar().setAccessibleName("Preview, header and entities")
    tabs.setDocumentMode(True)
    tabs.insertTab(PREVIEW_TAB, preview, "Preview")
    tabs.insertTab(HEADER_TAB, header, "Header")
    tabs.setTabToolTip(HEADER_TAB, "Title, addressees, date, classification: the fields of the template")
    tabs.insertTab(TIMELINE_TAB, timeline, "Timeline")
    tabs.setTabToolTip(TIMELINE_TAB, "The dated facts of every source in date order; double-click one to see it")
    boxes["preview"], boxes["metadata"], boxes["timeline"] = preview, header, timeline
    entities.showing.hide()  # the pane title says it; the label returns when an entity is chosen
    entities.entity_chosen.connect(lambda name: entities.showing.setVisible(bool(name)))

    left.addWidget(boxes["source"])
    left.addWidget(boxes["entities"])
    right = QSplitter(Qt.Orientation.Vertical)
    right.setObjectName("rightSplitter")
    right.addWidget(boxes["outline"])
    right.addWidget(boxes["editor"])
    right.addWidget(tabs)
    main = QSplitter(Qt.Orientation.Horizontal, parent)
    main.setObjectName("mainSplitter")
    main.addWidget(left)
    main.addWidget(boxes["facts"])
    main.addWidget(right)
    for splitter, sizes in ((main, COLUMN_SIZES), (left, LEFT_SIZES), (right, RIGHT_SIZES)):
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(list(sizes))
        for i in range(splitter.count()):
            splitter.setStretchFactor(i, sizes[i])
    return Panes(source, entities, facts, metadata, outline, editor, preview, timeline, main, left, right, tabs,
                 boxes)

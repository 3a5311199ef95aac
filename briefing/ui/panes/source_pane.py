"""The left pane: one tab per source, a colour key, and the source text mirroring the brief's facts.

A long source is coloured where the reader looks first (what is on screen, again after each scroll), then
the rest a few milliseconds at a time from the event loop, so showing a megabyte never freezes the window.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Mapping

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core import events as ev
from briefing.core.fact import FACT_KINDS
from briefing.ui.models.brief_follower import follow_brief
from briefing.ui.panes.palette import blend, soft_tints
from briefing.ui.panes.source_document import SourceDocument
from briefing.ui.panes.source_view import SourceView

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.fact import Fact

# Rebuilding a document is cheaper than repainting span by span once this many facts leave at once.
REBUILD_THRESHOLD = 50
FILL_SLICE_S = 0.008  # colouring a long source in the background: at most this long between events
VISIBLE_MARGIN = 4_000  # characters above and below the screen coloured along with it


class ColorKey(QLabel):
    """The colour key: a swatch per fact kind and the underline styles of entities, wrapping to the width
    of the pane (one rich-text label, so a narrow pane never forces the window wider)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceLegend")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setToolTip("Facts are tinted by kind. Entities are underlined: solid for people, dashed for "
                        "organisations, dotted for places.")
        self.swatches: dict[str, str] = {}

    def set_tints(self, tints: Mapping[str, QColor]) -> None:
        text = self.palette().color(QPalette.ColorRole.Text).name()
        self.swatches = {kind: tint.name() for kind, tint in tints.items()}
        chips = [f"<span style='background-color:{color}; color:{text}'>&nbsp;{kind}&nbsp;</span>"
                 for kind, color in self.swatches.items()]
        people = "<u>underlined</u>: people (solid), organisations (dashed), places (dotted)"
        self.setText(" ".join(chips) + " &nbsp; " + people)


class SourcePane(QWidget):
    """Shows the brief's sources; documents are built on first view and kept in step with fact events."""

    fact_clicked = Signal(str)
    source_changed = Signal(str)  # source id now shown
    details_requested = Signal(str)  # the analyst wants to see or correct this source's citation details

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("sourceTabs")
        self.tabs.setExpanding(False)
        self.tabs.setElideMode(self.tabs.elideMode().ElideRight)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Sources")
        self.tabs.setAccessibleDescription("One tab per article; double-click a tab for its citation details")
        self.tabs.tabBarDoubleClicked.connect(
            lambda i: self.details_requested.emit(self.tabs.tabData(i)) if i >= 0 else None)
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("sourceDetailsButton")
        self.details_button.setText("Details\u2026")
        self.details_button.setAutoRaise(True)
        self.details_button.setToolTip("See and correct the title, publisher, author, date and URL a citation gives")
        self.details_button.setAccessibleName("Source details")
        self.details_button.clicked.connect(
            lambda: self.details_requested.emit(self.current_source_id()) if self.current_source_id() else None)
        self.legend = ColorKey(self)
        self.view = SourceView(self)
        self.placeholder = QLabel("Open an article (Ctrl+O) or drop a file here.", self)
        self.placeholder.setObjectName("sourcePlaceholder")
        self.placeholder.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        tab_row = QHBoxLayout()
        tab_row.setContentsMargins(0, 0, 0, 0)
        tab_row.addWidget(self.tabs, 1)
        tab_row.addWidget(self.details_button)
        layout.addLayout(tab_row)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.placeholder, 1)
        self.brief: Brief | None = None
        self.kind_colors: dict[str, QColor] = {}
        self._docs: dict[str, SourceDocument] = {}
        self._leaving: list[Fact] = []
        self._fill = QTimer(self)
        self._fill.setSingleShot(True)
        self._fill.setInterval(0)
        self._fill.timeout.connect(self._fill_some)
        self.tabs.currentChanged.connect(self._on_tab)
        self.view.fact_clicked.connect(self.fact_clicked)
        self.view.verticalScrollBar().valueChanged.connect(self._paint_visible)
        self._sync_tabs()

    # ----------------------------------------------------------------- set-up
    def set_kind_colors(self, colors: Mapping[str, object]) -> None:
        self.kind_colors = {k: QColor(v) if not isinstance(v, QColor) else v for k, v in colors.items()}
        self._restyle()

    def set_brief(self, brief: Brief | None) -> None:
        """Show another brief's sources (None: none); the documents built for the old brief are dropped."""
        follow_brief(self._on_event, self.brief, brief)
        self.brief = brief
        self.view.show_source(None)
        self._docs.clear()
        self._sync_tabs()

    def tints(self) -> dict[str, QColor]:
        ordered = {k: self.kind_colors[k] for k in FACT_KINDS if k in self.kind_colors}
        ordered.update({k: v for k, v in self.kind_colors.items() if k not in ordered})
        return soft_tints(ordered, self.view.palette())

    def underline_color(self) -> QColor:
        pal = self.view.palette()
        return blend(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base), 0.55)

    # ----------------------------------------------------------------- navigation
    def current_source_id(self) -> str | None:
        i = self.tabs.currentIndex()
        return self.tabs.tabData(i) if i >= 0 else None

    def show_source(self, source_id: str) -> None:
        for i in range(self.tabs.count()):
            if self.tabs.tabData(i) == source_id:
                self.tabs.setCurrentIndex(i)
                self._on_tab(i)
                return

    def show_fact(self, fact_id: str) -> None:
        """Switch to the fact's source, scroll to the fact and outline it."""
        if self.brief is None or not self.brief.has_fact(fact_id):
            return
        fact = self.brief.fact(fact_id)
        self.show_source(fact.source_id)
        self.view.show_fact(fact)

    def document(self, source_id: str) -> SourceDocument:
        doc = self._docs.get(source_id)
        if doc is None:
            assert self.brief is not None
            facts = [f for f in self.brief.facts if f.source_id == source_id]
            doc = SourceDocument.build(self.brief.extractions[source_id], facts, self.tints(),
                                       self.underline_color(), self)
            self._docs[source_id] = doc
        return doc

    def _on_tab(self, index: int) -> None:
        source_id = self.tabs.tabData(index) if index >= 0 else None
        if source_id is None or self.brief is None or source_id not in self.brief.extractions:
            self.view.show_source(None)
            return
        self.view.show_source(self.document(source_id))
        self._paint_visible()
        self.source_changed.emit(source_id)

    def _sync_tabs(self) -> None:
        extractions = self.brief.extractions if self.brief is not None else {}
        wanted = list(extractions)
        current = self.current_source_id()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for sid in wanted:
            source = extractions[sid].source
            label = source.title or (source.path.replace("\\", "/").rsplit("/", 1)[-1] if source.path else sid)
            i = self.tabs.addTab(label if len(label) <= 40 else label[:38] + "\u2026")
            self.tabs.setTabData(i, sid)
            self.tabs.setTabToolTip(i, source.citation())
        self.tabs.blockSignals(False)
        for sid in list(self._docs):
            if sid not in extractions:
                self._docs.pop(sid).document.deleteLater()
        has_sources = bool(wanted)
        self.view.setVisible(has_sources)
        self.legend.setVisible(has_sources)
        self.tabs.setVisible(has_sources)
        self.details_button.setVisible(has_sources)
        self.placeholder.setVisible(not has_sources)
        if has_sources:
            target = wanted.index(current) if current in wanted else len(wanted) - 1
            self.tabs.setCurrentIndex(target)
            self._on_tab(target)
        else:
            self.view.show_source(None)

    # ----------------------------------------------------------------- colouring a long source
    def visible_range(self) -> tuple[int, int] | None:
        """Source offsets of the text on screen, with a margin; None when no source is shown."""
        doc = self.view.source_doc
        if doc is None:
            return None
        viewport = self.view.viewport()
        top = self.view.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return (max(0, doc.offsets.to_py(top) - VISIBLE_MARGIN),
                doc.offsets.to_py(bottom) + VISIBLE_MARGIN)

    def _paint_visible(self, *_: object) -> None:
        doc = self.view.source_doc
        if doc is None or doc.fully_painted:
            return
        shown = self.visible_range()
        if shown is not None:
            doc.paint_range(*shown)
        if not doc.fully_painted:
            self._fill.start()

    def _fill_some(self) -> None:
        """One slice of background colouring of the shown source (the others wait until shown)."""
        doc = self.view.source_doc
        if doc is not None and doc.paint_some(FILL_SLICE_S):
            self._fill.start()

    # ----------------------------------------------------------------- brief events
    def _on_event(self, event: ev.BriefEvent) -> None:
        brief = self.brief
        if brief is None:
            return
        if isinstance(event, ev.SourcesChanged):
            self._sync_tabs()
        elif isinstance(event, ev.FactsInserted):
            self._apply(brief.facts[event.first:event.last + 1], added=True)  # type: ignore[index,operator]
        elif isinstance(event, ev.FactsRemoving):
            self._leaving = brief.facts[event.first:event.last + 1]  # type: ignore[index,operator]
        elif isinstance(event, ev.FactsRemoved):
            leaving, self._leaving = self._leaving, []
            self._apply(leaving, added=False)

    def _apply(self, facts: list[Fact], added: bool) -> None:
        by_source: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            by_source[fact.source_id].append(fact)
        for sid, group in by_source.items():
            doc = self._docs.get(sid)
            if doc is None:
                continue  # built with every fact when first shown
            if added:
                doc.add_facts(group)
            elif len(group) >= REBUILD_THRESHOLD:
                self._forget(sid)
            else:
                doc.remove_facts(group)

    def _forget(self, source_id: str) -> None:
        doc = self._docs.pop(source_id)
        if self.view.source_doc is doc:
            self.view.show_source(None)
            if self.brief is not None and source_id in self.brief.extractions:
                self._on_tab(self.tabs.currentIndex())
        doc.document.deleteLater()

    # ----------------------------------------------------------------- palette
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        tints = self.tints()
        self.legend.set_tints(tints)
        underline = self.underline_color()
        for doc in self._docs.values():
            doc.restyle(tints, underline)
        self._paint_visible()

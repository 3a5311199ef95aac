"""The composer window: article, facts and brief side by side, every change an undo step on one stack.

``MainWindow()`` builds an empty window without dialogs or blocking. Its public methods (``open_path``,
``save_brief``, ``export_docx``...) never prompt and raise ``BriefingError``, for tests and scripts; the
menus call ``*_interactive`` variants that ask with dialogs and show errors in a message box.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

from briefing.core import events as ev
from briefing.core.brief import Brief
from briefing.ui.accessible import name_toolbar_buttons
from briefing.ui.models import (
    KIND_COLORS,
    BriefTreeModel,
    FactFilterProxy,
    FactListModel,
)
from briefing.ui.models.brief_follower import follow_brief
from briefing.ui.models.roles import Role
from briefing.ui.window.actions import build_actions
from briefing.ui.window.claims import ClaimCommands
from briefing.ui.window.edit_handling import EditHandling
from briefing.ui.window.file_handling import FileHandling, brief_stem
from briefing.ui.window.geometry import keep_on_screen, size_for_first_start
from briefing.ui.window.layout import COLUMN_SIZES, LEFT_SIZES, RIGHT_SIZES, build_panes
from briefing.ui.window.model_reader import ModelReader
from briefing.ui.window.office import OfficeCommands
from briefing.ui.window.settings import LAST_TEMPLATE_KEY, RecentFiles, app_settings
from briefing.ui.window.source_import import SourceImport

if TYPE_CHECKING:
    from briefing.core.template import Template

APP_TITLE = "Briefing"
PAINT_WAIT_MS = 2_000  # work waiting for the first paint runs after this even if the window was never painted


class MainWindow(FileHandling, EditHandling, QMainWindow):
    """One brief at a time. ``interactive=True`` (the app) asks before losing work and shows errors in
    message boxes; the default (tests, scripts) never opens a dialog: errors go to ``last_error`` and the
    ``error_reported`` signal, and public methods raise them."""

    error_reported = Signal(str)

    def __init__(self, *, interactive: bool = False, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.interactive = interactive
        self.settings = settings if settings is not None else app_settings()
        self.recent = RecentFiles(self.settings)
        self.pending = []
        self.last_error: str | None = None
        self.brief = Brief()
        self.brief_path: Path | None = None
        self.export_path: Path | None = None
        self.template: Template | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.fact_model = FactListModel(self.brief, self)
        self.fact_proxy = FactFilterProxy(self)
        self.fact_proxy.setSourceModel(self.fact_model)
        self.tree_model = BriefTreeModel(self.brief, self.undo_stack, self)
        self.model_reader = ModelReader(lambda: self.brief, self._say, self)
        self.panes = build_panes(self, self.fact_proxy, self.undo_stack)
        self.setCentralWidget(self.panes.main_splitter)
        self.panes.outline.setModel(self.tree_model)
        self.tree_model.notice.connect(lambda message: self.statusBar().showMessage(message, 5000))
        self.panes.source.details_requested.connect(self.edit_source_details)
        self.panes.outline.doubleClicked.connect(
            lambda index: self.reword_selected() if not index.data(Role.IS_SECTION) else None)
        self.panes.source.set_kind_colors(KIND_COLORS)
        self.sources = SourceImport(self)  # several files, a folder, a web address
        self.office = OfficeCommands(self)  # citation style, PDF, clipboard
        self.claims = ClaimCommands(self)  # corroboration groups and the jump between their sentences
        self.window_actions = build_actions(self)
        if self.window_actions.toolbar is not None:
            name_toolbar_buttons(self.window_actions.toolbar)
        self._build_status_bar()
        self._build_view_menu()
        self._wire()
        self.setAcceptDrops(True)
        size_for_first_start(self)
        self._sized = False
        self._restored_splitters = False
        self._after_paint: list[Callable[[], object]] | None = []  # None once the window has been painted
        self.restore_settings()
        self.set_brief(self.brief, None)

    # ----------------------------------------------------------------- construction
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("factCounts")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("extractionProgress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(180)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("extractionCancel")
        self.cancel_button.clicked.connect(self.cancel_extraction)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.counts_label)
        self.hide_progress()

    def _build_view_menu(self) -> None:
        menu = self.window_actions.view_menu
        labels = {"source": "&Article", "entities": "&People and Places", "facts": "&Facts",
                  "metadata": "&Header", "outline": "&Brief Outline", "editor": "&Notes",
                  "preview": "Pre&view", "timeline": "&Timeline"}
        tabs = self.panes.tabs
        for name, label in labels.items():
            box = self.panes.boxes[name]
            action = menu.addAction(label)
            action.setObjectName(f"actionShow_{name}")
            action.setCheckable(True)
            action.setChecked(True)
            if tabs.indexOf(box) >= 0:  # a tab: hide the tab, and the tab bar's pane when both are hidden
                action.toggled.connect(lambda on, b=box: self._show_tab(b, on))
            else:
                action.toggled.connect(box.setVisible)
            self.window_actions.by_name[action.objectName()] = action
        menu.addSeparator()
        menu.addAction(self.window_actions["actionAddSelection"])
        toolbar = self.window_actions.toolbar
        if toolbar is not None:
            menu.addAction(toolbar.toggleViewAction())

    def _show_tab(self, page: QWidget, visible: bool) -> None:
        tabs = self.panes.tabs
        tabs.setTabVisible(tabs.indexOf(page), visible)
        tabs.setVisible(any(tabs.isTabVisible(i) for i in range(tabs.count())))

    def _wire(self) -> None:
        panes, acts = self.panes, self.window_actions
        # Bound methods, not lambdas: Qt drops them when the window goes, so a child's last signal during
        # destruction cannot reach a half-deleted window.
        self.undo_stack.cleanChanged.connect(self.update_title)
        self.undo_stack.indexChanged.connect(self.update_enabled)
        panes.facts.list.selectionModel().currentChanged.connect(self.on_fact_current)
        panes.facts.list.selectionModel().selectionChanged.connect(self.update_enabled)
        panes.facts.list.customContextMenuRequested.connect(self.show_fact_menu)
        panes.outline.current_target.connect(self.on_outline_current)
        panes.outline.selectionModel().selectionChanged.connect(self.update_enabled)
        panes.outline.addActions([acts["actionReword"], acts["actionMoveUp"], acts["actionMoveDown"],
                                  acts["actionDelete"]])
        panes.facts.list.addAction(acts["actionDeleteFact"])
        panes.outline.addAction(acts["actionCopy"])
        panes.timeline.fact_chosen.connect(self.claims.show_dated_fact)
        for name in ("actionDelete", "actionReword", "actionDeleteFact", "actionCopy"):  # only where they apply: outline, fact list
            self.removeAction(acts[name])
        panes.source.fact_clicked.connect(self.select_fact)
        panes.source.view.set_context_actions([acts["actionAddSelection"], acts["actionNextCorroborating"]])
        panes.source.view.selectionChanged.connect(self.update_enabled)
        panes.entities.entity_chosen.connect(self.fact_proxy.set_entity)
        for signal in (self.fact_proxy.rowsInserted, self.fact_proxy.rowsRemoved, self.fact_proxy.modelReset,
                       self.fact_proxy.layoutChanged):
            signal.connect(self._schedule_counts)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self.update_counts)

    # ----------------------------------------------------------------- the brief
    def set_brief(self, brief: Brief, path: Path | None) -> None:
        """Show ``brief`` (saved at ``path``, or never saved); the undo history starts afresh."""
        old = self.brief
        self.brief = brief
        self.brief_path = Path(path) if path is not None else None
        self.export_path = None
        self.template = None
        if brief.template_id:  # the empty brief of a new window has none: no need to read the templates
            from briefing.template.registry import find_template_or_none

            self.template = find_template_or_none(brief.template_id)
        self.clear_filters()
        self.fact_model.set_brief(brief)
        self.tree_model.set_brief(brief)  # a model reset: the outline expands its sections itself
        self.panes.source.set_brief(brief)
        self.panes.entities.set_brief(brief)
        self.panes.metadata.set_brief(brief, self.template)
        self.panes.editor.set_brief(brief)
        self.panes.preview.set_brief(brief)
        self.panes.timeline.set_brief(brief)
        follow_brief(self._on_brief_event, old, brief)  # last: the window reads what the panes show
        self.claims.regroup()  # groups are derived, never saved: a loaded brief finds them again
        self.office.template_changed()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.update_section_actions()
        self._sources_changed()
        self.update_counts()
        self.update_title()
        self.update_enabled()

    def _say(self, message: str, ms: int) -> None:
        self.statusBar().showMessage(message, ms)

    def _sources_changed(self) -> None:
        """With several sources, each fact row also names its source; a new source is read by the model."""
        self.model_reader.schedule()
        self.panes.facts.set_sources([(sid, x.source.title or x.source.publisher or sid)
                                      for sid, x in self.brief.extractions.items()])
        delegate = self.panes.facts.list.itemDelegate()
        show_source = len(self.brief.extractions) > 1
        if delegate.show_source != show_source:
            delegate.show_source = show_source
            # Only on a change: the first viewport() makes PySide set up many widget classes (benchmarks/RESULTS.md).
            self.panes.facts.list.viewport().update()

    def _on_brief_event(self, event: ev.BriefEvent) -> None:
        if isinstance(event, ev.SectionsReset):  # a template switch (or its undo): the header and sections change
            from briefing.template.registry import find_template_or_none

            if self.template is None or self.template.id != self.brief.template_id:
                self.template = find_template_or_none(self.brief.template_id) or self.template
            self.panes.metadata.rebuild(self.template)
            self.office.template_changed()
            self.update_section_actions()
            self.panes.outline.expandAll()
        elif isinstance(event, (ev.FactsChanged, ev.FactsInserted, ev.FactsRemoved)):
            if not isinstance(event, ev.FactsChanged):  # a source's facts came or went (adding it says so first)
                self.claims.regroup()
            self._schedule_counts()
        elif isinstance(event, ev.MetadataChanged):
            self.update_title()
        elif isinstance(event, ev.SourcesChanged):
            self._sources_changed()

    def default_template(self) -> Template:
        from briefing.template.registry import (
            DEFAULT_TEMPLATE_ID,
            find_template,
            find_template_or_none,
        )

        last = self.settings.value(LAST_TEMPLATE_KEY)
        return find_template_or_none(str(last) if last else None) or find_template(DEFAULT_TEMPLATE_ID)

    def remember_template(self, template_id: str) -> None:
        self.settings.setValue(LAST_TEMPLATE_KEY, template_id)

    # ----------------------------------------------------------------- title, status, enabled state
    def brief_name(self) -> str:
        if self.brief_path is not None:
            return brief_stem(self.brief_path)
        title = self.brief.metadata.get("title", "").strip()
        if title:
            return title
        first = next(iter(self.brief.extractions.values()), None)
        if first is not None and first.source.title:
            return first.source.title
        return "Untitled brief"

    def update_title(self, *_: object) -> None:
        self.setWindowTitle(f"{self.brief_name()}[*] \u2014 {APP_TITLE}")
        self.setWindowModified(not self.undo_stack.isClean())

    def _schedule_counts(self, *_: object) -> None:
        self._counts_timer.start()

    def counts_text(self) -> str:
        total = len(self.brief.facts)
        placed = self.brief.placed_fact_count()
        return f"{total} fact{'s' if total != 1 else ''}, {self.fact_proxy.rowCount()} shown, {placed} placed"

    def update_counts(self) -> None:
        self.counts_label.setText(self.counts_text())

    def update_enabled(self, *_: object) -> None:
        acts = self.window_actions
        has_brief = bool(self.brief.sections)
        outline_selection = bool(self.selected_placement_ids())
        acts["actionDelete"].setEnabled(outline_selection)
        acts["actionDeleteFact"].setEnabled(self.selection_has_custom_fact())
        acts["actionReword"].setEnabled(self.current_placement_id() is not None)
        acts["actionMoveUp"].setEnabled(self.current_placement_id() is not None)
        acts["actionMoveDown"].setEnabled(self.current_placement_id() is not None)
        acts["actionAutoDraft"].setEnabled(has_brief and bool(self.brief.facts))
        acts["actionAddSelection"].setEnabled(self.panes.source.view.textCursor().hasSelection())
        acts["actionExport"].setEnabled(has_brief)
        acts["actionExportPdf"].setEnabled(has_brief)
        acts["actionCopyBrief"].setEnabled(has_brief)
        acts["actionCopy"].setEnabled(outline_selection)
        acts["actionSave"].setEnabled(has_brief)
        acts["actionSaveAs"].setEnabled(has_brief)
        acts["actionAddSource"].setEnabled(True)

    def show_progress(self, message: str) -> None:
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.statusBar().showMessage(message)

    def hide_progress(self) -> None:
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.statusBar().clearMessage()

    # ----------------------------------------------------------------- errors
    def report_error(self, message: str) -> None:
        """A person's mistake or a file problem: one line, in a message box for people (over the window: a
        file the app was started with is opened before the window shows, and its box waits until it has)."""
        self.last_error = message
        self.error_reported.emit(message)
        if self.interactive:
            from briefing.ui.window import dialogs

            self.once_on_screen(lambda: dialogs.show_error(self, message))
        else:
            self.statusBar().showMessage(message, 8000)

    def guarded(self, func, *args):  # noqa: ANN001, ANN201 - any callable and its result
        """Run ``func``; a ``BriefingError`` is reported (not raised) and the result is None."""
        from briefing.core.errors import BriefingError

        try:
            return func(*args)
        except BriefingError as err:
            self.report_error(str(err))
            return None

    # ----------------------------------------------------------------- settings and closing
    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        super().showEvent(event)
        if not self._sized:  # first show: the panes get their intended share of the real width
            self._sized = True
            if not self._restored_splitters:  # after the layout has given the splitters their width
                QTimer.singleShot(0, self._initial_splitter_sizes)

    def _initial_splitter_sizes(self) -> None:
        for splitter, sizes in zip(self.panes.splitters(), (COLUMN_SIZES, LEFT_SIZES, RIGHT_SIZES)):
            total = sum(splitter.sizes()) or sum(sizes)
            splitter.setSizes([round(total * n / sum(sizes)) for n in sizes])

    def restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            keep_on_screen(self)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        for splitter in self.panes.splitters():
            saved = s.value(f"splitters/{splitter.objectName()}")
            if isinstance(saved, QByteArray) and not saved.isEmpty():
                self._restored_splitters = splitter.restoreState(saved) or self._restored_splitters

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for splitter in self.panes.splitters():
            s.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        s.sync()

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current brief (saved, discarded, or not interactive)."""
        if self.undo_stack.isClean() or not self.interactive:
            return True
        from briefing.ui.window import dialogs

        answer = dialogs.ask_save_changes(self, self.brief_name())
        if answer == dialogs.SAVE:
            return self.save_interactive()
        return answer == dialogs.DISCARD

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` from the event loop once the window is on screen (soon, if it already is): what the
        analyst does not need to see the window, such as the log file and autosave, need not delay it. A
        window that is not painted within ``PAINT_WAIT_MS`` (started minimised) runs it then."""
        if self._after_paint is None:
            QTimer.singleShot(0, self, work)
            return
        if not self._after_paint:
            QTimer.singleShot(PAINT_WAIT_MS, self, self._painted)
        self._after_paint.append(work)

    def once_on_screen(self, work: Callable[[], object]) -> None:
        """Run ``work`` now if the window is shown (or has been painted), else after its first paint: what the
        app does with the files it starts on, before its window shows, waits for the window."""
        if self._after_paint is None or self.isVisible():
            work()
        else:
            self.after_first_paint(work)

    def remember_recent(self, path: str | Path) -> None:
        """Put ``path`` first in the recent files, once the window is on screen: the file the app opens with
        does not delay the first paint by a settings write (a locked, synced file: milliseconds)."""
        self.once_on_screen(lambda: self.recent.add(path))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        self._painted()

    def _painted(self) -> None:
        if self._after_paint is not None:
            waiting, self._after_paint = self._after_paint, None
            for work in waiting:  # queued: they run once this paint (and its children's) is done
                QTimer.singleShot(0, self, work)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.maybe_save():
            event.ignore()
            return
        self.cancel_extraction()
        if self.job is not None:
            self.job.wait(5000)
        self.model_reader.cancel()
        self.save_settings()
        event.accept()


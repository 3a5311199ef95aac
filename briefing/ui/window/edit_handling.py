"""The window's editing commands: they read the selection of the list, outline or article and call
``brief_edits``; plus the Template menu and the context menus that offer the same commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from briefing.core.brief import NOT_DELETABLE
from briefing.core.errors import BriefingError
from briefing.ui.models import brief_edits
from briefing.ui.models import commands as cmd
from briefing.ui.models.roles import Role

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.core.fact import Fact
    from briefing.core.template import Template
    from briefing.ui.panes.reword_editor import RewordEditor
    from briefing.ui.panes.source_details import SourceDetailsEditor


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _them(n: int) -> str:
    return "it" if n == 1 else "them"


class EditHandling:
    """Mixed into MainWindow; relies on its panes, models, ``brief`` and ``undo_stack``."""

    # ----------------------------------------------------------------- selections
    def selected_fact_ids(self) -> list[str]:
        """Facts selected in the list, in list order."""
        rows = sorted(self.panes.facts.list.selectionModel().selectedRows(), key=lambda ix: ix.row())
        return [ix.data(Role.FACT_ID) for ix in rows]

    def selected_placement_ids(self) -> list[str]:
        return self.panes.outline.selected_placement_ids()

    def current_placement_id(self) -> str | None:
        index = self.panes.outline.currentIndex()
        return self.tree_model.placement_id(index) if index.isValid() else None

    def select_fact(self, fact_id: str) -> bool:
        """Make a fact the current, only selection of the list (clearing filters that hide it)."""
        source = self.fact_model.fact_index(fact_id)
        if not source.isValid():
            return False
        index = self.fact_proxy.mapFromSource(source)
        if not index.isValid():
            self.clear_filters()
            index = self.fact_proxy.mapFromSource(source)
        view = self.panes.facts.list
        view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.scrollTo(index)
        return True

    def select_placement(self, placement_id: str) -> None:
        index = self.tree_model.placement_index(placement_id)
        outline = self.panes.outline
        outline.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                 | QItemSelectionModel.SelectionFlag.Rows)
        outline.scrollTo(index)

    # ----------------------------------------------------------------- commands
    def send_to_section(self, number: int) -> bool:
        """Ctrl+<number>: selected placements move there when the outline has focus, else the facts
        selected in the list are placed there."""
        outline = self.panes.outline
        if outline.hasFocus() and self.selected_placement_ids():
            ids = self.selected_placement_ids()
            moved = brief_edits.send_placements(self.brief, self.undo_stack, ids, number)
            if moved:
                self.select_placement(ids[0])
            return moved
        ids = self.selected_fact_ids() or self._current_fact_ids()
        placed, message = brief_edits.send_facts(self.brief, self.undo_stack, ids, number)
        self.statusBar().showMessage(message, 5000)
        return placed

    def _current_fact_ids(self) -> list[str]:
        """The fact list's current row when nothing is selected (Ctrl+1..9 right after moving with the keys)."""
        current = self.panes.facts.list.currentIndex()
        fact_id = current.data(Role.FACT_ID) if current.isValid() else None
        return [fact_id] if fact_id else []

    def move_selected(self, delta: int) -> bool:
        """Alt+Up / Alt+Down: move the current placement one row, keeping it selected."""
        pid = self.current_placement_id()
        if pid is None:
            return False
        moved = brief_edits.move_placement(self.brief, self.undo_stack, pid, delta)
        if moved:
            self.select_placement(pid)
        return moved

    def delete_selected(self) -> bool:
        ids = self.selected_placement_ids()
        return brief_edits.remove_placements(self.brief, self.undo_stack, ids)

    def selected_custom_fact_ids(self) -> Iterator[str]:
        """The facts selected in the list that the analyst added (what Delete Fact deletes), in list order.

        Asks, for each such fact (usually a few), whether it is selected, instead of reading every selected
        row: with Ctrl+A on 10,000 facts that keeps the Edit menu's enabled state instant."""
        selection = self.panes.facts.list.selectionModel()
        if not selection.hasSelection():
            return
        model, proxy = self.fact_model, self.fact_proxy
        for row, fact in enumerate(self.brief.facts):
            if fact.custom and selection.isSelected(proxy.mapFromSource(model.index(row, 0))):
                yield fact.id

    def selection_has_custom_fact(self) -> bool:
        """Whether Delete Fact has anything to delete (stops at the first)."""
        return next(self.selected_custom_fact_ids(), None) is not None

    def delete_selected_facts(self) -> int:
        """Shift+Delete in the fact list: delete the selected facts the analyst added, with their placements,
        as one undo step. Extracted facts in the selection stay; the status bar says so and names Undo."""
        brief = self.brief
        ids = list(self.selected_custom_fact_ids())
        kept = sum(r.height() for r in self.panes.facts.list.selectionModel().selection()) - len(ids)
        if not ids:
            if kept:
                self.statusBar().showMessage(f"{NOT_DELETABLE[0].upper()}{NOT_DELETABLE[1:]}", 6000)
            return 0
        self.undo_stack.push(cmd.DeleteFactsCommand(brief, ids))
        undo = self.window_actions["actionUndo"].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        message = f"Deleted {_count(len(ids), 'fact')} you added ({undo or 'Undo'} brings {_them(len(ids))} back)"
        if kept:
            message += (f"; {_count(kept, 'extracted fact')} {'stays' if kept == 1 else 'stay'}: "
                        "remove extracted facts from the brief instead")
        self.statusBar().showMessage(message, 8000)
        return len(ids)

    def reword_selected(self) -> RewordEditor | None:
        """F2 or a double-click on a placement: the rewording editor, the original wording in full above it."""
        from briefing.ui.panes.reword_editor import RewordEditor

        pid = self.current_placement_id()
        if pid is None:
            return None
        editor = RewordEditor(self.brief, self.undo_stack, pid, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _result: self.panes.outline.setFocus())
        editor.open()
        editor.editor.setFocus()
        return editor

    def edit_source_details(self, source_id: str) -> SourceDetailsEditor | None:
        """The source details editor for one source (window-modal, not blocking); None for an unknown id."""
        from briefing.ui.panes.source_details import SourceDetailsEditor

        if source_id not in self.brief.extractions:
            return None
        editor = SourceDetailsEditor(self.brief, self.undo_stack, source_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def add_selection_as_fact(self) -> Fact | None:
        """The text selected in the article becomes a fact of its own (exact offsets), selected in the list."""
        span = self.panes.source.view.selected_span()
        if span is None:
            self.statusBar().showMessage("Select some text in the article first", 4000)
            return None
        fact = brief_edits.add_span(self.brief, self.undo_stack, *span)
        if fact is not None:
            self.select_fact(fact.id)
        return fact

    def auto_draft(self) -> int:
        template = self.template
        if template is None:
            self.report_error("this brief's template is not available, so there is nothing to draft from")
            return 0
        placed = brief_edits.auto_draft(self.brief, self.undo_stack, template)
        self.statusBar().showMessage(f"Auto-draft placed {placed} facts" if placed else
                                     "Auto-draft found nothing more to place", 5000)
        return placed

    def switch_template(self, template: Template) -> bool:
        changed = brief_edits.switch_template(self.brief, self.undo_stack, template)
        self.remember_template(template.id)
        return changed

    def focus_filter(self) -> None:
        self.panes.facts.filter.setFocus()
        self.panes.facts.filter.selectAll()

    def clear_filters(self) -> None:
        self.panes.facts.clear_filters()
        self.panes.entities.clear()
        self.fact_proxy.clear_filters()

    # ----------------------------------------------------------------- menus
    def update_section_actions(self) -> None:
        """Ctrl+1..9 and the "Add to Section" menu follow the brief's sections."""
        for n, action in enumerate(self.window_actions.section_actions, 1):
            section = brief_edits.section_number(self.brief, n)
            action.setVisible(section is not None)
            action.setEnabled(section is not None)
            action.setText(f"{n}  {section.title}" if section is not None else f"Section {n}")

    def fill_template_menu(self) -> None:
        from briefing.template.registry import available_templates, template_problems

        menu = self.window_actions.template_menu
        group = self.window_actions.template_group
        menu.clear()
        for action in group.actions():
            group.removeAction(action)
        heading = menu.addAction("Switch this brief to:")
        heading.setEnabled(False)
        for template in available_templates():
            action = QAction(template.name, menu)
            action.setObjectName(f"actionTemplate_{template.id}")
            action.setCheckable(True)
            action.setChecked(template.id == self.brief.template_id)
            action.setStatusTip(template.description or template.name)
            action.setEnabled(bool(self.brief.sections) or bool(self.brief.extractions))
            action.triggered.connect(lambda _checked=False, t=template: self.switch_template(t))
            group.addAction(action)
            menu.addAction(action)
        for problem in template_problems():  # the analyst's broken file is named, not silently missing
            name = Path(problem.path or "").name or "a template"
            broken = menu.addAction(f"\u26a0 Could not read {name}")
            broken.setObjectName("templateProblem")
            broken.setEnabled(False)
            broken.setToolTip(str(problem))
            broken.setStatusTip(str(problem))
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        menu.addAction("Use a Template File\u2026").triggered.connect(self.switch_template_from_file)
        menu.addAction(self.window_actions["actionTemplateFormat"])

    def switch_template_from_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from briefing.template.loader import load_template

        path, _ = QFileDialog.getOpenFileName(self, "Use a template file", "", "Templates (*.yaml *.yml)")
        if path:
            template = self.guarded(load_template, path)
            if template is not None:
                self.switch_template(template)

    def show_fact_menu(self, pos: QPoint) -> None:
        view = self.panes.facts.list
        menu = QMenu(view)
        sections = menu.addMenu("Add to Section")
        sections.addActions([a for a in self.window_actions.section_actions if a.isVisible()])
        sections.setEnabled(bool(self.selected_fact_ids()) and bool(self.brief.sections))
        index = view.indexAt(pos)
        if index.isValid():
            show = menu.addAction("Show in Article")
            show.triggered.connect(lambda: self.panes.source.show_fact(index.data(Role.FACT_ID)))
            if index.data(Role.GROUP_BADGE):
                fact_id = index.data(Role.FACT_ID)
                menu.addAction(self.window_actions["actionNextCorroborating"])
                menu.addAction("Every Source\u2019s Wording\u2026").triggered.connect(
                    lambda: self.claims.show_wordings(fact_id))
        menu.addSeparator()
        menu.addAction(self.window_actions["actionDeleteFact"])
        menu.addSeparator()
        menu.addAction(self.window_actions["actionClearFilters"])
        menu.exec(view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # ----------------------------------------------------------------- selection follows
    def on_fact_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        fact_id = current.data(Role.FACT_ID) if current.isValid() else None
        if fact_id:
            self.panes.source.show_fact(fact_id)
        self.update_enabled()

    def on_outline_current(self, target: tuple[str, str] | None) -> None:
        self.panes.editor.bind(target)
        if target is not None and target[0] == "placement":
            try:
                self.panes.source.show_fact(self.brief.placement(target[1]).fact_id)
            except BriefingError:
                pass
        self.update_enabled()

    def show_about(self) -> None:
        from briefing.ui.window import dialogs

        dialogs.show_about(self)

    def show_template_format(self) -> None:
        from briefing.ui.window import dialogs

        dialog = dialogs.TemplateFormatDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without blocking the caller

"""The rest of the window's promises: a debounced live preview, facts dropped onto the outline, the
Template and View menus, the help dialogs, asking before losing work, and running the app on the sample."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.template.registry import (
    DEFAULT_TEMPLATE_ID,
    available_templates,
    user_template_dir,
)
from briefing.ui.panes.preview_pane import DEBOUNCE_MS
from briefing.ui.window import dialogs
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import shown_window


@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    return shown_window(qtbot, settings, SAMPLE_ARTICLE, size=(1280, 800))


# ----------------------------------------------------------------------------- preview
def test_the_preview_follows_the_brief_once_per_burst_of_changes(qtbot, window: MainWindow):
    preview = window.panes.preview
    preview.render_now()
    renders = preview.renders
    facts = window.brief.facts[:3]
    for fact in facts:
        window.brief.place([fact.id], window.brief.sections[0].id)
    assert preview.renders == renders  # nothing yet: the timer is still running
    assert preview.timer.isActive() and preview.timer.interval() == DEBOUNCE_MS
    qtbot.waitUntil(lambda: preview.renders == renders + 1, timeout=2000)
    text = preview.toPlainText()
    assert all(" ".join(f.text.split())[:30] in " ".join(text.split()) for f in facts)


# ----------------------------------------------------------------------------- the outline's counts
def _counts_fit(window: MainWindow) -> bool:
    outline, model = window.panes.outline, window.tree_model
    metrics = outline.fontMetrics()
    width = outline.header().sectionSize(1)
    return all(metrics.horizontalAdvance(model.index(row, 1).data()) < width for row in range(model.rowCount()))


def test_the_count_column_fits_its_widest_count_as_counts_change(qtbot, window: MainWindow):
    outline = window.panes.outline
    assert _counts_fit(window)
    start = outline.header().sectionSize(1)
    section = next(s for s in window.brief.sections if s.min is None and s.max is not None)  # "0 of \u22643"
    ids = [f.id for f in window.brief.facts[:12]]
    window.brief.place(ids, section.id)
    qtbot.waitUntil(lambda: outline.header().sectionSize(1) > start, timeout=2000)  # "12 of ≤3" is wider
    assert _counts_fit(window)
    assert window.tree_model.index(window.brief.sections.index(section), 1).data().startswith("12 of")
    window.brief.remove([p.id for p in section.placements])
    qtbot.waitUntil(lambda: outline.header().sectionSize(1) == start, timeout=2000)
    assert _counts_fit(window)


# ----------------------------------------------------------------------------- drops on the outline
def drop_on(view, mime, point, action: Qt.DropAction) -> QDropEvent:
    viewport = view.viewport()
    pos = QPointF(point)
    for event in (QDragEnterEvent(point, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDragMoveEvent(point, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(viewport, event)
    drop = QDropEvent(pos, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    return drop


def test_facts_dragged_from_the_list_onto_a_section_are_copied_into_it(window: MainWindow):
    outline = window.panes.outline
    section = window.brief.sections[1]
    rect = outline.visualRect(window.tree_model.section_index(section.id))
    mime = window.fact_model.mimeData([window.fact_model.index(0, 0), window.fact_model.index(1, 0)])
    drop_on(outline, mime, rect.center(), Qt.DropAction.CopyAction)
    assert [p.fact_id for p in section.placements] == [f.id for f in window.brief.facts[:2]]
    assert window.fact_model.rowCount() == len(window.brief.facts)  # copied, not taken from the pool
    assert outline.model().rowCount(window.tree_model.section_index(section.id)) == 2


def test_the_outline_moves_inside_and_copies_from_the_list(window: MainWindow):
    outline = window.panes.outline
    assert outline.dragDropMode() == outline.DragDropMode.DragDrop
    assert outline.defaultDropAction() == Qt.DropAction.MoveAction
    assert window.panes.facts.list.defaultDropAction() == Qt.DropAction.CopyAction
    assert window.panes.facts.list.selectionMode() == window.panes.facts.list.SelectionMode.ExtendedSelection


# ----------------------------------------------------------------------------- menus
def test_the_template_menu_switches_template_and_checks_the_current_one(window: MainWindow):
    window.fill_template_menu()
    menu_actions = {a.objectName(): a for a in window.window_actions.template_menu.actions()}
    current = menu_actions[f"actionTemplate_{DEFAULT_TEMPLATE_ID}"]
    assert current.isChecked()
    other = next(t for t in available_templates() if t.id != DEFAULT_TEMPLATE_ID)
    menu_actions[f"actionTemplate_{other.id}"].trigger()
    assert window.brief.template_id == other.id
    assert window.undo_stack.undoText().startswith("Use template")


def test_a_broken_template_of_the_analysts_is_named_in_the_template_menu(window: MainWindow):
    folder = user_template_dir()
    folder.mkdir(parents=True, exist_ok=True)
    broken = folder / "desk-broken.yaml"
    broken.write_text("id: desk\nname: Desk\nsections:\n  - {id: a, titel: A}\n", encoding="utf-8")
    try:
        window.fill_template_menu()
        problems = [a for a in window.window_actions.template_menu.actions() if a.objectName() == "templateProblem"]
        assert [a.text() for a in problems] == ["\u26a0 Could not read desk-broken.yaml"]
        assert not problems[0].isEnabled()
        assert "desk-broken.yaml:4" in problems[0].toolTip() and "did you mean 'title'" in problems[0].toolTip()
    finally:
        broken.unlink()
    window.fill_template_menu()
    assert not [a for a in window.window_actions.template_menu.actions() if a.objectName() == "templateProblem"]


@pytest.mark.parametrize("pane", ["source", "entities", "facts", "outline", "editor"])
def test_the_view_menu_hides_and_shows_a_pane(window: MainWindow, pane: str):
    action = window.window_actions[f"actionShow_{pane}"]
    box = window.panes.boxes[pane]
    action.setChecked(False)
    assert not box.isVisible()
    action.setChecked(True)
    assert box.isVisible()


@pytest.mark.parametrize("pane", ["preview", "metadata"])
def test_the_view_menu_hides_and_shows_a_tab(window: MainWindow, pane: str):
    tabs = window.panes.tabs
    page = window.panes.boxes[pane]
    window.window_actions[f"actionShow_{pane}"].setChecked(False)
    assert not tabs.isTabVisible(tabs.indexOf(page))
    window.window_actions[f"actionShow_{pane}"].setChecked(True)
    assert tabs.isTabVisible(tabs.indexOf(page))


def test_the_section_shortcuts_are_named_after_the_sections(window: MainWindow):
    sections = window.brief.sections
    actions = window.window_actions.section_actions
    for n, action in enumerate(actions, 1):
        assert action.isVisible() == (n <= len(sections))
        if n <= len(sections):
            assert action.text().endswith(sections[n - 1].title)


def test_the_template_format_dialog_shows_the_schema_and_a_valid_example(qtbot, window: MainWindow):
    window.show_template_format()
    dialog = window.findChild(dialogs.TemplateFormatDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert "sections:" in text and "layout:" in text
    example = yaml.safe_load(text)  # the comments fall away; the bundled template is what remains
    assert example["id"] == DEFAULT_TEMPLATE_ID and example["sections"]
    dialog.close()


# ----------------------------------------------------------------------------- losing work
@pytest.mark.parametrize(("answer", "closes"), [(dialogs.DISCARD, True), (dialogs.CANCEL, False)])
def test_closing_with_unsaved_work_asks_people_first(qtbot, monkeypatch, settings: QSettings, answer: str,
                                                     closes: bool):
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: asked.append(name) or answer)
    window = MainWindow(interactive=True, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.open_path(SAMPLE_ARTICLE)
    from briefing.ui.models.commands import SetMetadataCommand

    window.undo_stack.push(SetMetadataCommand(window.brief, "to", "Minister of State"))
    assert window.isWindowModified()
    assert window.close() is closes
    assert asked == [window.brief_name()]


def test_closing_a_saved_brief_does_not_ask(qtbot, monkeypatch, settings: QSettings):
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: pytest.fail("asked although nothing changed"))
    window = MainWindow(interactive=True, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.open_path(SAMPLE_ARTICLE)
    assert window.close()


def test_a_window_for_scripts_never_asks(qtbot, monkeypatch, window: MainWindow):
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: pytest.fail("a script window asked"))
    window.brief.set_metadata("to", "x")
    from briefing.ui.models.commands import SetMetadataCommand

    window.undo_stack.push(SetMetadataCommand(window.brief, "to", "y"))
    assert window.close()


# ----------------------------------------------------------------------------- the app
def test_run_app_opens_the_sample_on_the_default_template(qtbot):
    from briefing.ui.app import run_app

    seen: dict[str, object] = {}

    def inspect_and_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.interactive)
        seen["sources"] = [e.source.path for e in window.brief.extractions.values()]
        seen["template"] = window.brief.template_id
        seen["modified"] = window.isWindowModified()
        window.close()

    QTimer.singleShot(200, inspect_and_close)
    assert run_app([]) == 0
    assert seen["template"] == DEFAULT_TEMPLATE_ID
    assert [Path(p).name for p in seen["sources"]] == [SAMPLE_ARTICLE.name]
    assert seen["modified"] is False


# ----------------------------------------------------------------------------- actions without dialogs
def test_export_of_a_saved_brief_writes_next_to_it_without_asking(qtbot, monkeypatch, window: MainWindow,
                                                                  tmp_path: Path):
    monkeypatch.setattr(dialogs, "choose_export_path", lambda *a: pytest.fail("asked for a path"))
    window.save_brief(tmp_path / "visit.brief.yaml")
    window.window_actions["actionExport"].trigger()
    assert (tmp_path / "visit.docx").is_file()


def test_ctrl_number_in_the_outline_moves_the_selected_placements(qtbot, window: MainWindow):
    from PySide6.QtCore import QItemSelectionModel

    brief = window.brief
    placement = brief.place([brief.facts[0].id], brief.sections[0].id)[0]
    outline = window.panes.outline
    window.activateWindow()
    outline.setFocus()
    outline.selectionModel().setCurrentIndex(window.tree_model.placement_index(placement.id),
                                             QItemSelectionModel.SelectionFlag.ClearAndSelect
                                             | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(outline, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in brief.sections[2].placements] == [placement.id]
    assert brief.sections[0].placements == []

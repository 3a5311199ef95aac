"""The composer window end to end: open, filter, place with keys, reorder, remove, reword, undo, switch
template, save and reopen, export, title and modified mark, dropped files. Real widgets, real keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTextBrowser,
    QTreeView,
)

from briefing.core.brief import UNPLACED_ID, Brief
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.template.registry import (
    DEFAULT_TEMPLATE_ID,
    available_templates,
    find_template,
)
from briefing.ui.models.roles import Role
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import shown_window


@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    return shown_window(qtbot, settings)


@pytest.fixture
def sample(window: MainWindow) -> MainWindow:
    window.open_path(SAMPLE_ARTICLE)
    return window


def select_fact_rows(window: MainWindow, *rows: int) -> list[str]:
    """Select rows of the (filtered) fact list, as a click and ctrl-clicks would; returns their fact ids."""
    view = window.panes.facts.list
    view.setFocus()
    selection = view.selectionModel()
    selection.clearSelection()
    for n, row in enumerate(rows):
        index = window.fact_proxy.index(row, 0)
        flag = QItemSelectionModel.SelectionFlag.ClearAndSelect if n == 0 else QItemSelectionModel.SelectionFlag.Select
        selection.setCurrentIndex(index, flag)
    return [window.fact_proxy.index(r, 0).data(Role.FACT_ID) for r in rows]


def place_by_keys(qtbot, window: MainWindow, rows: tuple[int, ...], section_number: int) -> list[str]:
    ids = select_fact_rows(window, *rows)
    qtbot.keyClick(window.panes.facts.list, Qt.Key(Qt.Key.Key_0 + section_number), Qt.KeyboardModifier.ControlModifier)
    return ids


def section_fact_ids(brief: Brief, number: int) -> list[str]:
    return [p.fact_id for p in brief.sections[number - 1].placements]


def focus_placement(window: MainWindow, placement_id: str) -> None:
    outline = window.panes.outline
    outline.setFocus()
    index = window.tree_model.placement_index(placement_id)
    outline.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                             | QItemSelectionModel.SelectionFlag.Rows)


# ----------------------------------------------------------------------------- the empty window
def test_an_empty_window_has_the_named_panes_and_actions(window: MainWindow):
    assert isinstance(window.findChild(QPlainTextEdit, "sourceView"), QPlainTextEdit)
    assert isinstance(window.findChild(QListView, "factList"), QListView)
    assert isinstance(window.findChild(QLineEdit, "factFilter"), QLineEdit)
    assert isinstance(window.findChild(QTreeView, "briefOutline"), QTreeView)
    assert isinstance(window.findChild(QTextBrowser, "previewPane"), QTextBrowser)
    assert window.findChild(object, "metadataForm") is not None
    for name in ("actionOpen", "actionSave", "actionExport", "actionUndo", "actionRedo", "actionSaveAs",
                 "actionAutoDraft", "actionAddSelection", "actionDelete", "actionMoveUp", "actionMoveDown"):
        assert window.window_actions[name].objectName() == name
    assert window.windowTitle() == "Untitled brief[*] \u2014 Briefing"
    assert not window.isWindowModified()


def test_toolbar_and_menu_commands_have_icons_that_draw_without_a_desktop_theme(window: MainWindow):
    # Where the desktop has no icon theme (as here), each falls back to an SVG shipped with Briefing.
    for name in ("actionNew", "actionOpen", "actionAddSource", "actionSave", "actionSaveAs", "actionExport",
                 "actionQuit", "actionUndo", "actionRedo", "actionDelete", "actionDeleteFact", "actionFind",
                 "actionAddSelection", "actionAutoDraft", "actionMoveUp", "actionMoveDown", "actionAbout", "actionTemplateFormat"):
        icon = window.window_actions[name].icon()
        assert not icon.isNull() and not icon.pixmap(22, 22).isNull(), name


@pytest.mark.parametrize(("name", "keys"), [
    ("actionOpen", "Ctrl+O"), ("actionSave", "Ctrl+S"), ("actionSaveAs", "Ctrl+Shift+S"),
    ("actionExport", "Ctrl+E"), ("actionUndo", "Ctrl+Z"), ("actionFind", "Ctrl+F"),
    ("actionAddSelection", "Ctrl+Shift+A"), ("actionMoveUp", "Alt+Up"), ("actionMoveDown", "Alt+Down"),
    ("actionAddToSection1", "Ctrl+1"), ("actionAddToSection9", "Ctrl+9"), ("actionReword", "F2"),
])
def test_commands_have_their_shortcuts(window: MainWindow, name: str, keys: str):
    shortcuts = [s.toString() for s in window.window_actions[name].shortcuts()]
    assert keys in shortcuts


# ----------------------------------------------------------------------------- opening
def test_opening_the_sample_shows_its_facts_on_the_default_template(sample: MainWindow):
    brief = sample.brief
    assert brief.template_id == DEFAULT_TEMPLATE_ID
    assert len(brief.extractions) == 1 and len(brief.facts) > 5
    assert sample.fact_model.rowCount() == len(brief.facts)
    assert sample.tree_model.rowCount() == len(find_template(DEFAULT_TEMPLATE_ID).sections)
    text = next(iter(brief.extractions.values())).source.text
    assert sample.panes.source.view.toPlainText() == text
    assert sample.counts_label.text() == f"{len(brief.facts)} facts, {len(brief.facts)} shown, 0 placed"
    assert not sample.isWindowModified()


def test_opening_a_missing_file_raises_a_one_line_error_and_keeps_the_brief(sample: MainWindow, tmp_path: Path):
    from briefing.core.errors import BriefingError

    before = sample.brief
    with pytest.raises(BriefingError, match="no such file"):
        sample.open_path(tmp_path / "nowhere.txt")
    assert sample.brief is before


def test_the_filter_box_narrows_the_list_and_the_status_bar_counts(qtbot, sample: MainWindow):
    total = len(sample.brief.facts)
    word = "Russian"
    expected = sum(1 for f in sample.brief.facts if word.casefold() in f.text.casefold()
                   or any(word.casefold() in e.text.casefold() for e in f.entities))
    qtbot.keyClicks(sample.panes.facts.filter, word)
    assert 0 < sample.fact_proxy.rowCount() == expected < total
    qtbot.waitUntil(lambda: sample.counts_label.text() == f"{total} facts, {expected} shown, 0 placed")


def test_ctrl_f_focuses_the_fact_filter(qtbot, sample: MainWindow):
    sample.panes.outline.setFocus()
    qtbot.keyClick(sample.panes.outline, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is sample.panes.facts.filter


def test_kind_toggles_show_only_the_checked_kinds(sample: MainWindow):
    kinds = {f.kind for f in sample.brief.facts}
    kind = sorted(kinds)[0]
    sample.panes.facts.show_only(kind)
    shown = {sample.fact_proxy.index(r, 0).data(Role.KIND) for r in range(sample.fact_proxy.rowCount())}
    assert shown == {kind}
    sample.panes.facts.set_kinds(None)
    assert sample.fact_proxy.rowCount() == len(sample.brief.facts)


# ----------------------------------------------------------------------------- placing with keys
def test_ctrl_1_puts_the_selected_facts_in_section_1(qtbot, sample: MainWindow):
    ids = place_by_keys(qtbot, sample, (0, 2), 1)
    assert section_fact_ids(sample.brief, 1) == ids
    assert sample.isWindowModified()
    assert sample.windowTitle().endswith("[*] \u2014 Briefing")


@pytest.mark.parametrize("number", [2, 3])
def test_ctrl_number_puts_the_fact_in_that_section(qtbot, sample: MainWindow, number: int):
    ids = place_by_keys(qtbot, sample, (1,), number)
    assert section_fact_ids(sample.brief, number) == ids


def test_placing_and_undo_and_redo_by_keys(qtbot, sample: MainWindow):
    ids = place_by_keys(qtbot, sample, (0,), 1)
    qtbot.keyClick(sample.panes.facts.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section_fact_ids(sample.brief, 1) == []
    assert not sample.isWindowModified()
    sample.window_actions["actionRedo"].trigger()
    assert section_fact_ids(sample.brief, 1) == ids


def test_undo_action_is_labelled_with_the_command(qtbot, sample: MainWindow):
    place_by_keys(qtbot, sample, (0,), 1)
    assert sample.window_actions["actionUndo"].text().startswith("&Undo Place fact in")


def test_alt_up_and_down_reorder_a_placement_and_undo_puts_it_back(qtbot, sample: MainWindow):
    ids = place_by_keys(qtbot, sample, (0, 1, 2), 2)
    pids = [p.id for p in sample.brief.sections[1].placements]
    focus_placement(sample, pids[2])
    qtbot.keyClick(sample.panes.outline, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert section_fact_ids(sample.brief, 2) == [ids[0], ids[2], ids[1]]
    assert sample.current_placement_id() == pids[2]  # the moved fact stays selected
    qtbot.keyClick(sample.panes.outline, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert section_fact_ids(sample.brief, 2) == [ids[2], ids[0], ids[1]]
    qtbot.keyClick(sample.panes.outline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert section_fact_ids(sample.brief, 2) == [ids[0], ids[2], ids[1]]
    sample.undo_stack.undo()
    assert section_fact_ids(sample.brief, 2) == [ids[2], ids[0], ids[1]]
    sample.undo_stack.undo()
    sample.undo_stack.undo()
    assert section_fact_ids(sample.brief, 2) == ids
    sample.undo_stack.redo()
    assert section_fact_ids(sample.brief, 2) == [ids[0], ids[2], ids[1]]


def test_alt_up_at_the_top_of_a_section_moves_to_the_end_of_the_one_above(qtbot, sample: MainWindow):
    above = place_by_keys(qtbot, sample, (0,), 1)
    moved = place_by_keys(qtbot, sample, (1,), 2)
    focus_placement(sample, sample.brief.sections[1].placements[0].id)
    qtbot.keyClick(sample.panes.outline, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert section_fact_ids(sample.brief, 1) == above + moved
    assert section_fact_ids(sample.brief, 2) == []


def test_delete_removes_the_selected_placement_and_undo_restores_it(qtbot, sample: MainWindow):
    ids = place_by_keys(qtbot, sample, (0, 1), 1)
    victim = sample.brief.sections[0].placements[0]
    focus_placement(sample, victim.id)
    qtbot.keyClick(sample.panes.outline, Qt.Key.Key_Delete)
    assert section_fact_ids(sample.brief, 1) == ids[1:]
    assert sample.brief.has_fact(ids[0])  # the fact stays in the pool
    sample.undo_stack.undo()
    assert [p.id for p in sample.brief.sections[0].placements][0] == victim.id
    sample.undo_stack.redo()
    assert section_fact_ids(sample.brief, 1) == ids[1:]


def test_delete_in_the_filter_box_edits_the_text_not_the_brief(qtbot, sample: MainWindow):
    place_by_keys(qtbot, sample, (0,), 1)
    focus_placement(sample, sample.brief.sections[0].placements[0].id)
    box = sample.panes.facts.filter
    box.setFocus()
    box.setText("ab")
    box.setCursorPosition(0)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.text() == "b"
    assert len(sample.brief.sections[0].placements) == 1


def test_f2_opens_the_rewording_editor_with_the_original_in_full_and_the_original_stays_on_record(
        qtbot, sample: MainWindow):
    from briefing.ui.panes.reword_editor import RewordEditor

    (fact_id,) = place_by_keys(qtbot, sample, (0,), 1)
    original = sample.brief.fact(fact_id).text
    placement = sample.brief.sections[0].placements[0]
    focus_placement(sample, placement.id)
    outline = sample.panes.outline
    qtbot.keyClick(outline, Qt.Key.Key_F2)
    dialog = sample.findChild(RewordEditor)
    assert dialog is not None and dialog.isVisible()
    assert dialog.original.text() == original  # the whole sentence, wrapped, not clipped to a row
    assert dialog.original.wordWrap() and dialog.editor.toPlainText() == original
    editor = dialog.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "Pakistan sends a delegation")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a line break, not a save
    qtbot.keyClicks(editor, "to Russia.")
    assert sample.brief.wording(placement) == original
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sample.brief.wording(placement) == "Pakistan sends a delegation\nto Russia."
    assert sample.brief.fact(fact_id).text == original
    index = sample.tree_model.placement_index(placement.id)
    assert original in index.data(Qt.ItemDataRole.ToolTipRole)
    sample.undo_stack.undo()
    assert sample.brief.wording(placement) == original
    sample.undo_stack.redo()
    assert sample.brief.wording(placement) == "Pakistan sends a delegation\nto Russia."


def test_escape_leaves_the_wording_as_it_was(qtbot, sample: MainWindow):
    from briefing.ui.panes.reword_editor import RewordEditor

    place_by_keys(qtbot, sample, (0,), 1)
    placement = sample.brief.sections[0].placements[0]
    focus_placement(sample, placement.id)
    depth = sample.undo_stack.count()
    sample.window_actions["actionReword"].trigger()
    dialog = sample.findChild(RewordEditor)
    qtbot.keyClicks(dialog.editor, "Something else entirely")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and sample.undo_stack.count() == depth


def test_the_note_panel_edits_the_selected_placement_and_the_section_text(qtbot, sample: MainWindow):
    place_by_keys(qtbot, sample, (0,), 1)
    placement = sample.brief.sections[0].placements[0]
    focus_placement(sample, placement.id)
    editor = sample.panes.editor.editor
    qtbot.keyClicks(editor, "Check the date")
    assert placement.note == "Check the date"
    section = sample.brief.sections[1]
    sample.panes.outline.setCurrentIndex(sample.tree_model.section_index(section.id))
    assert editor.placeholderText() == (section.guidance or editor.placeholderText())
    qtbot.keyClicks(editor, "Context first.")
    assert section.text == "Context first."
    sample.undo_stack.undo()
    assert section.text == ""
    assert editor.toPlainText() == ""


def test_the_header_form_follows_the_template_and_edits_are_undoable(qtbot, sample: MainWindow):
    template = find_template(DEFAULT_TEMPLATE_ID)
    form = sample.panes.metadata
    assert list(form.edits) == [f.id for f in template.fields]
    edit = form.edits[template.fields[0].id]
    edit.clear()
    qtbot.keyClicks(edit, "Steel mills")
    assert sample.brief.metadata[template.fields[0].id] == "Steel mills"
    sample.undo_stack.undo()
    assert edit.text() == sample.brief.metadata[template.fields[0].id] != "Steel mills"


def test_auto_draft_places_facts_in_one_undo_step(sample: MainWindow):
    placed = sample.auto_draft()
    assert placed == sum(len(s.placements) for s in sample.brief.sections) > 0
    sample.undo_stack.undo()
    assert sum(len(s.placements) for s in sample.brief.sections) == 0


# ----------------------------------------------------------------------------- templates
def test_switching_template_keeps_every_placed_fact_including_unplaced(qtbot, sample: MainWindow):
    for number in range(1, len(sample.brief.sections) + 1):
        place_by_keys(qtbot, sample, (number - 1,), number)
    placed_before = sorted(p.fact_id for s in sample.brief.sections for p in s.placements)
    other = next(t for t in available_templates() if t.id != DEFAULT_TEMPLATE_ID)
    assert sample.switch_template(other)
    brief = sample.brief
    assert brief.template_id == other.id
    assert sorted(p.fact_id for s in brief.sections for p in s.placements) == placed_before
    shared = {s.id for s in other.sections} & {s.id for s in find_template(DEFAULT_TEMPLATE_ID).sections}
    if len(shared) < len(find_template(DEFAULT_TEMPLATE_ID).sections):
        assert brief.sections[-1].id == UNPLACED_ID and brief.sections[-1].placements
    assert list(sample.panes.metadata.edits) == [f.id for f in other.fields] + [
        k for k in brief.metadata if k not in {f.id for f in other.fields}]
    assert sample.tree_model.rowCount() == len(brief.sections)
    assert sample.window_actions["actionAddToSection1"].text().endswith(brief.sections[0].title)
    sample.undo_stack.undo()
    assert sample.brief.template_id == DEFAULT_TEMPLATE_ID
    assert sorted(p.fact_id for s in sample.brief.sections for p in s.placements) == placed_before


# ----------------------------------------------------------------------------- save, reopen, export
def test_save_then_reopen_in_a_new_window_gives_the_identical_brief(qtbot, sample: MainWindow, tmp_path: Path,
                                                                    settings: QSettings):
    place_by_keys(qtbot, sample, (0, 3), 1)
    place_by_keys(qtbot, sample, (1,), 2)
    sample.brief.set_metadata("to", "Minister")
    path = tmp_path / "steel.brief.yaml"
    sample.save_brief(path)
    assert not sample.isWindowModified()
    assert sample.windowTitle() == "steel[*] \u2014 Briefing"
    other = MainWindow(settings=settings)
    qtbot.addWidget(other)
    other.open_path(path)
    assert other.brief == sample.brief
    assert other.brief_path == path
    assert not other.isWindowModified()


def test_the_title_shows_the_modified_mark_after_a_change_and_not_after_save(qtbot, sample: MainWindow,
                                                                             tmp_path: Path):
    assert not sample.isWindowModified()
    place_by_keys(qtbot, sample, (0,), 1)
    assert sample.isWindowModified()
    sample.save_brief(tmp_path / "b.brief.yaml")
    assert not sample.isWindowModified()
    sample.undo_stack.undo()
    assert sample.isWindowModified()  # undoing past the save is a change too


def test_export_writes_the_placed_facts_under_their_headings_in_order(qtbot, sample: MainWindow, tmp_path: Path):
    import docx

    first = place_by_keys(qtbot, sample, (2, 0), 1)  # placed in list order: row 0, then row 2
    first.sort(key=sample.brief.fact_row)
    second = place_by_keys(qtbot, sample, (1,), 3)
    sample.save_brief(tmp_path / "mills.brief.yaml")
    written = sample.export_docx()
    assert written == tmp_path / "mills.docx"
    document = docx.Document(str(written))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    sections = sample.brief.sections
    assert sections[0].title in headings and sections[2].title in headings

    def under(title: str) -> list[str]:
        start = next(i for i, (style, text) in enumerate(paragraphs) if style == "Heading 1" and text == title)
        body = []
        for style, text in paragraphs[start + 1:]:
            if style == "Heading 1":
                break
            body.append(text)
        return body

    def words(fact_id: str) -> str:
        return " ".join(sample.brief.fact(fact_id).text.split())[:40]

    body1 = "\n".join(under(sections[0].title))
    assert body1.index(words(first[0])) < body1.index(words(first[1]))
    assert words(second[0]) in "\n".join(under(sections[2].title))


def test_export_to_an_unwritable_place_raises_and_keeps_the_old_file(sample: MainWindow, tmp_path: Path):
    from briefing.core.errors import BriefingError

    with pytest.raises(BriefingError):
        sample.export_docx(tmp_path / "missing-folder" / "x.docx")
    assert not (tmp_path / "missing-folder").exists()


def test_an_interactive_error_goes_to_the_signal_and_last_error(qtbot, sample: MainWindow, tmp_path: Path):
    with qtbot.waitSignal(sample.error_reported) as signal:
        sample.guarded(sample.export_docx, tmp_path / "missing-folder" / "x.docx")
    assert signal.args[0] == sample.last_error and "missing-folder" in sample.last_error


# ----------------------------------------------------------------------------- dropped files
def drop_files(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()


def test_dropping_an_article_on_an_empty_window_starts_a_brief(window: MainWindow):
    drop_files(window, SAMPLE_ARTICLE)
    assert len(window.brief.extractions) == 1 and window.brief.sections


def test_dropping_a_brief_file_opens_it(qtbot, sample: MainWindow, tmp_path: Path, settings: QSettings):
    place_by_keys(qtbot, sample, (0,), 1)
    path = tmp_path / "dropped.brief.yaml"
    sample.save_brief(path)
    other = MainWindow(settings=settings)
    qtbot.addWidget(other)
    drop_files(other, path)
    assert other.brief == sample.brief


def test_dropping_another_article_adds_it_as_a_source_in_one_undo_step(sample: MainWindow, tmp_path: Path):
    article = tmp_path / "second.txt"
    article.write_text("MOSCOW: Officials said the plant will reopen in 2026. The ministry approved the plan on "
                       "Friday.\n", encoding="utf-8")
    facts_before = len(sample.brief.facts)
    drop_files(sample, article)
    assert len(sample.brief.extractions) == 2
    assert len(sample.brief.facts) > facts_before
    assert sample.panes.source.tabs.count() == 2
    sample.undo_stack.undo()
    assert len(sample.brief.extractions) == 1 and len(sample.brief.facts) == facts_before

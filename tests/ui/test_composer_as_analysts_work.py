"""Issue 17 through the real window: own writing across template switches, what an export leaves out, no
repeated facts, guidance that repaints, the keyboard flow from the filter, one source's facts, folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.core.brief import UNPLACED_ID
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.template.registry import DEFAULT_TEMPLATE_ID, find_template
from briefing.ui.models.commands import AddSourceCommand
from briefing.ui.models.roles import Role
from briefing.ui.window import dialogs
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import energy_extraction, shown_window
from tests.ui.test_main_window import focus_placement, place_by_keys

OTHER_TEMPLATE = "intelligence-bluf"  # has no "recommendation" section


@pytest.fixture
def sample(qtbot, settings: QSettings) -> MainWindow:
    return shown_window(qtbot, settings, SAMPLE_ARTICLE)


def _select_section(window: MainWindow, section_id: str) -> None:
    outline = window.panes.outline
    outline.setFocus()
    outline.setCurrentIndex(window.tree_model.section_index(section_id))


# ----------------------------------------------------------------------------- 1 and 2: own writing, Unplaced
def test_text_typed_into_a_section_follows_it_to_another_template_and_back(qtbot, sample: MainWindow):
    _select_section(sample, "recommendation")
    editor = sample.panes.editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "We recommend a visit.")
    assert sample.brief.section("recommendation").text == "We recommend a visit."
    assert sample.switch_template(find_template(OTHER_TEMPLATE))
    unplaced = sample.tree_model.section_index(UNPLACED_ID)
    assert "holds text of Recommendation" in unplaced.data(Qt.ItemDataRole.DisplayRole)
    assert sample.switch_template(find_template(DEFAULT_TEMPLATE_ID))
    assert sample.brief.section("recommendation").text == "We recommend a visit."
    assert all(s.id != UNPLACED_ID for s in sample.brief.sections)  # nothing waits: no Unplaced row
    assert sample.tree_model.rowCount() == len(find_template(DEFAULT_TEMPLATE_ID).sections)


def _answer_export_report(qtbot, seen: list[str], click: str) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.informativeText())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == click)
        button.click()

    QTimer.singleShot(0, answer)


def test_exporting_lists_what_waits_in_unplaced_and_leaves_it_and_empty_sections_out(qtbot, sample: MainWindow,
                                                                                       tmp_path: Path):
    sample.interactive = True
    place_by_keys(qtbot, sample, (0,), 1)
    place_by_keys(qtbot, sample, (1,), 6)  # Recommendation: not in the other template
    assert sample.switch_template(find_template(OTHER_TEMPLATE))
    sample.save_brief(tmp_path / "visit.brief.yaml")
    seen: list[str] = []
    _answer_export_report(qtbot, seen, "Cancel")
    sample.window_actions["actionExport"].trigger()
    assert "Left out, waiting in Unplaced: a fact" in seen[0] and "Empty sections left out" in seen[0]
    assert not (tmp_path / "visit.docx").exists()
    _answer_export_report(qtbot, seen, "Export Anyway")
    sample.window_actions["actionExport"].trigger()
    headings = [p.text for p in Document(str(tmp_path / "visit.docx")).paragraphs
                if p.style.name.startswith("Heading")]
    assert "Unplaced" not in headings
    assert all(s.title in headings for s in sample.brief.sections if s.placements and s.id != UNPLACED_ID)
    assert not any(s.title in headings for s in sample.brief.sections if s.is_empty and not s.required)
    sample.interactive = False


# ----------------------------------------------------------------------------- 3: no silent duplicates
def test_ctrl_number_twice_places_a_fact_once_and_the_status_bar_says_why(qtbot, sample: MainWindow):
    (fact_id,) = place_by_keys(qtbot, sample, (2,), 1)
    place_by_keys(qtbot, sample, (2,), 1)
    assert [p.fact_id for p in sample.brief.sections[0].placements] == [fact_id]
    assert "already holds that fact" in sample.statusBar().currentMessage()
    place_by_keys(qtbot, sample, (2,), 2)
    assert sample.brief.sections_holding(fact_id) == 2
    row = sample.fact_proxy.index(2, 0)
    assert "in 2 sections" in row.data(Qt.ItemDataRole.ToolTipRole)
    sample.update_counts()
    assert sample.counts_text().endswith("1 placed")  # distinct facts, not placements


# ----------------------------------------------------------------------------- 4: guidance repaints
class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_the_section_editor_repaints_its_guidance_when_another_section_is_selected(qtbot, sample: MainWindow):
    editor = sample.panes.editor.editor
    _select_section(sample, "purpose")
    assert editor.placeholderText() == sample.brief.section("purpose").guidance
    qtbot.wait(50)
    counter = _PaintCounter()
    editor.viewport().installEventFilter(counter)
    _select_section(sample, "options")
    assert editor.placeholderText() == sample.brief.section("options").guidance
    qtbot.waitUntil(lambda: counter.paints > 0, timeout=1000)
    editor.viewport().removeEventFilter(counter)


# ----------------------------------------------------------------------------- 6: keyboard flow
@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return])
def test_from_the_filter_box_down_or_return_enters_the_list_and_ctrl_1_places_the_current_row(
        qtbot, sample: MainWindow, key):
    box = sample.panes.facts.filter
    box.setFocus()
    qtbot.keyClicks(box, "Russia")
    qtbot.keyClick(box, key)
    facts = sample.panes.facts.list
    assert QApplication.focusWidget() is facts
    first = sample.fact_proxy.index(0, 0)
    assert facts.currentIndex() == first and facts.selectionModel().isSelected(first)
    qtbot.keyClick(facts, Qt.Key.Key_Down)
    current = facts.currentIndex().data(Role.FACT_ID)
    facts.selectionModel().clearSelection()  # nothing selected: Ctrl+1 places the current row
    qtbot.keyClick(facts, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert [p.fact_id for p in sample.brief.sections[0].placements] == [current]


def test_ctrl_1_with_nothing_to_place_says_why(qtbot, sample: MainWindow):
    box = sample.panes.facts.filter
    box.setFocus()
    qtbot.keyClicks(box, "zzzz no such words")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(sample.panes.facts.list, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not sample.brief.sections[0].placements
    assert sample.statusBar().currentMessage().startswith("Nothing to place")


def test_tab_goes_from_the_filter_to_the_list_before_the_kind_buttons(qtbot, sample: MainWindow):
    box = sample.panes.facts.filter
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is sample.panes.facts.list


# ----------------------------------------------------------------------------- 7: several articles
def test_with_two_sources_the_fact_list_shows_one_sources_facts_on_request(qtbot, sample: MainWindow):
    pane = sample.panes.facts
    assert not pane.source_filter.isVisible()
    sample.undo_stack.push(AddSourceCommand(sample.brief, energy_extraction()))
    assert pane.source_filter.isVisible() and pane.source_filter.count() == 3
    energy = next(sid for sid, x in sample.brief.extractions.items() if x.source.publisher == "Dawn")
    pane.source_filter.setCurrentIndex(pane.source_filter.findData(energy))
    shown = {sample.fact_proxy.index(r, 0).data(Role.SOURCE_ID) for r in range(sample.fact_proxy.rowCount())}
    assert shown == {energy} and sample.fact_proxy.rowCount() == 3
    pane.source_filter.setCurrentIndex(0)
    assert sample.fact_proxy.rowCount() == len(sample.brief.facts)


def test_the_entity_role_column_stays_in_view_with_long_names(qtbot, sample: MainWindow):
    from briefing.core.source import Entity

    extraction = energy_extraction()
    extraction.entities.append(Entity(name="The Joint Ministerial Commission on Energy and Infrastructure "
                                           "Cooperation of the Two Governments", type="organization",
                                      role="Standing commission", mentions=2))
    sample.undo_stack.push(AddSourceCommand(sample.brief, extraction))
    sample.resize(1280, 800)
    tree = sample.panes.entities.tree
    qtbot.waitUntil(lambda: tree.viewport().width() > 250)
    width = tree.viewport().width()
    assert tree.columnWidth(0) <= max(90, width * 0.45) + 1
    assert tree.columnViewportPosition(2) + 40 < width  # the Role column starts well inside the view


# ----------------------------------------------------------------------------- 13: folders
def test_save_and_export_dialogs_start_in_the_folder_last_used_then_the_briefs(qtbot, sample: MainWindow,
                                                                              monkeypatch, tmp_path: Path):
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "choose_open_path", lambda parent, folder="": asked.append(folder) or str(
        tmp_path / "there" / "a.txt"))
    monkeypatch.setattr(sample, "open_file_interactive", lambda path: None)
    sample.open_interactive()
    monkeypatch.setattr(dialogs, "choose_save_path", lambda parent, suggestion: asked.append(suggestion) or None)
    (tmp_path / "there").mkdir()
    sample.save_as_interactive()
    assert Path(asked[-1]).parent == tmp_path / "there"
    (tmp_path / "here").mkdir()
    sample.save_brief(tmp_path / "here" / "b.brief.yaml")
    monkeypatch.setattr(dialogs, "choose_article_path", lambda parent, folder="": asked.append(folder) or None)
    sample.add_source_interactive()
    assert asked[-1] == str(tmp_path / "here")


def test_unplaced_shows_only_while_it_holds_something(qtbot, sample: MainWindow):
    place_by_keys(qtbot, sample, (1,), 6)  # Recommendation
    assert sample.switch_template(find_template(OTHER_TEMPLATE))
    outline = sample.panes.outline
    row = sample.tree_model.section_index(UNPLACED_ID).row()
    outline.fit_count_column()
    assert not outline.isRowHidden(row, sample.tree_model.section_index(UNPLACED_ID).parent())
    waiting = sample.brief.section(UNPLACED_ID).placements[0].id
    focus_placement(sample, waiting)
    qtbot.keyClick(outline, Qt.Key.Key_Delete)
    assert not sample.brief.section(UNPLACED_ID).placements
    qtbot.waitUntil(lambda: outline.isRowHidden(row, sample.tree_model.section_index(UNPLACED_ID).parent()))

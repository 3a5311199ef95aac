"""A seeded random session at the keyboard: place, move, remove, reword, annotate, add a span, switch template,
undo and redo. After every step the outline, the fact list and the brief agree, no placement exists twice,
and an undo or redo lands exactly on the brief as it was at that point of the history."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QTextCursor

from briefing.storage.brief_file import brief_to_yaml
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.template.registry import available_templates
from briefing.ui.models.roles import Role
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import shown_window

STEPS = 200
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
SELECT = QItemSelectionModel.SelectionFlag


@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    return shown_window(qtbot, settings, SAMPLE_ARTICLE)


def outline_rows(window: MainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the outline model shows: section titles and, under each, (placement id, wording)."""
    model = window.tree_model
    shown = []
    for si in range(model.rowCount()):
        section = model.index(si, 0)
        children = [model.index(r, 0, section) for r in range(model.rowCount(section))]
        shown.append((section.data(), [(c.data(Role.PLACEMENT_ID), c.data()) for c in children]))
    return shown


def check_invariants(window: MainWindow, step: str) -> None:
    brief = window.brief
    expected = [(s.title, [(p.id, brief.wording(p)) for p in s.placements]) for s in brief.sections]
    assert outline_rows(window) == expected, f"the outline differs from the brief after {step}"
    placement_ids = [p.id for s in brief.sections for p in s.placements]
    assert len(placement_ids) == len(set(placement_ids)), f"a placement exists twice after {step}"
    counted = Counter(p.fact_id for s in brief.sections for p in s.placements)
    assert {f.id: brief.times_placed(f.id) for f in brief.facts} == {f.id: counted[f.id] for f in brief.facts}, step
    assert brief.placed_fact_count() == len(counted), step
    facts = window.fact_model
    assert [facts.index(r, 0).data(Role.FACT_ID) for r in range(facts.rowCount())] == [f.id for f in brief.facts], step
    assert [facts.index(r, 0).data(Role.TIMES_PLACED) for r in range(facts.rowCount())] == [
        counted[f.id] for f in brief.facts], step


class Session:
    """Random keyboard use of one window; remembers the brief at every point of the undo history."""

    def __init__(self, qtbot, window: MainWindow, seed: int) -> None:  # noqa: ANN001 - qtbot
        self.qtbot, self.w, self.rng = qtbot, window, random.Random(seed)
        self.templates = available_templates()
        self.history: dict[int, bytes] = {0: brief_to_yaml(window.brief)}

    # ------------------------------------------------------------- helpers
    def key(self, widget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
        widget.setFocus()
        self.qtbot.keyClick(widget, key, modifiers)

    def placement_ids(self) -> list[str]:
        return [p.id for s in self.w.brief.sections for p in s.placements]

    def focus_placement(self) -> bool:
        ids = self.placement_ids()
        if not ids:
            return False
        outline = self.w.panes.outline
        outline.setFocus()
        index = self.w.tree_model.placement_index(self.rng.choice(ids))
        outline.selectionModel().setCurrentIndex(index, SELECT.ClearAndSelect | SELECT.Rows)
        return True

    def section_key(self) -> Qt.Key:
        count = min(9, len(self.w.brief.sections))
        return Qt.Key(Qt.Key.Key_0 + self.rng.randint(1, count))

    # ------------------------------------------------------------- operations
    def place(self) -> None:
        view, proxy = self.w.panes.facts.list, self.w.fact_proxy
        view.setFocus()
        rows = self.rng.sample(range(proxy.rowCount()), k=min(proxy.rowCount(), self.rng.randint(1, 3)))
        for n, row in enumerate(rows):
            view.selectionModel().setCurrentIndex(proxy.index(row, 0), SELECT.ClearAndSelect if n == 0 else SELECT.Select)
        where = self.rng.choice([view, self.w.panes.source.view])  # Ctrl+N from the list or from the article
        self.key(where, self.section_key(), CTRL)

    def send(self) -> None:
        if self.focus_placement():
            self.key(self.w.panes.outline, self.section_key(), CTRL)

    def move(self) -> None:
        if self.focus_placement():
            self.key(self.w.panes.outline, self.rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down]), ALT)

    def remove(self) -> None:
        if self.focus_placement():
            self.key(self.w.panes.outline, Qt.Key.Key_Delete)

    def reword(self) -> None:
        if not self.focus_placement():
            return
        from briefing.ui.panes.reword_editor import RewordEditor

        outline = self.w.panes.outline
        self.key(outline, Qt.Key.Key_F2)
        dialog = next((d for d in self.w.findChildren(RewordEditor) if d.isVisible()), None)
        assert dialog is not None, "F2 opened no editor"
        editor = dialog.editor
        editor.selectAll()
        self.qtbot.keyClicks(editor, f"Reworded {self.rng.randint(0, 999)} caf")
        editor.insertPlainText("\u00e9 \U0001F600")  # QTest types ASCII only; an input method would insert these
        self.qtbot.keyClick(editor, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Escape]))
        self.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=1000)

    def note(self) -> None:
        if not self.focus_placement():
            return
        editor = self.w.panes.editor.editor
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        self.qtbot.keyClicks(editor, self.rng.choice(["ok", " check", "!"]))

    def add_span(self) -> None:
        view = self.w.panes.source.view
        length = len(view.toPlainText())
        start = self.rng.randrange(0, max(1, length - 40))
        cursor = view.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(min(length, start + self.rng.randint(1, 40)), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        self.key(view, Qt.Key.Key_A, CTRL | SHIFT)

    def switch_template(self) -> None:
        self.w.switch_template(self.rng.choice(self.templates))

    def undo(self) -> None:
        self.key(self.rng.choice([self.w.panes.outline, self.w.panes.facts.list]), Qt.Key.Key_Z, CTRL)

    def redo(self) -> None:
        self.key(self.rng.choice([self.w.panes.outline, self.w.panes.facts.list]), Qt.Key.Key_Z, CTRL | SHIFT)

    OPERATIONS = {"place": 6, "send": 2, "move": 3, "remove": 2, "reword": 2, "note": 1, "add_span": 1,
                  "switch_template": 1, "undo": 3, "redo": 2}

    def step(self, n: int) -> str:
        name = self.rng.choices(list(self.OPERATIONS), weights=list(self.OPERATIONS.values()))[0]
        stack = self.w.undo_stack
        before = (stack.index(), stack.count())
        getattr(self, name)()
        index, now = stack.index(), brief_to_yaml(self.w.brief)
        if name in ("undo", "redo"):
            assert now == self.history[index], f"step {n}: {name} did not restore the brief at history point {index}"
        elif (index, stack.count()) != before:  # a new step: the history beyond it is gone
            self.history = {i: s for i, s in self.history.items() if i < index}
            self.history[index] = now
        elif now != self.history[index]:  # only typing may change the brief in the last step (merged edits)
            merged = index == stack.count() and index > 0 and stack.command(index - 1).id() != -1
            assert merged, f"step {n}: {name} changed the brief without an undo step"
            self.history[index] = now
        return f"step {n} ({name})"


@pytest.mark.parametrize("seed", [1, 2])
def test_a_random_keyboard_session_keeps_outline_list_and_undo_history_true_to_the_brief(
        qtbot, qtmodeltester, window: MainWindow, seed: int):
    qtmodeltester.check(window.tree_model)
    qtmodeltester.check(window.fact_model)
    session = Session(qtbot, window, seed)
    for n in range(STEPS):
        check_invariants(window, session.step(n))
    while window.undo_stack.canUndo():  # all the way back: the freshly opened article
        window.undo_stack.undo()
    assert brief_to_yaml(window.brief) == session.history[0]
    check_invariants(window, "undoing everything")

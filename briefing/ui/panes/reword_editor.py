"""Rewording a placed fact in a window of its own: the article's wording in full above a multi-line editor.

A 40-word sentence does not fit an outline row, and the analyst rewords best with the original in view.
Return saves (one undo step), Shift+Return breaks the line, Escape leaves everything as it was. The dialog is
window-modal but not blocking (``open``), so the window keeps painting and tests can type into it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.core.errors import BriefError
from briefing.ui.models.commands import RewordCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QUndoStack

    from briefing.core.brief import Brief

HINT = "Return saves \u00b7 Shift+Return starts a new line \u00b7 Esc cancels"


class RewordEditor(QDialog):
    """Edits one placement's wording; the fact itself (the source's words) never changes."""

    def __init__(self, brief: Brief, undo_stack: QUndoStack, placement_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rewordEditor")
        self.setWindowTitle("Reword fact")
        self.brief, self.undo_stack, self.placement_id = brief, undo_stack, placement_id
        placement = brief.placement(placement_id)
        fact = brief.fact(placement.fact_id)
        source = brief.extractions[fact.source_id].source if fact.source_id in brief.extractions else None
        heading = QLabel(f"Original wording \u2014 {source.title or source.publisher or 'the article'}"
                         if source is not None else "Original wording", self)
        heading.setObjectName("rewordOriginalHeading")
        self.original = QLabel(fact.text, self)
        self.original.setObjectName("rewordOriginal")
        self.original.setWordWrap(True)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.original.setAccessibleName("Original wording")
        self.original.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        label = QLabel("&Your wording", self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("rewordText")
        self.editor.setAccessibleName("Your wording")
        self.editor.setAccessibleDescription("The fact as the brief will say it; empty goes back to the original")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText(brief.wording(placement))
        self.editor.selectAll()
        self.editor.installEventFilter(self)
        label.setBuddy(self.editor)
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setMinimumHeight(line * 6)
        hint = QLabel(HINT, self)
        hint.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.original, label):
            layout.addWidget(widget)
        layout.addWidget(self.editor, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(720, max(480, (parent.width() // 2) if parent is not None else 560)))
        self.accepted.connect(self._save)
        self.editor.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def _save(self) -> None:
        """One undo step, and none when the wording did not change."""
        try:
            placement = self.brief.placement(self.placement_id)
        except BriefError:  # the placement went away (undo) while the dialog was open
            return
        text = self.editor.toPlainText().strip()
        if text != self.brief.wording(placement).strip():
            self.undo_stack.push(RewordCommand(self.brief, self.placement_id, text))

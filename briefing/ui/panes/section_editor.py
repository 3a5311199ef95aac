"""The panel under the outline: the note on the selected fact, or the free text of the selected section.

Typing pushes merging undo commands (one undo step per burst of typing in one field); the panel listens to
the Brief so undo and redo show up here too, and it lets go of a placement or section that disappears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefing.core import events as ev
from briefing.core.errors import BriefError
from briefing.ui.models.brief_follower import follow_brief

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from briefing.core.brief import Brief

NOTE_PLACEHOLDER = "A note on this fact for the brief's reader (optional)."


class SectionEditor(QWidget):
    """Edits ``("placement", id)``'s note or ``("section", id)``'s text; disabled with nothing bound."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionEditorPanel")
        self.undo_stack = undo_stack
        self.brief: Brief | None = None
        self.target: tuple[str, str] | None = None
        self.caption = QLabel(self)
        self.caption.setObjectName("sectionEditorCaption")
        self.caption.setWordWrap(True)
        self.original = QLabel(self)
        self.original.setObjectName("originalWording")
        self.original.setWordWrap(True)
        self.original.setEnabled(False)  # greyed: it is a record, not an input
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("sectionEditor")
        self.editor.setAccessibleName("Section text or note")
        self.editor.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.original)
        layout.addWidget(self.editor, 1)
        self._loading = False
        self.editor.textChanged.connect(self._commit)
        self.bind(None)

    def set_brief(self, brief: Brief | None) -> None:
        """Follow another brief; nothing stays bound, so no edit can reach the old one."""
        follow_brief(self._on_event, self.brief, brief)
        self.brief = brief
        self.bind(None)

    def bind(self, target: tuple[str, str] | None) -> None:
        """Show and edit the note of a placement or the text of a section (None: nothing)."""
        self.target = target if self.brief is not None else None
        self._load()

    def _current(self) -> tuple[str, str, str, str]:
        """(caption, placeholder, text, original) for the target; raises BriefError if it is gone."""
        assert self.brief is not None and self.target is not None
        kind, ident = self.target
        if kind == "placement":
            placement = self.brief.placement(ident)
            fact = self.brief.fact(placement.fact_id)
            original = f"Original: \u201c{fact.text}\u201d" if placement.text else ""
            return "Note on the selected fact", NOTE_PLACEHOLDER, placement.note, original
        section = self.brief.section(ident)
        placeholder = section.guidance or f"Your own text for \u201c{section.title}\u201d (optional)."
        held = "\n\n".join(f"Waiting for {h.title or h.origin}: {h.text}" for h in section.held if h.text.strip())
        return f"Text of the section \u201c{section.title}\u201d", placeholder, section.text, held

    def _load(self) -> None:
        self._loading = True
        try:
            if self.brief is None or self.target is None:
                raise BriefError("nothing selected")
            caption, placeholder, text, original = self._current()
        except BriefError:
            self.target = None
            caption, placeholder, text, original = "Select a section or a fact in the outline", "", "", ""
        self.caption.setText(caption)
        self.original.setText(original)
        self.original.setVisible(bool(original))
        self.editor.setPlaceholderText(placeholder)
        self.editor.setToolTip(placeholder)
        self.editor.setAccessibleDescription(placeholder)
        self.editor.viewport().update()  # Qt does not repaint an empty editor's placeholder when it changes
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)
        self.editor.setEnabled(self.target is not None)
        self._loading = False

    def _commit(self) -> None:
        if self._loading or self.brief is None or self.target is None:
            return
        from briefing.ui.models.commands import SetNoteCommand, SetSectionTextCommand

        kind, ident = self.target
        text = self.editor.toPlainText()
        try:
            current = self._current()[2]
        except BriefError:
            return
        if text == current:
            return
        command = (SetNoteCommand(self.brief, ident, text) if kind == "placement"
                   else SetSectionTextCommand(self.brief, ident, text))
        self.undo_stack.push(command)

    def _on_event(self, event: ev.BriefEvent) -> None:
        if isinstance(event, (ev.SectionChanged, ev.SectionsReset, ev.PlacementsRemoved, ev.PlacementsMoved, ev.PlacementsInserted)):
            self._load()

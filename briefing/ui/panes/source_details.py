"""The source details editor: title, publisher, author, publication date and URL, prefilled from the article.

What the analyst corrects here is what every citation says; a changed date also re-resolves the facts' relative
dates ("on Tuesday"), all in one undo step. The date is typed (a year, a year-month or a full date, as precise
as the article allows), with a calendar for the full date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from briefing.ui.accessible import name_clear_button
from briefing.ui.models.source_commands import SetSourceDetailsCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from briefing.core.brief import Brief

DATE_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FIELDS = (("title", "&Title"), ("publisher", "&Publisher"), ("byline", "&Author"), ("published", "&Date"),
          ("url", "&URL"))
DESCRIPTIONS = {"title": "The article's headline", "publisher": "The newspaper, agency or site",
                "byline": "Who wrote it", "published": "Publication date: YYYY, YYYY-MM or YYYY-MM-DD",
                "url": "Where a reader can find it online"}


def valid_date(text: str) -> bool:
    """Empty, or a year, year-month or ISO date that exists."""
    text = text.strip()
    if not text:
        return True
    if not DATE_SHAPE.match(text):
        return False
    return len(text) < 10 or QDate.fromString(text, "yyyy-MM-dd").isValid()


class SourceDetailsEditor(QDialog):
    """Edits one source's details; Save pushes one undo step (nothing when nothing changed)."""

    def __init__(self, brief: Brief, undo_stack: QUndoStack, source_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDetailsEditor")
        self.setWindowTitle("Source details")
        self.brief, self.undo_stack, self.source_id = brief, undo_stack, source_id
        source = brief.extractions[source_id].source
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in FIELDS:
            edit = QLineEdit(getattr(source, key) or (source.link if key == "url" else ""), self)
            edit.setObjectName(f"sourceField_{key}")
            edit.setAccessibleName(label.replace("&", ""))
            edit.setAccessibleDescription(DESCRIPTIONS[key])
            edit.setPlaceholderText(DESCRIPTIONS[key])
            edit.setClearButtonEnabled(True)
            name_clear_button(edit, label.replace("&", "").lower())
            self.edits[key] = edit
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            if key == "published":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(self._calendar_button(edit))
                form.addRow(caption, row)
            else:
                form.addRow(caption, edit)
        where = QLabel(f"Read from: {source.path or 'pasted text'}", self)
        where.setEnabled(False)
        where.setWordWrap(True)
        self.problem = QLabel("", self)
        self.problem.setObjectName("sourceDetailsProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _calendar_button(self, edit: QLineEdit) -> QToolButton:
        button = QToolButton(self)
        button.setText("\u2026")
        button.setToolTip("Pick the date on a calendar")
        button.setAccessibleName("Pick the publication date")
        menu = QMenu(button)
        calendar = QCalendarWidget(menu)
        current = QDate.fromString(edit.text().strip(), "yyyy-MM-dd")
        calendar.setSelectedDate(current if current.isValid() else QDate.currentDate())
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        calendar.clicked.connect(lambda day: (edit.setText(day.toString("yyyy-MM-dd")), menu.close()))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    def changes(self) -> dict[str, str]:
        """The fields whose text differs from the source's."""
        source = self.brief.extractions[self.source_id].source
        out = {}
        for key, edit in self.edits.items():
            value = " ".join(edit.text().split())
            if value != (getattr(source, key) or (source.link if key == "url" else "")):
                out[key] = value
        return out

    def _save(self) -> None:
        published = self.edits["published"].text()
        if not valid_date(published):
            self.problem.setText("The date must be a year, a year and month, or a full date: 2025, 2025-07 or "
                                 "2025-07-01.")
            self.edits["published"].setFocus()
            return
        changes = self.changes()
        if changes:
            dates = None
            if "published" in changes:
                from briefing.extract.dates import redated_facts

                dates = redated_facts(self.brief.extractions[self.source_id], changes["published"])
            self.undo_stack.push(SetSourceDetailsCommand(self.brief, self.source_id, changes, dates))
        self.accept()

"""The brief's header fields (title, to, from, date, classification...) as the template lists them.

Each keystroke becomes a ``SetMetadataCommand`` (consecutive edits of one field merge into one undo step);
the form listens to the Brief so an undo shows up in the field without the field pushing it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from briefing.core import events as ev
from briefing.ui.accessible import name_clear_button
from briefing.ui.models.brief_follower import follow_brief

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent, QUndoStack

    from briefing.core.brief import Brief
    from briefing.core.template import FieldSpec, Template

# One label+field pair per row: the form has its own tab, so width is scarcer than height.
COLUMNS = 1
DATE_KEY = "date"  # the field that gets a calendar


def fields_for(brief: Brief, template: Template | None) -> list[tuple[str, str]]:
    """(key, label) pairs: the template's fields, then any other keys the brief carries."""
    specs: list[FieldSpec] = list(template.fields) if template is not None else []
    pairs = [(f.id, f.label or f.id.replace("_", " ").capitalize()) for f in specs]
    known = {key for key, _ in pairs}
    pairs += [(k, k.replace("_", " ").capitalize()) for k in brief.metadata if k not in known]
    return pairs


class MetadataForm(QWidget):
    """Line edits for the metadata fields of the current brief's template.

    The fields are made when the form is first shown or asked for (``edits``), not while it waits in a
    hidden tab: at start-up that is a tenth of the window's own construction."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataForm")
        self.undo_stack = undo_stack
        self.brief: Brief | None = None
        self._edits: dict[str, QLineEdit] = {}
        self._template: Template | None = None
        self._stale = False  # the fields shown are not those of the brief and template: build them when needed
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(3)

    def set_brief(self, brief: Brief | None, template: Template | None) -> None:
        """Edit another brief's header: the template's fields, then any other keys the brief has (None: no fields)."""
        follow_brief(self._on_event, self.brief, brief)
        self.brief = brief
        self.rebuild(template)

    @property
    def edits(self) -> dict[str, QLineEdit]:
        """The line edit of each field by key (made now if the form has not been shown since the last change)."""
        if self._stale:
            self._build()
        return self._edits

    def rebuild(self, template: Template | None) -> None:
        """One line edit per field; called when the brief or its template changes."""
        self._template = template
        self._stale = True
        if self.isVisible():
            self._build()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self._build()
        super().showEvent(event)

    def _build(self) -> None:
        self._stale = False
        template = self._template
        while (item := self._grid.takeAt(0)) is not None:
            inner = item.layout()
            widgets = [item.widget()] if inner is None else [inner.itemAt(i).widget() for i in range(inner.count())]
            for widget in widgets:
                if widget is not None:
                    widget.deleteLater()
        self._edits.clear()
        if self.brief is None:
            return
        for n, (key, label) in enumerate(fields_for(self.brief, template)):
            row, col = divmod(n, COLUMNS)
            edit = QLineEdit(self.brief.metadata.get(key, ""), self)
            edit.setObjectName(f"field_{key}")
            edit.setPlaceholderText(label)
            edit.setClearButtonEnabled(True)
            edit.setAccessibleName(label)
            name_clear_button(edit, label)
            edit.textEdited.connect(lambda text, k=key: self._commit(k, text))
            edit.installEventFilter(self)
            caption = QLabel(f"{label}:", self)
            caption.setBuddy(edit)
            self._grid.addWidget(caption, row, 2 * col)
            if key == DATE_KEY:
                self._grid.addLayout(self._with_calendar(edit, key), row, 2 * col + 1)
            else:
                self._grid.addWidget(edit, row, 2 * col + 1)
            self._edits[key] = edit
        for col in range(COLUMNS):
            self._grid.setColumnStretch(2 * col + 1, 1)

    def _with_calendar(self, edit: QLineEdit, key: str) -> QHBoxLayout:
        """The date field with a calendar button beside it, opening on the field's date or else today."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QToolButton(self)
        button.setObjectName("datePicker")
        button.setText("\u2026")
        button.setToolTip("Pick the date on a calendar")
        button.setAccessibleName("Pick the brief's date")
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self._fill_calendar(menu, edit, key))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        row.addWidget(button)
        return row

    def _fill_calendar(self, menu: QMenu, edit: QLineEdit, key: str) -> None:
        """Made on first use (a calendar is a dozen widgets), then set to the field's date or else today."""
        if menu.isEmpty():
            calendar = QCalendarWidget(menu)
            calendar.setObjectName("dateCalendar")
            calendar.setAccessibleName("Calendar")
            action = QWidgetAction(menu)
            action.setDefaultWidget(calendar)
            menu.addAction(action)
            calendar.clicked.connect(lambda day: (self._pick_date(edit, key, day), menu.close()))
            calendar.activated.connect(lambda day: (self._pick_date(edit, key, day), menu.close()))
        calendar = menu.findChild(QCalendarWidget)
        shown = QDate.fromString(edit.text().strip(), "yyyy-MM-dd")
        calendar.setSelectedDate(shown if shown.isValid() else QDate.currentDate())

    def _pick_date(self, edit: QLineEdit, key: str, day: QDate) -> None:
        edit.setText(day.toString("yyyy-MM-dd"))
        self._commit(key, edit.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Reaching a field by Tab, Shift+Tab or a click selects its text, so typing replaces a prefilled value."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            QTimer.singleShot(0, watched.selectAll)  # after Qt's own focus handling places the cursor
        return super().eventFilter(watched, event)

    def _commit(self, key: str, value: str) -> None:
        from briefing.ui.models.commands import SetMetadataCommand

        if self.brief is not None and self.brief.metadata.get(key, "") != value:
            self.undo_stack.push(SetMetadataCommand(self.brief, key, value))

    def _on_event(self, event: ev.BriefEvent) -> None:
        if not isinstance(event, ev.MetadataChanged) or self.brief is None or self._stale:  # stale: built with the new values
            return
        keys = [event.key] if event.key else list(self._edits)
        for key in keys:
            edit = self._edits.get(key)  # type: ignore[arg-type]
            value = self.brief.metadata.get(key, "")  # type: ignore[arg-type]
            if edit is not None and edit.text() != value:
                edit.setText(value)

"""The header form: one line edit per template field, made when the form is shown, kept in step with undo."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from briefing.template.registry import DEFAULT_TEMPLATE_ID, find_template
from briefing.ui.models.commands import SetMetadataCommand
from briefing.ui.panes.metadata_form import MetadataForm


def form_for(qtbot, brief, undo_stack) -> MetadataForm:
    form = MetadataForm(undo_stack)
    qtbot.addWidget(form)
    form.set_brief(brief, find_template(DEFAULT_TEMPLATE_ID))
    return form


def test_a_hidden_form_makes_its_fields_only_when_shown(qtbot, brief, undo_stack):
    form = form_for(qtbot, brief, undo_stack)
    assert form.findChildren(QLineEdit) == []  # waiting in a hidden tab costs nothing
    form.show()
    qtbot.waitExposed(form)
    names = [e.objectName() for e in form.findChildren(QLineEdit)]
    assert names == [f"field_{f.id}" for f in find_template(DEFAULT_TEMPLATE_ID).fields]


def test_the_fields_are_there_whenever_asked_for_and_show_the_brief(qtbot, brief, undo_stack):
    brief.metadata["title"] = "Steel talks"
    form = form_for(qtbot, brief, undo_stack)
    assert form.edits["title"].text() == "Steel talks"


def test_an_undo_while_hidden_shows_in_the_field_once_shown(qtbot, brief, undo_stack):
    form = form_for(qtbot, brief, undo_stack)
    form.show()
    qtbot.waitExposed(form)
    form.edits["title"].setText("Draft")
    form.edits["title"].textEdited.emit("Draft")  # what typing does
    assert brief.metadata["title"] == "Draft"
    form.hide()
    form.rebuild(find_template(DEFAULT_TEMPLATE_ID))  # a template change while hidden: fields made later
    undo_stack.undo()
    assert brief.metadata["title"] == ""
    form.show()
    qtbot.waitExposed(form)
    assert form.edits["title"].text() == ""
    undo_stack.redo()
    assert form.edits["title"].text() == "Draft"  # shown: the brief's events update the field at once


def test_typing_in_a_field_is_one_undo_step(qtbot, brief, undo_stack):
    form = form_for(qtbot, brief, undo_stack)
    for text in ("M", "Mi", "Minister"):
        form.edits["to"].setText(text)
        form.edits["to"].textEdited.emit(text)
    assert brief.metadata["to"] == "Minister"
    assert undo_stack.count() == 1
    assert isinstance(undo_stack.command(0), SetMetadataCommand)


def test_tabbing_through_the_fields_selects_each_ones_text(qtbot, brief, undo_stack):
    from PySide6.QtCore import Qt

    brief.metadata.update({"title": "Steel talks", "to": "Minister"})
    form = form_for(qtbot, brief, undo_stack)
    form.show()
    qtbot.waitExposed(form)
    title, to = form.edits["title"], form.edits["to"]
    form.activateWindow()
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: to.hasFocus() and to.selectedText() == "Minister")
    qtbot.keyClicks(to, "Secretary")
    assert brief.metadata["to"] == "Secretary"


def test_the_date_picker_opens_on_today_and_a_chosen_day_is_one_undo_step(qtbot, brief, undo_stack):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCalendarWidget, QToolButton

    brief.metadata["date"] = ""
    form = form_for(qtbot, brief, undo_stack)
    form.show()
    qtbot.waitExposed(form)
    button = form.findChild(QToolButton, "datePicker")
    button.menu().aboutToShow.emit()
    calendar = button.menu().findChild(QCalendarWidget)
    assert calendar.selectedDate() == QDate.currentDate()
    calendar.clicked.emit(QDate(2025, 7, 1))
    assert brief.metadata["date"] == "2025-07-01" == form.edits["date"].text()
    undo_stack.undo()
    assert brief.metadata["date"] == ""


def test_every_field_and_its_clear_button_has_an_accessible_name(qtbot, brief, undo_stack):
    from briefing.ui.accessible import nameless

    form = form_for(qtbot, brief, undo_stack)
    form.show()
    qtbot.waitExposed(form)
    for edit in form.edits.values():
        qtbot.keyClicks(edit, "x")  # a clear button shows once there is text
    assert nameless(form) == []

"""Accessible names for widgets Qt makes on its own (a line edit's clear button), and the walk that finds any
interactive widget left without a name, so a screen reader can say what each control is."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QTabBar,
               QHeaderView)
_SKIPPED = (QAbstractSlider,)  # scroll bars: the screen reader names them from their area


def name_clear_button(edit: QLineEdit, what: str) -> None:
    """Name the clear button Qt adds to ``edit`` (``setClearButtonEnabled``) after the field it clears."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(f"Clear {what}")
        button.setToolTip(f"Clear {what}")


def name_toolbar_buttons(toolbar: QToolBar) -> None:
    """Each toolbar button named after its action, its tooltip (with the shortcut) as the description."""
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and not action.isSeparator():
            button.setAccessibleName(action.text().replace("&", "").rstrip("\u2026."))
            button.setAccessibleDescription(action.toolTip())


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces as the widget's name (Qt's accessibility interface, as AT-SPI reads it)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def nameless(root: QWidget) -> list[QWidget]:
    """Interactive widgets shown under ``root`` (itself included) that no screen reader could name: each
    needs an accessible name. Hidden widgets (a tab not chosen, a popup not open) are checked when shown."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, _SKIPPED) or not widget.isVisible():
            continue
        if not widget.accessibleName().strip() and not spoken_name(widget):
            found.append(widget)
    return found

"""Accessible names for widgets Qt makes on its own (a line edit's clear button), and the walk that finds any
interactive widget left without a name, so a screen reader can say what each control is."""

from __future__ import annotations

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


def nameless(root: QWidget) -> list[QWidget]:
    """Interactive widgets under ``root`` (itself included) with no accessible name: each needs one."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, _SKIPPED):
            continue
        if type(widget).__name__ in ("QLineEditIconButton",) and not widget.isVisibleTo(widget.parentWidget()):
            continue
        if not widget.accessibleName().strip():
            found.append(widget)
    return found

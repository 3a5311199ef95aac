"""The window's size and place on the screen it opens on: a share of what is free, never off the edge.

At a 1.5x display scale a 1600x1000 screen has far fewer logical pixels than a fixed 1280x800 needs once
the panel and title bar are counted, so the first size is a share of the available geometry and a restored
geometry (saved on a bigger monitor, perhaps) is pulled back inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_SHARE = 0.85  # of the available width and height on first start
PREFERRED = (1280, 800)  # no bigger than this on a large screen: the panes read best at about this size


def available(window: QWidget) -> QRect | None:
    """The free part (without panels) of the screen the window is on, or the primary screen's."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def first_size(area: QRect) -> tuple[int, int]:
    """The size a window takes the first time: a share of ``area``, at most ``PREFERRED``."""
    return (min(PREFERRED[0], round(area.width() * FIRST_SHARE)),
            min(PREFERRED[1], round(area.height() * FIRST_SHARE)))


def clamped(frame: QRect, area: QRect) -> QRect:
    """``frame`` made to fit inside ``area``: shrunk when bigger, then moved so no edge is off-screen."""
    width, height = min(frame.width(), area.width()), min(frame.height(), area.height())
    left = max(area.left(), min(frame.left(), area.right() + 1 - width))
    top = max(area.top(), min(frame.top(), area.bottom() + 1 - height))
    return QRect(left, top, width, height)


def size_for_first_start(window: QWidget) -> None:
    """Give a window with no saved geometry a share of its screen, centred."""
    area = available(window)
    if area is None:
        window.resize(*PREFERRED)
        return
    width, height = first_size(area)
    window.setGeometry(QRect(area.left() + (area.width() - width) // 2,
                             area.top() + (area.height() - height) // 2, width, height))


def keep_on_screen(window: QWidget) -> None:
    """After ``restoreGeometry``: pull the window inside the available screen (a maximised one is left be)."""
    area = available(window)
    if area is None or window.isMaximized() or window.isFullScreen():
        return
    frame = window.frameGeometry()
    inner = window.geometry()
    extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
    fitted = clamped(frame, area)
    window.setGeometry(QRect(fitted.left() + (inner.left() - frame.left()), fitted.top() + (inner.top() - frame.top()),
                             fitted.width() - extra_w, fitted.height() - extra_h))

"""The window fits the screen it opens on: a share of it the first time, and a restored geometry pulled inside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings

from briefing.ui.window.geometry import PREFERRED, clamped, first_size
from briefing.ui.window.main_window import MainWindow
from tests.ui.conftest import shown_window


@pytest.mark.parametrize("area, expected", [
    (QRect(0, 0, 1066, 666), (906, 566)),  # 1600x1000 at 1.5x scale: a share, not 1280x800
    (QRect(0, 0, 3840, 2160), PREFERRED),  # a big screen: no bigger than the panes need
])
def test_the_first_size_is_a_share_of_the_available_screen(area, expected):
    assert first_size(area) == expected


@pytest.mark.parametrize("frame, expected", [
    (QRect(900, 500, 1920, 1200), QRect(0, 0, 1066, 666)),  # too big: shrunk to the screen
    (QRect(900, 500, 400, 300), QRect(666, 366, 400, 300)),  # hanging off the edge: moved back
    (QRect(-50, -20, 400, 300), QRect(0, 0, 400, 300)),
    (QRect(100, 100, 400, 300), QRect(100, 100, 400, 300)),  # inside: left where it was
])
def test_a_restored_frame_is_clamped_to_the_available_screen(frame, expected):
    assert clamped(frame, QRect(0, 0, 1066, 666)) == expected


def test_a_new_window_and_a_restored_oversize_one_both_fit_the_screen(qtbot, settings: QSettings):
    window = shown_window(qtbot, settings)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    window.setGeometry(QRect(area.right() - 50, area.bottom() - 50, area.width() * 2, area.height() * 2))
    window.save_settings()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    again.restore_settings()
    assert isinstance(settings.value("window/geometry"), QByteArray)
    frame = again.frameGeometry()
    assert frame.width() <= area.width() and frame.height() <= area.height()
    assert area.contains(again.geometry().topLeft())

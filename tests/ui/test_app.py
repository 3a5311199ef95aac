"""Starting the app: names and icon, a clear line instead of a crash without a display, files opened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.ui.app import NO_DISPLAY, has_display, make_application, open_files
from briefing.ui.window.main_window import MainWindow


@pytest.mark.parametrize(("env", "platform", "expected"), [
    ({}, "linux", False),
    ({"DISPLAY": ":0"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
    ({"DISPLAY": ""}, "linux", False),
    ({}, "win32", True),
    ({}, "darwin", True),
])
def test_a_display_is_needed_only_on_linux(env: dict[str, str], platform: str, expected: bool):
    assert has_display(env, platform) is expected


def test_without_a_display_the_app_says_so_in_one_line_and_exits_2():
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    out = subprocess.run([sys.executable, "-m", "briefing"], capture_output=True, text=True, env=env, timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux needs DISPLAY")
    assert out.returncode == 2
    assert out.stderr.strip() == f"briefing: {NO_DISPLAY}"
    assert "PySide6" not in out.stderr and "Traceback" not in out.stderr


def test_the_application_has_its_names_and_icon(qapp):
    app = make_application()
    assert (app.organizationName(), app.applicationName()) == ("Briefing", "Briefing")
    assert not app.windowIcon().isNull()


def test_files_given_at_start_open_into_one_unmodified_brief(qtbot, tmp_path: Path):
    second = tmp_path / "second.txt"
    second.write_text("MOSCOW: The ministry approved the plan on Friday. Officials said talks resume in May.\n",
                      encoding="utf-8")
    window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    open_files(window, [str(SAMPLE_ARTICLE), str(second)])
    assert len(window.brief.extractions) == 2
    assert not window.isWindowModified()
    assert window.undo_stack.count() == 0 or window.undo_stack.isClean()

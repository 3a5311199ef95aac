"""Safety test fixtures: a private home per test, for this process and the subprocesses it starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_helpers import XDG_VARS, Home


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """XDG folders under tmp_path, for this process (monkeypatched, but for settings) and its subprocesses."""
    h = Home(tmp_path / "home")
    for var in XDG_VARS:
        # Not the config folder in this process: Qt fixes QSettings' folder on first use for the session.
        if var != "XDG_CONFIG_HOME":
            monkeypatch.setenv(var, str(h.var(var)))
    monkeypatch.delenv("BRIEFING_AUTOSAVE_SECONDS", raising=False)
    return h


@pytest.fixture(autouse=True)
def _close_log_handlers():
    """Each test's log file lives in its own tmp folder: close the handler when the test ends."""
    yield
    import logging

    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_briefing_log_handler", False)]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture(scope="session")
def sample_extraction():
    """The bundled sample article, extracted once for the whole session."""
    from briefing.extract.pipeline import extract_path
    from briefing.storage.paths import SAMPLE_ARTICLE

    return extract_path(SAMPLE_ARTICLE)


@pytest.fixture
def window(qtbot, home: Home, tmp_path: Path, sample_extraction):
    """A composer window (no dialogs) on the sample article, unmodified."""
    from PySide6.QtCore import QSettings

    from briefing.ui.window.main_window import MainWindow

    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.new_brief_with(sample_extraction)
    return win


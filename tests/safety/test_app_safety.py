"""The app itself starts with the safety net: autosave and crash hook on its window, pending work offered."""

from __future__ import annotations

import json
import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from safety_helpers import Home

from briefing.storage.brief_file import brief_to_yaml
from briefing.ui import app as app_module
from briefing.ui.safety import install as safety
from briefing.ui.safety.autosave import Autosaver
from briefing.ui.safety.crash import show_crash_box
from briefing.ui.safety.recovery_files import sidecar_path
from briefing.ui.window.main_window import MainWindow


def close_app_window(window: MainWindow) -> None:
    """End what ``run_app`` started on ``window``: its crash hook, its autosave, the window itself."""
    saver = window.findChild(Autosaver)
    saver.crash_handler.uninstall()
    saver.finish()
    window.close()
    window.deleteLater()


def test_starting_the_app_installs_the_safety_net_and_offers_pending_work(qapp, home: Home, sample_extraction,
                                                                         monkeypatch: pytest.MonkeyPatch):
    from briefing.core.brief import Brief
    from briefing.template.registry import find_template

    crashed = Brief.from_template(find_template(None))
    crashed.add_extraction(sample_extraction)
    crashed.place([crashed.facts[0].id], crashed.sections[0].id)
    home.recovery_dir.mkdir(parents=True)
    left = home.recovery_dir / "crashed--1-abc.brief.yaml"
    left.write_bytes(brief_to_yaml(crashed))
    sidecar_path(left).write_text(json.dumps({"name": "crashed", "lock": "session-1-abc.lock",
                                              "saved_at": "2025-01-01T10:00:00+00:00"}), encoding="utf-8")
    asked, seen = [], {}
    monkeypatch.setattr(safety, "ask_restore", lambda _parent, info: asked.append(info.name) or safety.LATER)
    hooks = (sys.excepthook, threading.excepthook)

    def run_briefly(*_args) -> int:
        for _ in range(5):
            QCoreApplication.processEvents()
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        saver = window.findChild(Autosaver)
        seen.update(window=window, saver=saver, hook=sys.excepthook, show=saver.crash_handler.show)
        close_app_window(window)
        return 0

    monkeypatch.setattr(QApplication, "exec", run_briefly)
    assert app_module.run_app([]) == 0
    assert asked == ["crashed"] and left.exists()  # offered; "Not Now" keeps it
    assert seen["window"].interactive and seen["saver"] is not None
    assert seen["hook"] == seen["saver"].crash_handler.excepthook and seen["show"] is show_crash_box
    assert (sys.excepthook, threading.excepthook) == hooks


def test_collection_paused_for_start_up_resumes_once_the_window_is_painted(qtbot, home: Home,
                                                                           monkeypatch: pytest.MonkeyPatch):
    import gc

    seen: dict[str, object] = {}

    def run_briefly(*_args) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["before paint"] = gc.isenabled()
        qtbot.waitUntil(lambda: gc.isenabled() and window.findChild(Autosaver) is not None, timeout=5000)
        seen["frozen"] = gc.get_freeze_count()
        close_app_window(window)
        return 0

    monkeypatch.setattr(QApplication, "exec", run_briefly)
    gc.disable()  # as the `briefing` command does before Qt is imported
    try:
        assert app_module.run_app([]) == 0
    finally:
        gc.enable()
        gc.unfreeze()
    assert seen["before paint"] is False
    assert seen["frozen"] > 0  # what start-up made is out of the collector's reach

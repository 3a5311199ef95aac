"""A bug in the GUI is logged, saves a recovery copy, is shown once, and leaves the window and its brief alone."""

from __future__ import annotations

import io
import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from safety_helpers import Home, place_fact

from briefing.storage.brief_file import brief_to_yaml, load_brief
from briefing.ui.safety.autosave import Autosaver
from briefing.ui.safety.crash import CrashHandler, crash_message
from briefing.ui.safety.install import install_safety


class Shown:
    """Stands in for the message box: records what a person would have seen, and on which thread."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.threads: list[str] = []

    def __call__(self, _parent, message: str) -> None:
        self.messages.append(message)
        self.threads.append(threading.current_thread().name)


@pytest.fixture
def shown() -> Shown:
    return Shown()


@pytest.fixture
def safety(window, shown: Shown):
    saver = install_safety(window, interactive=False, show=shown)
    yield saver
    saver.crash_handler.uninstall()
    saver.finish()


def _log_text(home: Home) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return home.log_file.read_text(encoding="utf-8")


def _raise_in_a_slot(qtbot, error: Exception) -> None:
    def slot():
        raise error

    QTimer.singleShot(0, slot)
    qtbot.wait(50)


def test_a_bug_in_a_slot_is_logged_saved_shown_and_the_window_carries_on(window, safety, shown, qtbot, home: Home):
    window.show()
    placement = place_fact(window, row=1)
    before = brief_to_yaml(window.brief)
    _raise_in_a_slot(qtbot, RuntimeError("the preview lost its model"))
    qtbot.waitUntil(lambda: bool(shown.messages), timeout=3000)
    assert shown.messages == [crash_message("the preview lost its model", work_kept=True, log=str(home.log_file))]
    assert "Your work is kept; details in " in shown.messages[0]
    log = _log_text(home)
    assert "ERROR briefing.ui.safety.crash: unexpected error in MainThread:\nTraceback" in log
    assert "RuntimeError: the preview lost its model" in log
    assert window.isVisible() and brief_to_yaml(window.brief) == before  # nothing lost, nothing changed
    assert window.brief.placement(placement)
    assert load_brief(safety.path) == window.brief  # the recovery copy was written at once


def test_a_bug_with_nothing_unsaved_writes_no_copy_and_says_the_work_is_kept(window, safety, shown, qtbot):
    _raise_in_a_slot(qtbot, KeyError("row"))
    qtbot.waitUntil(lambda: bool(shown.messages), timeout=3000)
    assert shown.messages[0].startswith("Something went wrong: 'row'. Your work is kept")
    assert safety.path is None


def test_when_the_recovery_copy_fails_the_message_says_to_save(window, shown, qtbot, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    handler = CrashHandler(window, save_recovery=Autosaver(window, interval=60, folder=blocked / "recovery").save_now,
                           show=shown)
    handler.install()
    try:
        place_fact(window)
        _raise_in_a_slot(qtbot, ValueError("bad row"))
        qtbot.waitUntil(lambda: bool(shown.messages), timeout=3000)
    finally:
        handler.uninstall()
    assert "Your work is still open: save it now." in shown.messages[0]


def test_a_bug_in_a_worker_thread_is_shown_on_the_gui_thread(window, safety, shown, qtbot, home: Home):
    worker = threading.Thread(target=lambda: 1 / 0, name="extractor")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown.messages), timeout=3000)
    assert shown.threads == [threading.main_thread().name]
    assert shown.messages[0].startswith("Something went wrong: division by zero.")
    assert "unexpected error in extractor:" in _log_text(home)


def test_the_same_bug_again_is_logged_but_not_shown_again_at_once(window, safety, shown, qtbot, home: Home):
    for _ in range(3):
        _raise_in_a_slot(qtbot, RuntimeError("paint failed"))
    qtbot.waitUntil(lambda: len(safety.crash_handler.messages) == 3, timeout=3000)
    assert len(shown.messages) == 1
    assert _log_text(home).count("RuntimeError: paint failed") == 3


def test_without_a_person_no_message_box_opens(window, qtbot, monkeypatch: pytest.MonkeyPatch):
    def no_box(*_args):
        pytest.fail("a message box opened in a non-interactive window")

    monkeypatch.setattr(QMessageBox, "critical", no_box)
    saver = install_safety(window, interactive=False)
    try:
        _raise_in_a_slot(qtbot, RuntimeError("quiet"))
        qtbot.waitUntil(lambda: bool(saver.crash_handler.messages), timeout=3000)
    finally:
        saver.crash_handler.uninstall()
        saver.finish()


def test_for_a_person_the_message_box_names_the_error_and_the_log(window, qtbot, home: Home,
                                                                 monkeypatch: pytest.MonkeyPatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: boxes.append((parent, text)))
    saver = install_safety(window, interactive=True, offer=False)
    try:
        _raise_in_a_slot(qtbot, RuntimeError("outline model out of step"))
        qtbot.waitUntil(lambda: bool(boxes), timeout=3000)
    finally:
        saver.crash_handler.uninstall()
        saver.finish()
    assert boxes == [(window, crash_message("outline model out of step", work_kept=True, log=str(home.log_file)))]


def test_ctrl_c_and_exit_still_reach_the_previous_hook(window, monkeypatch: pytest.MonkeyPatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))
    handler = CrashHandler(window)
    handler.install()
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        handler.uninstall()
    assert seen == [KeyboardInterrupt] and handler.messages == []


def test_uninstalling_restores_the_previous_hooks(window):
    before = (sys.excepthook, threading.excepthook)
    handler = CrashHandler(window)
    handler.install()
    assert sys.excepthook == handler.excepthook and threading.excepthook == handler.thread_excepthook
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


@pytest.mark.parametrize("stderr", ["none", "closed"])
def test_an_app_without_a_working_console_still_shows_the_message(window, safety, shown, qtbot, stderr: str,
                                                                   monkeypatch: pytest.MonkeyPatch):
    closed = io.StringIO()
    closed.close()
    # pythonw on Windows has no stderr; a launcher that went away leaves a closed one
    monkeypatch.setattr(sys, "stderr", None if stderr == "none" else closed)
    _raise_in_a_slot(qtbot, RuntimeError("no console"))
    qtbot.waitUntil(lambda: bool(shown.messages), timeout=3000)
    assert shown.messages[0].startswith("Something went wrong: no console.")

"""Bad input in the window: a message box says what happened, the brief on screen stays as it was, files too.

The command-line table is in test_bad_input.py; these are the representative cases a person meets in the app
(opening, adding, saving, exporting), through the menus' code paths with a message box stand-in.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from safety_helpers import place_fact

from briefing.storage import atomic
from briefing.storage.brief_file import brief_to_yaml
from briefing.ui.window import dialogs
from briefing.ui.window.main_window import MainWindow


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every error message box the window opens (instead of opening it)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a: shown.append(text))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_: dialogs.DISCARD)  # closing at teardown
    return shown


@pytest.fixture
def app_window(qtbot, home, tmp_path: Path, sample_extraction, boxes) -> MainWindow:
    """The window as the app makes it (interactive: errors in message boxes), on screen, a fact placed and saved."""
    win = MainWindow(interactive=True, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.new_brief_with(sample_extraction)
    place_fact(win, row=1)
    win.save_brief(tmp_path / "note.brief.yaml")
    place_fact(win, row=2)  # and one unsaved change
    return win


def _state(window: MainWindow) -> tuple[bytes, bool, Path | None]:
    return brief_to_yaml(window.brief), window.undo_stack.isClean(), window.brief_path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_opening_a_damaged_brief_shows_why_and_keeps_the_open_one(app_window, boxes, tmp_path: Path):
    damaged = tmp_path / "damaged.brief.yaml"
    damaged.write_bytes((tmp_path / "note.brief.yaml").read_bytes()[:3000])
    before, digest = _state(app_window), _digest(damaged)
    app_window.open_file_interactive(str(damaged))
    assert len(boxes) == 1 and "damaged.brief.yaml" in boxes[0] and "truncated" in boxes[0]
    assert _state(app_window) == before and _digest(damaged) == digest


@pytest.mark.parametrize(("name", "content", "says"), [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(3000), "is a binary file"),
    ("empty.txt", b"", "is empty"),
    ("macro.docm", b"PK\x03\x04 not really", "macro-enabled documents are not opened"),
])
def test_adding_an_article_that_cannot_be_read_shows_why_and_adds_nothing(app_window, boxes, qtbot, tmp_path: Path,
                                                                         name: str, content: bytes, says: str):
    article = tmp_path / name
    article.write_bytes(content)
    before = _state(app_window)
    app_window.start_extraction(str(article), "add")  # what Add Source does, in the background
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    assert len(boxes) == 1 and name in boxes[0] and says in boxes[0]
    qtbot.waitUntil(lambda: app_window.job is None, timeout=5000)
    assert _state(app_window) == before


@pytest.mark.parametrize(("target", "says"), [
    ("nowhere/brief.docx", "does not exist"),
    ("locked.docx", "read-only"),
])
def test_an_export_that_cannot_be_written_shows_why_and_keeps_the_old_file(app_window, boxes, tmp_path: Path,
                                                                          target: str, says: str):
    path = tmp_path / target
    if path.parent.exists():
        path.write_bytes(b"yesterday's export")
        path.chmod(0o444)
    before = _state(app_window)
    files = {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()}
    assert app_window.guarded(app_window.export_docx, path) is None  # what File > Export runs
    assert len(boxes) == 1 and says in boxes[0]
    assert _state(app_window) == before
    assert {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()} == files


def test_saving_onto_a_full_disk_shows_why_keeps_the_file_and_the_unsaved_mark(app_window, boxes, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch):
    saved = tmp_path / "note.brief.yaml"
    before, digest = _state(app_window), _digest(saved)

    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    assert app_window.save_interactive() is False  # File > Save
    assert len(boxes) == 1 and boxes[0].startswith("not enough disk space to write") and "note.brief.yaml" in boxes[0]
    assert _state(app_window) == before and not before[1] and app_window.isWindowModified()
    assert _digest(saved) == digest
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_brief_from_a_newer_version_is_refused_with_the_reason(app_window, boxes, tmp_path: Path):
    newer = tmp_path / "newer.brief.yaml"
    newer.write_bytes((tmp_path / "note.brief.yaml").read_bytes().replace(b"briefing: 1\n", b"briefing: 7\n", 1))
    before = _state(app_window)
    app_window.open_dropped([str(newer)])  # dropped onto the window
    assert len(boxes) == 1 and "saved by a newer Briefing (format 7)" in boxes[0]
    assert _state(app_window) == before


"""Autosave: unsaved work reaches a recovery file on time, only then, and goes away when it is no longer needed."""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from safety_helpers import Home, place_fact

from briefing.storage.brief_file import brief_to_yaml, load_brief, save_brief
from briefing.ui.models.commands import SetMetadataCommand
from briefing.ui.safety.autosave import (
    DEFAULT_INTERVAL_SECONDS,
    Autosaver,
    autosave_interval_seconds,
)
from briefing.ui.safety.install import (
    DISCARD,
    LATER,
    RESTORE,
    install_safety,
    offer_recovery,
    restore_recovery,
)
from briefing.ui.safety.recovery_files import (
    discard_recovery,
    pending_recoveries,
    read_recovery_info,
    recovery_dir,
    sidecar_path,
)


@pytest.fixture
def autosaver(window):
    saver = Autosaver(window, interval=0.1)
    yield saver
    saver.finish()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _leave_recovery(folder: Path, brief, *, name: str, saved_at: str, brief_path: str | None = None,
                    lock: str = "session-gone.lock") -> Path:
    """What a crashed session leaves: a recovery file and its sidecar, its lock owner dead."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}--gone.brief.yaml"
    path.write_bytes(brief_to_yaml(brief))
    sidecar_path(path).write_text(json.dumps({"brief": brief_path, "name": name, "saved_at": saved_at,
                                              "lock": lock}), encoding="utf-8")
    return path


@pytest.mark.parametrize(("value", "seconds"), [
    (None, DEFAULT_INTERVAL_SECONDS), ("", DEFAULT_INTERVAL_SECONDS), ("1", 1.0), ("0.5", 0.5), (" 90 ", 90.0),
    ("soon", DEFAULT_INTERVAL_SECONDS), ("0", DEFAULT_INTERVAL_SECONDS), ("-5", DEFAULT_INTERVAL_SECONDS),
    ("nan", DEFAULT_INTERVAL_SECONDS), ("inf", DEFAULT_INTERVAL_SECONDS),
])
def test_the_interval_comes_from_the_environment_when_it_is_a_sensible_number(value, seconds):
    env = {} if value is None else {"BRIEFING_AUTOSAVE_SECONDS": value}
    assert autosave_interval_seconds(env) == seconds


def test_the_recovery_folder_follows_xdg_data_home_whatever_the_application_is_called(home: Home, qapp):
    names = (QCoreApplication.organizationName(), QCoreApplication.applicationName())
    assert recovery_dir() == home.recovery_dir
    assert (QCoreApplication.organizationName(), QCoreApplication.applicationName()) == names


def test_nothing_is_written_while_the_brief_has_no_unsaved_changes(window, autosaver, qtbot, home: Home):
    qtbot.wait(350)
    assert autosaver.save_now() is None
    assert _files(home.recovery_dir) == []


def test_an_unsaved_change_reaches_a_recovery_file_that_loads_as_the_brief_on_screen(window, autosaver, qtbot,
                                                                                   home: Home):
    place_fact(window, row=1)
    with qtbot.waitSignal(autosaver.saved, timeout=5000) as saved:
        pass
    path = saved.args[0]
    assert path.parent == home.recovery_dir and path.name.endswith(".brief.yaml")
    assert load_brief(path) == window.brief
    info = read_recovery_info(path)
    assert info.brief_path is None and info.name == window.brief_name()
    assert abs((datetime.now(timezone.utc) - info.saved_at).total_seconds()) < 60
    assert pending_recoveries() == []  # this session is alive: its own file is not offered


def test_an_unchanged_brief_is_not_written_again(window, autosaver):
    place_fact(window)
    path = autosaver.save_now()
    before = path.stat().st_mtime_ns, path.stat().st_ino
    assert autosaver.save_now() == path
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before
    place_fact(window, row=3)
    autosaver.save_now()
    assert path.stat().st_ino != before[1]  # replaced (atomically), with the new placement
    assert load_brief(path) == window.brief


@pytest.mark.parametrize("make_clean", ["undo", "save", "discard"])
def test_the_recovery_file_goes_when_the_work_is_no_longer_unsaved(window, autosaver, home: Home, tmp_path: Path,
                                                                   make_clean: str):
    place_fact(window)
    path = autosaver.save_now()
    assert path.is_file()
    if make_clean == "undo":
        window.undo_stack.undo()
    elif make_clean == "save":
        window.save_brief(tmp_path / "note.brief.yaml")
    else:  # the analyst opens another brief and chooses not to keep these changes
        window.new_brief_with(window.brief.extractions[next(iter(window.brief.extractions))])
    assert not path.exists() and not sidecar_path(path).exists()
    assert [n for n in _files(home.recovery_dir) if not n.endswith(".lock")] == []


def test_a_renamed_brief_keeps_one_recovery_file(window, autosaver, home: Home):
    place_fact(window)
    first = autosaver.save_now()
    window.undo_stack.push(SetMetadataCommand(window.brief, "title", "Steel mills: the Russian offer"))
    second = autosaver.save_now()
    assert second != first and "Steel-mills-the-Russian-offer" in second.name
    assert [n for n in _files(home.recovery_dir) if n.endswith(".brief.yaml")] == [second.name]


def test_a_clean_finish_removes_the_file_and_the_session_lock(window, autosaver, home: Home):
    place_fact(window)
    autosaver.save_now()
    assert any(n.endswith(".lock") for n in _files(home.recovery_dir))
    autosaver.finish()
    assert _files(home.recovery_dir) == []
    assert not autosaver.is_active()


def test_a_failing_autosave_is_said_once_and_changes_nothing(window, home: Home, tmp_path: Path, qtbot):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the recovery folder should be")
    saver = Autosaver(window, interval=60, folder=blocked / "recovery")
    place_fact(window)
    before = brief_to_yaml(window.brief)
    with qtbot.waitSignal(saver.failed) as failed:
        assert saver.save_now() is None
    assert failed.args[0].startswith("Autosave failed: ")
    assert window.statusBar().currentMessage() == failed.args[0]
    window.statusBar().clearMessage()
    saver.save_now()
    assert window.statusBar().currentMessage() == ""  # said once, not every minute
    assert brief_to_yaml(window.brief) == before and not window.undo_stack.isClean()
    blocked.unlink()
    assert saver.save_now() is not None  # the folder can be made again: autosave resumes
    saver.finish()


def test_a_full_recovery_disk_is_reported_not_raised(window, autosaver, monkeypatch: pytest.MonkeyPatch):
    import errno

    from briefing.storage import atomic

    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    place_fact(window)
    failures = []
    autosaver.failed.connect(failures.append)
    assert autosaver.save_now() is None
    assert failures and "not enough disk space" in failures[0]
    assert [p for p in autosaver.folder.iterdir() if p.suffix == ".tmp"] == []


def test_files_left_by_dead_sessions_are_pending_newest_first(home: Home, window, sample_extraction):
    old = _leave_recovery(home.recovery_dir, window.brief, name="older", saved_at="2025-01-01T10:00:00+00:00")
    new = _leave_recovery(home.recovery_dir, window.brief, name="newer", saved_at="2025-01-02T10:00:00+00:00")
    no_sidecar = home.recovery_dir / "orphan--x.brief.yaml"
    no_sidecar.write_bytes(brief_to_yaml(window.brief))
    assert pending_recoveries() == [no_sidecar, new, old]  # no sidecar: its mtime (now) is newest


def test_a_file_another_running_window_keeps_is_not_pending(window, autosaver, home: Home):
    place_fact(window)
    path = autosaver.save_now()
    dead = _leave_recovery(home.recovery_dir, window.brief, name="dead", saved_at="2025-01-01T10:00:00+00:00")
    assert path.is_file() and pending_recoveries() == [dead]


def test_restoring_shows_the_work_unsaved_under_its_own_file_name_and_moves_the_copy(window, autosaver, home: Home,
                                                                                    tmp_path: Path):
    original = tmp_path / "Steel mills.brief.yaml"
    save_brief(window.brief, original)
    place_fact(window, row=4)
    crashed = window.brief
    path = _leave_recovery(home.recovery_dir, crashed, name="Steel mills", brief_path=str(original),
                           saved_at="2025-01-01T10:00:00+00:00")
    window.new_brief_with(next(iter(crashed.extractions.values())))
    restored = restore_recovery(window, path, autosaver)
    assert restored == crashed and window.brief is restored
    assert window.brief_path == original and not window.undo_stack.isClean() and window.isWindowModified()
    assert window.windowTitle().startswith("Steel mills[*]")
    assert not path.exists() and load_brief(autosaver.path) == crashed
    assert load_brief(original) != crashed  # the file itself changes only when the analyst saves


@pytest.mark.parametrize(("answers", "restored", "left"), [
    ([RESTORE], "newer", ["older"]),
    ([DISCARD, RESTORE], "older", []),
    ([LATER], None, ["newer", "older"]),
    ([DISCARD, DISCARD], None, []),
])
def test_the_offer_at_start_restores_discards_or_keeps_for_later(window, autosaver, home: Home, answers, restored,
                                                                left):
    brief = window.brief
    _leave_recovery(home.recovery_dir, brief, name="older", saved_at="2025-01-01T10:00:00+00:00")
    _leave_recovery(home.recovery_dir, brief, name="newer", saved_at="2025-01-02T10:00:00+00:00")
    asked = []

    def ask(_parent, info):
        asked.append(info.name)
        return answers[len(asked) - 1]

    result = offer_recovery(window, autosaver, ask=ask)
    assert asked == ["newer", "older"][:len(answers)]
    assert (result.name.split("--")[0] if result else None) == restored
    assert [read_recovery_info(p).name for p in pending_recoveries()] == left


def test_a_damaged_recovery_file_is_reported_and_the_next_one_offered(window, autosaver, home: Home):
    good = _leave_recovery(home.recovery_dir, window.brief, name="good", saved_at="2025-01-01T10:00:00+00:00")
    bad = _leave_recovery(home.recovery_dir, window.brief, name="bad", saved_at="2025-01-02T10:00:00+00:00")
    bad.write_bytes(bad.read_bytes()[:200])  # cut short by the crash
    assert offer_recovery(window, autosaver, ask=lambda _p, _i: RESTORE) == good
    assert "cannot be restored" in window.last_error and "truncated" in window.last_error
    assert bad.exists()  # kept: it may still be rescued by hand


def test_the_app_offers_pending_work_once_its_event_loop_runs(window, home: Home, qtbot,
                                                             monkeypatch: pytest.MonkeyPatch):
    from briefing.ui.safety import install as safety

    place_fact(window, row=2)
    crashed = window.brief
    _leave_recovery(home.recovery_dir, crashed, name="crashed", saved_at="2025-01-01T10:00:00+00:00")
    window.new_brief_with(next(iter(crashed.extractions.values())))
    asked = []
    monkeypatch.setattr(safety, "ask_restore", lambda _p, info: asked.append(info.name) or RESTORE)
    saver = install_safety(window, interactive=True, show=lambda *_: None)
    try:
        assert asked == []  # not before the files on the command line have opened
        qtbot.waitUntil(lambda: window.brief == crashed, timeout=5000)
        assert asked == ["crashed"]
    finally:
        saver.crash_handler.uninstall()
        saver.finish()


def test_discarding_a_recovery_file_removes_its_sidecar(tmp_path: Path, window):
    path = _leave_recovery(tmp_path, window.brief, name="x", saved_at="2025-01-01T10:00:00+00:00")
    discard_recovery(path)
    discard_recovery(path)  # twice is fine
    assert _files(tmp_path) == []


def test_an_idle_window_is_not_serialized_again_but_every_edit_is_caught(window, autosaver,
                                                                        monkeypatch: pytest.MonkeyPatch):
    from briefing.storage import brief_file as storage
    from briefing.ui.models.commands import SetNoteCommand

    calls = []
    real = storage.data_to_yaml
    monkeypatch.setattr(storage, "data_to_yaml", lambda data: calls.append(1) or real(data))
    placement = place_fact(window)
    path = autosaver.save_now()
    autosaver.save_now()
    autosaver.save_now()
    assert len(calls) == 1  # an idle minute costs nothing, however big the brief
    window.undo_stack.push(SetNoteCommand(window.brief, placement, "Check"))
    autosaver.save_now()
    window.undo_stack.push(SetNoteCommand(window.brief, placement, "Check the date"))  # merges: same index
    assert autosaver.save_now() == path and len(calls) == 3
    assert load_brief(path).placement(placement).note == "Check the date"


def test_the_recovery_folder_is_private_to_the_analyst(window, autosaver, home: Home):
    place_fact(window)
    autosaver.save_now()
    assert home.recovery_dir.stat().st_mode & 0o777 == 0o700


class SlowWriter:
    """Stands in for the YAML writer of a huge brief: it waits until the test lets it go, and notes its thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from briefing.storage import brief_file as storage

        self.release, self.started, self.threads = threading.Event(), threading.Event(), []
        real = storage.data_to_yaml

        def slow(data):
            self.threads.append(threading.current_thread().name)
            self.started.set()
            assert self.release.wait(10)
            return real(data)

        monkeypatch.setattr(storage, "data_to_yaml", slow)


@pytest.fixture
def big_brief_saver(window):
    """An autosaver that treats the sample as a big brief (written on a thread)."""
    saver = Autosaver(window, interval=0.05)
    saver.background_facts = 0
    yield saver
    saver.finish()


def test_a_big_brief_is_written_off_the_gui_thread_while_the_window_stays_responsive(window, big_brief_saver,
                                                                                    qtbot, monkeypatch):
    place_fact(window, row=3)
    expected = brief_to_yaml(window.brief)
    writer = SlowWriter(monkeypatch)
    qtbot.waitUntil(writer.started.is_set, timeout=3000)
    place_fact(window, row=4)  # the window goes on taking edits meanwhile
    writer.release.set()
    with qtbot.waitSignal(big_brief_saver.saved, timeout=5000) as saved:
        pass
    assert writer.threads[0] == "autosave"
    assert saved.args[0].read_bytes() == expected  # the snapshot taken when the write began...
    qtbot.waitUntil(lambda: load_brief(big_brief_saver.path) == window.brief, timeout=5000)  # ...then the rest


@pytest.mark.parametrize("then", ["undo", "finish", "save_now"])
def test_a_write_in_flight_never_outlives_what_happens_meanwhile(window, big_brief_saver, qtbot, monkeypatch,
                                                                 home: Home, then: str):
    writer = SlowWriter(monkeypatch)
    place_fact(window, row=3)
    qtbot.waitUntil(writer.started.is_set, timeout=3000)
    threading.Timer(0.2, writer.release.set).start()
    if then == "undo":  # the work becomes clean while its copy is being written: no copy may remain
        window.undo_stack.undo()
        qtbot.waitUntil(lambda: big_brief_saver._writer is None, timeout=5000)
        assert [n for n in _files(home.recovery_dir) if not n.endswith(".lock")] == []
    elif then == "finish":  # the app quits meanwhile
        big_brief_saver.finish()
        assert _files(home.recovery_dir) == []
    else:  # the crash hook needs a copy now: it waits for the write and gets the current brief
        place_fact(window, row=5)
        path = big_brief_saver.save_now()
        assert load_brief(path) == window.brief
        assert [n for n in _files(home.recovery_dir) if n.endswith(".brief.yaml")] == [path.name]


def test_a_recovery_file_left_in_the_old_folder_is_still_offered(home: Home, window, qapp):
    from briefing.ui.safety.recovery_files import legacy_recovery_dir

    old_folder = home.var("XDG_DATA_HOME") / "Briefing" / "Briefing" / "recovery"
    assert legacy_recovery_dir() == old_folder
    left = _leave_recovery(old_folder, window.brief, name="before the upgrade", saved_at="2025-01-01T10:00:00+00:00")
    (old_folder / "session-gone.lock").write_text("12345\n")  # its session's lock, stale
    offered = []
    assert offer_recovery(window, ask=lambda _parent, info: offered.append(info.name) or "later") is None
    assert offered == ["before the upgrade"]
    moved = home.recovery_dir / left.name
    assert moved.is_file() and sidecar_path(moved).is_file() and not left.exists()
    assert pending_recoveries() == [moved]

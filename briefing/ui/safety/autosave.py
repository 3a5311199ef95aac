"""Autosave: unsaved work is copied to a recovery file every minute, so a crash or ``kill -9`` loses little.

A recovery file is a normal brief file (``briefing export`` and ``MainWindow.open_path`` accept it) in
``<AppDataLocation>/recovery`` (``$XDG_DATA_HOME/Briefing/Briefing/recovery`` on Linux), next to a small JSON
sidecar saying which brief it belongs to and when it was written. Each running window holds a ``QLockFile``
for its session, so a recovery file is *pending* (offered at the next start) exactly when the session that
wrote it is gone without cleaning up: crashed, killed, or the machine went down. When the undo stack is
clean again (saved, undone, discarded) or the app quits normally, the recovery file is removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer, Signal

from briefing import __version__
from briefing.core.errors import BriefingError
from briefing.startup.logs import logger
from briefing.storage.atomic import atomic_write_bytes
from briefing.ui.models.brief_follower import follow_brief
from briefing.ui.safety.recovery_files import (
    LOCK_SUFFIX,
    RECOVERY_SUFFIX,
    discard_recovery,
    pending_recoveries,
    recovery_dir,
    sidecar_path,
)

__all__ = ["Autosaver", "autosave_interval_seconds", "pending_recoveries", "recovery_dir"]

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.ui.safety.crash import CrashHandler
    from briefing.ui.window.main_window import MainWindow

INTERVAL_ENV = "BRIEFING_AUTOSAVE_SECONDS"
DEFAULT_INTERVAL_SECONDS = 60.0
MIN_INTERVAL_SECONDS = 0.1
BACKGROUND_FACTS = 2000  # from here a brief takes ~0.3 s to serialize: do it off the GUI thread
_log = logger("ui.safety.autosave")


def autosave_interval_seconds(environ: dict[str, str] | os._Environ[str] | None = None) -> float:
    """``BRIEFING_AUTOSAVE_SECONDS`` if it is a number of seconds (at least 0.1), else 60."""
    raw = (os.environ if environ is None else environ).get(INTERVAL_ENV, "").strip()
    if not raw:
        return DEFAULT_INTERVAL_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = float("nan")
    if not seconds >= MIN_INTERVAL_SECONDS or seconds == float("inf"):
        _log.warning("%s=%r is not a number of seconds; autosaving every %g s", INTERVAL_ENV, raw,
                     DEFAULT_INTERVAL_SECONDS)
        return DEFAULT_INTERVAL_SECONDS
    return seconds


@dataclass(frozen=True)
class _Job:
    data: dict  # storage_format.brief_to_data's snapshot
    target: Path
    sidecar: bytes
    generation: int
    previous_digest: bytes | None  # of what ``target`` holds now, if this session wrote it


@dataclass(frozen=True)
class _Result:
    target: Path
    generation: int
    digest: bytes | None = None
    error: str | None = None


def _write(job: _Job) -> _Result:
    """Serialize and write one recovery file and its sidecar (any thread; touches no Qt object)."""
    from briefing.storage.brief_file import data_to_yaml

    try:
        content = data_to_yaml(job.data)
        digest = hashlib.blake2b(content, digest_size=16).digest()
        if digest != job.previous_digest or not job.target.is_file():
            # Plain atomic write, not storage.save_brief: a recovery file needs no .bak rotation.
            atomic_write_bytes(job.target, content)
            atomic_write_bytes(sidecar_path(job.target), job.sidecar)
    except (BriefingError, OSError) as err:
        return _Result(job.target, job.generation, error=str(err))
    except Exception:  # noqa: BLE001 - autosave must never take the app down; the log has the bug
        _log.exception("autosave failed")
        return _Result(job.target, job.generation, error="an internal error (see the log)")
    return _Result(job.target, job.generation, digest=digest)


def _file_stem(name: str) -> str:
    """A brief's title as a portable file name part: letters, digits, dashes; at most 40 characters."""
    words = re.findall(r"\w+", name)
    return "-".join(words)[:40].strip("-_") or "brief"


# ----------------------------------------------------------------------------------------- the autosaver
class Autosaver(QObject):
    """Every ``interval`` seconds, while ``window.undo_stack`` is not clean, writes ``window.brief`` to this
    session's recovery file (atomically; only when the brief changed since the last autosave, so an idle
    window costs nothing).

    ``saved`` carries the recovery path after each write, ``failed`` a one-line reason (also logged; the
    window's status bar says it once, no dialog: a full disk must not pop a box every minute).
    """

    saved = Signal(Path)
    failed = Signal(str)
    _written = Signal()  # from the background writer: its result is ready

    def __init__(self, window: MainWindow, *, interval: float | None = None,
                 folder: str | os.PathLike[str] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.folder = Path(folder) if folder is not None else recovery_dir()
        self.interval = autosave_interval_seconds() if interval is None else max(interval, MIN_INTERVAL_SECONDS)
        self.session = f"{os.getpid()}-{secrets.token_hex(3)}"
        self.crash_handler: CrashHandler | None = None  # set by install_safety
        self.path: Path | None = None  # the recovery file written last, while it exists
        self._digest: bytes | None = None
        self._watched: Brief | None = None  # the brief whose events mark it changed
        self._changed = True  # since the last autosave; a big brief takes a second to serialize
        self._lock: QLockFile | None = None
        self._failing = False
        self._generation = 0  # bumped by discard(): a write started before it must not leave a file
        self.background_facts = BACKGROUND_FACTS
        self._writer: threading.Thread | None = None
        self._result: _Result | None = None
        self._written.connect(self._collect)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(self.interval * 1000)))
        self._timer.timeout.connect(self._tick)
        window.undo_stack.cleanChanged.connect(self._on_clean_changed)
        window.undo_stack.indexChanged.connect(self._mark_changed)
        self._watch()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)
        self._timer.start()

    @property
    def lock_name(self) -> str:
        return f"session-{self.session}{LOCK_SUFFIX}"

    def is_active(self) -> bool:
        return self._timer.isActive()

    # ----------------------------------------------------------------- saving
    def save_now(self) -> Path | None:
        """Write the recovery file now if there are unsaved changes; returns it, or None if nothing to save.

        Synchronous (the crash hook and a restore rely on that): a background write still running is
        waited for first. Never raises: a failure is logged and reported through ``failed``.
        """
        self._collect()
        job = self._prepare()
        if not isinstance(job, _Job):
            return job
        return self._apply(_write(job))

    def _tick(self) -> None:
        """The timer: small briefs are written at once; a big one is serialized and written on a thread,
        so the window does not stall for a second every minute."""
        if self._writer is not None:
            return  # the previous write is still going; the next tick catches up
        if len(self.window.brief.facts) < self.background_facts:
            self.save_now()
            return
        job = self._prepare()
        if not isinstance(job, _Job):
            return

        def run() -> None:
            self._result = _write(job)
            try:
                self._written.emit()
            except RuntimeError:  # the window is gone (the app quit without finish): nothing to apply
                pass

        self._writer = threading.Thread(target=run, name="autosave", daemon=True)
        self._writer.start()

    def _prepare(self) -> _Job | Path | None:
        """On the GUI thread: a snapshot of what to write, or the answer when there is nothing to write."""
        if self.window.undo_stack.isClean():
            return None
        self._watch()
        if not self._changed and self.path is not None and self.path.is_file():
            return self.path  # nothing happened since the last autosave: skip serializing
        from briefing.storage.brief_file import FORMAT_VERSION
        from briefing.storage.brief_format import brief_to_data

        try:
            data = brief_to_data(self.window.brief, FORMAT_VERSION)  # plain data, shares nothing with the brief
            target = self.folder / (_file_stem(self.window.brief_name()) + f"--{self.session}{RECOVERY_SUFFIX}")
            self._ensure_folder_and_lock()
            sidecar = self._sidecar(target)
        except (BriefingError, OSError) as err:
            return self._report_failure(str(err))
        except Exception:  # noqa: BLE001 - autosave must never take the app down; the log has the bug
            _log.exception("autosave failed")
            return self._report_failure("an internal error (see the log)")
        self._changed = False  # edits from now on mark it again
        return _Job(data, target, sidecar, self._generation,
                    self._digest if target == self.path else None)

    def _collect(self) -> None:
        """Wait for a background write (on the GUI thread) and apply its result. Called when the writer
        signals (its last act, so the join is immediate), and before anything that must see its outcome."""
        if self._writer is None:
            return
        self._writer.join()
        result, self._writer, self._result = self._result, None, None
        if result is not None:
            self._apply(result)

    def _apply(self, result: _Result) -> Path | None:
        if result.error is not None:
            self._changed = True
            return self._report_failure(result.error)
        if result.generation != self._generation:  # discarded (saved, undone) while it was being written
            discard_recovery(result.target)
            return None
        if self.path is not None and self.path != result.target:  # renamed: one file per session
            discard_recovery(self.path)
        self.path, self._digest = result.target, result.digest
        if self._failing:
            self._failing = False
            self.window.statusBar().showMessage("Autosave works again", 4000)
        _log.debug("autosaved %s", result.target)
        self.saved.emit(result.target)
        return result.target

    def _watch(self) -> None:
        """Follow the window's current brief (the window replaces it on open, new, restore)."""
        brief = self.window.brief
        if brief is not self._watched:
            follow_brief(self._mark_changed, self._watched, brief)
            self._watched = brief
            self._changed = True

    def _mark_changed(self, *_: object) -> None:
        self._changed = True

    def _ensure_folder_and_lock(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # the articles are the analyst's business
        if self._lock is None:
            lock = QLockFile(str(self.folder / self.lock_name))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                raise BriefingError(f"cannot lock {self.folder / self.lock_name}")
            self._lock = lock

    def _sidecar(self, target: Path) -> bytes:
        brief_path = self.window.brief_path
        data = {"brief": str(brief_path) if brief_path is not None else None,
                "name": self.window.brief_name(),
                "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "lock": self.lock_name, "pid": os.getpid(), "host": socket.gethostname(),
                "version": __version__, "recovery": target.name}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def _report_failure(self, reason: str) -> None:
        message = f"Autosave failed: {reason}"
        _log.warning("%s", message)
        if not self._failing:
            self._failing = True
            self.window.statusBar().showMessage(message, 10000)
        self.failed.emit(message)
        return None

    # ----------------------------------------------------------------- cleaning up
    def discard(self) -> None:
        """Remove this session's recovery file (the work is saved, undone or deliberately dropped)."""
        if self.path is not None:
            discard_recovery(self.path)
            _log.debug("removed %s", self.path)
        self.path, self._digest = None, None
        self._generation += 1

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def finish(self) -> None:
        """A clean close: stop autosaving, remove the recovery file and release the session lock."""
        self._timer.stop()
        self._collect()
        follow_brief(self._mark_changed, self._watched, None)
        self._watched = None
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

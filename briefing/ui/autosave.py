"""Autosave: unsaved work is copied to a recovery file every minute, so a crash or ``kill -9`` loses little.

A recovery file is a normal brief file (``briefing export`` and ``MainWindow.open_path`` accept it) in
``<AppDataLocation>/recovery`` (``$XDG_DATA_HOME/Briefing/Briefing/recovery`` on Linux), next to a small JSON
sidecar saying which brief it belongs to and when it was written. Each running window holds a ``QLockFile``
for its session, so a recovery file is *pending* (offered at the next start) exactly when the session that
wrote it is gone without cleaning up: crashed, killed, or the machine went down. When the undo stack is
clean again (saved, undone, discarded) or the app quits normally, the recovery file is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, Signal

from briefing import __version__
from briefing.core.atomic import atomic_write_bytes
from briefing.core.errors import BriefingError
from briefing.logs import logger
from briefing.ui.settings import APPLICATION, ORGANIZATION

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.ui.crash import CrashHandler
    from briefing.ui.main_window import MainWindow

INTERVAL_ENV = "BRIEFING_AUTOSAVE_SECONDS"
DEFAULT_INTERVAL_SECONDS = 60.0
MIN_INTERVAL_SECONDS = 0.1
RECOVERY_SUFFIX = ".brief.yaml"
SIDECAR_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
_log = logger("ui.autosave")


# ----------------------------------------------------------------------------------------- where and what
@contextlib.contextmanager
def _briefing_names() -> Iterator[None]:
    """Qt derives AppDataLocation from the application's names; a host (a test runner, a script) may have
    named its QApplication otherwise, and the recovery folder must not move with it."""
    app = QCoreApplication
    before = (app.organizationName(), app.applicationName())
    if before != (ORGANIZATION, APPLICATION):
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
    try:
        yield
    finally:
        if before != (ORGANIZATION, APPLICATION):
            app.setOrganizationName(before[0])
            app.setApplicationName(before[1])


def recovery_dir() -> Path:
    """``<AppDataLocation>/recovery`` for Briefing (follows XDG_DATA_HOME on Linux); not created here."""
    with _briefing_names():
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(data) / "recovery"


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
class RecoveryInfo:
    """What a recovery file's sidecar says; a missing or unreadable sidecar gives the file's own facts."""

    path: Path
    brief_path: Path | None  # the .brief.yaml it was autosaved from; None: the brief was never saved
    name: str  # the brief's name as the window title showed it
    saved_at: datetime
    lock: str  # the session's lock file name, in the same folder

    @property
    def sidecar(self) -> Path:
        return sidecar_path(self.path)


def sidecar_path(recovery: Path) -> Path:
    name = recovery.name
    stem = name[: -len(RECOVERY_SUFFIX)] if name.endswith(RECOVERY_SUFFIX) else recovery.stem
    return recovery.with_name(stem + SIDECAR_SUFFIX)


def read_recovery_info(path: str | os.PathLike[str]) -> RecoveryInfo:
    """The sidecar of recovery file ``path``, tolerating a missing or damaged one (a crash mid-write)."""
    path = Path(path)
    try:
        data = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    try:
        saved = datetime.fromisoformat(str(data["saved_at"]))
    except (KeyError, ValueError):
        try:
            saved = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        except OSError:
            saved = datetime.now(timezone.utc)
    brief = data.get("brief")
    name = data.get("name")
    return RecoveryInfo(path=path, brief_path=Path(brief) if isinstance(brief, str) and brief else None,
                        name=name if isinstance(name, str) and name else path.name[: -len(RECOVERY_SUFFIX)],
                        saved_at=saved, lock=str(data.get("lock") or ""))


def _session_alive(folder: Path, lock_name: str) -> bool:
    """Whether the session that owns ``lock_name`` is still running (in this process or another)."""
    if not lock_name or "/" in lock_name or "\\" in lock_name:
        return False
    lock = QLockFile(str(folder / lock_name))
    lock.setStaleLockTime(0)  # never stale by age: only a dead owner makes the lock stale
    if lock.tryLock(0):
        lock.unlock()  # the owner is gone; unlocking removes its leftover lock file
        return False
    return lock.error() == QLockFile.LockError.LockFailedError


def pending_recoveries(folder: str | os.PathLike[str] | None = None) -> list[Path]:
    """Recovery files left by sessions that are no longer running, most recent first.

    The running app's own recovery file is not pending; neither is one another open Briefing window keeps.
    """
    where = Path(folder) if folder is not None else recovery_dir()
    try:
        candidates = [p for p in where.iterdir() if p.name.endswith(RECOVERY_SUFFIX) and p.is_file()]
    except OSError:
        return []
    infos = [read_recovery_info(p) for p in candidates]
    pending = [i for i in infos if not _session_alive(where, i.lock)]
    pending.sort(key=lambda i: i.saved_at, reverse=True)
    return [i.path for i in pending]


def discard_recovery(path: str | os.PathLike[str]) -> None:
    """Delete a recovery file and its sidecar (missing ones are fine)."""
    path = Path(path)
    for target in (path, sidecar_path(path)):
        with contextlib.suppress(FileNotFoundError):
            target.unlink()


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
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(self.interval * 1000)))
        self._timer.timeout.connect(self.save_now)
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

        Never raises: a failure is logged and reported through ``failed`` (the brief itself is untouched).
        """
        if self.window.undo_stack.isClean():
            return None
        self._watch()
        if not self._changed and self.path is not None and self.path.is_file():
            return self.path  # nothing happened since the last autosave: skip serializing
        from briefing.storage import brief_to_yaml

        try:
            content = brief_to_yaml(self.window.brief)
            digest = hashlib.blake2b(content, digest_size=16).digest()
            target = self.folder / (_file_stem(self.window.brief_name()) + f"--{self.session}{RECOVERY_SUFFIX}")
            if digest == self._digest and target == self.path and target.is_file():
                return target
            self._ensure_folder_and_lock()
            # Plain atomic write, not storage.save_brief: a recovery file needs no .bak rotation.
            atomic_write_bytes(target, content)
            atomic_write_bytes(sidecar_path(target), self._sidecar(target))
        except (BriefingError, OSError) as err:
            return self._report_failure(str(err))
        except Exception:  # noqa: BLE001 - autosave must never take the app down; the log has the bug
            _log.exception("autosave failed")
            return self._report_failure("an internal error (see the log)")
        if self.path is not None and self.path != target:  # the brief was renamed: one file per session
            discard_recovery(self.path)
        self.path, self._digest, self._changed = target, digest, False
        if self._failing:
            self._failing = False
            self.window.statusBar().showMessage("Autosave works again", 4000)
        _log.debug("autosaved %s", target)
        self.saved.emit(target)
        return target

    def _watch(self) -> None:
        """Follow the window's current brief (the window replaces it on open, new, restore)."""
        brief = self.window.brief
        if brief is not self._watched:
            if self._watched is not None:
                self._watched.events.disconnect(self._mark_changed)
            brief.events.connect(self._mark_changed)
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

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def finish(self) -> None:
        """A clean close: stop autosaving, remove the recovery file and release the session lock."""
        self._timer.stop()
        if self._watched is not None:
            self._watched.events.disconnect(self._mark_changed)
            self._watched = None
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

"""Recovery files on disk: where they live, what their sidecar says, which ones a crash left behind.

A recovery file ``<stem>--<session>.brief.yaml`` is a normal brief file; its sidecar ``<stem>--<session>.json``
names the brief it was autosaved from, when, and the session's lock file. A running session holds that
``QLockFile``; when the session dies (crash, ``kill -9``, power cut) the lock goes stale, and Qt tells a stale
lock (its process is gone) from a live one. So *pending* means exactly: left by a session no longer running.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths

from briefing.storage.paths import recovery_dir
from briefing.ui.window.settings import APPLICATION, ORGANIZATION

RECOVERY_SUFFIX = ".brief.yaml"
SIDECAR_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"


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


def legacy_recovery_dir() -> Path:
    """Where versions before the one folder scheme kept recovery files: ``<AppDataLocation>/recovery`` as Qt
    names it for Briefing/Briefing (``~/.local/share/Briefing/Briefing/recovery`` on Linux)."""
    with _briefing_names():
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(data) / "recovery"


def adopt_legacy_recoveries(folder: Path | None = None, legacy: Path | None = None) -> list[Path]:
    """Move recovery files (with their sidecars) left in the old folder into today's, so a copy a crash left
    before an upgrade is still offered; returns where they went. Lock files stay: a copy without its session's
    lock counts as left behind, which is what it is. A file that cannot be moved stays where it was."""
    folder = folder if folder is not None else recovery_dir()
    legacy = legacy if legacy is not None else legacy_recovery_dir()
    if legacy == folder or not legacy.is_dir():
        return []
    moved = []
    for path in sorted(legacy.glob("*" + RECOVERY_SUFFIX)):
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            target = folder / path.name
            if target.exists():
                continue
            os.replace(path, target) if _same_device(path, folder) else shutil.move(path, target)
            sidecar = sidecar_path(path)
            if sidecar.exists():
                shutil.move(sidecar, sidecar_path(target))
            moved.append(target)
        except OSError:
            continue
    return moved


def _same_device(path: Path, folder: Path) -> bool:
    try:
        return path.stat().st_dev == folder.stat().st_dev
    except OSError:
        return False


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
    """The sidecar next to a recovery file (``x.brief.yaml`` -> ``x.json``), whatever its suffix."""
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

"""What the app remembers between sessions (geometry, splitters, recent files, last template), in one INI file.

An INI file in Briefing's config folder (``storage.paths.settings_path``; not the native registry or plist) keeps
settings inspectable and lets tests point the whole app at a throw-away folder by setting XDG_CONFIG_HOME. Settings
that earlier versions kept where Qt chose (``~/.config/Briefing/Briefing.ini``) are copied over at the first start.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from PySide6.QtCore import QSettings

from briefing.storage.paths import settings_path

ORGANIZATION = "Briefing"
APPLICATION = "Briefing"
MAX_RECENT = 10
RECENT_KEY = "recentFiles"
LAST_TEMPLATE_KEY = "lastTemplate"


def legacy_settings_path() -> Path:
    """Where versions before the one folder scheme kept settings: Qt's INI file for Briefing/Briefing."""
    return Path(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION).fileName())


def app_settings() -> QSettings:
    """The app's settings file (``$XDG_CONFIG_HOME/briefing/settings.ini`` on Linux), first copied from the old
    place if only that exists (copied, not moved: an older Briefing still running keeps its file)."""
    path = settings_path()
    if not path.exists():
        old = legacy_settings_path()
        if old.is_file():
            with contextlib.suppress(OSError):  # unreadable or a full disk: start with default settings
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(old, path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _as_list(value: object) -> list[str]:
    # QSettings returns a str for a one-item list and None for a missing key in INI files.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]  # type: ignore[union-attr]


class RecentFiles:
    """Most recently opened or saved files first, at most ``MAX_RECENT``, files that vanished pruned."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[str]:
        """The list as stored, without files that no longer exist (and the store is pruned too)."""
        stored = _as_list(self.settings.value(RECENT_KEY))
        kept = [p for p in stored if Path(p).exists()]
        if kept != stored:
            self._store(kept)
        return kept

    def add(self, path: str | Path) -> list[str]:
        resolved = str(Path(path).resolve())
        paths = [resolved] + [p for p in self.paths() if p != resolved]
        self._store(paths[:MAX_RECENT])
        return self.paths()

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self.settings.setValue(RECENT_KEY, paths)
        self.settings.sync()

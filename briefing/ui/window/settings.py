"""What the app remembers between sessions (geometry, splitters, recent files, last template), in one INI file.

An INI file under the XDG config folder (not the native registry or plist) keeps settings inspectable and
lets tests point the whole app at a throw-away folder by setting XDG_CONFIG_HOME.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Briefing"
APPLICATION = "Briefing"
MAX_RECENT = 10
RECENT_KEY = "recentFiles"
LAST_TEMPLATE_KEY = "lastTemplate"


def app_settings() -> QSettings:
    """The app's settings file (``$XDG_CONFIG_HOME/Briefing/Briefing.ini`` on Linux)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


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

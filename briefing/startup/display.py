"""Whether a window can be shown at all, asked before Qt is loaded: without a display (a server, a CI box) Qt
would abort the process, so the app says what to do in one line instead, and reads no article in vain."""

from __future__ import annotations

import os
import sys

NO_DISPLAY = "no display: run under a desktop session or `xvfb-run make run`"
EXIT_NO_DISPLAY = 2


def has_display(environ: os._Environ[str] | dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt can show a window: always on Windows and macOS; on Linux a display or a chosen platform."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return True
    return any(env.get(var) for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))

"""Briefing in the applications menu, and briefs opening in it on a double-click: the per-user XDG files.

Three files under ``$XDG_DATA_HOME`` (``~/.local/share`` when unset): a desktop entry, the icon in the
hicolor theme, and a shared-mime-info package declaring ``*.brief.yaml`` as ``application/x-briefing-brief``;
then the desktop's caches are refreshed with ``update-mime-database`` and ``update-desktop-database`` when
they are installed. Nothing outside those three files is written or removed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.errors import BriefingError
from briefing.storage.atomic import atomic_write_bytes
from briefing.storage.paths import BRIEF_SUFFIX, ICONS_DIR

APP_ID = "briefing"  # the desktop file's name; the app tells Qt the same (setDesktopFileName)
BRIEF_MIME_TYPE = "application/x-briefing-brief"
DESKTOP_FILE = f"applications/{APP_ID}.desktop"
ICON_FILE = f"icons/hicolor/scalable/apps/{APP_ID}.svg"
MIME_FILE = f"mime/packages/{APP_ID}.xml"
_UPDATE_TIMEOUT = 60.0
# Characters that oblige a desktop entry's Exec argument to be quoted (Desktop Entry Specification, "Exec").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopError(BriefingError):
    """The desktop integration could not be written or removed (one line, nothing half done)."""


@dataclass
class DesktopChange:
    """What an install or uninstall did: the files written or removed, and the cache tools that ran."""

    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def data_home() -> Path:
    """``$XDG_DATA_HOME`` if set to an absolute path (the spec says to ignore a relative one), else
    ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this installation of Briefing: the ``briefing`` script that is running (a pipx
    or venv install), else this Python with ``-m briefing``."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == APP_ID and script.is_file():
        return [str(script.absolute())]
    return [sys.executable, "-m", APP_ID]


def _quote(argument: str) -> str:
    """One Exec argument, quoted and escaped as the Desktop Entry Specification requires."""
    text = argument.replace("%", "%%")
    if any(c in _RESERVED for c in text):
        text = '"' + "".join("\\" + c if c in '"`$\\' else c for c in text) + '"'
    return text.replace("\\", "\\\\")  # the string-value escape of the whole key, on top


def desktop_entry(command: list[str]) -> str:
    """The desktop entry for ``command``: an Office application that opens brief files (``%F``: several)."""
    exec_line = " ".join(_quote(a) for a in command) + " %F"
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Briefing",
        "GenericName=Brief Composer",
        "Comment=Compose source-cited Word briefs from news articles",
        f"Exec={exec_line}",
        f"TryExec={command[0].replace(chr(92), chr(92) * 2)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;WordProcessor;",
        f"MimeType={BRIEF_MIME_TYPE};",
        "Keywords=brief;briefing;news;article;policy;citation;",
        "StartupNotify=true",
        f"StartupWMClass={APP_ID}",
        "",
    ])


def mime_package() -> str:
    """The shared-mime-info package: ``*.brief.yaml`` is a Briefing brief (a YAML text underneath)."""
    glob = "*" + BRIEF_SUFFIX
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
        f'  <mime-type type="{BRIEF_MIME_TYPE}">\n'
        "    <comment>Briefing brief</comment>\n"
        '    <sub-class-of type="text/plain"/>\n'
        f'    <glob pattern="{glob}" weight="60"/>\n'
        f'    <icon name="{APP_ID}"/>\n'
        "  </mime-type>\n"
        "</mime-info>\n")


def _refresh(base: Path, change: DesktopChange) -> None:
    """Let the desktop see the change now: rebuild the MIME database and the desktop entries' cache."""
    for tool, folder in (("update-mime-database", base / "mime"), ("update-desktop-database", base / "applications")):
        found = shutil.which(tool)
        if found is None or not folder.is_dir():
            continue
        try:
            done = subprocess.run([found, str(folder)], capture_output=True, text=True, timeout=_UPDATE_TIMEOUT,
                                  stdin=subprocess.DEVNULL, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            change.warnings.append(f"{tool} did not run: {err}")
            continue
        if done.returncode == 0:
            change.refreshed.append(tool)
        else:
            message = (done.stderr or done.stdout).strip().splitlines()
            change.warnings.append(f"{tool} failed: {message[-1] if message else done.returncode}")


def _check_platform() -> None:
    if sys.platform in ("win32", "darwin"):
        raise DesktopError("--install-desktop is for Linux and other desktops following the XDG conventions")


def install_desktop(base: Path | None = None, command: list[str] | None = None) -> DesktopChange:
    """Write the desktop entry, icon and MIME package under ``base`` (default ``data_home()``), replacing ours
    from an earlier install, and refresh the caches. Raises ``DesktopError`` when a file cannot be written."""
    _check_platform()
    base = base or data_home()
    icon = ICONS_DIR / f"{APP_ID}.svg"
    files = {DESKTOP_FILE: desktop_entry(command or launch_command()).encode("utf-8"),
             ICON_FILE: icon.read_bytes() if icon.is_file() else b"",
             MIME_FILE: mime_package().encode("utf-8")}
    change = DesktopChange()
    for relative, content in files.items():
        if not content:
            change.warnings.append(f"no icon in this installation ({icon}); the menu shows a generic one")
            continue
        target = base / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DesktopError(f"cannot create {target.parent}: {err.strerror or err}") from None
        atomic_write_bytes(target, content, DesktopError)
        change.files.append(target)
    _refresh(base, change)
    return change


def uninstall_desktop(base: Path | None = None) -> DesktopChange:
    """Remove the three files ``install_desktop`` writes (those present) and refresh the caches."""
    _check_platform()
    base = base or data_home()
    change = DesktopChange()
    for relative in (DESKTOP_FILE, ICON_FILE, MIME_FILE):
        target = base / relative
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as err:
            raise DesktopError(f"cannot remove {target}: {err.strerror or err}") from None
        change.files.append(target)
    _refresh(base, change)
    return change

"""`briefing --install-desktop` and its undo, in a temporary XDG data home: the menu entry, the icon and the
brief file type written, validated and registered where the desktop's tools are installed, then removed."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.install.desktop import (
    BRIEF_MIME_TYPE,
    DESKTOP_FILE,
    ICON_FILE,
    MIME_FILE,
    DesktopError,
    data_home,
    desktop_entry,
    install_desktop,
    uninstall_desktop,
)
from briefing.storage.paths import ICONS_DIR

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG desktops only")
COMMAND = ["/opt/briefing/bin/briefing"]


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    data = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


def _entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_installing_writes_the_entry_the_icon_and_the_brief_file_type(home):
    change = install_desktop(command=COMMAND)
    assert change.files == [home / DESKTOP_FILE, home / ICON_FILE, home / MIME_FILE]
    entry = _entry(home / DESKTOP_FILE)
    assert entry["Exec"] == "/opt/briefing/bin/briefing %F" and entry["TryExec"] == COMMAND[0]
    assert (entry["Name"], entry["Icon"], entry["MimeType"]) == ("Briefing", "briefing", f"{BRIEF_MIME_TYPE};")
    assert "Office;" in entry["Categories"] and entry["Terminal"] == "false"
    assert (home / ICON_FILE).read_bytes() == (ICONS_DIR / "briefing.svg").read_bytes()
    mime = (home / MIME_FILE).read_text(encoding="utf-8")
    assert f'<mime-type type="{BRIEF_MIME_TYPE}">' in mime and '<glob pattern="*.brief.yaml"' in mime


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
@pytest.mark.parametrize("command", [COMMAND, ["/home/ana/my apps/bin/briefing"],
                                     [sys.executable, "-m", "briefing"], ['/odd "dir"/$HOME/50%/briefing']])
def test_the_entry_passes_desktop_file_validate(home, command):
    install_desktop(command=command)
    result = subprocess.run(["desktop-file-validate", str(home / DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.parametrize("command, exec_line", [
    (["/home/ana/my apps/briefing"], '"/home/ana/my apps/briefing" %F'),
    (['/a "b"/$c/briefing'], '"/a \\\\"b\\\\"/\\\\$c/briefing" %F'),
    (["/x/100%/briefing"], "/x/100%%/briefing %F"),
    (["/usr/bin/python3", "-m", "briefing"], "/usr/bin/python3 -m briefing %F"),
])
def test_exec_arguments_are_quoted_as_the_desktop_entry_specification_says(command, exec_line):
    assert f"\nExec={exec_line}\n" in desktop_entry(command)


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_the_desktop_learns_that_a_brief_file_is_a_briefing_brief(home):
    change = install_desktop(command=COMMAND)
    assert "update-mime-database" in change.refreshed
    assert f"{BRIEF_MIME_TYPE}:*.brief.yaml" in (home / "mime" / "globs2").read_text(encoding="utf-8")
    uninstall_desktop()
    assert BRIEF_MIME_TYPE not in (home / "mime" / "globs2").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("update-desktop-database") is None, reason="desktop-file-utils not installed")
def test_briefing_becomes_the_application_for_brief_files(home):
    install_desktop(command=COMMAND)
    cache = (home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"{BRIEF_MIME_TYPE}=briefing.desktop;" in cache


def test_uninstalling_removes_only_what_installing_wrote(home):
    install_desktop(command=COMMAND)
    theirs = home / "applications" / "other.desktop"
    theirs.write_text("[Desktop Entry]\nName=Other\n", encoding="utf-8")
    change = uninstall_desktop()
    assert sorted(change.files) == sorted([home / DESKTOP_FILE, home / ICON_FILE, home / MIME_FILE])
    assert not any((home / f).exists() for f in (DESKTOP_FILE, ICON_FILE, MIME_FILE))
    assert theirs.exists()
    assert uninstall_desktop().files == []  # a second undo has nothing to do


def test_installing_again_replaces_the_entry_with_the_current_command(home):
    install_desktop(command=["/old/briefing"])
    install_desktop(command=COMMAND)
    assert _entry(home / DESKTOP_FILE)["TryExec"] == COMMAND[0]


def test_a_relative_xdg_data_home_is_ignored_as_the_specification_says(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_home() == tmp_path / ".local" / "share"


def test_a_folder_that_cannot_be_made_is_one_line(home):
    home.mkdir(parents=True)
    (home / "applications").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(DesktopError, match="cannot create .*applications"):
        install_desktop(command=COMMAND)


def test_the_command_line_installs_an_entry_that_starts_this_python(home):
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    result = subprocess.run([sys.executable, "-m", "briefing", "--install-desktop"], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "applications menu" in result.stdout and str(home / DESKTOP_FILE) in result.stdout
    assert _entry(home / DESKTOP_FILE)["TryExec"] == sys.executable
    result = subprocess.run([sys.executable, "-m", "briefing", "--uninstall-desktop"], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0 and not (home / DESKTOP_FILE).exists()

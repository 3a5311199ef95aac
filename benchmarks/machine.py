"""What a result was measured on: CPU, cores, memory, Python, Qt and the libraries that do the work."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

LIBRARIES = ("PySide6-Essentials", "python-docx", "lxml", "PyYAML", "blingfire", "pysbd", "trafilatura")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError):
        pass
    return "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit(repo: Path) -> str:
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=False)
    dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False)
    return (done.stdout.strip() or "unknown") + (" + uncommitted changes" if dirty.stdout.strip() else "")


def describe(repo: Path) -> list[tuple[str, str]]:
    """(label, value) lines for the results header."""
    import yaml
    from PySide6 import QtCore

    libs = ", ".join(f"{name} {_version(name)}" for name in LIBRARIES)
    return [
        ("Date", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("Commit", _commit(repo)),
        ("CPU", f"{_cpu_model()}, {os.cpu_count()} logical cores"),
        ("Memory", _memory_gb()),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Qt", f"{QtCore.qVersion()} (PySide6 {_version('PySide6-Essentials')}), platform "
               f"{os.environ.get('QT_QPA_PLATFORM', 'default')}"),
        ("Libraries", libs + f"; PyYAML C (libyaml) bindings: {'yes' if yaml.__with_libyaml__ else 'no'}"),
    ]

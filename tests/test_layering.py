"""Qt stays in briefing.ui: every other package imports without loading PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import briefing


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(briefing.__path__, "briefing."):
        if info.name.startswith("briefing.ui") or info.name == "briefing.__main__":
            continue
        names.append(info.name)
    return names


def test_no_module_outside_ui_imports_pyside6():
    modules = _non_ui_modules()
    assert "briefing.core.brief" in modules
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

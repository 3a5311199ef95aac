"""Our modules are recorded in PySide's feature table up front (-1 only where PySide's own check says so,
0 otherwise: PySide's default), so starting the app reads none of their sources, nor those of modules
loaded before PySide."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import briefing
from briefing.ui.pyside_features import IGNORE, USES_PYSIDE, our_modules

PACKAGE = Path(briefing.__file__).parent


def _source(module: str) -> str:
    path = PACKAGE.joinpath(*module.split(".")[1:])
    return (path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).read_text(encoding="utf-8")


def test_every_module_of_the_package_is_listed_with_the_answer_pysides_check_gives():
    found = our_modules()
    files = {p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    assert len(found) == len(files)
    assert found["briefing.ui.main_window"] == USES_PYSIDE and found["briefing.ui"] == USES_PYSIDE
    for module, value in found.items():
        if value == IGNORE:  # PySide records -1 for a module whose source never names PySide6
            assert "PySide6" not in _source(module), module
        else:
            assert module.startswith("briefing.ui"), module


def test_starting_the_window_reads_no_module_source():
    code = ("import linecache, sys\n"
            "import briefing.cli, briefing.prefetch\n"
            "import briefing.ui.app\n"
            "from briefing.ui.main_window import MainWindow\n"
            "table = sys.modules['PySide6.support.feature'].pyside_feature_dict\n"
            "print(table['briefing.ui.main_window'], table['briefing.core.brief'], table['typing'])\n"
            "print(sorted(f for f in linecache.cache if 'briefing' in f or 'typing' in f))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout.splitlines()
    assert out == ["0 -1 -1", "[]"]

"""What the window's first paint costs in PySide classes and modules: the start-up speed target (issue 6)
depends on the window not making PySide build classes it does not need yet, nor importing modules that
only a drag, a drop or a new id use. PySide builds a Qt class with all its enums when Python first
touches it (QStyle ~600 enum members, QGradient ~170), so these are checked in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.startup.prefetch import can_fork

REPO = Path(__file__).resolve().parents[2]

# A fresh process: open the sample as the app does (read by a second process started before Qt loads),
# paint the window once, report what exists by then.
SCRIPT = """
import sys
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.startup.prefetch import Prefetch
prefetch = Prefetch.start([str(SAMPLE_ARTICLE)])
from PySide6 import QtGui, QtWidgets
from briefing.ui.app import make_application, open_files
from briefing.ui.window.main_window import MainWindow

app = make_application()
window = MainWindow(interactive=True)
window.show()
window.prefetch = prefetch
open_files(window, [str(SAMPLE_ARTICLE)])
window.prefetch = None
window.repaint()
app.processEvents()
lazy = "QWizard" not in vars(QtWidgets)  # PySide builds classes on first use (PYSIDE6_OPTION_LAZY)
built = [name for name in ("QStyle", "QCommonStyle") if name in vars(QtWidgets)]
built += [name for name in ("QGradient",) if name in vars(QtGui)]
modules = [m for m in ("hashlib", "json", "briefing.ui.models.mime", "briefing.ui.models.brief_drops",
                       "briefing.extract.pipeline", "docx", "briefing.corroborate.grouping", "rapidfuzz",
                       "spacy") if m in sys.modules]
print(window.fact_model.rowCount(), lazy, ",".join(built) or "-", ",".join(modules) or "-")
"""


def _first_paint(tmp_path: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"))
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(not can_fork(), reason="no second process here: the window reads the article itself")
def test_the_first_paint_builds_no_style_or_gradient_class_and_imports_no_drag_or_hash_module(tmp_path):
    facts, lazy, built, modules = _first_paint(tmp_path)
    assert int(facts) > 0  # the sample is on screen, painted
    assert modules == "-"  # nor the grouper (one source groups nothing) nor the language model (after the paint)
    if lazy != "True":
        pytest.skip("this PySide builds every class at import: nothing to keep unbuilt")
    assert built == "-"

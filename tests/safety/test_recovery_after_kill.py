"""A real app process killed with SIGKILL leaves a recovery file that exports, is offered next time, then goes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from safety_helpers import Home, run_briefing

from briefing.storage.brief_file import load_brief

# The real window and safety net, driven the way a person would: open the article, place a fact (one undo
# step), then sit in the event loop. It reports each autosave on stdout.
EDIT_DRIVER = """
import json, sys
from briefing.ui.app import make_application
from briefing.ui.models.commands import PlaceFactsCommand
from briefing.ui.window.main_window import MainWindow
from briefing.ui.safety.install import install_safety

app = make_application()
window = MainWindow()
window.show()
autosaver = install_safety(window, interactive=False)
window.open_path(sys.argv[1])
fact, section = window.brief.facts[2], window.brief.sections[0]
window.undo_stack.push(PlaceFactsCommand(window.brief, [fact.id], section.id))
placed = {"fact": fact.id, "text": fact.text, "section": section.id, "placement": section.placements[-1].id,
          "pid": __import__("os").getpid()}
autosaver.saved.connect(lambda path: print(json.dumps({**placed, "recovery": str(path)}), flush=True))
app.exec()
"""

# The next start: the offer the app makes (the person answers Restore), then a clean close.
RESTART_DRIVER = """
import json
from PySide6.QtCore import QTimer
from briefing.ui.app import make_application
from briefing.ui.safety.recovery_files import pending_recoveries
from briefing.ui.window.main_window import MainWindow
from briefing.ui.safety.install import RESTORE, install_safety, offer_recovery

app = make_application()
window = MainWindow()
window.show()
autosaver = install_safety(window, interactive=False)
pending = [str(p) for p in pending_recoveries()]
asked = []
restored = offer_recovery(window, autosaver, ask=lambda parent, info: asked.append(info.name) or RESTORE)
section = next(s for s in window.brief.sections if s.placements)
print(json.dumps({"pending": pending, "asked": asked, "restored": str(restored),
                  "modified": not window.undo_stack.isClean(), "placements": [p.id for p in section.placements],
                  "own_recovery": str(autosaver.path), "pending_now": [str(p) for p in pending_recoveries()]}),
      flush=True)
QTimer.singleShot(0, window.close)  # the last window closes: the app quits normally
app.exec()
"""


def _start(home: Home, sample: Path) -> subprocess.Popen[str]:
    env = {**home.env, "BRIEFING_AUTOSAVE_SECONDS": "1"}
    return subprocess.Popen([sys.executable, "-c", EDIT_DRIVER, str(sample)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _first_autosave(proc: subprocess.Popen[str], timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    line = proc.stdout.readline()  # the driver prints on its first autosave
    if not line:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"the app ended without autosaving: {err[-2000:]}")
    assert time.monotonic() < deadline
    return json.loads(line)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_work_autosaved_before_a_kill_is_recovered_exported_offered_and_cleaned_up(home: Home, sample_path,
                                                                                  tmp_path: Path):
    proc = _start(home, sample_path)
    try:
        placed = _first_autosave(proc)
        recovery = Path(placed["recovery"])
        assert recovery.parent == home.recovery_dir
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # What was on screen survived: the placed fact, in its section, with its exact wording.
    brief = load_brief(recovery)
    section = brief.section(placed["section"])
    assert [(p.id, p.fact_id) for p in section.placements] == [(placed["placement"], placed["fact"])]
    assert brief.fact(placed["fact"]).text == placed["text"]
    assert sum(len(s.placements) for s in brief.sections) == 1
    sidecar = json.loads(recovery.with_name(recovery.name.replace(".brief.yaml", ".json")).read_text("utf-8"))
    assert sidecar["brief"] is None and sidecar["pid"] == placed["pid"]

    # The recovery file is a normal brief file: the command line exports it.
    out = tmp_path / "recovered.docx"
    result = run_briefing(["export", str(recovery), "--out", str(out)], home)
    assert result.returncode == 0, result.stderr
    assert placed["text"] in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)

    # The next start offers it, restores it as unsaved work, and a clean close leaves nothing behind.
    restart = subprocess.run([sys.executable, "-c", RESTART_DRIVER], capture_output=True, text=True,
                             env=home.env, timeout=120)
    assert restart.returncode == 0, restart.stderr
    report = json.loads(restart.stdout.strip().splitlines()[-1])
    assert report["pending"] == [str(recovery)]
    assert report["asked"] == [sidecar["name"]]
    assert report["restored"] == str(recovery)
    assert report["modified"] is True
    assert report["placements"] == [placed["placement"]]
    assert report["own_recovery"] != str(recovery)  # the restored work was autosaved again at once...
    assert report["pending_now"] == []  # ...and the old copy went; the new one belongs to a live session
    assert _leftovers(home.recovery_dir) == []

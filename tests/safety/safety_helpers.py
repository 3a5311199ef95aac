"""Helpers for the safety tests: a private home (XDG folders) and the real `briefing` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


@dataclass
class Home:
    """A throw-away home: where settings, autosaves and logs go for one test (and its subprocesses)."""

    root: Path

    def var(self, name: str) -> Path:
        return self.root / name.lower()

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({v: str(self.var(v)) for v in XDG_VARS})
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.pop("BRIEFING_AUTOSAVE_SECONDS", None)
        return env

    @property
    def recovery_dir(self) -> Path:
        return self.var("XDG_DATA_HOME") / "briefing" / "recovery"

    @property
    def log_file(self) -> Path:
        return self.var("XDG_STATE_HOME") / "briefing" / "log" / "briefing.log"


def run_briefing(args: list[str], home: Home, *, timeout: float = 120, cwd: Path | None = None,
                 **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m briefing ARGS`` as a person would run it, with the test's private home."""
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True,
                          env={**home.env, **env}, timeout=timeout, cwd=cwd)


def place_fact(window, row: int = 0, section: int = 0) -> str:
    """Place the pool's fact ``row`` in section ``section`` as one undo step, as a drop would; its placement id."""
    from briefing.ui.models.commands import PlaceFactsCommand

    target = window.brief.sections[section]
    window.undo_stack.push(PlaceFactsCommand(window.brief, [window.brief.facts[row].id], target.id))
    return target.placements[-1].id

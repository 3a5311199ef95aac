"""Safety test fixtures: a private home per test, for this process and the subprocesses it starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_helpers import XDG_VARS, Home


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """XDG folders under tmp_path, for this process (monkeypatched) and the subprocesses it starts."""
    h = Home(tmp_path / "home")
    for var in XDG_VARS:
        monkeypatch.setenv(var, str(h.var(var)))
    monkeypatch.delenv("BRIEFING_AUTOSAVE_SECONDS", raising=False)
    return h

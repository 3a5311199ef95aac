"""Shared test set-up: headless Qt, an isolated home for settings and user folders, paths to test data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before anything imports Qt: tests never need a display, and never touch the analyst's own settings.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="briefing-test-home-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_HOME, var.lower())

import pytest  # noqa: E402

from briefing.paths import RESOURCES_DIR, SAMPLE_ARTICLE, TEMPLATES_DIR  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = SAMPLE_ARTICLE

__all__ = ["REPO", "FIXTURES", "SAMPLE", "TEMPLATES_DIR", "RESOURCES_DIR"]


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE

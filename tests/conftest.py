"""Shared test set-up: headless Qt, an isolated home for settings and user folders, paths to test data."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# Before anything imports Qt: tests never need a display, and never touch the analyst's own settings.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="briefing-test-home-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_HOME, var.lower())

import pytest  # noqa: E402

from briefing.paths import RESOURCES_DIR, SAMPLE_ARTICLE, TEMPLATES_DIR  # noqa: E402

if TYPE_CHECKING:
    from briefing.core.extraction import Extraction

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = SAMPLE_ARTICLE

__all__ = ["REPO", "FIXTURES", "SAMPLE", "TEMPLATES_DIR", "RESOURCES_DIR"]


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@dataclass(frozen=True)
class HugeRun:
    """One extraction of a 50 MB article: the file, how it was made, and every progress tick with its time."""

    path: Path
    unit: str  # the text repeated to make the article: the sample without its closing copyright line
    copies: int
    started: float  # time.monotonic() just before the extraction began
    ticks: list[tuple[float, float]]  # (time.monotonic(), fraction) per progress call, in order
    extraction: Extraction


@pytest.fixture(scope="session")
def fifty_mb_run(tmp_path_factory: pytest.TempPathFactory) -> HugeRun:
    """The sample article repeated to 50 MB and extracted once through ``extract_path``, progress timed.

    Extracting 50 MB takes about half a minute, and the extract and the safety tests check different promises
    (exact facts; steady progress) about the very same call, so they share this one run. Holding the result
    for the session does not raise the peak memory: the extraction itself needs more while it runs.
    """
    from briefing.extract.pipeline import extract_path

    unit = SAMPLE_ARTICLE.read_text(encoding="utf-8").rsplit("\n\n", 1)[0] + "\n\n"
    copies = 50_000_000 // len(unit)
    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    path.write_text(unit * copies, encoding="utf-8")
    ticks: list[tuple[float, float]] = []
    started = time.monotonic()
    extraction = extract_path(path, progress=lambda fraction: ticks.append((time.monotonic(), fraction)))
    return HugeRun(path, unit, copies, started, ticks, extraction)

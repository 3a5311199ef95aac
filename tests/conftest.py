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

from briefing.storage.paths import RESOURCES_DIR, SAMPLE_ARTICLE, TEMPLATES_DIR  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

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


# The tests that share the 50 MB run. Listed by id because xdist's controller, which must send them to one
# worker, sees only ids (the xdist_group mark does not reach it under pytest 9.2: pytest-xdist issue #1386).
FIFTY_MB_TESTS = frozenset({
    "tests/extract/test_bad_and_hostile_input.py::test_a_50_mb_text_is_extracted_with_progress",
    "tests/safety/test_odd_input.py::test_a_50_mb_article_is_read_with_steady_progress",
})

# The run is kept only while tests that use it are still to come: a heap holding its millions of objects makes
# every later full garbage collection (the benchmark harness calls gc.collect() per timing) take seconds.
_FIFTY_MB_USERS = pytest.StashKey[int]()
_fifty_mb_runs: list[HugeRun] = []


@pytest.hookimpl(trylast=True)  # after -k/-m deselection, so only the tests that will run are counted
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The tests sharing the 50 MB run go first and back to back, so its memory is released early."""
    users = [item for item in items if item.nodeid in FIFTY_MB_TESTS]
    items[:] = users + [item for item in items if item.nodeid not in FIFTY_MB_TESTS]
    config.stash[_FIFTY_MB_USERS] = len(users)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """xdist's default distribution, test by test, except that one worker gets the tests sharing the 50 MB run,
    before anything else (the longest work starts first instead of finishing last)."""
    if config.getvalue("dist") != "load":
        return None  # someone asked for another distribution: theirs
    from xdist.scheduler import LoadScopeScheduling

    class SharedRunScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            # One scope per test, but one for all of FIFTY_MB_TESTS; the biggest scope is handed out first.
            return "fifty-mb-run" if nodeid in FIFTY_MB_TESTS else nodeid

    return SharedRunScheduling(config, log)


def _run_fifty_mb(folder: Path) -> HugeRun:
    from briefing.extract.pipeline import extract_path

    unit = SAMPLE_ARTICLE.read_text(encoding="utf-8").rsplit("\n\n", 1)[0] + "\n\n"
    copies = 50_000_000 // len(unit)
    path = folder / "huge.txt"
    path.write_text(unit * copies, encoding="utf-8")
    ticks: list[tuple[float, float]] = []
    started = time.monotonic()
    extraction = extract_path(path, progress=lambda fraction: ticks.append((time.monotonic(), fraction)))
    return HugeRun(path, unit, copies, started, ticks, extraction)


@pytest.fixture
def fifty_mb_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HugeRun]:
    """The sample article repeated to 50 MB and extracted once through ``extract_path``, progress timed.

    Extracting 50 MB takes about half a minute, and the extract and the safety tests check different promises
    (exact facts; steady progress) about the very same call, so they share one run, made by the first of them
    and dropped after the last. If a count is off, the run is only made again or kept longer: a test never
    sees anything but a complete run.
    """
    assert request.node.nodeid in FIFTY_MB_TESTS, "list this test in FIFTY_MB_TESTS (tests/conftest.py)"
    if not _fifty_mb_runs:
        _fifty_mb_runs.append(_run_fifty_mb(tmp_path_factory.mktemp("huge")))
    yield _fifty_mb_runs[0]
    left = request.config.stash.get(_FIFTY_MB_USERS, 0) - 1
    request.config.stash[_FIFTY_MB_USERS] = left
    if left <= 0:
        _fifty_mb_runs.clear()

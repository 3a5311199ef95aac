"""The app's records made before its log file is set up (its window comes first) still reach the file."""

from __future__ import annotations

import logging
import logging.handlers

import pytest
from safety_helpers import Home, run_briefing

from briefing.startup.logs import hold_records, logger, setup_logging
from briefing.startup.prefetch import Prefetch, can_fork
from briefing.storage.paths import SAMPLE_ARTICLE


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_records_held_before_the_log_file_exists_are_written_to_it_in_order(home: Home):
    hold_records()
    logger("cli").info("briefing 1.0: (app)")
    logger("ui").debug("chatter")
    logging.getLogger("pypdf").warning("EOF marker not found")
    assert not home.log_file.exists()
    assert setup_logging() == home.log_file
    logger("ui").info("after the window")
    _flush()
    lines = home.log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["briefing 1.0: (app)", "EOF marker not found",
                                                          "after the window"]
    assert not any(isinstance(h, logging.handlers.MemoryHandler) for h in logging.getLogger().handlers)


def test_an_app_that_ends_before_its_window_is_shown_still_writes_its_log(home: Home):
    done = run_briefing([], home, QT_QPA_PLATFORM="", DISPLAY="", WAYLAND_DISPLAY="")
    assert done.returncode == 2 and "no display" in done.stderr
    assert "INFO briefing.cli: briefing" in home.log_file.read_text(encoding="utf-8")


@pytest.mark.skipif(not can_fork(), reason="no second process on this machine")
def test_what_the_second_process_logs_reaches_the_app_log_once(home: Home, monkeypatch: pytest.MonkeyPatch):
    from briefing.extract import pipeline

    extract_path = pipeline.extract_path

    def warn_and_extract(path, **kwargs):  # noqa: ANN001, ANN003, ANN202 - as a PDF reader warns while reading
        logging.getLogger("pypdf").warning("EOF marker not found in %s", "report.pdf")
        return extract_path(path, **kwargs)

    monkeypatch.setattr(pipeline, "extract_path", warn_and_extract)  # the second process is forked with it
    hold_records()
    logger("cli").info("briefing 1.0: (app)")
    prefetch = Prefetch.start([str(SAMPLE_ARTICLE)])
    assert prefetch is not None and prefetch.collect() is not None
    setup_logging()
    _flush()
    lines = home.log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["briefing 1.0: (app)", "EOF marker not found in report.pdf"]

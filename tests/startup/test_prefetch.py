"""The opening articles read in a second process: the same facts as reading them in-process, or nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefing.extract.pipeline import extract_path
from briefing.startup.prefetch import (
    BACKGROUND,
    BRIEF,
    NOW,
    PACKED_READ_AT_START_LIMIT,
    READ_AT_START_LIMIT,
    Prefetch,
    Prefetched,
    can_fork,
    opening_plan,
    read_at_start,
)
from briefing.storage.serialize import extraction_to_dict
from tests.conftest import SAMPLE

needs_fork = pytest.mark.skipif(not can_fork(), reason="no second process on this machine (one core or no fork)")


def _boom(_paths) -> Prefetched:  # noqa: ANN001
    raise RuntimeError("the second process failed")


def _sleep(_paths) -> Prefetched:  # noqa: ANN001
    time.sleep(60)
    return Prefetched()


@pytest.mark.parametrize(("platform", "cores", "expected"), [
    ("linux", 4, True), ("linux", 1, False), ("win32", 8, False), ("darwin", 8, False), ("freebsd14", 2, True),
])
def test_a_second_process_is_forked_only_where_it_is_safe_and_can_help(platform, cores, expected):
    assert can_fork(platform, cores) is (expected and hasattr(os, "fork"))


@needs_fork
def test_a_prefetched_article_has_exactly_the_facts_of_reading_it_in_process():
    prefetch = Prefetch.start([str(SAMPLE)])
    assert prefetch is not None
    extraction = prefetch.take(SAMPLE)
    assert extraction is not None
    assert extraction_to_dict(extraction) == extraction_to_dict(extract_path(SAMPLE))
    assert prefetch.take(SAMPLE) is None  # handed over once


@needs_fork
def test_an_article_changed_after_it_was_read_is_read_again(tmp_path: Path):
    article = tmp_path / "note.txt"
    article.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    prefetch = Prefetch.start([str(article)])
    assert prefetch is not None and prefetch.collect() is not None
    article.write_text("The minister said on Monday that talks would resume.\n", encoding="utf-8")
    assert prefetch.take(article) is None


@needs_fork
@pytest.mark.parametrize("name", ["missing.txt", "binary.txt"])
def test_an_unreadable_article_is_left_for_the_window_to_report(tmp_path: Path, name: str):
    if name == "binary.txt":
        (tmp_path / name).write_bytes(bytes(range(256)) * 64)
    prefetch = Prefetch.start([str(tmp_path / name), str(SAMPLE)])
    assert prefetch is not None
    assert prefetch.take(tmp_path / name) is None
    assert prefetch.take(SAMPLE) is not None  # one bad file does not spoil the others


@needs_fork
def test_a_second_process_that_fails_hands_over_nothing():
    prefetch = Prefetch.start([str(SAMPLE)], work=_boom)
    assert prefetch is not None
    assert prefetch.collect() is None
    assert prefetch.take(SAMPLE) is None


def _stopped_while_at_work(stop) -> Prefetch:  # noqa: ANN001
    """A second process that would work for a minute, stopped by ``stop(prefetch)``; checks it is gone."""
    prefetch = Prefetch.start([str(SAMPLE)], work=_sleep)
    assert prefetch is not None
    pid = prefetch._pid
    started = time.monotonic()
    stop(prefetch)
    assert time.monotonic() - started < 30  # not the minute the work would take: a guard against a hang
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie left behind
    return prefetch


@needs_fork
def test_closing_stops_a_second_process_still_at_work():
    prefetch = _stopped_while_at_work(Prefetch.close)
    assert prefetch.take(SAMPLE) is None


def _file(folder: Path, name: str, size: int) -> str:
    path = folder / name
    path.write_bytes(b"x" * size)
    return str(path)


def test_a_packed_document_is_read_in_the_background_at_a_quarter_of_the_size_of_plain_text(tmp_path: Path):
    assert read_at_start(_file(tmp_path, "note.txt", READ_AT_START_LIMIT))
    assert not read_at_start(_file(tmp_path, "long.txt", READ_AT_START_LIMIT + 1))
    assert read_at_start(_file(tmp_path, "note.docx", PACKED_READ_AT_START_LIMIT))
    assert not read_at_start(_file(tmp_path, "report.PDF", PACKED_READ_AT_START_LIMIT + 1))
    assert read_at_start(tmp_path / "missing.txt")  # left to the reader, which says it is missing


@pytest.mark.parametrize(("files", "expected"), [
    (["a.txt", "b.txt"], [NOW, NOW]),
    (["long.txt", "a.txt"], [BACKGROUND, BACKGROUND]),
    (["a.txt", "long.txt", "b.txt"], [NOW, BACKGROUND, BACKGROUND]),
    (["x.brief.yaml", "long.txt", "a.txt"], [BRIEF, BACKGROUND, BACKGROUND]),
    (["long.txt", "x.brief.yaml"], [NOW, BRIEF]),  # the brief would be replaced by the long article: all now
])
def test_from_the_first_long_article_on_articles_are_read_in_the_background_in_order(tmp_path: Path, files,
                                                                                      expected):
    sizes = {"long.txt": READ_AT_START_LIMIT + 1}
    paths = [_file(tmp_path, name, sizes.get(name, 100)) for name in files]
    assert opening_plan(paths) == list(zip(paths, expected))


@needs_fork
def test_a_second_process_that_sends_nothing_in_time_is_stopped_and_the_app_reads_the_files():
    collected = []
    prefetch = _stopped_while_at_work(lambda p: collected.append(p.collect(deadline_s=0.5)))
    assert collected == [None]
    assert prefetch.take(SAMPLE) is None


@needs_fork
def test_a_collect_that_fails_while_reading_still_stops_and_reaps_the_second_process(monkeypatch):
    prefetch = Prefetch.start([str(SAMPLE)], work=_sleep)
    assert prefetch is not None
    pid = prefetch._pid

    def interrupted(_self, _deadline):  # noqa: ANN001, ANN202
        raise KeyboardInterrupt

    monkeypatch.setattr(Prefetch, "_read", interrupted)
    with pytest.raises(KeyboardInterrupt):
        prefetch.collect()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    prefetch.close()  # and closing again is harmless

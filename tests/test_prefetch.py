"""The opening articles read in a second process: the same facts as reading them in-process, or nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.core.serialize import extraction_to_dict
from briefing.extract.pipeline import extract_path
from briefing.prefetch import (BACKGROUND, BRIEF, NOW, PACKED_READ_AT_START_LIMIT, READ_AT_START_LIMIT, Prefetch,
                               Prefetched, can_fork, opening_plan, read_at_start)
from briefing.template import registry
from tests.conftest import REPO, SAMPLE

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
def test_templates_parsed_by_the_second_process_need_no_parsing_in_the_app(tmp_path: Path):
    script = (
        "import sys\n"
        "from briefing.prefetch import Prefetch\n"
        "from briefing.template.registry import DEFAULT_TEMPLATE_ID, find_template\n"
        f"p = Prefetch.start([{str(SAMPLE)!r}])\n"
        "p.collect()\n"
        "print(find_template(None).id == DEFAULT_TEMPLATE_ID, 'yaml' in sys.modules,\n"
        "      'briefing.extract.pipeline' in sys.modules, 'platformdirs' in sys.modules)\n"
    )
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "False", "False"]


def test_a_template_changed_since_another_process_parsed_it_is_parsed_again():
    folder = registry.user_template_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "weekly.yaml"
    text = (registry.TEMPLATES_DIR / "ministerial-note.yaml").read_text(encoding="utf-8")
    text = text.replace("id: ministerial-note", "id: weekly", 1)
    assert "id: weekly" in text
    try:
        path.write_text(text, encoding="utf-8")
        registry.available_templates()
        parsed_then = [(p, s, t) for p, s, t in registry.cache_entries() if p == path]
        assert parsed_then and parsed_then[0][2].id == "weekly"
        registry._cache.clear()
        registry.prime(parsed_then)  # as the second process hands them over
        assert registry.find_template("weekly") is parsed_then[0][2]  # used as it is: not parsed again
        path.write_text(text.replace("id: weekly", "id: weekly-v2", 1), encoding="utf-8")
        ids = [t.id for t in registry.available_templates()]
        assert "weekly-v2" in ids and "weekly" not in ids
    finally:
        path.unlink(missing_ok=True)
        registry._cache.clear()


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


def test_the_template_folder_found_by_another_process_is_used_only_for_the_same_home(monkeypatch, tmp_path):
    monkeypatch.setattr(registry, "_found_elsewhere", None)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "one"))
    assert registry.user_template_dir() == tmp_path / "one" / "briefing" / "templates"
    registry.prime([], tmp_path / "found" / "templates")
    assert registry.user_template_dir() == tmp_path / "found" / "templates"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "two"))  # another home: ask platformdirs again
    assert registry.user_template_dir() == tmp_path / "two" / "briefing" / "templates"


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

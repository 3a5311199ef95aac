"""Atomic writes keep their promise: the umask applies untouched, and the folder is flushed after the rename."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from briefing.storage import atomic
from briefing.storage.atomic import atomic_write_bytes

posix_only = pytest.mark.skipif(os.name != "posix", reason="modes and folder fsync are POSIX")


@posix_only
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path: Path, umask: int, mode: int):
    before = os.umask(umask)
    try:
        atomic_write_bytes(tmp_path / "brief.brief.yaml", b"briefing: 1\n")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "brief.brief.yaml").stat().st_mode) == mode


@posix_only
def test_writing_never_reads_or_changes_the_umask_other_threads_share(tmp_path: Path, monkeypatch):
    calls = []
    monkeypatch.setattr(atomic.os, "umask", lambda *a: calls.append(a) or 0o022)
    atomic_write_bytes(tmp_path / "a.txt", b"x")
    assert calls == []


@posix_only
def test_a_replaced_file_keeps_its_mode(tmp_path: Path):
    target = tmp_path / "brief.brief.yaml"
    target.write_bytes(b"old")
    target.chmod(0o600)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
def test_the_folder_is_flushed_after_the_rename(tmp_path: Path, monkeypatch):
    order = []
    real_replace, real_fsync = os.replace, os.fsync
    monkeypatch.setattr(atomic.os, "replace", lambda a, b: (order.append("replace"), real_replace(a, b))[1])

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        order.append(kind)
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    atomic_write_bytes(tmp_path / "a.txt", b"x")
    assert order == ["file", "replace", "folder"]


def test_writes_from_several_threads_each_land_whole(tmp_path: Path):
    target = tmp_path / "shared.txt"
    payloads = [bytes([65 + n]) * 50_000 for n in range(8)]
    threads = [threading.Thread(target=atomic_write_bytes, args=(target, p)) for p in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_bytes() in payloads
    assert [p.name for p in tmp_path.iterdir()] == ["shared.txt"]  # no temporary file left behind

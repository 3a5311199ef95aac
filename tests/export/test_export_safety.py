"""Exports never corrupt an existing file: every failure is one ExportError line, the old file and no temp left."""

from __future__ import annotations

import errno
import os
import subprocess
import uuid
from pathlib import Path

import docx
import pytest
from export_helpers import docx_text, make_brief

from briefing.core.errors import ExportError
from briefing.export.docx import export_docx
from briefing.export.text import brief_to_text
from briefing.storage import atomic

OLD = b"the previous brief"


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "brief.docx"
    path.write_bytes(OLD)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _assert_untouched(path: Path) -> None:
    assert path.read_bytes() == OLD
    assert _leftovers(path.parent) == []


def _one_line(err: pytest.ExceptionInfo[ExportError]) -> str:
    message = str(err.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def test_an_export_replaces_an_existing_file_with_a_complete_brief(old_file):
    export_docx(make_brief(), old_file)
    assert docx.Document(str(old_file)).paragraphs[0].text.startswith("Briefing note")
    assert _leftovers(old_file.parent) == []


def test_a_file_name_with_unicode_and_spaces_works(tmp_path):
    path = tmp_path / "Note für den Minister \u2014 \u0645\u0630\u0643\u0631\u0629 \U0001f4c4.docx"
    assert export_docx(make_brief(), path) == path
    assert docx_text(path) == brief_to_text(make_brief())


def test_a_missing_folder_is_reported_and_nothing_is_written(tmp_path):
    with pytest.raises(ExportError) as err:
        export_docx(make_brief(), tmp_path / "nowhere" / "brief.docx")
    assert "does not exist" in _one_line(err)
    assert not (tmp_path / "nowhere").exists()


def test_a_read_only_file_is_left_alone(old_file):
    old_file.chmod(0o444)
    with pytest.raises(ExportError) as err:
        export_docx(make_brief(), old_file)
    assert "read-only" in _one_line(err)
    _assert_untouched(old_file)


@pytest.mark.parametrize("where, error, words", [
    ("open", errno.EACCES, "no permission"),  # a read-only folder, as any user (root included)
    ("write", errno.ENOSPC, "disk space"),  # the disk fills up mid-write
    ("fsync", errno.EIO, "cannot write"),  # the device fails while flushing
    ("replace", errno.EACCES, "no permission"),  # the file is locked (Word holds it open on Windows)
])
def test_a_failing_write_keeps_the_old_file_and_leaves_no_temporary_file(old_file, monkeypatch, where, error,
                                                                        words):
    def fail(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    if where == "write":
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[:10])
                fail()

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(atomic.os, where, fail)
    with pytest.raises(ExportError) as err:
        export_docx(make_brief(), old_file)
    assert words in _one_line(err)
    monkeypatch.undo()
    _assert_untouched(old_file)


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A real 64 KiB tmpfs (needs root and mount rights; skipped elsewhere)."""
    mount_point = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()
    try:
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                                capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("no mount command here")
    if result.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_full_disk_is_reported_and_the_old_file_survives(tiny_disk):
    path = tiny_disk / "brief.docx"
    path.write_bytes(OLD)
    (tiny_disk / "filler").write_bytes(b"x" * (60 * 1024 - len(OLD)))
    with pytest.raises(ExportError) as err:
        export_docx(make_brief(), path)
    assert "disk space" in _one_line(err)
    _assert_untouched(path)


def test_a_folder_in_place_of_the_file_is_reported(tmp_path):
    (tmp_path / "brief.docx").mkdir()
    with pytest.raises(ExportError) as err:
        export_docx(make_brief(), tmp_path / "brief.docx")
    assert "folder" in _one_line(err)


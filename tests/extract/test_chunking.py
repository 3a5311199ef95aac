"""Long texts are read in paragraph-sized chunks: the facts never depend on the chunk size, progress moves in
small steps and a cancel is honoured between chunks."""

from __future__ import annotations

import pytest

from briefing.extract import pipeline
from briefing.extract.pipeline import extract_text
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.storage.serialize import extraction_to_dict

BODY = SAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n\n", 1)[1]
# Paragraphs, single line breaks and a long unbroken line, so cuts fall at every kind of boundary.
TEXT = "Steel Talks\n\n" + "".join(
    BODY + ("\nPakistan Steel Mills said on Monday it will reopen.\n" if n % 3 else "\n\n")
    + ("The minister met Russian officials in Moscow on 3 March 2025. " * 40 if n % 5 == 0 else "")
    + "\n\n" for n in range(30))


@pytest.mark.parametrize("chunk", [4_096, 16_384, 1 << 20])
def test_the_facts_do_not_depend_on_the_chunk_size(monkeypatch, chunk):
    expected = extraction_to_dict(extract_text(TEXT))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", chunk)
    assert extraction_to_dict(extract_text(TEXT)) == expected


def test_a_chunk_ends_after_a_paragraph_break_rather_than_a_line_break():
    paragraph = "a" * 9_000 + "\n" + "b" * 9_000 + "\n\n"  # a line break in every paragraph
    text = paragraph * 40
    chunks = pipeline._chunks(text, [(0, len(text))])
    assert len(chunks) > 3 and chunks[-1][1] == len(text)
    for start, end in chunks:
        assert end - start <= pipeline.CHUNK_CHARS and text[end - 2:end] == "\n\n"


def test_a_long_text_reports_progress_once_per_chunk_and_pass():
    text = TEXT * 4
    ticks: list[float] = []
    extract_text(text, progress=ticks.append)
    chunks = len(text) // pipeline.CHUNK_CHARS
    assert chunks >= 2
    assert len(set(ticks)) >= 2 * chunks and ticks == sorted(ticks) and ticks[-1] == 1.0

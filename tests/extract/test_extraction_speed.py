"""Extraction (sentences, kinds, entities, dates) must beat pysbd's segmentation alone on the same news."""

from __future__ import annotations

import random
import time

import pytest
import yaml

from article_files import FIXTURES
from briefing.extract.pipeline import extract_text
from briefing.paths import SAMPLE_ARTICLE


def news_text(size: int) -> str:
    """The sample article and the edge-case sentences, shuffled into paragraphs, ``size`` characters long."""
    article = SAMPLE_ARTICLE.read_text(encoding="utf-8").rsplit("\n\n", 1)[0]
    cases = yaml.safe_load((FIXTURES / "sentence-edge-cases.yaml").read_text(encoding="utf-8"))["cases"]
    sentences = [c["text"].replace("\n", " ") for c in cases]
    rnd = random.Random(7)
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(article if rnd.random() < 0.5 else
                     "\n\n".join(" ".join(rnd.sample(sentences, 6)) for _ in range(5)))
    return "\n\n".join(parts)[:size]


@pytest.mark.slow
def test_extracting_news_is_faster_than_pysbd_segmenting_it():
    pysbd = pytest.importorskip("pysbd")
    text = news_text(250_000)
    extract_text(text[:5_000])  # load the place names and compile the patterns once, as an app would
    started = time.perf_counter()
    facts = extract_text(text).facts
    extracting = time.perf_counter() - started
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    started = time.perf_counter()
    segmenter.segment(text)
    segmenting = time.perf_counter() - started
    assert len(facts) > 3000
    assert extracting < segmenting, f"extraction {extracting:.2f}s, pysbd {segmenting:.2f}s"

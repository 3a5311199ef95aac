"""The sample article, extracted once per session for the many tests that read it."""

from __future__ import annotations

import pytest

from briefing.core.extraction import Extraction
from briefing.extract.pipeline import extract_path
from briefing.storage.paths import SAMPLE_ARTICLE


@pytest.fixture(scope="session")
def sample() -> Extraction:
    return extract_path(SAMPLE_ARTICLE)

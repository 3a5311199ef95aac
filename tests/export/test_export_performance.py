"""Exporting 1,000 placed facts is no slower than a plain python-docx script writing the same paragraphs."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from export_helpers import make_brief, make_template

from briefing.export.docx import export_docx
from briefing.export.layout import brief_layout

PLACEMENTS = 1000


def _brief_with_placements(count: int = PLACEMENTS):
    brief = make_brief(make_template({"status": "numbered"}))
    ids = [f.id for f in brief.facts]
    for k in range(count):
        brief.place([ids[k % len(ids)]], "status" if k % 2 else "background")
    return brief


def plain_python_docx(path: Path, texts: list[str]) -> None:
    """The yardstick: python-docx's documented way to write list paragraphs with a citation run."""
    document = docx.Document()
    for text in texts:
        paragraph = document.add_paragraph(text, style="List Bullet")
        paragraph.add_run(" [1]")
    document.save(str(path))


def _best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.slow
def test_exporting_a_thousand_facts_is_no_slower_than_plain_python_docx(tmp_path):
    brief = _brief_with_placements()
    texts = [item.text for section in brief_layout(brief).sections for item in section.items]
    assert len(texts) == PLACEMENTS
    ours = _best_of(3, lambda: export_docx(brief, tmp_path / "ours.docx"))
    plain = _best_of(3, lambda: plain_python_docx(tmp_path / "plain.docx", texts))
    print(f"export {ours * 1000:.0f} ms, plain python-docx {plain * 1000:.0f} ms, ratio {ours / plain:.2f}")
    assert ours <= plain

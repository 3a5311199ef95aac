"""Extraction of a megabyte of news (sentences, kinds, entities, dates) against pysbd segmenting it alone.

pysbd is given the text a paragraph at a time, the way one would use it on an article (on the whole
megabyte at once it is about twice as slow, which would flatter us). Both sides are warmed up first (imports,
gazetteer, pysbd's rules), so the row compares steady-state work; the cold first extraction is a note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from benchmarks.timing import RATIO, Row, clock, interleaved, median
from briefing.storage.paths import SAMPLE_ARTICLE

EDGE_CASES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sentence-edge-cases.yaml"
MIN_EDGE_SCORE = 18


def edge_case_score(path: Path = EDGE_CASES) -> tuple[int, int]:
    """(cases split exactly as expected, cases) for ``split_sentences`` on the news edge-case fixture."""
    from briefing.extract.segment import split_sentences

    cases: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    good = sum(1 for c in cases if [c["text"][a:b] for a, b in split_sentences(c["text"])] == c["sentences"])
    return good, len(cases)


def pysbd_segmenter():  # noqa: ANN201 - pysbd.Segmenter
    import warnings

    with warnings.catch_warnings():  # pysbd's source has invalid escape sequences, reported when compiled
        warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.11
        warnings.simplefilter("ignore", SyntaxWarning)  # Python 3.12 and newer
        import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def pysbd_sentences(segmenter, text: str) -> int:  # noqa: ANN001
    """pysbd over each non-empty line (paragraph) of ``text``; returns the number of sentences."""
    return sum(len(segmenter.segment(line)) for line in text.splitlines() if line.strip())


def extraction_row(article: Path, runs: int = 3) -> Row:
    from briefing.extract.pipeline import extract_path

    text = article.read_text(encoding="utf-8")
    cold = clock(lambda: extract_path(SAMPLE_ARTICLE))
    segmenter = pysbd_segmenter()
    pysbd_sentences(segmenter, SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    found: dict[str, int] = {}

    def ours() -> None:
        extraction = extract_path(article)
        found.update(facts=len(extraction.facts), entities=len(extraction.entities),
                     dated=sum(1 for f in extraction.facts if f.dates))

    def theirs() -> None:
        found["pysbd"] = pysbd_sentences(segmenter, text)

    mine, ref = interleaved(ours, theirs, runs)
    good, total = edge_case_score()
    row = Row(f"extraction of {len(text) / 1e6:.2f} MB of news text", median(mine), median(ref),
              "pysbd segmentation alone (per paragraph)", 1.0, RATIO, "s", runs, stretch=0.3)
    row.notes += [f"{found['facts']:,} facts ({found['dated']:,} dated), {found['entities']:,} entities; "
                  f"pysbd found {found['pysbd']:,} sentences; first (cold) extraction of the sample "
                  f"article {cold * 1000:.0f} ms",
                  f"sentence edge cases {good}/{total} (must stay >= {MIN_EDGE_SCORE}/{total}): "
                  f"{'PASS' if good >= MIN_EDGE_SCORE else 'MISS'}"]
    row.extra_pass = good >= MIN_EDGE_SCORE
    return row

"""Extraction of a megabyte of news, in its two phases, each against what it is built on.

The model-free first pass (sentences, kinds, entities by rules, dates: the window's first paint) against
pysbd segmenting the same text alone; pysbd is given the text a paragraph at a time, the way one would use
it on an article (on the whole megabyte at once it is about twice as slow, which would flatter us). The
whole pipeline (first pass, then the model pass that refines entities and speakers) against spaCy's own
named-entity recogniser alone (tok2vec and ner through ``nlp.pipe``, one paragraph per document) on the
same text. Both sides are warmed up first (imports, gazetteer, pysbd's rules, the model's weights), so each
row compares steady-state work; the cold first extraction is a note.
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
    row = Row(f"first pass (no model) over {len(text) / 1e6:.2f} MB of news text", median(mine), median(ref),
              "pysbd segmentation alone (per paragraph)", 1.0, RATIO, "s", runs, stretch=0.3)
    row.notes += [f"{found['facts']:,} facts ({found['dated']:,} dated), {found['entities']:,} entities; "
                  f"pysbd found {found['pysbd']:,} sentences; first (cold) extraction of the sample "
                  f"article {cold * 1000:.0f} ms",
                  f"sentence edge cases {good}/{total} (must stay >= {MIN_EDGE_SCORE}/{total}): "
                  f"{'PASS' if good >= MIN_EDGE_SCORE else 'MISS'}"]
    row.extra_pass = good >= MIN_EDGE_SCORE
    return row


def spacy_ner_paragraphs(nlp, text: str) -> int:  # noqa: ANN001 - a spaCy Language
    """spaCy's NER alone (tok2vec + ner) over each non-empty line of ``text``; returns the entities found."""
    from briefing.extract.ner import NER_PIPES

    disable = [name for name in nlp.pipe_names if name not in NER_PIPES]
    lines = [line for line in text.splitlines() if line.strip()]
    return sum(len(doc.ents) for doc in nlp.pipe(lines, disable=disable))


def model_row(article: Path, runs: int = 3) -> Row:
    """The whole pipeline (``use_model=True``, what the CLI runs) against spaCy's NER alone on the text."""
    from briefing.extract import nlp
    from briefing.extract.pipeline import extract_path

    model = nlp.model()
    if model is None:
        raise RuntimeError(nlp.unavailable_reason() or "the language model is not available")
    text = article.read_text(encoding="utf-8")
    extract_path(SAMPLE_ARTICLE, use_model=True)  # warm: the model's weights, every pattern
    spacy_ner_paragraphs(model, SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    found: dict[str, int] = {}

    def ours() -> None:
        extraction = extract_path(article, use_model=True)
        found.update(facts=len(extraction.facts), entities=len(extraction.entities),
                     speakers=sum(1 for f in extraction.facts if f.speaker))

    def theirs() -> None:
        found["spacy"] = spacy_ner_paragraphs(model, text)

    mine, ref = interleaved(ours, theirs, runs)
    row = Row(f"whole pipeline (rules and model) over {len(text) / 1e6:.2f} MB of news text", median(mine),
              median(ref), "spaCy's NER alone (tok2vec+ner, nlp.pipe per paragraph)", 1.2, RATIO, "s", runs)
    row.notes += [f"{found['facts']:,} facts, {found['entities']:,} entities, {found['speakers']:,} quotes with "
                  f"a speaker; spaCy's NER alone found {found['spacy']:,} entity spans"]
    return row

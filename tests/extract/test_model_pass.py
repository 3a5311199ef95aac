"""The two phases: a rules-only first pass, then the model pass that keeps every fact and refines its names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.extract import nlp
from briefing.extract.pipeline import (
    ExtractionCancelled,
    extract_path,
    extract_text,
    model_pass,
)
from briefing.extract.refine import refine
from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.storage.serialize import extraction_to_dict

ARTICLE = ("Karl Venner, the former envoy, testified on Tuesday. \u201cI was never a back channel for anyone,\u201d "
           "Venner told lawmakers.\n\nRosneft and China's National Petroleum Corporation signed a deal in Beijing.")


@pytest.fixture(scope="module")
def model_loaded() -> None:
    if nlp.model() is None:
        pytest.skip(nlp.unavailable_reason() or "no model")


def test_the_first_pass_runs_no_model():
    first = extract_text(ARTICLE)
    assert first.model == ""


def test_the_model_pass_keeps_every_fact_and_refines_its_entities(model_loaded):
    first = extract_text(ARTICLE)
    second = refine(first)
    assert second is not first and second.model.startswith("en_core_web_sm")
    assert [(f.id, f.start, f.end, f.text, f.kind, f.dates) for f in second.facts] == \
           [(f.id, f.start, f.end, f.text, f.kind, f.dates) for f in first.facts]
    assert "Karl Venner" not in {e.name for e in first.entities}
    assert "Karl Venner" in {e.name for e in second.entities}
    assert first.model == "" and "Karl Venner" not in {e.name for e in first.entities}, "the input is unchanged"


def test_the_whole_pipeline_is_the_first_pass_then_the_model_pass(model_loaded):
    whole = extract_text(ARTICLE, use_model=True)
    assert extraction_to_dict(whole) == extraction_to_dict(model_pass(extract_text(ARTICLE)))


def test_the_model_pass_reports_progress_to_the_end_and_can_be_cancelled(model_loaded):
    seen: list[float] = []
    extract_path(SAMPLE_ARTICLE, use_model=True, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 3
    reached: list[float] = [0.0]
    with pytest.raises(ExtractionCancelled):  # cancelled once the rules are done, inside the model pass
        extract_path(SAMPLE_ARTICLE, use_model=True, progress=reached.append, cancel=lambda: reached[-1] > 0.2)
    assert 0.2 < reached[-1] < 1.0


def test_the_sample_article_keeps_its_people_and_speakers_with_the_model(model_loaded):
    extraction = extract_path(SAMPLE_ARTICLE, use_model=True)
    people = {e.name: e.role for e in extraction.entities if e.type == "person"}
    assert people["Haroon Akhtar Khan"] == "SAPM on Industries and Production"
    assert "Haroon Akhtar Khan" in {f.speaker for f in extraction.facts}


def _shadowed(tmp_path: Path) -> dict[str, str]:
    """An environment in which ``import spacy`` fails, as on a machine where it is broken or missing."""
    shadow = tmp_path / "shadow" / "spacy"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('spaCy is broken here')\n", encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path / "shadow"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def test_without_spacy_the_cli_extracts_with_rules_and_says_so_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "briefing", "extract", str(SAMPLE_ARTICLE)], capture_output=True,
                            text=True, encoding="utf-8", timeout=120, env=_shadowed(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "speaker: Haroon Akhtar Khan" in result.stdout
    notes = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(notes) == 1 and "spaCy is not available" in notes[0] and "rules only" in notes[0]


def test_a_brief_keeps_the_refined_extraction_so_reopening_runs_no_model(tmp_path, model_loaded):
    from briefing.core.brief import Brief
    from briefing.storage.brief_file import load_brief, save_brief
    from tests.core.briefs import make_template

    brief = Brief.from_template(make_template())
    brief.add_extraction(extract_text("Gazprom chairman Aleksey Miller said exports would rise.", use_model=True))
    save_brief(brief, tmp_path / "note.brief.yaml")
    loaded = load_brief(tmp_path / "note.brief.yaml")
    assert loaded == brief
    extraction = next(iter(loaded.extractions.values()))
    assert extraction.model.startswith("en_core_web_sm")
    assert {(e.name, e.organization) for e in extraction.entities if e.type == "person"} == {("Aleksey Miller",
                                                                                              "Gazprom")}


def test_the_model_pass_alone_can_be_cancelled_and_leaves_the_first_pass_as_it_was(model_loaded):
    first = extract_text(ARTICLE)
    before = extraction_to_dict(first)
    with pytest.raises(ExtractionCancelled):
        refine(first, cancel=lambda: True)
    assert extraction_to_dict(first) == before

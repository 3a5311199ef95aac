"""Headless composition: articles in, an auto-drafted brief out (what `briefing compose` does)."""

from __future__ import annotations

from typing import Sequence

from briefing.core.autodraft import auto_draft
from briefing.core.brief import Brief
from briefing.core.metadata import fill_header
from briefing.extract.pipeline import extract_path, run_model_steps
from briefing.template.registry import find_template


def compose(articles: Sequence[str], template: str | None = None) -> Brief:
    """Extract every article into one brief shaped by ``template`` (id or path; None: the default)."""
    tpl = find_template(template)
    brief = Brief.from_template(tpl)
    for path in articles:
        extraction = extract_path(path)
        run_model_steps(extraction)  # without the model the rules' speakers stand
        brief.add_extraction(extraction)
    fill_header(brief)
    auto_draft(brief, tpl)
    return brief

"""Headless composition: articles in, an auto-drafted brief out (what `briefing compose` does), facts that
several articles report grouped so the brief cites all of them."""

from __future__ import annotations

from typing import Callable, Sequence

from briefing.core.autodraft import auto_draft
from briefing.core.brief import Brief
from briefing.core.metadata import fill_header
from briefing.corroborate.brief_groups import refresh_groups
from briefing.sources.locations import import_locations
from briefing.template.registry import find_template


def compose(articles: Sequence[str], template: str | None = None,
            skipped: Callable[[str], None] | None = None) -> Brief:
    """Extract every article (files, folders, web addresses) into one brief shaped by ``template`` (id or path;
    None: the default), group what several of them report, and auto-draft. ``skipped`` hears one message
    listing the files of a folder that could not be read, if any."""
    tpl = find_template(template)
    imported = import_locations(articles, use_model=True)
    brief = Brief.from_template(tpl)
    for _label, extraction in imported.articles:
        brief.add_extraction(extraction)
    refresh_groups(brief)
    fill_header(brief)
    auto_draft(brief, tpl)
    if skipped is not None and imported.problems:
        skipped(imported.problem_message())
    return brief

"""Briefs built from the real news corpus, as an analyst would make them: extracted, then facts placed."""

from __future__ import annotations

from pathlib import Path

from briefing.core.brief import Brief


def news_brief(article: Path, *, max_facts: int | None = None, placed: int = 0,
               sections: tuple[str, ...] | None = None) -> Brief:
    """The default template's brief over ``article``'s extraction (its first ``max_facts`` facts), with
    ``placed`` facts spread round-robin over ``sections`` (default: the template's list sections)."""
    from briefing.extract.pipeline import extract_path
    from briefing.template.registry import find_template

    extraction = extract_path(article)
    if max_facts is not None:
        extraction.facts = extraction.facts[:max_facts]
    brief = Brief.from_template(find_template(None))
    brief.add_extraction(extraction)
    targets = sections or tuple(s.id for s in brief.sections if s.layout in ("bullets", "numbered"))
    fact_ids = [f.id for f in brief.facts]
    if placed:
        step = max(1, len(fact_ids) // placed)
        chosen = fact_ids[::step][:placed]
        for k, section_id in enumerate(targets):
            brief.place(chosen[k::len(targets)], section_id)
    return brief

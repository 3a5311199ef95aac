"""A brief's corroboration groups, recomputed from its facts whenever its sources change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.corroborate.grouping import group_facts

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.corroboration import Corroboration, Group
    from briefing.core.source import Source


def source_label(source: Source) -> str:
    """How a conflict note names a source: its publisher, else its title, else its file or web address."""
    name = source.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] if source.path else ""
    return source.publisher or source.title or name or source.id


def brief_groups(brief: Brief) -> list[Group]:
    """The groups of ``brief``'s facts, acronyms pooled from all its sources, notes naming sources by label."""
    acronyms: dict[str, str] = {}
    for extraction in brief.extractions.values():
        for short, long in extraction.acronyms.items():
            acronyms.setdefault(short, long)
    labels = {sid: source_label(x.source) for sid, x in brief.extractions.items()}
    return group_facts(brief.facts, acronyms=acronyms, labels=labels)


def refresh_groups(brief: Brief) -> Corroboration:
    """Recompute and set ``brief``'s groups (after sources were added or removed); returns the previous ones."""
    return brief.set_groups(brief_groups(brief))

"""A Fact is one sentence of a source that an analyst may place in a brief, with what was found in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.core.source import DateMention, EntityMention

FACT_KINDS = ("quote", "plan", "decision", "meeting", "figure", "statement")
CUSTOM_KIND = "statement"


@dataclass
class Fact:
    """One extracted sentence (or an analyst's own span).

    Invariant: ``text == source.text[start:end]`` for the source whose id is ``source_id``. ``custom`` marks
    a span the analyst selected or dropped in by hand rather than one the extractor proposed.
    """

    id: str
    source_id: str
    start: int
    end: int
    text: str
    kind: str = "statement"
    speaker: str = ""
    attributed_to: str = ""
    entities: list[EntityMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    custom: bool = False

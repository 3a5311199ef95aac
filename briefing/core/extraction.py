"""What extraction yields for one source: the source, its facts, its entities and its acronyms."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.core.fact import Fact
from briefing.core.source import Entity, Source


@dataclass
class Extraction:
    """Everything Briefing found in one article; a brief embeds one per source so it is self-contained."""

    source: Source
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    model: str = ""  # the statistical model that refined the entities ("en_core_web_sm 3.8.0"); "" for rules only

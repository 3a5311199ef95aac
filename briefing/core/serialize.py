"""Plain-dict forms of sources, facts and extractions: one shape for `extract --json` and brief files."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.source import DateMention, Entity, EntityMention, Source


def source_to_dict(source: Source) -> dict[str, Any]:
    return asdict(source)


def source_from_dict(data: dict[str, Any]) -> Source:
    known = {f.name for f in fields(Source)}
    return Source(**{k: v for k, v in data.items() if k in known})


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    return asdict(fact)


def fact_from_dict(data: dict[str, Any]) -> Fact:
    known = {f.name for f in fields(Fact)}
    values = {k: v for k, v in data.items() if k in known}
    values["entities"] = [EntityMention(**m) for m in data.get("entities") or []]
    values["dates"] = [DateMention(**d) for d in data.get("dates") or []]
    return Fact(**values)


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    return asdict(entity)


def entity_from_dict(data: dict[str, Any]) -> Entity:
    known = {f.name for f in fields(Entity)}
    return Entity(**{k: v for k, v in data.items() if k in known})


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """The `briefing extract --json` shape: source, facts, entities, acronyms."""
    return {
        "source": source_to_dict(extraction.source),
        "facts": [fact_to_dict(f) for f in extraction.facts],
        "entities": [entity_to_dict(e) for e in extraction.entities],
        "acronyms": dict(extraction.acronyms),
    }


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    return Extraction(
        source=source_from_dict(data["source"]),
        facts=[fact_from_dict(f) for f in data.get("facts") or []],
        entities=[entity_from_dict(e) for e in data.get("entities") or []],
        acronyms=dict(data.get("acronyms") or {}),
    )

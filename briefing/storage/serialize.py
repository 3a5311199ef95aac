"""Plain-dict forms of sources, facts and extractions: one shape for `extract --json` and brief files."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, Callable

from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.source import DateMention, Entity, EntityMention, Source


def _known_fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``data`` that are fields of ``cls``: a file from a newer version may carry more."""
    known = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in known}


def source_to_dict(source: Source) -> dict[str, Any]:
    """Every field of the source, the article text included."""
    return asdict(source)


def source_from_dict(data: dict[str, Any]) -> Source:
    """A Source from ``source_to_dict``'s shape; keys it does not know (from a newer version) are ignored."""
    return Source(**_known_fields(Source, data))


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """Every field of the fact, empty ones included, mentions as nested dicts."""
    return asdict(fact)


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """A Fact from ``fact_to_dict``'s shape; unknown keys are ignored and absent mention lists are empty."""
    values = _known_fields(Fact, data)
    values["entities"] = [EntityMention(**m) for m in data.get("entities") or []]
    values["dates"] = [DateMention(**d) for d in data.get("dates") or []]
    return Fact(**values)


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    """Every field of the entity, its aliases as a list."""
    return asdict(entity)


def entity_from_dict(data: dict[str, Any]) -> Entity:
    """An Entity from ``entity_to_dict``'s shape; unknown keys are ignored."""
    return Entity(**_known_fields(Entity, data))


def extraction_to_dict(extraction: Extraction,
                       fact_form: Callable[[Fact], dict[str, Any]] = fact_to_dict) -> dict[str, Any]:
    """The `briefing extract --json` shape: source, facts, entities, acronyms, and the model used (if any).

    ``fact_form`` writes each fact (brief files leave out a fact's empty keys)."""
    return {
        "source": source_to_dict(extraction.source),
        "facts": [fact_form(f) for f in extraction.facts],
        "entities": [entity_to_dict(e) for e in extraction.entities],
        "acronyms": dict(extraction.acronyms),
        "model": extraction.model,
    }

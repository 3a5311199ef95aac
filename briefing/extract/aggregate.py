"""Entities of a whole source: every person, organisation and place, with role, mention count and aliases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.source import Entity

if TYPE_CHECKING:
    from briefing.core.fact import Fact
    from briefing.core.source import Source
    from briefing.extract.names import EntityIndex

ENTITY_TYPES = ("person", "organization", "place")


def aggregate_entities(facts: list[Fact], index: EntityIndex, source: Source) -> list[Entity]:
    """One Entity per canonical name, in order of first mention; the dateline place counts as a mention."""
    by_key: dict[tuple[str, str], Entity] = {}
    if source.place:
        hit = index.find(source.place) or index.find(source.place.title())  # "DAYTON (AP) —" is Dayton
        name = hit[0] if hit and hit[1] == "place" else source.place
        by_key[("place", name)] = Entity(name=name, type="place", mentions=1,
                                         aliases=[source.place] if name != source.place else [])
    for fact in facts:
        for m in fact.entities:
            if m.type not in ENTITY_TYPES:
                continue
            hit = index.find(m.text)
            canonical = hit[0] if hit and hit[1] == m.type else m.text
            entity = by_key.get((m.type, canonical))
            if entity is None:
                entity = by_key[(m.type, canonical)] = Entity(
                    name=canonical, type=m.type, role=index.roles.get(canonical, ""),
                    organization=index.affiliations.get(canonical, "") if m.type == "person" else "")
            entity.mentions += 1
            if m.text != canonical and m.text not in entity.aliases:
                entity.aliases.append(m.text)
            body = index.bodies.get(canonical)
            if body:  # "the UN High Commissioner for Human Rights" mentions the UN too
                body = index.find(body)[0] if index.find(body) else body
                by_key.setdefault(("organization", body), Entity(name=body, type="organization")).mentions += 1
    return list(by_key.values())

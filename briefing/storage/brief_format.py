"""The brief file's data shape: Brief <-> plain dicts, and the checks that refuse a damaged or foreign file.

Kept apart from ``storage`` (bytes, YAML, backups) so the shape can be read in one place. Every check names
what is wrong in one line; a file that passes them yields a Brief whose every placement, fact and offset is
sound, so nothing downstream needs to re-check.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Callable, TypeVar

from briefing.core.brief import Brief, Placement, Section
from briefing.core.errors import BriefFileError
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.section import HeldText
from briefing.storage.serialize import (
    entity_from_dict,
    extraction_to_dict,
    fact_from_dict,
    source_from_dict,
)

END_KEY = "end_of_brief"
T = TypeVar("T")


# --------------------------------------------------------------------------------------------- writing
def _section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title,
        "guidance": section.guidance,
        "layout": section.layout,
        "min": section.min,
        "max": section.max,
        "text": section.text,
        "placements": [{"id": p.id, "fact": p.fact_id, "text": p.text, "note": p.note,
                        **({"origin": p.origin} if p.origin else {})}
                       for p in section.placements],
        **({"held": [{"section": h.origin, "title": h.title, "text": h.text} for h in section.held]}
           if section.held else {}),
    }


OPTIONAL_FACT_KEYS = ("speaker", "attributed_to", "entities", "dates", "custom")  # left out when empty


def fact_to_file_dict(fact: Fact) -> dict[str, Any]:
    """``serialize.fact_to_dict`` without the keys that are empty (most facts have no speaker), built
    directly because ``dataclasses.asdict`` is the slowest step of saving a large brief."""
    data: dict[str, Any] = {"id": fact.id, "source_id": fact.source_id, "start": fact.start, "end": fact.end,
                            "text": fact.text, "kind": fact.kind}
    if fact.speaker:
        data["speaker"] = fact.speaker
    if fact.attributed_to:
        data["attributed_to"] = fact.attributed_to
    if fact.entities:
        data["entities"] = [{"text": m.text, "type": m.type, "start": m.start, "end": m.end}
                            for m in fact.entities]
    if fact.dates:
        data["dates"] = [{"text": d.text, "value": d.value} for d in fact.dates]
    if fact.custom:
        data["custom"] = True
    return data


def brief_to_data(brief: Brief, version: int) -> dict[str, Any]:
    """The file's content as plain data, keys in the order they appear in the file."""
    data: dict[str, Any] = {
        "briefing": version,
        "template": brief.template_id,
        "metadata": dict(brief.metadata),
        "sections": [_section_to_dict(s) for s in brief.sections],
        "sources": [extraction_to_dict(x, fact_to_file_dict) for x in brief.extractions.values()],
    }
    natural = [f.id for x in brief.extractions.values() for f in x.facts]
    order = [f.id for f in brief.facts]
    if order != natural:  # an analyst's own fact added after a later source: keep the pool's order
        stored = set(natural)
        for fid in order:
            if fid not in stored:
                raise BriefFileError(f"fact {fid} belongs to no source of this brief, so it cannot be saved")
        data["fact_order"] = order
    data[END_KEY] = True
    return data


# --------------------------------------------------------------------------------------------- reading
class _Damaged(Exception):
    """Internal: what is wrong and where; becomes one ``BriefFileError`` line naming the file."""


def _expect(value: Any, kind: type | tuple[type, ...], where: str, what: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Damaged(f"{where}: expected {what}")
    return value


def _text(value: Any, where: str) -> str:
    """Text as written; a hand-edited ``date: 2025-07-01`` (a YAML date) is taken as its text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise _Damaged(f"{where}: expected text")


def _count(value: Any, where: str) -> int | None:
    if value is None:
        return None
    return _expect(value, int, where, "a whole number or nothing")


def _read_section(raw: Any, where: str) -> Section:
    raw = _expect(raw, dict, where, "a section")
    placements = []
    for k, p in enumerate(_expect(raw.get("placements") or [], list, f"{where}.placements", "a list")):
        pw = f"{where}.placements[{k}]"
        p = _expect(p, dict, pw, "a placement")
        placements.append(Placement(id=_expect(p.get("id"), str, f"{pw}.id", "an id"),
                                    fact_id=_expect(p.get("fact"), str, f"{pw}.fact", "a fact id"),
                                    text=_text(p.get("text"), f"{pw}.text"),
                                    note=_text(p.get("note"), f"{pw}.note"),
                                    origin=_text(p.get("origin"), f"{pw}.origin")))
    held = []
    for k, h in enumerate(_expect(raw.get("held") or [], list, f"{where}.held", "a list")):
        hw = f"{where}.held[{k}]"
        h = _expect(h, dict, hw, "a section's own writing")
        held.append(HeldText(origin=_expect(h.get("section"), str, f"{hw}.section", "a section id"),
                             title=_text(h.get("title"), f"{hw}.title"), text=_text(h.get("text"), f"{hw}.text")))
    return Section(id=_expect(raw.get("id"), str, f"{where}.id", "an id"),
                   title=_text(raw.get("title"), f"{where}.title"),
                   guidance=_text(raw.get("guidance"), f"{where}.guidance"),
                   layout=_text(raw.get("layout"), f"{where}.layout") or "bullets",
                   min=_count(raw.get("min"), f"{where}.min"), max=_count(raw.get("max"), f"{where}.max"),
                   placements=placements, text=_text(raw.get("text"), f"{where}.text"), held=held)


def _read_extraction(raw: Any, where: str) -> Extraction:
    raw = _expect(raw, dict, where, "a source with its facts")
    src = _expect(raw.get("source"), dict, f"{where}.source", "a source")
    _expect(src.get("id"), str, f"{where}.source.id", "an id")
    _expect(src.get("text"), str, f"{where}.source.text", "the article's text")
    facts = _expect(raw.get("facts") or [], list, f"{where}.facts", "a list of facts")
    entities = _expect(raw.get("entities") or [], list, f"{where}.entities", "a list of entities")
    acronyms = _expect(raw.get("acronyms") or {}, dict, f"{where}.acronyms", "a mapping of acronyms")
    source = _construct(source_from_dict, src, f"{where}.source")
    fact_list = [_construct(fact_from_dict, _expect(f, dict, f"{where}.facts[{k}]", "a fact"), f"{where}.facts[{k}]")
                 for k, f in enumerate(facts)]
    entity_list = [_construct(entity_from_dict, _expect(e, dict, f"{where}.entities[{k}]", "an entity"),
                              f"{where}.entities[{k}]") for k, e in enumerate(entities)]
    return Extraction(source=source, facts=fact_list, entities=entity_list,
                      acronyms={str(k): _text(v, f"{where}.acronyms.{k}") for k, v in acronyms.items()},
                      model=_text(raw.get("model"), f"{where}.model"))


def _construct(build: Callable[[dict[str, Any]], T], raw: dict[str, Any], where: str) -> T:
    """``serialize``'s builders, with a missing field or a mention that is not a mapping named."""
    try:
        return build(raw)
    except TypeError as err:
        missing = re.search(r"missing \d+ required positional arguments?: (.*)$", str(err))
        if missing:
            raise _Damaged(f"{where}: missing {missing.group(1)}") from None
        raise _Damaged(f"{where}: {err}") from None


def _check_fact(fact: Any, source_text: str, where: str) -> None:
    for name in ("id", "source_id", "text"):
        _expect(getattr(fact, name), str, f"{where}.{name}", "text")
    start = _expect(fact.start, int, f"{where}.start", "a character offset")
    end = _expect(fact.end, int, f"{where}.end", "a character offset")
    if not (0 <= start < end <= len(source_text)) or source_text[start:end] != fact.text:
        raise _Damaged(f"fact {fact.id} no longer matches its source text at {start}-{end} "
                       "(was the article text edited?)")


def _build(data: dict[str, Any]) -> Brief:
    metadata = _expect(data.get("metadata") or {}, dict, "metadata", "a mapping")
    sections = [_read_section(s, f"sections[{k}]")
                for k, s in enumerate(_expect(data.get("sections") or [], list, "sections", "a list"))]
    extractions = [_read_extraction(x, f"sources[{k}]")
                   for k, x in enumerate(_expect(data.get("sources") or [], list, "sources", "a list"))]

    by_source: dict[str, Extraction] = {}
    for x in extractions:
        if x.source.id in by_source:
            raise _Damaged(f"source {x.source.id} appears twice")
        by_source[x.source.id] = x
    facts: dict[str, Any] = {}
    for k, x in enumerate(extractions):
        for j, fact in enumerate(x.facts):
            where = f"sources[{k}].facts[{j}]"
            _check_fact(fact, x.source.text, where)
            if fact.source_id != x.source.id:
                if fact.source_id not in by_source:
                    raise _Damaged(f"fact {fact.id} refers to source {fact.source_id}, which is not in the file")
                raise _Damaged(f"fact {fact.id} of source {fact.source_id} is filed under source {x.source.id}")
            if fact.id in facts:
                raise _Damaged(f"fact {fact.id} appears twice")
            facts[fact.id] = fact

    order = data.get("fact_order")
    if order is None:
        pool = list(facts.values())
    else:
        order = _expect(order, list, "fact_order", "a list of fact ids")
        missing = next((fid for fid in order if fid not in facts), None)
        if missing is not None:
            raise _Damaged(f"fact_order names fact {missing}, which is not in the file")
        if len(set(order)) != len(order):
            raise _Damaged("fact_order names a fact twice")
        pool = [facts[fid] for fid in order]

    seen_sections: set[str] = set()
    seen_placements: set[str] = set()
    for section in sections:
        if section.id in seen_sections:
            raise _Damaged(f"section {section.id!r} appears twice")
        seen_sections.add(section.id)
        for p in section.placements:
            if p.fact_id not in facts:
                raise _Damaged(f"placement {p.id} in section {section.title or section.id!r} refers to fact "
                               f"{p.fact_id}, which is not in the file")
            if p.id in seen_placements:
                raise _Damaged(f"placement {p.id} appears twice")
            seen_placements.add(p.id)

    return Brief(template_id=_text(data.get("template"), "template"),
                 metadata={str(k): _text(v, f"metadata.{k}") for k, v in metadata.items()},
                 sections=sections, extractions=by_source, facts=pool)


def brief_from_data(data: Any, shown: str, max_version: int) -> Brief:
    """Check the loaded YAML and build the Brief; raises ``BriefFileError`` naming ``shown`` (the path)."""
    if not isinstance(data, dict) or "briefing" not in data:
        raise BriefFileError(f"{shown} is not a brief file (no 'briefing:' format line at the top)")
    version = data["briefing"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BriefFileError(f"{shown} is not a brief file (the format 'briefing: {version}' is not a version)")
    if version > max_version:
        raise BriefFileError(f"{shown}: this brief was saved by a newer Briefing (format {version}); "
                             f"this version reads up to {max_version}")
    if data.get(END_KEY) is not True:
        raise BriefFileError(f"{shown} is incomplete (truncated): its last line '{END_KEY}: true' is missing")
    try:
        return _build(data)
    except _Damaged as err:
        raise BriefFileError(f"{shown} is damaged: {err}") from None

"""The human-readable text `briefing extract PATH` prints: furniture, facts, entities, acronyms."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.extraction import Extraction
    from briefing.core.fact import Fact

WIDTH = 100
_TYPE_ORDER = {"person": 0, "organization": 1, "place": 2}


def _fact_lines(number: int, fact: Fact) -> list[str]:
    head = f"{number:>3}. [{fact.kind}] "
    body = textwrap.wrap(fact.text, WIDTH - len(head)) or [""]
    lines = [head + body[0], *(" " * len(head) + line for line in body[1:])]
    pad = " " * len(head)
    if fact.speaker:
        lines.append(f"{pad}speaker: {fact.speaker}")
    if fact.attributed_to and fact.attributed_to != fact.speaker:
        lines.append(f"{pad}attributed to: {fact.attributed_to}")
    if fact.dates:
        lines.append(pad + "dates: " + "; ".join(f"{d.text} = {d.value or '?'}" for d in fact.dates))
    named = [f"{m.text} ({m.type})" for m in fact.entities]
    if named:
        lines.extend(textwrap.wrap("entities: " + ", ".join(named), WIDTH, initial_indent=pad,
                                   subsequent_indent=pad + "  "))
    return lines


def extraction_report(extraction: Extraction) -> str:
    """Plain text, one fact per numbered item; empty furniture fields are left out."""
    source = extraction.source
    out = ["Source"]
    for label, value in (("title", source.title), ("publisher", source.publisher), ("place", source.place),
                         ("published", source.published), ("byline", source.byline), ("file", source.path),
                         ("encoding", source.encoding), ("id", source.id)):
        if value:
            out.append(f"  {label + ':':<11}{value}")
    out.append(f"  {'length:':<11}{len(source.text):,} characters")
    out += ["", f"Facts ({len(extraction.facts)})"]
    for n, fact in enumerate(extraction.facts, 1):
        out.extend(_fact_lines(n, fact))
    out += ["", f"Entities ({len(extraction.entities)})"]
    for e in sorted(extraction.entities, key=lambda e: (_TYPE_ORDER.get(e.type, 9), -e.mentions, e.name)):
        role = f" \u2014 {e.role}" if e.role else ""
        aliases = f" (also: {', '.join(e.aliases)})" if e.aliases else ""
        out.append(f"  {e.type:<13}{e.name}{role}; {e.mentions} mention{'s' if e.mentions != 1 else ''}{aliases}")
    out += ["", f"Acronyms ({len(extraction.acronyms)})"]
    out += [f"  {short:<8}{long}" for short, long in sorted(extraction.acronyms.items())]
    return "\n".join(out) + "\n"

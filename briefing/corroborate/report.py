"""`briefing corroborate` output: the groups as JSON for scripts and checks, or as a readable listing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.core.corroboration import Group
    from briefing.core.fact import Fact


def groups_to_json(groups: list[Group], facts: dict[str, Fact], labels: dict[str, str]) -> dict[str, Any]:
    """``{"groups": [{"facts": [{source, start, end, text}], "conflict": null | {what, note}, "copied"}]}``;
    ``labels`` gives each source id the path or address as the person named it."""
    out = []
    for group in groups:
        members = [facts[fid] for fid in group.fact_ids]
        out.append({
            "facts": [{"source": labels.get(f.source_id, f.source_id), "start": f.start, "end": f.end,
                       "text": f.text} for f in members],
            "conflict": None if group.conflict is None else {"what": group.conflict.what,
                                                             "note": group.conflict.note},
            "copied": group.copied,
        })
    return {"groups": out}


def groups_report(groups: list[Group], facts: dict[str, Fact], labels: dict[str, str]) -> str:
    """A listing a person reads: each group's badge, then each source's wording, copies and conflicts marked."""
    if not groups:
        return "No fact is reported by more than one source.\n"
    lines = [f"{len(groups)} claim{'s' if len(groups) != 1 else ''} reported by more than one source", ""]
    for n, group in enumerate(groups, 1):
        lines.append(f"{n}. {group.describe()}")
        for fid in group.fact_ids:
            fact = facts[fid]
            mark = " (copy)" if fid in group.copied_ids else ""
            lines.append(f"   [{labels.get(fact.source_id, fact.source_id)}]{mark} {' '.join(fact.text.split())}")
        if group.conflict is not None:
            lines.append(f"   Conflict, {group.conflict.note}")
        lines.append("")
    return "\n".join(lines)

"""What the fact list says about a fact that other sources also report: its badge, each source's wording, the
conflict, and which row stands for a claim when the list shows each claim once.

Plain functions over ``brief.corroboration`` (no Qt), so the list model, its filter, the details view and the
source view's jump all read the same answers; nothing here is stored, the Brief's groups are the truth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from briefing.core.brief import Brief

# The corroboration filter's choices, in the order the fact pane offers them.
ALL, CORROBORATED, SINGLE_SOURCE, CONFLICTS = "all", "corroborated", "single", "conflicts"
CORROBORATION_CHOICES = ((ALL, "All facts"), (CORROBORATED, "Corroborated"), (SINGLE_SOURCE, "Single source"),
                         (CONFLICTS, "Conflicts"))


def source_name(brief: Brief, source_id: str) -> str:
    """How the list names a source: publisher, else title, else its id."""
    ext = brief.extractions.get(source_id)
    if ext is None:
        return source_id
    return ext.source.publisher or ext.source.title or ext.source.id


def badge(brief: Brief, fact_id: str) -> str:
    """The badge of a fact's best-corroborated claim ("3 sources, 2 independent, conflict"), "" when alone."""
    groups = brief.corroboration.groups_of(fact_id)
    if not groups:
        return ""
    best = max(groups, key=lambda g: (len(g.source_ids), g.independent))
    text = best.describe()
    if brief.corroboration.conflict_of(fact_id) is not None and not best.conflict:
        text += ", conflict"
    return text


def wordings(brief: Brief, fact_id: str) -> list[tuple[str, str, bool]]:
    """(source name, wording, copied) for the fact and every fact reporting its claims, the fact first."""
    copied = {f for g in brief.corroboration.groups_of(fact_id) for f in g.copied_ids}
    ids = [fact_id, *brief.corroboration.partners(fact_id)]
    out = []
    for fid in ids:
        if brief.has_fact(fid):
            fact = brief.fact(fid)
            out.append((source_name(brief, fact.source_id), fact.text, fid in copied))
    return out


def details_lines(brief: Brief, fact_id: str) -> list[str]:
    """The lines a tooltip or the details view adds for a grouped fact: the badge, each other source's wording
    (copies marked) and the conflict note; nothing for a single-source fact."""
    text = badge(brief, fact_id)
    if not text:
        return []
    lines = [f"Reported by {text}:"]
    for name, wording, copied in wordings(brief, fact_id)[1:]:
        lines.append(f"\u2022 {name}{' (copy)' if copied else ''}: \u201c{wording}\u201d")
    conflict = brief.corroboration.conflict_of(fact_id)
    if conflict is not None:
        note = conflict.note if conflict.note.startswith(conflict.what) else f"{conflict.what}: {conflict.note}"
        lines.append(f"Conflict on {note}")
    return lines


def passes(brief: Brief, fact_id: str, choice: str) -> bool:
    """Whether a fact passes the corroboration filter ``choice`` (one of ``CORROBORATION_CHOICES``)."""
    if choice == CORROBORATED:
        return brief.corroboration.is_corroborated(fact_id)
    if choice == SINGLE_SOURCE:
        return not brief.corroboration.is_corroborated(fact_id)
    if choice == CONFLICTS:
        return brief.corroboration.conflict_of(fact_id) is not None
    return True


def one_row_per_claim(brief: Brief, fact_ids: Iterable[str | None]) -> list[bool]:
    """For facts already shown (None: hidden) in list order, whether each stays when a claim shows once: a fact
    is left out when every claim it carries is already shown by an earlier row (the first row shown speaks
    for its group, whatever hid the others)."""
    shown: set[int] = set()
    keep: list[bool] = []
    for fid in fact_ids:
        if fid is None:
            keep.append(False)
            continue
        groups = {id(g) for g in brief.corroboration.groups_of(fid)}
        if groups and groups <= shown:
            keep.append(False)
            continue
        shown |= groups
        keep.append(True)
    return keep


def next_partner(brief: Brief, anchor: str, shown: str | None, step: int = 1) -> str | None:
    """The sentence to jump to from ``shown`` among ``anchor`` and its partners (cycling); None when alone."""
    ring = [anchor, *brief.corroboration.partners(anchor)]
    if len(ring) < 2:
        return None
    at = ring.index(shown) if shown in ring else 0
    return ring[(at + step) % len(ring)]

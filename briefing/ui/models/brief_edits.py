"""The window's editing commands as plain functions of (brief, undo stack, ids): one undo step each.

The window gathers the selection and calls these; keeping them free of widgets keeps the rules (what
Alt+Up does at the top of a section, what Ctrl+3 means) in one readable, testable place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from briefing.core.errors import BriefError
from briefing.ui.models import commands as cmd

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from briefing.core.brief import Brief, Section
    from briefing.core.fact import Fact
    from briefing.core.template import Template

MAX_NUMBERED_SECTIONS = 9  # Ctrl+1 .. Ctrl+9


def section_number(brief: Brief, number: int) -> Section | None:
    """The ``number``-th section (1-based), or None."""
    return brief.sections[number - 1] if 1 <= number <= len(brief.sections) else None


def send_facts(brief: Brief, stack: QUndoStack, fact_ids: Iterable[str], number: int) -> tuple[bool, str]:
    """Place facts at the end of section ``number`` as one undo step; (placed?, what to tell the analyst).

    Facts the section already holds are not placed again (a section never repeats a fact); when that leaves
    nothing, or there is no such section or no fact, nothing is pushed and the message says why."""
    section = section_number(brief, number)
    ids = [f for f in dict.fromkeys(fact_ids) if brief.has_fact(f)]
    if section is None:
        return False, f"There is no section {number} in this brief"
    if not ids:
        return False, "Nothing to place: select a fact in the list first"
    title = section.title or section.id
    new = brief.new_to_section(section.id, ids)
    if not new:
        return False, f"Not placed: {title} already holds {'that fact' if len(ids) == 1 else 'those facts'}"
    stack.push(cmd.PlaceFactsCommand(brief, new, section.id))
    placed = f"Placed {len(new)} fact{'s' if len(new) != 1 else ''} in {title}"
    return True, placed + (f"; {len(ids) - len(new)} already there" if len(new) < len(ids) else "")


def send_placements(brief: Brief, stack: QUndoStack, placement_ids: Iterable[str], number: int) -> bool:
    """Move placements to the end of section ``number``."""
    section = section_number(brief, number)
    ids = [p for p in dict.fromkeys(placement_ids) if _exists(brief, p)]
    if section is None or not ids:
        return False
    stack.push(cmd.MovePlacementsCommand(brief, ids, section.id, None))
    return True


def move_placement(brief: Brief, stack: QUndoStack, placement_id: str, delta: int) -> bool:
    """Move a placement one row up (delta -1) or down (+1); past the edge of its section it goes to the
    end of the section above or the start of the section below. False at the very top or bottom."""
    if not _exists(brief, placement_id) or delta not in (-1, 1):
        return False
    si, row = brief.locate(placement_id)
    count = len(brief.sections[si].placements)
    if delta < 0 and row > 0:
        target, index = si, row - 1
    elif delta > 0 and row < count - 1:
        target, index = si, row + 2  # a drop row counts rows before the move
    elif delta < 0 and si > 0:
        target, index = si - 1, None
    elif delta > 0 and si < len(brief.sections) - 1:
        target, index = si + 1, 0
    else:
        return False
    stack.push(cmd.MovePlacementsCommand(brief, [placement_id], brief.sections[target].id, index))
    return True


def remove_placements(brief: Brief, stack: QUndoStack, placement_ids: Iterable[str]) -> bool:
    """Remove the placements that still exist, as one undo step; False (and nothing pushed) when none does."""
    ids = [p for p in dict.fromkeys(placement_ids) if _exists(brief, p)]
    if not ids:
        return False
    stack.push(cmd.RemovePlacementsCommand(brief, ids))
    return True


def add_span(brief: Brief, stack: QUndoStack, source_id: str, start: int, end: int) -> Fact | None:
    """Add ``source.text[start:end]`` (whitespace trimmed) as the analyst's own fact; None if empty."""
    from briefing.ui.models.brief_drops import span_fact
    from briefing.ui.models.mime import Span

    fact = span_fact(brief, Span(source_id, start, end))
    if fact is None:
        return None
    if brief.has_fact(fact.id):
        return brief.fact(fact.id)
    stack.push(cmd.AddFactCommand(brief, fact))
    return fact


def switch_template(brief: Brief, stack: QUndoStack, template: Template) -> bool:
    """Reshape the brief to ``template`` keeping every placement (sections not in it go to Unplaced)."""
    if template.id == brief.template_id and [s.id for s in brief.sections] == [s.id for s in template.sections]:
        return False
    from briefing.template.registry import find_template_or_none

    old = find_template_or_none(brief.template_id) if brief.template_id else None
    stack.push(cmd.ApplyTemplateCommand(brief, template, old_defaults=old.defaults() if old is not None else None))
    return True


def auto_draft(brief: Brief, stack: QUndoStack, template: Template) -> int:
    """Let the auto-drafter place facts; returns how many it placed (0: nothing pushed)."""
    before = stack.count()
    command = cmd.AutoDraftCommand(brief, template)
    stack.push(command)
    return len(command.placements) if stack.count() > before else 0


def _exists(brief: Brief, placement_id: str) -> bool:
    try:
        brief.locate(placement_id)
    except BriefError:
        return False
    return True

"""Undo commands: each calls one Brief method in redo and its inverse in undo, so Edit > Undo is exact.

Commands keep what the Brief returned (positions, layouts, old values, whole placements) so a redo after
an undo restores the very same placement ids; later commands on the stack refer to them. Callers check
that ids exist before pushing: ``QUndoStack.push`` runs ``redo`` at once and a Brief error there would be
raised inside Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from PySide6.QtGui import QUndoCommand

from briefing.core.brief import Placement, Position

if TYPE_CHECKING:
    from briefing.core.brief import Brief, FactDeletion
    from briefing.core.extraction import Extraction
    from briefing.core.fact import Fact
    from briefing.core.template import Template

# QUndoCommand.id() values: consecutive commands with the same id may merge (typing into one field).
_SET_METADATA_ID, _SET_SECTION_TEXT_ID, _SET_NOTE_ID = 1001, 1002, 1003


def _facts(n: int) -> str:
    return "fact" if n == 1 else f"{n} facts"


def _section_title(brief: Brief, section_id: str) -> str:
    try:
        return brief.section(section_id).title
    except Exception:  # noqa: BLE001 - a label must never fail; the command itself will report
        return section_id


class BriefCommand(QUndoCommand):
    """Base: holds the Brief; ``text()`` is the Edit > Undo label."""

    def __init__(self, brief: Brief, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.brief = brief


class PlaceFactsCommand(BriefCommand):
    """Place facts (in the order given) in a section at ``index`` (default: the end)."""

    def __init__(self, brief: Brief, fact_ids: Iterable[str], section_id: str, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        self.fact_ids = list(fact_ids)
        self.section_id, self.index = section_id, index
        super().__init__(brief, f"Place {_facts(len(self.fact_ids))} in {_section_title(brief, section_id)}",
                         parent)
        self._positions: list[Position] | None = None
        self.placements: list[Placement] = []

    def redo(self) -> None:
        if self._positions is None:
            self.placements = self.brief.place(self.fact_ids, self.section_id, self.index)
        else:
            self.brief.insert(self._positions)

    def undo(self) -> None:
        self._positions = self.brief.remove(p.id for p in self.placements)


class MovePlacementsCommand(BriefCommand):
    """Move placements to sit together before ``index`` of a section (a drop row: counted before the move)."""

    def __init__(self, brief: Brief, placement_ids: Iterable[str], section_id: str, index: int | None,
                 parent: QUndoCommand | None = None) -> None:
        self.placement_ids = list(dict.fromkeys(placement_ids))
        self.section_id, self.index = section_id, index
        label = f"Move {_facts(len(self.placement_ids))}"
        try:
            if any(brief.locate(pid)[0] != brief.section_index(section_id) for pid in self.placement_ids):
                label += f" to {_section_title(brief, section_id)}"
        except Exception:  # noqa: BLE001 - the label only
            pass
        super().__init__(brief, label, parent)
        self._before: dict[str, list[str]] = {}

    def redo(self) -> None:
        self._before = self.brief.move(self.placement_ids, self.section_id, self.index)
        if self.brief.layout() == self._before:
            self.setObsolete(True)  # a drop onto itself: nothing to undo, keep it off the stack

    def undo(self) -> None:
        self.brief.arrange(self._before)


class RemovePlacementsCommand(BriefCommand):
    """Take placements out of the brief (the facts stay in the pool)."""

    def __init__(self, brief: Brief, placement_ids: Iterable[str], parent: QUndoCommand | None = None) -> None:
        self.placement_ids = list(dict.fromkeys(placement_ids))
        super().__init__(brief, f"Remove {_facts(len(self.placement_ids))}", parent)
        self._positions: list[Position] = []

    def redo(self) -> None:
        self._positions = self.brief.remove(self.placement_ids)

    def undo(self) -> None:
        self.brief.insert(self._positions)


class RewordCommand(BriefCommand):
    """Set a placement's wording (empty: back to the fact's own words; the fact never changes)."""

    def __init__(self, brief: Brief, placement_id: str, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(brief, "Reword fact", parent)
        self.placement_id, self.new_text = placement_id, text
        self._old = ""

    def redo(self) -> None:
        self._old = self.brief.reword(self.placement_id, self.new_text)

    def undo(self) -> None:
        self.brief.reword(self.placement_id, self._old)


class _MergingEdit(BriefCommand):
    """A text edit that merges with the next edit of the same field, so typing undoes in one step."""

    MERGE_ID = -1

    def __init__(self, brief: Brief, target: str, value: str, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(brief, text, parent)
        self.target, self.value = target, value
        self._old: str | None = None
        self._done_once = False

    def _set(self, value: str | None) -> str | None:
        raise NotImplementedError

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.MERGE_ID

    def redo(self) -> None:
        old = self._set(self.value)
        if not self._done_once:
            self._old, self._done_once = old, True

    def undo(self) -> None:
        self._set(self._old)  # None (a field that did not exist) removes it again

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, type(self)) or other.target != self.target:
            return False
        self.value = other.value
        if self.value == (self._old or ""):
            self.setObsolete(True)  # typed back to where it started: nothing left to undo
        return True


class SetNoteCommand(_MergingEdit):
    """Set the analyst's note on a placement."""

    MERGE_ID = _SET_NOTE_ID

    def __init__(self, brief: Brief, placement_id: str, note: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(brief, placement_id, note, "Edit note", parent)

    def _set(self, value: str) -> str:
        return self.brief.set_note(self.target, value)


class SetSectionTextCommand(_MergingEdit):
    """Set a section's free text."""

    MERGE_ID = _SET_SECTION_TEXT_ID

    def __init__(self, brief: Brief, section_id: str, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(brief, section_id, text, f"Edit text of {_section_title(brief, section_id)}", parent)

    def _set(self, value: str) -> str:
        return self.brief.set_section_text(self.target, value)


class SetMetadataCommand(_MergingEdit):
    """Set a metadata field (title, to, from, date...); consecutive edits of one field merge."""

    MERGE_ID = _SET_METADATA_ID

    def __init__(self, brief: Brief, key: str, value: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(brief, key, value, f"Edit {key.replace('_', ' ')}", parent)

    @property
    def key(self) -> str:
        return self.target

    def _set(self, value: str | None) -> str | None:
        return self.brief.set_metadata(self.target, value)


class ApplyTemplateCommand(BriefCommand):
    """Switch the brief to another template; undo restores sections, placements and metadata exactly."""

    def __init__(self, brief: Brief, template: Template, parent: QUndoCommand | None = None,
                 old_defaults: dict[str, str] | None = None) -> None:
        super().__init__(brief, f"Use template {template.name or template.id}", parent)
        self.template, self.old_defaults = template, old_defaults
        self._state: tuple | None = None

    def redo(self) -> None:
        self._state = self.brief.apply_template(self.template, self.old_defaults)

    def undo(self) -> None:
        if self._state is not None:
            self.brief.restore(self._state)


class AddFactCommand(BriefCommand):
    """Add an analyst's own span as a fact; a no-op (and no-op undo) if the brief already has it."""

    def __init__(self, brief: Brief, fact: Fact, parent: QUndoCommand | None = None) -> None:
        super().__init__(brief, "Add fact", parent)
        self.fact = fact
        self._added = False

    def redo(self) -> None:
        self._added = not self.brief.has_fact(self.fact.id)
        if self._added:
            self.brief.add_fact(self.fact)

    def undo(self) -> None:
        if self._added:
            self.brief.remove_fact(self.fact.id)


class DeleteFactsCommand(BriefCommand):
    """Delete facts the analyst added, with every placement of them, as one step; undo restores the brief
    exactly (fact order, placements with their ids, rewordings and notes, an emptied "Dropped text" source).

    Callers pass only ids of custom facts that exist (the Brief refuses extracted ones)."""

    def __init__(self, brief: Brief, fact_ids: Iterable[str], parent: QUndoCommand | None = None) -> None:
        self.fact_ids = list(dict.fromkeys(fact_ids))
        super().__init__(brief, f"Delete {_facts(len(self.fact_ids))}", parent)
        self._deletion: FactDeletion | None = None

    def redo(self) -> None:
        self._deletion = self.brief.delete_facts(self.fact_ids)

    def undo(self) -> None:
        if self._deletion is not None:
            self.brief.restore_facts(self._deletion)


class AddSourceCommand(BriefCommand):
    """Add a source and its facts; undo removes them (a source already in the brief is left alone)."""

    def __init__(self, brief: Brief, extraction: Extraction, parent: QUndoCommand | None = None) -> None:
        title = extraction.source.title or extraction.source.id
        super().__init__(brief, f"Add source \u201c{title}\u201d", parent)
        self.extraction = extraction
        self._added = False

    def redo(self) -> None:
        self._added = self.brief.add_extraction(self.extraction)

    def undo(self) -> None:
        if self._added:
            self.brief.remove_extraction(self.extraction.source.id)


class AutoDraftCommand(BriefCommand):
    """Let the auto-drafter place facts per the template's hints; undo takes exactly those out again."""

    def __init__(self, brief: Brief, template: Template, parent: QUndoCommand | None = None) -> None:
        super().__init__(brief, "Auto-draft", parent)
        self.template = template
        self.placements: list[Placement] = []
        self._positions: list[Position] | None = None

    def redo(self) -> None:
        if self._positions is None:
            from briefing.core.autodraft import (
                auto_draft,  # written alongside; imported when used
            )

            self.placements = list(auto_draft(self.brief, self.template))
            self.setText(f"Auto-draft {_facts(len(self.placements))}")
            if not self.placements:
                self.setObsolete(True)
        else:
            self.brief.insert(self._positions)

    def undo(self) -> None:
        self._positions = self.brief.remove(p.id for p in self.placements)

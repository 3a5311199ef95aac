"""Undo commands for what the brief says about a source (its citation details and, with them, its facts' dates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.fact_pool import SourceDetails
    from briefing.core.source import DateMention


class SetSourceDetailsCommand(QUndoCommand):
    """Correct a source's title, publisher, author, date or URL; a new date re-dates its facts (one step)."""

    def __init__(self, brief: Brief, source_id: str, details: dict[str, str],
                 dates: dict[str, list[DateMention]] | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__("Edit source details", parent)
        self.brief, self.source_id, self.details, self.dates = brief, source_id, details, dates
        self._before: SourceDetails | None = None

    def redo(self) -> None:
        self._before = self.brief.set_source_details(self.source_id, self.details, self.dates)

    def undo(self) -> None:
        if self._before is not None:
            self.brief.restore_source_details(self._before)

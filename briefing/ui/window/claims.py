"""What the window does with claims several sources report: keep the groups fresh, jump between a fact's
corroborating sentences in the articles, and show every source's wording of a claim.

Composed into the window (``window.claims``). Groups are derived from the facts, never an undo step: they are
recomputed whenever sources come or go (an undo of adding a source included) and when a brief is shown.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from briefing.ui.models.fact_groups import details_lines, next_partner

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QMainWindow as MainWindow,  # the window that owns this; it imports this module
    )


class ClaimCommands:
    """Corroboration for one window: ``regroup`` after source changes, ``next_corroborating`` to jump."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.jump: tuple[str, str] | None = None  # (the fact jumped from, the partner shown now)
        self.last_seconds = 0.0  # how long the last regrouping took (the status of "is it fast enough")

    def regroup(self) -> None:
        """Recompute the brief's corroboration groups (fast for a few articles: on the GUI thread)."""
        brief = self.window.brief
        if len(brief.extractions) < 2 and not brief.corroboration.groups:
            return  # one source groups nothing; skip the work, the grouper's imports and the fact-changed event
        from briefing.corroborate.brief_groups import refresh_groups

        started = time.perf_counter()
        refresh_groups(brief)
        self.last_seconds = time.perf_counter() - started
        self.jump = None

    def anchor(self) -> str | None:
        """The fact the analyst is on: the current row of the fact list, else the current placement's fact."""
        w = self.window
        index = w.panes.facts.list.currentIndex()
        if index.isValid():
            from briefing.ui.models.roles import Role

            return index.data(Role.FACT_ID)
        pid = w.current_placement_id()
        return w.brief.placement(pid).fact_id if pid is not None else None

    def next_corroborating(self, step: int = 1) -> str | None:
        """Show the next sentence (another source's) reporting the current fact's claim: its article's tab,
        the sentence selected. Repeating cycles through every source and back; returns the fact shown."""
        w = self.window
        anchor = self.anchor()
        if anchor is None or not w.brief.has_fact(anchor):
            return None
        shown = self.jump[1] if self.jump is not None and self.jump[0] == anchor else anchor
        target = next_partner(w.brief, anchor, shown, step)
        if target is None:
            w.statusBar().showMessage("No other source reports this fact", 4000)
            return None
        self.jump = (anchor, target)
        w.panes.source.show_fact(target)
        fact = w.brief.fact(target)
        ext = w.brief.extractions.get(fact.source_id)
        name = (ext.source.publisher or ext.source.title) if ext is not None else ""
        w.statusBar().showMessage(f"Also reported by {name}" if name else "Also reported", 4000)
        return target

    def show_dated_fact(self, fact_id: str) -> None:
        """A timeline row chosen: its fact (or the row standing for its claim) becomes the list's current one,
        and the fact shows in its article."""
        w = self.window
        claim = [fact_id, *w.brief.corroboration.partners(fact_id)]
        for _ in range(2):  # as filtered now, then with the filters cleared
            shown = [f for f in claim if w.fact_proxy.mapFromSource(w.fact_model.fact_index(f)).isValid()]
            if shown:
                w.select_fact(shown[0])
                break
            w.clear_filters()
        w.panes.source.show_fact(fact_id)

    def wordings_text(self, fact_id: str) -> str:
        """Every source's wording of the fact's claims, as the details view shows them."""
        brief = self.window.brief
        lines = details_lines(brief, fact_id)
        if not lines:
            return "No other source reports this fact."
        return f"\u201c{brief.fact(fact_id).text}\u201d\n\n" + "\n".join(lines)

    def show_wordings(self, fact_id: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, "Sources of this claim", self.wordings_text(fact_id),
                          QMessageBox.StandardButton.Close, self.window)
        box.setObjectName("claimWordings")
        box.setAccessibleName("Every source's wording of this claim")
        box.exec()

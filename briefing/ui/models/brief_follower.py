"""Hand a view's listener from one Brief to the next, so a replaced brief no longer reaches the view."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.events import Listener


def follow_brief(listener: Listener, old: Brief | None, new: Brief | None) -> None:
    """Disconnect ``listener`` from ``old``'s events and connect it to ``new``'s (None: no brief there).

    The listener joins the end of ``new``'s list, so views set up in a fixed order still hear each event in
    that order (the models before the window that reads them)."""
    if old is not None:
        old.events.disconnect(listener)
    if new is not None:
        new.events.connect(listener)

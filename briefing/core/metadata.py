"""Sensible starting values for a new brief's header, so the analyst edits rather than types from scratch."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from briefing.core.brief import Brief


def fill_header(brief: Brief, today: dt.date | None = None) -> None:
    """Fill an empty ``date`` with today and an empty ``subject`` with the first source's title.

    Only fields the template has and the analyst has left empty are touched; called once when a brief is
    made from an article (not on load, so a saved brief reads back exactly as saved)."""
    if "date" in brief.metadata and not brief.metadata["date"].strip():
        # time.strftime: the local date as date.today() gives it, without importing datetime at start-up
        brief.metadata["date"] = today.isoformat() if today is not None else time.strftime("%Y-%m-%d")
    if "subject" in brief.metadata and not brief.metadata["subject"].strip() and brief.extractions:
        first = next(iter(brief.extractions.values())).source
        if first.title:
            brief.metadata["subject"] = first.title

"""Custom item-data roles shared by the fact list, its filter and the brief outline, so views ask by name."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_FIRST = int(Qt.ItemDataRole.UserRole) + 1


class Role(IntEnum):
    """Roles above ``Qt.UserRole``; every model answers the ones that make sense for its rows (else None)."""

    FACT_ID = _FIRST
    KIND = _FIRST + 1
    SPEAKER = _FIRST + 2
    SOURCE_ID = _FIRST + 3
    SOURCE_TITLE = _FIRST + 4
    TIMES_PLACED = _FIRST + 5  # how many placements of the fact the brief holds (0: unused so far)
    PLACEMENT_ID = _FIRST + 6
    SECTION_ID = _FIRST + 7
    IS_SECTION = _FIRST + 8
    ORIGINAL_TEXT = _FIRST + 9  # the fact's own words, even when the placement is reworded
    NOTE = _FIRST + 10
    WARNING = _FIRST + 11  # a section's count warning ("needs at least 2 facts"), "" when fine
    GUIDANCE = _FIRST + 12
    ENTITIES = _FIRST + 13  # list of entity names mentioned in the fact
    DATES = _FIRST + 14  # list of ISO dates (or the text as written when no value is known)
    SEARCH_TEXT = _FIRST + 15  # wording + speaker + entity names, lower-cased: what the filter matches
    COUNT = _FIRST + 16  # a section's number of placements
    IS_REWORDED = _FIRST + 17  # a placement whose wording differs from the fact's own
    GROUP_BADGE = _FIRST + 18  # "3 sources, 2 independent" when other sources report the fact's claim, else ""
    HAS_CONFLICT = _FIRST + 19  # the fact's sources disagree on a figure, date or speaker

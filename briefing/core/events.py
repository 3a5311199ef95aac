"""Change notifications from a Brief, in two phases so Qt models can bracket them (begin/end rows)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

# Event kinds. "-ing" events fire before the Brief changes, the matching past tense after it.
INSERTING, INSERTED = "inserting", "inserted"  # placements rows first..last in section
REMOVING, REMOVED = "removing", "removed"
MOVING, MOVED = "moving", "moved"  # one placement: (section, first) -> (dest_section, dest_row), Qt semantics
CHANGED = "changed"  # a placement (row) or the section itself (row None) changed text, note or free text
RESETTING, RESET = "resetting", "reset"  # sections replaced wholesale (template switch, undo of it)
FACTS_INSERTING, FACTS_INSERTED = "facts_inserting", "facts_inserted"  # rows first..last of brief.facts
FACTS_REMOVING, FACTS_REMOVED = "facts_removing", "facts_removed"
FACT_CHANGED = "fact_changed"  # placed-count of a fact changed (first = index in brief.facts)
METADATA = "metadata"  # key changed
SOURCES = "sources"  # a source was added or removed


@dataclass(frozen=True)
class BriefEvent:
    """One notification. ``dest_row`` follows ``QAbstractItemModel.beginMoveRows``: the row in the
    destination section *before* the move, so a move down within a section names the row after the target."""

    kind: str
    section: int | None = None
    first: int | None = None
    last: int | None = None
    dest_section: int | None = None
    dest_row: int | None = None
    key: str | None = None


Listener = Callable[[BriefEvent], None]


class EventEmitter:
    """A minimal synchronous observer list; listeners run in the order they connected."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        """Call ``listener`` with every later event, after the listeners connected before it."""
        self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        """Stop calling ``listener``; a listener that is not connected is ignored."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, event: BriefEvent) -> None:
        """Call every listener in order. The list is fixed as the event starts: a listener disconnected by
        another meanwhile still hears this event."""
        for listener in list(self._listeners):
            listener(event)

"""Change notifications from a Brief: one small event type per kind of change, in two phases where Qt models
must bracket a change (``beginInsertRows`` before, ``endInsertRows`` after), so adapters dispatch by type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, ClassVar


@dataclass(frozen=True)
class BriefEvent:
    """Every notification a Brief emits. ``before`` marks the first half of a two-phase change: it fires
    before the Brief changes, the matching event after it."""

    before: ClassVar[bool] = False


@dataclass(frozen=True)
class _Rows(BriefEvent):
    """Rows ``first``..``last`` of one section's placements."""

    section: int
    first: int
    last: int


class PlacementsInserting(_Rows):
    before = True


class PlacementsInserted(_Rows):
    pass


class PlacementsRemoving(_Rows):
    before = True


class PlacementsRemoved(_Rows):
    pass


@dataclass(frozen=True)
class _Move(_Rows):
    """Placements ``first``..``last`` of ``section`` moving to ``dest_section``. ``dest_row`` follows
    ``QAbstractItemModel.beginMoveRows``: the row in the destination *before* the move, so a move down within a
    section names the row after the target."""

    dest_section: int
    dest_row: int


class PlacementsMoving(_Move):
    before = True


class PlacementsMoved(_Move):
    pass


@dataclass(frozen=True)
class SectionChanged(BriefEvent):
    """Placements ``first``..``last`` of ``section`` changed wording or note; with rows None, the section itself
    (its own text) changed."""

    section: int
    first: int | None = None
    last: int | None = None


@dataclass(frozen=True)
class SectionsResetting(BriefEvent):
    """The sections are about to be replaced wholesale (a template switch, or its undo)."""

    before = True


@dataclass(frozen=True)
class SectionsReset(BriefEvent):
    """The sections were replaced wholesale."""


@dataclass(frozen=True)
class _FactRows(BriefEvent):
    """Rows ``first``..``last`` of ``brief.facts``."""

    first: int
    last: int


class FactsInserting(_FactRows):
    before = True


class FactsInserted(_FactRows):
    pass


class FactsRemoving(_FactRows):
    before = True


class FactsRemoved(_FactRows):
    pass


class FactsChanged(_FactRows):
    """What the fact list shows of these facts changed (how often they are placed, their corroboration)."""


@dataclass(frozen=True)
class MetadataChanged(BriefEvent):
    """A header field changed (``key``), or all of them (``key`` None)."""

    key: str | None = None


@dataclass(frozen=True)
class SourcesChanged(BriefEvent):
    """A source was added or removed."""


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

"""Rows grouped into blocks of consecutive rows, so a change to many rows is one view update per block."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.section import Placement


def consecutive_runs(rows: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in ascending ``rows``; none for no rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def section_runs(positions: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(section, first, last) of each run in ascending (section, row) pairs; a run never spans two sections."""
    return [(si, first, last) for si, rows in groupby(positions, key=lambda p: p[0])
            for first, last in consecutive_runs([row for _si, row in rows])]


def run_length(placements: list[Placement], first: int, ids: list[str], k: int) -> int:
    """How many of ``ids[k:]`` already stand, in that order, at ``placements[first:]`` (at least 1: ``ids[k]``
    is ``placements[first]``), i.e. how many rows can move as one block."""
    n = 1
    while k + n < len(ids) and first + n < len(placements) and placements[first + n].id == ids[k + n]:
        n += 1
    return n

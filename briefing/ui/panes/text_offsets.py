"""Exact mapping between Source offsets (Python characters) and QTextDocument positions (UTF-16 units).

Provenance depends on it: a fact made from a selection must be exactly ``source.text[start:end]``. Qt counts a
character outside the Basic Multilingual Plane as two positions and folds "\\r\\n" into one paragraph
separator; every other character (including "\\n", U+2028 and U+2029) is one position in both worlds. The map
keeps only the places where the two counts drift apart, so it costs nothing for plain text and stays small
for a megabyte of emoji-free news copy.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_DRIFT = re.compile("[\U00010000-\U0010ffff]|\r\n")


class OffsetMap:
    """Converts between offsets into ``text`` and positions in a QTextDocument built by ``setPlainText(text)``.

    An offset or position inside a pair (between "\\r" and "\\n", or between two surrogates, where a text
    cursor never stops) rounds back to the start of the pair.
    """

    def __init__(self, text: str) -> None:
        # One entry per drifting pair, in text order: where it starts and ends in both worlds.
        self._py_start: list[int] = []
        self._py_end: list[int] = []
        self._qt_start: list[int] = []
        self._qt_end: list[int] = []
        shift = 0  # qt position - python offset, after the pairs seen so far
        for match in _DRIFT.finditer(text):
            py_width, qt_width = (2, 1) if match.group() == "\r\n" else (1, 2)
            start = match.start()
            self._py_start.append(start)
            self._py_end.append(start + py_width)
            self._qt_start.append(start + shift)
            shift += qt_width - py_width
            self._qt_end.append(start + py_width + shift)
        self.length = len(text)
        self.qt_length = len(text) + shift

    def to_qt(self, offset: int) -> int:
        """The document position of a Source offset."""
        return self._convert(offset, self._py_start, self._py_end, self._qt_start, self._qt_end)

    def to_py(self, position: int) -> int:
        """The Source offset of a document position (clamped to the text)."""
        offset = self._convert(position, self._qt_start, self._qt_end, self._py_start, self._py_end)
        return max(0, min(offset, self.length))

    @staticmethod
    def _convert(value: int, starts: list[int], ends: list[int], to_starts: list[int], to_ends: list[int]) -> int:
        k = bisect_right(starts, value) - 1  # the last pair starting at or before value
        if k < 0:
            return value
        if value < ends[k]:  # at the start of, or inside, pair k
            return to_starts[k]
        return to_ends[k] + (value - ends[k])

"""Sentence boundaries: blingfire per line, quotations kept whole, over-long runs cut at whitespace.

blingfire alone scores 18/20 on ``tests/fixtures/sentence-edge-cases.yaml``. Two fixes make it 20/20:
running it per line (a line break always ends a sentence, so "Steel output rose\\nImports fell" is two),
and merging a sentence that ends inside an open quotation with the next one ("He said: “The mill will
reopen. We are confident.”" is one sentence). Titles and initials are set right by ``honorifics`` ("Dr.
J. R. Smith" stays whole; "He left. Dr. Smith arrived." is two). Only blingfire's sentence *starts* are used, so every
character of a line belongs to exactly one span (nothing is dropped) and spans never overlap. A sentence
longer than ``MAX_SENTENCE`` characters (a 100,000-character line with no punctuation) is cut at the last
whitespace before the cap, so no fact is unreadably long and nothing downstream goes quadratic.
"""

from __future__ import annotations

import re

from briefing.extract.blingfire_native import (
    text_to_sentences,
    text_to_sentences_and_offsets,
)
from briefing.extract.honorifics import fix_bounds

MAX_SENTENCE = 1500
MIN_CUT = 1000  # a cut at whitespace is looked for between MIN_CUT and MAX_SENTENCE characters
MAX_QUOTE_MERGE = 6  # sentences a quotation may span before it is taken to be an unclosed quote mark

_LINE = re.compile(r"[^\n]+")
_FALLBACK = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``, in order, stripped of surrounding whitespace."""
    return sentence_spans(text, 0, len(text))


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text`` (no slice of the region is made)."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        s = line.group()
        if not s.isspace():
            spans.extend(_line_spans(s, line.start()))
    return spans


def _starts(line: str) -> list[int]:
    """Sentence starts in a line, with 0 and len(line) as sentinels.

    ``text_to_sentences`` keeps each sentence's characters and only turns the whitespace between sentences
    into newlines, so each start is found with ``str.find``; blingfire's own ``..._and_offsets`` maps byte
    offsets in a Python loop per byte, which is the slowest step of an extraction.
    """
    try:
        starts = []
        pos = 0
        for part in text_to_sentences(line).split("\n"):
            if not part:
                continue
            at = line.find(part, pos)
            if at < 0:
                return _starts_from_offsets(line)
            if at > 0:
                starts.append(at)
            pos = at + len(part)
    except Exception:  # blingfire is native code; never let one odd line stop an extraction
        starts = [m.end() for m in _FALLBACK.finditer(line)]
    return [0, *starts, len(line)]


def _starts_from_offsets(line: str) -> list[int]:
    try:
        _, offsets = text_to_sentences_and_offsets(line)
        starts = sorted({s for s, _ in offsets if 0 < s < len(line)})
    except Exception:
        starts = [m.end() for m in _FALLBACK.finditer(line)]
    return [0, *starts, len(line)]


def _quote_balance(line: str, a: int, b: int) -> tuple[int, bool]:
    return line.count("\u201c", a, b) - line.count("\u201d", a, b), line.count('"', a, b) % 2 == 1


def _merge_quotes(line: str, bounds: list[int]) -> list[int]:
    """Drop the boundaries that fall inside an open quotation."""
    kept = [bounds[0]]
    i = 0
    while i < len(bounds) - 1:
        j = i + 1
        curly, straight = _quote_balance(line, bounds[i], bounds[j])
        while (curly > 0 or straight) and j < len(bounds) - 1 and j - i < MAX_QUOTE_MERGE and \
                bounds[j + 1] - bounds[i] <= MAX_SENTENCE:
            more_curly, more_straight = _quote_balance(line, bounds[j], bounds[j + 1])
            if curly <= 0 and straight and not more_straight:
                break  # an odd straight quote only joins a sentence that closes it
            curly, straight = curly + more_curly, straight != more_straight
            j += 1
        kept.append(bounds[j])
        i = j
    return kept


def _cap(line: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    while b - a > MAX_SENTENCE:
        window = line[a + MIN_CUT:a + MAX_SENTENCE]
        space = _LAST_SPACE.search(window)
        cut = a + MIN_CUT + space.start() if space else a + MAX_SENTENCE
        out.append((a, cut))
        a = cut
        while a < b and line[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return [(s, _rstrip(line, s, e)) for s, e in out]


def _rstrip(line: str, a: int, b: int) -> int:
    while b > a and line[b - 1].isspace():
        b -= 1
    return b


def _line_spans(line: str, base: int) -> list[tuple[int, int]]:
    bounds = _merge_quotes(line, fix_bounds(line, _starts(line)))
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        while a < b and line[a].isspace():
            a += 1
        b = _rstrip(line, a, b)
        if b > a:
            spans.extend((base + s, base + e) for s, e in _cap(line, a, b))
    return spans

"""Spans of source text chosen by the analyst: trimmed the same way wherever a selection becomes a fact."""

from __future__ import annotations


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without surrounding whitespace, or None when nothing but whitespace is left."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None

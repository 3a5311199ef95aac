"""A short title for an article that has no headline line, made from its first sentence."""

from __future__ import annotations

MAX_TITLE = 80
_DANGLING = frozenset("a an the of to in on at for from by with and or but as its their his her".split())


def derive_title(sentence: str) -> str:
    """The first sentence if short, else its first words up to ~80 characters ending on a content word, with …."""
    sentence = " ".join(sentence.split()).rstrip(" .")
    if len(sentence) <= MAX_TITLE:
        return sentence
    words = sentence[:MAX_TITLE + 1].split(" ")[:-1] or [sentence[:MAX_TITLE]]
    while len(words) > 3 and (words[-1].lower().strip(",;:") in _DANGLING or words[-1].endswith((",", ";", ":"))):
        words.pop()
    return " ".join(words).rstrip(",;:") + "\u2026"

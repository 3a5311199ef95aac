"""How a quote reads in a brief: in quotation marks with its speaker, unless the words already say so."""

from __future__ import annotations

import re

_OPENING_MARKS = "\u201c\"\u2018\u00ab\u201e\u300c"


def carries_quotation_marks(text: str) -> bool:
    """True when the wording already opens with a quotation mark or holds a curly-quoted passage."""
    stripped = text.lstrip()
    return stripped[:1] in _OPENING_MARKS or ("\u201c" in stripped and "\u201d" in stripped)


def _names_speaker(text: str, speaker: str) -> bool:
    """True when the wording already names the speaker (their last name, as a whole word)."""
    name = speaker.split(",")[0].split()
    if not name:
        return True
    return re.search(rf"(?<!\w){re.escape(name[-1])}(?!\w)", text, re.IGNORECASE) is not None


def quote_wording(text: str, speaker: str) -> str:
    """The displayed wording of a quote: “text” — Speaker.

    Wording that already carries quotation marks is kept as written (the analyst or the article put them
    there); the speaker is added after it only when the wording does not already name them.
    """
    words = text.strip()
    speaker = speaker.strip()
    if not words:
        return words
    if not carries_quotation_marks(words):
        words = f"\u201c{words}\u201d"
    elif not speaker or _names_speaker(words, speaker):
        return words
    return f"{words} \u2014 {speaker}" if speaker else words

"""Text Word can store: XML-forbidden characters removed, line endings unified, so no export ever crashes."""

from __future__ import annotations

import re

# XML 1.0 allows TAB, LF, CR and these ranges; everything else (C0 controls, lone surrogates, U+FFFE/U+FFFF)
# makes Word refuse the file, so it is dropped rather than escaped.
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """``text`` without the characters Word forbids, with CRLF and lone CR turned into LF."""
    if text.isascii() and text.isprintable():  # the common case, checked at C speed
        return text
    return _FORBIDDEN.sub("", _NEWLINES.sub("\n", text))


def clean_line(text: str) -> str:
    """Cleaned, with runs of whitespace (line breaks included) folded to one space and the ends trimmed.

    For one-line fields (title, metadata values, headings, citations) where a stray line break would
    only break the layout.
    """
    return " ".join(clean_text(text).split())

"""Text normalisation done once on import, so every offset is computed on the same characters."""

from __future__ import annotations

import re
import unicodedata

# Line and paragraph separators that are not "\n": they become "\n" so paragraphs stay paragraphs.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0/C1 controls except \t and \n, DEL, lone surrogates and stray byte-order marks: never part of an article.
_STRAY = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """BOM dropped, CRLF and lone CR (and other line separators) to LF, Unicode NFC, stray controls removed.

    Tabs and newlines are kept; nothing else is changed (no whitespace collapsing), so the analyst sees the
    article as written. Idempotent: ``normalise_text(normalise_text(t)) == normalise_text(t)``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _STRAY.sub("", _LINE_BREAKS.sub("\n", text))
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text

"""Reading article files of every supported format into one plain-text shape, with clear refusals.

``read_article`` checks the path (missing, folder, empty, unreadable, too large), picks a reader by
extension and by content (a ``.txt`` that is really a PDF or a web page is read as one), and returns a
``RawArticle``. Every failure a person can cause is an ``InputError`` with one line.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.errors import InputError
from briefing.extract.formats.raw import RawArticle
from briefing.storage.files import read_named_file

MAX_BYTES = 200 * 1024 * 1024  # far beyond any article; keeps a mistaken drop from exhausting memory
WORD_SUFFIXES = {".docx", ".dotx"}
MACRO_SUFFIXES = {".docm", ".dotm", ".xlsm", ".pptm"}
WEB_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".mhtml"}
__all__ = ["RawArticle", "read_article"]

REFUSED = {
    ".doc": "old Word .doc files are not supported; save it as .docx",
    ".odt": "OpenDocument files are not supported; save it as .docx",
    ".rtf": "RTF files are not supported; save it as .docx or plain text",
}


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in data[:8192].lower())


def read_article(path: str | os.PathLike[str]) -> RawArticle:
    """Read an article file of any supported format; ``InputError`` with one line for anything else."""
    p = Path(path)
    name = os.fspath(path)
    suffix = p.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise InputError(f"{name}: macro-enabled documents are not opened; save it as .docx")
    if suffix in REFUSED:
        raise InputError(f"{name}: {REFUSED[suffix]}")
    data = read_named_file(p, what="an article file", limit=MAX_BYTES, error=InputError)
    if suffix in WORD_SUFFIXES:
        from briefing.extract.formats.word import read_docx

        return read_docx(p, data, name)
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        from briefing.extract.formats.pdf import read_pdf

        return read_pdf(data, name)
    if data.startswith(b"PK\x03\x04"):
        raise InputError(f"{name} is a zip archive, not an article (a Word file needs the .docx extension)")
    if suffix in WEB_SUFFIXES or _looks_like_html(data):
        from briefing.extract.formats.web import read_html

        return read_html(data, name)
    from briefing.extract.formats.plain import read_plain

    return read_plain(data, name)

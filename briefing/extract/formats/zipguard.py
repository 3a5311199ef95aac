"""Checks a .docx's zip container before python-docx opens it: not a zip, a zip bomb, or macro-enabled.

The checks read only the central directory (declared sizes), so a bomb is refused in milliseconds. Declared
sizes are trustworthy enough here: ``zipfile`` stops decompressing a member at its declared size and then
fails the CRC check, so a member that lies about its size cannot expand past it.
"""

from __future__ import annotations

import io
import zipfile

from briefing.core.errors import InputError

MAX_UNCOMPRESSED = 100 * 1024 * 1024  # a news article with photos is a few MB
MAX_MEMBERS = 2000
MAX_RATIO = 100  # XML compresses ~10:1; bombs compress 1000:1 and more
RATIO_FLOOR = 1024 * 1024  # tiny members may compress extremely well; only large ones are suspicious
MACRO_MARKERS = (b"macroEnabled", b"vbaProject")


def check_word_zip(data: bytes, name: str) -> None:
    """Raise ``InputError`` unless ``data`` is a plausible, macro-free Word zip package."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name} is not a Word document: a .docx is a zip package and this file is not one")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_sizes(members, name)
            names = {m.filename for m in members}
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise InputError(f"{name}: macro-enabled documents are not opened; save it as .docx")
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise InputError(f"{name} is a zip file but not a Word document")
            types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as err:
        raise InputError(f"{name} is a damaged Word document ({err})") from None
    if any(marker in types for marker in MACRO_MARKERS):
        raise InputError(f"{name}: macro-enabled documents are not opened; save it as .docx")


def _check_sizes(members: list[zipfile.ZipInfo], name: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise InputError(f"{name} is not a plausible Word document ({len(members)} parts); refused as a zip bomb")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"{name} would expand to {total // (1024 * 1024)} MB; refused as a zip bomb")
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise InputError(f"{name} has a part compressed {m.file_size // max(m.compress_size, 1)}:1; "
                             "refused as a zip bomb")

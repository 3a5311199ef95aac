"""Bytes to text for plain-text articles: the encoding is detected, recorded, and never guessed silently.

Order of evidence: a byte-order mark; strict UTF-8 (which almost never decodes text in another encoding);
UTF-16 without a mark (NUL in every other byte); then ``charset-normalizer``. Among legacy single-byte
encodings charset-normalizer often finds several equally clean readings of mostly-English text (cp852,
cp1250 and cp1252 all decode “smart quotes”); Briefing reads news in Western languages, so cp1252 wins a
tie. When no reading is clean the file is refused rather than shown as mojibake.
"""

from __future__ import annotations

import codecs

from briefing.core.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CHAOS = 0.15  # charset-normalizer's "mess" ratio above which a reading is not text
_TIE = 0.02  # how much messier than the best reading cp1252 may be and still win


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    # Imported here, not at the top: 25-50 ms of start-up that only a file in a legacy encoding needs.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _TIE):
        best = western
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(f"{name} is not text Briefing can read (binary, or an unknown text encoding)")
    encoding = best.encoding
    if encoding == "cp1252" and not any(0x80 <= b <= 0x9F for b in data):
        encoding = "latin-1"  # identical reading; the narrower name is the honest one
    return str(best), encoding


def decode_bytes(data: bytes, name: str = "the file") -> tuple[str, str]:
    """Decode an article's bytes; returns ``(text, encoding)``. Raises ``InputError`` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise InputError(f"{name} starts with a {encoding} byte-order mark but is not "
                                 f"{encoding} text") from None
    if b"\x00" in data:  # no text encoding but UTF-16/32 has NUL bytes; those without a mark are rare
        encoding16 = _utf16_without_bom(data)
        if encoding16:
            try:
                return data.decode(encoding16), encoding16
            except UnicodeDecodeError:
                pass
        raise InputError(f"{name} is a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy(data, name)

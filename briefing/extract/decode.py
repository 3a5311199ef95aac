"""Bytes to text for plain-text articles: the encoding is detected, recorded, and never guessed silently.

Order of evidence: a byte-order mark; strict UTF-8 (which almost never decodes text in another encoding);
UTF-16 without a mark (NUL in every other byte); then cp1252 when its reading is plausibly Western text;
then ``charset-normalizer``. A short file is too little evidence for charset detection: it finds several
equally clean readings of one English line (cp775 reads "café … €5" as "cafķ … Ć5", cp437 reads curly
quotes as "ôyesö"), so Briefing, which reads news in Western languages, tries cp1252 first and keeps it
when every byte above 127 reads as a Western letter or mark in a place one can stand (no symbol inside a
word, no capital after a small letter, accented letters a minority). Anything else goes to detection,
where cp1252 still wins a near tie. When no reading is clean the file is refused rather than shown as
mojibake.
"""

from __future__ import annotations

import codecs
import re

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

# What a Western article holds above ASCII, as cp1252 bytes. Letters leave out Ð ð Þ þ Ý ý (Icelandic,
# and what Turkish cp1254 text turns into) and the letters of 0x80-0x9F (Š Ž Œ …, what Mac Roman and DOS
# accents turn into): a file with them goes to detection instead.
_LOWER = "ßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿ".encode("cp1252")
_UPPER = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜ".encode("cp1252")
_MARKS = "\u00a0¡¢£¥§©«®°±²³´µ¶·¹º»¼½¾¿×÷ª€‚„…†‡‰‹›‘’“”•–—™".encode("cp1252")
_IN_WORD = "’·".encode("cp1252")  # marks that may stand between two letters ("café’s", "l·l")
_OPENING = "‚„".encode("cp1252")  # low quotes open a quotation, never follow a letter
_ASCII = bytes(range(128))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r\f") + b"\x7f"
_WESTERN_BYTES = frozenset(_LOWER + _UPPER + _MARKS)
_LETTER = b"A-Za-z" + re.escape(_LOWER + _UPPER)
_MARK_IN_WORD = re.compile(b"[" + _LETTER + b"][" + re.escape(bytes(set(_MARKS) - set(_IN_WORD))) + b"][" +
                           _LETTER + b"]|[" + _LETTER + b"][" + re.escape(_OPENING) + b"]")
_CAPITAL_AFTER_SMALL = re.compile(b"[a-z" + re.escape(_LOWER) + b"][" + re.escape(_UPPER) + b"]")
MAX_ACCENTED = 0.25  # share of a Western text's letters that may be accented (French ~4%, Cyrillic ~95%)


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


def _plausibly_western(data: bytes) -> bool:
    """Whether ``data`` reads in cp1252 as Western text; see the module docstring."""
    high = data.translate(None, _ASCII)
    if not high or not _WESTERN_BYTES.issuperset(high) or len(data.translate(None, _CONTROLS)) < len(data):
        return False
    accented = len(high) - len(high.translate(None, _LOWER + _UPPER))
    letters = accented + len(data) - len(data.translate(None, _ASCII_LETTERS))
    if accented > MAX_ACCENTED * letters:
        return False
    return _MARK_IN_WORD.search(data) is None and _CAPITAL_AFTER_SMALL.search(data) is None


def _western_name(data: bytes) -> str:
    # cp1252 and latin-1 read bytes outside 0x80-0x9F alike; the narrower name is the honest one
    return "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin-1"


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    if _plausibly_western(data):
        return data.decode("cp1252"), _western_name(data)
    # Imported here, not at the top: 25-50 ms of start-up that only a file in a legacy encoding needs.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _TIE):
        best = western
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(f"{name} is not text Briefing can read (binary, or an unknown text encoding)")
    encoding = _western_name(data) if best.encoding == "cp1252" else best.encoding
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

"""Bytes to text for plain-text articles: the encoding is detected, recorded, and never guessed silently.

Order of evidence: a byte-order mark; strict UTF-8 (which almost never decodes text in another encoding);
UTF-16 without a mark (NUL in every other byte); then ``chardet``'s ranking of the single-byte code pages
in use on the web (Windows and ISO; its letter-pair models tell Polish cp1250 from Turkish cp1254 from
Lithuanian cp1257 in a line of text), weighed against Briefing's own prior for Western text. A short file is
too little evidence for detection alone: it finds other clean readings of one English line (Hungarian for
"Núñez", Polish "żHabrá" for "¿Habrá", Cyrillic for "Ça coûte"), so when every byte above 127 reads in
cp1252 as a Western letter or mark in a place one can stand (no symbol inside a word, no capital after a
small letter, accented letters a minority), cp1252 is kept unless a Central European, Turkish or Baltic
reading is clearly likelier (``RIVAL_MARGIN``) and just as clean. When the chosen reading is still a mess
(charset-normalizer's measure), the file is refused rather than shown as mojibake.
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
# How much likelier (chardet's confidence) a Central European, Turkish or Baltic reading must be than the
# Western one to replace a plausibly Western cp1252 reading. From 25 characters on, such text scored at
# least 1.29x and Western lines that look Central European ("Núñez" read as Hungarian) at most 1.14x.
RIVAL_MARGIN = 1.2
_WESTERN_PAGES = frozenset({"cp1252", "iso8859-1", "iso8859-15"})
_LATIN_RIVALS = frozenset({"cp1250", "iso8859-2", "cp1254", "iso8859-9", "cp1257", "iso8859-13"})
# Windows and ISO pages that read every byte outside 0x80-0x9F alike (codec names, and the name we show)
_SAME_BUT_0X80 = (("cp1252", "iso8859-1", "latin-1"), ("cp1254", "iso8859-9", "iso8859-9"))
_HIGH = re.compile(r"[^\x00-\x7f]")
_ASCII_WORD = re.compile(rb"[a-z]+")
# English function words that are not words of the Central European, Turkish or Baltic languages ("to",
# "on", "a" are Czech or Polish words and are left out).
_ENGLISH_WORDS = frozenset(
    b"the and of said was were with for that in is has have by at from he she it will this who after their "
    b"are been not".split())
ENGLISH_SHARE = 0.1  # of the words, for a text to read as English (English runs at 25-35%)
_STANDS_IN_WORD = "’·"

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
    return _honest_name(data, "cp1252")


def _ranked(data: bytes) -> list[tuple[str, float]]:
    """(Python codec name, confidence) for the web's single-byte code pages, likeliest first."""
    # Imported here, not at the top: a noticeable part of start-up that only a file in a legacy encoding needs.
    from chardet import detect_all
    from chardet.enums import EncodingEra

    found = detect_all(data, ignore_threshold=True, compat_names=False,
                       encoding_era=EncodingEra.MODERN_WEB | EncodingEra.LEGACY_ISO)
    return [(r["encoding"], r["confidence"]) for r in found if r["encoding"]]


def _clean(text: str) -> bool:
    """No capital beside a small letter and no symbol between two letters where a character above ASCII
    is involved: what a wrong code page leaves ("żHabrá", "przemys³u"), never what a writer does."""
    for m in _HIGH.finditer(text):
        i, char = m.start(), m.group()
        before, after = text[i - 1:i] or " ", text[i + 1:i + 2] or " "
        if char.isalpha():
            if (char.isupper() and before.islower()) or (char.islower() and after.isupper()):
                return False
        elif before.isalpha() and after.isalpha() and char not in _STANDS_IN_WORD:
            return False
    return True


def _rival(data: bytes, ranked: list[tuple[str, float]]) -> tuple[str, str] | None:
    """A Central European, Turkish or Baltic reading clearly likelier than the Western one, if any."""
    western = max((c for e, c in ranked if e in _WESTERN_PAGES), default=0.0)
    for encoding, confidence in ranked:
        if encoding in _WESTERN_PAGES or confidence < RIVAL_MARGIN * western:
            return None
        if encoding in _LATIN_RIVALS:
            reading = _read_as(data, encoding)
            return reading if reading and _clean(reading[0]) else None
    return None


def _honest_name(data: bytes, encoding: str) -> str:
    """The narrower of two code pages that read ``data`` alike: the ISO page when no byte is in 0x80-0x9F
    (where the Windows page has its extra marks), else the Windows page."""
    canonical = codecs.lookup(encoding).name
    for windows, iso, iso_name in _SAME_BUT_0X80:
        if canonical in (windows, iso):
            return windows if any(0x80 <= b <= 0x9F for b in data) else iso_name
    return encoding


def _read_as(data: bytes, encoding: str) -> tuple[str, str] | None:
    encoding = _honest_name(data, encoding)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined that latin-1 reads as controls
        return None


def _reads_as_english(data: bytes) -> bool:
    """Whether the ASCII words are English ("the", "said", "in" ...): then accented letters are names and
    loanwords ("Núñez", "résumé"), which a letter-pair model may still read as Polish or Hungarian."""
    words = _ASCII_WORD.findall(data.lower())
    hits = [w for w in words if w in _ENGLISH_WORDS]
    return len(set(hits)) >= 2 and len(hits) >= ENGLISH_SHARE * len(words)


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    if _plausibly_western(data):
        if _reads_as_english(data):  # the common legacy file: no detector to import
            return data.decode("cp1252"), _western_name(data)
        return _rival(data, _ranked(data)) or (data.decode("cp1252"), _western_name(data))
    from charset_normalizer.md import mess_ratio

    for encoding, _ in _ranked(data):
        reading = _read_as(data, encoding)
        if reading and mess_ratio(reading[0], _MAX_CHAOS) <= _MAX_CHAOS:
            return reading
    raise InputError(f"{name} is not text Briefing can read (binary, or an unknown text encoding)")


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

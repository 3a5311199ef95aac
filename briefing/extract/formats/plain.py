"""Plain-text articles (.txt and any other text file): decoding is the whole job."""

from __future__ import annotations

from briefing.extract.decode import decode_bytes
from briefing.extract.formats.raw import RawArticle


def read_plain(data: bytes, name: str) -> RawArticle:
    text, encoding = decode_bytes(data, name)
    return RawArticle(text=text, kind="text", encoding=encoding)

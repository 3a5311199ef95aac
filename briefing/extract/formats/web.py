"""Saved web pages through trafilatura: the article's main text and metadata, never the page furniture.

trafilatura drops navigation, scripts, styles, share bars and (with ``include_comments=False``) reader
comments. Its paragraphs come one per line; they are separated by blank lines here like a .txt article.
"""

from __future__ import annotations

import re

from briefing.core.errors import InputError
from briefing.extract.decode import decode_bytes
from briefing.extract.formats.raw import RawArticle

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    return decode_bytes(data, name)


def read_html(data: bytes, name: str) -> RawArticle:
    """Read a saved web page; ``InputError`` when no article text can be found in it."""
    import trafilatura

    html, encoding = _decode_html(data, name)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False)
    except (ValueError, TypeError, AttributeError) as err:
        raise InputError(f"{name} is not a readable web page ({type(err).__name__})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(f"no article text found in the web page {name}")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    return RawArticle(
        text="\n\n".join(paragraphs), kind="html", encoding=encoding,
        title=(doc.title or "").strip(), publisher=(doc.sitename or "").strip(),
        published=(doc.date or "").strip(), url=(doc.url or "").strip(), byline=(doc.author or "").strip(),
    )

"""The common shape every format reader returns: text plus the furniture the format itself carries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawArticle:
    """An article's text as its format gives it, plus the furniture the format itself carries."""

    text: str
    kind: str  # text | html | docx | pdf
    encoding: str = ""
    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""
    byline: str = ""

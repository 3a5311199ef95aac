"""Articles from web addresses: fetched with a timeout and a size limit, read with trafilatura like a saved page.

Every way a fetch can fail (no such host, refused, timed out, an error status, too large, not a web page,
no article text in it) is one ``InputError`` line naming the address; nothing is kept from a failed fetch.
The source keeps its address (``Source.path``) so the brief cites it.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.core.errors import InputError

if TYPE_CHECKING:
    from briefing.core.extraction import Extraction

TIMEOUT_S = 20.0
MAX_BYTES = 10 * 1024 * 1024  # a news page with inline scripts is rarely 2 MB
WEB_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_CHUNK = 64 * 1024


def is_url(location: str) -> bool:
    """Whether ``location`` names a web address (http or https) rather than a file."""
    return location.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Page:
    """What a fetch brought back: the bytes, their media type, and the address after redirects."""

    data: bytes
    media_type: str
    url: str


def fetch(url: str, *, timeout: float = TIMEOUT_S, limit: int = MAX_BYTES) -> Page:
    """The body of ``url`` (at most ``limit`` bytes, each network wait at most ``timeout`` seconds)."""
    if not is_url(url):
        raise InputError(f"{url}: only http and https addresses can be opened")
    request = urllib.request.Request(url, headers={"User-Agent": f"Briefing/{__version__}",
                                                   "Accept": "text/html,application/xhtml+xml,text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) checked above
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise InputError(f"{url} is too large for an article ({int(length) // 1024} KB)")
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise InputError(f"{url} is too large for an article (over {limit // 1024} KB)")
                chunks.append(chunk)
            media_type = response.headers.get_content_type()
            final = response.geturl() or url
    except urllib.error.HTTPError as err:
        err.close()  # it holds the connection (the error page's body)
        raise InputError(f"{url} could not be fetched: the server answered {err.code} {err.reason}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{url} could not be fetched: no answer within {timeout:g} seconds") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{url} could not be fetched: no answer within {timeout:g} seconds") from None
        raise InputError(f"{url} could not be fetched: {reason}") from None
    except (OSError, ValueError) as err:  # a connection reset mid-body, an address urllib cannot parse
        raise InputError(f"{url} could not be fetched: {err}") from None
    return Page(b"".join(chunks), media_type, final)


def extract_url(url: str, *, timeout: float = TIMEOUT_S, limit: int = MAX_BYTES,
                use_model: bool = False) -> Extraction:
    """Fetch ``url`` and extract its article; ``InputError`` (one line) when it is not one.

    The source's ``path`` is the address given (what the brief cites), its kind "html" or "text"."""
    from briefing.extract.formats.plain import read_plain
    from briefing.extract.formats.web import read_html
    from briefing.extract.pipeline import extract_text

    page = fetch(url, timeout=timeout, limit=limit)
    if page.media_type in WEB_TYPES:
        raw = read_html(page.data, url)
    elif page.media_type in TEXT_TYPES:
        raw = read_plain(page.data, url)
    else:
        raise InputError(f"{url} is not a web page or text ({page.media_type})")
    extraction = extract_text(raw.text, path=url, kind=raw.kind, title=raw.title, publisher=raw.publisher,
                              published=raw.published, use_model=use_model)
    if not any(len(f.text.split()) >= 3 for f in extraction.facts):
        raise InputError(f"{url} does not look like an article (no sentences of words found)")
    return extraction

"""PDF articles through pypdf's text layer, with hard-wrapped lines rejoined into paragraphs.

PDF text comes as printed lines. The segmenter treats a line break as a boundary, so lines are rejoined
here: a line continues the paragraph unless the previous line was clearly short and ended a sentence, or a
blank line intervenes; ``invest-`` + ``ment`` are de-hyphenated when the next line starts in lower case.
"""

from __future__ import annotations

import io
import re
import warnings

from briefing.core.errors import InputError
from briefing.extract.formats.raw import RawArticle

MAX_PAGES = 500
_END = re.compile(r"[.!?:\"”’)]$")
_JUNK_TITLE = re.compile(r"^(?:microsoft (?:word|powerpoint)|untitled|document\d*|\S+\.(?:docx?|pdf|indd))",
                         re.IGNORECASE)


def reflow(page_text: str) -> str:
    """Rejoin a page's printed lines into paragraphs separated by blank lines."""
    lines = [ln.strip() for ln in page_text.split("\n")]
    lengths = sorted(len(ln) for ln in lines if ln)
    if not lengths:
        return ""
    typical = lengths[int(len(lengths) * 0.8)]
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = previous = ""
            continue
        if not current:
            current = line
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() and line[:1].islower():
            current = current[:-1] + line
        elif _END.search(previous) and len(previous) < 0.8 * typical:
            paragraphs.append(current)
            current = line
        else:
            current += " " + line
        previous = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def read_pdf(data: bytes, name: str) -> RawArticle:
    """Read a PDF's text layer; refuses encrypted PDFs and PDFs without text (scans)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadWarning, PyPdfError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PdfReadWarning)  # malformed-but-readable PDFs are common
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(f"{name} is a password-protected PDF")
            if len(reader.pages) > MAX_PAGES:
                raise InputError(f"{name} has {len(reader.pages)} pages; an article has at most {MAX_PAGES}")
            pages = [reflow(page.extract_text() or "") for page in reader.pages]
            meta = reader.metadata
            title = str(meta.title or "").strip() if meta else ""
            author = str(meta.author or "").strip() if meta else ""
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as err:
        raise InputError(f"{name} is a damaged PDF ({type(err).__name__})") from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise InputError(f"{name} has no text layer (a scanned PDF?); Briefing reads text, not images")
    if _JUNK_TITLE.match(title):
        title = ""
    return RawArticle(text=text, kind="pdf", encoding="", title=title, byline=author)

"""Word (.docx) articles through python-docx: paragraphs and tables in reading order, title and author."""

from __future__ import annotations

import io
from pathlib import Path

from briefing.core.errors import InputError
from briefing.extract.formats.raw import RawArticle
from briefing.extract.formats.zipguard import check_word_zip


def _blocks(document: object) -> list[str]:
    from docx.table import Table

    out: list[str] = []
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                if cells:
                    out.append(" | ".join(cells))
        else:
            out.append(block.text.strip())
    return [b for b in out if b]


def read_docx(path: Path, data: bytes, name: str) -> RawArticle:
    """Read a .docx; the zip is checked first (not a zip, zip bomb, macros) so python-docx never sees those."""
    check_word_zip(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
        props = document.core_properties
        title, author = (props.title or "").strip(), (props.author or "").strip()
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError) as err:
        raise InputError(f"{name} is a damaged Word document ({type(err).__name__})") from None
    except Exception as err:  # lxml's XMLSyntaxError and friends: a corrupt part
        if type(err).__module__.startswith(("lxml", "zipfile", "docx")):
            raise InputError(f"{name} is a damaged Word document ({type(err).__name__})") from None
        raise
    return RawArticle(text="\n\n".join(blocks), kind="docx", encoding="utf-8", title=title, byline=author)

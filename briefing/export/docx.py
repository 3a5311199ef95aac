"""Export a Brief as a Word document: house style from a reference .docx, every fact cited, written atomically."""

from __future__ import annotations

import io
import stat
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import ExportError
from briefing.export.accessibility import declare_language, describe_images
from briefing.export.citations import FOOTNOTES, citation_options
from briefing.export.docx_body import BodyWriter
from briefing.export.docx_pages import write_page_furniture
from briefing.export.footnotes import drop_footnotes
from briefing.export.layout import BriefLayout, brief_layout
from briefing.export.reference import open_reference
from briefing.storage.atomic import atomic_write_bytes

if TYPE_CHECKING:
    import os

    from docx.document import Document

    from briefing.core.brief import Brief
    from briefing.core.template import Template

_CORE_PROPERTY_LIMIT = 255  # python-docx (and the OPC schema) refuse longer core property values


def _fit(text: str) -> str:
    return text if len(text) <= _CORE_PROPERTY_LIMIT else text[:_CORE_PROPERTY_LIMIT - 1] + "\u2026"


def _set_properties(document: Document, layout: BriefLayout) -> None:
    props = document.core_properties
    props.title = _fit(layout.title)
    props.author = props.last_modified_by = _fit(layout.author)
    props.subject = _fit(layout.subject)
    props.keywords = _fit("; ".join(layout.keywords))
    props.category = _fit(layout.classification)
    count = len(layout.sources)
    where = "in a footnote" if layout.citations.style == FOOTNOTES else \
        "(see Sources)" if layout.listed_sources else "in the text"
    props.comments = _fit(f"Composed with Briefing from {count} source{'s' if count != 1 else ''}; "
                          f"every fact cites its source {where}.")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props.created = props.modified = now
    props.revision = 1


def build_document(brief: Brief, template: Template | None = None, citations: str | None = None) -> Document:
    """The brief as an in-memory python-docx Document (for callers that want to add to it), citing in the
    ``citations`` style (``numbered``, ``footnotes``, ``author-date``), else the template's."""
    layout = brief_layout(brief, citation_options(template, citations))
    document = open_reference(template)
    drop_footnotes(document)
    BodyWriter(document, layout).write()
    write_page_furniture(document, layout.classification)
    _set_properties(document, layout)
    declare_language(document)
    describe_images(document)
    return document


def check_target(target: Path) -> None:
    """Refuse to replace a read-only file: the analyst (or their office) made it so on purpose."""
    if target.exists() and target.is_file() and not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP
                                                                            | stat.S_IWOTH):
        raise ExportError(f"{target} is read-only; choose another name or make it writable")


def export_docx(brief: Brief, path: str | os.PathLike[str], *, template: Template | None = None,
                citations: str | None = None) -> Path:
    """Write ``brief`` to ``path`` as .docx and return the path, citing in the ``citations`` style when given,
    else in the template's (``numbered`` without one); an unknown style is an ``ExportError``.

    An existing file is replaced only by a complete new one. A missing or read-only folder, a read-only
    or locked file, a full disk, or a missing/corrupt reference document raise ``ExportError`` (one line)
    and leave the old file as it was, with no temporary file behind.
    """
    target = Path(path)
    check_target(target)
    document = build_document(brief, template, citations)
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write_bytes(target, buffer.getvalue(), ExportError)
    return target

"""The house style an export starts from: a reference .docx whose styles and page set-up are kept, body dropped.

This follows pandoc's ``--reference-doc`` convention. ``templates/reference.docx`` is the default; a
template's ``reference_docx`` (relative to the template's YAML file) overrides it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from briefing.core.errors import ExportError
from briefing.storage.paths import TEMPLATES_DIR

if TYPE_CHECKING:
    from briefing.core.template import Template

DEFAULT_REFERENCE = TEMPLATES_DIR / "reference.docx"


def reference_path(template: Template | None) -> Path | None:
    """The reference document for ``template``: its own if it names one, else the default (None if absent)."""
    if template is not None and template.reference_docx.strip():
        base = Path(template.path).parent if template.path else Path.cwd()
        return (base / template.reference_docx.strip()).resolve()
    return DEFAULT_REFERENCE if DEFAULT_REFERENCE.is_file() else None


def _strip_content(document: Document) -> None:
    """Remove body content and any comments, keeping the final section properties (page set-up)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for rel in document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            comments = rel.target_part.element
            for comment in list(comments):
                comments.remove(comment)


def open_reference(template: Template | None = None) -> Document:
    """An empty Document with the house styles. Raises ``ExportError`` for a missing or unreadable file.

    When the bundled default is missing (a trimmed install), the same style is built in memory instead,
    so an export never fails for want of it.
    """
    path = reference_path(template)
    if path is None:
        from briefing.export.reference_style import build_reference

        document = build_reference()
    else:
        if not path.is_file():
            raise ExportError(f"the reference document {path} does not exist")
        try:
            document = docx.Document(str(path))
        except Exception:  # noqa: BLE001 - any failure to parse means the file is not a usable .docx
            raise ExportError(f"the reference document {path} is not a readable Word (.docx) file") from None
    _strip_content(document)
    return document

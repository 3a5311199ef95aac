"""Word comments written in bulk: the same XML as python-docx's ``add_comment``, at linear cost.

python-docx looks up the next free comment id by scanning every existing comment, which makes a brief
with a thousand reworded facts take seconds; here ids are counted once and each comment costs the same.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from briefing.export import wordml as ml

if TYPE_CHECKING:
    from docx.document import Document
    from lxml.etree import _Element

_COMMENT_TEXT_STYLE = "CommentText"
_REFERENCE_STYLE = "CommentReference"


def _reference_style(r: _Element) -> None:
    ml.sub(etree.SubElement(r, ml.W_RPR), "w:rStyle", val=_REFERENCE_STYLE)


class CommentWriter:
    """Adds comments anchored on runs of one document."""

    def __init__(self, document: Document) -> None:
        document.comments  # noqa: B018 - creates the comments part if the document has none
        self._comments = document.part.part_related_by(RT.COMMENTS).element
        used = [int(c.get(qn("w:id"))) for c in self._comments.iterchildren(qn("w:comment"))]
        self._next_id = max(used, default=-1) + 1
        self._date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def add(self, first: _Element, last: _Element, text: str, author: str, initials: str) -> int:
        """Comment ``text`` (a LF starts a new paragraph) on the runs ``first`` .. ``last``; returns its id."""
        cid = str(self._next_id)
        self._next_id += 1
        comment = ml.sub(self._comments, "w:comment", id=cid, author=author, initials=initials, date=self._date)
        for k, line in enumerate(text.split("\n")):
            p = ml.paragraph(comment, _COMMENT_TEXT_STYLE)
            if k == 0:
                r = etree.SubElement(p, ml.W_R)
                _reference_style(r)
                etree.SubElement(r, qn("w:annotationRef"))
            if line:
                ml.run(p, line)
        first.addprevious(ml.make("w:commentRangeStart", id=cid))
        reference = etree.Element(ml.W_R)
        _reference_style(reference)
        ml.sub(reference, "w:commentReference", id=cid)
        last.addnext(reference)
        last.addnext(ml.make("w:commentRangeEnd", id=cid))
        return int(cid)

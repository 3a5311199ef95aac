"""What a drop on the outline means, decided from its payload, and done as one undo step.

In order of preference: our placements with a Move (reorder or move across sections), fact ids (place
copies), a source-text selection (a custom fact, then placed), and plain text from another application
(a new "pasted" source, then its facts placed). ``plan`` validates without changing anything, so
``canDropMimeData`` and ``dropMimeData`` agree; ``perform`` never raises.

The one way moves are done: the drop handler moves (``MovePlacementsCommand``) and reports False, so
``QAbstractItemView`` does not follow a successful Move drop with ``removeRows`` on the dragged rows
(napari's list model does the same). ``removeRows`` is therefore always a genuine delete.
"""

from __future__ import annotations

import inspect
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QMimeData, Qt

from briefing.core import ids
from briefing.core.errors import BriefingError
from briefing.core.extraction import Extraction
from briefing.core.fact import CUSTOM_KIND, Fact
from briefing.core.source import Source
from briefing.core.spans import trim_span
from briefing.ui.models.commands import (
    AddFactCommand,
    AddSourceCommand,
    MovePlacementsCommand,
    PlaceFactsCommand,
)
from briefing.ui.models.mime import Span, fact_ids_in, placement_ids_in, span_in

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from briefing.core.brief import Brief

DROPPED_TITLE = "Dropped text"
MAX_DROPPED_CHARS = 2_000_000  # a drop bigger than a long report is a mistake, not an article


@dataclass(frozen=True)
class DropPlan:
    """A validated reading of a payload: ``kind`` is move | copy | span | text."""

    kind: str
    ids: tuple[str, ...] = ()
    span: Span | None = None
    text: str = ""


def plan(brief: Brief, mime: QMimeData | None, action: Qt.DropAction) -> DropPlan | None:
    """What dropping ``mime`` with ``action`` would do, or None if it would do nothing valid."""
    if mime is None or action not in (Qt.DropAction.CopyAction, Qt.DropAction.MoveAction):
        return None
    placement_ids = placement_ids_in(mime)
    if action == Qt.DropAction.MoveAction and placement_ids:
        placed = {p.id for s in brief.sections for p in s.placements}  # asked on every drag move: one pass
        if all(p in placed for p in placement_ids):
            return DropPlan("move", tuple(placement_ids))
    fact_ids = fact_ids_in(mime)
    if fact_ids and all(brief.has_fact(f) for f in fact_ids):
        return DropPlan("copy", tuple(fact_ids))
    span = span_in(mime)
    if span is not None and span_fact(brief, span) is not None:
        return DropPlan("span", span=span)
    if mime.hasText() and not (placement_ids or fact_ids or span):
        text = mime.text()
        if text.strip() and len(text) <= MAX_DROPPED_CHARS:
            return DropPlan("text", text=text)
    return None


def perform(brief: Brief, stack: QUndoStack, mime: QMimeData | None, action: Qt.DropAction,
            section_id: str, index: int | None, tell: Callable[[str], None] = lambda _message: None) -> bool:
    """Do the drop as one undo step. True for copies; False for moves (see the module docstring) and
    for anything invalid. A fact the section already holds is not placed again; ``tell`` says so."""
    todo = plan(brief, mime, action)
    if todo is None:
        return False
    try:
        title = brief.section(section_id).title or section_id
        if todo.kind == "move":
            if brief.would_repeat(todo.ids, section_id):
                tell(f"Not moved: {title} already holds that fact")
                return False
            stack.push(MovePlacementsCommand(brief, todo.ids, section_id, index))
            return False  # moved: a True would have the source view delete the dragged rows
        if todo.kind == "copy":
            new = brief.new_to_section(section_id, todo.ids)
            if len(new) < len(set(todo.ids)):
                tell(f"{title} already holds {len(set(todo.ids)) - len(new)} of those facts; placed the rest" if new
                     else f"Not placed: {title} already holds {'that fact' if len(todo.ids) == 1 else 'those facts'}")
            if not new:
                return False
            stack.push(PlaceFactsCommand(brief, new, section_id, index))
            return True
        if todo.kind == "span":
            fact = span_fact(brief, todo.span)
            assert fact is not None  # plan checked it
            stack.beginMacro(f"Add selection to {title}")
            try:
                stack.push(AddFactCommand(brief, fact))
                stack.push(PlaceFactsCommand(brief, [fact.id], section_id, index))
            finally:
                stack.endMacro()
            return True
        extraction = pasted_extraction(todo.text)
        stack.beginMacro(f"Add dropped text to {title}")
        try:
            stack.push(AddSourceCommand(brief, extraction))
            fact_ids = [f.id for f in brief.extractions[extraction.source.id].facts]
            stack.push(PlaceFactsCommand(brief, fact_ids, section_id, index))
        finally:
            stack.endMacro()
        return True
    except BriefingError:
        return False


# ----------------------------------------------------------------------------- a selection as a fact
def span_fact(brief: Brief, span: Span) -> Fact | None:
    """The analyst's selection as a custom fact (whitespace at either end trimmed), or None if empty or
    outside its source. Entities the extractor found inside the span come along."""
    ext = brief.extractions.get(span.source_id)
    if ext is None or span.end > len(ext.source.text):
        return None
    text = ext.source.text
    trimmed = trim_span(text, span.start, span.end)
    if trimmed is None:
        return None
    start, end = trimmed
    seen: dict[tuple[int, int], object] = {}
    for fact in ext.facts:
        if fact.end <= start or fact.start >= end:
            continue
        for mention in fact.entities:
            if start <= mention.start and mention.end <= end:
                seen.setdefault((mention.start, mention.end), mention)
    words = text[start:end]
    return Fact(id=ids.fact_id(span.source_id, start, end, words), source_id=span.source_id, start=start,
                end=end, text=words, kind=CUSTOM_KIND, custom=True, entities=list(seen.values()))


# ----------------------------------------------------------------------------- text from elsewhere
def normalise(text: str) -> str:
    """The same normalisation every import gets before offsets are taken: BOM, line ends, NFC."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def pasted_extraction(text: str) -> Extraction:
    """A "pasted" source for text dropped from another application, with at least one fact.

    Uses the extraction pipeline's ``extract_text`` when it is available; otherwise (or if it finds no
    fact) each paragraph becomes a fact of its own."""
    text = normalise(text)
    extraction = _pipeline_extraction(text)
    if extraction is None:
        extraction = Extraction(source=_pasted_source(text))
    if not extraction.source.title:
        extraction.source.title = DROPPED_TITLE
    extraction.source.kind = "pasted"
    if not extraction.facts:
        extraction.facts = _paragraph_facts(extraction.source)
    return extraction


def _pipeline_extraction(text: str) -> Extraction | None:
    try:
        from briefing.extract.pipeline import (
            extract_text,  # written alongside; optional here
        )
    except ImportError:
        return None
    try:
        accepted = inspect.signature(extract_text).parameters
        kwargs = {k: v for k, v in (("kind", "pasted"), ("title", DROPPED_TITLE)) if k in accepted}
        extraction = extract_text(text, **kwargs)
    except (BriefingError, TypeError, ValueError):
        return None
    return extraction if isinstance(extraction, Extraction) and extraction.source.text else None


def _pasted_source(text: str) -> Source:
    digest = ids.content_hash(text)
    return Source(id=ids.source_id(digest), text=text, content_hash=digest, title=DROPPED_TITLE, kind="pasted")


def _paragraph_facts(source: Source) -> list[Fact]:
    facts, pos, text = [], 0, source.text
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        pos = start + len(block)
        lead = len(block) - len(block.lstrip())
        body = block.strip()
        if body:
            s = start + lead
            facts.append(Fact(id=ids.fact_id(source.id, s, s + len(body), body), source_id=source.id, start=s,
                              end=s + len(body), text=body, kind=CUSTOM_KIND, custom=True))
    return facts

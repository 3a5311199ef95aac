"""Drag-and-drop payloads: ids as JSON under our own MIME types, plus the cited wording as plain text.

Drags carry ids, never objects, so the Brief decides what a drop means; ``text/plain`` rides along so a
fact dropped into Word or an editor pastes as its wording with a citation. Decoders validate and return
None for anything malformed; they never raise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QByteArray, QMimeData

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.fact import Fact
    from briefing.core.source import Source

MIME_FACT_IDS = "application/x-briefing-fact-ids"
MIME_PLACEMENT_IDS = "application/x-briefing-placement-ids"
MIME_SPAN = "application/x-briefing-span"
MIME_TEXT = "text/plain"

_MAX_PAYLOAD = 16 * 1024 * 1024  # a drop larger than this is not ours


@dataclass(frozen=True)
class Span:
    """A text selection in a source: ``source.text[start:end]``."""

    source_id: str
    start: int
    end: int


# ----------------------------------------------------------------------------- encoding
def encode_ids(ids: Iterable[str]) -> bytes:
    """Ids as a JSON list, in order (what ``decode_ids`` reads)."""
    return json.dumps(list(ids)).encode("utf-8")


def encode_span(span: Span) -> bytes:
    """A span as a JSON object (what ``decode_span`` reads)."""
    return json.dumps({"source_id": span.source_id, "start": span.start, "end": span.end}).encode("utf-8")


def _json(raw: bytes | QByteArray | None) -> object:
    if raw is None:
        return None
    data = bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw)
    if not data or len(data) > _MAX_PAYLOAD:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def decode_ids(raw: bytes | QByteArray | None) -> list[str] | None:
    """A non-empty JSON list of non-empty strings (in order, repeats kept); else None."""
    value = _json(raw)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        return None
    return list(value)


def decode_span(raw: bytes | QByteArray | None) -> Span | None:
    """``{"source_id": str, "start": int, "end": int}`` with 0 <= start < end; else None."""
    value = _json(raw)
    if not isinstance(value, dict):
        return None
    sid, start, end = value.get("source_id"), value.get("start"), value.get("end")
    if not isinstance(sid, str) or not sid:
        return None
    if type(start) is not int or type(end) is not int or not 0 <= start < end:
        return None
    return Span(sid, start, end)


def fact_ids_in(mime: QMimeData | None) -> list[str] | None:
    """The fact ids a payload carries, or None if it carries none or they are malformed."""
    return decode_ids(mime.data(MIME_FACT_IDS)) if mime is not None and mime.hasFormat(MIME_FACT_IDS) else None


def placement_ids_in(mime: QMimeData | None) -> list[str] | None:
    """The placement ids a payload carries (a drag from the outline), or None."""
    if mime is None or not mime.hasFormat(MIME_PLACEMENT_IDS):
        return None
    return decode_ids(mime.data(MIME_PLACEMENT_IDS))


def span_in(mime: QMimeData | None) -> Span | None:
    """The source span a payload carries (a selection from the article), or None."""
    return decode_span(mime.data(MIME_SPAN)) if mime is not None and mime.hasFormat(MIME_SPAN) else None


# ----------------------------------------------------------------------------- plain text with citations
def source_reference(source: Source) -> str:
    """The short reference after a wording: publisher, “title”, date (or the file name, or the id)."""
    parts = [p for p in (source.publisher, f"\u201c{source.title}\u201d" if source.title else "",
                         source.published) if p]
    if not parts and source.path:
        parts = [source.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]]
    return ", ".join(parts) or source.id


def cited_line(brief: Brief, fact: Fact, wording: str | None = None) -> str:
    """One line: ``Wording (Publisher, “Title”, date)``; quotes read ``“…” — Speaker (…)`` unless the
    wording already names the speaker. A claim other sources also report cites them all, its own first."""
    text = " ".join((wording or fact.text).split())
    cited = brief.cited_sources(fact.id) if brief.has_fact(fact.id) else [fact.source_id]
    refs = [source_reference(brief.extractions[sid].source) for sid in cited if sid in brief.extractions]
    ref = f" ({'; '.join(refs)})" if refs else ""
    if fact.kind == "quote" and fact.speaker and fact.speaker not in text:
        if not text.startswith(("\u201c", '"', "\u2018", "'")):
            text = f"\u201c{text}\u201d"
        return f"{text} \u2014 {fact.speaker}{ref}"
    return f"{text}{ref}"


# ----------------------------------------------------------------------------- payload builders
def facts_mime_data(brief: Brief, fact_ids: Iterable[str]) -> QMimeData:
    """The payload of a drag from the fact list: fact ids and their cited wording."""
    ids = [fid for fid in dict.fromkeys(fact_ids) if brief.has_fact(fid)]
    mime = QMimeData()
    mime.setData(MIME_FACT_IDS, QByteArray(encode_ids(ids)))
    mime.setText("\n".join(cited_line(brief, brief.fact(fid)) for fid in ids))
    return mime


def placements_mime_data(brief: Brief, placement_ids: Iterable[str]) -> QMimeData:
    """The payload of a drag from the outline: placement ids (to move), their fact ids (to copy), text."""
    where = {p.id: p for s in brief.sections for p in s.placements}  # one pass, not one search per id
    placements = [where[pid] if pid in where else brief.placement(pid) for pid in dict.fromkeys(placement_ids)]
    mime = QMimeData()
    mime.setData(MIME_PLACEMENT_IDS, QByteArray(encode_ids(p.id for p in placements)))
    mime.setData(MIME_FACT_IDS, QByteArray(encode_ids(p.fact_id for p in placements)))
    mime.setText("\n".join(cited_line(brief, brief.fact(p.fact_id), brief.wording(p)) for p in placements))
    return mime


def span_mime_data(source: Source, span: Span) -> QMimeData:
    """The payload of a selection dragged or copied from the source pane: the span, and exactly its text
    with no citation (a copy of the article's words pastes them as they stand)."""
    mime = QMimeData()
    mime.setData(MIME_SPAN, QByteArray(encode_span(span)))
    mime.setText(source.text[span.start:span.end])
    return mime

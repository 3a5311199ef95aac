"""The brief in reading order, cleaned and numbered once: the single plan Word, preview and text render.

Everything a reader sees is decided here (wording, quotation marks, citation numbers, metadata labels,
abbreviations, sources), so the three renderers cannot disagree. All strings are already free of the
characters Word forbids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.errors import ExportError
from briefing.export.abbreviations import used_abbreviations
from briefing.export.citations import numbered_sources, placement_sources, source_numbers
from briefing.export.clean import clean_line, clean_text
from briefing.export.quotes import quote_wording
from briefing.export.chronology import TIMELINE, conflict_comment, in_date_order

if TYPE_CHECKING:
    from briefing.core.brief import Brief, Placement, Section

ABBREVIATIONS_TITLE = "Abbreviations"
SOURCES_TITLE = "Sources"
DEFAULT_TITLE = "Brief"
DEFAULT_AUTHOR = "Briefing"

# Metadata shown in the block under the title, in this order; other keys follow in the brief's order.
_KNOWN_LABELS = {"to": "To", "from": "From", "cc": "Copy to", "date": "Date", "subject": "Subject",
                 "reference": "Reference", "classification": "Classification", "deadline": "Deadline"}
_NOT_IN_BLOCK = {"title"}
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_KEYWORD_TYPES = ("person", "organization", "place", "acronym")
_MAX_KEYWORDS = 30


@dataclass(frozen=True)
class Item:
    """One placed fact as the reader sees it. ``original`` is the source's words when reworded, else ""."""

    text: str
    citation: int
    original: str = ""
    note: str = ""
    placement_id: str = ""
    also: tuple[int, ...] = ()  # the other sources reporting the same claim
    conflict: str = ""  # where those sources disagree: every variant with its source
    date: str = ""  # in a timeline section: the date as the source wrote it

    @property
    def citations(self) -> tuple[int, ...]:
        """Every source number the item cites, ascending ("[1, 3]")."""
        return tuple(sorted({self.citation, *self.also}))


@dataclass(frozen=True)
class SectionBlock:
    """A section: heading, placed facts (shown per ``layout``), then the analyst's own paragraphs."""

    id: str
    title: str
    layout: str
    guidance: str
    items: tuple[Item, ...]
    paragraphs: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.items and not self.paragraphs


@dataclass(frozen=True)
class SourceEntry:
    """One line of the Sources list: the number the facts cite, and the citation text."""

    number: int
    citation: str
    url: str = ""  # set when the source came from the web, so renderers can link it


@dataclass(frozen=True)
class BriefLayout:
    """The whole brief, top to bottom."""

    title: str
    classification: str
    author: str
    subject: str
    metadata: tuple[tuple[str, str], ...]  # (label, value), only fields with a value
    sections: tuple[SectionBlock, ...]
    abbreviations: tuple[tuple[str, str], ...]
    sources: tuple[SourceEntry, ...]
    keywords: tuple[str, ...]


def citation_marker(number: int, *more: int) -> str:
    """The marker after a fact, ``[1]`` or ``[1, 3]``. A no-break space keeps it from starting a line on its own."""
    return "\u00a0[" + ", ".join(str(n) for n in sorted({number, *more})) + "]"


def metadata_label(key: str) -> str:
    """The label a header field shows: the house wording for known keys (``cc`` -> "Copy to"), else the key made
    readable."""
    return _KNOWN_LABELS.get(key.casefold()) or clean_line(key.replace("_", " ").replace("-", " ")).capitalize()


def _metadata_rows(metadata: dict[str, str]) -> tuple[tuple[str, str], ...]:
    known = [k for k in _KNOWN_LABELS if k in metadata]
    others = [k for k in metadata if k not in _KNOWN_LABELS and k.casefold() not in _NOT_IN_BLOCK]
    rows = []
    for key in known + others:
        value = clean_line(metadata.get(key) or "")
        if value:
            rows.append((metadata_label(key), value))
    return tuple(rows)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The analyst's free text as paragraphs: split on blank lines, each trimmed; single breaks kept."""
    return tuple(p for p in (part.strip() for part in _BLANK_LINE.split(clean_text(text))) if p)


def _item(brief: Brief, placement: Placement, numbers: dict[str, int]) -> Item:
    if not brief.has_fact(placement.fact_id):
        raise ExportError(f"the brief places a fact ({placement.fact_id}) it no longer holds; "
                          "remove that placement and export again")
    fact = brief.fact(placement.fact_id)
    if fact.source_id not in brief.extractions:
        raise ExportError(f"the source of a placed fact ({fact.source_id}) is missing from the brief")
    own_words = clean_text(fact.text).strip()
    rewording = clean_text(placement.text).strip()
    reworded = bool(rewording) and rewording != own_words
    words = rewording or own_words
    if fact.kind == "quote":
        words = quote_wording(words, clean_line(fact.speaker or fact.attributed_to))
    others = tuple(numbers[sid] for sid in placement_sources(brief, placement)[1:] if sid in numbers)
    return Item(text=words, citation=numbers[fact.source_id],
                original=own_words if reworded else "",
                note=clean_text(placement.note).strip(), placement_id=placement.id, also=others,
                conflict=conflict_comment(brief, fact.id, numbers))


def _keywords(brief: Brief, abbreviations: list[tuple[str, str]]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for section in brief.sections:
        for placement in section.placements:
            if not brief.has_fact(placement.fact_id):
                continue
            for mention in brief.fact(placement.fact_id).entities:
                if mention.type in _KEYWORD_TYPES:
                    name = clean_line(mention.text)
                    if name:
                        seen.setdefault(name.casefold(), name)
    for acronym, _ in abbreviations:
        seen.setdefault(acronym.casefold(), acronym)
    return tuple(list(seen.values())[:_MAX_KEYWORDS])


def _items(brief: Brief, section: Section, numbers: dict[str, int]) -> tuple[Item, ...]:
    items = tuple(_item(brief, p, numbers) for p in section.placements)
    return in_date_order(brief, section, items) if section.layout == TIMELINE else items


def brief_layout(brief: Brief) -> BriefLayout:
    """Lay out ``brief`` for reading. Raises ``ExportError`` if a placement points at a missing fact."""
    numbers = source_numbers(brief)
    meta = brief.metadata
    sections = tuple(
        SectionBlock(id=s.id, title=clean_line(s.title) or s.id, layout=s.layout,
                     guidance=clean_line(s.guidance),
                     items=_items(brief, s, numbers),
                     paragraphs=split_paragraphs(s.text))
        for s in brief.sections)
    title = clean_line(meta.get("title", "")) or clean_line(meta.get("subject", "")) or DEFAULT_TITLE
    rows = _metadata_rows(meta)
    sources = numbered_sources(brief)
    acronyms: dict[str, str] = {}
    for _, source in sources:  # the first source to cite an acronym explains it
        for acronym, expansion in brief.extractions[source.id].acronyms.items():
            acronyms.setdefault(clean_line(acronym), clean_line(expansion))
    texts = [title, *(v for _, v in rows)]
    for s in sections:
        texts.append(s.title)
        texts.extend(i.text for i in s.items)
        texts.extend(s.paragraphs)
    abbreviations = used_abbreviations(acronyms, texts)
    return BriefLayout(
        title=title,
        classification=clean_line(meta.get("classification", "")),
        author=clean_line(meta.get("from", "")) or DEFAULT_AUTHOR,
        subject=clean_line(meta.get("subject", "")),
        metadata=rows,
        sections=sections,
        abbreviations=tuple(abbreviations),
        sources=tuple(SourceEntry(number=n, citation=clean_line(src.citation()),
                                  url=clean_line(src.path) if "://" in src.path else "") for n, src in sources),
        keywords=_keywords(brief, abbreviations),
    )

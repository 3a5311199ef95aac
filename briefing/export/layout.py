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
from briefing.export.checks import exported
from briefing.export.chronology import TIMELINE, conflict_comment, in_date_order
from briefing.export.citations import (
    AUTHOR_DATE,
    FOOTNOTES,
    NUMBERED,
    CitationOptions,
    author_date_labels,
    author_date_marker,
    numbered_marker,
    numbered_sources,
    placement_sources,
    source_numbers,
)
from briefing.export.clean import clean_line, clean_text
from briefing.export.quotes import quote_wording

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
    """One placed fact as the reader sees it. ``original`` is the source's words when reworded, else "".

    ``sources`` are the numbers of the sources it cites (see ``BriefLayout.source``); ``marker`` is the text
    after the wording in the brief's citation style (``[1]``, ``(Publisher, date)``, or "" with footnotes);
    ``footnote`` is its footnote's number in reading order with footnotes, else 0.
    """

    text: str
    sources: tuple[int, ...]
    marker: str
    original: str = ""
    note: str = ""
    placement_id: str = ""
    footnote: int = 0
    conflict: str = ""  # where the sources reporting this claim disagree: every variant with its source
    date: str = ""  # in a timeline section: the date as the source wrote it


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
    """A source as cited: its number, its full citation (Sources list, footnotes) and its author-date label."""

    number: int
    citation: str
    url: str = ""  # set when the source came from the web, so renderers can link it
    short: str = ""  # "Publisher, 2 July 2025": the author-date label


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
    sources: tuple[SourceEntry, ...]  # every source, by number
    keywords: tuple[str, ...]
    citations: CitationOptions = CitationOptions()

    def source(self, number: int) -> SourceEntry:
        """The source cited as ``number`` (sources are numbered 1, 2, ... in this tuple's order)."""
        entry = self.sources[number - 1] if 0 < number <= len(self.sources) else None
        return entry if entry is not None and entry.number == number else \
            next(s for s in self.sources if s.number == number)

    @property
    def listed_sources(self) -> tuple[SourceEntry, ...]:
        """The closing Sources list: by number, alphabetical with author-date, none when the template drops it."""
        if not self.citations.lists_sources:
            return ()
        if self.citations.style == AUTHOR_DATE:
            return tuple(sorted(self.sources, key=lambda s: (s.short.lstrip("\u201c\"'").casefold(), s.number)))
        return self.sources

    @property
    def source_prefix(self) -> bool:
        """Whether a Sources entry starts with its ``[n]`` (only the numbered style refers to numbers)."""
        return self.citations.style == NUMBERED

    def footnote_entries(self, item: Item) -> tuple[SourceEntry, ...]:
        """The sources ``item``'s footnote names, in the order the fact cites them."""
        return tuple(self.source(n) for n in item.sources)


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


class _Citer:
    """Marks placed facts in one style, counting footnotes in reading order."""

    def __init__(self, options: CitationOptions, numbers: dict[str, int], labels: dict[str, str]) -> None:
        self.options, self.numbers, self.labels = options, numbers, labels
        self.footnotes = 0

    def cite(self, source_ids: list[str]) -> tuple[tuple[int, ...], str, int]:
        """(source numbers, marker, footnote number) for a fact citing ``source_ids``."""
        ids = list(dict.fromkeys(source_ids))
        numbers = tuple(self.numbers[sid] for sid in ids)
        if self.options.style == FOOTNOTES:
            self.footnotes += 1
            return numbers, "", self.footnotes
        if self.options.style == AUTHOR_DATE:
            return numbers, author_date_marker([self.labels[sid] for sid in ids]), 0
        return numbers, numbered_marker(numbers), 0


def _item(brief: Brief, placement: Placement, citer: _Citer, date: str = "") -> Item:
    if not brief.has_fact(placement.fact_id):
        raise ExportError(f"the brief places a fact ({placement.fact_id}) it no longer holds; "
                          "remove that placement and export again")
    fact = brief.fact(placement.fact_id)
    cited = placement_sources(brief, placement)
    for sid in cited:
        if sid not in brief.extractions:
            raise ExportError(f"the source of a placed fact ({sid}) is missing from the brief")
    own_words = clean_text(fact.text).strip()
    rewording = clean_text(placement.text).strip()
    reworded = bool(rewording) and rewording != own_words
    words = rewording or own_words
    if fact.kind == "quote":
        words = quote_wording(words, clean_line(fact.speaker or fact.attributed_to))
    numbers, marker, footnote = citer.cite(cited)
    return Item(text=words, sources=numbers, marker=marker, original=own_words if reworded else "",
                note=clean_text(placement.note).strip(), placement_id=placement.id, footnote=footnote,
                conflict=conflict_comment(brief, fact.id, citer.numbers), date=date)


def _items(brief: Brief, section: Section, citer: _Citer) -> tuple[Item, ...]:
    """A section's items in reading order (a timeline's by date), so footnotes number as the reader meets them."""
    if section.layout == TIMELINE:
        return tuple(_item(brief, p, citer, date) for p, date in in_date_order(brief, section))
    return tuple(_item(brief, p, citer) for p in section.placements)


def _keywords(brief: Brief, abbreviations: list[tuple[str, str]]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for section in brief.sections:
        if not exported(section):
            continue
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


def brief_layout(brief: Brief, citations: CitationOptions | None = None) -> BriefLayout:
    """Lay out ``brief`` for reading, citing in the ``citations`` style (numbered when None). Raises
    ``ExportError`` if a placement points at a missing fact or source."""
    options = citations or CitationOptions()
    numbers = source_numbers(brief)
    sources = numbered_sources(brief)
    labels = author_date_labels(source for _, source in sources)
    citer = _Citer(options, numbers, labels)
    meta = brief.metadata
    sections = tuple(
        SectionBlock(id=s.id, title=clean_line(s.title) or s.id, layout=s.layout,
                     guidance=clean_line(s.guidance),
                     items=_items(brief, s, citer),
                     paragraphs=split_paragraphs(s.text))
        for s in brief.sections if exported(s))  # never "Unplaced", nor an empty heading the template allows
    title = clean_line(meta.get("title", "")) or clean_line(meta.get("subject", "")) or DEFAULT_TITLE
    rows = _metadata_rows(meta)
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
                                  url=clean_line(src.link),
                                  short=clean_line(labels[src.id])) for n, src in sources),
        keywords=_keywords(brief, abbreviations),
        citations=options,
    )

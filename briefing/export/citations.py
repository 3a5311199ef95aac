"""How a brief cites its sources, in one place for Word, preview, text and clipboard: the style, the numbering,
the labels and the markers after a placed fact.

Three styles, chosen per template and overridable per export: ``numbered`` (``[n]`` after a fact, a numbered
Sources list), ``footnotes`` (a Word footnote per placed fact naming its sources in full) and ``author-date``
(``(Publisher, 2 July 2025)`` after a fact, an alphabetical Sources list). A placed fact cites a LIST of
sources (``placement_sources``): one today, several once facts are grouped across sources.

Sources are numbered in the order the brief first cites them (reading order: sections top to bottom,
placements in order), then the sources the brief holds but does not cite, in the order they were added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from briefing.core.errors import ExportError
from briefing.core.template import CITATION_STYLES

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.core.brief import Brief, Placement
    from briefing.core.source import Source
    from briefing.core.template import Template

NUMBERED, FOOTNOTES, AUTHOR_DATE = CITATION_STYLES  # the template schema lists them, for its loader
DEFAULT_STYLE = NUMBERED
NO_DATE = "n.d."  # the author-date convention for a source without a date
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class CitationOptions:
    """The citation style of one export and whether a Sources section closes the brief.

    ``numbered`` always lists the sources, whatever ``sources_section`` says: its ``[n]`` would point nowhere
    without the list.
    """

    style: str = DEFAULT_STYLE
    sources_section: bool = True

    @property
    def lists_sources(self) -> bool:
        return self.sources_section or self.style == NUMBERED


def check_style(style: str) -> str:
    """``style`` if it is a citation style; else ``ExportError`` naming the styles there are."""
    if style not in CITATION_STYLES:
        raise ExportError(f"unknown citation style {style!r}; use one of {', '.join(CITATION_STYLES)}")
    return style


def citation_options(template: Template | None = None, style: str | None = None) -> CitationOptions:
    """The options an export uses: ``style`` when given (the command line's or the app's choice), else the
    template's, else ``numbered``; the Sources section as the template says (kept without a template)."""
    chosen = style or (template.citations if template is not None else "") or DEFAULT_STYLE
    keep = template.sources_section if template is not None else True
    return CitationOptions(style=check_style(chosen), sources_section=keep)


# ------------------------------------------------------------------------------------------ which sources
def placement_sources(brief: Brief, placement: Placement) -> list[str]:
    """The ids of the sources a placed fact cites: its fact's own source first, then every other source
    reporting the same claim (``Brief.corroboration``). Empty for a fact the brief no longer holds."""
    if not brief.has_fact(placement.fact_id):
        return []
    return list(brief.cited_sources(placement.fact_id))


def source_numbers(brief: Brief) -> dict[str, int]:
    """Source id -> citation number (1-based). Placements of unknown facts are skipped here."""
    numbers: dict[str, int] = {}
    for section in brief.sections:
        for placement in section.placements:
            if not brief.has_fact(placement.fact_id):
                continue
            for sid in placement_sources(brief, placement):
                if sid not in numbers:
                    numbers[sid] = len(numbers) + 1
    for sid in brief.extractions:
        if sid not in numbers:
            numbers[sid] = len(numbers) + 1
    return numbers


def numbered_sources(brief: Brief) -> list[tuple[int, Source]]:
    """(number, source) in numbering order, for the closing Sources section."""
    numbers = source_numbers(brief)
    found = [(n, brief.extractions[sid].source) for sid, n in numbers.items() if sid in brief.extractions]
    return sorted(found, key=lambda pair: pair[0])


# ------------------------------------------------------------------------------------------ author-date
def reader_date(iso: str) -> str:
    """An ISO date as a reader writes it: "2025-07-02" -> "2 July 2025", "2025-07" -> "July 2025", "2025";
    anything else as given (an article's own "Spring 2025" stays), empty as ``n.d.``."""
    text = " ".join(iso.split())
    match = _ISO_DATE.match(text)
    if not match:
        return text or NO_DATE
    year, month, day = match.groups()
    if month and 1 <= int(month) <= 12:
        name = _MONTHS[int(month) - 1]
        if day and 1 <= int(day) <= 31:
            return f"{int(day)} {name} {year}"
        return f"{name} {year}"
    return year


def _author(source: Source) -> str:
    """Who the reader is told published it: the publisher, else the web site, else the title, else the file."""
    if source.publisher.strip():
        return " ".join(source.publisher.split())
    if source.link:
        host = urlsplit(source.link.strip()).hostname or ""
        if host:
            return host.removeprefix("www.")
    if source.title.strip():
        return f"\u201c{' '.join(source.title.split())}\u201d"
    name = source.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or source.id


def author_date_labels(sources: Iterable[Source]) -> dict[str, str]:
    """Source id -> "Publisher, 2 July 2025", the sources taken in citing order. Two different sources that
    would read the same get "2025a", "2025b", ... as author-date styles do, so each label names one source."""
    ordered = list(sources)
    plain = {s.id: f"{_author(s)}, {reader_date(s.published)}" for s in ordered}
    seen: dict[str, list[str]] = {}
    for source in ordered:
        seen.setdefault(plain[source.id], []).append(source.id)
    labels = dict(plain)
    for label, ids in seen.items():
        if len(ids) > 1:
            for k, sid in enumerate(ids):
                labels[sid] = f"{label}{_letter(k)}"
    return labels


def _letter(k: int) -> str:
    letters = ""
    k += 1
    while k:
        k, rest = divmod(k - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


# ------------------------------------------------------------------------------------------ markers
def numbered_marker(numbers: Sequence[int]) -> str:
    """``[1]`` or ``[1, 3]`` after a fact; a no-break space keeps it from starting a line on its own."""
    return f"\u00a0[{', '.join(str(n) for n in sorted(set(numbers)))}]"


def author_date_marker(labels: Sequence[str]) -> str:
    """``(Business Recorder, 2 July 2025)``, or several labels joined by "; ", after a fact."""
    return f"\u00a0({'; '.join(dict.fromkeys(labels))})"


FOOTNOTE_SEPARATOR = "; "


def footnote_pieces(citations: Sequence[str]) -> list[str]:
    """The citations one footnote names, each as shown: all but the last without their closing full stop, so
    joined by ``FOOTNOTE_SEPARATOR`` they read as one sentence (Chicago's way with several sources)."""
    last = len(citations) - 1
    return [c.rstrip(". ") if k < last else c for k, c in enumerate(citations)]


def footnote_text(citations: Sequence[str]) -> str:
    """One footnote naming every source of a fact, as plain text."""
    return FOOTNOTE_SEPARATOR.join(footnote_pieces(citations))


_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def superscript(number: int) -> str:
    """A footnote number in Unicode superscript digits ("12" -> "\u00b9\u00b2"), for plain text that cannot
    raise it."""
    return str(number).translate(_SUPERSCRIPT)

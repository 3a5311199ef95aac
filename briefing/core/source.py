"""A Source is one imported article: its normalised text (all offsets refer to it) and its furniture."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Source:
    """An article as imported.

    ``text`` is the normalised body (BOM, CRLF, NFC, control characters dealt with once); every fact
    offset is an index into it. Furniture (headline, dateline, byline, copyright) is lifted into the
    fields below and is never a fact.
    """

    id: str
    text: str
    content_hash: str
    title: str = ""
    publisher: str = ""
    place: str = ""
    published: str = ""  # ISO date or year, as precise as the article allows
    path: str = ""  # file path or URL it came from
    byline: str = ""
    encoding: str = ""
    kind: str = "text"  # text | html | docx | pdf | pasted
    url: str = ""  # where a reader finds it online, given by the analyst when the file came from disk

    @property
    def link(self) -> str:
        """The web address a citation gives: the analyst's URL, else the address it was read from, else ""."""
        return self.url.strip() or (self.path if "://" in self.path else "")

    def citation(self) -> str:
        """The line a Sources section shows: publisher, title, place, date, then the URL; a local file name
        only when neither publisher nor title is known (a reader cannot open the analyst's disk)."""
        parts = [p for p in (self.publisher, f"\u201c{self.title}\u201d" if self.title else "",
                             self.place, self.published) if p]
        if self.link:
            parts.append(f"URL: {self.link}")
        elif self.path and not (self.publisher.strip() or self.title.strip()):
            parts.append(f"File: {self.path.replace(chr(92), '/').rsplit('/', 1)[-1]}")
        return ", ".join(parts) + "." if parts else self.id


@dataclass
class EntityMention:
    """An entity as it occurs inside a fact; offsets are into the source text."""

    text: str
    type: str  # person | organization | place | nationality | acronym | money | percent | quantity
    start: int
    end: int


@dataclass
class DateMention:
    """A date as written and as ISO (``value`` may be just a year, a year-month, an ISO week such as
    2025-W27 for "last week", or empty if unknown)."""

    text: str
    value: str


@dataclass
class Entity:
    """A person, organisation or place found in a source, with every place it is mentioned."""

    name: str
    type: str  # person | organization | place
    role: str = ""
    mentions: int = 0
    aliases: list[str] = field(default_factory=list)
    organization: str = ""  # for a person: the organisation their role is in ("Gazprom" for its chairman)

"""A brief's sections and the placements in them, and how sections carry over to another template.

Kept apart from ``brief`` (which changes them and tells views) so the plain data can be read in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.template import Template

UNPLACED_ID = "unplaced"
UNPLACED_TITLE = "Unplaced"


@dataclass
class Placement:
    """A fact put into a section. ``text`` is the analyst's rewording (empty: the fact's own words)."""

    id: str
    fact_id: str
    text: str = ""
    note: str = ""
    origin: str = ""  # in "Unplaced": the section it came from, so a template that has it again takes it back


@dataclass
class HeldText:
    """A section's own writing waiting in "Unplaced" after a template switch, with the section it belongs to,
    so a template that has that section again gives it back word for word."""

    origin: str
    title: str
    text: str


@dataclass
class Section:
    """A section of the brief, copied from the template so a brief stays readable without it."""

    id: str
    title: str
    guidance: str = ""
    layout: str = "bullets"
    min: int | None = None
    max: int | None = None
    placements: list[Placement] = field(default_factory=list)
    text: str = ""  # the analyst's free text for the section
    held: list[HeldText] = field(default_factory=list)  # only in "Unplaced": other sections' own writing

    @property
    def is_empty(self) -> bool:
        """Whether the section holds nothing a reader would see: no placement, no writing of its own."""
        return not self.placements and not self.text.strip() and not any(h.text.strip() for h in self.held)

    @property
    def required(self) -> bool:
        """Whether the template asks for at least one fact here (kept in an export even when empty)."""
        return (self.min or 0) >= 1

    def count_warning(self) -> str:
        """A short warning when the section holds fewer or more facts than the template asks for."""
        n = len(self.placements)
        if self.min is not None and n < self.min:
            return f"needs at least {self.min} fact{'s' if self.min != 1 else ''}"
        if self.max is not None and n > self.max:
            return f"holds more than {self.max} fact{'s' if self.max != 1 else ''}"
        return ""


Position = tuple[str, int, Placement]  # (section id, index, placement)


def sections_from_template(template: Template) -> list[Section]:
    """Empty sections copied from the template's, in its order."""
    return [Section(id=s.id, title=s.title, guidance=s.guidance, layout=s.layout, min=s.min, max=s.max)
            for s in template.sections]


def merge_sections(sections: list[Section], template: Template) -> list[Section]:
    """The template's sections, holding everything ``sections`` held: not a placement or a word is lost.

    A section with the same id keeps its placements and free text; the rest go, in order, to an "Unplaced"
    section at the end: placements remember their section (``origin``), free text is held with its section's
    id and title (``HeldText``). Absent when nothing is left over. Whatever waits in "Unplaced" goes back to
    the section it came from when the template has it again, so switching to another template and back
    restores the brief exactly, own writing included.
    """
    old = {s.id: s for s in sections}
    new_sections = sections_from_template(template)
    new_ids = {s.id for s in new_sections}
    by_id = {s.id: s for s in new_sections}
    for s in new_sections:
        if s.id in old:
            s.placements = list(old[s.id].placements)
            s.text = old[s.id].text
    unplaced = old.get(UNPLACED_ID)
    waiting = unplaced.placements if unplaced else []
    going_home = {p.id for p in waiting if p.origin in by_id and p.origin != UNPLACED_ID}
    for p in waiting:  # copies, not edits: the brief being replaced stays exactly as it was (undo)
        if p.id in going_home:
            by_id[p.origin].placements.append(replace(p, origin=""))
    held: list[HeldText] = []
    for h in (unplaced.held if unplaced else []):
        if h.origin in by_id and h.origin != UNPLACED_ID:
            home = by_id[h.origin]
            home.text = "\n\n".join(t for t in (home.text, h.text) if t.strip())
        else:
            held.append(replace(h))
    leftovers = [s for s in sections if s.id not in new_ids]
    unplaced_p = []
    for s in leftovers:
        for p in s.placements:
            if p.id in going_home:
                continue
            unplaced_p.append(p if s.id == UNPLACED_ID else replace(p, origin=s.id))
        if s.id != UNPLACED_ID and s.text.strip():
            held.append(HeldText(origin=s.id, title=s.title, text=s.text))
    unplaced_t = unplaced.text if unplaced else ""
    if unplaced_p or unplaced_t.strip() or held:
        new_sections.append(Section(id=UNPLACED_ID, title=UNPLACED_TITLE,
                                    guidance="What the new template has no section for; never exported.",
                                    placements=unplaced_p, text=unplaced_t, held=held))
    return new_sections

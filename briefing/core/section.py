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
    section at the end (their free text prefixed with their title). Absent when nothing is left over.
    A placement waiting in "Unplaced" goes back to the section it came from when the template has it again,
    so switching to another template and back restores the brief.
    """
    old = {s.id: s for s in sections}
    new_sections = sections_from_template(template)
    new_ids = {s.id for s in new_sections}
    by_id = {s.id: s for s in new_sections}
    for s in new_sections:
        if s.id in old:
            s.placements = list(old[s.id].placements)
            s.text = old[s.id].text
    waiting = old[UNPLACED_ID].placements if UNPLACED_ID in old else []
    going_home = {p.id for p in waiting if p.origin in by_id and p.origin != UNPLACED_ID}
    for p in waiting:  # copies, not edits: the brief being replaced stays exactly as it was (undo)
        if p.id in going_home:
            by_id[p.origin].placements.append(replace(p, origin=""))
    leftovers = [s for s in sections if s.id not in new_ids]
    unplaced_p = []
    for s in leftovers:
        for p in s.placements:
            if p.id in going_home:
                continue
            unplaced_p.append(p if s.id == UNPLACED_ID else replace(p, origin=s.id))
    unplaced_t = "\n\n".join(f"{s.title}: {s.text}" for s in leftovers if s.text.strip() and
                             s.id != UNPLACED_ID)
    unplaced_t = "\n\n".join(t for t in ([s.text for s in leftovers if s.id == UNPLACED_ID] + [unplaced_t])
                             if t.strip())
    if unplaced_p or unplaced_t:
        new_sections.append(Section(id=UNPLACED_ID, title=UNPLACED_TITLE,
                                    guidance="Facts from sections the new template does not have.",
                                    placements=unplaced_p, text=unplaced_t))
    return new_sections

"""The shape of a briefing template, as plain data the loader fills and the brief copies."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LAYOUTS = ("bullets", "numbered", "paragraphs", "timeline")  # timeline: a table of date, event, sources
CITATION_STYLES = ("numbered", "footnotes", "author-date")  # how the exported brief cites (export.citations)


@dataclass
class FieldSpec:
    """A metadata field of the brief (title, to, from, date, classification, ...), with its default."""

    id: str
    label: str
    default: str = ""


@dataclass
class SectionSpec:
    """A section of the brief: where facts go, and hints for auto-drafting them there.

    Auto-draft proposes a fact for this section when its kind is in ``kinds`` (if any are listed) and it
    mentions one of ``keywords`` (if any are listed); with neither, the section is left to the analyst.
    ``min``/``max`` bound how many facts it should hold (``None``: no bound).
    """

    id: str
    title: str
    guidance: str = ""
    kinds: list[str] = field(default_factory=list)  # fact kinds that suit this section, preferred first
    keywords: list[str] = field(default_factory=list)  # words or phrases, matched whole and case-blind
    min: int | None = None
    max: int | None = None
    layout: str = "bullets"


@dataclass
class Template:
    """A briefing template; ``path`` is where it was loaded from (empty for built-in objects in tests)."""

    id: str
    name: str
    description: str = ""
    fields: list[FieldSpec] = field(default_factory=list)
    sections: list[SectionSpec] = field(default_factory=list)
    reference_docx: str = ""  # path to a Word reference document (styles, page set-up), relative to the YAML
    citations: str = "numbered"  # one of CITATION_STYLES
    sources_section: bool = True  # whether the brief ends with its Sources (numbered always does)
    path: str = ""

    def section(self, section_id: str) -> SectionSpec | None:
        """The section spec with this id, or None (a brief may hold sections of another template)."""
        return next((s for s in self.sections if s.id == section_id), None)

    def reference_docx_path(self) -> Path | None:
        """The reference Word document as an absolute path (relative to the YAML), or None if not given."""
        if not self.reference_docx:
            return None
        base = Path(self.path).parent if self.path else Path.cwd()
        return (base / self.reference_docx).resolve()

    def defaults(self) -> dict[str, str]:
        """Metadata values a new brief starts with."""
        return {f.id: f.default for f in self.fields}

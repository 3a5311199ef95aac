"""Our three invented reports of one invented event (tests/fixtures/corroboration), extracted once per session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.corroborate.brief_groups import refresh_groups
from briefing.extract.pipeline import extract_path
from briefing.template.registry import find_template

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "corroboration"
WIRE, LEDGER, GAZETTE = (STORY / n for n in ("coastal-wire.txt", "daily-ledger.txt", "harbour-gazette.txt"))
OUTLETS = (WIRE, LEDGER, GAZETTE)  # the ledger reprints the wire; the gazette reports on its own


@lru_cache(maxsize=None)
def extraction(path: Path) -> Extraction:
    return extract_path(path)


def story_brief(template: str = "intelligence-bluf") -> Brief:
    """A brief holding the three reports, grouped."""
    brief = Brief.from_template(find_template(template))
    for path in OUTLETS:
        brief.add_extraction(extraction(path))
    refresh_groups(brief)
    return brief


def fact_starting(brief: Brief, path: Path, words: str) -> str:
    """The id of the fact of ``path``'s article that starts with ``words``."""
    sid = extraction(path).source.id
    return next(f.id for f in brief.facts if f.source_id == sid and f.text.startswith(words))

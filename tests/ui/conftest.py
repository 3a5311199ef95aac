"""Shared UI fixtures: briefs built by hand (two sources, every fact kind), the models over them, a stack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from briefing.core import ids
from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.source import DateMention, Entity, EntityMention, Source
from briefing.core.template import FieldSpec, SectionSpec, Template
from briefing.ui.models.brief_tree import BriefTreeModel
from briefing.ui.models.fact_filter import FactFilterProxy
from briefing.ui.models.fact_list import FactListModel

# (wording, kind, speaker, entity names, dates) — one sentence each, joined with spaces into an article.
TRADE_SENTENCES = [
    ("The ministry will open three new border crossings in 2026.", "plan", "", ["ministry"], ["2026"]),
    ("Cabinet approved the tariff cut on Tuesday.", "decision", "", ["Cabinet"], []),
    ("Exports rose by 12 percent to $4.1 billion.", "figure", "", [], []),
    ("\u201cWe are ready to trade,\u201d said Ahmed Khan.", "quote", "Ahmed Khan", ["Ahmed Khan"], []),
    ("Ministers from Pakistan and Russia met in Moscow on 3 March.", "meeting", "",
     ["Pakistan", "Russia", "Moscow"], ["2025-03-03"]),
    ("The agreement covers wheat, rice and textiles.", "statement", "", [], []),
]
ENERGY_SENTENCES = [
    ("Gazprom signed a pipeline memorandum with Pakistan.", "decision", "", ["Gazprom", "Pakistan"], []),
    ("\u201cGas will flow by 2028,\u201d Maria Petrova told reporters.", "quote", "Maria Petrova",
     ["Maria Petrova"], ["2028"]),
    ("\u201cTalks went well,\u201d she added.", "quote", "Maria Petrova", [], []),
]

SECTION_SPECS = [
    SectionSpec(id="background", title="Background", guidance="What led here.", min=1, max=3),
    SectionSpec(id="key_points", title="Key points", guidance="The news, most important first."),
    SectionSpec(id="quotes", title="Quotes", guidance="Who said what.", min=2),
    SectionSpec(id="next_steps", title="Next steps", guidance="What happens next."),
]
NOTE_TEMPLATE = Template(id="note", name="Note", sections=SECTION_SPECS,
                         fields=[FieldSpec(id="title", label="Title"), FieldSpec(id="to", label="To")])
SHORT_TEMPLATE = Template(id="short", name="Short", sections=[
    SectionSpec(id="key_points", title="Key points"),
    SectionSpec(id="summary", title="Summary", min=1),
])


def make_extraction(sentences, *, title: str, publisher: str, published: str,
                    entity_aliases: dict[str, list[str]] | None = None) -> Extraction:
    """An Extraction whose facts are exactly the given sentences of a generated article."""
    text = " ".join(s[0] for s in sentences)
    digest = ids.content_hash(text)
    source = Source(id=ids.source_id(digest), text=text, content_hash=digest, title=title, publisher=publisher,
                    published=published)
    facts, pos, found = [], 0, {}
    for wording, kind, speaker, names, dates in sentences:
        start = text.index(wording, pos)
        end = pos = start + len(wording)
        mentions = []
        for name in names:
            at = text.index(name, start)
            mentions.append(EntityMention(text=name, type="organization", start=at, end=at + len(name)))
            found[name] = found.get(name, 0) + 1
        facts.append(Fact(id=ids.fact_id(source.id, start, end, wording), source_id=source.id, start=start, end=end,
                          text=wording, kind=kind, speaker=speaker, entities=mentions,
                          dates=[DateMention(text=d, value=d) for d in dates]))
    aliases = entity_aliases or {}
    entities = [Entity(name=n, type="organization", mentions=c, aliases=aliases.get(n, [])) for n, c in found.items()]
    return Extraction(source=source, facts=facts, entities=entities)


def trade_extraction() -> Extraction:
    return make_extraction(TRADE_SENTENCES, title="Pakistan and Russia widen trade", publisher="Business Recorder",
                           published="2025-03-04", entity_aliases={"Ahmed Khan": ["Khan"]})


def energy_extraction() -> Extraction:
    return make_extraction(ENERGY_SENTENCES, title="Pipeline talks", publisher="Dawn", published="2025-05-01")


def make_brief() -> Brief:
    """A brief on the note template holding both sources and nothing placed yet."""
    brief = Brief.from_template(NOTE_TEMPLATE)
    brief.add_extraction(trade_extraction())
    brief.add_extraction(energy_extraction())
    return brief


def big_brief(n_facts: int) -> Brief:
    """A brief whose one source has ``n_facts`` short facts (for timing)."""
    sentences = [(f"Fact number {i} about trade with Moscow.", "statement" if i % 3 else "plan", "",
                  ["Moscow"] if i % 2 else [], []) for i in range(n_facts)]
    brief = Brief.from_template(NOTE_TEMPLATE)
    brief.add_extraction(make_extraction(sentences, title="Big", publisher="Wire", published="2025"))
    return brief


def fact_ids_of(brief: Brief, *rows: int) -> list[str]:
    return [brief.facts[r].id for r in rows]


def layout_facts(brief: Brief) -> dict[str, list[str]]:
    """Fact wordings per section, for readable assertions."""
    return {s.id: [brief.fact(p.fact_id).text for p in s.placements] for s in brief.sections}


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Window settings in a temporary INI file, so a test never reads another test's recent files."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def shown_window(qtbot, settings: QSettings, article: Path | None = None, size: tuple[int, int] | None = None):
    """A real MainWindow on screen and active (keyboard shortcuts need that), optionally on an article."""
    from briefing.ui.window.main_window import MainWindow

    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    if article is not None:
        window.open_path(article)
    return window


@pytest.fixture
def undo_stack(qapp) -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def facts_model(brief: Brief, qapp) -> FactListModel:
    return FactListModel(brief)


@pytest.fixture
def proxy(facts_model: FactListModel) -> FactFilterProxy:
    proxy = FactFilterProxy()
    proxy.setSourceModel(facts_model)
    return proxy


@pytest.fixture
def tree(brief: Brief, undo_stack: QUndoStack) -> BriefTreeModel:
    return BriefTreeModel(brief, undo_stack)


def snapshot(brief: Brief) -> tuple:
    """Everything an undo must restore, detached from the live brief (placement ids included)."""
    import copy

    return (brief.template_id, dict(brief.metadata), copy.deepcopy(brief.sections), [f.id for f in brief.facts],
            list(brief.extractions), {f.id: brief.times_placed(f.id) for f in brief.facts})

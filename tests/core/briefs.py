"""Hand-built sources, facts, templates and briefs for domain and storage tests (no extractor needed)."""

from __future__ import annotations

import re
from typing import Sequence

from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.ids import content_hash, fact_id, source_id
from briefing.core.source import DateMention, Entity, EntityMention, Source
from briefing.core.template import FieldSpec, SectionSpec, Template

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")


def make_extraction(text: str, kinds: Sequence[str] | None = None, *, title: str = "A headline",
                    publisher: str = "The Daily Test", path: str = "article.txt") -> Extraction:
    """One fact per sentence of ``text`` (offsets exact), kinds taken in order (default: statement)."""
    sid = source_id(content_hash(text))
    source = Source(id=sid, text=text, content_hash=content_hash(text), title=title, publisher=publisher,
                    place="Islamabad", published="2025-07-01", path=path, encoding="utf-8")
    facts = []
    for k, m in enumerate(_SENTENCE.finditer(text)):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = m.end()
        if start >= end:
            continue
        sentence = text[start:end]
        kind = kinds[len(facts)] if kinds is not None and len(facts) < len(kinds) else "statement"
        mentions = [EntityMention(text=n.group(), type="person", start=start + n.start(), end=start + n.end())
                    for n in _NAME.finditer(sentence)][:2]
        facts.append(Fact(id=fact_id(sid, start, end, sentence), source_id=sid, start=start, end=end,
                          text=sentence, kind=kind, speaker="Khan" if kind == "quote" else "",
                          entities=mentions, dates=[DateMention(text="Monday", value="")] if k % 3 == 0 else []))
    entities = [Entity(name="Haroon Akhtar Khan", type="person", role="SAPM", mentions=2, aliases=["Khan"])]
    return Extraction(source=source, facts=facts, entities=entities, acronyms={"PSM": "Pakistan Steel Mills"})


def make_template(template_id: str = "demo", sections: Sequence[tuple[str, str]] = (("a", "A"), ("b", "B"),
                                                                                    ("c", "C"))) -> Template:
    return Template(id=template_id, name=template_id.title(),
                    fields=[FieldSpec("title", "Title", "Note"), FieldSpec("classification", "Classification",
                                                                           "UNCLASSIFIED")],
                    sections=[SectionSpec(id=i, title=t, guidance=f"What goes in {t}.") for i, t in sections])


SENTENCES = " ".join(f"Sentence number {n} says Minister Khan met Director Ali." for n in range(1, 9))


def make_brief(text: str = SENTENCES, template: Template | None = None) -> Brief:
    """A brief over one source with one fact per sentence and no placements."""
    brief = Brief.from_template(template or make_template())
    brief.add_extraction(make_extraction(text))
    return brief


def big_brief(n_facts: int = 10_000, placed_every: int = 3) -> Brief:
    """A brief the size of a long dossier: ``n_facts`` facts over 10 sources, every third one placed."""
    per_source = n_facts // 10
    brief = Brief.from_template(make_template("big", [(f"s{k}", f"Section {k}") for k in range(7)]))
    for s in range(10):
        paragraphs = []
        for n in range(per_source):
            paragraphs.append(f"In report {s}-{n}, Minister Khan said the mill in Karachi will need "
                              f"{n * 7 % 991} million rupees by July {2025 + n % 4}.")
            if n % 5 == 4:
                paragraphs.append("\n\n")
        brief.add_extraction(make_extraction(" ".join(paragraphs).replace(" \n\n ", "\n\n"),
                                             kinds=["statement", "plan", "quote", "figure"] * per_source,
                                             title=f"Report {s}", path=f"/data/report-{s}.txt"))
    placed = [f.id for f in brief.facts[::placed_every]]
    for k in range(0, len(placed), 100):
        brief.place(placed[k:k + 100], f"s{(k // 100) % 7}")
    for n, section in enumerate(brief.sections):
        for p in section.placements[::7]:
            brief.reword(p.id, f"Reworded {n}: {brief.fact(p.fact_id).text[:40]}")
            brief.set_note(p.id, "Check with the desk.\nSecond line of the note.")
    return brief

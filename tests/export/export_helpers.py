"""Hand-built briefs for export tests, and readers that take an exported .docx apart with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table

from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.ids import content_hash, fact_id, source_id
from briefing.core.source import EntityMention, Source
from briefing.core.template import FieldSpec, SectionSpec, Template

ARTICLE = (
    "ISLAMABAD: A delegation led by the SAPM on Industries and Production is to visit Russia from July 5, 2025. "
    "Officials said Pakistan Steel Mills (PSM) could be revived. "
    "The two countries agreed to form a joint working group. "
    "\u201cPakistan is a secure and thriving hub for investment,\u201d said Khan. "
    "Pakistan is open for business. "
    "The visit will also explore foreign direct investment (FDI)."
)
ACRONYMS = {"PSM": "Pakistan Steel Mills", "SAPM": "Special Assistant to the Prime Minister",
            "FDI": "foreign direct investment"}


def make_source(text: str = ARTICLE, **furniture: str) -> Source:
    digest = content_hash(text)
    values = {"title": "SAPM-led delegation to visit Russia", "publisher": "Business Recorder",
              "place": "Islamabad", "published": "2025", "path": "/articles/psm-russia.txt", **furniture}
    return Source(id=source_id(digest), text=text, content_hash=digest, **values)


def make_fact(source: Source, sentence: str, kind: str = "statement", speaker: str = "",
              entities: tuple[tuple[str, str], ...] = ()) -> Fact:
    start = source.text.index(sentence)
    end = start + len(sentence)
    mentions = [EntityMention(text=name, type=kind_, start=start + sentence.index(name),
                              end=start + sentence.index(name) + len(name)) for name, kind_ in entities]
    return Fact(id=fact_id(source.id, start, end, sentence), source_id=source.id, start=start, end=end,
                text=sentence, kind=kind, speaker=speaker, entities=mentions)


def make_extraction(text: str = ARTICLE, acronyms: dict[str, str] | None = None, **furniture: str) -> Extraction:
    """An extraction whose facts are the sentences of ``text`` (split on ". "), the quote marked as such."""
    source = make_source(text, **furniture)
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ") if s.strip()]
    facts = []
    for sentence in sentences:
        if sentence not in text:
            sentence = sentence[:-1]
        quote = sentence.startswith("\u201c")
        facts.append(make_fact(source, sentence, kind="quote" if quote else "statement",
                               speaker="Haroon Akhtar Khan" if quote else "",
                               entities=(("Pakistan Steel Mills", "organization"),) if "Pakistan Steel" in sentence
                               else ()))
    return Extraction(source=source, facts=facts, acronyms=dict(ACRONYMS if acronyms is None else acronyms))


def make_template(layouts: dict[str, str] | None = None, **kwargs: str) -> Template:
    """A ministerial-note-like template; ``layouts`` maps section id -> layout."""
    layouts = layouts or {}
    specs = [("purpose", "Purpose", "Why the minister is reading this."), ("background", "Background", ""),
             ("status", "Current status", ""), ("options", "Options", "Set out the options with pros and cons."),
             ("next", "Next steps", "")]
    return Template(id="note", name="Note",
                    fields=[FieldSpec(k, k.title()) for k in ("title", "to", "from", "date", "subject",
                                                               "classification")],
                    sections=[SectionSpec(id=i, title=t, guidance=g, layout=layouts.get(i, "bullets"))
                              for i, t, g in specs], **kwargs)


METADATA = {"title": "Briefing note: Pakistan\u2013Russia steel talks", "to": "Minister of Industries",
            "from": "Industrial Policy Unit", "date": "2025-07-01", "subject": "Reviving PSM",
            "classification": "Official"}


def make_brief(template: Template | None = None, metadata: dict[str, str] | None = None,
               extraction: Extraction | None = None) -> Brief:
    brief = Brief.from_template(template or make_template())
    brief.metadata.update(METADATA if metadata is None else metadata)
    brief.add_extraction(extraction or make_extraction())
    return brief


# ---------------------------------------------------------------------------- reading a .docx back
def docx_text(path: Path) -> str:
    """The body's text in document order: a paragraph's text, or per table row its cells joined by TAB."""
    document = docx.Document(str(path))
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def body_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph outside tables."""
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def anchored_comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, the document text the comment is anchored on), in comment order."""
    document = docx.Document(str(path))
    anchored: dict[str, str] = {}
    open_ids: set[str] = set()
    for element in document.element.body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(element.get(qn("w:id")))
            anchored.setdefault(element.get(qn("w:id")), "")
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(element.get(qn("w:id")))
        else:
            for cid in open_ids:
                anchored[cid] += element.text or ""
    return [(c.author, c.text, anchored.get(str(c.comment_id), "")) for c in document.comments]

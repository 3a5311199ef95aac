"""A brief made from an article starts with today's date and the article's title as its subject."""

from __future__ import annotations

import datetime as dt

from briefing.core.brief import Brief
from briefing.core.extraction import Extraction
from briefing.core.metadata import fill_header
from briefing.core.source import Source
from briefing.core.template import FieldSpec, Template


def _brief(**defaults: str) -> Brief:
    template = Template(id="t", name="T", fields=[FieldSpec(id=k, label=k, default=v) for k, v in defaults.items()])
    brief = Brief.from_template(template)
    brief.add_extraction(Extraction(source=Source(id="s1", text="x", content_hash="h", title="Steel talks")))
    return brief


def test_empty_date_and_subject_are_filled_from_today_and_the_article():
    brief = _brief(date="", subject="")
    fill_header(brief, today=dt.date(2025, 7, 1))
    assert brief.metadata == {"date": "2025-07-01", "subject": "Steel talks"}


def test_values_the_template_or_analyst_gave_are_kept():
    brief = _brief(date="2024-01-01", subject="Given")
    fill_header(brief, today=dt.date(2025, 7, 1))
    assert brief.metadata == {"date": "2024-01-01", "subject": "Given"}


def test_fields_the_template_lacks_are_not_invented():
    brief = _brief(title="Note")
    fill_header(brief, today=dt.date(2025, 7, 1))
    assert brief.metadata == {"title": "Note"}


def test_a_template_switch_replaces_a_default_the_analyst_never_edited_and_keeps_an_edited_one():
    from briefing.core.brief import Brief
    from briefing.core.template import FieldSpec, SectionSpec, Template

    def template(tid: str, title: str) -> Template:
        return Template(id=tid, name=tid, sections=[SectionSpec(id="a", title="A")],
                        fields=[FieldSpec(id="title", label="Title", default=title),
                                FieldSpec(id="to", label="To", default="Minister")])

    old, new = template("note", "Briefing note"), template("bluf", "Intelligence summary")
    brief = Brief.from_template(old)
    brief.metadata["to"] = "Secretary"
    state = brief.apply_template(new, old_defaults=old.defaults())
    assert brief.metadata == {"title": "Intelligence summary", "to": "Secretary"}
    brief.restore(state)
    brief.metadata["title"] = "Steel talks"
    brief.apply_template(new, old_defaults=old.defaults())
    assert brief.metadata["title"] == "Steel talks"

"""The template registry: bundled templates, the analyst's folder overriding by id, broken files skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.core.errors import TemplateError
from briefing.storage.paths import TEMPLATES_DIR
from briefing.template.loader import load_template
from briefing.template.registry import (
    DEFAULT_TEMPLATE_ID,
    available_templates,
    find_template,
    find_template_or_none,
    template_problems,
    user_template_dir,
)

BUNDLED = ("ministerial-note", "intelligence-bluf", "investment-opportunity", "uk-submission")


@pytest.fixture
def user_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty config home for this test; returns the user template folder (created)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = user_template_dir()
    folder.mkdir(parents=True)
    return folder


def _template(folder: Path, name: str, template_id: str, title: str = "Only section") -> Path:
    path = folder / name
    path.write_text(f"id: {template_id}\nname: Mine {template_id}\nsections:\n  - id: only\n    title: {title}\n",
                    encoding="utf-8")
    return path


def test_the_user_folder_follows_xdg_config_home(user_dir, tmp_path):
    assert user_dir == tmp_path / "config" / "briefing" / "templates"


def test_every_bundled_template_is_available_with_the_default_first(user_dir):
    ids = [t.id for t in available_templates()]
    assert ids[0] == DEFAULT_TEMPLATE_ID
    assert set(BUNDLED) <= set(ids)
    assert template_problems() == []


@pytest.mark.parametrize("path", sorted(TEMPLATES_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_bundled_template_has_guidance_titles_and_the_standard_fields(path):
    tpl = load_template(path)
    assert tpl.id == path.stem
    assert {"title", "to", "from", "date", "subject", "classification"} <= {f.id for f in tpl.fields}
    assert tpl.defaults()["classification"]
    for section in tpl.sections:
        assert len(section.guidance) > 40, section.id
        assert section.title[0].isupper()


@pytest.mark.parametrize(("template_id", "titles"), [
    ("ministerial-note", ["Purpose", "Background", "Current status", "Key considerations", "Options",
                          "Recommendation", "Next steps"]),
    ("intelligence-bluf", ["Bottom line", "Key findings", "Actors", "Timeline", "Assessment", "Outlook",
                           "Recommended actions"]),
    ("investment-opportunity", ["Summary", "Opportunity", "Parties", "Terms and timeline", "Risks",
                                "Next steps"]),
    ("uk-submission", ["Issue", "Recommendation", "Timing", "Background", "Argument", "Presentation"]),
])
def test_bundled_templates_have_the_sections_analysts_expect(user_dir, template_id, titles):
    assert [s.title for s in find_template(template_id).sections] == titles


def test_the_default_note_leaves_options_and_recommendation_to_the_analyst():
    tpl = find_template(None)
    assert tpl.id == DEFAULT_TEMPLATE_ID
    for section_id in ("options", "recommendation"):
        section = tpl.section(section_id)
        assert section is not None and not section.kinds and not section.keywords
    assert tpl.defaults()["classification"] == "UNCLASSIFIED — FOR OFFICIAL USE"


def test_a_user_template_is_listed_after_the_bundled_ones(user_dir):
    _template(user_dir, "mine.yaml", "my-note")
    ids = [t.id for t in available_templates()]
    assert ids[-1] == "my-note"
    assert find_template("my-note").path == str((user_dir / "mine.yaml").resolve())


def test_a_user_template_with_a_bundled_id_overrides_it_in_place(user_dir):
    _template(user_dir, "override.yml", "uk-submission", title="Just one")
    templates = available_templates()
    ids = [t.id for t in templates]
    assert ids.count("uk-submission") == 1
    assert [s.title for s in find_template("uk-submission").sections] == ["Just one"]
    assert len(templates) == len(list(TEMPLATES_DIR.glob("*.yaml")))


def test_a_broken_user_template_is_skipped_and_reported(user_dir):
    _template(user_dir, "good.yaml", "good")
    (user_dir / "broken.yaml").write_text("id: broken\nname: B\nsections:\n  - id: a\n    titl: A\n")
    ids = [t.id for t in available_templates()]
    assert "good" in ids and "broken" not in ids
    problems = template_problems()
    assert len(problems) == 1
    assert problems[0].path == str(user_dir / "broken.yaml") and problems[0].line == 5


def test_two_user_templates_with_one_id_keep_the_first_and_report_the_second(user_dir):
    _template(user_dir, "a.yaml", "twin", title="First")
    _template(user_dir, "b.yaml", "twin", title="Second")
    assert [s.title for s in find_template("twin").sections] == ["First"]
    assert [p.path for p in template_problems()] == [str(user_dir / "b.yaml")]


def test_files_that_are_not_yaml_are_ignored(user_dir):
    (user_dir / "notes.txt").write_text("not a template")
    (user_dir / ".hidden.yaml").write_text("garbage: [")
    assert template_problems() == []


def test_an_edited_template_is_reloaded(user_dir):
    path = _template(user_dir, "mine.yaml", "mine", title="Before")
    assert find_template("mine").sections[0].title == "Before"
    _template(user_dir, "mine.yaml", "mine", title="After, longer")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert find_template("mine").sections[0].title == "After, longer"


def test_an_unknown_id_lists_the_known_ones(user_dir):
    with pytest.raises(TemplateError) as info:
        find_template("ministerial-notes")
    message = str(info.value)
    assert message.startswith("no template with id 'ministerial-notes'; known templates: ")
    for template_id in BUNDLED:
        assert template_id in message


def test_a_path_loads_that_file(user_dir, tmp_path):
    path = _template(tmp_path, "elsewhere.yaml", "elsewhere")
    assert find_template(str(path)).id == "elsewhere"
    with pytest.raises(TemplateError, match="no such file"):
        find_template(str(tmp_path / "missing.yaml"))


def test_find_template_or_none_does_not_raise(user_dir):
    assert find_template_or_none("no-such-template") is None
    assert find_template_or_none(None) is None
    found = find_template_or_none("intelligence-bluf")
    assert found is not None and found.name

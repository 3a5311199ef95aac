"""The template loader: valid files become Templates; every mistake is one error naming file, line and key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from yaml.composer import Composer

from briefing.core.errors import TemplateError
from briefing.template import loader
from briefing.template.loader import load_template, parse_template
from briefing.template.strict_yaml import MAX_BYTES

GOOD = """\
id: demo
name: Demo template
description: A template for tests.
fields:
  - id: title
    label: Title
    default: Briefing note
  - id: date
    label: Date
    default: 2025
sections:
  - id: purpose
    title: Purpose
    guidance: Why the reader reads this.
    kinds: [plan, decision]
    keywords: [visit, purpose]
    min: 1
    max: 1
    layout: paragraphs
  - id: status
    title: Current status
"""


def _write(tmp_path: Path, text: str, name: str = "t.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_template_loads_with_every_key(tmp_path):
    tpl = load_template(_write(tmp_path, GOOD))
    assert (tpl.id, tpl.name, tpl.description) == ("demo", "Demo template", "A template for tests.")
    assert [(f.id, f.label, f.default) for f in tpl.fields] == [("title", "Title", "Briefing note"),
                                                                ("date", "Date", "2025")]
    purpose, status = tpl.sections
    assert (purpose.id, purpose.title, purpose.kinds, purpose.keywords) == (
        "purpose", "Purpose", ["plan", "decision"], ["visit", "purpose"])
    assert (purpose.min, purpose.max, purpose.layout) == (1, 1, "paragraphs")
    assert (status.min, status.max, status.layout, status.kinds) == (None, None, "bullets", [])
    assert tpl.path == str((tmp_path / "t.yaml").resolve())
    assert tpl.defaults() == {"title": "Briefing note", "date": "2025"}


def test_a_template_cites_numbered_with_a_sources_section_unless_it_says_otherwise():
    plain = parse_template("id: x\nname: X\nsections:\n  - {id: a, title: A}\n")
    assert (plain.citations, plain.sources_section) == ("numbered", True)
    chosen = parse_template("id: x\nname: X\ncitations: author-date\nsources_section: false\n"
                            "sections:\n  - {id: a, title: A}\n")
    assert (chosen.citations, chosen.sources_section) == ("author-date", False)


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert load_template(path).id == "demo"


def test_a_field_without_a_label_gets_one_from_its_id(tmp_path):
    tpl = parse_template("id: x\nname: X\nfields:\n  - id: due_date\nsections:\n  - {id: a, title: A}\n")
    assert tpl.fields[0].label == "Due date"


def _error(text: str, tmp_path: Path) -> TemplateError:
    path = _write(tmp_path, textwrap.dedent(text))
    with pytest.raises(TemplateError) as info:
        load_template(path)
    return info.value


@pytest.mark.parametrize(("text", "line", "key", "words"), [
    pytest.param("id: x\nname: X\nsections:\n  - id: a\n    titel: A\n", 5, "sections[0].titel",
                 ["unknown key 'titel'", "did you mean 'title'"], id="unknown key with a suggestion"),
    pytest.param("id: x\nname: X\ncolour: red\nsections:\n  - {id: a, title: A}\n", 3, "colour",
                 ["unknown key 'colour'", "known keys"], id="unknown key without a close match"),
    pytest.param("id: x\nname: X\nsections:\n  - id: a\n    guidance: g\n", 4, "sections[0].title",
                 ["required key is missing"], id="section without a title"),
    pytest.param("name: X\nsections:\n  - {id: a, title: A}\n", 1, "id",
                 ["required key is missing"], id="template without an id"),
    pytest.param("id: x\nname: X\n", 1, "sections", ["required key is missing"], id="no sections"),
    pytest.param("id: x\nname: X\nsections: []\n", 3, "sections", ["at least one section"], id="empty sections"),
    pytest.param("id: x\nname: X\nsections: Purpose\n", 3, "sections", ["expected a list of sections"],
                 id="sections is text"),
    pytest.param("id: x\nname: X\nsections:\n  - Purpose\n", 4, "sections[0]", ["expected a section"],
                 id="a section is text"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: A}\n  - {id: b, title: B}\n  - {id: a, title: C}\n",
                 6, "sections[2].id", ["duplicate section id 'a'", "sections[0]"], id="duplicate section id"),
    pytest.param("id: x\nname: X\nfields:\n  - {id: to}\n  - {id: to}\nsections:\n  - {id: a, title: A}\n",
                 5, "fields[1].id", ["duplicate field id 'to'"], id="duplicate field id"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: A, layout: bulets}\n", 4, "sections[0].layout",
                 ["unknown layout 'bulets'", "did you mean 'bullets'"], id="bad layout"),
    pytest.param("id: x\nname: X\nsections:\n  - id: a\n    title: A\n    min: 3\n    max: 1\n", 6,
                 "sections[0].min", ["min (3) is greater than max (1)"], id="min above max"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: A, max: many}\n", 4, "sections[0].max",
                 ["expected a whole number", "'many'"], id="max is text"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: A, min: -1}\n", 4, "sections[0].min",
                 ["must not be negative"], id="negative min"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: A, kinds: [qoute]}\n", 4,
                 "sections[0].kinds[0]", ["unknown fact kind 'qoute'", "did you mean 'quote'"], id="bad kind"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: [A, B]}\n", 4, "sections[0].title",
                 ["expected text, got a list"], id="title is a list"),
    pytest.param("id: x\nname: yes\nsections:\n  - {id: a, title: A}\n", 2, "name",
                 ["expected text", "put it in quotes"], id="name is a boolean"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: ''}\n", 4, "sections[0].title",
                 ["must not be empty"], id="empty title"),
    pytest.param("id: My Template\nname: X\nsections:\n  - {id: a, title: A}\n", 1, "id",
                 ["not a valid id"], id="id with spaces"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: unplaced, title: A}\n", 4, "sections[0].id",
                 ["reserved"], id="reserved section id"),
    pytest.param("id: x\nname: X\nname: Y\nsections:\n  - {id: a, title: A}\n", 3, "name",
                 ["duplicate key", "line 2"], id="duplicate key"),
    pytest.param("id: x\nname: X\nreference_docx: style.pdf\nsections:\n  - {id: a, title: A}\n", 3,
                 "reference_docx", ["not a Word document"], id="reference is not a docx"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: A}\n  - id: b\n    title: [oops\n", 7, None,
                 ["YAML syntax error"], id="syntax error"),
    pytest.param("id: x\nname: X\nsections:\n  - {id: a, title: A}\n---\nid: y\n", 5, None,
                 ["more than one YAML document"], id="two documents"),
    pytest.param("- id: x\n- name: X\n", 1, None, ["expected a template"], id="a list instead of a mapping"),
    pytest.param("id: x\nname: X\ncitations: footnote\nsections:\n  - {id: a, title: A}\n", 3, "citations",
                 ["unknown citation style 'footnote'", "did you mean 'footnotes'"], id="bad citation style"),
    pytest.param("id: x\nname: X\nsources_section: sometimes\nsections:\n  - {id: a, title: A}\n", 3,
                 "sources_section", ["expected true or false", "'sometimes'"], id="sources_section is text"),
])
def test_each_mistake_is_reported_with_file_line_and_key(tmp_path, text, line, key, words):
    err = _error(text, tmp_path)
    path = str(tmp_path / "t.yaml")
    assert (err.path, err.line, err.key) == (path, line, key)
    message = str(err)
    expected_start = f"{path}:{line}: {key}: " if key else f"{path}:{line}: "
    assert message.startswith(expected_start), message
    for word in words:
        assert word in message
    assert "\n" not in message


def test_an_empty_file_is_refused(tmp_path):
    err = _error("# only a comment\n", tmp_path)
    assert "the file is empty" in str(err)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TemplateError, match="no such file"):
        load_template(tmp_path / "nope.yaml")


def test_a_folder_is_not_a_template(tmp_path):
    with pytest.raises(TemplateError, match="is a folder"):
        load_template(tmp_path)


def test_text_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_bytes(b"id: x\nname: Caf\xe9\nsections: []\n")
    with pytest.raises(TemplateError, match="not UTF-8") as info:
        load_template(path)
    assert info.value.line == 2


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_bytes(b"id: x\n\x00\x01\x02")
    with pytest.raises(TemplateError, match="binary"):
        load_template(path)


@pytest.mark.parametrize("text", [
    pytest.param("id: !!python/object/apply:os.system ['touch {marker}']\nname: X\nsections: []\n", id="apply"),
    pytest.param("id: x\nname: !!python/name:os.system\nsections: []\n", id="name"),
    pytest.param("id: x\nname: !!python/object:builtins.dict {{}}\nsections: []\n", id="object"),
    pytest.param("id: x\nname: !custom X\nsections: []\n", id="local tag"),
    pytest.param("id: x\nname: X\nsections: !!seq\n  - {{id: a, title: A}}\n", id="standard tag"),
])
def test_tags_are_refused_and_nothing_is_executed(tmp_path, text):
    marker = tmp_path / "executed"
    err = _error(text.format(marker=marker), tmp_path)
    assert "tags such as" in str(err)
    assert err.line is not None
    assert not marker.exists()


def _must_not_run(what: str):
    def fail(*args, **kwargs):
        raise AssertionError(f"{what} ran: the file was not refused first")

    return fail


def test_a_billion_laughs_bomb_is_refused_at_its_first_anchor_before_anything_expands(tmp_path, monkeypatch):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    # Every list of the bomb is anchored: not one may be composed, and nothing may walk the nodes.
    monkeypatch.setattr(Composer, "compose_sequence_node", _must_not_run("composing a list"))
    monkeypatch.setattr(loader, "_Reader", _must_not_run("the template reader"))
    err = _error("\n".join(lines) + "\n", tmp_path)
    assert "anchors (&a) are not allowed" in str(err)
    assert err.line == 1


def test_an_alias_alone_is_refused(tmp_path):
    err = _error("id: x\nname: *undefined\nsections: []\n", tmp_path)
    assert "aliases (*undefined) are not allowed" in str(err) and err.line == 2


def test_a_ten_megabyte_file_is_refused_by_its_size_without_being_read_or_parsed(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_text("id: x\nname: X\ndescription: " + "a" * 10_000_000 + "\nsections: []\n")
    monkeypatch.setattr(Path, "read_bytes", _must_not_run("reading the file"))
    monkeypatch.setattr(loader, "compose", _must_not_run("the YAML composer"))
    with pytest.raises(TemplateError, match=r"10\.0 MB; a template must be under 1 MB"):
        load_template(path)


def test_a_file_just_under_the_limit_is_read(tmp_path):
    head = "id: x\nname: X\nsections:\n  - {id: a, title: A}\ndescription: "
    path = _write(tmp_path, head + "a" * (MAX_BYTES - len(head) - 1) + "\n")
    assert path.stat().st_size == MAX_BYTES
    assert len(load_template(path).description) > 900_000


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    err = _error("id: x\nname: X\nsections: " + "[" * 5000 + "]" * 5000 + "\n", tmp_path)
    assert "nested" in str(err)


def test_numbers_and_dates_in_text_keys_are_kept_as_written(tmp_path):
    tpl = parse_template("id: x\nname: 2025\nfields:\n  - {id: date, default: 2025-07-01}\n"
                         "sections:\n  - {id: a, title: 1.5}\n")
    assert (tpl.name, tpl.fields[0].default, tpl.sections[0].title) == ("2025", "2025-07-01", "1.5")


def test_a_single_keyword_is_a_list_of_one(tmp_path):
    tpl = parse_template("id: x\nname: X\nsections:\n  - {id: a, title: A, keywords: visit, kinds: quote}\n")
    assert (tpl.sections[0].keywords, tpl.sections[0].kinds) == (["visit"], ["quote"])


def test_the_reference_document_resolves_next_to_the_template(tmp_path):
    (tmp_path / "styles").mkdir()
    path = _write(tmp_path, "id: x\nname: X\nreference_docx: styles/house.docx\nsections:\n  - {id: a, title: A}\n")
    tpl = load_template(path)
    assert tpl.reference_docx == "styles/house.docx"
    assert tpl.reference_docx_path() == (tmp_path / "styles" / "house.docx").resolve()
    assert parse_template("id: x\nname: X\nsections:\n  - {id: a, title: A}\n").reference_docx_path() is None

"""Brief files: what is saved loads back equal, backups roll, and every kind of damage is one clear error."""

from __future__ import annotations

import os
import re

import pytest
import yaml

from briefing.core.brief import UNPLACED_ID
from briefing.core.errors import BriefFileError
from briefing.storage import brief_file as storage
from briefing.storage.brief_file import (
    FORMAT_VERSION,
    brief_to_yaml,
    load_brief,
    save_brief,
)
from briefing.storage.brief_format import OPTIONAL_FACT_KEYS, fact_to_file_dict
from briefing.storage.serialize import fact_to_dict
from tests.core.briefs import make_brief, make_extraction, make_template

ARTICLE = ("ISLAMABAD: A delegation is to visit Russia from July 5, 2025.\n\n"
           "“Pakistan is a secure hub,” said Khan. The two sides agreed to form a joint working group.")


@pytest.fixture
def brief():
    """A brief with two sources, placements in two sections, a rewording, a note and free text."""
    b = make_brief(ARTICLE)
    b.add_extraction(make_extraction("Second article. It has two sentences.", path="https://example.org/a"))
    first, second, third = b.facts[0].id, b.facts[1].id, b.facts[3].id
    p1, p2 = b.place([first, second], "a")
    b.place([third, first], "b")
    b.reword(p1.id, "A delegation will visit Russia\nin July.")
    b.set_note(p2.id, "Check the date with the embassy.")
    b.set_section_text("c", "Our own text.\n\nSecond paragraph.")
    b.set_metadata("subject", "Steel — “mills” & Ünïcode ✓")
    return b


def test_a_saved_brief_loads_back_equal(tmp_path, brief):
    path = tmp_path / "note.brief.yaml"
    save_brief(brief, path)
    loaded = load_brief(path)
    assert loaded == brief
    assert loaded.times_placed(brief.facts[0].id) == 2
    assert list(loaded.extractions) == list(brief.extractions)
    for extraction in loaded.extractions.values():  # the pool and the sources share the same Fact objects
        assert all(loaded.facts[loaded.fact_row(f.id)] is f for f in extraction.facts)


def test_the_file_is_readable_yaml_with_the_format_first_and_an_end_marker(tmp_path, brief):
    path = tmp_path / "note.brief.yaml"
    save_brief(brief, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"briefing: {FORMAT_VERSION}\ntemplate: demo\nmetadata:\n")
    assert text.endswith("end_of_brief: true\n")
    assert "Steel — “mills” & Ünïcode ✓" in text  # not \u escapes
    assert "    text: |-\n      ISLAMABAD: A delegation is to visit Russia from July 5, 2025.\n\n" in text
    assert "&id" not in text and "*id" not in text and "!!" not in text
    data = yaml.safe_load(text)
    assert list(data) == ["briefing", "template", "metadata", "sections", "sources", "end_of_brief"]
    assert list(data["sections"][0]) == ["id", "title", "guidance", "layout", "min", "max", "text",
                                         "placements"]
    assert list(data["sections"][0]["placements"][0]) == ["id", "fact", "text", "note"]
    assert list(data["sources"][0]) == ["source", "facts", "entities", "acronyms", "model"]


def test_saving_twice_gives_identical_bytes(brief):
    assert brief_to_yaml(brief) == brief_to_yaml(brief)


def test_a_fact_in_the_file_is_the_serialized_fact_without_empty_keys(brief):
    for fact in brief.facts:
        full = fact_to_dict(fact)
        slim = fact_to_file_dict(fact)
        assert list(slim) == [k for k in full if k in slim]
        assert {k: v for k, v in full.items() if k not in slim} == {
            k: v for k, v in full.items() if k in OPTIONAL_FACT_KEYS and not v}
        assert all(slim[k] == full[k] for k in slim)


def test_a_template_switch_round_trips_with_its_unplaced_section(tmp_path, brief):
    brief.apply_template(make_template("other", [("a", "A"), ("z", "Z")]))
    assert brief.sections[-1].id == UNPLACED_ID
    save_brief(brief, tmp_path / "x.brief.yaml")
    assert load_brief(tmp_path / "x.brief.yaml") == brief


def test_a_custom_fact_added_after_a_later_source_keeps_the_pool_order(tmp_path, brief):
    from briefing.core.fact import Fact
    from briefing.core.ids import fact_id

    first = next(iter(brief.extractions.values()))
    text = first.source.text
    start = text.index("secure")
    custom = Fact(id=fact_id(first.source.id, start, start + 6, "secure"), source_id=first.source.id,
                  start=start, end=start + 6, text="secure", custom=True)
    brief.add_fact(custom)
    assert brief.facts[-1] is custom
    save_brief(brief, tmp_path / "x.brief.yaml")
    loaded = load_brief(tmp_path / "x.brief.yaml")
    assert loaded == brief and loaded.facts[-1].custom


def test_backups_roll_and_keep_three(tmp_path, brief):
    path = tmp_path / "note.brief.yaml"
    versions = []
    for n in range(5):
        brief.set_metadata("title", f"Version {n}")
        save_brief(brief, path)
        versions.append(path.read_bytes())
    assert path.read_bytes() == versions[4]
    assert (tmp_path / "note.brief.yaml.bak").read_bytes() == versions[3]
    assert (tmp_path / "note.brief.yaml.bak.2").read_bytes() == versions[2]
    assert (tmp_path / "note.brief.yaml.bak.3").read_bytes() == versions[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "note.brief.yaml", "note.brief.yaml.bak", "note.brief.yaml.bak.2", "note.brief.yaml.bak.3"]
    assert load_brief(tmp_path / "note.brief.yaml.bak").metadata["title"] == "Version 3"


def test_saving_unchanged_content_does_not_push_out_backups(tmp_path, brief):
    path = tmp_path / "note.brief.yaml"
    save_brief(brief, path)
    save_brief(brief, path)
    assert not (tmp_path / "note.brief.yaml.bak").exists()


def test_a_failed_save_leaves_the_old_file_intact(tmp_path, brief, monkeypatch):
    path = tmp_path / "note.brief.yaml"
    save_brief(brief, path)
    before = path.read_bytes()
    brief.set_metadata("title", "Changed")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(BriefFileError, match="disk space|No space"):
        save_brief(brief, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_saving_into_a_missing_folder_is_one_line(tmp_path, brief):
    with pytest.raises(BriefFileError, match="does not exist"):
        save_brief(brief, tmp_path / "nope" / "x.brief.yaml")


def _saved(tmp_path, brief) -> str:
    save_brief(brief, tmp_path / "x.brief.yaml")
    return (tmp_path / "x.brief.yaml").read_text(encoding="utf-8")


def _load_text(tmp_path, text: str | bytes) -> BriefFileError:
    path = tmp_path / "x.brief.yaml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    with pytest.raises(BriefFileError) as info:
        load_brief(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    assert path.read_bytes() == text  # loading never writes
    return info.value


@pytest.mark.parametrize(("damage", "expected"), [
    pytest.param(lambda t: t[: len(t) // 2], "truncated", id="truncated at half"),
    pytest.param(lambda t: t[: t.index("sources:")], "truncated", id="truncated at a line boundary"),
    pytest.param(lambda t: t.replace("sections:\n", "sections: [\n", 1), "damaged", id="broken YAML"),
    pytest.param(lambda t: "just: a\nmapping: true\n", "not a brief file", id="a YAML file that is not a brief"),
    pytest.param(lambda t: "- a\n- list\n", "not a brief file", id="a YAML list"),
    pytest.param(lambda t: t.replace("briefing: 1\n", "briefing: 7\n", 1),
                 "this brief was saved by a newer Briefing (format 7); this version reads up to 1", id="newer"),
    pytest.param(lambda t: t.replace("briefing: 1\n", "briefing: one\n", 1), "not a version", id="bad version"),
    pytest.param(lambda t: re.sub(r"(    fact: f)[0-9a-f]+", r"\g<1>000000000000", t, count=1),
                 "refers to fact f000000000000, which is not in the file", id="dangling placement"),
    pytest.param(lambda t: re.sub(r"(    source_id: s)[0-9a-f]+", r"\g<1>0000000000", t, count=1),
                 "refers to source s0000000000, which is not in the file", id="fact of a missing source"),
    pytest.param(lambda t: t.replace("ISLAMABAD: A delegation", "ISLAMABAD: The delegation", 1),
                 "no longer matches its source text", id="source text edited"),
    pytest.param(lambda t: t.replace("    start: 0\n", "    start: 3\n", 1), "no longer matches", id="offset edited"),
    pytest.param(lambda t: t.replace("    start: 0\n", "    start: zero\n", 1), "expected a character offset",
                 id="offset is text"),
    pytest.param(lambda t: t.replace("  placements: []\n", "  placements: 5\n", 1),
                 "sections[2].placements: expected a list", id="wrong type"),
    pytest.param(lambda t: t.replace("    start: 0\n", "", 1), "sources[0].facts[0]: missing 'start'",
                 id="fact without a start"),
    pytest.param(lambda t: "a: &x [1]\nb: *x\n" + t, "aliases", id="alias"),
    pytest.param(lambda t: t.replace("template: demo", "template: !!python/object/apply:os.getcwd []", 1),
                 "not allowed", id="python tag"),
    pytest.param(lambda t: t.replace("template: demo\n", "template: demo\ntemplate: other\n", 1),
                 "appears twice", id="duplicate key"),
])
def test_a_damaged_file_is_refused_with_one_line(tmp_path, brief, damage, expected):
    err = _load_text(tmp_path, damage(_saved(tmp_path, brief)))
    assert expected in str(err)


def test_a_placement_listed_twice_is_refused(tmp_path, brief):
    text = _saved(tmp_path, brief)
    ids = re.findall(r"  - id: (p[0-9a-f]+)", text)
    assert "appears twice" in str(_load_text(tmp_path, text.replace(ids[1], ids[0])))


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"briefing: 1\ntitle: caf\xe9\n", "not UTF-8"),
    (b"briefing: 1\nsources:\n- source: {id: s1, text: abc, content_hash: x}\n  facts:\n  - [1, 2]\nend_of_brief: true\n",
     "sources[0].facts[0]: expected a fact"),
    (b"briefing: 1\nsources:\n- source: {id: s1, text: abc, content_hash: x}\n  facts:\n  - {id: f, source_id: s1, start: 0, "
     b"end: 2, text: ab, entities: [5]}\nend_of_brief: true\n", "sources[0].facts[0]: "),
    (b"briefing: 1\nsources:\n- source: {id: s1}\nend_of_brief: true\n", "sources[0].source.text: expected"),
])
def test_files_that_are_not_briefs_at_all_are_refused(tmp_path, content, expected):
    assert expected in str(_load_text(tmp_path, content))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(BriefFileError, match="no such file"):
        load_brief(tmp_path / "none.brief.yaml")


def test_a_hand_edited_unquoted_date_is_read_as_text(tmp_path, brief):
    text = _saved(tmp_path, brief).replace("metadata:\n", "metadata:\n  date: 2025-07-01\n", 1)
    (tmp_path / "x.brief.yaml").write_text(text, encoding="utf-8")
    assert load_brief(tmp_path / "x.brief.yaml").metadata["date"] == "2025-07-01"


def test_an_alias_bomb_is_refused_at_its_first_alias_before_anything_expands(tmp_path, brief, monkeypatch):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    text = "\n".join(lines) + "\n" + _saved(tmp_path, brief)
    built: list[int] = []
    real_build = storage._Builder.build

    def counting_build(self, node):
        built.append(id(node))
        if len(built) > 1000:  # fail now rather than expand the 9**8 items
            raise AssertionError("the bomb is being expanded")
        return real_build(self, node)

    def expanding(*args, **kwargs):
        raise AssertionError("PyYAML's constructor ran: it would expand every alias")

    monkeypatch.setattr(storage._Builder, "build", counting_build)
    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", expanding)
    assert "aliases" in str(_load_text(tmp_path, text))
    # Refused on meeting a node a second time: "a", its nine items, "b" and its first item, nothing more.
    assert len(built) == len(set(built)) + 1 and len(built) < 20


def test_loading_uses_the_c_parser_when_present():
    assert issubclass(storage._Loader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert issubclass(storage._Dumper, getattr(yaml, "CSafeDumper", yaml.SafeDumper))


def test_without_libyaml_the_same_bytes_are_written_and_read(tmp_path, brief, monkeypatch):
    c_bytes = brief_to_yaml(brief)

    class PureDumper(yaml.SafeDumper):
        resolve = storage._resolve

    class PureLoader(yaml.SafeLoader):
        resolve = storage._resolve

    monkeypatch.setattr(storage, "_Dumper", PureDumper)
    monkeypatch.setattr(storage, "_Loader", PureLoader)
    assert brief_to_yaml(brief) == c_bytes
    save_brief(brief, tmp_path / "x.brief.yaml")
    assert load_brief(tmp_path / "x.brief.yaml") == brief

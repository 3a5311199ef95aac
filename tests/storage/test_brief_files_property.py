"""Whatever an analyst does to a brief, saving and loading gives the same brief back."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.storage.brief_file import brief_to_yaml, load_brief, save_brief
from tests.core.briefs import make_brief, make_extraction

# Odd text on purpose: YAML-significant characters, line breaks of every kind, tabs, trailing spaces,
# right-to-left and combining marks, emoji, a BOM, and words YAML would read as booleans or numbers.
ODD = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["yes", "No", "~", "null", "0x1F", "1e3", "2025-07-01", "- item", "key: value", "#", "&a",
                     "*a", "!tag", "|", ">", "'", '"', "  lead", "trail  ", "a\n", "\n", "a\r\nb", "x\x85y",
                     "p\u2028q", "\ufeffbom", "\t", "اسلام آباد", "é", "👍🏽", "line 1\n\n  indented\n", ""]),
)


@st.composite
def briefs(draw):
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)
                .filter(lambda t: t.strip()))
    brief = make_brief(draw(st.sampled_from(["One. Two! Three? Four.", "Ünïcode — “quoted”. Next one."])))
    brief.add_extraction(make_extraction(text, path=draw(ODD)))
    sections = [s.id for s in brief.sections]
    fact_ids = [f.id for f in brief.facts]
    for _ in range(draw(st.integers(0, 8))):
        chosen = draw(st.lists(st.sampled_from(fact_ids), min_size=1, max_size=3))
        brief.place(chosen, draw(st.sampled_from(sections)), draw(st.none() | st.integers(-1, 5)))
    placements = [p.id for s in brief.sections for p in s.placements]
    if placements:
        for _ in range(draw(st.integers(0, 4))):
            brief.reword(draw(st.sampled_from(placements)), draw(ODD))
            brief.set_note(draw(st.sampled_from(placements)), draw(ODD))
        brief.move(draw(st.lists(st.sampled_from(placements), min_size=1, max_size=3)),
                   draw(st.sampled_from(sections)), draw(st.none() | st.integers(0, 4)))
    for section in draw(st.lists(st.sampled_from(sections), max_size=3)):
        brief.set_section_text(section, draw(ODD))
    for key, value in draw(st.dictionaries(ODD, ODD, max_size=4)).items():
        brief.set_metadata(key, value)
    return brief


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_save_then_load_returns_an_equal_brief(brief):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.brief.yaml"
        save_brief(brief, path)
        loaded = load_brief(path)
        assert loaded == brief
        assert [s.count_warning() for s in loaded.sections] == [s.count_warning() for s in brief.sections]
        assert brief_to_yaml(loaded) == path.read_bytes()

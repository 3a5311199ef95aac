"""`briefing corroborate`: the JSON contract scripts rely on, a readable listing, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from briefing.cli import main
from tests.corroborate.stories import GAZETTE, LEDGER, WIRE


def test_the_json_lists_groups_of_facts_from_two_or_more_sources_with_exact_offsets(capsys):
    paths = [str(p) for p in (WIRE, LEDGER, GAZETTE)]
    assert main(["corroborate", *paths, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"groups"} and doc["groups"]
    texts = {p: Path(p).read_text(encoding="utf-8") for p in paths}  # already normalised: LF, NFC
    for group in doc["groups"]:
        assert set(group) == {"facts", "conflict", "copied"} and isinstance(group["copied"], bool)
        assert len({f["source"] for f in group["facts"]}) == len(group["facts"]) >= 2
        for fact in group["facts"]:
            assert fact["source"] in paths  # the path as given
            assert set(fact) == {"source", "start", "end", "text"}
            assert texts[fact["source"]][fact["start"]:fact["end"]] == fact["text"]
        if group["conflict"] is not None:
            assert group["conflict"]["what"] in ("figure", "date", "attribution", "other") and group["conflict"]["note"]
    assert any(g["conflict"] and g["conflict"]["what"] == "figure" for g in doc["groups"])
    assert any(g["copied"] for g in doc["groups"])


def test_without_json_the_listing_reads_as_sources_and_wordings(capsys):
    assert main(["corroborate", str(WIRE), str(GAZETTE)]) == 0
    out = capsys.readouterr().out
    assert "2 sources" in out and "Conflict, figure" in out


def test_a_missing_article_is_one_line_and_exit_status_2(capsys, tmp_path):
    assert main(["corroborate", str(WIRE), str(tmp_path / "nope.txt"), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1


def test_a_saved_brief_regroups_on_export_so_a_grouped_fact_still_cites_every_source(tmp_path, capsys):
    from briefing.storage.brief_file import load_brief, save_brief
    from tests.corroborate.stories import fact_starting, story_brief

    brief = story_brief()
    brief.place([fact_starting(brief, GAZETTE, "Construction of the quay")], "key-findings")
    save_brief(brief, tmp_path / "story.brief.yaml")
    assert not load_brief(tmp_path / "story.brief.yaml").corroboration.groups  # derived, never saved
    assert main(["export", str(tmp_path / "story.brief.yaml"), "--out", str(tmp_path / "story.docx")]) == 0
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "story.docx")).paragraphs]
    line = next(t for t in paragraphs if t.startswith("Construction of the quay"))
    assert line.endswith("\u00a0[1, 2]")

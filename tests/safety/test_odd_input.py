"""Odd but valid files, end to end: other encodings, mixed line endings, control characters, web pages, a
line without punctuation, unicode file names, PDFs and a 50 MB article all read through the real command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from article_bytes import ARTICLE, make_pdf
from safety_helpers import Home, run_briefing


def _extract_json(path: Path, home: Home, timeout: float = 120) -> dict:
    result = run_briefing(["extract", str(path), "--json"], home, timeout=timeout)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    text = data["source"]["text"]
    for fact in data["facts"]:
        assert text[fact["start"]:fact["end"]] == fact["text"]  # offsets still slice the source exactly
    return data


@pytest.mark.parametrize(("name", "content", "expect"), [
    ("cp1252.txt", ARTICLE.replace("steel", "caf\u00e9 steel").encode("cp1252"), "caf\u00e9 steel deal"),
    ("utf16.txt", ARTICLE.encode("utf-16"), "\u201cWe are ready,\u201d said Ahmed Khan."),
    ("utf16-no-bom.txt", ARTICLE.encode("utf-16-le"), "Prices rose by 5 percent in May."),
    ("utf8-bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "MOSCOW"),
])
def test_text_in_other_encodings_reads_as_the_same_words(name: str, content: bytes, expect: str, tmp_path: Path,
                                                        home: Home):
    path = tmp_path / name
    path.write_bytes(content)
    data = _extract_json(path, home)
    assert expect in data["source"]["text"]
    assert "\ufffd" not in data["source"]["text"] and "\ufeff" not in data["source"]["text"]
    assert any("Prices rose by 5 percent" in f["text"] for f in data["facts"])


def test_mixed_line_endings_become_one_kind_before_any_offset(tmp_path: Path, home: Home):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"MOSCOW: The minister said the deal was signed on Friday.\r\nPrices rose by 5 percent in "
                     b"May.\rOfficials met in Karachi on Monday.\n\r\nThe ministry will open an office in 2026.\n")
    data = _extract_json(path, home)
    assert "\r" not in data["source"]["text"]
    assert [f["text"] for f in data["facts"]][-1] == "The ministry will open an office in 2026."
    assert len(data["facts"]) == 4


def test_control_characters_do_not_reach_the_facts(tmp_path: Path, home: Home):
    path = tmp_path / "control.txt"
    path.write_text("MOSCOW: The minister\x07 said the deal\x1b was signed on Friday.\x0c Prices rose by 5 "
                    "percent\x01 in May.\x7f Officials met\x85 in Karachi\x9b on Monday.\x08\n", encoding="utf-8")
    data = _extract_json(path, home)
    assert data["facts"]
    for fact in data["facts"]:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", fact["text"]), fact["text"]
    assert "Prices rose by 5 percent in May." in [f["text"] for f in data["facts"]]


def test_a_web_page_gives_its_article_and_none_of_its_scripts_or_styles(tmp_path: Path, home: Home):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Steel deal</title><style>p { color: red } .secret-style {}</style>"
                    "<script>var leaked = 'script text one';</script></head><body><article><h1>Steel deal signed"
                    "</h1><p>MOSCOW: The minister said the deal was signed on Friday. Prices rose by 5 percent in "
                    "May.</p><script>document.write('script text two.')</script><noscript>Enable scripts.</noscript>"
                    "<p>Officials met in Karachi on Monday to discuss the plan.</p></article></body></html>",
                    encoding="utf-8")
    data = _extract_json(path, home)
    text = data["source"]["text"]
    for leaked in ("script text", "color", "secret-style", "document.write", "var leaked"):
        assert leaked not in text
    assert "Officials met in Karachi on Monday to discuss the plan." in [f["text"] for f in data["facts"]]


def test_a_100000_character_line_without_punctuation_is_read_in_time(tmp_path: Path, home: Home):
    path = tmp_path / "one-line.txt"
    words = ("trade steel wheat talks minister karachi moscow ministry plan rail port energy " * 1300)[:100_000]
    path.write_text(words, encoding="utf-8")
    # A timeout, not a proof: what is at stake is the sentence splitter's running time on one unbroken line
    # (a quadratic or backtracking pattern takes minutes there), and only a clock sees that. Generous on purpose.
    data = _extract_json(path, home, timeout=30)
    assert len(data["source"]["text"]) >= 99_000
    assert data["facts"] and all(len(f["text"]) < 100_000 for f in data["facts"])


def test_unicode_and_spaces_in_file_names_work_from_article_to_brief_to_word(tmp_path: Path, home: Home):
    folder = tmp_path / "Dossier \u00fcber \u00d6l \u2014 \u0645\u0644\u0641"
    folder.mkdir()
    article = folder / "Bericht \u00fcber Stahl \U0001f4c4.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    brief = folder / "Note f\u00fcr den Minister.brief.yaml"
    out = folder / "Note f\u00fcr den Minister \u2014 \u0645\u0630\u0643\u0631\u0629.docx"
    result = run_briefing(["compose", str(article), "--out", str(out), "--save", str(brief)], home)
    assert result.returncode == 0, result.stderr
    again = folder / "second copy.docx"
    result = run_briefing(["export", str(brief), "--out", str(again)], home)
    assert result.returncode == 0, result.stderr
    assert "Ahmed Khan" in "\n".join(p.text for p in docx.Document(str(again)).paragraphs)


def test_a_text_pdf_is_read(tmp_path: Path, home: Home):
    path = tmp_path / "statement.pdf"
    path.write_bytes(make_pdf("MOSCOW: The minister said the steel deal would be signed on Friday."))
    data = _extract_json(path, home)
    assert "The minister said the steel deal would be signed on Friday." in [f["text"] for f in data["facts"]]


@pytest.mark.slow
def test_a_50_mb_article_is_read_with_steady_progress(fifty_mb_run):
    assert fifty_mb_run.path.stat().st_size >= 50_000_000
    ticks = fifty_mb_run.ticks
    fractions = [f for _, f in ticks]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert len(set(fractions)) >= 20
    gaps = [b - a for (a, _), (b, _) in zip([(fifty_mb_run.started, 0.0)] + ticks, ticks)]
    # A clock only here: before the first chunk the whole file is read and normalised in one go, so no count
    # of ticks bounds the wait; 15 s between ticks is a progress bar that moves, however slow the machine.
    assert max(gaps) < 15
    extraction = fifty_mb_run.extraction
    assert len(extraction.facts) > 100_000
    text = extraction.source.text
    assert all(text[f.start:f.end] == f.text for f in extraction.facts[:: 997])

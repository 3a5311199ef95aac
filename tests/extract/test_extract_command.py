"""`briefing extract PATH` through a real subprocess: the JSON shape, the report, and bad input as exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from article_files import write_docx, write_zip_bomb

from briefing.storage.paths import SAMPLE_ARTICLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", "extract", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_extract_json_has_the_documented_shape():
    result = run(str(SAMPLE_ARTICLE), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"source", "facts", "entities", "acronyms"} <= set(data)  # new keys are allowed, these stay
    assert data["model"].startswith("en_core_web_sm"), "the CLI runs the whole pipeline, the model included"
    assert {"id", "title", "publisher", "place", "published", "path", "text"} <= set(data["source"])
    assert data["facts"], "the sample has facts"
    for fact in data["facts"]:
        assert {"id", "text", "start", "end", "kind", "speaker", "attributed_to", "entities", "dates"} <= set(fact)
        assert data["source"]["text"][fact["start"]:fact["end"]] == fact["text"]
        for mention in fact["entities"]:
            assert {"text", "type", "start", "end"} <= set(mention)
        for date in fact["dates"]:
            assert set(date) == {"text", "value"}
    for entity in data["entities"]:
        assert {"name", "type", "role", "mentions"} <= set(entity)
    assert data["acronyms"]["PSM"] == "Pakistan Steel Mills"
    assert data["source"]["publisher"] == "Business Recorder"


def test_extract_prints_a_readable_report():
    result = run(str(SAMPLE_ARTICLE))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "publisher: Business Recorder" in out and "place:     Islamabad" in out
    assert "[quote] \u201cPakistan is a secure" in out and "speaker: Haroon Akhtar Khan" in out
    assert "attributed to: Ministry of Industries spokesperson" in out
    assert "July 5, 2025 = 2025-07-05" in out
    assert "Haroon Akhtar Khan \u2014 SAPM on Industries and Production" in out
    assert "PSM     Pakistan Steel Mills" in out


def _empty(tmp: Path) -> Path:
    (tmp / "empty.txt").write_bytes(b"")
    return tmp / "empty.txt"


def _binary(tmp: Path) -> Path:
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 16)
    return tmp / "binary.txt"


def _not_zip(tmp: Path) -> Path:
    (tmp / "fake.docx").write_text("not a zip at all")
    return tmp / "fake.docx"


def _docm(tmp: Path) -> Path:
    return write_docx(tmp / "a.docx", ["The mill will reopen."]).rename(tmp / "macro.docm")


def _bad_pdf(tmp: Path) -> Path:
    (tmp / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    return tmp / "broken.pdf"


def _page_without_article(tmp: Path) -> Path:
    (tmp / "nav.html").write_text("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")
    return tmp / "nav.html"


@pytest.mark.parametrize("make", [
    _empty, _binary, _not_zip, lambda tmp: write_zip_bomb(tmp / "bomb.docx"), _docm,
    lambda tmp: tmp / "missing.txt", _bad_pdf, _page_without_article, lambda tmp: tmp,
], ids=["empty", "binary", "docx-not-zip", "zip-bomb", "docm", "missing", "damaged-pdf", "no-article-html",
        "folder"])
def test_bad_input_exits_2_with_one_line_and_no_traceback(tmp_path, make):
    result = run(str(make(tmp_path)))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: error: ")
    assert "Traceback" not in result.stderr


def test_extract_without_the_language_model_says_so_in_one_line_and_carries_on(tmp_path, monkeypatch, capsys):
    from briefing import cli
    from briefing.extract import nlp

    monkeypatch.setattr(nlp, "model", lambda: None)
    monkeypatch.setattr(nlp, "unavailable_reason", lambda: "spaCy is not available (switched off in a test)")
    article = tmp_path / "article.txt"
    article.write_text("\u201cThe pier is unsafe,\u201d harbour master Jo Bloggs said.\n", encoding="utf-8")
    assert cli.main(["extract", str(article), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err.strip().splitlines() == ["briefing: note: spaCy is not available (switched off in a test)"]
    assert json.loads(out)["facts"][0]["speaker"] == "Jo Bloggs"

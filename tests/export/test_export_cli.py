"""`compose` and `export` from the command line: the citation style chosen with --citations, the output by its
suffix (.docx or .pdf), a wrong choice one line and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from briefing.export.pdf import find_office
from briefing.storage.paths import SAMPLE_ARTICLE


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True,
                          env=env or dict(os.environ), timeout=180)


@pytest.mark.slow
def test_compose_and_export_take_the_citation_style_from_the_command_line(tmp_path):
    saved = tmp_path / "psm.brief.yaml"
    result = _run("compose", str(SAMPLE_ARTICLE), "--out", str(tmp_path / "a.docx"), "--citations", "footnotes",
                  "--save", str(saved))
    assert result.returncode == 0, result.stderr
    assert "word/footnotes.xml" in zipfile.ZipFile(tmp_path / "a.docx").namelist()
    result = _run("export", str(saved), "--out", str(tmp_path / "b.docx"), "--citations", "author-date")
    assert result.returncode == 0, result.stderr
    body = zipfile.ZipFile(tmp_path / "b.docx").read("word/document.xml").decode("utf-8")
    assert "(Business Recorder, " in body and "footnoteReference" not in body


@pytest.mark.parametrize("args, words", [
    (["--out", "brief.odt"], "--out must name a .docx or .pdf file, not 'brief.odt'"),
    (["--out", "brief.docx", "--citations", "harvard"], "invalid choice: 'harvard'"),
])
def test_a_wrong_output_or_style_is_one_line_and_exit_status_2(tmp_path, args, words):
    result = _run("compose", str(SAMPLE_ARTICLE), *[a if a.startswith("-") or a == "harvard" else
                                                     str(tmp_path / a) for a in args])
    assert result.returncode == 2
    assert words.replace("brief.odt", str(tmp_path / "brief.odt")) in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.skipif(find_office() is None, reason="LibreOffice is not installed")
def test_compose_writes_a_pdf_when_out_names_one(tmp_path):
    result = _run("compose", str(SAMPLE_ARTICLE), "--out", str(tmp_path / "brief.pdf"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]

"""Brief files from the command line: `compose --save` writes one, `export` reads it, damage is one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefing.storage.brief_file import load_brief
from briefing.storage.paths import SAMPLE_ARTICLE

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=REPO,
                          env=dict(os.environ), timeout=120)


def test_a_composed_brief_is_saved_loaded_and_exported_again(tmp_path):
    saved = tmp_path / "psm.brief.yaml"
    result = _run("compose", str(SAMPLE_ARTICLE), "--out", str(tmp_path / "a.docx"), "--save", str(saved))
    assert result.returncode == 0, result.stderr
    brief = load_brief(saved)
    assert brief.template_id == "ministerial-note"
    assert brief.section("purpose").placements and not brief.section("options").placements
    assert next(iter(brief.extractions.values())).source.text.startswith("ISLAMABAD")
    result = _run("export", str(saved), "--out", str(tmp_path / "b.docx"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.docx").stat().st_size > 0


def test_exporting_a_damaged_brief_is_one_line_and_exit_status_2(tmp_path):
    saved = tmp_path / "cut.brief.yaml"
    saved.write_text("briefing: 1\ntemplate: ministerial-note\nsections:\n- id: purpose\n", encoding="utf-8")
    result = _run("export", str(saved), "--out", str(tmp_path / "b.docx"))
    assert result.returncode == 2
    assert result.stderr == f"briefing: error: {saved} is incomplete (truncated): its last line 'end_of_brief: " \
                            "true' is missing\n"
    assert not (tmp_path / "b.docx").exists()

"""`briefing templates` and `briefing check-template`, run as a person would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.storage.paths import TEMPLATES_DIR

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, config_home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if config_home is not None:
        env["XDG_CONFIG_HOME"] = str(config_home)
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=60)


def test_templates_json_lists_ids_names_paths_and_sections(tmp_path):
    result = _run("templates", "--json", config_home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == "ministerial-note"
    assert {r["id"] for r in rows} == {p.stem for p in TEMPLATES_DIR.glob("*.yaml")}
    for row in rows:
        assert set(row) == {"id", "name", "path", "sections"}
        assert Path(row["path"]).is_file()
        assert row["sections"] and all(set(s) == {"id", "title"} for s in row["sections"])
    note = rows[0]
    assert note["sections"][0] == {"id": "purpose", "title": "Purpose"}


def test_a_template_in_the_user_folder_is_listed(tmp_path):
    folder = tmp_path / "briefing" / "templates"
    folder.mkdir(parents=True)
    (folder / "desk.yaml").write_text("id: desk-note\nname: Desk note\nsections:\n  - {id: gist, title: Gist}\n")
    rows = json.loads(_run("templates", "--json", config_home=tmp_path).stdout)
    assert rows[-1] == {"id": "desk-note", "name": "Desk note", "path": str((folder / "desk.yaml").resolve()),
                        "sections": [{"id": "gist", "title": "Gist"}]}
    text = _run("templates", config_home=tmp_path)
    assert "desk-note" in text.stdout and "Gist" in text.stdout


def test_listing_templates_warns_about_a_broken_one_in_the_user_folder(tmp_path):
    folder = tmp_path / "briefing" / "templates"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: desk\nname: [unclosed\n", encoding="utf-8")
    result = _run("templates", "--json", config_home=tmp_path)
    assert result.returncode == 0
    assert {row["id"] for row in json.loads(result.stdout)} >= {"ministerial-note", "uk-submission"}
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("briefing: warning: skipped ") and "broken.yaml:" in warning


def test_check_template_accepts_a_good_file():
    path = TEMPLATES_DIR / "uk-submission.yaml"
    result = _run("check-template", str(path))
    assert result.returncode == 0
    assert "OK, template 'uk-submission' with 6 sections" in result.stdout


@pytest.mark.parametrize(("text", "line", "words"), [
    ("id: x\nname: X\nsections:\n  - id: a\n    titel: A\n", 5, "did you mean 'title'"),
    ("id: x\nname: X\nsections:\n  - id: a\n    title: A\n  - id: a\n    title: B\n", 6, "duplicate section id"),
    ("id: x\nname: X\nsections:\n  - {id: a, title: A, layout: table}\n", 4, "unknown layout 'table'"),
    ("id: x\nname: X\nsections:\n  - {id: a, title: A, min: 2, max: 1}\n", 4, "greater than max"),
    ("id: x\nname: X\nsections:\n  - {id: a}\n", 4, "sections[0].title: required key is missing"),
    ("id: x\nname: !!python/object/apply:os.getcwd []\nsections: []\n", 2, "tags such as"),
    ("id: &x x\nname: *x\nsections: []\n", 1, "anchors"),
    ("id: x\nname: 'X\nsections: []\n", 4, "YAML syntax error"),
])
def test_check_template_reports_one_line_with_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    result = _run("check-template", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"briefing: error: {path}:{line}: ")
    assert words in result.stderr


def test_check_template_on_a_missing_file_is_one_line(tmp_path):
    result = _run("check-template", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert result.stderr == f"briefing: error: {tmp_path / 'nope.yaml'}: no such file\n"

"""The installed app finds its templates and sample article without the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(REPO)], check=True)
    (wheel,) = out.glob("briefing-*.whl")
    return wheel


def test_the_wheel_carries_the_templates_and_the_sample_article(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing/_data/templates/ministerial-note.yaml" in names
    assert "briefing/_data/templates/reference.docx" in names
    assert "briefing/_data/resources/psm-russia.txt" in names
    assert "briefing/_data/resources/icons/briefing.svg" in names  # the desktop entry's icon
    assert "briefing/extract/data/places.tsv" in names


@pytest.mark.slow
def test_pip_install_into_a_fresh_venv_lists_templates_and_composes_the_sample(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    # A venv with nothing in it, filled by our own pip through --python (no second pip bootstrapped into it);
    # --no-compile skips writing .pyc files for the dependencies, which Python writes on import anyway.
    # What is installed, and from where, is unchanged: the wheel and the dependencies it declares.
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-compile",
                    str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}

    listed = subprocess.run([str(env_dir / "bin" / "briefing"), "templates", "--json"], cwd=elsewhere,
                            env=env, capture_output=True, text=True, check=True)
    ids = {t["id"] for t in json.loads(listed.stdout)}
    assert {"ministerial-note", "intelligence-bluf", "investment-opportunity", "uk-submission"} <= ids
    assert all("/_data/templates/" in t["path"] for t in json.loads(listed.stdout))

    from briefing.storage.paths import SAMPLE_ARTICLE

    out = elsewhere / "brief.docx"
    subprocess.run([str(python), "-m", "briefing", "compose", str(SAMPLE_ARTICLE), "--out", str(out)],
                   cwd=elsewhere, env=env, check=True, capture_output=True)
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Pakistan Steel Mills" in text

    desktop_env = {**env, "XDG_DATA_HOME": str(tmp_path / "share")}
    subprocess.run([str(env_dir / "bin" / "briefing"), "--install-desktop"], cwd=elsewhere, env=desktop_env,
                   check=True, capture_output=True)
    entry = (tmp_path / "share" / "applications" / "briefing.desktop").read_text(encoding="utf-8")
    assert f"\nTryExec={env_dir / 'bin' / 'briefing'}\n" in entry  # the installed command starts the app
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "briefing.svg").is_file()

SAVED_PAGE = REPO / "tests" / "fixtures" / "saved-web-page.html"


@pytest.mark.slow
def test_a_new_user_installs_with_the_pip_a_fresh_venv_ships_and_extracts_a_saved_web_page(tmp_path: Path):
    """Exactly what a new user does: ``python3 -m venv v && v/bin/pip install .``, the venv's own pip not
    upgraded (pip 23.2 on Python 3.11 does not resolve lxml's html-clean extra that trafilatura's chain needs,
    so the dependency is declared directly), then ``briefing extract page.html``."""
    env_dir = tmp_path / "v"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(env_dir / "bin" / "pip"), "install", "-q", str(REPO)], check=True, env=env, cwd=tmp_path)
    page = tmp_path / "page.html"
    page.write_bytes(SAVED_PAGE.read_bytes())
    result = subprocess.run([str(env_dir / "bin" / "briefing"), "extract", "page.html", "--json"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["title"] == "Harbour board approves new ferry terminal"
    assert data["source"]["published"] == "2025-03-12"
    assert [f["kind"] for f in data["facts"]] == ["decision", "quote", "plan"]
    assert data["model"].startswith("en_core_web_sm"), "the model installed with the package and ran"
    assert ("Tomas Reyes", "person") in {(e["name"], e["type"]) for e in data["entities"]}

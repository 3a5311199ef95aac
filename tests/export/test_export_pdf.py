"""PDF through LibreOffice: the real conversion when it is installed, and with it absent, failing or stuck
(faked through PATH), one line and no file touched."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from export_helpers import make_brief

from briefing.core.errors import ExportError
from briefing.export.pdf import INSTALL_HINT, export_pdf, find_office

REAL_OFFICE = find_office()
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="the fake LibreOffice is a shell script")


def _brief():
    brief = make_brief()
    brief.place([brief.facts[1].id, brief.facts[2].id], "status")
    return brief


def _fake_office(folder: Path, script: str) -> Path:
    """A ``soffice`` on a PATH of its own that runs ``script`` (sh) instead of LibreOffice."""
    folder.mkdir(exist_ok=True)
    office = folder / "soffice"
    office.write_text("#!/bin/sh\nPATH=/usr/bin:/bin\n" + script, encoding="utf-8")  # its tools, not ours
    office.chmod(office.stat().st_mode | stat.S_IXUSR)
    return office


@pytest.fixture
def only_fakes(tmp_path, monkeypatch) -> Path:
    """PATH holding nothing but a folder for fakes (empty: LibreOffice is absent)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_without_libreoffice_the_export_says_what_to_install_and_writes_nothing(tmp_path, only_fakes):
    old = tmp_path / "brief.pdf"
    old.write_bytes(b"%PDF old")
    with pytest.raises(ExportError) as err:
        export_pdf(_brief(), old)
    assert str(err.value) == INSTALL_HINT and "libreoffice" in str(err.value).lower()
    assert old.read_bytes() == b"%PDF old"


@needs_posix
def test_the_command_line_without_libreoffice_is_one_line_and_exit_status_2(tmp_path):
    from briefing.storage.paths import SAMPLE_ARTICLE

    env = {**os.environ, "PATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "briefing", "compose", str(SAMPLE_ARTICLE), "--out",
                             str(tmp_path / "brief.pdf")], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr == f"briefing: error: {INSTALL_HINT}\n"
    assert not (tmp_path / "brief.pdf").exists()


@needs_posix
def test_libreoffice_runs_headless_with_a_private_profile_and_the_pdf_lands_whole(tmp_path, only_fakes):
    args_file = tmp_path / "args.txt"
    _fake_office(only_fakes, f"""printf '%s\\n' "$@" > '{args_file}'
while [ $# -gt 1 ]; do [ "$1" = --outdir ] && out="$2"; shift; done
mkdir -p "$out"; name=$(basename "$1" .docx); printf '%%PDF-1.7 fake' > "$out/$name.pdf"
""")
    target = tmp_path / "brief.pdf"
    assert export_pdf(_brief(), target) == target
    assert target.read_bytes() == b"%PDF-1.7 fake"
    args = args_file.read_text(encoding="utf-8").splitlines()
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "pdf"
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert not Path(profile.removeprefix("-env:UserInstallation=file://")).exists()  # thrown away afterwards
    assert args[-1].endswith("brief.docx")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@needs_posix
def test_a_failing_conversion_is_one_line_with_libreoffices_reason(tmp_path, only_fakes):
    _fake_office(only_fakes, "echo 'Error: source file could not be loaded' >&2\nexit 1\n")
    with pytest.raises(ExportError, match="could not convert brief.docx to PDF .exit status 1: Error: source file"):
        export_pdf(_brief(), tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()


@needs_posix
def test_a_stuck_libreoffice_is_stopped_after_the_time_limit(tmp_path, only_fakes):
    pid_file = tmp_path / "pid"
    _fake_office(only_fakes, f"sleep 60 &\necho $! > '{pid_file}'\nwait\n")
    started = time.monotonic()
    with pytest.raises(ExportError, match="did not finish the PDF within 1 seconds"):
        export_pdf(_brief(), tmp_path / "brief.pdf", timeout=1)
    assert time.monotonic() - started < 30
    child = int(pid_file.read_text())
    for _ in range(50):  # the launcher's child goes with it (the whole process group is stopped)
        if not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        pytest.fail("LibreOffice's child process outlived the time limit")
    assert not (tmp_path / "brief.pdf").exists()


@pytest.mark.slow
@pytest.mark.skipif(REAL_OFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("style", ["numbered", "footnotes", "author-date"])
def test_libreoffice_turns_each_citation_style_into_a_pdf_that_reads_like_the_brief(tmp_path, style):
    from pypdf import PdfReader

    brief = _brief()
    path = export_pdf(brief, tmp_path / "brief.pdf", citations=style)
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).split())
    assert "Briefing note" in text and "Officials said Pakistan Steel Mills" in text
    assert "Business Recorder" in text
    if style == "footnotes":  # the two notes sit at the foot of the page, numbered 1 and 2
        assert text.count("SAPM-led delegation to visit Russia") >= 2


def test_the_real_libreoffice_is_found_on_path_when_installed():
    assert (REAL_OFFICE is not None) == any(shutil.which(n) for n in ("soffice", "libreoffice"))


@needs_posix
def test_a_read_only_pdf_is_refused_like_a_read_only_word_file(tmp_path, only_fakes):
    _fake_office(only_fakes, "exit 0\n")
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"%PDF kept")
    target.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        export_pdf(_brief(), target)
    assert target.read_bytes() == b"%PDF kept"

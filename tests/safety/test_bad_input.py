"""Bad input, end to end: every hostile or broken file through the real `briefing` command.

Each refusal is exit status 2, exactly one line on stderr naming the problem, no traceback, and every file
in the folder exactly as it was (no temporary file left either). The odd-but-valid files are in test_odd_input.
Per-module details live in tests/extract, tests/template, tests/export and tests/storage; this is the table a
person would see.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import docx
import pytest
import yaml
from article_bytes import ARTICLE, make_pdf
from safety_helpers import Home, run_briefing

from briefing.storage.paths import SAMPLE_ARTICLE

PREVIOUS_EXPORT = b"the export the analyst sent yesterday"


# ------------------------------------------------------------------------------------------- the good files
@pytest.fixture(scope="module")
def good_brief_yaml() -> bytes:
    """A real brief (the sample article, auto-drafted) as saved by the app."""
    from briefing.compose.draft import compose
    from briefing.storage.brief_file import brief_to_yaml

    return brief_to_yaml(compose([str(SAMPLE_ARTICLE)]))


def _edit_brief(good: bytes, change: Callable[[dict], None]) -> bytes:
    data = yaml.safe_load(good)
    change(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode("utf-8")


def _template(**changes: object) -> str:
    data = {"id": "trade-note", "name": "Trade note",
            "sections": [{"id": "summary", "title": "Summary"}, {"id": "quotes", "title": "Quotes"}]}
    data.update(changes)
    return yaml.safe_dump(data, sort_keys=False)


def _docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "A" * 20_000_000 + "</w:document>")
    return buffer.getvalue()


def _docm() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/vbaProject.bin", b"Attribute VB_Name = \"AutoOpen\"")
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------- folder snapshots
def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (names and contents), so any change or leftover shows."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_refused(result: subprocess.CompletedProcess[str], fragment: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    line = result.stderr.rstrip("\n")
    assert line.startswith("briefing: error: ")
    assert re.search(fragment, line, re.IGNORECASE), line
    return line


# ------------------------------------------------------------------------------------------- the table
@dataclass(frozen=True)
class Bad:
    """A file (or files) a person might hand to the command, and what they must be told."""

    name: str
    files: Callable[[bytes], dict[str, bytes]]  # given the good brief: file name -> content
    args: list[str]  # the command line; names refer to files in the case's folder
    says: str  # a regular expression for the meaningful part of the one line

    def __str__(self) -> str:
        return self.name


BAD = [
    # Articles
    Bad("empty article", lambda g: {"a.txt": b""}, ["extract", "a.txt"], r"a\.txt is empty"),
    Bad("blank article", lambda g: {"a.txt": b" \n\t\n"}, ["extract", "a.txt"], r"a\.txt .*(empty|no text)"),
    Bad("binary file named .txt", lambda g: {"a.txt": bytes(range(256)) * 20}, ["extract", "a.txt"],
        r"a\.txt is a binary file, not text"),
    Bad("an image named .txt", lambda g: {"photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(4000)}, ["extract", "photo.txt"],
        r"photo\.txt is a binary file"),
    Bad("a PDF that is not a PDF", lambda g: {"a.pdf": b"%PDF-1.4\nthis is not really a pdf"}, ["extract", "a.pdf"],
        r"a\.pdf .*(damaged|not a|cannot be read)"),
    Bad("a scanned PDF without text", lambda g: {"scan.pdf": make_pdf(None)}, ["extract", "scan.pdf"],
        r"scan\.pdf .*(no text|scan)"),
    Bad(".docx that is not a zip", lambda g: {"a.docx": b"not a zip at all"}, ["extract", "a.docx"],
        r"a\.docx is not a Word document"),
    Bad("zip bomb disguised as .docx", lambda g: {"bomb.docx": _docx_bomb()}, ["extract", "bomb.docx"],
        r"bomb\.docx .*zip bomb"),
    Bad("macro-enabled .docm", lambda g: {"macro.docm": _docm()}, ["extract", "macro.docm"],
        r"macro\.docm: macro-enabled documents are not opened"),
    Bad("old binary .doc", lambda g: {"old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)},
        ["extract", "old.doc"], r"old\.doc"),
    Bad("missing article", lambda g: {}, ["extract", "gone.txt"], r"no such file: .*gone\.txt"),
    Bad("a folder as article", lambda g: {"folder/x.txt": b"x"}, ["extract", "folder"], r"folder .*folder"),

    # Templates
    Bad("template YAML syntax error", lambda g: {"t.yaml": b"id: trade\nname: [unclosed\nsections:\n  - id: a\n"},
        ["check-template", "t.yaml"], r"t\.yaml:\d+"),
    Bad("template unknown key", lambda g: {"t.yaml": _template(colour="blue").encode()},
        ["check-template", "t.yaml"], r"t\.yaml:\d+: .*unknown key 'colour'"),
    Bad("template wrong type", lambda g: {"t.yaml": _template(sections="Summary").encode()},
        ["check-template", "t.yaml"], r"t\.yaml:\d+: sections: expected a list"),
    Bad("template duplicate section id",
        lambda g: {"t.yaml": _template(sections=[{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]).encode()},
        ["check-template", "t.yaml"], r"t\.yaml:\d+: .*sections\[1\]\.id.*'a'"),
    Bad("template section without title", lambda g: {"t.yaml": _template(sections=[{"id": "a"}]).encode()},
        ["check-template", "t.yaml"], r"t\.yaml:\d+: .*title.*required key is missing"),
    Bad("template !!python/object tag",
        lambda g: {"t.yaml": b"id: x\nname: !!python/object/apply:os.system ['touch pwned']\n"
                             b"sections: [{id: a, title: A}]\n"},
        ["check-template", "t.yaml"], r"t\.yaml:2: .*tags such as .* not allowed .*nothing is ever executed"),
    Bad("template billion laughs",
        lambda g: {"t.yaml": ("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                              + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
                                        for p, c in zip("abcdefgh", "bcdefghi"))).encode()},
        ["check-template", "t.yaml"], r"t\.yaml:\d+: .*(aliases|anchors) .* not allowed"),
    Bad("template of 10 MB",
        lambda g: {"t.yaml": _template().encode() + b"# padding " + b"x" * 10_000_000 + b"\n"},
        ["check-template", "t.yaml"], r"t\.yaml: the file is 10\.0 MB; a template must be under 1 MB"),
    Bad("empty template", lambda g: {"t.yaml": b""}, ["check-template", "t.yaml"], r"t\.yaml: .*empty"),
    Bad("compose with a broken template",
        lambda g: {"a.txt": ARTICLE.encode(), "t.yaml": _template(colour="blue").encode(),
                   "out.docx": PREVIOUS_EXPORT},
        ["compose", "a.txt", "--template", "t.yaml", "--out", "out.docx"], r"unknown key 'colour'"),

    # Briefs
    Bad("truncated brief", lambda g: {"b.brief.yaml": g[: len(g) // 2], "out.docx": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"b\.brief\.yaml is (incomplete|damaged).*truncated"),
    Bad("brief cut mid-line", lambda g: {"b.brief.yaml": g[: len(g) // 3] + b"  - id: \"p", "out.docx": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"b\.brief\.yaml is (incomplete|damaged)"),
    Bad("corrupt brief (random bytes)",
        lambda g: {"b.brief.yaml": hashlib.sha512(b"x").digest() * 64, "out.docx": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"b\.brief\.yaml is not a brief file"),
    Bad("brief that is some other YAML", lambda g: {"b.brief.yaml": b"shopping: [eggs, milk]\n"},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"b\.brief\.yaml is not a brief file"),
    Bad("empty brief", lambda g: {"b.brief.yaml": b""}, ["export", "b.brief.yaml", "--out", "out.docx"],
        r"b\.brief\.yaml is empty"),
    Bad("brief from a newer version",
        lambda g: {"b.brief.yaml": _edit_brief(g, lambda d: d.update(briefing=99)), "out.docx": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"saved by a newer Briefing \(format 99\)"),
    Bad("brief citing a missing source",
        lambda g: {"b.brief.yaml": _edit_brief(g, lambda d: d["sources"][0]["facts"][0].update(source_id="s-gone")),
                   "out.docx": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"refers to source s-gone, which is not in the file"),
    Bad("brief placing a fact that does not exist",
        lambda g: {"b.brief.yaml": _edit_brief(g, lambda d: d["sections"][0]["placements"][0].update(fact="f-nope")),
                   "out.docx": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"refers to fact f-nope, which is not in the file"),
    Bad("brief whose article text was edited",
        lambda g: {"b.brief.yaml": _edit_brief(g, lambda d: d["sources"][0]["source"].update(
            text=d["sources"][0]["source"]["text"].replace("ISLAMABAD", "KARACHI"))), "out.docx": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"no longer matches its source text"),
    Bad("brief with a python tag", lambda g: {"b.brief.yaml": g.replace(b"template: ministerial-note",
                                                                       b"template: !!python/name:os.system")},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"b\.brief\.yaml is damaged: .*tag .* not allowed"),

    # Exports
    Bad("export into a missing folder", lambda g: {"b.brief.yaml": g}, ["export", "b.brief.yaml", "--out",
                                                                        "nowhere/out.docx"],
        r"the folder .*nowhere does not exist"),
    Bad("export to a name that is not .docx", lambda g: {"b.brief.yaml": g, "out.doc": PREVIOUS_EXPORT},
        ["export", "b.brief.yaml", "--out", "out.doc"], r"--out must name a \.docx or \.pdf file"),
    Bad("export onto a folder", lambda g: {"b.brief.yaml": g, "out.docx/keep.txt": b"keep"},
        ["export", "b.brief.yaml", "--out", "out.docx"], r"out\.docx is a folder"),
    Bad("save a brief into a missing folder", lambda g: {"a.txt": ARTICLE.encode(), "out.docx": PREVIOUS_EXPORT},
        ["compose", "a.txt", "--out", "new.docx", "--save", "nowhere/b.brief.yaml"],
        r"the folder .*nowhere does not exist"),
]

_KEEPS_OUTPUT_OF_COMPOSE = {"save a brief into a missing folder"}  # compose writes the .docx, then the save fails


@pytest.mark.parametrize("case", BAD, ids=str)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(case: Bad, home: Home, tmp_path: Path,
                                                             good_brief_yaml: bytes):
    folder = tmp_path / "work"
    folder.mkdir()
    for name, content in case.files(good_brief_yaml).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    before = _snapshot(folder)
    # No clock here: that the bombs are refused before anything expands is proved without one where each is
    # refused (tests/template, tests/storage, tests/extract); run_briefing's timeout only stops a hang.
    result = run_briefing(case.args, home, cwd=folder)
    _assert_refused(result, case.says)
    after = _snapshot(folder)
    if case.name in _KEEPS_OUTPUT_OF_COMPOSE:
        assert after.pop("new.docx")
    assert after == before
    assert not (folder / "pwned").exists()


# ------------------------------------------------------------------------------------------- exports the OS refuses
@contextlib.contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """``chattr +i``: even root cannot replace the file or add to the folder (a locked file, a read-only share)."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(0o755 if path.is_dir() else 0o644)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot make {path} immutable here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@contextlib.contextmanager
def _tiny_disk(folder: Path, files: dict[str, bytes], free: int = 8192) -> Iterator[Path]:
    """A nearly full disk holding ``files``: a 64 kB tmpfs at ``folder`` with about ``free`` bytes left (root
    only; skipped elsewhere)."""
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        for name, content in files.items():
            (folder / name).write_bytes(content)
        stats = os.statvfs(folder)
        (folder / "filler").write_bytes(bytes(max(0, stats.f_bavail * stats.f_frsize - free)))
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def exporting(tmp_path: Path, good_brief_yaml: bytes) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "b.brief.yaml").write_bytes(good_brief_yaml)
    (folder / "out.docx").write_bytes(PREVIOUS_EXPORT)
    return folder


@pytest.mark.parametrize(("locked", "says"), [
    ("out.docx", r"(no permission to write|read-only).*out\.docx"),
    (".", r"no permission to write .*out\.docx"),
])
def test_an_export_onto_a_locked_file_or_into_a_read_only_folder_changes_nothing(exporting: Path, home: Home,
                                                                                locked: str, says: str):
    before = _snapshot(exporting)
    with _immutable(exporting / locked):
        result = run_briefing(["export", "b.brief.yaml", "--out", "out.docx"], home, cwd=exporting)
    _assert_refused(result, says)
    assert _snapshot(exporting) == before


def test_an_export_onto_a_read_only_file_says_so(exporting: Path, home: Home):
    (exporting / "out.docx").chmod(0o444)
    before = _snapshot(exporting)
    result = run_briefing(["export", "b.brief.yaml", "--out", "out.docx"], home, cwd=exporting)
    _assert_refused(result, r"out\.docx is read-only; choose another name or make it writable")
    assert _snapshot(exporting) == before


def test_an_export_onto_a_full_disk_keeps_the_previous_export(exporting: Path, tmp_path: Path, home: Home):
    with _tiny_disk(tmp_path / "disk", {"out.docx": PREVIOUS_EXPORT}) as disk:
        before = _snapshot(disk)
        result = run_briefing(["export", str(exporting / "b.brief.yaml"), "--out", str(disk / "out.docx")], home)
        _assert_refused(result, r"not enough disk space to write .*out\.docx")
        assert _snapshot(disk) == before


def test_saving_a_brief_onto_a_full_disk_keeps_the_previous_brief(exporting: Path, tmp_path: Path, home: Home,
                                                                 good_brief_yaml: bytes):
    article = exporting / "a.txt"
    article.write_text(ARTICLE * 40, encoding="utf-8")  # a brief bigger than the disk's free space
    with _tiny_disk(tmp_path / "disk", {"b.brief.yaml": good_brief_yaml}) as disk:
        before = _snapshot(disk)
        result = run_briefing(["compose", str(article), "--out", str(exporting / "new.docx"), "--save",
                               str(disk / "b.brief.yaml")], home)
        _assert_refused(result, r"(not enough disk space|cannot keep a backup).*b\.brief\.yaml")
        after = _snapshot(disk)
        assert after.pop("b.brief.yaml.bak", before["b.brief.yaml"]) == before["b.brief.yaml"]
        assert after == before


def test_an_export_over_a_file_someone_has_open_replaces_it_whole(exporting: Path, home: Home):
    with open(exporting / "out.docx", "rb") as reader:  # a viewer holding the old export open
        result = run_briefing(["export", "b.brief.yaml", "--out", "out.docx"], home, cwd=exporting)
        assert result.returncode == 0, result.stderr
        assert reader.read() == PREVIOUS_EXPORT  # the reader still sees the old, complete file
    assert docx.Document(str(exporting / "out.docx")).paragraphs


def test_saves_that_fail_on_a_full_disk_do_not_push_out_older_backups(tmp_path: Path, good_brief_yaml: bytes):
    from briefing.core.errors import BriefFileError
    from briefing.storage.brief_file import load_brief, save_brief

    versions = {"b.brief.yaml": good_brief_yaml, "b.brief.yaml.bak": good_brief_yaml.replace(b"Briefing note", b"v2"),
                "b.brief.yaml.bak.2": good_brief_yaml.replace(b"Briefing note", b"v1")}
    brief = load_brief_from(good_brief_yaml, tmp_path)
    brief.set_metadata("title", "A much longer title than any before, so that the file no longer fits " * 40)
    with _tiny_disk(tmp_path / "disk", versions, free=4096) as disk:
        before = _snapshot(disk)
        # The analyst presses Save again and again. Rotating backups before the write succeeds would free
        # the oldest backup's space on each try, until a save "works" by deleting it.
        for _ in range(3):
            with pytest.raises(BriefFileError, match="not enough disk space"):
                save_brief(brief, disk / "b.brief.yaml")
        after = _snapshot(disk)
        assert {k: after.get(k) for k in before} == before  # every version still there, unchanged
        assert load_brief(disk / "b.brief.yaml.bak.2").metadata["title"] == "v1"


def load_brief_from(content: bytes, folder: Path):
    from briefing.storage.brief_file import load_brief

    path = folder / "source.brief.yaml"
    path.write_bytes(content)
    return load_brief(path)

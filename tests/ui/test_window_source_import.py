"""Bringing sources in from the window: several files at once, a folder with junk in it, and a web address
served by a local HTTP server on 127.0.0.1 (never the internet), read in the background."""

from __future__ import annotations

import shutil
from typing import Iterator

import pytest

from tests.corroborate.stories import GAZETTE, LEDGER, OUTLETS, WIRE
from tests.local_server import QuietHandler, local_server
from tests.ui.conftest import shown_window

PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Ferry strike ends</title></head>
<body><nav>Home | Local | Weather</nav><article><h1>Ferry strike ends after nine days</h1>
<p>Ferry crews on the Marrow Sound route returned to work on Friday after a nine-day strike over rosters.</p>
<p>The operator agreed to hire 40 more deckhands before the summer season, union leader Petra Holm said.</p>
<p>Services will run to the normal timetable from Saturday morning, the operator said.</p></article>
<footer>Sound Courier</footer></body></html>"""


class _Handler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        found = self.path == "/ferry"
        body = PAGE if found else b"<html><body>Not found</body></html>"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Handler) as address:
        yield address


def idle(window) -> bool:
    return window.job is None and window.sources.job is None and not window.pending


def test_several_files_open_as_one_brief_read_one_after_another(qtbot, settings):
    window = shown_window(qtbot, settings)
    window.sources.open_paths([str(p) for p in OUTLETS])
    qtbot.waitUntil(lambda: idle(window) and len(window.brief.extractions) == 3, timeout=60_000)
    assert {x.source.path for x in window.brief.extractions.values()} == {str(p) for p in OUTLETS}
    assert window.brief.corroboration.groups  # grouped as they arrived


def test_a_folder_brings_in_its_articles_and_lists_its_junk_in_one_message(qtbot, settings, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in (WIRE, GAZETTE):
        shutil.copy(path, folder / path.name)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (folder / "notes.xyz").write_bytes(b"\0\1\2")
    window = shown_window(qtbot, settings)
    errors: list[str] = []
    window.error_reported.connect(errors.append)
    window.sources.open_folder(str(folder))
    assert "Reading the articles" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: idle(window) and bool(window.brief.extractions), timeout=60_000)
    assert len(window.brief.extractions) == 2
    assert len(errors) == 1 and "2 files" in errors[0] and "photo.png" in errors[0] and "notes.xyz" in errors[0]


def test_a_folder_joining_a_brief_is_one_undo_step(qtbot, settings, tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    for path in (LEDGER, GAZETTE):
        shutil.copy(path, folder / path.name)
    window = shown_window(qtbot, settings)
    window.open_path(WIRE)
    window.sources.open_folder(str(folder))
    qtbot.waitUntil(lambda: idle(window) and len(window.brief.extractions) == 3, timeout=60_000)
    assert window.brief.corroboration.groups
    window.undo_stack.undo()
    assert len(window.brief.extractions) == 1
    assert not window.brief.corroboration.groups


def test_an_article_at_a_web_address_joins_the_brief_citing_its_address(qtbot, settings, server):
    window = shown_window(qtbot, settings)
    window.open_path(WIRE)
    url = server + "/ferry"
    window.sources.open_url(url)
    assert url in window.statusBar().currentMessage()  # the status bar says it is fetching
    qtbot.waitUntil(lambda: idle(window) and len(window.brief.extractions) == 2, timeout=60_000)
    source = next(x.source for x in window.brief.extractions.values() if x.source.path == url)
    assert url in source.citation()
    assert any("Ferry crews" in f.text for f in window.brief.facts)


@pytest.mark.parametrize("address, words", [("/nowhere", "404"), ("ftp-ish", "not a web address")])
def test_an_address_that_fails_is_one_line_and_the_brief_is_unchanged(qtbot, settings, server, address, words):
    window = shown_window(qtbot, settings)
    window.open_path(WIRE)
    before = (list(window.brief.extractions), len(window.brief.facts), window.undo_stack.count())
    errors: list[str] = []
    window.error_reported.connect(errors.append)
    window.sources.open_url(server + address if address.startswith("/") else address)
    qtbot.waitUntil(lambda: idle(window) and bool(errors), timeout=30_000)
    assert len(errors) == 1 and "\n" not in errors[0] and words in errors[0]
    assert (list(window.brief.extractions), len(window.brief.facts), window.undo_stack.count()) == before

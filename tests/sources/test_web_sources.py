"""Articles from web addresses, served by a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import time
from typing import Iterator

import pytest

from briefing.cli import main
from briefing.core.errors import InputError
from briefing.sources.web import extract_url, fetch
from tests.local_server import QuietHandler, local_server

PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Port board backs terminal plan</title></head>
<body><nav>Home | World | Sport</nav><article><h1>Port board backs terminal plan</h1>
<p>Port commissioners in Kestrel Bay voted on Tuesday to back a plan to enlarge the container terminal.</p>
<p>The expansion will bring 1,500 construction jobs to the town over four years, chairman Tomas Reyland said.</p>
<p>Construction of the quay starts on March 3, 2026, officials said.</p></article>
<footer>Copyright Harbour Gazette</footer></body></html>"""

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article": (200, "text/html; charset=utf-8", PAGE),
    "/missing": (404, "text/html", b"<html><body>Not found</body></html>"),
    "/picture": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    "/empty-page": (200, "text/html", b"<html><body><nav>Home</nav></body></html>"),
    "/huge": (200, "text/html", b"<html><body>" + b"x" * 4096 + b"</body></html>"),
}


class _Handler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if self.path == "/slow":
            time.sleep(2)
        status, media_type, body = ROUTES.get(self.path, ROUTES["/missing"])
        try:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Handler) as address:
        yield address


def test_an_article_page_is_read_and_its_source_keeps_the_address_for_citation(server):
    url = server + "/article"
    extraction = extract_url(url)
    assert extraction.source.path == url and extraction.source.kind == "html"
    assert any(f.text.startswith("Port commissioners in Kestrel Bay") for f in extraction.facts)
    assert not any("Home | World" in f.text for f in extraction.facts)
    assert f"URL: {url}" in extraction.source.citation()


@pytest.mark.parametrize(("path", "words"), [
    ("/missing", "404"),
    ("/picture", "not a web page"),
    ("/empty-page", "no article text|does not look like an article"),
])
def test_an_address_that_is_not_an_article_is_one_clear_error(server, path, words):
    with pytest.raises(InputError, match=words) as caught:
        extract_url(server + path)
    assert "\n" not in str(caught.value) and server + path in str(caught.value)


def test_a_page_over_the_size_limit_is_refused(server):
    with pytest.raises(InputError, match="too large"):
        fetch(server + "/huge", limit=1024)


def test_a_server_that_does_not_answer_in_time_is_refused_after_the_timeout(server):
    started = time.monotonic()
    with pytest.raises(InputError, match="no answer within"):
        fetch(server + "/slow", timeout=0.3)
    assert time.monotonic() - started < 1.9


def test_nothing_listens_there_is_one_clear_error():
    with pytest.raises(InputError, match="could not be fetched"):
        fetch("http://127.0.0.1:9/", timeout=2)


def test_the_extract_command_reads_an_address_and_fails_with_exit_status_2_on_a_bad_one(server, capsys):
    assert main(["extract", server + "/article"]) == 0
    assert "Kestrel Bay" in capsys.readouterr().out
    assert main(["extract", server + "/missing"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "404" in err

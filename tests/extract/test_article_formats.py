"""Web pages, Word documents and PDFs read as articles; dangerous or broken ones are refused clearly."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from article_files import write_docx, write_pdf, write_zip_bomb

from briefing.core.errors import InputError
from briefing.extract.pipeline import extract_path

PARAGRAPHS = [
    "ISLAMABAD: A high-level delegation led by Haroon Akhtar Khan is to visit Russia from July 5, 2025.",
    "The two countries agreed to form a joint working group on the revival of Pakistan Steel Mills (PSM).",
    "\u201cPakistan is a secure and thriving hub for investment,\u201d said Khan.",
]

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Pakistan, Russia to revive steel mill | Business Recorder</title>
<meta property="og:title" content="Pakistan, Russia to revive steel mill">
<meta property="og:site_name" content="Business Recorder">
<meta property="og:url" content="https://www.brecorder.com/news/40370001">
<meta property="article:published_time" content="2025-07-03T09:00:00+05:00">
<style>body { color: red; } .secret-style { display: none }</style>
<script>var secretTracker = "should never leak"; console.log(secretTracker);</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li><li>Subscribe now</li></ul></nav>
<article><h1>Pakistan, Russia to revive steel mill</h1>
<p>{p0}</p><p>{p1} Officials said the working group would report within three months of its formation.</p>
<p>{p2} He added that Russian investors had shown keen interest in the steel sector and its future.</p>
<p>The ministry said technical teams from both sides would meet again in Moscow to discuss financing.</p>
</article>
<div id="comments" class="comments"><h3>Comments</h3><p class="comment">Great news for Karachi!</p></div>
<footer>Copyright Business Recorder, 2025. About us. Contact. Privacy policy.</footer>
<script>document.write("another script that must not leak")</script>
</body></html>""".replace("{p0}", PARAGRAPHS[0]).replace("{p1}", PARAGRAPHS[1]).replace("{p2}", PARAGRAPHS[2])


def test_a_saved_web_page_gives_the_article_text_and_metadata_without_page_furniture(tmp_path):
    path = tmp_path / "article.html"
    path.write_text(PAGE, encoding="utf-8")
    extraction = extract_path(path)
    source = extraction.source
    assert source.kind == "html"
    assert source.title == "Pakistan, Russia to revive steel mill"
    assert source.publisher == "Business Recorder"
    assert source.published == "2025-07-03"
    assert source.path == "https://www.brecorder.com/news/40370001"
    assert source.place == "Islamabad"
    for leak in ("secretTracker", "should never leak", "color: red", "must not leak", "Markets",
                 "Great news for Karachi", "Privacy policy"):
        assert leak not in source.text
    assert any(f.kind == "quote" and f.speaker == "Haroon Akhtar Khan" for f in extraction.facts)


def test_a_web_page_without_an_article_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError, match="no article text|does not look like an article"):
        extract_path(path)


def test_a_word_document_reads_paragraphs_title_and_author(tmp_path):
    path = write_docx(tmp_path / "article.docx", ["Pakistan, Russia to revive steel mill", *PARAGRAPHS],
                      title="Steel talks", author="Jane Doe")
    extraction = extract_path(path)
    assert extraction.source.kind == "docx"
    assert extraction.source.title == "Pakistan, Russia to revive steel mill"  # the headline, not the property
    assert extraction.source.byline == "Jane Doe"
    assert [f.text for f in extraction.facts] == [PARAGRAPHS[0].removeprefix("ISLAMABAD: "), *PARAGRAPHS[1:]]
    assert extraction.acronyms == {"PSM": "Pakistan Steel Mills"}


def test_a_pdf_text_layer_is_read_with_wrapped_lines_rejoined(tmp_path):
    path = write_pdf(tmp_path / "article.pdf", [
        "ISLAMABAD: A high-level delegation led by Haroon Akhtar Khan is to visit",
        "Russia from July 5, 2025. The two countries agreed to form a joint work-",
        "ing group. The talks were held in a cordial atmosphere, officials said."])
    extraction = extract_path(path)
    assert extraction.source.kind == "pdf"
    assert [f.kind for f in extraction.facts] == ["plan", "decision", "meeting"]
    assert "joint working group" in extraction.facts[1].text
    assert extraction.facts[0].dates[0].value == "2025-07-05"


@pytest.mark.parametrize("suffix", [".docm", ".dotm", ".DOCM"])
def test_macro_enabled_documents_are_not_opened(tmp_path, suffix):
    path = write_docx(tmp_path / "article.docx", PARAGRAPHS).rename(tmp_path / f"article{suffix}")
    with pytest.raises(InputError, match="macro-enabled documents are not opened"):
        extract_path(path)


def test_a_docx_whose_package_declares_macros_is_not_opened(tmp_path):
    source = write_docx(tmp_path / "plain.docx", PARAGRAPHS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            new.writestr(item, data)
    path = tmp_path / "renamed.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="macro-enabled documents are not opened"):
        extract_path(path)


def test_a_docx_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "article.docx"
    path.write_text("Actually just text pretending to be a Word file.", encoding="utf-8")
    with pytest.raises(InputError, match="not a Word document"):
        extract_path(path)


def test_a_zip_bomb_disguised_as_docx_is_refused_quickly(tmp_path):
    path = write_zip_bomb(tmp_path / "bomb.docx", megabytes=50)
    started = time.perf_counter()
    with pytest.raises(InputError, match="zip bomb"):
        extract_path(path)
    assert time.perf_counter() - started < 10.0  # refused before inflating, not after


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    path = tmp_path / "notes.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="not a Word document"):
        extract_path(path)


def test_a_pdf_without_a_text_layer_is_refused(tmp_path):
    path = write_pdf(tmp_path / "scan.pdf", [])
    with pytest.raises(InputError, match="no text layer"):
        extract_path(path)


def test_a_damaged_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without end")
    with pytest.raises(InputError, match="PDF"):
        extract_path(path)


def test_a_txt_that_is_really_a_web_page_is_read_as_one(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    extraction = extract_path(path)
    assert extraction.source.kind == "html"
    assert "secretTracker" not in extraction.source.text


@pytest.mark.parametrize("suffix", [".md", ".text", ""])
def test_any_plain_text_name_is_read_as_text(tmp_path, suffix):
    path = tmp_path / f"article{suffix}"
    path.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    assert extract_path(path).source.kind == "text"


def test_a_docx_declaring_more_than_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    from briefing.extract.formats import zipguard

    path = write_docx(tmp_path / "big.docx", PARAGRAPHS)
    monkeypatch.setattr(zipguard, "MAX_UNCOMPRESSED", 10_000)  # a real docx declares more than this
    with pytest.raises(InputError, match="would expand to .* zip bomb"):
        extract_path(path)


def test_a_word_document_without_a_headline_takes_its_title_property(tmp_path):
    path = write_docx(tmp_path / "article.docx", PARAGRAPHS, title="Steel talks")
    assert extract_path(path).source.title == "Steel talks"

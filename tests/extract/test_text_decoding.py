"""Plain-text articles in any common encoding decode to the same text, and the encoding is recorded."""

from __future__ import annotations

import codecs

import pytest

from briefing.core.errors import InputError
from briefing.extract.decode import decode_bytes
from briefing.extract.normalise import normalise_text
from briefing.extract.pipeline import extract_path
from briefing.paths import SAMPLE_ARTICLE

SAMPLE = SAMPLE_ARTICLE.read_text(encoding="utf-8")  # curly quotes: the classic cp1252 trap
ACCENTS = "Café owners in Zürich and São Paulo welcomed the naïve résumé of the façade programme."


@pytest.mark.parametrize(("text", "data", "encoding"), [
    (SAMPLE, SAMPLE.encode("utf-8"), "utf-8"),
    (SAMPLE, codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
    (SAMPLE, SAMPLE.encode("utf-16"), "utf-16"),
    (SAMPLE, codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
    (SAMPLE, SAMPLE.encode("utf-16-le"), "utf-16-le"),
    (SAMPLE, SAMPLE.encode("utf-32"), "utf-32"),
    (SAMPLE, SAMPLE.encode("cp1252"), "cp1252"),
    (ACCENTS, ACCENTS.encode("latin-1"), "latin-1"),
    (ACCENTS + " \u201cQuoted.\u201d", (ACCENTS + " \u201cQuoted.\u201d").encode("cp1252"), "cp1252"),
], ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-be-bom", "utf-16-le-no-bom", "utf-32", "cp1252",
        "latin-1", "cp1252-accents"])
def test_each_common_encoding_decodes_exactly_and_is_named(text, data, encoding):
    decoded, found = decode_bytes(data)
    assert decoded.lstrip("\ufeff") == text
    assert found == encoding


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4,
    bytes(range(256)) * 40,
    b"Plain words\0 with a NUL byte in the middle of the article text.",
], ids=["png", "all-bytes", "nul"])
def test_binary_data_is_refused_rather_than_guessed(data):
    with pytest.raises(InputError, match="binary|not text"):
        decode_bytes(data, "x.txt")


def test_a_cp1252_file_records_its_encoding_on_the_source(tmp_path):
    path = tmp_path / "psm.txt"
    path.write_bytes(SAMPLE.encode("cp1252"))
    extraction = extract_path(path)
    assert extraction.source.encoding == "cp1252"
    assert extraction.source.text == SAMPLE
    assert "\u201cPakistan is a secure" in extraction.source.text


@pytest.mark.parametrize(("raw", "normal"), [
    ("\ufeffHello.", "Hello."),
    ("One.\r\nTwo.\rThree.\nFour.", "One.\nTwo.\nThree.\nFour."),
    ("Cafe\u0301 Zu\u0308rich", "Caf\u00e9 Z\u00fcrich"),
    ("Bell\x07 and\x00 escape\x1b[0m and DEL\x7f and C1\x9b.", "Bell and escape[0m and DEL and C1."),
    ("Tabs\tand\nnewlines\tstay.", "Tabs\tand\nnewlines\tstay."),
    ("Page\x0cbreak and line\u2028separator", "Page\nbreak and line\nseparator"),
    ("Lone surrogate \ud800 dropped", "Lone surrogate  dropped"),
], ids=["bom", "line-endings", "nfc", "controls", "tabs-newlines", "separators", "surrogate"])
def test_normalisation_fixes_bom_line_endings_nfc_and_controls(raw, normal):
    assert normalise_text(raw) == normal
    assert normalise_text(normal) == normal

"""Plain-text articles in any common encoding decode to the same text, and the encoding is recorded."""

from __future__ import annotations

import codecs

import pytest

from briefing.core.errors import InputError
from briefing.extract.decode import decode_bytes
from briefing.extract.normalise import normalise_text
from briefing.extract.pipeline import extract_path
from briefing.storage.paths import SAMPLE_ARTICLE

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


# One short line is too little text for charset detection to tell cp1252 from Baltic or DOS code pages
# that read the same bytes just as cleanly ("café … €5" came out as "cafķ … Ć5").
SHORT_WESTERN = [
    "The mayor said the café would cost €5 million.",
    "\u201cYes,\u201d he said \u2014 and left.",
    "He said \u2018no\u2019 \u2013 twice\u2026 then \u201cyes\u201d.",
    "Naïve résumé: the façade of the Zürich hôtel costs £3m.",
    "Ça coûte 5 € à Paris, dit-il.",
    "El niño comió en la cafetería \u2013 \u201csí\u201d.",
    "São Paulo\u2019s mayor said: \u201cNão.\u201d",
    "Straße für Bürger \u2014 \u201cJa\u201d, sagte er.",
    "CAFÉ OWNERS MEET",
    "He said \u201cyes\u201d to a €5 fee \u2014 twice.",
    "Tickets cost €5 \u2013 or \u2018about\u2019 £4.",
    "The résumé lists €12m in Zürich and São Paulo\u2026",
    # Lines a language model alone reads as Hungarian or Polish ("¿" as "ż", "ñ" as "ń"): in cp1252 they are
    # plainly what was written, so the Western reading must win.
    "¿Habrá más inversión? Según el portavoz",
    "He met José Ramón Núñez in Bogotá on Monday.",
    "The mayor said the café in São Paulo would cost €5 million.",
]


@pytest.mark.parametrize("text", SHORT_WESTERN, ids=[t[:24] for t in SHORT_WESTERN])
def test_a_short_western_file_in_cp1252_is_read_as_cp1252_not_a_rival_code_page(text):
    decoded, found = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert found == ("cp1252" if any(0x80 <= b <= 0x9F for b in text.encode("cp1252")) else "latin-1")


@pytest.mark.parametrize(("text", "encoding"), [
    ("Министр сказал, что завод снова откроется в мае этого года.", "cp1251"),
    ("Ο υπουργός είπε ότι το εργοστάσιο θα ανοίξει ξανά τον Μάιο.", "cp1253"),
    ("Wałęsa był prezydentem, a Kraków leży nad Wisłą i Odrą.", "iso8859-2"),
], ids=["russian", "greek", "polish"])
def test_a_file_in_a_non_western_code_page_is_not_forced_into_cp1252(text, encoding):
    decoded, found = decode_bytes(text.encode(encoding))
    assert found not in ("cp1252", "latin-1")
    assert decoded != text.encode(encoding).decode("cp1252", errors="replace")

"""Small article files for the safety tests, built from bytes: a short news text and a one-page PDF."""

from __future__ import annotations

ARTICLE = ("MOSCOW: The minister said the steel deal would be signed on Friday. Prices rose by 5 percent in May. "
           "\u201cWe are ready,\u201d said Ahmed Khan. Officials met in Karachi on Monday to discuss the plan.\n")


def make_pdf(page_text: str | None) -> bytes:
    """A minimal one-page PDF; ``page_text`` None makes a page without a text layer (like a scan)."""
    stream = b"" if page_text is None else f"BT /F1 12 Tf 72 720 Td ({page_text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

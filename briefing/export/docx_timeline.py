"""A timeline section in Word: a table of date, event and sources, one row per placed fact, in date order.

The rows come from the layout already ordered (``chronology.in_date_order``); the event cell carries the same
comments a bullet would (original wording, a conflict between sources, the analyst's note).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from briefing.export import wordml as ml

if TYPE_CHECKING:
    from briefing.export.layout import Item


class BodyWriter(Protocol):
    """What the table needs of the document body's writer (``docx_body.BodyWriter``)."""

    body: Any
    ids: Any
    text_width: int

    def cite(self, p: Any, item: Item) -> None: ...

    def item_comments(self, words: Any, item: Item) -> None: ...

HEADERS = ("Date", "Event", "Sources")
DATE_WIDTH = 1701  # twips (3 cm): "September 30, 2020" in 11pt fits on two lines at most
SOURCES_WIDTH = 1134  # twips (2 cm): "[1, 2, 3]"


def _cell(tr, width: int, style_id: str):  # noqa: ANN001, ANN202 - lxml elements
    tc = ml.sub(tr, "w:tc")
    ml.sub(ml.sub(tc, "w:tcPr"), "w:tcW", w=str(width), type="dxa")
    p = ml.paragraph(tc, style_id)
    ml.sub(ml.paragraph_properties(p), "w:spacing", before="40", after="40")
    return p


def timeline_table(writer: BodyWriter, items: tuple[Item, ...]) -> None:
    """Append the table for ``items`` to the writer's body: a header row, then date, event, "[1, 3]"."""
    widths = (DATE_WIDTH, writer.text_width - DATE_WIDTH - SOURCES_WIDTH, SOURCES_WIDTH)
    tbl = ml.sub(writer.body, "w:tbl")
    tbl_pr = ml.sub(tbl, "w:tblPr")
    ml.sub(tbl_pr, "w:tblW", w=str(sum(widths)), type="dxa")
    borders = ml.sub(tbl_pr, "w:tblBorders")
    for edge in ("top", "bottom", "insideH"):
        ml.sub(borders, f"w:{edge}", val="single", sz="4", space="0", color="808080")
    ml.sub(tbl_pr, "w:tblLayout", type="fixed")
    grid = ml.sub(tbl, "w:tblGrid")
    for w in widths:
        ml.sub(grid, "w:gridCol", w=str(w))
    header = ml.sub(tbl, "w:tr")
    ml.sub(ml.sub(header, "w:trPr"), "w:tblHeader")  # repeated on every page the table runs over
    for title, w in zip(HEADERS, widths):
        ml.run(_cell(header, w, writer.ids.normal), title, bold=True)
    for item in items:
        tr = ml.sub(tbl, "w:tr")
        ml.run(_cell(tr, widths[0], writer.ids.normal), item.date or "undated")
        words = ml.run(_cell(tr, widths[1], writer.ids.normal), item.text)
        writer.item_comments(words, item)
        writer.cite(_cell(tr, widths[2], writer.ids.normal), replace(item, marker=item.marker.lstrip("\u00a0")))
    ml.paragraph(writer.body, writer.ids.normal)  # Word needs a paragraph between a table and what follows

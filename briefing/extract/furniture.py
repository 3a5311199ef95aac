"""Article furniture: the headline, byline, dateline, date line, photo credits, copyright, reader comments, page lines.

Furniture is lifted into the Source's fields and kept out of facts, but stays in ``Source.text`` so every
offset still points into the article as imported. ``find_furniture`` returns the body as regions: the
stretches of text facts may come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract.body_lines import non_story_spans
from briefing.extract.comments import comments_start
from briefing.extract.dates import parse_date_line
from briefing.extract.gazetteer import places

HEAD_LINES = 8  # furniture is looked for among the first lines ...
TAIL_LINES = 6  # ... and the last ones
MAX_HEADLINE = 200
MAX_CREDIT_LINE = 420  # the longest line ``_CREDIT`` can match

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_BYLINE = re.compile(
    r"(?:By|BY|From)[ ]+(?:[A-Z][\w.'’-]*|our|staff)(?:[ ]+(?:[A-Z][\w.'’-]*|and|&|de|van|al|bin|our|staff|"
    r"correspondent|reporter))*(?:[ ]*[,|–—-][ ]*[^\n]{0,60})?"
    r"|(?:(?:Our|Staff|Special|From[ ]our)[ ]+)+(?:Staff[ ]+)?(?:Correspondent|Reporter|Writer)s?"
    r"(?:[ ]*[,|–—-][^\n]{0,60})?"
    r"|(?:Monitoring|News|Web|Business|Sports|Staff|City)[ ]+(?:Desk|Report|Reporter)"
    r"|(?:APP|AFP|AP|Reuters|PTI|NNI|INP|Xinhua|Bloomberg|TASS|Anadolu)",
    re.IGNORECASE)
_CREDIT = re.compile(
    r"^[ \t]*[(\[]?[ \t]*(?:Photos?|Photograph|Pictures?|Images?|File[ ]+(?:photo|image|picture)|"
    r"(?:Photo|Image|Picture)[ ]+(?:credit|courtesy)|Credit|Courtesy)\b[^\n]{0,120}$"
    r"|^[^\n]{0,300}[ \t(\[](?:[-–—|][ \t]*)?(?:Photo|File[ ]photo|Image|Picture)(?:[ ]*:|[ ]+by|[ ]+credit)"
    r"[^\n.]{0,60}[)\]]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
# Credits are rare: their lines are found by keyword first, then checked whole (a line-by-line scan with
# the full pattern cost a tenth of a second per megabyte).
def _any_case(words: list[str]) -> str:
    """A coarse, case-blind filter for the words (any first letter with any rest): the full pattern checks each
    hit. Written out, not re.IGNORECASE, which scans a text several times slower."""
    firsts = "".join(sorted({c for w in words for c in (w[0], w[0].upper())}))
    rests = "|".join("".join(f"[{c}{c.upper()}]" for c in w[1:]) for w in words)
    return f"[{firsts}](?:{rests})"


_CREDIT_WORD = re.compile(_any_case(["photo", "image", "picture", "credit", "courtesy"]))
_CHROME = re.compile(
    r"^[ \t]*(?:advertisement|sponsored(?:[ ]content)?|share(?:[ ]this(?:[ ](?:article|story|post))?)?|"
    r"follow[ ]us[ ]on[^\n]{0,60}|(?:also[ ]read|read[ ]more|related|see[ ]also)[ ]*:[^\n]{0,200}|"
    r"click[ ]here[^\n]{0,80}|subscribe[^\n]{0,80}|sign[ ]up[^\n]{0,80})[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
_COPYRIGHT = re.compile(
    r"(?:Copyright|©|\(c\))[ ]*(?:©[ ]*)?(?:(?P<y1>(?:19|20)\d\d)[ ]+)?(?P<pub>[^\n]*?)[ ]*,?[ ]*"
    r"(?P<y2>(?:19|20)\d\d)?[ ]*\.?[ ]*(?:All[ ]rights[ ]reserved\.?)?[ ]*",
    re.IGNORECASE)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,[ ](?P<date>[A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?))?"
    r"(?:[ ]?\((?P<agency>[A-Za-z][A-Za-z .&]{1,20})\))?[ ]?(?::|[—–]|--?)[ ]+(?=\S)")


@dataclass
class Furniture:
    """What the article says about itself, and where its body (the part facts come from) lies."""

    title: str = ""
    place: str = ""
    publisher: str = ""
    published: str = ""
    byline: str = ""
    regions: list[tuple[int, int]] = field(default_factory=list)


def _lines(text: str, start: int, end: int, limit: int) -> list[re.Match[str]]:
    out = []
    for m in _LINE.finditer(text, start, end):
        out.append(m)
        if len(out) >= limit:
            break
    return out


def _last_lines(text: str, end: int, limit: int) -> list[re.Match[str]]:
    start = end
    found: list[re.Match[str]] = []
    while start > 0 and len(found) < limit:
        start = max(0, start - 4096)
        found = _lines(text, start, end, 1_000_000)
        if found and found[0].start() == start and start > 0:
            found = found[1:]  # may be a partial line
    return found[-limit:]


def _opens_with_dateline(line: str) -> bool:
    d = _DATELINE.match(line)
    return d is not None and sum(c.isalpha() for c in d.group("place")) >= 3


def _is_headline(line: str, next_gap: str, next_line: str, known_title: str) -> bool:
    """A short line without closing punctuation, set apart by a blank line or sitting right on a dateline
    or byline ("Headline\nLONDON: ..."): without either it is more likely a sentence missing its stop."""
    line = line.strip()
    if known_title:
        return line.casefold() == known_title.strip().casefold()
    if len(line) > MAX_HEADLINE or len(line.split()) > 25 or line.endswith((".", ":", ";", ",")) or \
            _DATELINE.match(line) is not None:
        return False
    next_line = next_line.strip()
    return next_gap.count("\n") >= 2 or _opens_with_dateline(next_line) or \
        (not next_line.endswith(".") and _BYLINE.fullmatch(next_line) is not None)  # "From Monday, ... ."


def _place_name(caps: str) -> str:
    name = " ".join(w.capitalize() if w.isalpha() else w.title() for w in caps.split())
    return places().get(name, name)


def find_furniture(text: str, known_title: str = "") -> Furniture:
    """Lift the furniture out of normalised article text; see the module docstring."""
    furniture = Furniture()
    body_start, body_end = 0, len(text)
    excluded: list[tuple[int, int]] = []

    head = _lines(text, 0, len(text), HEAD_LINES)
    k = 0
    if len(head) > 1 and _is_headline(head[0].group(), text[head[0].end():head[1].start()], head[1].group(),
                                      known_title):
        furniture.title = head[0].group().strip()
        body_start, k = head[0].end(), 1
    while k < len(head) - 1:  # bylines and date lines right under the headline (or at the very top)
        line = head[k].group().strip()
        if _BYLINE.fullmatch(line):
            furniture.byline = furniture.byline or line
        elif (date := parse_date_line(line)) is not None:
            furniture.published = furniture.published or date
        elif _CREDIT.fullmatch(line) is None:
            break
        body_start, k = head[k].end(), k + 1

    # Reader comments first: the copyright line sits at the end of what is left above them.
    comments = comments_start(text, body_start, body_end)
    if comments is not None:
        body_end = comments
    tail = [m for m in _last_lines(text, body_end, TAIL_LINES) if m.start() >= body_start]
    for m in reversed(tail):
        line = m.group().strip()
        if (c := _COPYRIGHT.fullmatch(line)) and (c.group("pub") or c.group("y1") or c.group("y2")):
            furniture.publisher = c.group("pub").strip(" ,.") or furniture.publisher
            year = c.group("y1") or c.group("y2") or ""
            if year and not furniture.published.startswith(year):
                furniture.published = furniture.published or year
            body_end = m.start()
        elif _CHROME.fullmatch(line) or _CREDIT.fullmatch(line):
            body_end = m.start()
        else:
            break

    first = next(iter(_lines(text, body_start, body_end, 1)), None)
    if first:
        d = _DATELINE.match(text, first.start(), body_end)
        if d and sum(c.isalpha() for c in d.group("place")) >= 3:
            furniture.place = _place_name(d.group("place"))
            excluded.append((first.start(), d.end()))
            if d.group("agency") and not furniture.byline:
                furniture.byline = d.group("agency").strip()

    excluded.extend(m.span() for m in _CHROME.finditer(text, body_start, body_end))
    excluded.extend(non_story_spans(text, body_start, body_end))
    excluded.extend(_credit_lines(text, body_start, body_end))
    furniture.regions = _subtract((body_start, body_end), _merged(excluded))
    return furniture


def _credit_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    tested = -1  # the line last tested: a line with the keyword twice is tested once
    for word in _CREDIT_WORD.finditer(text, start, end):
        line_start = max(text.rfind("\n", start, word.start()) + 1 or start, start)
        if line_start == tested:
            continue
        tested = line_start
        line_end = text.find("\n", word.end(), end)
        line_end = end if line_end < 0 else line_end
        if line_end - line_start > MAX_CREDIT_LINE:
            continue  # a paragraph that mentions a photo or a credit, not a credit line
        line = _CREDIT.match(text, line_start, line_end)
        if line and line.end() == line_end:
            spans.append(line.span())
    return spans


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _subtract(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    start, end = span
    out = []
    for a, b in holes:
        if b <= start or a >= end:
            continue
        if a > start:
            out.append((start, a))
        start = max(start, b)
    if end > start:
        out.append((start, end))
    return out

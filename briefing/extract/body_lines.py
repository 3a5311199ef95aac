"""Lines inside an article's body that are not story: subheadings, links, "Read more", graphics, credits.

A web page's text keeps its page furniture between the paragraphs: subheadings (a short paragraph of its
own with no closing full stop, or a short question standing alone), "Read more: ..." and "Follow us on
..." lines, bare links, "(Graphic: ...)" and "Image copyright ..." residue, end rules ("___"), and wire
credits ("Reporting by ...; Editing by ..."). ``non_story_spans`` finds them so the pipeline leaves them
out of the facts, while the text itself (and every offset into it) stays as imported.
"""

from __future__ import annotations

import re

MAX_SUBHEADING_WORDS = 12
MAX_SUBHEADING_CHARS = 100
MAX_QUESTION_WORDS = 16  # PolitiFact-style subheadings ask a whole question
MAX_QUESTION_CHARS = 140

_LINK_LINE = re.compile(
    r"[ \t]*(?:"
    r"(?:also[ ]read|read[ ]more|more[ ]from|more[ ]on[ ]this|related(?:[ ]\w+){0,2}|see[ ]also|watch|listen|"
    r"more|recommended|trending|latest|advertisement|sponsored(?:[ ]content)?)(?:[ ]*[:|›»>–—-][^\n]{0,200})?"
    r"|(?:follow|like|join)[ ](?:us|[^\n]{1,40}?)[ ]on[ ](?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|"
    r"whatsapp|telegram|threads|bluesky)[^\n]{0,80}"
    r"|(?:click|tap)[ ]here[^\n]{0,120}|(?:subscribe|sign[ ]up)(?:[ ][^\n]{0,120})?"
    r"|share(?:[ ](?:this|on)[^\n]{0,60})?"
    r"|e-?mail[ ]this[ ]to[ ]a[ ]friend|printable[ ]version|print[ ]this[ ](?:page|article)"
    r"|(?:related[ ])?internet[ ]links:?|links[ ]to[ ]more[ ][\w ]{1,30}[ ]stories|top[ ][\w ]{1,20}[ ]stories(?:[ ]now)?"
    r"|the[ ]\w+[ ]is[ ]not[ ]responsible[ ]for[ ]the[ ]content[ ]of[ ]external[ ](?:internet[ ])?sites\.?"
    r"|(?:https?://|www\.)\S+"
    r"|[(\[]?[ ]*(?:graphic|chart|interactive|factbox|video|photos?|gallery|map)[ ]*:[^\n]{0,300}"
    r"|image[ ](?:copyright|caption|source)[^\n]{0,300}|(?:getty[ ]images|reuters|ap|afp|epa|pa)(?:/\S+)?"
    r"|(?:\(?[ ]*(?:reporting|writing|editing|additional[ ]reporting)[ ]by[^\n]{0,300})"
    r")[ \t]*",
    re.IGNORECASE)
_RULE = re.compile(r"[ \t]*[_\-=*~#•·]{3,}[ \t]*")
# "(Graphic: tariffs by country - tmsnrt.rs/2ZJDDGf)" inside a paragraph
_INLINE_GRAPHIC = re.compile(r"\((?:graphic|chart|interactive|factbox|video|map)[ ]*:[^()\n]{0,300}\)", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?…:;,][\"”’')\]]*[ \t]*$")


def _blank_around(text: str, start: int, end: int) -> bool:
    """The line is a paragraph of its own: a blank line (or the text's edge) both before and after it."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (start == 0 or before == "\n\n" or before.endswith("\n\n")) and \
        (end >= len(text) or after.startswith("\n\n") or after == "\n")


def is_subheading(line: str) -> bool:
    """A short line that no full stop ends, or a short question: a subheading when it stands alone."""
    bare = line.strip()
    words = bare.split()
    if bare.endswith("?"):
        return 0 < len(words) <= MAX_QUESTION_WORDS and len(bare) <= MAX_QUESTION_CHARS and bare[0].isupper()
    if not words or len(words) > MAX_SUBHEADING_WORDS or len(bare) > MAX_SUBHEADING_CHARS:
        return False
    return _ENDS_SENTENCE.search(bare) is None or bare[-1] in "\"”" and bare.rstrip("\"”")[-1:].isalnum()


_LINE = re.compile(r"[^\n]*\S[^\n]*")
MAX_PAGE_LINE = 320  # longer lines are paragraphs: only shorter ones are looked at closely


def non_story_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` that are page furniture inside the body, in order.

    Lines are listed by one compiled pattern and only short ones are tested further: a body's lines are
    mostly long paragraphs, so a 50 MB text costs a fraction of a second here.
    """
    spans: list[tuple[int, int]] = []
    has_paragraphs = "\n\n" in text[start:end]
    for m in _LINE.finditer(text, start, end):
        if m.end() - m.start() > MAX_PAGE_LINE:
            if "(" in m.group():
                spans.extend(g.span() for g in _INLINE_GRAPHIC.finditer(text, m.start(), m.end()))
            continue
        line = m.group()
        if _LINK_LINE.fullmatch(line) or _RULE.fullmatch(line) or not any(c.isalnum() for c in line):
            spans.append(m.span())
        elif has_paragraphs and is_subheading(line) and _blank_around(text, m.start(), m.end()):
            spans.append(m.span())
        elif "(" in line:
            spans.extend(g.span() for g in _INLINE_GRAPHIC.finditer(text, m.start(), m.end()))
    return spans

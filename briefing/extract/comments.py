"""Reader comments under an article: where they start, so they give no facts, counts or places.

Web pages often carry readers' posts after the story ("Have Your Say", "Your comments", each post signed
"Name, Town"). Their sentences read like a story's ("It would be better to decrease taxes") and their
signatures look like places, so the whole section is cut from the body. It starts at a heading that
announces comments, or else just before the first of at least ``MIN_SIGNED`` signed posts: a paragraph of
prose, then a short line that is only a name, a comma and a place.
"""

from __future__ import annotations

import re

from briefing.extract import lexicon as lx

MIN_SIGNED = 2  # one "Name, Town" line could be an address or a dateline; two signed posts are a section
MAX_SIGNATURE = 80
WINDOW = 1 << 18  # comments close a page: only its last 256 K characters are looked at
MAX_POST_LINES = 4
MAX_FOOTER_WORDS = 8  # "Printable version", "E-mail this to a friend" after the last post
MIN_POST_WORDS = 4  # a post ends like prose; one of eight words or more counts even without a full stop  # lines of prose a post may have before its signature

HEADING = re.compile(
    r"^[ \t]*(?:\d+[ ]+)?(?:reader[s’']{0,2}[ ]+)?comments?(?:[ ]*\(\d+\))?"
    r"|^[ \t]*(?:leave|post|add|write|send)[ ]+(?:a|us[ ]+your|your)[ ]+(?:comments?|reply|views|thoughts)"
    r"|^[ \t]*(?:join|start)[ ]+the[ ]+(?:discussion|conversation|debate)"
    r"|^[ \t]*(?:show|view|load|hide|read)[ ]+(?:all[ ]+)?(?:\d+[ ]+)?comments"
    r"|^[ \t]*what[ ]+do[ ]+you[ ]+think\??|^[ \t]*your[ ]+(?:comments?|views|say|reaction|thoughts)"
    r"|^[ \t]*have[ ]+your[ ]+say|^[ \t]*readers[’']?[ ]+(?:views|reaction|responses|respond|comments)"
    r"|^[ \t]*(?:the[ ]+)?following[ ]+comments[ ]+reflect[^\n]*"
    r"|^[ \t]*this[ ]+debate[ ]+(?:is[ ]+now|has[ ]+been)[ ]+closed[^\n]*"
    r"|^[ \t]*most[ ]+(?:recommended|popular)[ ]+comments",
    re.IGNORECASE | re.MULTILINE)
_HEADING_END = re.compile(r"[ \t]*[:.!]?[ \t]*$", re.MULTILINE)
_WORD = r"[A-Z][\w’'.-]*"
# "Jane Doe, Leeds", "J. Smith, Paris, France", "Mike O'Neill, Cork, Ireland"; no full stop at the end.
SIGNATURE = re.compile(
    rf"[ \t]*{_WORD}(?:[ ](?:{_WORD}|de|da|van|von|al|bin|del|la|le)){{0,3}}[ ]*,[ ]*{_WORD}"
    rf"(?:[ ]*,?[ ]+(?:{_WORD}|de|on|upon|of|the))*(?:[ ]\([A-Z][\w .]{{1,30}}\))?[ \t]*")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_PROSE_END = re.compile(r"[.!?…\"”’)][ \t]*$")


def _is_signature(line: str) -> bool:
    if len(line) > MAX_SIGNATURE or SIGNATURE.fullmatch(line) is None:
        return False
    name, _, place = line.partition(",")
    names = name.split()
    return len(names) <= 3 and len(place.split()) <= 4 and not any(w in lx.NOT_NAME_WORDS for w in names)


def _heading_start(text: str, start: int, end: int) -> int | None:
    for m in HEADING.finditer(text, start, end):
        if m.start() > start and _HEADING_END.match(text, m.end()):
            return m.start()
    return None


def _signed_start(text: str, start: int, end: int) -> int | None:
    """Start of the first post of a run of signed posts that ends the text, or None.

    A run has at least ``MIN_SIGNED`` signatures, each after a paragraph of prose, no more than
    ``MAX_POST_LINES`` lines apart, the last within ``MAX_POST_LINES`` lines of the end: comments close a
    page, so title-case headlines with a comma scattered through a long text never make a run.
    """
    lines = list(_LINE.finditer(text, start, end))
    signed: list[int] = []  # index of each signature line that follows a paragraph of prose
    for k in range(1, len(lines)):
        line, before = lines[k].group(), lines[k - 1].group()
        if _is_signature(line) and not _is_signature(before) and \
                (len(before.split()) >= MIN_POST_WORDS and _PROSE_END.search(before) or len(before.split()) >= 8):
            signed.append(k)
    tail = [m.group() for m in lines[signed[-1] + 1:]] if signed else []
    prose_after = sum(1 for line in tail if len(line.split()) > MAX_FOOTER_WORDS)  # short page lines don't count
    if len(signed) < MIN_SIGNED or prose_after > MAX_POST_LINES:
        return None
    first = len(signed) - 1
    while first > 0 and signed[first] - signed[first - 1] <= MAX_POST_LINES + 1:
        first -= 1
    if len(signed) - first < MIN_SIGNED or signed[first] < 2:
        return None
    return lines[signed[first] - 1].start()


def comments_start(text: str, start: int, end: int) -> int | None:
    """Where a reader-comment section begins in ``text[start:end]`` (a heading or signed posts), or None."""
    start = max(start, text.rfind("\n", 0, end - WINDOW) + 1 if end - start > WINDOW else start)
    found = [at for at in (_heading_start(text, start, end), _signed_start(text, start, end)) if at is not None]
    return min(found) if found else None

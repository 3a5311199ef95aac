"""Finding mentions of known entities: each run of capitalised words is matched longest-first in one dict.

No gazetteer is scanned per sentence: the compiled ``CHUNK`` pattern finds capitalised runs ("Ministry of
Industries", "Government of Pakistan’s", "PSM"), and inside each run the longest word sequence that the
``EntityIndex`` (people, organisations, acronyms) or the place dict knows becomes a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.figures import find_figures
from briefing.extract.gazetteer import DEMONYMS
from briefing.extract.lexicon import NOT_NAME_WORDS
from briefing.extract.names import CHUNK, EntityIndex

_TOKEN = re.compile(r"\S+")
_EDGE_WORDS = frozenset("of for and & on de the".split())


@dataclass
class Mention:
    """An entity mention: where, as written, its type, and the entity it stands for (canonical name)."""

    start: int
    end: int
    text: str
    type: str
    canonical: str


def _variants(text: str, surface: str, end: int) -> list[tuple[str, int]]:
    out = [(surface, end)]
    for tail in ("’s", "'s", "’", "'"):
        if surface.endswith(tail) and len(surface) > len(tail) + 1:
            out.append((surface[: -len(tail)], end - len(tail)))
            break
    if end < len(text) and text[end] == ".":
        out.insert(0, (surface + ".", end + 1))  # "U.S." or "La." when the pattern stopped before the dot
    return out


def _hyphen_places(base: int, surface: str, index: EntityIndex) -> list[Mention]:
    """Places joined by hyphens into one word: "London-based", "U.S.-Canada" (a name's own hyphen, as in
    "Coca-Cola", is looked up whole first)."""
    out = []
    at = base
    for part in surface.split("-"):
        hit = index.find(part) if part[:1].isupper() else None
        if hit and hit[1] == "place":
            out.append(Mention(at, at + len(part), part, "place", hit[0]))
        at += len(part) + 1
    return out


def _chunk_mentions(text: str, chunk: re.Match[str], index: EntityIndex) -> list[Mention]:
    base = chunk.start()
    if " " not in chunk.group():  # most runs are one word ("The", "Pakistan"): one lookup, no loop
        surface, end = chunk.group(), chunk.end()
        for surface, stop in _variants(text, surface, end):
            hit = index.find(surface)
            if hit:
                return [Mention(base, stop, surface, hit[1], hit[0])]
        return _hyphen_places(base, chunk.group(), index) if "-" in chunk.group() else []
    tokens = [(base + t.start(), base + t.end(), t.group()) for t in _TOKEN.finditer(chunk.group())]
    out: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i][2] in _EDGE_WORDS:
            i += 1
            continue
        for j in range(min(n, i + index.max_words), i, -1):
            if tokens[j - 1][2] in _EDGE_WORDS:
                continue
            start, end = tokens[i][0], tokens[j - 1][1]
            hit = None
            for surface, stop in _variants(text, text[start:end], end):
                hit = index.find(surface)
                if hit and hit[1] == "place" and i > 0 and _inside_unknown_name(text, tokens, i, out):
                    hit = None  # "Sierra Nevada": a longer name we do not know, not the state
                    break
                if hit:
                    out.append(Mention(start, stop, surface, hit[1], hit[0]))
                    break
            if hit:
                i = j
                break
        else:
            i += 1
    return out


def _inside_unknown_name(text: str, tokens: list[tuple[int, int, str]], i: int, found: list[Mention]) -> bool:
    """Whether the word before token ``i`` is a capitalised word no entity claimed, in mid-sentence: then
    the place name ends a longer name ("the northern Sierra Nevada"), and is not the place."""
    start, _end, word = tokens[i - 1]
    if word in _EDGE_WORDS or word in NOT_NAME_WORDS or word in DEMONYMS or not word[:1].isupper() or \
            any(m.start <= start < m.end for m in found) or word.rstrip(".").isupper():
        return False
    k = start - 1
    while k >= 0 and text[k] in " “\"‘'(":
        k -= 1
    return k >= 0 and text[k] not in "\n.!?:"


def _with_initials(text: str, m: Mention, index: EntityIndex) -> Mention:
    """"A. B. Jones" for the "Jones" a capitalised run found: initials end in a full stop, which no run
    crosses, so they are taken here, as far back as the longer form still names the same person."""
    at, start = m.start, None
    while at >= 3 and text[at - 1] == " " and text[at - 2] == "." and "A" <= text[at - 3] <= "Z" and \
            (at == 3 or not text[at - 4].isalnum()):
        at -= 3
        hit = index.lookup.get(text[at:m.end])
        if hit and hit[0] == m.canonical:
            start = at
    return m if start is None else Mention(start, m.end, text[start:m.end], m.type, m.canonical)


def find_mentions(text: str, start: int, end: int, index: EntityIndex) -> list[Mention]:
    """Entity, money, percent and quantity mentions in ``text[start:end]``, sorted, never overlapping."""
    found: list[Mention] = []
    for chunk in CHUNK.finditer(text, start, end):
        for m in _chunk_mentions(text, chunk, index):
            found.append(_with_initials(text, m, index) if m.type == "person" and m.start >= 3 else m)
    for a, b, kind in find_figures(text, start, end):
        found.append(Mention(a, b, text[a:b], kind, text[a:b]))
    return without_overlaps(found)


def without_overlaps(found: list[Mention]) -> list[Mention]:
    """The mentions sorted; where two overlap, the one that starts first (then the longer) is kept."""
    found.sort(key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    last_end = -1
    for m in found:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out

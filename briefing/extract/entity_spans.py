"""The model's entity spans trimmed to the names in them, before any typing.

spaCy's spans are loose at the edges: "the Council of Ten (C10", "Marsh’s 2019", "Mr Lee's Regional
Water Fund", "The Daily Ledger that", "TX @ Lakeside Music Hall", "Mateo R. Okafor
Jr.". ``trimmed`` cuts each to its name (or splits it into the names it holds) without looking
beyond the span, so its offsets stay exact; ``model_names`` then types the names for the whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.gazetteer import places

_DETERMINERS = frozenset("the The THE a A an An".split())
_PARTICLES = frozenset("de da di del della der van von la le al el bin ibn".split())
_GENERATIONS = frozenset("Jr Sr II III IV".split())
_SEPARATOR = re.compile(r"[ ]+[@|–—/][ ]+|[ ]*[@|][ ]*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')(?=[ ]|$)")
_TRAILING = " ,;:-–—“”\"‘’'"
# Titles and offices written before a name, which the model sometimes takes into a PERSON span.
PERSON_TITLES = frozenset(
    "Mr Mrs Ms Mx Dr Prof Sir Dame Lord Lady Sen Rep Gov Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Brig Rev Amb "
    "Hon President Vice Prime Minister Secretary Senator Governor Judge Justice King Queen Prince Princess Pope "
    "Sheikh Emir Chairman Chairwoman Chief Director Commissioner Ambassador General Colonel Captain Lieutenant "
    "Sergeant Officer Detective Professor Doctor Mayor Speaker Leader Deputy Former Acting Premier CEO "
    "Representative Congressman Congresswoman Councilman Councilwoman Assemblyman Assemblywoman Attorney "
    "Inspector Superintendent Principal Coach Bishop Cardinal Rabbi Imam Chancellor Envoy Spokesman "
    "Spokeswoman Spokesperson Foreign Finance Defence Defense Interior Health Treasury Trade Energy State "
    "Under-Secretary Undersecretary Minister-President Economy Labour Labor Home Education Justice".split())
# Place nouns that follow a name and make it a place: "Kandor province", "the Velm district".
PLACE_CUE = re.compile(
    r"[ ](?:province|district|county|region|area|state|city|town|village|valley|governorate|prefecture|oblast|"
    r"municipality|neighbou?rhood|suburb|island|islands|peninsula|border\b(?![ ]protection))\b")


@dataclass(frozen=True, slots=True)
class Piece:
    """A trimmed model entity: where it is in the source text, its words, and the model's label."""

    start: int
    end: int
    text: str
    label: str


def trimmed(text: str, a: int, b: int, label: str) -> list[Piece]:
    """The span without what is not the name: leading articles and lower-case words, an unclosed
    parenthesis, a trailing possessive; a possessive inside splits it into owner and thing owned, and a
    separator ("TX @ Lakeside Music Hall", "Arena – St. Louis") into its parts."""
    separator = _SEPARATOR.search(text, a, b)
    if separator:
        return trimmed(text, a, separator.start(), label) + trimmed(text, separator.end(), b, label)
    opening = text.find("(", a, b)
    if opening >= 0 and text.find(")", opening, b) < 0:
        b = opening
    while a < b:
        while a < b and text[b - 1] in _TRAILING:
            b -= 1
        tail = _POSSESSIVE.search(text, max(a, b - 2), b)
        if tail and tail.end() == b and b - a > 3:
            b = tail.start()
            continue
        break
    while a < b and text[a] in _TRAILING:
        a += 1
    cue = PLACE_CUE.search(text, a, b)
    if cue and cue.end() == b and cue.start() > a:
        b = cue.start()  # "Kandor province": the name is Kandor, and the noun after it says it is a place
    words = text[a:b].split(" ")
    while len(words) > 1 and (words[0] in _DETERMINERS or words[0][:1].islower()):
        a += len(words.pop(0)) + 1
    while len(words) > 1 and words[-1][:1].islower() and words[-1] not in _PARTICLES:
        b -= len(words.pop()) + 1  # "The Daily Ledger that": the name ends at its last capital
    while len(words) > 2 and words[-1].rstrip(".,") in _GENERATIONS:
        b -= len(words.pop()) + 1  # "Mateo R. Okafor Jr.": the name without Jr.
        while b > a and text[b - 1] in " ,":
            b -= 1
    if a > 0 and text[a - 1] in "@#":
        return []  # a handle or hashtag ("@Dana"), not a name in the prose
    if b <= a or not any(c.isupper() for c in text[a:b]):
        return []
    inner = _POSSESSIVE.search(text, a, b)
    if inner and inner.start() > a:
        owner_label = "GPE" if text[a:inner.start()] in places() else label
        if text[a:b].split(" ")[0].rstrip(".") in PERSON_TITLES and label != "PERSON":
            owner_label = "PERSON"
        return trimmed(text, a, inner.start(), owner_label) + trimmed(text, inner.end() + 1, b, label)
    return [Piece(a, b, text[a:b], label)]


def strip_titles(piece: Piece) -> tuple[Piece, str]:
    """A PERSON piece without the titles before the name ("Superintendent Maria Delgado"), and them."""
    words = piece.text.split(" ")
    titles = []
    while len(words) > 1 and words[0].rstrip(".") in PERSON_TITLES:
        titles.append(words.pop(0))
    if not titles:
        return piece, ""
    start = piece.end - len(" ".join(words))
    return Piece(start, piece.end, piece.text[start - piece.start:], piece.label), " ".join(titles)

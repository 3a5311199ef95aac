"""Sentence boundaries around titles and initials, which blingfire gets wrong both ways in news copy.

It cuts after a title or an initial mid-paragraph ("Talks ended. Dr. J. R. Smith spoke." gave "Dr.", "J.",
"R.", "Smith spoke."), yet misses the end of a sentence when the next one opens with a title ("He left.
Dr. Smith arrived." stayed one). ``fix_bounds`` undoes the first (a piece ending in a title or a single
capital initial joins the next, unless the next opens like a sentence: "plan B. It failed.", "Elm St.
The house") and makes the second cut only after a full stop that plainly ends a sentence (a word with a
small letter that is no abbreviation: "in Jan. Dr. Smith" stays whole).
"""

from __future__ import annotations

import re

TITLES = frozenset(
    "Dr Mr Mrs Ms Mx Messrs Prof Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm Brig Gov Sen Rep Pres Supt "
    "Insp Amb Rev Fr Hon Rt St Engr".split())
# Abbreviations that end a sentence too rarely to cut after them when a title follows.
_ABBREVIATIONS = TITLES | frozenset(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Rs No Nos Vol Art Sec Fig vs cf viz".split())
# First words of a sentence: after "plan B." or "Elm St." they show the full stop ended one.
_SENTENCE_OPENERS = frozenset(
    "The A An It Its He His She Her They Their We Our I You This That These Those There Here But And Or So "
    "Yet In On At For From By With As If When While After Before Although Though However Meanwhile Also "
    "Then Now Some Many Most All No Not One Both Each Such What Who Why How Where Which Today Yesterday"
    .split())

_TITLE = "|".join(sorted(TITLES))
_NAME_AFTER_STOP = re.compile(  # starts with the stop, not a look-behind: the regex engine skips ahead to it
    rf"[.!?][\"”’)\]]*[ \t]+(?=(?:{_TITLE}|[A-Z])\.[ \t]+[A-Z])")
_LONGEST = max(len(t) for t in TITLES) + 6  # "(“Messrs." and then some: how far back a title may start
_FIRST_WORD = re.compile(r"[ \t]*[(\[“‘\"']*([A-Za-z]+)(\.?)")
_OPENING_MARKS = "([“‘\"'"
_CLOSING_MARKS = ".!?\"”’)]"


def _ends_a_sentence(line: str, stop: int) -> bool:
    """Whether the word ending at ``stop`` (just past its full stop) plainly ends a sentence."""
    space = max(line.rfind(" ", 0, stop), line.rfind("\t", 0, stop))
    word = line[space + 1:stop].lstrip(_OPENING_MARKS).rstrip(_CLOSING_MARKS)
    return (len(word) >= 2 and word.isalpha() and not word.isupper()
            and word not in _ABBREVIATIONS)


def _opens_a_sentence(line: str, at: int) -> bool:
    m = _FIRST_WORD.match(line, at)
    return bool(m) and m.group(2) == "" and m.group(1) in _SENTENCE_OPENERS


def fix_bounds(line: str, bounds: list[int]) -> list[int]:
    """Sentence starts (with 0 and len(line) as sentinels) corrected around titles and initials."""
    cuts = [m.end() for m in _NAME_AFTER_STOP.finditer(line) if _ends_a_sentence(line, m.start() + 1)]
    if cuts:
        bounds = sorted({*bounds, *cuts})
    kept = [bounds[0]]
    for i in range(1, len(bounds) - 1):
        start, end = kept[-1], bounds[i]
        while end > start and line[end - 1].isspace():
            end -= 1
        if end == start or line[end - 1] != ".":
            kept.append(bounds[i])
            continue
        near = max(start, end - _LONGEST)
        word = line[max(near, line.rfind(" ", near, end) + 1):end - 1].rpartition("\t")[2].lstrip(_OPENING_MARKS)
        if (word in TITLES or (len(word) == 1 and "A" <= word <= "Z")) and not _opens_a_sentence(line, bounds[i]):
            continue  # "Dr." or "J." belongs to the name that follows
        kept.append(bounds[i])
    kept.append(bounds[-1])
    return kept

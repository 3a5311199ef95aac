"""Copied text: members of a group that reprint another member near word for word (wire copy, a press release).

Independent reports of one event word it differently; a reprint keeps the wording, give or take a dateline,
a house style for quotation marks or the order of a list line's parts. rapidfuzz's ``token_sort_ratio`` over
the case-blind words tells them apart; very short sentences are left out, since two outlets may write
"Tickets go on sale Friday." alike. A written statement (an email, a press release) quoted by two outlets is
a copy too, though each wraps it in its own words; a spoken remark each outlet transcribed is not, so the
quotation must be the same and one of the sentences must say the words were written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.corroborate.similarity import near_copy, same_quotation

if TYPE_CHECKING:
    from briefing.corroborate.features import ClaimFeatures

COPY_RATIO = 88.0  # rapidfuzz ratio (0..100) from which two wordings count as one text reprinted
COPY_MIN_WORDS = 5
QUOTE_COPY_RATIO = 90.0
QUOTE_SHARE = 0.55  # a reprinted statement is most of each sentence, and most of the other's quotation
WRITTEN = re.compile(r"\b(?:statement|e-?mail(?:ed)?|press release|news release|release|wrote|written|letter|"
                     r"post(?:ed)?|tweet(?:ed)?|filing|report)s?\b", re.IGNORECASE)


def _copies(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    if len(a.plain.split()) >= COPY_MIN_WORDS and len(b.plain.split()) >= COPY_MIN_WORDS and \
            near_copy(a, b, COPY_RATIO):
        return True
    if not (_mostly_quotation(a) and _mostly_quotation(b)):
        return False  # a phrase of a statement inside an outlet's own sentence is not a reprint
    shorter, longer = sorted((len(a.quote), len(b.quote)))
    return shorter >= QUOTE_SHARE * longer and same_quotation(a, b, QUOTE_COPY_RATIO) and \
        bool(WRITTEN.search(a.plain) or WRITTEN.search(b.plain))


def _mostly_quotation(f: ClaimFeatures) -> bool:
    return len(f.quote) >= QUOTE_SHARE * len(f.content)


def copied_members(members: list[ClaimFeatures]) -> list[int]:
    """Positions in ``members`` of those that copy an earlier member (the first of a reprinted text is the
    independent one)."""
    copies = []
    for k, f in enumerate(members):
        if any(_copies(members[e], f) for e in range(k) if e not in copies):
            copies.append(k)
    return copies

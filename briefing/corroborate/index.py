"""Blocking: which pairs of facts are worth comparing at all, found through an inverted index of rare parts.

Two facts can only report the same claim if they share something specific: a rare word, a name, a figure or
a date. Each fact is filed under those keys; keys shared by too many facts (the story's topic words, "said")
are left out of the index, since a pair sharing only them is never a match. Only facts filed together, from
different sources, are compared, so cost grows with the matches, not with the square of the facts.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from briefing.corroborate.features import ClaimFeatures

MIN_CAP = 24  # a key may file this many facts even in a small set (one story: its topic words still pair)
CAP_SHARE = 0.005  # in a large set, keys filing more than this share of the facts are too common to block on
RAREST_WORDS = 8  # a fact is filed under this many of its rarest words (two reports of a claim share some)


def document_frequency(features: Iterable[ClaimFeatures]) -> Counter[str]:
    """How many facts use each stemmed word."""
    df: Counter[str] = Counter()
    for f in features:
        df.update(f.words)
    return df


def index_keys(f: ClaimFeatures, df: Counter[str]) -> set[str]:
    """The keys a fact is filed under: its rarest words, names, counted figures and dates (weekdays are too
    weak to block on)."""
    rarest = sorted(f.words, key=lambda w: (df[w], w))[:RAREST_WORDS]
    keys = {"w:" + w for w in rarest}
    keys |= {"n:" + n for n in f.names}
    keys |= {"f:" + fig.key for fig in f.figures if fig.unit}
    keys |= {"d:" + d for d in f.dates if d[0].isdigit()}
    return keys


def candidate_pairs(features: list[ClaimFeatures], df: Counter[str] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of facts from different sources that share at least one indexed key.

    Each pair is yielded once. ``df`` is ``document_frequency(features)`` when the caller has it already."""
    df = document_frequency(features) if df is None else df
    cap = max(MIN_CAP, math.ceil(CAP_SHARE * len(features)))
    postings: dict[str, list[int]] = {}
    for f in features:
        f.keys = index_keys(f, df)
        for key in f.keys:
            postings.setdefault(key, []).append(f.index)
    seen: set[int] = set()  # i * n + j: an int hashes faster than a tuple, and this is the hot loop
    n = len(features)
    sources = [f.source for f in features]
    for members in postings.values():
        if len(members) < 2 or len(members) > cap:
            continue
        for a_pos, i in enumerate(members):
            source, base = sources[i], i * n
            for j in members[a_pos + 1:]:
                if sources[j] != source and base + j not in seen:
                    seen.add(base + j)
                    yield i, j

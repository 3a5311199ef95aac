"""How strongly two facts look like the same claim: rare shared words, figures, dates, names and quoted words.

The core is a cosine of the facts' stemmed content words, each weighted by its rarity among all the facts
being grouped (a story's topic words weigh little; "trademark" or "pleaded" weigh a lot). Shared figures
and dates add to it, a shared quotation (compared with rapidfuzz, which forgives transcription slips) counts
as strongly as identical wording, and a figure or date the facts give differently counts against it (most
often they are two events; the same claim in conflict still groups when the wording is close).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

if TYPE_CHECKING:
    from collections import Counter

    from briefing.corroborate.features import ClaimFeatures

FIGURE_WEIGHT = 0.12  # per shared figure with a unit (money, percent, counted things), at most two
DATE_WEIGHT = 0.1  # per shared calendar date, at most two
DATE_CLASH_PENALTY = 0.2  # both give calendar dates and none is shared
FIGURE_CLASH_PENALTY = 0.08  # both count the same kind of thing and no value agrees
QUOTE_MIN = 88  # rapidfuzz partial_ratio of two quotations that are the same words transcribed
QUOTE_MIN_CHARS = 30  # shorter quotations are phrases many sentences may share


class PairScorer:
    """Scores pairs of facts among one set of facts (the word weights depend on the set)."""

    def __init__(self, features: list[ClaimFeatures], df: Counter[str]) -> None:
        n = len(features) + 1
        # squared weights, looked up once per shared word (the inner loop of grouping)
        self._w2 = {w: max(0.0, math.log(n / (count + 0.5))) ** 2 for w, count in df.items()}
        w2 = self._w2.get
        self._norm = [math.sqrt(sum(w2(w, 0.0) for w in f.words)) or 1.0 for f in features]

    def weight(self, word: str) -> float:
        """How rare ``word`` (a stem) is among the facts: the log of the inverse share of facts using it."""
        return math.sqrt(self._w2.get(word, 0.0))

    def wording(self, a: ClaimFeatures, b: ClaimFeatures) -> float:
        """Cosine of the rarity-weighted content words, 0..1 (both facts must be among those the scorer was
        made with: their words have weights)."""
        shared = a.words & b.words
        if not shared:
            return 0.0
        return sum(map(self._w2.__getitem__, shared)) / (self._norm[a.index] * self._norm[b.index])

    def score(self, a: ClaimFeatures, b: ClaimFeatures) -> float:
        """The evidence that ``a`` and ``b`` report the same claim: about 0 (unrelated) to 1 and more."""
        score = self.wording(a, b)
        if a.figures and b.figures:
            shared_figures = sum(1 for x in a.figures if x.unit and any(x.agrees_with(y) for y in b.figures))
            score += FIGURE_WEIGHT * min(2, shared_figures)
            if not shared_figures and _figure_units(a) & _figure_units(b):
                score -= FIGURE_CLASH_PENALTY
        if a.dates and b.dates:
            shared_dates = sum(1 for d in a.dates & b.dates if d[0].isdigit())
            score += DATE_WEIGHT * min(2, shared_dates)
            if not shared_dates and _calendar(a) and _calendar(b):
                score -= DATE_CLASH_PENALTY  # most often two events; a true clash still groups on strong wording
        if a.quote and b.quote and quoted_alike(a, b):
            score = max(score, 1.0)
        return score


def _calendar(f: ClaimFeatures) -> bool:
    return any(d[0].isdigit() for d in f.dates)


def _figure_units(f: ClaimFeatures) -> set[str]:
    return {x.unit for x in f.figures if x.unit}


def quoted_alike(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether both facts quote the same words (one quotation may be a part of the other)."""
    if len(a.quote) < QUOTE_MIN_CHARS or len(b.quote) < QUOTE_MIN_CHARS:
        return False
    return fuzz.partial_ratio(a.quote, b.quote) >= QUOTE_MIN


def near_copy(a: ClaimFeatures, b: ClaimFeatures, cutoff: float) -> bool:
    """Whether two wordings are the same words near one for one, in any order (rapidfuzz's token_sort_ratio,
    0..100, over the words without punctuation: a list line keeps its words when an outlet reorders it)."""
    return fuzz.token_sort_ratio(a.plain, b.plain, processor=default_process, score_cutoff=cutoff) > 0


def same_quotation(a: ClaimFeatures, b: ClaimFeatures, cutoff: float) -> bool:
    """Whether both facts quote the same words near one for one (the shorter quotation inside the longer)."""
    if len(a.quote) < QUOTE_MIN_CHARS or len(b.quote) < QUOTE_MIN_CHARS:
        return False
    return fuzz.partial_ratio(a.quote, b.quote, score_cutoff=cutoff) > 0

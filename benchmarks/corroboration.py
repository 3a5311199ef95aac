"""Issue 18's scale row: 50 articles (about 5,000 facts) grouped within a second, far below all pairs.

The articles are made up here, deterministically: 10 stories, each covered by 5 outlets of 100 sentences.
Words are drawn from a vocabulary of made-up words with news-like (Zipf) frequencies; an outlet reports
about a third of its story's claims in its own wording (a share of the words swapped, the order shuffled,
some figures and dates kept) and fills the rest with sentences of its own. No evaluation text is used.
The reference compares every pair of facts from different sources with the same scorer and groups the
result the same way: what grouping would cost without the index.
"""

from __future__ import annotations

import gc
import random
import time
from typing import Callable

from benchmarks.timing import AT_MOST, RATIO, Row, clock, interleaved, median
from briefing.core.fact import Fact
from briefing.corroborate.features import features_of
from briefing.corroborate.grouping import PAIR_MIN, group_facts
from briefing.corroborate.index import document_frequency
from briefing.corroborate.similarity import PairScorer

STORIES, OUTLETS, FACTS_PER_ARTICLE = 10, 5, 100
VOCABULARY = 20_000  # distinct words in 5,000 news sentences, stop words aside
SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "dan", "ip", "gro", "ne", "bal", "shi", "ot", "ur")
FILLERS = ("the", "a", "of", "in", "to", "and", "said", "on", "for", "with", "was", "has")
MONTHS = ("January", "March", "June", "October")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _sentence(rng: random.Random, vocabulary: list[str], weights: list[float]) -> list[str]:
    words = rng.choices(vocabulary, weights, k=rng.randint(10, 18))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(2, 900)} {rng.choice(vocabulary)}s")
    if rng.random() < 0.2:
        words.insert(rng.randint(0, len(words)), f"{rng.choice(MONTHS)} {rng.randint(1, 28)}")
    return words


def _reworded(rng: random.Random, words: list[str], vocabulary: list[str], weights: list[float]) -> list[str]:
    out = [w if rng.random() > 0.35 else rng.choices(vocabulary, weights)[0] for w in words]
    cut = rng.randint(0, len(out))
    return out[cut:] + out[:cut]


def synthetic_facts(seed: int = 18) -> list[Fact]:
    """The 50 articles' facts in source order (about 5,000), each ``text`` a made-up sentence."""
    rng = random.Random(seed)
    vocabulary = list(dict.fromkeys(_word(rng) for _ in range(VOCABULARY * 2)))[:VOCABULARY]
    weights = [1.0 / (rank + 10) for rank in range(len(vocabulary))]
    facts: list[Fact] = []
    for story in range(STORIES):
        claims = [_sentence(rng, vocabulary, weights) for _ in range(FACTS_PER_ARTICLE)]
        for outlet in range(OUTLETS):
            source = f"s{story:02d}{outlet}"
            for k in range(FACTS_PER_ARTICLE):
                if rng.random() < 0.35:
                    words = _reworded(rng, rng.choice(claims), vocabulary, weights)
                else:
                    words = _sentence(rng, vocabulary, weights)
                words = [w if rng.random() > 0.15 else rng.choice(FILLERS) for w in words]
                text = " ".join(words).capitalize() + "."
                facts.append(Fact(id=f"f{source}-{k}", source_id=source, start=0, end=len(text), text=text))
    return facts


def all_pairs(facts: list[Fact]) -> int:
    """The reference: every cross-source pair scored, the strong ones kept; returns how many."""
    feats = [features_of(f, k) for k, f in enumerate(facts)]
    scorer = PairScorer(feats, document_frequency(feats))
    strong = 0
    for i, a in enumerate(feats):
        for b in feats[i + 1:]:
            if a.source != b.source and scorer.score(a, b) >= PAIR_MIN:
                strong += 1
    return strong


def _cpu(action: Callable[[], object]) -> float:
    """CPU seconds ``action`` takes (on a shared machine, what the code costs without the wait for a core)."""
    gc.collect()
    started = time.process_time()
    action()
    return time.process_time() - started


def corroboration_rows(runs: int = 3) -> list[Row]:
    """The absolute row (grouping within 1 s) and the ratio row (<= 0.1x all pairs, the same run)."""
    facts = synthetic_facts()
    groups = group_facts(facts)
    ours, theirs = interleaved(lambda: group_facts(facts), lambda: all_pairs(facts), 1)
    ours += [clock(lambda: group_facts(facts)) for _ in range(runs - 1)]
    cpu = median([_cpu(lambda: group_facts(facts)) for _ in range(runs)])
    sources = len({f.source_id for f in facts})
    absolute = Row(f"corroboration: {sources} articles ({len(facts):,} facts) grouped", median(ours), None,
                   "", 1.0, AT_MOST, "s", runs)
    absolute.notes.append(f"{len(groups):,} groups; synthetic articles (benchmarks/corroboration.py); "
                          f"CPU time {cpu * 1000:.0f} ms (the wall time above includes waiting for a busy core)")
    ratio = Row(f"corroboration: grouping {len(facts):,} facts through the index", min(ours), theirs[0],
                "all cross-source pairs scored", 0.1, RATIO, "s", 1)
    return [absolute, ratio]

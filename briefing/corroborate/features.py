"""What a fact claims, reduced to comparable parts: stemmed content words, names, figures, dates, speaker, quotation.

Two outlets rarely word a claim alike, but they name the same people, give the same figures and dates and use
the same rare words ("trademark", "pleaded"); these parts are what matching compares. Words are stemmed with
the Snowball English stemmer so "investigating" meets "investigation".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import snowballstemmer

from briefing.corroborate.numbers import Figure, date_keys, figures_in, years_in

if TYPE_CHECKING:
    from briefing.core.fact import Fact

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just let me more most much my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up upon us
very was we were what when where which while who whom whose why will with would you your yours yourself
yourselves said says say saying told tell according mr mrs ms dr one ones its it's s t re ve ll d m
""".split())
NAME_TYPES = ("person", "organization", "place", "acronym")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_QUOTED = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b")
_PUNCT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})
_stemmer = snowballstemmer.stemmer("english")
_stems: dict[str, str] = {}  # a news vocabulary is small next to its word count: each word is stemmed once


def _stem_all(words: list[str]) -> list[str]:
    missing = [w for w in dict.fromkeys(words) if w not in _stems]
    if missing:
        if len(_stems) > 200_000:
            _stems.clear()
        _stems.update(zip(missing, _stemmer.stemWords(missing)))
    return [_stems[w] for w in words]


@dataclass
class ClaimFeatures:
    """The comparable parts of one fact. ``plain`` is its wording normalised for string similarity."""

    index: int  # position in the list being grouped
    source: str
    words: frozenset[str]
    names: frozenset[str]
    figures: tuple[Figure, ...]
    dates: frozenset[str]
    years: frozenset[str]
    speaker: str
    quote: str
    plain: str
    content: str  # the stemmed content words in order, for rapidfuzz
    keys: set[str] = field(default_factory=set)  # what the index files the fact under

    @property
    def figure_keys(self) -> frozenset[str]:
        return frozenset(f.key for f in self.figures)


def stems(text: str) -> list[str]:
    """The stems of the content words of ``text`` in order (stop words and one-letter words left out)."""
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(text)]
    words = [w.removesuffix("'s") for w in words if len(w) > 1 and w not in STOPWORDS]
    return _stem_all(words)


def name_key(name: str, kind: str) -> str:
    """A person by surname ("Adam Neumann" and "Neumann" meet), anything else by its whole name, case-blind."""
    words = [w for w in _WORD.findall(name.casefold()) if w not in STOPWORDS]
    if not words:
        return ""
    return words[-1] if kind == "person" else " ".join(words)


def plain_text(text: str) -> str:
    """Case-blind wording with straight quotes and single spaces, for near-copy detection."""
    return _SPACES.sub(" ", text.translate(_PUNCT).casefold()).strip()


def features_of(fact: Fact, index: int = 0, acronyms: dict[str, str] | None = None) -> ClaimFeatures:
    """The comparable parts of ``fact`` (pure: the same fact always gives the same features).

    ``acronyms`` (short -> long form, from any of the sources) adds the long form's words to a fact that
    uses the short one, so "the NYAG" meets "the New York State Attorney General"."""
    text = fact.text
    words = stems(text)
    if acronyms:
        words += [w for short in _ACRONYM.findall(text) if short in acronyms for w in stems(acronyms[short])]
    names = {name_key(m.text, m.type) for m in fact.entities if m.type in NAME_TYPES}
    speaker = fact.speaker or (fact.attributed_to if fact.kind == "quote" else "")
    quoted = " ".join(m.group(1) for m in _QUOTED.finditer(text.translate(_PUNCT).replace("'", "'")))
    return ClaimFeatures(
        index=index, source=fact.source_id, words=frozenset(words), names=frozenset(n for n in names if n),
        figures=tuple(figures_in(text)), dates=frozenset(date_keys(text, [d.value for d in fact.dates])),
        years=frozenset(years_in(text)), speaker=name_key(speaker, "person") if speaker else "",
        quote=" ".join(stems(quoted)), plain=plain_text(text), content=" ".join(words))

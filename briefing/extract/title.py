"""A short title for an article that has no headline line, made from the main clause of its first sentence.

The title becomes a brief's Subject and the source's name in citations, so it should read like a headline,
not like the opening words of a lead ("To take up the matters related to the revival of…"). The rules:
drop what comes before the main clause (an "According to X," attribution, a "To …" purpose clause, a
leading time or connective phrase); a sentence of up to ``MAX_WORDS`` words is then the title; a longer
one is put in headline style (an acronym for its long form, no leading article, "is to visit" -> "to
visit") and cut at the last phrase boundary within ``MAX_WORDS`` words, or with "…" when there is none.
"""

from __future__ import annotations

import re

from briefing.extract.acronyms import find_acronyms

MAX_WORDS = 12
MIN_WORDS = 3  # a main clause shorter than this ("According to him, yes.") is not worth the cut
_EARLIEST_CUT = 6  # a cut leaves at least this many words
_DANGLING = frozenset("a an the of to in on at for from by with and or but as its their his her".split())
_ARTICLES = frozenset("a an the".split())
# Words a new phrase starts with: cutting just before one leaves a complete phrase.
_BREAK_BEFORE = frozenset(
    "from on in at by during after before since until amid with for and but or while as which who whose "
    "where when because although though despite following including".split())
# Leading phrases that are not the main clause: "According to X,", "To boost exports,", "On Monday,".
_LEADING = re.compile(
    r"(?:According[ ]to[ ][^,]{1,80}"
    r"|To[ ][a-z][^,]{0,200}"
    r"|(?:On|In|At|During|After|Before|Following|Amid|Despite|Earlier|Later|Last|This|Meanwhile|Separately|"
    r"Moreover|However|Also|Today|Yesterday|Speaking|Addressing)\b[^,]{0,60}),[ ]+")
_IS_TO = re.compile(r"\b(?:is|are)[ ]to[ ](?=[a-z])")
_OPEN_AT_END = ",;: \"“‘(—–-"  # what a cut must not leave hanging at the end


def _purpose_run_on(words: list[str]) -> int:
    """Where the subject starts after a "To …" clause that runs on without a comma ("… in Karachi a
    high-level delegation … is to visit"): the first article right after a proper noun, else 0."""
    if words[0] != "To":
        return 0
    for i in range(2, len(words) - MIN_WORDS):
        before = words[i - 1]
        if words[i].lower() in _ARTICLES and (before[:1].isupper() or before.endswith(")")):
            return i
    return 0


def _main_clause(sentence: str) -> str:
    m = _LEADING.match(sentence)
    rest = sentence[m.end():] if m else sentence
    if not m:
        words = sentence.split(" ")
        cut = _purpose_run_on(words)
        rest = " ".join(words[cut:])
    if len(rest.split()) < MIN_WORDS:
        return sentence
    return rest[:1].upper() + rest[1:]


def _headline_style(clause: str) -> str:
    for short, long in find_acronyms(clause, 0, len(clause)).items():
        clause = clause.replace(f"{long} ({short})", short)
    words = clause.split(" ")
    if len(words) > MIN_WORDS and words[0].lower() in _ARTICLES:
        clause = " ".join(words[1:])
        clause = clause[:1].upper() + clause[1:]
    return _IS_TO.sub("to ", clause)


def _cut(words: list[str]) -> str:
    for k in range(min(MAX_WORDS, len(words) - 1), _EARLIEST_CUT - 1, -1):
        if words[k].lower() in _BREAK_BEFORE or words[k - 1].endswith((",", ";", ":")):
            return " ".join(words[:k]).rstrip(_OPEN_AT_END)
    words = words[:MAX_WORDS]
    while len(words) > MIN_WORDS and (words[-1].lower().strip(",;:") in _DANGLING):
        words.pop()
    return " ".join(words).rstrip(_OPEN_AT_END) + "\u2026"


def derive_title(sentence: str) -> str:
    """A title of at most ``MAX_WORDS`` words (plus "…" when cut inside a phrase) for a lead sentence."""
    sentence = " ".join(sentence.split()).rstrip(" .")
    clause = _main_clause(sentence)
    if len(clause.split(" ")) <= MAX_WORDS:
        return clause
    words = _headline_style(clause).split(" ")
    return " ".join(words) if len(words) <= MAX_WORDS else _cut(words)

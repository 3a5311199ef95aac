"""Direct speech: whether a sentence quotes someone's own words, as opposed to quoting a few of them.

A sentence carries direct speech when it opens with a quotation (a quotation standing on its own, or the
next paragraph of one), when it closes a quotation opened in an earlier sentence, or when a quotation that
reads as a sentence of its own (it starts with a capital) is introduced by a colon or a speech verb or is
followed by one (``X said: "..."``, ``"...," X said``). A quotation of a few words inside indirect speech
(``said it was "winning support"``) is a mixed quote: the sentence keeps the kind of its content.
"""

from __future__ import annotations

import re

from briefing.extract import lexicon as lx

OPENING = "“\""
_SPAN = re.compile(r"“(?P<curly>[^”\n]*)(?:”|$)|\"(?P<straight>[^\"\n]*)(?:\"|$)")
_LEAD = re.compile(r"^[ (\[—–-]*[“\"‘'](?=[ ]?[\w‘'.…])")
_INITIALS = rf"(?:(?:{lx.TITLES}|[A-Z])\.[ ])*"
# What may stand between a quotation and its speech verb: the speaker's name or a pronoun, a few words.
_VERB_AFTER = re.compile(rf"^[ ]*[,—–-]?[ ]*(?:{_INITIALS}[\w’'.-]+[ ]){{0,5}}?(?:also[ ])?{lx.SPEECH_VERBS}\b"
                         rf"|^[ ]*[,—–-]?[ ]*{lx.SPEECH_VERBS}\b")
_VERB_BEFORE = re.compile(rf"(?:\b{lx.SPEECH_VERBS}\b|\b(?:responded|continued|testified|wrote|said))"
                          rf"(?:[ ][\w’'.-]+){{0,6}}?[ ]*[:,]?[ ]*$|:[ ]*$")
MIN_WORDS = 3


def quotations(sentence: str) -> list[tuple[int, int, str]]:
    """(start of the opening mark, end of the quotation, its words) for each quotation, unclosed ones too."""
    out = []
    for m in _SPAN.finditer(sentence):
        body = m.group("curly") if m.group("curly") is not None else m.group("straight") or ""
        out.append((m.start(), m.end(), body))
    return out


def _closes_earlier_quotation(sentence: str) -> bool:
    """A closing mark before any opening one: the end of a quotation begun in an earlier sentence."""
    close = sentence.find("”")
    if close >= 0 and ("“" not in sentence[:close]):
        return True
    straight = sentence.count('"')
    if straight % 2 == 1:
        first = sentence.find('"')
        return first > 0 and sentence[first - 1] in ".,!?…" and not _LEAD.match(sentence)
    return False


def has_direct_quote(sentence: str) -> bool:
    """Whether ``sentence`` carries direct speech (see the module docstring)."""
    if _LEAD.match(sentence):
        spans = quotations(sentence.lstrip(" ([—–-"))
        if not spans or len(spans[0][2].split()) >= 2:
            return True
    if _closes_earlier_quotation(sentence):
        return True
    for start, end, body in quotations(sentence):
        words = body.split()
        if len(words) < MIN_WORDS:
            continue
        first = body.lstrip(" ‘'.…")[:1]
        if not (first.isupper() or first.isdigit()):
            continue  # a few words taken into indirect speech
        if _VERB_BEFORE.search(sentence, 0, start) or _VERB_AFTER.search(sentence[end:]):
            return True
        if body.rstrip()[-1:] in ",.!?" and end < len(sentence) and _VERB_AFTER.search(sentence[end:]):
            return True
    return False

"""Where a sentence names who says it: the words of the attribution ("said Khan", "Mr Chirac told
reporters: ...", "according to the ministry", "Joel Smith, a teacher, said"), found by patterns.

``quote_cues`` and ``statement_cues`` return the candidate phrases of one sentence, best first, as written;
``speakers.Attributor`` resolves them to a person or body with what the article said before. The parsed
pass (``speaker_parse``) finds the same phrases from the attribution verb's subject instead, when the
language model is there.
"""

from __future__ import annotations

import re

from briefing.extract import lexicon as lx
from briefing.extract.names import valid_person

_NAMED = rf"(?:{lx.TITLE_RUN})?{lx.SHORT_NAME}"
_WHO = rf"(?:{_NAMED}|[^,.;:“”\"()\n]{{2,70}}?)"
_WHO_ABBREVIATED = rf"(?:{_NAMED}|[^,.;:“”\"\n]{{2,80}}?)"  # or carry its acronym: "the State Bank of Pakistan (SBP)"
_OPENERS = r"(?:But|And|However|Yet|Meanwhile|Earlier|Later|Afterward|Afterwards|Separately|Still|So|Now|Then)"
ACCORDING = re.compile(r"\b[Aa]ccording[ ]to[ ](?P<who>[^,.;:“”\"\n]{2,80})")
_SUBJECT_SAYS = re.compile(
    rf"^(?:[^,“”\"]{{0,160}},[ ])?(?P<who>{_WHO}),?[ ](?:has[ ]|have[ ]|had[ ]|also[ ]|further[ ]|again[ ]|"
    rf"on[ ]\w+[ ])?{lx.SPEECH_VERBS}\b")
_TRAILING = re.compile(
    rf",[ ](?P<who>{_WHO_ABBREVIATED})[ ]{lx.SPEECH_VERBS}(?:[ ](?:in|on|at|during|after|to)[ ][^,.;]{{1,40}})?"
    rf"[.!?]?$|,[ ]{lx.SPEECH_VERBS}[ ](?P<who2>{_WHO_ABBREVIATED})[.!?]?$")
# "Haroon Akhtar Khan, the SAPM, said" / "Joel Smith, who teaches in Leeds, told ...": the name, not the role
APPOSITIVE = re.compile(
    rf"(?:^|,[ ](?:but|and|while)[ ]|;[ ])(?:{_OPENERS}[ ])?(?:[A-Z][\w-]+[ ]){{0,1}}?(?:{lx.TITLE_RUN})?"
    rf"(?P<who>{lx.SHORT_NAME}),[ ][^;“”\"()\n]{{2,160}}?,?[ ](?:has[ ]|had[ ]|also[ ]|further[ ])?{lx.SPEECH_VERBS}\b")
# "said another witness, former adviser Ruth Cole." / "said Ana Ruiz, a fellow at the institute."
_SAID_THEN_NAME = re.compile(
    rf"\b(?:said|says|added)[ ](?:[^,.;“”\"]{{2,60}},[ ])?(?:(?:former|ex-|then-)[ ])?"
    rf"(?:[\w-]+[ ]){{0,5}}?(?P<who>{lx.NAME})(?=[,.;]|$)")
_QUOTE_CUES = (
    re.compile(rf"[”\"][ ]*,?[ ]*(?:[—–-][ ]*)?{lx.SPEECH_VERBS}[ ](?P<who>{_WHO})(?=[,.;:!?]|$)"),
    re.compile(rf"[”\"][ ]*,?[ ]*(?:[—–-][ ]*)?(?P<who>{_WHO})[ ](?:has[ ]|also[ ]|then[ ])?{lx.SPEECH_VERBS}\b"),
    re.compile(rf"(?:^|[,;—][ ])(?:{_OPENERS}[ ])?(?P<who>{_WHO})[ ](?:also[ ]|then[ ]|later[ ])?"
               rf"{lx.SPEECH_VERBS}(?:[ ][\w’'.-]+){{0,5}}?[ ]?[:,]?[ ]*[“\"]"),
    re.compile(rf"^(?:{lx.TITLE_RUN})?(?P<who>{lx.SHORT_NAME})[ ]?:[ ]*[“\"]"),
    # '"...," Jane Smith, a fellow at the institute, has written.'
    re.compile(rf"[”\"][ ]*,?[ ]*(?P<who>{_NAMED}),[ ][^“”\"]{{2,140}}?,[ ](?:has[ ]|had[ ]|also[ ])?"
               rf"{lx.SPEECH_VERBS}\b"),
)
# "..., with finance minister Paul Weber saying it showed ..."
_WITH_SAYING = re.compile(rf"\bwith[ ](?P<who>{_WHO})[ ](?:saying|telling|adding|warning|arguing|noting)\b")


def quote_cues(sentence: str) -> list[str]:
    """Phrases that may name the speaker of a quotation in ``sentence``, best first."""
    out = [m.group("who") for pattern in _QUOTE_CUES for m in pattern.finditer(sentence)]
    out.extend(m.group("who") for m in _WITH_SAYING.finditer(sentence))
    return out + statement_cues(sentence)


# Every cue holds a speech verb or "according to": one search rules out most sentences at once.
_ANY_CUE = re.compile(rf"\b(?:{lx.SPEECH_VERBS}|[Aa]ccording[ ]to)\b")


def statement_cues(sentence: str) -> list[str]:
    """Phrases that may name the party a sentence is attributed to, best first."""
    if _ANY_CUE.search(sentence) is None:
        return []
    out = [m.group("who") for m in ACCORDING.finditer(sentence)]
    out.extend(m.group("who") for m in APPOSITIVE.finditer(sentence) if valid_person(m.group("who")))
    for pattern in (_SUBJECT_SAYS, _TRAILING):
        m = pattern.search(sentence)
        if m:
            out.append(m.group("who") or m.groupdict().get("who2") or "")
    out.extend(m.group("who") for m in _WITH_SAYING.finditer(sentence))
    out.extend(m.group("who") for m in _SAID_THEN_NAME.finditer(sentence))
    return [w for w in out if w]

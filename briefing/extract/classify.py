"""What kind of fact a sentence is: quote, decision, plan, meeting, figure or statement; first match wins.

Order: a quotation is a quote whatever it says; a decision comes before a plan because decisions are
phrased in the past about future actions ("agreed to form", "announced that it will build"), while plans
use future forms only ("is to visit", "will meet"); a meeting is a past encounter; a figure is a sentence
whose point is an amount; everything else is a statement. Each test is one precompiled pattern.
"""

from __future__ import annotations

import re

from briefing.extract import lexicon as lx

QUOTED = re.compile(r"“(?P<curly>[^”\n]+)”?|\"(?P<straight>[^\"\n]+)\"")
# Up to four words between a quotation and its speech verb; titles and initials do not count ("Dr. J. R. R.
# Tolkien said" is one name), so a titled speaker still makes the quotation a quote.
_INITIALS = rf"(?:(?:{lx.TITLES}|[A-Z])\.[ ])*"
_SPEECH_NEAR_QUOTE = re.compile(
    rf"[”\"][ ]*,?[ ]*(?:{_INITIALS}\S+[ ]){{0,4}}{lx.SPEECH_VERBS}\b|\b{lx.SPEECH_VERBS}\b[^“\"]{{0,60}}[:,]?[ ]*[“\"]"
    rf"|:[ ]*[“\"]|[“\"][^”\"]+[,.!?][”\"][ ]*,?[ ]*(?:{_INITIALS}\S+[ ]){{0,4}}{lx.SPEECH_VERBS}\b")
# Each pattern starts with a look-around naming the letters its words begin with: the engine then rejects
# most positions with one test instead of trying every alternative (2-3x faster per sentence).
DECISION = re.compile(
    r"(?<!\w)(?=[adfirsehw])\b(?:agreed|approved|signed|decided|formed|ratified|endorsed|adopted|sanctioned|"
    r"finali[sz]ed|inked|"
    r"resolved[ ]to|reached[ ]an?[ ](?:agreement|deal|accord|consensus|understanding)|"
    r"announced[ ](?:that[ ])?(?:it|they|he|she|the[ ]\w+)[ ](?:will|would)|"
    r"(?:has|have|had)[ ]been[ ](?:approved|formed|constituted|set[ ]up|established)|"
    r"(?:was|were)[ ](?:approved|constituted|set[ ]up|established))\b",
    re.IGNORECASE)
PLAN = re.compile(
    r"(?<!\w)(?=[wsiapun])\b(?:will|shall|would|(?:is|are|was|were)[ ](?:set[ ]|scheduled[ ]|expected[ ]|likely[ ]|"
    r"slated[ ]|poised[ ]|going[ ]|planning[ ]|planned[ ]|supposed[ ])?to[ ]\w+|"
    r"plans?[ ]to|planned[ ]to|planning[ ]to|intends?[ ]to|intended[ ]to|aims?[ ]to|aimed[ ]at|seeks?[ ]to|"
    r"upcoming|next[ ](?:week|month|year))\b",
    re.IGNORECASE)
MEETING = re.compile(
    r"(?<!\w)(?=[mcdvhetrp])\b(?:met|meets|meeting[ ]with|called[ ]on|calls[ ]on|discussed|discusses|visited|"
    r"held[ ](?:talks|a[ ]meeting|meetings|discussions|consultations|negotiations)|"
    r"engaged[ ]in[ ](?:\w+[ ])?(?:talks|discussions|negotiations)|talks[ ]with|hosted|"
    r"received[ ]a[ ]delegation|paid[ ]a[ ](?:\w+[ ])?visit)\b",
    re.IGNORECASE)
FIGURE_TYPES = frozenset({"money", "percent", "quantity"})


def has_direct_quote(sentence: str) -> bool:
    """Direct speech: a quotation of three words or more, introduced or followed by a speech verb or colon."""
    for m in QUOTED.finditer(sentence):
        words = (m.group("curly") or m.group("straight") or "").split()
        if len(words) >= 3:
            return _SPEECH_NEAR_QUOTE.search(sentence) is not None
    return False


def classify(sentence: str, mention_types: set[str]) -> str:
    """The fact kind of one sentence; ``mention_types`` are the types of the mentions found in it."""
    if ("“" in sentence or '"' in sentence) and has_direct_quote(sentence):
        return "quote"
    if DECISION.search(sentence):
        return "decision"
    if PLAN.search(sentence):
        return "plan"
    if MEETING.search(sentence):
        return "meeting"
    if mention_types & FIGURE_TYPES:
        return "figure"
    return "statement"

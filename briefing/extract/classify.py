"""What kind of fact a sentence is: quote, decision, plan, meeting, figure or statement; first match wins.

Order: direct speech is a quote whatever it says (``quotes``); a decision comes before a plan because
decisions are phrased in the past about future actions ("agreed to form", "announced that it will build");
an intention stated outright ("plans to", "is due to") comes next, then a meeting, then a figure, and a bare
"will" last, since "the tariffs will cut growth by 0.3%" reports an amount more than anyone's intention.
Reported "would"/"could" is never a plan: it is what someone expects, not what the story's actors intend.
Each test is one precompiled pattern, and each trigger has its negative ("had signed", "not agreed", "was
met") next to it so the kinds stay calibrated on articles they were not written for.
"""

from __future__ import annotations

import re

from briefing.extract.quotes import has_direct_quote

# Each pattern starts with a look-around naming the letters its words begin with: the engine then rejects
# most positions with one test instead of trying every alternative.
_NOT_BEFORE = r"(?<!\bnot[ ])(?<!n[’']t[ ])(?<!\bnever[ ])(?<!\bnot[ ]been[ ])"
# "had signed in 2015", "the commission he appointed in February": background, not the news
_PAST = (r"(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|"
         r"December)\b")
DECISION = re.compile(
    rf"(?<!\w)(?=[adfiorsehwcptvb])\b{_NOT_BEFORE}(?:"
    r"(?:agreed|approved|signed|ratified|endorsed|adopted|finali[sz]ed|inked|appointed|ordered)"
    rf"(?![ ]by\b)(?![ ](?:\w+[ ]){{0,4}}in[ ]{_PAST})"
    r"|(?:decided|opted|resolved|voted)[ ](?:to|for|against)"
    r"|(?:refused|rejected|declined|turned[ ]down|did[ ]not[ ]accept)[ ](?:the|an|a|their|its|his|her)[ ]"
    r"(?:\w+[ ])?(?:offer|request|proposal|bid|deal|plan)"
    r"|put[ ](?:\w+[ ]){0,3}in[ ]charge|called[ ]a[ ](?:truce|halt|ceasefire)"
    r"|announc\w+[ ](?:its|their|the|his|her|a)[ ]decision[ ]to"
    r"|reached[ ]an?[ ](?:agreement|deal|accord|consensus|understanding)"
    r"|announced[ ](?:that[ ])?(?:it|they|he|she|the[ ]\w+)[ ](?:will|would)"
    r"|(?:has|have)[ ]been[ ](?:approved|formed|constituted|set[ ]up|established)"
    r"|(?:was|were)[ ](?:approved|constituted|set[ ]up|established))\b",
    re.IGNORECASE)
# "The ministry plans to", "unveiled plans to": the actors' intention; "defended plans to" is about a plan.
INTENTION = re.compile(
    r"(?<!\w)(?=[wsiapunhvd])\b(?:"
    r"(?<!\bthe[ ])(?<!\bits[ ])(?<!\btheir[ ])(?<!\bhis[ ])(?<!\bher[ ])(?<!\bof[ ])(?<!ed[ ])(?<!\bhas[ ])"
    r"(?<!\bhave[ ])(?<!\bnew[ ])plans[ ]to"
    r"|(?:unveiled|announced|outlined|set[ ]out|drew[ ]up|drawn[ ]up)[ ](?:\w+[ ])?plans?[ ]to"
    r"|(?<!\bthe[ ])(?<!\bits[ ])(?<!\bhis[ ])(?<!\bher[ ])(?<!\btheir[ ])(?:plan|planned|planning|intends?|"
    r"intended|intending|aims?|aiming|vowed|vows|pledged|pledges|promised|promises|hopes|hoped|hoping|seeks?|"
    r"sought)[ ]to[ ]\w+"
    r"|(?:is|are|was|were)[ ](?:due|set|scheduled|slated|poised|expected|planning|going|supposed)[ ]to[ ]\w+"
    r"|(?<!\bif[ ])(?:is|are)[ ]to[ ](?!be[ ](?:\w+ly[ ])?(?:seen|found)\b)\w+"
    r"|gearing[ ]up[ ]for)\b",
    re.IGNORECASE)
# "will" after its subject: not "who will" (a description), not "it/there/this will be" (no actor intends).
# The word before is a name, a personal pronoun or a noun after "the": "firms will" is a forecast.
WILL = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou)|\b[A-Z][\w.&-]*|\b[Tt]he[ ](?:[\w-]+[ ]){0,2}[\w-]+)"
    r"(?<!\bIt)(?<!\bThere)(?<!\bThis)(?<!\bThat)"
    r"(?:[ ]will|[ ]shall|[’']ll)[ ](?!be[ ]\w+[ ]to\b)"
    r"(?:(?:also|soon|now|then|still|jointly)[ ])?[a-z]+")
MEETING = re.compile(
    r"(?<!\w)(?=[mcdvhetrpi])\b(?:"
    r"(?<!\bbe[ ])(?<!\bbeen[ ])(?<!\bbeing[ ])(?<!\bis[ ])(?<!\bare[ ])(?<!\bwas[ ])(?<!\bwere[ ])"
    r"(?<!\bget[ ])(?<!\bgot[ ])met|meets|meeting[ ]with|(?:is|are|was|were)[ ]meeting"
    r"|called[ ]on(?![ ](?:\w+[ ]){0,6}?to[ ]\w)|calls[ ]on(?![ ](?:\w+[ ]){0,6}?to[ ]\w)"
    r"|(?<!which[ ])(?<!where[ ])(?<!which[ ]they[ ])(?<!where[ ]they[ ])discuss(?:ed|es)|visited|hosted"
    r"|(?:held|holding|hold|holds)[ ](?:\w+[ ])?(?:talks|a[ ]meeting|meetings|discussions|consultations|"
    r"negotiations|a[ ]summit)"
    r"|talks[ ](?:are|were|have[ ]been)[ ](?:continuing|under[ ]way|underway|ongoing|held)"
    r"|talks[ ](?:also[ ])?(?:centred|centered|focused|focussed)[ ]on"
    r"|engaged[ ]in[ ](?:\w+[ ])?(?:talks|discussions|negotiations)|talks[ ]with"
    r"|received[ ]a[ ]delegation|paid[ ]a[ ](?:\w+[ ])?visit)\b",
    re.IGNORECASE)

_NUMBER = r"(?:[$€£¥]|Rs\.?[ ]?)?\d[\d,.]*(?:[ ]?(?:%|per[ ]?cent|percent|bn|m|million|billion|trillion))?"
_ABOUT = r"(?:more[ ]than|less[ ]than|fewer[ ]than|at[ ]least|nearly|roughly|about|almost|around|some|over|"
_ABOUT += r"an[ ]estimated|approximately|just[ ]under|just[ ]over)"
# The amount is what the sentence reports: it moves ("rose to 3%", "cut by $5bn"), is measured ("employs
# 8,000", "a loss of"), leads the sentence ("Some 37 countries ..."), or is given as an estimate ("more
# than 15,000 people registered"). A number that only adds detail ("lent Russia $6bn") leaves a statement.
FIGURE = re.compile(
    rf"^(?:[A-Z]\w*[ ])?(?:{_ABOUT}[ ])?{_NUMBER}[ ](?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)"
    rf"|\b{_ABOUT}[ ]{_NUMBER}"
    rf"|\b(?<!up[ ])(?:to|by|from)[ ](?:a[ ])?(?:{_ABOUT}[ ])?(?:[$€£¥]|Rs\.?[ ]?)?\d[\d,.]*(?:[ ]?(?:%|per[ ]?cent|percent|bn|m|"
    r"million|billion|trillion)|[ ]\w+)"
    r"|\b(?:increase[sd]?|rise[sn]?|rose|fell|falls|fallen|drop(?:s|ped)?|decline[sd]?|grew|growth|jump(?:s|ed)?|"
    r"climb(?:s|ed)?|surge[sd]?|sinking|sank|slump(?:s|ed)?|plunge[sd]?|soar(?:s|ed)?|total(?:l?ed|s)|hike|"
    r"employs|employed|loss|losses|profits?|revenues?|deficit|surplus|worth|sold[ ]for|costs?|estimated|"
    r"to[ ]the[ ]tune[ ]of)\b(?:[^.;]|(?<=Rs)\.){0,60}?\d[\d,.]*"
    r"|\d[\d,.]*(?:%|[ ]?per[ ]?cent|[ ]?percent|bn|m\b|[ ]million|[ ]billion)?[ ](?:[\w-]+[ ]){0,2}?"
    r"(?:hike|increase|rise|cut|drop|fall|growth|decline|jump|loss|gain)\b",
    re.IGNORECASE)
FIGURE_TYPES = frozenset({"money", "percent", "quantity"})
_DIGIT = re.compile(r"\d")


def is_figure(sentence: str, mention_types: set[str]) -> bool:
    """The sentence reports an amount (``FIGURE``), not merely mentions one; years and dates do not count."""
    if not (mention_types & FIGURE_TYPES) and not _DIGIT.search(sentence):
        return False
    for m in FIGURE.finditer(sentence):
        digits = re.search(r"\d[\d,.]*", m.group())
        if digits and not re.fullmatch(r"(?:19|20)\d\d", digits.group().rstrip(".,")):
            return True
    return False


def classify(sentence: str, mention_types: set[str]) -> str:
    """The fact kind of one sentence; ``mention_types`` are the types of the mentions found in it."""
    if ("“" in sentence or "”" in sentence or '"' in sentence) and has_direct_quote(sentence):
        return "quote"
    if DECISION.search(sentence):
        return "decision"
    if (" to " in sentence or "gearing" in sentence) and INTENTION.search(sentence):  # every intention has one
        return "plan"
    if MEETING.search(sentence):
        return "meeting"
    if is_figure(sentence, mention_types):
        return "figure"
    if ("will " in sentence or "shall " in sentence or "ll " in sentence) and WILL.search(sentence):
        return "plan"
    return "statement"

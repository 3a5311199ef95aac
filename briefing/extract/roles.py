"""Roles, offices and kinds of organisation written around names, found by pattern (no model needed).

News names people with a lower-case role before them ("Gazprom chairman Aleksey Miller", "former special
envoy to Poland Karl Venner"), names organisations after the noun for their kind ("brokerage Kestrel", "the
group Nurses for Clean Water") and lets offices speak ("The UN High Commissioner for Human Rights said"),
where the words after "for" are the office's brief, not a person called "Human Rights".
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from briefing.extract import lexicon as lx
from briefing.extract.gazetteer import DEMONYMS, places

# Words a lower-case role may open with and still follow its organisation directly ("Apple chief executive").
ROLE_MODIFIERS = frozenset(
    "former then acting deputy vice senior chief interim top general executive managing assistant associate "
    "principal special outgoing incoming".split())
_LOWER_ROLE = re.compile(
    rf"(?<![\w’'-])(?=[a-z])(?P<role>(?P<mods>(?:[a-z]+[ ]){{0,2}}){lx.ROLE_NOUNS}"
    rf"(?:[ ](?:to|for|of|at|in|on)[ ](?:the[ ])?{lx.CAP_WORD}(?:[ ]{lx.CAP_WORD})?)?)[ ](?P<name>{lx.NAME})\b"
    rf"(?![ ]?\(|[ ]{lx.CAP_WORD})")
_ORG_BEFORE = re.compile(rf"(?P<org>{lx.CAP_WORD}(?:[ ]{lx.CAP_WORD}){{0,2}})[ ]$")
_CHUNK = rf"{lx.CAP_WORD}(?:(?:[ ](?:of|for|and|&|on|de)(?:[ ]the)?)?[ ]{lx.CAP_WORD})*"
_ORG_NOUN = re.compile(
    r"(?<![\w’'-])(?=[a-z])(?:brokerage|bank|firm|company|group|agency|newspaper|daily|broadcaster|insurer|"
    r"carmaker|automaker|airline|retailer|lender|miner|giant|operator|watchdog|regulator|charity|start-up|"
    r"startup|publisher|network|consultancy|maker|manufacturer|think[ ]tank|organi[sz]ation|union|party)"
    rf"[ ](?P<org>{_CHUNK})")
_PERSON_SHAPE = re.compile(lx.NAME)
_OFFICE = re.compile(
    rf"(?<![\w’'-])(?:[Tt]he[ ])?(?P<office>(?P<body>{lx.CAP_WORD}(?:[ ]{lx.CAP_WORD}){{0,2}}?)[ ]"
    rf"{lx.ROLE_HEADS}(?:[ ](?:for|of|on)[ ](?:the[ ])?{lx.CAP_WORD}(?:[ ](?:and|&)[ ]{lx.CAP_WORD}"
    rf"|[ ]{lx.CAP_WORD}){{0,3}})+)(?!,?[ ]{lx.NAME_WORD}|[\w’'-])")
_OFFICE_BRIEF = re.compile(rf"{lx.ROLE_HEADS}[ ](?:for|of|on|to)[ ](?:the[ ])?$")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}|(?:[A-Z]\.){2,4}")
_POSSESSIVES = ("’s", "'s", "’", "'")
# Words that may stand before a role noun but are not part of the role ("toured with singer ...").
_NOT_ROLE_WORDS = frozenset(
    "its his her their our the a an it with and or to of for by as at in on from that this who which was is "
    "were are be been also said says told".split())


@functools.lru_cache(maxsize=2)
def lowercase_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case (read once per text: a string keeps its hash)."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z][a-z-]+", text))


def acronym_shaped(word: str) -> bool:
    """"UN", "U.N.", "OSCE": capitals only (a body's short name)."""
    return bool(_ACRONYM.fullmatch(word))


def _at_sentence_start(text: str, at: int) -> bool:
    k = at - 1
    while k >= 0 and text[k] in " “\"‘'(":
        k -= 1
    return k < 0 or text[k] in "\n.!?:"


def _without_trailing_place(org: str) -> str:
    """"White House Asia" (before "adviser") without the place that is the role's brief."""
    words = org.split(" ")
    while len(words) > 1 and words[-1] in places():
        words.pop()
    return " ".join(words)


def _no_possessive(word: str) -> str:
    for tail in _POSSESSIVES:
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word


def clean_role(role: str, mods: str) -> str:
    """The role without the words before it that belong to the sentence: ``mods`` are the words the
    pattern took before the role noun, and only those after the last function word among them stay
    ("toured with singer" -> "singer", "its chairman" -> "chairman", "former special envoy" stays)."""
    words = mods.split()
    cut = max((k + 1 for k, w in enumerate(words) if w in _NOT_ROLE_WORDS), default=0)
    return " ".join(words[cut:] + [role[len(mods):].strip()]).strip()


def _plain_organisation(org: str) -> bool:
    first = org.split(" ")[0]
    return (org not in places() and first not in lx.NOT_NAME_WORDS and first not in DEMONYMS
            and org not in DEMONYMS)


def lower_case_roles(text: str, start: int, end: int) -> Iterator[tuple[str, str, str]]:
    """(name, role, organisation or "") for each full name after a lower-case role in ``text[start:end]``.

    The organisation is the capitalised words right before the role, when the role follows them directly
    (only words like "former" or "chief" between): "Gazprom chairman" names Gazprom; "High school art
    teacher" names no "High"."""
    for m in _LOWER_ROLE.finditer(text, start, end):
        org = ""
        mods = m.group("mods").split()
        if all(w in ROLE_MODIFIERS for w in mods):
            before = _ORG_BEFORE.search(text, max(start, m.start() - 60), m.start())
            if before:
                org = _no_possessive(_without_trailing_place(before.group("org")))
                first = org.split(" ")[0]
                if not _plain_organisation(org) or (
                        " " not in org and _at_sentence_start(text, before.start())
                        and first.lower() in lowercase_words(text)):
                    org = ""  # a sentence's capital on a common word ("Company chairman ...")
        yield m.group("name"), clean_role(m.group("role"), m.group("mods")), org


def named_by_kind(text: str, start: int, end: int) -> Iterator[str]:
    """Organisations named right after the noun for their kind: "brokerage Kestrel", "the group Nurses for
    Clean Water" (never a person's two-word name: "company founder John Smith" is a role)."""
    for m in _ORG_NOUN.finditer(text, start, end):
        org = _no_possessive(m.group("org"))
        if _plain_organisation(org) and not _PERSON_SHAPE.fullmatch(org):
            yield org


def offices(text: str, start: int, end: int) -> Iterator[tuple[str, str]]:
    """(office, body) for each office that stands alone as a party: "UN High Commissioner for Human
    Rights" of "UN" (not when a person's name follows: then it is that person's role)."""
    for m in _OFFICE.finditer(text, start, end):
        body = m.group("body")
        if body.split(" ")[0] not in lx.NOT_NAME_WORDS:
            yield m.group("office"), body


def inside_office(text: str, at: int) -> bool:
    """Whether the words at ``at`` are the brief of an office ("... Commissioner for |Human Rights")."""
    return bool(_OFFICE_BRIEF.search(text, max(0, at - 60), at))

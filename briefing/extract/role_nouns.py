"""What "the spokesperson" can stand for: a recent party the noun describes, never merely the last one named.

News reports name a source once ("the Ministry of Industries spokesperson", "Foreign Office Spokesperson
Mumtaz Zahra Baloch") and then write "the spokesperson", often after quoting someone else in between. A
role noun refers back only to a party it describes: the party's own words, or for a person the role the
article gave them, hold the noun or one of its kin (a spokeswoman is a spokesperson; "the official" is
anyone holding an office, so not a person whose role the article never gave). A noun that names an
organisation ("the ministry", "the bank") stands for the organisation inside the party when there is one
("Ministry of Industries" for its spokesperson). A document ("the statement", "the report") describes no
one: it is the last named source's, as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.extract import lexicon as lx

if TYPE_CHECKING:
    from briefing.extract.names import EntityIndex

_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_CHAIR = frozenset({"chairman", "chairperson", "chairwoman"})
_ADVISERS = frozenset({"adviser", "advisor"})
# Who holds an office: what "the official" or "the officer" may be.
_OFFICE = _SPOKES | _CHAIR | _ADVISERS | frozenset(
    "official officer minister secretary assistant sapm director dg md governor ambassador envoy commissioner "
    "consul president mayor senator chancellor premier pm mna mpa".split())
_BUSINESS = frozenset("company firm corporation corp ltd limited inc group holdings mills".split())
_KIN: dict[str, frozenset[str]] = {
    **{noun: _SPOKES for noun in _SPOKES},
    **{noun: _CHAIR for noun in _CHAIR},
    **{noun: _ADVISERS for noun in _ADVISERS},
    "official": _OFFICE,
    "officer": _OFFICE,
    "envoy": frozenset({"envoy", "ambassador"}),
    "ambassador": frozenset({"ambassador", "envoy"}),
    "diplomat": frozenset({"diplomat", "ambassador", "envoy", "consul", "commissioner", "representative",
                           "foreign"}),  # a foreign minister or Foreign Office official is a diplomat
    "executive": frozenset({"executive", "ceo"}),
    "director": frozenset({"director", "dg", "md"}),
    "company": _BUSINESS,
    "firm": _BUSINESS,
}
_DOCUMENTS = frozenset({"statement", "report"})
# Nouns that name an organisation, not a person in it: "the ministry", "the bank", "the company".
_ORGANISATION_NOUNS = frozenset(w.lower() for w in lx.ORG_SUFFIXES | lx.ORG_PREFIXES) | {"company", "firm"}
_WORD = re.compile(r"[\w-]+")


def _words(phrase: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(phrase)}


def _organisation_inside(party: str, kin: frozenset[str], index: EntityIndex) -> str:
    words = party.split()
    for size in range(len(words), 1, -1):
        for start in range(len(words) - size + 1):
            hit = index.lookup.get(" ".join(words[start:start + size]))
            if hit and hit[1] == "organization" and _words(hit[0]) & kin:
                return hit[0]
    return ""


def described(noun: str, party: str, index: EntityIndex, phrase: str = "") -> str:
    """What ``party`` is as "the ``noun``": the organisation inside it the noun names, the party itself when
    the noun describes it (its words, its role, or the ``phrase`` that named it: "Russia's Ambassador to
    South Korea Alexander Timonin"), else ""."""
    if noun in _DOCUMENTS:
        return party
    kin = _KIN.get(noun, frozenset({noun}))
    role = index.roles.get(party, "")
    if noun in _ORGANISATION_NOUNS:
        organisation = _organisation_inside(party, kin, index) or _organisation_inside(role, kin, index)
        if organisation:
            return organisation
    if (_words(party) | _words(role) | _words(phrase)) & kin:
        return party
    return ""

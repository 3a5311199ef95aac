"""Discovering who and what an article names: people with their roles, organisations, acronym owners.

Discovery runs over the whole body once, with a handful of compiled patterns (role appositions such as
"the SAPM on Industries and Production, Haroon Akhtar Khan", titles, "led by ...", "... said", and the
lower-case roles and offices of ``roles``); the model pass (``model_names``) adds what the statistical
model finds to the same Discovery. Then the results become one dict from surface form to entity
(``EntityIndex``) that ``mentions`` looks words up in. Shorter forms of a person's name ("Akhtar Khan", "Khan") point to the full name when only one person has
them, which is how "said Khan" resolves to "Haroon Akhtar Khan".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract import lexicon as lx
from briefing.extract import roles
from briefing.extract.gazetteer import DEMONYMS, places

# Patterns that start with a capital reject other positions at once; patterns sharing a start are one
# alternation, so the text is scanned four times in all rather than seven.
_CAPITAL = r"(?<![\w’'-])(?=[A-Z])"
_ACTS = ("met|meets|visited|visits|called[ ]on|held|signed|led|chaired|attended|arrived|inaugurated|addressed|"
         "received|hosted|praised|thanked|presided|launched|opened")
# "the SAPM on Industries and Production, Haroon Akhtar Khan" / "Prime Minister Shehbaz Sharif"
_ROLE_FIRST = re.compile(
    rf"{_CAPITAL}(?P<role>{lx.ROLE})(?:,[ ](?P<name>{lx.NAME})\b(?![ ]?\()|[ ](?P<name2>{lx.NAME})\b)")
# "Haroon Akhtar Khan, the Special Assistant on Industries, said" / "Denis Nazarov met" / "Khan said"
_NAME_FIRST = re.compile(
    rf"{_CAPITAL}(?P<name>{lx.NAME})(?:,[ ](?:the[ ]|a[ ]|an[ ])?(?P<role>{lx.ROLE})"
    rf"(?=[,.;)]|[ ](?:{lx.SPEECH_VERBS}|has|had|was|is|who|and)\b)"
    rf"|[ ](?:has[ ]|had[ ]|also[ ])?(?:{lx.SPEECH_VERBS}|{_ACTS})\b)")
_TITLED = re.compile(rf"{_CAPITAL}{lx.TITLE_RUN}(?P<name>{lx.SHORT_NAME})\b")
# "led by Denis Nazarov", "called on Haroon Akhtar Khan", "said Haroon Akhtar Khan"
_CONTEXT = re.compile(
    rf"\b(?:(?:led|headed|chaired|accompanied|represented|hosted|signed|received|welcomed)[ ]by"
    rf"|met(?:[ ]with)?|called[ ]on|[Mm]eeting[ ]with|{lx.SPEECH_VERBS})[ ](?P<name>{lx.NAME})\b")
CHUNK = re.compile(rf"{lx.CAP_WORD}(?:(?:[ ](?:of|for|and|&|on|de)(?:[ ]the)?)?[ ]{lx.CAP_WORD})*")

_CONNECTORS = frozenset("of for and & on de the".split())
_ROLE_WORDS = frozenset(
    "Minister Assistant Secretary Adviser Advisor Chairman Chairperson President Governor Ambassador "
    "Director Spokesperson Spokesman Senator Envoy Commissioner Mayor Justice Chancellor Premier CEO".split())
# Words that open sentences, stripped before an organisation's name; not the adjectives names open with.
_STARTERS = lx.NOT_NAME_WORDS - lx.ORG_PREFIXES - _ROLE_WORDS - {"National", "International", "Federal",
                                                                 "Provincial"}
_ROLE_PREFIX_NOISE = frozenset("The A An This That Its His Her Their Our Both During".split())


def _strip_possessive(word: str) -> str:
    for tail in ("’s", "'s", "’", "'"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word


def valid_person(name: str) -> bool:
    """A plausible person's name: no sentence-starter, role, organisation or place word in the way."""
    words = name.split()
    if not words or all(len(w.rstrip(".")) <= 1 for w in words):
        return False
    for w in words:
        if len(w) == 2 and w[1] == "." and w[0].isupper():
            continue  # an initial: "A." and "I." are not the article or the pronoun
        bare = w.rstrip(".")
        if bare in lx.NOT_NAME_WORDS or bare in lx.ORG_SUFFIXES or bare in lx.ORG_PREFIXES:
            return False
    gazetteer = places()
    return name not in gazetteer and words[0] not in gazetteer and words[0] not in DEMONYMS


def _clean_role(role: str) -> str:
    words = role.split(" ")
    while len(words) > 1 and words[0] in _ROLE_PREFIX_NOISE:
        words = words[1:]
    return " ".join(words).strip(" ,")


def organisation_in(words: list[str]) -> str | None:
    """The organisation a run of capitalised words names ("The Ministry of Industries" -> without "The")."""
    while words and (words[0] in _STARTERS or words[0] in _CONNECTORS):
        words = words[1:]
    while words and words[-1] in _CONNECTORS:
        words = words[:-1]
    owned = [k for k, w in enumerate(words[:-1]) if _strip_possessive(w) != w]
    if owned:  # "Rosneft and China's National Petroleum Corporation": China's is the owner, not the name
        words = words[owned[-1] + 1:]
    if len(words) < 2 or any(w in _ROLE_WORDS for w in words) or " ".join(words) in places():
        return None  # "West Bank" ends like a bank's name but is a place
    words = [*words[:-1], _strip_possessive(words[-1])]
    if words[-1] in lx.ORG_SUFFIXES:
        return " ".join(words)
    for i, w in enumerate(words[:-2]):
        if w in lx.ORG_PREFIXES and words[i + 1] in ("of", "for"):
            return " ".join(words)
    return None


def _organisations_in(chunk: str) -> list[str]:
    """The organisations a capitalised run names: two when "and" joins two whole names ("Northfield
    University and the University of Keswick"), else at most one ("Customs and Border Protection")."""
    at = chunk.find(" and ")
    while at >= 0:
        left, right = organisation_in(chunk[:at].split(" ")), organisation_in(chunk[at + 5:].split(" "))
        if left and right:
            return [left, right]
        at = chunk.find(" and ", at + 5)
    org = organisation_in(chunk.split(" "))
    return [org] if org else []


@dataclass
class Discovery:
    """What the discovery pass found, accumulated over the chunks of one source."""

    people: dict[str, str] = field(default_factory=dict)  # name -> role ("" when none found)
    organisations: list[str] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # surface -> canonical, beyond the gazetteer's
    affiliations: dict[str, str] = field(default_factory=dict)  # person -> organisation of their role
    offices: dict[str, str] = field(default_factory=dict)  # "UN High Commissioner for Human Rights" -> "UN"
    aliases: dict[str, str] = field(default_factory=dict)  # "Commission" -> "European Commission"

    def add_person(self, name: str, role: str = "", checked: bool = False) -> None:
        """Add a person; ``checked`` names come from the model, which has seen the context, so a first
        name that is also a place ("Chad Morrow") does not rule them out."""
        name = " ".join(name.split())
        if not (checked or valid_person(name)):
            return
        if role and not self.people.get(name):
            self.people[name] = _clean_role(role)
        else:
            self.people.setdefault(name, "")

    def add_organisation(self, name: str) -> None:
        if name not in self.organisations:
            self.organisations.append(name)

    def _around_roles(self, text: str, start: int, end: int) -> None:
        """People before whom a lower-case role stands, the organisations named with it, offices."""
        for name, role, org in roles.lower_case_roles(text, start, end):
            if valid_person(name):
                self.add_person(name, role)
                if org:
                    self.add_organisation(org)
                    self.affiliations.setdefault(name, org)
        for org in roles.named_by_kind(text, start, end):
            self.add_organisation(org)
        for office, body in roles.offices(text, start, end):
            self.offices.setdefault(office, body)

    def add_place(self, name: str, canonical: str) -> None:
        self.places.setdefault(name, canonical)

    def retire_people(self, people: set[str], not_people: set[str]) -> None:
        """Drop the rules' people that better evidence contradicts: a name the model types otherwise
        (``not_people``) that the rules found without a role, or one that holds a model's full name after
        extra words ("Treasury Under-Secretary Jane Tolland", whose extra words become the role); and cut
        organisations that run a person or a place in after "and" ("Department of Energy and Rita
        Salas")."""
        by_last_word: dict[str, list[str]] = {}
        for p in people:
            by_last_word.setdefault(p.rsplit(" ", 1)[-1], []).append(p)
        for name in list(self.people):
            if name in people:
                continue
            same_surname = by_last_word.get(name.rsplit(" ", 1)[-1], ())
            longer = next((p for p in same_surname if name.endswith(" " + p)), None)
            if longer:
                role = self.people.pop(name) or name[: -len(longer)].strip()
                if not self.people.get(longer):
                    self.people[longer] = role
            elif name in not_people and not self.people[name]:
                del self.people[name]  # a name the rules gave a role ("host Dana Pruitt") stays a person
        gazetteer = places()
        kept = []
        for org in self.organisations:
            left, sep, right = org.partition(" and ")
            if sep and (right in people or right in gazetteer or right in self.places):
                org = left
            if org not in people and org not in gazetteer and org not in self.places and org not in kept:
                kept.append(org)
        self.organisations = kept

    def scan(self, text: str, start: int, end: int) -> None:
        """Discover people and organisations in ``text[start:end]`` (a run of whole lines)."""
        for m in _ROLE_FIRST.finditer(text, start, end):
            self.add_person(m.group("name") or m.group("name2"), m.group("role"))
        for m in _NAME_FIRST.finditer(text, start, end):
            if not roles.inside_office(text, m.start("name")):  # "... Commissioner for Human Rights said"
                self.add_person(m.group("name"), m.group("role") or "")
        for pattern in (_TITLED, _CONTEXT):
            for m in pattern.finditer(text, start, end):
                self.add_person(m.group("name"))
        self._around_roles(text, start, end)
        for m in CHUNK.finditer(text, start, end):
            chunk = m.group()
            if " " in chunk:
                for org in _organisations_in(chunk):
                    self.add_organisation(org)


@dataclass
class EntityIndex:
    """Surface form -> (canonical name, type); roles by person; aliases by canonical name."""

    lookup: dict[str, tuple[str, str]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    affiliations: dict[str, str] = field(default_factory=dict)  # person -> organisation of their role
    bodies: dict[str, str] = field(default_factory=dict)  # office -> the organisation it belongs to
    acronyms: dict[str, str] = field(default_factory=dict)  # as defined in the text, first definition wins
    max_words: int = 6

    def find(self, surface: str) -> tuple[str, str] | None:
        hit = self.lookup.get(surface)
        if hit:
            return hit
        place = places().get(surface)
        if place:
            return place, "place"
        # "Russian" names no place: a nationality mention, kept out of the places (and of Russia's count)
        return (surface, "nationality") if surface in DEMONYMS else None

    def person(self, surface: str) -> str | None:
        """The full name a (possibly partial) person reference stands for, if unambiguous."""
        hit = self.lookup.get(surface)
        return hit[0] if hit and hit[1] == "person" else None


def _is_capitalised_name(long: str) -> bool:
    words = [w for w in long.replace("&", " ").split() if w not in _CONNECTORS and w != "to"]
    return bool(words) and all(w[0].isupper() for w in words)


def build_index(found: Discovery) -> EntityIndex:
    """Turn a discovery into the lookup dict (people first: a person's name beats a same-named place)."""
    index = EntityIndex(acronyms=dict(found.acronyms), affiliations=dict(found.affiliations))
    lookup = index.lookup
    gazetteer = places()
    for short, long in found.acronyms.items():
        if long in gazetteer:
            lookup.setdefault(short, (gazetteer[long], "place"))
        elif _is_capitalised_name(long) and not any(w in _ROLE_WORDS for w in long.split()):
            found.add_organisation(long)
            lookup.setdefault(short, (long, "organization"))
        else:
            lookup.setdefault(short, (long, "acronym"))
    for surface, canonical in found.places.items():
        lookup[surface] = (canonical, "place")
    for office, body in found.offices.items():
        if body in found.organisations or body in found.acronyms or roles.acronym_shaped(body):
            found.add_organisation(office)  # an office of a known body speaks for it: an organisation
            index.bodies[office] = body
    for org in found.organisations:
        lookup[org] = (org, "organization")
    for short, org in found.aliases.items():
        lookup[short] = (org, "organization")
    names = sorted(found.people, key=lambda n: len(n.split()), reverse=True)
    full_names: list[str] = []
    for name in names:
        if not any(_is_tail(name, full) for full in full_names):
            full_names.append(name)
    candidates: dict[str, set[str]] = {}
    for full in full_names:
        words = full.split()
        forms = {" ".join(words[k:]) for k in range(1, len(words))}
        if len(words) > 2:
            forms.add(f"{words[0]} {words[-1]}")
        for form in forms:
            candidates.setdefault(form, set()).add(full)
    for form, fulls in candidates.items():
        if len(fulls) == 1 and form not in lx.NOT_NAME_WORDS and len(form) > 2:
            lookup[form] = (next(iter(fulls)), "person")
    for full in full_names:
        lookup[full] = (full, "person")
    for name, role in found.people.items():
        owner = lookup.get(name, (name, ""))[0]
        if role and not index.roles.get(owner):
            index.roles[owner] = role
    index.max_words = max((len(k.split()) for k in lookup), default=1) + 1
    index.max_words = min(max(index.max_words, 4), 10)
    return index


def _is_tail(short: str, full: str) -> bool:
    return short != full and (full.endswith(" " + short) or
                              (len(full.split()) > 2 and short == f"{full.split()[0]} {full.split()[-1]}"))

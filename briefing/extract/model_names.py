"""People, organisations and places from the statistical model's entities, with our rules around them.

The model finds names the rules cannot (any organisation, any person without a title), but it is loose at
the edges and unsure of types: a surname typed as a place in one sentence and an organisation in the
next, "Benchmark" at the head of a sentence. So each span is first trimmed (``entity_spans``), then every
surface form gets one type for the whole article by vote, with what is known winning over the vote: a part
of a full person name is that person, a gazetteer name is a place, an acronym-shaped word is an
organisation. A place the gazetteer does not know needs more than the model's word for it: a cue ("Kandor
province", "Ruston, La.", "Dunmore, a town", "northern Sierra Nevada"), a locative preposition before it
("in Eastwick"), or a facility's head noun ("Trafalgar Square"). Roles come from the words around a name ("Gazprom
chairman Aleksey Miller", "Tim Morrison, a former National Security Council official"). The results go into
the same ``Discovery`` the rules fill, so the mention finder and the speakers use one index.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from briefing.extract import lexicon as lx
from briefing.extract.dates import MONTHS, WEEKDAYS
from briefing.extract.entity_spans import PLACE_CUE, Piece, strip_titles, trimmed
from briefing.extract.gazetteer import (
    DEMONYMS,
    US_STATE_ABBREVIATIONS,
    US_STATE_CODES,
    places,
)
from briefing.extract.mentions import Mention
from briefing.extract.roles import ROLE_MODIFIERS, clean_role, lowercase_words

if TYPE_CHECKING:
    from briefing.extract.names import Discovery, EntityIndex
    from briefing.extract.ner import ModelSpan

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "Dunmore, a town east of Scranton": what a place is, said right after its name, and where.
_PLACE_APPOSITION = re.compile(
    r",[ ](?:a|the)[ ](?:[a-z]+[ ])?(?:village|town|city|suburb|hamlet|borough|township|county|province|region|"
    r"district|port|capital|island|state)\b")
_DIRECTION_OF = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)[ ]of[ ]$")
_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|around|throughout|into|at)[ ](?:the[ ])?$")
_IN = re.compile(r"\b(?:in|near|outside|across|around|throughout)[ ]$")
# "northern Sierra Nevada", "eastern Ohio": a compass adjective before a name makes it a place.
_DIRECTION = re.compile(r"\b(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
                        r"(?:ern)?[ ]$")
# The last word of a named site: "Trafalgar Square", "the Ohio Statehouse".
_FACILITY_HEADS = frozenset(
    "Square Street Avenue Road Bridge Airport Station Statehouse Capitol Palace Park Stadium Arena Tower "
    "Building Plaza Gate Base Camp Prison Hospital Cathedral Mosque Temple Church Museum Dam Canal Port "
    "Harbour Harbor Crossing Highway Mountain Mountains Mount River Lake Sea Ocean Gulf Bay Valley Desert "
    "Island Islands Peninsula Strait Coast Border".split())
# Buildings that stand for the institution in them ("the White House said"): organisations, not places.
INSTITUTION_BUILDINGS = frozenset(
    "White House|Kremlin|Pentagon|Elysee|Élysée|Elysee Palace|Élysée Palace|Downing Street|Whitehall|"
    "Capitol Hill|Blue House|Zhongnanhai|Quai d'Orsay|Vatican|Holy See".split("|"))
_TIME_ZONES = frozenset("GMT UTC BST CET CEST EET EEST ET EST EDT CT CST CDT MT MST MDT PT PST PDT IST JST "
                        "AEST AEDT HKT SGT".split())
_ACRONYM_SHAPE = re.compile(r"[A-Z][A-Z0-9&]{1,7}|[A-Z]\d{1,2}|(?:[A-Z]\.){2,4}")
_CODE = re.compile(r"(?=\w*\d)(?=\w*[A-Z]{2})[A-Z0-9]{5,}")  # "CMCU3", "LMCADS03": product and ticker codes
_NAME_WORD = rf"(?:{lx.NAME_WORD}|[A-Z])"  # "George W Bush": an initial without its full stop too
_NAME_SHAPE = re.compile(rf"{_NAME_WORD}(?:[ ](?:{lx.NAME_PARTICLE}[ ])?{_NAME_WORD}){{1,4}}")
_ROLE_BEFORE = re.compile(
    rf"(?:(?P<org>(?:{lx.CAP_WORD}[ ]){{1,4}}))?(?P<role>(?P<mods>(?:[a-z]+-?[a-z]+[ ]){{0,2}}){lx.ROLE_NOUNS})[ ]$"
    rf"|(?P<title>{lx.ROLE})[ ]$")
_ROLE_AFTER = re.compile(
    rf",[ ](?:the[ ]|a[ ]|an[ ])?(?P<role>[^,.;:“”\"()\n]{{2,80}}?)(?=[,.;]|$|[ ](?:{lx.SPEECH_VERBS}|who|and)\b)")
_ROLE_HEAD_AFTER = re.compile(rf"[ ](?:{lx.ROLE_HEADS})\b")
_ROLE_NOUN_AFTER = re.compile(rf"[ ](?:{lx.ROLE_NOUNS})\b")
_HAS_ROLE_NOUN = re.compile(rf"\b(?:{lx.ROLE_NOUNS}|{lx.ROLE_HEADS})\b", re.IGNORECASE)
_CAP_RUN = re.compile(rf"{lx.CAP_WORD}(?:[ ](?:of|for|and|&|the)?[ ]?{lx.CAP_WORD})*")


def _person_shaped(name: str) -> bool:
    return bool(_NAME_SHAPE.fullmatch(name)) and name not in places() and name.split(" ")[0] not in DEMONYMS


def _at_sentence_start(text: str, at: int) -> bool:
    k = at - 1
    while k >= 0 and text[k] in " “\"‘'(":
        k -= 1
    return k < 0 or text[k] in "\n.!?:"


class ModelNames:
    """Turns the model's spans over one article into people (with roles), organisations and places."""

    def __init__(self, text: str, spans: list[ModelSpan], found: Discovery) -> None:
        self.text, self.found = text, found
        self.gazetteer = places()
        self.pieces: list[Piece] = []
        self.titles: dict[str, str] = {}
        self.common = lowercase_words(text)
        for span in spans:
            if span.label == "NORP":
                continue
            for piece in trimmed(text, span.start, span.end, span.label):
                piece = self._sentence_capital(piece)
                if piece is None:
                    continue
                if piece.label == "PERSON":
                    piece, titles = strip_titles(piece)
                    if titles:
                        self.titles.setdefault(piece.text, titles)
                self.pieces.append(piece)
        # Where each name stands, as the model found it: the cues are read there, never by searching the
        # whole text once per name (a megabyte names thousands).
        self.where: dict[str, list[tuple[int, int]]] = {}
        for p in self.pieces:
            self.where.setdefault(p.text, []).append((p.start, p.end))

    def _sentence_capital(self, piece: Piece) -> Piece | None:
        """None for a piece whose capital only marks a sentence start ("Benchmark", "Copper CMCU3")."""
        first = piece.text.split(" ")[0]
        if not _at_sentence_start(self.text, piece.start) or first.lower() not in self.common:
            return piece
        rest = piece.text[len(first):].strip()
        if not rest or _CODE.fullmatch(rest) or not any(w[:1].isupper() and len(w) > 1 for w in rest.split()):
            return None
        return piece

    # ------------------------------------------------------------------ typing by vote and knowledge
    def _votes(self) -> dict[str, Counter[str]]:
        votes: dict[str, Counter[str]] = {}
        for p in self.pieces:
            label = "PLACE" if p.label in PLACE_LABELS else p.label
            votes.setdefault(p.text, Counter())[label] += 1
        return votes

    def _model_people(self, votes: dict[str, Counter[str]]) -> set[str]:
        """The full names the model gives (two words or more, mostly typed PERSON, shaped like a name, and
        never written as a place is: "Cuyahoga Falls, OH")."""
        return {name for name, count in votes.items()
                if count["PERSON"] and count["PERSON"] >= max(count["ORG"], count["PLACE"]) and " " in name
                and _person_shaped(name) and not self._cued(name, set())}

    def _people(self, model_people: set[str]) -> tuple[set[str], dict[str, set[str]]]:
        """Full names (the model's and the rules' left standing) and, for each shorter form, the full names
        it may stand for."""
        full = model_people | {name for name in self.found.people if " " in name}
        parts: dict[str, set[str]] = {}
        for name in full:
            words = name.split(" ")
            forms = {" ".join(words[k:]) for k in range(1, len(words))} | {words[-1]}
            if len(words) > 2:
                forms.add(f"{words[0]} {words[-1]}")
            for form in forms:
                parts.setdefault(form, set()).add(name)
        return full, parts

    def _gazetteer_name(self, name: str) -> str:
        """The gazetteer's name for ``name``, also when a dateline writes it in capitals ("DAYTON")."""
        return self.gazetteer.get(name) or (self.gazetteer.get(name.title(), "") if name.isupper() and
                                             len(name) > 3 else "")

    def _is_place(self, name: str, count: Counter[str], label_fac: bool) -> bool:
        """Whether a name the model calls a place (or an organisation, with a place cue) is one."""
        if self._gazetteer_name(name) or name in self.cued:
            return True
        words = name.split(" ")
        if len(words) > 1 and words[-1] in _FACILITY_HEADS:
            return True  # "Trafalgar Square", "the Ohio Statehouse", whatever the model's type
        if not count["PLACE"] or count["PLACE"] < count["ORG"] or _ACRONYM_SHAPE.fullmatch(words[-1]):
            return False
        if len(words) == 1:  # "reporters in Eastwick"; "at" goes with organisations too ("at Oxfam")
            return self._located(name, _IN)
        return not label_fac and words[-1] not in lx.ORG_SUFFIXES and self._located(name, _LOCATIVE)

    def _role_follows(self, name: str) -> bool:
        """Whether a lower-case role noun follows ``name`` wherever it stands ("White House Asia adviser")."""
        ends = [end for _start, end in self.where.get(name, ())]
        return bool(ends) and all(_ROLE_NOUN_AFTER.match(self.text, e, e + 40) for e in ends)

    def _after_a_place(self, code: str) -> bool:
        return any(re.match(r"[a-z.],[ ]$", self.text[max(0, a - 3):a]) for a, _ in self.where.get(code, ()))

    def _located(self, name: str, preposition: re.Pattern[str]) -> bool:
        """Whether a locative preposition stands before ``name`` somewhere ("in the Mesa Verde area"):
        a name the model calls a place in a list of bands has none."""
        for start, _end in self.where.get(name, ()):
            if preposition.search(self.text, max(0, start - 20), start):
                return True
        return False

    def _cued(self, name: str, cued: set[str]) -> bool:
        """"Kandor province", "Ruston, La.", "Mesa Verde, California", "Velm, Kandor" (when Kandor is a
        place by its own cue): a place by the words after it."""
        for start, end in self.where.get(name, ()):
            after = self.text[end:end + 40]
            if PLACE_CUE.match(after) or _PLACE_APPOSITION.match(after) or \
                    _DIRECTION.search(self.text, max(0, start - 14), start) or \
                    _DIRECTION_OF.search(self.text, max(0, start - 20), start):
                return True
            nxt = re.match(r",[ ]((?:[A-Z][\w.]*)(?:[ ][A-Z][\w.]*)?)(?![\w’'-])", after)
            if nxt:
                where = nxt.group(1)
                if where in US_STATE_ABBREVIATIONS or where in US_STATE_CODES or where.rstrip(".") in cued or \
                        self.gazetteer.get(where.rstrip(".")) in _STATES_AND_COUNTRIES():
                    return True
        return False

    def _organisation(self, name: str, people: set[str], parts: dict[str, set[str]]) -> str:
        """The organisation a name the model calls one stands for, or "" when it is not one."""
        name = self._without_descriptors(name)
        words = name.split(" ")
        if name in parts or name in DEMONYMS or name in lx.NOT_NAME_WORDS or not name[:1].isupper():
            return ""
        if name.endswith("s") and name[:-1] in parts:
            return ""  # "the Hartleys": a family, not an organisation
        if words[0].lower() in MONTHS or words[0].lower() in WEEKDAYS:
            return ""  # "March 3" left over from "the mayor’s March 3 call"
        if " " not in name and name.lower() in self.common:
            return ""  # one capitalised common word ("Benchmark", "Legislature"): no name to list
        if any(" ".join(words[i:j]) in people for i in range(len(words)) for j in range(i + 2, len(words) + 1)):
            return ""  # "Poland Karl Venner": a place and a person run together, no organisation
        if _CODE.search(name) or name in _TIME_ZONES:
            return ""  # "CMCU3", "by 1015 GMT": a code or a clock, no organisation
        if self._office_fragment(name):
            return ""
        return name

    def _without_descriptors(self, name: str) -> str:
        """"ISP Netzoom" without the acronym for a common noun that describes it; "White House
        Asia" (before "adviser") without the place that is the adviser's brief."""
        words = name.split(" ")
        acronyms = self.found.acronyms
        while len(words) > 1 and words[0] in acronyms and not _is_capitalised_name(acronyms[words[0]]):
            words = words[1:]
        while len(words) > 1 and words[-1] in self.gazetteer and self._role_follows(name):
            words = words[:-1]
        return " ".join(words)

    def _office_fragment(self, name: str) -> bool:
        """"Regional Affairs" of "Trade and Regional Affairs Commissioner": a portfolio inside a title,
        unless the name also stands alone somewhere or is plainly an organisation's."""
        words = name.split(" ")
        if words[-1] in lx.ORG_SUFFIXES or _ACRONYM_SHAPE.fullmatch(name) or name in self.found.offices.values():
            return False  # the body of an office ("United Nations" of its High Commissioner) is one
        alone = follows = 0
        for _start, end in self.where.get(name, ()):
            if _ROLE_HEAD_AFTER.match(self.text, end, end + 40):
                follows += 1
            else:
                alone += 1
        return follows > 0 and alone == 0

    # ------------------------------------------------------------------ into the discovery
    def discover(self) -> None:
        """Add what the model found, trimmed, typed and checked, to ``found`` (the rules' discovery)."""
        votes = self._votes()
        found = self.found
        model_people = self._model_people(votes)
        found.retire_people(model_people, self._other_types(votes, model_people))
        people, parts = self._people(model_people)
        for name in sorted(model_people, key=lambda n: -len(n)):
            if name not in found.people:
                found.add_person(name, self.titles.get(name, ""), checked=True)
        fac = {p.text for p in self.pieces if p.label == "FAC"}
        self.cued = {name for name in votes if self._cued(name, set())}
        self.cued |= {name for name in votes if name not in self.cued and self._cued(name, self.cued)}
        for name, count in votes.items():
            if name in people or name in parts or name in found.acronyms:
                continue  # a person's name, or an acronym the article defines (the acronym rules type it)
            if name in INSTITUTION_BUILDINGS:
                found.add_organisation(name)
            elif name in US_STATE_CODES and self._after_a_place(name):
                found.add_place(name, US_STATE_CODES[name])  # "Houston, TX"
            elif "-" in name and all(part in self.gazetteer for part in name.split("-")):
                for part in name.split("-"):  # "U.S.-Canada (trade)": two places, no organisation
                    found.add_place(part, self.gazetteer[part])
            elif self._is_place(name, count, name in fac):
                found.add_place(name, self._gazetteer_name(name) or name)
            elif count["ORG"] + count["PLACE"] > 0:
                organisation = self._organisation(name, people, parts)
                if organisation and organisation not in self.gazetteer:
                    found.add_organisation(organisation)
        self._generic_organisations()
        self._roles(people)

    def _generic_organisations(self) -> None:
        """"the Commission", "the Agency": a lone head noun stands for the one organisation the article
        names with it ("European Commission"), and for nothing when it names none or several. A lone
        name that opens exactly one longer organisation's name is its short form ("Solvik" for "Solvik
        Energy")."""
        found = self.found
        heads = lx.ORG_SUFFIXES | lx.ORG_PREFIXES
        for name in [o for o in found.organisations if o in heads]:
            found.organisations.remove(name)
            owners = {o for o in found.organisations if name in o.split(" ")}
            if len(owners) == 1:
                found.aliases[name] = owners.pop()
        for name in [o for o in found.organisations if " " not in o and not _ACRONYM_SHAPE.fullmatch(o)]:
            longer = {o for o in found.organisations if o.startswith(name + " ")}
            if len(longer) == 1:
                found.organisations.remove(name)
                found.aliases[name] = longer.pop()
    def _other_types(self, votes: dict[str, Counter[str]], people: set[str]) -> set[str]:
        """Names the model types as something other than a person, which the rules must not call people."""
        return {name for name, count in votes.items()
                if name not in people and count["PERSON"] < count["ORG"] + count["PLACE"]}

    def _role_organisation(self, before: re.Match[str], people: set[str]) -> str:
        """The organisation named before a lower-case role ("Gazprom" in "Gazprom chairman"), or ""; at a
        sentence start only one the model or the rules know ("High school art teacher" names no "High")."""
        org = self._without_descriptors((before.group("org") or "").strip())
        if not set(before.group("mods").split()) <= ROLE_MODIFIERS:
            return ""  # "High school art teacher": the capital opens the sentence, not an organisation
        if not org or org in self.gazetteer or org in DEMONYMS or org in people or \
                org.split(" ")[0] in lx.NOT_NAME_WORDS:
            return ""
        known = org in self.found.organisations or any(p.text == org and p.label == "ORG" for p in self.pieces)
        return org if known or not _at_sentence_start(self.text, before.start("org")) else ""

    def _roles(self, people: set[str]) -> None:
        """Roles and affiliations from the words around each person's full name."""
        text, found = self.text, self.found
        for p in self.pieces:
            if p.text not in people or found.people.get(p.text):
                continue
            before = _ROLE_BEFORE.search(text, max(0, p.start - 90), p.start)
            if before and before.group("title"):
                found.people[p.text] = before.group("title")
                continue
            if before:
                found.people[p.text] = clean_role(before.group("role"), before.group("mods"))
                org = self._role_organisation(before, people)
                if org:
                    found.add_organisation(org)
                    found.affiliations.setdefault(p.text, org)
                continue
            after = _ROLE_AFTER.match(text, p.end, min(len(text), p.end + 120))
            if after and _HAS_ROLE_NOUN.search(after.group("role")):
                found.people[p.text] = after.group("role").strip()
                for run in _CAP_RUN.finditer(after.group("role")):
                    if run.group() in found.organisations:
                        found.affiliations.setdefault(p.text, run.group())
                        break


def _is_capitalised_name(long: str) -> bool:
    return all(w[:1].isupper() for w in long.split() if w not in ("of", "for", "and", "the", "&", "on", "to"))




def _STATES_AND_COUNTRIES() -> frozenset[str]:  # noqa: N802 - a cached constant, read lazily
    global _STATES_CACHE
    if _STATES_CACHE is None:
        from briefing.extract.place_table import read_place_table

        table = read_place_table()
        _STATES_CACHE = frozenset(table.states.values()) | frozenset(table.countries.values())
    return _STATES_CACHE


_STATES_CACHE: frozenset[str] | None = None


def discover_with_model(text: str, spans: list[ModelSpan], found: Discovery) -> list[Piece]:
    """Refine a rules ``Discovery`` of ``text`` with the model's ``spans`` over the same text; returns the
    trimmed spans, which ``model_mentions`` turns into mentions once the index is built."""
    names = ModelNames(text, spans, found)
    names.discover()
    return names.pieces


def model_mentions(pieces: list[Piece], index: EntityIndex) -> list[Mention]:
    """The trimmed model spans the index accepts, as mentions: names the capitalised-run finder cannot
    see whole ("U.S. Customs and Border Protection" runs across the full stop of "U.S.")."""
    out = []
    for p in pieces:
        hit = index.find(p.text)
        if hit and hit[1] in ("person", "organization", "place"):
            out.append(Mention(p.start, p.end, p.text, hit[1], hit[0]))
    return out

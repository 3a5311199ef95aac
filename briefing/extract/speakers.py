"""Who said it: each attribution phrase resolved to the fullest name of a person or body, in context.

``Attributor`` is fed the facts in source order. A phrase ("said Khan", "BT chief executive Ben Smith",
"a spokesman for AOL", "the statement") becomes a party: a surname or "Mr X" the full name used before
(from the entity index, or from an earlier attribution); a role before a name is dropped; a spokesperson
or official speaks for the body named with them; "the official" or "the statement" refers back to a party
it describes (``role_nouns``). "He"/"she" go to the nearest *compatible* person, preferring who spoke or
opened a recent sentence over a name merely mentioned; "it"/"they" to the last body. A quotation with no
attribution of its own is the last party's in the same paragraph, or in the sentence just before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.extract import lexicon as lx
from briefing.extract.attribution import quote_cues, statement_cues
from briefing.extract.names import EntityIndex, valid_person
from briefing.extract.role_nouns import described

if TYPE_CHECKING:
    from briefing.core.fact import Fact

_ACRONYM_IN_PARENS = re.compile(r"[ ]?\([A-Za-z&.]{2,10}\)")
_PARTY = re.compile(rf"\b(?:{lx.PARTY_NOUNS})\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)[ ]+", re.IGNORECASE)
_DEFINITE = re.compile(r"^the[ ]", re.IGNORECASE)
_LEADING = re.compile(r"^(?:(?:but|and|however|yet|meanwhile|earlier|later|afterward|afterwards|separately|"
                      r"still|so|now|then|also|former|ex-|then-)[ ,]+)+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:[ ,]+(?:meanwhile|also|later|then|too|earlier|again|himself|herself|"
                       r"has|had|have|further))+$", re.IGNORECASE)
_TITLE = re.compile(rf"^(?P<title>{lx.TITLES})\.?[ ]")
_BARE_TITLE = re.compile(rf"^{lx.TITLES}\.?$")
_FOR_BODY = re.compile(rf"^(?:[\w-]+[ ]){{0,3}}?(?:{'|'.join(sorted(lx.SPOKES_NOUNS))})[ ](?:for|of|at|from|with)[ ]"
                       r"(?:the[ ])?(?P<body>[A-Z][^,;]{1,60})$")
_POSSESSIVE = re.compile(r"^(?P<body>.+?)[’']s?[ ](?P<noun>\w+)$")
_NAME_WORD = re.compile(rf"{lx.NAME_WORD}$")
_LEAD_NAME = re.compile(rf"(?:{lx.TITLE_RUN})?(?P<name>{lx.NAME})(?=,|[ ][a-z])")
_DESCRIPTION = re.compile(r"^(?:a|an|another)[ ](?:[a-z][\w-]*[ ]){0,4}[a-z][\w-]*$")
# Who a paper keeps anonymous on purpose: never named by the next sentence.
_ANONYMOUS = re.compile(r"\b(?:officials?|sources?|spokes\w+|aides?|diplomats?|persons?|people|insiders?|"
                        r"employees?|residents?|witness(?:es)?)\b")
_MEMBERS = frozenset({"ministers", "lawmakers", "negotiators", "members", "delegates"})
_MALE = frozenset({"mr", "sir", "lord", "king", "prince"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess"})
_PRONOUNS = {"he": "m", "she": "f"}
_BODY_PRONOUNS = frozenset({"it", "they"})
_NOT_PARTIES = frozenset("this that which there what who we i you one".split())
MAX_NAME_WORDS = 8
MAX_PERSON_WORDS = 3  # "Ana Maria Ruiz"; a longer capitalised run carries a role or a party
GENERIC_LOOKBACK = 3  # facts within which "the spokesperson" may refer back to a named source
PRONOUN_LOOKBACK = 4  # facts within which "he" may refer back to a person
LOOKBACK_CHARS = 12_000  # how far back a surname's full name is looked for in the text
MAX_NAMED_AS = 400  # characters of phrases kept per source, so a source named a thousand times stays small


def _is_singular(noun: str) -> bool:
    return not noun.endswith("s") or noun.endswith("ss")


_RELATIVE = re.compile(r"[ ,]+(?:who|which|whose|that)\b.*$")
_OF_PLACE = re.compile(r"[ ](?:of|from)[ ][A-Z][\w.-]+$")


def _clean(phrase: str) -> str:
    phrase = " ".join(_ACRONYM_IN_PARENS.sub("", phrase).strip(" ,’'—–-").split())
    phrase = _RELATIVE.sub("", phrase)  # "a spokesperson who did not wish to be named"
    phrase = _LEADING.sub("", phrase)
    return _TRAILING.sub("", phrase).strip(" ,")


def _is_role(word: str) -> bool:
    bare = word.rstrip(",")
    return bare in lx.ROLE_WORDS or any(part in lx.ROLE_WORDS for part in bare.split("-"))


def _without_roles(name: str) -> str:
    """"Mayor Brian Haddock", "Treasury Under-Secretary Jo Bloggs" -> the name: titles are not part of it."""
    words = name.split()
    last_role = max((k for k, w in enumerate(words) if _is_role(w)), default=-1)
    return " ".join(words[last_role + 1:]) if len(words) - last_role - 1 >= 2 else name


def trailing_name(words: list[str]) -> str:
    """"BT chief executive Ben Smith" -> "Ben Smith": the name words at the end, after any role words."""
    run: list[str] = []
    for w in reversed(words):
        bare = w.rstrip(",")
        if _is_role(bare) or bare in lx.NOT_NAME_WORDS or len(run) == MAX_PERSON_WORDS or \
                not (_NAME_WORD.match(bare) or bare in ("de", "van", "von", "al", "bin", "W", "W.")):
            break
        run.append(bare)
    run.reverse()
    while run and run[0] in ("de", "van", "von", "al", "bin"):
        run = run[1:]
    name = " ".join(run)
    return name if 2 <= len(run) <= 4 and valid_person(name) else ""


@dataclass
class Attributor:
    """Resolves attributions in source order; keeps the little history pronouns and role nouns need."""

    index: EntityIndex
    fact_number: int = 0
    paragraph: int = 0
    recent: list[tuple[int, str]] = field(default_factory=list)  # (fact number, named source)
    named_as: dict[str, str] = field(default_factory=dict)  # source -> every phrase that named it, joined
    people_seen: list[tuple[int, str, int]] = field(default_factory=list)  # (fact, name, salience 0..2)
    known_people: dict[str, str] = field(default_factory=dict)  # surname or partial name -> full name
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "m" / "f", from titles
    last_party: tuple[int, int, str] = (-10, -10, "")  # (fact, paragraph, party)
    last_body: str = ""
    last_body_at: int = -10
    lead_body: str = ""  # the organisation that led a recent sentence ("AOL backed the cuts")
    lead_body_at: int = -10
    _sentence: str = ""
    phrase: str = ""
    text: str = ""  # the source text, for a surname's full name given earlier (``start`` in ``feed``)
    start: int = 0
    _looked_up: dict[str, str] = field(default_factory=dict)
    pending: tuple[int, str] = (-10, "")  # a description a later sentence may name ("a career army officer")
    revisions: dict[int, str] = field(default_factory=dict)  # fact number -> the name its description has

    # -- names -----------------------------------------------------------------------------------------

    def _person(self, surface: str) -> str:
        return _without_roles(self.index.person(surface) or self.known_people.get(surface, ""))

    def _full_name_before(self, surname: str) -> str:
        """"Fulton" -> "Dana Fulton" when the text before this sentence gave the full name (after any role)."""
        if surname in self._looked_up:
            return self._looked_up[surname]
        window = max(0, self.start - LOOKBACK_CHARS)
        pattern = re.compile(rf"(?:\b[A-Z][\w’'.-]*[ ]){{1,4}}{re.escape(surname)}\b")
        names = {trailing_name(m.group().split()) for m in pattern.finditer(self.text, window, self.start)} - {""}
        found = names.pop() if len(names) == 1 else ""  # two people called Khan: "Khan" stays "Khan"
        self._looked_up[surname] = found
        return self.learn_person(found) if found else ""

    def learn_person(self, name: str, title: str = "") -> str:
        """Remember a full name met in an attribution, so its surname resolves later; returns the name."""
        full = self._person(name) or name
        words = full.split()
        if len(words) >= 2:
            for k in range(1, len(words)):
                self.known_people.setdefault(" ".join(words[k:]), full)
            self.known_people[full] = full
        if title.lower() in _MALE:
            self.gender.setdefault(full, "m")
        elif title.lower() in _FEMALE:
            self.gender.setdefault(full, "f")
        return full

    def _person_at_end(self, words: list[str]) -> str:
        for k in range(max(0, len(words) - 4), len(words)):
            person = self._person(" ".join(words[k:]))
            if person:
                return person
        name = trailing_name(words)
        return self.learn_person(name) if name else ""

    def _body(self, phrase: str) -> str:
        """The organisation a phrase names or speaks for ("a spokesman for AOL", "CBP's spokesperson")."""
        hit = self.index.lookup.get(phrase)
        if hit and hit[1] in ("organization", "acronym", "place"):
            return hit[0] if hit[1] == "organization" else phrase  # "the US said": as written
        m = _FOR_BODY.search(phrase)
        if m:
            return self._body(m.group("body")) or m.group("body")
        m = _POSSESSIVE.match(phrase)
        if m and m.group("noun").lower() in lx.SPOKES_NOUNS:
            return self._body(m.group("body")) or m.group("body")
        return ""

    def speaking_body(self, party: str) -> str:
        """"Ministry of Industries spokesperson" speaks for the Ministry of Industries; others for themselves."""
        words = _ARTICLE.sub("", party).split()
        if len(words) >= 2 and words[-1].lower() in lx.SPOKES_NOUNS and words[0][:1].isupper():
            caps = [w for w in words[:-1] if w[:1].isupper() or w in ("of", "for", "and")]
            if len(caps) == len(words) - 1:
                body = " ".join(caps)
                return self._body(body) or body
        return party

    # -- one phrase ------------------------------------------------------------------------------------

    def _pronoun(self, gender: str, at: int) -> str:
        """The nearest compatible person: who spoke or led a recent sentence first, else any mention; in
        the sentence itself, only a person named before the pronoun (at ``at``)."""
        for salient in (True, False):
            for number, name, salience in reversed(self.people_seen):
                if self.fact_number - number > PRONOUN_LOOKBACK:
                    break
                if number == self.fact_number and not 0 <= self._sentence.find(name.split()[-1]) < at:
                    continue
                if (salience > 0 or not salient) and self.gender.get(name, gender) == gender:
                    return name
        return ""

    def resolve(self, raw: str) -> str:
        """The party a phrase names, or "" when it names none."""
        phrase = _clean(raw)
        if not phrase or len(phrase.split()) > 12 or _BARE_TITLE.match(phrase):
            return ""
        low = phrase.lower()
        if low in _PRONOUNS:
            at = re.search(rf"\b{low}\b", self._sentence, re.IGNORECASE)
            return self._pronoun(_PRONOUNS[low], at.start() if at else len(self._sentence))
        if low in _BODY_PRONOUNS:
            return self.last_body
        if low in _NOT_PARTIES or low.split()[0] in _NOT_PARTIES:
            return ""
        title = _TITLE.match(phrase)
        if title:
            phrase = phrase[title.end():]
            while (more := _TITLE.match(phrase)) is not None:  # "Maj. Gen. A. K. Niazi"
                phrase = phrase[more.end():]
            person = (self.text and " " not in phrase and self._full_name_before(phrase)) or self._person(phrase) \
                or (self.learn_person(phrase, title.group("title"))
                    if valid_person(phrase) or _NAME_WORD.match(phrase) else "")
            if person:
                self.learn_person(person, title.group("title"))
                return person
        person = self._person(phrase) or self._person_at_end(phrase.split()) or \
            self._person_at_end(_OF_PLACE.sub("", phrase).split())  # "Ambassador Jo Bloggs of Iceland"
        if " " not in person and _NAME_WORD.match(phrase) and " " not in phrase and self.text:
            person = self._full_name_before(phrase) or person  # "Fulton" -> "Dana Fulton"
        if person:
            return person
        bare = _ARTICLE.sub("", phrase)
        body = self._body(bare)
        if body:
            return body
        if _PARTY.search(bare):
            words = bare.split()
            if len(words) > 1:
                return (_DEFINITE.match(phrase) and bare.islower() and self._holder_before(bare)) or bare
            if _DEFINITE.match(phrase) and _is_singular(bare):  # "the official": a source named before, if any
                return self._refer_back(bare.lower()) or self._holder_before(bare) or bare.lower()
            if bare.lower() in lx.SPOKES_NOUNS and _is_singular(bare) and self.lead_body and \
                    self.fact_number - self.lead_body_at <= 1:
                return self.lead_body  # "a spokesman said" right after a sentence led by the body
            return bare.lower()  # "Officials" opening a sentence are "officials"
        words = bare.split()
        if len(words) >= 2 and words[-1].lower() in _MEMBERS and words[0][:1].isupper():
            body = " ".join(words[:-1])
            if (self.index.find(body) or ("", ""))[1] == "nationality":
                return bare  # "French ministers" are no body called "French"
            return self.speaking_body(f"{body} officials")  # "G7 ministers" speak for the G7
        if len(words) <= MAX_NAME_WORDS and words[0][:1].isupper() and \
                all(w[:1].isupper() or w in ("of", "for", "and", "&", "on", "the") for w in words):
            return self._person(bare) or bare  # "Ofcom", "the UN High Commissioner for Human Rights"
        if len(words) <= 4 and words[-1].lower() in lx.BODY_NOUNS and words[0][:1].isupper():
            return bare  # "US military", "French foreign ministry"
        if _DEFINITE.match(phrase) and len(words) == 1 and words[0].islower():
            noun = words[0]
            return self._refer_back(noun) or noun  # "the doctors", "the captain"
        return ""

    def _holder_before(self, role: str) -> str:
        """"the foreign secretary" -> "Tom Reed" when the text before named him "Foreign Secretary Tom Reed"."""
        if not self.text or len(role.split()) < 2:
            return ""
        words = r"[ ]".join(re.escape(w) for w in role.split())
        pattern = re.compile(rf"\b{words},?[ ]((?:[A-Z][\w’'.-]*[ ]?){{2,4}})", re.IGNORECASE)
        found = ""
        for m in pattern.finditer(self.text, max(0, self.start - LOOKBACK_CHARS), self.start):
            name = trailing_name([w for w in m.group(1).split() if w[:1].isupper()])
            found = name or found
        return self.learn_person(found) if found else ""

    def _refer_back(self, noun: str) -> str:
        """The most recent named source that "the ``noun``" describes, within the lookback, or ""."""
        for number, named in reversed(self.recent):
            if self.fact_number - number > GENERIC_LOOKBACK:
                break
            party = described(noun, named, self.index, self.named_as.get(named, ""))
            if party:
                return party
        return ""

    def _first(self, cues: list[str]) -> str:
        for raw in cues:
            who = self.resolve(raw)
            if who:
                self.phrase = _clean(raw)
                return who
        return ""

    # -- the history -----------------------------------------------------------------------------------

    def _named(self, party: str) -> None:
        if party and len(party.split()) > 1:
            self.recent.append((self.fact_number, party))
            known = self.named_as.get(party, "")
            if self.phrase and self.phrase not in known and len(known) < MAX_NAMED_AS:
                self.named_as[party] = f"{known} {self.phrase}".strip()
            del self.recent[:-4]

    def _see(self, sentence: str, people: list[str], bodies: list[str]) -> None:
        """The people and bodies a sentence names; who leads it ("Reed has ...") is salient."""
        lead = " ".join(sentence.split()[:5])
        m = _LEAD_NAME.match(sentence)
        if m and valid_person(m.group("name")) and not self.index.lookup.get(m.group("name")):
            people = [self.learn_person(m.group("name")), *people]  # "Jo Bloggs, a councillor, spoke"
        for name in people:
            self.people_seen.append((self.fact_number, name, 1 if name.split()[-1] in lead else 0))
        opening = sentence.removeprefix("The ").removeprefix("the ")
        for body in bodies:
            if opening.startswith(body.split()[0]):
                self._body_spoke(body)
                self.lead_body, self.lead_body_at = body, self.fact_number
        del self.people_seen[:-24]

    def _body_spoke(self, body: str) -> None:
        self.last_body, self.last_body_at = body, self.fact_number

    def _party_spoke(self, party: str) -> None:
        if party in self.known_people.values() or self.index.person(party):
            self.people_seen.append((self.fact_number, party, 2))
        elif party[:1].isupper():
            self._body_spoke(party)

    def feed(self, sentence: str, is_quote: bool, people: list[str], *, new_paragraph: bool = False,
             cues: list[str] | None = None, bodies: list[str] = (), start: int = 0) -> tuple[str, str]:
        """(speaker, attributed_to) for the next fact; ``people`` are the full names mentioned in it,
        ``bodies`` the organisations, ``start`` its offset in ``text``.

        ``cues`` replaces the patterns' phrases (the parsed pass gives the attribution verb's subject).
        """
        self.fact_number += 1
        self.paragraph += int(new_paragraph)
        self.phrase = ""
        self.start, self._sentence = start, sentence
        self._see(sentence, people, list(bodies))
        self._resolve_description()
        found = cues if cues is not None else (quote_cues(sentence) if is_quote else statement_cues(sentence))
        party = self._first(found)
        speaker = ""
        if is_quote:
            speaker = self.speaking_body(party) if party else self._carried()
        self._named(party)
        if speaker or party:
            self._party_spoke(speaker or party)
            self.last_party = (self.fact_number, self.paragraph, speaker or party)
        if party and _DESCRIPTION.match(self.phrase) and not _ANONYMOUS.search(self.phrase):
            self.pending = (self.fact_number, party)
        return speaker, party or speaker

    def _resolve_description(self) -> None:
        """"..., a career army officer testified." then "Lt. Col. Jo Bloggs told ...": the description in the
        sentence before is the person this one opens with (never an anonymous official or source)."""
        number, description = self.pending
        if number != self.fact_number - 1:
            return
        self.pending = (-10, "")
        for seen, name, salience in reversed(self.people_seen):
            if seen == self.fact_number and salience > 0:
                self.revisions[number] = name
                if self.last_party[2] == description:
                    self.last_party = (self.last_party[0], self.last_party[1], name)
                return

    def apply_revisions(self, facts: list[Fact]) -> None:
        """Put the names found in later sentences on the facts fed before (``facts[n - 1]`` is fact ``n``)."""
        for number, name in self.revisions.items():
            fact = facts[number - 1]
            if fact.speaker:
                fact.speaker = name
            fact.attributed_to = name
        self.revisions.clear()

    def _carried(self) -> str:
        """A quotation without its own attribution: the last party in this paragraph or the sentence before."""
        number, paragraph, party = self.last_party
        if party and (paragraph == self.paragraph or number == self.fact_number - 1):
            return party
        return ""

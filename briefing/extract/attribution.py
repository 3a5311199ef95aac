"""Who said it: the speaker of a quotation and the party a statement is attributed to.

Patterns find the words that name the party ("According to the Ministry of Industries spokesperson",
"The official said", "… said Khan", "Haroon Akhtar Khan, the SAPM, said"); ``Attributor`` then resolves
them: a partial name to the full name used earlier ("Khan" -> "Haroon Akhtar Khan"), "he"/"she" to the
person last mentioned, and "the spokesperson" to the most recent party named in an attribution that a
spokesperson can be (``role_nouns``; news reports name a source once, then say "the spokesperson"), else
it stays "spokesperson" rather than borrowing someone else's name. Only a definite singular noun refers
back: "Officials said" or "Sources said" are other people, attributed as written ("officials"). It keeps
that little history, so facts must be fed in source order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract import lexicon as lx
from briefing.extract.names import EntityIndex, valid_person
from briefing.extract.role_nouns import described

# A name that may carry titles and initials ("Prof. A. B. Jones", "Mr. Khan"), whose full stops the
# general phrase below stops at; tried first, so "said Prof. A. B. Jones." is the name, not "Prof".
_NAMED = rf"(?:{lx.TITLE_RUN})?{lx.SHORT_NAME}"
_WHO = rf"(?:{_NAMED}|[^,.;:“”\"()\n]{{2,70}}?)"
_ACCORDING = re.compile(r"\b[Aa]ccording[ ]to[ ](?P<who>[^,.;:“”\"\n]{2,80})")
_SUBJECT_SAYS = re.compile(
    rf"^(?:[^,“”\"]{{0,80}},[ ])?(?P<who>{_WHO})[ ](?:has[ ]|have[ ]|had[ ]|also[ ]|further[ ]|again[ ]|"
    rf"on[ ]\w+[ ])?{lx.SPEECH_VERBS}\b")
_WHO_ABBREVIATED = rf"(?:{_NAMED}|[^,.;:“”\"\n]{{2,80}}?)"  # or carry its acronym: "the State Bank of Pakistan (SBP)"
_TRAILING = re.compile(
    rf",[ ](?P<who>{_WHO_ABBREVIATED})[ ]{lx.SPEECH_VERBS}(?:[ ](?:in|on|at|during|after|to)[ ][^,.;]{{1,40}})?"
    rf"[.!?]?$|,[ ]{lx.SPEECH_VERBS}[ ](?P<who2>{_WHO_ABBREVIATED})[.!?]?$")
# "Haroon Akhtar Khan, the SAPM, said" / "Dr. J. R. Smith, head of the U.N. office, said": the name, not the role
_APPOSITIVE = re.compile(
    rf"^(?:{lx.TITLE_RUN})?(?P<who>{lx.SHORT_NAME}),[ ][^,;“”\"()\n]{{2,80}},[ ]"
    rf"(?:has[ ]|had[ ]|also[ ]|further[ ])?{lx.SPEECH_VERBS}\b")
_ACRONYM_IN_PARENS = re.compile(r"[ ]?\([A-Za-z&]{2,10}\)")
_QUOTE_SPEAKER = (
    re.compile(rf"[”\"][ ]*,?[ ]*{lx.SPEECH_VERBS}[ ](?P<who>{_WHO})(?=[,.;:!?]|$)"),
    re.compile(rf"[”\"][ ]*,?[ ]*(?P<who>{_WHO})[ ](?:has[ ]|also[ ])?{lx.SPEECH_VERBS}\b"),
    re.compile(rf"(?:^|[,;][ ])(?P<who>{_WHO})[ ](?:also[ ])?{lx.SPEECH_VERBS}"
               rf"(?:[ ][\w’']+){{0,4}}?[ ]?[:,]?[ ]*[“\"]"),
    re.compile(rf"^(?:{lx.TITLE_RUN})?(?P<who>{lx.SHORT_NAME})[ ]?:[ ]*[“\"]"),
)
_PARTY = re.compile(rf"\b(?:{lx.PARTY_NOUNS})\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)[ ]+", re.IGNORECASE)
_DEFINITE = re.compile(r"^the[ ]", re.IGNORECASE)  # "the spokesperson" is someone named; "a spokesperson" is not
_LEADING_TITLES = re.compile(rf"^{lx.TITLE_RUN}")
_BARE_TITLE = re.compile(rf"^{lx.TITLES}\.?$")
_PRONOUNS = frozenset({"he", "she"})
_NOT_PARTIES = frozenset("it this that which there what who they we i you".split())
GENERIC_LOOKBACK = 3  # facts within which "the spokesperson" may refer back to a named source
MAX_NAMED_AS = 400  # characters of phrases kept per source, so a source named a thousand times stays small


def _words(phrase: str) -> list[str]:
    return phrase.split()


def _is_singular(noun: str) -> bool:
    return not noun.endswith("s") or noun.endswith("ss")


@dataclass
class Attributor:
    """Resolves attributions in source order; holds the last person and the last named source."""

    index: EntityIndex
    last_person: str = ""
    recent: list[tuple[int, str]] = field(default_factory=list)  # (fact number, named source)
    fact_number: int = 0
    phrase: str = ""  # the words that named the current fact's party ("Russia's Ambassador to ... Timonin")
    named_as: dict[str, str] = field(default_factory=dict)  # source -> every phrase that named it, joined

    def _person_at_end(self, words: list[str]) -> str:
        """"Finance Minister Muhammad Aurangzeb" -> the person the phrase ends with, if known."""
        for k in range(max(0, len(words) - 4), len(words)):
            person = self.index.person(" ".join(words[k:]))
            if person:
                return person
        return ""

    def _resolve(self, phrase: str) -> str:
        phrase = " ".join(_ACRONYM_IN_PARENS.sub("", phrase).strip(" ,’'").split())
        if not phrase or len(_words(phrase)) > 9:
            return ""
        if _BARE_TITLE.match(phrase):
            return ""  # "said Mr." cut short: never the title as a name
        phrase = _LEADING_TITLES.sub("", phrase) or phrase
        low = phrase.lower()
        if low in _PRONOUNS:
            return self.last_person
        if low in _NOT_PARTIES or low.split()[0] in _NOT_PARTIES:
            return ""
        person = self.index.person(phrase) or self._person_at_end(_words(phrase))
        if person:
            return person
        hit = self.index.lookup.get(phrase)
        if hit and hit[1] == "organization":
            return hit[0]
        bare = _ARTICLE.sub("", phrase)
        if _PARTY.search(bare):
            if len(_words(bare)) > 1:
                return bare
            if _DEFINITE.match(phrase) and _is_singular(bare):  # "the official": a source named before, if any
                return self._refer_back(bare.lower()) or bare.lower()
            return bare.lower()  # "Officials" opening a sentence are "officials"
        if all(w[:1].isupper() for w in _words(bare)) and len(_words(bare)) <= 4:
            return self.index.person(bare) or bare
        return ""

    def _refer_back(self, noun: str) -> str:
        """The most recent named source that "the ``noun``" describes, within the lookback, or ""."""
        for number, named in reversed(self.recent):
            if self.fact_number - number > GENERIC_LOOKBACK:
                break
            party = described(noun, named, self.index, self.named_as.get(named, ""))
            if party:
                return party
        return ""

    def _named(self, party: str) -> None:
        if party and len(_words(party)) > 1:
            self.recent.append((self.fact_number, party))
            # "Timonin said" keeps what "Russia's Ambassador to South Korea Alexander Timonin said" told
            known = self.named_as.get(party, "")
            if self.phrase and self.phrase not in known and len(known) < MAX_NAMED_AS:
                self.named_as[party] = f"{known} {self.phrase}".strip()
            del self.recent[:-4]

    def _appositive(self, sentence: str) -> str:
        m = _APPOSITIVE.search(sentence)
        if not m:
            return ""
        who = m.group("who")
        self.phrase = m.group()
        return self.index.person(who) or (who if valid_person(who) else "")

    def speaker(self, sentence: str) -> str:
        """The resolved speaker of a quotation in ``sentence``, or ""."""
        for pattern in _QUOTE_SPEAKER:
            for m in pattern.finditer(sentence):
                who = self._resolve(m.group("who"))
                if who:
                    self.phrase = m.group("who")
                    return who
        return self._appositive(sentence)

    def attribution(self, sentence: str) -> str:
        """The resolved party a non-quote sentence is attributed to, or ""."""
        m = _ACCORDING.search(sentence)
        if m:
            phrase = self.phrase = " ".join(m.group("who").split())
            who = _ARTICLE.sub("", phrase)
            if _DEFINITE.match(phrase) and _PARTY.fullmatch(who) and _is_singular(who):  # "according to the official"
                return self._refer_back(who.lower()) or who.lower()
            if 0 < len(_words(who)) <= 9:
                return self.index.person(who) or who
        appositive = self._appositive(sentence)
        if appositive:
            return appositive
        for pattern in (_SUBJECT_SAYS, _TRAILING):
            m = pattern.search(sentence)
            if m:
                raw = m.group("who") or m.groupdict().get("who2") or ""
                who = self._resolve(raw)
                if who:
                    self.phrase = raw
                    return who
        return ""

    def feed(self, sentence: str, is_quote: bool, people: list[str]) -> tuple[str, str]:
        """(speaker, attributed_to) for the next fact; ``people`` are the full names mentioned in it."""
        self.fact_number += 1
        self.phrase = ""
        speaker = self.speaker(sentence) if is_quote else ""
        attributed = speaker or self.attribution(sentence)
        self._named(attributed)
        if people:
            self.last_person = people[-1]
        elif speaker and self.index.person(speaker):
            self.last_person = speaker
        return speaker, attributed

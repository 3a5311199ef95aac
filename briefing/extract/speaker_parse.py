"""Speakers from the parse: the attribution verb's subject, when the language model is there.

The patterns of ``attribution`` stop at commas and long descriptions ("the head of the review panel,
Ambassador Jo Bloggs of Norway, warned"); the dependency parse does not. This step takes a first-pass
extraction, parses only the sentences that need it (quotations, and sentences with a speech verb or
"according to") in one ``nlp.pipe`` batch with the parser and NER alone, turns each attribution verb's
subject into a phrase (an apposed name beats a role: "another witness, Ruth Cole" is Ruth Cole; "a
spokesman for AOL" keeps its "for AOL"), then runs ``speakers.Attributor`` over all the facts again with
those phrases first and the patterns' as fallback, so pronouns and carried quotations stay consistent.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from briefing.extract import lexicon as lx
from briefing.extract.attribution import quote_cues, statement_cues
from briefing.extract.names import Discovery, EntityIndex, build_index
from briefing.extract.quotes import quotations
from briefing.extract.speakers import Attributor

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from briefing.core.extraction import Extraction

PIPES = ("tok2vec", "parser", "ner")  # the tagger and lemmatizer are not needed: verbs are matched by form
BATCH_SIZE = 64
_NEEDS_PARSE = re.compile(rf"\b(?:{lx.SPEECH_VERBS}|according[ ]to)\b", re.IGNORECASE)
_SPEECH_FORMS = frozenset(re.sub(r"[()?:\\]", "", lx.SPEECH_VERBS).replace("[ ]", " ").split("|")) | {
    "say", "tell", "add", "state", "warn", "write", "testify", "respond", "reply", "argue", "insist",
    "conclude", "continue", "note", "explain", "claim", "announce", "complain", "predict", "caution"}
_SAYING = frozenset("said says say saying told tell tells telling added adds adding stated wrote written "
                    "writes testified replied responded continued asked".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CUT = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "prep"})
_NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def needs_parse(text: str, kind: str) -> bool:
    """Whether a fact's sentence may hold an attribution the parse can find."""
    return kind == "quote" or _NEEDS_PARSE.search(text) is not None


def _entity(token: Token) -> str:
    if token.ent_type_ in _NAMED_TYPES:
        doc = token.doc
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent.text
    return ""


def _phrase(token: Token) -> str:
    """The words that name a subject: its entity, an apposed name, else its own words without clauses."""
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG") and not token.ent_type_:
            return _entity(child)  # "another witness, Ruth Cole"; "telecom analysts Netscope"
    named = _entity(token)
    if named and token.ent_type_ == "PERSON":
        return named
    words = [token]
    for child in token.children:
        if child.dep_ in _CUT and not (child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from")):
            continue
        words.extend(child.subtree)
    words.sort(key=lambda t: t.i)
    text = "".join(t.text_with_ws for t in words).strip()
    return named if named and len(named) >= len(text) else text


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in quotations(text)]


def cues_from_doc(doc: Doc) -> list[str]:
    """Phrases naming who speaks in a parsed sentence, best first: verbs of saying before verbs that
    also report a stance ("welcomed"), the root before others; never a verb inside the quotation."""
    quoted = _quoted(doc.text)
    verbs = [t for t in doc if t.lower_ in _SPEECH_FORMS and not any(a <= t.idx < b for a, b in quoted)]
    verbs.sort(key=lambda t: (t.lower_ not in _SAYING, t.dep_ != "ROOT", t.i))
    out = []
    for verb in verbs:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if not subjects and verb.dep_ == "conj":  # "G7 ministers called for ... and said": the first verb's
            subjects = [c for c in verb.head.children if c.dep_ in _SUBJECTS]
        out.extend(_phrase(s) for s in subjects)
    for token in doc:
        if token.lower_ == "according":
            for to in token.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        out.append(_phrase(obj))
    return [p for p in out if p]


def people_in(doc: Doc) -> list[str]:
    """Full names (two words or more) the model finds in a parsed sentence."""
    return [ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2]


def parse(nlp: Language, sentences: Iterable[str]) -> list[Doc]:
    """Parse the sentences in one batch with only the pipes attribution needs."""
    disable = [name for name in nlp.pipe_names if name not in PIPES]
    return list(nlp.pipe(sentences, disable=disable, batch_size=BATCH_SIZE))


def index_of(extraction: Extraction) -> EntityIndex:
    """An entity index rebuilt from an extraction's entities, so this step needs nothing else kept."""
    found = Discovery(acronyms=dict(extraction.acronyms))
    for entity in extraction.entities:
        if entity.type == "person":
            found.people[entity.name] = entity.role
        elif entity.type == "organization":
            found.organisations.append(entity.name)
    index = build_index(found)
    for entity in extraction.entities:
        for alias in entity.aliases:
            index.lookup.setdefault(alias, (entity.name, entity.type))
    return index


def refine_speakers(extraction: Extraction, parsed: dict[int, Doc]) -> None:
    """Set every fact's speaker and attribution again, with ``parsed`` (fact number -> its parsed
    sentence) giving the attribution verb's subject first; the patterns still serve where it gives none."""
    index = index_of(extraction)
    text = extraction.source.text
    attributor = Attributor(index, text=text)
    previous_end = -1
    for n, fact in enumerate(extraction.facts):
        is_quote = fact.kind == "quote"
        cues = None
        doc = parsed.get(n)
        if doc is not None:
            for name in people_in(doc):
                attributor.learn_person(name)
            rules = quote_cues(fact.text) if is_quote else statement_cues(fact.text)
            cues = cues_from_doc(doc) + rules
        people, bodies = [], []
        for m in fact.entities:
            hit = index.find(m.text)
            canonical = hit[0] if hit else m.text
            if m.type == "person":
                people.append(canonical)
            elif m.type == "organization":
                bodies.append(canonical)
        new_paragraph = previous_end < 0 or "\n" in text[previous_end:fact.start]
        fact.speaker, fact.attributed_to = attributor.feed(
            fact.text, is_quote, people, new_paragraph=new_paragraph, cues=cues, bodies=bodies, start=fact.start)
        previous_end = fact.end
    attributor.apply_revisions(extraction.facts)


def refine_speakers_with_model(extraction: Extraction, nlp: Language) -> None:
    """Parse the sentences that need it and refine the speakers (see the module docstring)."""
    wanted = [n for n, f in enumerate(extraction.facts) if not f.custom and needs_parse(f.text, f.kind)]
    docs = parse(nlp, (extraction.facts[n].text for n in wanted))
    refine_speakers(extraction, dict(zip(wanted, docs)))

"""The statistical model's named entities over an article's paragraphs, as offsets into the source text.

Only the pipes named entities need run (tok2vec and ner; the tagger, parser and lemmatizer are skipped),
over one paragraph per document, batched through ``nlp.pipe`` (its own batch size): a paragraph is the
context the model was trained on, and a line break never sits inside a name. Offsets are shifted back into the source text, so
the rules in ``model_names`` can look at the words around each span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language

NER_PIPES = ("tok2vec", "ner")
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
MAX_PIECE = 100_000  # characters per document: a paragraph longer than this is cut at whitespace
TICK_EVERY = 64  # documents between two calls of ``tick`` (progress, and a chance to cancel)


@dataclass(frozen=True, slots=True)
class ModelSpan:
    """One entity the model found: where in the source text, and its OntoNotes label."""

    start: int
    end: int
    label: str


def model_name(nlp: Language) -> str:
    """The model's name and version as its package states them ("en_core_web_sm 3.8.0")."""
    meta = nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}".strip()


def paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` to run the model on: each line holding a span, from its first span's start
    to its last span's end (never the furniture around them), cut to at most ``MAX_PIECE`` characters."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1 and "\n" not in text[out[-1][1]:a]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    pieces = []
    for a, b in out:
        while b - a > MAX_PIECE:
            cut = text.rfind(" ", a + MAX_PIECE // 2, a + MAX_PIECE)
            cut = cut if cut > a else a + MAX_PIECE
            pieces.append((a, cut))
            a = cut
        pieces.append((a, b))
    return pieces


def model_spans(text: str, pieces: list[tuple[int, int]], nlp: Language,
                tick: Callable[[float], None] | None = None) -> list[ModelSpan]:
    """The model's PERSON, ORG, GPE, LOC, FAC and NORP entities in ``pieces`` of ``text``, in order."""
    disable = [name for name in nlp.pipe_names if name not in NER_PIPES]
    found: list[ModelSpan] = []
    for n, (doc, (a, _b)) in enumerate(zip(nlp.pipe(_texts(text, pieces), disable=disable), pieces), 1):
        if tick is not None and (n % TICK_EVERY == 0 or n == len(pieces)):
            tick(n / len(pieces))
        for ent in doc.ents:
            if ent.label_ in LABELS:
                found.append(ModelSpan(a + ent.start_char, a + ent.end_char, ent.label_))
    return found


def _texts(text: str, pieces: list[tuple[int, int]]) -> Iterator[str]:
    for a, b in pieces:
        yield text[a:b]

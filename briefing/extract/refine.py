"""The model pass: a rules-only Extraction in, the same facts with the statistical model's entities out.

Extraction runs in two phases so that the window never waits for the model: ``extract_path(...,
use_model=False)`` gives the facts at the rules' speed, and ``refine`` (a second or two per article, on
a worker thread) returns a new Extraction whose facts keep their ids, offsets, wording, kinds and speakers but
whose entities come from the rules and the model together (speakers are then found again from the parse, by
``speaker_parse``: ``pipeline.model_pass`` runs both). The input is never
changed, so the first one stays valid for whoever still shows it. When spaCy or its model is unavailable,
``refine`` returns the input as it is and ``nlp.unavailable_reason()`` says why.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from typing import Callable

from briefing.core.errors import ExtractionCancelled
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.source import EntityMention
from briefing.extract import nlp
from briefing.extract.aggregate import aggregate_entities
from briefing.extract.mentions import Mention, find_mentions, without_overlaps
from briefing.extract.model_names import discover_with_model, model_mentions
from briefing.extract.names import Discovery, EntityIndex, build_index
from briefing.extract.ner import model_name, model_spans, paragraphs

Tick = Callable[[float], None]
MODEL_SHARE = 0.9  # of the progress bar: the model's own work; the rules after it take the rest


def model_index(text: str, facts: list[Fact], acronyms: dict[str, str], language_model,  # noqa: ANN001
                tick: Tick | None = None) -> tuple[EntityIndex, list[Mention]]:
    """The entity index of ``text`` from the rules and the model over the paragraphs holding ``facts``,
    and the model's names as mentions."""
    pieces = paragraphs(text, [(f.start, f.end) for f in facts])
    spans = model_spans(text, pieces, language_model, tick)
    found = Discovery(acronyms=dict(acronyms))
    for a, b in pieces:
        found.scan(text, a, b)
    trimmed = discover_with_model(text, spans, found)
    index = build_index(found)
    return index, model_mentions(trimmed, index)


def annotate(text: str, facts: list[Fact], index: EntityIndex, extra: list[Mention] = ()) -> list[Fact]:
    """``facts`` (in source order) with the mentions ``index`` gives them; ``extra`` mentions (sorted) join
    those the index finds, the longer winning where they overlap. Speakers are left to ``speaker_parse``, which
    sets every fact's speaker again with these mentions and the parse."""
    starts = [m.start for m in extra]
    out: list[Fact] = []
    for fact in facts:
        found = find_mentions(text, fact.start, fact.end, index)
        k = bisect_left(starts, fact.start)
        inside = []
        while k < len(extra) and extra[k].start < fact.end:
            if extra[k].end <= fact.end:
                inside.append(extra[k])
            k += 1
        if inside:
            found = _longest(found + inside)
        out.append(dataclasses.replace(
            fact, entities=[EntityMention(m.text, m.type, m.start, m.end) for m in found]))
    return out


def _cancellable(progress: Tick | None, cancel: Callable[[], bool]) -> Tick:
    def tick(fraction: float) -> None:
        if cancel():
            raise ExtractionCancelled()
        if progress is not None:
            progress(fraction)

    return tick


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Overlapping mentions resolved to the longest of each group, in order."""
    by_length = sorted(mentions, key=lambda m: (m.start - m.end, m.start))
    kept: list[Mention] = []
    for m in by_length:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return without_overlaps(kept)


def refine(extraction: Extraction, *, progress: Tick | None = None,
           cancel: Callable[[], bool] | None = None) -> Extraction:
    """The extraction with entities from the model and the rules; the same facts by id, offsets, kind and
    speaker. Returns ``extraction`` itself when the model is unavailable (see
    ``nlp.unavailable_reason``). ``progress`` gets fractions 0..1; when ``cancel`` returns True (asked
    between batches of paragraphs) it raises ``ExtractionCancelled`` and ``extraction`` stays as it was."""
    if cancel is not None:
        progress = _cancellable(progress, cancel)
    language_model = nlp.model()
    if language_model is None:
        return extraction
    text = extraction.source.text
    facts = sorted(extraction.facts, key=lambda f: (f.start, f.end))
    scaled = None if progress is None else (lambda f: progress(MODEL_SHARE * f))
    index, extra = model_index(text, facts, extraction.acronyms, language_model, scaled)
    refined = annotate(text, facts, index, sorted(extra, key=lambda m: m.start))
    by_id = {f.id: f for f in refined}
    facts_in_order = [by_id[f.id] for f in extraction.facts]  # the input's order, custom facts included
    if progress is not None:
        progress(1.0)
    return dataclasses.replace(
        extraction, facts=facts_in_order, entities=aggregate_entities(refined, index, extraction.source),
        acronyms=dict(extraction.acronyms), model=model_name(language_model))

"""Article in, Extraction out: decode, normalise, lift furniture, segment, find entities, classify facts.

Long texts are processed in chunks of whole paragraphs (about 128 K characters each, so a megabyte moves
the progress bar in small steps and a Cancel waits a few dozen milliseconds at most); between chunks the
``progress`` callback gets a fraction 0..1 and ``cancel`` is polled, so the GUI can show progress and stop
an extraction. Chunks only cut where no pattern reaches across (a blank line, else a line break), so the
facts do not depend on the chunk size. Two passes: the first discovers names, roles and acronyms over the whole body (so "Khan"
early in an article can still resolve to a full name given later), the second makes the facts.
"""

from __future__ import annotations

import contextlib
import gc
import os
from bisect import bisect_left
from typing import Callable

from briefing.core import ids
from briefing.core.errors import ExtractionCancelled, InputError
from briefing.core.extraction import Extraction
from briefing.core.fact import Fact
from briefing.core.source import DateMention, EntityMention, Source
from briefing.extract.acronyms import find_acronyms
from briefing.extract.aggregate import aggregate_entities
from briefing.extract.classify import classify
from briefing.extract.dates import find_dates, resolve_relative
from briefing.extract.formats import RawArticle, read_article
from briefing.extract.furniture import find_furniture
from briefing.extract.mentions import find_mentions
from briefing.extract.names import Discovery, EntityIndex, build_index
from briefing.extract.normalise import normalise_text
from briefing.extract.segment import sentence_spans
from briefing.extract.speakers import Attributor
from briefing.extract.title import derive_title

Progress = Callable[[float], None]
Cancel = Callable[[], bool]
CHUNK_CHARS = 1 << 17
BULK_CHARS = 1 << 21  # texts this long pause the cyclic garbage collector while their facts are built
DISCOVERY_SHARE = 0.3  # of the progress bar; the fact pass takes the rest
MIN_LETTER_SHARE = 0.5  # of the non-space characters, for a file to count as an article


class _Ticker:
    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self.progress, self.cancel = progress, cancel

    def __call__(self, fraction: float) -> None:
        if self.cancel is not None and self.cancel():
            raise ExtractionCancelled()
        if self.progress is not None:
            self.progress(min(1.0, max(0.0, fraction)))


def _cut(text: str, start: int) -> int:
    """Where a chunk starting at ``start`` ends: after the last paragraph break (else line break) in the
    second half of ``CHUNK_CHARS``, or at ``CHUNK_CHARS`` for a text without any."""
    low, high = start + CHUNK_CHARS // 2, start + CHUNK_CHARS
    for brk in ("\n\n", "\n"):
        at = text.rfind(brk, low, high)
        if at >= 0:
            return at + len(brk)
    return high


def _chunks(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Regions cut into pieces of about CHUNK_CHARS at paragraph breaks (no pattern crosses one)."""
    out = []
    for start, end in regions:
        while end - start > CHUNK_CHARS:
            cut = _cut(text, start)
            out.append((start, cut))
            start = cut
        if end > start:
            out.append((start, end))
    return out


@contextlib.contextmanager
def _bulk_allocation(size: int):
    """Pause the cyclic garbage collector while a large text's facts are built.

    Hundreds of thousands of new, acyclic objects make the collector rescan everything again and again
    (a 50 MB text took 40% longer); reference counting still frees garbage, and the collector is restored
    even when the extraction is cancelled.
    """
    if size < BULK_CHARS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _discover(text: str, chunks: list[tuple[int, int]], tick: _Ticker) -> EntityIndex:
    found = Discovery()
    for n, (start, end) in enumerate(chunks):
        tick(DISCOVERY_SHARE * n / len(chunks))
        for short, long in find_acronyms(text, start, end).items():
            found.acronyms.setdefault(short, long)
        found.scan(text, start, end)
    return build_index(found)


def _new_paragraph(text: str, facts: list[Fact], start: int) -> bool:
    """Whether a line break separates the sentence at ``start`` from the fact before it."""
    return not facts or "\n" in text[facts[-1].end:start]


def _facts(text: str, source: Source, chunks: list[tuple[int, int]], index: EntityIndex,
           tick: _Ticker) -> list[Fact]:
    facts: list[Fact] = []
    attributor = Attributor(index, text=text)
    # Mention texts repeat ("Pakistan", "PSM", "Monday"): one string object each keeps a huge source's
    # facts about 15% smaller.
    shared: dict[str, str] = {}
    share = lambda s: shared.setdefault(s, s)  # noqa: E731
    for n, (start, end) in enumerate(chunks):
        tick(DISCOVERY_SHARE + (1 - DISCOVERY_SHARE) * n / len(chunks))
        spans = sentence_spans(text, start, end)
        if not spans:
            continue
        ends = [e for _, e in spans]
        mentions: list[list] = [[] for _ in spans]
        for m in find_mentions(text, start, end, index):
            i = bisect_left(ends, m.end)
            if i < len(spans) and spans[i][0] <= m.start:
                mentions[i].append(m)
        dates: list[list] = [[] for _ in spans]
        for d in find_dates(text, start, end, source.published):
            i = bisect_left(ends, d.end)
            if i < len(spans) and spans[i][0] <= d.start:
                dates[i].append(d)
        for (a, b), found, when in zip(spans, mentions, dates):
            sentence = text[a:b]
            kind = classify(sentence, {m.type for m in found})
            people = [m.canonical for m in found if m.type == "person"]
            speaker, attributed = attributor.feed(
                sentence, kind == "quote", people, new_paragraph=_new_paragraph(text, facts, a), start=a,
                bodies=[m.canonical for m in found if m.type == "organization"])
            facts.append(Fact(
                id=ids.fact_id(source.id, a, b, sentence), source_id=source.id, start=a, end=b, text=sentence,
                kind=kind, speaker=speaker, attributed_to=attributed,
                entities=[EntityMention(share(m.text), m.type, m.start, m.end) for m in found],
                dates=[DateMention(share(d.text), share(d.value or resolve_relative(d, source.published,
                                                                                    kind == "plan")))
                       for d in when],
            ))
    attributor.apply_revisions(facts)
    return facts


def _extract(text: str, *, path: str, kind: str, title: str, publisher: str, published: str, byline: str,
             encoding: str, progress: Progress | None, cancel: Cancel | None,
             fallback_title: str = "") -> Extraction:
    tick = _Ticker(progress, cancel)
    tick(0.0)
    text = normalise_text(text)
    furniture = find_furniture(text, known_title=title)
    digest = ids.content_hash(text)
    source = Source(
        id=ids.source_id(digest), text=text, content_hash=digest,
        title=title or furniture.title or fallback_title,
        publisher=publisher or furniture.publisher, place=furniture.place,
        published=published or furniture.published, path=path, byline=byline or furniture.byline,
        encoding=encoding, kind=kind)
    chunks = _chunks(text, furniture.regions)
    index = _discover(text, chunks, tick) if chunks else build_index(Discovery())
    with _bulk_allocation(len(text)):
        facts = _facts(text, source, chunks, index, tick) if chunks else []
    if not source.title and facts:
        source.title = derive_title(facts[0].text)
    extraction = Extraction(source=source, facts=facts, entities=aggregate_entities(facts, index, source),
                            acronyms=dict(index.acronyms))
    tick(1.0)
    return extraction


def extract_text(text: str, *, path: str = "", kind: str = "text", title: str = "", publisher: str = "",
                 published: str = "", progress: Progress | None = None, cancel: Cancel | None = None,
                 use_model: bool = False) -> Extraction:
    """Extract facts from text already decoded (a file's contents, pasted or dropped text).

    Never raises for odd text (an empty string yields a source without facts); only
    ``ExtractionCancelled`` when ``cancel`` returns True. Offsets refer to the normalised ``source.text``.
    ``use_model``: also run the model pass (``refine``); without it, the rules alone, at first-paint speed.
    """
    first, second = _phases(progress, cancel, use_model)
    extraction = _extract(text, path=path, kind=kind, title=title, publisher=publisher, published=published,
                          byline="", encoding="", progress=first, cancel=cancel)
    return _with_model(extraction, second) if use_model else extraction


RULES_SHARE = 0.15  # of the progress bar when the model pass follows the rules


def _phases(progress: Progress | None, cancel: Cancel | None,
            use_model: bool) -> tuple[Progress | None, _Ticker]:
    """The progress callbacks of the rules pass and of the model pass, one bar across both."""
    if not use_model or progress is None:
        return progress, _Ticker(None, cancel)

    def rules(fraction: float) -> None:
        progress(RULES_SHARE * fraction)

    def model(fraction: float) -> None:
        progress(RULES_SHARE + (1 - RULES_SHARE) * fraction)

    return rules, _Ticker(model, cancel)


def _with_model(extraction: Extraction, tick: _Ticker) -> Extraction:
    """The model pass over a finished rules pass: names from the model (``refine.refine``, cancellable between
    batches), then speakers from the parse of the sentences that attribute words (``run_model_steps``)."""
    from briefing.extract.refine import refine

    refined = refine(extraction, progress=tick)
    run_model_steps(refined)
    return refined


def model_pass(extraction: Extraction, *, progress: Progress | None = None,
               cancel: Cancel | None = None) -> Extraction:
    """The language model's pass over a rules-only extraction (the app runs it after its first paint, off the GUI
    thread): a new Extraction with the same facts by id and offsets, better names and speakers, and ``model`` set.
    Without the model it returns ``extraction`` itself (``nlp.unavailable_reason()`` says why). ``extraction`` is
    only read, so the window may keep using it meanwhile; ``ExtractionCancelled`` when ``cancel`` asks."""
    return _with_model(extraction, _Ticker(progress, cancel))


def run_model_steps(extraction: Extraction) -> str | None:
    """The steps that need the language model, run in place on a first-pass extraction (the CLI runs
    them at once; the app may run them after its first paint). Returns why the model is unavailable, in
    one line, or None when the steps ran; without the model the first pass stands as it is."""
    from briefing.extract.nlp import model, unavailable_reason
    from briefing.extract.speaker_parse import refine_speakers_with_model

    nlp = model()
    if nlp is None:
        return unavailable_reason()
    refine_speakers_with_model(extraction, nlp)
    return None


def _check_article(extraction: Extraction, name: str) -> None:
    text = extraction.source.text
    if not text.strip():
        raise InputError(f"{name} is empty")
    sample = text[:200_000]
    visible = sum(1 for c in sample if not c.isspace())
    letters = sum(1 for c in sample if c.isalpha())
    if not extraction.facts or letters < MIN_LETTER_SHARE * visible or \
            not any(len(f.text.split()) >= 3 for f in extraction.facts[:200]):
        raise InputError(f"{name} does not look like an article (no sentences of words found)")


def extract_path(path: str | os.PathLike[str], *, progress: Progress | None = None,
                 cancel: Cancel | None = None, use_model: bool = False) -> Extraction:
    """Read and extract an article file (.txt or other text, .html/.htm, .docx, .pdf).

    Raises ``InputError`` with one line for a file that is missing, unreadable, a folder, empty, binary,
    of a refused kind (.docm, .doc), damaged, or not an article; ``ExtractionCancelled`` on cancel.
    ``use_model``: the whole pipeline, the model pass included (the CLI); without it, the rules alone
    (the window's first paint, which runs ``refine.refine`` on the result later, off its thread).
    """
    name = os.fspath(path)
    progress, second = _phases(progress, cancel, use_model)
    tick = _Ticker(progress, cancel)
    tick(0.0)
    raw: RawArticle = read_article(path)
    tick(0.0)
    where = raw.url or os.path.abspath(name)
    held, raw.text = [raw.text], ""  # popped into the call: the raw text is freed once normalised
    # A web page's metadata title is the headline; a Word or PDF title property is often a template's
    # leftover, so the headline line in the text wins there.
    trusted = raw.kind == "html"
    extraction = _extract(held.pop(), path=where, kind=raw.kind, title=raw.title if trusted else "",
                          fallback_title="" if trusted else raw.title, publisher=raw.publisher,
                          published=raw.published, byline=raw.byline, encoding=raw.encoding,
                          progress=progress, cancel=cancel)
    _check_article(extraction, name)
    return _with_model(extraction, second) if use_model else extraction

"""Where the sources of one claim disagree: a figure, a date or who said it, each value shown with its source.

Conservative on purpose, since a false alarm costs the analyst more than a missed one: a figure conflicts
only when two facts count the same thing (same currency, per cent, or counted noun) and no value of one
agrees with a value of the other, up to rounding; dates only when both give calendar dates (or both only
weekdays) and share none; attribution only when both quote the same words and name different people.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from briefing.core.corroboration import Conflict, Variant
from briefing.corroborate.similarity import quoted_alike

if TYPE_CHECKING:
    from briefing.core.fact import Fact
    from briefing.corroborate.features import ClaimFeatures


# Spans of time are rarely the claim itself ("50 years since", "for the first time in 25 years") and one
# sentence often gives several: comparing them raises false alarms.
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "time",
                        "date", "night", "season", "year-old", "old"})


def _figure_clash(a: ClaimFeatures, b: ClaimFeatures) -> tuple[str, str] | None:
    units = {f.unit for f in a.figures if f.unit} & {f.unit for f in b.figures if f.unit}
    units -= TIME_UNITS
    for unit in sorted(units):
        mine = [f for f in a.figures if f.unit == unit]
        theirs = [f for f in b.figures if f.unit == unit]
        if not any(x.agrees_with(y) for x in mine for y in theirs):
            return ", ".join(f.text for f in mine), ", ".join(f.text for f in theirs)
    return None


def _date_clash(a: ClaimFeatures, b: ClaimFeatures) -> tuple[str, str] | None:
    days_a = {d for d in a.dates if d[0].isdigit() and len(d) == 5}
    days_b = {d for d in b.dates if d[0].isdigit() and len(d) == 5}
    if days_a and days_b:
        return None if days_a & days_b else (", ".join(sorted(days_a)), ", ".join(sorted(days_b)))
    weekdays_a = {d for d in a.dates if not d[0].isdigit()}
    weekdays_b = {d for d in b.dates if not d[0].isdigit()}
    if weekdays_a and weekdays_b and not days_a and not days_b and not weekdays_a & weekdays_b:
        return ", ".join(sorted(weekdays_a)).title(), ", ".join(sorted(weekdays_b)).title()
    return None


def _speaker_clash(fa: Fact, fb: Fact, a: ClaimFeatures, b: ClaimFeatures) -> tuple[str, str] | None:
    if not (a.speaker and b.speaker and quoted_alike(a, b)):
        return None
    name_a, name_b = fa.speaker or fa.attributed_to, fb.speaker or fb.attributed_to
    if not (name_a[:1].isupper() and name_b[:1].isupper()):
        return None  # "a spokesperson" is a description, not a different person
    if a.speaker == b.speaker or a.speaker in name_b.casefold() or b.speaker in name_a.casefold():
        return None
    return name_a, name_b


def find_conflict(facts: list[Fact], feats: list[ClaimFeatures], labels: dict[str, str]) -> Conflict | None:
    """The first disagreement between two members of a group (figures, then dates, then speakers), or None."""
    for what, clash in (("figure", _figure_clash), ("date", _date_clash), ("attribution", None)):
        for (fa, a), (fb, b) in combinations(zip(facts, feats), 2):
            values = _speaker_clash(fa, fb, a, b) if clash is None else clash(a, b)
            if values is None:
                continue
            label_a, label_b = labels.get(fa.source_id, fa.source_id), labels.get(fb.source_id, fb.source_id)
            note = f"{what}: {values[0]} ({label_a}) vs {values[1]} ({label_b})"
            return Conflict(what, note, (Variant(values[0], fa.id, fa.source_id),
                                         Variant(values[1], fb.id, fb.source_id)))
    return None

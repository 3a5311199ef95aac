"""Interleaved, repeated timing and the result row every benchmark reports.

Subject and reference alternate (and swap which goes first each round), so drift in the machine's speed
(CPU boost, another process, a warming disk cache) falls on both; medians ignore the odd outlier.
"""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable

RATIO, AT_MOST, PLUS, INFO = "ratio", "at most", "plus", "info"  # how a row is judged against its target


@dataclass
class Row:
    """One line of the results table.

    ``judge`` says how ``target`` applies: RATIO (subject / reference <= target), AT_MOST (subject <=
    target, no reference), PLUS (subject - reference <= target) or INFO (a measurement the issue sets no
    target for: never a miss; ``target`` is a usual threshold, shown for orientation). ``unit`` is that of subject, reference
    and (for AT_MOST and PLUS) target: "s", "ms" or "MB".
    """

    what: str
    subject: float
    reference: float | None
    reference_name: str
    target: float
    judge: str
    unit: str
    runs: int
    notes: list[str] = field(default_factory=list)
    stretch: float | None = None
    extra_pass: bool = True  # a condition besides the target that the row must meet (see its notes)

    @property
    def value(self) -> float:
        if self.judge == RATIO:
            return self.subject / self.reference if self.reference else float("inf")
        if self.judge == PLUS:
            return self.subject - (self.reference or 0.0)
        return self.subject

    @property
    def passed(self) -> bool:
        return self.judge == INFO or (self.value <= self.target and self.extra_pass)

    @property
    def verdict(self) -> str:
        if self.judge == INFO:
            return "info" if self.value <= self.target else f"info (over {_amount(self.target, self.unit)})"
        if not self.passed:
            return "MISS"
        return "PASS (stretch met)" if self.stretch is not None and self.value <= self.stretch else "PASS"

    def shown_value(self) -> str:
        if self.judge == RATIO:
            return f"{self.value:.2f}x"
        sign = "+" if self.judge == PLUS else ""
        return f"{sign}{_amount(self.value, self.unit)}"

    def shown_target(self) -> str:
        if self.judge == RATIO:
            extra = f" (stretch {self.stretch:g}x)" if self.stretch is not None else ""
            return f"<= {self.target:g}x{extra}"
        if self.judge == INFO:
            return "none in the issue"
        sign = "+" if self.judge == PLUS else ""
        return f"<= {sign}{_amount(self.target, self.unit)}"


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.0f} {unit}"


def clock(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes, after a garbage collection so one run's garbage is not billed to the next."""
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def interleaved(subject: Callable[[], object], reference: Callable[[], object], runs: int,
                measure: Callable[[Callable[[], object]], float] = clock) -> tuple[list[float], list[float]]:
    """Time ``subject`` and ``reference`` ``runs`` times each, alternating, the first alternately swapped."""
    ours: list[float] = []
    theirs: list[float] = []
    for n in range(runs):
        if n % 2 == 0:
            ours.append(measure(subject))
            theirs.append(measure(reference))
        else:
            theirs.append(measure(reference))
            ours.append(measure(subject))
    return ours, theirs


def median(values: list[float]) -> float:
    return statistics.median(values)

"""Narrow the fact pool by words, kinds, an entity and a source, fast enough to refilter on every keystroke.

The verdict for every row is computed in one Python pass over the Brief's facts (on cached search text)
and ``filterAcceptsRow`` only looks it up, so Qt's per-row callback stays trivial on thousands of facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from briefing.ui.models.fact_groups import ALL, one_row_per_claim, passes
from briefing.ui.models.fact_list import FactListModel

if TYPE_CHECKING:
    from briefing.core.fact import Fact


class FactFilterProxy(QSortFilterProxyModel):
    """Filters a ``FactListModel``; every criterion set must match (None or empty: no constraint)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._kinds: frozenset[str] | None = None
        self._entity: str | None = None
        self._source: str | None = None
        self._corroboration = ALL
        self._one_per_claim = True  # a claim several sources report shows as one row (its badge says so)
        self._verdicts: list[bool] | None = None
        self._verdicts_groups: object = None  # the brief's corroboration the verdicts were computed with
        self._verdicts_for: object = None  # the search-text list the verdicts were computed from
        self._model: FactListModel | None = None

    def setSourceModel(self, model) -> None:  # noqa: N802, ANN001 - Qt override
        if self._model is not None:
            self._model.groups_changed.disconnect(self.regroup)
        self._model = model if isinstance(model, FactListModel) else None
        self._verdicts = self._verdicts_for = None
        super().setSourceModel(model)
        if self._model is not None:
            self._model.groups_changed.connect(self.regroup)

    def regroup(self) -> None:
        """The brief's groups were recomputed: refilter (badges change rows' verdicts, not their text)."""
        self._change(lambda: None, force=True)

    # ----------------------------------------------------------------- criteria
    @property
    def text(self) -> str:
        return " ".join(self._words)

    @property
    def kinds(self) -> frozenset[str] | None:
        return self._kinds

    @property
    def entity(self) -> str | None:
        return self._entity

    @property
    def source(self) -> str | None:
        return self._source

    @property
    def corroboration(self) -> str:
        return self._corroboration

    @property
    def one_per_claim(self) -> bool:
        return self._one_per_claim

    def set_corroboration(self, choice: str) -> None:
        """Keep all facts, the corroborated ones, the single-source ones or those whose sources disagree
        (``fact_groups.CORROBORATION_CHOICES``)."""
        if choice != self._corroboration:
            self._change(lambda: setattr(self, "_corroboration", choice))

    def set_one_per_claim(self, on: bool) -> None:
        """Show a claim several sources report once (on) or every source's wording of it (off)."""
        if on != self._one_per_claim:
            self._change(lambda: setattr(self, "_one_per_claim", on))

    def set_text(self, text: str) -> None:
        """Keep facts whose wording, speaker or entity names contain every word (any case, any order)."""
        words = tuple(text.casefold().split())
        if words != self._words:
            self._change(lambda: setattr(self, "_words", words))

    def set_kinds(self, kinds: set[str] | frozenset[str] | None) -> None:
        """Keep facts of these kinds (None: every kind; an empty set: none)."""
        value = None if kinds is None else frozenset(kinds)
        if value != self._kinds:
            self._change(lambda: setattr(self, "_kinds", value))

    def set_entity(self, name: str | None) -> None:
        """Keep facts that mention this entity (by name or one of its aliases; None: any)."""
        value = name or None
        if value != self._entity:
            self._change(lambda: setattr(self, "_entity", value))

    def set_source(self, source_id: str | None) -> None:
        """Keep facts of this source (None: every source)."""
        value = source_id or None
        if value != self._source:
            self._change(lambda: setattr(self, "_source", value))

    def clear_filters(self) -> None:
        def reset() -> None:
            self._words, self._kinds, self._entity, self._source = (), None, None, None
            self._corroboration = ALL
        self._change(reset)

    def _change(self, apply, force: bool = False) -> None:  # noqa: ANN001 - a callable setting the criterion
        """Apply a criterion; refilter only if some row's verdict actually changes (typing often does not).
        ``force``: the groups changed under the verdicts, which may have hidden rows: refilter all the same."""
        was_unfiltered = self.unfiltered()
        apply()
        if was_unfiltered and self.unfiltered() and not force:
            return
        model = self._facts_model()
        new, texts = None, None  # unfiltered: every row passes without a verdict
        if model is not None and not self.unfiltered():
            texts = model.search_texts()
            new = self._compute(model, texts)
        groups = model.brief.corroboration if model is not None else None
        if new is not None and self._verdicts_for is texts and self._verdicts_groups is groups \
                and new == self._verdicts:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter is deprecated there
            self.beginFilterChange()
            self._verdicts, self._verdicts_for, self._verdicts_groups = new, texts, groups
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older PySide6
            self._verdicts, self._verdicts_for, self._verdicts_groups = new, texts, groups
            self.invalidateFilter()

    # ----------------------------------------------------------------- verdicts
    def _facts_model(self) -> FactListModel | None:
        return self._model

    def _entity_names(self) -> frozenset[str]:
        """The chosen entity's name and aliases, case-folded, from every source that knows it."""
        assert self._entity is not None
        names = {self._entity.casefold()}
        model = self._facts_model()
        if model is not None:
            for ext in model.brief.extractions.values():
                for ent in ext.entities:
                    if ent.name.casefold() in names or any(a.casefold() in names for a in ent.aliases):
                        names.add(ent.name.casefold())
                        names.update(a.casefold() for a in ent.aliases)
        return frozenset(names)

    def _compute(self, model: FactListModel, texts: list[str]) -> list[bool]:
        facts = model.brief.facts
        words, kinds, source = self._words, self._kinds, self._source
        names = self._entity_names() if self._entity is not None else None

        def keep(fact: Fact, text: str) -> bool:
            if kinds is not None and fact.kind not in kinds:
                return False
            if source is not None and fact.source_id != source:
                return False
            if names is not None and not any(e.text.casefold() in names for e in fact.entities):
                return False
            return all(w in text for w in words)

        brief, choice = model.brief, self._corroboration
        if not words and kinds is None and source is None and names is None:
            verdicts = [passes(brief, f.id, choice) for f in facts] if choice != ALL else [True] * len(facts)
        else:
            verdicts = [keep(f, t) and passes(brief, f.id, choice) for f, t in zip(facts, texts)]
        if self._collapsing():  # one source chosen: each of its facts is its own row
            verdicts = one_row_per_claim(brief, (f.id if v else None for f, v in zip(facts, verdicts)))
        return verdicts

    def _collapsing(self) -> bool:
        model = self._facts_model()
        return (self._one_per_claim and self._source is None and model is not None
                and bool(model.brief.corroboration.groups))

    def verdicts(self) -> list[bool]:
        """Whether each source row passes the filter (recomputed when criteria or facts change)."""
        model = self._facts_model()
        if model is None:
            return []
        texts = model.search_texts()
        groups = model.brief.corroboration
        if self._verdicts is None or self._verdicts_for is not texts or self._verdicts_groups is not groups:
            self._verdicts = self._compute(model, texts)
            self._verdicts_for, self._verdicts_groups = texts, groups
        return self._verdicts

    def unfiltered(self) -> bool:
        """No criterion set: every row passes (and no search text needs computing, e.g. for a new brief)."""
        return (not self._words and self._kinds is None and self._entity is None and self._source is None
                and self._corroboration == ALL and not self._collapsing())

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt override
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self._model
        if model is None:
            return super().filterAcceptsRow(source_row, source_parent)
        if self.unfiltered():
            return True
        verdicts = self._verdicts
        if verdicts is None or self._verdicts_for is not model.cached_search_texts() \
                or self._verdicts_groups is not model.brief.corroboration:
            verdicts = self.verdicts()
        return verdicts[source_row] if 0 <= source_row < len(verdicts) else True

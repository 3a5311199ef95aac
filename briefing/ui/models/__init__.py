"""Qt item models that mirror a Brief (facts pool, filtered pool, outline); they hold no state of their own."""

from __future__ import annotations

from briefing.ui.models.brief_tree import BriefTreeModel
from briefing.ui.models.fact_filter import FactFilterProxy
from briefing.ui.models.fact_list import KIND_COLORS, FactListModel, kind_icon

__all__ = ["BriefTreeModel", "FactFilterProxy", "FactListModel", "KIND_COLORS", "kind_icon"]

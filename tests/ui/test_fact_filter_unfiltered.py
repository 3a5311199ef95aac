"""With no filter set the fact pool shows every fact without preparing search text, and filtering later
still finds the right facts, also after the brief is replaced."""

from __future__ import annotations

from briefing.ui.models.fact_filter import FactFilterProxy
from briefing.ui.models.fact_list import FactListModel
from tests.ui.conftest import big_brief, make_brief


def test_a_new_brief_shows_every_fact_without_search_text(proxy: FactFilterProxy, facts_model: FactListModel):
    facts_model.set_brief(big_brief(2_000))
    assert proxy.rowCount() == 2_000 and proxy.unfiltered()
    assert facts_model.cached_search_texts() is None  # prepared only when someone filters


def test_filtering_after_a_new_brief_and_clearing_again_shows_the_right_rows(proxy, facts_model):
    facts_model.set_brief(make_brief())
    proxy.set_text("pakistan")
    assert [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())] == [4, 6]
    proxy.clear_filters()
    assert proxy.rowCount() == len(facts_model.brief.facts) and proxy.unfiltered()
    facts_model.set_brief(make_brief())
    proxy.set_kinds({"quote"})
    assert [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())] == [3, 7, 8]

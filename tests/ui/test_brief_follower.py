"""A replaced brief must not reach the views any more: each would otherwise redraw or save the wrong brief."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from briefing.core import events as ev
from briefing.core.brief import Brief
from briefing.ui.models.brief_follower import follow_brief
from briefing.ui.window.main_window import MainWindow


@pytest.mark.parametrize(("has_old", "has_new"), [(True, True), (False, True), (True, False), (False, False)])
def test_a_listener_hears_only_the_brief_it_follows(has_old: bool, has_new: bool):
    heard: list[str] = []
    old, new = Brief(), Brief()
    old.events.connect(heard.append)
    follow_brief(heard.append, old if has_old else None, new if has_new else None)
    old.events.emit(ev.MetadataChanged("from old"))
    new.events.emit(ev.MetadataChanged("from new"))
    assert [e.key for e in heard] == (["from old"] if not has_old else []) + (["from new"] if has_new else [])


def test_a_listener_joins_the_end_so_views_hear_events_in_the_order_they_were_set_up():
    heard: list[str] = []
    brief = Brief()
    brief.events.connect(lambda e: heard.append("first"))
    follow_brief(lambda e: heard.append("second"), None, brief)
    brief.events.emit(ev.MetadataChanged())
    assert heard == ["first", "second"]


def test_the_window_and_every_pane_let_go_of_a_replaced_brief(qtbot, settings: QSettings):
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    old = window.brief
    assert old.events._listeners  # the models, the panes and the window listen to it
    window.set_brief(Brief(), None)
    assert old.events._listeners == []
    assert len(window.brief.events._listeners) >= 8

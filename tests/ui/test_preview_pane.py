"""The preview renders a new brief once it is on screen, from the event loop, and only once per new brief."""

from __future__ import annotations

from briefing.core.brief import Brief
from briefing.ui.panes.preview_pane import PreviewPane


def counting_pane(qtbot) -> tuple[PreviewPane, list[Brief]]:
    rendered: list[Brief] = []
    pane = PreviewPane(renderer=lambda brief: rendered.append(brief) or f"<p>{len(brief.facts)} facts</p>")
    qtbot.addWidget(pane)
    return pane, rendered


def test_a_hidden_preview_renders_only_when_it_is_shown(qtbot, brief: Brief):
    pane, rendered = counting_pane(qtbot)
    pane.set_brief(brief)
    qtbot.wait(20)
    assert rendered == []
    pane.show()
    qtbot.waitUntil(lambda: rendered == [brief], timeout=2000)
    assert "facts" in pane.toPlainText()


def test_a_brief_replaced_before_the_event_loop_runs_is_rendered_once(qtbot, brief: Brief):
    pane, rendered = counting_pane(qtbot)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_brief(Brief())
    pane.set_brief(brief)
    assert rendered == []  # nothing on the caller's time: the window paints first
    qtbot.waitUntil(lambda: rendered == [brief], timeout=2000)
    qtbot.wait(20)
    assert rendered == [brief] and pane.renders == 1


def test_rendering_now_does_not_wait_for_the_pane_to_be_shown(qtbot, brief: Brief):
    pane, rendered = counting_pane(qtbot)
    pane.set_brief(brief)
    pane.render_now()
    assert rendered == [brief]


def test_header_labels_stay_on_one_line_in_a_narrow_preview(qtbot, brief: Brief):
    """"Classification" broke into "Classificatio / n" in the pane's default width."""
    brief.set_metadata("classification", "UNCLASSIFIED \u2014 FOR OFFICIAL USE")
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(430, 600)
    pane.set_brief(brief)
    pane.render_now()
    document = pane.document()
    document.setTextWidth(400)
    block = document.begin()
    while block.isValid() and block.text() != "Classification":
        block = block.next()
    assert block.isValid(), pane.toPlainText()[:300]
    assert block.layout().lineCount() == 1

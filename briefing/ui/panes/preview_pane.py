"""The live preview of the brief as it will read, re-rendered after a short pause so typing never stalls.

A new brief is rendered once the pane has been painted on screen, from the event loop: the window's first
paint does not wait for it (the preview fills a few milliseconds later), and a brief replaced during
start-up (the empty one, then the article's) is rendered only once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser, QWidget

from briefing.ui.models.brief_follower import follow_brief

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QShowEvent

    from briefing.core.brief import Brief
    from briefing.core.events import BriefEvent
    from briefing.export.citations import CitationOptions

# Long enough to swallow a burst of keystrokes or a multi-fact drop, short enough to feel live.
DEBOUNCE_MS = 200


class PreviewPane(QTextBrowser):
    """Mirrors a Brief: every change (re)starts a single-shot timer; the timer renders once."""

    def __init__(self, parent: QWidget | None = None,
                 renderer: Callable[[Brief], str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.setAccessibleName("Preview of the brief")
        self.setAccessibleDescription("The brief as the exported Word document will read, updated as you work")
        self.setOpenLinks(False)
        self.renderer = renderer or self._brief_html
        self.citations: CitationOptions | None = None  # the export's citation style; None: numbered
        self.renders = 0  # how many times the brief was rendered (tests and profiling read it)
        self.brief: Brief | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._render_when_shown)
        self._stale = False  # the brief changed since it was last rendered
        self._painted = False  # the pane has been on screen once
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._render_when_shown)

    def set_brief(self, brief: Brief | None) -> None:
        """Follow another brief (None: blank); it is rendered once the pane is on screen, not before."""
        follow_brief(self._on_event, self.brief, brief)
        self.brief = brief
        self.timer.stop()
        self._stale = True
        if self.isVisible() and self._painted:
            self._soon.start()

    def set_citations(self, citations: CitationOptions | None) -> None:
        """Cite as the export will (the style chosen in the app, else the template's); re-rendered soon."""
        if citations != self.citations:
            self.citations = citations
            self.timer.start()

    def _brief_html(self, brief: Brief) -> str:
        from briefing.export.preview import brief_to_html

        return brief_to_html(brief, self.citations)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale and self._painted:
            self._soon.start()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        self._painted = True
        if self._stale and not self._soon.isActive():
            self._soon.start()

    def _render_when_shown(self) -> None:
        """A hidden preview (the Header tab in front, the window not shown yet) waits until it is shown."""
        self._stale = True
        if self.isVisible():
            self.render_now()

    def _on_event(self, event: BriefEvent) -> None:
        if event.before:  # the first half of a change: wait for the change itself
            return
        self.timer.start()

    def render_now(self) -> None:
        """Render immediately (and drop a pending delayed render)."""
        self.timer.stop()
        self._soon.stop()
        self._stale = False
        if self.brief is None:
            self.setHtml("")
            return
        scroll = self.verticalScrollBar().value()
        self.setHtml(self.renderer(self.brief))
        self.renders += 1
        self.verticalScrollBar().setValue(scroll)

"""How one fact reads in the list: a kind stripe, two lines of wording, then kind, speaker, source and a
"placed" mark. Rows have one fixed height so the list lays out thousands of facts without measuring each."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from briefing.ui.models.fact_list import kind_stripe
from briefing.ui.models.roles import Role
from briefing.ui.panes.palette import blend

WORDING_LINES = 2
PAD = 4
STRIPE = 4
PLACED_MARK = "\u2713 in brief"
PLACED_COLOR = "#1d7f4e"  # green: "done", distinct from every kind colour
GROUP_COLOR = "#2f6db5"  # blue: other sources agree
CONFLICT_COLOR = "#c0392b"  # red: the sources disagree


def wrap_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """The first ``max_lines`` lines of ``text`` wrapped to ``width``; the last one elided if text remains."""
    layout = QTextLayout(" ".join(text.split()), font)
    layout.beginLayout()
    lines: list[str] = []
    plain = layout.text()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 10))
        start, length = line.textStart(), line.textLength()
        lines.append(plain[start:start + length].rstrip())
        if len(lines) == max_lines and start + length < len(plain):
            rest = plain[start:]
            lines[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, max(width, 10))
    layout.endLayout()
    return lines


class FactDelegate(QStyledItemDelegate):
    """Paints a fact row from the model's roles; the tooltip adds the full wording to the model's tooltip.

    ``show_source`` adds the source's title to each row; the window turns it on when a brief has several."""

    show_source = False

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        small = QFontMetrics(self._small(option.font)).lineSpacing()
        return QSize(200, PAD * 2 + line * WORDING_LINES + small + 2)

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        return small

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """What the style paints of a row: its background, selection and focus, but no text or icon
        (``paint`` draws the kind stripe and lays out the wording, kind and speaker itself).

        The base class would fill the option from seven of the model's roles (wording, icon, font, colours,
        check state), each a call into the Python model, only for all of it to be left out again."""
        option.index = index

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        # The style's part in C++ (background, selection, focus): asking the style from Python would make
        # PySide build its QStyle class, with all its enums, before the window's first paint. Colours go
        # through QPen and pixmaps for the same reason (see ``kind_icon``).
        super().paint(painter, option, index)
        painter.save()
        view = option.widget
        selection = view.selectionModel() if isinstance(view, QAbstractItemView) else None
        selected = selection is not None and selection.isSelected(index)
        pal = option.palette
        text_color = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = blend(text_color, pal.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base),
                      0.65)
        rect = option.rect
        kind = index.data(Role.KIND) or ""
        placed = int(index.data(Role.TIMES_PLACED) or 0)
        painter.drawPixmap(QRect(rect.left(), rect.top() + 1, STRIPE, rect.height() - 2), kind_stripe(kind))
        left = rect.left() + STRIPE + PAD + 2
        width = rect.right() - left - PAD
        font = QFont(option.font)
        font.setItalic(False)
        line_h = QFontMetrics(font).lineSpacing()
        painter.setFont(font)
        painter.setPen(QPen(muted if placed and not selected else text_color))
        y = rect.top() + PAD
        for text in wrap_lines(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), font, width, WORDING_LINES):
            painter.drawText(QRect(left, y, width, line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += line_h
        small = self._small(font)
        painter.setFont(small)
        small_h = QFontMetrics(small).lineSpacing()
        meta_rect = QRect(left, rect.top() + PAD + line_h * WORDING_LINES, width, small_h)
        mark = ""
        if placed:
            mark = PLACED_MARK if placed == 1 else f"{PLACED_MARK} in {placed} sections"  # never twice in one
            mark_w = QFontMetrics(small).horizontalAdvance(mark) + 3 * PAD
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
            accent = QColor(PLACED_COLOR)
            painter.setPen(QPen(text_color if selected else accent.lighter(140) if _dark(pal) else accent))
            painter.drawText(meta_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, mark)
            painter.setFont(small)
            meta_rect.setWidth(max(0, width - mark_w))
        group = str(index.data(Role.GROUP_BADGE) or "")
        if group:
            meta_rect = self._paint_badge(painter, meta_rect, small, group, bool(index.data(Role.HAS_CONFLICT)),
                                          text_color if selected else None, _dark(pal))
        source = index.data(Role.SOURCE_TITLE) if self.show_source else ""
        parts = [kind.upper()] + [p for p in (index.data(Role.SPEAKER), source) if p]
        meta = "  \u00b7  ".join(str(p) for p in parts)
        painter.setPen(QPen(muted))
        painter.drawText(meta_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(meta, Qt.TextElideMode.ElideRight, meta_rect.width()))
        painter.restore()

    @staticmethod
    def _paint_badge(painter: QPainter, rect: QRect, font: QFont, text: str, conflict: bool,
                     selected_color: QColor | None, dark: bool) -> QRect:
        """The group badge at the right of the meta line ("3 sources, conflict"); returns what is left of it."""
        label = f"\u25c6 {text}"
        bold = QFont(font)
        bold.setBold(True)
        room = QFontMetrics(bold).horizontalAdvance(label) + 2 * PAD
        accent = QColor(CONFLICT_COLOR if conflict else GROUP_COLOR)
        painter.setFont(bold)
        painter.setPen(QPen(selected_color or (accent.lighter(150) if dark else accent)))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setFont(font)
        return QRect(rect.left(), rect.top(), max(0, rect.width() - room), rect.height())

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event is None or not index.isValid():
            return super().helpEvent(event, view, option, index)
        wording = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        details = str(index.data(Qt.ItemDataRole.ToolTipRole) or "").replace("\n", "<br>")
        safe = wording.replace("&", "&amp;").replace("<", "&lt;")
        QToolTip.showText(event.globalPos(), f"<p style='white-space:pre-wrap'>{safe}</p><p>{details}</p>", view)
        return True


def _dark(pal: QPalette) -> bool:
    return pal.color(QPalette.ColorRole.Base).lightnessF() < 0.5

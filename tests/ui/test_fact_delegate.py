"""How a fact row is painted: the style draws the row's background, selection and focus only; the
delegate draws the kind stripe and the wording itself."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from briefing.ui.models.fact_list import KIND_COLORS
from briefing.ui.panes.fact_delegate import STRIPE, FactDelegate


def test_the_style_is_given_no_text_or_icon_to_draw(qtbot, facts_model):
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(facts_model)
    delegate = FactDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    delegate.initStyleOption(option, facts_model.index(0))
    assert option.text == "" and option.icon.isNull()
    assert not option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration


def test_a_row_has_its_kind_stripe_and_its_wording(qtbot, facts_model):
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(facts_model)
    delegate = FactDelegate(view)
    view.setItemDelegate(delegate)
    view.resize(400, 300)
    index = facts_model.index(0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    size = delegate.sizeHint(option, index)
    image = QImage(400, size.height(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    option.rect = image.rect()
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    kind = facts_model.brief.facts[0].kind
    assert QColor(image.pixel(STRIPE // 2, size.height() // 2)).name() == KIND_COLORS[kind]
    wording = [image.pixel(x, y) for x in range(STRIPE + 8, 300) for y in range(4, size.height() // 2)]
    assert any(QColor(p).lightness() < 100 for p in wording)  # dark text on the white row

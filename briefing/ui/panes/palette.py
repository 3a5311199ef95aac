"""Colours that stay readable on light and dark palettes: kind tints are blended into the view's base colour."""

from __future__ import annotations

from typing import Mapping

from PySide6.QtGui import QColor, QPalette

# How much of a kind's colour shows through the view's base colour. Enough to tell kinds apart, little
# enough that the palette's text colour keeps its contrast on both white and near-black backgrounds.
TINT_STRENGTH = 0.30


def as_color(value: object) -> QColor:
    """A QColor from a QColor, a Qt.GlobalColor or a '#rrggbb' / SVG colour name."""
    return value if isinstance(value, QColor) else QColor(value)  # type: ignore[arg-type]


def blend(color: QColor, base: QColor, strength: float) -> QColor:
    """``strength`` of ``color`` over ``base`` (0: base, 1: color), opaque."""
    def mix(a: float, b: float) -> float:
        return a * strength + b * (1.0 - strength)

    return QColor.fromRgbF(mix(color.redF(), base.redF()), mix(color.greenF(), base.greenF()),
                           mix(color.blueF(), base.blueF()))


def soft_tints(kind_colors: Mapping[str, object], palette: QPalette,
               strength: float = TINT_STRENGTH) -> dict[str, QColor]:
    """Each kind's colour softened into the palette's base colour (text backgrounds)."""
    base = palette.color(QPalette.ColorRole.Base)
    return {kind: blend(as_color(c), base, strength) for kind, c in kind_colors.items()}


def dark_palette() -> QPalette:
    """A dark palette like Fusion's, to check that the tints stay readable on a dark desktop theme."""
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(228, 228, 228)
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: QColor(40, 40, 43),
        QPalette.ColorRole.ToolTipBase: QColor(60, 60, 64), QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Link: QColor(110, 170, 255), QPalette.ColorRole.Highlight: QColor(60, 110, 190),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(140, 140, 140),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return p

"""The dialogs of the many-sources and office commands: several articles, a folder, a web address, a PDF name.

Apart from ``dialogs`` so the window's public API (tests, scripts) never reaches one; each returns None (or an
empty list) when the person cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from briefing.ui.window.dialogs import OPEN_FILTER

PDF_FILTER = "PDF documents (*.pdf)"


def choose_open_paths(parent: QWidget | None, folder: str = "") -> list[str]:
    """Articles (several at once) or one saved brief to open."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Open articles or a brief", folder, OPEN_FILTER)
    return list(paths)


def choose_folder(parent: QWidget | None, folder: str = "") -> str | None:
    """A folder whose articles all join the brief."""
    path = QFileDialog.getExistingDirectory(parent, "Open a folder of articles", folder)
    return path or None


def ask_url(parent: QWidget | None) -> str | None:
    """A web address of an article; None when cancelled or left empty."""
    text, ok = QInputDialog.getText(parent, "Open URL", "Address of a news article (https://\u2026):",
                                    QLineEdit.EchoMode.Normal, "")
    return text.strip() if ok and text.strip() else None


def choose_pdf_path(parent: QWidget | None, suggestion: str) -> str | None:
    """Where to write the PDF, with ".pdf" added when the name lacks it."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export as PDF", suggestion, PDF_FILTER)
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"

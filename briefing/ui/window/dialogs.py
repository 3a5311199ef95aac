"""The dialogs a person sees: file choosers, save-before-closing, errors, About, the template format.

Kept apart from the window so the window's public API (used by tests and scripts) never reaches a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing import __version__ as _version
from briefing.storage.paths import BRIEF_SUFFIX

if TYPE_CHECKING:
    from briefing.core.template import Template

ARTICLE_PATTERNS = "*.txt *.text *.md *.html *.htm *.xhtml *.docx *.pdf"
OPEN_FILTER = (f"Articles and briefs ({ARTICLE_PATTERNS} *{BRIEF_SUFFIX});;Briefs (*{BRIEF_SUFFIX});;"
               f"Articles ({ARTICLE_PATTERNS});;All files (*)")
ARTICLE_FILTER = f"Articles ({ARTICLE_PATTERNS});;All files (*)"
SAVE_FILTER = f"Briefs (*{BRIEF_SUFFIX})"
EXPORT_FILTER = "Word documents (*.docx)"

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"

TEMPLATE_SCHEMA = """\
# A briefing template is a YAML file (*.yaml) in your templates folder:
#   {folder}
# A template there with the same id as a bundled one replaces it.
#
# id:            short name, letters, digits and dashes (required)
# name:          what the Template menu shows (required)
# description:   one paragraph (optional)
# reference_docx: a Word file whose styles and page set-up the export uses, relative to the YAML (optional)
# fields:        the brief's header, in order; each has
#     id:        title, to, from, date, classification... (required)
#     label:     what the form shows (defaults to the id)
#     default:   the value a new brief starts with
# sections:      the brief's sections, in order; each has
#     id:        required, unique; a brief switched to another template keeps a section's facts when
#                the new template has a section with the same id (the rest go to "Unplaced")
#     title:     the heading in Word (required)
#     guidance:  what belongs here; shown as a tooltip and as the placeholder of the section's text
#     kinds:     fact kinds auto-draft puts here: quote, plan, decision, meeting, figure, statement
#     keywords:  auto-draft places a fact here only if it contains one of these
#     min, max:  how many facts the section should hold (the outline warns outside the range)
#     layout:    bullets | numbered | paragraphs
#
# The bundled template below is a complete, valid example.
"""


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """SAVE, DISCARD or CANCEL for unsaved work."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"Save the changes to \u201c{name}\u201d before closing it?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText("If you don't save, the changes since the last save are lost.")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def confirm_export(parent: QWidget | None, lines: list[str]) -> bool:
    """Say what an export will leave out or lacks; True to export anyway, False to go back and fix it."""
    box = QMessageBox(QMessageBox.Icon.Information, "Before exporting",
                      "The exported brief will differ from the outline:", QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("exportReport")
    box.setInformativeText("\n\n".join(lines))
    export = box.addButton("Export Anyway", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(export)
    box.exec()
    return box.clickedButton() is export


def show_error(parent: QWidget | None, message: str, title: str = "Briefing") -> None:
    """A warning box with one message (the one-line text of a BriefingError)."""
    QMessageBox.warning(parent, title, message)


def choose_open_path(parent: QWidget | None, folder: str = "") -> str | None:
    """An article or a brief file to open; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, "Open an article or a brief", folder, OPEN_FILTER)
    return path or None


def choose_article_path(parent: QWidget | None, folder: str = "") -> str | None:
    """An article to add as a further source; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, "Add a source to the brief", folder, ARTICLE_FILTER)
    return path or None


def choose_save_path(parent: QWidget | None, suggestion: str) -> str | None:
    """Where to save the brief, always ending in the brief suffix (a typed ".yaml" or other suffix is replaced);
    None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, "Save the brief", suggestion, SAVE_FILTER)
    if not path:
        return None
    return path if path.endswith(BRIEF_SUFFIX) else str(Path(path).with_suffix("")) + BRIEF_SUFFIX


def choose_export_path(parent: QWidget | None, suggestion: str) -> str | None:
    """Where to export, with ".docx" added when the name lacks it; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export to Word", suggestion, EXPORT_FILTER)
    if not path:
        return None
    return path if path.lower().endswith(".docx") else path + ".docx"


def choose_template(parent: QWidget | None, templates: list[Template], current_id: str = "") -> Template | None:
    """Pick one of ``templates`` by name (the current one preselected); None if cancelled."""
    if not templates:
        return None
    labels = [f"{t.name} ({t.id})" for t in templates]
    current = next((i for i, t in enumerate(templates) if t.id == current_id), 0)
    label, ok = QInputDialog.getItem(parent, "New brief", "Template for the new brief:", labels,
                                     current, False)
    if not ok:
        return None
    return templates[labels.index(label)]


def show_about(parent: QWidget | None) -> None:
    """The About box: version, what the app does, and the two ways to put facts into a brief."""
    QMessageBox.about(
        parent, "About Briefing",
        f"<h3>Briefing {_version}</h3><p>Compose structured Word briefs from news articles. Every fact in a "
        "brief keeps the exact words and place of its source, and the export cites it.</p>"
        "<p>Drag facts from the list (or any selected text from the article) into the sections of the "
        "outline; press Ctrl+1\u20269 to send the selected facts to a section.</p>")


class TemplateFormatDialog(QDialog):
    """The template schema, annotated, followed by a bundled template as a working example."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateFormatDialog")
        self.setWindowTitle("Template format")
        self.resize(720, 640)
        text = QPlainTextEdit(self)
        text.setObjectName("templateFormatText")
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        text.setPlainText(template_format_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        intro = QLabel("Templates shape a brief: its header fields and its sections. Write your own in YAML:")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.text = text


def template_format_text() -> str:
    """The annotated schema and the default template's own YAML."""
    from briefing.template.registry import (
        DEFAULT_TEMPLATE_ID,
        find_template_or_none,
        user_template_dir,
    )

    schema = TEMPLATE_SCHEMA.format(folder=user_template_dir())
    template = find_template_or_none(DEFAULT_TEMPLATE_ID)
    example = ""
    if template is not None and template.path:
        try:
            example = Path(template.path).read_text(encoding="utf-8")
        except OSError:
            example = ""
    return schema + "\n" + example

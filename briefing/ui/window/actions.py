"""Every command of the window as a QAction (named, with its shortcut and icon) and the menus and toolbar
that show them. The window supplies the slots; this module only says what exists and where it appears."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from briefing.core.template import CITATION_STYLES
from briefing.storage.paths import ICONS_DIR
from briefing.ui.models.brief_edits import MAX_NUMBERED_SECTIONS
from briefing.ui.window.office import STYLE_LABELS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

SK = QKeySequence.StandardKey


def icon(theme: str, fallback: str) -> QIcon:
    """A theme icon where the desktop has one, else our SVG of that file name.

    Our own SVGs rather than the style's standard icons: asking the style for one makes PySide build its
    QStyle class with all its enums, about a tenth of what the window costs to open."""
    path = ICONS_DIR / fallback
    return QIcon.fromTheme(theme, QIcon(str(path)) if path.is_file() else QIcon())


@dataclass
class WindowActions:
    """The window's actions by purpose; ``by_name`` finds any of them by objectName."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    section_actions: list[QAction] = field(default_factory=list)  # Ctrl+1..9
    template_group: QActionGroup | None = None
    recent_menu: QMenu | None = None
    template_menu: QMenu | None = None
    section_menu: QMenu | None = None
    view_menu: QMenu | None = None
    toolbar: QToolBar | None = None
    citation_menu: QMenu | None = None
    citation_group: QActionGroup | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]


def make_action(window: QMainWindow, actions: WindowActions, name: str, text: str,
                slot: Callable[[], object] | None = None, shortcut: QKeySequence | SK | str | None = None,
                icon_: QIcon | None = None, tip: str = "", checkable: bool = False) -> QAction:
    """A window-wide action, registered by ``name`` in ``actions``; the tooltip names its shortcut, and the
    shortcut works even when no menu shows the action."""
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        if isinstance(shortcut, SK):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(QKeySequence(shortcut))
    if icon_ is not None:
        action.setIcon(icon_)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                          if not action.shortcut().isEmpty() else tip)
    action.setCheckable(checkable)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even when a menu is hidden or rebuilt
    actions.by_name[name] = action
    return action


def build_actions(window) -> WindowActions:  # noqa: ANN001 - MainWindow (avoids an import cycle)
    """Create the actions, menus and toolbar of ``window`` (a MainWindow)."""
    a = WindowActions()
    w = window
    mk = make_action
    mk(w, a, "actionNew", "&New Brief from Template\u2026", w.new_brief_interactive, SK.New,
       icon("document-new", "new-brief.svg"), "Start an empty brief from a template")
    mk(w, a, "actionOpen", "&Open\u2026", w.sources.open_interactive, SK.Open,
       icon("document-open", "open.svg"),
       "Open articles (text, web page, Word, PDF; several at once) as a new brief, or a saved brief")
    mk(w, a, "actionOpenFolder", "Open &Folder\u2026", w.sources.open_folder_interactive, "Ctrl+Alt+O",
       tip="Bring in every article of a folder")
    mk(w, a, "actionOpenUrl", "Open &URL\u2026", w.sources.open_url_interactive, "Ctrl+L",
       tip="Fetch a news article from the web")
    mk(w, a, "actionAddSource", "&Add Source\u2026", w.add_source_interactive, "Ctrl+Shift+O",
       icon("list-add", "add-source.svg"), "Add another article to this brief")
    mk(w, a, "actionSave", "&Save", w.save_interactive, SK.Save,
       icon("document-save", "save.svg"), "Save the brief")
    mk(w, a, "actionSaveAs", "Save &As\u2026", w.save_as_interactive, "Ctrl+Shift+S",
       icon("document-save-as", "save-as.svg"), "Save the brief under another name")
    mk(w, a, "actionExport", "&Export to Word\u2026", w.export_interactive, "Ctrl+E",
       icon("x-office-document", "export-word.svg"), "Write the brief as a Word document")
    mk(w, a, "actionExportPdf", "Export as &PDF\u2026", w.office.export_pdf_interactive, "Ctrl+Shift+E",
       tip="Write the brief as a PDF (through LibreOffice)")
    mk(w, a, "actionCitationTemplate", "As the &Template Says", lambda: w.office.set_style(None),
       tip="Cite as the brief's template says", checkable=True)
    for style in CITATION_STYLES:
        mk(w, a, f"actionCitation_{style}", STYLE_LABELS[style], lambda s=style: w.office.set_style(s),
           tip=f"Cite the sources in the {style} style in Word, PDF, the preview and copies", checkable=True)
    mk(w, a, "actionCopyBrief", "Copy &Brief", w.office.copy_brief, "Ctrl+Shift+C",
       tip="Put the whole brief on the clipboard, formatted and as plain text, with its citations")
    copy = mk(w, a, "actionCopy", "&Copy", w.office.copy_selection, SK.Copy,
              tip="Copy the selected facts of the brief with their citations")
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # Ctrl+C elsewhere copies text
    mk(w, a, "actionNextCorroborating", "Next &Corroborating Sentence", w.claims.next_corroborating, "Ctrl+J",
       tip="Show another source's sentence reporting the current fact")
    mk(w, a, "actionCloseBrief", "&Close Brief", w.close_brief_interactive, SK.Close,
       tip="Close this brief and start over with an empty window")
    mk(w, a, "actionQuit", "&Quit", w.close, SK.Quit, icon("application-exit", "quit.svg"),
       "Quit Briefing")

    stack = w.undo_stack
    undo = stack.createUndoAction(w, "&Undo")
    undo.setObjectName("actionUndo")
    undo.setShortcuts(SK.Undo)
    undo.setIcon(icon("edit-undo", "undo.svg"))
    redo = stack.createRedoAction(w, "&Redo")
    redo.setObjectName("actionRedo")
    redo.setShortcuts(SK.Redo)
    redo.setIcon(icon("edit-redo", "redo.svg"))
    for action in (undo, redo):
        w.addAction(action)
        a.by_name[action.objectName()] = action

    delete = mk(w, a, "actionDelete", "&Remove from Brief", w.delete_selected, SK.Delete,
                icon("edit-delete", "delete.svg"), "Take the selected facts out of the brief")
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # Delete in a text field edits it
    delete_fact = mk(w, a, "actionDeleteFact", "Delete &Fact", w.delete_selected_facts, "Shift+Del",
                     icon("edit-delete", "delete.svg"), "Delete the selected facts you added yourself")
    delete_fact.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only in the fact list
    reword = mk(w, a, "actionReword", "Re&word", w.reword_selected, "F2",
                tip="Reword the selected fact (its original stays on record)")
    reword.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    mk(w, a, "actionFind", "&Find Facts", w.focus_filter, SK.Find, icon("edit-find", "find.svg"),
       "Filter the facts by words, speaker, people and places")
    mk(w, a, "actionClearFilters", "Show &All Facts", w.clear_filters, "Ctrl+Shift+F",
       tip="Clear the text, kind and entity filters")
    mk(w, a, "actionAddSelection", "Add Se&lection as Fact", w.add_selection_as_fact, "Ctrl+Shift+A",
       icon("format-text-underline", "add-fact.svg"), "Add the text selected in the article as a fact")
    mk(w, a, "actionAutoDraft", "Auto-&draft", w.auto_draft, "Ctrl+Shift+D",
       icon("tools-wizard", "auto-draft.svg"), "Let Briefing place facts where the template suggests")
    mk(w, a, "actionMoveUp", "Move &Up", lambda: w.move_selected(-1), "Alt+Up",
       icon("go-up", "move-up.svg"), "Move the selected fact up")
    mk(w, a, "actionMoveDown", "Move Do&wn", lambda: w.move_selected(1), "Alt+Down",
       icon("go-down", "move-down.svg"), "Move the selected fact down")
    for n in range(1, MAX_NUMBERED_SECTIONS + 1):
        a.section_actions.append(mk(w, a, f"actionAddToSection{n}", f"Section {n}",
                                    lambda n=n: w.send_to_section(n), f"Ctrl+{n}"))

    mk(w, a, "actionAbout", "&About Briefing", w.show_about, icon_=icon("help-about", "about.svg"))
    mk(w, a, "actionTemplateFormat", "&Template Format", w.show_template_format, SK.HelpContents,
       icon("help-contents", "help.svg"), "How to write a briefing template")

    _build_menus(w, a)
    _build_toolbar(w, a)
    return a


def _build_menus(w, a: WindowActions) -> None:  # noqa: ANN001
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.setObjectName("menuFile")
    file_menu.addActions([a["actionNew"], a["actionOpen"], a["actionOpenFolder"], a["actionOpenUrl"],
                          a["actionAddSource"]])
    a.recent_menu = file_menu.addMenu("Open &Recent")
    a.recent_menu.setObjectName("menuRecent")
    a.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a["actionSave"], a["actionSaveAs"], a["actionExport"], a["actionExportPdf"]])
    a.citation_menu = file_menu.addMenu("Citation &Style")
    a.citation_menu.setObjectName("menuCitationStyle")
    a.citation_group = QActionGroup(w)
    a.citation_group.setExclusive(True)
    for name in ("actionCitationTemplate", *(f"actionCitation_{s}" for s in CITATION_STYLES)):
        a.citation_group.addAction(a[name])
        a.citation_menu.addAction(a[name])
    file_menu.addSeparator()
    file_menu.addActions([a["actionCloseBrief"], a["actionQuit"]])

    edit = bar.addMenu("&Edit")
    edit.setObjectName("menuEdit")
    edit.addActions([a["actionUndo"], a["actionRedo"]])
    edit.addSeparator()
    edit.addActions([a["actionCopy"], a["actionCopyBrief"]])
    edit.addSeparator()
    edit.addActions([a["actionFind"], a["actionClearFilters"]])
    edit.addSeparator()
    edit.addActions([a["actionAddSelection"], a["actionDeleteFact"], a["actionAutoDraft"],
                     a["actionNextCorroborating"]])
    a.section_menu = edit.addMenu("Add to &Section")
    a.section_menu.setObjectName("menuAddToSection")
    a.section_menu.addActions(a.section_actions)
    edit.addSeparator()
    edit.addActions([a["actionMoveUp"], a["actionMoveDown"], a["actionReword"], a["actionDelete"]])

    a.template_menu = bar.addMenu("&Template")
    a.template_menu.setObjectName("menuTemplate")
    a.template_menu.aboutToShow.connect(w.fill_template_menu)
    a.template_group = QActionGroup(w)
    a.template_group.setExclusive(True)

    a.view_menu = bar.addMenu("&View")
    a.view_menu.setObjectName("menuView")

    help_menu = bar.addMenu("&Help")
    help_menu.setObjectName("menuHelp")
    help_menu.addActions([a["actionTemplateFormat"], a["actionAbout"]])


def _build_toolbar(w, a: WindowActions) -> None:  # noqa: ANN001
    bar = QToolBar("Main toolbar", w)
    bar.setObjectName("mainToolbar")
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("actionOpen", "actionAddSource", "actionSave", "actionExport", None, "actionUndo", "actionRedo",
                 None, "actionAddSelection", "actionAutoDraft"):
        if name is None:
            bar.addSeparator()
        else:
            bar.addAction(a[name])
    for name in ("actionAddSource", "actionSave", "actionUndo", "actionRedo"):
        button = bar.widgetForAction(a[name])
        if button is not None:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    w.addToolBar(bar)
    a.toolbar = bar

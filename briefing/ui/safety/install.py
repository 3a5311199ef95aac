"""Wiring the safety net into a window: log file, autosave, crash hook, and the offer to restore at start.

``install_safety(window, interactive=True)`` is the one call the app makes; scripts and tests pass
``interactive=False`` (no dialogs) and use ``pending_recoveries`` and ``restore_recovery`` themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing.core.brief import Brief
from briefing.core.errors import BriefingError
from briefing.startup.logs import logger, setup_logging
from briefing.ui.safety.autosave import Autosaver
from briefing.ui.safety.crash import CrashHandler, show_crash_box
from briefing.ui.safety.recovery_files import (
    RecoveryInfo,
    adopt_legacy_recoveries,
    discard_recovery,
    pending_recoveries,
    read_recovery_info,
)

if TYPE_CHECKING:
    from briefing.ui.window.main_window import MainWindow

RESTORE, DISCARD, LATER = "restore", "discard", "later"
AskRestore = Callable[[QWidget | None, RecoveryInfo], str]
_log = logger("ui.safety.install")


def ask_restore(parent: QWidget | None, info: RecoveryInfo) -> str:
    """RESTORE, DISCARD or LATER, asked in a message box."""
    when = info.saved_at.astimezone().strftime("%d %b %Y, %H:%M")
    box = QMessageBox(QMessageBox.Icon.Question, "Restore unsaved work?",
                      f"Briefing did not close properly last time. Restore the unsaved changes to "
                      f"\u201c{info.name}\u201d, autosaved {when}?", QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText("Discard deletes the autosaved copy. Not Now keeps it for the next start "
                           f"(it is in {info.path.parent}).")
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if clicked is restore else DISCARD if clicked is discard else LATER


def restore_recovery(window: MainWindow, path: str | Path, autosaver: Autosaver | None = None) -> Brief:
    """Open recovery file ``path`` as the unsaved state of the brief it came from, then drop the old copy.

    The window shows the brief under its original file name (if it had one) with unsaved changes, so Save
    writes where the analyst expects; the recovery copy is rewritten for this session before the old one is
    deleted, so there is no moment without one. Raises ``BriefingError`` for a damaged recovery file.
    """
    from briefing.storage.brief_file import load_brief

    path = Path(path)
    info = read_recovery_info(path)
    brief = load_brief(path)
    window.set_brief(brief, info.brief_path)
    window.undo_stack.resetClean()  # the restored work is not saved anywhere but in the recovery folder
    window.update_title()
    if autosaver is not None and autosaver.save_now() is None:
        _log.warning("restored %s but could not autosave it again; keeping it", path)
        return brief
    discard_recovery(path)
    _log.info("restored %s", path)
    return brief


def offer_recovery(window: MainWindow, autosaver: Autosaver | None = None,
                   ask: AskRestore | None = None) -> Path | None:
    """Offer each pending recovery file, newest first, until one is restored or the person says Not Now.

    ``ask`` defaults to the message box ``ask_restore``. Returns the recovery file restored, or None.
    """
    ask = ask if ask is not None else ask_restore
    adopt_legacy_recoveries()  # a copy left in the folder older versions used is offered too
    for path in pending_recoveries():
        info = read_recovery_info(path)
        answer = ask(window, info)
        if answer == RESTORE:
            try:
                restore_recovery(window, path, autosaver)
            except BriefingError as err:
                window.report_error(f"the autosaved copy cannot be restored: {err}")
                continue
            return path
        if answer == DISCARD:
            discard_recovery(path)
            _log.info("discarded %s", path)
            continue
        return None
    return None


def install_safety(window: MainWindow, *, interactive: bool, show: Callable[[QWidget | None, str], None] | None = None,
                   offer: bool | None = None) -> Autosaver:
    """Log to the platform log folder, autosave ``window``, catch unexpected exceptions, and (``offer``,
    default: when ``interactive``) offer pending recovery files once the event loop runs.

    ``show`` overrides the crash dialog (default: a message box when ``interactive``, nothing otherwise).
    The crash handler is ``autosaver.crash_handler``; both live as long as the window.
    """
    setup_logging()
    autosaver = Autosaver(window)
    handler = CrashHandler(window, save_recovery=autosaver.save_now, show=show if show is not None
                           else (show_crash_box if interactive else None))
    handler.install()
    window.destroyed.connect(handler.uninstall)
    autosaver.crash_handler = handler
    if interactive if offer is None else offer:
        # After the files given on the command line have opened: a restore replaces them.
        QTimer.singleShot(0, window, lambda: offer_recovery(window, autosaver))
    return autosaver

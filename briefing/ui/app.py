"""Starting the desktop app: the QApplication with its name and icon, the window, the files to open."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from briefing.startup.collector import resume_collection
from briefing.startup.display import EXIT_NO_DISPLAY, NO_DISPLAY, has_display
from briefing.startup.prefetch import BACKGROUND, BRIEF, opening_plan
from briefing.storage.paths import ICONS_DIR, SAMPLE_ARTICLE
from briefing.ui.window.settings import APPLICATION, ORGANIZATION

APP_ICON = ICONS_DIR / "briefing.svg"
__all__ = ["EXIT_NO_DISPLAY", "NO_DISPLAY", "has_display", "make_application", "open_files", "run_app"]

if TYPE_CHECKING:
    from briefing.startup.prefetch import Prefetch


def make_application(argv: Sequence[str] | None = None):  # noqa: ANN201 - QApplication (imported lazily)
    """The running QApplication, created with Briefing's names and icon if there is none yet."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("briefing")
    if APP_ICON.is_file():
        app.setWindowIcon(QIcon(str(APP_ICON)))
    return app


def open_files(window, paths: Sequence[str]) -> None:  # noqa: ANN001 - MainWindow
    """Open the first file (a brief, or an article as a new brief) and add the other articles to it.

    Articles are read before the window shows, unless one is long: from there on they are read in the
    background, in order, with progress and Cancel in the status bar (``opening_plan``)."""
    from briefing.ui.window.file_handling import ADD, NEW

    for n, (path, how) in enumerate(opening_plan(paths)):
        if how == BRIEF or (n == 0 and how != BACKGROUND):
            window.guarded(window.open_path, path)
        elif how == BACKGROUND:
            window.start_extraction(path, NEW if n == 0 else ADD, opening=True)
        else:
            window.guarded(window.add_source_path, path)
    window.undo_stack.setClean()  # what the app opened with is the starting point, not an edit


def run_app(paths: list[str], prefetch: Prefetch | None = None) -> int:
    """Show the composer on ``paths`` (default: the bundled sample article) and run until it closes;
    ``prefetch`` holds those articles if they were read while Qt loaded."""
    try:
        if not has_display():
            print(f"briefing: {NO_DISPLAY}", file=sys.stderr)
            return EXIT_NO_DISPLAY
        from briefing.ui.window.main_window import MainWindow

        app = make_application()
        window = MainWindow(interactive=True)
        files = [str(Path(p)) for p in paths] or [str(SAMPLE_ARTICLE)]
        window.prefetch = prefetch
        open_files(window, files)  # before show: the window is laid out once, with its article
        window.prefetch = None
        window.show()
    finally:
        if prefetch is not None:
            prefetch.close()  # what was not handed over (a file changed since, a failed open) is let go
    window.after_first_paint(lambda: _install_safety(window))
    window.after_first_paint(resume_collection)
    window.after_first_paint(window.model_reader.enable)  # names and speakers from the model, off the GUI thread
    return app.exec()


def _install_safety(window) -> None:  # noqa: ANN001 - MainWindow
    from briefing.ui.safety.install import install_safety

    install_safety(window, interactive=True)  # log file, autosave, crash dialog, then the offer to restore

"""Child process, the start-up reference: a bare PySide6 QMainWindow holding a QListView and a QTreeView."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QSplitter, QTreeView

from benchmarks import probe


def main() -> int:
    app = QApplication(sys.argv[:1])
    probe.install(app)
    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(QListView())
    splitter.addWidget(QTreeView())
    window.setCentralWidget(splitter)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

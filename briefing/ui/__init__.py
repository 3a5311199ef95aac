"""The desktop app: the only package that imports PySide6; its Qt models mirror the core Brief.

``window/`` holds the main window and its controllers, ``panes/`` the widgets it shows, ``models/`` the Qt
models, undo commands and drag payloads over the domain, and ``safety/`` autosave, crash handling and recovery.
"""

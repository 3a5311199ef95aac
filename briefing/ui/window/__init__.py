"""The main window and what it owns: file and edit handling, actions and menus, dialogs, settings."""

"""The desktop app: the only package that imports PySide6; Qt models here mirror the core Brief."""

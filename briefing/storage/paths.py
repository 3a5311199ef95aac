"""Where Briefing's bundled data lives (inside the installed wheel, or at the top of a source checkout), and
how a brief file is told from an article by its name."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # briefing/


def _data_dir(name: str) -> Path:
    bundled = _PACKAGE / "_data" / name  # a wheel install: force-included by pyproject.toml
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name  # a source checkout or an editable install


TEMPLATES_DIR = _data_dir("templates")
RESOURCES_DIR = _data_dir("resources")
SAMPLE_ARTICLE = RESOURCES_DIR / "psm-russia.txt"
ICONS_DIR = RESOURCES_DIR / "icons"
BRIEF_SUFFIX = ".brief.yaml"  # the dialogs' file filters use this too


def is_brief_file(path: str | Path) -> bool:
    """Whether a path names a brief file (by its suffix, any case) rather than an article."""
    return str(path).lower().endswith(BRIEF_SUFFIX)

"""Where Briefing's files live: its bundled data (inside the installed wheel, or at the top of a source checkout),
the analyst's own folders (settings, templates, recovery copies, logs), and how a brief file is told by its name."""

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


# ---------------------------------------------------------------- the analyst's own folders, one scheme
# Every per-user place follows platformdirs' conventions under one name, so the README's table is one column of
# truth: on Linux ~/.config/briefing (settings.ini, templates/), ~/.local/share/briefing (recovery/) and
# ~/.local/state/briefing/log, each following its XDG variable.
APP_DIR_NAME = "briefing"
SETTINGS_FILE = "settings.ini"


def user_config_dir() -> Path:
    """Settings and the analyst's templates (``$XDG_CONFIG_HOME/briefing`` on Linux); not created here."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def user_template_dir() -> Path:
    """Where the analyst keeps their own templates (``~/.config/briefing/templates`` on Linux)."""
    return user_config_dir() / "templates"


def settings_path() -> Path:
    """The app's settings file (window layout, recent files, last template)."""
    return user_config_dir() / SETTINGS_FILE


def recovery_dir() -> Path:
    """Autosaved recovery copies (``$XDG_DATA_HOME/briefing/recovery`` on Linux); not created here."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / "recovery"


def log_dir() -> Path:
    """The log folder (``$XDG_STATE_HOME/briefing/log`` on Linux); not created here."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))

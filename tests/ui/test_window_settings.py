"""What the window remembers: recent files (ten at most, vanished ones pruned), splitter sizes and
geometry, the last template; all in an INI file that tests point at a temporary folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from briefing.storage.paths import SAMPLE_ARTICLE
from briefing.template.registry import DEFAULT_TEMPLATE_ID, available_templates
from briefing.ui.window.main_window import MainWindow
from briefing.ui.window.settings import MAX_RECENT, RecentFiles, app_settings
from tests.ui.conftest import shown_window


def touch(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("x", encoding="utf-8")
    return path


def test_recent_files_put_the_latest_first_without_repeats(settings: QSettings, tmp_path: Path):
    recent = RecentFiles(settings)
    a, b = touch(tmp_path, "a.txt"), touch(tmp_path, "b.txt")
    recent.add(a)
    recent.add(b)
    recent.add(a)
    assert recent.paths() == [str(a.resolve()), str(b.resolve())]


def test_recent_files_keep_at_most_ten(settings: QSettings, tmp_path: Path):
    recent = RecentFiles(settings)
    files = [touch(tmp_path, f"{n}.txt") for n in range(MAX_RECENT + 3)]
    for path in files:
        recent.add(path)
    assert recent.paths() == [str(p.resolve()) for p in reversed(files)][:MAX_RECENT]


def test_recent_files_that_vanished_are_pruned(settings: QSettings, tmp_path: Path):
    recent = RecentFiles(settings)
    keep, gone = touch(tmp_path, "keep.txt"), touch(tmp_path, "gone.txt")
    recent.add(keep)
    recent.add(gone)
    gone.unlink()
    assert recent.paths() == [str(keep.resolve())]
    assert RecentFiles(settings).paths() == [str(keep.resolve())]


def test_opening_a_file_adds_it_to_the_recent_menu(qtbot, settings: QSettings):
    window = shown_window(qtbot, settings)
    window.open_path(SAMPLE_ARTICLE)
    qtbot.waitUntil(lambda: window.recent.paths() != [], timeout=3000)  # at once, or after the first paint
    window.fill_recent_menu()
    labels = [a.text() for a in window.window_actions.recent_menu.actions()]
    assert any(SAMPLE_ARTICLE.name in label for label in labels)


def test_a_file_opened_before_the_window_shows_joins_the_recent_files_once_it_shows(qtbot, tmp_path: Path):
    """The file the app starts on costs its first paint no settings write (a locked, synced file)."""
    ini = tmp_path / "s.ini"
    window = MainWindow(settings=QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_path(SAMPLE_ARTICLE)
    qtbot.wait(50)  # the event loop runs (QSettings would write a changed value from it)
    on_disk = lambda: ini.read_text(encoding="utf-8") if ini.exists() else ""  # noqa: E731 - not Qt's shared cache
    assert SAMPLE_ARTICLE.name not in on_disk() and window.recent.paths() == []
    window.show()
    qtbot.waitUntil(lambda: SAMPLE_ARTICLE.name in on_disk(), timeout=3000)
    assert window.recent.paths() == [str(SAMPLE_ARTICLE.resolve())]
    other = touch(tmp_path, "later.txt")
    window.remember_recent(other)  # once on screen, at once
    assert "later.txt" in on_disk()


def test_splitter_sizes_and_geometry_are_remembered(qtbot, settings: QSettings):
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)  # within the offscreen screen, so restoring needs no clamping
    splitter = first.panes.main_splitter
    splitter.setSizes([300, 200, 260])
    sizes = splitter.sizes()
    first.close()
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.panes.main_splitter.sizes() == sizes
    assert second.size() == first.size()


def test_the_last_template_is_the_default_for_the_next_brief(qtbot, settings: QSettings):
    other = next(t for t in available_templates() if t.id != DEFAULT_TEMPLATE_ID)
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.new_brief(other)
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    assert second.default_template().id == other.id
    assert second.new_brief().template_id == other.id


def test_app_settings_live_under_the_xdg_config_folder():
    import os

    path = Path(app_settings().fileName())
    assert path.suffix == ".ini"
    assert str(path).startswith(os.environ["XDG_CONFIG_HOME"])


def test_settings_kept_where_older_versions_wrote_them_are_carried_over_once():
    from PySide6.QtCore import QSettings

    from briefing.storage.paths import settings_path
    from briefing.ui.window.settings import legacy_settings_path

    new, old = settings_path(), legacy_settings_path()
    assert new != old
    new.unlink(missing_ok=True)
    old.parent.mkdir(parents=True, exist_ok=True)
    legacy = QSettings(str(old), QSettings.Format.IniFormat)
    legacy.setValue("lastTemplate", "uk-submission")
    legacy.sync()
    try:
        assert app_settings().value("lastTemplate") == "uk-submission"
        assert Path(app_settings().fileName()) == new
        moved = QSettings(str(new), QSettings.Format.IniFormat)
        moved.setValue("lastTemplate", "intelligence-bluf")
        moved.sync()
        assert app_settings().value("lastTemplate") == "intelligence-bluf"  # copied once, not again
    finally:
        old.unlink(missing_ok=True)
        new.unlink(missing_ok=True)

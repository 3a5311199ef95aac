"""The log: in the platform log folder, rotating, never the reason the app fails; the CLI logs every error."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from safety_helpers import Home, run_briefing

from briefing import cli
from briefing.startup.logs import log_path, logger, setup_logging


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_the_log_file_is_in_the_xdg_state_folder_and_created_on_the_first_record(home: Home):
    path = setup_logging()
    assert path == log_path() == home.log_file
    assert not path.exists()
    logger("ui").warning("the preview could not be drawn")
    _flush()
    line = path.read_text(encoding="utf-8").strip()
    assert line.endswith("WARNING briefing.ui: the preview could not be drawn")


def test_the_log_rotates_keeping_a_capped_number_of_old_files(home: Home):
    path = setup_logging(max_bytes=2_000, backups=2)
    log = logger("test")
    for n in range(200):
        log.info("record %03d %s", n, "x" * 60)
    _flush()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["briefing.log", "briefing.log.1", "briefing.log.2"]
    assert all((path.parent / name).stat().st_size <= 2_000 for name in names)
    assert "record 199" in path.read_text(encoding="utf-8")
    assert "record 000" not in "".join((path.parent / n).read_text(encoding="utf-8") for n in names)


def test_setting_up_twice_keeps_one_handler_and_follows_a_moved_state_folder(home: Home, tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch):
    first = setup_logging()
    setup_logging()
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_briefing_log_handler", False)]
    assert len(ours) == 1
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "elsewhere"))
    second = setup_logging()
    assert second == tmp_path / "elsewhere" / "briefing" / "log" / "briefing.log" != first
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_briefing_log_handler", False)]
    assert [Path(h.baseFilename) for h in ours] == [second]


def test_an_unwritable_log_folder_does_not_stop_the_app(home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    path = setup_logging()
    logger().error("nowhere to go")  # must not raise
    assert path.parent.parent.parent == blocker and not path.exists()


def test_a_bug_in_a_command_is_one_line_on_stderr_exit_1_and_a_traceback_in_the_log(home: Home, capsys,
                                                                                     monkeypatch: pytest.MonkeyPatch):
    def broken(_args):
        return {}["missing key"]

    monkeypatch.setitem(cli.COMMANDS, "templates", broken)
    assert cli.main(["templates"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err == f"briefing: internal error: 'missing key' (details in {home.log_file})\n"
    _flush()
    log = home.log_file.read_text(encoding="utf-8")
    assert "ERROR briefing.cli: internal error\nTraceback (most recent call last):" in log
    assert "KeyError: 'missing key'" in log


def test_a_persons_error_is_logged_too_but_stderr_has_only_the_message(home: Home, tmp_path: Path):
    result = run_briefing(["extract", str(tmp_path / "nowhere.txt")], home)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    log = home.log_file.read_text(encoding="utf-8")
    assert f"WARNING briefing.cli: refused: {result.stderr.removeprefix('briefing: error: ').strip()}" in log
    assert "INFO briefing.cli: briefing " in log and "extract" in log


def test_a_crash_in_a_subprocess_names_the_log_and_keeps_the_traceback_out_of_the_terminal(home: Home):
    code = ("import sys; from briefing import cli\n"
            "cli.COMMANDS['templates'] = lambda args: 1 / 0\n"
            "sys.exit(cli.main(['templates']))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=home.env, timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"briefing: internal error: division by zero (details in {home.log_file})\n"
    assert "ZeroDivisionError: division by zero" in home.log_file.read_text(encoding="utf-8")


def test_records_below_info_are_not_written(home: Home):
    setup_logging()
    logger().debug("chatter")
    logger().info("worth keeping")
    _flush()
    text = home.log_file.read_text(encoding="utf-8")
    assert "worth keeping" in text and "chatter" not in text
    assert logger().level == logging.INFO

"""One rotating log file per user, so a crash or an odd failure leaves a traceback someone can send us.

The log lives in the platform's log folder (``platformdirs.user_log_dir``): on Linux
``$XDG_STATE_HOME/briefing/log`` (default ``~/.local/state/briefing/log``), on macOS
``~/Library/Logs/briefing``, on Windows ``%LOCALAPPDATA%\\briefing\\Logs``. It is capped (1 MB x 5 old
files). Logging must never be the reason the app fails: if the folder cannot be made, logging goes nowhere
and ``setup_logging`` still returns where the log would have been.

The app opens its window before it sets up the file (``hold_records`` first, ``setup_logging`` after the
first paint); records made in between are kept by a ``MemoryHandler`` and written when the file handler arrives.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from briefing.storage.paths import log_dir

LOGGER_NAME = "briefing"
LOG_FILE = "briefing.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_HANDLER_MARK = "_briefing_log_handler"
_HELD_MARK = "_briefing_held_records"


def log_path() -> Path:
    """The current log file (older ones are ``briefing.log.1`` ... ``.5`` beside it)."""
    return log_dir() / LOG_FILE


def logger(name: str = "") -> logging.Logger:
    """Briefing's logger, or a child of it (``logger("ui.crash")`` -> ``briefing.ui.safety.crash``)."""
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)


def _installed(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]


HELD_CAPACITY = 10_000  # records kept before the log file exists; a start-up makes a handful


def _holders(root: logging.Logger) -> list[logging.handlers.MemoryHandler]:
    return [h for h in root.handlers if isinstance(h, logging.handlers.MemoryHandler) and getattr(h, _HELD_MARK, False)]


def hold_records(*, level: int = logging.INFO) -> None:
    """Keep Briefing's records (``level`` and up) and other libraries' warnings until ``setup_logging`` gives
    them a file: a ``MemoryHandler`` with no target yet, which flushes nowhere and so keeps everything."""
    logger().setLevel(level)
    root = logging.getLogger()
    if not _holders(root):
        holder = logging.handlers.MemoryHandler(HELD_CAPACITY, flushLevel=logging.CRITICAL + 1, target=None)
        setattr(holder, _HELD_MARK, True)
        root.addHandler(holder)


def held_records() -> list[logging.LogRecord]:
    """The records kept so far by ``hold_records``, oldest first."""
    return [r for h in _holders(logging.getLogger()) for r in h.buffer]


def portable(record: logging.LogRecord) -> logging.LogRecord:
    """``record`` with its message and traceback as text, so it can be pickled to another process."""
    record.msg, record.args = record.getMessage(), None
    if record.exc_info:
        record.exc_text = record.exc_text or logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    return record


def replay(records: list[logging.LogRecord]) -> None:
    """Log records made in another process (the one reading the opening articles) as if made here."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def setup_logging(*, level: int = logging.INFO, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> Path:
    """Send Briefing's records (``level`` and up) and other libraries' warnings to the rotating file in
    ``log_dir()``; returns its path.

    Idempotent: a second call keeps the handler unless the log folder changed (a test moving
    XDG_STATE_HOME), in which case the old handler is closed and replaced. The file is created on the
    first record, not before.
    """
    path = log_path()
    logger().setLevel(level)
    # On the root logger: libraries' warnings (pypdf's "EOF marker not found"...) go to the file too,
    # instead of Python's last-resort handler printing them as extra lines on stderr.
    root = logging.getLogger()
    held = held_records()
    for h in _holders(root):
        root.removeHandler(h)
        h.close()
    for handler in _installed(root):
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path \
                and handler.maxBytes == max_bytes and handler.backupCount == backups:
            _replay(handler, held)
            return path
        root.removeHandler(handler)
        handler.close()
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                                       encoding="utf-8", delay=True)
    except OSError:
        handler = logging.NullHandler()  # an unwritable home: run without a log rather than not at all
    handler.setFormatter(logging.Formatter(FORMAT))
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    _replay(handler, held)
    return path


def _replay(handler: logging.Handler, records: list[logging.LogRecord]) -> None:
    for record in records:
        if record.levelno >= handler.level:
            handler.handle(record)


def one_line(err: BaseException) -> str:
    """An exception as one line a person can read: its message, else its type's name."""
    text = " ".join(str(err).split())
    return text or type(err).__name__

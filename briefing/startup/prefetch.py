"""The articles the app opens with, read in a second process while the window's toolkit loads.

Opening the app is two independent halves of similar cost: importing Qt and building the window, and
importing the extractors and reading the article. Forked before Qt is imported, the
second half runs on another core. Whatever goes wrong there (a file that cannot be read, a file changed
since, a second process that dies, or sends nothing within ``DEADLINE_S``) only means nothing is prefetched
for that file: the window then reads it itself, exactly as without a prefetch, errors included. Where fork
is missing or unwise (Windows; macOS, whose system frameworks do not survive a fork; a single core) nothing
is started.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

from briefing.storage.files import Stamp, file_stamp
from briefing.storage.paths import is_brief_file

if TYPE_CHECKING:
    from briefing.core.extraction import Extraction

READ_AT_START_LIMIT = 500_000  # bytes of a text or web page file: a longer one is read after the window shows
PACKED_READ_AT_START_LIMIT = 125_000  # bytes of a .docx or .pdf, whose text can be several times its size
PACKED_SUFFIXES = (".docx", ".pdf")
DEADLINE_S = 30.0  # a second process that has sent nothing by then is stopped, and the app reads the files


def read_at_start(path: str | os.PathLike[str]) -> bool:
    """Whether an article is read before the window first shows (a news article: milliseconds) rather than
    in the background (a long report: seconds). A file that cannot be sized is left to the reader to report."""
    limit = PACKED_READ_AT_START_LIMIT if os.fspath(path).lower().endswith(PACKED_SUFFIXES) else READ_AT_START_LIMIT
    try:
        return os.path.getsize(path) <= limit
    except OSError:
        return True


NOW, BACKGROUND, BRIEF = "now", "background", "brief"


def opening_plan(paths: Sequence[str]) -> list[tuple[str, str]]:
    """How each file the app opens with is read: ``BRIEF`` (a brief file), ``NOW`` (before the window shows)
    or ``BACKGROUND`` (after, with progress). From the first long article on, articles are read in the
    background, in order; a brief file after it would be replaced by it, so then everything is read now."""
    plan = []
    background = False
    for path in paths:
        if is_brief_file(path):
            plan.append((path, BRIEF))
        else:
            background = background or not read_at_start(path)
            plan.append((path, BACKGROUND if background else NOW))
    if background and any(how == BRIEF for _, how in plan[[h for _, h in plan].index(BACKGROUND):]):
        return [(path, BRIEF if how == BRIEF else NOW) for path, how in plan]
    return plan


def can_fork(platform: str | None = None, cores: int | None = None) -> bool:
    """Whether a second process may be forked here: Linux (and the BSDs) with more than one core."""
    platform = sys.platform if platform is None else platform
    cores = (os.cpu_count() or 1) if cores is None else cores
    return hasattr(os, "fork") and not platform.startswith(("win", "darwin", "cygwin")) and cores > 1


@dataclass
class Prefetched:
    """What the second process sends back: extractions by the path asked for."""

    extractions: dict[str, tuple[Stamp, Extraction]] = field(default_factory=dict)
    records: list = field(default_factory=list)  # what it logged (a PDF's warnings...), for the app's log file


def read_openings(paths: Sequence[str]) -> Prefetched:
    """The work of the second process: each article extracted.

    A file that fails is left out (the window reports it when it reads the file itself)."""
    from briefing.core.errors import BriefingError
    from briefing.extract.pipeline import extract_path
    from briefing.startup.logs import held_records, portable

    inherited = len(held_records())  # records the app made before the fork are still the app's to write
    found = Prefetched()
    for path in paths:
        stamp = file_stamp(path)
        if stamp is None or not read_at_start(path):
            continue
        try:
            found.extractions[path] = (stamp, extract_path(path))
        except BriefingError:
            continue
    found.records = [portable(r) for r in held_records()[inherited:]]
    return found


class Prefetch:
    """A running (or finished) second process reading the opening articles; ``take`` hands them over."""

    def __init__(self, pid: int, fd: int) -> None:
        self._pid, self._fd = pid, fd
        self._result: Prefetched | None = None
        self._collected = False  # collect() has run (its result, None or not, stands)
        self._reaped = False  # the second process has ended and been waited for

    @classmethod
    def start(cls, paths: Sequence[str],
              work: Callable[[Sequence[str]], Prefetched] = read_openings) -> Prefetch | None:
        """Fork a process running ``work(paths)``; None where forking is not possible or fails."""
        if not can_fork():
            return None
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the second process: never returns into the caller's code
            code = 1
            try:
                gc.enable()  # the app may have paused collection for its own start-up
                os.close(read_end)
                found = work(list(paths))
                payload = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(payload)
                code = 0
            finally:
                os._exit(code)  # no atexit handlers, no flushing of buffers inherited from the app
        os.close(write_end)
        return cls(pid, read_end)

    def collect(self, deadline_s: float = DEADLINE_S) -> Prefetched | None:
        """Wait (at most ``deadline_s``) for the second process and return what it read, None if it failed.
        Only the first call waits."""
        if self._collected:
            return self._result
        self._collected = True
        try:
            payload = self._read(deadline_s)
            if payload is not None and self._reap() == 0:
                self._result = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a failed prefetch means "read it yourself", never an error
            self._result = None
        finally:
            self._stop()  # no-op once it has ended; a second process past its deadline is stopped here
        if self._result is not None:
            from briefing.startup.logs import replay

            replay(self._result.records)
        return self._result

    def _read(self, deadline_s: float) -> bytes | None:
        """Everything the second process sends, or None if it sends nothing more for ``deadline_s``."""
        import selectors

        chunks = []
        with selectors.DefaultSelector() as waiting:
            waiting.register(self._fd, selectors.EVENT_READ)
            while True:
                if not waiting.select(deadline_s):
                    return None
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    return b"".join(chunks)
                chunks.append(chunk)

    def _reap(self) -> int:
        _, status = os.waitpid(self._pid, 0)
        self._reaped = True
        return os.waitstatus_to_exitcode(status)

    def _stop(self) -> None:
        """End the second process if it still runs, wait for it, and close the pipe; safe to call again."""
        if not self._reaped:
            try:
                import signal  # only here: a prefetch that ended on its own (the usual case) never needs it

                os.kill(self._pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                self._reap()
            except ChildProcessError:
                self._reaped = True
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def close(self) -> None:
        """Stop the second process if it is still running and let go of what it read."""
        self._collected = True
        self._stop()
        self._result = None

    def take(self, path: str | os.PathLike[str]) -> Extraction | None:
        """The extraction of ``path`` if it was prefetched and the file is unchanged since; handed out once."""
        found = self.collect()
        if found is None:
            return None
        entry = found.extractions.pop(os.fspath(path), None)
        if entry is None or entry[0] != file_stamp(path):
            return None
        return entry[1]

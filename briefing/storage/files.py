"""Reading a file a person named: every way it can fail becomes one line that names the file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from briefing.core.errors import BriefingError

_MB = 1024 * 1024
Stamp = tuple[int, int]  # (size, mtime_ns): what a file read earlier is compared with before it is reused


def file_stamp(path: str | os.PathLike[str]) -> Stamp | None:
    """The size and modification time of ``path``, None if it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def read_named_file(path: str | os.PathLike[str], *, what: str, limit: int | None = None,
                    error: type[BriefingError] = BriefingError) -> bytes:
    """The bytes of ``path``, or ``error`` saying why not: missing, a folder, too large, unreadable, empty.

    ``what`` names the kind of file expected ("an article file", "a brief file"); ``limit`` refuses larger
    files before reading them, so a huge file costs nothing.
    """
    target, shown = Path(path), str(path)
    folder = f"{shown} is a folder, not {what}"
    try:
        if target.is_dir():
            raise error(folder)
        size = target.stat().st_size
        if limit is not None and size > limit:
            raise error(f"{shown} is too large for {what} ({size // _MB} MB; the limit is {limit // _MB} MB)")
        data = target.read_bytes()
    except FileNotFoundError:
        raise error(f"no such file: {shown}") from None
    except PermissionError:
        raise error(f"no permission to read {shown}") from None
    except OSError as err:
        if err.errno == errno.EISDIR:
            raise error(folder) from None
        raise error(f"cannot read {shown}: {err.strerror or err}") from None
    if not data.strip():
        raise error(f"{shown} is empty, not {what}")
    return data

"""Atomic file replacement: a reader sees the old file or the complete new one, never a torn one.

A temporary file is written in the target's folder (same file system, so the rename is atomic), flushed and
fsynced, then renamed over the target. On any failure the temporary file is removed and the old file stays.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from briefing.core.errors import BriefingError


def _describe(err: OSError, path: Path) -> str:
    import errno

    if err.errno == errno.ENOSPC:
        return f"not enough disk space to write {path}"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"no permission to write {path}"
    if err.errno == errno.ENOENT:
        return f"the folder {path.parent} does not exist"
    return f"cannot write {path}: {err.strerror or err}"


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], error: type[BriefingError] = BriefingError) -> Iterator[IO[bytes]]:
    """Open a binary temporary file that replaces ``path`` when the block ends without an exception.

    ``OSError``s become ``error`` with a one-line message; the previous file is never touched on failure.
    """
    target = Path(path)
    if target.is_dir():
        raise error(f"{target} is a folder, not a file")
    if not target.parent.is_dir():
        raise error(f"the folder {target.parent} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise error(_describe(err, target)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise error(_describe(err, target)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes,
                       error: type[BriefingError] = BriefingError) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with atomic_open(path, error) as handle:
        handle.write(data)

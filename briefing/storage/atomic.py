"""Atomic file replacement: a reader sees the old file or the complete new one, never a torn one.

A temporary file is written in the target's folder (same file system, so the rename is atomic), flushed and
fsynced, then renamed over the target, and the folder is fsynced so the rename itself survives a power cut.
On any failure the temporary file is removed and the old file stays.
"""

from __future__ import annotations

import contextlib
import os
import secrets
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


def _create_temporary(target: Path) -> tuple[int, Path]:
    """A new, exclusive temporary file beside ``target``, created with mode 0o666 so the process's umask
    applies as it would to any new file (never reading or changing the umask, which other threads share)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the renamed file to disk (POSIX); where folders cannot be opened
    (Windows) the rename is already durable once it returns."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the file itself is already on disk
    finally:
        os.close(fd)


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
        fd, tmp = _create_temporary(target)
    except OSError as err:
        raise error(_describe(err, target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():  # a new file got 0o666 less the umask at creation; a replaced one keeps its mode
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
        _sync_folder(target.parent)
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

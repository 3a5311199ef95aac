"""User-facing errors: each carries one line a person can act on, never a traceback."""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error Briefing reports to a person; ``str(err)`` is the one-line message."""


class InputError(BriefingError):
    """An article file that cannot be read as an article (empty, binary, unsupported, corrupt)."""


class TemplateError(BriefingError):
    """A template that is not valid; names the file, the line and the key where known."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        self.path, self.line, self.key = path, line, key
        where = path or "<template>"
        if line is not None:
            where += f":{line}"
        if key:
            where += f": {key}"
        super().__init__(f"{where}: {message}")


class BriefFileError(BriefingError):
    """A .brief.yaml that cannot be loaded (corrupt, truncated, newer version, dangling reference)."""


class ExportError(BriefingError):
    """A Word export that could not be written; the previous file, if any, is untouched."""


class BriefError(BriefingError):
    """An operation on a brief that does not apply (unknown fact, placement or section id)."""


class ExtractionCancelled(BriefingError):
    """The ``cancel`` callback asked an extraction to stop; nothing was produced."""

    def __init__(self) -> None:
        super().__init__("extraction cancelled")

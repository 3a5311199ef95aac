"""Which templates exist: the bundled ones, then the analyst's own folder, where the same id overrides.

A broken file in the analyst's folder must never stop the app from starting, so it is skipped and its
error kept for ``template_problems()`` (the UI shows them). Parsed templates are cached by file size and
modification time, so listing templates on every dialog opening costs a few ``stat`` calls.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.errors import BriefingError, TemplateError
from briefing.core.template import Template
from briefing.storage.paths import TEMPLATES_DIR, user_template_dir

DEFAULT_TEMPLATE_ID = "ministerial-note"
TEMPLATE_SUFFIXES = (".yaml", ".yml")

_cache: dict[Path, tuple[tuple[int, int], Template | TemplateError]] = {}


class UnknownTemplateError(TemplateError):
    """A template id that no bundled or user template has; the message lists the ids that exist."""

    def __init__(self, message: str) -> None:
        self.path, self.line, self.key = None, None, None
        BriefingError.__init__(self, message)




def _template_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in TEMPLATE_SUFFIXES and p.is_file()
                      and not p.name.startswith("."))
    except OSError:
        return []  # no user folder yet (the usual case) or an unreadable one


def _load_cached(path: Path) -> Template | TemplateError:
    try:
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
    except OSError as err:
        return TemplateError(f"cannot read the file: {err.strerror or err}", path=str(path))
    hit = _cache.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    from briefing.template.loader import (
        load_template,  # yaml is imported only when a file is parsed
    )

    try:
        result: Template | TemplateError = load_template(path)
    except TemplateError as err:
        result = err
    _cache[path] = (stamp, result)
    return result


def _scan() -> tuple[list[Template], list[TemplateError]]:
    by_id: dict[str, Template] = {}
    problems: list[TemplateError] = []
    for folder in (TEMPLATES_DIR, user_template_dir()):
        seen_here: dict[str, Path] = {}
        for path in _template_files(folder):
            result = _load_cached(path)
            if isinstance(result, TemplateError):
                problems.append(result)
                continue
            if result.id in seen_here:
                problems.append(TemplateError(
                    f"template id {result.id!r} is also used by {seen_here[result.id].name}; this file is "
                    "ignored", path=str(path), key="id"))
                continue
            seen_here[result.id] = path
            by_id[result.id] = result  # a user template replaces the bundled one with its id, in its place
    templates = list(by_id.values())
    templates.sort(key=lambda t: t.id != DEFAULT_TEMPLATE_ID)  # stable: the default first, then file order
    return templates, problems


def available_templates() -> list[Template]:
    """Every usable template: the default first, then bundled ones by file name, then the user's own."""
    return _scan()[0]


def template_problems() -> list[TemplateError]:
    """Errors of template files that were skipped (broken YAML, wrong keys, a duplicate id)."""
    return _scan()[1]


def find_template_or_none(template_id: str | None) -> Template | None:
    """The available template with this id, or None (a brief whose template was deleted still opens)."""
    if not template_id:
        return None
    return next((t for t in available_templates() if t.id == template_id), None)


def _looks_like_path(value: str) -> bool:
    return value.lower().endswith(TEMPLATE_SUFFIXES) or os.sep in value or "/" in value or value.startswith("~")


def find_template(id_or_path: str | None) -> Template:
    """A template by id or by file path; None means the default. Unknown ids list the known ones."""
    if id_or_path is None or not str(id_or_path).strip():
        id_or_path = DEFAULT_TEMPLATE_ID
    value = str(id_or_path).strip()
    if _looks_like_path(value):
        from briefing.template.loader import load_template

        return load_template(os.path.expanduser(value))
    found = find_template_or_none(value)
    if found is not None:
        return found
    known = ", ".join(t.id for t in available_templates()) or "none"
    raise UnknownTemplateError(f"no template with id {value!r}; known templates: {known}")

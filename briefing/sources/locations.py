"""Where articles come from on the command line and in File > Open: files, whole folders and web addresses.

A folder brings in every article file directly inside it; the files that cannot be read are listed in one
message instead of stopping the rest. What the analyst named is kept as each article's label (the CLI's
``corroborate --json`` reports sources by the path as given).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from briefing.core.errors import InputError
from briefing.sources.web import extract_url, is_url

if TYPE_CHECKING:
    from briefing.core.extraction import Extraction


@dataclass
class Imported:
    """Articles brought in, each with the label it was named by, and the ones refused with why."""

    articles: list[tuple[str, Extraction]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (label, one-line reason)

    def problem_message(self) -> str:
        """One message listing every file that was skipped, or "" when none was."""
        if not self.problems:
            return ""
        listed = "; ".join(f"{os.path.basename(label) or label}: {why}" for label, why in self.problems)
        return f"skipped {len(self.problems)} file{'s' if len(self.problems) != 1 else ''} ({listed})"


def extract_location(location: str, *, use_model: bool = False) -> Extraction:
    """One article from a file path or a web address; ``InputError`` with one line when it is not one.
    ``use_model``: the whole pipeline, the language model's pass included (the command line)."""
    if is_url(location):
        return extract_url(location, use_model=use_model)
    from briefing.extract.pipeline import extract_path

    return extract_path(location, use_model=use_model)


def folder_files(folder: str) -> list[str]:
    """The files directly inside ``folder``, by name (hidden files left out): each is tried as an article, so
    a stray file is reported rather than silently passed over."""
    try:
        names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
    except OSError as err:
        raise InputError(f"{folder}: the folder cannot be read ({err.strerror or err})") from None
    return [os.path.join(folder, n) for n in names if os.path.isfile(os.path.join(folder, n))]


def _reason(err: InputError, label: str) -> str:
    text = str(err)
    return text[len(label) + 2:] if text.startswith(label + ": ") else text


def import_folder(folder: str, *, use_model: bool = False) -> Imported:
    """Every article in ``folder``; the files that fail go to ``problems``. ``InputError`` if none is an article."""
    found = Imported()
    for path in folder_files(folder):
        try:
            found.articles.append((path, extract_location(path, use_model=use_model)))
        except InputError as err:
            found.problems.append((path, _reason(err, path)))
    if not found.articles:
        raise InputError(f"{folder}: no article could be read in this folder"
                         + (f"; {found.problem_message()}" if found.problems else ""))
    return found


def import_locations(locations: Iterable[str], *, use_model: bool = False) -> Imported:
    """Articles from files, folders and web addresses, in the order named. A file or address that fails
    raises its ``InputError`` (the analyst named it); inside a folder, failures are collected instead."""
    found = Imported()
    for location in locations:
        if not is_url(location) and os.path.isdir(location):
            inner = import_folder(location, use_model=use_model)
            found.articles += inner.articles
            found.problems += inner.problems
        else:
            found.articles.append((location, extract_location(location, use_model=use_model)))
    return found

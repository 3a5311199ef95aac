"""The Abbreviations section: the sources' acronyms that the brief actually uses, with their expansions."""

from __future__ import annotations

import re
from typing import Iterable, Mapping


def used_abbreviations(acronyms: Mapping[str, str], texts: Iterable[str]) -> list[tuple[str, str]]:
    """(acronym, expansion) for each acronym found as a whole word in ``texts``, sorted alphabetically.

    Matching is case-sensitive ("PSM", not "psm") because acronyms are; acronyms without an expansion
    are left out, since an entry that explains nothing is noise.
    """
    known = {a: e for a, e in acronyms.items() if a.strip() and e.strip()}
    if not known:
        return []
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(known, key=len, reverse=True))
                         + r")(?!\w)")
    found: set[str] = set()
    for text in texts:
        found.update(pattern.findall(text))
    return sorted(((a, known[a]) for a in found), key=lambda pair: (pair[0].casefold(), pair[0]))

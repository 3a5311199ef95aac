"""Acronyms defined in the text: "Pakistan Steel Mills (PSM)", "PSM (Pakistan Steel Mills)".

The long form is found with the Schwartz & Hearst (2003) rule: match the acronym's letters right to left
inside the words before the parenthesis, the first letter at a word start. It handles "Special Assistant
to the Prime Minister (SAPM)", "foreign direct investment (FDI)" and "Ministry of Industries & Production
(MoIP)" without a dictionary. The first definition of an acronym in an article wins.
"""

from __future__ import annotations

import re

_AFTER_LONG = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9&]{0,8}[A-Z0-9]s?)\)")
_BEFORE_LONG = re.compile(r"\b(?P<short>[A-Z][A-Za-z&]{0,8}[A-Z])[ ]\((?P<long>[^()\n]{3,100})\)")
_BETWEEN_COMMAS = re.compile(r"(?<=[a-z]),[ ](?P<short>[A-Z][A-Z0-9&]{1,7}),[ ]")
_WORD = re.compile(r"[^\s]+")
_STOP_START = frozenset("the a an of and or to in on for by with".split())


def best_long_form(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` whose letters spell ``short`` (Schwartz & Hearst), or None."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalpha():  # "&" and digits ("N4CW" for "Nurses for Clean Water") spell no word
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = long.rfind(" ", 0, i + 1) + 1
    return long[start:].strip()


def _window(text: str, end: int, words: int) -> str:
    line_start = text.rfind("\n", 0, end) + 1
    head = text[max(line_start, end - 300):end]
    tokens = _WORD.findall(head)
    return " ".join(tokens[-words:])


def _plausible(short: str, long: str | None) -> bool:
    if not long or long.lower() == short.lower() or any(ch in long for ch in "()[];:"):
        return False
    words = long.split()
    if words[0].lower() in _STOP_START or len(words) > len(short) + 5:
        return False
    letters = sum(c.isalpha() for c in short)
    if letters < 2 and any(c.isdigit() for c in short):
        return False  # "(G7)", "(A4)": one letter and a number spell no long form
    return len(words) >= min(2, letters) and len(long) > len(short)


def _is_capitalised(long: str) -> bool:
    return all(w[:1].isupper() for w in long.split() if w not in _STOP_START)


def find_acronyms(text: str, start: int, end: int) -> dict[str, str]:
    """Acronym -> long form for every definition in ``text[start:end]`` (first definition wins)."""
    found: dict[str, str] = {}
    for m in _AFTER_LONG.finditer(text, start, end):
        short = m.group("short")
        key = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
        if key in found:
            continue
        window = _window(text, m.start(), min(len(key) + 5, len(key) * 2)).rstrip(" ,")
        long = best_long_form(key, window)
        if _plausible(key, long):
            found[key] = long.strip(" ,’'")  # type: ignore[union-attr]
    for m in _BETWEEN_COMMAS.finditer(text, start, end):  # "Nurses for Clean Water, N4CW, offered"
        short = m.group("short")
        if short in found or sum(c.isalpha() for c in short) < 2:
            continue
        window = _window(text, m.start(), min(len(short) + 5, len(short) * 2)).rstrip(" ,")
        long = best_long_form(short, window)
        if _plausible(short, long) and _is_capitalised(long):  # type: ignore[arg-type]
            found[short] = long.strip(" ,’'")  # type: ignore[union-attr]
    for m in _BEFORE_LONG.finditer(text, start, end):
        short, long = m.group("short"), m.group("long").strip()
        if short not in found and best_long_form(short, long) == long and _plausible(short, long):
            found[short] = long
    return found

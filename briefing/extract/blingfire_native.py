"""blingfire's sentence splitter called straight through ctypes, because ``import blingfire`` imports numpy.

numpy is slow to import and blingfire's sentence functions never use it. The shared library ships
inside the blingfire package (``libblingfiretokdll.so``, ``.dylib`` or ``blingfiretokdll.dll``); it is found
with ``importlib.util.find_spec`` without running the package. If the library cannot be found or loaded (an
unusual platform, a future blingfire that moves it), the Python package is imported after all: slower to
start, same answers.
"""

from __future__ import annotations

import ctypes
import importlib.util
import sys
from pathlib import Path
from typing import Callable

_LIBRARY_NAMES = {"win32": "blingfiretokdll.dll", "darwin": "libblingfiretokdll.dylib"}
_DEFAULT_LIBRARY = "libblingfiretokdll.so"


def library_path() -> Path | None:
    """Where blingfire's shared library is installed, without importing blingfire; None if it is not."""
    spec = importlib.util.find_spec("blingfire")
    if spec is None or not spec.submodule_search_locations:
        return None
    name = _LIBRARY_NAMES.get(sys.platform, _DEFAULT_LIBRARY)
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return None


def _load_native() -> Callable[[str], str] | None:
    path = library_path()
    if path is None:
        return None
    try:
        library = ctypes.CDLL(str(path))
        split = library.TextToSentences
    except (OSError, AttributeError):
        return None
    split.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    split.restype = ctypes.c_int

    def text_to_sentences(text: str) -> str:
        """One sentence per line; '' when blingfire reports an error (as ``blingfire.text_to_sentences``)."""
        data = text.encode("utf-8")
        out = ctypes.create_string_buffer(len(data) * 2)  # blingfire's own sizing: the output never grows more
        written = split(data, len(data), out, len(out))
        if written == -1 or written > len(out):
            return ""
        return out.value.decode("utf-8")

    return text_to_sentences


def _load_package() -> Callable[[str], str]:
    import blingfire

    return blingfire.text_to_sentences


text_to_sentences: Callable[[str], str] = _load_native() or _load_package()
"""``blingfire.text_to_sentences``: the text with the whitespace between sentences turned into newlines."""


def text_to_sentences_and_offsets(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``blingfire.text_to_sentences_and_offsets`` (rarely needed, so the package is imported on first use)."""
    import blingfire

    return blingfire.text_to_sentences_and_offsets(text)

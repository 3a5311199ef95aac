"""The desktop app: the only package that imports PySide6; Qt models here mirror the core Brief.

PySide6 is imported here first, with the compiled code and patterns of its support package kept between
starts (``briefing.compile_cache``: compiling them took a fifth of the window's start-up), and is told
at once which modules use it (``pyside_features``), before any other import statement can make it read
their source.
"""

from importlib import import_module
from pathlib import Path

from briefing.compile_cache import cache_file, compile_cache
from briefing.ui.pyside_features import declare_modules

PYSIDE_SUPPORT_CACHE = cache_file(Path(__file__).parent, "pyside-support")

with compile_cache(PYSIDE_SUPPORT_CACHE) as PYSIDE_SUPPORT:  # hits and compiles, for tests and profiling
    import_module("PySide6.QtCore")
declare_modules()

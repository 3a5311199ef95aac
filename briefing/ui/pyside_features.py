"""Tell PySide up front which modules use it, so it does not read their source to find out.

Once PySide6 is loaded, its ``__feature__`` support (``snake_case``, ``true_property``) checks the module
named by each later import statement it has no record of: it reads that module's whole source
(``inspect.getsource``), searches it for "PySide6" and records 0 (uses PySide) or -1 (ignore). At start-up
that is about 65 files (our modules and the standard library's, some 800 kB), all kept in ``linecache``:
about 14,000 Python objects and 400 page faults before the window's first paint. PySide skips the check for a
name it already has, so we record the answer first. Our layering gives it for our own modules
(``tests/test_layering.py``: only ``briefing.ui`` imports PySide6; a UI module that happens not to name
PySide6 gets 0, which is also what PySide assumes of a module it has no record of). Every other module loaded
by then came with the standard start-up before PySide, none of them naming it, so -1 is PySide's own answer.
"""

from __future__ import annotations

import os
import sys

import briefing

UI_PACKAGE = "briefing.ui"
USES_PYSIDE, IGNORE = 0, -1  # the values PySide's own check records
PYSIDE_PACKAGES = ("PySide6", "shiboken6")  # PySide's records of its own modules stay its own


def our_modules() -> dict[str, int]:
    """Every module of the briefing package by dotted name, with the value PySide's check records for it."""
    found: dict[str, int] = {}
    for root in briefing.__path__:
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = [d for d in subfolders if d.isidentifier()]  # not __pycache__
            package = os.path.relpath(folder, root).replace(os.sep, ".")
            prefix = "briefing" if package == "." else f"briefing.{package}"
            for name in files:
                if name.endswith(".py"):
                    module = prefix if name == "__init__.py" else f"{prefix}.{name[:-3]}"
                    ui = module == UI_PACKAGE or module.startswith(UI_PACKAGE + ".")
                    found[module] = USES_PYSIDE if ui else IGNORE
    return found


def declare_modules() -> bool:
    """Record our modules, and those loaded so far, in PySide's feature table without overriding an entry it
    has; False where this PySide keeps no such table (it then simply goes on checking each module itself)."""
    table = getattr(sys.modules.get("PySide6.support.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return False
    for module, value in our_modules().items():
        table.setdefault(module, value)
    for name in list(sys.modules):
        if not name.startswith(PYSIDE_PACKAGES):
            table.setdefault(name, IGNORE)
    return True

"""The cyclic garbage collector paused while the app starts, and resumed once its window is painted.

Start-up creates tens of thousands of objects that live as long as the app (Qt's classes and enums, our modules,
the window); collecting while they are made only scans them again and again. Only ``gc``'s documented calls.
"""

from __future__ import annotations

import gc


def pause_collection() -> None:
    """Stop automatic collection until `resume_collection`; the app calls it before it imports Qt."""
    gc.disable()


def resume_collection() -> None:
    """Turn collection back on if start-up paused it: collect start-up's garbage once, then move what it made
    to last (modules, classes, the window) out of the collector's reach, so a full collection need not scan
    them again."""
    if not gc.isenabled():
        gc.collect()
        gc.freeze()
        gc.enable()

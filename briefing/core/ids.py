"""Stable identifiers: the same text always yields the same ids, so briefs survive re-extraction.

``hashlib`` (OpenSSL, a few milliseconds to load) is imported by the first id made, not by the window
opening an article whose ids were made while it was read."""

from __future__ import annotations

import os
from types import ModuleType

_hashlib: ModuleType | None = None


def _hashes() -> ModuleType:
    global _hashlib
    if _hashlib is None:
        import hashlib

        _hashlib = hashlib
    return _hashlib


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text; identifies a source's content across files and machines."""
    return _hashes().sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_id(text_hash: str) -> str:
    """A short id derived from the content hash, so re-importing the same article gives the same id."""
    return "s" + text_hash[:10]


def fact_id(source_id_: str, start: int, end: int, text: str) -> str:
    """Derived from where the fact sits and what it says: stable across runs for the same source."""
    digest = _hashes().sha1(f"{source_id_}:{start}:{end}:{text}".encode("utf-8", "surrogatepass"))
    return "f" + digest.hexdigest()[:12]


def new_placement_id() -> str:
    """Placements are the analyst's own objects, so a random id is right (the same fact may be placed twice)."""
    return "p" + os.urandom(6).hex()  # what uuid4().hex[:12] gave, without importing uuid (and platform)

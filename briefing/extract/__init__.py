"""Turns an article file or pasted text into a Source and its Facts; no Qt, no model downloads."""

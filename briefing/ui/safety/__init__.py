"""The safety net: autosave to recovery files, the crash handler, and the offer to restore at start."""

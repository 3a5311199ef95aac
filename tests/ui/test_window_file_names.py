"""The file names the window suggests for a new brief or export are valid on every desktop."""

from __future__ import annotations

import pytest

from briefing.ui.window.file_handling import file_stem_for


@pytest.mark.parametrize(("name", "stem"), [
    ("Pakistan–Russia talks", "Pakistan–Russia talks"),
    ("Steel/iron: 2025 outlook?", "Steel-iron- 2025 outlook"),
    ('A "quoted" <title> | draft', "A -quoted- -title- - draft"),
    ("line\nbreak\ttab", "line-break-tab"),
    ("../../etc/passwd", "etc-passwd"),
    ("   ", "Untitled brief"),
    ("x" * 200, "x" * 80),
])
def test_a_brief_name_becomes_a_safe_file_name(name: str, stem: str):
    assert file_stem_for(name) == stem

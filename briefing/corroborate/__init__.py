"""Corroboration across sources: which facts several outlets report, where they disagree, what is copied. No Qt.

``grouping.group_facts`` works on facts alone (no language model), so a brief loaded from a file regroups in
a blink; ``brief_groups.refresh_groups`` is what code that adds or removes sources calls.
"""

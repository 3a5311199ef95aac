"""Briefing templates: the YAML schema of a brief's shape and its strict, safe loader. No Qt."""

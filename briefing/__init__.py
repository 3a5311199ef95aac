"""Briefing: compose structured, source-cited briefs from news articles."""

__version__ = "0.1.0"

"""Headless composition for `briefing compose`: articles in, an auto-drafted brief out."""

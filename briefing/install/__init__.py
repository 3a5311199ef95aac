"""Installing Briefing into the desktop: the applications menu, its icon, and briefs opening on a double-click."""

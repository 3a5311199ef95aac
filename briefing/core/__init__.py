"""The domain: sources, facts, briefs. Plain Python, no Qt, shared by the CLI, the tests and the GUI."""

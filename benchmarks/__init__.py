"""Benchmarks for issue 6: each row times Briefing against a reference doing the same work in the same run."""

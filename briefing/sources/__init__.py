"""Bringing sources in: articles from files, folders and web addresses, each a clear refusal when it fails. No Qt."""

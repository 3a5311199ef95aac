"""Brief -> Word (.docx), the live HTML preview and plain text, all from one layout so they agree. No Qt."""

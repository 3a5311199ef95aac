"""Start-up and peak memory, measured from outside: fresh child processes timed from spawn to first paint.

Each child runs with its own empty settings and data folders (so no recent file, saved geometry or autosave
of the person running the benchmark changes what it does) and offscreen Qt. Peak memory is the child's
own high-water mark (VmHWM), which it prints as it quits: ``ru_maxrss`` of a child would also count the
memory of the parent it was forked from (Linux keeps the pre-exec high-water mark), and the benchmark parent
holds a large brief by then.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.probe import EXIT_ENV, LINGER_ENV, MARKER, PEAK_MARKER
from benchmarks.timing import PLUS, RATIO, Row, interleaved, median

REPO = Path(__file__).resolve().parent.parent
APP = "benchmarks.probe_app"
BARE = "benchmarks.probe_bare"
TIMEOUT_S = 90


class ProbeFailed(RuntimeError):
    """A child ended without printing the marker (it crashed, or never showed a window)."""


@dataclass
class ChildRun:
    seconds: float  # spawn to marker
    peak_mb: float  # the child's own peak resident memory
    imported: str  # heavy modules already imported when the window was shown
    windows: str  # what was on screen at first paint: the composer with its fact and section counts
    settled: str = ""  # the same when the child quit: after an article read in the background had arrived


def _environment(home: Path, linger_ms: int = 0) -> dict[str, str]:
    env = dict(os.environ)
    env[LINGER_ENV] = str(linger_ms)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["HOME"] = str(home)
    return env


def run_child(module: str, args: list[str] | None = None, linger_ms: int = 0) -> ChildRun:
    """Spawn ``python -m module args``; time it to the marker line; let it quit and read its peak memory.

    A watchdog kills the child after ``TIMEOUT_S``."""
    with tempfile.TemporaryDirectory(prefix="briefing-bench-home-") as home, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", module, *(args or [])], cwd=REPO,
                                 env=_environment(Path(home), linger_ms), stdout=subprocess.PIPE, stderr=errors, text=True)
        watchdog = threading.Timer(TIMEOUT_S, child.kill)
        watchdog.start()
        try:
            assert child.stdout is not None
            seconds, imported, windows, settled, peak_kb = None, "", "", "", 0
            for line in child.stdout:
                if line.startswith(MARKER) and seconds is None:
                    seconds = time.perf_counter() - started
                    fields = dict(f.partition("=")[::2] for f in line.split()[1:])
                    imported, windows = fields.get("imported", ""), fields.get("windows", "")
                elif line.startswith(PEAK_MARKER):
                    peak_kb = int(line.split()[1])
                    settled = dict(f.partition("=")[::2] for f in line.split()[2:]).get("windows", "")
            child.wait()
            child.stdout.close()
        finally:
            watchdog.cancel()
        if seconds is None or not peak_kb:
            errors.seek(0)
            raise ProbeFailed(f"{module} printed no {MARKER} (exit {child.returncode}): {errors.read()[-500:]}")
    return ChildRun(seconds=seconds, peak_mb=peak_kb / 1024, imported=imported, windows=windows, settled=settled)


def compile_bytecode() -> None:
    """Write the bytecode caches every real copy of the app has before its start is timed.

    pip compiles a wheel's modules when it installs them, and a source checkout writes ``__pycache__`` on its
    first start. Where ``PYTHONDONTWRITEBYTECODE`` is set (our sandboxes set it) nothing is ever written, so
    each child would compile all of Briefing from source (about 90 ms) while the bare window's PySide6,
    installed by pip, starts from bytecode. Compiling once here makes both start as they do for a person."""
    import compileall

    for package in ("briefing", "benchmarks"):
        compileall.compile_dir(REPO / package, quiet=1)
    # The same holds for what the app keeps from its first start (``briefing.compile_cache``: PySide's support
    # package and its patterns, the methods dataclasses writes, the extractors' patterns in the second
    # process): a person's second start has it, and one start to the first paint here writes it.
    with tempfile.TemporaryDirectory(prefix="briefing-bench-home-") as home:
        env = _environment(Path(home))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env[EXIT_ENV] = "1"
        subprocess.run([sys.executable, "-m", APP], cwd=REPO, env=env, check=True, capture_output=True,
                       timeout=TIMEOUT_S)


def check_composer(run: ChildRun, settled: bool = False) -> None:
    """The first window painted (``settled``: the window as the child quit) must be the composer holding facts
    and sections, not an error dialog."""
    windows = run.settled if settled else run.windows
    match = re.search(r"MainWindow:(\d+)facts:(\d+)sections", windows)
    if not match or not int(match.group(1)) or not int(match.group(2)):
        raise ProbeFailed(f"the app showed {windows or 'nothing'}, not the composer with an article")


def startup_row(runs: int = 7) -> Row:
    """Spawn to first paint: the app on its sample article vs a bare QMainWindow with a list and a tree."""
    seen: dict[str, ChildRun] = {}
    compile_bytecode()

    def measure(module: str):  # noqa: ANN202
        def spawn() -> float:
            seen[module] = run_child(module)
            return seen[module].seconds
        return spawn

    ours, bare = interleaved(measure(APP), measure(BARE), runs, measure=lambda spawn: spawn())
    app = seen[APP]
    check_composer(app)
    return Row("start-up to window shown (sample article, default template)", median(ours), median(bare),
               "bare PySide6 QMainWindow + QListView + QTreeView", 1.5, RATIO, "s", runs,
               notes=[f"app window: {app.windows}; heavy modules imported by then: {app.imported or 'none'}"])


def memory_row(article: Path, runs: int = 2, linger_ms: int = 1500) -> Row:
    """Peak memory of the app with ``article`` open (kept open ``linger_ms`` after first paint) vs a bare window."""
    seen: dict[str, ChildRun] = {}
    compile_bytecode()

    def spawn(module: str, args: list[str]):  # noqa: ANN202
        def run() -> float:
            seen[module] = run_child(module, args, linger_ms=linger_ms)
            return seen[module].peak_mb
        return run

    ours, bare = interleaved(spawn(APP, [str(article)]), spawn(BARE, []), runs, measure=lambda run: run())
    check_composer(seen[APP], settled=True)  # a megabyte is read in the background, after the first paint
    size_kb = article.stat().st_size / 1000
    return Row(f"peak memory, {size_kb:,.0f} kB news source open", median(ours), median(bare),
               "bare PySide6 window", 400, PLUS, "MB", runs,
               notes=[f"app {median(ours):.0f} MB vs bare {median(bare):.0f} MB (each child's VmHWM, "
                      f"{linger_ms} ms after the article, read in the background, was on screen); "
                      f"app window: {seen[APP].settled}"])

"""Start-up in CPU instructions: the app and the bare window, each from process start to its first paint.

The start-up row's milliseconds move by a third between runs on a shared machine; the instructions a process
executes do not (valgrind's callgrind counts them; the same code gives the same count to 0.1%). So this is the
yardstick for a change to start-up: run it before and after. It is not the issue's row (time is), and time
and instructions differ where a process waits, faults in pages or uses a second core.

Usage: ``.venv/bin/python benchmarks/instructions.py`` (needs Debian's ``valgrind``; about a minute).
Counts the first process only: the second one that reads the article (``briefing.startup.prefetch``) is left out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if sys.path[0] != str(REPO):
    sys.path.insert(0, str(REPO))
sys.modules.pop("benchmarks", None)  # pysbd installs a top-level "benchmarks" package too

from benchmarks.probe import EXIT_ENV, MARKER  # noqa: E402
from benchmarks.processes import APP, BARE, _environment, compile_bytecode  # noqa: E402

COLLECTED = re.compile(r"==(\d+)== Collected : (\d+)")


def instructions(module: str) -> int:
    """Instructions executed by ``python -m module`` from its start to its first paint."""
    with tempfile.TemporaryDirectory(prefix="briefing-bench-home-") as home:
        env = _environment(Path(home))
        env[EXIT_ENV] = "1"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={home}/cg.%p",
                               sys.executable, "-m", module], cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=600)
    if MARKER not in done.stdout:
        raise RuntimeError(f"{module} showed no window under valgrind: {done.stderr[-500:]}")
    counts = {int(pid): int(n) for pid, n in COLLECTED.findall(done.stderr)}
    return counts[min(counts)]  # the process started here, not the one it forked (a higher pid)


def main() -> int:
    if shutil.which("valgrind") is None:
        print("instructions.py: needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    compile_bytecode()
    with ThreadPoolExecutor(max_workers=2) as pool:
        app, bare = pool.map(instructions, (APP, BARE))
    print(f"start-up to first paint: app {app / 1e6:,.0f} M instructions, bare window {bare / 1e6:,.0f} M: "
          f"{app / bare:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

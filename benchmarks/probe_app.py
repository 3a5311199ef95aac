"""Child process, the start-up subject: the real ``briefing`` entry point, probed without changing it.

``run_app`` builds its QApplication through ``briefing.ui.app.make_application``; wrapping that function
installs the probe on the very application the app runs, so everything the app does before its window is
first painted (imports, extraction of the article, the default template, settings) is inside the time.
"""

from __future__ import annotations

import os
import sys
import threading

import briefing.ui.app as app_module
from benchmarks import probe

_make_application = app_module.make_application
GIVE_UP_S = 60  # if run_app stops building its application through make_application, say so instead of hanging
_installed = threading.Event()


def _probed_application(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - same signature as the original
    app = _make_application(*args, **kwargs)
    probe.install(app)
    _installed.set()
    return app


def _give_up() -> None:
    if not _installed.wait(GIVE_UP_S):
        print("probe_app: run_app never called briefing.ui.app.make_application; update the probe",
              file=sys.stderr, flush=True)
        os._exit(3)


def main() -> int:
    from briefing.cli import main as briefing_main

    app_module.make_application = _probed_application
    threading.Thread(target=_give_up, daemon=True).start()
    return briefing_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())

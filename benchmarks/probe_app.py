"""Child process, the start-up subject: the real ``briefing`` entry point, probed without changing it.

``run_app`` builds its QApplication through ``briefing.ui.app.make_application``; wrapping that function
installs the probe on the very application the app runs, so everything the app does before its window is
first painted (imports, extraction of the article, the default template, settings) is inside the time.
"""

from __future__ import annotations

import sys

import briefing.ui.app as app_module
from benchmarks import probe

_make_application = app_module.make_application


def _probed_application(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - same signature as the original
    app = _make_application(*args, **kwargs)
    probe.install(app)
    return app


def main() -> int:
    from briefing.cli import main as briefing_main

    app_module.make_application = _probed_application
    return briefing_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())

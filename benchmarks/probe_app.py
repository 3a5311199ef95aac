"""Child process, the start-up subject: the real ``briefing`` entry point, probed without changing it.

``run_app`` builds its QApplication through ``briefing.ui.app.make_application``; wrapping that function
installs the probe on the very application the app runs, so everything the app does before its window is
first painted (imports, reading the article, the default template, settings) is inside the time. The wrapper
is put in place the moment the app itself imports ``briefing.ui.app``: importing it (or Qt) here first would
change what the app does before Qt is loaded.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading

APP_MODULE = "briefing.ui.app"
GIVE_UP_S = 60  # if run_app stops building its application through make_application, say so instead of hanging
_installed = threading.Event()


def _probe(module) -> None:  # noqa: ANN001 - briefing.ui.app, just executed
    make_application = module.make_application

    def probed_application(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - same signature as the original
        from benchmarks import (
            probe,  # Qt is loaded by now: the app's make_application imported it
        )

        app = make_application(*args, **kwargs)
        probe.install(app)
        _installed.set()
        return app

    module.make_application = probed_application


class _WhenImported:
    """A meta path finder that finds nothing itself: it wraps the loader of ``briefing.ui.app`` so the probe
    goes in after it runs. (Not an ``importlib.abc.MetaPathFinder``: importing ``importlib.abc`` loads
    ``importlib.resources``, five modules the app itself never imports, and the probe must not slow it.)"""

    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201 - importlib's protocol
        if name != APP_MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_probe(module) -> None:  # noqa: ANN001
            exec_module(module)
            _probe(module)

        spec.loader.exec_module = exec_and_probe
        return spec


def _give_up() -> None:
    if not _installed.wait(GIVE_UP_S):
        print("probe_app: run_app never called briefing.ui.app.make_application; update the probe",
              file=sys.stderr, flush=True)
        os._exit(3)


def main() -> int:
    sys.meta_path.insert(0, _WhenImported())
    from briefing.cli import main as briefing_main

    threading.Thread(target=_give_up, daemon=True).start()
    return briefing_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())

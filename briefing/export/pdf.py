"""PDF through LibreOffice: the .docx we write, converted headless, so the Word file stays the one layout.

LibreOffice runs with a private, throw-away profile (``-env:UserInstallation``), so a conversion neither
waits for nor hands its work to a LibreOffice the analyst has open, and with a time limit, after which it is
stopped. The PDF replaces the target only once complete. Without LibreOffice, one line says what to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import ExportError
from briefing.storage.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from briefing.core.brief import Brief
    from briefing.core.template import Template

CONVERT_TIMEOUT = 120.0  # seconds; a first run also sets up the profile, a few seconds on a slow machine
OFFICE_COMMANDS = ("soffice", "libreoffice")
_KNOWN_PLACES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe",
                 r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
INSTALL_HINT = ("PDF export needs LibreOffice, which was not found: install it (Debian/Ubuntu: "
                "apt-get install libreoffice-writer-nogui; or from libreoffice.org), or export a .docx")


def find_office() -> str | None:
    """The LibreOffice command on PATH (``soffice``, ``libreoffice``), else at its usual install place, else None."""
    for name in OFFICE_COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    if sys.platform in ("darwin", "win32"):
        return next((p for p in _KNOWN_PLACES if Path(p).is_file()), None)
    return None


def pdf_available() -> bool:
    """Whether PDF export can work here (the app may grey out File › Export as PDF when not)."""
    return find_office() is not None


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and whatever it started (its launcher forks the real program)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        pass
    if process.stdout is not None:
        process.stdout.close()
    process.wait()


def _last_line(output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def convert_to_pdf(docx_path: str | os.PathLike[str], pdf_path: str | os.PathLike[str], *,
                   timeout: float = CONVERT_TIMEOUT) -> Path:
    """Convert a .docx into ``pdf_path`` with LibreOffice and return the path.

    Raises ``ExportError`` (one line) when LibreOffice is missing, fails, or takes longer than ``timeout``
    seconds; the file at ``pdf_path``, if any, is then left as it was.
    """
    office = find_office()
    if office is None:
        raise ExportError(INSTALL_HINT)
    source, target = Path(docx_path), Path(pdf_path)
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as work:
        out = Path(work) / "out"
        command = [office, f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", str(out), str(source)]
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        except OSError as err:
            raise ExportError(f"cannot start LibreOffice ({office}): {err.strerror or err}") from None
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise ExportError(f"LibreOffice did not finish the PDF within {timeout:g} seconds; "
                              f"{target} was not written") from None
        made = out / (source.stem + ".pdf")
        if process.returncode != 0 or not made.is_file() or made.stat().st_size == 0:
            raise ExportError(f"LibreOffice could not convert {source.name} to PDF "
                              f"(exit status {process.returncode}: {_last_line(output)})")
        atomic_write_bytes(target, made.read_bytes(), ExportError)
    return target


def export_pdf(brief: Brief, path: str | os.PathLike[str], *, template: Template | None = None,
               citations: str | None = None, timeout: float = CONVERT_TIMEOUT) -> Path:
    """Write ``brief`` to ``path`` as PDF: exported as .docx (same options as ``export_docx``) into a temporary
    folder, then converted. What File › Export as PDF calls; errors as ``convert_to_pdf``."""
    from briefing.export.docx import check_target, export_docx

    if find_office() is None:  # say so before doing the export's work
        raise ExportError(INSTALL_HINT)
    target = Path(path)
    check_target(target)
    with tempfile.TemporaryDirectory(prefix="briefing-docx-") as work:
        docx_path = export_docx(brief, Path(work) / f"{target.stem or 'brief'}.docx", template=template,
                                citations=citations)
        return convert_to_pdf(docx_path, target, timeout=timeout)

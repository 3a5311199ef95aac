"""Word export and brief files, each against the library code a peer would write for the same output.

Export: ``export_docx`` of a brief with 1,000 placed facts vs a plain python-docx script writing the same
1,000 wordings as "List Bullet" paragraphs, each with a citation run. Brief files: ``save_brief`` +
``load_brief`` of 10,000 facts vs pure-Python PyYAML (``yaml.safe_dump`` / ``yaml.safe_load``) of the very
data our file holds, both through a file on disk.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.timing import RATIO, Row, interleaved, median
from briefing.core.brief import Brief


def plain_python_docx(path: Path, texts: list[str]) -> None:
    """The yardstick: python-docx's documented way to write list paragraphs with a citation run."""
    import docx

    document = docx.Document()
    for text in texts:
        paragraph = document.add_paragraph(text, style="List Bullet")
        paragraph.add_run("\u00a0[1]")
    document.save(str(path))


def export_row(brief: Brief, runs: int = 5) -> Row:
    from briefing.export.docx import export_docx
    from briefing.export.layout import brief_layout
    from briefing.template.registry import find_template_or_none

    template = find_template_or_none(brief.template_id)
    texts = [item.text for section in brief_layout(brief).sections for item in section.items]
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        ours_path, plain_path = Path(folder) / "ours.docx", Path(folder) / "plain.docx"
        export_docx(brief, ours_path, template=template)  # warm: imports, the reference document
        plain_python_docx(plain_path, texts[:10])
        ours, plain = interleaved(lambda: export_docx(brief, ours_path, template=template),
                                  lambda: plain_python_docx(plain_path, texts), runs)
        sizes = ours_path.stat().st_size / 1000, plain_path.stat().st_size / 1000
    return Row(f"export of a brief with {len(texts):,} placed facts", median(ours), median(plain),
               f"plain python-docx, {len(texts):,} list paragraphs + citation run", 1.0, RATIO, "s", runs,
               notes=[f"ours {sizes[0]:.0f} kB (with sources, header, footer, comments) vs plain {sizes[1]:.0f} kB"])


def pure_python_yaml(path: Path, data: object) -> object:
    """The yardstick: PyYAML's pure-Python safe dumper and loader, through a file."""
    import yaml

    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def storage_row(brief: Brief, runs: int = 3) -> Row:
    from briefing.storage.brief_file import FORMAT_VERSION, load_brief, save_brief
    from briefing.storage.brief_format import brief_to_data

    data = brief_to_data(brief, FORMAT_VERSION)
    loaded: list[Brief] = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        ours_path, plain_path = Path(folder) / "dossier.brief.yaml", Path(folder) / "plain.yaml"

        def ours() -> None:
            ours_path.unlink(missing_ok=True)  # a first save: no backups to rotate, nothing to compare
            save_brief(brief, ours_path)
            loaded[:] = [load_brief(ours_path)]

        ours()
        mine, plain = interleaved(ours, lambda: pure_python_yaml(plain_path, data), runs)
        size_mb = ours_path.stat().st_size / 1e6
    same = bool(loaded) and loaded[0] == brief
    placed = sum(len(s.placements) for s in brief.sections)
    row = Row(f"brief save + load, {len(brief.facts):,} facts", median(mine), median(plain),
              "pure-Python yaml.safe_dump + safe_load of the same data", 0.3, RATIO, "s", runs,
              notes=[f"{placed:,} placements, file {size_mb:.1f} MB; loaded brief equals saved: {same}"])
    row.extra_pass = same
    return row

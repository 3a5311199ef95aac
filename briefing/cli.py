"""The `briefing` command: the desktop app by default, headless subcommands for scripts and CI.

Every error a person can cause (a wrong file, a broken template, an unwritable path) ends in one line on
stderr and exit status 2, never a traceback; a bug ends in one line and exit status 1, its traceback in the
log (``briefing.startup.logs``). Heavy modules are imported only by the command that needs them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from briefing import __version__
from briefing.core.errors import BriefingError
from briefing.startup.logs import hold_records, logger, one_line, setup_logging

if TYPE_CHECKING:
    import argparse

    from briefing.core.brief import Brief
    from briefing.core.template import Template

EXIT_USAGE = 2
EXIT_INTERNAL = 1
SUBCOMMANDS = ("extract", "templates", "check-template", "compose", "export", "corroborate")
DESKTOP_OPTIONS = ("--install-desktop", "--uninstall-desktop")
OUT_SUFFIXES = (".docx", ".pdf")


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Compose source-cited Word briefs from news articles. With no command, opens the app "
                    "(on the bundled sample article if no file is given).",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help="add Briefing to your applications menu and open *.brief.yaml files with it")
    desktop.add_argument("--uninstall-desktop", action="store_true", help="undo --install-desktop")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the facts, entities and acronyms found in an article")
    p.add_argument("path", help="article: .txt, .html, .docx or .pdf, or an http(s) address")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("corroborate", help="group the facts several articles report, with conflicts and copies")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files, folders or http(s) addresses")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("templates", help="list the available briefing templates")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("check-template", help="validate a template file")
    p.add_argument("path")

    p = sub.add_parser("compose", help="extract, auto-draft and export a brief in one go")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files, folders or http(s) addresses")
    p.add_argument("--template", default=None, help="template id or path (default: ministerial-note)")
    _output_options(p)
    p.add_argument("--save", default=None, help="also save the brief (.brief.yaml) for the app")

    p = sub.add_parser("export", help="write a saved brief (.brief.yaml) as a Word document or PDF")
    p.add_argument("brief")
    _output_options(p)
    return parser


def _output_options(p: argparse.ArgumentParser) -> None:
    from briefing.core.template import CITATION_STYLES

    p.add_argument("--out", required=True, help="the file to write: .docx, or .pdf (needs LibreOffice)")
    p.add_argument("--citations", choices=CITATION_STYLES, default=None,
                   help="how facts cite their sources (default: the template's, else numbered)")


def _cmd_extract(args: argparse.Namespace) -> int:
    from briefing.extract.report import extraction_report
    from briefing.sources.locations import extract_location
    from briefing.storage.serialize import extraction_to_dict

    extraction = extract_location(args.path, use_model=True)
    _say_if_model_missing()
    if args.json:
        import json

        json.dump(extraction_to_dict(extraction), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(extraction_report(extraction))
    return 0


def _cmd_corroborate(args: argparse.Namespace) -> int:
    from briefing.corroborate.grouping import group_facts
    from briefing.corroborate.report import groups_report, groups_to_json
    from briefing.sources.locations import import_locations

    imported = import_locations(args.articles, use_model=True)
    _say_if_model_missing()
    if imported.problems:
        print(f"briefing: warning: {imported.problem_message()}", file=sys.stderr)
    labels: dict[str, str] = {}
    facts, acronyms = [], {}
    for label, extraction in imported.articles:
        if extraction.source.id in labels:
            continue  # the same article named twice is one source
        labels[extraction.source.id] = label
        facts += extraction.facts
        for short, long in extraction.acronyms.items():
            acronyms.setdefault(short, long)
    groups = group_facts(facts, acronyms=acronyms, labels=labels)
    by_id = {f.id: f for f in facts}
    if args.json:
        import json

        json.dump(groups_to_json(groups, by_id, labels), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(groups_report(groups, by_id, labels))
    return 0


def _say_if_model_missing() -> None:
    """One line on stderr when names and speakers came from the rules alone (spaCy or its model missing)."""
    from briefing.extract.nlp import unavailable_reason

    reason = unavailable_reason()
    if reason:
        print(f"briefing: note: {reason}", file=sys.stderr)


def _cmd_templates(args: argparse.Namespace) -> int:
    from briefing.template.registry import available_templates, template_problems

    templates = available_templates()
    for problem in template_problems():  # a broken file of the analyst's is skipped, never silently
        print(f"briefing: warning: skipped {problem}", file=sys.stderr)
    rows = [{"id": t.id, "name": t.name, "path": t.path,
             "sections": [{"id": s.id, "title": s.title} for s in t.sections]} for t in templates]
    if args.json:
        import json

        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        width = max((len(r["id"]) for r in rows), default=0)
        for r in rows:
            titles = ", ".join(s["title"] for s in r["sections"])
            print(f"{r['id']:<{width}}  {r['name']}  ({titles})")
    return 0


def _cmd_check_template(args: argparse.Namespace) -> int:
    from briefing.template.loader import load_template

    template = load_template(args.path)
    print(f"{args.path}: OK, template {template.id!r} with {len(template.sections)} sections")
    return 0


def _check_out(path: str) -> None:
    if not path.lower().endswith(OUT_SUFFIXES):
        raise BriefingError(f"--out must name a .docx or .pdf file, not {path!r}")


def _warn_left_out(brief: Brief) -> None:
    """What the export left out or lacks, as one stderr line (said last, once everything else succeeded, so an
    error stays the only line when something fails)."""
    from briefing.export.checks import export_report

    report = export_report(brief)
    if report:
        print(f"briefing: warning: {report.one_line()}", file=sys.stderr)


def _write(brief: Brief, out: str, template: Template | None, citations: str | None) -> None:
    """The brief as Word, or as PDF when ``out`` ends in .pdf."""
    if out.lower().endswith(".pdf"):
        from briefing.export.pdf import export_pdf

        export_pdf(brief, out, template=template, citations=citations)
    else:
        from briefing.export.docx import export_docx

        export_docx(brief, out, template=template, citations=citations)
    print(f"Wrote {out}")


def _cmd_compose(args: argparse.Namespace) -> int:
    from briefing.compose.draft import compose

    _check_out(args.out)
    brief = compose(args.articles, args.template,
                    skipped=lambda message: print(f"briefing: warning: {message}", file=sys.stderr))
    _say_if_model_missing()
    from briefing.template.registry import find_template

    _write(brief, args.out, find_template(args.template or brief.template_id), args.citations)
    if args.save:
        from briefing.storage.brief_file import save_brief

        save_brief(brief, args.save)
        print(f"Saved {args.save}")
    _warn_left_out(brief)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from briefing.storage.brief_file import load_brief
    from briefing.template.registry import find_template_or_none

    _check_out(args.out)
    brief = load_brief(args.brief)
    from briefing.corroborate.brief_groups import refresh_groups

    refresh_groups(brief)  # groups are derived, not saved: a fact several sources report cites them all
    _write(brief, args.out, find_template_or_none(brief.template_id), args.citations)
    _warn_left_out(brief)
    return 0


def _cmd_desktop(args: argparse.Namespace) -> int:
    from briefing.install.desktop import install_desktop, uninstall_desktop

    if args.install_desktop:
        change = install_desktop()
        print("Briefing is in your applications menu; double-clicking a .brief.yaml file opens it.")
    else:
        change = uninstall_desktop()
        print("Briefing's applications menu entry and file type are removed." if change.files
              else "Briefing was not installed in the applications menu; nothing to remove.")
    for path in change.files:
        print(f"  {path}")
    for warning in change.warnings:
        print(f"briefing: warning: {warning}", file=sys.stderr)
    return 0


COMMANDS = {"extract": _cmd_extract, "templates": _cmd_templates, "check-template": _cmd_check_template,
            "compose": _cmd_compose, "export": _cmd_export, "corroborate": _cmd_corroborate}


def _run_gui(paths: Sequence[str]) -> int:
    from briefing.startup.collector import pause_collection

    pause_collection()  # resumed once the window is painted (``briefing.ui.app``)
    from briefing.startup.display import has_display
    from briefing.startup.prefetch import NOW, Prefetch, opening_plan
    from briefing.storage.paths import SAMPLE_ARTICLE

    files = [str(Path(p)) for p in paths] or [str(SAMPLE_ARTICLE)]
    # Before Qt is imported: the articles read before the window shows are read on another core meanwhile.
    now = [path for path, how in opening_plan(files) if how == NOW]
    prefetch = Prefetch.start(now) if now and has_display() else None
    try:
        from briefing.ui.app import run_app

        return run_app(files, prefetch=prefetch)
    finally:
        if prefetch is not None:
            prefetch.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand, or the app on the given files; 0 on success, 2 for a mistake a person can fix (one line on
    stderr, no traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = bool(argv) and argv[0] in SUBCOMMANDS + DESKTOP_OPTIONS or any(a in ("-h", "--help") for a in argv[:1])
    if command:
        setup_logging()
    else:
        hold_records()  # the app sets up its log file once its window is on screen
    log = logger("cli")
    log.info("briefing %s: %s", __version__, " ".join(argv) or "(app)")
    try:
        if command:
            args = _parser().parse_args(argv)
            if args.command is None:
                return _cmd_desktop(args)
            return COMMANDS[args.command](args)
        missing = [p for p in argv if not Path(p).exists()]
        if missing:
            raise BriefingError(f"no such file: {missing[0]}")
        return _run_gui(argv)
    except BriefingError as err:
        message = one_line(err)
        log.warning("refused: %s", message)
        print(f"briefing: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug, not the person's doing: the traceback goes to the log, not the terminal
        log.exception("internal error")
        print(f"briefing: internal error: {one_line(err)} (details in {setup_logging()})", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        setup_logging()  # records held for an app that ended before its window was painted are written now


if __name__ == "__main__":
    sys.exit(main())

"""The `briefing` command: the desktop app by default, headless subcommands for scripts and CI.

Every error a person can cause (a wrong file, a broken template, an unwritable path) ends in one line on
stderr and exit status 2, never a traceback; a bug ends in one line and exit status 1, its traceback in the
log (``briefing.logs``). Heavy modules are imported only by the command that needs them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from briefing import __version__
from briefing.core.errors import BriefingError
from briefing.logs import hold_records, logger, one_line, setup_logging

if TYPE_CHECKING:
    import argparse

EXIT_USAGE = 2
EXIT_INTERNAL = 1
SUBCOMMANDS = ("extract", "templates", "check-template", "compose", "export")


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Compose source-cited Word briefs from news articles. With no command, opens the app "
                    "(on the bundled sample article if no file is given).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the facts, entities and acronyms found in an article")
    p.add_argument("path", help="article: .txt, .html, .docx or .pdf")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("templates", help="list the available briefing templates")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("check-template", help="validate a template file")
    p.add_argument("path")

    p = sub.add_parser("compose", help="extract, auto-draft and export a brief in one go")
    p.add_argument("articles", nargs="+", metavar="ARTICLE")
    p.add_argument("--template", default=None, help="template id or path (default: ministerial-note)")
    p.add_argument("--out", required=True, help="the Word file to write (.docx)")
    p.add_argument("--save", default=None, help="also save the brief (.brief.yaml) for the app")

    p = sub.add_parser("export", help="write a saved brief (.brief.yaml) as a Word document")
    p.add_argument("brief")
    p.add_argument("--out", required=True, help="the Word file to write (.docx)")
    return parser


def _cmd_extract(args: argparse.Namespace) -> int:
    from briefing.core.serialize import extraction_to_dict
    from briefing.extract.pipeline import extract_path
    from briefing.extract.report import extraction_report

    extraction = extract_path(args.path)
    _model_steps(extraction)
    if args.json:
        import json

        json.dump(extraction_to_dict(extraction), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(extraction_report(extraction))
    return 0


def _model_steps(extraction) -> None:
    """Complete an extraction with the language model's steps, saying on stderr when it cannot."""
    from briefing.extract.pipeline import run_model_steps

    reason = run_model_steps(extraction)
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
    if not path.lower().endswith(".docx"):
        raise BriefingError(f"--out must name a .docx file, not {path!r}")


def _cmd_compose(args: argparse.Namespace) -> int:
    from briefing.compose import compose

    _check_out(args.out)
    brief = compose(args.articles, args.template)
    from briefing.export.docx import export_docx
    from briefing.template.registry import find_template

    export_docx(brief, args.out, template=find_template(args.template or brief.template_id))
    print(f"Wrote {args.out}")
    if args.save:
        from briefing.storage import save_brief

        save_brief(brief, args.save)
        print(f"Saved {args.save}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from briefing.export.docx import export_docx
    from briefing.storage import load_brief
    from briefing.template.registry import find_template_or_none

    _check_out(args.out)
    brief = load_brief(args.brief)
    export_docx(brief, args.out, template=find_template_or_none(brief.template_id))
    print(f"Wrote {args.out}")
    return 0


COMMANDS = {"extract": _cmd_extract, "templates": _cmd_templates, "check-template": _cmd_check_template,
            "compose": _cmd_compose, "export": _cmd_export}


def _run_gui(paths: Sequence[str]) -> int:
    import gc

    # Start-up creates ~44,000 tracked objects that live as long as the app (Qt's classes and enums, our
    # modules, the window); collecting while they are made only scans them again and again. The app resumes
    # collection once its window is painted (``briefing.ui.app``).
    gc.disable()
    from briefing.paths import SAMPLE_ARTICLE
    from briefing.prefetch import NOW, Prefetch, opening_plan
    from briefing.display import has_display

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
    command = bool(argv) and argv[0] in SUBCOMMANDS or any(a in ("-h", "--help") for a in argv[:1])
    if command:
        setup_logging()
    else:
        hold_records()  # the app sets up its log file once its window is on screen
    log = logger("cli")
    log.info("briefing %s: %s", __version__, " ".join(argv) or "(app)")
    try:
        if command:
            args = _parser().parse_args(argv)
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

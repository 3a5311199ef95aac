"""The house's arrows point down: Qt stays in briefing.ui, each package imports only the ones beneath it, and no
module imports itself back through others."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import briefing

PACKAGE_DIR = Path(briefing.__file__).parent

# What each package may import besides itself. The UI and the command line sit on top and may import anything.
ALLOWED = {
    "core": set(),
    "storage": {"core"},
    "extract": {"core", "storage"},
    "template": {"core", "storage"},
    "export": {"core", "storage", "template"},
    "corroborate": {"core", "extract"},
    "sources": {"core", "extract", "storage"},
    "compose": {"core", "storage", "extract", "template", "corroborate", "sources", "export"},
    "startup": {"core", "storage", "extract", "template"},
    "install": {"core", "storage"},
}


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(briefing.__path__, "briefing."):
        if info.name.startswith("briefing.ui") or info.name == "briefing.__main__":
            continue
        names.append(info.name)
    return names


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imports(modules: dict[str, Path], *, runtime_only: bool) -> dict[str, set[str]]:
    """Module -> the briefing modules it imports (``from pkg import submodule`` counts as the submodule)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_lines(tree) if runtime_only else set()
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skip:
                continue
            targets = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
                targets = subs if len(subs) == len(node.names) else [node.module, *subs]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            edges[name].update(t for t in targets if t in modules and t != name)
    return edges


def test_no_module_outside_ui_imports_pyside6():
    modules = _non_ui_modules()
    assert "briefing.core.brief" in modules
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_only_the_command_line_and_the_entry_point_sit_at_the_top_of_the_package():
    loose = sorted(p.name for p in PACKAGE_DIR.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "cli.py"]


def test_every_package_imports_only_the_packages_beneath_it():
    modules = _modules()
    packages = {name.split(".")[1] for name in modules if name.count(".") >= 1}
    assert packages - {"cli", "__main__"} == set(ALLOWED) | {"ui"}, "a new package needs its place in ALLOWED"
    wrong = []
    for source, targets in _imports(modules, runtime_only=False).items():  # type-only imports count too
        package = source.split(".")[1] if source.count(".") else ""
        if package not in ALLOWED:
            continue
        for target in targets:
            other = target.split(".")[1] if target.count(".") else ""
            if other and other != package and other not in ALLOWED[package]:
                wrong.append(f"{source} -> {target}")
    assert wrong == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(edges):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("runtime_only", [True, False], ids=["at run time", "type-only imports included"])
def test_no_module_imports_itself_back_through_others(runtime_only: bool):
    assert _cycles(_imports(_modules(), runtime_only=runtime_only)) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]

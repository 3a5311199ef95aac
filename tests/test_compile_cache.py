"""The bytecode kept for source compiled from text at start-up (PySide's support package)."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path

import pytest

from briefing.compile_cache import FUTURE_FLAGS, cache_file, compile_cache

REPO = Path(__file__).resolve().parent.parent
SOURCE = "def area(w: Width, h: int) -> int:\n    return w * h\n"


@pytest.fixture(autouse=True)
def bytecode_may_be_written(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_a_second_start_gets_the_code_from_the_file(tmp_path):
    path = tmp_path / "c.bin"
    with compile_cache(path) as first:
        made = compile(SOURCE, "shapes.py", "exec")
    assert (first.compiled, first.hits) == (1, 0)
    assert path.read_bytes().startswith(MAGIC_NUMBER)

    with compile_cache(path) as second:
        again = compile(SOURCE, "shapes.py", "exec")
    assert (second.compiled, second.hits) == (0, 1)
    assert again == made == compile(SOURCE, "shapes.py", "exec")
    namespace: dict = {}
    exec(again, namespace)
    assert namespace["area"](3, 4) == 12
    assert namespace["area"].__annotations__["w"] == "Width"  # this module's `from __future__` was passed on


def test_the_callers_future_imports_are_part_of_the_key(tmp_path):
    """compile() passes on its caller's ``from __future__`` flags; a caller without them gets its own code."""
    plain: dict = {}
    exec(compile("def build(s):\n    return compile(s, 'shapes.py', 'exec')\n", "plain.py", "exec",
                 dont_inherit=True), plain)
    with compile_cache(tmp_path / "c.bin") as cache:
        postponed = compile(SOURCE, "shapes.py", "exec")
        evaluated = plain["build"](SOURCE)
    assert cache.compiled == 2
    assert postponed.co_flags & FUTURE_FLAGS and not evaluated.co_flags & FUTURE_FLAGS
    with pytest.raises(NameError):  # annotations evaluated at definition: "Width" is not defined
        exec(evaluated, {})


def test_changed_source_is_compiled_afresh(tmp_path):
    path = tmp_path / "c.bin"
    with compile_cache(path):
        compile(SOURCE, "shapes.py", "exec")
    with compile_cache(path) as cache:
        code = compile(SOURCE.replace("w * h", "w + h"), "shapes.py", "exec")
    assert (cache.compiled, cache.hits) == (1, 0)
    namespace: dict = {}
    exec(code, namespace)
    assert namespace["area"](3, 4) == 7


def test_other_modes_and_compiler_flags_are_not_cached(tmp_path):
    import ast

    with compile_cache(tmp_path / "c.bin") as cache:
        assert eval(compile("6 * 7", "x", "eval")) == 42
        tree = compile(SOURCE, "shapes.py", "exec", ast.PyCF_ONLY_AST)
    assert isinstance(tree, ast.Module)
    assert (cache.compiled, cache.hits) == (0, 0)
    assert not (tmp_path / "c.bin").exists()


def test_nothing_is_written_where_python_may_not_write_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    with compile_cache(tmp_path / "c.bin") as cache:
        compile(SOURCE, "shapes.py", "exec")
    assert cache.compiled == 1
    assert not (tmp_path / "c.bin").exists()


@pytest.mark.parametrize("content", [b"", b"garbage", MAGIC_NUMBER + b"\x00\x01broken", b"\x00\x00\r\n" + b"x" * 40])
def test_a_damaged_or_foreign_file_is_ignored_and_replaced(tmp_path, content):
    path = tmp_path / "c.bin"
    path.write_bytes(content)
    with compile_cache(path) as cache:
        code = compile(SOURCE, "shapes.py", "exec")
    assert cache.compiled == 1 and code == compile(SOURCE, "shapes.py", "exec")
    with compile_cache(path) as again:
        compile(SOURCE, "shapes.py", "exec")
    assert again.hits == 1


def test_an_unwritable_place_only_means_compiling_next_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    path = blocker / "sub" / "c.bin"
    with compile_cache(path) as cache:
        compile(SOURCE, "shapes.py", "exec")
    assert cache.compiled == 1
    assert not path.exists() and blocker.read_text() == "not a folder"
    assert not list(tmp_path.glob("**/*.tmp"))


def test_compile_is_itself_again_after_the_block_even_after_an_error(tmp_path):
    original = builtins.compile
    with pytest.raises(RuntimeError), compile_cache(tmp_path / "c.bin"):
        assert builtins.compile is not original
        raise RuntimeError("boom")
    assert builtins.compile is original


def test_cache_file_follows_pythons_pycache_rules(tmp_path, monkeypatch):
    tag = sys.implementation.cache_tag
    monkeypatch.setattr(sys, "pycache_prefix", None)
    assert cache_file(tmp_path, "x") == tmp_path / "__pycache__" / f"x.{tag}.bin"
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    assert cache_file(Path("/opt/app"), "x") == tmp_path / "prefix" / "opt" / "app" / f"x.{tag}.bin"


def _import_ui(prefix: Path) -> list[str]:
    """Import briefing.ui in a fresh interpreter (bytecode kept under ``prefix``); what its cache did."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(prefix)
    code = ("import briefing.ui as ui\n"
            "from PySide6.QtCore import QSize\n"
            "from shibokensupport.signature import get_signature\n"
            "print(ui.PYSIDE_SUPPORT.compiled, ui.PYSIDE_SUPPORT.hits, ui.PYSIDE_SUPPORT_CACHE.is_file(),\n"
            "      get_signature(QSize.scale))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          check=True, timeout=120)
    return done.stdout.split(maxsplit=3)


def test_the_app_compiles_pysides_support_once_then_reads_it(tmp_path):
    compiled, hits, written, signature = _import_ui(tmp_path)
    assert int(compiled) >= 10 and int(hits) == 0 and written == "True"
    compiled, hits, written, again = _import_ui(tmp_path)
    assert int(compiled) == 0 and int(hits) >= 10
    assert again == signature and "mode: PySide6.QtCore.Qt.AspectRatioMode" in signature  # PySide's signature
    # support (parser, mapping, layout) now runs from the cached code


def test_exec_of_text_with_its_namespace_is_answered_too(tmp_path):
    path = tmp_path / "c.bin"
    for run in range(2):
        namespace: dict = {}
        with compile_cache(path) as cache:
            exec("def double(x):\n    return 2 * x\n", namespace)
        assert namespace["double"](21) == 42
    assert (cache.compiled, cache.hits) == (0, 1)


def test_dataclasses_written_in_a_block_are_the_same_classes_the_next_time(tmp_path):
    from dataclasses import dataclass, field, fields

    def make():
        @dataclass(frozen=True)
        class Point:
            x: int
            y: int = 0
            tags: list = field(default_factory=list)
        return Point

    path = tmp_path / "c.bin"
    with compile_cache(path) as first:
        make()
    with compile_cache(path) as second:
        point = make()
    assert first.compiled >= 4 and (second.compiled, second.hits) == (0, first.compiled)
    p = point(1)
    assert p == point(1, 0, []) and repr(p).endswith("Point(x=1, y=0, tags=[])")
    assert [f.name for f in fields(point)] == ["x", "y", "tags"]
    with pytest.raises(AttributeError):
        p.x = 2  # frozen: its __setattr__ came from the cache too


def test_exec_without_a_namespace_still_runs_in_its_callers(tmp_path):
    def run() -> dict:
        exec("found = 41 + 1")
        return dict(locals())

    plain = run()
    with compile_cache(tmp_path / "c.bin"):
        cached = run()
    assert cached == plain and cached["found"] == 42


def _start_app(prefix: Path, home: Path) -> None:
    """The app on its sample article to its first paint, in a fresh process keeping bytecode under ``prefix``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(prefix), QT_QPA_PLATFORM="offscreen", BENCH_EXIT_AT_MARKER="1",
               HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_DATA_HOME=str(home / "data"))
    done = subprocess.run([sys.executable, "-m", "benchmarks.probe_app"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert "MainWindow:15facts" in done.stdout, done.stderr[-500:]


def test_the_apps_first_start_keeps_its_code_and_the_next_one_only_reads_it(tmp_path):
    ui = REPO / "briefing" / "ui"
    kept = [tmp_path / "prefix" / Path(ui).resolve().relative_to("/") / f"{name}.{sys.implementation.cache_tag}.bin"
            for name in ("pyside-support", "window-code")]
    _start_app(tmp_path / "prefix", tmp_path)
    assert all(path.stat().st_size > 10_000 for path in kept)
    written = [path.stat().st_mtime_ns for path in kept]
    _start_app(tmp_path / "prefix", tmp_path)
    assert [path.stat().st_mtime_ns for path in kept] == written  # everything was found: nothing rewritten


PATTERNS = [r"(?P<who>[A-Z]\w+(?: [A-Z]\w+)*) (?:said|told)", r"(?i)\bsteel\s+mills?\b",
            "[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", rb"ab+c"]


def test_regular_expressions_compiled_in_a_block_are_the_same_patterns_the_next_time(tmp_path):
    import re

    path = tmp_path / "c.bin"
    made = []
    for _ in range(2):
        re.purge()  # re's own in-process cache would answer before ours
        with compile_cache(path) as cache:
            made.append([re.compile(p) for p in PATTERNS])
    assert (cache.compiled, cache.hits) == (0, len(PATTERNS))
    re.purge()
    plain = [re.compile(p) for p in PATTERNS]
    assert made[1] == made[0] == plain  # same pattern, flags and compiled program
    assert made[1][0].search("Officials met. Haroon Akhtar Khan said so").group("who") == "Haroon Akhtar Khan"
    assert made[1][1].search("Pakistan STEEL Mills") and made[1][2].search("bell\x07") and made[1][3].match(b"abbc")
    assert re._compiler.compile is not None and "cached" not in re._compiler.compile.__name__  # re is itself again


def _compile_a_fresh_pattern(paths):  # the prefetch's work, in its second process
    import re

    from briefing.prefetch import Prefetched

    re.compile(r"(?P<unique>kept between starts)\s+\d+")
    return Prefetched()


def test_the_second_process_keeps_what_it_compiles(tmp_path, monkeypatch):
    """The prefetch's second process does its work inside a block on the prefetch's cache file."""
    from briefing import prefetch
    from briefing.compile_cache import CompileCache

    monkeypatch.setattr(prefetch, "CODE_CACHE", tmp_path / "prefetch.bin")
    started = prefetch.Prefetch.start(["unused"], work=_compile_a_fresh_pattern)
    assert started is not None
    try:
        assert started.collect() is not None
    finally:
        started.close()
    kept = CompileCache(tmp_path / "prefetch.bin")
    kept.load()
    assert any(key[0] == "re" and "kept between starts" in key[2] for key in kept.codes)


def test_a_nested_callers_code_flags_are_not_taken_for_future_imports(tmp_path):
    """CO_NESTED shares its bit with the old nested_scopes feature; compile() never passes it on."""
    def nested_caller():
        return compile(SOURCE, "shapes.py", "exec")

    with compile_cache(tmp_path / "c.bin") as cache:
        inner = nested_caller()
        outer = compile(SOURCE, "shapes.py", "exec")
    assert inner == outer and (cache.compiled, cache.hits) == (1, 1)


def test_a_file_past_its_size_keeps_only_what_the_last_start_used(tmp_path, monkeypatch):
    from briefing import compile_cache as module

    monkeypatch.setattr(module, "MAX_ENTRIES", 3)
    path = tmp_path / "c.bin"
    sources = [f"value = {n}\n" for n in range(5)]
    for source in sources[:3]:  # three starts, each needing other code: all of it is kept
        with compile_cache(path):
            compile(source, "v.py", "exec")
    with compile_cache(path) as cache:
        compile(sources[3], "v.py", "exec")
        compile(sources[0], "v.py", "exec")
    assert (cache.compiled, cache.hits) == (1, 1)
    with compile_cache(path) as kept:
        for source in sources[:4]:
            compile(source, "v.py", "exec")
    assert (kept.hits, kept.compiled) == (2, 2)  # over the limit, the file kept the last start's two

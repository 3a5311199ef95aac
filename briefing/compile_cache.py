"""Compiled forms kept between starts for what is compiled from text at every start, as ``__pycache__``
does for modules imported from files.

Qt for Python keeps its support package (``shibokensupport``: signatures, enums, features) as source inside
its shared library and compiles its 14 files, and then their regular expressions, on every import: about
230 M instructions, a third of a bare PySide window's start-up. ``dataclasses`` writes
each generated method (``__init__``, ``__repr__``, ``__eq__``...) as text and ``exec``s it: another 35 M for
the window's 19 classes. The extractors' regular expressions took two thirds of the time the second
process needs to read the opening article (``briefing.prefetch``).

Within a ``compile_cache`` block, ``compile()`` and ``exec()`` of text get the code object the cache file
holds for the same text, file name, mode, flags and optimisation level, and ``re`` the compiled form of the
same pattern and flags from this same interpreter; anything else is compiled as usual. The file is written
like a ``.pyc``: not when Python is told not to write bytecode, atomically, and never at the cost of a start
(an unreadable, stale or unwritable cache only means compiling as before).
"""

from __future__ import annotations

import __future__
import builtins
import _sre
import marshal
import os
import re
import sys
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Callable, Iterator

# The compiler flags a caller's own ``from __future__`` imports give its compile() calls (what
# ``dont_inherit=False`` passes on); the key records them, so a cached code object is the one compile() made.
# Not nested_scopes: its flag is CO_NESTED, which marks a nested function and is never passed on.
FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    if _feature != "nested_scopes":
        FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag


def cache_file(folder: Path, name: str) -> Path:
    """Where Python would keep a ``.pyc`` of ``folder/name``: its ``__pycache__``, or under
    ``sys.pycache_prefix`` (PYTHONPYCACHEPREFIX) when one is set."""
    filename = f"{name}.{sys.implementation.cache_tag}.bin"
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix, *Path(folder).resolve().parts[1:], filename)
    return Path(folder) / "__pycache__" / filename


# Entries a cache file keeps from earlier starts besides this start's own: a start that opens a brief adds
# what opening an article did not need, and both stay; past this a file keeps only what its last start used.
MAX_ENTRIES = 2_000


class CompileCache:
    """What one ``compile_cache`` block found: code objects by key, and how many it had to compile."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.codes: dict = {}
        self.used: set = set()  # the keys this start looked up
        self.hits = 0
        self.compiled = 0

    def get(self, key):  # noqa: ANN001, ANN201 - a code object or a pattern's compiled form, None if not kept
        self.used.add(key)
        return self.codes.get(key)

    def load(self) -> None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        if not data.startswith(MAGIC_NUMBER):  # another Python's bytecode: of no use
            return
        try:
            codes = marshal.loads(data[len(MAGIC_NUMBER):])
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(codes, dict):
            self.codes = codes

    def save(self) -> None:
        """Write the cache if anything was compiled, through a temporary file so a reader never sees half."""
        if not self.compiled or sys.dont_write_bytecode:
            return
        codes = self.codes if len(self.codes) <= MAX_ENTRIES else {k: self.codes[k] for k in self.used}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(MAGIC_NUMBER + marshal.dumps(codes))
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # a read-only install, a full disk: the next start compiles again
            try:
                temporary.unlink()
            except OSError:
                pass


@contextmanager
def compile_cache(path: Path) -> Iterator[CompileCache]:
    """Within the block, source text compiled in "exec" mode (by ``compile()``, or by ``exec()`` with the
    namespace given, as ``dataclasses`` does for each method it writes) is answered from ``path`` when it can."""
    cache = CompileCache(path)
    cache.load()
    compile_, exec_ = builtins.compile, builtins.exec

    def code_for(source, filename, flags, optimize):  # noqa: ANN001, ANN202
        key = (os.fspath(filename), flags, sys.flags.optimize if optimize == -1 else optimize, source)
        code = cache.get(key)
        if code is None:
            code = cache.codes[key] = compile_(source, filename, "exec", flags, True, optimize)
            cache.compiled += 1
        else:
            cache.hits += 1
        return code

    def cached_compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **options):  # noqa: ANN001, ANN202
        if mode != "exec" or options or not isinstance(source, (str, bytes)) or flags & ~FUTURE_FLAGS:
            return compile_(source, filename, mode, flags, dont_inherit, optimize, **options)
        if not dont_inherit:  # what compile() itself would take from its caller's `from __future__` imports
            flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        return code_for(source, filename, flags, optimize)

    def cached_exec(source, globals=None, locals=None, /, **options):  # noqa: A002, ANN001, ANN202
        caller = sys._getframe(1)
        if globals is None:  # exec() runs in its caller's namespace, which here is the caller's, not ours
            globals = caller.f_globals  # noqa: A001
            locals = caller.f_locals if locals is None else locals  # noqa: A001
        if options or not isinstance(source, (str, bytes)):
            return exec_(source, globals, locals, **options)
        return exec_(code_for(source, "<string>", caller.f_code.co_flags & FUTURE_FLAGS, -1), globals, locals)

    builtins.compile, builtins.exec = cached_compile, cached_exec
    restore_re = _cache_regex_compiles(cache)
    try:
        yield cache
    finally:
        builtins.compile, builtins.exec = compile_, exec_
        restore_re()
        cache.save()


def _cache_regex_compiles(cache: CompileCache) -> Callable[[], None]:
    """Have ``re`` take a pattern's compiled form from ``cache`` (what ``re._compiler.compile`` hands to
    ``_sre.compile``), keyed by this exact interpreter: that form is private to its ``re`` and ``_sre``.

    Parsing and compiling a pattern is Python code in ``re``: the extractors' 50 patterns took 65 ms to compile
    in the process that reads the opening article, and PySide's signature support about 110 M instructions in the
    window's. Returns what puts ``re`` back as it was."""
    compiler, parser = getattr(re, "_compiler", None), getattr(re, "_parser", None)
    parse, code_of = getattr(parser, "parse", None), getattr(compiler, "_code", None)
    if parse is None or code_of is None or not hasattr(_sre, "compile"):
        return lambda: None  # another Python's re: compile as usual
    original = compiler.compile
    build = (sys.version, _sre.MAGIC)

    def cached_regex_compile(pattern, flags=0):  # noqa: ANN001, ANN202 - re._compiler.compile's signature
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return original(pattern, flags)
        key = ("re", build, pattern, flags)
        form = cache.get(key)
        if form is None:  # what re._compiler.compile does, keeping what it passes on
            parsed = parse(pattern, flags)
            groupindex = parsed.state.groupdict
            indexgroup = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            form = cache.codes[key] = (flags | parsed.state.flags, [int(op) for op in code_of(parsed, flags)],
                                       parsed.state.groups - 1,
                                       dict(groupindex), tuple(indexgroup))
            cache.compiled += 1
        else:
            cache.hits += 1
        return _sre.compile(pattern, *form)

    compiler.compile = cached_regex_compile

    def restore() -> None:
        compiler.compile = original

    return restore

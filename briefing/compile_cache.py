"""Bytecode kept between starts for source that is compiled from text at every start, as ``__pycache__``
does for modules imported from files.

Qt for Python keeps its support package (``shibokensupport``: signatures, enums, features) as source inside
its shared library and compiles its 14 files on every import: about 120 M instructions, a third of what
opening the window costs on top of a bare PySide window. ``dataclasses`` writes each generated method
(``__init__``, ``__repr__``, ``__eq__``...) as text and ``exec``s it: 19 classes, another 35 M. Within a
``compile_cache`` block, ``compile()`` and ``exec()`` of text get a code object the cache file already holds
for the same text, file name, mode, flags and optimisation level; any other text is compiled as usual. The
file is written like a ``.pyc``: not when Python is told not to write bytecode, atomically, and never at the
cost of a start (an unreadable, stale or unwritable cache only means compiling as before).
"""

from __future__ import annotations

import __future__
import builtins
import marshal
import os
import sys
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Iterator

# The compiler flags a caller's own ``from __future__`` imports give its compile() calls (what
# ``dont_inherit=False`` passes on); the key records them, so a cached code object is the one compile() made.
FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag


def cache_file(folder: Path, name: str) -> Path:
    """Where Python would keep a ``.pyc`` of ``folder/name``: its ``__pycache__``, or under
    ``sys.pycache_prefix`` (PYTHONPYCACHEPREFIX) when one is set."""
    filename = f"{name}.{sys.implementation.cache_tag}.bin"
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix, *Path(folder).resolve().parts[1:], filename)
    return Path(folder) / "__pycache__" / filename


class CompileCache:
    """What one ``compile_cache`` block found: code objects by key, and how many it had to compile."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.codes: dict = {}
        self.hits = 0
        self.compiled = 0

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
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(MAGIC_NUMBER + marshal.dumps(self.codes))
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
        code = cache.codes.get(key)
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
    try:
        yield cache
    finally:
        builtins.compile, builtins.exec = compile_, exec_
        cache.save()

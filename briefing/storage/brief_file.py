"""Brief files (``NAME.brief.yaml``): readable, diff-friendly, self-contained, versioned, written atomically.

A brief file embeds every source it cites (full text, facts, entities, acronyms), so it opens anywhere,
even where its template or articles are missing. Keys keep a fixed order and long texts are literal blocks,
so two versions diff line by line. The last key, ``end_of_brief``, lets a truncated copy be told from a
complete one (YAML cut at a line boundary still parses). Loading checks every cross-reference and every
fact's offsets before a Brief is built, so a damaged file is refused with one line, never half-opened.
Each save keeps the previous three versions as ``.bak``, ``.bak.2``, ``.bak.3``.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import shutil
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.core.brief import Brief
from briefing.core.errors import BriefFileError
from briefing.storage.atomic import atomic_open
from briefing.storage.brief_format import brief_from_data, brief_to_data
from briefing.storage.files import read_named_file

FORMAT_VERSION = 1
BACKUPS = 3

_BaseDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Brief files get large (a dossier of 10,000 facts is ~400,000 YAML scalars), and PyYAML spends most of
# its time in per-scalar Python calls, not in the C parser/emitter. So nodes are built and read here
# directly, and tag resolution takes a short cut; both give exactly what PyYAML's safe dump/load would.
_STR, _INT, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"
_NULL, _SEQ, _MAP = "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers  # first character -> [(tag, pattern)]


def _resolve(self: Any, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    """``BaseResolver.resolve`` for the default resolvers, without the path-resolver machinery."""
    if kind is ScalarNode:
        if implicit[0]:
            for tag, pattern in _IMPLICIT.get(value[:1], ()):
                if pattern.match(value):
                    return tag
        return _STR
    return _SEQ if kind is SequenceNode else _MAP


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    resolve = _resolve


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    resolve = _resolve


def _str_node(value: str) -> Node:
    # Multi-line text as a literal block, so each paragraph of an article diffs on its own.
    return ScalarNode(_STR, value, style="|" if "\n" in value else None)


def _map_node(value: dict[str, Any]) -> Node:
    return MappingNode(_MAP, [(ScalarNode(_STR, k), _node(v)) for k, v in value.items()], flow_style=False)


def _seq_node(value: list[Any]) -> Node:
    return SequenceNode(_SEQ, [_node(v) for v in value], flow_style=False)


_NODES: dict[type, Callable[[Any], Node]] = {
    str: _str_node, dict: _map_node, list: _seq_node, int: lambda v: ScalarNode(_INT, str(v)),
    bool: lambda v: ScalarNode(_BOOL, "true" if v else "false"), type(None): lambda v: ScalarNode(_NULL, "null"),
}


def _node(value: Any) -> Node:
    """The YAML node PyYAML's safe representer would make, in block style and without anchors."""
    try:
        return _NODES[type(value)](value)
    except KeyError:
        raise BriefFileError(f"cannot save a value of type {type(value).__name__}") from None


class _Builder:
    """Plain data from composed nodes, as SafeLoader would build it; refuses aliases and unusual tags."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.seen: set[int] = set()

    def build(self, node: Node) -> Any:
        if id(node) in self.seen:  # only an alias reaches a node twice; briefs never use them
            raise BriefFileError("aliases (*name) are not allowed in brief files")
        self.seen.add(id(node))
        tag = node.tag
        if tag == _STR:
            if type(node) is not ScalarNode:
                raise BriefFileError(f"line {node.start_mark.line + 1}: a !!str tag on a list or mapping")
            return node.value
        if tag == _MAP and type(node) is MappingNode:
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node)
                if isinstance(key, (dict, list)):
                    raise BriefFileError(f"line {key_node.start_mark.line + 1}: a key must be plain text")
                if key in out:
                    raise BriefFileError(f"line {key_node.start_mark.line + 1}: the key {key!r} appears twice")
                out[key] = self.build(value_node)
            return out
        if tag == _SEQ and type(node) is SequenceNode:
            return [self.build(item) for item in node.value]
        if type(node) is ScalarNode and tag in _SCALARS:
            return self.loader.yaml_constructors[tag](self.loader, node)
        raise BriefFileError(f"line {node.start_mark.line + 1}: the tag {tag} is not allowed in brief files")


_SCALARS = {_INT, _BOOL, _NULL, "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Building hundreds of thousands of nodes that all stay alive makes the cyclic GC rescan them over and
    over (a third of the time for a large brief); nothing here creates cycles, so pause it meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def brief_to_yaml(brief: Brief) -> bytes:
    """The file content for a brief (UTF-8)."""
    with _no_gc_pauses():
        return data_to_yaml(brief_to_data(brief, FORMAT_VERSION))


def data_to_yaml(data: dict[str, Any]) -> bytes:
    """The file content for ``brief_to_data(brief, FORMAT_VERSION)``: plain data shares nothing with the
    brief, so a snapshot taken on the GUI thread can be written out on another (autosave)."""
    stream = io.StringIO()
    with _no_gc_pauses():
        _dump(data, stream)
    return stream.getvalue().encode("utf-8")


def _dump(data: dict[str, Any], stream: io.StringIO) -> None:
    dumper = _Dumper(stream, default_flow_style=False, allow_unicode=True, width=120, indent=2,
                     sort_keys=False)
    try:
        dumper.open()
        dumper.serialize(_node(data))
        dumper.close()
    finally:
        dumper.dispose()


def _load_yaml(text: str) -> Any:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder(loader).build(node)
    finally:
        loader.dispose()


def _backup_names(path: Path) -> list[Path]:
    return [path.with_name(path.name + ".bak")] + [path.with_name(f"{path.name}.bak.{n}")
                                                    for n in range(2, BACKUPS + 1)]


def _rotate_backups(path: Path) -> None:
    """Shift .bak -> .bak.2 -> .bak.3 (the oldest drops out), then keep the current file as .bak."""
    names = _backup_names(path)
    try:
        for older, newer in zip(reversed(names[:-1]), reversed(names[1:])):
            if older.exists():
                os.replace(older, newer)
        with contextlib.suppress(FileNotFoundError):
            names[0].unlink()
        try:
            os.link(path, names[0])  # the file itself stays in place until the atomic replace
        except OSError:
            shutil.copy2(path, names[0])
    except OSError as err:
        raise BriefFileError(f"cannot keep a backup of {path}: {err.strerror or err}") from None


def save_brief(brief: Brief, path: str | os.PathLike[str]) -> None:
    """Write ``brief`` to ``path`` atomically, keeping up to three backups of what was there.

    Saving content identical to the file on disk changes nothing (so backups are not pushed out by
    repeated saves). Raises ``BriefFileError`` with one line; on failure the old file is intact.
    """
    target = Path(path)
    content = brief_to_yaml(brief)
    if target.is_file():
        try:
            if target.stat().st_size == len(content) and target.read_bytes() == content:
                return
        except OSError:
            pass
    with atomic_open(target, BriefFileError) as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
        # Only once the new version is safely written: a failed save (a full disk) must not rotate the
        # oldest backup out, and repeated tries must not make room by deleting it.
        if target.is_file():
            _rotate_backups(target)


def _parse(data: bytes, shown: str) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BriefFileError(f"{shown} is not a brief file (it is not UTF-8 text)") from None
    try:
        return _load_yaml(text)
    except BriefFileError as err:
        raise BriefFileError(f"{shown} is damaged: {err}") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" at line {mark.line + 1}" if mark else ""
        raise BriefFileError(f"{shown} is damaged or truncated{where}: {err.problem or err.context}") from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise BriefFileError(f"{shown} is not a readable brief file: {reason}") from None


def load_brief(path: str | os.PathLike[str]) -> Brief:
    """Read a brief file; every problem is a ``BriefFileError`` with one line, and nothing is written."""
    data = read_named_file(path, what="a brief file", error=BriefFileError)
    shown = str(path)
    if b"\x00" in data[:8192]:
        raise BriefFileError(f"{shown} is not a brief file (it is binary)")
    with _no_gc_pauses():
        return brief_from_data(_parse(data, shown), shown, FORMAT_VERSION)

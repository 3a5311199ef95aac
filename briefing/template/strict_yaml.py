"""Strict, safe YAML reading for hand-written files: nodes with line numbers, nothing clever, nothing executed.

Templates are shared between analysts, so a template file is untrusted input. This reader refuses what a
template never needs and an attacker would: anchors and aliases (the "billion laughs" bomb is refused at its
first anchor, before anything expands), explicit tags such as ``!!python/object`` (nothing is constructed
here at all, only nodes are composed), duplicate keys (YAML silently keeps the last one), more than one
document, and files over ``MAX_BYTES``. PyYAML's Python composer is used on purpose: its node marks give the
line of every key and value, which is what lets errors name file, line and key. It composes the events of
libyaml's C parser where PyYAML has it (seven times faster: the default template in under a millisecond, which
the app's start-up waits for), else of the pure-Python parser; both mark the same lines.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from briefing.core.errors import TemplateError

MAX_BYTES = 1_000_000  # a real template is a few kilobytes; anything this big is a mistake or an attack
MAX_DEPTH = 64  # templates are four levels deep; deep nesting only serves to exhaust the stack


class _PythonEvents(Reader, Scanner, Parser):
    """PyYAML's pure-Python scanner and parser (used where PyYAML was built without libyaml)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


class _StrictComposer(Composer, Resolver):
    """A composer (no constructor: nothing is built from tags) that refuses anchors, aliases, tags and deep
    nesting while it composes; mixed with a source of parser events below."""

    def __init__(self, path: str) -> None:
        Composer.__init__(self)
        Resolver.__init__(self)
        self._path = path
        self._depth = 0

    def _refuse(self, message: str, mark: yaml.Mark | None) -> TemplateError:
        return TemplateError(message, path=self._path, line=mark.line + 1 if mark else None)

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise self._refuse(f"aliases (*{event.anchor}) are not allowed in templates; write the value out",
                               event.start_mark)
        event = self.peek_event()
        if event.anchor is not None:
            raise self._refuse(f"anchors (&{event.anchor}) are not allowed in templates; write the value out",
                               event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise self._refuse(f"tags such as {tag} are not allowed in templates (nothing is ever executed)",
                               event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise self._refuse(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _PythonLoader(_StrictComposer, _PythonEvents):
    def __init__(self, stream: str, path: str) -> None:
        _PythonEvents.__init__(self, stream)
        _StrictComposer.__init__(self, path)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _CLoader(_StrictComposer, CParser):
        def __init__(self, stream: str, path: str) -> None:
            CParser.__init__(self, stream)
            _StrictComposer.__init__(self, path)

    _FAST_LOADER: type[_StrictComposer] = _CLoader
else:
    _FAST_LOADER = _PythonLoader


def read_text(path: str | os.PathLike[str], error: type[TemplateError] = TemplateError) -> str:
    """The file's text, refusing missing, oversized, binary and non-UTF-8 files with a one-line error."""
    p = Path(path)
    shown = str(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise error("is a folder, not a template file", path=shown)
        if size > MAX_BYTES:
            raise error(f"the file is {size / 1_000_000:.1f} MB; a template must be under "
                        f"{MAX_BYTES // 1_000_000} MB", path=shown)
        data = p.read_bytes()
    except FileNotFoundError:
        raise error("no such file", path=shown) from None
    except OSError as err:
        raise error(f"cannot read the file: {err.strerror or err}", path=shown) from None
    if len(data) > MAX_BYTES:  # grew between stat and read
        raise error(f"the file is over {MAX_BYTES // 1_000_000} MB", path=shown)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise error("the file is not UTF-8 text (save it as UTF-8)", path=shown, line=line) from None
    if "\x00" in text:
        raise error("the file is binary, not a YAML template", path=shown, line=text[:text.index("\x00")].count(
            "\n") + 1)
    return text


def compose(text: str, path: str, *, pure_python: bool = False) -> Node | None:
    """Compose one YAML document into nodes (None for an empty file); every problem is a ``TemplateError``.

    ``pure_python`` reads the events with PyYAML's Python parser even where libyaml is available (tests
    compare the two)."""
    loader_class = _PythonLoader if pure_python else _FAST_LOADER
    loader = None
    try:
        loader = loader_class(text, path)  # the Python reader checks for forbidden characters here
        return loader.get_single_node()
    except TemplateError:
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours in flow collections
            raise TemplateError(f"nested more than {MAX_DEPTH} levels deep", path=path,
                                line=mark.line + 1 if mark else None) from None
        if err.context and err.problem and "expected a single document" not in err.context:
            problem = f"{problem} ({err.context})"
        if err.context and "expected a single document" in err.context:
            problem = "more than one YAML document; a template is one document (remove the '---')"
        raise TemplateError(f"YAML syntax error: {problem}", path=path,
                            line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:  # ReaderError: a control character that YAML forbids
        line = None
        position = getattr(err, "position", None)
        if isinstance(position, int):  # libyaml counts UTF-8 bytes, the Python reader characters
            before = text[:position] if loader_class is _PythonLoader else text.encode("utf-8")[:position]
            line = before.count("\n" if isinstance(before, str) else b"\n") + 1
        reason = getattr(err, "reason", "") or str(err).splitlines()[0]
        raise TemplateError(f"not valid YAML text: {reason}", path=path, line=line) from None
    except RecursionError:
        raise TemplateError("nested too deeply", path=path) from None
    finally:
        if loader is not None:
            loader.dispose()


def scalar_kind(node: ScalarNode) -> str:
    """The resolved YAML type of a scalar: 'str', 'int', 'float', 'bool' or 'null'."""
    return node.tag.rsplit(":", 1)[-1] if node.tag.startswith("tag:yaml.org,2002:") else "str"


def describe(node: Node) -> str:
    """How a value reads to a person, for 'expected X, got Y' messages."""
    if isinstance(node, MappingNode):
        return "a mapping of keys"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = scalar_kind(node)  # type: ignore[arg-type]
    return {"str": f"the text {node.value!r}", "int": f"the number {node.value}",
            "float": f"the number {node.value}", "bool": f"{node.value!r} (true/false)",
            "null": "nothing"}.get(kind, repr(node.value))

"""Read a template YAML file into a ``Template``, naming file, line and key for every mistake in it.

Templates are written by hand, so each error says exactly where and what: an unknown key (with a "did you
mean"), a wrong type, a missing required key, a duplicate id, a layout or fact kind that does not exist,
``min`` above ``max``. The YAML itself is read by ``strict_yaml`` (no aliases, tags or oversized files).
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Callable

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.core.brief import UNPLACED_ID
from briefing.core.errors import TemplateError
from briefing.core.fact import FACT_KINDS
from briefing.core.template import (
    CITATION_STYLES,
    LAYOUTS,
    FieldSpec,
    SectionSpec,
    Template,
)
from briefing.template.strict_yaml import compose, describe, read_text, scalar_kind

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
TOP_KEYS = ("id", "name", "description", "fields", "sections", "reference_docx", "citations", "sources_section")
FIELD_KEYS = ("id", "label", "default")
SECTION_KEYS = ("id", "title", "guidance", "kinds", "keywords", "min", "max", "layout")


class _Entries(dict[str, tuple[Node, Node]]):
    """A mapping's entries by key (key node, value node), remembering the mapping node for its line."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node


class _Reader:
    """Walks the composed nodes of one file; every helper raises a ``TemplateError`` at the node's line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: Node | None, key: str, message: str) -> TemplateError:
        line = node.start_mark.line + 1 if node is not None else None
        return TemplateError(message, path=self.path, line=line, key=key or None)

    def mapping(self, node: Node, key: str, allowed: tuple[str, ...], what: str) -> _Entries:
        """A mapping's entries by key (key node, value node); unknown and duplicate keys are errors."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, key, f"expected {what} (a mapping of keys), got {describe(node)}")
        entries = _Entries(node)
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            where = f"{key}.{name}" if key and name is not None else (name or key)
            if not isinstance(name, str) or not isinstance(key_node, ScalarNode):
                raise self.fail(key_node, key, "keys must be plain words")
            if name in entries:
                first = entries[name][0].start_mark.line + 1
                raise self.fail(key_node, where, f"duplicate key (first given on line {first})")
            if name not in allowed:
                guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
                hint = f"; did you mean {guess[0]!r}?" if guess else f"; known keys: {', '.join(allowed)}"
                raise self.fail(key_node, where, f"unknown key {name!r}{hint}")
            entries[name] = (key_node, value_node)
        return entries

    def text(self, entries: _Entries, name: str, key: str, *, required: bool = False,
             default: str = "") -> str:
        """A text value. Numbers and dates are taken as written (``date: 2025`` is the text "2025")."""
        where = f"{key}.{name}" if key else name
        if name not in entries:
            if required:
                raise self.fail(entries.node, where, "required key is missing")
            return default
        node = entries[name][1]
        if not isinstance(node, ScalarNode):
            raise self.fail(node, where, f"expected text, got {describe(node)}")
        kind = scalar_kind(node)
        if kind == "null":
            if required:
                raise self.fail(node, where, "must not be empty")
            return default
        if kind == "bool":
            raise self.fail(node, where, f"expected text, got {describe(node)}; put it in quotes")
        value = node.value.strip() if node.style is None else node.value
        if required and not value.strip():
            raise self.fail(node, where, "must not be empty")
        return value

    def flag(self, entries: _Entries, name: str, default: bool) -> bool:
        """A yes/no value (``true``/``false``); empty means the default."""
        if name not in entries:
            return default
        node = entries[name][1]
        if isinstance(node, ScalarNode) and scalar_kind(node) == "null":
            return default
        if not isinstance(node, ScalarNode) or scalar_kind(node) != "bool":
            raise self.fail(node, name, f"expected true or false, got {describe(node)}")
        return bool(SafeConstructor().construct_yaml_bool(node))

    def choice(self, entries: _Entries, name: str, key: str, choices: tuple[str, ...], default: str,
               what: str) -> str:
        """A text that must be one of ``choices`` (with a "did you mean" when it is close to one)."""
        value = self.text(entries, name, key, default=default)
        if value not in choices:
            guess = difflib.get_close_matches(value, choices, n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else f"use one of {', '.join(choices)}"
            raise self.fail(entries[name][1], f"{key}.{name}" if key else name, f"unknown {what} {value!r}; {hint}")
        return value

    def identifier(self, entries: _Entries, key: str) -> str:
        value = self.text(entries, "id", key, required=True)
        if not ID_PATTERN.match(value):
            raise self.fail(entries["id"][1], f"{key}.id" if key else "id",
                            f"{value!r} is not a valid id: use lowercase letters, digits, '-' and '_'")
        return value

    def count(self, entries: _Entries, name: str, key: str) -> int | None:
        if name not in entries:
            return None
        node = entries[name][1]
        where = f"{key}.{name}"
        if isinstance(node, ScalarNode) and scalar_kind(node) == "null":
            return None
        if not isinstance(node, ScalarNode) or scalar_kind(node) != "int":
            raise self.fail(node, where, f"expected a whole number, got {describe(node)}")
        value = int(SafeConstructor().construct_yaml_int(node))
        if value < 0:
            raise self.fail(node, where, "must not be negative")
        return value

    def words(self, entries: _Entries, name: str, key: str,
              check: Callable[[Node, str, str], None] | None = None) -> list[str]:
        """A list of texts; a single text is accepted as a list of one."""
        if name not in entries:
            return []
        node = entries[name][1]
        where = f"{key}.{name}"
        items = node.value if isinstance(node, SequenceNode) else [node]
        if isinstance(node, ScalarNode) and scalar_kind(node) == "null":
            return []
        out: list[str] = []
        for i, item in enumerate(items):
            if not isinstance(item, ScalarNode) or scalar_kind(item) in ("null", "bool"):
                raise self.fail(item, f"{where}[{i}]", f"expected text, got {describe(item)}")
            value = item.value.strip()
            if not value:
                raise self.fail(item, f"{where}[{i}]", "must not be empty")
            if check:
                check(item, f"{where}[{i}]", value)
            out.append(value)
        return out

    def sequence(self, entries: _Entries, name: str, what: str) -> list[Node]:
        if name not in entries:
            return []
        node = entries[name][1]
        if isinstance(node, ScalarNode) and scalar_kind(node) == "null":
            return []
        if not isinstance(node, SequenceNode):
            raise self.fail(node, name, f"expected a list of {what}, got {describe(node)}")
        return list(node.value)


def _check_kind(reader: _Reader) -> Callable[[Node, str, str], None]:
    def check(node: Node, where: str, value: str) -> None:
        if value not in FACT_KINDS:
            guess = difflib.get_close_matches(value, FACT_KINDS, n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else f"known kinds: {', '.join(FACT_KINDS)}"
            raise reader.fail(node, where, f"unknown fact kind {value!r}; {hint}")
    return check


def _read_field(reader: _Reader, node: Node, key: str) -> FieldSpec:
    entries = reader.mapping(node, key, FIELD_KEYS, "a field")
    field_id = reader.identifier(entries, key)
    label = reader.text(entries, "label", key) or field_id.replace("_", " ").replace("-", " ").capitalize()
    return FieldSpec(id=field_id, label=label, default=reader.text(entries, "default", key))


def _read_section(reader: _Reader, node: Node, key: str) -> SectionSpec:
    entries = reader.mapping(node, key, SECTION_KEYS, "a section")
    section_id = reader.identifier(entries, key)
    if section_id == UNPLACED_ID:
        raise reader.fail(entries["id"][1], f"{key}.id",
                          f"{UNPLACED_ID!r} is reserved for facts a template switch leaves without a section")
    title = reader.text(entries, "title", key, required=True)
    layout = reader.choice(entries, "layout", key, LAYOUTS, "bullets", "layout")
    low, high = reader.count(entries, "min", key), reader.count(entries, "max", key)
    if low is not None and high is not None and low > high:
        raise reader.fail(entries["min"][1], f"{key}.min", f"min ({low}) is greater than max ({high})")
    return SectionSpec(id=section_id, title=title, guidance=reader.text(entries, "guidance", key),
                       kinds=reader.words(entries, "kinds", key, _check_kind(reader)),
                       keywords=reader.words(entries, "keywords", key), min=low, max=high, layout=layout)


def _unique(reader: _Reader, nodes: list[Node], ids: list[str], key: str, what: str) -> None:
    seen: dict[str, int] = {}
    for i, (node, ident) in enumerate(zip(nodes, ids)):
        if ident in seen:
            raise reader.fail(node, f"{key}[{i}].id",
                              f"duplicate {what} id {ident!r} (also {key}[{seen[ident]}])")
        seen[ident] = i


def parse_template(text: str, path: str = "<template>") -> Template:
    """Build a Template from YAML text; ``path`` is only used in messages and ``Template.path``."""
    root = compose(text, path)
    if root is None:
        raise TemplateError("the file is empty; a template needs at least id, name and sections", path=path)
    reader = _Reader(path)
    entries = reader.mapping(root, "", TOP_KEYS, "a template")
    template_id = reader.identifier(entries, "")
    name = reader.text(entries, "name", "", required=True)
    description = reader.text(entries, "description", "")
    reference = reader.text(entries, "reference_docx", "")
    if reference and not reference.lower().endswith((".docx", ".dotx")):
        raise reader.fail(entries["reference_docx"][1], "reference_docx",
                          f"{reference!r} is not a Word document (.docx)")

    field_nodes = reader.sequence(entries, "fields", "fields")
    fields = [_read_field(reader, n, f"fields[{i}]") for i, n in enumerate(field_nodes)]
    _unique(reader, field_nodes, [f.id for f in fields], "fields", "field")

    if "sections" not in entries:
        raise reader.fail(root, "sections", "required key is missing")
    section_nodes = reader.sequence(entries, "sections", "sections")
    if not section_nodes:
        raise reader.fail(entries["sections"][1], "sections", "a template needs at least one section")
    sections = [_read_section(reader, n, f"sections[{i}]") for i, n in enumerate(section_nodes)]
    _unique(reader, section_nodes, [s.id for s in sections], "sections", "section")

    citations = reader.choice(entries, "citations", "", CITATION_STYLES, CITATION_STYLES[0], "citation style")
    sources_section = reader.flag(entries, "sources_section", True)
    return Template(id=template_id, name=name, description=description, fields=fields, sections=sections,
                    reference_docx=reference, citations=citations, sources_section=sources_section, path=path)


def load_template(path: str | os.PathLike[str]) -> Template:
    """Load and validate a template file; raises ``TemplateError`` ("file:line: key: message")."""
    shown = str(path)
    text = read_text(path)
    template = parse_template(text, shown)
    template.path = str(Path(path).resolve())
    return template

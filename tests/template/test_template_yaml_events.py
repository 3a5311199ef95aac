"""Templates read through libyaml's fast parser give the same nodes, lines and errors as PyYAML's Python one."""

from __future__ import annotations

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from briefing.core.errors import TemplateError
from briefing.storage.paths import TEMPLATES_DIR
from briefing.template.strict_yaml import compose

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml: one parser only")

BROKEN = [  # as files end: with a line break
    "a: b: c\n",
    "a: [1, 2\nb: 3\n",
    "a: {b: c\n",
    "- a\nb: c\n",
    "a: 'x\n",
    "a:\n  - b\n c: d\n",
    "id: x\nname: y\nsections: *here\n",
    "id: &anchor x\n",
    "id: !!python/object:os.system x\n",
    "---\nid: a\n---\nid: b\n",
    "\t id: x\n",
    "ééé: 1\nb: 2\nc: \x07\n",  # a control character after multi-byte letters: still line 3
    "sections: " + "[" * 100 + "]" * 100 + "\n",
]


def _shape(node: Node | None) -> object:
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column, node.end_mark.line)
    if isinstance(node, ScalarNode):
        return node.tag, node.value, where
    if isinstance(node, MappingNode):
        return node.tag, where, [(_shape(k), _shape(v)) for k, v in node.value]
    return node.tag, where, [_shape(n) for n in node.value]


@pytest.mark.parametrize("path", sorted(TEMPLATES_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_a_bundled_template_composes_to_the_same_nodes_with_either_parser(path):
    text = path.read_text(encoding="utf-8")
    assert _shape(compose(text, str(path))) == _shape(compose(text, str(path), pure_python=True))


@pytest.mark.parametrize("text", BROKEN)
def test_a_broken_template_is_refused_on_the_same_line_with_either_parser(text):
    errors = []
    for pure_python in (False, True):
        with pytest.raises(TemplateError) as caught:
            compose(text, "t.yaml", pure_python=pure_python)
        errors.append(caught.value)
    fast, python = errors
    assert fast.line == python.line
    assert str(fast).split(":")[2] == str(python).split(":")[2]  # the same kind of problem

"""Read YAML as editors wrote it, remembering where every value stands.

PyYAML implements YAML 1.1, which silently turns `no` into False, `18:30` into
1110 and `01067` into 567, and keeps the last of two equal keys. Editors expect
none of that, so this reader resolves plain scalars by a small YAML 1.2 core
subset (null, true/false, decimal integers, floats) and keeps everything else as
the text that was typed. Duplicate keys, tags and merge keys are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class _CoreLoader(yaml.SafeLoader):
    """SafeLoader whose implicit resolvers follow the YAML 1.2 core schema (subset)."""


_CoreLoader.yaml_implicit_resolvers = {}
_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    # No "+" sign and no "-0": "+49361..." and "-0" stay the text that was typed.
    ("tag:yaml.org,2002:int", r"^(?:0|-?[1-9][0-9]*)$", list("-0123456789")),
    ("tag:yaml.org,2002:float", r"^-?(?:[0-9]+\.[0-9]+)$", list("-0123456789")),
]
for _tag, _pattern, _first in _RESOLVERS:
    _CoreLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}


@dataclass
class YamlProblem:
    line: int
    field: str
    message: str


@dataclass
class YamlDocument:
    """The parsed value plus the line (1-based) of each key path."""

    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known prefix of `path` (a missing field: its parent)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


class _Builder:
    def __init__(self, document: YamlDocument) -> None:
        self.doc = document

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.doc.problems.append(
                    YamlProblem(line, _dotted(path), "merge keys (<<) are not supported: write the fields out")
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.doc.problems.append(YamlProblem(line, _dotted(path), "a key must be a plain word"))
                continue
            key = key_node.value
            if key in seen:
                self.doc.problems.append(
                    YamlProblem(
                        line,
                        _dotted((*path, key)),
                        f"duplicate key '{key}' (first on line {seen[key]}): "
                        "YAML would silently keep only the last one; remove one of them",
                    )
                )
                continue
            seen[key] = line
            self.doc.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _PLAIN_TAGS:
            self.doc.problems.append(
                YamlProblem(
                    node.start_mark.line + 1,
                    _dotted(path),
                    f"YAML tags such as {node.tag} are not allowed: write a plain or quoted value",
                )
            )
            return node.value
        if node.style in ("'", '"', "|", ">"):
            return node.value
        return _construct(node)


def _construct(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.tag.endswith(":null"):
        return None
    if node.tag.endswith(":bool"):
        return text.lower() == "true"
    if node.tag.endswith(":int"):
        return int(text)
    if node.tag.endswith(":float"):
        return float(text)
    return text


def read_yaml(path: Path) -> YamlDocument:
    """Parse one YAML file; syntax errors become problems with their line."""
    document = YamlDocument(value=None)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        document.problems.append(YamlProblem(1, "(file)", f"the file is not UTF-8 text ({error.reason})"))
        return document
    try:
        node = yaml.compose(text, Loader=_CoreLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = " ".join(filter(None, [error.context, error.problem]))
        document.problems.append(
            YamlProblem(line, "(syntax)", f"this is not valid YAML: {reason}; check indentation and quotes")
        )
        return document
    except yaml.YAMLError as error:
        document.problems.append(YamlProblem(1, "(syntax)", f"this is not valid YAML: {error}"))
        return document
    if node is not None:
        document.value = _Builder(document).build(node, ())
    return document

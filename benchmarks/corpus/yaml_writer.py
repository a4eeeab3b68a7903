"""YAML as editors write it: block style, every text in double quotes, long texts as `|` blocks."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

Value = str | int | float | bool | Sequence["Value"] | Mapping[str, "Value"]

_INDENT = "  "


def yaml_document(record: Mapping[str, Value], schema: str) -> str:
    """A data file: the editor's schema line, then the record."""
    lines = [f"# yaml-language-server: $schema={schema}"]
    lines += _mapping(record, 0)
    return "\n".join(lines) + "\n"


def _scalar(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _mapping(record: Mapping[str, Value], depth: int) -> list[str]:
    lines: list[str] = []
    pad = _INDENT * depth
    for key, value in record.items():
        lines += _entry(f"{pad}{key}:", value, depth)
    return lines


def _entry(head: str, value: Value, depth: int) -> list[str]:
    """`head` ("key:" or "-") followed by the value, inline when it is a one-line scalar."""
    if isinstance(value, str) and "\n" in value:
        chomp = "" if value.endswith("\n") and not value.endswith("\n\n") else "-"
        body = value[:-1] if value.endswith("\n") else value
        pad = _INDENT * (depth + 1)
        return [f"{head} |{chomp}"] + [f"{pad}{line}" if line else "" for line in body.split("\n")]
    if isinstance(value, Mapping):
        return [head, *_mapping(value, depth + 1)] if value else [f"{head} {{}}"]
    if isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            return [f"{head} []"]
        lines = [head]
        pad = _INDENT * (depth + 1)
        for item in value:
            if isinstance(item, Mapping):
                inner = _mapping(item, depth + 2)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines += inner[1:]
            else:
                lines += _entry(f"{pad}-", item, depth + 1)
        return lines
    return [f"{head} {_scalar(value)}"]

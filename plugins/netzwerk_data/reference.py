"""The generated parts of docs/data-format.md: every field of every file kind and every vocabulary.

Made from the models and the label dictionaries themselves, so the documentation cannot drift:
`invoke docs` writes them between the GENERATED markers, and a test fails when the committed
document differs from what this module makes.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import models, values

# File kinds in the order the document describes them: (heading, model).
FILE_KINDS: list[tuple[str, type[BaseModel]]] = [
    ("data/network.yaml", models.Network),
    ("data/venues/<id>.yaml", models.Venue),
    ("data/members/<id>.yaml", models.Member),
    ("data/working-groups/<id>.yaml", models.WorkingGroup),
    ("data/events/<year>/<id>.yaml", models.Event),
    ("data/chronicle.yaml", models.Chronicle),
]

_VALUE_TYPES = {
    values.parse_translatable: "text (translatable)",
    values.parse_plain_text: "text (one line)",
    values.parse_date: "date `YYYY-MM-DD`",
    values.parse_date_or_datetime: "date `YYYY-MM-DD` or date-time `YYYY-MM-DDTHH:MM`",
    values.parse_language: "language code (ISO 639-1)",
    values.parse_url: "web address `https://…`",
    values.parse_email: "e-mail address",
    values.parse_timezone: "time zone (IANA)",
    values.parse_tag: "tag (lowercase, digits, hyphens)",
    values.parse_image_path: "image path under content/images/",
}

BEGIN = "<!-- BEGIN GENERATED: {name} (invoke docs; do not edit by hand) -->"
END = "<!-- END GENERATED: {name} -->"


def _validator(metadata: list[Any]) -> Any:
    for item in metadata:
        func = getattr(item, "func", None)
        if func is not None:
            return func
    return None


def _describe(annotation: Any, metadata: list[Any] | None = None) -> str:
    """A field's type in the editor's words."""
    metadata = list(metadata or [])
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _describe(base, [*extra, *metadata])
    func = _validator(metadata)
    if func in _VALUE_TYPES:
        return _VALUE_TYPES[func]
    if func is not None and getattr(func, "__qualname__", "").startswith("_whole_number"):
        schema = next((m.json_schema for m in metadata if hasattr(m, "json_schema")), {})
        return f"whole number {schema.get('minimum')}–{schema.get('maximum')}"
    if func is not None and getattr(func, "__qualname__", "").startswith("_coordinate"):
        return "number (degrees)"
    if func is not None and func.__name__ == "_check_id":
        return "id (reference)"
    if origin is Literal:
        return "one of " + ", ".join(f"`{v}`" for v in typing.get_args(annotation))
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        parts = [a for a in typing.get_args(annotation) if a is not type(None)]
        return " or ".join(_describe(a, metadata) for a in parts)
    if origin is tuple:
        return f"list of {_describe(typing.get_args(annotation)[0])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"group: {annotation.__name__}"
    if annotation is bool or "StrictBool" in repr(metadata) or annotation is typing.Any:
        return "true or false"
    return getattr(annotation, "__name__", str(annotation))


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    default = info.default
    if default in (None, ()):
        return "optional"
    if isinstance(default, bool):
        return f"optional (default `{str(default).lower()}`)"
    return f"optional (default `{default}`)"


def _nested(model: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def walk(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for info in annotation.model_fields.values():
                    walk(info.annotation)
            return
        for arg in typing.get_args(annotation):
            walk(arg)

    for info in model.model_fields.values():
        walk(info.annotation)
    return found


def field_table(model: type[BaseModel]) -> list[str]:
    lines = ["| field | type | required? | notes |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        if name == "id":
            continue
        annotation = info.annotation if not info.metadata else typing.Annotated[info.annotation, *info.metadata]
        notes = (info.description or "").replace("|", "\\|")
        lines.append(f"| `{name}` | {_describe(annotation)} | {_default(info)} | {notes} |")
    return lines


def fields_section() -> str:
    lines: list[str] = []
    groups: list[type[BaseModel]] = []
    for heading, model in FILE_KINDS:
        lines += [f"#### Fields of `{heading}`", "", *field_table(model), ""]
        groups += [group for group in _nested(model) if group not in groups]
    for group in groups:
        lines += [f"#### Group `{group.__name__}`", "", *field_table(group), ""]
    return "\n".join(lines).rstrip() + "\n"


def vocabularies() -> dict[str, tuple[tuple[str, ...], dict[str, str]]]:
    """Vocabulary name -> (allowed values from the models, their labels on the site)."""
    from netzwerk_site import vocabulary  # the labels the site shows

    def allowed(literal: Any) -> tuple[str, ...]:
        return tuple(typing.get_args(literal))

    return {
        "member type (`type` in members/)": (allowed(models.MemberType), vocabulary.MEMBER_TYPES),
        "offer (`offers` in members/; other tags are allowed and shown as written)": (
            tuple(vocabulary.OFFERS),
            vocabulary.OFFERS,
        ),
        "event category (`category` in events/)": (allowed(models.EventCategory), vocabulary.EVENT_CATEGORIES),
        "audience (`audience` in events/)": (allowed(models.EventAudience), vocabulary.EVENT_AUDIENCES),
        "status (`status` in events/ and in `changed`)": (allowed(models.EventStatus), vocabulary.EVENT_STATUS),
        "document kind (`kind` in `documents`)": (
            allowed(models.DocumentKind),
            getattr(vocabulary, "DOCUMENT_KINDS", {}),
        ),
    }


def vocabulary_section() -> str:
    lines: list[str] = []
    for title, (allowed, labels) in vocabularies().items():
        lines += [
            f"#### Allowed values: {title}",
            "",
            "| value | shown on the site (English; translated per language) |",
        ]
        lines.append("|---|---|")
        lines += [f"| `{value}` | {labels.get(value, '')} |" for value in allowed]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


SECTIONS = {"fields": fields_section, "vocabularies": vocabulary_section}


def render(document: str) -> str:
    """`document` with every generated section made afresh."""
    for name, make in SECTIONS.items():
        pattern = re.compile(re.escape(BEGIN.format(name=name)) + r"\n.*?" + re.escape(END.format(name=name)), re.S)
        if not pattern.search(document):
            raise ValueError(f"docs/data-format.md has no markers for the generated section '{name}'")
        block = f"{BEGIN.format(name=name)}\n{make()}{END.format(name=name)}"
        document = pattern.sub(lambda _match, block=block: block, document)
    return document


def update(path: Path) -> bool:
    """Rewrite the generated sections of `path`; whether anything changed."""
    before = path.read_text(encoding="utf-8")
    after = render(before)
    if after != before:
        path.write_text(after, encoding="utf-8")
    return after != before

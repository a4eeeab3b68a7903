"""Load the whole data folder into one validated, immutable Dataset.

Every plugin and template reads the data through `load_dataset`; nothing else
parses the YAML. All problems of a run are collected and raised together.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ValidationError

from .checks import check_dataset
from .files import FolderScan, scan_folder
from .memo import LoadMemo
from .models import Chronicle, Event, FileRecord, Member, Network, Venue, WorkingGroup
from .problems import DataError, Problem, did_you_mean, relative
from .values import ID_PATTERN, MAX_ID_LENGTH, reserved_name_problem
from .yaml_source import YamlDocument, read_yaml

# kind -> (model, folder under data/, nested by year?)
FOLDERS: dict[str, tuple[type[FileRecord], str, bool]] = {
    "venue": (Venue, "venues", False),
    "member": (Member, "members", False),
    "working-group": (WorkingGroup, "working-groups", False),
    "event": (Event, "events", True),
}


@dataclass(frozen=True)
class Source:
    """Where a record came from, to point editors at the right line."""

    file: str
    document: YamlDocument

    def at(self, path: tuple[str | int, ...], message: str) -> Problem:
        field_name = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
        return Problem(self.file, self.document.line_of(path), field_name or "(file)", message)


@dataclass(frozen=True)
class Dataset:
    """Everything in data/, validated, with references resolved and membership derived."""

    root: Path
    network: Network
    venues: Mapping[str, Venue]
    members: Mapping[str, Member]
    working_groups: Mapping[str, WorkingGroup]
    events: Mapping[str, Event]
    sources: Mapping[tuple[str, str], Source] = field(repr=False)
    # working-group id -> ids of the members that list it (current and former)
    group_members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Kinds whose folder could not be read: references to them cannot be checked.
    unreadable: frozenset[str] = frozenset()
    # data/chronicle.yaml, the network's history (optional: None when there is no such file).
    chronicle: Chronicle | None = None

    @property
    def default_language(self) -> str:
        return self.network.default_language


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed at `loc` (for 'did you mean')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _inner_model(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [name for name in current.model_fields if name != "id"]
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(error: Any, model: type[BaseModel]) -> tuple[tuple[Any, ...], str]:
    loc, kind, value = tuple(error["loc"]), error["type"], error.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return loc, f"required field '{name}' is missing; add a line '{name}: ...'"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(name, allowed)
        return loc, f"unknown field '{name}':{hint} the fields here are: {', '.join(allowed)}"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        return loc, f"'{value}' is not allowed:{did_you_mean(str(value), choices)} use one of: {', '.join(choices)}"
    if kind == "bool_type":
        return loc, f"expected true or false, got {value!r}; write true or false without quotes"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"expected a whole number, got {value!r}; write it without quotes, e.g. 4"
    if kind in ("float_type", "float_parsing"):
        return loc, f"expected a number, got {value!r}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return loc, f"{value!r} is out of range: {error['msg'].lower()}"
    if kind == "string_type":
        return loc, f"expected text, got {value!r}; put the text in quotes"
    if kind == "string_pattern_mismatch":
        return loc, f"'{value}' may only contain lowercase letters, digits and hyphens, e.g. language-course"
    if kind in ("list_type", "tuple_type"):
        return loc, "expected a list: one item per line, each starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return loc, "expected a group of fields ('key: value' lines indented below this one)"
    if kind == "too_short":
        return loc, "the list is empty; give at least one item"
    message = error["msg"].removeprefix("Value error, ")
    return loc, message


def _validate(model: type[FileRecord], record_id: str, source: Source) -> tuple[FileRecord | None, list[Problem]]:
    data = source.document.value
    if data is None:
        return None, [source.at((), "the file is empty; fill in the fields (see the schema named on its first line)")]
    if not isinstance(data, dict):
        return None, [source.at((), "the file must be a group of 'key: value' lines")]
    if "id" in data:
        return None, [source.at(("id",), "remove 'id': a record's id is its file name")]
    try:
        return model.model_validate({**data, "id": record_id}), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            if item["type"] == "too_short" and item.get("input"):
                continue  # pydantic counts only the valid items: the broken ones have their own problems
            loc, message = _message(item, model)
            problems.append(source.at(loc, message))
        return None, problems


def _record_files(scan: FolderScan, folder_name: str, nested: bool) -> list[Path]:
    """Record files of one kind: <folder>/<id>.yaml, or <folder>/<year>/<id>.yaml for events."""
    depth = 3 if nested else 2
    return [path for path in scan.under(folder_name) if len(path.parts) == depth]


def load_dataset(data_dir: Path, content_dir: Path | None = None, memo: LoadMemo | None = None) -> Dataset:
    """Read and check every file; raise DataError listing every problem found.

    memo: files parsed and validated by an earlier load in this process, by their text (`make serve`)."""
    try:
        return _load(Path(data_dir), content_dir, memo)
    finally:
        if memo is not None:
            memo.finish()


def _load(data_dir: Path, content_dir: Path | None, memo: LoadMemo | None) -> Dataset:
    project = data_dir.parent
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError([Problem(relative(data_dir, project), 1, "(folder)", "the data folder does not exist")])

    def validated(model: type[FileRecord], record_id: str, source: Source) -> tuple[FileRecord | None, list[Problem]]:
        if memo is None:
            return _validate(model, record_id, source)
        # The memo keeps the document alive with the entry: its id names no other document meanwhile.
        key = ("record", model.__name__, record_id, source.file, id(source.document))
        return memo.get(key, lambda: (source.document, _validate(model, record_id, source)))[1]

    def source_of(path: Path) -> Source:
        document = read_yaml(path, memo)
        file = relative(path, project)
        problems.extend(Problem(file, p.line, p.field, p.message) for p in document.problems)
        return Source(file, document)

    scan = scan_folder(data_dir, project)
    problems.extend(scan.problems)
    problems.extend(_stray_files(scan, data_dir, project))
    unreadable = _unreadable_kinds(scan)
    sources: dict[tuple[str, str], Source] = {}
    network_path = data_dir / "network.yaml"
    network: Network | None = None
    if "network" in unreadable:
        pass  # the scan said why
    elif Path("network.yaml") not in scan.files:
        problems.append(Problem(relative(network_path, project), 1, "(file)", "network.yaml is missing; create it"))
    else:
        source = source_of(network_path)
        if source.document.value is not None or not source.document.problems:
            record, found = validated(Network, "network", source)
            problems.extend(found)
            network = record  # type: ignore[assignment]
            sources[("network", "network")] = source

    chronicle = None if "network" in unreadable else _load_chronicle(scan, data_dir, source_of, sources, problems)

    records: dict[str, dict[str, FileRecord]] = {kind: {} for kind in FOLDERS}
    for kind, (model, folder_name, nested) in FOLDERS.items():
        for found in _record_files(scan, folder_name, nested):
            if found.suffix not in (".yaml", ".yml"):
                continue  # reported as a stray file
            path = data_dir / found
            record_id = path.stem
            file = relative(path, project)
            if path.suffix == ".yml":
                problems.append(Problem(file, 1, "(file name)", f"rename the file to {record_id}.yaml"))
                continue
            if len(record_id) > MAX_ID_LENGTH:
                problems.append(
                    Problem(file, 1, "(file name)", f"the file name is too long: at most {MAX_ID_LENGTH} characters")
                )
                continue
            if not re.fullmatch(ID_PATTERN, record_id):
                problems.append(
                    Problem(
                        file,
                        1,
                        "(file name)",
                        f"'{record_id}' is not a valid id: rename the file using lowercase letters, digits "
                        "and hyphens only, e.g. caritas-erfurt.yaml",
                    )
                )
                continue
            reserved = reserved_name_problem(kind, record_id)
            if reserved is not None:
                problems.append(Problem(file, 1, "(file name)", f"{reserved}: rename the file"))
                continue
            if (kind, record_id) in sources:
                problems.append(
                    Problem(
                        file,
                        1,
                        "(file name)",
                        f"duplicate id '{record_id}': {sources[(kind, record_id)].file} has the same id; "
                        "rename one of the files",
                    )
                )
                continue
            source = source_of(path)
            sources[(kind, record_id)] = source
            if source.document.value is None and source.document.problems:
                continue  # a syntax error: nothing to validate
            record, found = validated(model, record_id, source)
            problems.extend(found)
            if record is not None:
                records[kind][record_id] = record

    if network is None:
        raise DataError(problems)
    dataset = Dataset(
        root=data_dir,
        network=network,
        venues=MappingProxyType(records["venue"]),  # type: ignore[arg-type]
        members=MappingProxyType(records["member"]),  # type: ignore[arg-type]
        working_groups=MappingProxyType(records["working-group"]),  # type: ignore[arg-type]
        events=MappingProxyType(records["event"]),  # type: ignore[arg-type]
        sources=MappingProxyType(sources),
        group_members=MappingProxyType(_derive_group_members(records["member"])),  # type: ignore[arg-type]
        unreadable=frozenset(unreadable),
        chronicle=chronicle,
    )
    problems.extend(check_dataset(dataset, content_dir))
    if problems:
        raise DataError(problems, network)
    return dataset


CHRONICLE_FILE = "chronicle.yaml"


def _load_chronicle(
    scan: FolderScan,
    data_dir: Path,
    source_of: typing.Callable[[Path], Source],
    sources: dict[tuple[str, str], Source],
    problems: list[Problem],
) -> Chronicle | None:
    """data/chronicle.yaml when there is one; every entry must name its source or say it is example data."""
    if Path(CHRONICLE_FILE) not in scan.files:
        return None
    source = source_of(data_dir / CHRONICLE_FILE)
    sources[("chronicle", "chronicle")] = source
    if source.document.value is None and source.document.problems:
        return None  # a syntax error: nothing to validate
    record, found = _validate(Chronicle, "chronicle", source)
    problems.extend(found)
    if not isinstance(record, Chronicle):
        return None
    for index, entry in enumerate(record.entries):
        if entry.source is None and not entry.example:
            problems.append(
                source.at(
                    ("entries", index, "source"),
                    f"the entry of {entry.date.isoformat()} has no source: add 'source: \"https://…\"' with the "
                    "address where the fact can be checked, or 'example: true' if it is example data",
                )
            )
    return record


def _stray_files(scan: FolderScan, data_dir: Path, project: Path) -> list[Problem]:
    """Files the loader would not read: say where they belong instead of ignoring them."""
    expected = {folder: (3 if nested else 2) for _model, folder, nested in FOLDERS.values()}
    problems = []
    for path in scan.files:
        shown = relative(data_dir / path, project)
        top = path.parts[0]
        if path in (Path("network.yaml"), Path(CHRONICLE_FILE)) or expected.get(top) == len(path.parts):
            if path.suffix not in (".yaml", ".yml"):
                problems.append(Problem(shown, 1, "(file name)", "only .yaml files are read here: rename or move it"))
            continue
        if top == "events" and len(path.parts) == 2:
            message = "event files go into a folder named after the year they start in, e.g. data/events/2026/"
        elif top in expected:
            message = f"files in {top}/ are not read from sub-folders: move it to {data_dir.name}/{top}/"
        else:
            message = (
                f"this file is not read: data files belong in {', '.join(f'{f}/' for f in expected)}, "
                f"network.yaml or {CHRONICLE_FILE}"
            )
        problems.append(Problem(shown, 1, "(file name)", message))
    return problems


def _unreadable_kinds(scan: FolderScan) -> set[str]:
    """Kinds whose files could not all be listed ("" is the data folder itself)."""
    if "" in scan.unreadable:
        return {"network", *FOLDERS}
    tops = {folder.split("/", 1)[0] for folder in scan.unreadable}
    return {kind for kind, (_model, folder, _nested) in FOLDERS.items() if folder in tops}


def _derive_group_members(members: Mapping[str, FileRecord]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for member_id, member in sorted(members.items()):
        assert isinstance(member, Member)
        for group in member.working_groups:
            groups.setdefault(group, []).append(member_id)
    return {group: tuple(ids) for group, ids in groups.items()}

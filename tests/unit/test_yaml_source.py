"""The YAML reader: what editors wrote, where they wrote it, and hostile files refused quickly.

Normal files must read exactly as with the former compose-based reader (kept below as
`old_read_yaml`, for comparison only). Every hostile case asserts the line and a message
fragment that tells the editor what to do, with both parsers where their words differ.
"""

from __future__ import annotations

import os
import re
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml

from netzwerk_data import files, yaml_source
from netzwerk_data.yaml_source import MAX_BYTES, MAX_DEPTH, YamlDocument, read_yaml

ROOT = Path(__file__).parents[2]
SECONDS = 2.0  # loose: the real times are a fraction of this, even on a busy machine

PARSERS = [
    pytest.param(
        getattr(yaml, "CSafeLoader", None),
        id="libyaml",
        marks=pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml"),
    ),
    pytest.param(yaml.SafeLoader, id="pure-python"),
]


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Run the test with libyaml and with PyYAML's own parser (the fallback)."""
    monkeypatch.setattr(yaml_source, "_LOADER", request.param)
    return request.param


def read_text(tmp_path: Path, text: str, name: str = "record.yaml") -> YamlDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return read_yaml(path)


def read_bytes(tmp_path: Path, raw: bytes) -> YamlDocument:
    path = tmp_path / "record.yaml"
    path.write_bytes(raw)
    return read_yaml(path)


def problems(document: YamlDocument) -> list[tuple[int, str, str]]:
    return [(p.line, p.field, p.message) for p in document.problems]


def the_problem(document: YamlDocument) -> tuple[int, str, str]:
    assert len(document.problems) == 1, document.problems
    assert document.value is None, "a refused file has no value"
    return problems(document)[0]


# --- the former reader, for comparison ---------------------------------------------------------


class _OldCoreLoader(yaml.SafeLoader):
    pass


_OldCoreLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:0|-?[1-9][0-9]*)$", list("-0123456789")),
    ("tag:yaml.org,2002:float", r"^-?(?:[0-9]+\.[0-9]+)$", list("-0123456789")),
]:
    _OldCoreLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)
_OLD_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float")}


def _old_dotted(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def old_read_yaml(path: Path) -> tuple[Any, dict[Any, int], list[tuple[int, str, str]]]:
    """The compose-based reader this module replaced (recursive, expands aliases): normal files only."""
    lines: dict[Any, int] = {}
    found: list[tuple[int, str, str]] = []

    def build(node: yaml.Node, at: tuple[Any, ...]) -> Any:
        lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result, seen = {}, {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if key_node.tag == "tag:yaml.org,2002:merge":
                    found.append((line, _old_dotted(at), "merge keys (<<) are not supported: write the fields out"))
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    found.append((line, _old_dotted(at), "a key must be a plain word"))
                    continue
                key = key_node.value
                if key in seen:
                    found.append(
                        (
                            line,
                            _old_dotted((*at, key)),
                            f"duplicate key '{key}' (first on line {seen[key]}): "
                            "YAML would silently keep only the last one; remove one of them",
                        )
                    )
                    continue
                seen[key] = line
                lines[(*at, key)] = line
                result[key] = build(value_node, (*at, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item, (*at, i)) for i, item in enumerate(node.value)]
        if node.tag not in _OLD_PLAIN_TAGS:
            found.append((node.start_mark.line + 1, _old_dotted(at), f"YAML tags such as {node.tag} are not allowed"))
            return node.value
        if node.style in ("'", '"', "|", ">"):
            return node.value
        kind = node.tag.rsplit(":", 1)[1]
        if kind == "null":
            return None
        if kind == "bool":
            return node.value.lower() == "true"
        return {"int": int, "float": float}.get(kind, str)(node.value)

    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_OldCoreLoader)
    value = build(node, ()) if node is not None else None
    return value, lines, found


# --- normal files: as before ----------------------------------------------------------------------

YAML_FILES = sorted(
    path
    for folder in (ROOT / "data", ROOT / "tests" / "fixtures")
    if folder.is_dir()
    for path in folder.rglob("*.yaml")
)

NORMAL_SAMPLES = [
    "a: 1\nb:\n  - x\n  - {c: 2, d: [1, 2.5, -3, -0, 007, +1, 1e3, .5, 5., null, ~, Null, true, False, yes, 18:30]}\n",
    "- a\n-\n- - b\n  - c\n-   d: 1\n    e: 2\n- 'q'\n- \"1\"\n- |\n  block\n- >\n  folded\n  text\n",
    "a:\n  b:\n    c:\n      d: [1]\n  e: ''\n",
    "x: 1\nx: 2\ny:\n  z: 1\n  z: {q: 1}\n",
    "? [a]\n: 1\nb: 2\n",
    "",
    "# only a comment\n",
    "---\n",
    "--- 5\n",
    "plain",
    "a: -1.50\nb: 0.0\nc: 00.5\nd: -0.0\ne: 123456789012345\nf: -12345678901234.5\n",
    "multi: this is\n  a plain\n  scalar\nnext: 1\n",
    "empty:\nlast:",
    "list:\n- a\n- b\nafter: 1\n",
    "a: [\n  1,\n  2\n]\nb: {\n  x: 1\n}\n",
    "'<<': 1\n",
    "a: 1\r\nb:\r\n  - 2\r\n",
    'name:\n  de: "Zentrum für Integration"\n  ar: "مركز"\nphone: +493615550100\nzip: 01067\n',
]


def test_every_data_and_fixture_file_reads_as_with_the_former_reader() -> None:
    assert len(YAML_FILES) >= 10
    differences = []
    for path in YAML_FILES:
        document = read_yaml(path)
        if (document.value, document.lines, problems(document)) != old_read_yaml(path):
            differences.append(path.relative_to(ROOT).as_posix())
    assert differences == []


@pytest.mark.parametrize("text", NORMAL_SAMPLES)
def test_normal_yaml_reads_as_with_the_former_reader(tmp_path: Path, parser: type, text: str) -> None:
    document = read_text(tmp_path, text)
    value, lines, found = old_read_yaml(tmp_path / "record.yaml")
    assert document.value == value
    assert repr(document.value) == repr(value)  # same types: 1 is not 1.0 or True
    assert document.lines == lines
    assert problems(document) == found


def test_plain_scalars_follow_the_yaml_1_2_core_subset(tmp_path: Path) -> None:
    document = read_text(
        tmp_path,
        "a: no\nb: yes\nc: 18:30\nd: 01067\ne: +49361\nf: -0\ng: 1e3\nh: .5\ni: TRUE\nj: ~\nk:\n"
        "l: -42\nm: 3.25\nn: '12'\no: \"true\"\np: |\n  7\n",
    )
    assert document.value == {
        "a": "no",
        "b": "yes",
        "c": "18:30",
        "d": "01067",
        "e": "+49361",
        "f": "-0",
        "g": "1e3",
        "h": ".5",
        "i": True,
        "j": None,
        "k": None,
        "l": -42,
        "m": 3.25,
        "n": "12",
        "o": "true",
        "p": "7\n",
    }
    assert document.problems == []


def test_lines_of_keys_items_and_root(tmp_path: Path) -> None:
    document = read_text(
        tmp_path,
        "# schema comment\nname: x\naddress:\n  street: A\n  city: B\nlist:\n  - one\n  - key: v\n    other: w\n",
    )
    assert document.lines == {
        (): 2,
        ("name",): 2,
        ("address",): 3,
        ("address", "street"): 4,
        ("address", "city"): 5,
        ("list",): 6,
        ("list", 0): 7,
        ("list", 1): 8,
        ("list", 1, "key"): 8,
        ("list", 1, "other"): 9,
    }
    assert document.line_of(("address", "postcode")) == 3  # a missing field: its parent's line
    assert document.line_of(("nowhere", "else")) == 2


def test_duplicate_key_is_reported_and_the_first_kept(tmp_path: Path, parser: type) -> None:
    document = read_text(tmp_path, "a:\n  street: A\n  city: B\n  street: C\n")
    assert document.value == {"a": {"street": "A", "city": "B"}}
    assert problems(document) == [
        (
            4,
            "a.street",
            "duplicate key 'street' (first on line 2): YAML would silently keep only the last one; remove one of them",
        )
    ]


def test_merge_key_and_list_as_key_are_reported(tmp_path: Path, parser: type) -> None:
    document = read_text(tmp_path, "a: 1\nb:\n  <<: {x: 1}\n  c: 2\n? [k]\n: v\n")
    assert document.value == {"a": 1, "b": {"c": 2}}
    assert problems(document) == [
        (3, "b", "merge keys (<<) are not supported: write the fields out"),
        (5, "(file)", "a key must be a plain word"),
    ]


@pytest.mark.parametrize(
    ("text", "field", "shown"),
    [("a: !!str 12\n", "a", "!!str"), ("a: !wichtig\n", "a", "!wichtig"), ("a: !x {b: 1}\n", "a", "!x")],
)
def test_tags_are_reported(tmp_path: Path, parser: type, text: str, field: str, shown: str) -> None:
    found = problems(read_text(tmp_path, text))
    assert len(found) == 1
    line, at, message = found[0]
    assert (line, at) == (1, field)
    assert f"YAML tags such as {shown} are not allowed" in message
    assert "put the whole value in quotes" in message


# --- anchors and aliases ---------------------------------------------------------------------------

BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def test_billion_laughs_is_refused_quickly_without_expanding(tmp_path: Path, parser: type) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        document = read_yaml(path)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < SECONDS
    assert peak < 5_000_000  # expanded, it would be about 10^9 strings
    assert document.value is None
    aliases = [p for p in document.problems if "write the value out in full" in p.message]
    assert len(aliases) == 8 * 9  # one per alias
    assert (aliases[0].line, aliases[0].field) == (2, "b[0]")
    assert aliases[0].message.startswith("'*a' repeats the value marked '&a' on line 1")


def test_an_alias_is_refused_with_its_line(tmp_path: Path, parser: type) -> None:
    document = read_text(tmp_path, 'name: "Verein"\nshort_name: *name\n')
    assert document.value is None
    line, field, message = problems(document)[-1]
    assert (line, field) == (2, "short_name")
    assert "write the value out in full here" in message
    assert "if the text really starts with '*', put the whole value in quotes" in message


def test_an_anchor_is_reported_but_the_value_kept(tmp_path: Path, parser: type) -> None:
    document = read_text(tmp_path, "a: 1\nb: &x text\n")
    assert document.value == {"a": 1, "b": "text"}
    [(line, field, message)] = problems(document)
    assert (line, field) == (2, "b")
    assert "remove '&x'" in message


# --- nesting ------------------------------------------------------------------------------------------


def test_100000_nested_brackets_return_quickly_with_a_problem(tmp_path: Path, parser: type) -> None:
    started = time.perf_counter()
    document = read_text(tmp_path, "[" * 100_000)  # no RecursionError
    assert time.perf_counter() - started < SECONDS
    line, _field, message = the_problem(document)
    assert line == 1
    assert f"nested more than {MAX_DEPTH} levels deep" in message


def test_nesting_is_limited(tmp_path: Path, parser: type) -> None:
    def nested(levels: int) -> str:
        return "".join("  " * level + f"k{level}:\n" for level in range(levels - 1)) + "  " * (levels - 1) + "k: v\n"

    assert read_text(tmp_path, nested(MAX_DEPTH)).problems == []
    line, field, message = the_problem(read_text(tmp_path, nested(MAX_DEPTH + 1)))
    assert (line, field) == (MAX_DEPTH + 1, ".".join(f"k{level}" for level in range(MAX_DEPTH)))
    assert "check the brackets [ ] { } and the indentation" in message


# --- size --------------------------------------------------------------------------------------------------


def test_a_file_over_1_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    started = time.perf_counter()
    document = read_text(tmp_path, "- 1\n" * 250_000 + "x")
    assert time.perf_counter() - started < SECONDS
    line, field, message = the_problem(document)
    assert (line, field) == (1, "(file)")
    assert "1,000,001 bytes" in message
    assert f"limit of {MAX_BYTES:,}" in message
    assert "a data file holds one record" in message


@pytest.mark.parametrize(
    "text",
    ["- 1\n" * (MAX_BYTES // 4), "".join(f"key{i:07d}: value\n" for i in range(MAX_BYTES // 19))],
    ids=["list", "fields"],
)
def test_a_1_mb_file_reads_quickly(tmp_path: Path, text: str) -> None:
    assert len(text) <= MAX_BYTES
    started = time.perf_counter()
    document = read_text(tmp_path, text)
    assert time.perf_counter() - started < SECONDS
    assert document.problems == []
    assert len(document.value) == len(text.splitlines())


# --- numbers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["1234567890123456", "-1234567890123456", "12345678901234.56", "9" * 5000, "1." + "9" * 5000]
)
def test_a_number_with_more_than_15_digits_is_a_problem(tmp_path: Path, parser: type, number: str) -> None:
    document = read_text(tmp_path, f"name: x\nphone: {number}\n")  # no ValueError from int()
    [(line, field, message)] = problems(document)
    assert (line, field) == (2, "phone")
    assert "more than 15 digits" in message
    assert "if it is not a number (e.g. a phone or account number), put it in quotes" in message
    assert document.value == {"name": "x", "phone": number}


def test_15_digits_are_still_a_number(tmp_path: Path) -> None:
    document = read_text(tmp_path, "a: 123456789012345\nb: -12345678901234.5\nc: '1234567890123456'\n")
    assert document.value == {"a": 123456789012345, "b": -12345678901234.5, "c": "1234567890123456"}
    assert document.problems == []


# --- reading the file ----------------------------------------------------------------------------------------


def test_permission_denied_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", refuse)  # chmod does not stop root
    document = read_yaml(tmp_path / "record.yaml")
    assert the_problem(document) == (
        1,
        "(file)",
        "the file cannot be read: permission denied; check the file's permissions",
    )


def test_a_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "record.yaml").mkdir()
    line, field, message = the_problem(read_yaml(tmp_path / "record.yaml"))
    assert (line, field) == (1, "(file)")
    assert "this is a folder, not a file" in message


def test_a_missing_file_is_a_problem_with_the_reason(tmp_path: Path) -> None:
    line, field, message = the_problem(read_yaml(tmp_path / "gone.yaml"))
    assert (line, field) == (1, "(file)")
    assert message.startswith("the file cannot be read: No such file or directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "record.yaml")
    started = time.perf_counter()
    line, field, message = the_problem(read_yaml(tmp_path / "record.yaml"))
    assert time.perf_counter() - started < SECONDS
    assert (line, field) == (1, "(file)")
    assert "this is not a regular file" in message


def test_utf8_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    document = read_bytes(tmp_path, b"\xef\xbb\xbfname: Stra\xc3\x9fe\n")
    assert document.value == {"name": "Straße"}
    assert document.lines == {(): 1, ("name",): 1}


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("name: x\nstreet: Straße\n".encode("latin-1"), 2),
        ("name: x\n".encode("utf-16"), 1),
        (b"a: 1\r\nb: 2\r\nc: \xff\r\n", 3),
    ],
    ids=["latin-1", "utf-16", "crlf"],
)
def test_other_encodings_name_the_line(tmp_path: Path, raw: bytes, line: int) -> None:
    assert the_problem(read_bytes(tmp_path, raw)) == (
        line,
        "(file)",
        f"the file is not saved as UTF-8 (a byte on line {line} cannot be read); save it as UTF-8 in your editor",
    )


def test_control_characters_are_named_with_their_line(tmp_path: Path) -> None:
    document = read_text(tmp_path, "name: x\ndescription: a\x00b\x00\nnote: \x1b[1m\n")
    assert document.value is None
    assert [(p.line, p.field) for p in document.problems] == [(2, "(file)"), (3, "(file)")]
    assert "line 2 contains the invisible control character U+0000, which is not allowed: delete it" in (
        document.problems[0].message
    )
    assert "U+001B" in document.problems[1].message


# --- syntax errors in words an editor understands --------------------------------------------------------------

# (text, line, fragment): the same advice from libyaml and from PyYAML's parser
SYNTAX_CASES = [
    pytest.param("name: x\n\tcity: y\n", 2, "line 2 is indented with a tab: indent with spaces, not tabs", id="tab"),
    pytest.param("list:\n  - a\n\t- b\n", 3, "indent with spaces, not tabs", id="tab-in-list"),
    pytest.param(
        'name: "Verein\ncity: Erfurt\n',
        1,
        "the quote opened on line 1 is not closed: add the closing quote",
        id="quote",
    ),
    pytest.param("a: 1\nname: 'Verein\n", 2, "the quote opened on line 2 is not closed", id="single-quote"),
    pytest.param(
        "a: 1\ntitle: Treffen: Thema\n",
        2,
        "if the value contains ': ', put the whole value in quotes, e.g. title: \"Treffen: Thema\"",
        id="colon-in-value",
    ),
    pytest.param(
        'name: "Neuer Verein"\n  type: "association"\n',
        2,
        "line 2 is not indented like the lines above it: indent the lines of one group equally, with spaces",
        id="indented-too-far",
    ),
    pytest.param("address:\n  street: A\n city: B\n", 3, "line 3 is not indented like", id="indented-too-little"),
    pytest.param("list:\n  - a\n  b: 1\n", 3, "line 3 is not indented like", id="list-then-field"),
    pytest.param(
        "name: x\ncity\nzip: 1\n", 2, "line 2 has no ':' after the field name: write 'name: value'", id="no-colon"
    ),
    pytest.param(
        'name: "Verein" e.V.\n', 1, "on line 1 more text follows a value that already ended", id="text-after-quote"
    ),
    pytest.param(
        "a: [1, 2\nb: 3\n", 1, "the '[' opened on line 1 is not closed correctly: close it with ']'", id="bracket"
    ),
    pytest.param("x: 1\na: {b: 1\n", 2, "the '{' opened on line 2 is not closed correctly", id="brace"),
    pytest.param("a: [1, 2", 1, "the '[' opened on line 1 is not closed", id="bracket-at-end"),
    pytest.param("a: [1, , 2]\n", 1, "has an empty item or is not closed: remove the extra comma", id="empty-item"),
    pytest.param('path: "C:\\Daten"\n', 1, "write \\\\ for a backslash, or use single quotes", id="backslash"),
    pytest.param("a: 1\nmail: @verein\n", 2, "on line 2 a value starts with '@'", id="at-sign"),
    pytest.param("a: `code`\n", 1, "on line 1 a value starts with '`', which YAML does not allow", id="backtick"),
    pytest.param("a: *wichtig* heute\n", 1, "starts with '&' or '*', which YAML reads as a marker", id="emphasis"),
    pytest.param("a: & Co\n", 1, "put the value in quotes", id="ampersand"),
    pytest.param("a: > 5 Jahre\n", 1, "a value starts with '|' or '>', which must stand alone", id="greater-than"),
    pytest.param("a: !<x\n", 1, "a value starts with '!', which YAML reads as a tag", id="tag-syntax"),
    pytest.param("a: 1\nb: }\n", 2, "on line 2 a value starts with '}', which YAML does not allow", id="brace-value"),
    pytest.param("a: - b\n", 1, "a list item ('- ') stands where a value was expected", id="dash-value"),
]

# libyaml's own findings (PyYAML's parser reads these differently)
LIBYAML_CASES = [
    pytest.param("name: {de:}\n", 1, "line 1 has a ':' that YAML cannot place", id="colon-in-braces"),
    pytest.param("%FOO\na: 1\n", 1, "line 1 starts with '%', which YAML reads as an instruction", id="directive"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), SYNTAX_CASES)
def test_syntax_errors_say_what_to_do(tmp_path: Path, parser: type, text: str, line: int, fragment: str) -> None:
    found_line, field, message = the_problem(read_text(tmp_path, text))
    assert (found_line, field) == (line, "(syntax)")
    assert message.startswith("this is not valid YAML: ")
    assert fragment in message


@pytest.mark.parametrize("text", ["a: 1\n---\nb: 2\n", "---\na: 1\n---\nb: 2\n"])
def test_a_second_document_is_refused(tmp_path: Path, parser: type, text: str) -> None:
    line, field, message = the_problem(read_text(tmp_path, text))
    assert (line, field) == (text.count("\n") - 1, "(syntax)")
    assert message.startswith("a second YAML document starts on this line ('---' separates documents)")
    assert "a data file holds exactly one record: remove the '---' line" in message


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
@pytest.mark.parametrize(("text", "line", "fragment"), LIBYAML_CASES)
def test_libyaml_syntax_errors_say_what_to_do(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    found_line, field, message = the_problem(read_text(tmp_path, text))
    assert (found_line, field) == (line, "(syntax)")
    assert fragment in message


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
def test_libyaml_tab_before_a_value_is_accepted(tmp_path: Path) -> None:
    # libyaml allows a tab between the colon and the value (PyYAML's parser does not).
    assert read_text(tmp_path, "a:\tb\n").value == {"a": "b"}


def test_an_unknown_parser_message_keeps_its_words(tmp_path: Path) -> None:
    error = yaml.MarkedYAMLError(
        context="while doing something", problem="found something odd", problem_mark=yaml.Mark("x", 5, 1, 2, None, None)
    )
    problem = yaml_source._syntax_problem(error, "a: 1\nb: 2\n")
    assert (problem.line, problem.field) == (2, "(syntax)")
    assert problem.message == (
        "this is not valid YAML: YAML cannot read line 2 (while doing something found something odd); "
        "check the indentation, the colons and the quotes there"
    )


def test_reading_stops_after_100_problems(tmp_path: Path, parser: type) -> None:
    document = read_text(tmp_path, "a: 1\n" * 1000)
    assert document.value is None
    assert len(document.problems) == 101
    assert document.problems[-1] == yaml_source.YamlProblem(
        101, "(file)", "100 problems in this file, reading stopped on this line: fix the problems above and check again"
    )

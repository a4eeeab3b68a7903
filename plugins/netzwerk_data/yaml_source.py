"""Read YAML as editors wrote it, remembering where every value stands.

PyYAML implements YAML 1.1, which silently turns `no` into False, `18:30` into
1110 and `01067` into 567, and keeps the last of two equal keys. Editors expect
none of that, so this reader resolves plain scalars by a small YAML 1.2 core
subset (null, true/false, decimal integers, floats) and keeps everything else as
the text that was typed. Duplicate keys, tags and merge keys are reported.

The files are written by many people, so a file must not be able to stall or
crash the build: the value is built from the parser's event stream without
recursion, anchors and aliases are refused instead of expanded, nesting and file
size are bounded, and every mistake becomes a problem in words an editor can act
on. A refused file has the value None and at least one problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .files import read_text
from .memo import LoadMemo

Path_ = tuple[str | int, ...]

# A record is a few kilobytes; anything near this size is a mistake or an attack.
MAX_BYTES = 1_000_000
# Records need 4-5 levels (e.g. changed[0].title.de); far more means broken brackets or an attack.
MAX_DEPTH = 10
# More digits than a float holds exactly; such a "number" is a phone or account number.
MAX_DIGITS = 15
# Beyond this a file is clearly broken: stop reading rather than list every repeat.
MAX_PROBLEMS = 100

# libyaml is much faster; its messages differ, so both are translated below.
_LOADER: type = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

# The YAML 1.2 core subset for plain scalars, one pattern so each scalar is matched once.
# No "+" sign, no leading zeros and no "-0": "+49361...", "01067" and "-0" stay the text that was typed.
_TYPED = re.compile(
    r"(?P<null>~|null|Null|NULL|)"
    r"|(?P<bool>true|True|TRUE|false|False|FALSE)"
    r"|(?P<int>0|-?[1-9][0-9]*)"
    r"|(?P<float>-?[0-9]+\.[0-9]+)"
)
_QUOTED_OR_BLOCK = ("'", '"', "|", ">")
# Only plain scalars starting with one of these can be null, a boolean or a number.
_TYPED_FIRST = frozenset("~nNtTfF-0123456789")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
# The characters YAML (and libyaml) accept; the rest are control characters.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks as YAML counts them, so our line numbers match the parser's.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_SYNTAX = "this is not valid YAML: "
_TOO_DEEP = (
    f"the data is nested more than {MAX_DEPTH} levels deep here (a data file needs about 5): "
    "check the brackets [ ] { } and the indentation"
)


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


def read_yaml(path: Path, memo: LoadMemo | None = None) -> YamlDocument:
    """Parse one YAML file; every reason it cannot be used becomes a problem with its line.
    memo: the documents of an earlier load, by their text (`make serve`)."""
    document = YamlDocument(value=None)
    text, problem = read_text(Path(path), MAX_BYTES, "a data file holds one record of a few kilobytes")
    if problem is not None:
        document.problems.append(YamlProblem(problem.line, "(file)", problem.message))
        return document
    if memo is not None:
        return memo.get(("yaml", text), lambda: parse_yaml(text))
    return parse_yaml(text)


def parse_yaml(text: str) -> YamlDocument:
    """Parse YAML text (a file's, or an earlier version of it from git) like `read_yaml`."""
    document = YamlDocument(value=None)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        document.problems.append(YamlProblem(1, "(file)", f"more than {MAX_BYTES:,} bytes"))
        return document
    document.problems.extend(_control_characters(text))
    if not document.problems:
        _Builder(document, text).run()
    return document


# --- reading the file ---------------------------------------------------------------------


def _control_characters(text: str) -> list[YamlProblem]:
    """Invisible control characters (e.g. pasted from a PDF), one problem per line."""
    problems: list[YamlProblem] = []
    line, counted = 1, 0  # lines are counted on from the previous find, to stay linear
    for found in _NOT_PRINTABLE.finditer(text):
        line += len(_LINE_BREAK.findall(text, counted, found.start()))
        counted = found.start()
        if problems and problems[-1].line == line:
            continue
        if len(problems) == MAX_PROBLEMS:
            break
        code = f"U+{ord(found.group()):04X}"
        problems.append(
            YamlProblem(
                line,
                "(file)",
                f"line {line} contains the invisible control character {code}, which is not allowed: delete it "
                "(if your editor does not show it, delete and retype the text around it)",
            )
        )
    return problems


def _line_at(text: str, position: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, position)) + 1


# --- building the value from the event stream ----------------------------------------------


@dataclass(slots=True)
class _Collection:
    """A mapping or sequence being built, with what the next event belongs to."""

    path: Path_
    value: dict[str, Any] | list[Any]
    line: int
    keep: bool  # False inside a refused key or value: still checked, but not stored
    is_mapping: bool
    # Mappings only: the key whose value comes next (None: a key comes next) and whether to store it.
    key: str | None = None
    keep_value: bool = False
    seen: dict[str, int] = field(default_factory=dict)


class _Stop(Exception):
    """Reading ends here (too deep, too many problems, a second document)."""


class _Builder:
    """Turns parser events into plain dicts, lists and scalars, iteratively.

    The events of a 1 MB file number in the hundreds of thousands, so the common path
    (an untagged scalar) does little work; paths for messages are built only when needed.
    """

    def __init__(self, document: YamlDocument, text: str) -> None:
        self.doc = document
        self.text = text
        self.stack: list[_Collection] = []
        self.root: Any = None
        self.refused = False  # the value cannot be trusted: the file gets value None
        self.documents = 0
        self.anchors: dict[str, int] = {}
        self.handlers = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document,
        }

    def run(self) -> None:
        # The parser's own loop (what yaml.parse does, without a generator in between).
        parser = _LOADER(self.text)
        handlers = self.handlers
        try:
            while (event := parser.get_event()) is not None:
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
        except _Stop:
            self.refused = True
        except yaml.MarkedYAMLError as error:
            self.refused = True
            self.doc.problems.append(_syntax_problem(error, self.text))
        except yaml.YAMLError as error:  # e.g. a reader error, which has no line
            self.refused = True
            self.doc.problems.append(YamlProblem(1, "(syntax)", f"{_SYNTAX}{error}"))
        finally:
            parser.dispose()
        if self.refused:
            self.doc.lines.clear()  # lines of a value nobody will see
        else:
            self.doc.value = self.root

    # --- where the next node goes

    def _awaiting_key(self) -> _Collection | None:
        """The mapping whose next node is a key, if that is where the next node goes."""
        top = self.stack[-1] if self.stack else None
        return top if top is not None and top.is_mapping and top.key is None else None

    def _path(self) -> Path_:
        """The path of the next value node."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        return (*top.path, top.key or "") if top.is_mapping else (*top.path, len(top.value))

    def _store(self, value: Any, line: int) -> None:
        """Put a finished value node where it belongs."""
        if not self.stack:
            self.root = value
            self.doc.lines[()] = line
            return
        top = self.stack[-1]
        if not top.is_mapping:
            if top.keep:
                self.doc.lines[(*top.path, len(top.value))] = line
            top.value.append(value)  # type: ignore[union-attr]
        elif top.key is None:  # a list or mapping used as a key has ended: its value is dropped
            top.key, top.keep_value = "?", False
        else:
            if top.keep_value:
                top.value[top.key] = value  # type: ignore[call-overload]
            top.key = None

    # --- events

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            self._add(
                _line(event),
                "(syntax)",
                "a second YAML document starts on this line ('---' separates documents); a data file holds "
                "exactly one record: remove the '---' line, or move what follows into its own file",
            )
            raise _Stop

    def _start(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        line = _line(event)
        mapping = self._awaiting_key()
        if mapping is not None:
            self._add(line, _dotted(mapping.path), "a key must be a plain word")
            path, keep = (*mapping.path, "?"), False
        else:
            path = self._path()
            top = self.stack[-1] if self.stack else None
            keep = top is None or (top.keep_value if top.is_mapping else top.keep)
        if event.anchor is not None or event.tag is not None:
            self._anchor_and_tag(event, path, line)
        if len(self.stack) >= MAX_DEPTH:
            self._add(line, _dotted(path), _TOO_DEEP)
            raise _Stop
        is_mapping = isinstance(event, yaml.MappingStartEvent)
        self.stack.append(_Collection(path, {} if is_mapping else [], line, keep, is_mapping))

    def _end(self, _event: yaml.CollectionEndEvent) -> None:
        done = self.stack.pop()
        self._store(done.value, done.line)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_mapping and top.key is None:
            self._key(top, event)
            return
        line = event.start_mark.line + 1
        if (event.anchor is not None or event.tag is not None) and self._anchor_and_tag(event, self._path(), line):
            self._store(event.value, line)  # a tagged value stays the text that was typed
            return
        self._store(self._resolve(event, line), line)

    def _key(self, mapping: _Collection, event: yaml.ScalarEvent) -> None:
        key, line = event.value, _line(event)
        mapping.key, mapping.keep_value = key, False
        plain = event.style not in _QUOTED_OR_BLOCK
        if event.tag == _MERGE_TAG or (plain and event.tag is None and key == "<<"):
            self._add(line, _dotted(mapping.path), "merge keys (<<) are not supported: write the fields out")
            return
        if event.anchor is not None or event.tag is not None:
            self._anchor_and_tag(event, (*mapping.path, key), line)
        if key in mapping.seen:
            self._add(
                line,
                _dotted((*mapping.path, key)),
                f"duplicate key '{key}' (first on line {mapping.seen[key]}): "
                "YAML would silently keep only the last one; remove one of them",
            )
            return
        mapping.seen[key] = line
        mapping.keep_value = mapping.keep
        if mapping.keep:
            self.doc.lines[(*mapping.path, key)] = line

    def _alias(self, event: yaml.AliasEvent) -> None:
        line, name = _line(event), event.anchor
        mapping = self._awaiting_key()
        path = (*mapping.path, f"*{name}") if mapping is not None else self._path()
        marked = f" on line {self.anchors[name]}" if name in self.anchors else ""
        self.refused = True  # never expanded: the value is missing here
        self._add(
            line,
            _dotted(path),
            f"'*{name}' repeats the value marked '&{name}'{marked}; such repeats are not supported: write the "
            "value out in full here (if the text really starts with '*', put the whole value in quotes)",
        )
        if mapping is not None:
            mapping.key, mapping.keep_value = f"*{name}", False
        else:
            self._store(None, line)

    def _anchor_and_tag(self, event: yaml.NodeEvent, path: Path_, line: int) -> bool:
        """Report an anchor (&name) or tag (!name) on a node; True if it had a tag."""
        if event.anchor is not None:
            self.anchors.setdefault(event.anchor, line)
            self._add(
                line,
                _dotted(path),
                f"'&{event.anchor}' marks this value to be repeated elsewhere, which is not supported: remove "
                f"'&{event.anchor}' (if the text really starts with '&', put the whole value in quotes)",
            )
        tag = getattr(event, "tag", None)
        if tag is None:
            return False
        shown = "!!" + tag.removeprefix(_STANDARD_TAG_PREFIX) if tag.startswith(_STANDARD_TAG_PREFIX) else tag
        self._add(
            line,
            _dotted(path),
            f"YAML tags such as {shown} are not allowed: remove it and write a plain or quoted value "
            "(if the text really starts with '!', put the whole value in quotes)",
        )
        return True

    def _resolve(self, event: yaml.ScalarEvent, line: int) -> Any:
        """A plain scalar by the YAML 1.2 core subset; quoted and block scalars stay text."""
        text = event.value
        if event.style in _QUOTED_OR_BLOCK or (text and text[0] not in _TYPED_FIRST):
            return text
        typed = _TYPED.fullmatch(text)
        if typed is None:
            return text
        kind = typed.lastgroup
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() == "true"
        if len(text) > MAX_DIGITS and len(text) - text.count("-") - text.count(".") > MAX_DIGITS:
            # Not exact as a float, and Python's int() refuses very long digit strings with a ValueError.
            shown = text if len(text) <= 40 else f"{text[:40]}…"
            self._add(
                line,
                _dotted(self._path()),
                f"'{shown}' is a number with more than {MAX_DIGITS} digits, which cannot be kept exactly; "
                "if it is not a number (e.g. a phone or account number), put it in quotes",
            )
            return text
        return int(text) if kind == "int" else float(text)

    def _add(self, line: int, field_name: str, message: str) -> None:
        self.doc.problems.append(YamlProblem(line, field_name, message))
        if len(self.doc.problems) >= MAX_PROBLEMS:
            self.doc.problems.append(
                YamlProblem(
                    line,
                    "(file)",
                    f"{MAX_PROBLEMS} problems in this file, reading stopped on this line: "
                    "fix the problems above and check again",
                )
            )
            raise _Stop


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1


# --- syntax errors in words an editor can act on ---------------------------------------------


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """A parser error from libyaml or PyYAML as a problem on the line to fix."""
    lines = text.splitlines()  # control characters are refused earlier, so these are YAML's line breaks
    last = max(len(lines), 1)
    mark = error.problem_mark or error.context_mark
    line = min(mark.line + 1, last) if mark else 1
    opened = min(error.context_mark.line + 1, last) if error.context_mark else line
    line, advice = _advice(error, lines, line, opened)
    if advice is None:
        words = " ".join(filter(None, [error.context, error.problem]))
        advice = f"YAML cannot read line {line} ({words}); check the indentation, the colons and the quotes there"
    return YamlProblem(line, "(syntax)", _SYNTAX + advice)


def _advice(error: yaml.MarkedYAMLError, lines: list[str], line: int, opened: int) -> tuple[int, str | None]:
    """The line to report and what to do, by the parser's message; None if the message is unknown."""
    context, problem = error.context or "", error.problem or ""
    if "maximum nesting depth" in problem:  # libyaml's own limit, reached while scanning ahead
        return line, _TOO_DEEP
    if "tab character" in problem or "'\\t'" in problem:
        return line, f"line {line} is indented with a tab: indent with spaces, not tabs"
    if "cannot start any token" in problem:
        return line, _cannot_start(problem, error.problem_mark, lines, line)
    if "quoted scalar" in context and ("end of stream" in problem or "document" in problem):
        return opened, f"the quote opened on line {opened} is not closed: add the closing quote at the end of the value"
    if "mapping values are not allowed" in problem:
        return line, (
            f"line {line} has a ': ' (colon and space) where no new field can start: if the value contains ': ', "
            'put the whole value in quotes, e.g. title: "Treffen: Thema"; if it is a new field, indent it like '
            "the fields around it"
        )
    if "unexpected ':'" in problem:  # libyaml, e.g. {de:} without a space after the colon
        return line, (
            f"line {line} has a ':' that YAML cannot place: write a space after the colon of a field "
            "(name: value), and put values that contain ':' in quotes"
        )
    if "sequence entries are not allowed" in problem:
        return line, (
            f"on line {line} a list item ('- ') stands where a value was expected: start the list on the next "
            "line, indented, or put the value in quotes"
        )
    if "block node" in context:  # a value that starts with , ] or }
        return line, _cannot_start("", error.problem_mark, lines, line)
    if "could not find expected ':'" in problem:
        return opened, (
            f"line {opened} has no ':' after the field name: write 'name: value'; if the line continues the "
            "text above, put that whole text in quotes"
        )
    if "quoted scalar" in context and ("escape" in problem or "hex" in problem):
        return line, (
            f"a backslash (\\) in double quotes on line {line} starts a special code such as \\n: write \\\\ "
            "for a backslash, or use single quotes around the value"
        )
    if context.startswith(("while scanning an anchor", "while scanning an alias")):
        return (
            line,
            f"on line {line} a value starts with '&' or '*', which YAML reads as a marker: put the value in quotes",
        )
    if "block scalar" in context:
        return line, f"on line {line} a value starts with '|' or '>', which must stand alone: put the value in quotes"
    if "directive" in context:
        return line, f"line {line} starts with '%', which YAML reads as an instruction: put the value in quotes"
    if "tag" in context:
        return line, f"on line {line} a value starts with '!', which YAML reads as a tag: put the value in quotes"
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return opened, (
            f"the '{bracket}' opened on line {opened} is not closed correctly: close it with '{closing}', separate "
            "the items with commas, and put items containing , [ ] { } in quotes"
        )
    if "flow node" in context:
        return line, (
            f"a list [ ] or group {{ }} on line {line} has an empty item or is not closed: remove the extra comma "
            "or add the closing bracket"
        )
    if any(words in problem for words in ("expected key", "<block end>", "'-' indicator", "<document start>")):
        return line, _misplaced(error.problem_mark, lines, line)
    return line, None


def _cannot_start(problem: str, mark: yaml.Mark | None, lines: list[str], line: int) -> str:
    """PyYAML names the character; libyaml does not, so it is looked up in the text."""
    named = re.search(r"found character '(.+?)' that", problem)
    char = named.group(1) if named else _char_at(mark, lines)
    if char == "\t":
        return f"line {line} is indented with a tab: indent with spaces, not tabs"
    if char:
        return f"on line {line} a value starts with '{char}', which YAML does not allow: put the whole value in quotes"
    return f"on line {line} a value starts with a character YAML does not allow: put the whole value in quotes"


def _misplaced(mark: yaml.Mark | None, lines: list[str], line: int) -> str:
    """A line that does not fit the structure: text after a finished value, or wrong indentation."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = len(text) - len(text.lstrip(" "))
    if mark is not None and mark.line + 1 == line and mark.column > indent:
        return (
            f"on line {line} more text follows a value that already ended, often because of quotes: close every "
            "quote that was opened, and if the value contains quotes itself, put it in single quotes ('...')"
        )
    return (
        f"line {line} is not indented like the lines above it: indent the lines of one group equally, "
        "with spaces (the fields of a group start in the same column)"
    )


def _char_at(mark: yaml.Mark | None, lines: list[str]) -> str:
    if mark is None or not 0 <= mark.line < len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]

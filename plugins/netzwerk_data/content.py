"""Checks of the content folder: Markdown pages and info mails, and the files they publish.

Pelican reads these files later; everything it would do silently or with its own words
(skip a file, guess a date, publish a file outside the folder, write outside the output)
is found here first and reported like the data: file, line, field and how to fix it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .documents import DOCUMENT_FOLDER
from .files import FolderScan, read_text, scan_folder
from .problems import Problem, did_you_mean, relative
from .static_files import check_static_file
from .values import (
    ID_PATTERN,
    LINE,
    MAX_ID_LENGTH,
    MAX_YEAR,
    MIN_YEAR,
    TEXT,
    invisible_character_problem,
    reserved_name_problem,
)

if TYPE_CHECKING:
    from .loader import Dataset

MAX_MARKDOWN_BYTES = 1_000_000

# Folders of content/ and what they hold (the same names as ARTICLE_PATHS, PAGE_PATHS, STATIC_PATHS).
MARKDOWN_FOLDERS = {"pages": "page", "info-mail": "info mail"}
STATIC_FOLDER = "images"

# Metadata lines a content file may start with; anything else would be ignored or misread by Pelican.
FIELDS = {
    "title": "the title shown as heading and in menus",
    "slug": "the page's address, the same in every translation",
    "lang": "the language code of this file",
    "date": "the publication date (info mail), e.g. 2026-12-01 09:00 or 01.12.2026 09:00",
    "modified": "the date of the last change, written like Date",
    "summary": "a short summary",
    "menu": "main or footer",
    "order": "a whole number: the position in the menu",
    "status": "published (the default) or draft",
}
REQUIRED = {"page": ("title", "slug", "lang"), "info mail": ("title", "slug", "lang", "date")}
MENUS = ("main", "footer")

# python-markdown's meta extension, which Pelican uses: the same rules, with line numbers kept.
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_BEGIN = re.compile(r"^-{3}(\s.*)?$")
_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
# ISO (2026-12-01 09:00) or the German day-first form (01.12.2026 09:00, 1.12.2026); nothing is guessed.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?")
DATE_FORMS = "2026-12-01 09:00 or 01.12.2026 09:00 (day.month.year; the time may be left out)"
STATUSES = ("published", "draft")
# Pelican's intra-site link syntax: {static}path, {attach}path, {filename}path (and the old |static|).
_SITE_LINK = re.compile(r"(?:\{(?P<kind>[a-z]+)\}|\|(?P<old>static|filename|attach)\|)(?P<target>[^\s)\"'<>]*)")


@dataclass(frozen=True)
class Field:
    value: str
    line: int


@dataclass(frozen=True)
class MarkdownFile:
    """One content file as far as the checks need it."""

    shown: str  # path as the editor sees it
    kind: str  # "page" or "info mail"
    fields: dict[str, Field]
    body_start: int  # line number of the first body line
    body: str


def read_metadata(text: str) -> tuple[dict[str, Field], list[tuple[int, str]], int]:
    """Metadata lines as Pelican reads them, duplicate keys, and the first body line."""
    lines = text.splitlines()
    fields: dict[str, Field] = {}
    duplicates: list[tuple[int, str]] = []
    index = 1 if lines and _BEGIN.match(lines[0]) else 0
    key: str | None = None
    while index < len(lines):
        line = lines[index]
        if not line.strip() or _END.match(line):
            index += 1 if _END.match(line) else 0
            break
        match = _META.match(line)
        if match:
            key = match["key"].lower()
            if key in fields:
                duplicates.append((index + 1, key))
            else:
                fields[key] = Field(match["value"].strip(), index + 1)
        elif key is not None and _META_MORE.match(line):
            previous = fields[key]
            fields[key] = Field(f"{previous.value} {line.strip()}".strip(), previous.line)
        else:
            break
        index += 1
    return fields, duplicates, index + 1


def parse_content_date(text: str) -> datetime | None:
    """A content file's Date/Modified as written (ISO or German day-first), or None if it is not one."""
    text = text.strip()
    iso, german = _ISO_DATE.fullmatch(text), _GERMAN_DATE.fullmatch(text)
    if iso:
        year, month, day, hour, minute, second = iso.groups()
    elif german:
        day, month, year, hour, minute = german.groups()
        second = None
    else:
        return None
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None


def _fields_below_the_header(item: MarkdownFile) -> dict[str, int]:
    """Field lines at the very start of the text: the editor meant them for the header."""
    found: dict[str, int] = {}
    for offset, line in enumerate(item.body.splitlines()[:12]):
        match = _META.match(line)
        if match and match["key"].lower() in FIELDS:
            found.setdefault(match["key"].lower(), item.body_start + offset)
    return found


def _date_problem(text: str) -> str:
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2}(\s.*)?", text.strip()):
        return f"'{text}': write the year with four digits, e.g. 01.12.2026"
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}.*", text.strip()):
        return f"'{text}' could be read two ways (day/month or month/day); write it as {DATE_FORMS}"
    return f"'{text}' is not a date that exists in the form the site reads; write {DATE_FORMS}"


def _field_problems(item: MarkdownFile, languages: tuple[str, ...]) -> Iterable[Problem]:
    def at(name: str, message: str) -> Problem:
        line = item.fields[name].line if name in item.fields else 1
        return Problem(item.shown, line, name.capitalize(), message)

    for name, found in item.fields.items():
        if name not in FIELDS:
            known = ", ".join(f.capitalize() for f in FIELDS)
            yield at(name, f"unknown field '{name.capitalize()}':{did_you_mean(name, FIELDS)} the fields are: {known}")
            continue
        invisible = invisible_character_problem(found.value, LINE)
        if invisible:
            yield at(name, invisible)
    below = _fields_below_the_header(item)
    for name in REQUIRED[item.kind]:
        if not _visible(item.fields.get(name, Field("", 1)).value):
            label = name.capitalize()
            if name in below:
                yield Problem(
                    item.shown,
                    below[name],
                    label,
                    f"this '{label}:' line is below an empty line, where the text begins: "
                    "remove the empty lines between the lines at the top (Title:, Slug:, …)",
                )
            else:
                yield at(name, f"'{label}:' is missing or empty; add a line '{label}: …' ({FIELDS[name]})")
    slug = item.fields.get("slug")
    if slug and len(slug.value) > MAX_ID_LENGTH:
        yield at("slug", f"the slug has {len(slug.value)} characters; use at most {MAX_ID_LENGTH}")
    elif slug and slug.value and not re.fullmatch(ID_PATTERN, slug.value):
        yield at(
            "slug",
            f"'{slug.value}' is not a valid slug: use lowercase letters, digits and hyphens, e.g. 'about' or '2026-12'",
        )
    elif slug and slug.value and (reserved := reserved_name_problem(item.kind, slug.value)) is not None:
        yield at("slug", reserved)
    lang = item.fields.get("lang")
    if lang and lang.value and lang.value not in languages:
        yield at(
            "lang",
            f"'{lang.value}' is not one of the site's languages ({', '.join(languages)} in data/network.yaml):"
            f"{did_you_mean(lang.value, languages)} fix the Lang: line or add the language",
        )
    for name in ("date", "modified"):
        found = item.fields.get(name)
        if found and found.value and parse_content_date(found.value) is None:
            yield at(name, _date_problem(found.value))
    status = item.fields.get("status")
    if status and status.value not in STATUSES:
        yield at(
            "status",
            f"'{status.value}' is not a status:{did_you_mean(status.value.lower(), STATUSES)} write 'Status: draft' "
            "to keep the file off the site, or leave the line out to publish it",
        )
    menu = item.fields.get("menu")
    if menu and menu.value not in MENUS:
        yield at("menu", f"'{menu.value}' is not a menu:{did_you_mean(menu.value, MENUS)} use 'main' or 'footer'")
    order = item.fields.get("order")
    if order and not re.fullmatch(r"-?\d{1,4}", order.value):
        yield at("order", f"'{order.value}' is not a whole number; write the position in the menu, e.g. Order: 2")


def _visible(text: str) -> bool:
    """Whether `text` shows anything: not only spaces, soft hyphens or other invisible characters."""
    return any(unicodedata.category(char)[0] not in "CZ" for char in text)


def _character_problems(item: MarkdownFile) -> Iterable[Problem]:
    """Control and invisible characters in the text (the rule of the data's texts, netzwerk_data.values)."""
    if invisible_character_problem(item.body, TEXT) is None:  # one linear pass for the usual clean file
        return
    found = False
    for offset, line in enumerate(item.body.split("\n")):
        problem = invisible_character_problem(line, TEXT)
        if problem is not None:
            found = True
            yield Problem(item.shown, item.body_start + offset, "(text)", f"this line {problem}")
    if not found:
        yield Problem(item.shown, item.body_start, "(text)", f"the text {invisible_character_problem(item.body, TEXT)}")


def _link_problems(
    item: MarkdownFile, content_dir: Path, source: Path, static_files: set[PurePosixPath]
) -> Iterable[Problem]:
    """{static} and {filename} links must point at files of this content folder that the site publishes."""
    for offset, line in enumerate(item.body.splitlines()):
        yield from _image_problems(line, Problem(item.shown, item.body_start + offset, "(image)", ""))
        yield from _root_link_problems(line, Problem(item.shown, item.body_start + offset, "(link)", ""))
        for match in _SITE_LINK.finditer(line):
            kind = match["kind"] or match["old"]
            target = match["target"].split("#", 1)[0].split("?", 1)[0]
            where = Problem(item.shown, item.body_start + offset, "(link)", "")
            if kind not in ("static", "filename"):
                if kind in ("attach", "category", "tag", "author", "index"):
                    yield _with(
                        where, f"{{{kind}}} links are not used on this site; link files in images/ with {{static}}"
                    )
                continue
            resolved = _inside(content_dir, source.parent, target)
            if resolved is None:
                yield _with(where, f"{{{kind}}}{target} leads outside the content folder; link only files inside it")
                continue
            if kind == "static" and resolved not in static_files:
                yield _with(
                    where,
                    f"{{static}}{target}: there is no file {STATIC_FOLDER}/… of that name in the content folder; "
                    f"put the file into content/{STATIC_FOLDER}/ and check the spelling",
                )
            if kind == "filename" and not (
                resolved.suffix == ".md"
                and resolved.parts
                and resolved.parts[0] in MARKDOWN_FOLDERS
                and (content_dir / resolved).is_file()
            ):
                yield _with(
                    where, f"{{filename}}{target}: there is no page or info mail of that name in the content folder"
                )


# Markdown images ![text](address) and HTML <img ...>, and links or images from the site root (/x).
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<src>[^)\s]*)")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_HTML_ATTRIBUTE = re.compile(r"""(?P<name>[a-zA-Z-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""")
_ROOT_LINK = re.compile(r"""\]\(\s*(?P<md>/[^/)\s][^)\s]*)|(?:href|src)\s*=\s*["']?(?P<html>/[^/"'\s>][^"'\s>]*)""")


def _image_problems(line: str, where: Problem) -> Iterable[Problem]:
    """Images need a text for people who cannot see them, and must be files of the site itself."""
    images = [(m["alt"], m["src"]) for m in _MARKDOWN_IMAGE.finditer(line)]
    for match in _HTML_IMAGE.finditer(line):
        attributes = {
            m["name"].lower(): m["dq"] if m["dq"] is not None else (m["sq"] if m["sq"] is not None else m["bare"])
            for m in _HTML_ATTRIBUTE.finditer(match["attrs"])
        }
        images.append((attributes.get("alt", ""), attributes.get("src", "")))
    for alt, src in images:
        if not alt.strip():
            yield _with(
                where,
                f"the image {src} has no description: write what it shows between the brackets, "
                "![Plakat der Interkulturellen Woche](…), for people who cannot see it",
            )
        if not src.startswith(("{static}", "|static|")):
            yield _with(
                where,
                f"the image {src} is not a file of this site: put it into content/{STATIC_FOLDER}/ and write "
                f"![description]({{static}}/{STATIC_FOLDER}/name.png) (images from other sites would tell them "
                "who reads the page)",
            )


def _root_link_problems(line: str, where: Problem) -> Iterable[Problem]:
    for match in _ROOT_LINK.finditer(line):
        target = match["md"] or match["html"]
        yield _with(
            where,
            f"the address {target} starts with '/', which breaks when the site lives in a sub-folder: link a file "
            f"of content/{STATIC_FOLDER}/ as {{static}}/{STATIC_FOLDER}/name.pdf, a page with {{filename}}, "
            "or another site with its full address (https://…)",
        )


def _with(problem: Problem, message: str) -> Problem:
    return Problem(problem.file, problem.line, problem.field, message)


def _inside(content_dir: Path, folder: Path, target: str) -> PurePosixPath | None:
    """The target relative to the content folder, or None if it leaves it (or is empty)."""
    if not target or "\\" in target or "\0" in target:
        return None
    base = PurePosixPath() if target.startswith("/") else PurePosixPath(folder.relative_to(content_dir).as_posix())
    parts: list[str] = list(base.parts)
    for part in PurePosixPath(target.lstrip("/")).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts) if parts else None


def _translation_problems(items: list[MarkdownFile], default_lang: str) -> Iterable[Problem]:
    """Translations must say what they are: about.en.md is the English about.md, with its Slug and Lang: en.
    Two files of one kind with the same slug and language would hide one of them."""
    by_path = {item.shown: item for item in items}
    for item in items:
        name = PurePosixPath(item.shown)
        stem, _, suffix = name.stem.rpartition(".")
        if not stem:
            continue  # not named like a translation
        lang, slug = item.fields.get("lang"), item.fields.get("slug")
        if lang and lang.value and lang.value != suffix:
            yield Problem(
                item.shown,
                lang.line,
                "Lang",
                f"the file name says '{suffix}' ({name.name}) but Lang is '{lang.value}': make them the same",
            )
        original = by_path.get(str(name.with_name(f"{stem}.md")))
        original_slug = original.fields.get("slug") if original else None
        if slug and original_slug and slug.value and original_slug.value and slug.value != original_slug.value:
            yield Problem(
                item.shown,
                slug.line,
                "Slug",
                f"this translation of {original.shown} has Slug '{slug.value}' but the original has "
                f"'{original_slug.value}': a translation keeps the original's Slug, or it becomes a separate page",
            )
    seen: dict[tuple[str, str, str], MarkdownFile] = {}
    for item in items:
        slug, lang = item.fields.get("slug"), item.fields.get("lang")
        if not slug or not lang or not slug.value or not lang.value:
            continue
        key = (item.kind, slug.value, lang.value)
        if key in seen:
            yield Problem(
                item.shown,
                slug.line,
                "Slug",
                f"{seen[key].shown} has the same Slug '{slug.value}' and Lang '{lang.value}': "
                "give this file another Slug, or another Lang if it is a translation",
            )
        else:
            seen[key] = item


# -- directives: lines that pull facts from the data when the site is built --------------------
#
# `{events 2026-12 2027-01}` on a line of its own (or as a list item) stands for what the data says
# when the site is built; netzwerk_site.directives writes it. A name and its values in braces,
# alone on a line, is hard to type by accident and easy to explain: "Schreiben Sie {events 2026-12}
# in eine eigene Zeile". The grammar lives here so that the checks and the expansion read alike.

DIRECTIVE_FIELD = "(directive)"
MONTHS, EVENT, MEMBER = "months", "event", "member"
# name -> (what its values are, how to write it)
DIRECTIVES: dict[str, tuple[str, str]] = {
    "events": (MONTHS, "{events 2026-12} or {events 2026-12 2027-01} (the events of these months)"),
    "meetings": (MONTHS, "{meetings 2026-12 2027-01} (the working groups' meetings in these months)"),
    "event": (EVENT, "{event sprachcafe} (one event with its next date)"),
    "member": (MEMBER, "{member caritas-erfurt} (a member, linked to its page)"),
}
# A directive lists at most a year of events: enough for an annual programme, short enough to read.
MAX_DIRECTIVE_MONTHS = 12
# Lists of dates in one page or mail: more would make a page no one reads (and a file could hold thousands).
MAX_DATE_LISTS = 12
# Pelican's link words are written in braces too ({static}/images/x.png): they are not directives.
_LINK_WORDS = frozenset(("static", "filename", "attach", "category", "tag", "author", "index"))
DIRECTIVE_PATTERN = re.compile(r"\{[ \t]*(?P<name>[A-Za-z][A-Za-z_-]*)(?P<values>(?:[ \t]+[^\s{}]+)*)[ \t]*\}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_BLOCKQUOTE_MARKERS = re.compile(r"[ \t]*(?:>[ \t]?)+")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_HEADING_LINE = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")


@dataclass(frozen=True)
class Directive:
    """One directive as written: its name and either a span of whole months or a record's id."""

    name: str
    first_day: date | None = None  # the first day of the first month
    last_day: date | None = None  # the last day of the last month
    record_id: str | None = None  # the member or event it names

    @property
    def kind(self) -> str:
        return DIRECTIVES[self.name][0]


class DirectiveError(ValueError):
    """Text written as a directive that cannot work; the message says how to write it."""


def is_directive(text: str) -> bool:
    """Whether the text (a whole line without list marker, or a paragraph's text) is meant as a directive."""
    match = DIRECTIVE_PATTERN.fullmatch(text.strip())
    return match is not None and match["name"].lower() not in _LINK_WORDS


def parse_directive(text: str) -> Directive:
    """The directive `text` is (see `is_directive`); DirectiveError says what is wrong with it."""
    match = DIRECTIVE_PATTERN.fullmatch(text.strip())
    if match is None or match["name"].lower() in _LINK_WORDS:
        raise DirectiveError(f"'{text.strip()}' is not a directive; write it like {DIRECTIVES['events'][1]}")
    name, values = match["name"], match["values"].split()
    if name not in DIRECTIVES:
        known = "; ".join(example for _kind, example in DIRECTIVES.values())
        hint = (
            f" write it in small letters: {{{name.lower()}…}};"
            if name.lower() in DIRECTIVES
            else did_you_mean(name.lower(), DIRECTIVES)
        )
        raise DirectiveError(
            f"'{{{name}…}}' is not a directive:{hint} the directives are {known}. "
            "To show braces as text, put the line between `backticks`"
        )
    if DIRECTIVES[name][0] == MONTHS:
        return _months_directive(name, values)
    return _record_directive(name, values)


def _months_directive(name: str, values: list[str]) -> Directive:
    example = DIRECTIVES[name][1]
    if not values or len(values) > 2:
        raise DirectiveError(
            f"{{{name}}} takes one month or the first and the last month, not {len(values)} values: write {example}"
        )
    for value in values:
        if name == "events" and re.fullmatch(ID_PATTERN, value) and re.search("[a-z]", value):
            raise DirectiveError(
                f"'{value}' is not a month; for one event write {{event {value}}}, for the events of months {example}"
            )
    first, last = (_month(name, value) for value in (values[0], values[-1]))
    if last < first:
        raise DirectiveError(
            f"{{{name} {' '.join(values)}}}: the first month comes after the last; write the earlier month first: "
            f"{{{name} {values[-1]} {values[0]}}}"
        )
    following = date(last.year + 1, 1, 1) if last.month == 12 else date(last.year, last.month + 1, 1)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > MAX_DIRECTIVE_MONTHS:
        raise DirectiveError(
            f"{{{name} {' '.join(values)}}} spans {months} months; a directive lists at most "
            f"{MAX_DIRECTIVE_MONTHS} months: write a later first month or an earlier last month, or use two directives"
        )
    return Directive(name, first_day=first, last_day=following - timedelta(days=1))


def _month(name: str, value: str) -> date:
    """The first day of a month written YYYY-MM."""
    match = _MONTH.fullmatch(value)
    if match is None or not 1 <= int(match[2]) <= 12 or not MIN_YEAR <= int(match[1]) <= MAX_YEAR:
        raise DirectiveError(
            f"'{value}' is not a month: write the year, a hyphen and the month with two digits, "
            f"e.g. {{{name} 2026-12}} for December 2026"
        )
    return date(int(match[1]), int(match[2]), 1)


def _record_directive(name: str, values: list[str]) -> Directive:
    kind = DIRECTIVES[name][0]
    folder = "data/members/" if kind == MEMBER else "data/events/<year>/"
    if len(values) != 1:
        raise DirectiveError(
            f"{{{name}}} takes exactly one id (the file name in {folder} without .yaml), e.g. {DIRECTIVES[name][1]}"
            + ("; write one line per member" if kind == MEMBER and values else "")
        )
    value = values[0]
    if kind == EVENT and _MONTH.fullmatch(value):
        raise DirectiveError(f"'{value}' is a month; for the events of a month write {{events {value}}}")
    if not re.fullmatch(ID_PATTERN, value) or len(value) > MAX_ID_LENGTH:
        raise DirectiveError(
            f"'{value}' is not an id: an id is the file name in {folder} without .yaml "
            "(lowercase letters, digits and hyphens)"
        )
    return Directive(name, record_id=value)


def _unquoted(line: str) -> str:
    """A Markdown line without the '>' markers of a quotation."""
    quote = _BLOCKQUOTE_MARKERS.match(line)
    return line[quote.end() :] if quote else line


def _directive_line(line: str) -> tuple[str, bool] | None:
    """The directive text of a Markdown line (without quote and list markers), and whether it is a list item."""
    rest = _unquoted(line)
    marker = _LIST_MARKER.match(rest)
    text = rest[marker.end() :] if marker else rest
    return (text.strip(), marker is not None) if is_directive(text) else None


def _ends_paragraph(line: str, listed: bool) -> bool:
    """Whether Markdown starts a new block at this neighbour line of a directive."""
    bare = _unquoted(line)
    if not bare.strip() or _HEADING_LINE.match(bare):
        return True
    return listed and _LIST_MARKER.match(bare) is not None


def _directive_problems(item: MarkdownFile, dataset: Dataset | None) -> Iterable[Problem]:
    """Directives must be written so that they work, name records that exist, and stand alone:
    Markdown joins a line to the one above it, and then reads the directive as a formatting hint."""
    lines = item.body.splitlines()
    fenced = commented = False
    lists = 0
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            commented = True
        elif commented and "-->" in line:
            commented = False
            continue
        found = None if fenced or commented else _directive_line(line)
        if found is None:
            continue
        text, listed = found
        where = Problem(item.shown, item.body_start + index, DIRECTIVE_FIELD, "")
        try:
            directive = parse_directive(text)
        except DirectiveError as error:
            yield _with(where, str(error))
            continue
        if directive.record_id is not None and dataset is not None:
            yield from _unknown_record(directive, dataset, where)
        if directive.kind == MONTHS:
            lists += 1
            if lists == MAX_DATE_LISTS + 1:
                yield _with(
                    where,
                    f"a page or mail has at most {MAX_DATE_LISTS} lists of dates ({{events …}}, {{meetings …}}) and "
                    "this is one more: combine months into one line, e.g. {events 2026-12 2027-01}, or split the page",
                )
        what = "the list" if listed else "it"
        if index > 0 and not _ends_paragraph(lines[index - 1], listed):
            yield _with(
                where,
                f"{text} needs an empty line above {what}: directly below another line, Markdown joins the two "
                "and the directive is lost; insert an empty line",
            )
        if index + 1 < len(lines) and not _ends_paragraph(lines[index + 1], listed):
            yield _with(
                where,
                f"{text} needs an empty line below {what}: Markdown joins the next line to it and the directive "
                "is shown as text; insert an empty line",
            )


def _unknown_record(directive: Directive, dataset: Dataset, where: Problem) -> Iterable[Problem]:
    record_id = directive.record_id or ""
    if directive.kind == MEMBER and record_id not in dataset.members:
        yield _with(
            where,
            f"{{member {record_id}}}: there is no member '{record_id}' (a file data/members/{record_id}.yaml):"
            f"{did_you_mean(record_id, dataset.members)} the id is the member's file name without .yaml",
        )
    if directive.kind == EVENT and record_id not in dataset.events:
        yield _with(
            where,
            f"{{event {record_id}}}: there is no event '{record_id}' (a file data/events/<year>/{record_id}.yaml):"
            f"{did_you_mean(record_id, dataset.events)} the id is the event's file name without .yaml",
        )


def check_content(
    content_dir: Path, languages: tuple[str, ...], default_lang: str, dataset: Dataset | None = None
) -> list[Problem]:
    """Every problem of the content folder (its Markdown files and its published files).

    With the checked `dataset`, directives must name members and events that exist; without it
    (the data has problems of its own) only their form is checked.
    """
    project = content_dir.parent
    if not content_dir.is_dir():
        return [
            Problem(
                relative(content_dir, project),
                1,
                "(folder)",
                "the content folder does not exist; check the path given with --content",
            )
        ]
    scan: FolderScan = scan_folder(content_dir, project)
    problems = list(scan.problems)
    static_files = {PurePosixPath(path.as_posix()) for path in scan.under(STATIC_FOLDER)}
    items: list[MarkdownFile] = []
    for path in scan.files:
        shown = relative(content_dir / path, project)
        invisible = invisible_character_problem(path.as_posix(), LINE)
        if invisible is not None:
            problems.append(Problem(shown, 1, "(file name)", f"the file name {invisible}; rename the file"))
            continue
        top = path.parts[0] if len(path.parts) > 1 else ""
        if top == STATIC_FOLDER:
            problems += check_static_file(content_dir / path, shown)
            continue
        if top == DOCUMENT_FOLDER:
            continue  # checked where the data names them (documents.py); unnamed ones are not published
        if top not in MARKDOWN_FOLDERS:
            problems.append(
                Problem(
                    shown,
                    1,
                    "(file)",
                    "files here are not published: Markdown goes into "
                    f"{' or '.join(f'{f}/' for f in MARKDOWN_FOLDERS)}, images and documents into {STATIC_FOLDER}/",
                )
            )
            continue
        if path.suffix != ".md":
            problems.append(
                Problem(shown, 1, "(file)", "only Markdown files ending in .md are read here; rename or move it")
            )
            continue
        text, unreadable = read_text(content_dir / path, MAX_MARKDOWN_BYTES, "a page or info mail is a few kilobytes")
        if unreadable is not None:
            problems.append(Problem(shown, unreadable.line, "(file)", unreadable.message))
            continue
        fields, duplicates, body_start = read_metadata(text)
        problems += [
            Problem(shown, line, key.capitalize(), f"'{key.capitalize()}:' is given twice; keep one")
            for line, key in duplicates
        ]
        body = "\n".join(text.splitlines()[body_start - 1 :])
        item = MarkdownFile(shown, MARKDOWN_FOLDERS[top], fields, body_start, body)
        items.append(item)
        problems += _field_problems(item, languages)
        problems += _character_problems(item)
        problems += _link_problems(item, content_dir, content_dir / path, static_files)
        problems += _directive_problems(item, dataset)
    problems += _translation_problems(items, default_lang)
    return problems

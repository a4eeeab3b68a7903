"""Checks of the content folder: Markdown pages and info mails, and the files they publish.

Pelican reads these files later; everything it would do silently or with its own words
(skip a file, guess a date, publish a file outside the folder, write outside the output)
is found here first and reported like the data: file, line, field and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from .files import FolderScan, read_text, scan_folder
from .problems import Problem, did_you_mean, relative
from .static_files import check_static_file
from .values import ID_PATTERN, LINE, MAX_ID_LENGTH, invisible_character_problem

MAX_MARKDOWN_BYTES = 1_000_000

# Folders of content/ and what they hold (the same names as ARTICLE_PATHS, PAGE_PATHS, STATIC_PATHS).
MARKDOWN_FOLDERS = {"pages": "page", "info-mail": "info mail"}
STATIC_FOLDER = "images"

# Metadata lines a content file may start with; anything else would be ignored or misread by Pelican.
FIELDS = {
    "title": "the title shown as heading and in menus",
    "slug": "the page's address, the same in every translation",
    "lang": "the language code of this file",
    "date": "the publication date (info mail): YYYY-MM-DD or YYYY-MM-DD HH:MM",
    "modified": "the date of the last change: YYYY-MM-DD or YYYY-MM-DD HH:MM",
    "summary": "a short summary",
    "menu": "main or footer",
    "order": "a whole number: the position in the menu",
}
REQUIRED = {"page": ("title", "slug", "lang"), "info mail": ("title", "slug", "lang", "date")}
MENUS = ("main", "footer")

# python-markdown's meta extension, which Pelican uses: the same rules, with line numbers kept.
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_BEGIN = re.compile(r"^-{3}(\s.*)?$")
_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
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
    """An ISO date or date-time as content files write it, or None if it is not one."""
    if not _DATE.match(text):
        return None
    try:
        return (
            datetime.fromisoformat(text.replace(" ", "T"))
            if len(text) > 10
            else datetime.combine(date.fromisoformat(text), datetime.min.time())
        )
    except ValueError:
        return None


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
    for name in REQUIRED[item.kind]:
        if not item.fields.get(name, Field("", 1)).value:
            what = FIELDS[name]
            yield at(name, f"'{name.capitalize()}:' is missing or empty; add a line '{name.capitalize()}: …' ({what})")
    slug = item.fields.get("slug")
    if slug and len(slug.value) > MAX_ID_LENGTH:
        yield at("slug", f"the slug has {len(slug.value)} characters; use at most {MAX_ID_LENGTH}")
    elif slug and slug.value and not re.fullmatch(ID_PATTERN, slug.value):
        yield at(
            "slug",
            f"'{slug.value}' is not a valid slug: use lowercase letters, digits and hyphens, e.g. 'about' or '2026-12'",
        )
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
            yield at(
                name,
                f"'{found.value}' is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2026-12-01 09:00",
            )
    menu = item.fields.get("menu")
    if menu and menu.value not in MENUS:
        yield at("menu", f"'{menu.value}' is not a menu:{did_you_mean(menu.value, MENUS)} use 'main' or 'footer'")
    order = item.fields.get("order")
    if order and not re.fullmatch(r"-?\d{1,4}", order.value):
        yield at("order", f"'{order.value}' is not a whole number; write the position in the menu, e.g. Order: 2")


def _link_problems(
    item: MarkdownFile, content_dir: Path, source: Path, static_files: set[PurePosixPath]
) -> Iterable[Problem]:
    """{static} and {filename} links must point at files of this content folder that the site publishes."""
    for offset, line in enumerate(item.body.splitlines()):
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
    """Two files of one kind with the same slug and language: Pelican would keep one of them."""
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


def check_content(content_dir: Path, languages: tuple[str, ...], default_lang: str) -> list[Problem]:
    """Every problem of the content folder (its Markdown files and its published files)."""
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
        top = path.parts[0] if len(path.parts) > 1 else ""
        if top == STATIC_FOLDER:
            problems += check_static_file(content_dir / path, shown)
            continue
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
        problems += _link_problems(item, content_dir, content_dir / path, static_files)
    problems += _translation_problems(items, default_lang)
    return problems

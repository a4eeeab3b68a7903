"""Documents of events, dates of a series and working groups: the files must be publishable.

A document names a file under content/documents/ (`file: documents/2026/protokoll.pdf`). The build
publishes exactly the files that are named (at the same path under the site root); a file that is
in content/documents/ but named nowhere is not published. Each named file is checked here, and a
problem is reported at the data file's line of its `file:` field:

* the path stays inside content/documents/ (no `..`, no absolute path, no symbolic link on the way);
* the file exists and is a regular file of at most MAX_DOCUMENT_BYTES;
* its type is on the allow-list and its content is of that type (a renamed file is refused: a
  browser would open it as what its name says).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .files import FileWords, real_file_problem
from .models import Document, Event, WorkingGroup
from .problems import Problem
from .static_files import MAX_STATIC_BYTES

if TYPE_CHECKING:
    from .loader import Dataset, Source

# The folder of content/ that documents are kept in (and published from).
DOCUMENT_FOLDER = "documents"
MAX_DOCUMENT_BYTES = MAX_STATIC_BYTES  # 20 MB, like every file the site publishes

# Allowed endings: (label shown to readers, media type).
DOCUMENT_TYPES: dict[str, tuple[str, str]] = {
    ".pdf": ("PDF", "application/pdf"),
    ".odt": ("ODT", "application/vnd.oasis.opendocument.text"),
    ".ods": ("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
    ".odp": ("ODP", "application/vnd.oasis.opendocument.presentation"),
    ".docx": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pptx": ("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ".png": ("PNG", "image/png"),
    ".jpg": ("JPG", "image/jpeg"),
    ".jpeg": ("JPG", "image/jpeg"),
    ".txt": ("TXT", "text/plain"),
}

# What a file of each kind is called in a message.
_NAMES = {
    ".pdf": "a PDF file",
    ".odt": "an OpenDocument text (.odt)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".odp": "an OpenDocument presentation (.odp)",
    ".docx": "a Word document (.docx)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".pptx": "a PowerPoint presentation (.pptx)",
    ".png": "a PNG image",
    ".jpg": "a JPEG image",
    ".jpeg": "a JPEG image",
    ".txt": "a plain text file (UTF-8)",
}
# Office files are zip archives; the member that tells which kind it is.
_OPEN_DOCUMENT = {".odt": ".odt", ".ods": ".ods", ".odp": ".odp"}
_OFFICE_OPEN_XML = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml", ".pptx": "ppt/presentation.xml"}


@dataclass(frozen=True)
class DocumentRef:
    """One document as written in the data: the record's source and where in it."""

    source: Source
    path: tuple[str | int, ...]  # e.g. ("changed", 2, "documents", 0)
    document: Document


def document_refs(dataset: Dataset) -> Iterator[DocumentRef]:
    """Every document of every working group, event and date of a series, in file order."""
    for group_id, group in dataset.working_groups.items():
        yield from _refs(dataset.sources[("working-group", group_id)], group, ())
    for event_id, event in dataset.events.items():
        source = dataset.sources[("event", event_id)]
        yield from _refs(source, event, ())
        for index, change in enumerate(event.changed):
            for number, document in enumerate(change.documents):
                yield DocumentRef(source, ("changed", index, "documents", number), document)


def _refs(source: Source, record: Event | WorkingGroup, prefix: tuple[str | int, ...]) -> Iterator[DocumentRef]:
    for number, document in enumerate(record.documents):
        yield DocumentRef(source, (*prefix, "documents", number), document)


def check_documents(dataset: Dataset, content_dir: Path | None) -> list[Problem]:
    """Problems of every document's file, at the line of its `file:` field."""
    problems: list[Problem] = []
    known: dict[str, str | None] = {}  # one look at each file, however often it is named
    for ref in document_refs(dataset):
        file = ref.document.file
        if file not in known:
            known[file] = document_file_problem(content_dir, file)
        if known[file] is not None:
            problems.append(ref.source.at((*ref.path, "file"), known[file]))  # type: ignore[arg-type]
    return problems


def document_file_problem(content_dir: Path | None, file: str) -> str | None:
    """Why content/<file> cannot be published as a document, or None."""
    form = _form_problem(file)
    if form is not None or content_dir is None:
        return form
    if not content_dir.is_dir():
        return None  # the content check reports the missing folder, once
    found = _walk_problem(content_dir, file)
    if found is not None:
        return found
    return _content_problem(content_dir / file, file)


def _form_problem(file: str) -> str | None:
    example = f"{DOCUMENT_FOLDER}/2026/protokoll.pdf"
    if "\\" in file:
        return f"'{file}': separate folders with '/', not '\\', e.g. {example}"
    if file.startswith("/") or (len(file) > 1 and file[1] == ":"):
        return (
            f"'{file}' is an absolute path; write the path below the content folder, e.g. {example} "
            f"(the file itself goes into content/{DOCUMENT_FOLDER}/)"
        )
    parts = file.split("/")
    if ".." in parts:
        return f"'{file}' leads out of the content folder ('..'); put the file into content/{DOCUMENT_FOLDER}/"
    if any(part in ("", ".") for part in parts):
        return f"'{file}' has an empty folder name ('//' or '/./'); write it like {example}"
    if parts[0] != DOCUMENT_FOLDER or len(parts) < 2:
        return (
            f"'{file}' is not in the documents folder: put the file into content/{DOCUMENT_FOLDER}/ "
            f"and write its path from there, e.g. {example}"
        )
    if any(part.startswith(".") for part in parts):
        return f"'{file}': names starting with a dot are hidden files and never published; rename it"
    suffix = Path(parts[-1]).suffix.lower()
    if suffix not in DOCUMENT_TYPES:
        allowed = ", ".join(sorted({s for s in DOCUMENT_TYPES if s != ".jpeg"}))
        shown = f"'{suffix}'" if suffix else "without an ending"
        return (
            f"files {shown} are not published as documents; allowed are {allowed}: export the document "
            "as PDF (or one of these) and name that file"
        )
    return None


DOCUMENT_WORDS = FileWords(
    add="put the file into",
    copy="a copy of the file",
    not_a_file="is not a file (it is a folder or a special file); name the document's file",
    missing_folder="create it or fix the path",
)


def _walk_problem(content_dir: Path, file: str) -> str | None:
    """Each step looked up without following links: real folders, the last a regular file."""
    inside = file.removeprefix(f"{DOCUMENT_FOLDER}/")
    return real_file_problem(content_dir / DOCUMENT_FOLDER, f"content/{DOCUMENT_FOLDER}", inside, DOCUMENT_WORDS)


def _content_problem(path: Path, file: str) -> str | None:
    shown = f"content/{file}"
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        return f"{shown} cannot be read: {error.strerror}; check the file's permissions"
    if size > MAX_DOCUMENT_BYTES:
        return (
            f"{shown} has {size:,} bytes; a document may have at most {MAX_DOCUMENT_BYTES:,}: "
            "make it smaller (e.g. export the PDF with compressed images) or split it"
        )
    if size == 0:
        return f"{shown} is empty; save the document again"
    if _is_type(path, suffix, head):
        return None
    actual = sniff(path, head)
    looks = f" (it looks like {_NAMES[actual]}: give it the ending {actual})" if actual else ""
    return (
        f"{shown} is not {_NAMES[suffix]}, although its name ends in {path.suffix}{looks}; "
        "save or export it again in that format, or give it the right ending"
    )


def _is_type(path: Path, suffix: str, head: bytes) -> bool:
    if suffix == ".pdf":
        return head.startswith(b"%PDF-")
    if suffix == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if suffix in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if suffix == ".txt":
        return _is_text(path)
    return _zip_kind(path) == suffix


def sniff(path: Path, head: bytes) -> str | None:
    """The ending that fits the file's content, or None when it is none of the allowed types."""
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    return ".txt" if _is_text(path) else None


def _zip_kind(path: Path) -> str | None:
    """.odt/.ods/.odp/.docx/.xlsx/.pptx for an office file (by its archive's contents), else None."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                for suffix in _OPEN_DOCUMENT:
                    if mimetype == DOCUMENT_TYPES[suffix][1]:
                        return suffix
            if "[Content_Types].xml" in names:
                for suffix, member in _OFFICE_OPEN_XML.items():
                    if member in names:
                        return suffix
    except (OSError, zipfile.BadZipFile, KeyError, RuntimeError, EOFError):
        return None
    return None


def _is_text(path: Path) -> bool:
    """UTF-8 text without control characters other than tab, line breaks and form feed."""
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return not any(ord(char) < 32 and char not in "\t\n\r\f" for char in text)

"""Documents of events, dates of a series and working groups: each named file is checked.

A copy of the fixture site's data and content is made per test; documents are added with real files
(written here byte by byte: a PDF header, a zip archive) and the expected problem is asserted with
its file, line and field, as the editor sees it in `invoke validate`.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from netzwerk_data import DataError, Problem, load_dataset

FIXTURE_SITE = Path(__file__).parents[1] / "fixtures" / "site"
REPO = Path(__file__).parents[2]

GROUP = """\
name: "AG Neu"
description: "Neu."
meetings_per_year: 2
founded: "2005-01-01"
documents:
  - title: {de: "Protokoll", en: "Minutes"}
    kind: "minutes"
    file: "FILE"
    language: "de"
"""
# line of `file:` in GROUP
GROUP_FILE_LINE = 8

SERIES = """\
title: "Sprachcafé"
category: "network-cafe"
start: "2026-09-08T16:00"
end: "2026-09-08T18:00"
venue: "zentrum"
recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=3"
changed:
  - date: "2026-10-13T16:00"
    documents:
      - title: "Themen"
        kind: "other"
        file: "FILE"
        language: "de"
"""
SERIES_FILE_LINE = 12

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_SITE / "data", tmp_path / "data")
    shutil.copytree(FIXTURE_SITE / "content", tmp_path / "content")
    return tmp_path


def _write(project: Path, relative: str, data: bytes) -> Path:
    path = project / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _problems(project: Path, record: str, text: str, file: str) -> list[Problem]:
    target = project / "data" / record
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace("FILE", file), encoding="utf-8")
    try:
        load_dataset(project / "data", project / "content")
    except DataError as error:
        return list(error.problems)
    return []


def _one(problems: list[Problem], file: str, line: int, field: str) -> str:
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == (file, line, field), str(problem)
    return problem.message


@pytest.mark.parametrize(
    ("name", "data"),
    [("a.pdf", PDF), ("a.png", PNG), ("a.docx", DOCX), ("a.odt", ODT), ("a.txt", "Tagesordnung für Äpfel\n".encode())],
)
def test_allowed_files_load(project: Path, name: str, data: bytes) -> None:
    _write(project, f"documents/2026/{name}", data)
    assert _problems(project, "working-groups/neu.yaml", GROUP, f"documents/2026/{name}") == []


def test_missing_file_names_file_line_and_field(project: Path) -> None:
    _write(project, "documents/2026/protokoll.pdf", PDF)
    problems = _problems(project, "working-groups/neu.yaml", GROUP, "documents/2026/protokol.pdf")
    message = _one(problems, "data/working-groups/neu.yaml", GROUP_FILE_LINE, "documents[0].file")
    assert "there is no file content/documents/2026/protokol.pdf" in message
    assert "did you mean 'protokoll.pdf'?" in message


def test_missing_file_of_a_date_of_a_series(project: Path) -> None:
    problems = _problems(project, "events/2026/cafe.yaml", SERIES, "documents/2026/themen.pdf")
    message = _one(problems, "data/events/2026/cafe.yaml", SERIES_FILE_LINE, "changed[0].documents[0].file")
    assert "no folder content/documents" in message


def test_missing_file_is_reported_by_validate(project: Path) -> None:
    """The editor's command exits with the problem as file:line: field: message."""
    (project / "data" / "working-groups" / "neu.yaml").write_text(
        GROUP.replace("FILE", "documents/fehlt.pdf"), encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETWORK_")}
    command = [sys.executable, "-m", "invoke", "validate", "--data", str(project / "data")]
    command += ["--content", str(project / "content")]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode != 0
    expected = f"/neu.yaml:{GROUP_FILE_LINE}: documents[0].file: there is no"
    assert expected in done.stdout + done.stderr, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("a.pdf", b"<html><script>alert(1)</script></html>", "is not a PDF file, although its name ends in .pdf"),
        ("a.pdf", PNG, "it looks like a PNG image: give it the ending .png"),
        ("a.docx", ODT, "it looks like an OpenDocument text (.odt): give it the ending .odt"),
        ("a.xlsx", DOCX, "is not an Excel workbook"),
        ("a.odt", b"PK\x03\x04 not really a zip", "is not an OpenDocument text"),
        ("a.txt", b"\x00\x01binary", "is not a plain text file"),
        ("a.png", PDF, "it looks like a PDF file: give it the ending .pdf"),
        ("a.pdf", b"", "is empty"),
    ],
)
def test_content_must_match_the_ending(project: Path, name: str, data: bytes, fragment: str) -> None:
    _write(project, f"documents/{name}", data)
    problems = _problems(project, "working-groups/neu.yaml", GROUP, f"documents/{name}")
    assert fragment in _one(problems, "data/working-groups/neu.yaml", GROUP_FILE_LINE, "documents[0].file")


@pytest.mark.parametrize(
    ("file", "fragment"),
    [
        ("../data/network.yaml", "leads out of the content folder"),
        ("documents/../../secret.pdf", "leads out of the content folder"),
        ("/etc/passwd.pdf", "is an absolute path"),
        ("C:/Dokumente/protokoll.pdf", "is an absolute path"),
        ("documents\\2026\\a.pdf", "separate folders with '/'"),
        ("images/logo.png", "is not in the documents folder"),
        ("documents//a.pdf", "empty folder name"),
        ("documents/.geheim.pdf", "hidden files"),
        ("documents/seite.html", "files '.html' are not published as documents"),
        ("documents/a.svg", "files '.svg' are not published"),
        ("documents/README", "files without an ending are not published"),
    ],
)
def test_paths_stay_in_the_documents_folder(project: Path, file: str, fragment: str) -> None:
    problems = _problems(project, "working-groups/neu.yaml", GROUP, file.replace("\\", "\\\\"))
    assert fragment in _one(problems, "data/working-groups/neu.yaml", GROUP_FILE_LINE, "documents[0].file")


def test_symbolic_link_leaving_the_content_folder_is_refused(project: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.pdf"
    outside.write_bytes(PDF)
    (project / "content" / "documents").mkdir()
    os.symlink(outside, project / "content" / "documents" / "a.pdf")
    problems = _problems(project, "working-groups/neu.yaml", GROUP, "documents/a.pdf")
    message = _one(problems, "data/working-groups/neu.yaml", GROUP_FILE_LINE, "documents[0].file")
    assert "content/documents/a.pdf is a symbolic link" in message


def test_linked_folder_is_refused(project: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "a.pdf").write_bytes(PDF)
    os.symlink(outside, project / "content" / "documents")
    problems = _problems(project, "working-groups/neu.yaml", GROUP, "documents/a.pdf")
    assert "is a symbolic link" in _one(problems, "data/working-groups/neu.yaml", GROUP_FILE_LINE, "documents[0].file")


def test_folder_instead_of_file(project: Path) -> None:
    (project / "content" / "documents" / "a.pdf").mkdir(parents=True)
    problems = _problems(project, "working-groups/neu.yaml", GROUP, "documents/a.pdf")
    assert "is not a file" in _one(problems, "data/working-groups/neu.yaml", GROUP_FILE_LINE, "documents[0].file")


def test_too_large(project: Path) -> None:
    path = _write(project, "documents/gross.pdf", PDF)
    with path.open("ab") as handle:
        handle.truncate(20_000_001)
    problems = _problems(project, "working-groups/neu.yaml", GROUP, "documents/gross.pdf")
    message = _one(problems, "data/working-groups/neu.yaml", GROUP_FILE_LINE, "documents[0].file")
    assert "20,000,001 bytes" in message and "at most 20,000,000" in message


def test_one_file_named_twice_is_reported_at_both_places(project: Path) -> None:
    text = GROUP + '  - {title: "Noch einmal", kind: "other", file: "documents/fehlt.pdf", language: "de"}\n'
    problems = _problems(project, "working-groups/neu.yaml", text, "documents/fehlt.pdf")
    assert [(p.line, p.field) for p in problems] == [(GROUP_FILE_LINE, "documents[0].file"), (10, "documents[1].file")]


def test_unnamed_files_in_the_documents_folder_are_no_content_problem(project: Path) -> None:
    from netzwerk_data.content import check_content

    _write(project, "documents/entwurf.docx", b"not even a docx")
    assert check_content(project / "content", ("de", "en", "ar"), "de") == []


@pytest.mark.parametrize(
    ("size", "de", "en"),
    [
        (1, "1 KB", "1 KB"),
        (1000, "1 KB", "1 KB"),
        (1001, "2 KB", "2 KB"),
        (245_310, "246 KB", "246 KB"),
        (998_999, "999 KB", "999 KB"),
        (999_001, "1 MB", "1 MB"),
        (1_234_567, "1,2 MB", "1.2 MB"),
        (20_000_000, "20 MB", "20 MB"),
    ],
)
def test_sizes_as_readers_see_them(size: int, de: str, en: str) -> None:
    from babel.support import NullTranslations

    from netzwerk_i18n import Localizer
    from netzwerk_site.documents import human_size

    assert human_size(size, Localizer("de", "de", NullTranslations())) == de
    assert human_size(size, Localizer("en", "de", NullTranslations())) == en

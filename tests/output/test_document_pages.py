"""Documents on the built site: listed on event and working-group pages, published beside the pages.

Two sites are checked: the shipped example data (default_site), and a small site made here from the
test fixture with documents of single events, of dates of a series and of a working group, and
meetings in two years. The oracles are the files themselves (bytes, sizes) and the dates written in
this module, not the site's code.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_ROOT, build_site

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "site"
LANGS = {"de": "", "en": "en/", "ar": "ar/"}


def _pdf(size: int) -> bytes:
    head = b"%PDF-1.4\n% example data for the tests\n"
    return head + b"0" * (size - len(head))


# file under content/ -> bytes
FILES = {
    "documents/2025/sprache-2025-03-protokoll.pdf": _pdf(245_310),
    "documents/2026/sprache-oktober-tagesordnung.txt": "Tagesordnung\n1. Begrüßung\n".encode(),
    "documents/2026/sprache-juni-folien.pdf": _pdf(999),
    "documents/ag-sprache/bericht 2026.pdf": _pdf(1_234_567),  # a space in the name
    "documents/nicht-genannt.pdf": _pdf(500),  # named by nothing: not published
}

EVENTS = {
    "2025/ag-sprache-2025-03.yaml": """\
title: {de: "AG Sprache März 2025", en: "Language WG March 2025"}
category: "working-group"
working_group: "sprache"
start: "2025-03-12T10:00"
end: "2025-03-12T12:00"
online: "https://meet.test.example/sprache"
documents:
  - title: {de: "Protokoll März 2025", en: "Minutes March 2025"}
    kind: "minutes"
    file: "documents/2025/sprache-2025-03-protokoll.pdf"
    language: "de"
    date: "2025-03-20"
""",
    "2025/ag-sprache-2025-11.yaml": """\
title: {de: "AG Sprache November 2025", en: "Language WG November 2025"}
category: "working-group"
working_group: "sprache"
start: "2025-11-20T10:00"
end: "2025-11-20T12:00"
online: "https://meet.test.example/sprache"
""",
    "2026/ag-sprache-juni.yaml": """\
title: {de: "AG Sprache im Juni", en: "Language WG in June"}
category: "working-group"
working_group: "sprache"
start: "2026-06-10T10:00"
end: "2026-06-10T12:00"
online: "https://meet.test.example/sprache"
recurrence: "FREQ=WEEKLY;COUNT=3"
changed:
  - date: "2026-06-17T10:00"
    documents:
      - title: {de: "Folien", en: "Slides", ar: "الشرائح"}
        kind: "presentation"
        file: "documents/2026/sprache-juni-folien.pdf"
        language: "en"
""",
}
OCTOBER_DOCUMENTS = """\
documents:
  - title: {de: "Tagesordnung"}
    kind: "agenda"
    file: "documents/2026/sprache-oktober-tagesordnung.txt"
    language: "de"
"""
GROUP_DOCUMENTS = """\
documents:
  - title: {de: "Jahresbericht 2026", en: "Annual report 2026"}
    kind: "report"
    file: "documents/ag-sprache/bericht 2026.pdf"
    language: "de"
"""
# The group's past meetings on 2026-11-24, newest first, by year (from the files above and the fixture).
PAST = {
    "2026": ["2026-10-15", "2026-06-24", "2026-06-17", "2026-06-10"],
    "2025": ["2025-11-20", "2025-03-12"],
}


@pytest.fixture(scope="module")
def documents_site(tmp_path_factory) -> tuple[Path, Path]:
    """(content folder, output folder) of the fixture site with documents."""
    root = tmp_path_factory.mktemp("documents-site")
    shutil.copytree(FIXTURE / "data", root / "data")
    shutil.copytree(FIXTURE / "content", root / "content")
    for name, data in FILES.items():
        target = root / "content" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for name, text in EVENTS.items():
        (root / "data" / "events" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "data" / "events" / name).write_text(text, encoding="utf-8")
    with (root / "data" / "events" / "2026" / "ag-sprache-oktober.yaml").open("a", encoding="utf-8") as file:
        file.write(OCTOBER_DOCUMENTS)
    with (root / "data" / "working-groups" / "sprache.yaml").open("a", encoding="utf-8") as file:
        file.write(GROUP_DOCUMENTS)
    output = build_site(root / "data", root / "content", root / "output")
    return root / "content", output


def _page(output: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _size(size: int, lang: str) -> str:
    """Independent of the site's code: decimal units, whole KB rounded up, MB with one decimal."""
    kilobytes = max(1, math.ceil(size / 1000))
    if kilobytes < 1000:
        return f"{kilobytes} KB"
    shown = f"{size / 1_000_000:.1f}"
    return f"{shown.replace('.', ',') if lang == 'de' else shown} MB"


def _check_links(content: Path, output: Path, page_path: str, items: list) -> list[str]:
    """Each listed document's link leads to the published file, byte for byte, with its size shown;
    returns the files (paths under content/)."""
    found = []
    lang = page_path.split("/", 1)[0] if page_path.split("/", 1)[0] in ("en", "ar") else "de"
    for item in items:
        link = item.select_one("a.document-link")
        href = link["href"]
        assert not href.startswith(("/", "http")), f"{page_path}: {href} is not relative"
        target = unquote(urljoin(f"http://site/{page_path}", href).removeprefix("http://site/"))
        published = output / target
        assert published.is_file(), f"{page_path}: {href} leads to no file"
        original = content / target
        assert published.read_bytes() == original.read_bytes()
        size = original.stat().st_size
        shown = item.select_one(".document-file").get_text(" ", strip=True)
        if lang in ("de", "en"):
            label = Path(target).suffix[1:].upper()
            assert shown == f"{label}, {_size(size, lang)}", f"{page_path}: {shown}"
        found.append(target)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_working_group_page_has_past_meetings_by_year_with_documents(
    documents_site: tuple[Path, Path], lang: str
) -> None:
    content, output = documents_site
    page_path = f"{LANGS[lang]}working-groups/sprache/"
    page = _page(output, page_path)
    section = page.select_one("section[aria-labelledby=past-meetings]")
    years = section.select("section.meeting-year")
    assert [year.h3.get_text(strip=True) for year in years] == list(PAST)
    for year in years:
        starts = [item.time["datetime"][:10] for item in year.select(".meeting-list > li")]
        assert starts == PAST[year.h3.get_text(strip=True)]
    by_date = {item.time["datetime"][:10]: item for item in section.select(".meeting-list > li")}
    assert _check_links(content, output, page_path, by_date["2025-03-12"].select(".document")) == [
        "documents/2025/sprache-2025-03-protokoll.pdf"
    ]
    assert _check_links(content, output, page_path, by_date["2026-06-17"].select(".document")) == [
        "documents/2026/sprache-juni-folien.pdf"
    ]
    assert _check_links(content, output, page_path, by_date["2026-10-15"].select(".document")) == [
        "documents/2026/sprache-oktober-tagesordnung.txt"
    ]
    for day in ("2025-11-20", "2026-06-10", "2026-06-24"):
        assert not by_date[day].select(".document"), day
    own = page.select("section[aria-labelledby=group-documents] .document")
    assert _check_links(content, output, page_path, own) == ["documents/ag-sprache/bericht 2026.pdf"]
    # the page keeps its other parts: goals, spokespersons, members, upcoming meetings
    for part in ("goals", "speakers", "members", "next-meetings"):
        assert page.find(id=part), part


def test_document_entries_say_kind_language_and_date(documents_site: tuple[Path, Path]) -> None:
    _content, output = documents_site
    page = _page(output, "en/events/ag-sprache-2025-03/")
    (item,) = page.select("section[aria-labelledby=documents] .document")
    assert item.a.get_text(strip=True) == "Minutes March 2025"
    assert item.a["hreflang"] == "de" and item.a["type"] == "application/pdf"
    meta = item.select_one(".document-meta").get_text(" ", strip=True)
    assert meta.startswith("Minutes · German · March 20, 2025 · PDF, 246 KB"), meta
    # a title without the reader's language falls back to the original and says so
    october = _page(output, "en/events/ag-sprache-oktober/").select_one(".document a")
    assert october.select_one("[lang=de]").get_text() == "Tagesordnung"
    assert october.select_one(".fallback-mark")


@pytest.mark.parametrize("lang", LANGS)
def test_series_page_lists_the_documents_of_its_dates(documents_site: tuple[Path, Path], lang: str) -> None:
    content, output = documents_site
    page_path = f"{LANGS[lang]}events/ag-sprache-juni/"
    page = _page(output, page_path)
    section = page.select_one("section[aria-labelledby=documents]")
    heading = section.find(id="documents-2026-06-17")
    assert heading.time["datetime"] == "2026-06-17"
    assert _check_links(content, output, page_path, section.select(".document")) == [
        "documents/2026/sprache-juni-folien.pdf"
    ]
    # the date in the list of all dates leads to its documents
    (link,) = page.select("#dates ~ ul a.date-documents, .date-list a.date-documents")
    assert link["href"] == "#documents-2026-06-17"


def test_only_named_files_are_published(documents_site: tuple[Path, Path]) -> None:
    content, output = documents_site
    named = {name for name in FILES if "nicht-genannt" not in name}
    published = {p.relative_to(output).as_posix() for p in (output / "documents").rglob("*") if p.is_file()}
    assert published == named
    for name in named:
        assert (output / name).read_bytes() == (content / name).read_bytes()


def test_shipped_example_documents(default_site: Path) -> None:
    content = REPO_ROOT / "content"
    event = "events/ag-sprache-bildung-2026-09/"
    items = _page(default_site, event).select("section[aria-labelledby=documents] .document")
    assert len(_check_links(content, default_site, event, items)) == 2
    series = "en/events/sprachcafe-zim/"
    items = _page(default_site, series).select("section[aria-labelledby=documents] .document")
    assert _check_links(content, default_site, series, items)
    group = "ar/working-groups/sprache-bildung/"
    page = _page(default_site, group)
    assert _check_links(content, default_site, group, page.select("section[aria-labelledby=group-documents] .document"))
    past = page.select("section[aria-labelledby=past-meetings] .document")
    assert len(_check_links(content, default_site, group, past)) == 2
    # every shipped document says it is example data
    for file in (content / "documents").rglob("*"):
        if file.suffix == ".txt":
            assert "BEISPIELDATEN" in file.read_text(encoding="utf-8").upper() or "EXAMPLE DATA" in file.read_text(
                encoding="utf-8"
            )

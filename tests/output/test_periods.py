"""The bimonthly calendar ("Veranstaltungskalender") of both built sites, checked with tools the
project did not write:

* the period pages with BeautifulSoup, against the period's own iCalendar feed expanded by
  recurring-ical-events (the same dates, the same events), the data files read with PyYAML, and
  Babel's month names;
* the period PDFs read back with pypdf (text, pages, fonts, tags), drawn with PDFium (pypdfium2)
  and their QR code decoded with zxing-cpp;
* the print view in Chromium (print emulation, and Chromium's own A4 print counted with pypdf);
* two builds give the same PDFs, and a build without WeasyPrint skips them, saying so.
"""

from __future__ import annotations

import io
import os
import re
import runpy
import subprocess
import sys
import unicodedata
from datetime import date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
import recurring_ical_events
import yaml
from babel.dates import format_date
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import BUILD_TIMEOUT_S, REPO_ROOT, SITES, TODAY, build_site
from pypdf import PdfReader

CALENDAR = "events/calendar"
KEY = re.compile(r"^(\d{4})-(\d{2})$")
# The shipped data's periods hold 4–15 dates: each must fit on two A4 sheets (printed one-sided).
MAX_SHEETS = 2
A4_POINTS = (595.28, 841.89)


# -- what the test knows independently of the site's code ---------------------------------------


@cache
def network(site_name: str) -> dict:
    return yaml.safe_load((SITES[site_name][0] / "network.yaml").read_text(encoding="utf-8"))


def languages(site_name: str) -> list[str]:
    return list(network(site_name)["languages"])


def prefix(site_name: str, lang: str) -> str:
    return "" if lang == languages(site_name)[0] else f"{lang}/"


@cache
def event_record(site_name: str, event_id: str) -> dict:
    found = sorted(SITES[site_name][0].glob(f"events/*/{event_id}.yaml"))
    assert len(found) == 1, f"no single data file for event {event_id}: {found}"
    return yaml.safe_load(found[0].read_text(encoding="utf-8"))


def title_in(site_name: str, event_id: str, lang: str) -> str:
    """The event's title as the data says it in `lang`, else in the default language."""
    title = event_record(site_name, event_id)["title"]
    if isinstance(title, str):
        return title
    return title.get(lang) or title[languages(site_name)[0]]


@cache
def catalogue_word(lang: str, message: str) -> str:
    """The interface word in the site's catalogue for `lang` (the English message when untranslated)."""
    with (REPO_ROOT / "theme" / "translations" / f"{lang}.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    entry = catalog.get(message)
    return entry.string if entry is not None and entry.string else message


def period_keys(site: Path) -> list[str]:
    return sorted(p.name for p in (site / CALENDAR).iterdir() if p.is_dir() and KEY.match(p.name))


def months_of(key: str) -> tuple[date, date]:
    """The first days of the period's two months."""
    year, month = map(int, KEY.match(key).groups())
    return date(year, month, 1), date(year, month + 1, 1)


def day_after(key: str) -> date:
    first, _ = months_of(key)
    return date(first.year + 1, 1, 1) if first.month == 11 else date(first.year, first.month + 2, 1)


def current_key(keys: list[str]) -> str:
    """The period of the build day, else the next one with dates, else the latest (the site's rule)."""
    today = date.fromisoformat(TODAY)
    today_key = f"{today.year}-{today.month - (today.month - 1) % 2:02d}"
    return next((key for key in keys if key >= today_key), keys[-1])


def due_for_pdf(keys: list[str]) -> set[str]:
    """The periods PERIOD_PDFS in pelicanconf.py asks a PDF of: all, or the current one and those after it."""
    setting = runpy.run_path(str(REPO_ROOT / "pelicanconf.py"))["PERIOD_PDFS"]
    assert setting in ("all", "upcoming"), f"the tests expect PDFs: PERIOD_PDFS = {setting!r}"
    current = current_key(keys)
    return {key for key in keys if setting == "all" or key >= current}


def soup(path: Path) -> BeautifulSoup:
    assert path.is_file(), f"{path} was not written"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def target_of(page: Path, href: str) -> Path:
    """The file a relative link of `page` leads to."""
    path = urlsplit(href).path
    target = (page.parent / path).resolve()
    return target / "index.html" if path.endswith("/") or not path else target


def event_id_of(href: str) -> str:
    return urlsplit(href).path.rstrip("/").split("/")[-1]


def period_page(site: Path, site_name: str, lang: str, key: str) -> Path:
    return site / prefix(site_name, lang) / CALENDAR / key / "index.html"


def feed_dates(site: Path, site_name: str, lang: str, key: str) -> set[tuple[str, str]]:
    """(event id, start) of every date in the period's feed, expanded by recurring-ical-events."""
    feed = site / prefix(site_name, lang) / "calendar" / "periods" / f"{key}.ics"
    calendar = icalendar.Calendar.from_ical(feed.read_bytes())
    first, after = months_of(key)[0], day_after(key)
    found = set()
    for component in recurring_ical_events.of(calendar).between(first, after):
        start = component.decoded("DTSTART")
        start = start.replace(tzinfo=None) if isinstance(start, datetime) else start
        if not first <= (start.date() if isinstance(start, datetime) else start) < after:
            continue  # a multi-day event that began before the period is listed where it starts
        found.add((event_id_of(str(component["URL"])), start.isoformat()))
    return found


def start_of(link) -> str:
    """The start (<time datetime>) an entry's heading gives, before its title."""
    return link.find_parent("h3").find("time")["datetime"]


def html_dates(page: BeautifulSoup) -> set[tuple[str, str]]:
    return {(event_id_of(a["href"]), start_of(a)) for a in event_links(page)}


def event_links(page: BeautifulSoup) -> list:
    return [article.select_one(".sheet-title a[href]") for article in page.select("article.sheet-event")]


# -- the pages ----------------------------------------------------------------------------------


SITE_NAMES = ["fixture", "default"]


@pytest.fixture(params=SITE_NAMES)
def site(request) -> tuple[str, Path]:
    return request.param, request.getfixturevalue(f"{request.param}_site")


def test_every_period_has_a_page_in_every_language_and_the_index_links_it(site) -> None:
    site_name, root = site
    keys = period_keys(root)
    assert keys, "no period pages were written"
    for lang in languages(site_name):
        index_path = root / prefix(site_name, lang) / CALENDAR / "index.html"
        index = soup(index_path)
        linked = {target_of(index_path, a["href"]) for a in index.select("main a[href]")}
        for key in keys:
            page = period_page(root, site_name, lang, key)
            assert page.is_file(), f"{lang}: no page for period {key}"
            assert page.resolve() in linked, f"{lang}: the index does not link period {key}"
        current = index.select(".period-list li.is-current a[href]")
        assert [target_of(index_path, a["href"]) for a in current][:1] == [
            period_page(root, site_name, lang, current_key(keys)).resolve()
        ], f"{lang}: the index does not mark the current period {current_key(keys)}"


def test_title_names_both_months_in_full_in_the_page_language(site) -> None:
    site_name, root = site
    for lang in languages(site_name):
        for key in period_keys(root):
            page = soup(period_page(root, site_name, lang, key))
            first, second = months_of(key)
            h1 = words(page.h1.get_text(" "))
            for month in (first, second):
                name = format_date(month, "LLLL", locale=lang)
                assert name in h1, f"{lang} {key}: '{name}' not in the heading '{h1}'"
                assert name in page.title.get_text(), f"{lang} {key}: '{name}' not in <title>"
            assert str(first.year) in h1


def test_days_in_order_each_heading_before_its_events(site) -> None:
    site_name, root = site
    for lang in languages(site_name):
        for key in period_keys(root):
            page = soup(period_page(root, site_name, lang, key))
            first, second = months_of(key)
            days = [h2.find("time")["datetime"] for h2 in page.select("h2.sheet-day-heading")]
            assert days == sorted(set(days)), f"{lang} {key}: days out of order or repeated: {days}"
            for day in map(date.fromisoformat, days):
                assert (day.year, day.month) in {(first.year, first.month), (second.year, second.month)}, day
            for article in page.select("article.sheet-event"):
                heading = article.find_previous("h2")
                start = article.find("h3").find("time")["datetime"]
                assert heading is not None and "sheet-day-heading" in heading.get("class", [])
                assert start[:10] == heading.find("time")["datetime"], f"{lang} {key}: {start} under {heading}"


def test_each_period_lists_exactly_the_dates_of_its_feed(site) -> None:
    site_name, root = site
    for lang in languages(site_name):
        for key in period_keys(root):
            page = soup(period_page(root, site_name, lang, key))
            assert html_dates(page) == feed_dates(root, site_name, lang, key), f"{lang} {key}"


def test_every_entry_has_time_title_link_place_and_registration(site) -> None:
    site_name, root = site
    for lang in languages(site_name):
        required = catalogue_word(lang, "Registration required")
        not_needed = catalogue_word(lang, "No registration needed")
        for key in period_keys(root):
            path = period_page(root, site_name, lang, key)
            for article in soup(path).select("article.sheet-event"):
                link = article.select_one(".sheet-title a[href]")
                assert target_of(path, link["href"]).is_file(), f"{link['href']} leads nowhere"
                record = event_record(site_name, event_id_of(link["href"]))
                assert title_in(site_name, event_id_of(link["href"]), lang) in words(link.get_text(" "))
                details = words(article.get_text(" "))
                assert (required if record.get("registration") else not_needed) in details
                if record.get("venue"):
                    venue = yaml.safe_load((SITES[site_name][0] / "venues" / f"{record['venue']}.yaml").read_text())
                    changed_venues = {c.get("venue") for c in record.get("changed", [])} - {None}
                    streets = {venue["street"]} | {
                        yaml.safe_load((SITES[site_name][0] / "venues" / f"{v}.yaml").read_text())["street"]
                        for v in changed_venues
                    }
                    assert any(street in details for street in streets), f"no address in: {details}"


def test_cancelled_and_moved_dates_say_so_in_words(site) -> None:
    site_name, root = site
    cancelled_seen = moved_seen = 0
    for lang in languages(site_name):
        cancelled_word = catalogue_word(lang, "Cancelled")
        for key in period_keys(root):
            feed = root / prefix(site_name, lang) / "calendar" / "periods" / f"{key}.ics"
            calendar = icalendar.Calendar.from_ical(feed.read_bytes())
            page = soup(period_page(root, site_name, lang, key))
            entries = {(event_id_of(a["href"]), start_of(a)): a.find_parent("article") for a in event_links(page)}
            first, _ = months_of(key)
            for component in recurring_ical_events.of(calendar).between(first, day_after(key)):
                start = component.decoded("DTSTART")
                start = start.replace(tzinfo=None) if isinstance(start, datetime) else start
                article = entries.get((event_id_of(str(component["URL"])), start.isoformat()))
                if article is None:
                    continue  # outside the period (checked by the test above)
                if str(component.get("STATUS", "")).upper() == "CANCELLED":
                    cancelled_seen += 1
                    status = article.select_one(".sheet-status")
                    assert status is not None and cancelled_word in status.get_text(), article
                    assert "is-cancelled" in article["class"]
                original = component.get("RECURRENCE-ID")
                if original is not None:
                    was = original.dt.replace(tzinfo=None) if isinstance(original.dt, datetime) else original.dt
                    if was != start:
                        moved_seen += 1
                        note = article.select_one(".sheet-changes")
                        assert note is not None and words(note.get_text(" ")), f"moved date without a note: {article}"
                        if lang != "ar":  # Latin digits: the usual time is named
                            assert f"{was:%H:%M}" in note.get_text(), note
    assert cancelled_seen and moved_seen, "the data has a cancelled and a moved date; none was found"


def test_neighbour_links_index_feed_and_as_of(site) -> None:
    site_name, root = site
    keys = period_keys(root)
    for lang in languages(site_name):
        for position, key in enumerate(keys):
            path = period_page(root, site_name, lang, key)
            page = soup(path)
            pager = page.select_one("nav.period-pager")
            previous, following = pager.select_one('a[rel="prev"]'), pager.select_one('a[rel="next"]')
            if position == 0:
                assert previous is None
            else:
                before = period_page(root, site_name, lang, keys[position - 1])
                assert target_of(path, previous["href"]) == before.resolve()
            if position == len(keys) - 1:
                assert following is None
            else:
                after = period_page(root, site_name, lang, keys[position + 1])
                assert target_of(path, following["href"]) == after.resolve()
            index = root / prefix(site_name, lang) / CALENDAR / "index.html"
            assert index.resolve() in {target_of(path, a["href"]) for a in pager.select("a[href]")}
            feed = root / prefix(site_name, lang) / "calendar" / "periods" / f"{key}.ics"
            feed_links = page.select('a[type="text/calendar"][href], link[rel="alternate"][type="text/calendar"]')
            assert feed.resolve() in {target_of(path, a["href"]) for a in feed_links}, f"{lang} {key}: no feed link"
            as_of = page.select_one(".sheet-as-of time")
            assert as_of is not None and as_of["datetime"] == TODAY


def test_pdf_linked_exactly_when_due_and_written(site) -> None:
    site_name, root = site
    keys = period_keys(root)
    due = due_for_pdf(keys)
    for lang in languages(site_name):
        for key in keys:
            path = period_page(root, site_name, lang, key)
            links = soup(path).select('main a[type="application/pdf"][href]')
            pdf = path.parent / f"calendar-{key}.pdf"
            assert pdf.is_file() == (key in due), f"{lang} {key}: PDF written {pdf.is_file()}, due {key in due}"
            assert bool(links) == (key in due), f"{lang} {key}: PDF link shown {bool(links)}, due {key in due}"
            assert all(target_of(path, a["href"]) == pdf.resolve() for a in links)


def test_sheet_names_website_subscribe_address_and_contact(site) -> None:
    site_name, root = site
    data = network(site_name)
    home = yaml.safe_load((SITES[site_name][0] / "venues" / f"{data['venue']}.yaml").read_text(encoding="utf-8"))
    user, domain = data["email"].split("@")
    for lang in languages(site_name):
        for key in period_keys(root):
            sheet = soup(period_page(root, site_name, lang, key)).select_one(".sheet-info")
            text = words(sheet.get_text(" "))
            public_page = f"{data['website'].rstrip('/')}/{prefix(site_name, lang)}{CALENDAR}/{key}/"
            assert public_page in text
            assert f"{data['website'].rstrip('/')}/{prefix(site_name, lang)}subscribe/" in text
            assert data["website"] in text and home["street"] in text and user in text and domain in text
            qr = sheet.select_one("svg.qr-code[role=img]")
            assert qr is not None and qr.get("aria-label"), "the QR code has no name for screen readers"


# -- the PDFs -----------------------------------------------------------------------------------


def pdfs(root: Path) -> list[Path]:
    return sorted(root.rglob(f"{CALENDAR}/*/calendar-*.pdf"))


def pdf_language(root: Path, site_name: str, pdf: Path) -> str:
    first = pdf.relative_to(root).parts[0]
    return first if first in languages(site_name)[1:] else languages(site_name)[0]


def tokens(text: str) -> set[str]:
    """The words and numbers of a text, Arabic and Latin letters apart (in mixed right-to-left lines an
    extractor may glue a word to its neighbour)."""
    return set(re.findall(r"\d+|[\u0600-\u06ff]+|[^\W\d_\u0600-\u06ff]+", unicodedata.normalize("NFKC", text)))


def pdfium_text(pdf: Path) -> str:
    """The text as PDFium (Chromium's PDF library) reads it: right-to-left lines in reading order."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(document[index].get_textpage().get_text_bounded() for index in range(len(document)))
    finally:
        document.close()


def compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_each_pdf_has_text_fits_two_sheets_and_lists_every_event(site) -> None:
    site_name, root = site
    found = pdfs(root)
    assert found, "no calendar PDF was written"
    for pdf in found:
        lang = pdf_language(root, site_name, pdf)
        key = pdf.parent.name
        reader = PdfReader(pdf)
        assert 1 <= len(reader.pages) <= MAX_SHEETS, f"{pdf}: {len(reader.pages)} pages"
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert (round(width), round(height)) == tuple(round(v) for v in A4_POINTS), f"{pdf}: not A4"
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert len(text.split()) > 20, f"{pdf}: no real text"
        # Printed with the print stylesheet: no skip link, no navigation between periods.
        for hidden in ("Skip to content", "All calendar periods"):
            assert catalogue_word(lang, hidden) not in text, f"{pdf}: '{hidden}' is printed"
        # Every word, whichever extractor reads it; in reading order, where pypdf keeps it (left to right).
        found = tokens(text) | tokens(pdfium_text(pdf))
        for month in months_of(key):
            assert tokens(format_date(month, "LLLL", locale=lang)) <= found, f"{pdf}: month name missing"
        as_of = format_date(date.fromisoformat(TODAY), "long", locale=lang)
        assert tokens(as_of) <= found, f"{pdf}: the 'as of' date {as_of} is missing"
        for event_id, _ in feed_dates(root, site_name, lang, key):
            title = title_in(site_name, event_id, lang)
            assert tokens(title) <= found, f"{pdf}: title '{title}' missing"
            if lang != "ar":
                assert compact(title) in compact(text), f"{pdf}: title '{title}' not in reading order"


def test_each_pdf_embeds_its_fonts_and_is_tagged_in_its_language(site) -> None:
    site_name, root = site
    for pdf in pdfs(root):
        reader = PdfReader(pdf)
        catalog = reader.trailer["/Root"]
        assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog, f"{pdf}: not tagged"
        assert catalog["/Lang"] == pdf_language(root, site_name, pdf)
        assert reader.metadata.title, f"{pdf}: no title"
        fonts = {}
        for page in reader.pages:
            for name, ref in page["/Resources"]["/Font"].items():
                fonts[name] = ref.get_object()
        assert fonts, f"{pdf}: no fonts"
        for name, font in fonts.items():
            described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
            descriptor = described["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                f"{pdf}: {name} not embedded"
            )


def test_each_pdf_qr_code_leads_to_its_period_page(site) -> None:
    import pypdfium2
    import zxingcpp

    site_name, root = site
    website = network(site_name)["website"].rstrip("/")
    for pdf in pdfs(root):
        lang = pdf_language(root, site_name, pdf)
        document = pypdfium2.PdfDocument(pdf)
        decoded = []
        for index in range(len(document)):
            image = document[index].render(scale=150 / 72).to_pil()
            decoded += [result.text for result in zxingcpp.read_barcodes(image)]
        document.close()
        expected = f"{website}/{prefix(site_name, lang)}{CALENDAR}/{pdf.parent.name}/"
        assert decoded == [expected], f"{pdf}: QR codes {decoded}"


def test_two_builds_give_byte_identical_pdfs(fixture_site, tmp_path) -> None:
    data, content, _ = SITES["fixture"]
    again = build_site(data, content, tmp_path / "again")
    first, second = pdfs(fixture_site), pdfs(again)
    assert [p.relative_to(fixture_site) for p in first] == [p.relative_to(again) for p in second]
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes(), f"{one.relative_to(fixture_site)} differs between builds"


def test_build_without_weasyprint_skips_pdfs_says_why_and_links_none(tmp_path) -> None:
    # A package named weasyprint that fails as a missing Pango library does, ahead of the real one.
    stub = tmp_path / "stub" / "weasyprint"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    data, content, _ = SITES["fixture"]
    output = tmp_path / "site"
    env = {**os.environ, "PYTHONPATH": str(stub.parent)}
    command = [sys.executable, "-m", "invoke", "build", "--data", str(data), "--content", str(content)]
    command += ["--output", str(output), "--today", TODAY]
    run = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    assert run.returncode == 0, run.stdout + run.stderr
    skipped = [line for line in run.stdout.splitlines() if "PDF" in line and "skipped" in line]
    assert len(skipped) == 1 and "Pango" in skipped[0], run.stdout
    assert not list(output.rglob("*.pdf"))
    for page in output.rglob(f"{CALENDAR}/**/index.html"):
        assert not soup(page).select('a[type="application/pdf"], a[href$=".pdf"]'), f"{page} links a PDF"


def test_pdf_uses_only_files_of_the_built_site(tmp_path) -> None:
    """A page that names a stylesheet elsewhere (another host, or a file outside the site) gets no PDF."""
    from netzwerk_print.pdf import PdfFailed, PdfJob, write_pdf

    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (tmp_path / "secret.css").write_text("body { color: red }")
    base = "https://example.org/net/"
    for href in (
        "https://elsewhere.example/style.css",
        "../../secret.css",
        "%2e%2e/%2e%2e/secret.css",
        "file:///etc/x",
    ):
        (site / "page" / "index.html").write_text(
            f'<!DOCTYPE html><html lang="en"><title>t</title><link rel="stylesheet" href="{href}"><p>text</p>'
        )
        job = PdfJob("page/index.html", "page/out.pdf", f"{base}page/", "test")
        with pytest.raises(PdfFailed):
            write_pdf(job, site, base)
        assert not (site / "page" / "out.pdf").exists()
    (site / "style.css").write_text("p { font-weight: bold }")
    (site / "page" / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><title>t</title><link rel="stylesheet" href="../style.css"><p>text</p>'
    )
    write_pdf(PdfJob("page/index.html", "page/out.pdf", f"{base}page/", "test"), site, base)
    assert "text" in PdfReader(site / "page" / "out.pdf").pages[0].extract_text()


# -- the print view in the browser ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_print_view_is_the_sheet_without_navigation(default_site, serve_site, page, lang) -> None:
    key = current_key(period_keys(default_site))
    response = page.goto(f"{serve_site(default_site)}/{prefix('default', lang)}{CALENDAR}/{key}/")
    assert response is not None and response.ok
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => {
            const visible = (selector) => [...document.querySelectorAll(selector)].some(
                (node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden');
            const painted = [...document.querySelectorAll('main *')].filter((node) => {
                const bg = getComputedStyle(node).backgroundColor;
                return bg !== 'rgba(0, 0, 0, 0)' && bg !== 'rgb(255, 255, 255)';
            }).map((node) => node.className);
            const text = getComputedStyle(document.querySelector('.sheet-event')).color;
            return {
                nav: visible('nav'), header: visible('.site-header'), footer: visible('.site-footer'),
                skip: visible('.skip-link'), qr: visible('.sheet-info .qr-code'), title: visible('h1'),
                asOf: visible('.sheet-as-of'), painted, text, dir: getComputedStyle(document.body).direction,
            };
        }"""
    )
    assert not (shown["nav"] or shown["header"] or shown["footer"] or shown["skip"]), shown
    assert shown["qr"] and shown["title"] and shown["asOf"], shown
    # Legible without background graphics: nothing in the sheet relies on a background colour.
    assert not shown["painted"], f"backgrounds in print: {shown['painted']}"
    assert shown["text"] == "rgb(0, 0, 0)", shown
    assert shown["dir"] == ("rtl" if lang == "ar" else "ltr")
    printed = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
    assert 1 <= len(PdfReader(io.BytesIO(printed)).pages) <= MAX_SHEETS


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_periods_with_pdfs_changes_and_cancellations_pass_axe(default_site, serve_site, page, axe_script, lang) -> None:
    """The accessibility suite looks at one (the oldest) period; these are the ones people print."""
    for key in sorted(due_for_pdf(period_keys(default_site))):
        url = f"{serve_site(default_site)}/{prefix('default', lang)}{CALENDAR}/{key}/"
        response = page.goto(url)
        assert response is not None and response.ok, url
        page.add_script_tag(path=str(axe_script))
        violations = page.evaluate(
            """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
                .map((v) => `${v.id}: ${v.help} (${v.nodes.length}x, ${JSON.stringify(v.nodes[0].target)})`)""",
            AXE_TAGS,
        )
        assert not violations, f"{url}:\n" + "\n".join(violations)

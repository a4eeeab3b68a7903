#!/usr/bin/env python3
"""Screenshots of a built site, for looking at it (not a test).

    .venv/bin/python tests/tools/screenshots.py --site OUTPUT_DIR --out SHOTS_DIR

Serves OUTPUT_DIR on 127.0.0.1 and uses Playwright with Debian's Chromium
(/usr/bin/chromium) to write:

* desktop (1280x900) and phone (360x740) full-page PNGs of the homepage,
  members list, one member, one working group, events list, one event,
  info-mail list and one info-mail article (German, site root);
* desktop and phone PNGs of the Arabic homepage and an Arabic member page;
* print-media PNGs of the events list and one event, and a PDF of the
  events list as printed (A4);
* the bimonthly calendar: desktop and phone PNGs of the period index and of
  one period page (German and Arabic), print-media PNGs and Chromium's A4 PDF
  of that period page, and PNGs of the pages of the build's own PDF of it
  (drawn by PDFium). `--period 2026-11` picks the period; by default the
  first one that has a PDF.

Requests that would leave 127.0.0.1 are blocked and listed at the end.
Pages that the site does not have are reported and left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sitekit

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 360, "height": 740},
}
SCREEN_PAGES = [
    ("de", "home"),
    ("de", "members"),
    ("de", "member"),
    ("de", "working-group"),
    ("de", "events"),
    ("de", "event"),
    ("de", "info-mail"),
    ("de", "info-mail-article"),
    ("ar", "home"),
    ("ar", "member"),
    ("de", "periods"),
    ("de", "period"),
    ("ar", "period"),
    ("de", "search"),
    ("ar", "search"),
    ("de", "not-found"),
]
# The search page is shown with results: these words are found in the shipped example.
SEARCH_QUERIES = {"de": "Sprachkurse", "ar": "اللغة"}
PRINT_PAGES = [("de", "events"), ("de", "event"), ("de", "period"), ("ar", "period")]
# Pages printed to PDF by Chromium too (A4, no background graphics, as a reader's browser does by default).
PDF_PAGES = {"events", "period"}
PDF_RESOLUTION_DPI = 80


def period_page(site: Path, lang: str, key: str | None) -> Path | None:
    """The page of period `key`, else of the first period that has the build's PDF, else any period."""
    calendar = site / sitekit.language_prefix(lang) / "events" / "calendar"
    if key:
        page = calendar / key / "index.html"
        return page if page.is_file() else None
    with_pdf = sorted(p.parent / "index.html" for p in calendar.glob("*/calendar-*.pdf"))
    return with_pdf[0] if with_pdf else sitekit.find_page(site, lang, "period")


def pdf_to_pngs(pdf: Path, out_prefix: Path) -> list[Path]:
    """Each page of `pdf` as a PNG, drawn by PDFium (pypdfium2, a test dependency)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    written = []
    try:
        for index in range(len(document)):
            target = out_prefix.parent / f"{out_prefix.name}-{index + 1}.png"
            document[index].render(scale=PDF_RESOLUTION_DPI / 72).to_pil().save(target)
            written.append(target)
    finally:
        document.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", required=True, type=Path, help="built output folder")
    parser.add_argument("--out", required=True, type=Path, help="folder for PNG/PDF files")
    parser.add_argument("--period", help="key of the calendar period to show, e.g. 2026-11")
    args = parser.parse_args(argv)

    site = args.site.resolve()
    if not (site / "index.html").is_file():
        parser.error(f"{site} has no index.html: build the site first")
    if not sitekit.chromium_available():
        parser.error(f"{sitekit.CHROMIUM} is missing: {sitekit.HOW_TO_GET_TOOLS}")
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    written: list[Path] = []
    missing: list[str] = []
    blocked: list[str] = []

    def url_of(base: str, lang: str, page_type: str) -> str | None:
        if page_type == "period":
            found = period_page(site, lang, args.period)
        elif page_type == "not-found":
            found = site / sitekit.language_prefix(lang) / "404.html"
            found = found if found.is_file() else None
        else:
            found = sitekit.find_page(site, lang, page_type)
        if found is None:
            missing.append(f"{lang}/{page_type}")
            return None
        url = base + sitekit.url_path(site, found)
        return url + f"?q={SEARCH_QUERIES[lang]}" if page_type == "search" else url

    def new_page(browser, viewport: dict, lang: str):
        context = browser.new_context(
            viewport=viewport,
            locale={"de": "de-DE", "ar": "ar"}.get(lang, lang),
            device_scale_factor=1,
        )
        sitekit.block_non_local(context)
        page = context.new_page()
        page.on(
            "request",
            lambda r: None if sitekit.is_local_request(r.url) else blocked.append(r.url),
        )
        return context, page

    with sitekit.serve_directory(site) as base, sync_playwright() as p:
        browser = sitekit.launch_chromium(p)
        try:
            screens = [(lang, t, url_of(base, lang, t)) for lang, t in SCREEN_PAGES]
            for vp_name, viewport in VIEWPORTS.items():
                for lang, page_type, url in screens:
                    if url is None:
                        continue
                    context, page = new_page(browser, viewport, lang)
                    page.goto(url, wait_until="load")
                    if page_type == "search":  # the results arrive after the index is read
                        page.wait_for_selector(".search-status:not(:empty)", timeout=15000)
                    page.evaluate("async () => { await document.fonts.ready; }")
                    target = args.out / f"{lang}-{page_type}-{vp_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                    context.close()

            for lang, page_type in PRINT_PAGES:
                url = dict(((la, t), u) for la, t, u in screens).get((lang, page_type))
                if url is None:
                    continue  # already reported above
                context, page = new_page(browser, VIEWPORTS["desktop"], lang)
                page.goto(url, wait_until="load")
                page.emulate_media(media="print")
                page.evaluate("async () => { await document.fonts.ready; }")
                target = args.out / f"{lang}-{page_type}-print.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
                if page_type in PDF_PAGES:
                    pdf = args.out / f"{lang}-{page_type}-print.pdf"
                    page.pdf(path=str(pdf), format="A4", print_background=False, prefer_css_page_size=True)
                    written.append(pdf)
                    written.extend(pdf_to_pngs(pdf, args.out / f"{lang}-{page_type}-chromium-pdf"))
                context.close()

            # The build's own PDF of the period (WeasyPrint), page by page.
            for lang in ("de", "ar"):
                page_file = period_page(site, lang, args.period)
                built = sorted(page_file.parent.glob("calendar-*.pdf")) if page_file else []
                for pdf in built:
                    written.extend(pdf_to_pngs(pdf, args.out / f"{lang}-period-weasyprint"))
        finally:
            browser.close()

    for path in written:
        print(path)
    if missing:
        print("not in the site, no screenshot: " + ", ".join(missing), file=sys.stderr)
    if blocked:
        print("blocked requests off 127.0.0.1:\n  " + "\n  ".join(sorted(set(blocked))), file=sys.stderr)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())

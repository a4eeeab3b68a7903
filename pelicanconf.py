"""Pelican settings for the network's site (development build; see publishconf.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

SITENAME = "Netzwerk für Integration"  # the real name comes from data/network.yaml
SITEURL = ""
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"  # overridden by the first language in network.yaml

# The network's data; `invoke build --data` passes another folder.
NETWORK_DATA = str(ROOT / "data")
# The day that splits upcoming from past events: "today" = the build day in the
# network's time zone (the only thing in the output that depends on the clock);
# an ISO date pins it for reproducible builds (`make build TODAY=2026-11-24`).
SITE_TODAY = "today"
# How far ahead open-ended series are listed.
EVENT_HORIZON_DAYS = 400
# The network's calendar feed (calendar/netzwerk.ics) holds the events of this many past months
# and everything ahead; calendar/archive.ics holds every event.
CALENDAR_PAST_MONTHS = 12
# Printable PDF of each two-month period (needs WeasyPrint with Pango): "all" (a published PDF's
# address then stays when its period has passed), "upcoming" (the current period and those after
# it) or "none".
PERIOD_PDFS = "all"
# Printed PDFs are kept here by a digest of the page, theme and WeasyPrint version, so an unchanged
# page is not printed again (None: always print).
PDF_CACHE = str(ROOT / ".cache" / "calendar-pdfs")
# The period pages' QR codes are kept here by their text and segno's version (None: always made).
QR_CACHE = str(ROOT / ".cache" / "qr-codes")

THEME = str(ROOT / "theme")
THEME_STATIC_DIR = "theme"
THEME_TRANSLATIONS = str(ROOT / "theme" / "translations")
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "netzwerk_data",
    "netzwerk_i18n",
    "netzwerk_site",
    "netzwerk_event_pages",
    "netzwerk_calendar",
    "netzwerk_feeds",
    "netzwerk_print",
    "netzwerk_search",  # last: indexes the pages the others wrote
]
# The search index (Pagefind) under pagefind/; False builds without it.
SEARCH_INDEX = True
# How many processes make the pages and calendars (None: one per CPU). The output is the same for any number.
BUILD_PROCESSES = None
# The address of a video in German Sign Language (DGS) about the site (BITV 2.0 § 4), shown on the
# page in Leichte Sprache (/leichte-sprache/); None: that page says where the video will be.
SIGN_LANGUAGE_VIDEO = None
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
}

PATH = "content"
ARTICLE_PATHS = ["info-mail"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
READERS = {"html": None}
DEFAULT_DATE = None
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
SLUGIFY_SOURCE = "basename"

# Every page is written by netzwerk_site, in every language; Pelican only reads
# the Markdown and keeps its URLs for intra-site links.
ARTICLE_URL = "info-mail/{slug}/"
ARTICLE_LANG_URL = "{lang}/info-mail/{slug}/"
PAGE_URL = "{slug}/"
PAGE_LANG_URL = "{lang}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES: list[str] = []
PAGINATED_TEMPLATES: dict[str, int] = {}

FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        # Bounded, linear Markdown for untrusted editors (see netzwerk_site/richtext.py).
        "netzwerk_site.richtext:EditorMarkdown": {},
    },
    "output_format": "html5",
}
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False

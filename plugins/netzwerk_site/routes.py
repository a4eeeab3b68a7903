"""Where each page lives. Paths are language-neutral; other languages sit under /<lang>/."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

HOME = ""
MEMBERS = "members/"
GROUPS = "working-groups/"
EVENTS = "events/"
INFO_MAIL = "info-mail/"

# Facets of the member directory, each value a page (filtering without JavaScript).
FACETS = ("type", "offer", "language", "group")


def member(member_id: str) -> str:
    return f"{MEMBERS}{member_id}/"


def member_facet(facet: str, value: str) -> str:
    return f"{MEMBERS}filter/{facet}/{value}/"


def group(group_id: str) -> str:
    return f"{GROUPS}{group_id}/"


def event(event_id: str) -> str:
    return f"{EVENTS}{event_id}/"


def events_year(year: int) -> str:
    return f"{EVENTS}archive/{year}/"


# The bimonthly calendar ("Veranstaltungskalender"): one page per two-month period, keyed by
# its first month ("2026-11" is November–December 2026), and an index of all periods.
PERIODS = f"{EVENTS}calendar/"


def period(key: str) -> str:
    return f"{PERIODS}{key}/"


def period_pdf(key: str) -> str:
    """The printable PDF of a period, beside its page (a file, not a folder)."""
    return f"{period(key)}calendar-{key}.pdf"


# Filters of the events list, each value a page (filtering without JavaScript).
EVENT_FACETS = ("category", "language", "audience")


def event_facet(facet: str, value: str) -> str:
    return f"{EVENTS}filter/{facet}/{value}/"


# How to subscribe to the calendars, with every feed's address.
SUBSCRIBE = "subscribe/"


def info_mail(slug: str) -> str:
    return f"{INFO_MAIL}{slug}/"


# How to receive the info mail: by e-mail, or by feed reader.
INFO_MAIL_RECEIVE = f"{INFO_MAIL}receive/"


def content_page(slug: str) -> str:
    return f"{slug}/"


# The network's history (data/chronicle.yaml), and the annual report: an index and a page per year.
CHRONICLE = "chronicle/"
REPORTS = "report/"


def report(year: int) -> str:
    return f"{REPORTS}{year}/"


# The search page (Pagefind's index is written beside the pages, under pagefind/ at the site root).
SEARCH = "search/"
SEARCH_INDEX = "pagefind/"

# Files at the root of each language's part of the site, not folders: the page a host shows for an
# unknown address (see NOT_FOUND in docs/deploy.md) and the web app manifest.
NOT_FOUND = "404.html"
MANIFEST = "manifest.webmanifest"
# Files for the whole site, at its root: for search engines, and the icon browsers ask for.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
FAVICON = "favicon.ico"


# Forms that open the visitor's e-mail program (no server): propose an event, change a member entry;
# the page in Leichte Sprache (plain German) with the BITV 2.0 explanations.
PROPOSE_EVENT = "propose-event/"
CHANGE_MEMBER = "change-member/"
EASY_READ = "leichte-sprache/"


def lang_prefix(lang: str, default_lang: str) -> str:
    return "" if lang == default_lang else f"{lang}/"


def output_file(path: str, lang: str, default_lang: str) -> str:
    """The file a page path is written to: a folder's index.html, or the named .html file."""
    file = path if path.endswith(".html") else f"{path}index.html"
    return f"{lang_prefix(lang, default_lang)}{file}"


def root_path(public_base: str) -> str:
    """The path of the site root at its public address ("/" or "/netzwerk/"), for pages that a host
    serves at any address (the 404 page), where a relative way back to the root cannot work."""
    path = urlsplit(public_base).path.rstrip("/")
    return f"{quote(path)}/"


def root_of(output: str) -> str:
    """Relative way back to the site root from an output file, so any host and sub-folder works."""
    return "../" * output.count("/")


# Public feed addresses: subscribers rely on them, they never change once published (CHANGELOG.md).
# Like pages, each exists once per language: German at the site root, others under /<lang>/.
CALENDAR_FEED = "calendar/netzwerk.ics"  # the whole network: the past months and everything ahead
CALENDAR_ARCHIVE = "calendar/archive.ics"  # every event ever
INFO_MAIL_ATOM = "feeds/info-mail.atom.xml"
INFO_MAIL_RSS = "feeds/info-mail.rss.xml"
EVENTS_ATOM = "feeds/events.atom.xml"  # events newly announced or changed, newest first


def group_feed(group_id: str) -> str:
    return f"calendar/groups/{group_id}.ics"


def category_feed(category: str) -> str:
    return f"calendar/categories/{category}.ics"


def period_feed(key: str) -> str:
    return f"calendar/periods/{key}.ics"


def event_feed(event_id: str) -> str:
    """One event (or series) to add to a calendar."""
    return f"calendar/events/{event_id}.ics"


CALENDAR_FEEDS_BY_KIND = {"group": group_feed, "category": category_feed, "period": period_feed, "event": event_feed}


def calendar_feed_path(kind: str, key: str) -> str:
    """The feed of one group, category, period or event (kind as in CALENDAR_FEEDS_BY_KIND)."""
    return CALENDAR_FEEDS_BY_KIND[kind](key)


def in_language(path: str, lang: str, default_lang: str) -> str:
    """A language-neutral path in one language's part of the site."""
    return f"{lang_prefix(lang, default_lang)}{path}"


# Pelican writes links of Markdown content ({static}, {filename}) starting with this token; each
# page puts its own way back to the site root in its place, feeds and e-mails the public address.
ROOT_TOKEN = "__site_root__"


def resolve_root(html: str, root: str) -> str:
    """Content HTML with the root token replaced ("" and "../../" are both fine for `root`)."""
    return html.replace(f"{ROOT_TOKEN}/", root)


def public_base(settings: dict, network_website: str) -> str:
    """The site's public address for feeds: SITEURL when set, else the network's website."""
    return str(settings.get("SITEURL") or network_website).rstrip("/")


def public_url(base: str, path: str) -> str:
    """An absolute address of a page or feed under the site's public base address."""
    return f"{base.rstrip('/')}/{path}"


# Every address a template writes passes one of these two checks, whatever the data says.
_INTERNAL = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*$")
EXTERNAL_SCHEMES = ("http", "https")


class UnsafeAddress(ValueError):
    """A template was about to write an address that is not a plain page path or web address."""


def checked_internal(path: str) -> str:
    """A page path inside the site (ids and slugs separated by '/'), or UnsafeAddress."""
    if not _INTERNAL.match(path):
        raise UnsafeAddress(f"'{path}' is not a page address of this site (only ids, slugs and '/')")
    return path


def checked_external(url: str) -> str:
    """A web address (http or https with a host), or UnsafeAddress."""
    parts = urlsplit(url)
    if parts.scheme not in EXTERNAL_SCHEMES or not parts.hostname or any(c.isspace() or ord(c) < 32 for c in url):
        raise UnsafeAddress(f"'{url}' is not a web address (http or https)")
    return url


def checked_file(path: str) -> str:
    """A file under the site root (e.g. images/logo.png), percent-encoded, never leaving the site."""
    parts = path.split("/")
    if path.startswith("/") or any(part in ("", ".", "..") for part in parts) or ":" in parts[0]:
        raise UnsafeAddress(f"'{path}' is not a file of this site")
    return "/".join(quote(part) for part in parts)


def phone_link(number: str) -> str:
    """A tel: address from a phone number as editors write it: only digits and a leading +."""
    digits = "".join(c for c in number if c.isdigit())
    return f"tel:{'+' if number.strip().startswith('+') else ''}{digits}"

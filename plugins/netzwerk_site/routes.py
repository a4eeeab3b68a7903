"""Where each page lives. Paths are language-neutral; other languages sit under /<lang>/."""

from __future__ import annotations

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


def info_mail(slug: str) -> str:
    return f"{INFO_MAIL}{slug}/"


def content_page(slug: str) -> str:
    return f"{slug}/"


def lang_prefix(lang: str, default_lang: str) -> str:
    return "" if lang == default_lang else f"{lang}/"


def output_file(path: str, lang: str, default_lang: str) -> str:
    return f"{lang_prefix(lang, default_lang)}{path}index.html"


def root_of(output: str) -> str:
    """Relative way back to the site root from an output file, so any host and sub-folder works."""
    return "../" * output.count("/")


# Public feed addresses: subscribers rely on them, they never change once published.
CALENDAR_FEED = "calendar/netzwerk.ics"
INFO_MAIL_ATOM = "feeds/info-mail.atom.xml"
INFO_MAIL_RSS = "feeds/info-mail.rss.xml"


def public_base(settings: dict, network_website: str) -> str:
    """The site's public address for feeds: SITEURL when set, else the network's website."""
    return str(settings.get("SITEURL") or network_website).rstrip("/")


def public_url(base: str, path: str) -> str:
    """An absolute address of a page or feed under the site's public base address."""
    return f"{base.rstrip('/')}/{path}"

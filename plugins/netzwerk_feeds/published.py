"""The info mails a built site published, read back from its Atom feed of one language.

The feed is what the site published: drafts and mails dated after the build day are not in it, and its
texts have absolute links and images already. The e-mail of an info mail is made from it
(netzwerk_mail.message), so the e-mail says exactly what the web version says.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class PublishedMail:
    slug: str
    lang: str  # the language of its text
    title: str
    summary_html: str
    content_html: str  # absolute links and images
    published: datetime
    updated: datetime
    url: str  # the web version: the mail's page in the feed's language


@dataclass(frozen=True)
class PublishedFeed:
    lang: str
    page: str  # the public address of the info-mail archive in this language
    mails: list[PublishedMail]


def _text(element: ElementTree.Element, name: str) -> str:
    found = element.find(f"{ATOM}{name}")
    return found.text or "" if found is not None else ""


def _slug(url: str) -> str:
    """The mail's slug: the last part of its page's address (…/info-mail/<slug>/)."""
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


def read_info_mail_feed(path: Path) -> PublishedFeed:
    """Every mail in one language's Atom feed of the info mail, newest first."""
    root = ElementTree.parse(path).getroot()
    feed_lang = root.get(XML_LANG, "")
    alternate = next(
        (link.get("href", "") for link in root.findall(f"{ATOM}link") if link.get("rel") == "alternate"), ""
    )
    mails = []
    for entry in root.findall(f"{ATOM}entry"):
        url = next((link.get("href", "") for link in entry.findall(f"{ATOM}link")), _text(entry, "id"))
        mails.append(
            PublishedMail(
                slug=_slug(url),
                lang=entry.get(XML_LANG, feed_lang),
                title=_text(entry, "title"),
                summary_html=_text(entry, "summary"),
                content_html=_text(entry, "content"),
                published=datetime.fromisoformat(_text(entry, "published")),
                updated=datetime.fromisoformat(_text(entry, "updated")),
                url=url,
            )
        )
    return PublishedFeed(feed_lang, alternate, mails)

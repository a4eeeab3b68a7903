"""Markdown from editors, rendered and sanitised; e-mail addresses kept from harvesters."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "h2": {"id"}, "h3": {"id"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
_MAILTO_LINK = re.compile(r'<a href="mailto:(' + _EMAIL + r')"[^>]*>(.*?)</a>', re.S)
_LINK_WITHOUT_HREF = re.compile(r"<a(?![^>]*\bhref=)[^>]*>(.*?)</a>", re.S)
_BARE_EMAIL = re.compile(r"(?<![\w.@/:\"'=])(" + _EMAIL + r")(?![^<]*>)")


def protected_email(address: str) -> Markup:
    """Readable for people, useless for harvesters, no JavaScript needed.

    The text shows 'name [at] domain'; site.js turns it into a mailto link from the
    ROT13 data attribute. Written left-to-right even on right-to-left pages.
    """
    user, _, domain = address.partition("@")
    encoded = codecs.encode(address, "rot13")
    return Markup('<span class="email" dir="ltr" data-rot13="{0}">{1}<span class="at"> [at] </span>{2}</span>').format(
        encoded, user, domain
    )


def protect_emails(fragment: str) -> str:
    """Replace mailto links and bare addresses in sanitised HTML."""
    fragment = _MAILTO_LINK.sub(lambda m: str(protected_email(m.group(1))), fragment)
    return _BARE_EMAIL.sub(lambda m: str(protected_email(m.group(1))), fragment)


def sanitise(fragment: str) -> str:
    """Only harmless tags, attributes and link schemes survive."""
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    # A link whose address was refused keeps its text, not an empty <a>.
    cleaned = _LINK_WITHOUT_HREF.sub(r"\1", cleaned)
    return protect_emails(cleaned)


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> Markup:
    """Markdown from a data file as safe HTML (headings start at h2: the page owns h1)."""
    rendered = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    rendered = re.sub(r"<(/?)h1>", r"<\1h2>", rendered)
    return Markup(sanitise(rendered))

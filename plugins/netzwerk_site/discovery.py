"""What search engines, link previews and browsers read about the site: the sitemap, robots.txt,
the web app manifest, Open Graph locales and short descriptions.

Every address here is absolute, made from the public address (SITEURL, else the network's website):
search engines ignore relative hreflang links, and a shared link must work wherever it is pasted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from babel import Locale, UnknownLocaleError

from . import routes

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# A description longer than this is cut in search results; shorten at a word near it.
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class Languages:
    """The site's languages, the first (at the site root) being the default."""

    codes: tuple[str, ...]
    default: str

    def address(self, public_base: str, path: str, lang: str) -> str:
        return routes.public_url(public_base, routes.in_language(path, lang, self.default))


def sitemap_xml(public_base: str, paths: Iterable[str], languages: Languages) -> str:
    """A sitemap with every page in every language, each naming its translations (and x-default)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for path in paths:
        alternates = [(lang, languages.address(public_base, path, lang)) for lang in languages.codes]
        alternates.append(("x-default", languages.address(public_base, path, languages.default)))
        for _lang, address in alternates[:-1]:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(address)}</loc>")
            lines.extend(
                f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(link)}/>'
                for other, link in alternates
            )
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(public_base: str) -> str:
    """Every page may be crawled; the sitemap says where they are."""
    sitemap = routes.public_url(public_base, routes.SITEMAP)
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"


@dataclass(frozen=True)
class ManifestText:
    name: str
    short_name: str
    description: str
    lang: str
    dir: str


def web_manifest(text: ManifestText, icons: list[tuple[str, str, str]], theme_color: str) -> str:
    """The web app manifest of one language's part of the site; icon paths are relative to it."""
    manifest = {
        "name": text.name,
        "short_name": text.short_name,
        "description": text.description,
        "lang": text.lang,
        "dir": text.dir,
        "start_url": "./",
        "scope": "./",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": theme_color,
        "icons": [{"src": src, "sizes": sizes, "type": kind} for src, sizes, kind in icons],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def og_locale(lang: str) -> str:
    """Open Graph wants language_TERRITORY (de_DE): the language with its likeliest territory."""
    from babel.core import get_global

    try:
        locale = Locale.parse(str(get_global("likely_subtags").get(lang, lang)))
    except (UnknownLocaleError, ValueError):
        return lang
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """A plain text cut at a word before `limit` characters, marked with an ellipsis when cut."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"

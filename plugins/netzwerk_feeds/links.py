"""Content HTML for readers outside the site (feed readers, e-mail programs): every address absolute.

A page of the site may link relatively (`../2026-10/`, `{static}` files written with the root token);
a feed entry or an e-mail is read far from the site, so each such address is resolved against the
public address of the page the content belongs to.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

from netzwerk_site import routes

# Attributes that hold an address, in the tags sanitised content may have.
ADDRESS_ATTRIBUTES = {"a": "href", "img": "src"}
ABSOLUTE_SCHEMES = ("http", "https", "mailto", "tel")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # characters a URL keeps as they are (no double encoding of %xx)


def is_absolute(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() in ABSOLUTE_SCHEMES


def start_tag(tag: str, attrs: list[tuple[str, str | None]], closed: bool = False) -> str:
    """A start tag written back from html.parser's attributes (values escaped again)."""
    written = "".join(
        f' {name}="{escape(value, quote=True)}"' if value is not None else f" {name}" for name, value in attrs
    )
    return f"<{tag}{written}{' /' if closed else ''}>"


class HtmlRewriter(HTMLParser):
    """Writes sanitised HTML back as it came (text and entities byte for byte); subclasses change tags
    in `start` and `end`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def run(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self.out)

    def start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        self.out.append(self.get_starttag_text() or "")

    def end(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        self.end(tag)

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        pass  # sanitised content has none; a feed or an e-mail needs none


class _AbsoluteAddresses(HtmlRewriter):
    """Relative href and src resolved against `page_url`."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url

    def start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        name = ADDRESS_ATTRIBUTES.get(tag)
        if name is None or not any(key == name and value and not is_absolute(value) for key, value in attrs):
            super().start(tag, attrs, closed)
            return
        resolved = [(key, self.resolve(value) if key == name else value) for key, value in attrs]
        self.out.append(start_tag(tag, resolved, closed))

    def resolve(self, value: str | None) -> str | None:
        if not value or is_absolute(value):
            return value
        return quote(urljoin(self.page_url, value.strip()), safe=_URL_SAFE)


def absolute_html(html: str, base_url: str, page_url: str) -> str:
    """Content HTML of one page (sanitised, with the root token) with absolute addresses only.

    `base_url` is the site's public address, `page_url` the public address of the page itself.
    """
    with_root = routes.resolve_root(html, f"{base_url.rstrip('/')}/")
    return _AbsoluteAddresses(page_url).run(with_root)

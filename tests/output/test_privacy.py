"""No third-party requests: the built site loads nothing from another host.

Static part: every .html/.css/.js/.xml/.ics file of both built sites is parsed
and every URL that a browser, feed reader or calendar would *fetch* (src,
href of anything but a link, srcset, action, poster, data, CSS url() and
@import, ...) must be relative (same host). Links out (<a href>, Atom links,
iCalendar URL) are fine. <link rel="alternate"> and <link rel="canonical">
may be absolute, but only to the site's own address (the origin of the
homepage's canonical link, the same on every page).

Dynamic part: the homepage and one member page are loaded in Chromium and
every request the page makes is recorded: all must go to 127.0.0.1.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sitekit

# Attributes whose URL is fetched by the browser (on any element except the
# link elements handled below).
RESOURCE_ATTRS = {
    "src",
    "href",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "ping",
    "manifest",
    "xlink:href",
    "codebase",
    "archive",
}
SRCSET_ATTRS = {"srcset", "imagesrcset"}
LINK_ELEMENTS = {"a", "area"}  # their href is a link out: allowed anywhere
# <link rel> values (all tokens) that are not fetched and may be absolute to the site itself.
SELF_LINK_RELS = {"alternate", "canonical"}
# XML namespace names appear as strings in JS/SVG without being fetched.
NAMESPACE_PREFIXES = ("http://www.w3.org/", "https://www.w3.org/")

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
_JS_URL = re.compile(r"""["'`]((?:https?:|wss?:)?//[^"'`\s]+)""", re.I)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)
_XML_STYLESHEET = re.compile(r"<\?xml-stylesheet\b[^?]*\bhref\s*=\s*[\"']([^\"']*)", re.I)


def external_host(url: str) -> str | None:
    """Host a URL points to, or None when it stays on the same host.

    Normalised like a browser does: surrounding whitespace stripped, tabs and
    newlines removed, backslashes read as slashes (`/\\evil` is `//evil`)."""
    url = re.sub(r"[\t\n\r]", "", html.unescape(url).strip()).replace("\\", "/")
    if url.startswith("//"):
        return urlsplit("http:" + url).hostname or url
    parts = urlsplit(url)
    if parts.scheme and parts.scheme.lower() not in ("data", "blob", "about", "javascript", "mailto", "tel"):
        return parts.hostname or url
    return None


def origin(url: str) -> str | None:
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}" if parts.netloc else None


def srcset_urls(value: str) -> list[str]:
    return [cand.strip().split()[0] for cand in value.split(",") if cand.strip()]


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def css_urls(text: str) -> list[tuple[int, str]]:
    """(line, url) of every url() and @import in a style sheet."""
    # Blank out comments but keep their newlines, so line numbers stay right.
    text = _CSS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    found = [(_line(text, m.start()), next(g for g in m.groups() if g is not None)) for m in _CSS_URL.finditer(text)]
    found += [(_line(text, m.start()), m.group(1) or m.group(2)) for m in _CSS_IMPORT.finditer(text)]
    return found


# Pagefind's search script parses a result's path as `new URL("https://example.com" + path)` and
# strips the host again: a base for parsing, never requested (the search tests record every request).
URL_PARSING_BASES = ("https://example.com${",)


def js_urls(text: str) -> list[tuple[int, str]]:
    """(line, url) of every string literal in a script that starts with an
    absolute or protocol-relative URL (namespace names and parsing bases excepted)."""
    return [
        (_line(text, m.start()), m.group(1))
        for m in _JS_URL.finditer(text)
        if not m.group(1).lower().startswith(NAMESPACE_PREFIXES) and not m.group(1).startswith(URL_PARSING_BASES)
    ]


class _PageScanner(HTMLParser):
    """Collects (line, what, url) of every fetched URL, and of <link
    rel=alternate/canonical> separately."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetched: list[tuple[int, str, str]] = []
        self.self_links: list[tuple[int, str, str]] = []
        self._raw: str | None = None  # "style" / "script" while inside one
        self._raw_buf: list[str] = []
        self._raw_line = 0

    def _add(self, what, url):
        self.fetched.append((self.getpos()[0], what, url))

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        for name, value in a.items():
            if name in SRCSET_ATTRS:
                for url in srcset_urls(value):
                    self._add(f"<{tag} {name}>", url)
            elif name == "style":
                for _, url in css_urls(value):
                    self._add(f"<{tag} style> url()", url)
            elif name in ("href", "xlink:href") and tag in LINK_ELEMENTS:
                continue  # a link out
            elif name == "href" and tag == "link":
                rels = set(a.get("rel", "").lower().split())
                if rels and rels <= SELF_LINK_RELS:
                    self.self_links.append((self.getpos()[0], f"<link rel={a.get('rel')}>", value))
                else:
                    self._add(f"<link rel={a.get('rel')!r} href>", value)
            elif name in RESOURCE_ATTRS:
                self._add(f"<{tag} {name}>", value)
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            m = _REFRESH_URL.search(a.get("content", ""))
            if m:
                self._add("<meta http-equiv=refresh>", m.group(1))
        if tag == "style" or (tag == "script" and "json" not in a.get("type", "").lower()):
            self._raw, self._raw_buf, self._raw_line = tag, [], self.getpos()[0]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._raw = None

    def handle_data(self, data):
        if self._raw:
            self._raw_buf.append(data)

    def handle_endtag(self, tag):
        if self._raw and tag == self._raw:
            text = "".join(self._raw_buf)
            urls = css_urls(text) if tag == "style" else js_urls(text)
            for line, url in urls:
                self.fetched.append((self._raw_line + line - 1, f"inline <{tag}>", url))
            self._raw = None


def scan_html(text: str):
    scanner = _PageScanner()
    scanner.feed(text)
    scanner.close()
    return scanner.fetched, scanner.self_links


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def scan_xml(text: str) -> list[tuple[int, str, str]]:
    """Feeds, sitemaps, SVG-as-XML: resource attributes, Atom icon/logo,
    enclosures, and the HTML embedded in entries."""
    found = [(_line(text, m.start()), "<?xml-stylesheet?>", m.group(1)) for m in _XML_STYLESHEET.finditer(text)]
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        pytest.fail(f"not well-formed XML: {exc}")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = _local(el.tag)
        attrs = {
            _local(k) if not k.startswith("{http://www.w3.org/1999/xlink}") else "xlink:href": v
            for k, v in el.attrib.items()
        }
        for key, value in attrs.items():
            if key in ("href", "xlink:href"):
                # Atom/RSS <link> and (X)HTML <a> are links; an enclosure is downloaded.
                if name in LINK_ELEMENTS or (name == "link" and attrs.get("rel") != "enclosure"):
                    continue
                found.append((0, f"<{name} {key}>", value))
            elif key in RESOURCE_ATTRS or key == "url":  # RSS <enclosure url>, media:*
                found.append((0, f"<{name} {key}>", value))
            elif key in SRCSET_ATTRS:
                found += [(0, f"<{name} {key}>", u) for u in srcset_urls(value)]
        if name in ("icon", "logo") and el.text:
            found.append((0, f"<{name}>", el.text))
        if name in ("content", "summary", "description", "encoded") and el.text and "<" in el.text:
            fetched, _ = scan_html(el.text)
            found += [(0, f"HTML in <{name}>: {what}", url) for _, what, url in fetched]
    return found


_ICS_FETCHED = re.compile(r"^(ATTACH|IMAGE|TZURL)((?:;[^:]*)?):(.*)$", re.I)


def scan_ics(text: str) -> list[tuple[int, str, str]]:
    """iCalendar properties that clients fetch: ATTACH and IMAGE (URI
    values) and TZURL. URL and CONFERENCE are links and allowed."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    found = []
    for line in unfolded.splitlines():
        m = _ICS_FETCHED.match(line)
        if m and "VALUE=BINARY" not in m.group(2).upper():
            found.append((0, m.group(1).upper() + " property", m.group(3)))
    return found


SCANNED_SUFFIXES = (".html", ".css", ".js", ".mjs", ".xml", ".ics")


def site_origin(site: Path) -> str | None:
    """The site's own address: origin of the homepage's absolute canonical link."""
    _, self_links = scan_html((site / "index.html").read_text(encoding="utf-8"))
    for _, what, url in self_links:
        if "canonical" in what.lower() and origin(url):
            return origin(url)
    return None


def find_external_references(site: Path) -> tuple[int, list[str]]:
    """Return (number of files scanned, list of problems)."""
    own = site_origin(site)
    problems: list[str] = []
    count = 0
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in SCANNED_SUFFIXES):
        count += 1
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        self_links: list[tuple[int, str, str]] = []
        if path.suffix == ".html":
            fetched, self_links = scan_html(text)
        elif path.suffix == ".css":
            fetched = [(line, "url()/@import", u) for line, u in css_urls(text)]
        elif path.suffix in (".js", ".mjs"):
            fetched = [(line, "string", u) for line, u in js_urls(text)]
        elif path.suffix == ".xml":
            fetched = scan_xml(text)
        else:
            fetched = scan_ics(text)
        for line, what, url in fetched:
            host = external_host(url)
            if host:
                where = f"{rel}:{line}" if line else rel
                problems.append(f"{where}: {what} loads from {host}: {url}")
        for line, what, url in self_links:
            if external_host(url) and origin(url) != own:
                problems.append(f"{rel}:{line}: {what} points to {url}, not to the site's own address {own}")
    return count, problems


def test_no_external_resources_in_files(built_site):
    count, problems = find_external_references(built_site)
    assert count > 0, f"nothing to scan in {built_site}"
    assert not problems, f"{len(problems)} reference(s) to other hosts:\n" + "\n".join(problems[:50])


@pytest.mark.parametrize("page_type", ["home", "member"])
def test_browser_requests_stay_local(built_site, built_site_url, page, page_type):
    found = sitekit.find_page(built_site, "de", page_type)
    if found is None:
        pytest.fail(f"no {page_type} page in {built_site}")
    url = built_site_url + sitekit.url_path(built_site, found)

    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    # Bring lazily loaded images and anything below the fold into play.
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")

    assert url in requests, f"the request recorder saw no request for {url}: {requests}"
    outside = [u for u in requests if not sitekit.is_local_request(u)]
    assert not outside, f"{url} made requests off 127.0.0.1:\n" + "\n".join(outside)

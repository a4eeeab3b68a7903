"""What search engines, link previews and browsers read: sitemap.xml, robots.txt, absolute canonical
and hreflang links, Open Graph and Twitter cards, the network's JSON-LD, the 404 pages, the favicon
and the web manifests, and a title and description on every page.

The output is read with independent parsers (ElementTree, BeautifulSoup, json, Pillow) and compared
with the built files themselves, never with the code that wrote them.
"""

from __future__ import annotations

import functools
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# Pages a host shows for any address, or that only show results: never in the sitemap.
UNLISTED = {"404.html", "search/index.html"}


@functools.cache
def soup(path: Path) -> BeautifulSoup:
    """A page parsed once per test session (the tests only read it)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


@functools.cache
def languages(site: Path) -> list[str]:
    """The site's languages, from the language switch of the homepage."""
    switch = soup(site / "index.html").select(".lang-switch [lang]")
    return [item["lang"] for item in switch]


def home_of(site: Path, lang: str) -> Path:
    return site / "index.html" if lang == languages(site)[0] else site / lang / "index.html"


def unlisted(site: Path, page: Path) -> bool:
    relative = page.relative_to(site).as_posix()
    first, _, rest = relative.partition("/")
    return relative in UNLISTED or (first in languages(site) and rest in UNLISTED)


def public_base(site: Path) -> str:
    """The public address, as the homepage states it in its canonical link."""
    return soup(site / "index.html").find("link", rel="canonical")["href"]


def file_of(site: Path, address: str) -> Path:
    """The built file an absolute address under the public base leads to."""
    base = public_base(site)
    assert address.startswith(base), f"{address} is not under the public address {base}"
    relative = address[len(base) :]
    target = site / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


def test_sitemap_lists_every_page_once_with_its_translations(built_site: Path) -> None:
    tree = ET.parse(built_site / "sitemap.xml")
    entries = tree.getroot().findall("s:url", SITEMAP_NS)
    listed = {}
    for entry in entries:
        loc = entry.findtext("s:loc", namespaces=SITEMAP_NS)
        assert loc not in listed, f"{loc} is listed twice"
        alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NS)}
        listed[loc] = alternates
        assert file_of(built_site, loc).is_file(), f"the sitemap lists {loc}, which the build did not write"
    expected = {page for page in pages(built_site) if not unlisted(built_site, page)}
    found = {file_of(built_site, loc) for loc in listed}
    assert found == expected, (
        f"missing: {sorted(map(str, expected - found))[:5]}; extra: {sorted(found - expected)[:5]}"
    )
    langs = set(languages(built_site))
    for loc, alternates in listed.items():
        assert set(alternates) == langs | {"x-default"}, f"{loc}: alternates {sorted(alternates)}"
        assert loc in alternates.values(), f"{loc} is not among its own alternates"
        for other in alternates.values():
            assert listed.get(other) == alternates, f"{loc} and {other} do not name each other alike"


def test_robots_txt_allows_crawling_and_names_the_sitemap(built_site: Path) -> None:
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert not [line for line in lines if line.strip() == "Disallow: /"]
    sitemaps = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Sitemap:")]
    assert sitemaps == [public_base(built_site) + "sitemap.xml"]


def test_every_page_has_absolute_canonical_and_hreflang_links(built_site: Path) -> None:
    langs = languages(built_site)
    for page in pages(built_site):
        head = soup(page).head
        hreflang = {link["hreflang"]: link["href"] for link in head.find_all("link", hreflang=True)}
        canonical = head.find("link", rel="canonical")
        if unlisted(built_site, page):
            assert canonical is None and head.find("meta", attrs={"name": "robots"})["content"] == "noindex", page
            continue
        assert canonical is not None, f"{page} has no canonical link"
        assert file_of(built_site, canonical["href"]) == page, f"{page}: canonical {canonical['href']}"
        assert set(hreflang) == {*langs, "x-default"}, f"{page}: hreflang {sorted(hreflang)}"
        for lang, address in hreflang.items():
            assert urlsplit(address).scheme in ("http", "https") and urlsplit(address).netloc, (page, address)
            assert file_of(built_site, address).is_file(), f"{page}: hreflang {lang} leads to no page"


def test_link_previews_have_title_description_and_share_image(built_site: Path) -> None:
    for page in pages(built_site)[::7]:  # a seventh of the pages, every kind among them
        head = soup(page).head
        meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in head.find_all("meta", content=True)}
        for key in ("og:title", "og:description", "og:image", "og:locale", "og:site_name", "twitter:card"):
            assert meta.get(key, "").strip(), f"{page}: no {key}"
        if not unlisted(built_site, page):
            assert meta["og:url"] == head.find("link", rel="canonical")["href"]
        assert meta["og:locale"].split("_")[0] == soup(page).html["lang"]
    image = file_of(built_site, soup(built_site / "index.html").find("meta", property="og:image")["content"])
    with Image.open(image) as picture:
        assert (picture.format, picture.size) == ("PNG", (1200, 630))


def test_every_page_has_its_own_title_and_a_description(built_site: Path) -> None:
    seen: dict[tuple[str, str], Path] = {}
    # The homepage's title is the network's name alone.
    names = {lang: soup(home_of(built_site, lang)).title.string for lang in languages(built_site)}
    for page in pages(built_site):
        document = soup(page)
        lang = document.html["lang"]
        title = (document.title.string or "").strip()
        description = document.find("meta", attrs={"name": "description"})["content"].strip()
        assert title and description, f"{page}: title {title!r}, description {description!r}"
        assert description != names[lang], f"{page}: the description only repeats the network's name"
        if page.name != "404.html":
            assert (lang, title) not in seen, f"{page} and {seen.get((lang, title))} share the title {title!r}"
            seen[(lang, title)] = page


def test_homepage_describes_the_network_and_its_members_as_json_ld(built_site: Path) -> None:
    for lang in languages(built_site):
        home_page = home_of(built_site, lang)
        home = soup(home_page)
        blocks = [json.loads(tag.string) for tag in home.find_all("script", type="application/ld+json")]
        organisations = [block for block in blocks if block.get("@type") == "Organization"]
        assert len(organisations) == 1, f"{lang}: {len(organisations)} Organization blocks"
        network = organisations[0]
        assert network["name"] == home.select_one(".hero h1").get_text(strip=True)
        assert file_of(built_site, network["url"]) == home_page
        cards = soup(home_page.parent / "members" / "index.html").select(".member-list .member-card h3")
        names = sorted(card.get_text(" ", strip=True) for card in cards)
        assert names, "the member directory shows no member cards"
        assert sorted(member["name"] for member in network["member"]) == names


@pytest.mark.parametrize("prefix", ["", "en/", "ar/"])
def test_not_found_page_in_every_language(default_site: Path, prefix: str) -> None:
    page = default_site / prefix / "404.html"
    document = soup(page)
    assert document.html["lang"] == (prefix.rstrip("/") or "de")
    form = document.select_one("main form[role=search]")
    assert form is not None and form.find("input", attrs={"name": "q"}) is not None, "no search box"
    # A host shows this page at any address: every link must work from anywhere, so none is relative.
    root = urlsplit(public_base(default_site)).path
    for element in document.find_all(["a", "link", "script", "form"]):
        address = element.get("href") or element.get("src") or element.get("action")
        if not address or address.startswith("#") or urlsplit(address).scheme:
            continue
        assert address.startswith(root), f"{page}: {address} depends on the address it is shown at"
        relative = address[len(root) :].split("?")[0]
        target = default_site / relative
        assert (target / "index.html" if relative.endswith("/") or not relative else target).is_file(), address
    links = {a["href"] for a in document.select("main a")}
    assert root + prefix in links, "no link to the homepage in this language"


def test_favicon_and_manifests(built_site: Path) -> None:
    with Image.open(built_site / "favicon.ico") as icon:
        assert icon.format == "ICO"
    for page in [home_of(built_site, lang) for lang in languages(built_site)]:
        head = soup(page).head
        manifest_link = head.find("link", rel="manifest")["href"]
        manifest_file = (page.parent / manifest_link).resolve()
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        assert manifest["lang"] == soup(page).html["lang"] and manifest["name"] and manifest["icons"]
        for icon in manifest["icons"]:
            with Image.open(manifest_file.parent / icon["src"]) as picture:
                assert f"{picture.size[0]}x{picture.size[1]}" == icon["sizes"]
        for rel in ("icon", "apple-touch-icon"):
            for link in head.find_all("link", rel=rel):
                assert (page.parent / link["href"].split("?")[0]).resolve().is_file(), f"{page}: {link}"

"""The site search (Pagefind, indexed at build time) in headless Chromium, in German and Arabic.

What must be found is read from the built pages themselves (a member's name, the members a filter
page lists for an offer or a language, an event's and a working group's title, a word of an info
mail), then looked up through the index the browser loads from the site. No request may leave it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sitekit
from bs4 import BeautifulSoup

# Every result's address, through Pagefind's own API, loaded as the search page loads it.
ALL_RESULTS = """async (query) => {
  const bundle = document.querySelector("[data-search-index]").getAttribute("data-search-index");
  const pagefind = await import(new URL(bundle + "pagefind.js", document.baseURI).href);
  const search = await pagefind.search(query);
  return Promise.all(search.results.map((result) => result.data().then((data) => data.url)));
}"""

# The addresses (paths) the result links of the search page lead to.
PATHS = "(links) => links.map((a) => new URL(a.href).pathname)"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def address(site: Path, page: Path) -> str:
    return sitekit.url_path(site, page)


def linked_pages(site: Path, listing: Path, selector: str) -> list[str]:
    """The site addresses of the pages a listing links with `selector`."""
    return [
        address(site, (listing.parent / a["href"]).resolve() / "index.html") for a in soup(listing).select(selector)
    ]


@pytest.fixture(scope="module")
def browser_page(default_site: Path, browser, serve_site):
    """The session's Chromium on the shipped site; every request that would leave it is recorded."""
    base = serve_site(default_site)
    left_site: list[str] = []
    context = browser.new_context()
    sitekit.block_non_local(context)
    page = context.new_page()
    page.on("request", lambda r: None if sitekit.is_local_request(r.url) else left_site.append(r.url))
    yield base, page, left_site
    context.close()
    assert not left_site, f"the search asked other hosts: {left_site}"


def results(browser_page, lang: str, query: str) -> list[str]:
    base, page, _ = browser_page
    page.goto(f"{base}/{'' if lang == 'de' else lang + '/'}search/")
    return page.evaluate(ALL_RESULTS, query)


def test_every_page_has_a_search_box_leading_to_its_languages_search_page(default_site: Path) -> None:
    for page in sorted(default_site.rglob("*.html")):
        if "pagefind" in page.relative_to(default_site).parts:
            continue
        document = soup(page)
        forms = document.select("form[role=search]")
        assert len(forms) == 1, f"{page}: {len(forms)} search forms"
        lang = document.html["lang"]
        expected = default_site / ("" if lang == "de" else lang) / "search" / "index.html"
        action = forms[0]["action"]
        if action.startswith("/"):  # the 404 page: from the site root's path
            assert action.endswith("search/" if lang == "de" else f"{lang}/search/"), f"{page}: {action}"
        else:
            assert (page.parent / action / "index.html").resolve() == expected, f"{page}: {action}"
        field = forms[0].find("input", attrs={"name": "q"})
        assert field is not None and document.find("label", attrs={"for": field["id"]}), f"{page}: unlabelled box"


def test_members_are_found_by_name_offer_and_language(default_site: Path, browser_page) -> None:
    member = sorted((default_site / "members").glob("*/index.html"))[3]
    name = soup(member).h1.get_text(" ", strip=True)
    assert address(default_site, member) in results(browser_page, "de", name)[:3], f"{name} not found"
    for facet in ("offer", "language"):
        listing = sorted((default_site / "members" / "filter" / facet).glob("*/index.html"))[0]
        label = soup(listing).h1.get_text(" ", strip=True).rsplit(":", 1)[1].strip()
        members = linked_pages(default_site, listing, ".member-list .member-card h3 a")
        assert members, f"{listing} lists no members"
        found = set(results(browser_page, "de", label))
        assert set(members) <= found, f"{facet} {label!r}: not found {sorted(set(members) - found)}"


def test_events_groups_and_info_mails_are_found(default_site: Path, browser_page) -> None:
    event = next(p for p in sorted((default_site / "events").glob("*/index.html")) if p.parent.name not in {"calendar"})
    title = soup(event).h1.get_text(" ", strip=True)
    assert address(default_site, event) in results(browser_page, "de", title)[:3], f"event {title!r} not found"
    group = sorted((default_site / "working-groups").glob("*/index.html"))[0]
    topic = soup(group).h1.get_text(" ", strip=True)
    assert address(default_site, group) in results(browser_page, "de", topic)[:3], f"group {topic!r} not found"
    mail = sorted((default_site / "info-mail").glob("2*/index.html"))[-1]
    words = re.findall(r"\w{9,}", soup(mail).select_one("main .prose, main").get_text(" "))
    word = max(words, key=len)
    assert address(default_site, mail) in results(browser_page, "de", word), f"info mail word {word!r} not found"


def test_arabic_search_finds_arabic_pages(default_site: Path, browser_page) -> None:
    group = sorted((default_site / "ar" / "working-groups").glob("*/index.html"))[0]
    topic = soup(group).h1.get_text(" ", strip=True)
    assert re.search(r"[\u0600-\u06ff]", topic), f"the Arabic group page has no Arabic title: {topic}"
    found = results(browser_page, "ar", topic)
    assert address(default_site, group) in found[:3], f"{topic!r} not found in Arabic"
    assert all(url.startswith("/ar/") for url in found), "the Arabic search shows pages of other languages"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_search_page_shows_results_for_the_address_query(default_site: Path, browser_page, lang: str) -> None:
    base, page, _ = browser_page
    prefix = "" if lang == "de" else f"{lang}/"
    member = sorted((default_site / prefix / "members").glob("*/index.html"))[5]
    name = soup(member).h1.get_text(" ", strip=True)
    page.goto(f"{base}/{prefix}search/?q={name}")
    page.wait_for_selector(".search-status:not(:empty)", timeout=15000)
    assert page.input_value("#search-q") == name
    first = page.locator(".search-results li a").first
    assert first.inner_text().strip() == name
    first.click()
    page.wait_for_load_state()
    assert page.url == base + address(default_site, member)
    # A new query from the form replaces the results and the address, so the result can be shared.
    page.goto(f"{base}/{prefix}search/")
    page.fill("#search-q", name)
    page.press("#search-q", "Enter")
    page.wait_for_selector(".search-results li a")
    assert "q=" in page.url and page.locator(".search-status").inner_text().strip()


def test_without_javascript_the_search_page_offers_the_ways_in(default_site: Path, browser_page, browser) -> None:
    base, _, _ = browser_page
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/search/?q=Deutsch")
    assert page.locator("noscript").count() == 1
    links = {a.get_attribute("href") for a in page.locator(".search-browse a").all() if a.is_visible()}
    context.close()
    targets = {(default_site / "search" / href).resolve().relative_to(default_site).as_posix() for href in links}
    for section in ("members", "working-groups", "events/calendar"):
        assert any(t == section or t.startswith(section + "/") for t in targets), f"no link to {section}: {targets}"


def test_text_that_looks_like_markup_stays_text_in_the_results(tmp_path: Path, browser, serve_site) -> None:
    """An editor's text shown as code (`<img onerror=…>`) is words on the page; the results page shows
    Pagefind's excerpt of it, which must stay words too: no element, no script."""
    fixture = sitekit.REPO_ROOT / "tests" / "fixtures" / "site"
    shutil.copytree(fixture / "data", tmp_path / "data")
    member = tmp_path / "data" / "members" / "koordination.yaml"
    text = member.read_text(encoding="utf-8")
    hostile = "Zauberwort `<img src=x onerror=document.title=1337>` und `<b>fett</b>`"
    member.write_text(re.sub(r"(?m)^description:.*$", f'description: "{hostile}"', text, count=1), encoding="utf-8")
    site = tmp_path / "site"
    folders = ["--data", str(tmp_path / "data"), "--content", str(fixture / "content"), "--output", str(site)]
    command = [sys.executable, "-m", "invoke", "build", *folders, "--today", "2026-11-24"]
    built = subprocess.run(command, cwd=sitekit.REPO_ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    context = browser.new_context()
    sitekit.block_non_local(context)
    page = context.new_page()
    page.goto(f"{serve_site(site)}/search/?q=Zauberwort")
    page.wait_for_selector(".search-results li a")
    excerpt = page.locator(".search-results li p:not(.search-kind)").first
    assert "<img src=x onerror=document.title=1337>" in excerpt.inner_text()
    assert page.locator(".search-results img, .search-results b").count() == 0
    assert page.title() != "1337"
    context.close()


def test_a_language_indexed_in_parts_is_searched_whole(default_site: Path, tmp_path: Path, browser, serve_site) -> None:
    """A large site indexes each language in parts (netzwerk_search/per_language.py, bounded memory); the
    search page merges a language's parts: a page of the last part is found, and every query finds what
    the index of one part finds."""
    from netzwerk_search import language_globs
    from netzwerk_search.per_language import index

    site = tmp_path / "site"
    shutil.copytree(default_site, site, ignore=shutil.ignore_patterns("pagefind"))
    bundle = site / "pagefind"
    marked = sum("data-pagefind-body" in page.read_text(encoding="utf-8") for page in (site / "en").rglob("*.html"))
    assert index(site, bundle, language_globs(site, bundle), pages_per_run=marked // 3) == 0
    more = json.loads((bundle / "more.json").read_text(encoding="utf-8"))
    assert sorted(more) == ["ar", "de", "en"] and len(more["en"]) >= 2, more  # English in three parts or more
    # the last part of a language holds its pages last in path order: the working groups
    group = sorted((site / "en" / "working-groups").glob("*/index.html"))[-1]
    topic = soup(group).h1.get_text(" ", strip=True)
    context = browser.new_context()
    sitekit.block_non_local(context)
    page = context.new_page()
    base = serve_site(site)
    page.goto(f"{base}/en/search/?q={topic}")
    page.wait_for_selector(".search-results li a", timeout=15000)
    found = page.locator(".search-results li a").evaluate_all(PATHS)
    assert address(site, group) in found, f"{topic!r} (in the last part) not found: {found}"
    page.goto(f"{serve_site(default_site)}/en/search/?q={topic}")
    page.wait_for_selector(".search-results li a", timeout=15000)
    whole = page.locator(".search-results li a").evaluate_all(PATHS)
    assert sorted(found) == sorted(whole)
    context.close()

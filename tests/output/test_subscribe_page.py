"""The subscribe page, in every language: every feed people subscribe to with its address to copy,
a webcal: link and a download, the difference between subscribing and importing once, and the steps
for the common calendar apps. (axe-core and the Nu validator check it with every page type.)"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar

REPO = Path(__file__).resolve().parents[2]
DATA = {"fixture": REPO / "tests" / "fixtures" / "site" / "data", "default": REPO / "data"}
TODAY = date(2026, 11, 24)
# Product names stay as they are in every language.
APPS = ("Google", "Mac", "iPhone", "Outlook", "Thunderbird", "ICSx⁵")


def network(site_name: str) -> dict:
    return yaml.safe_load((DATA[site_name] / "network.yaml").read_text(encoding="utf-8"))


def roots(site: Path, site_name: str) -> dict[str, Path]:
    langs = network(site_name)["languages"]
    return {lang: site if lang == langs[0] else site / lang for lang in langs}


def expected_feeds(site: Path, site_name: str) -> set[str]:
    """The feeds to subscribe to, from the data: network, archive, active groups, used categories, periods."""
    data = DATA[site_name]
    groups = {
        path.stem
        for path in (data / "working-groups").glob("*.yaml")
        if not (closed := yaml.safe_load(path.read_text(encoding="utf-8")).get("closed"))
        or date.fromisoformat(closed) > TODAY
    }
    categories = {
        yaml.safe_load(path.read_text(encoding="utf-8"))["category"] for path in (data / "events").glob("*/*.yaml")
    }
    periods = {path.parent.name for path in (site / "events" / "calendar").glob("*/index.html")}
    return (
        {"calendar/netzwerk.ics", "calendar/archive.ics"}
        | {f"calendar/groups/{group}.ics" for group in groups}
        | {f"calendar/categories/{category}.ics" for category in categories}
        | {f"calendar/periods/{key}.ics" for key in periods}
    )


def heading_text(heading: Tag) -> str:
    """A heading's words without the "not translated" marker."""
    for mark in heading.select(".fallback-mark"):
        mark.extract()
    return " ".join(heading.get_text(" ").split())


@pytest.mark.parametrize("site_name", ["fixture", "default"])
def test_every_feed_with_its_address_a_webcal_link_and_a_download(
    request: pytest.FixtureRequest, site_name: str
) -> None:
    site = request.getfixturevalue(f"{site_name}_site")
    website = network(site_name)["website"].rstrip("/")
    for lang, root in roots(site, site_name).items():
        page = root / "subscribe" / "index.html"
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        base = website if root == site else f"{website}/{lang}"
        listed = set()
        for item in document.select("main .feed"):
            address = item.select_one("code").get_text().strip()
            assert address.startswith(f"{base}/calendar/"), address
            relative = address.removeprefix(f"{base}/")
            listed.add(relative)
            feed_file = root / relative
            assert feed_file.is_file(), address
            assert item.select_one("code")["dir"] == "ltr"
            subscribe = item.select_one("a[href^='webcal:']")
            assert subscribe["href"] == "webcal://" + address.split("://", 1)[1]
            download = next(a for a in item.select("a[href]") if not a["href"].startswith("webcal:"))
            assert (page.parent / download["href"]).resolve() == feed_file.resolve()
            # the heading names the feed as the feed names itself
            name = " ".join(str(Calendar.from_ical(feed_file.read_bytes())["NAME"]).split())
            assert name.startswith(heading_text(item.select_one(".feed-name"))), (name, lang)
        assert listed == expected_feeds(site, site_name), lang


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_explains_subscribing_and_the_steps_for_each_app(fixture_site: Path, lang: str) -> None:
    root = roots(fixture_site, "fixture")[lang]
    document = BeautifulSoup((root / "subscribe" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert document.html["lang"] == lang
    assert document.html["dir"] == ("rtl" if lang == "ar" else "ltr")
    main = document.select_one("main")
    assert len(main.find_all("h1")) == 1 and not main.find_all("table")
    levels = [int(h.name[1]) for h in main.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), f"a heading level is skipped: {levels}"
    explained = main.select("#subscribe-or-import ~ dl dt, #subscribe-or-import ~ dl dd")
    assert len(explained) == 4, "subscribing and importing once, each with its explanation"
    steps = {}
    for heading in main.select("#how-to ~ h3"):
        steps[heading.get_text()] = heading.find_next_sibling()
    for app in APPS:
        matching = [text for text in steps if app in text]
        assert matching, f"{lang}: no steps for {app}"
        for text in matching:
            assert steps[text].name == "ol" and len(steps[text].find_all("li")) >= 2, text
    # repeated link texts ("Subscribe") say which calendar they are for
    subscribe_links = [" ".join(a.get_text(" ").split()) for a in main.select("a[href^='webcal:']")]
    assert len(set(subscribe_links)) == len(subscribe_links), subscribe_links


def test_pages_point_to_the_subscribe_page(fixture_site: Path) -> None:
    for root in roots(fixture_site, "fixture").values():
        target = (root / "subscribe" / "index.html").resolve()
        for page in (
            root / "index.html",
            root / "events" / "index.html",
            root / "working-groups" / "sprache" / "index.html",
            root / "events" / "sprachcafe" / "index.html",
        ):
            document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            links = {(page.parent / a["href"]).resolve() for a in document.select("main a[href]")}
            links = {link / "index.html" if link.is_dir() else link for link in links}
            assert target in links, f"{page} has no link to the subscribe page"

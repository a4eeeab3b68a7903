"""The info-mail feeds the homepage offers, read by independent parsers, and the feed links in <head>.

The calendar feeds have their own tests: test_calendar_feeds.py (structure, UIDs, bytes),
test_calendar_expansion.py (dates against the pages), test_calendar_clients.py (libical, ical.js).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup

TESTS = Path(__file__).resolve().parents[1]
NEEDS_CI = "is missing: run `make test` via `.ci/run`, which installs it"


def test_info_mail_feeds_parse_and_list_the_newest_first(fixture_site: Path) -> None:
    for name in ("info-mail.atom.xml", "info-mail.rss.xml"):
        feed = feedparser.parse(str(fixture_site / "feeds" / name))
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == ["Infomail November 2026", "Infomail Oktober 2026"]
        assert feed.entries[0].link.endswith("/info-mail/2026-11/")
        assert feed.feed.language == "de"


def test_every_page_links_its_feeds_and_the_homepage_offers_them(fixture_site: Path) -> None:
    for html_file in [fixture_site / "index.html", fixture_site / "ar" / "members" / "verein" / "index.html"]:
        document = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        linked = {link["type"]: link["href"] for link in document.select('head link[rel="alternate"][type]')}
        assert set(linked) == {"text/calendar", "application/atom+xml", "application/rss+xml"}
        for href in linked.values():
            assert (html_file.parent / href).resolve().is_file(), href
    home = BeautifulSoup((fixture_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    offered = {(fixture_site / a["href"]).resolve() for a in home.select("#subscribe ~ .subscribe-list a")}
    public = ("calendar/netzwerk.ics", "feeds/info-mail.atom.xml", "feeds/info-mail.rss.xml", "feeds/events.atom.xml")
    assert offered == {(fixture_site / path).resolve() for path in public}


def test_atom_feed_is_valid_rfc_4287(fixture_site: Path, default_site: Path, java: str) -> None:
    jing = Path("/usr/share/java/jing.jar")
    assert jing.is_file(), f"jing {NEEDS_CI}"
    for site in (fixture_site, default_site):
        result = subprocess.run(
            [
                java,
                "-jar",
                str(jing),
                "-c",
                str(TESTS / "data" / "atom.rnc"),
                str(site / "feeds" / "info-mail.atom.xml"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr

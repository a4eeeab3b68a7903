"""The calendar and info-mail feeds the homepage offers, read by independent parsers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import subprocess

import feedparser
import recurring_ical_events
from bs4 import BeautifulSoup
from icalendar import Calendar

BERLIN = ZoneInfo("Europe/Berlin")
TESTS = Path(__file__).resolve().parents[1]
NEEDS_CI = "is missing: run `make test` via `.ci/run`, which installs it"


def calendar_of(site: Path) -> Calendar:
    calendar = Calendar.from_ical((site / "calendar" / "netzwerk.ics").read_bytes())
    for component in calendar.walk():
        assert not component.errors, (component.name, component.errors)
    return calendar


def test_calendar_expands_to_the_sites_occurrences(fixture_site: Path) -> None:
    calendar = calendar_of(fixture_site)
    found = recurring_ical_events.of(calendar).between(date(2026, 1, 1), date(2028, 1, 1))
    starts = sorted((str(e["UID"]).split("@")[0], e["DTSTART"].dt) for e in found)
    series = [start for uid, start in starts if uid == "sprachcafe"]
    assert series == [
        datetime(2026, 9, 8, 16, tzinfo=BERLIN),
        datetime(2026, 10, 13, 16, tzinfo=BERLIN),
        datetime(2026, 11, 10, 16, tzinfo=BERLIN),
        datetime(2027, 1, 12, 17, tzinfo=BERLIN),  # moved by `changed`
        datetime(2027, 2, 9, 16, tzinfo=BERLIN),
    ]
    week = next(e for e in found if str(e["UID"]).startswith("woche@"))
    assert (week["DTSTART"].dt, week["DTEND"].dt) == (date(2027, 3, 16), date(2027, 3, 19))  # end exclusive
    cancelled = next(e for e in found if str(e["UID"]).startswith("abgesagt@"))
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert len({str(e["UID"]) for e in found}) == 5
    assert all(tz.name == "VTIMEZONE" and "COMMENT" not in tz for tz in calendar.walk("VTIMEZONE"))


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
    assert len(home.select("#subscribe ~ .subscribe-list a")) == 3


def test_calendar_passes_libical(fixture_site: Path, default_site: Path) -> None:
    system_python = "/usr/bin/python3"
    probe = subprocess.run([system_python, "-c", "import gi"], capture_output=True, check=False)
    assert probe.returncode == 0, f"python3-gi / gir1.2-ical-3.0 {NEEDS_CI}"
    for site in (fixture_site, default_site):
        result = subprocess.run(
            [system_python, str(TESTS / "tools" / "libical_check.py"), str(site / "calendar" / "netzwerk.ics")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_atom_feed_is_valid_rfc_4287(fixture_site: Path, default_site: Path, java: str) -> None:
    jing = Path("/usr/share/java/jing.jar")
    assert jing.is_file(), f"jing {NEEDS_CI}"
    for site in (fixture_site, default_site):
        result = subprocess.run(
            [java, "-jar", str(jing), "-c", str(TESTS / "data" / "atom.rnc"), str(site / "feeds" / "info-mail.atom.xml")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr

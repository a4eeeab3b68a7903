"""Each feed expands to exactly the dates the site's pages list, read by two independent tools.

The pages are the oracle: the events list and the yearly archives list every date of every event
(each item an event link and a <time datetime>), a working group's page its meetings, a period's
page the dates of its two months. recurring-ical-events (Python) and Mozilla's ical.js (Node)
expand each feed; both must give the same dates, times and statuses as the pages, in every
language, and the same instants across a change of daylight-saving time.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
import yaml
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta
from icalendar import Calendar

REPO = Path(__file__).resolve().parents[2]
DATA = {"fixture": REPO / "tests" / "fixtures" / "site" / "data", "default": REPO / "data"}
TODAY = date(2026, 11, 24)  # the day tests/output/conftest.py builds with
SITES = ["fixture", "default"]
STATUS_OF_CLASS = {"is-cancelled": "cancelled", "is-postponed": "postponed"}
STATUS_OF_ICAL = {"CANCELLED": "cancelled", "TENTATIVE": "postponed", "CONFIRMED": "scheduled"}
_EVENT_LINK = re.compile(r"(?:^|/)events/([a-z0-9-]+)/(?:index\.html)?$")


@dataclass(frozen=True, order=True)
class Listed:
    """One date of one event: its start as the page's <time datetime> writes it (local time)."""

    event_id: str
    start: str
    status: str

    @property
    def day(self) -> date:
        return date.fromisoformat(self.start[:10])


def settings() -> tuple[int, int]:
    import pelicanconf

    return int(pelicanconf.CALENDAR_PAST_MONTHS), int(pelicanconf.EVENT_HORIZON_DAYS)


def languages(site_name: str) -> list[str]:
    return list(yaml.safe_load((DATA[site_name] / "network.yaml").read_text(encoding="utf-8"))["languages"])


def roots(site: Path, site_name: str) -> dict[str, Path]:
    langs = languages(site_name)
    return {lang: site if lang == langs[0] else site / lang for lang in langs}


# --- what the pages list ----------------------------------------------------------------------------------------


def _status(classes: Iterable[str]) -> str:
    return next((STATUS_OF_CLASS[c] for c in classes if c in STATUS_OF_CLASS), "scheduled")


def _event_id(href: str) -> str:
    match = _EVENT_LINK.search(href)
    assert match, f"not a link to an event page: {href}"
    return match.group(1)


def list_items(page: Path) -> set[Listed]:
    """The dates an event list on a page shows (li.event-item: a date and a link to the event)."""
    document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = set()
    for item in document.select("main li.event-item"):
        time = item.select_one(".event-date time[datetime]")
        link = item.select_one(".event-title a[href]")
        assert time is not None and link is not None, f"{page}: an event item without date or link"
        found.add(Listed(_event_id(link["href"]), time["datetime"], _status(item.get("class", []))))
    return found


def categories_of(pages: Iterable[Path]) -> dict[str, str]:
    """event id -> its category, as the lists mark it (data-category)."""
    found = {}
    for page in pages:
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for item in document.select("main li.event-item[data-category]"):
            found[_event_id(item.select_one(".event-title a[href]")["href"])] = item["data-category"]
    return found


def period_items(page: Path) -> set[Listed]:
    """The dates a period's page shows, day by day (the time of a timed date, else the day)."""
    document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = set()
    for day in document.select("main .sheet-day"):
        day_time = day.select_one(".sheet-day-heading time[datetime]")
        assert day_time is not None, f"{page}: a day without its date"
        for item in day.select(".sheet-event"):
            time = item.select_one(".sheet-time time[datetime]")
            link = item.select_one(".sheet-title a[href]")
            start = time["datetime"] if time is not None else day_time["datetime"]
            found.add(Listed(_event_id(link["href"]), start, _status(item.get("class", []))))
    return found


def listing_pages(root: Path) -> list[Path]:
    return [root / "events" / "index.html", *sorted((root / "events" / "archive").glob("*/index.html"))]


def every_listed(root: Path) -> set[Listed]:
    """Every date of every event within the site's horizon: upcoming (events list) and past (archives)."""
    return set().union(*(list_items(page) for page in listing_pages(root)))


# --- what the feeds expand to -----------------------------------------------------------------------------------


def _wall_clock(value: date | datetime) -> str:
    """The local time in the event's own zone, as the pages write it."""
    return value.replace(tzinfo=None).isoformat() if isinstance(value, datetime) else value.isoformat()


def expanded(path: Path, until: date) -> set[Listed]:
    """recurring-ical-events: the feed's occurrences starting before `until`."""
    calendar = Calendar.from_ical(path.read_bytes())
    found = set()
    for event in recurring_ical_events.of(calendar).between(date(1900, 1, 1), until):
        start = event["DTSTART"].dt
        found.add(Listed(str(event["UID"]).split("@")[0], _wall_clock(start), STATUS_OF_ICAL[str(event["STATUS"])]))
    return found


def expected_for(feed: Path, root: Path, listed: set[Listed], window_start: date) -> set[Listed] | None:
    """What a feed must hold, from the pages (None for period feeds: see their own test)."""
    kind = feed.parent.name
    last_day: dict[str, date] = {}
    for item in listed:
        last_day[item.event_id] = max(item.day, last_day.get(item.event_id, item.day))

    def in_window(item: Listed) -> bool:  # a whole event, when any of its dates is on or after the window's start
        return last_day[item.event_id] >= window_start

    if feed.name == "archive.ics":
        return listed
    if feed.name == "netzwerk.ics":
        return {item for item in listed if in_window(item)}
    if kind == "events":
        return {item for item in listed if item.event_id == feed.stem}
    if kind == "groups":
        ids = {item.event_id for item in list_items(root / "working-groups" / feed.stem / "index.html")}
        return {item for item in listed if item.event_id in ids and in_window(item)}
    if kind == "categories":
        category = categories_of(listing_pages(root))
        return {item for item in listed if category[item.event_id] == feed.stem and in_window(item)}
    return None


def _differences(found: set[Listed], expected: set[Listed]) -> str:
    return f"only in the feed: {sorted(found - expected)[:4]}; only on the pages: {sorted(expected - found)[:4]}"


# --- the tests --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("site_name", SITES)
def test_feeds_expand_to_the_dates_the_pages_list(request: pytest.FixtureRequest, site_name: str) -> None:
    site = request.getfixturevalue(f"{site_name}_site")
    past_months, horizon_days = settings()
    until = TODAY + timedelta(days=horizon_days + 1)  # the pages list dates up to the horizon
    window_start = TODAY - relativedelta(months=past_months)
    for lang, root in roots(site, site_name).items():
        listed = every_listed(root)
        assert listed, f"{lang}: the pages list no dates"
        checked = 0
        for feed in sorted((root / "calendar").rglob("*.ics")):
            expected = expected_for(feed, root, listed, window_start)
            if expected is None:
                continue
            found = expanded(feed, until)
            assert found == expected, f"{feed.relative_to(site)}: {_differences(found, expected)}"
            checked += 1
        assert checked > 4, lang


@pytest.mark.parametrize("site_name", SITES)
def test_period_feeds_hold_the_events_of_their_pages(request: pytest.FixtureRequest, site_name: str) -> None:
    site = request.getfixturevalue(f"{site_name}_site")
    _, horizon_days = settings()
    until = TODAY + timedelta(days=horizon_days + 1)
    for lang, root in roots(site, site_name).items():
        listed = every_listed(root)
        pages = sorted((root / "events" / "calendar").glob("*/index.html"))
        assert pages, f"{lang}: no period pages"
        for page in pages:
            key = page.parent.name
            first = date.fromisoformat(f"{key}-01")
            following = first + relativedelta(months=2)
            on_page = period_items(page)
            assert on_page, f"{page}: lists no dates"
            found = expanded(root / "calendar" / "periods" / f"{key}.ics", until)
            in_period = {item for item in found if first <= item.day < following}
            assert in_period == on_page, f"{lang} {key}: {_differences(in_period, on_page)}"
            # the events of the period, each with all its dates (a series whole)
            ids = {item.event_id for item in on_page}
            whole = {item for item in listed if item.event_id in ids}
            assert found == whole, f"{lang} {key}: {_differences(found, whole)}"


def run_icaljs(files: list[Path], until: date) -> dict[str, dict]:
    result = subprocess.run(
        ["node", str(REPO / "tests" / "tools" / "icaljs_check.mjs"), until.isoformat(), *map(str, files)],
        cwd=REPO,  # ical.js is an ES module: node finds it from the folder with node_modules
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stdout, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("site_name", SITES)
def test_icaljs_expands_every_feed_like_the_pages(request: pytest.FixtureRequest, site_name: str, node_modules) -> None:
    site = request.getfixturevalue(f"{site_name}_site")
    past_months, horizon_days = settings()
    until = TODAY + timedelta(days=horizon_days + 1)
    window_start = TODAY - relativedelta(months=past_months)
    zone = ZoneInfo(yaml.safe_load((DATA[site_name] / "network.yaml").read_text(encoding="utf-8"))["timezone"])
    for root in roots(site, site_name).values():
        listed = every_listed(root)
        feeds = sorted((root / "calendar").rglob("*.ics"))
        report = run_icaljs(feeds, until)
        for feed in feeds:
            result = report[str(feed)]
            assert result["problems"] == [], f"{feed.relative_to(site)}: {result['problems']}"
            found = {
                Listed(o["uid"].split("@")[0], o["start"], STATUS_OF_ICAL[o["status"]])
                for o in result["occurrences"]
                if date.fromisoformat(o["start"][:10]) < until
            }
            assert found == expanded(feed, until), f"{feed.relative_to(site)}: ical.js and recurring-ical-events differ"
            expected = expected_for(feed, root, listed, window_start)
            if expected is not None:
                assert found == expected, f"{feed.relative_to(site)}: {_differences(found, expected)}"
            for o in result["occurrences"]:
                if "T" in o["start"]:  # a timed date: the instant ical.js computed from the VTIMEZONE
                    local = datetime.fromisoformat(o["start"]).replace(tzinfo=zone)
                    assert o["utc"] == local.timestamp(), f"{feed.relative_to(site)}: {o['uid']} {o['start']}"


def test_a_weekly_series_keeps_its_local_time_across_the_change_to_summer_time(fixture_site: Path) -> None:
    """beratung-sommerzeit: weekly at 18:00 from 10 March 2027; clocks go forward on 28 March."""
    zone = ZoneInfo("Europe/Berlin")
    until = date(2027, 5, 1)
    for root in roots(fixture_site, "fixture").values():
        feed = root / "calendar" / "events" / "beratung-sommerzeit.ics"
        occurrences = run_icaljs([feed], until)[str(feed)]["occurrences"]
        by_icaljs = {o["start"]: o["utc"] for o in occurrences}
        by_python = {
            e["DTSTART"].dt.replace(tzinfo=None).isoformat(): e["DTSTART"].dt.astimezone(zone).utcoffset()
            for e in recurring_ical_events.of(Calendar.from_ical(feed.read_bytes())).between(date(2027, 1, 1), until)
        }
        assert (
            sorted(by_icaljs)
            == sorted(by_python)
            == [f"2027-{d}T18:00:00" for d in ("03-10", "03-17", "03-24", "03-31", "04-07")]
        )
        assert {by_python[s] for s in by_python if s < "2027-03-28"} == {timedelta(hours=1)}
        assert {by_python[s] for s in by_python if s > "2027-03-28"} == {timedelta(hours=2)}
        # ical.js: a week is 7 × 24 hours, except across the change, which is one hour shorter
        gaps = [b - a for a, b in zip(sorted(by_icaljs.values()), sorted(by_icaljs.values())[1:], strict=False)]
        assert gaps == [7 * 86400, 7 * 86400, 7 * 86400 - 3600, 7 * 86400]
        statuses = {o["start"]: o["status"] for o in occurrences}
        assert statuses["2027-03-24T18:00:00"] == "CANCELLED"

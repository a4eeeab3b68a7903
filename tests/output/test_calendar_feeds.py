"""The calendar feeds of both built sites, read back with icalendar (and PyYAML for the data they come from).

What subscribers rely on: one set of feeds per language at stable addresses, each describing itself
(name, description, refresh interval) in its language, the same UID for an event in every feed and
language, a VTIMEZONE for every zone used, lines folded at 75 octets without breaking a character,
and the same bytes from the same data.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import recurring_ical_events
import yaml
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta
from icalendar import Calendar

REPO = Path(__file__).resolve().parents[2]
DATA = {"fixture": REPO / "tests" / "fixtures" / "site" / "data", "default": REPO / "data"}
CONTENT = {"fixture": REPO / "tests" / "fixtures" / "site" / "content", "default": REPO / "content"}
TODAY = date(2026, 11, 24)  # the day tests/output/conftest.py builds with
SITES = ["fixture", "default"]


# --- reading the data and the feeds, independently of the build ---------------------------------------------


def network(site_name: str) -> dict:
    return yaml.safe_load((DATA[site_name] / "network.yaml").read_text(encoding="utf-8"))


def event_records(site_name: str) -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((DATA[site_name] / "events").glob("*/*.yaml"))
    }


def languages(site_name: str) -> list[str]:
    return list(network(site_name)["languages"])


def language_root(site: Path, site_name: str, lang: str) -> Path:
    return site if lang == languages(site_name)[0] else site / lang


def public_base(site_name: str, lang: str) -> str:
    """The address feeds are published under (no SITEURL in the test builds: the network's website)."""
    base = network(site_name)["website"].rstrip("/")
    return base if lang == languages(site_name)[0] else f"{base}/{lang}"


def text_in(value: str | dict, lang: str, default: str) -> str:
    """A translatable text as the data contract defines it: the language, else the default language."""
    if isinstance(value, str):
        return value
    return value.get(lang) or value[default]


def feed_files(root: Path) -> list[Path]:
    return sorted((root / "calendar").rglob("*.ics"))


def read_calendar(path: Path) -> Calendar:
    calendar = Calendar.from_ical(path.read_bytes())
    for component in calendar.walk():
        assert not component.errors, (path, component.name, component.errors)
    return calendar


def raw_lines(path: Path) -> list[str]:
    """Unfolded content lines, as RFC 5545 reads them."""
    return re.sub(r"\r\n[ \t]", "", path.read_bytes().decode("utf-8")).split("\r\n")


def site_for(request: pytest.FixtureRequest, site_name: str) -> Path:
    return request.getfixturevalue(f"{site_name}_site")


def period_keys(site: Path) -> set[str]:
    """The two-month periods the site has pages for."""
    return {path.parent.name for path in (site / "events" / "calendar").glob("*/index.html")}


# --- the feeds exist, once per language ------------------------------------------------------------------------


@pytest.mark.parametrize("site_name", SITES)
def test_every_feed_exists_in_every_language(request: pytest.FixtureRequest, site_name: str) -> None:
    site = site_for(request, site_name)
    records = event_records(site_name)
    groups = {path.stem for path in (DATA[site_name] / "working-groups").glob("*.yaml")}
    expected = {"netzwerk.ics", "archive.ics"}
    expected |= {f"events/{event_id}.ics" for event_id in records}
    expected |= {f"groups/{group_id}.ics" for group_id in groups}
    expected |= {f"categories/{record['category']}.ics" for record in records.values()}
    expected |= {f"periods/{key}.ics" for key in period_keys(site)}
    assert period_keys(site), "the site has no period pages"
    for lang in languages(site_name):
        root = language_root(site, site_name, lang)
        found = {path.relative_to(root / "calendar").as_posix() for path in feed_files(root)}
        assert found == expected, (
            f"{lang}: missing {sorted(expected - found)[:5]}, extra {sorted(found - expected)[:5]}"
        )


# --- each feed describes itself and is complete -----------------------------------------------------------------


@pytest.mark.parametrize("site_name", SITES)
def test_every_feed_parses_and_describes_itself(request: pytest.FixtureRequest, site_name: str) -> None:
    site = site_for(request, site_name)
    for lang in languages(site_name):
        root = language_root(site, site_name, lang)
        for path in feed_files(root):
            calendar = read_calendar(path)
            lines = raw_lines(path)
            where = path.relative_to(site)
            assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH", where
            assert calendar.get("PRODID"), where
            names = [line.split(":", 1)[1] for line in lines if re.match(r"(NAME|X-WR-CALNAME)[;:]", line)]
            assert len(names) == 2 and names[0] == names[1] and names[0].strip(), (where, names)
            descriptions = [
                line.split(":", 1)[1] for line in lines if re.match(r"(DESCRIPTION|X-WR-CALDESC)[;:]", line)
            ]
            assert descriptions[0] == descriptions[1] and descriptions[0].strip(), (where, descriptions[:2])
            assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in lines and "X-PUBLISHED-TTL:P1D" in lines, where
            relative = path.relative_to(root).as_posix()
            assert str(calendar["SOURCE"]) == f"{public_base(site_name, lang)}/{relative}", where
            zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
            assert network(site_name)["timezone"] in zones, where
            for tz in calendar.walk("VTIMEZONE"):
                assert all("COMMENT" not in part for part in tz.walk()), f"{where}: COMMENT inside VTIMEZONE"
            used = {
                str(prop.params["TZID"])
                for event in calendar.walk("VEVENT")
                for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE")
                for prop in (event.get(name) if isinstance(event.get(name), list) else [event.get(name)])
                if prop is not None and "TZID" in prop.params
            }
            assert used <= zones, f"{where}: no VTIMEZONE for {used - zones}"
            for event in calendar.walk("VEVENT"):
                uid = str(event["UID"])
                assert event["DTSTAMP"].dt.tzinfo is not None and event["DTSTAMP"].dt.utcoffset().total_seconds() == 0
                assert isinstance(event["SEQUENCE"], int) and event["SEQUENCE"] >= 0, uid
                if "LAST-MODIFIED" in event:
                    assert event["LAST-MODIFIED"].dt.utcoffset().total_seconds() == 0, uid
                    assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt, uid
                assert str(event["ORGANIZER"]).startswith("mailto:"), uid
                url = str(event["URL"])
                assert url == f"{public_base(site_name, lang)}/events/{uid.split('@')[0]}/", (where, url)
                assert str(event["DESCRIPTION"]).endswith(url), uid
                assert str(event["STATUS"]) in ("CONFIRMED", "CANCELLED", "TENTATIVE"), uid


@pytest.mark.parametrize("site_name", SITES)
def test_an_event_has_one_uid_and_one_schedule_in_every_feed_and_language(
    request: pytest.FixtureRequest, site_name: str
) -> None:
    site = site_for(request, site_name)
    host = urlsplit(network(site_name)["website"]).hostname
    records = event_records(site_name)
    schedules: dict[str, set[bytes]] = {}
    for lang in languages(site_name):
        root = language_root(site, site_name, lang)
        for path in feed_files(root):
            calendar = read_calendar(path)
            uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
            assert uids <= {f"{event_id}@{host}" for event_id in records}, path
            if path.parent.name == "events":
                assert uids == {f"{path.stem}@{host}"}, path
            if path.name == "archive.ics":
                assert uids == {f"{event_id}@{host}" for event_id in records}, path
            for event in calendar.walk("VEVENT"):
                schedule = b"|".join(
                    event[name].to_ical()
                    if not isinstance(event[name], list)
                    else b",".join(p.to_ical() for p in event[name])
                    for name in ("DTSTART", "DTEND", "RRULE", "EXDATE", "RECURRENCE-ID", "SEQUENCE", "STATUS")
                    if name in event
                )
                schedules.setdefault(f"{event['UID']} {event.get('RECURRENCE-ID', '')}", set()).add(schedule)
    differing = {key: values for key, values in schedules.items() if len(values) > 1}
    assert not differing, f"an event differs between feeds or languages: {sorted(differing)[:3]}"


def test_names_titles_and_texts_are_in_the_feeds_language(fixture_site: Path) -> None:
    from netzwerk_i18n import load_catalogue

    name = network("fixture")["name"]
    records = event_records("fixture")
    default = languages("fixture")[0]
    for lang in languages("fixture"):
        root = language_root(fixture_site, "fixture", lang)
        catalogue = load_catalogue(str(REPO / "theme" / "translations"), lang)
        main = read_calendar(root / "calendar" / "netzwerk.ics")
        assert str(main["X-WR-CALNAME"]) == text_in(name, lang, default)
        for event in read_calendar(root / "calendar" / "archive.ics").walk("VEVENT"):
            event_id = str(event["UID"]).split("@")[0]
            title = text_in(records[event_id]["title"], lang, default)
            if str(event["STATUS"]) == "CANCELLED":
                assert str(event["SUMMARY"]) == catalogue.gettext("Cancelled: %(title)s") % {"title": title}
            else:
                assert str(event["SUMMARY"]) == title
    german = read_calendar(fixture_site / "calendar" / "events" / "abgesagt.ics").walk("VEVENT")[0]
    assert str(german["SUMMARY"]) == "Abgesagt: Fachtag Gesundheit" and str(german["STATUS"]) == "CANCELLED"
    # A cancelled date of a series stays in the feed, as an override that says so.
    series = read_calendar(fixture_site / "calendar" / "events" / "beratung-sommerzeit.ics").walk("VEVENT")
    cancelled = [e for e in series if "RECURRENCE-ID" in e and str(e["STATUS"]) == "CANCELLED"]
    assert [str(e["SUMMARY"]) for e in cancelled] == ["Abgesagt: Offene Sprechstunde Arbeit"]
    period_names = {
        lang: str(read_calendar(language_root(fixture_site, "fixture", lang) / "calendar/periods/2026-11.ics")["NAME"])
        for lang in languages("fixture")
    }
    assert "Veranstaltungskalender November–Dezember 2026" in period_names["de"]
    assert len(set(period_names.values())) == len(period_names), period_names


def test_events_carry_their_place_and_page(fixture_site: Path) -> None:
    venues = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (DATA["fixture"] / "venues").glob("*.yaml")
    }
    records = event_records("fixture")
    for lang in languages("fixture"):
        calendar = read_calendar(language_root(fixture_site, "fixture", lang) / "calendar" / "archive.ics")
        for event in calendar.walk("VEVENT"):
            record = records[str(event["UID"]).split("@")[0]]
            if "RECURRENCE-ID" in event:
                continue  # a changed date may be elsewhere; its own check is below
            if "venue" in record:
                venue = venues[record["venue"]]
                location = str(event["LOCATION"])
                assert f"{venue['street']}, {venue['postcode']} {venue['city']}" in location, location
                assert text_in(venue["name"], lang, "de") in location
                if "geo" in venue:
                    assert (event["GEO"].latitude, event["GEO"].longitude) == (venue["geo"]["lat"], venue["geo"]["lon"])
            if "online" in record:
                assert record["online"] in str(event["LOCATION"])
    moved = [
        e
        for e in read_calendar(fixture_site / "calendar" / "events" / "sprachcafe.ics").walk("VEVENT")
        if "RECURRENCE-ID" in e
    ]
    assert [str(e["LOCATION"]).split(",")[0] for e in moved] == [text_in(venues["rathaus"]["name"], "de", "de")]


# --- bytes ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("site_name", SITES)
def test_lines_fold_at_75_octets_without_splitting_a_character(request: pytest.FixtureRequest, site_name: str) -> None:
    site = site_for(request, site_name)
    arabic_folds = 0
    for path in sorted(site.rglob("*.ics")):
        data = path.read_bytes()
        assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), f"{path}: lines end with CRLF"
        for line in data.split(b"\r\n"):
            assert len(line) <= 75, f"{path}: {len(line)} octets: {line[:40]!r}"
            text = line.decode("utf-8")  # raises if a fold split a character
            if text.startswith(" ") and re.match(r" [\u0600-\u06ff]", text):
                arabic_folds += 1
    if site_name == "fixture":
        assert arabic_folds, "no fold inside Arabic text was checked"


def _build(data: Path, content: Path, output: Path, settings: Path | None = None) -> Path:
    command = [sys.executable, "-m", "invoke", "build", "--data", str(data), "--content", str(content)]
    command += ["--output", str(output), "--today", TODAY.isoformat()]
    if settings is not None:
        command += ["--settings", str(settings)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return output


def test_two_builds_give_byte_identical_feeds(fixture_site: Path, tmp_path: Path) -> None:
    again = _build(DATA["fixture"], CONTENT["fixture"], tmp_path / "again")
    first = {p.relative_to(fixture_site): p.read_bytes() for p in fixture_site.rglob("*.ics")}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*.ics")}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def _uids_with_dates_from(calendar: Calendar, first_day: date) -> set[str]:
    """UIDs of the events with an occurrence ending on or after `first_day` (expanded by recurring-ical-events)."""
    found = recurring_ical_events.of(calendar).between(first_day, date(2200, 1, 1))
    return {str(event["UID"]) for event in found}


def test_the_network_feed_holds_the_window_and_a_setting_changes_it(fixture_site: Path, tmp_path: Path) -> None:
    import pelicanconf

    archive = read_calendar(fixture_site / "calendar" / "archive.ics")
    every = {str(event["UID"]) for event in archive.walk("VEVENT")}
    descriptions = set()
    for months, site in [(pelicanconf.CALENDAR_PAST_MONTHS, fixture_site), (1, None)]:
        if site is None:
            settings = tmp_path / "window.py"
            settings.write_text(
                f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *  # noqa\n"
                f"CALENDAR_PAST_MONTHS = {months}\n",
                encoding="utf-8",
            )
            site = _build(DATA["fixture"], CONTENT["fixture"], tmp_path / "window", settings)
        network_feed = read_calendar(site / "calendar" / "netzwerk.ics")
        held = {str(event["UID"]) for event in network_feed.walk("VEVENT")}
        expected = _uids_with_dates_from(archive, TODAY - relativedelta(months=months))
        assert held == expected, months
        assert held < every, f"{months} months: the fixture has events before the window"
        descriptions.add(str(network_feed["DESCRIPTION"]))
        # a series reaching into the window is there whole, with its first date
        if "sprachcafe@test.example" in held:
            first = next(e for e in network_feed.walk("VEVENT") if str(e["UID"]).startswith("sprachcafe@"))
            assert first["DTSTART"].dt.date() == date(2026, 9, 8)
    assert len(descriptions) == 2, "the description says how far back the feed reaches"


# --- pages point to their feeds ---------------------------------------------------------------------------------


def test_pages_link_their_own_calendar_feeds(fixture_site: Path) -> None:
    def calendar_links(page: Path) -> list[Path]:
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = document.select('head link[rel="alternate"][type="text/calendar"]')
        return [(page.parent / link["href"]).resolve() for link in links]

    for lang in languages("fixture"):
        root = language_root(fixture_site, "fixture", lang)
        expected = {
            root / "events" / "sprachcafe" / "index.html": root / "calendar" / "events" / "sprachcafe.ics",
            root / "working-groups" / "arbeit" / "index.html": root / "calendar" / "groups" / "arbeit.ics",
            root / "events" / "calendar" / "2026-11" / "index.html": root / "calendar" / "periods" / "2026-11.ics",
            root / "index.html": root / "calendar" / "netzwerk.ics",
        }
        for page, feed in expected.items():
            linked = calendar_links(page)
            assert feed.resolve() in linked, f"{page} does not link {feed}"
            assert all(path.is_file() for path in linked), page

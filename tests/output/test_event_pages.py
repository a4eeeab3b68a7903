"""Event pages and event lists of the built sites, read back with BeautifulSoup and json.

What an event page and an event list must say, checked against the fixture's YAML read with a plain
YAML reader (series expanded here with dateutil, time zones with zoneinfo): schema.org JSON-LD field
by field, "add to calendar", the next date of a series leading the page, changed and cancelled dates
in words, the OpenStreetMap link, languages, audience and registration, the "not translated" marker,
24-hour times, "as of" on every list of upcoming events, the events filters without JavaScript and
the links to the subscribe page, the feeds and the current calendar period. axe-core and the Nu
validator then check these pages in German and Arabic.

Most checks run on tests/fixtures/event-pages (see its README), built here once with --today 2026-11-24.
Expected words come from the message catalogues, so the checks hold in every language.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import event_site
import pytest
import sitekit
import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton, get_month_names
from bs4 import BeautifulSoup, Tag
from dateutil.rrule import rrulestr

from netzwerk_i18n import load_catalogue
from netzwerk_site.vocabulary import EVENT_AUDIENCES, EVENT_CATEGORIES, EVENT_STATUS

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = str(ROOT / "theme" / "translations")
SHARED_FIXTURE_DATA = ROOT / "tests" / "fixtures" / "site" / "data"
BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date.fromisoformat(event_site.TODAY)
LANGS = ("de", "en", "ar")
PREFIX = {"de": "", "en": "en/", "ar": "ar/"}
SCHEMA = "https://schema.org/"
# Pages of the event-pages fixture with lists of upcoming events (folder under the language root).
UPCOMING_LISTS = ("", "events/", "events/filter/language/ar/", "working-groups/eltern/", "members/elternverein/")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    try:
        return event_site.event_site(tmp_path_factory.mktemp("event-site"))
    except event_site.BuildFailed as failure:
        pytest.fail(str(failure), pytrace=False)


# --- the data, read independently of the project's loader ------------------------------------


def record(data: Path, kind: str, record_id: str) -> dict:
    if kind == "events":
        (path,) = data.glob(f"events/*/{record_id}.yaml")
    else:
        path = data / kind / f"{record_id}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def network(data: Path = event_site.DATA) -> dict:
    return yaml.safe_load((data / "network.yaml").read_text(encoding="utf-8"))


def in_lang(value: str | dict, lang: str) -> str:
    """A translatable text as the page shows it: the language's text, else the German one."""
    return value if isinstance(value, str) else value.get(lang, value["de"])


def moment(value: str) -> datetime | date:
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


@dataclass(frozen=True)
class Date:
    """One date of an event as the data says it: where the rule put it, and what editors changed."""

    start: datetime
    end: datetime
    status: str
    rule_start: datetime
    venue: str | None
    moved: bool
    new_place: bool


def dates_of(event_id: str, data: Path = event_site.DATA) -> list[Date]:
    """Every date of a (timed) event or series: the rule expanded by dateutil, exceptions and changes applied."""
    event = record(data, "events", event_id)
    start, end = moment(event["start"]), moment(event["end"])
    status = event.get("status", "scheduled")
    if "recurrence" not in event:
        return [Date(start, end, status, start, event.get("venue"), False, False)]
    skipped = {moment(value) for value in event.get("exceptions", [])}
    changes = {moment(change["date"]): change for change in event.get("changed", [])}
    found = []
    for rule_start in rrulestr(event["recurrence"], dtstart=start):
        if rule_start in skipped:
            continue
        change = changes.get(rule_start, {})
        new_start = moment(change["start"]) if "start" in change else rule_start
        new_end = moment(change["end"]) if "end" in change else new_start + (end - start)
        venue = change.get("venue", event.get("venue"))
        found.append(
            Date(
                new_start,
                new_end,
                change.get("status", status),
                rule_start,
                venue,
                new_start != rule_start,
                venue != event.get("venue"),
            )
        )
    return found


def next_date(dates: list[Date]) -> Date:
    return next(d for d in dates if d.end.date() >= TODAY)


# --- the pages ---------------------------------------------------------------------------------


def html_file(site: Path, lang: str, folder: str) -> Path:
    path = site / PREFIX[lang] / folder / "index.html"
    assert path.is_file(), f"{path} was not written"
    return path


def read_page(site: Path, lang: str, folder: str) -> BeautifulSoup:
    return BeautifulSoup(html_file(site, lang, folder).read_text(encoding="utf-8"), "html.parser")


def resolve(source: Path, href: str) -> Path:
    """The file a relative link on the page `source` leads to."""
    assert not re.match(r"^[a-z]+:", href), f"{href} is not a relative link"
    target = (source.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


def words(node: Tag | None) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def _(lang: str, message: str) -> str:
    return load_catalogue(TRANSLATIONS, lang).gettext(message)


def fact(document: BeautifulSoup, label: str) -> Tag | None:
    """The <dd> after the <dt> that says `label` in the event's facts."""
    for term in document.select(".event-facts dt"):
        if words(term) == label:
            return term.find_next_sibling("dd")
    return None


def jsonld(document: BeautifulSoup) -> dict:
    scripts = document.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts"
    assert scripts[0].parent.name == "head"
    return json.loads(scripts[0].string)


def aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    assert value.utcoffset() is not None, f"{text} has no UTC offset"
    return value


def language_name(code: str, lang: str) -> str:
    return Locale.parse(code).get_display_name(lang)


def items(document: BeautifulSoup) -> list[tuple[str, str]]:
    """(event id, start) of each item of the page's event lists."""
    found = []
    for item in document.select(".event-item"):
        href = item.select_one(".event-title a")["href"]
        found.append((href.rstrip("/").rsplit("/", 1)[-1], item.time["datetime"]))
    return found


# --- schema.org JSON-LD --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_jsonld_of_an_event_field_by_field(site: Path, lang: str) -> None:
    event = record(event_site.DATA, "events", "infoabend")
    venue = record(event_site.DATA, "venues", event["venue"])
    website = network()["website"].rstrip("/")
    data = jsonld(read_page(site, lang, "events/infoabend/"))

    assert (data["@context"], data["@type"]) == ("https://schema.org", "Event")
    assert data["name"] == in_lang(event["title"], lang)
    assert data["url"] == f"{website}/{PREFIX[lang]}events/infoabend/"
    assert aware(data["startDate"]) == moment(event["start"]).replace(tzinfo=BERLIN)
    assert aware(data["endDate"]) == moment(event["end"]).replace(tzinfo=BERLIN)
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"  # the hall and online
    place, online = data["location"]
    assert place["@type"] == "Place" and place["name"] == in_lang(venue["name"], lang)
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": venue["street"],
        "postalCode": venue["postcode"],
        "addressLocality": venue["city"],
    }
    assert place["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": venue["geo"]["lat"],
        "longitude": venue["geo"]["lon"],
    }
    assert online == {"@type": "VirtualLocation", "url": event["online"]}
    organisers = [record(event_site.DATA, "members", member_id) for member_id in event["organisers"]]
    assert [o["name"] for o in data["organizer"]] == [member["name"] for member in organisers]
    assert all(o["@type"] == "Organization" for o in data["organizer"])
    expected_urls = [
        member.get("website") or f"{website}/{PREFIX[lang]}members/{member_id}/"
        for member_id, member in zip(event["organisers"], organisers, strict=True)
    ]
    assert [o["url"] for o in data["organizer"]] == expected_urls
    assert data["inLanguage"] == event["languages"]
    description = data["description"]
    assert "nach der Ankunft" in description or "after arriving" in description
    assert "**" not in description and "<" not in description  # plain text, not Markdown or HTML


def test_jsonld_of_a_series_leads_with_its_next_date(site: Path, fixture_site: Path) -> None:
    expected = next_date(dates_of("elterncafe"))
    data = jsonld(read_page(site, "de", "events/elterncafe/"))
    assert aware(data["startDate"]) == expected.start.replace(tzinfo=BERLIN)
    assert data["eventStatus"] == SCHEMA + "EventScheduled" and "previousStartDate" not in data
    # In the shared fixture the next date of the Sprachcafé was moved: schema.org says so.
    moved = next_date(dates_of("sprachcafe", SHARED_FIXTURE_DATA))
    assert moved.moved
    data = jsonld(read_page(fixture_site, "en", "events/sprachcafe/"))
    assert aware(data["startDate"]) == moved.start.replace(tzinfo=BERLIN)
    assert aware(data["previousStartDate"]) == moved.rule_start.replace(tzinfo=BERLIN)
    assert data["eventStatus"] == SCHEMA + "EventRescheduled"
    assert data["location"]["name"] == record(SHARED_FIXTURE_DATA, "venues", moved.venue)["name"]


def test_jsonld_of_an_online_event_of_the_network(site: Path) -> None:
    event = record(event_site.DATA, "events", "fachaustausch")
    for lang in LANGS:
        data = jsonld(read_page(site, lang, "events/fachaustausch/"))
        assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
        assert data["location"] == {"@type": "VirtualLocation", "url": event["online"]}
        website = network()["website"].rstrip("/")
        name = in_lang(network()["name"], lang)
        assert data["organizer"] == [{"@type": "Organization", "name": name, "url": f"{website}/{PREFIX[lang]}"}]


def test_jsonld_cannot_break_out_of_its_script_element(site: Path) -> None:
    event = record(event_site.DATA, "events", "zeichen")
    path = html_file(site, "de", "events/zeichen/")
    raw = path.read_text(encoding="utf-8")
    document = BeautifulSoup(raw, "html.parser")
    script = document.select_one('script[type="application/ld+json"]').string
    assert not set("<>&") & set(script), "markup characters inside the JSON-LD"
    data = json.loads(script)
    assert data["name"] == event["title"] and data["location"]["name"] == event["location"]
    assert data["eventStatus"] == SCHEMA + "EventCancelled"
    assert "<script" not in data["description"]
    # The page has exactly its two scripts: the data block and the site's script.
    assert [
        s.get("type") or s.get("src", "").split("?")[0].rsplit("/", 1)[-1] for s in document.find_all("script")
    ] == [
        "application/ld+json",
        "site.js",
    ]
    assert raw.count("</script>") == 2


@pytest.mark.parametrize("which", ["event", "fixture"])
def test_every_event_page_has_its_jsonld(site: Path, fixture_site: Path, which: str) -> None:
    root = site if which == "event" else fixture_site
    data_folder = event_site.DATA if which == "event" else SHARED_FIXTURE_DATA
    for path in sorted(data_folder.glob("events/*/*.yaml")):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang in LANGS:
            document = read_page(root, lang, f"events/{path.stem}/")
            data = jsonld(document)
            assert data["@type"] == "Event" and data["name"] == in_lang(event["title"], lang)
            start = datetime.fromisoformat(data["startDate"]) if "T" in data["startDate"] else None
            assert start is None or start.utcoffset() is not None
            status = event.get("status", "scheduled")
            if status != "scheduled":
                assert data["eventStatus"] == SCHEMA + {"cancelled": "EventCancelled"}.get(status, "EventPostponed")


# --- the event page --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_adds_to_calendar_and_points_to_subscribing(site: Path, lang: str) -> None:
    for event_id in ("infoabend", "elterncafe"):
        source = html_file(site, lang, f"events/{event_id}/")
        document = read_page(site, lang, f"events/{event_id}/")
        add = document.select_one(".event-actions a[type='text/calendar']")
        assert resolve(source, add["href"]) == (site / PREFIX[lang] / "calendar" / "events" / f"{event_id}.ics")
        assert resolve(source, add["href"]).is_file(), "the event's calendar file is missing"
        assert words(add) == _(lang, "Add to calendar")
        links = document.select("main a[href]:not([href^='http'])")
        subscribe = [a for a in links if resolve(source, a["href"]).parent.name == "subscribe"]
        assert subscribe and resolve(source, subscribe[0]["href"]) == site / PREFIX[lang] / "subscribe" / "index.html"


@pytest.mark.parametrize("lang", LANGS)
def test_series_leads_with_its_next_date_and_lists_every_date_with_its_changes(site: Path, lang: str) -> None:
    dates = dates_of("elterncafe")
    document = read_page(site, lang, "events/elterncafe/")
    upcoming = next_date(dates)
    lead = document.select_one("main .next-date")
    assert lead.time["datetime"] == upcoming.start.isoformat()
    assert lead.find_previous("h1") is not None and not lead.find_previous("dl"), "the next date leads the page"
    rows = document.select(".date-list li")
    assert [row.time["datetime"] for row in rows] == [d.start.isoformat() for d in dates]
    for row, when in zip(rows, dates, strict=True):
        text = words(row)
        classes = row.get("class", [])
        assert ("is-next" in classes) == (when == upcoming)
        assert (_(lang, "next date") in text) == (when == upcoming)
        assert ("is-past" in classes) == (when.end.date() < TODAY) == (f"({_(lang, 'past')})" in text)
        # The same local time on every date, before and after the change to summer time.
        assert f"{when.start:%H:%M}" in text and f"{when.end:%H:%M}" in text
        if when.status == "cancelled":
            assert "is-cancelled" in classes and _(lang, EVENT_STATUS["cancelled"]) in text
        if when.moved:
            assert _(lang, "Moved") in text
            assert format_skeleton("yMMMEd", when.rule_start, locale=lang) in text, "the original day is named"
        if when.new_place:
            assert _(lang, "Changed") in text
            place = record(event_site.DATA, "venues", when.venue)["name"]
            assert _(lang, "new place: %(place)s") % {"place": in_lang(place, lang)} in text
        if not (when.moved or when.new_place):
            assert row.select_one(".date-note") is None


def test_map_link_goes_to_openstreetmap_only_when_the_venue_has_geo(site: Path) -> None:
    event = record(event_site.DATA, "events", "infoabend")
    geo = record(event_site.DATA, "venues", event["venue"])["geo"]
    for lang in LANGS:
        link = read_page(site, lang, "events/infoabend/").select_one("a.map-link")
        parts = urlsplit(link["href"])
        assert (parts.scheme, parts.hostname, parts.path) == ("https", "www.openstreetmap.org", "/")
        query = parse_qs(parts.query)
        assert (float(query["mlat"][0]), float(query["mlon"][0])) == (geo["lat"], geo["lon"])
        zoom, lat, lon = parts.fragment.removeprefix("map=").split("/")
        assert (int(zoom), float(lat), float(lon)) == (17, geo["lat"], geo["lon"])
        assert words(link) == _(lang, "Show on OpenStreetMap")
    without_geo = read_page(site, "de", "events/herbsttreffen/")  # at a venue without geo
    assert without_geo.select_one("a.map-link") is None
    # A link, nothing embedded: no element of an event page loads anything from another host.
    for path in (site / "events").glob("*/index.html"):
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not document.select("iframe, object, embed")
        assert all(not re.match(r"^[a-z]+:", node["src"]) for node in document.select("[src]"))


@pytest.mark.parametrize("lang", LANGS)
def test_languages_audience_and_registration(site: Path, lang: str) -> None:
    event = record(event_site.DATA, "events", "infoabend")
    document = read_page(site, lang, "events/infoabend/")
    spoken = words(fact(document, _(lang, "Languages")))
    assert all(language_name(code, lang) in spoken for code in event["languages"])
    audience = words(fact(document, _(lang, "For whom")))
    assert all(_(lang, EVENT_AUDIENCES[value]) in audience for value in event["audience"])
    registration = fact(document, _(lang, "Registration"))
    assert _(lang, "Registration required") in words(registration)
    assert registration.select_one("a.register-link")["href"] == event["registration"]["url"]
    deadline = date.fromisoformat(event["registration"]["deadline"])
    assert format_date(deadline, "long", locale=lang) in words(registration)
    no_registration = read_page(site, lang, "events/elterncafe/")
    assert words(fact(no_registration, _(lang, "Registration"))) == _(lang, "No registration needed")
    assert fact(read_page(site, lang, "events/fachaustausch/"), _(lang, "For whom")) is not None


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_an_untranslated_title_says_so_and_the_languages_are_shown_apart(site: Path, lang: str) -> None:
    event = record(event_site.DATA, "events", "fachaustausch")  # a German title only
    document = read_page(site, lang, "events/fachaustausch/")
    original = document.select_one("h1 [lang=de]")
    assert original is not None and words(original) == event["title"]
    mark = words(document.select_one("h1 .fallback-mark"))
    assert mark == f"({_(lang, 'not translated')})"
    assert language_name("de", lang) not in words(document.h1), "the marker reads as the event's language"
    assert words(fact(document, _(lang, "Languages"))) == language_name("de", lang)
    listing = read_page(site, lang, "events/")
    item = next(i for i in listing.select(".event-item") if "fachaustausch" in i.select_one("a")["href"])
    assert words(item.select_one(".fallback-mark")) == mark
    assert language_name("de", lang) in words(item.select_one(".event-languages"))


# --- lists -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_lists_show_languages_and_changed_dates_in_words(site: Path, lang: str) -> None:
    moved = {(d.start.isoformat(), d.moved, d.new_place) for d in dates_of("elterncafe") if d.moved or d.new_place}
    seen_changes = set()
    for folder in (*UPCOMING_LISTS, "events/archive/2026/"):
        for item in read_page(site, lang, folder).select(".event-item"):
            event_id = item.select_one(".event-title a")["href"].rstrip("/").rsplit("/", 1)[-1]
            event = record(event_site.DATA, "events", event_id)
            shown = words(item.select_one(".event-languages"))
            assert all(language_name(code, lang) in shown for code in event.get("languages", []))
            change = words(item.select_one(".event-change"))
            start = item.time["datetime"]
            expected = next(((m, p) for s, m, p in moved if s == start and event_id == "elterncafe"), None)
            if expected is None:
                assert not change, f"{folder}: {start} is not changed"
                continue
            seen_changes.add(start)
            assert (_(lang, "Moved") in change) == expected[0]
            assert (_(lang, "Changed") in change) == (expected[1] and not expected[0])
    assert seen_changes == {start for start, _m, _p in moved}, "every changed date is listed somewhere"


@pytest.mark.parametrize("lang", LANGS)
def test_repeated_link_texts_carry_their_date(site: Path, lang: str) -> None:
    for folder in (*UPCOMING_LISTS, "events/archive/2026/"):
        document = read_page(site, lang, folder)
        links = [(item, item.select_one(".event-title a")) for item in document.select(".event-item")]
        texts = [words(link) for _item, link in links]
        assert len(set(texts)) == len(texts), f"{folder}: the same link text twice: {texts}"
        for item, link in links:
            day = date.fromisoformat(item.time["datetime"][:10])
            assert format_date(day, "long", locale=lang) in words(link.select_one(".visually-hidden"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_list_of_upcoming_events_says_as_of_and_carries_end_dates(site: Path, lang: str) -> None:
    expected = _(lang, "As of %(date)s") % {"date": format_date(TODAY, "long", locale=lang)}
    for folder in UPCOMING_LISTS:
        document = read_page(site, lang, folder)
        notes = document.select(".as-of")
        assert len(notes) == 1, f"{folder}: {len(notes)} 'as of' notes"
        assert notes[0]["data-as-of"] == TODAY.isoformat() and notes[0]["data-timezone"] == network()["timezone"]
        assert words(notes[0]) == expected and notes[0].time["datetime"] == TODAY.isoformat()
        listed = document.select(".event-item:not([aria-labelledby='past-meetings'] .event-item)")
        assert listed, f"{folder}: no upcoming events"
        for item in listed:
            start = item.time["datetime"][:10]
            assert item["data-end"] >= max(start, TODAY.isoformat()), f"{folder}: {item['data-end']}"
    archive = read_page(site, lang, "events/archive/2026/")
    assert not archive.select(".as-of") and not archive.select(".event-item[data-end]")


def test_lists_mark_cancelled_dates_in_words(site: Path) -> None:
    for lang in LANGS:
        for item in read_page(site, lang, "events/").select(".event-item.is-cancelled"):
            assert _(lang, EVENT_STATUS["cancelled"]) in words(item.select_one(".event-title"))


# --- the events filters (no JavaScript) --------------------------------------------------------


def facet_values(event: dict) -> dict[str, list[str]]:
    return {
        "category": [event["category"]],
        "language": event.get("languages", []),
        "audience": event.get("audience", []),
    }


def test_events_filters_work_without_javascript(site: Path) -> None:
    source = html_file(site, "de", "events/")
    listing = read_page(site, "de", "events/")
    everything = items(listing)
    groups = {group["data-facet"]: group for group in listing.select(".filter-group[data-facet]")}
    assert set(groups) == {"category", "language", "audience"}
    for facet, group in groups.items():
        links = group.select("a[data-value]")
        assert links
        for link in links:
            value = link["data-value"]
            target = resolve(source, link["href"])
            assert target == site / "events" / "filter" / facet / value / "index.html"
            filtered = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            wanted = [
                (eid, start)
                for eid, start in everything
                if value in facet_values(record(event_site.DATA, "events", eid))[facet]
            ]
            assert items(filtered) == wanted, f"{facet}={value}"
            assert f"({len(wanted)})" in words(link)
            current = filtered.select(".filter-group a[aria-current='page']")
            assert [a["data-value"] for a in current] == [value]
            label = words(link).rsplit(" (", 1)[0]
            assert label in words(filtered.h1)
            back = [a for a in filtered.select("main a") if resolve(target, a["href"]) == source]
            assert back, "no way back to all events"
    labels = {facet: [words(a).rsplit(" (", 1)[0] for a in g.select("a")] for facet, g in groups.items()}
    assert _("de", EVENT_CATEGORIES["network-cafe"]) in labels["category"]
    assert language_name("uk", "de") in labels["language"]
    assert _("de", EVENT_AUDIENCES["newcomers"]) in labels["audience"]


def test_a_category_page_offers_its_calendar(site: Path) -> None:
    for lang in LANGS:
        source = html_file(site, lang, "events/filter/category/network-cafe/")
        document = read_page(site, lang, "events/filter/category/network-cafe/")
        feed = site / PREFIX[lang] / "calendar" / "categories" / "network-cafe.ics"
        links = document.select(".calendar-links a[type='text/calendar']")
        assert [resolve(source, a["href"]) for a in links] == [feed]
        assert feed in [resolve(source, link["href"]) for link in document.select("head link[type='text/calendar']")]


# --- pointers to subscribing and the current calendar ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_pages_point_to_subscribing_the_feeds_and_the_current_period(site: Path, lang: str) -> None:
    subscribe = site / PREFIX[lang] / "subscribe" / "index.html"
    period = site / PREFIX[lang] / "events" / "calendar" / f"{TODAY:%Y}-11" / "index.html"  # November–December
    months = get_month_names("wide", context="stand-alone", locale=lang)
    for folder in ("", "events/", "working-groups/eltern/", "events/elterncafe/"):
        source = html_file(site, lang, folder)
        links = read_page(site, lang, folder).select("main a[href]:not([href^='http'])")
        targets = {resolve(source, a["href"]): words(a) for a in links}
        assert subscribe in targets, f"{folder or 'home'} does not link the subscribe page"
        if folder in ("", "events/"):
            assert period in targets, f"{folder or 'home'} does not link the current period"
            assert months[11] in targets[period] and months[12] in targets[period]
    group = html_file(site, lang, "working-groups/eltern/")
    feeds = [resolve(group, a["href"]) for a in read_page(site, lang, "working-groups/eltern/").select("main a[type]")]
    assert site / PREFIX[lang] / "calendar" / "groups" / "eltern.ics" in feeds


# --- times ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_times_are_on_the_24_hour_clock(site: Path, fixture_site: Path, lang: str) -> None:
    checked = 0
    for root in (site, fixture_site):
        for folder in ("", "events/", "events/sprachcafe/", "events/elterncafe/", "events/archive/2026/"):
            if not (root / PREFIX[lang] / folder / "index.html").is_file():
                continue
            for node in read_page(root, lang, folder).select("main time[datetime*='T']"):
                start = datetime.fromisoformat(node["datetime"])
                text = words(node)
                assert f"{start:%H:%M}" in text, f"{folder}: {text!r} does not say {start:%H:%M}"
                assert not re.search(r"\b[AP]M\b|\d\s*[صم](?:\s|$)", text), f"12-hour clock in {text!r}"
                checked += 1
    assert checked > 20


# --- independent checkers on these pages ---------------------------------------------------------

AXE_PAGES = [
    "",
    "events/",
    "events/filter/audience/newcomers/",
    "events/elterncafe/",
    "events/infoabend/",
    "events/zeichen/",
    "events/archive/2026/",
    "working-groups/eltern/",
]


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize("folder", AXE_PAGES)
def test_axe_finds_no_violations(site: Path, serve_site, page, axe_script: Path, lang: str, folder: str) -> None:
    response = page.goto(serve_site(site) + "/" + PREFIX[lang] + folder)
    assert response is not None and response.ok
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            const where = (v) => JSON.stringify(v.nodes[0].target);
            return {passes: r.passes.length, violations: r.violations.map(v => `${v.id}: ${v.help} ${where(v)}`)};
        }""",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    )
    assert result["passes"] > 0
    assert not result["violations"], result["violations"]


def test_nu_validator_accepts_every_page(site: Path, java: str, vnu_jar: Path) -> None:
    done = subprocess.run(
        [
            java,
            "-jar",
            str(vnu_jar),
            "--skip-non-html",
            "--errors-only",
            "--also-check-css",
            "--format",
            "json",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    messages = [m for m in json.loads(done.stderr).get("messages", []) if m.get("type") != "info"]
    shown = [f"{m.get('url', '?').rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in messages]
    assert not messages, "\n".join(shown[:30])


def test_the_site_has_every_page_type(site: Path) -> None:
    # The axe and Nu checks above only mean something if the fixture has the pages they look at.
    for lang in ("de", "ar"):
        for page_type in ("home", "events", "event", "working-group", "member"):
            assert sitekit.find_page(site, lang, page_type) is not None, (lang, page_type)

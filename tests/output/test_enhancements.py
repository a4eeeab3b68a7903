"""The small script, in Chromium: e-mail links appear for people, the member and event filters combine
in place (and keep the choice in the address), and events that have ended since the page was built
disappear on the reader's device. Every page works without the script (checked last)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import event_site
import pytest
import sitekit
from bs4 import BeautifulSoup

BERLIN = ZoneInfo("Europe/Berlin")
VISIBLE_ITEMS = """nodes => nodes.filter(n => n.offsetParent !== null)
    .map(n => [n.querySelector('.event-title a').getAttribute('href').split('/').filter(Boolean).pop(),
               n.querySelector('time').getAttribute('datetime')])"""


@pytest.fixture(scope="module")
def event_pages(tmp_path_factory) -> Path:
    """tests/fixtures/event-pages, built with --today 2026-11-24 (see tests/tools/event_site.py)."""
    try:
        return event_site.event_site(tmp_path_factory.mktemp("event-site"))
    except event_site.BuildFailed as failure:
        pytest.fail(str(failure), pytrace=False)


@contextlib.contextmanager
def reader(browser, now: datetime | None = None, javascript: bool = True, timezone: str = "UTC") -> Iterator:
    """A page as a reader's browser shows it: its own clock (`now`) and time zone, maybe no script."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="de-DE", timezone_id=timezone, java_script_enabled=javascript
    )
    sitekit.block_non_local(context)
    tab = context.new_page()
    if now is not None:
        tab.clock.set_fixed_time(now)
    try:
        yield tab
    finally:
        context.close()


def static_items(site: Path, folder: str) -> list[tuple[str, str]]:
    """(event id, start) of every event item in the page as built."""
    document = BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [
        (item.select_one(".event-title a")["href"].rstrip("/").rsplit("/", 1)[-1], item.time["datetime"])
        for item in document.select(".event-item")
    ]


def shown_items(tab) -> list[tuple[str, str]]:
    return [tuple(pair) for pair in tab.locator(".event-item").evaluate_all(VISIBLE_ITEMS)]


# --- e-mail addresses ------------------------------------------------------------------------


def test_protected_addresses_become_mail_links(fixture_site: Path, serve_site, page) -> None:
    page.goto(serve_site(fixture_site) + "/members/koordination/")
    links = page.locator("main a[href^='mailto:']")
    assert sorted(links.evaluate_all("nodes => nodes.map(n => n.getAttribute('href'))")) == [
        "mailto:erika@koordination.example",
        "mailto:info@koordination.example",
    ]
    assert page.locator("main .email").count() == 0


# --- filters ---------------------------------------------------------------------------------


def test_member_filters_combine_without_reloading(fixture_site: Path, serve_site, page) -> None:
    page.goto(serve_site(fixture_site) + "/members/")
    cards = page.locator(".member-card")
    visible = "nodes => nodes.filter(n => !n.hidden).map(n => n.querySelector('h3').textContent.trim())"
    assert len(cards.evaluate_all(visible)) == 3
    page.select_option("#filter-language", "ar")
    assert cards.evaluate_all(visible) == ["Sprachschule Anger", "Syrischer Kulturverein"]
    page.select_option("#filter-group", "sprache")
    assert cards.evaluate_all(visible) == ["Sprachschule Anger"]
    assert page.locator(".filter-status").text_content() == "1 von 3 Mitgliedern angezeigt"
    page.select_option("#filter-language", "")
    assert cards.evaluate_all(visible) == ["Koordinationsstelle e. V.", "Sprachschule Anger"]
    label = page.locator("label[for='filter-language']").text_content()
    assert label == "Nach Sprache"


def test_member_filters_keep_the_choice_in_the_address(fixture_site: Path, serve_site, page) -> None:
    base = serve_site(fixture_site) + "/members/"
    page.goto(base)
    page.select_option("#filter-language", "ar")
    page.select_option("#filter-group", "sprache")
    assert parse_qs(urlsplit(page.url).query) == {"language": ["ar"], "group": ["sprache"]}
    page.select_option("#filter-group", "")
    assert parse_qs(urlsplit(page.url).query) == {"language": ["ar"]}
    # A shared address opens the same view.
    page.goto(base + "?group=sprache&language=ar")
    assert page.locator("#filter-language").input_value() == "ar"
    visible = "nodes => nodes.filter(n => !n.hidden).map(n => n.querySelector('h3').textContent.trim())"
    assert page.locator(".member-card").evaluate_all(visible) == ["Sprachschule Anger"]


def test_event_filters_combine_in_place_like_the_filter_pages(event_pages: Path, serve_site, browser) -> None:
    choice = {"category": "network-cafe", "language": "ar", "audience": "newcomers"}
    # What the pages without script list, one filter at a time: the combination is what all three list.
    expected = set(static_items(event_pages, "events"))
    for facet, value in choice.items():
        expected &= set(static_items(event_pages, f"events/filter/{facet}/{value}"))
    assert expected, "the fixture should have events that match all three filters"
    total = len(static_items(event_pages, "events"))

    with reader(browser, datetime(2026, 11, 24, 12, tzinfo=BERLIN)) as tab:
        tab.goto(serve_site(event_pages) + "/events/")
        for facet, value in choice.items():
            tab.select_option(f"#filter-{facet}", value)
        assert set(shown_items(tab)) == expected
        template = tab.locator(".filter-status").get_attribute("data-template")
        assert tab.locator(".filter-status").text_content() == template.format(shown=len(expected), total=total)
        assert {k: v[0] for k, v in parse_qs(urlsplit(tab.url).query).items()} == choice
        # A month without a shown event loses its heading too.
        months = tab.locator(".month-heading").evaluate_all(
            """nodes => nodes.map(n => [n.querySelector('time').getAttribute('datetime'), !n.hidden])"""
        )
        shown_months = {start[:7] for _event, start in expected}
        assert [(month, visible) for month, visible in months] == [(m, m in shown_months) for m, _v in months]
        # The same address in a new tab shows the same view.
        shared = tab.url
    with reader(browser, datetime(2026, 11, 24, 12, tzinfo=BERLIN)) as tab:
        tab.goto(shared)
        assert {facet: tab.locator(f"#filter-{facet}").input_value() for facet in choice} == choice
        assert set(shown_items(tab)) == expected


def test_a_filter_page_has_no_combined_filters(event_pages: Path, serve_site, page) -> None:
    page.goto(serve_site(event_pages) + "/events/filter/language/ar/")
    assert page.locator(".filter-form select").count() == 0
    assert page.locator(".filters").get_attribute("open") is None  # closed: the list comes first


# --- never stale -------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["events", "", "working-groups/eltern", "events/filter/category/network-cafe"])
def test_events_that_ended_since_the_build_disappear(event_pages: Path, serve_site, browser, folder: str) -> None:
    later = date(2027, 1, 10)
    built = static_items(event_pages, folder)
    past_meetings = set(static_items(event_pages, folder)) - set(upcoming_items(event_pages, folder))
    expected = [(eid, start) for eid, start in upcoming_items(event_pages, folder) if start[:10] >= later.isoformat()]
    assert len(expected) < len(built) - len(past_meetings), "the fixture should have events before that day"
    with reader(browser, datetime(2027, 1, 10, 9, tzinfo=BERLIN)) as tab:
        tab.goto(serve_site(event_pages) + "/" + (folder + "/" if folder else ""))
        shown = [item for item in shown_items(tab) if item not in past_meetings]
        assert shown == expected
        note = tab.locator(".as-of").first
        assert note.text_content().endswith(note.get_attribute("data-stale-note"))
        if folder == "events":
            headings = tab.locator(".month-heading:not([hidden]) time").evaluate_all(
                "nodes => nodes.map(n => n.getAttribute('datetime'))"
            )
            assert headings == sorted({start[:7] for _eid, start in expected})
            tab.select_option("#filter-category", "network-cafe")
            template = tab.locator(".filter-status").get_attribute("data-template")
            cafes = [item for item in expected if item[0] == "elterncafe"]
            assert tab.locator(".filter-status").text_content() == template.format(
                shown=len(cafes), total=len(expected)
            )


def upcoming_items(site: Path, folder: str) -> list[tuple[str, str]]:
    """The items of the page's upcoming lists (a group page also lists its past meetings)."""
    document = BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [
        (item.select_one(".event-title a")["href"].rstrip("/").rsplit("/", 1)[-1], item.time["datetime"])
        for item in document.select(".event-item[data-end]")
    ]


def test_the_days_end_is_the_networks_midnight(event_pages: Path, serve_site, browser) -> None:
    # 23:30 UTC on 3 December is already 4 December in Erfurt: the café of 3 December is over.
    december_third = [item for item in upcoming_items(event_pages, "events") if item[1].startswith("2026-12-03")]
    assert december_third
    with reader(browser, datetime(2026, 12, 3, 23, 30, tzinfo=UTC), timezone="UTC") as tab:
        tab.goto(serve_site(event_pages) + "/events/")
        shown = shown_items(tab)
        assert not set(december_third) & set(shown)
        assert len(shown) == len(upcoming_items(event_pages, "events")) - len(december_third)
    with reader(browser, datetime(2026, 12, 3, 22, 30, tzinfo=UTC), timezone="UTC") as tab:  # 23:30 in Erfurt
        tab.goto(serve_site(event_pages) + "/events/")
        assert set(december_third) <= set(shown_items(tab))


def test_an_event_page_moves_on_to_its_next_date(event_pages: Path, serve_site, browser) -> None:
    document = BeautifulSoup((event_pages / "events/elterncafe/index.html").read_text(encoding="utf-8"), "html.parser")
    dates = [row.time["datetime"] for row in document.select(".date-list li")]
    built_next = document.select_one(".next-date time")["datetime"]
    later = date.fromisoformat(built_next[:10]) + timedelta(days=2)
    following = next(start for start in dates if start[:10] >= later.isoformat())
    with reader(browser, datetime.combine(later, datetime.min.time(), BERLIN).replace(hour=10)) as tab:
        tab.goto(serve_site(event_pages) + "/events/elterncafe/")
        assert tab.locator(".next-date time").get_attribute("datetime") == following
        assert tab.locator(".next-date").is_visible()
        rows = tab.locator(".date-list li")
        past_label = tab.locator(".date-list").get_attribute("data-past-label")
        for index, start in enumerate(dates):
            row = rows.nth(index)
            is_past = start[:10] < later.isoformat()
            assert ("is-past" in (row.get_attribute("class") or "")) == is_past, start
            assert (f"({past_label})" in row.text_content()) == is_past, start
            assert (row.locator(".next-mark").count() == 1) == (start == following), start
    # After the last date, the page no longer announces a next one.
    with reader(browser, datetime(2027, 12, 1, 10, tzinfo=BERLIN)) as tab:
        tab.goto(serve_site(event_pages) + "/events/elterncafe/")
        assert not tab.locator(".next-date").is_visible()
        assert tab.locator(".date-list li:not(.is-past)").count() == 0


def test_nothing_moves_on_the_day_the_page_was_built(event_pages: Path, serve_site, browser) -> None:
    with reader(browser, datetime(2026, 11, 24, 22, tzinfo=BERLIN)) as tab:
        tab.goto(serve_site(event_pages) + "/events/")
        assert shown_items(tab) == static_items(event_pages, "events")
        note = tab.locator(".as-of")
        assert note.get_attribute("data-stale-note") not in note.text_content()


def test_pages_are_complete_without_the_script(event_pages: Path, serve_site, browser) -> None:
    with reader(browser, datetime(2027, 6, 1, 10, tzinfo=BERLIN), javascript=False) as tab:
        tab.goto(serve_site(event_pages) + "/events/")
        assert shown_items(tab) == static_items(event_pages, "events")
        assert tab.locator(".filter-group a[data-value]").count() > 0  # the filter pages are the way to filter
        assert tab.locator(".filter-form").count() == 0

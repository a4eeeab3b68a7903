"""End-to-end: the fixture site's pages say what its data says (checked with BeautifulSoup)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def soup(site: Path, page: str) -> BeautifulSoup:
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    assert path.is_file(), f"{path} was not written"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def texts(document: BeautifulSoup, selector: str) -> list[str]:
    return [" ".join(node.get_text(" ").split()) for node in document.select(selector)]


def test_every_page_exists_in_every_language(fixture_site: Path) -> None:
    german = {p.relative_to(fixture_site) for p in fixture_site.rglob("index.html") if p.parts[-2:-1] != ()}
    german = {p for p in german if p.parts[0] not in ("en", "ar")}
    for lang in ("en", "ar"):
        other = {p.relative_to(fixture_site / lang) for p in (fixture_site / lang).rglob("index.html")}
        assert other == german, f"{lang}: missing {sorted(map(str, german - other))[:5]}"


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"), [("", "de", "ltr"), ("en/", "en", "ltr"), ("ar/", "ar", "rtl")]
)
def test_language_attributes_switcher_and_alternates(
    fixture_site: Path, prefix: str, lang: str, direction: str
) -> None:
    page = soup(fixture_site, f"{prefix}members/sprachschule")
    assert page.html["lang"] == lang and page.html["dir"] == direction
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert set(alternates) == {"de", "en", "ar", "x-default"}
    assert alternates["x-default"] == alternates["de"], "the default for other languages is the German page"
    # Absolute addresses (search engines ignore relative ones), under the public address the
    # homepage names as its canonical address.
    base = soup(fixture_site, "").find("link", rel="canonical")["href"]
    for other, href in alternates.items():
        assert href.startswith(base), f"{other} alternate {href} is not under the public address {base}"
        target = fixture_site / href[len(base) :]
        expected = fixture_site / ("" if other in ("de", "x-default") else other) / "members" / "sprachschule"
        assert target.resolve() == expected.resolve(), f"{other} alternate {href} leads to {target}"
    switcher = page.select(".lang-switch a[hreflang]")
    assert {a["hreflang"] for a in switcher} == {"de", "en", "ar"} - {lang}
    assert page.select_one(".lang-switch [aria-current=page]")["lang"] == lang


def test_current_members_listed_and_former_kept_out(fixture_site: Path) -> None:
    listing = soup(fixture_site, "members")
    names = texts(listing, ".member-list h3")
    assert names == sorted(["Koordinationsstelle e. V.", "Sprachschule Anger", "Syrischer Kulturverein"])
    former = soup(fixture_site, "members/ehemalig")
    assert "no longer a member" in former.get_text() or "nicht mehr Mitglied" in former.get_text()


def test_member_filters_work_without_javascript(fixture_site: Path) -> None:
    by_language = soup(fixture_site, "members/filter/language/ar")
    assert texts(by_language, ".member-list h3") == ["Sprachschule Anger", "Syrischer Kulturverein"]
    by_group = soup(fixture_site, "members/filter/group/sprache")
    assert texts(by_group, ".member-list h3") == ["Koordinationsstelle e. V.", "Sprachschule Anger"]
    listing = soup(fixture_site, "members")
    facet_links = {a["href"] for a in listing.select(".filter-group a")}
    for wanted in ("members/filter/type/education/", "members/filter/offer/language-course/"):
        assert any(link.endswith(wanted) for link in facet_links), wanted


def test_contact_person_only_when_public_and_no_harvestable_email(fixture_site: Path) -> None:
    public = soup(fixture_site, "members/koordination").get_text(" ")
    assert "Erika Muster" in public
    private = soup(fixture_site, "members/sprachschule")
    assert "Geheim Person" not in private.get_text(" ")
    for html_file in fixture_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "mailto:" not in text, html_file
        visible = BeautifulSoup(text, "html.parser").get_text(" ")
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", visible), f"plain e-mail address in {html_file}"
    logo = soup(fixture_site, "members/koordination").select_one("img.member-logo")
    assert logo["alt"] and (fixture_site / "members" / "koordination" / logo["src"]).resolve().is_file()
    shown = texts(soup(fixture_site, "members/koordination"), ".email")
    assert "erika [at] koordination.example" in shown


def test_editor_markup_is_sanitised(fixture_site: Path) -> None:
    event = soup(fixture_site, "events/netzwerktreffen-dezember")
    assert event.select_one(".prose strong").get_text() == "Netzwerkcafé"
    assert not event.select("script:not([src]):not([type='application/ld+json'])"), "inline script survived"
    hrefs = [a.get("href", "") for a in event.select(".prose a")]
    assert "https://ok.example/" in hrefs
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    about = soup(fixture_site, "about")
    assert not about.select("main script"), "script from a Markdown page survived"


def test_translation_fallback_is_marked_in_the_readers_language(fixture_site: Path) -> None:
    english = soup(fixture_site, "en/events/sprachcafe")  # title only in German
    title = english.select_one("h1 [lang=de]")
    assert title is not None and title.get_text() == "Sprachcafé"
    assert english.select_one("h1 .fallback-mark").get_text().strip() == "(not translated)"
    arabic_page = soup(fixture_site, "ar/about")  # no Arabic translation of the page
    assert arabic_page.select_one(".fallback-note") is not None
    assert arabic_page.select_one(".prose")["lang"] == "de"
    translated = soup(fixture_site, "en/about")
    assert translated.select_one(".fallback-note") is None
    assert translated.h1.get_text() == "About us"


def test_dates_are_formatted_per_language(fixture_site: Path) -> None:
    de = texts(soup(fixture_site, "events/netzwerktreffen-dezember"), ".event-facts time")[0]
    en = texts(soup(fixture_site, "en/events/netzwerktreffen-dezember"), ".event-facts time")[0]
    ar = texts(soup(fixture_site, "ar/events/netzwerktreffen-dezember"), ".event-facts time")[0]
    assert "Mittwoch, 2. Dezember 2026" in de and "14:00" in de
    assert "Wednesday, December 2, 2026" in en
    assert "ديسمبر" in ar


def test_upcoming_and_past_events_split_on_the_given_day(fixture_site: Path) -> None:
    events = soup(fixture_site, "events")
    upcoming = texts(events, "#upcoming ~ .event-list .event-title")
    assert texts(events, ".month-heading")[:2] == ["Dezember 2026", "Januar 2027"]
    assert any("Netzwerktreffen Dezember" in t for t in upcoming)
    assert not any("Treffen AG Sprache" in t for t in upcoming)  # 2026-10-15, before 2026-11-24
    past = texts(soup(fixture_site, "events/archive/2026"), ".event-title")
    assert any("Treffen AG Sprache" in t for t in past)
    cancelled = [t for t in upcoming if "Fachtag Gesundheit" in t]
    assert cancelled and ("Cancelled" in cancelled[0] or "Abgesagt" in cancelled[0])


def test_recurring_series_shows_exceptions_and_changes(fixture_site: Path) -> None:
    series = soup(fixture_site, "events/sprachcafe")
    dates = [li.time["datetime"] for li in series.select(".date-list li")]
    assert dates == [
        "2026-09-08T16:00:00",
        "2026-10-13T16:00:00",
        "2026-11-10T16:00:00",
        "2027-01-12T17:00:00",
        "2027-02-09T16:00:00",
    ]
    moved = series.select(".date-list li")[3].get_text(" ")
    assert "Rathaus" in moved


def test_working_group_page_derives_members_and_meetings(fixture_site: Path) -> None:
    group = soup(fixture_site, "working-groups/sprache")
    assert texts(group, "#members + ul a") == ["Koordinationsstelle e. V.", "Sprachschule Anger"]
    assert any("Erika Muster" in t for t in texts(group, "#speakers + ul li"))
    assert any("Treffen AG Sprache" in t for t in texts(group, "[aria-labelledby=past-meetings] .event-title"))


def test_homepage_shows_network_facts(fixture_site: Path) -> None:
    home = soup(fixture_site, "")
    assert home.h1.get_text() == "Testnetz für Integration"
    assert texts(home, ".facts strong")[:2] == ["3", "2"]
    assert texts(home, "#latest-mail ~ article h3") == ["Infomail November 2026"]
    english = soup(fixture_site, "en")
    assert texts(english, "#latest-mail ~ article h3") == ["Info mail November 2026"]  # its translation
    assert english.select_one("#latest-mail ~ article h3 a")["lang"] == "en"
    assert len(home.find_all("h1")) == 1


def test_links_resolve_inside_the_site(fixture_site: Path) -> None:
    broken = []
    # The 404 pages link from the site root's path, as a host shows them at any address
    # (test_discovery checks them; test_links follows them on a served site).
    for html_file in (f for f in fixture_site.rglob("*.html") if f.name != "404.html"):
        document = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for node in document.select("[href], [src]"):
            target = node.get("href") or node.get("src")
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            resolved = (html_file.parent / target.split("#")[0].split("?")[0]).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{html_file.relative_to(fixture_site)} -> {target}")
    assert not broken, broken[:10]

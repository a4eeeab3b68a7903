"""Directives: lines in a page or info mail that pull facts from the data when the site is built.

The expected dates are computed here from the YAML files themselves (PyYAML and dateutil's RFC 5545
rules, exceptions and changes applied by hand), never by the code under test; the output is read
with BeautifulSoup; dates are compared with what Babel writes for the language; every word comes
from the language's catalogue. The content checks are run on real files and their problems read back.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel import Locale
from babel.dates import format_date
from babel.messages.pofile import read_po, write_po
from babel.support import Translations
from bs4 import BeautifulSoup, Tag
from dateutil.rrule import rrulestr

from netzwerk_data import Dataset, Problem, load_dataset
from netzwerk_data.content import DIRECTIVE_FIELD, check_content
from netzwerk_i18n import load_catalogue
from netzwerk_site.directives import expand_directives
from netzwerk_site.richtext import sanitise_content
from netzwerk_site.routes import ROOT_TOKEN

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
TODAY = date(2026, 11, 24)
LANGUAGES = ("de", "en", "ar")
ISOLATE, END_ISOLATE = "\N{FIRST STRONG ISOLATE}", "\N{POP DIRECTIONAL ISOLATE}"

# The interface strings the directives and the composer add, with the translations proposed for the
# catalogues. Tests add those a catalogue does not have yet to a copy of it, so they check the
# behaviour with translated words before and after the catalogues are updated.
NEW_MESSAGES: dict[str, dict[str, str]] = {
    "No events in this period.": {
        "de": "In diesem Zeitraum sind keine Veranstaltungen geplant.",
        "ar": "لا توجد فعاليات في هذه الفترة.",
        "uk": "У цей період заходів не заплановано.",
    },
    "No working group meetings in this period.": {
        "de": "In diesem Zeitraum sind keine Treffen der Arbeitsgruppen geplant.",
        "ar": "لا توجد اجتماعات لمجموعات العمل في هذه الفترة.",
        "uk": "У цей період зустрічей робочих груп не заплановано.",
    },
    "Next date: %(date)s": {
        "de": "Nächster Termin: %(date)s",
        "ar": "الموعد القادم: %(date)s",
        "uk": "Наступна дата: %(date)s",
    },
    "Moved": {"de": "Verlegt", "ar": "تم تغيير الموعد", "uk": "Змінено"},
    "Changed": {"de": "Geändert", "ar": "تم التغيير", "uk": "Змінено"},
    "now %(new)s instead of %(old)s": {
        "de": "jetzt %(new)s statt %(old)s",
        "ar": "الآن %(new)s بدلًا من %(old)s",
        "uk": "тепер %(new)s замість %(old)s",
    },
    "new place: %(place)s": {
        "de": "neuer Ort: %(place)s",
        "ar": "المكان الجديد: %(place)s",
        "uk": "нове місце: %(place)s",
    },
    "Info mail %(month)s": {
        "de": "Infomail %(month)s",
        "ar": "النشرة الإخبارية – %(month)s",
        "uk": "Інформаційна розсилка – %(month)s",
    },
    "Dates for %(months)s, news from the working groups and new members.": {
        "de": "Termine für %(months)s, Neues aus den Arbeitsgruppen und neue Mitglieder.",
        "ar": "مواعيد %(months)s، وأخبار مجموعات العمل، والأعضاء الجدد.",
        "uk": "Дати на %(months)s, новини робочих груп і нові учасники.",
    },
    "Draft: check and complete the text, then delete the line 'Status: draft'. "
    "Dates, places and links come from the data whenever the site is built.": {
        "de": "Entwurf: Prüfen und ergänzen Sie den Text und löschen Sie dann die Zeile 'Status: draft'. "
        "Termine, Orte und Links kommen bei jeder Erstellung der Website aus den Daten.",
        "ar": "مسودة: راجعوا النص وأكملوه، ثم احذفوا السطر 'Status: draft'. "
        "تأتي المواعيد والأماكن والروابط من البيانات في كل مرة يُبنى فيها الموقع.",
        "uk": "Чернетка: перевірте й доповніть текст, потім видаліть рядок 'Status: draft'. "
        "Дати, місця й посилання беруться з даних під час кожної збірки сайту.",
    },
    "Here are the network's dates for %(months)s and news from the network.": {
        "de": "Hier finden Sie die Termine des Netzwerks für %(months)s und Neues aus dem Netzwerk.",
        "ar": "إليكم مواعيد الشبكة في %(months)s وآخر أخبار الشبكة.",
        "uk": "Ось дати мережі на %(months)s і новини мережі.",
    },
    "Dates": {"de": "Termine", "ar": "المواعيد", "uk": "Дати"},
    "Each date links to its page, with directions, accessibility and how to register.": {
        "de": "Jeder Termin führt zu seiner Seite mit Anfahrt, Barrierefreiheit und Anmeldung.",
        "ar": "يؤدي كل موعد إلى صفحته، مع طريقة الوصول ومعلومات سهولة الوصول وكيفية التسجيل.",
        "uk": "Кожна дата веде на свою сторінку з маршрутом, інформацією про доступність і реєстрацією.",
    },
    "From the working groups": {"de": "Aus den Arbeitsgruppen", "ar": "من مجموعات العمل", "uk": "З робочих груп"},
    "New members": {"de": "Neue Mitglieder", "ar": "أعضاء جدد", "uk": "Нові учасники"},
    "We welcome to the network:": {
        "de": "Wir begrüßen im Netzwerk:",
        "ar": "نرحّب في الشبكة بـ:",
        "uk": "Вітаємо в мережі:",
    },
    "No new members have joined since the last info mail.": {
        "de": "Seit der letzten Infomail sind keine neuen Mitglieder hinzugekommen.",
        "ar": "لم ينضم أعضاء جدد منذ النشرة الإخبارية الأخيرة.",
        "uk": "Від останньої розсилки нових учасників не додалося.",
    },
}


def translated_catalogues(folder: Path, languages: tuple[str, ...] = ("de", "en", "ar", "uk")) -> Path:
    """A copy of the project's catalogues in which `languages` translate NEW_MESSAGES (English as written)
    and the other catalogues do not have them at all."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in (ROOT / "theme" / "translations").glob("*.po"):
        lang = source.stem
        with source.open("rb") as handle:
            catalogue = read_po(handle, locale=lang)
        for message_id, translations in NEW_MESSAGES.items():
            known = catalogue.get(message_id)
            if lang not in languages:
                if known is not None:
                    catalogue.delete(message_id)
            elif known is None:
                catalogue.add(message_id, translations.get(lang, message_id))
            elif not known.string or known.fuzzy:  # add() keeps an existing entry as it is
                known.string, known.flags = translations.get(lang, message_id), set()
        with (folder / source.name).open("wb") as handle:
            write_po(handle, catalogue, omit_header=True)
    return folder


# -- the independent reading of the data ---------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    event_id: str
    title: Any  # a string or {lang: text}
    start: date | datetime
    end: date | datetime
    status: str
    venue: str | None
    location: Any
    online: bool
    working_group: str | None
    moved_from: datetime | None = None


def _moment(value: str) -> date | datetime:
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def _as_datetime(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def data_occurrences(data: Path) -> list[Expected]:
    """Every date of every event, read from the YAML files: series expanded, exceptions and changes applied."""
    found: list[Expected] = []
    for path in sorted((data / "events").glob("*/*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        start, end = _moment(record["start"]), _moment(record["end"])
        common = {
            "event_id": path.stem,
            "title": record["title"],
            "online": "online" in record,
            "working_group": record.get("working_group"),
        }
        status = record.get("status", "scheduled")
        if "recurrence" not in record:
            venue, location = record.get("venue"), record.get("location")
            found.append(Expected(**common, start=start, end=end, status=status, venue=venue, location=location))
            continue
        duration = _as_datetime(end) - _as_datetime(start)
        skipped = {_as_datetime(_moment(value)) for value in record.get("exceptions", [])}
        changes = {_as_datetime(_moment(change["date"])): change for change in record.get("changed", [])}
        for moment in rrulestr(record["recurrence"], dtstart=_as_datetime(start)):
            if moment in skipped:
                continue
            change = changes.get(moment, {})
            new_start = _as_datetime(_moment(change["start"])) if "start" in change else moment
            new_end = _as_datetime(_moment(change["end"])) if "end" in change else new_start + duration
            if not isinstance(start, datetime):
                new_start, new_end = new_start.date(), new_end.date()
            found.append(
                Expected(
                    **common,
                    start=new_start,
                    end=new_end,
                    status=change.get("status", status),
                    venue=change.get("venue", record.get("venue")),
                    location=change.get("location", record.get("location")),
                    moved_from=moment if _as_datetime(new_start) != moment else None,
                )
            )
    return sorted(found, key=lambda o: (_as_datetime(o.start), o.event_id))


def between(occurrences: list[Expected], first: date, last: date) -> list[Expected]:
    return [o for o in occurrences if _day(o.start) <= last and _day(o.end) >= first]


def in_language(value: Any, lang: str, default: str = "de") -> str:
    return value if isinstance(value, str) else value.get(lang, value[default])


def month_end(first: date) -> date:
    following = date(first.year + 1, 1, 1) if first.month == 12 else date(first.year, first.month + 1, 1)
    return following - timedelta(days=1)


# -- fixtures ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return translated_catalogues(tmp_path_factory.mktemp("translations"))


def patched_data(folder: Path, patches: Mapping[str, str | None]) -> Path:
    """A copy of the fixture's data with files written (or, for None, deleted)."""
    shutil.copytree(FIXTURE / "data", folder)
    for relative, text in patches.items():
        if text is None:
            (folder / relative).unlink()
        else:
            (folder / relative).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def expand(catalogues: Path, tmp_path: Path) -> Callable[..., str]:
    """Expand HTML on (patched) fixture data, in one language."""
    loaded: dict[tuple[tuple[str, str | None], ...], Dataset] = {}

    def run(html: str, lang: str = "de", patches: Mapping[str, str | None] | None = None, today: date = TODAY) -> str:
        key = tuple(sorted((patches or {}).items()))
        if key not in loaded:
            data = patched_data(tmp_path / f"data-{len(loaded)}", patches or {})
            loaded[key] = load_dataset(data, FIXTURE / "content")
        settings = {
            "NETWORK_DATASET": loaded[key],
            "THEME_TRANSLATIONS": str(catalogues),
            "SITE_TODAY": today.isoformat(),
        }
        return expand_directives(html, lang, settings)

    return run


def words(catalogues: Path, lang: str) -> Translations:
    return load_catalogue(str(catalogues), lang)


def link_prefix(lang: str) -> str:
    return f"{ROOT_TOKEN}/" if lang == "de" else f"{ROOT_TOKEN}/{lang}/"


def shown(tag: Tag) -> str:
    """A tag's text as people see it: without the invisible marks that set a text's direction apart."""
    return tag.get_text().replace(ISOLATE, "").replace(END_ISOLATE, "")


def names_day(text: str, day: date) -> bool:
    """Whether a date as written names this day of the month (as a number of its own, not inside "2026")."""
    return re.search(rf"(?<!\d){day.day}(?!\d)", text) is not None


def item_of(items: list[Tag], event_id: str, day: date) -> Tag:
    """The list item of one event on one day."""
    for item in items:
        link = item.find("a")
        if link and link["href"].endswith(f"/events/{event_id}/") and names_day(item.strong.get_text(), day):
            return item
    raise AssertionError(f"no item of {event_id} on {day}")


# -- {events …} ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_of_two_months_are_listed_by_month_with_day_time_title_link_and_place(
    lang: str, expand: Callable[..., str], catalogues: Path
) -> None:
    html = expand("<h2>Termine</h2>\n<p>{events 2026-12 2027-01}</p>\n<p>Mehr Text.</p>", lang)
    soup = BeautifulSoup(html, "html.parser")
    expected = between(data_occurrences(FIXTURE / "data"), date(2026, 12, 1), date(2027, 1, 31))
    assert expected, "the fixture has events in December and January"

    months = sorted({_day(o.start).replace(day=1) for o in expected})
    assert [h.get_text() for h in soup.find_all("h3")] == [format_date(m, "LLLL y", locale=lang) for m in months]
    assert soup.find("p", string="Mehr Text.") is not None, "the text after the directive stays"
    assert "{events" not in html
    items = soup.select("ul > li")
    assert [(item.a["href"], shown(item.a)) for item in items] == [
        (f"{link_prefix(lang)}events/{o.event_id}/", in_language(o.title, lang)) for o in expected
    ]
    venues = yaml.safe_load((FIXTURE / "data" / "venues" / "rathaus.yaml").read_text(encoding="utf-8"))
    for item, occurrence in zip(items, expected, strict=True):
        when = item.strong.get_text()
        assert names_day(when, _day(occurrence.start))
        assert format_date(occurrence.start, "MMM", locale=lang) in when
        if isinstance(occurrence.start, datetime):
            assert f"{occurrence.start:%H:%M}" in when and f"{occurrence.end:%H:%M}" in when
        if occurrence.venue == "rathaus":
            assert f"{venues['street']}, {venues['postcode']} {venues['city']}" in item.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cancelled_and_moved_dates_are_said_in_words(lang: str, expand: Callable[..., str], catalogues: Path) -> None:
    html = expand("<p>{events 2027-01}</p>", lang)
    items = BeautifulSoup(html, "html.parser").select("ul > li")
    expected = between(data_occurrences(FIXTURE / "data"), date(2027, 1, 1), date(2027, 1, 31))
    catalogue = words(catalogues, lang)
    cancelled, moved = catalogue.gettext("Cancelled"), catalogue.gettext("Moved")
    assert any(o.status == "cancelled" for o in expected) and any(o.moved_from for o in expected)
    for occurrence in expected:
        item = item_of(items, occurrence.event_id, _day(occurrence.start))
        text = item.get_text()
        assert (cancelled in text) == (occurrence.status == "cancelled"), text
        assert (moved in text) == (occurrence.moved_from is not None), text
        if occurrence.moved_from is not None:
            assert f"{occurrence.moved_from:%H:%M}" in text and f"{occurrence.start:%H:%M}" in text
            assert catalogue.gettext("new place: %(place)s").split("%")[0].strip() in text
    assert not soup_has_headings(html), "one month: one list, no headings"


def soup_has_headings(html: str) -> bool:
    return bool(BeautifulSoup(html, "html.parser").find(["h2", "h3", "h4"]))


def test_a_skipped_date_of_a_series_is_not_listed(expand: Callable[..., str]) -> None:
    record = yaml.safe_load((FIXTURE / "data" / "events" / "2026" / "sprachcafe.yaml").read_text(encoding="utf-8"))
    skipped = datetime.fromisoformat(record["exceptions"][0])
    html = expand(f"<p>{{events {skipped:%Y-%m}}}</p>")
    items = BeautifulSoup(html, "html.parser").select("li")
    assert not [i for i in items if i.a["href"].endswith("/sprachcafe/") and names_day(i.strong.get_text(), skipped)]


def test_all_day_events_places_in_words_and_online_meetings(expand: Callable[..., str], catalogues: Path) -> None:
    occurrences = data_occurrences(FIXTURE / "data")
    all_day = next(o for o in occurrences if not isinstance(o.start, datetime))
    online = next(o for o in occurrences if o.online)
    for occurrence in (all_day, online):
        first = _day(occurrence.start).replace(day=1)
        html = expand(f"<p>{{events {first:%Y-%m}}}</p>", "en")
        item = item_of(BeautifulSoup(html, "html.parser").select("li"), occurrence.event_id, _day(occurrence.start))
        if occurrence is all_day:
            assert names_day(item.strong.get_text(), _day(occurrence.end)), "an all-day event shows its last day"
            assert ":" not in item.strong.get_text(), "and no time"
            assert in_language(occurrence.location, "en") in item.get_text()
        else:
            assert words(catalogues, "en").gettext("Online") in item.get_text()


def test_an_event_that_began_before_the_first_month_is_listed_in_it(expand: Callable[..., str]) -> None:
    patch = {
        "events/2026/ueber-den-monatswechsel.yaml": (
            'title: "Aktionswoche"\ncategory: "other"\nstart: "2026-11-28"\nend: "2026-12-03"\nlocation: "Anger"\n'
        )
    }
    html = expand("<h2>Termine</h2>\n<p>{events 2026-12 2027-01}</p>", patches=patch)
    soup = BeautifulSoup(html, "html.parser")
    first_list = soup.find("h3").find_next_sibling("ul")
    assert first_list.li.a["href"].endswith("/events/ueber-den-monatswechsel/")


@pytest.mark.parametrize(
    ("above", "level"),
    [("", "h2"), ("<h2>Termine</h2>\n", "h3"), ("<h2>A</h2>\n<h3>Termine</h3>\n", "h4"), ("<h4>Termine</h4>\n", "h4")],
)
def test_month_headings_sit_below_the_heading_above(expand: Callable[..., str], above: str, level: str) -> None:
    html = expand(f"{above}<p>{{events 2026-12 2027-01}}</p>")
    soup = BeautifulSoup(html, "html.parser")
    written = [h.name for h in soup.find_all(["h2", "h3", "h4"])][len(above.splitlines()) :]
    assert written and set(written) == {level}


def test_an_empty_period_says_so(expand: Callable[..., str], catalogues: Path) -> None:
    empty = {"events": "No events in this period.", "meetings": "No working group meetings in this period."}
    for directive, message in empty.items():
        html = expand(f"<p>{{{directive} 2030-01}}</p>")
        assert BeautifulSoup(html, "html.parser").p.get_text() == words(catalogues, "de").gettext(message)


# -- {meetings …}, {event …}, {member …} ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_meetings_are_listed_group_by_group(lang: str, expand: Callable[..., str]) -> None:
    first, last = date(2026, 10, 1), date(2027, 3, 31)
    html = expand("<p>{meetings 2026-10 2027-03}</p>", lang)
    soup = BeautifulSoup(html, "html.parser")
    expected = [o for o in between(data_occurrences(FIXTURE / "data"), first, last) if o.working_group]
    groups = sorted({o.working_group for o in expected})
    names = {
        group: in_language(
            yaml.safe_load((FIXTURE / "data" / "working-groups" / f"{group}.yaml").read_text(encoding="utf-8"))["name"],
            lang,
        )
        for group in groups
    }
    outer = soup.find("ul").find_all("li", recursive=False)
    assert [shown(li.a) for li in outer] == sorted(names.values(), key=str.casefold)
    for li in outer:
        group = li.a["href"].removeprefix(link_prefix(lang)).removeprefix("working-groups/").strip("/")
        dates = [inner.a["href"] for inner in li.ul.find_all("li")]
        assert dates == [f"{link_prefix(lang)}events/{o.event_id}/" for o in expected if o.working_group == group]


def test_event_shows_its_next_date_then_its_last(expand: Callable[..., str], catalogues: Path) -> None:
    occurrences = [o for o in data_occurrences(FIXTURE / "data") if o.event_id == "sprachcafe"]
    upcoming = next(o for o in occurrences if _day(o.end) >= TODAY)
    html = expand("<p>{event sprachcafe}</p>")
    paragraph = BeautifulSoup(html, "html.parser").p
    label = words(catalogues, "de").gettext("Next date: %(date)s").split("%")[0]
    assert paragraph.a["href"] == f"{ROOT_TOKEN}/events/sprachcafe/"
    assert paragraph.strong.get_text().startswith(label)
    assert f"{upcoming.start:%H:%M}" in paragraph.strong.get_text() and names_day(
        paragraph.strong.get_text(), upcoming.start
    )

    later = date(2028, 1, 1)
    html = expand("<p>{event sprachcafe}</p>", today=later)
    paragraph = BeautifulSoup(html, "html.parser").p
    assert not paragraph.strong.get_text().startswith(label), "when every date has passed, the last one, unlabelled"
    assert format_date(occurrences[-1].start, "MMM", locale="de") in paragraph.strong.get_text()


def test_a_single_event_shows_its_only_date_and_its_status(expand: Callable[..., str], catalogues: Path) -> None:
    record = yaml.safe_load((FIXTURE / "data" / "events" / "2027" / "abgesagt.yaml").read_text(encoding="utf-8"))
    html = expand("<ul>\n<li>{event abgesagt}</li>\n</ul>", "en")
    item = BeautifulSoup(html, "html.parser").li
    assert item.a.get_text() == record["title"] and item.a["href"] == f"{ROOT_TOKEN}/en/events/abgesagt/"
    assert record["start"][11:16] in item.strong.get_text()
    assert words(catalogues, "en").gettext("Cancelled") in item.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_is_its_name_linked_to_its_page(lang: str, expand: Callable[..., str], catalogues: Path) -> None:
    record = yaml.safe_load((FIXTURE / "data" / "members" / "verein.yaml").read_text(encoding="utf-8"))
    html = expand("<p>Willkommen:</p>\n<ul>\n<li>{member verein}</li>\n<li>{member sprachschule}</li>\n</ul>", lang)
    items = BeautifulSoup(html, "html.parser").find_all("li")
    assert shown(items[0].a) == record["name"]
    assert items[0].a["href"] == f"{link_prefix(lang)}members/verein/"
    assert words(catalogues, lang).gettext("Migrant organisation") in items[0].get_text()
    assert items[1].a["href"] == f"{link_prefix(lang)}members/sprachschule/"


# -- what the data says, safely -----------------------------------------------------------------------------


def test_a_moved_meeting_in_the_data_moves_it_in_the_text(expand: Callable[..., str]) -> None:
    source = (FIXTURE / "data" / "events" / "2026" / "netzwerktreffen-dezember.yaml").read_text(encoding="utf-8")
    moved = source.replace('"2026-12-02T14:00"', '"2026-12-09T15:30"').replace(
        '"2026-12-02T17:00"', '"2026-12-09T18:00"'
    )
    assert moved != source
    before = item_of(
        BeautifulSoup(expand("<p>{events 2026-12}</p>"), "html.parser").select("li"),
        "netzwerktreffen-dezember",
        date(2026, 12, 2),
    )
    after = item_of(
        BeautifulSoup(
            expand("<p>{events 2026-12}</p>", patches={"events/2026/netzwerktreffen-dezember.yaml": moved}),
            "html.parser",
        ).select("li"),
        "netzwerktreffen-dezember",
        date(2026, 12, 9),
    )
    assert "14:00" in before.strong.get_text() and "15:30" in after.strong.get_text()


def test_every_text_from_the_data_is_escaped(expand: Callable[..., str]) -> None:
    patches = {
        "events/2026/netzwerktreffen-dezember.yaml": (
            'title: "<b>Café & Co</b><script>alert(1)</script>"\ncategory: "network-meeting"\n'
            'start: "2026-12-02T14:00"\nend: "2026-12-02T17:00"\nlocation: "<img src=x onerror=alert(1)>"\n'
        ),
        "members/verein.yaml": (
            'name: "Verein <i>&amp;</i>"\ntype: "association"\ndescription: "x"\njoined: "2016-02-01"\n'
        ),
    }
    html = expand("<p>{events 2026-12}</p>\n<p>{member verein}</p>", patches=patches)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["b", "script", "img", "i"])
    assert "<b>Café & Co</b><script>alert(1)</script>" in soup.get_text()
    assert "<img src=x onerror=alert(1)>" in soup.get_text()
    assert soup.find_all("a")[-1].get_text() == "Verein <i>&amp;</i>"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_texts_from_the_data_keep_their_own_direction_on_right_to_left_pages(
    lang: str, expand: Callable[..., str]
) -> None:
    """On an Arabic page a German title ("Lesung: Angekommen?") must not take its "?" to the wrong end:
    each text from the data is isolated (Unicode FSI … PDI, as <bdi> does), on left-to-right pages nothing is."""
    html = expand("<p>{events 2027-01}</p>\n<p>{meetings 2026-10}</p>\n<p>{member verein}</p>", lang)
    soup = BeautifulSoup(html, "html.parser")
    texts = [link.get_text() for link in soup.find_all("a")]
    places = [text.strip() for text in soup.find_all(string=True) if "Erfurt" in text]
    assert texts and places
    rtl = Locale.parse(lang).character_order == "right-to-left"
    one = f"{ISOLATE}[^{ISOLATE}{END_ISOLATE}]+{END_ISOLATE}"
    for text in texts:
        assert (re.fullmatch(one, text) is not None) == rtl, repr(text)
    for text in places:  # each part of a place apart: the venue's name, a place in words, the address
        assert (re.fullmatch(f"{one}(?:, {one})*", text) is not None) == rtl, repr(text)
    if not rtl:
        assert ISOLATE not in html and END_ISOLATE not in html


@pytest.mark.parametrize(
    "html",
    [
        "<p>{evnts 2026-12}</p>",
        "<p>{events 2026-13}</p>",
        "<p>{events 2027-01 2026-12}</p>",
        "<p>{member niemand}</p>",
        "<p>{event niemals}</p>",
        "<p>Siehe {events 2026-12}</p>",
        "<pre><code>{events 2026-12}\n</code></pre>",
        "<p>{static}/images/plakat.png</p>",
        '<p><a href="{filename}/pages/about.md">{member verein}</a></p>',
    ],
    ids=[
        "unknown-name",
        "no-month",
        "out-of-order",
        "unknown-member",
        "unknown-event",
        "in-a-sentence",
        "code",
        "pelican-link",
        "inside-a-link",
    ],
)
def test_what_is_not_a_working_directive_stays_as_written(expand: Callable[..., str], html: str) -> None:
    assert expand(html) == html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sanitiser_keeps_everything_a_directive_writes(lang: str, expand: Callable[..., str]) -> None:
    html = expand(
        "<h2>T</h2>\n<p>{events 2026-09 2027-03}</p>\n<p>{meetings 2026-10 2027-03}</p>\n"
        "<p>{event sprachcafe}</p>\n<ul>\n<li>{member verein}</li>\n</ul>",
        lang,
    )

    def shape(fragment: str) -> tuple[list[tuple[str, str | None]], str]:
        soup = BeautifulSoup(fragment, "html.parser")
        return [(tag.name, tag.get("href")) for tag in soup.find_all(True)], soup.get_text()

    assert shape(sanitise_content(html)) == shape(html)


def test_a_page_has_at_most_so_many_lists_of_dates(expand: Callable[..., str]) -> None:
    html = "\n".join(f"<p>{{events 2026-{month:02d}}}</p>" for month in range(1, 13)) + "\n<p>{events 2027-01}</p>"
    soup = BeautifulSoup(expand(html + "\n<p>{member verein}</p>"), "html.parser")
    assert [p.get_text() for p in soup.find_all("p") if "{" in p.get_text()] == ["{events 2027-01}"]
    assert soup.find_all("a")[-1]["href"].endswith("/members/verein/"), "names and single events are not limited"


def test_thousands_of_directives_take_little_time(expand: Callable[..., str]) -> None:
    """A file of up to 1 MB may hold tens of thousands of directive lines: each is looked up, nothing recomputed."""
    expand("<p>{event sprachcafe}</p>")  # the data's dates, once per build
    lines = ["<p>{event sprachcafe}</p>", "<p>{member verein}</p>", "<p>{events 2026-12 2027-11}</p>"] * 10_000
    started = time.perf_counter()
    html = expand("\n".join(lines))
    took = time.perf_counter() - started
    assert html.count('href="__site_root__/members/verein/"') == 10_000
    assert took < 5, f"{took:.1f} s"


# -- the checks: file, line and how to fix it ------------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FIXTURE / "data", FIXTURE / "content")


def mail_problems(tmp_path: Path, body: str, dataset: Dataset | None) -> tuple[str, list[Problem]]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    header = "Title: Infomail Dezember 2026\nDate: 2026-12-01 09:00\nSlug: 2026-12\nLang: de\n\n"
    (content / "info-mail" / "2026-12.md").write_text(header + body, encoding="utf-8")
    problems = check_content(content, LANGUAGES, "de", dataset)
    return "content/info-mail/2026-12.md", [p for p in problems if p.file.endswith("info-mail/2026-12.md")]


BODY = 6  # the line of the first body line: four header lines and an empty line above it


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{evnts 2026-12}", ["'{evnts…}' is not a directive: did you mean 'events'?", "{events 2026-12}", "backticks"]),
        ("{Events 2026-12}", ["write it in small letters: {events…}"]),
        ("{termine 2026-12}", ["'{termine…}' is not a directive", "{member caritas-erfurt}"]),
        ("{events 2026-13}", ["'2026-13' is not a month", "{events 2026-12} for December 2026"]),
        ("{events 12.2026}", ["'12.2026' is not a month"]),
        ("{events 2027-01 2026-12}", ["the first month comes after the last", "{events 2026-12 2027-01}"]),
        ("{events 2026-01 2027-06}", ["spans 18 months", "at most 12 months"]),
        ("{events 2026-12 2027-01 2027-02}", ["takes one month or the first and the last month, not 3 values"]),
        ("{events}", ["takes one month or the first and the last month, not 0 values"]),
        ("{events sprachcafe}", ["'sprachcafe' is not a month; for one event write {event sprachcafe}"]),
        ("{event 2026-12}", ["'2026-12' is a month; for the events of a month write {events 2026-12}"]),
        ("{member}", ["{member} takes exactly one id", "data/members/"]),
        ("{member verein sprachschule}", ["takes exactly one id", "write one line per member"]),
        ("{member Verein}", ["'Verein' is not an id"]),
        ("{member vereine}", ["there is no member 'vereine'", "data/members/vereine.yaml", "did you mean 'verein'?"]),
        ("{event sprachkaffee}", ["there is no event 'sprachkaffee'", "did you mean 'sprachcafe'?"]),
        ("- {member vereine}", ["there is no member 'vereine'"]),
        ("> {event sprachkaffee}", ["there is no event 'sprachkaffee'"]),
    ],
)
def test_a_directive_that_cannot_work_is_named_with_file_line_and_fix(
    tmp_path: Path, dataset: Dataset, line: str, expected: list[str]
) -> None:
    body = f"## Termine\n\nText davor.\n\n{line}\n\nText danach.\n"
    file, problems = mail_problems(tmp_path, body, dataset)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == (file, BODY + 4, DIRECTIVE_FIELD)
    for fragment in expected:
        assert fragment in problem.message, problem.message


def test_a_directive_must_stand_alone_or_markdown_swallows_it(tmp_path: Path, dataset: Dataset) -> None:
    body = (
        "Wir begrüßen:\n{member verein}\n\n"  # BODY + 1: joined to the line above
        "{member sprachschule}\nund viele mehr.\n\n"  # BODY + 3: the next line is joined to it
        "Text\n- {member verein}\n- {member koordination}\n\n"  # BODY + 7: a list right below text
        "## Termine\n{events 2026-12}\n## Gruppen\n\n"  # headings around a directive are fine
        "- {member verein}\n- {member sprachschule}\n"  # and so is a list of directives
    )
    file, problems = mail_problems(tmp_path, body, dataset)
    found = sorted((p.line, "above" if "above" in p.message else "below") for p in problems)
    assert found == [(BODY + 1, "above"), (BODY + 3, "below"), (BODY + 7, "above")]
    assert all(p.file == file and p.field == DIRECTIVE_FIELD and "empty line" in p.message for p in problems)


def test_directives_in_code_and_comments_and_valid_ones_pass(tmp_path: Path, dataset: Dataset) -> None:
    body = (
        "```\n{evnts 2026-12}\n```\n\n"
        "<!-- Beispiel:\n{member niemand}\n-->\n\n"
        "`{events 2099-99}`\n\n"
        "{events 2026-12 2027-01}\n\n{meetings 2026-12}\n\n{event sprachcafe}\n\n{member verein}\n\n"
        "![Plakat]({static}/images/koordination.svg)\n"
    )
    assert mail_problems(tmp_path, body, dataset)[1] == []


def test_without_the_data_only_the_form_is_checked(tmp_path: Path) -> None:
    body = "{member gibt-es-nicht}\n\n{events 2026-13}\n"
    _file, problems = mail_problems(tmp_path, body, None)
    assert [p.line for p in problems] == [BODY + 2]


def test_more_lists_of_dates_than_a_page_may_have_are_named(tmp_path: Path, dataset: Dataset) -> None:
    body = "\n\n".join(["{events 2026-12}"] * 12 + ["{meetings 2027-01}", "{member verein}", "{events 2027-02}"]) + "\n"
    file, problems = mail_problems(tmp_path, body, dataset)
    assert [(p.file, p.line, p.field) for p in problems] == [(file, BODY + 24, DIRECTIVE_FIELD)]
    assert "at most 12 lists of dates" in problems[0].message

"""The valid fixture loads, and what it loads is what the editors wrote."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from netzwerk_data import Localized, expand, load_dataset

FIXTURE_SITE = Path(__file__).parents[1] / "fixtures" / "site"

MEMBER = 'name: "Neuer Verein"\ntype: "association"\ndescription: "Neu."\njoined: "2020-01-01"\n'


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURE_SITE / "data", FIXTURE_SITE / "content")


def test_valid_fixture_loads_every_record(dataset):
    assert dataset.network.short_name == "Testnetz"
    assert dataset.default_language == "de"
    assert sorted(dataset.venues) == ["rathaus", "zentrum"]
    assert sorted(dataset.members) == ["ehemalig", "koordination", "sprachschule", "verein"]
    assert sorted(dataset.working_groups) == ["arbeit", "sprache"]
    assert sorted(dataset.events) == [
        "abgesagt",
        "ag-sprache-oktober",
        "beratung-sommerzeit",
        "fruehjahrstreffen-2025",
        "netzwerktreffen-dezember",
        "sprachcafe",
        "woche",
    ]
    # the id is the file's stem
    assert dataset.members["koordination"].id == "koordination"
    assert dataset.events["sprachcafe"].id == "sprachcafe"


def test_values_are_typed(dataset):
    network = dataset.network
    assert network.founded == 1999
    assert network.timezone == "Europe/Berlin"
    member = dataset.members["koordination"]
    assert member.public_contact is True
    assert member.joined == date(1999, 10, 1)
    assert member.address is not None and member.address.postcode == "99084"
    assert dataset.members["ehemalig"].left == date(2020, 12, 31)
    assert dataset.venues["zentrum"].geo is not None and dataset.venues["zentrum"].geo.lat == pytest.approx(50.978)
    event = dataset.events["netzwerktreffen-dezember"]
    assert event.start == datetime(2026, 12, 2, 14, 0)
    assert event.registration is not None and event.registration.deadline == date(2026, 11, 30)
    assert dataset.events["abgesagt"].status == "cancelled"
    assert dataset.events["woche"].status == "scheduled"  # the default


def test_group_members_are_derived_including_former_members(dataset):
    assert dict(dataset.group_members) == {
        "sprache": ("ehemalig", "koordination", "sprachschule"),
        "arbeit": ("sprachschule", "verein"),
    }
    assert dataset.members["ehemalig"].is_current(date(2026, 1, 1)) is False
    assert dataset.members["koordination"].is_current(date(2026, 1, 1)) is True


def test_translatable_falls_back_to_the_default_language(dataset):
    zentrum = dataset.venues["zentrum"].name  # {de, en}
    assert zentrum.get("ar", "de") == Localized("Zentrum für Integration", "de")
    assert zentrum.get("en", "de") == Localized("Integration Centre", "en")
    # a plain string is text in the default language
    rathaus = dataset.venues["rathaus"].name
    assert rathaus.get("ar", "de") == Localized("Rathaus", "de")
    assert rathaus.as_dict("de") == {"de": "Rathaus"}


def test_recurring_event_expands_with_exception_and_change(dataset):
    occurrences = expand(dataset.events["sprachcafe"])
    # FREQ=MONTHLY;BYDAY=2TU;COUNT=6 from 2026-09-08, minus the exception 2026-12-08
    assert [o.recurrence_id for o in occurrences] == [
        datetime(2026, 9, 8, 16, 0),
        datetime(2026, 10, 13, 16, 0),
        datetime(2026, 11, 10, 16, 0),
        datetime(2027, 1, 12, 16, 0),
        datetime(2027, 2, 9, 16, 0),
    ]
    unchanged = [o for o in occurrences if not o.changed]
    assert len(unchanged) == 4
    assert all(o.venue == "zentrum" and o.end == o.start.replace(hour=18) for o in unchanged)
    assert all(o.start == o.recurrence_id for o in unchanged)

    (moved,) = [o for o in occurrences if o.changed]
    assert moved.start == datetime(2027, 1, 12, 17, 0)
    assert moved.end == datetime(2027, 1, 12, 19, 0)  # the series' two hours from the new start
    assert moved.venue == "rathaus"
    assert moved.recurrence_id == datetime(2027, 1, 12, 16, 0)
    assert moved.status == "scheduled"


def test_expand_until_stops_the_series(dataset):
    occurrences = expand(dataset.events["sprachcafe"], until=date(2026, 10, 31))
    assert [o.start for o in occurrences] == [datetime(2026, 9, 8, 16, 0), datetime(2026, 10, 13, 16, 0)]


def test_all_day_multi_day_event_keeps_dates(dataset):
    event = dataset.events["woche"]
    assert type(event.start) is date and type(event.end) is date
    assert (event.start, event.end) == (date(2027, 3, 16), date(2027, 3, 18))
    assert event.all_day is True
    (occurrence,) = expand(event)
    assert type(occurrence.start) is date and type(occurrence.end) is date
    assert (occurrence.start, occurrence.end) == (date(2027, 3, 16), date(2027, 3, 18))
    assert occurrence.recurrence_id is None
    assert occurrence.all_day is True


def test_one_day_all_day_event_may_end_on_its_start_day(load):
    # the end of an all-day event is the last day, inclusive: end == start is one day
    text = 'title: "Tag"\ncategory: "other"\nstart: "2026-05-05"\nend: "2026-05-05"\nlocation: "Domplatz"\n'
    dataset = load({"events/2026/neu.yaml": text})
    assert dataset.events["neu"].end == date(2026, 5, 5)


def test_loaded_records_are_immutable(dataset):
    member = dataset.members["koordination"]
    with pytest.raises(ValidationError, match="frozen"):
        member.name = "Anders"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        dataset.events["sprachcafe"].start = datetime(2030, 1, 1)  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        dataset.network = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        dataset.members["neu"] = member  # type: ignore[index]
    with pytest.raises(TypeError):
        dataset.group_members["sprache"] = ()  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        dataset.venues["zentrum"].name.values = ()  # type: ignore[misc]
    assert member.name == "Koordinationsstelle e. V."


def test_list_fields_of_loaded_records_cannot_be_changed(load):
    member = load({}).members["koordination"]
    with pytest.raises((TypeError, AttributeError)):
        member.languages.append("fr")  # type: ignore[union-attr]


# --- YAML 1.1 surprises that must not change meaning: kept as the text that was typed ------


@pytest.mark.parametrize("word", ["on", "yes", "no", "off", "y"])
def test_yaml11_booleans_are_kept_as_text_where_text_is_expected(load, word):
    dataset = load({"members/neu.yaml": MEMBER.replace('"Neuer Verein"', word)})
    assert dataset.members["neu"].name == word


def test_leading_zero_postcode_is_kept_as_typed(load):
    dataset = load(
        {
            "venues/neu.yaml": 'name: "Neu"\n'
            'street: "Weg 1"\npostcode: 01067\ncity: "Dresden"\naccessibility: "Stufenlos"\n'
        }
    )
    assert dataset.venues["neu"].postcode == "01067"


def test_unquoted_postcode_without_leading_zero_is_text(load):
    dataset = load(
        {
            "venues/neu.yaml": 'name: "Neu"\n'
            'street: "Weg 1"\npostcode: 99084\ncity: "Erfurt"\naccessibility: "Stufenlos"\n'
        }
    )
    assert dataset.venues["neu"].postcode == "99084"


def test_unquoted_date_is_kept_as_text_where_text_is_expected(load):
    dataset = load(
        {
            "venues/neu.yaml": 'name: "Neu"\n'
            'street: 2026-11-24\npostcode: "99084"\ncity: "Erfurt"\naccessibility: "Stufenlos"\n'
        }
    )
    assert dataset.venues["neu"].street == "2026-11-24"


def test_unquoted_time_is_kept_as_text_where_text_is_expected(load):
    dataset = load({"members/neu.yaml": MEMBER.replace('"Neuer Verein"', "18:30")})
    assert dataset.members["neu"].name == "18:30"


def test_unquoted_dates_and_date_times_are_read_as_written(load):
    dataset = load(
        {
            "events/2026/neu.yaml": 'title: "Neu"\ncategory: "other"\n'
            "start: 2026-11-24T18:30\nend: 2026-11-24T20:00\nlocation: Domplatz\n",
            "members/neu.yaml": MEMBER.replace('"2020-01-01"', "2020-01-01"),
        }
    )
    assert dataset.events["neu"].start == datetime(2026, 11, 24, 18, 30)
    assert dataset.events["neu"].end == datetime(2026, 11, 24, 20, 0)
    assert dataset.members["neu"].joined == date(2020, 1, 1)


def test_duplicate_key_is_refused_even_with_equal_values(problems_of):
    # 'name' written twice: refused, whichever value YAML would have kept
    problems = problems_of({"members/neu.yaml": MEMBER + 'name: "Neuer Verein"\n'})
    assert [(p.file, p.line, p.field) for p in problems] == [("data/members/neu.yaml", 5, "name")]

"""Times as people read them: the 24-hour clock in every language unless its catalogue asks for the
12-hour clock (the message "clock:24h" translated as "12h"); dates keep each language's own format."""

from __future__ import annotations

import re
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.support import Translations

from netzwerk_i18n import Localizer, load_catalogue

TRANSLATIONS = Path(__file__).resolve().parents[2] / "theme" / "translations"
SHIPPED = sorted(path.stem for path in TRANSLATIONS.glob("*.po"))
EVENING = datetime(2027, 1, 12, 17, 0)
LATER = datetime(2027, 1, 12, 19, 30)
MORNING = datetime(2027, 1, 12, 9, 5)
TWELVE_HOUR_MARK = re.compile(r"\b[AaPp]\.?[Mm]\.?\b|\d\s*[صم](?:\s|$)|\bпп\b|\bдп\b")


def catalogue(lang: str, clock: str | None) -> Translations:
    """A catalogue that says nothing but (optionally) which clock the language reads."""
    messages = Catalog(locale=lang)
    if clock is not None:
        messages.add("clock:24h", clock)
    buffer = BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return Translations(fp=buffer)


def localizer(lang: str, clock: str | None) -> Localizer:
    return Localizer(lang, "de", catalogue(lang, clock))


@pytest.mark.parametrize("lang", SHIPPED)
def test_shipped_languages_read_the_24_hour_clock(lang: str) -> None:
    speaker = Localizer(lang, "de", load_catalogue(str(TRANSLATIONS), lang))
    assert not speaker.twelve_hour_clock
    assert speaker.time(EVENING) == "17:00"
    assert speaker.time(MORNING) == "09:05"
    for text in (speaker.when(EVENING, LATER), speaker.when(EVENING, LATER, long=True)):
        assert "17:00" in text and "19:30" in text and not TWELVE_HOUR_MARK.search(text), text


@pytest.mark.parametrize("lang", ["de", "en", "ar", "uk"])
@pytest.mark.parametrize("clock", [None, "24h", "clock:24h", " 24h "])
def test_any_answer_but_12h_keeps_the_24_hour_clock(lang: str, clock: str | None) -> None:
    speaker = localizer(lang, clock)
    assert not speaker.twelve_hour_clock
    assert speaker.time(EVENING) == "17:00"
    assert speaker.times(EVENING, LATER).replace(" ", "").startswith("17:00")


@pytest.mark.parametrize(("lang", "afternoon"), [("en", "PM"), ("ar", "م"), ("de", "PM")])
def test_a_catalogue_can_ask_for_the_12_hour_clock(lang: str, afternoon: str) -> None:
    speaker = localizer(lang, "12h")
    assert speaker.twelve_hour_clock
    assert "5:00" in speaker.time(EVENING) and "17" not in speaker.time(EVENING)
    assert afternoon in speaker.time(EVENING)
    span = speaker.when(EVENING, LATER)
    assert "5:00" in span and "7:30" in span and "17:00" not in span


def test_dates_keep_each_languages_own_format() -> None:
    german, english, arabic = (localizer(lang, None) for lang in ("de", "en", "ar"))
    assert german.when(EVENING, LATER) == "Di., 12. Jan. 2027, 17:00–19:30 Uhr"
    assert german.when(EVENING, LATER, long=True) == "Dienstag, 12. Januar 2027, 17:00–19:30 Uhr"
    english_text = " ".join(english.when(EVENING, LATER, long=True).split())  # Babel puts thin spaces around "–"
    assert english_text.startswith("Tuesday, January 12, 2027") and english_text.endswith("17:00 – 19:30")
    arabic_text = arabic.when(EVENING, LATER, long=True)
    assert "يناير" in arabic_text and "الثلاثاء" in arabic_text and "17:00" in arabic_text
    assert german.date(date(2026, 11, 24), long=True) == "24. November 2026"
    # Over several days: each end with its day and time.
    overnight = german.when(EVENING, datetime(2027, 1, 13, 1, 0))
    assert overnight == "Di., 12. Jan. 2027, 17:00 – Mi., 13. Jan. 2027, 01:00"


def test_a_moved_date_names_only_what_changed() -> None:
    german = localizer("de", None)
    # Another time on the same day: the times.
    assert german.rescheduled(
        datetime(2027, 1, 12, 17), datetime(2027, 1, 12, 19), datetime(2027, 1, 12, 16), datetime(2027, 1, 12, 18)
    ) == ("17:00–19:00 Uhr", "16:00–18:00 Uhr")
    # Another day at the same time: the days.
    assert german.rescheduled(
        datetime(2027, 1, 8, 15), datetime(2027, 1, 8, 17), datetime(2027, 1, 7, 15), datetime(2027, 1, 7, 17)
    ) == ("Fr., 8. Jan. 2027", "Do., 7. Jan. 2027")
    # Both: day and time.
    assert german.rescheduled(
        datetime(2027, 1, 8, 10), datetime(2027, 1, 8, 12), datetime(2027, 1, 7, 15), datetime(2027, 1, 7, 17)
    ) == ("Fr., 8. Jan. 2027, 10:00–12:00 Uhr", "Do., 7. Jan. 2027, 15:00–17:00 Uhr")
    # All-day dates: the days.
    assert german.rescheduled(date(2027, 3, 17), date(2027, 3, 17), date(2027, 3, 16), date(2027, 3, 16)) == (
        "Mi., 17. März 2027",
        "Di., 16. März 2027",
    )


def test_fixed_values_are_joined_by_their_translated_labels() -> None:
    names = {"public": "Open to the public", "newcomers": "Newcomers welcome"}
    assert localizer("en", None).labels(("public", "newcomers"), names) == "Open to the public and Newcomers welcome"
    assert localizer("de", None).labels((), names) == ""

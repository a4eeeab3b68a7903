"""Hostile or careless values: each is refused with a message in an editor's words, quickly.

One broken file on top of the valid fixture, as in test_loader_problems.py: each row asserts
where the problem is reported (file, line, field) and a fragment of the message. Rules that
used to hang the build also assert a (loose) time bound.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from contextlib import nullcontext
from datetime import date, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from netzwerk_data import DataError, expand, load_dataset
from netzwerk_data.models import Event
from netzwerk_data.occurrences import MAX_OCCURRENCES, parse_rule, rule_produces, series_starts
from netzwerk_data.schema import schema_of
from netzwerk_data.values import CODE, LINE, TEXT, invisible_character_problem, parse_image_path

FIXTURE_SITE = Path(__file__).parents[1] / "fixtures" / "site"

MEMBER = 'name: "Neuer Verein"\ntype: "association"\ndescription: "Neu."\njoined: "2020-01-01"\n'
GROUP = 'name: "AG Neu"\ndescription: "Neu."\nmeetings_per_year: 2\nfounded: "2005-01-01"\n'
VENUE = 'name: "Neu"\nstreet: "Weg 1"\npostcode: "99084"\ncity: "Erfurt"\naccessibility: "Stufenlos"\n'
EVENT_HEAD = 'title: "Neu"\ncategory: "other"\nlocation: "Domplatz"\n'
RECURRING = (
    'title: "Sprachcafé"\ncategory: "network-cafe"\n'
    'start: "2026-09-08T16:00"\nend: "2026-09-08T18:00"\nvenue: "zentrum"\n'
)
NETWORK = (FIXTURE_SITE / "data" / "network.yaml").read_text(encoding="utf-8")

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, raw in the file as if pasted
INVISIBLE = "delete it; it can make text look different from what it says"

# (file under data/, file text, field, line, message fragment; case id)
# fmt: off
CASES = [
    # --- 1. invisible and control characters ----------------------------------------------------
    pytest.param(
        "members/neu.yaml", MEMBER.replace("Neuer Verein", f"Neuer {RLO}Verein"),
        "name", 1, f"contains the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 7: {INVISIBLE}",
        id="chars-bidi-override-in-name",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace('"Neu."', '{de: "Neu.", ar: "\u2067جديد\u2069"}'),
        "description", 3,
        f"the text for 'ar' contains the invisible character U+2067 (RIGHT-TO-LEFT ISOLATE) at position 1: {INVISIBLE}",
        id="chars-bidi-isolate-in-translation",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace('"Neu."', '{"d\u200be": "Neu."}'),
        "description", 3, "a language code contains the invisible character U+200B (ZERO WIDTH SPACE) at position 2",
        id="chars-zero-width-in-translation-key",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace('"Neu."', '"Neu\\e[31m rot"'),
        "description", 3, "contains the control character U+001B (ESCAPE) at position 4: delete it",
        id="chars-escape-in-text",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace("Neuer Verein", "Neuer\\nVerein"),
        "name", 1, "contains a line break at position 6: write it on one line",
        id="chars-line-break-in-one-line-text",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace('"Neu."', '"Neu\u2028x"'),
        "description", 3, "contains the invisible character U+2028 (LINE SEPARATOR) at position 4: replace it by a "
        "normal line break",
        id="chars-line-separator-in-text",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace("Neuer Verein", "\u3164"),
        "name", 1, "contains the invisible character U+3164 (HANGUL FILLER) at position 1",
        id="chars-invisible-letter-as-name",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'website: "https://ver\u200bein.example/"\n',
        "website", 5, f"contains the invisible character U+200B (ZERO WIDTH SPACE) at position 12: {INVISIBLE}",
        id="chars-zero-width-in-url",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'website: "https://verein.example/\u00a0kontakt"\n',
        "website", 5, "contains a space (U+00A0 NO-BREAK SPACE) at position 24: a web address has no spaces",
        id="chars-no-break-space-in-url",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'email: "info\u200d@verein.example"\n',
        "email", 5, "contains the invisible character U+200D (ZERO WIDTH JOINER) at position 5",
        id="chars-joiner-in-email",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'working_groups: ["sprache\u2060"]\n',
        "working_groups[0]", 5, "contains the invisible character U+2060 (WORD JOINER) at position 8",
        id="chars-word-joiner-in-id",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'languages: ["de\ufeff"]\n',
        "languages[0]", 5, "contains the invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) at position 3",
        id="chars-bom-in-language-code",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'offers: ["counsel\u00adling"]\n',
        "offers[0]", 5, "contains the invisible character U+00AD (SOFT HYPHEN) at position 8",
        id="chars-soft-hyphen-in-tag",
    ),
    pytest.param(
        "network.yaml", NETWORK.replace('"Europe/Berlin"', '"Europe/Berlin\u200e"'),
        "timezone", 18, "contains the invisible character U+200E (LEFT-TO-RIGHT MARK) at position 14",
        id="chars-direction-mark-in-time-zone",
    ),
    pytest.param(
        "network.yaml", NETWORK + f'social:\n  - {{label: "Masto{RLO}don", url: "https://social.example/"}}\n',
        "social[0].label", 20, "contains the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 6",
        id="chars-bidi-override-in-link-label",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03\u200b"\nend: "2026-02-03"\n',
        "start", 4, "contains the invisible character U+200B (ZERO WIDTH SPACE) at position 11",
        id="chars-zero-width-in-date",
    ),
    # --- 2. dates at the edges ---------------------------------------------------------------------
    pytest.param(
        "events/9999/neu.yaml", EVENT_HEAD + 'start: "9999-12-31"\nend: "9999-12-31"\n',
        "start", 4, "'9999-12-31' is outside the years 1900 to 2199 that the site and its calendars can show; "
        "check the year",
        id="date-year-9999",
    ),
    pytest.param(
        "events/0001/neu.yaml", EVENT_HEAD + 'start: "0001-01-01"\nend: "0001-01-01"\n',
        "end", 5, "'0001-01-01' is outside the years 1900 to 2199",
        id="date-year-1",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace("2020-01-01", "1899-12-31"),
        "joined", 4, "'1899-12-31' is outside the years 1900 to 2199",
        id="date-before-1900",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03"\nend: "2026-02-03"\nupdated: "2200-01-01T00:00"\n',
        "updated", 6, "'2200-01-01T00:00' is outside the years 1900 to 2199",
        id="datetime-after-2199",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER.replace("2020-01-01", "２０２０-01-01"),
        "joined", 4, "is not a date; write YYYY-MM-DD",
        id="date-with-full-width-digits",
    ),
    # --- 3. recurrence rules ------------------------------------------------------------------------
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY;BYDAY=2TU"\n',
        "recurrence", 6, "the series has no end: add ;COUNT=10 for ten dates, or ;UNTIL=20271231 for the last date",
        id="rule-without-end",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=HOURLY;COUNT=5"\n',
        "recurrence", 6, "FREQ=HOURLY repeats every hour: a series here repeats at most daily; "
        "use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY",
        id="rule-hourly",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=WEEKLY;BYHOUR=9,18;COUNT=5"\n',
        "recurrence", 6, "BYHOUR=9,18 sets the hour of the day, which here comes from 'start': remove BYHOUR",
        id="rule-byhour",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY;INTERVAL=1000;COUNT=5"\n',
        "recurrence", 6, "INTERVAL=1000 is not allowed; write how many months lie between two dates, from 1",
        id="rule-interval-absurd",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=WEEKLY;COUNT=501"\n',
        "recurrence", 6, "COUNT=501 is not allowed; write how many dates the series has, from 1 to 500",
        id="rule-count-too-large",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=YEARLY;COUNT=20"\n',
        "recurrence", 6, "COUNT=20 runs too far ahead: the rule gives only 11 dates until 2036-09-08 "
        "(10 years after the start)",
        id="rule-count-beyond-ten-years",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20400101"\n',
        "recurrence", 6, "UNTIL=20400101 is too far ahead: a series may run until 20360908 at the latest",
        id="rule-until-beyond-ten-years",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=DAILY;UNTIL=20300101"\n',
        "recurrence", 6, "the series has more than 500 dates until UNTIL=20300101",
        id="rule-until-too-many-dates",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY;COUNT=3;UNTIL=20270101"\n',
        "recurrence", 6, "give either COUNT (how many dates) or UNTIL (the last date), not both",
        id="rule-count-and-until",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=WEEKLY;BYDAY=WE;COUNT=3"\n',
        "recurrence", 6, "the start (2026-09-08T16:00) is not a date of the rule, whose first date is 2026-09-09T16:00",
        id="rule-start-not-a-date-of-the-rule",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=WEEKLY;BYDAY=TUE;COUNT=3"\n',
        "recurrence", 6, "BYDAY=TUE: 'TUE' is not a weekday; write MO, TU, WE, TH, FR, SA or SU",
        id="rule-weekday-spelling",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=WEEKLY;BYDAY=2TU;COUNT=3"\n',
        "recurrence", 6, "only works with FREQ=MONTHLY or YEARLY, without BYWEEKNO. For 'the second Tuesday of every "
        "month' write FREQ=MONTHLY;BYDAY=2TU; for 'every other Tuesday' write FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        id="rule-numbered-weekday-in-weekly-rule",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY;BYWEEKNO=37;COUNT=3"\n',
        "recurrence", 6, "BYWEEKNO only works with FREQ=YEARLY: the rule says BYWEEKNO=37 (in which weeks of the "
        "year) but FREQ=MONTHLY (every month); remove BYWEEKNO=37 or change FREQ",
        id="rule-part-for-another-frequency",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY;BYEASTER=1;COUNT=3"\n',
        "recurrence", 6, "'BYEASTER' is not a part of a repeat rule: the parts are FREQ (how often: DAILY, WEEKLY, "
        "MONTHLY or YEARLY); INTERVAL",
        id="rule-unknown-part",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY;UNTIL=20271231T230000Z"\n',
        "recurrence", 6, "write UNTIL as the date of the last day, without a time: UNTIL=20271231",
        id="rule-until-with-time",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml", RECURRING + 'recurrence: "FREQ=MONTHLY; COUNT=3"\n',
        "recurrence", 6, "remove the spaces from the rule",
        id="rule-with-spaces",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING + 'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\n'
        'changed:\n  - {date: "2031-01-14T16:00", status: "cancelled"}\n',
        "changed[0].date", 8, "2031-01-14T16:00 (Tuesday) is not an occurrence of the rule; give the date and time "
        "the rule produces (the series runs from 2026-09-08T16:00 to 2027-02-09T16:00; its nearest date is "
        "2027-02-09T16:00 (Tuesday))",
        id="rule-changed-date-after-the-series",
    ),
    # --- 4. numbers ----------------------------------------------------------------------------------
    pytest.param(
        "venues/neu.yaml", VENUE + "geo: {lat: .nan, lon: 11.03}\n",
        "geo.lat", 6, "expected a number, got '.nan'; write the latitude in degrees, e.g. 50.978",
        id="number-nan-latitude",
    ),
    pytest.param(
        "venues/neu.yaml", VENUE + "geo: {lat: 50.97, lon: -.inf}\n",
        "geo.lon", 6, "expected a number, got '-.inf'; write the longitude in degrees",
        id="number-infinite-longitude",
    ),
    pytest.param(
        "venues/neu.yaml", VENUE + "geo: {lat: 97.5, lon: 11.03}\n",
        "geo.lat", 6, "97.5 is out of range: the latitude is between -90 and 90 degrees",
        id="number-latitude-out-of-range",
    ),
    pytest.param(
        "venues/neu.yaml", VENUE + 'geo: {lat: "50,978", lon: 11.03}\n',
        "geo.lat", 6, "'50,978' has a decimal comma; write a decimal point: 50.978",
        id="number-decimal-comma",
    ),
    pytest.param(
        "working-groups/neu.yaml", GROUP.replace("meetings_per_year: 2", "meetings_per_year: -3"),
        "meetings_per_year", 3, "-3 is out of range: write the number of meetings a year from 0 to 52",
        id="number-negative-meetings",
    ),
    pytest.param(
        "working-groups/neu.yaml", GROUP.replace("meetings_per_year: 2", "meetings_per_year: 2.5"),
        "meetings_per_year", 3, "expected a whole number, got 2.5; write it as digits only, e.g. 4",
        id="number-fraction-of-meetings",
    ),
    pytest.param(
        "network.yaml", NETWORK.replace("founded: 1999", "founded: 1850"),
        "founded", 12, "1850 is out of range: write a year from 1900 to 2100",
        id="number-founded-too-early",
    ),
    pytest.param(
        "network.yaml", NETWORK.replace("founded: 1999", "founded: true"),
        "founded", 12, "expected a whole number, got True",
        id="number-founded-boolean",
    ),
    # --- 5. logo paths -------------------------------------------------------------------------------
    pytest.param(
        "members/neu.yaml", MEMBER + 'logo: "../../etc/passwd.png"\n',
        "logo", 5, "'../../etc/passwd.png' may not contain '..', '.' or '//': write the path of the image below "
        "content/images/",
        id="logo-parent-folder",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'logo: "/etc/logo.png"\n',
        "logo", 5, "'/etc/logo.png' is an absolute path; write the path of the image below content/images/",
        id="logo-absolute",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'logo: "C:\\\\Bilder\\\\logo.png"\n',
        "logo", 5, "is an absolute path",
        id="logo-windows-absolute",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'logo: "koordination.pdf"\n',
        "logo", 5, "'koordination.pdf' is not an image: a logo is a file ending in .png, .jpg, .jpeg, .gif, .webp",
        id="logo-not-an-image-type",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'logo: "https://verein.example/logo.png"\n',
        "logo", 5, "is an address, not a file: save the image in content/images/ and write its path",
        id="logo-web-address",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'logo: "content/images/koordination.svg"\n',
        "logo", 5, "write the path without 'content/images/': \"koordination.svg\"",
        id="logo-with-folder-prefix",
    ),
    pytest.param(
        "members/neu.yaml", MEMBER + 'logo: "Koordination.svg"\n',
        "logo", 5, "there is no file content/images/Koordination.svg; did you mean 'koordination.svg'? "
        "add the image to content/images/ or fix the path",
        id="logo-missing-file",
    ),
]
# fmt: on


@pytest.mark.parametrize(("relative", "text", "field", "line", "fragment"), CASES)
def test_hostile_value_is_reported_where_it_is(problems_of, relative, text, field, line, fragment):
    started = time.perf_counter()
    problems = problems_of({relative: text})
    assert time.perf_counter() - started < 2

    assert {p.file for p in problems} == {f"data/{relative}"}, problems
    at_field = [p for p in problems if p.field == field]
    assert len(at_field) == 1, problems
    problem = at_field[0]
    assert problem.line == line, problem
    assert fragment in problem.message, problem
    assert "Traceback" not in problem.message and "Error" not in problem.message, problem


# --- 1. characters ------------------------------------------------------------------------------


def test_characters_that_writing_needs_are_allowed(load):
    persian = "خانه\u200cها"  # ZERO WIDTH NON-JOINER inside a Persian word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # emoji joined by ZERO WIDTH JOINER
    arabic = "\u200fمرحبا\u200e (Erfurt)"  # RIGHT-TO-LEFT and LEFT-TO-RIGHT MARKs
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"  # England's flag: tag characters
    german = "Integrations\u00adbeauftragte"  # a soft hyphen: where the long word may break
    text = (
        f'name: "{german} {family}"\ntype: "association"\n'
        f'description: {{de: "Zeile 1\\nZeile 2\\tmit Tab", fa: "{persian}", ar: "{arabic} {flag}"}}\n'
        'joined: "2020-01-01"\n'
    )
    member = load({"members/neu.yaml": text}).members["neu"]
    assert member.name == f"{german} {family}"
    assert member.description.as_dict("de") == {
        "de": "Zeile 1\nZeile 2\tmit Tab",
        "fa": persian,
        "ar": f"{arabic} {flag}",
    }


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("abc", CODE, None),
        ("a\u200cb", LINE, None),
        ("a\u200cb", CODE, "contains the invisible character U+200C (ZERO WIDTH NON-JOINER) at position 2"),
        ("a\nb", TEXT, None),
        ("a\nb", LINE, "contains a line break at position 2"),
        ("a\tb", LINE, "contains a tab character at position 2"),
        ("a\x00b", TEXT, "contains the control character U+0000 (NULL) at position 2"),
        ("a\x85b", TEXT, "contains the control character U+0085 (NEXT LINE) at position 2"),
        ("\ud800", TEXT, "contains the broken character U+D800 at position 1"),
        ("\ufdd0", LINE, "contains the broken character U+FDD0 at position 1"),
        ("x\U000e0041", TEXT, "contains the invisible character U+E0041 (TAG LATIN CAPITAL LETTER A) at position 2"),
        ("\u202a\u202b\u202c\u202d\u202e", TEXT, "U+202A (LEFT-TO-RIGHT EMBEDDING) at position 1"),
        ("ok \u2066", TEXT, "U+2066 (LEFT-TO-RIGHT ISOLATE) at position 4"),
        ("\u180e", LINE, "U+180E (MONGOLIAN VOWEL SEPARATOR)"),
        ("\ufff9", TEXT, "U+FFF9 (INTERLINEAR ANNOTATION ANCHOR)"),
    ],
)
def test_the_character_rule(text, kind, expected):
    problem = invisible_character_problem(text, kind)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem, problem


def test_the_character_rule_is_fast_on_long_texts():
    text = ("مرحبا بكم في شبكة الاندماج. " * 40_000) + "\u202e"
    started = time.perf_counter()
    problem = invisible_character_problem(text)
    assert time.perf_counter() - started < 2
    assert problem is not None and f"at position {len(text)}" in problem


# --- 2. dates at the edges: what validation accepts, the build can build ------------------------------


EDGE_EVENTS = {
    "events/1900/anfang.yaml": EVENT_HEAD + 'start: "1900-01-01"\nend: "1900-01-01"\ntimezone: "Asia/Tehran"\n',
    "events/1900/frueh.yaml": EVENT_HEAD
    + 'start: "1900-01-01T00:00"\nend: "1900-01-01T01:00"\ntimezone: "Pacific/Kiritimati"\n'
    + 'recurrence: "FREQ=DAILY;COUNT=500"\nexceptions: ["1900-01-02T00:00"]\n',
    "events/2199/ende.yaml": EVENT_HEAD + 'start: "2199-12-31"\nend: "2199-12-31"\n',
    "events/2199/abend.yaml": EVENT_HEAD
    + 'start: "2199-12-31T23:00"\nend: "2199-12-31T23:59"\nupdated: "2199-12-31T23:59"\n'
    + 'timezone: "Pacific/Kiritimati"\n',
    "events/2199/serie.yaml": EVENT_HEAD
    + 'start: "2199-06-01"\nend: "2199-06-03"\nrecurrence: "FREQ=MONTHLY;UNTIL=21991231"\n'
    + 'changed:\n  - {date: "2199-12-01", start: "2199-12-29", end: "2199-12-31"}\n',
    "events/2190/woechentlich.yaml": EVENT_HEAD
    + 'start: "2190-01-05T10:00"\nend: "2190-01-05T11:00"\nrecurrence: "FREQ=WEEKLY;COUNT=500"\n',
}


def test_dates_at_the_edges_load_expand_and_build(load):
    from netzwerk_calendar import feed_writer
    from netzwerk_calendar.catalogue import FeedCatalogue
    from netzwerk_calendar.components import uid_host
    from netzwerk_calendar.stamps import event_stamps
    from netzwerk_site.site_model import SiteModel

    dataset = load(EDGE_EVENTS)
    serie = expand(dataset.events["serie"])
    assert [o.start for o in serie][-1] == date(2199, 12, 29)
    assert serie[-1].end == date(2199, 12, 31)
    assert len(expand(dataset.events["frueh"])) == MAX_OCCURRENCES - 1  # one exception
    weekly = expand(dataset.events["woechentlich"])
    assert len(weekly) == 500 and weekly[-1].start <= datetime(2199, 12, 31, 23, 59)

    catalogue = FeedCatalogue(SiteModel(dataset, date(2026, 12, 2), 365), past_months=12)
    translations = str(Path(__file__).resolve().parents[2] / "theme" / "translations")
    stamps, host = event_stamps(dataset), uid_host("https://x.example")
    writer = feed_writer(catalogue, "https://x.example", translations, dataset.default_language, stamps, host)
    calendar = writer.calendar(catalogue.archive)
    assert b"DTEND;VALUE=DATE:22000101" in calendar  # all-day ends are exclusive in iCalendar
    assert b"DTSTART;VALUE=DATE:19000101" in calendar
    for today in (date(1900, 1, 1), date(2199, 12, 31)):
        model = SiteModel(dataset, today, 365)
        assert model.occurrences and model.upcoming_by_month is not None and model.past_by_year is not None


# --- 3. rules that used to hang: refused quickly, and expansion is bounded whatever the rule ----------------


@pytest.mark.parametrize(
    ("rule", "extra", "fragment"),
    [
        ("FREQ=MONTHLY;INTERVAL=0", 'exceptions: ["2027-09-08T16:00"]\n', "INTERVAL=0 is not allowed"),
        ("FREQ=SECONDLY;COUNT=5", 'exceptions: ["2027-09-08T16:00"]\n', "FREQ=SECONDLY repeats every second"),
        ("FREQ=MINUTELY", 'exceptions: ["2027-09-08T16:00"]\n', "FREQ=MINUTELY repeats every minute"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "", "the rule gives no date from the start"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "", "the rule gives no date from the start"),
        ("FREQ=DAILY;BYSETPOS=2;UNTIL=20300101", "", "the rule gives no date from the start"),
        (
            "FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
            'exceptions: ["2199-01-01T16:00"]\n',
            "2199-01-01T16:00 (Tuesday) is not an occurrence of the rule",
        ),
    ],
)
def test_rules_that_used_to_hang_are_reported_quickly(problems_of, rule, extra, fragment):
    started = time.perf_counter()
    problems = problems_of({"events/2026/sprachcafe.yaml": RECURRING + f'recurrence: "{rule}"\n' + extra})
    assert time.perf_counter() - started < 2
    assert [p.field for p in problems if fragment in p.message] in (["recurrence"], ["exceptions[0]"]), problems


def _event(rule: str, start: str = "2026-09-08T16:00") -> Event:
    return Event(title="S", category="other", location="x", start=start, end=start, recurrence=rule)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20360101",
        "FREQ=WEEKLY;BYSETPOS=8;COUNT=500",
        "FREQ=DAILY;UNTIL=99991231",
        "FREQ=DAILY;INTERVAL=99999999999999999999;COUNT=2",
    ],
)
def test_expanding_an_unchecked_record_never_runs_away(rule):
    # A record built without the loader's checks: expand refuses its rule instead of running on.
    started = time.perf_counter()
    with pytest.raises(ValueError):
        expand(_event(rule))
    assert time.perf_counter() - started < 2


def test_a_rule_gives_at_most_its_bounded_dates():
    rule = parse_rule(_event("FREQ=DAILY;UNTIL=20271231"))
    assert len(rule.starts(10_000)) == 480  # 2026-09-08 .. 2027-12-31, not one more
    assert rule_produces(rule, datetime(2027, 12, 31, 16, 0))
    assert not rule_produces(rule, datetime(2028, 1, 1, 16, 0))
    started = time.perf_counter()
    assert not rule_produces(rule, datetime(2199, 1, 1, 16, 0))
    assert time.perf_counter() - started < 0.5
    assert len(series_starts(_event("FREQ=WEEKLY;COUNT=500"))) == MAX_OCCURRENCES


def test_until_is_the_last_day_and_calendars_read_it_so():
    from zoneinfo import ZoneInfo

    from icalendar import vRecur

    from netzwerk_data.occurrences import calendar_rule

    timed = _event("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261110")
    assert series_starts(timed)[-1] == datetime(2026, 11, 10, 16, 0)  # the last day, at the series' time
    # RFC 5545: with a local start time, UNTIL is a UTC date-time (23:59:59 in Berlin is 22:59:59 UTC in winter)
    published = calendar_rule(timed, ZoneInfo("Europe/Berlin"))
    assert published == "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261110T225959Z"
    assert vRecur.from_ical(published)["UNTIL"] == [datetime(2026, 11, 10, 22, 59, 59, tzinfo=ZoneInfo("UTC"))]
    all_day = _event("freq=monthly;byday=2tu;until=20261110", start="2026-09-08")
    assert calendar_rule(all_day, ZoneInfo("Europe/Berlin")) == "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261110"


def test_a_valid_series_still_loads_with_lowercase_and_a_trailing_semicolon(load):
    dataset = load(
        {"events/2026/sprachcafe.yaml": RECURRING + 'recurrence: "freq=monthly;byday=2tu;until=20261231;"\n'}
    )
    assert [o.start.month for o in expand(dataset.events["sprachcafe"])] == [9, 10, 11, 12]


# --- 5. logo files: symbolic links, folders and special files are refused ------------------------------


@pytest.fixture
def content_with_images(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", content)
    images = content / "images"
    (images / "logos").mkdir()
    (images / "logos" / "verein.png").write_bytes(b"\x89PNG")
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    os.symlink(outside, images / "link.png")
    os.symlink(images / "logos", images / "linked-folder")
    (images / "folder.png").mkdir()
    return content


@pytest.mark.parametrize(
    ("logo", "fragment"),
    [
        ("logos/verein.png", None),
        ("link.png", "content/images/link.png is a symbolic link; the site only publishes real files inside "
         "content/images/: replace the link by a copy of the image"),
        ("linked-folder/verein.png", "content/images/linked-folder is a symbolic link"),
        ("folder.png", "content/images/folder.png is not an image file (it is a folder or a special file)"),
        ("logos/verein.png/x.png", "content/images/logos/verein.png is not a folder; fix the path"),
        ("logo/verein.png", "there is no folder content/images/logo; did you mean 'logos'? fix the path"),
    ],
)  # fmt: skip
def test_logo_must_be_a_real_image_file_inside_content_images(make_data, content_with_images, logo, fragment):
    data = make_data({"members/neu.yaml": MEMBER + f'logo: "{logo}"\n'})
    if fragment is None:
        assert load_dataset(data, content_with_images).members["neu"].logo == logo
        return
    with pytest.raises(DataError) as caught:
        load_dataset(data, content_with_images)
    assert [(p.file, p.line, p.field) for p in caught.value.problems] == [("data/members/neu.yaml", 5, "logo")]
    assert fragment in caught.value.problems[0].message


def test_logo_folder_that_is_a_symbolic_link_is_refused(make_data, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(FIXTURE_SITE / "content" / "images", tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", content / "images")
    with pytest.raises(DataError) as caught:
        load_dataset(make_data({}), content)
    messages = [p.message for p in caught.value.problems if p.field == "logo"]
    assert messages == [
        "content/images is a symbolic link; the site only publishes real files: replace it by a real folder"
    ]


# --- the published schemas say the same as the validators ------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["logo.png", "logos/verein.JPG", "a b/c.svg", "../x.png", "/x.png", "C:x.png", "x/./y.png", "x//y.png",
     ".x.png", "x/.y.png", "x.pdf", "x", "x\\y.png", "~/x.png"],
)  # fmt: skip
def test_image_path_schema_pattern_agrees_with_the_validator(path):
    member = schema_of("member")
    pattern = member["properties"]["logo"]["anyOf"][0]["pattern"]
    try:
        parse_image_path(path)
        valid = True
    except ValueError:
        valid = False
    assert bool(re.search(pattern, path)) == valid, path


@pytest.mark.parametrize(
    ("text", "valid"),
    [("1900-01-01", True), ("2199-12-31", True), ("1899-12-31", False), ("2200-01-01", False), ("0001-01-01", False)],
)
def test_date_schema_pattern_agrees_with_the_year_bounds(text, valid):
    event = json.loads(json.dumps(schema_of("event")))
    assert bool(re.search(event["properties"]["start"]["pattern"], text)) == valid
    assert bool(re.search(event["properties"]["start"]["pattern"], text + "T10:00")) == valid
    with pytest.raises(ValidationError) if not valid else nullcontext():
        _event("FREQ=DAILY;COUNT=1", start=text)


def test_a_huge_value_is_shortened_and_invisible_characters_are_shown_in_messages():
    from netzwerk_data.problems import Problem

    shown = str(Problem("data/members/ver\u202eein.yaml", 8, "joined", f"'{'9' * 5000}' is not a date"))
    assert shown == f"data/members/ver<U+202E>ein.yaml:8: joined: '{'9' * 60}…' is not a date"
    assert str(Problem("a.yaml", 1, "name", "the network's name 'Netz'")) == "a.yaml:1: name: the network's name 'Netz'"

"""The annual report's figures against tests/fixtures/report, every number counted by hand.

The fixture's comments say which dates count. Today is 2026-11-24: 2025 is complete, 2026 is
counted up to today (the December dates are ahead and do not count).
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from netzwerk_data import load_dataset
from netzwerk_data.report import ReportProblem, annual_report, check_year, report_years

FIXTURE = Path(__file__).parents[1] / "fixtures" / "report"
TODAY = date(2026, 11, 24)

# figure -> {item: values, one per measure}
EXPECTED_2026 = {
    # AG Sprache: 8 of 12 dates (March cancelled, June postponed, August skipped, December ahead),
    # AG Wohnen: the February meeting (March cancelled); the café: 6 of 10 (one skipped, one
    # cancelled, two ahead); the May network meeting (December ahead); the training was cancelled.
    "events": {
        "network-meeting": (1,),
        "working-group": (9,),
        "conference": (0,),
        "network-cafe": (6,),
        "training": (0,),
        "other": (0,),
    },
    # AG Alt closed in 2020 and is not listed; AG Wohnen closed in March 2026 and is.
    "working-groups": {"sprache": (8, 6), "wohnen": (1, 4)},
    # Verein A joined in March, Verein B left in June; Migrantenverein C joins in December (ahead).
    "members": {"joined": (1,), "left": (1,)},
    # On 2026-11-24: Koordinationsstelle, Verein A, Schule D (leaves only in 2027).
    "member-types": {
        "administration": (1,),
        "welfare": (0,),
        "association": (1,),
        "migrant-organisation": (0,),
        "education": (1,),
        "church": (0,),
        "company": (0,),
        "other": (0,),
    },
    # de: 8 + 1 + 1 + 6; ar: 8 + 6; fa: 6 (the café); en: 1 (the network meeting)
    "event-languages": {"de": (16,), "ar": (14,), "fa": (6,), "en": (1,)},
    "member-languages": {"de": (2,), "ar": (1,), "en": (1,)},
    # network meeting 40; AG Sprache 12 (April) + 9 (May, moved to the 19th) + AG Wohnen 7; café 15
    "attendance": {"network-meeting": (40, 1), "working-group": (28, 3), "network-cafe": (15, 1)},
}

EXPECTED_2025 = {
    "events": {c: ((1,) if c == "conference" else (0,)) for c in EXPECTED_2026["events"]},
    "working-groups": {"sprache": (0, 6), "wohnen": (0, 4)},
    "members": {"joined": (0,), "left": (0,)},
    "member-types": EXPECTED_2026["member-types"],  # Verein B (still in) instead of Verein A
    "event-languages": {"de": (1,)},
    "member-languages": {"de": (2,), "en": (1,)},
    "attendance": {"conference": (80, 1)},
}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURE / "data", FIXTURE / "content")


def as_dict(report) -> dict[str, dict[str, tuple[int, ...]]]:
    return {figure.key: {row.item: row.values for row in figure.rows} for figure in report.figures}


def test_the_years_with_a_report(dataset) -> None:
    assert report_years(dataset, TODAY) == [2025, 2026]


@pytest.mark.parametrize(("year", "expected"), [(2026, EXPECTED_2026), (2025, EXPECTED_2025)])
def test_every_figure_equals_the_hand_count(dataset, year: int, expected: dict) -> None:
    report = annual_report(dataset, year, TODAY)
    assert as_dict(report) == expected
    # rows in a fixed order: categories and types as in the contract, languages most first
    assert list(as_dict(report)["event-languages"]) == list(expected["event-languages"])


def test_the_current_year_counts_up_to_today_and_a_past_year_is_complete(dataset) -> None:
    assert annual_report(dataset, 2026, TODAY).until == TODAY
    assert not annual_report(dataset, 2026, TODAY).complete
    assert annual_report(dataset, 2025, TODAY).complete
    # a year later, the December dates of 2026 count too: the network meeting and the last café date
    # (26 Nov, 3 Dec) and the AG Sprache date of 8 December; Migrantenverein C has joined.
    later = as_dict(annual_report(dataset, 2026, date(2027, 6, 1)))
    assert later["events"]["network-meeting"] == (2,)
    assert later["events"]["network-cafe"] == (8,)
    assert later["working-groups"]["sprache"] == (9, 6)
    assert later["members"] == {"joined": (2,), "left": (1,)}


def test_the_csv_has_one_line_per_number(dataset) -> None:
    report = annual_report(dataset, 2026, TODAY)
    rows = list(csv.DictReader(io.StringIO(report.csv_text())))
    assert rows[0] == {"year": "2026", "figure": "events", "item": "network-meeting", "measure": "dates", "value": "1"}
    found = {(r["figure"], r["item"], r["measure"]): int(r["value"]) for r in rows}
    assert found[("working-groups", "sprache", "planned")] == 6
    assert found[("attendance", "working-group", "participants")] == 28
    assert len(rows) == sum(len(values) for figure in EXPECTED_2026.values() for values in figure.values())


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("", "is not a year"),
        ("26", "is not a year"),
        ("twenty", "is not a year"),
        ("2027", "2027 has not begun yet (today is 2026-11-24); years with a report: 2025, 2026"),
        ("2019", "there are no events in 2019 in the data; years with a report: 2025, 2026"),
    ],
)
def test_a_bad_year_is_refused_in_plain_words(dataset, year: str, message: str) -> None:
    with pytest.raises(ReportProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_year(year, dataset, TODAY)


def test_bars_are_proportional_to_the_values_and_mirrored_right_to_left() -> None:
    from netzwerk_site.charts import Bar, bar_chart

    bars = [Bar("a", "Alpha", 4, target=6), Bar("b", "Beta <b>", 2, target=4), Bar("c", "Gamma", 0, target=1)]
    for rtl in (False, True):
        svg = ET.fromstring(str(bar_chart("chart-x", "Title", "What it counts", bars, rtl=rtl, target_label="plan")))
        ns = {"s": "http://www.w3.org/2000/svg"}
        assert svg.get("role") == "img" and svg.get("aria-labelledby") == "chart-x-title chart-x-desc"
        assert svg.find("s:title", ns).text == "Title"
        rects = svg.findall(".//s:rect", ns)
        widths = [float(r.get("width")) for r in rects]
        assert [int(r.get("data-value")) for r in rects] == [4, 2, 0]
        assert widths[0] == pytest.approx(2 * widths[1]) and widths[2] == 0
        labels = [t.text for t in svg.findall(".//s:text", ns)]
        assert "Beta <b>" in labels  # escaped in the markup, whole in the text
        xs = [float(r.get("x")) for r in rects]
        if rtl:  # bars end at the same base line on the right
            assert xs[0] + widths[0] == pytest.approx(xs[1] + widths[1])
            assert xs[0] < xs[1]
        else:
            assert xs[0] == xs[1]

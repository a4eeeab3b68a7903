"""The chronicle and the annual report pages of the built report fixture, in every language.

Each report table equals the CSV of `invoke report`, and each chart's bars equal its table.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_ROOT, TODAY, build_site

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "report"
LANGUAGES = {"de": "", "en": "en/", "ar": "ar/"}


@pytest.fixture(scope="module")
def report_site(tmp_path_factory) -> Path:
    return build_site(FIXTURE / "data", FIXTURE / "content", tmp_path_factory.mktemp("report-site") / "output")


@pytest.fixture(scope="module")
def report_csv(tmp_path_factory) -> dict[str, list[dict[str, str]]]:
    folder = tmp_path_factory.mktemp("reports")
    by_year = {}
    for year in ("2025", "2026"):
        command = [sys.executable, "-m", "invoke", "report", "--year", year, "--data", str(FIXTURE / "data")]
        command += ["--content", str(FIXTURE / "content"), "--today", TODAY, "--folder", str(folder)]
        done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        with (folder / f"report-{year}.csv").open(encoding="utf-8", newline="") as file:
            by_year[year] = list(csv.DictReader(file))
    return by_year


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def tables(soup: BeautifulSoup) -> dict[tuple[str, str, str], int]:
    found = {}
    for table in soup.select("table.report-table"):
        for row in table.select("tbody tr"):
            for cell in row.select("td"):
                found[(table["data-figure"], row["data-item"], cell["data-measure"])] = int(cell.get_text(strip=True))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("year", ["2025", "2026"])
def test_report_tables_equal_the_csv(report_site: Path, report_csv, lang: str, year: str) -> None:
    soup = page(report_site, f"{LANGUAGES[lang]}report/{year}")
    expected = {(r["figure"], r["item"], r["measure"]): int(r["value"]) for r in report_csv[year]}
    assert tables(soup) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chart_is_an_image_with_a_name_and_its_bars_equal_the_table(report_site: Path, lang: str) -> None:
    soup = page(report_site, f"{LANGUAGES[lang]}report/2026")
    assert soup.html["dir"] == ("rtl" if lang == "ar" else "ltr")
    values = tables(soup)
    sections = soup.select("section.report-figure")
    assert len(sections) == 7
    for section in sections:
        svg = section.find("svg")
        table = section.find("table")
        assert svg is not None and table is not None
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text() == section.find("h2").get_text()
        assert svg.find("desc", id=desc_id).get_text()
        figure = table["data-figure"]
        bar_measure = table.select_one("thead th[data-measure]")["data-measure"]
        rects = svg.select("rect.bar")
        items = [row["data-item"] for row in table.select("tbody tr")]
        assert [r.parent["data-item"] for r in rects] == items
        widths = {}
        for rect in rects:
            item = rect.parent["data-item"]
            assert int(rect["data-value"]) == values[(figure, item, bar_measure)]
            # the value is written beside the bar, the label in front of it
            assert rect.parent.select_one("text.value").get_text() == rect["data-value"]
            widths[item] = (float(rect["width"]), int(rect["data-value"]))
        largest = max(value for _w, value in widths.values())
        longest = max(width for width, _v in widths.values())
        for width, value in widths.values():
            assert width == pytest.approx(longest * value / largest if largest else 0, abs=0.02)
        for line in svg.select("line.target"):
            assert int(line["data-value"]) == values[(figure, line.parent["data-item"], "planned")]


def test_the_report_index_lists_each_year(report_site: Path) -> None:
    links = [a["href"] for a in page(report_site, "report").select("ul.report-years a")]
    assert links == ["../report/2026/", "../report/2025/"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_chronicle_marks_example_data_and_names_sources(report_site: Path, lang: str) -> None:
    soup = page(report_site, f"{LANGUAGES[lang]}chronicle")
    entries = soup.select("li.chronicle-entry")
    assert len(entries) == 2
    founding, example = entries
    assert "is-example" not in founding["class"] and founding.select_one(".badge-example") is None
    assert founding.select_one("a[href='https://bericht.example/geschichte/']") is not None
    assert founding.select_one("time")["datetime"] == "2010"  # only the year is known (written YYYY-01-01)
    assert "is-example" in example["class"] and example.select_one(".badge-example") is not None
    assert example.select_one("time")["datetime"] == "2020-05-04"

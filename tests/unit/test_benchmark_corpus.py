"""The benchmark's synthetic corpus (benchmarks/corpus) and its plain-Pelican baseline (benchmarks/baseline).

The corpus must be what the benchmark claims: seeded and byte-for-byte reproducible, accepted by the
kit's own checks, and full of what real data has (series with exceptions, moved and cancelled dates,
all-day and multi-day events, members joining and leaving, info mails with translations). The
baseline must build exactly the pages asked for, with a menu that does not grow with the site.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

import netzwerk_build
from benchmarks.baseline import MENU, write_plain_site
from benchmarks.corpus import Corpus, CorpusSpec, generate
from benchmarks.edit_loop import upcoming_event_file
from benchmarks.measure import Run
from benchmarks.report import Measured, exponent, ratio_line
from netzwerk_build import Project
from netzwerk_data import Dataset

ROOT = Path(__file__).resolve().parents[2]
YEARS = 3


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def german_mails(corpus: Corpus) -> list[Path]:
    """Info mails in the default language: 2026-05.md, not its translation 2026-05.en.md."""
    return sorted(p for p in (corpus.content / "info-mail").glob("*.md") if p.name.count(".") == 1)


def checked_dataset(corpus: Corpus) -> Dataset:
    """The corpus as the kit's build reads it: every data and content check must pass."""
    sources = netzwerk_build.check(Project(ROOT), corpus.data, corpus.content)
    assert sources.ok, sources.report()
    assert sources.dataset is not None
    return sources.dataset


def header(path: Path) -> dict[str, str]:
    """The `Key: value` lines at the top of a Markdown content file."""
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return generate(tmp_path_factory.mktemp("corpus") / "c", CorpusSpec(years=YEARS, scale=1, seed=5))


@pytest.fixture(scope="module")
def dataset(corpus: Corpus) -> Dataset:
    return checked_dataset(corpus)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_another_corpus(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", CorpusSpec(years=2, scale=2, seed=11))
    # The same again in another process, with other hash seeds (no set or dict order may leak into files).
    command = [sys.executable, "-m", "benchmarks.corpus", str(tmp_path / "b"), "--years", "2", "--scale", "2"]
    environment = {**os.environ, "PYTHONHASHSEED": "4711"}
    subprocess.run([*command, "--seed", "11"], cwd=ROOT, env=environment, check=True, capture_output=True)
    other = generate(tmp_path / "c", CorpusSpec(years=2, scale=2, seed=12))

    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")
    assert len(files_of(tmp_path / "a")) > 300
    assert files_of(tmp_path / "a") != files_of(tmp_path / "c")
    assert first.today == other.today == date(2026, 6, 30)  # from the corpus' last year, never from the clock


def test_the_corpus_passes_the_kits_checks(dataset: Dataset) -> None:
    assert dataset.network.languages == ("de", "en", "ar")
    assert len(dataset.events) > 0


def test_a_larger_scale_passes_the_kits_checks_too(tmp_path: Path) -> None:
    larger = checked_dataset(generate(tmp_path / "c", CorpusSpec(years=1, scale=2, seed=2)))
    assert len(larger.members) == 160


def test_about_sixty_events_a_year_of_every_category(dataset: Dataset) -> None:
    per_year = len(dataset.events) / YEARS
    assert 50 <= per_year <= 70
    categories = {event.category for event in dataset.events.values()}
    assert categories == {"network-meeting", "working-group", "conference", "network-cafe", "training", "other"}
    meetings = [e for e in dataset.events.values() if e.category == "network-meeting"]
    assert len(meetings) == 5 * YEARS


def test_series_have_exceptions_and_moved_and_cancelled_dates(dataset: Dataset) -> None:
    series = [event for event in dataset.events.values() if event.recurrence]
    changes = [change for event in series for change in event.changed]

    assert len(series) >= 3 * YEARS
    assert {rule.split(";")[0] for rule in (e.recurrence for e in series)} >= {"FREQ=MONTHLY", "FREQ=WEEKLY"}
    assert any("COUNT=" in e.recurrence for e in series) and any("UNTIL=" in e.recurrence for e in series)
    assert any(event.exceptions for event in series)
    assert any(c.start is not None and c.start != c.date and c.venue is not None for c in changes)  # moved
    assert any(c.status == "cancelled" for c in changes)


def test_cancelled_all_day_multi_day_and_online_events(dataset: Dataset) -> None:
    events = list(dataset.events.values())
    all_day = [e for e in events if e.all_day]

    assert any(e.status == "cancelled" and e.recurrence is None for e in events)
    assert any(e.start == e.end for e in all_day)  # one whole day
    assert any(e.end > e.start for e in all_day)  # several whole days
    timed = [e for e in events if isinstance(e.start, datetime) and isinstance(e.end, datetime)]
    assert any(e.end.date() > e.start.date() for e in timed)  # over two days, with times
    assert any(e.online for e in events)
    assert any(e.registration is not None and e.registration.deadline is not None for e in events)


def test_members_join_and_leave_over_the_years(corpus: Corpus, dataset: Dataset) -> None:
    members = list(dataset.members.values())
    first_year = corpus.spec.first_year

    assert len(members) == 80
    assert {m.joined.year for m in members} >= set(range(first_year, first_year + YEARS))
    assert any(m.joined.year < first_year for m in members)  # founding members
    left = [m for m in members if m.left is not None and m.left <= corpus.today]
    assert left
    assert all(m.left >= m.joined for m in left)
    assert 50 <= sum(1 for m in members if m.is_current(corpus.today)) < 80
    assert len(dataset.working_groups) == 8
    assert all(len(dataset.group_members.get(g, ())) >= 3 for g in dataset.working_groups)
    assert all(venue.geo is not None for venue in dataset.venues.values())


def test_info_mails_every_month_in_german_with_english_and_arabic_translations(corpus: Corpus) -> None:
    mails = corpus.content / "info-mail"
    german = german_mails(corpus)
    months = {(int(header(p)["date"][:4]), int(header(p)["date"][5:7])) for p in german}

    assert len(german) == len(months) == 12 * (YEARS - 1) + corpus.today.month
    assert all(date.fromisoformat(header(p)["date"][:10]) <= corpus.today for p in german)  # none held back
    for lang in ("en", "ar"):
        translations = sorted(mails.glob(f"*.{lang}.md"))
        assert translations
        for translation in translations:
            original = translation.with_name(translation.name.replace(f".{lang}.md", ".md"))
            assert header(translation)["lang"] == lang
            assert header(translation)["slug"] == header(original)["slug"]
    assert len(list(mails.glob("*.md"))) - len(german) < len(german)  # some translated, not all


def test_a_larger_scale_multiplies_members_groups_events_and_mails(tmp_path: Path) -> None:
    def count(corpus: Corpus, pattern: str) -> int:
        return len(list(corpus.data.parent.glob(pattern)))

    one = generate(tmp_path / "1", CorpusSpec(years=2, scale=1, seed=3))
    four = generate(tmp_path / "4", CorpusSpec(years=2, scale=4, seed=3))
    for pattern in ("data/members/*.yaml", "data/working-groups/*.yaml"):
        assert count(four, pattern) == 4 * count(one, pattern)
    assert len(german_mails(four)) == 4 * len(german_mails(one))
    assert 3.6 <= count(four, "data/events/*/*.yaml") / count(one, "data/events/*/*.yaml") <= 4.4


def test_the_baseline_builds_the_pages_asked_for_with_a_menu_that_does_not_grow(tmp_path: Path) -> None:
    menus: set[int] = set()
    for pages in (14, 61):
        folder = tmp_path / str(pages)
        subprocess.run(write_plain_site(folder, pages), check=True, capture_output=True, timeout=300)
        built = sorted((folder / "output").rglob("*.html"))
        assert len(built) == pages
        for page in built:
            links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("header nav a")
            menus.add(len(links))
            for link in links:  # relative, and every one leads to a page of the site
                target = urljoin(page.as_uri(), link["href"]).removeprefix("file://")
                assert Path(target, "index.html").is_file(), link["href"]
    assert menus == {len(MENU)}


def test_the_growth_exponent_is_one_for_linear_time_and_two_for_quadratic() -> None:
    def measured(pages: int, seconds: float) -> Measured:
        run = Run(seconds, seconds, 100.0)
        return Measured(f"{pages}", 20, 1, pages, run, Run(seconds / 2, seconds / 2, 50.0), 1.0, 1.0, {})

    assert exponent(measured(1000, 2.0), measured(4000, 8.0), "kit") == pytest.approx(1.0)
    assert exponent(measured(1000, 2.0), measured(4000, 32.0), "kit") == pytest.approx(2.0)
    _, last = ratio_line([measured(1000, 3.0)], 20)
    assert last == "ratio: 2.00"


def test_the_edit_loop_retitles_a_single_upcoming_event(corpus: Corpus, dataset: Dataset) -> None:
    path = upcoming_event_file(corpus.data, corpus.today.isoformat())
    event = dataset.events[path.stem]
    assert event.recurrence is None
    assert event.start.date() > corpus.today
    assert path.parent.name == str(corpus.today.year)

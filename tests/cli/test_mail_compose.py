"""`make mail MONTH=2026-12` as the task runs it, and the coordinator's way on from there.

The task checks the data, then calls `compose_mail(dataset, content_dir, month, today, translations)`.
The draft must pass the same checks as `make validate`, stay out of the site while it is a draft, and,
once its `Status: draft` line is deleted, build into the mail's page with the dates the data has on
that build: a meeting moved in the data is moved in the mail's page without editing the mail.
Pages are read with BeautifulSoup and the feed with feedparser; the expected dates come from the
YAML (tests/unit/test_directives.py reads it with PyYAML and dateutil, not with the code under test).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup

from netzwerk_build import Project, SitePaths, build, check
from netzwerk_mail.compose import compose_mail
from tests.unit.test_directives import between, data_occurrences, in_language

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
PROJECT = Project(ROOT)
COMPOSED_ON = date(2026, 11, 24)
MONTH = "2026-12"
NEW_MEMBER = ("aerztehaus", "Ärztehaus am Anger", "2026-11-20")  # joined after the November mail


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "site")
    member_id, name, joined = NEW_MEMBER
    (tmp_path / "site" / "data" / "members" / f"{member_id}.yaml").write_text(
        f'name: "{name}"\ntype: "association"\ndescription: "Neu."\njoined: "{joined}"\n', encoding="utf-8"
    )
    return tmp_path / "site"


def make_mail(site: Path, month: str = MONTH) -> list[Path]:
    """What `make mail MONTH=…` does: check the data, then compose."""
    sources = check(PROJECT, site / "data", site / "content")
    assert sources.ok, sources.report()
    assert sources.dataset is not None
    return compose_mail(sources.dataset, site / "content", month, COMPOSED_ON, PROJECT.translations)


def build_site(site: Path, output: Path, today: str) -> list[str]:
    """Build into `output` (as `make build TODAY=…`); return the notes the build printed."""
    notes: list[str] = []
    paths = SitePaths(site / "data", site / "content", output)
    # The calendar's printable PDFs take most of a build's time and have nothing to do with the mail.
    build(PROJECT, paths, today, ROOT / "pelicanconf.py", say=notes.append, extra_settings={"PERIOD_PDFS": "none"})
    return notes


def publish(drafts: list[Path]) -> None:
    """What the coordinator does when the draft is ready: delete the `Status: draft` line."""
    for path in drafts:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        assert "Status: draft\n" in lines
        path.write_text("".join(line for line in lines if line != "Status: draft\n"), encoding="utf-8")


def article(output: Path, page: str) -> tuple[BeautifulSoup, str]:
    html = (output / page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").find("article"), html


def event_links(output: Path, page: str) -> list[str]:
    """The events the mail's page links to, in order, each link followed to a page of the built site."""
    body, _html = article(output, page)
    found = []
    for link in body.find_all("a", href=True):
        target = urljoin(f"file://{output}/{page}", link["href"]).removeprefix("file://")
        relative = Path(target).relative_to(output).as_posix()
        if relative.startswith("events/"):
            assert (output / relative / "index.html").is_file(), f"{link['href']} leads nowhere"
            found.append(relative.removeprefix("events/").strip("/"))
    return found


def test_the_draft_is_checked_held_back_and_then_built_from_the_data(site: Path, tmp_path: Path) -> None:
    drafts = make_mail(site)
    assert drafts[0] == site / "content" / "info-mail" / f"{MONTH}.md"
    assert check(PROJECT, site / "data", site / "content").ok, "the draft passes `make validate`"

    output = tmp_path / "output"
    notes = build_site(site, output, COMPOSED_ON.isoformat())
    assert not (output / "info-mail" / MONTH).exists(), "a draft is not published"
    assert any("draft" in note for note in notes), notes

    publish(drafts)
    build_site(site, output, "2026-12-01")
    page = f"info-mail/{MONTH}/index.html"
    body, html = article(output, page)
    assert "{events" not in html and "{member" not in html and "__site_root__" not in html
    expected = between(data_occurrences(site / "data"), date(2026, 12, 1), date(2027, 1, 31))
    assert event_links(output, page) == [o.event_id for o in expected]
    titles = [link.get_text() for link in body.find_all("a") if "/events/" in link["href"]]
    assert titles == [in_language(o.title, "de") for o in expected]
    member_links = [link for link in body.find_all("a") if "/members/" in link["href"]]
    assert [link.get_text() for link in member_links] == [NEW_MEMBER[1]]
    assert (output / Path(page).parent / member_links[0]["href"] / "index.html").resolve().is_file()


def test_a_moved_meeting_moves_in_the_mail_without_editing_it(site: Path, tmp_path: Path) -> None:
    drafts = make_mail(site)
    publish(drafts)
    mail_before = drafts[0].read_bytes()
    output = tmp_path / "output"
    page = f"info-mail/{MONTH}/index.html"
    build_site(site, output, "2026-12-01")
    before = [item.get_text() for item in article(output, page)[0].find_all("li")]
    assert any("14:00" in text and "Netzwerktreffen Dezember" in text for text in before)

    event = site / "data" / "events" / "2026" / "netzwerktreffen-dezember.yaml"
    text = event.read_text(encoding="utf-8")
    event.write_text(
        text.replace('"2026-12-02T14:00"', '"2026-12-16T15:30"').replace('"2026-12-02T17:00"', '"2026-12-16T18:30"'),
        encoding="utf-8",
    )
    build_site(site, output, "2026-12-01")
    after = [item.get_text() for item in article(output, page)[0].find_all("li")]
    moved = [t for t in after if "Netzwerktreffen Dezember" in t]
    assert len(moved) == 1 and "15:30" in moved[0] and "14:00" not in moved[0]
    assert format_date(date(2026, 12, 16), "d. MMM", locale="de") in moved[0]
    assert drafts[0].read_bytes() == mail_before, "the mail itself was not edited"
    expected = between(data_occurrences(site / "data"), date(2026, 12, 1), date(2027, 1, 31))
    assert event_links(output, page) == [o.event_id for o in expected], "in its new place in the order"


def test_the_feed_carries_the_dates_with_absolute_links(site: Path, tmp_path: Path) -> None:
    publish(make_mail(site))
    output = tmp_path / "output"
    build_site(site, output, "2026-12-01")
    feed = feedparser.parse((output / "feeds" / "info-mail.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entry = next(e for e in feed.entries if e.link.rstrip("/").endswith(f"info-mail/{MONTH}"))
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    links = [link["href"] for link in content.find_all("a", href=True)]
    assert "https://test.example/events/netzwerktreffen-dezember/" in links
    assert all(link.startswith(("https://", "mailto:")) for link in links), links


def test_validate_names_a_directive_whose_id_is_not_in_the_data(site: Path) -> None:
    drafts = make_mail(site)
    text = drafts[0].read_text(encoding="utf-8")
    drafts[0].write_text(text.replace(f"{{member {NEW_MEMBER[0]}}}", "{member aerzte-haus}"), encoding="utf-8")
    line = next(
        n for n, row in enumerate(drafts[0].read_text(encoding="utf-8").splitlines(), 1) if "aerzte-haus" in row
    )
    sources = check(PROJECT, site / "data", site / "content")
    assert not sources.ok
    report = sources.report()
    assert f"content/info-mail/{MONTH}.md:{line}: (directive): {{member aerzte-haus}}: there is no member" in report
    assert f"did you mean '{NEW_MEMBER[0]}'?" in report
